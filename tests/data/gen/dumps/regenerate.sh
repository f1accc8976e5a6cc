#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds tests/data/dumps and tests/data/linked from dumpgen (this folder) with the Go toolchain
# on PATH, Go 1.19 (GO119=..., default /usr/lib/go-1.19/bin/go) for the older traceback form, Go
# 1.27 (GO127=..., default go1.27.3, which `go` fetches through GOTOOLCHAIN) for its label form,
# and `perf` for the perf script / folded / bpftrace-format captures. The leak fixtures take about
# two minutes: the dumps are taken 65 s and 125 s after start so that wait times read 1 and 2
# minutes.
# cgo is off: with cgo the runtime cannot tell that all goroutines are asleep (no deadlock error).
set -u
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../dumps" && pwd)
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
GO127=${GO127:-go1.27.3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here"
CGO_ENABLED=0 go build -trimpath -o "$tmp/dumpgen" . || exit 1
CGO_ENABLED=0 GOTOOLCHAIN=local "$GO119" build -trimpath -o "$tmp/dumpgen119" . || exit 1
# go127 is a go 1.27 module running dumpgen's labelled scenario: see go127/go.mod.
(cd go127 && CGO_ENABLED=0 GOTOOLCHAIN="$GO127" go build -trimpath -o "$tmp/dumpgen127" .) || exit 1
gen="$tmp/dumpgen"

# Crashes exit with status 2: that is what they are for.
"$gen" -mode deadlock > "$out/deadlock.txt" 2>&1
GOTRACEBACK=all "$gen" -mode panic > "$out/panic_all.txt" 2>&1
GOTRACEBACK=all "$tmp/dumpgen119" -mode panic > "$out/panic_all_go119.txt" 2>&1
# Labels in headers: Go 1.26 prints them inside the brackets when asked, Go 1.27 after them.
GOTRACEBACK=all GODEBUG=tracebacklabels=1 "$gen" -mode labels > "$out/panic_labels_go126.txt" 2>&1
GOTRACEBACK=all "$tmp/dumpgen127" > "$out/panic_labels_go127.txt" 2>&1
GOTRACEBACK=system GODEBUG=tracebacklabels=1 "$gen" -mode sigquit > "$out/sigquit_system.txt" 2>&1
"$gen" -mode logstack -o "$out"
GODEBUG=gctrace=1 "$gen" -mode gc 2> "$out/gctrace.txt"
"$gen" -mode leak -o "$out"
# A trace and a dump of the same process (tests/data/linked); GOMAXPROCS=2 keeps the trace small.
GOMAXPROCS=2 "$gen" -mode linked -o "$(cd "$here/../../linked" && pwd)"
go version > "$here/../../linked/GO_VERSION"

# perf: a CPU-bound run sampled with frame-pointer call graphs, then three views of the samples.
perf record -q -g -F 250 -o "$tmp/perf.data" "$gen" -mode burn 2>/dev/null
perf script -i "$tmp/perf.data" 2>/dev/null > "$out/perf_script.txt"
# folded stacks, as FlameGraph's stackcollapse-perf.pl writes them: root first, offsets dropped.
awk -f "$here/perf_to_folded.awk" "$out/perf_script.txt" | sort > "$out/perf.folded"
# the same samples as a bpftrace ustack map (bpftrace is not installed here; see README.md).
awk -f "$here/perf_to_bpftrace.awk" "$out/perf_script.txt" > "$out/bpftrace_ustack.txt"
go version > "$out/GO_VERSION"
ls -l "$out"
