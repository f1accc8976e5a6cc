// SPDX-License-Identifier: MIT
package main

import (
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// Leaked goroutines in the first dump, and how many more the second dump shows.
const (
	leakedBefore = 30
	leakedMore   = 40
)

// leakyWorker waits for a reply nobody will ever send: the leak.
func leakyWorker(reply chan int, started chan<- int) {
	started <- currentGoroutineID()
	<-reply
}

// leakSome starts n leaking goroutines and prints their IDs.
func leakSome(n int) {
	started := make(chan int)
	for i := 0; i < n; i++ {
		go leakyWorker(make(chan int), started)
	}
	for i := 0; i < n; i++ {
		fmt.Println("goroutine", <-started)
	}
}

// waitUntilParked returns once `want` goroutines are parked on leakyWorker's receive, so the dump
// shows every leaked goroutine blocked rather than still running towards it.
func waitUntilParked(want int) {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if strings.Count(string(buf[:n]), "[chan receive]:\nmain.leakyWorker(") >= want {
			return
		}
		time.Sleep(time.Millisecond)
	}
}

// runLeak writes before.txt with leakedBefore leaked goroutines and after.txt with leakedMore
// more, alongside a small healthy worker pool.
func runLeak(dir string) error {
	stop := startPool(4)
	defer stop()
	leakSome(leakedBefore)
	waitUntilParked(leakedBefore)
	if err := writeDump(filepath.Join(dir, "before.txt")); err != nil {
		return err
	}
	leakSome(leakedMore)
	waitUntilParked(leakedBefore + leakedMore)
	if err := writeDump(filepath.Join(dir, "after.txt")); err != nil {
		return err
	}
	fmt.Println("function main.leakyWorker")
	fmt.Println("count", leakedBefore+leakedMore)
	fmt.Println("growth", leakedMore)
	return nil
}
