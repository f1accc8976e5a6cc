# SPDX-License-Identifier: MIT
# Sourced by the compare_*.sh scripts; they need $work to be set.
#
# measure NAME COMMAND...: runs COMMAND under /usr/bin/time -v, keeping its stdout in
# $work/NAME.out, and keeps "seconds kbytes" (wall time, peak RSS) of the fastest run of NAME so
# far in $work/NAME.best. The first run of a NAME is preceded by an untimed one that warms the
# page cache.
# best NAME: prints "NAME seconds kbytes" of that fastest run.
#
# Wall times on a shared machine vary by tens of percent from run to run; the scripts measure in
# rounds that alternate the programs compared ($RUNS rounds, default 3) and keep each one's
# fastest run, the one least disturbed.
measure() {
    name=$1
    shift
    [ -f "$work/$name.best" ] || "$@" >/dev/null 2>&1 || true
    /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
    if [ ! -f "$work/$name.best" ] || awk -v w="$wall" '{ exit !(w < $1) }' "$work/$name.best"; then
        echo "$wall $rss" >"$work/$name.best"
    fi
}

best() {
    echo "$1 $(cat "$work/$1.best")"
}

runs=${RUNS:-3}
