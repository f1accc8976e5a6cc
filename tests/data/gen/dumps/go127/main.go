// SPDX-License-Identifier: MIT

// go127 runs dumpgen's labelled scenario as a go 1.27 module (see go.mod).
package main

import "goroscope/gen/dumps/labelled"

func main() {
	labelled.Panic()
}
