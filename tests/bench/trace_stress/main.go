// SPDX-License-Identifier: MIT

// Command tracestress writes a large execution trace for benchmarks: hundreds of goroutines
// exchanging messages over channels, contending on mutexes, selecting, sleeping and
// allocating, traced until the file reaches the requested size.
//
//	go run . -o big.trace -mb 500
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime/trace"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	out := flag.String("o", "big.trace", "output trace file")
	mb := flag.Int64("mb", 500, "stop once the trace is at least this many MiB")
	workers := flag.Int("workers", 256, "goroutine pairs exchanging messages")
	flag.Parse()

	f, err := os.Create(*out)
	if err != nil {
		log.Fatal(err)
	}
	if err := trace.Start(f); err != nil {
		log.Fatal(err)
	}

	var stop atomic.Bool
	var wg sync.WaitGroup
	var mu sync.Mutex
	shared := map[int]int{}
	for i := 0; i < *workers; i++ {
		ping, pong := make(chan int), make(chan int)
		wg.Add(2)
		go func() { // sender: channel ping-pong with a little work and allocation
			defer wg.Done()
			for n := 0; !stop.Load(); n++ {
				ping <- n
				<-pong
				if n%64 == 0 {
					_ = make([]byte, 4096)
				}
			}
			close(ping)
		}()
		go func(id int) { // receiver: contends on a mutex and sometimes selects on a timer
			defer wg.Done()
			for v := range ping {
				mu.Lock()
				shared[id] += v
				mu.Unlock()
				if v%128 == 0 {
					select {
					case <-time.After(10 * time.Microsecond):
					case <-ping:
					}
				}
				pong <- v
			}
		}(i)
	}

	limit := *mb << 20
	for {
		time.Sleep(100 * time.Millisecond)
		st, err := f.Stat()
		if err != nil {
			log.Fatal(err)
		}
		if st.Size() >= limit {
			break
		}
	}
	stop.Store(true)
	// Unblock receivers waiting in select or on pong by letting the senders finish.
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
	}
	trace.Stop()
	st, _ := f.Stat()
	f.Close()
	fmt.Printf("%s: %d bytes\n", *out, st.Size())
}
