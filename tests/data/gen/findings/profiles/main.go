// SPDX-License-Identifier: MIT

// Command profiles writes real profiles with runtime/pprof, each planting one known cost in named functions, for
// the profile findings tests. It prints what it planted, one "key value" per line: "function NAME" for each function
// a finding must name and "profile FILE" for each profile written into the output folder.
//
// Scenarios: alloc (main.churn allocates in a loop: CPU goes to the allocator and the GC; heap profile too), mutex
// (workers contend for a lock main.holdLock holds: mutex and block profiles), reflect (main.encodeAll marshals with
// encoding/json), syscall (main.writeSmall writes one byte at a time to os.DevNull), grow (a base CPU profile, then
// one where main.slowPath takes most of the time) and clean (a healthy mix of the same shapes, nothing dominating).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sync"
	"time"
)

// Each scenario runs its workload this long under the CPU profiler: long enough for a few hundred samples.
const profileFor = time.Second

var sink uint64

var outDir string

func create(name string) *os.File {
	f, err := os.Create(filepath.Join(outDir, name))
	if err != nil {
		log.Fatal(err)
	}
	return f
}

// cpuProfile runs work under the CPU profiler into name.
func cpuProfile(name string, work func()) {
	f := create(name)
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		log.Fatal(err)
	}
	work()
	pprof.StopCPUProfile()
	fmt.Println("profile", name)
}

func writeProfile(kind, name string) {
	f := create(name)
	defer f.Close()
	if err := pprof.Lookup(kind).WriteTo(f, 0); err != nil {
		log.Fatal(err)
	}
	fmt.Println("profile", name)
}

// parallel runs body on workers goroutines until d has passed.
func parallel(workers int, d time.Duration, body func()) {
	deadline := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				body()
			}
		}()
	}
	wg.Wait()
}

// compute is plain arithmetic: CPU time that allocates nothing and calls nothing of the runtime.
func compute(n int) {
	h := uint64(1469598103934665603)
	for i := 0; i < n; i++ {
		h ^= uint64(i)
		h *= 1099511628211
	}
	sink += h
}

type node struct {
	next *node
	data [64]byte
}

// churn allocates small objects it drops at once: the allocator and the GC get busy. It returns the
// last few it made.
func churn(n int) *node {
	var head *node
	for i := 0; i < n; i++ {
		head = &node{next: head}
		if i%64 == 0 {
			head = nil
		}
	}
	return head
}

// retained keeps what the last calls of churn returned, so that the heap profile's in-use view
// names churn too: with nothing of it live, the view's top site is whatever the program keeps
// from its start, a few hundred kilobytes sampled or not.
var retained []*node

var lock sync.Mutex

// holdLock holds the shared lock while it works, so every other worker waits for it.
func holdLock() {
	lock.Lock()
	compute(20000)
	lock.Unlock()
}

type record struct {
	ID     int               `json:"id"`
	Name   string            `json:"name"`
	Tags   []string          `json:"tags"`
	Fields map[string]string `json:"fields"`
	Score  float64           `json:"score"`
}

var records = func() []record {
	rs := make([]record, 50)
	for i := range rs {
		rs[i] = record{ID: i, Name: fmt.Sprint("record-", i), Tags: []string{"a", "b", "c"},
			Fields: map[string]string{"x": "1", "y": "2"}, Score: float64(i) / 3}
	}
	return rs
}()

// encodeAll marshals every record with encoding/json, which walks them by reflection.
func encodeAll() {
	for i := range records {
		b, err := json.Marshal(&records[i])
		if err != nil {
			log.Fatal(err)
		}
		sink += uint64(len(b))
	}
}

var devNull *os.File

// writeSmall writes one byte per system call.
func writeSmall(n int) {
	one := []byte{1}
	for i := 0; i < n; i++ {
		if _, err := devNull.Write(one); err != nil {
			log.Fatal(err)
		}
	}
}

// fastPath and slowPath are the two halves of the grow scenario's work; only their share changes.
func fastPath(n int) { compute(n) }

func slowPath(n int) { compute(n) }

// mixedWork is the same function in both grow profiles (a closure per profile would have two names), so that
// only slowPath's share differs. Not inlined: inlined into each caller, its closure would be named after the caller.
//
//go:noinline
func mixedWork(slowN int) func() {
	return func() {
		fastPath(200000)
		slowPath(slowN)
	}
}

func main() {
	scenario := flag.String("scenario", "clean", "alloc, mutex, reflect, syscall, grow or clean")
	flag.StringVar(&outDir, "o", ".", "folder to write the profiles into")
	flag.Parse()
	workers := runtime.GOMAXPROCS(0)

	switch *scenario {
	case "alloc":
		fmt.Println("function main.churn")
		cpuProfile("cpu.pb.gz", func() { parallel(workers, profileFor, func() { churn(10000) }) })
		for i := 0; i < 8192; i++ {
			retained = append(retained, churn(10000)) // about 10 MB in use
		}
		runtime.GC()
		writeProfile("heap", "heap.pb.gz")
		sink += uint64(len(retained))
	case "mutex":
		fmt.Println("function main.holdLock")
		runtime.SetMutexProfileFraction(1)
		runtime.SetBlockProfileRate(1)
		parallel(16, profileFor/4, holdLock)
		writeProfile("mutex", "mutex.pb.gz")
		writeProfile("block", "block.pb.gz")
	case "reflect":
		fmt.Println("function main.encodeAll")
		cpuProfile("cpu.pb.gz", func() { parallel(workers, profileFor, encodeAll) })
	case "syscall":
		fmt.Println("function main.writeSmall")
		var err error
		if devNull, err = os.OpenFile(os.DevNull, os.O_WRONLY, 0); err != nil {
			log.Fatal(err)
		}
		cpuProfile("cpu.pb.gz", func() { parallel(workers, profileFor, func() { writeSmall(1000) }) })
	case "grow":
		fmt.Println("function main.slowPath")
		cpuProfile("base.pb.gz", func() {
			parallel(workers, profileFor/2, mixedWork(50000))
		})
		cpuProfile("cpu.pb.gz", func() {
			parallel(workers, profileFor/2, mixedWork(800000))
		})
	case "clean":
		// Mostly computation, with a little of each planted cost: some allocation, some encoding, a few
		// system calls and a lock taken briefly.
		var err error
		if devNull, err = os.OpenFile(os.DevNull, os.O_WRONLY, 0); err != nil {
			log.Fatal(err)
		}
		runtime.SetMutexProfileFraction(1)
		runtime.SetBlockProfileRate(1)
		cpuProfile("cpu.pb.gz", func() {
			parallel(workers, profileFor, func() {
				compute(2000000)
				churn(200)
				records[0].Score++
				if _, err := json.Marshal(&records[0]); err != nil {
					log.Fatal(err)
				}
				writeSmall(10)
				lock.Lock()
				sink++
				lock.Unlock()
			})
		})
		runtime.GC()
		writeProfile("heap", "heap.pb.gz")
		writeProfile("mutex", "mutex.pb.gz")
		writeProfile("block", "block.pb.gz")
	default:
		log.Fatalf("unknown scenario %q", *scenario)
	}
}
