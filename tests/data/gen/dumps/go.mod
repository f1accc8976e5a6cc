module goroscope/gen/dumps

go 1.19
