module goroscope/gen/leaky_service

go 1.22
