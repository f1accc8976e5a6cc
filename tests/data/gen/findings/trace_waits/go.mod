module goroscope/findings/trace_waits

go 1.26
