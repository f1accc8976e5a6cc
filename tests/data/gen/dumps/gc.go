// SPDX-License-Identifier: MIT
package main

import (
	"runtime"
	"time"
)

var sink [][]byte

// runGC grows and shrinks the heap so GODEBUG=gctrace=1 prints cycles with changing sizes, then
// forces one collection (printed with "(forced)").
func runGC() {
	for round := 0; round < 6; round++ {
		for i := 0; i < 2000*(round+1); i++ {
			sink = append(sink, make([]byte, 1024))
		}
		if round%2 == 1 {
			sink = nil
		}
		time.Sleep(5 * time.Millisecond)
	}
	runtime.GC()
}
