module goroscope/findings/trace_sched

go 1.26
