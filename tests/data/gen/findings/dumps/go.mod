module goroscope/findings/dumps

go 1.26
