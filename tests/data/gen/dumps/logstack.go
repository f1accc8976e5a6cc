// SPDX-License-Identifier: MIT
package main

import (
	"log"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// runLogStack writes a service log with runtime.Stack(buf, true) in the middle of it, as
// services do on an admin endpoint or a watchdog timeout.
func runLogStack(out string) {
	f, err := os.Create(filepath.Join(out, "service.log"))
	if err != nil {
		panic(err)
	}
	defer f.Close()
	logger := log.New(f, "", log.LstdFlags|log.Lmicroseconds)
	for i := 0; i < 5; i++ {
		logger.Printf("request %d served in %v", i, time.Duration(i+1)*time.Millisecond)
	}
	startCrashWorkers()
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	logger.Printf("watchdog: request stuck for 30s, all goroutines:\n%s", buf[:n])
	for i := 5; i < 8; i++ {
		logger.Printf("request %d served in %v", i, time.Duration(i+1)*time.Millisecond)
	}
}
