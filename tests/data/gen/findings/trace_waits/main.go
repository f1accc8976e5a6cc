// Command trace_waits writes an execution trace (DIR/trace.out) with one planted problem of
// waiting, and prints what it planted as "key value" lines:
//
//	lockheld: main.holdLock takes a sync.Mutex and sleeps holding it while workers block on it
//	syscall:  main.readPipe blocks in a read(2) on a pipe that is written half a second later
//	region:   one "step" region runs far longer than its siblings
//	clean:    a worker pool fed through a channel, every wait short
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/trace"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// goroutineID reads the ID from the header runtime.Stack writes: "goroutine 18 [running]:".
func goroutineID() int64 {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	buf = bytes.TrimPrefix(buf, []byte("goroutine "))
	id, err := strconv.ParseInt(string(buf[:bytes.IndexByte(buf, ' ')]), 10, 64)
	if err != nil {
		panic(err)
	}
	return id
}

// spin burns CPU for d, standing for real work.
func spin(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

//go:noinline
func holdLock(mu *sync.Mutex, locked chan<- struct{}) {
	fmt.Println("holder_goroutine", goroutineID())
	mu.Lock()
	close(locked)
	time.Sleep(500 * time.Millisecond)
	mu.Unlock()
}

//go:noinline
func lockWorker(mu *sync.Mutex, ids chan<- int64) {
	ids <- goroutineID()
	mu.Lock()
	spin(100 * time.Microsecond)
	mu.Unlock()
}

func lockHeld() {
	fmt.Println("holder_function main.holdLock")
	fmt.Println("waiter_function main.lockWorker")
	var mu sync.Mutex
	locked := make(chan struct{})
	go holdLock(&mu, locked)
	<-locked
	const workers = 20
	ids := make(chan int64, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { lockWorker(&mu, ids) })
	}
	wg.Wait()
	close(ids)
	for id := range ids {
		fmt.Println("waiter_goroutine", id)
	}
}

//go:noinline
func readPipe(fd int) {
	buf := make([]byte, 16)
	if _, err := syscall.Read(fd, buf); err != nil {
		panic(err)
	}
}

func blockingSyscall() {
	fmt.Println("syscall_function main.readPipe")
	// A raw pipe stays in blocking mode (os.Pipe would hand it to the network poller), so the
	// read blocks its thread in the kernel until the write.
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil {
		panic(err)
	}
	go func() {
		time.Sleep(500 * time.Millisecond)
		if _, err := syscall.Write(fds[1], []byte("x")); err != nil {
			panic(err)
		}
	}()
	fmt.Println("syscall_goroutine", goroutineID())
	readPipe(fds[0])
	syscall.Close(fds[0])
	syscall.Close(fds[1])
}

//go:noinline
func step(ctx context.Context, i int, d time.Duration) {
	defer trace.StartRegion(ctx, "step").End()
	spin(d)
	if d > 10*time.Millisecond {
		fmt.Println("region_name step")
		fmt.Println("region_goroutine", goroutineID())
		fmt.Println("region_index", i)
	}
}

func longRegion() {
	ctx, task := trace.NewTask(context.Background(), "batch")
	defer task.End()
	for i := range 40 {
		d := time.Millisecond
		if i == 25 {
			d = 400 * time.Millisecond
		}
		step(ctx, i, d)
	}
}

//go:noinline
func poolWorker(jobs <-chan int, results chan<- int) {
	for j := range jobs {
		spin(200 * time.Microsecond)
		results <- j
	}
}

func clean() {
	jobs := make(chan int)
	results := make(chan int, 16)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { poolWorker(jobs, results) })
	}
	go func() {
		for j := range 2000 {
			jobs <- j
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println("sum", sum)
}

func main() {
	scenario := flag.String("scenario", "clean", "lockheld, syscall, region or clean")
	dir := flag.String("o", ".", "directory to write trace.out into")
	flag.Parse()
	run := map[string]func(){"lockheld": lockHeld, "syscall": blockingSyscall, "region": longRegion, "clean": clean}[*scenario]
	if run == nil {
		fmt.Fprintln(os.Stderr, "unknown scenario", *scenario)
		os.Exit(2)
	}
	f, err := os.Create(filepath.Join(*dir, "trace.out"))
	if err != nil {
		panic(err)
	}
	if err := trace.Start(f); err != nil {
		panic(err)
	}
	run()
	trace.Stop()
	if err := f.Close(); err != nil {
		panic(err)
	}
}
