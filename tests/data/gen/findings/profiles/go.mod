module goroscope/findings/profiles

go 1.26
