// SPDX-License-Identifier: MIT

// hostilegen writes the captures of tests/data/hostile: Go programs choose arbitrary strings as
// pprof labels, task and region names, log categories and messages and panic messages, and these
// captures hold the worst of them (markup, QString::arg placeholders, bidi controls, control
// characters, bytes that are not UTF-8, 10,000 characters). Function and file names and wait
// reasons cannot be chosen so, so `derive` writes copies of the real captures with them
// rewritten. One mode per run, because the panic ends the process; regenerate.sh runs them all.
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"time"
)

// The modes, each given the -i and -o files (panic uses neither).
var modes = map[string]func(in, out string) error{
	"trace":  func(_, out string) error { return writeTrace(out) },
	"cpu":    func(_, out string) error { return writeCPUProfile(out) },
	"panic":  func(_, _ string) error { runPanic(); return nil },
	"derive": derive,
}

func main() {
	var mode, in, out string
	flag.StringVar(&mode, "mode", "", "trace | cpu | panic | derive")
	flag.StringVar(&in, "i", "", "input capture (derive)")
	flag.StringVar(&out, "o", "", "output file (trace, cpu, derive)")
	flag.Parse()
	run, ok := modes[mode]
	if !ok {
		fmt.Fprintf(os.Stderr, "hostilegen: unknown -mode %q\n", mode)
		os.Exit(2)
	}
	if err := run(in, out); err != nil {
		fmt.Fprintln(os.Stderr, "hostilegen:", err)
		os.Exit(1)
	}
}

// writeTrace records the scene with CPU profiling on, so the trace has CPU samples too.
func writeTrace(path string) error {
	return withFile(path, func(f *os.File) error {
		if err := trace.Start(f); err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(discard{}); err != nil {
			return err
		}
		newScene(30*time.Millisecond, true).run()
		pprof.StopCPUProfile()
		trace.Stop()
		return nil
	})
}

// writeCPUProfile profiles the scene long enough for every goroutine to be sampled.
func writeCPUProfile(path string) error {
	return withFile(path, func(f *os.File) error {
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		newScene(150*time.Millisecond, true).run()
		pprof.StopCPUProfile()
		return nil
	})
}

// runPanic leaves the goroutines waiting and panics with every hostile string in the message
// (run with GOTRACEBACK=all GODEBUG=tracebacklabels=1 for their stacks and labels).
func runPanic() {
	newScene(0, false).run()
	panic("hostilegen: " + strings.Join(payloads, " | "))
}

func withFile(path string, write func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
