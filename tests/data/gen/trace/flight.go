// SPDX-License-Identifier: MIT

//go:build go1.25

package main

import (
	"io"
	"runtime/trace"
	"time"
)

func init() {
	scenarios["flight"] = flightScenario
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
