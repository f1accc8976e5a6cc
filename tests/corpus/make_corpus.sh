#!/bin/sh
# SPDX-License-Identifier: MIT
# Makes a corpus of real captures in OUTDIR (outside the repository): for every Go release of
# ../data/gen/go_versions.sh (Go 1.19 when installed, the GO_RELEASES through GOTOOLCHAIN, and
# `go` itself), one `go test` run of each package in packages.txt, with its own tests and
# benchmarks, writing OUTDIR/<go version>/<package>.{trace,cpu,mem,block,mutex}.pb.gz.
# A package whose trace is already there is skipped, so an interrupted run continues where it
# stopped; delete a folder to capture that release again.
# Usage: make_corpus.sh OUTDIR [BENCHTIME, default 100ms]
set -eu
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [BENCHTIME]" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
benchtime=${2:-100ms}
. "$here/../data/gen/go_versions.sh"

# capture GOTOOLCHAIN GO: every package with that toolchain.
capture() {
    version=$(GOTOOLCHAIN=$1 "$2" env GOVERSION)
    mkdir -p "$out/$version"
    grep -v '^#' "$here/packages.txt" | while read -r pkg run bench; do
        name=$(echo "$pkg" | tr / _)
        dest="$out/$version/$name"
        [ -f "$dest.trace" ] && continue
        echo "make_corpus: $version $pkg"
        # In the temporary folder: go test leaves the test binary next to the profiles.
        # A failing test still leaves its captures; they are kept, and the failure is logged.
        (cd "$tmp" && GOTOOLCHAIN=$1 "$2" test -run "$run" -bench "$bench" -benchtime "$benchtime" \
            -timeout 5m -trace "$dest.trace.part" -cpuprofile "$dest.cpu.pb.gz" \
            -memprofile "$dest.mem.pb.gz" -blockprofile "$dest.block.pb.gz" \
            -mutexprofile "$dest.mutex.pb.gz" "$pkg" > "$dest.log" 2>&1) ||
            echo "make_corpus: $version $pkg: go test failed (see $dest.log)" >&2
        mv "$dest.trace.part" "$dest.trace"
    done
}

if [ -x "$GO119" ]; then
    capture local "$GO119"
else
    echo "make_corpus: no Go 1.19 at $GO119 (Debian's golang-1.19-go); skipping it" >&2
fi
for release in $GO_RELEASES; do
    capture "$release" "$GO126"
done
capture local "$GO126"
du -sh "$out"/*
