// SPDX-License-Identifier: MIT

// filtergen writes a small execution trace whose goroutines behave in ways known by construction,
// and next to it (FILE.json for FILE.trace) what each of them did: its goroutine ID (read from
// runtime.Stack), its start function, the function it blocked in, the state and wait reason the
// trace gives that block, and bounds on the block's duration that the program proves itself.
// Goroscope's goroutine-filter tests take their expected answers from that file.
//
// How the bounds are proved: a goroutine notes t0 just before it blocks; the main goroutine dumps
// all stacks until that goroutine shows the expected wait state and notes tSeen after the dump,
// so the block began in [t0, tSeen]. It then releases the goroutine with an operation that starts
// at tRelease and returns at tDone; the runtime marks the goroutine unblocked inside that
// operation. So tRelease-tSeen <= block <= tDone-t0.
//
// Usage: filtergen -o FILE.trace (Linux: one role blocks in read(2) on a raw pipe).
// Builds with Go 1.19 (the old trace format) as well as with Go 1.26.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// fact is one goroutine of the sidecar; the tags are its keys.
type fact struct {
	Role          string `json:"role"`
	ID            int64  `json:"id"`
	StartFunction string `json:"start_function"`
	BlockFunction string `json:"block_function"` // on its stack when it blocked; "" if it never blocks
	State         string `json:"state"`          // the block's state; "running" for the spinner
	Reason        string `json:"reason"`         // the trace's wait reason for the block
	MinNs         int64  `json:"min_ns"`         // the block lasted at least this long
	MaxNs         int64  `json:"max_ns"`         // and at most this long; 0: until the trace ended
	// early: exited before the "window" logs; late: blocked across them, exited before the end;
	// whole: blocked from the early phase until the trace ended.
	Phase string `json:"phase"`
}

var epoch time.Time

// now is monotonic time since epoch, the one clock all bounds are taken on.
func now() int64 { return int64(time.Since(epoch)) }

// probe is what a role goroutine tells the main goroutine.
type probe struct {
	ids   chan int64    // buffered, so reporting the ID never blocks the role
	t0    int64         // atomic: now() just before the role blocks
	after int64         // atomic: now() right after the block (the sleeper)
	done  chan struct{} // closed when the role returns
}

func newProbe() *probe { return &probe{ids: make(chan int64, 1), done: make(chan struct{})} }

func (p *probe) enter()        { p.ids <- goid() }
func (p *probe) aboutToBlock() { atomic.StoreInt64(&p.t0, now()) }
func (p *probe) t0Ns() int64   { return atomic.LoadInt64(&p.t0) }

// goid reads the calling goroutine's ID from its stack header, "goroutine 18 [running]:".
func goid() int64 {
	var buf [64]byte
	n := runtime.Stack(buf[:], false)
	fields := strings.Fields(string(buf[:n]))
	id, err := strconv.ParseInt(fields[1], 10, 64)
	if err != nil {
		panic(err)
	}
	return id
}

var (
	dumpBuf   = make([]byte, 1<<20)
	headerBuf = make([]byte, 0, 64)
)

// dump returns the stacks of all goroutines but the runtime's own. Polling allocates nothing, so
// the heap stays still while the roles run (no GC cycles but the one collectGarbage asks for).
func dump() []byte {
	return dumpBuf[:runtime.Stack(dumpBuf, true)]
}

// stateOf finds "goroutine ID [STATE...]:" in a dump and returns STATE (nothing if id is not there).
// The caller's own stack comes first, so every other header follows a blank line.
func stateOf(d []byte, id int64) []byte {
	headerBuf = append(strconv.AppendInt(append(headerBuf[:0], "\n\ngoroutine "...), id, 10), " ["...)
	i := bytes.Index(d, headerBuf)
	if i < 0 {
		return nil
	}
	rest := d[i+len(headerBuf):]
	return rest[:bytes.IndexAny(rest, ",]")]
}

// poll dumps the stacks until ok accepts one, and returns now() after that dump.
func poll(what string, ok func(d []byte) bool) int64 {
	deadline := time.Now().Add(5 * time.Second)
	for {
		d := dump()
		seen := now()
		if ok(d) {
			return seen
		}
		if time.Now().After(deadline) {
			panic("timed out waiting for " + what + "\n" + string(d))
		}
		time.Sleep(50 * time.Microsecond)
	}
}

// waitBlocked returns tSeen: the goroutine is in one of the wait states by then.
func waitBlocked(id int64, states ...string) int64 {
	return poll(fmt.Sprintf("goroutine %d in %v", id, states), func(d []byte) bool {
		s := stateOf(d, id)
		for _, want := range states {
			if string(s) == want {
				return true
			}
		}
		return false
	})
}

// waitGone returns once the goroutines have exited (a dump skips dead goroutines), so their
// exit events are in the trace.
func waitGone(ids []int64) {
	poll(fmt.Sprintf("goroutines %v to exit", ids), func(d []byte) bool {
		for _, id := range ids {
			if stateOf(d, id) != nil {
				return false
			}
		}
		return true
	})
}

// The functions the roles block in. noinline keeps each a frame of its own in the stacks.

//go:noinline
func awaitMessage(p *probe, ch chan int) int {
	p.aboutToBlock()
	return <-ch
}

//go:noinline
func lockShared(p *probe, mu *sync.Mutex) {
	p.aboutToBlock()
	mu.Lock()
	mu.Unlock()
}

//go:noinline
func nap(p *probe, d time.Duration) {
	p.aboutToBlock()
	time.Sleep(d)
	atomic.StoreInt64(&p.after, now())
}

//go:noinline
func awaitEither(p *probe, a, b chan int) int {
	p.aboutToBlock()
	select {
	case v := <-a:
		return v
	case v := <-b:
		return v
	}
}

//go:noinline
func readPipe(p *probe, fd int) {
	var b [1]byte
	p.aboutToBlock()
	if _, err := syscall.Read(fd, b[:]); err != nil {
		panic(err)
	}
}

// spin runs without blocking: no channel, lock, sleep, syscall or allocation.
//
//go:noinline
func spin(d time.Duration) {
	start := time.Now()
	for time.Since(start) < d {
	}
}

// The roles' start functions.

//go:noinline
func slowReceiver(p *probe, ch chan int) { defer close(p.done); p.enter(); awaitMessage(p, ch) }

//go:noinline
func quickReceiver(p *probe, ch chan int) { defer close(p.done); p.enter(); awaitMessage(p, ch) }

//go:noinline
func lateReceiver(p *probe, ch chan int) { defer close(p.done); p.enter(); awaitMessage(p, ch) }

//go:noinline
func leakedReceiver(p *probe, ch chan int) { defer close(p.done); p.enter(); awaitMessage(p, ch) }

//go:noinline
func mutexWaiter(p *probe, mu *sync.Mutex) { defer close(p.done); p.enter(); lockShared(p, mu) }

//go:noinline
func sleeper(p *probe, d time.Duration) { defer close(p.done); p.enter(); nap(p, d) }

//go:noinline
func selector(p *probe, a, b chan int) { defer close(p.done); p.enter(); awaitEither(p, a, b) }

//go:noinline
func pipeReader(p *probe, fd int) { defer close(p.done); p.enter(); readPipe(p, fd) }

//go:noinline
func spinner(p *probe, d time.Duration) { defer close(p.done); p.enter(); spin(d) }

var garbage []byte

// collectGarbage runs one GC cycle by lowering GOGC to 1 and allocating a little every 20 ms
// until a finalizer says an object died. Not runtime.GC: its wait for the sweep spins through
// Gosched against the background sweeper, thousands of times on a loaded machine, which made the
// trace anywhere from 10 KB to 300 KB.
func collectGarbage() {
	died := make(chan struct{})
	obj := new([64]byte)
	runtime.SetFinalizer(obj, func(*[64]byte) { close(died) }) // obj is garbage from here on
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(5 * time.Second)
	for {
		garbage = make([]byte, 64<<10)
		select {
		case <-died:
			return
		case <-tick.C:
		case <-deadline:
			panic("no GC cycle within 5 s")
		}
	}
}

// released blocks for hold after tSeen, runs release and returns the bounds of the block.
func released(p *probe, tSeen int64, hold time.Duration, release func()) (minNs, maxNs int64) {
	time.Sleep(hold)
	tRelease := now()
	release()
	tDone := now()
	return tRelease - tSeen, tDone - p.t0Ns()
}

func run() (facts []fact) {
	var early []int64
	add := func(f fact) {
		facts = append(facts, f)
		if f.Phase == "early" {
			early = append(early, f.ID)
		}
	}
	const recv = "chan receive"

	// A channel receive held for 30 ms, then one released as soon as it blocks. Each goroutine
	// is started by name: a go statement on a func value would start a wrapper instead.
	for _, r := range []struct {
		role   string
		launch func(*probe, chan int)
		name   string
		hold   time.Duration
	}{
		{"slow_receiver", func(p *probe, ch chan int) { go slowReceiver(p, ch) }, "main.slowReceiver", 30 * time.Millisecond},
		{"quick_receiver", func(p *probe, ch chan int) { go quickReceiver(p, ch) }, "main.quickReceiver", 0},
	} {
		p, ch := newProbe(), make(chan int)
		r.launch(p, ch)
		f := fact{Role: r.role, ID: <-p.ids, StartFunction: r.name, BlockFunction: "main.awaitMessage",
			State: "waiting", Reason: recv, Phase: "early"}
		f.MinNs, f.MaxNs = released(p, waitBlocked(f.ID, recv), r.hold, func() { ch <- 1 })
		<-p.done
		add(f)
	}

	// A sync.Mutex held by main for 20 ms (Go 1.19 dumps say "semacquire").
	{
		p := newProbe()
		var mu sync.Mutex
		mu.Lock()
		go mutexWaiter(p, &mu)
		f := fact{Role: "mutex_waiter", ID: <-p.ids, StartFunction: "main.mutexWaiter",
			BlockFunction: "main.lockShared", State: "waiting", Reason: "sync", Phase: "early"}
		f.MinNs, f.MaxNs = released(p, waitBlocked(f.ID, "sync.Mutex.Lock", "semacquire"), 20*time.Millisecond, mu.Unlock)
		<-p.done
		add(f)
	}

	// time.Sleep(25ms): the timer fires no earlier than t0+25ms.
	{
		const d = 25 * time.Millisecond
		p := newProbe()
		go sleeper(p, d)
		f := fact{Role: "sleeper", ID: <-p.ids, StartFunction: "main.sleeper", BlockFunction: "main.nap",
			State: "waiting", Reason: "sleep", Phase: "early"}
		tSeen := waitBlocked(f.ID, "sleep")
		<-p.done
		f.MinNs = p.t0Ns() + int64(d) - tSeen
		f.MaxNs = atomic.LoadInt64(&p.after) - p.t0Ns()
		add(f)
	}

	// A select over two channels, released after 15 ms.
	{
		p, a, b := newProbe(), make(chan int), make(chan int)
		go selector(p, a, b)
		f := fact{Role: "selector", ID: <-p.ids, StartFunction: "main.selector", BlockFunction: "main.awaitEither",
			State: "waiting", Reason: "select", Phase: "early"}
		f.MinNs, f.MaxNs = released(p, waitBlocked(f.ID, "select"), 15*time.Millisecond, func() { b <- 1 })
		<-p.done
		add(f)
	}

	// read(2) on a blocking pipe, written to after 20 ms. The bounds are those of the whole
	// syscall, which the trace may split into syscall and syscall-blocked spans.
	{
		var fds [2]int
		if err := syscall.Pipe(fds[:]); err != nil {
			panic(err)
		}
		p := newProbe()
		go pipeReader(p, fds[0])
		f := fact{Role: "pipe_reader", ID: <-p.ids, StartFunction: "main.pipeReader", BlockFunction: "main.readPipe",
			State: "syscall", Phase: "early"}
		f.MinNs, f.MaxNs = released(p, waitBlocked(f.ID, "syscall"), 20*time.Millisecond, func() {
			if _, err := syscall.Write(fds[1], []byte{1}); err != nil {
				panic(err)
			}
		})
		<-p.done
		syscall.Close(fds[0])
		syscall.Close(fds[1])
		add(f)
	}

	// 20 ms of computation that never blocks.
	{
		p := newProbe()
		go spinner(p, 20*time.Millisecond)
		f := fact{Role: "spinner", ID: <-p.ids, StartFunction: "main.spinner", State: "running", Phase: "early"}
		<-p.done
		add(f)
	}

	// A receive nobody ever sends to: still waiting when the trace ends.
	leaked := newProbe()
	go leakedReceiver(leaked, make(chan int))
	leak := fact{Role: "leaked_receiver", ID: <-leaked.ids, StartFunction: "main.leakedReceiver",
		BlockFunction: "main.awaitMessage", State: "waiting", Reason: recv, Phase: "whole"}
	leakSeen := waitBlocked(leak.ID, recv)

	waitGone(early)

	// A GC cycle, so the trace labels the GC mark workers ("GC (dedicated)", ...). Their IDs cannot
	// be read here: runtime.Stack leaves system goroutines out whatever GOTRACEBACK says.
	collectGarbage()

	// The late phase: a receive blocked across the window the two logs mark. Nothing before the
	// "phase late" log belongs to it.
	trace.Log(context.Background(), "phase", "late")
	{
		p, ch := newProbe(), make(chan int)
		go lateReceiver(p, ch)
		f := fact{Role: "late_receiver", ID: <-p.ids, StartFunction: "main.lateReceiver",
			BlockFunction: "main.awaitMessage", State: "waiting", Reason: recv, Phase: "late"}
		tSeen := waitBlocked(f.ID, recv)
		trace.Log(context.Background(), "window", "begin")
		time.Sleep(30 * time.Millisecond)
		trace.Log(context.Background(), "window", "end")
		f.MinNs, f.MaxNs = released(p, tSeen, 0, func() { ch <- 1 })
		<-p.done
		waitGone([]int64{f.ID})
		add(f)
	}

	// The trace ends after this, so the leaked receiver blocked at least until now.
	leak.MinNs = now() - leakSeen
	add(leak)
	return facts
}

func writeSidecar(path string, facts []fact) error {
	var b strings.Builder
	fmt.Fprintf(&b, "{\n  \"go_version\": %q,\n  \"goroutines\": [\n", runtime.Version())
	for i, f := range facts {
		line, err := json.Marshal(f)
		if err != nil {
			return err
		}
		sep := ","
		if i == len(facts)-1 {
			sep = ""
		}
		fmt.Fprintf(&b, "    %s%s\n", line, sep)
	}
	b.WriteString("  ]\n}\n")
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

func main() {
	out := flag.String("o", "filter.trace", "output trace; the sidecar is the same name with .json")
	flag.Parse()
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := trace.Start(f); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	epoch = time.Now()
	facts := run()
	trace.Stop()
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := writeSidecar(strings.TrimSuffix(*out, ".trace")+".json", facts); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
