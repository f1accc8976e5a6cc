// SPDX-License-Identifier: MIT

// tracegen writes small, real Go execution traces for Goroscope's decoder tests.
// Usage: tracegen -scenario NAME -o FILE. Every scenario keeps its trace small (well under a
// few hundred KB) while exercising a different part of the runtime's tracer.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

// scenarios maps a name to a function that runs while the trace is being written to w.
// Scenarios that need a newer Go register themselves from files with build constraints.
var scenarios = map[string]func(w io.Writer) error{
	"sched":    traced(schedScenario),
	"syscalls": traced(syscallScenario),
	"cpuprof":  traced(cpuProfScenario),
	"procs":    traced(procsScenario),
}

func main() {
	name := flag.String("scenario", "sched", "scenario to run")
	out := flag.String("o", "trace.out", "output file")
	flag.Parse()
	run, ok := scenarios[*name]
	if !ok {
		fmt.Fprintf(os.Stderr, "unknown scenario %q\n", *name)
		os.Exit(2)
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := run(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// traced wraps a scenario body in trace.Start/trace.Stop.
func traced(body func()) func(w io.Writer) error {
	return func(w io.Writer) error {
		if err := trace.Start(w); err != nil {
			return err
		}
		body()
		trace.Stop()
		return nil
	}
}

var sink [][]byte

// garbage allocates enough short-lived memory to trigger a few GC cycles.
func garbage(n int) {
	for i := 0; i < n; i++ {
		sink = append(sink, make([]byte, 64<<10))
		if len(sink) > 16 {
			sink = sink[:0]
		}
	}
}

// schedScenario: many goroutines, channels, a mutex, select, timers, sleep, GC pressure and
// user annotations (tasks, regions, logs).
func schedScenario() {
	ctx, task := trace.NewTask(context.Background(), "sched")
	defer task.End()
	trace.Log(ctx, "phase", "start")

	var mu sync.Mutex
	counter := 0
	work := make(chan int)
	results := make(chan int, 4)
	var wg sync.WaitGroup
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			wctx, wt := trace.NewTask(ctx, "worker")
			defer wt.End()
			for v := range work {
				trace.WithRegion(wctx, "item", func() {
					mu.Lock()
					counter += v
					mu.Unlock()
					if v%7 == 0 {
						garbage(4)
					}
				})
				results <- v * id
			}
		}(w)
	}
	go func() {
		ticker := time.NewTicker(time.Millisecond)
		defer ticker.Stop()
		timeout := time.After(30 * time.Millisecond)
		for i := 0; i < 200; i++ {
			select {
			case work <- i:
			case <-ticker.C:
				trace.Log(ctx, "tick", fmt.Sprint(i))
			case <-timeout:
			}
		}
		close(work)
	}()
	done := make(chan struct{})
	go func() {
		for range results {
		}
		close(done)
	}()
	wg.Wait()
	close(results)
	<-done
	// Long enough to span several generations when GODEBUG=traceadvanceperiod is short.
	time.Sleep(12 * time.Millisecond)
	var cond = sync.NewCond(&mu)
	ready := false
	go func() {
		time.Sleep(time.Millisecond)
		mu.Lock()
		ready = true
		cond.Broadcast()
		mu.Unlock()
	}()
	mu.Lock()
	for !ready {
		cond.Wait()
	}
	mu.Unlock()
	trace.Logf(ctx, "phase", "done counter=%d", counter)
}

// syscallScenario: TCP over loopback (netpoller) and blocking file I/O.
func syscallScenario() {
	ctx, task := trace.NewTask(context.Background(), "io")
	defer task.End()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				io.Copy(c, c)
			}(c)
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer trace.StartRegion(ctx, "client").End()
			c, err := net.Dial("tcp", ln.Addr().String())
			if err != nil {
				panic(err)
			}
			defer c.Close()
			buf := make([]byte, 4096)
			for j := 0; j < 10; j++ {
				c.Write(buf)
				io.ReadFull(c, buf)
			}
		}(i)
	}
	dir, err := os.MkdirTemp("", "tracegen")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer trace.StartRegion(ctx, "file").End()
			name := filepath.Join(dir, fmt.Sprint(i))
			data := make([]byte, 1<<16)
			for j := 0; j < 5; j++ {
				os.WriteFile(name, data, 0o600)
				f, err := os.Open(name)
				if err == nil {
					f.Sync()
					io.ReadAll(f)
					f.Close()
				}
			}
		}(i)
	}
	wg.Wait()
	ln.Close()
}

func spin(d time.Duration) int {
	end := time.Now().Add(d)
	x := 0
	for time.Now().Before(end) {
		for i := 0; i < 1000; i++ {
			x += i * i
		}
	}
	return x
}

// cpuProfScenario: CPU profiling while tracing puts CPU samples into the trace.
func cpuProfScenario() {
	if err := pprof.StartCPUProfile(io.Discard); err != nil {
		panic(err)
	}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			spin(60 * time.Millisecond)
		}()
	}
	wg.Wait()
	pprof.StopCPUProfile()
}

// procsScenario: GOMAXPROCS changes (stop-the-world, Ps appearing and disappearing).
func procsScenario() {
	old := runtime.GOMAXPROCS(0)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
					spin(200 * time.Microsecond)
					runtime.Gosched()
				}
			}
		}()
	}
	for _, n := range []int{1, 4, 2, 3} {
		runtime.GOMAXPROCS(n)
		time.Sleep(3 * time.Millisecond)
	}
	close(stop)
	wg.Wait()
	runtime.GOMAXPROCS(old)
}
