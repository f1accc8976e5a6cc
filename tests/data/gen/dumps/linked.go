// SPDX-License-Identifier: MIT
package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

// The numbers the linked fixtures are checked against (tests/widgets): goroutines blocked while
// the dump is written, per blocking function.
const (
	linkedReceivers = 5 // "chan receive" in main.linkedReceiver
	linkedLockers   = 3 // "sync.Mutex.Lock" in main.linkedLocker
	linkedSelectors = 2 // "select" in main.linkedSelector
	linkedFinished  = 4 // ran and exited before the dump: in the trace only
)

func linkedReceiver(ch chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	<-ch
}

func linkedLocker(mu *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	mu.Lock()
	mu.Unlock()
}

func linkedSelector(a, b chan int, wg *sync.WaitGroup) {
	defer wg.Done()
	select {
	case <-a:
	case <-b:
	}
}

func must(err error) {
	if err != nil {
		panic(err)
	}
}

// runLinked writes an execution trace and, in the middle of it, a debug=2 goroutine dump of the
// same process: every goroutine in the dump is also in the trace, under the same ID. The
// goroutines are blocked while the dump is written and released before the trace stops.
func runLinked(dir string) {
	traceFile, err := os.Create(filepath.Join(dir, "linked.trace"))
	must(err)
	defer traceFile.Close()
	must(trace.Start(traceFile))

	var finished sync.WaitGroup
	for i := 0; i < linkedFinished; i++ {
		finished.Add(1)
		go func() {
			defer finished.Done()
			time.Sleep(time.Millisecond)
		}()
	}
	finished.Wait()

	release := make(chan int)
	var mu sync.Mutex
	mu.Lock()
	var blocked sync.WaitGroup
	for i := 0; i < linkedReceivers; i++ {
		blocked.Add(1)
		go linkedReceiver(release, &blocked)
	}
	for i := 0; i < linkedLockers; i++ {
		blocked.Add(1)
		go linkedLocker(&mu, &blocked)
	}
	for i := 0; i < linkedSelectors; i++ {
		blocked.Add(1)
		go linkedSelector(release, make(chan int), &blocked)
	}
	// Long enough for every goroutine above to park.
	time.Sleep(50 * time.Millisecond)
	runtime.Gosched()

	dumpFile, err := os.Create(filepath.Join(dir, "linked_dump.txt"))
	must(err)
	must(pprof.Lookup("goroutine").WriteTo(dumpFile, 2))
	must(dumpFile.Close())

	close(release)
	mu.Unlock()
	blocked.Wait()
	trace.Stop()
}
