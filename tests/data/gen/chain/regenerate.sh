#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds the blocking-chain fixtures in tests/data/chain: a trace per Go version and, next to
# it, the chains the program knows it built (chaingen's JSON). Go 1.26 as `go` (GO126=...) and
# Go 1.19 (GO119=..., default /usr/lib/go-1.19/bin/go) for the old trace format.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../chain" && pwd)
. "$here/../go_versions.sh"
build_both chaingen
GOMAXPROCS=4 "$tmp/chaingen126" -o "$out/go126_chain.trace"
GOMAXPROCS=4 "$tmp/chaingen119" -o "$out/go119_chain.trace"
ls -l "$out"
