#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds tests/data/pprof/*.pb.gz (and resources/samples/cpu.pb.gz, a copy of the CPU profile)
# with the Go toolchain on PATH. The goroutine leak profile needs
# Go 1.26+ built with GOEXPERIMENT=goroutineleakprofile; other profiles work with any recent Go.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../pprof" && pwd)
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
cd "$here"
GOEXPERIMENT=goroutineleakprofile GOFLAGS=-trimpath go build -o "$bin/genpprof" .
"$bin/genpprof" -o "$out" -cpu "${CPU_SECONDS:-1}s"
go version > "$out/GO_VERSION"
cp "$out/cpu.pb.gz" "$here/../../../../resources/samples/cpu.pb.gz"
ls -l "$out"/*.pb.gz
