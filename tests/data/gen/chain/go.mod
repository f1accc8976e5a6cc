module goroscope/chaingen

go 1.19
