// SPDX-License-Identifier: MIT
// dumpgen writes the text captures of tests/data/dumps: goroutine dumps in every form the runtime
// prints them (debug=2 and debug=1 over net/http/pprof, a deadlock, a panic, SIGQUIT, runtime.Stack
// inside a log), a GODEBUG=gctrace=1 log, a CPU-bound run for perf, and an execution trace with a
// dump of the same process taken during it. One mode per run, because crashes end the process;
// regenerate.sh runs them all.
package main

import (
	"flag"
	"fmt"
	"os"

	"goroscope/gen/dumps/labelled"
)

func main() {
	mode := flag.String("mode", "", "leak | deadlock | panic | labels | sigquit | logstack | gc | burn | linked")
	out := flag.String("o", ".", "output folder (leak, logstack, linked)")
	flag.Parse()
	switch *mode {
	case "leak":
		runLeak(*out)
	case "deadlock":
		runDeadlock()
	case "panic":
		runPanic()
	case "labels":
		labelled.Panic()
	case "sigquit":
		runSigquit()
	case "logstack":
		runLogStack(*out)
	case "gc":
		runGC()
	case "burn":
		runBurn()
	case "linked":
		runLinked(*out)
	default:
		fmt.Fprintln(os.Stderr, "unknown -mode", *mode)
		os.Exit(2)
	}
}
