// SPDX-License-Identifier: MIT
package main

import (
	"crypto/sha256"
	"sort"
	"time"
)

//go:noinline
func hashLoop(deadline time.Time) int {
	n := 0
	data := make([]byte, 4096)
	for time.Now().Before(deadline) {
		s := sha256.Sum256(data)
		data[0] = s[0]
		n++
	}
	return n
}

//go:noinline
func sortLoop(deadline time.Time) int {
	n := 0
	xs := make([]int, 2048)
	for time.Now().Before(deadline) {
		for i := range xs {
			xs[i] = (i * 7919) % 2048
		}
		sort.Ints(xs)
		n++
	}
	return n
}

// runBurn keeps the CPU busy in two recognisable functions for perf to sample.
func runBurn() {
	deadline := time.Now().Add(300 * time.Millisecond)
	done := make(chan int)
	go func() { done <- sortLoop(deadline) }()
	hashLoop(deadline)
	<-done
}
