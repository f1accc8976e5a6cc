// SPDX-License-Identifier: MIT
package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	_ "net/http/pprof"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"sync"
	"time"
)

// The numbers the leak fixtures are checked against (tests/dumps): a leaking service handles
// leakBefore requests before the first dump and leakAfter-leakBefore more before the second.
// Every request leaves one goroutine blocked forever in "chan receive" in (*service).awaitReply,
// started by handleQuery. The first dump is taken after firstDumpAt so the first leaked goroutines
// already show "1 minutes" of waiting, the second at secondDumpAt ("2 minutes").
const (
	leakBefore = 20
	leakAfter  = 50
	poolSize   = 4
)

var (
	firstDumpAt  = envDuration("LEAK_FIRST_DUMP", 65*time.Second)
	secondDumpAt = envDuration("LEAK_SECOND_DUMP", 125*time.Second)
)

func envDuration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil {
		return d
	}
	return def
}

type service struct {
	jobs chan int
	mu   sync.Mutex
	done int
}

// awaitReply waits for a reply nobody will ever send: the leak.
func (s *service) awaitReply(replies chan string) {
	r := <-replies
	_ = r
}

func (s *service) handleQuery(w http.ResponseWriter, r *http.Request) {
	replies := make(chan string)
	// Labels as a real service would set them; goroutines started here inherit them.
	pprof.Do(r.Context(), pprof.Labels("handler", "query"), func(context.Context) {
		go s.awaitReply(replies)
	})
	fmt.Fprintln(w, "ok")
}

// worker is the healthy part of the service: a fixed pool idle in select.
func (s *service) worker(id int) {
	tick := time.NewTicker(time.Hour)
	defer tick.Stop()
	for {
		select {
		case j := <-s.jobs:
			s.mu.Lock()
			s.done += j + id
			s.mu.Unlock()
		case <-tick.C:
		}
	}
}

func request(base string, n int) {
	for i := 0; i < n; i++ {
		resp, err := http.Get(base + "/query?i=" + strconv.Itoa(i))
		if err != nil {
			panic(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}
}

func fetch(base, query, path string) {
	resp, err := http.Get(base + "/debug/pprof/goroutine?" + query)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	defer f.Close()
	if _, err := io.Copy(f, resp.Body); err != nil {
		panic(err)
	}
}

func runLeak(out string) {
	s := &service{jobs: make(chan int)}
	for i := 0; i < poolSize; i++ {
		go s.worker(i)
	}
	http.HandleFunc("/query", s.handleQuery)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(ln, nil)
	base := "http://" + ln.Addr().String()
	start := time.Now()

	// The runtime stamps a blocked goroutine's wait start when a GC scans it; a real service
	// collects garbage all the time, this one must ask for it to have wait times in its dumps.
	request(base, leakBefore)
	runtime.GC()
	time.Sleep(firstDumpAt - time.Since(start))
	fetch(base, "debug=2", filepath.Join(out, "leak_before.txt"))
	fetch(base, "debug=1", filepath.Join(out, "leak_before_debug1.txt"))

	request(base, leakAfter-leakBefore)
	runtime.GC()
	time.Sleep(secondDumpAt - time.Since(start))
	fetch(base, "debug=2", filepath.Join(out, "leak_after.txt"))
	fetch(base, "debug=1", filepath.Join(out, "leak_after_debug1.txt"))
}
