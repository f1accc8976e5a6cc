#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds the execution-trace fixtures in tests/data/trace (or in the folder given as the only
# argument) from the programs in this folder, each written by the runtime of the Go release its
# name says: Go 1.26 as `go` (GO126=...), Go 1.19 (GO119=..., default /usr/lib/go-1.19/bin/go
# from Debian's golang-1.19-go) and the releases of GO_RELEASES in ../go_versions.sh through
# GOTOOLCHAIN. Traces differ on every run (timing, thread IDs); the differential test compares
# against `go tool trace -d=parsed`, so no expected output has to be refreshed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "${1:-$here/../../trace}" && pwd)
. "$here/../go_versions.sh"
build_both tracegen
for release in $GO_RELEASES; do
    build_release tracegen "$release"
done

# A short generation period (Go 1.22 and later) gives the traces several generations.
v2() {
    GOMAXPROCS=4 GODEBUG=traceadvanceperiod=5000000 "$tmp/tracegen$1" -scenario "$2" -o "$out/go$1_$2.trace"
}
for s in sched syscalls cpuprof procs iterpull flight; do
    v2 126 $s
done
# Experimental AllocFree batches, which readers must skip.
GOMAXPROCS=2 GODEBUG=traceallocfree=1 "$tmp/tracegen126" -scenario iterpull -o "$out/go126_allocfree.trace"
gzip -9 -c "$out/go126_syscalls.trace" > "$out/go126_syscalls.trace.gz"
# One trace from every other release; together they cover each framing of the format: 1.22
# ("go 1.22" header), 1.23 and 1.24 ("go 1.23") with frequency batches, 1.25 with sync batches,
# all three without end-of-generation markers (generations split by the batches' generation
# numbers); 1.27 writes the 1.26 format ("go 1.26").
v2 122 procs
v2 123 iterpull
v2 124 syscalls
v2 125 sched
v2 127 sched
# The old format (before Go 1.22).
for s in sched syscalls cpuprof procs; do
    GOMAXPROCS=4 "$tmp/tracegen119" -scenario $s -o "$out/go119_$s.trace"
done
GOMAXPROCS=4 "$tmp/tracegen121" -scenario sched -o "$out/go121_sched.trace"
ls -l "$out"
