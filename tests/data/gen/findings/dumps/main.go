// SPDX-License-Identifier: MIT

// Command dumps plants problems in goroutine dumps written by the runtime itself, for the
// findings tests: `dumps -scenario S -o DIR` writes its captures into DIR and prints what it
// planted, one "key value" per line ("goroutine 18", "function main.leakyWorker", "count 70").
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
)

// childEnv names the scenario a re-executed copy of this program runs: a crash or a deadlock ends
// the process, so the parent runs it in a child and keeps the child's stderr as the capture.
const childEnv = "GOROSCOPE_PLANT_CHILD"

func main() {
	if scenario := os.Getenv(childEnv); scenario != "" {
		runChild(scenario)
		return
	}
	scenario := flag.String("scenario", "", "leak, deadlock, panic or clean")
	dir := flag.String("o", ".", "folder the captures are written to")
	flag.Parse()
	var err error
	switch *scenario {
	case "leak":
		err = runLeak(*dir)
	case "clean":
		err = runClean(*dir)
	case "deadlock", "panic":
		err = runCrashingChild(*scenario, *dir)
	default:
		err = fmt.Errorf("unknown scenario %q", *scenario)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func runChild(scenario string) {
	switch scenario {
	case "deadlock":
		deadlockChild()
	case "panic":
		panicChild()
	}
	fmt.Fprintf(os.Stderr, "unknown child scenario %q\n", scenario)
	os.Exit(1)
}

// writeDump writes what /debug/pprof/goroutine?debug=2 serves: every goroutine's traceback.
func writeDump(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("goroutine").WriteTo(f, 2); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// currentGoroutineID reads the calling goroutine's ID from the first line of its own traceback,
// "goroutine 18 [running]:", the only place Go shows it.
func currentGoroutineID() int {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	fields := strings.Fields(string(buf))
	if len(fields) < 2 {
		return 0
	}
	id, _ := strconv.Atoi(fields[1])
	return id
}
