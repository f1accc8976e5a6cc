# SPDX-License-Identifier: MIT
# Sourced by the compare_*.sh scripts; they need $work to be set.
#
# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v and keeps "seconds kbytes" (wall
# time, peak RSS) of the fastest run of NAME so far in $work/NAME.best, and that run's stdout in
# $work/NAME.out. The first run of a NAME is preceded by an untimed one that warms the page
# cache. A failing COMMAND stops the script, with its error output.
# best NAME: prints "NAME seconds kbytes" of that fastest run.
# side_by_side: the table of the fastest runs of goroscope and pprof (see below).
# go_tool NAME: builds the Go program in tests/bench/trace_NAME as $work/traceNAME.
#
# Wall times on a shared machine vary by tens of percent from run to run; the scripts measure in
# rounds that alternate the programs compared ($RUNS rounds, default 3) and keep each one's
# fastest run, the one least disturbed.
measure() {
    name=$1
    shift
    [ -f "$work/$name.best" ] || "$@" >/dev/null 2>&1 || true
    if ! /usr/bin/time -v "$@" >"$work/$name.run" 2>"$work/$name.time"; then
        echo "failed: $*" >&2
        sed -n '/Command being timed/q;p' "$work/$name.time" >&2
        return 1
    fi
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
    if [ ! -f "$work/$name.best" ] || awk -v w="$wall" '{ exit !(w < $1) }' "$work/$name.best"; then
        echo "$wall $rss" >"$work/$name.best"
        mv "$work/$name.run" "$work/$name.out"
    fi
}

best() {
    echo "$1 $(cat "$work/$1.best")"
}

# side_by_side OURS_LABEL THEIRS_LABEL: a table of the fastest runs of "goroscope" and "pprof":
# wall time and peak RSS of each, and pprof's over ours.
side_by_side() {
    echo "$(best goroscope) $(best pprof)" | awk -v ours="$1" -v theirs="$2" '{
        printf "%-32s %10s %14s\n", "", "wall (s)", "peak RSS (MB)"
        printf "%-32s %10.2f %14.1f\n", ours, $2, $3 / 1024
        printf "%-32s %10.2f %14.1f\n", theirs, $5, $6 / 1024
        printf "%-32s %9.1fx %13.2fx\n", "pprof / goroscope", $5 / $2, $6 / $3
    }'
}

go_tool() {
    (cd "$root/tests/bench/trace_$1" && go build -o "$work/trace$1" .)
}

runs=${RUNS:-3}
