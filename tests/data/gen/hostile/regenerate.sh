#!/bin/sh
# SPDX-License-Identifier: MIT
# Rebuilds tests/data/hostile from hostilegen (this folder) with Go 1.26 (`go` on PATH, or
# GO126=...): three real captures whose program-chosen strings are hostile, and the copies
# `derive` makes of them with hostile function names, file names and a wait reason. See
# tests/data/hostile/README.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$(cd "$here/../../hostile" && pwd)
. "$here/../go_versions.sh" # $GO126, and $tmp removed on exit
(cd "$here" && CGO_ENABLED=0 "$GO126" build -trimpath -o "$tmp/hostilegen" .)
gen="$tmp/hostilegen"

# GOMAXPROCS=2 keeps the trace small.
GOMAXPROCS=2 "$gen" -mode trace -o "$out/hostile.trace"
"$gen" -mode cpu -o "$out/hostile_cpu.pb.gz"
# The profile names a function only if it was sampled; on a busy machine run the script again.
for f in hostileMarkup hostilePercent hostileBidi hostileControl hostileInvalid hostileLong; do
    "$GO126" tool pprof -top "$out/hostile_cpu.pb.gz" 2>/dev/null | grep -q "main\.$f\$" ||
        { echo "regenerate.sh: main.$f has no CPU samples; run again" >&2; exit 1; }
done
# The panic exits with status 2: that is what it is for.
status=0
GOTRACEBACK=all GODEBUG=tracebacklabels=1 "$gen" -mode panic > "$out/hostile_panic.txt" 2>&1 || status=$?
test "$status" -eq 2
"$gen" -mode derive -i "$out/hostile.trace" -o "$out/hostile_names.trace"
"$gen" -mode derive -i "$out/hostile_cpu.pb.gz" -o "$out/hostile_names_cpu.pb.gz"
"$gen" -mode derive -i "$out/hostile_panic.txt" -o "$out/hostile_names_panic.txt"
"$GO126" version > "$out/GO_VERSION"
ls -l "$out"
