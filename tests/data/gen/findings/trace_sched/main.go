// Command trace_sched writes an execution trace (DIR/trace.out) of a program with one scheduler or
// GC problem planted, and prints "key value" lines naming what it planted:
//
//	saturated  more CPU-bound goroutines (main.spin) than GOMAXPROCS, so they queue for a P
//	gc         main.churn allocating garbage fast with a small GOGC, so the GC and its assists dominate
//	storm      tens of thousands of short goroutines created at once by main.spawnStorm
//	leak       goroutines created steadily by main.leakLoop, each blocked for good in main.leaky
//	clean      a light, healthy workload of the same shape
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/trace"
	"sync"
	"time"
)

// sink keeps results alive so the compiler cannot drop the work that produced them.
var sink any

func main() {
	scenario := flag.String("scenario", "clean", "saturated, gc, storm, leak or clean")
	out := flag.String("o", ".", "folder to write trace.out into")
	flag.Parse()

	f, err := os.Create(filepath.Join(*out, "trace.out"))
	check(err)
	check(trace.Start(f))
	switch *scenario {
	case "saturated":
		saturated()
	case "gc":
		gcPressure()
	case "storm":
		storm()
	case "leak":
		leak()
	case "clean":
		clean()
	default:
		fmt.Fprintln(os.Stderr, "unknown scenario", *scenario)
		os.Exit(2)
	}
	trace.Stop()
	check(f.Close())
}

// check ends the program on an error: the test reads a failed run from its exit status.
func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// work spins the CPU for about d, without allocating: xorshift rounds, checking the clock
// every few thousand.
func work(d time.Duration) uint64 {
	x := uint64(88172645463325252)
	deadline := time.Now().Add(d)
	for i := 1; i%4096 != 0 || time.Now().Before(deadline); i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// spin is one of the CPU-bound goroutines that outnumber the processors.
func spin(d time.Duration, wg *sync.WaitGroup, results chan<- uint64) {
	defer wg.Done()
	results <- work(d)
}

func saturated() {
	const procs, goroutines = 2, 8
	runtime.GOMAXPROCS(procs)
	var wg sync.WaitGroup
	results := make(chan uint64, goroutines)
	for i := 0; i < goroutines; i++ {
		wg.Add(1)
		go spin(700*time.Millisecond, &wg, results)
	}
	wg.Wait()
	fmt.Println("function main.spin")
	fmt.Println("gomaxprocs", procs)
}

// node is a live object with a pointer, so that marking has to follow it.
type node struct {
	next *node
	pad  [6]uint64
}

// churn allocates short-lived garbage as fast as it can, on top of a live heap the GC must mark.
func churn(d time.Duration, live []*node, done chan<- struct{}) {
	defer close(done)
	for deadline := time.Now().Add(d); time.Now().Before(deadline); {
		for i := 0; i < 100; i++ {
			b := make([]byte, 4096)
			b[0] = byte(i)
			sink = b
		}
		live[len(live)/2].pad[0]++
	}
}

func gcPressure() {
	debug.SetGCPercent(2)
	live := make([]*node, 256<<10) // 256k linked objects: 16MB to mark every cycle
	for i := range live {
		live[i] = &node{}
		if i > 0 {
			live[i].next = live[i-1]
		}
	}
	done := make(chan struct{})
	go churn(800*time.Millisecond, live, done)
	<-done
	sink = live
	fmt.Println("function main.churn")
}

// stormWorker is one of the storm's short goroutines.
func stormWorker(i int, wg *sync.WaitGroup) {
	defer wg.Done()
	if i%1000 == 0 {
		runtime.Gosched()
	}
}

// spawnStorm creates n goroutines at once and waits for them.
func spawnStorm(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go stormWorker(i, &wg)
	}
	wg.Wait()
}

func storm() {
	// The storm is a short burst in a longer quiet run, as it is in a real program.
	time.Sleep(300 * time.Millisecond)
	spawnStorm(30000)
	time.Sleep(300 * time.Millisecond)
	fmt.Println("function main.spawnStorm")
	fmt.Println("function main.stormWorker")
}

// leaky waits for a reply nobody sends: each call leaves a goroutine behind.
func leaky(reply chan int) {
	sink = <-reply
}

// leakLoop starts a few leaky goroutines every tick, for d.
func leakLoop(d time.Duration) int {
	n := 0
	for deadline := time.Now().Add(d); time.Now().Before(deadline); n += 2 {
		go leaky(make(chan int))
		go leaky(make(chan int))
		time.Sleep(500 * time.Microsecond)
	}
	return n
}

func leak() {
	n := leakLoop(time.Second)
	fmt.Println("function main.leaky")
	fmt.Println("leaked", n)
}

// handle is a short request: a little work and a little garbage.
func handle(i int, wg *sync.WaitGroup) {
	defer wg.Done()
	sink = make([]byte, 1024)
	work(200 * time.Microsecond)
}

func clean() {
	var wg sync.WaitGroup
	for i := 0; i < 400; i++ {
		wg.Add(1)
		go handle(i, &wg)
		time.Sleep(2 * time.Millisecond)
	}
	wg.Wait()
}
