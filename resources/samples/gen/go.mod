module goroscope/sample

go 1.26
