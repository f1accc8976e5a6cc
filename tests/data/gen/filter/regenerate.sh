#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds the goroutine-filter fixtures in tests/data/filter: a trace and its JSON sidecar of
# expected facts, written by the same program built with Go 1.26 (`go`, override with GO126=...)
# and with Go 1.19 (GO119=..., default /usr/lib/go-1.19/bin/go) for the old trace format.
# Every run differs (IDs, timing); the tests read their expectations from the sidecars, so nothing
# else has to be refreshed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../filter" && pwd)
. "$here/../go_versions.sh"
build_both filtergen

# run BINARY OUT: Go 1.26's background sweeper can spin through Gosched while another sweeper
# finishes (golang/go#73499); on a busy machine that adds thousands of events. Such runs are
# repeated, so that the fixtures stay small.
run() {
    for attempt in 1 2 3 4 5; do
        GOMAXPROCS=4 "$1" -o "$2"
        size=$(wc -c < "$2")
        [ "$size" -lt 65536 ] && return 0
        echo "$2: $size bytes (run $attempt), running again" >&2
    done
    echo "$2: still 64 KB or more after 5 runs" >&2
    return 1
}
run "$tmp/filtergen126" "$out/go126_filter.trace"
run "$tmp/filtergen119" "$out/go119_filter.trace"
ls -l "$out"
