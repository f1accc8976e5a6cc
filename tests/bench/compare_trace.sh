#!/bin/sh
# SPDX-License-Identifier: MIT
# Reads the same large execution trace with our decoder and with Go's reference reader
# (golang.org/x/exp/trace), side by side, and reports throughput, peak memory and the size of
# the store we build. The trace is written at run time by tests/bench/trace_stress.
# Usage: [RUNS=3] tests/bench/compare_trace.sh [BUILD_DIR] [MIB]
#   BUILD_DIR defaults to build/release; MIB (trace size) defaults to 500. Each program runs
#   RUNS times, alternating, and its fastest run counts (see measure.sh).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
mib=${2:-500}
cli=$build/app/cli/goroscope-cli
for tool in "$cli" /usr/bin/time; do
    [ -x "$tool" ] || { echo "compare_trace.sh: $tool not found (build the release preset first)" >&2; exit 1; }
done
command -v go >/dev/null || { echo "compare_trace.sh: go not on PATH" >&2; exit 1; }
. "$root/tests/bench/measure.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go_tool stress
go_tool reference
trace=$work/big.trace
"$work/tracestress" -o "$trace" -mb "$mib"
bytes=$(stat -c %s "$trace")

# Reader alone (every event decoded and ordered, as Go's reader does), the full store, and the
# reference reader, in alternating rounds.
for round in $(seq "$runs"); do
    measure events "$cli" events --count "$trace"
    measure store "$cli" info --json "$trace"
    measure reference "$work/tracereference" "$trace"
done
events=$(best events)
store=$(best store)
reference=$(best reference)
store_bytes=$(sed -n 's/.*"store_bytes": *\([0-9]*\).*/\1/p' "$work/store.out")

echo "trace: $bytes bytes; $(cat "$work/reference.out")"
echo "$events $store $reference $bytes $store_bytes" | awk '{
    mb = $10 / 1048576
    printf "%-34s %9s %10s %14s\n", "", "wall (s)", "MB/s", "peak RSS (MB)"
    printf "%-34s %9.2f %10.0f %14.1f\n", "goroscope-cli events --count", $2, mb / $2, $3 / 1024
    printf "%-34s %9.2f %10.0f %14.1f\n", "goroscope-cli info (full store)", $5, mb / $5, $6 / 1024
    printf "%-34s %9.2f %10.0f %14.1f\n", "golang.org/x/exp/trace reader", $8, mb / $8, $9 / 1024
    printf "throughput vs reference: reader %.1fx, full store %.1fx (target >= 10x)\n", $8 / $2, $8 / $5
    printf "store size: %.1f MB = %.2fx the trace file (target <= 3x)\n", $11 / 1048576, $11 / $10
}'
