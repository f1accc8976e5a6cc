// SPDX-License-Identifier: MIT
package main

import (
	"fmt"
	"path/filepath"
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

// leakSome starts n leaking goroutines, prints their IDs and returns once all are started.
func leakSome(n int) {
	started := make(chan int)
	for i := 0; i < n; i++ {
		go leakyWorker(make(chan int), started)
	}
	for i := 0; i < n; i++ {
		fmt.Println("goroutine", <-started)
	}
	// Give the last ones time to park on the receive, so the dump shows them blocked.
	time.Sleep(50 * time.Millisecond)
}

// runLeak writes before.txt with leakedBefore leaked goroutines and after.txt with leakedMore
// more, alongside a small healthy worker pool.
func runLeak(dir string) error {
	stop := startPool(4)
	defer stop()
	leakSome(leakedBefore)
	if err := writeDump(filepath.Join(dir, "before.txt")); err != nil {
		return err
	}
	leakSome(leakedMore)
	if err := writeDump(filepath.Join(dir, "after.txt")); err != nil {
		return err
	}
	fmt.Println("function main.leakyWorker")
	fmt.Println("count", leakedBefore+leakedMore)
	fmt.Println("growth", leakedMore)
	return nil
}
