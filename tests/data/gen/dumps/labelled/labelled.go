// SPDX-License-Identifier: MIT

// Package labelled is the scenario of the labelled-traceback fixtures: a panic with three
// goroutines under pprof labels and two without. It is a package of its own so that dumpgen (a
// go 1.19 module: Go 1.26 prints labels only with GODEBUG=tracebacklabels=1) and go127 (a go 1.27
// module: Go 1.27 prints them by default, in another form) run the very same program.
package labelled

import (
	"context"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

// The label sets, as the tests expect them back. The second and third hold the characters that
// make the runtime quote a string (anything but letters, digits, '.', '/' and '_'): spaces,
// commas, braces, colons, quotes, escapes, non-ASCII, a '-' in a key, an empty value, and values
// that would end a naively read set early (", key: " and "}:").
var (
	plainLabels   = pprof.Labels("endpoint", "/api/v1/items", "tenant", "acme")
	awkwardLabels = pprof.Labels("query", `name: "x", tags={a, b}`, "user id", "O'Brien, Jr.")
	trickyLabels  = pprof.Labels("empty", "", "escapes", "tab\there \\ \"q\"\nnext", "fake", "x}, tenant: evil}:",
		"lang", "café", "request-id", "42")
)

// Panic starts the five goroutines, waits until they are blocked, and panics in the caller's
// goroutine (run it with GOTRACEBACK=all to see them all).
func Panic() {
	never := make(chan int)
	ready := make(chan struct{}, 5)
	var mu sync.Mutex
	mu.Lock()
	labelled := func(labels pprof.LabelSet, block func()) {
		go pprof.Do(context.Background(), labels, func(context.Context) {
			ready <- struct{}{}
			block()
		})
	}
	labelled(plainLabels, func() { <-never })                               // chan receive
	labelled(awkwardLabels, func() { mu.Lock() })                           // sync.Mutex.Lock
	labelled(trickyLabels, func() { runtime.LockOSThread(); select {} })    // select (no cases), locked to thread
	go func() { ready <- struct{}{}; var nowhere chan int; nowhere <- 1 }() // chan send (nil chan)
	go func() { ready <- struct{}{}; time.Sleep(time.Hour) }()              // sleep
	for i := 0; i < 5; i++ {
		<-ready
	}
	time.Sleep(100 * time.Millisecond)
	panic("dumpgen: labelled goroutines")
}
