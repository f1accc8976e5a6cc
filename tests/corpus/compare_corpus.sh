#!/bin/sh
# SPDX-License-Identifier: MIT
# Differential runner over a corpus made by make_corpus.sh: every file against the Go toolchain
# (`go`, or $GOROSCOPE_GO; Go 1.26 or newer), each comparison on the whole text:
#   traces:   goroscope-cli events            vs  go tool trace -d=parsed
#             goroscope-cli top --trace-profile net|sync|syscall|sched
#                                             vs  go tool pprof -top of go tool trace -pprof=...
#             the goroutine analysis, by the unit test that compares it with go tool trace's
#             (GoroutineAnalysisReference, run on the corpus file)
#   profiles: goroscope-cli top --sample-index N  vs  go tool pprof -top -sample_index=N, every N
# Prints the files that differ, each with its first differing line, and one summary line per Go
# version as it is done, all of them again at the end. Exits 1 when anything differs. Takes minutes: it is not part of the unit tests.
# Usage: compare_corpus.sh BUILD_DIR CORPUS_DIR
set -eu
[ $# -eq 2 ] || { echo "usage: $0 BUILD_DIR CORPUS_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
cli="$1/app/cli/goroscope-cli"
trace_tests="$1/tests/trace/goroscope_trace_tests"
corpus=$2
go=${GOROSCOPE_GO:-go}
for tool in "$cli" "$trace_tests"; do
    [ -x "$tool" ] || { echo "compare_corpus: $tool is not built" >&2; exit 2; }
done
command -v "$go" >/dev/null || { echo "compare_corpus: no Go toolchain ($go)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Wall-clock times print in UTC in both tools' output.
export TZ=UTC

# first_difference GO OURS: "line N: go: ... | ours: ..." for the first line where they differ.
first_difference() {
    line=$(cmp "$1" "$2" 2>&1 | sed -n 's/.*line \([0-9]*\).*/\1/p')
    # cmp reports the last complete line when one file is a prefix of the other.
    case $(cmp "$1" "$2" 2>&1) in *EOF*) line=$((line + 1)) ;; esac
    echo "line $line: go: $(sed -n "${line}{p;q}" "$1") | ours: $(sed -n "${line}{p;q}" "$2")"
}

# differs CHECK TEXT: reports a difference of the current file.
differs() {
    echo "DIFFERS $version/$(basename "$file") [$1]: $2" | cut -c1-500
    file_same=0
}

# check CHECK GO OURS: compares two outputs.
check() {
    cmp -s "$2" "$3" || differs "$1" "$(first_difference "$2" "$3")"
}

# gtest_failure OUTPUT: the first failure a GoogleTest binary printed, on one line.
gtest_failure() {
    awk '/: Failure$/ { if (seen) exit; seen = 1; next } /^\[  FAILED/ { if (seen) exit } seen' "$1" |
        tr -s ' \n' '  '
}

# compare_trace FILE: events, derived blocking profiles, goroutine analysis. Counts the traces
# whose events are identical.
compare_trace() {
    "$go" tool trace -d=parsed "$1" > "$work/go" 2> "$work/go.err" || true
    "$cli" events "$1" > "$work/ours" 2> "$work/ours.err" || true
    # Go's converter of the old format (before 1.22) lists goroutines created before tracing
    # in map order, random on every run: both sides get those IDs in ascending order.
    if [ "$(head -c 7 "$1" | tail -c 2)" -lt 22 ]; then
        for side in go ours; do
            awk -f "$here/sort_startup_statuses.awk" "$work/$side" > "$work/$side.sorted"
            mv "$work/$side.sorted" "$work/$side"
        done
    fi
    events=$((events + $(grep -c '^M=' "$work/go" || true)))
    [ -s "$work/ours.err" ] && differs "events fail" "$(head -n 1 "$work/ours.err")"
    if cmp -s "$work/go" "$work/ours"; then
        events_same=$((events_same + 1))
    else
        check events "$work/go" "$work/ours"
    fi
    for kind in net sync syscall sched; do
        "$go" tool trace -pprof=$kind "$1" > "$work/$kind.pb" 2>/dev/null || true
        "$go" tool pprof -top "$work/$kind.pb" > "$work/go" 2>/dev/null || true
        "$cli" top "$1" --trace-profile $kind > "$work/ours" 2>&1 || true
        check "--trace-profile $kind" "$work/go" "$work/ours"
    done
    if ! GOROSCOPE_REFERENCE_TRACES=$1 "$trace_tests" --gtest_filter='Fixtures/GoroutineAnalysisReference.*' \
        > "$work/gtest" 2>&1; then
        differs "goroutine analysis" "$(gtest_failure "$work/gtest")"
    fi
}

# compare_profile FILE: top of every sample type.
compare_profile() {
    types=$("$go" tool pprof -raw "$1" 2>/dev/null | sed -n '/^Samples:/{n;p;q}' | wc -w)
    [ "$types" -gt 0 ] || { differs "go tool pprof" "cannot read it"; return; }
    index=0
    while [ $index -lt "$types" ]; do
        "$go" tool pprof -top -sample_index=$index "$1" > "$work/go" 2>/dev/null || true
        "$cli" top "$1" --sample-index $index > "$work/ours" 2>&1 || true
        check "sample index $index" "$work/go" "$work/ours"
        index=$((index + 1))
    done
}

status=0
summary=""
for dir in "$corpus"/*/; do
    version=$(basename "$dir")
    files=0 same=0 events=0 traces=0 events_same=0
    for file in "$dir"*.trace "$dir"*.pb.gz; do
        [ -f "$file" ] || continue
        file_same=1
        case $file in
            *.trace) compare_trace "$file"; traces=$((traces + 1)) ;;
            *) compare_profile "$file" ;;
        esac
        files=$((files + 1))
        same=$((same + file_same))
    done
    [ $files -gt 0 ] || continue
    [ $same -eq $files ] || status=1
    line=$(printf '%s: %d files, %d trace events, %d identical (%d%%); traces: %d, events identical %d' \
        "$version" $files $events $same $((100 * same / files)) $traces $events_same)
    echo "$line"
    summary="$summary$line
"
done
printf '\nSummary:\n%s' "$summary"
exit $status
