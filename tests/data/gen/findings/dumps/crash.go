// SPDX-License-Identifier: MIT
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
)

// runCrashingChild runs this program again as the scenario's child and keeps what the runtime
// prints on its way out (stderr) as DIR/<scenario>.txt. The child prints what it planted on the
// shared stdout before it dies.
func runCrashingChild(scenario, dir string) error {
	out, err := os.Create(filepath.Join(dir, scenario+".txt"))
	if err != nil {
		return err
	}
	defer out.Close()
	child := exec.Command(os.Args[0])
	child.Env = append(os.Environ(), childEnv+"="+scenario, "GOTRACEBACK=all")
	child.Stdout = os.Stdout
	child.Stderr = out
	err = child.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) {
		return fmt.Errorf("the %s child should have died, got %v", scenario, err)
	}
	return nil
}

// lockInOrder takes first, then second, once the other locker holds its first lock: two of them
// with the locks swapped wait on each other forever.
func lockInOrder(first, second *sync.Mutex, held *sync.WaitGroup, done *sync.WaitGroup, ids chan<- int) {
	ids <- currentGoroutineID()
	first.Lock()
	held.Done()
	held.Wait()
	second.Lock()
	done.Done()
}

func lockAThenB(a, b *sync.Mutex, held, done *sync.WaitGroup, ids chan<- int) {
	lockInOrder(a, b, held, done, ids)
}

func lockBThenA(a, b *sync.Mutex, held, done *sync.WaitGroup, ids chan<- int) {
	lockInOrder(b, a, held, done, ids)
}

// deadlockChild takes two locks in opposite orders on two goroutines while main waits for both:
// every goroutine blocks and the runtime declares "all goroutines are asleep - deadlock!".
func deadlockChild() {
	var a, b sync.Mutex
	var held, done sync.WaitGroup
	held.Add(2)
	done.Add(2)
	ids := make(chan int, 2)
	go lockAThenB(&a, &b, &held, &done, ids)
	go lockBThenA(&a, &b, &held, &done, ids)
	fmt.Println("goroutine", <-ids)
	fmt.Println("goroutine", <-ids)
	fmt.Println("goroutine", currentGoroutineID())
	fmt.Println("function main.lockAThenB")
	fmt.Println("function main.lockBThenA")
	done.Wait()
}

// parseOrder fails on an input it cannot read: the panic.
func parseOrder(order string) int {
	if order == "" {
		panic("planted: empty order")
	}
	return len(order)
}

// panicChild panics in parseOrder while a few workers wait for work, so GOTRACEBACK=all shows
// them too.
func panicChild() {
	startPool(3)
	fmt.Println("goroutine", currentGoroutineID())
	fmt.Println("function main.parseOrder")
	parseOrder("")
}
