module goroscope/bench/tracestress

go 1.22
