module goroscope/gen/dumps/go127

// go 1.27 is what makes the runtime print labels in traceback headers by default
// (GODEBUG tracebacklabels=1 since Go 1.27), in the form that follows the brackets.
go 1.27

require goroscope/gen/dumps v0.0.0

replace goroscope/gen/dumps => ../
