module goroscope/gen/hostile

go 1.26
