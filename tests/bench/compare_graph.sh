#!/bin/sh
# SPDX-License-Identifier: MIT
# Times whole processes side by side, from a profile file to a laid-out call graph:
#   goroscope-cli graph FILE -o OUT.svg   versus   go tool pprof -svg FILE
# (both build pprof's graph of at most 80 nodes, lay it out with Graphviz's dot and write SVG:
# pprof runs the dot program, goroscope-cli links Graphviz's library), reporting wall time and
# peak RSS (/usr/bin/time -v, the dot child process included for pprof) and their ratios.
# Usage: [RUNS=3] [PROFILE=FILE] tests/bench/compare_graph.sh [BUILD_DIR] [SAMPLES]
#   (each program runs RUNS times, alternating; its fastest run counts)
#   BUILD_DIR defaults to build/release (the release preset, which builds the benchmarks);
#   the profile is generated (goroscope_gen_pprof, SAMPLES samples, default 1000000) unless
#   PROFILE names one, e.g. a CPU profile of a Go benchmark:
#   go test -run XXX -bench . -cpuprofile cpu.pb.gz compress/flate
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
samples=${2:-1000000}
cli=$build/app/cli/goroscope-cli
gen=$build/tests/bench/goroscope_gen_pprof
for tool in "$cli" /usr/bin/time; do
    [ -x "$tool" ] || { echo "compare_graph.sh: $tool not found (build the release preset first)" >&2; exit 1; }
done
command -v go >/dev/null || { echo "compare_graph.sh: go not on PATH" >&2; exit 1; }
command -v dot >/dev/null || { echo "compare_graph.sh: Graphviz's dot not on PATH (go tool pprof -svg runs it)" >&2; exit 1; }
# Run pprof's binary directly, so the go command's own start-up is not counted against it.
go tool pprof -h >/dev/null 2>&1 || true
pprof=$(go tool -n pprof)
. "$root/tests/bench/measure.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -n "${PROFILE:-}" ]; then
    profile=$PROFILE
else
    [ -x "$gen" ] || { echo "compare_graph.sh: $gen not found (build the release preset first)" >&2; exit 1; }
    profile=$work/big.pb.gz
    "$gen" "$profile" "$samples"
fi
ls -l "$profile"

for round in $(seq "$runs"); do
    measure goroscope "$cli" graph "$profile" -o "$work/goroscope.svg"
    measure pprof "$pprof" -svg -output "$work/pprof.svg" "$profile"
done
side_by_side "goroscope-cli graph -o OUT.svg" "go tool pprof -svg"
# The same graph: both DOT outputs, nodes and edges counted.
"$cli" graph "$profile" -o "$work/goroscope.dot"
TZ=UTC "$pprof" -dot -output "$work/pprof.dot" "$profile" 2>/dev/null
for name in goroscope pprof; do
    printf '%-10s %s nodes, %s edges\n' "$name" "$(grep -c '^N[0-9]* \[label=' "$work/$name.dot")" \
        "$(grep -c '^N[0-9]* -> N[0-9]* ' "$work/$name.dot")"
done
if cmp -s "$work/goroscope.dot" "$work/pprof.dot"; then
    echo "DOT: identical ($(wc -l <"$work/pprof.dot") lines)"
else
    echo "DOT differs:"
    diff "$work/goroscope.dot" "$work/pprof.dot" | head -n 20
fi
