#!/bin/sh
# SPDX-License-Identifier: MIT
# Times whole processes side by side on a generated 1M-sample profile:
#   goroscope-cli top FILE   versus   go tool pprof -top FILE
# reporting wall time and peak RSS (/usr/bin/time -v) and their ratios.
# Usage: [RUNS=3] tests/bench/compare_pprof.sh [BUILD_DIR] [SAMPLES] (each program runs RUNS times, alternating; its fastest run counts)
#   BUILD_DIR defaults to build/release (the release preset, which builds the benchmarks);
#   SAMPLES defaults to 1000000.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
samples=${2:-1000000}
cli=$build/app/cli/goroscope-cli
gen=$build/tests/bench/goroscope_gen_pprof
for tool in "$cli" "$gen" /usr/bin/time; do
    [ -x "$tool" ] || { echo "compare_pprof.sh: $tool not found (build the release preset first)" >&2; exit 1; }
done
command -v go >/dev/null || { echo "compare_pprof.sh: go not on PATH" >&2; exit 1; }
# Run pprof's binary directly, so the go command's own start-up is not counted against it.
pprof=$(go tool -n pprof)
. "$root/tests/bench/measure.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
profile=$work/big.pb.gz
"$gen" "$profile" "$samples"
ls -l "$profile"

for round in $(seq "$runs"); do
    measure goroscope "$cli" top "$profile"
    # TZ=UTC: pprof prints the profile's time in the local zone, goroscope-cli in UTC.
    measure pprof env TZ=UTC "$pprof" -top "$profile"
done
side_by_side "goroscope-cli top" "go tool pprof -top"
echo "$(best goroscope) $(best pprof)" | awk '{
    ok = ($5 / $2 >= 5 && $3 * 3 <= $6) ? "met" : "MISSED"
    printf "target (>= 5x faster, <= 1/3 of the memory): %s\n", ok
}'
# Both must print the same report.
if cmp -s "$work/goroscope.out" "$work/pprof.out"; then
    echo "reports: identical ($(wc -l <"$work/pprof.out") lines)"
else
    echo "reports differ:"
    diff "$work/goroscope.out" "$work/pprof.out" | head -n 20
fi
