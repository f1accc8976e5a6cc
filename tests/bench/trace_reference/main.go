// SPDX-License-Identifier: MIT

// Command tracereference reads an execution trace with Go's reference reader
// (golang.org/x/exp/trace, the published copy of the parser behind `go tool trace`) and
// prints the number of events, so its time and memory can be compared with ours.
package main

import (
	"bufio"
	"fmt"
	"io"
	"log"
	"os"

	"golang.org/x/exp/trace"
)

func main() {
	if len(os.Args) != 2 {
		log.Fatal("usage: tracereference FILE")
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r, err := trace.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		log.Fatal(err)
	}
	events := 0
	for {
		_, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		events++
	}
	fmt.Printf("events: %d\n", events)
}
