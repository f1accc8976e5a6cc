module goroscope/gen/pprof

go 1.26
