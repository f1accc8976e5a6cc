// SPDX-License-Identifier: MIT

// Command pprof writes small, real profiles with runtime/pprof for Goroscope's test fixtures: cpu, heap, allocs,
// goroutine, block, mutex, threadcreate, goroutineleak (built with GOEXPERIMENT=goroutineleakprofile) and a goroutine
// profile of generic functions, each made by a few distinct functions so that tests can look for them by name.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"sync"
	"time"
)

var sink uint64

// mix is small enough to be inlined into hashLoop: the CPU profile then has locations with two lines.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= 1099511628211
	return h
}

func hashLoop(n int) uint64 {
	h := uint64(1469598103934665603)
	for i := 0; i < n; i++ {
		h = mix(h, uint64(i))
	}
	return h
}

// fib recurses, so the profile has stacks with the same function many times.
func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func sortWork(n int) int {
	xs := make([]int, n)
	for i := range xs {
		xs[i] = (i * 7919) % n
	}
	sort.Ints(xs)
	return xs[n/2]
}

// spin runs the busy functions until the deadline.
func spin(deadline time.Time, heavy bool) {
	for time.Now().Before(deadline) {
		sink += hashLoop(200000)
		sink += uint64(fib(22))
		if heavy {
			sink += uint64(sortWork(20000))
		}
	}
}

func writeCPU(dir string, d time.Duration) {
	f := create(dir, "cpu.pb.gz")
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Fatal(err)
	}
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for _, worker := range []string{"a", "b"} {
		wg.Add(1)
		go pprof.Do(context.Background(), pprof.Labels("worker", worker), func(context.Context) {
			defer wg.Done()
			spin(deadline, worker == "b")
		})
	}
	wg.Wait()
	pprof.StopCPUProfile()
}

type node struct {
	next *node
	data [48]byte
}

var live []*node
var liveBufs [][]byte

// allocList keeps its allocations alive (they show in inuse_*); allocTemp drops them (alloc_* only).
func allocList(n int) {
	for i := 0; i < n; i++ {
		live = append(live, &node{})
	}
}

func allocBuffers(n, size int) {
	for i := 0; i < n; i++ {
		liveBufs = append(liveBufs, make([]byte, size))
	}
}

func allocTemp(n int) {
	for i := 0; i < n; i++ {
		b := make([]byte, 1024)
		b[0] = byte(i)
		sink += uint64(b[0])
	}
}

func writeMemory(dir string) {
	allocList(20000)
	allocBuffers(200, 8192)
	allocTemp(50000)
	runtime.GC() // the heap profile reflects the state as of the last GC
	writeProfile(dir, "heap", "heap.pb.gz")
	writeProfile(dir, "allocs", "allocs.pb.gz")
}

// parkForever blocks on a channel nobody will ever send on.
func parkForever(ch chan struct{}) {
	<-ch
}

func parkedWorkers(n int, wg *sync.WaitGroup, stop chan struct{}) {
	for i := 0; i < n; i++ {
		wg.Add(1)
		role := fmt.Sprintf("parked-%d", i%2)
		go pprof.Do(context.Background(), pprof.Labels("role", role), func(context.Context) {
			wg.Done()
			parkForever(stop)
		})
	}
}

func writeGoroutine(dir string) {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	parkedWorkers(6, &wg, stop)
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	writeProfile(dir, "goroutine", "goroutine.pb.gz")
	close(stop)
}

// chanPingPong makes goroutines wait on channels (block profile).
func chanPingPong(rounds int) {
	ping, pong := make(chan int), make(chan int)
	go func() {
		for v := range ping {
			time.Sleep(50 * time.Microsecond)
			pong <- v
		}
		close(pong)
	}()
	for i := 0; i < rounds; i++ {
		ping <- i
		<-pong
	}
	close(ping)
}

var contended sync.Mutex

// lockHolder holds the mutex while others wait (mutex and block profiles).
func lockHolder(rounds int, wg *sync.WaitGroup) {
	defer wg.Done()
	for i := 0; i < rounds; i++ {
		contended.Lock()
		time.Sleep(20 * time.Microsecond)
		sink++
		contended.Unlock()
	}
}

func contend(workers, rounds int) {
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go lockHolder(rounds, &wg)
	}
	wg.Wait()
}

func writeBlockAndMutex(dir string) {
	runtime.SetBlockProfileRate(1)
	runtime.SetMutexProfileFraction(1)
	chanPingPong(200)
	contend(4, 100)
	runtime.SetBlockProfileRate(0)
	runtime.SetMutexProfileFraction(0)
	writeProfile(dir, "block", "block.pb.gz")
	writeProfile(dir, "mutex", "mutex.pb.gz")
}

// lockedThreads makes the runtime start OS threads (threadcreate profile): a goroutine that exits
// while locked to its thread takes the thread with it.
func lockedThreads(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread()
			time.Sleep(time.Millisecond)
		}()
	}
	wg.Wait()
}

func writeThreadcreate(dir string) {
	lockedThreads(4)
	writeProfile(dir, "threadcreate", "threadcreate.pb.gz")
}

// leakOnChannel blocks forever on a channel that becomes unreachable: the leak detector finds it.
func leakOnChannel() {
	ch := make(chan int)
	<-ch
}

func leakyServer(n int) {
	for i := 0; i < n; i++ {
		go pprof.Do(context.Background(), pprof.Labels("request", fmt.Sprint(i%2)), func(context.Context) {
			leakOnChannel()
		})
	}
}

func writeGoroutineLeak(dir string) {
	p := pprof.Lookup("goroutineleak")
	if p == nil {
		log.Print("goroutineleak profile unavailable (build with GOEXPERIMENT=goroutineleakprofile); skipped")
		return
	}
	leakyServer(4)
	time.Sleep(20 * time.Millisecond)
	writeProfile(dir, "goroutineleak", "goroutineleak.pb.gz")
}

// The generic functions below wait with type arguments whose shapes the runtime writes in full
// ("main.waitIn[go.shape.func(int) (string, error)]"): pprof cuts the parentheses out of such
// names, keeps a method of a generic pointer type whole, and merges two shapes it names alike.
// They are not inlined, so their closures and method values get frames of their own.
// The fixtures record the line of every frame, so a function here must stay on the line it had when they
// were written (tests/data/pprof/README.md), or they must all be written again.
//
//go:noinline
func waitIn[T any](stop chan struct{}, _ T) {
	<-stop
}

// waitInClosure waits in a closure of a generic function: "...[...].func1".
//
//go:noinline
func waitInClosure[T any](stop chan struct{}, _ T) {
	wait := func() { <-stop }
	defer wait()
}

type box[T any] struct{ v T }

// wait has a pointer receiver: "main.(*box[...]).wait".
//
//go:noinline
func (b *box[T]) wait(stop chan struct{}) {
	<-stop
}

// hold has a value receiver: "main.box[...].hold"; its method value's "-fm" wrapper is not in recorded stacks.
//
//go:noinline
func (b box[T]) hold(stop chan struct{}) {
	<-stop
}

// genericWaiters starts goroutines parked in generic code, one per kind of name.
func genericWaiters(wg *sync.WaitGroup, stop chan struct{}) {
	start := func(wait func()) {
		wg.Add(1)
		go func() {
			wg.Done()
			wait()
		}()
	}
	start(func() { waitIn(stop, func(int) (string, error) { return "", nil }) })
	start(func() { waitIn(stop, func(string) {}) })
	start(func() { waitIn(stop, func(int) {}) })
	start(func() { waitIn(stop, func(func(int) bool) error { return nil }) })
	start(func() { waitIn[io.ReadWriter](stop, nil) })
	start(func() { waitIn(stop, (<-chan func())(nil)) })
	start(func() { waitIn(stop, []map[string]int(nil)) })
	start(func() { waitInClosure(stop, func() int { return 0 }) })
	b := &box[func() int]{}
	start(func() { b.wait(stop) })
	start(func() { b.hold(stop) })
	hold := b.hold
	start(func() { hold(stop) })
}

func writeGenerics(dir string) {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	genericWaiters(&wg, stop)
	wg.Wait()
	time.Sleep(10 * time.Millisecond)
	writeProfile(dir, "goroutine", "generics.pb.gz")
	close(stop)
}

func create(dir, name string) *os.File {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		log.Fatal(err)
	}
	return f
}

func writeProfile(dir, profile, name string) {
	f := create(dir, name)
	defer f.Close()
	if err := pprof.Lookup(profile).WriteTo(f, 0); err != nil {
		log.Fatal(err)
	}
}

func main() {
	out := flag.String("o", ".", "output folder")
	cpu := flag.Duration("cpu", time.Second, "length of the CPU profile")
	flag.Parse()
	// Sample every 4 KiB instead of 512 KiB so the small heap here still yields a useful profile.
	runtime.MemProfileRate = 4096
	writeCPU(*out, *cpu)
	writeMemory(*out)
	writeGoroutine(*out)
	writeBlockAndMutex(*out)
	writeThreadcreate(*out)
	writeGoroutineLeak(*out)
	writeGenerics(*out)
}
