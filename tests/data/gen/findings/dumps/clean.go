// SPDX-License-Identifier: MIT
package main

import (
	"crypto/sha256"
	"path/filepath"
	"sync"
	"time"
)

// startPool starts n workers that hash the jobs they are given and wait for more in between, as a
// healthy service's pool does; stop ends them.
func startPool(n int) (stop func()) {
	jobs := make(chan []byte)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go poolWorker(jobs, &wg)
	}
	for i := 0; i < 4*n; i++ {
		jobs <- make([]byte, 1<<16)
	}
	return func() {
		close(jobs)
		wg.Wait()
	}
}

func poolWorker(jobs <-chan []byte, wg *sync.WaitGroup) {
	defer wg.Done()
	for job := range jobs {
		sha256.Sum256(job)
	}
}

// runClean dumps a process with a small worker pool twice, with work done in between: the same
// goroutines in both dumps, nothing growing.
func runClean(dir string) error {
	stop := startPool(4)
	defer stop()
	time.Sleep(20 * time.Millisecond)
	if err := writeDump(filepath.Join(dir, "before.txt")); err != nil {
		return err
	}
	stop2 := startPool(2)
	stop2()
	time.Sleep(20 * time.Millisecond)
	return writeDump(filepath.Join(dir, "after.txt"))
}
