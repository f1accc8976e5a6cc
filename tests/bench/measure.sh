# SPDX-License-Identifier: MIT
# Sourced by the compare_*.sh scripts. measure NAME COMMAND...: runs COMMAND once to warm the page
# cache, then once under /usr/bin/time -v, keeping stdout in $work/NAME.out; prints
# "NAME seconds kbytes" (wall time, peak RSS). Needs $work to be set.
measure() {
    name=$1
    shift
    "$@" >/dev/null 2>&1 || true
    /usr/bin/time -v "$@" >"$work/$name.out" 2>"$work/$name.time"
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" |
        awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
    echo "$name $wall $rss"
}
