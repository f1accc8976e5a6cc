// SPDX-License-Identifier: MIT

//go:build go1.23

package main

import (
	"iter"
	"sync"
)

func init() {
	scenarios["iterpull"] = traced(iterPullScenario)
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
