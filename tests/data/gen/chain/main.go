// SPDX-License-Identifier: MIT

// Command chaingen writes an execution trace whose blocking chains are known by construction,
// and a JSON file naming, for each scenario, the goroutines of the chain in order.
//
// Every scenario has three goroutines. The holder locks a mutex and keeps it, busy, for a while
// without ever blocking. The sender blocks on that mutex and, once it has it, wakes the waiter.
// The waiter blocks (channel receive, select, WaitGroup or Cond) until the sender wakes it. So the
// chain of the waiter's longest wait is: waiter (woken by sender), sender waiting on the mutex
// (woken by holder), holder (running: the root cause).
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"runtime"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
	"time"
)

const holdFor = 30 * time.Millisecond

// goid reads the calling goroutine's ID from its stack header ("goroutine 7 [running]:").
func goid() int64 {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	fields := strings.Fields(string(buf))
	id, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		log.Fatalf("goid: %v", err)
	}
	return id
}

// spin keeps the CPU busy for d without blocking.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

type scenario struct {
	Name   string  `json:"name"`
	Waiter int64   `json:"waiter"`
	Chain  []int64 `json:"chain"` // waiter, sender, holder
}

// run plays one scenario: wait blocks the waiter until wake is called by the sender.
func run(name string, wait func(), wake func()) scenario {
	var mu sync.Mutex
	locked := make(chan struct{})
	holder, waiter, sender := make(chan int64, 1), make(chan int64, 1), make(chan int64, 1)
	var done sync.WaitGroup
	done.Add(3)

	go func() { // holder
		defer done.Done()
		holder <- goid()
		mu.Lock()
		close(locked)
		spin(holdFor)
		mu.Unlock()
	}()
	<-locked
	go func() { // waiter
		defer done.Done()
		waiter <- goid()
		wait()
	}()
	go func() { // sender
		defer done.Done()
		sender <- goid()
		mu.Lock()
		wake()
		mu.Unlock()
	}()
	done.Wait()
	w := <-waiter
	return scenario{Name: name, Waiter: w, Chain: []int64{w, <-sender, <-holder}}
}

func main() {
	out := flag.String("o", "chain.trace", "trace file to write; the expectations go to the same name with .json")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		log.Fatal(err)
	}

	var scenarios []scenario
	ch := make(chan int)
	scenarios = append(scenarios, run("chan", func() { <-ch }, func() { ch <- 1 }))

	never := make(chan int)
	scenarios = append(scenarios, run("select", func() {
		select {
		case <-ch:
		case <-never:
		}
	}, func() { ch <- 1 }))

	var wg sync.WaitGroup
	wg.Add(1)
	scenarios = append(scenarios, run("waitgroup", wg.Wait, wg.Done))

	var condMu sync.Mutex
	cond := sync.NewCond(&condMu)
	ready := false
	scenarios = append(scenarios, run("cond", func() {
		condMu.Lock()
		for !ready {
			cond.Wait()
		}
		condMu.Unlock()
	}, func() {
		condMu.Lock()
		ready = true
		cond.Signal()
		condMu.Unlock()
	}))

	trace.Stop()
	if err := f.Close(); err != nil {
		log.Fatal(err)
	}
	data, err := json.MarshalIndent(scenarios, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(strings.TrimSuffix(*out, ".trace")+".json", append(data, '\n'), 0o644); err != nil {
		log.Fatal(err)
	}
}
