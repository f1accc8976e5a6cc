module goroscope/tracegen

go 1.19
