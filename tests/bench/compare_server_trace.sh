#!/bin/sh
# SPDX-License-Identifier: MIT
# Measures Goroscope against Go's reference reader (golang.org/x/exp/trace, tests/bench/
# trace_reference) on a real server's execution trace and on the generated stress trace, in one
# run, and reports five measures, each with its target:
#   1. goroscope-cli events --count: wall time against the reference reader's (>= 10x faster);
#   2. the built store (store_bytes of goroscope-cli info --json) against the file (<= 2x);
#   3. the peak RSS of goroscope-cli info --json against the file (<= 3x);
#   4. opening the file in the main window (offscreen) until the whole trace is loaded and its
#      timeline painted, first_paint_ms of goroscope_bench_open (no later than the reference
#      reader's wall time);
#   5. the longest GUI-thread stall while opening, its max_gui_stall_ms (<= 50 ms), the longest
#      of all runs.
# The server trace is made at run time, in a temporary directory, with the installed Go:
#   go test -run XXX -bench 'BenchmarkServerFakeConnWithKeepAlive|BenchmarkClientServer$' \
#       -benchtime=$BENCHTIME -trace=FILE net/http
# and the stress trace by tests/bench/trace_stress, as compare_trace.sh makes it.
#
# Usage: [RUNS=3] [CASES="server stress"] [TRACE=FILE] [BENCHTIME=8s] [MIB=500] \
#            [BUILD_DIR=build/release] tests/bench/compare_server_trace.sh [BUILD_DIR]
#   CASES      the cases to run, in order: "server", "stress" or both (the default).
#   TRACE      an existing trace the server case reads instead of making one.
#   BENCHTIME  how long each net/http benchmark runs while the server trace is written (8s).
#   MIB        the size of the stress trace in MiB (500).
#   BUILD_DIR  the build directory (build/release, the release preset, which builds the
#              benchmarks); goroscope_bench_open is built only with the GUI: without it the
#              script says so and skips measures 4 and 5.
#   Each program runs RUNS times, alternating, and its fastest run counts (see measure.sh); the
#   main window's figures are those of its fastest run.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-${BUILD_DIR:-$root/build/release}}
cases=${CASES:-server stress}
benchtime=${BENCHTIME:-8s}
mib=${MIB:-500}
benchmarks='BenchmarkServerFakeConnWithKeepAlive|BenchmarkClientServer$'
cli=$build/app/cli/goroscope-cli
open=$build/tests/bench/goroscope_bench_open
for tool in "$cli" /usr/bin/time; do
    [ -x "$tool" ] || { echo "compare_server_trace.sh: $tool not found (build the release preset first)" >&2; exit 1; }
done
command -v go >/dev/null || { echo "compare_server_trace.sh: go not on PATH" >&2; exit 1; }
for case in $cases; do
    case $case in
    server | stress) ;;
    *) echo "compare_server_trace.sh: unknown case '$case' in CASES (server, stress)" >&2; exit 1 ;;
    esac
done
if [ -n "${TRACE:-}" ] && [ ! -r "$TRACE" ]; then
    echo "compare_server_trace.sh: TRACE=$TRACE cannot be read" >&2
    exit 1
fi
. "$root/tests/bench/measure.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "$(go version); $runs round(s)"
go_tool reference
if [ -x "$open" ]; then
    gui=yes
else
    gui=no
    echo "$open not found (the GUI is not built): measures 4 and 5 are skipped"
fi

# report CASE LABEL FILE: the table of one case, from the fastest runs of its programs.
report() {
    events=$(cat "$work/$1_events.out")
    echo
    echo "== $1: $2"
    echo "$(stat -c %s "$3") bytes; events: $events (goroscope-cli), $(sed -n 's/^events: //p' "$work/$1_reference.out") (reference)"
    if [ "$gui" = yes ]; then
        opened=$(best "$1_open")
        paint=$(sed -n 's/.*"first_paint_ms": *\([0-9-]*\).*/\1/p' "$work/$1_open.out")
        # The stall is the longest of every run, not only of the fastest one.
        stall=$(sort -n "$work/$1_stalls" | tail -n 1)
        stalls=$(tr '\n' ' ' <"$work/$1_stalls" | sed 's/ $//')
    else
        opened="$1_open - -" paint=- stall=- stalls=
    fi
    store_bytes=$(sed -n 's/.*"store_bytes": *\([0-9]*\).*/\1/p' "$work/$1_store.out")
    echo "$(best "$1_events") $(best "$1_store") $(best "$1_reference") $opened" |
        awk -v bytes="$(stat -c %s "$3")" -v store="$store_bytes" -v paint="$paint" -v stall="$stall" -v stalls="$stalls" '
        function row(what, wall, rss) {
            if (wall == "-")
                printf "%-36s %9s %10s %14s\n", what, "-", "-", "-"
            else
                printf "%-36s %9.2f %10s %14.1f\n", what, wall, (wall > 0 ? sprintf("%.0f", mb / wall) : "-"), rss / 1024
        }
        function measure(n, what, result, target, ok) {
            printf "%d. %-44s %-28s %-14s %s\n", n, what, result, target, (ok == "" ? "skipped" : ok ? "met" : "MISSED")
        }
        {
            mb = bytes / 1048576
            printf "%-36s %9s %10s %14s\n", "", "wall (s)", "MB/s", "peak RSS (MB)"
            row("goroscope-cli events --count", $2, $3)
            row("goroscope-cli info --json", $5, $6)
            row("golang.org/x/exp/trace reader", $8, $9)
            row("goroscope_bench_open (main window)", $11, $12)
            printf "%-47s %-28s %s\n", "measure", "result", "target"
            if ($2 > 0)
                measure(1, "events --count vs the reference reader", sprintf("%.1fx faster", $8 / $2), ">= 10x", $8 / $2 >= 10)
            else
                measure(1, "events --count vs the reference reader", "(too short to time)", ">= 10x", "")
            measure(2, "built store (store_bytes)", sprintf("%.1f MB = %.2fx the file", store / 1048576, store / bytes),
                    "<= 2x", store <= 2 * bytes)
            measure(3, "peak RSS of info --json", sprintf("%.1f MB = %.2fx the file", $6 / 1024, $6 * 1024 / bytes),
                    "<= 3x", $6 * 1024 <= 3 * bytes)
            if (paint == "-") {
                measure(4, "main window: loaded and painted", "(GUI not built)", "<= reference", "")
                measure(5, "longest GUI-thread stall while opening", "(GUI not built)", "<= 50 ms", "")
            } else {
                measure(4, "main window: loaded and painted", sprintf("%.2f s (reference %.2f s)", paint / 1000, $8),
                        "<= reference", paint >= 0 && paint <= $8 * 1000)
                measure(5, "longest GUI-thread stall while opening", stall " ms (runs: " stalls ")", "<= 50 ms", stall <= 50)
            }
        }'
}

for case in $cases; do
    if [ "$case" = server ] && [ -n "${TRACE:-}" ]; then
        trace=$TRACE
        label="$TRACE (given)"
    elif [ "$case" = server ]; then
        # The test binary and its output stay in $work.
        trace=$work/server.trace
        label="net/http benchmarks $benchmarks, -benchtime=$benchtime"
        echo "making the server trace: go test -run XXX -bench '$benchmarks' -benchtime=$benchtime -trace=FILE net/http"
        if ! (cd "$work" && go test -run XXX -bench "$benchmarks" -benchtime="$benchtime" -trace="$trace" net/http) \
            >"$work/gotest.log" 2>&1; then
            cat "$work/gotest.log" >&2
            exit 1
        fi
        grep '^Benchmark' "$work/gotest.log"
    else
        trace=$work/stress.trace
        label="generated by tests/bench/trace_stress -mb $mib"
        go_tool stress
        "$work/tracestress" -o "$trace" -mb "$mib"
    fi
    for round in $(seq "$runs"); do
        measure "${case}_events" "$cli" events --count "$trace"
        measure "${case}_store" "$cli" info --json "$trace"
        measure "${case}_reference" "$work/tracereference" "$trace"
        if [ "$gui" = yes ]; then
            measure "${case}_open" env QT_QPA_PLATFORM=offscreen "$open" "$trace"
            # This run's output: still .run unless it was the fastest so far.
            out=$work/${case}_open.run
            [ -f "$out" ] || out=$work/${case}_open.out
            sed -n 's/.*"max_gui_stall_ms": *\([0-9-]*\).*/\1/p' "$out" >>"$work/${case}_stalls"
            rm -f "$work/${case}_open.run"
        fi
    done
    report "$case" "$label" "$trace"
    # A trace made here is not needed any more; one passed in is left alone.
    [ "$trace" = "${TRACE:-}" ] || rm -f "$trace"
done
