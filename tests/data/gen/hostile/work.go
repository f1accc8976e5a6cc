// SPDX-License-Identifier: MIT

package main

import (
	"context"
	"runtime/pprof"
	"runtime/trace"
	"sync"
	"time"
)

// scene runs one goroutine per hostile string, each started by its own function (so that
// `derive` can give every one of them a hostile name) and carrying the string as its pprof label
// key and value, task name, region name and log category and message. Goroutine i waits on a
// channel that goroutine i-1 closes (so the trace has wake-ups and blocking chains), spins alone
// (so a CPU profile samples each of them), then wakes goroutine i+1; with wake == false nobody
// wakes anybody and they wait until the program ends (for the panic's dump).
type scene struct {
	spin  time.Duration
	wake  bool
	ready sync.WaitGroup
	done  sync.WaitGroup
	chans []chan struct{}
}

func newScene(spin time.Duration, wake bool) *scene {
	s := &scene{spin: spin, wake: wake, chans: make([]chan struct{}, len(payloads)+1)}
	for i := range s.chans {
		s.chans[i] = make(chan struct{})
	}
	return s
}

// run starts the goroutines and returns once all of them are waiting (wake == false) or done.
func (s *scene) run() {
	s.ready.Add(len(payloads))
	s.done.Add(len(payloads))
	// Named in the go statements, not through a func value, whose goroutines would start in a
	// wrapper (main.(*scene).run.gowrap1).
	go hostileMarkup(s)
	go hostilePercent(s)
	go hostileBidi(s)
	go hostileControl(s)
	go hostileInvalid(s)
	go hostileLong(s)
	s.ready.Wait()
	if !s.wake {
		time.Sleep(100 * time.Millisecond) // until they all block
		return
	}
	close(s.chans[0])
	s.done.Wait()
}

//go:noinline
func (s *scene) work(i int) {
	p := payloads[i]
	pprof.Do(context.Background(), pprof.Labels(p, p), func(ctx context.Context) {
		ctx, task := trace.NewTask(ctx, p)
		defer task.End()
		trace.Log(ctx, p, p)
		s.ready.Done()
		<-s.chans[i]
		trace.WithRegion(ctx, p, func() { burn(s.spin) })
		trace.Logf(ctx, p, "woken: %s", p)
		if s.wake {
			close(s.chans[i+1])
		}
		s.done.Done()
	})
}

//go:noinline
func burn(d time.Duration) uint64 {
	x := uint64(1)
	for end := time.Now().Add(d); time.Now().Before(end); {
		for k := 0; k < 10000; k++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
	}
	return x
}

// The six start functions, each in a file of its own name (the //line directives), which
// `derive` renames along with the function.

//line hostileMarkup.go:1
func hostileMarkup(s *scene) { s.work(0) }

//line hostilePercent.go:1
func hostilePercent(s *scene) { s.work(1) }

//line hostileBidi.go:1
func hostileBidi(s *scene) { s.work(2) }

//line hostileControl.go:1
func hostileControl(s *scene) { s.work(3) }

//line hostileInvalid.go:1
func hostileInvalid(s *scene) { s.work(4) }

//line hostileLong.go:1
func hostileLong(s *scene) { s.work(5) }
