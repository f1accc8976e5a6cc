// SPDX-License-Identifier: MIT
package main

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"syscall"
	"time"
)

// crashWorkers is how many goroutines each crash fixture starts besides main: the tests know it.
const crashWorkers = 6

type box[T any] struct{ v T }

// Generic method: the dump prints it as main.(*box[...]).wait.
func (b *box[T]) wait(mu *sync.Mutex) {
	mu.Lock()
	_ = b.v
}

// recurse blocks at depth 0 after `depth` frames, deep enough for the runtime to elide frames.
func recurse(depth int, ch chan int) int {
	if depth == 0 {
		return <-ch
	}
	return recurse(depth-1, ch) + 1
}

// startCrashWorkers starts crashWorkers goroutines blocked in distinct ways and returns once they
// are all blocked, so the dump shows them in their final state.
func startCrashWorkers() {
	var mu sync.Mutex
	mu.Lock()
	var wg sync.WaitGroup
	wg.Add(1)
	never := make(chan int)
	ready := make(chan struct{}, crashWorkers)

	go func() { ready <- struct{}{}; (&box[int]{v: 1}).wait(&mu) }()     // sync.Mutex.Lock
	go func() { ready <- struct{}{}; wg.Wait() }()                       // sync.WaitGroup.Wait
	go func() { ready <- struct{}{}; select {} }()                       // select (no cases)
	go func() { ready <- struct{}{}; recurse(120, never) }()             // chan receive, elided
	go func() { runtime.LockOSThread(); ready <- struct{}{}; <-never }() // locked to thread
	go pprof.Do(context.Background(), pprof.Labels("job", "sleeper"), func(context.Context) {
		ready <- struct{}{}
		time.Sleep(time.Hour) // sleep, with labels for GODEBUG=tracebacklabels=1
	})
	for i := 0; i < crashWorkers; i++ {
		<-ready
	}
	time.Sleep(100 * time.Millisecond)
}

// runDeadlock blocks main forever once every other goroutine is blocked too. Timers would keep
// the runtime from declaring a deadlock, so only the channel and lock waiters are started here.
func runDeadlock() {
	var mu sync.Mutex
	mu.Lock()
	sendTo, recvFrom := make(chan int), make(chan int)
	started := make(chan struct{})
	go func() { started <- struct{}{}; mu.Lock() }()
	go func() { started <- struct{}{}; sendTo <- 1 }()
	go func() { started <- struct{}{}; recurse(3, recvFrom) }()
	for i := 0; i < 3; i++ {
		<-started
	}
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Wait()
}

func explode(n int) {
	if n > 2 {
		panic("dumpgen: boom")
	}
	explode(n + 1)
}

// runPanic panics in main with the workers around; regenerate.sh sets GOTRACEBACK=all.
func runPanic() {
	startCrashWorkers()
	explode(0)
}

// runSigquit sends SIGQUIT to itself, as `kill -QUIT` does to a hung service.
func runSigquit() {
	startCrashWorkers()
	syscall.Kill(os.Getpid(), syscall.SIGQUIT)
	time.Sleep(time.Minute)
}
