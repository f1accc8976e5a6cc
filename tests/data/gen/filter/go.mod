module goroscope/filtergen

go 1.19
