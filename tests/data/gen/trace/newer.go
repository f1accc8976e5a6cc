// SPDX-License-Identifier: MIT

//go:build go1.25

package main

import (
	"io"
	"iter"
	"runtime/trace"
	"sync"
	"time"
)

func init() {
	scenarios["iterpull"] = traced(iterPullScenario)
	scenarios["flight"] = flightScenario
}

// iterPullScenario: iter.Pull runs the iterator as a coroutine (GoSwitch, GoCreateBlocked,
// GoSwitchDestroy in the trace).
func iterPullScenario() {
	seq := func(yield func(int) bool) {
		for i := 0; i < 50; i++ {
			if !yield(i) {
				return
			}
		}
	}
	var wg sync.WaitGroup
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			next, stop := iter.Pull(seq)
			defer stop()
			for i := 0; i < 30; i++ {
				if _, ok := next(); !ok {
					break
				}
			}
		}()
	}
	wg.Wait()
}

// flightScenario: the runtime flight recorder keeps recent generations in memory and writes a
// snapshot; the snapshot starts at a generation number other than 1.
func flightScenario(w io.Writer) error {
	fr := trace.NewFlightRecorder(trace.FlightRecorderConfig{MinAge: 50 * time.Millisecond, MaxBytes: 256 << 10})
	if err := fr.Start(); err != nil {
		return err
	}
	for round := 0; round < 3; round++ {
		schedScenario()
		time.Sleep(5 * time.Millisecond)
	}
	_, err := fr.WriteTo(w)
	fr.Stop()
	return err
}
