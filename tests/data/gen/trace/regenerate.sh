#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds the execution-trace fixtures in tests/data/trace from the programs in this folder.
# Needs Go 1.26 as `go` (override with GO126=...) and Go 1.19 (GO119=..., default
# /usr/lib/go-1.19/bin/go). Traces differ on every run (timing, thread IDs); the differential
# test compares against `go tool trace -d=parsed`, so no expected output has to be refreshed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../trace" && pwd)
. "$here/../go_versions.sh"
build_both tracegen

# A short generation period gives the sched traces several generations.
for s in sched syscalls cpuprof procs iterpull flight; do
    GOMAXPROCS=4 GODEBUG=traceadvanceperiod=5000000 "$tmp/tracegen126" -scenario $s -o "$out/go126_$s.trace"
done
# Experimental AllocFree batches, which readers must skip.
GOMAXPROCS=2 GODEBUG=traceallocfree=1 "$tmp/tracegen126" -scenario iterpull -o "$out/go126_allocfree.trace"
for s in sched syscalls cpuprof procs; do
    GOMAXPROCS=4 "$tmp/tracegen119" -scenario $s -o "$out/go119_$s.trace"
done
# Older v2 headers (no toolchain needed): the same event streams without end-of-generation
# markers, and for 22/23 with frequency batches instead of sync batches.
"$tmp/tracegen126" -downgrade 25 -i "$out/go126_sched.trace" -o "$out/go125_sched.trace"
"$tmp/tracegen126" -downgrade 23 -i "$out/go126_iterpull.trace" -o "$out/go123_iterpull.trace"
"$tmp/tracegen126" -downgrade 22 -i "$out/go126_procs.trace" -o "$out/go122_procs.trace"
gzip -9 -c "$out/go126_syscalls.trace" > "$out/go126_syscalls.trace.gz"
ls -l "$out"
