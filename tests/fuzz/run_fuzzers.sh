#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the fuzz preset and runs every libFuzzer target (or those named) for SECONDS each, one
# after the other. Seeds are the repository's fixtures and regression inputs, copied into a
# scratch corpus (FUZZ_WORK, default a new folder under /tmp) so nothing is written into the
# repository. Exits non-zero if any target finds a crash, leak, out-of-memory or timeout, after
# printing the reproducer's path; add it to tests/fuzz/regressions/TARGET/ once fixed.
#
#   tests/fuzz/run_fuzzers.sh 60                  # every target for a minute
#   tests/fuzz/run_fuzzers.sh 3600 trace pprof    # two targets for an hour each
#   FUZZ_WORK=/tmp/fz tests/fuzz/run_fuzzers.sh 60  # keep (and grow) a corpus between runs
#   FUZZ_NO_BUILD=1 ...                             # run the fuzzers already built
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../packaging/common.sh"

if [ $# -lt 1 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 SECONDS [TARGET...]" >&2
    exit 2
fi
seconds="$1"
shift
all_targets=(load pprof trace trace_v1 dump folded perf bpftrace gctrace session)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

fuzz_dir="$repo_root/tests/fuzz"
bin_dir="$repo_root/build/fuzz/tests/fuzz"
work="${FUZZ_WORK:-$(mktemp -d /tmp/goroscope-fuzz.XXXXXX)}"
mkdir -p "$work"

if [ -z "${FUZZ_NO_BUILD:-}" ]; then
    nice -n 10 cmake -S "$repo_root" --preset fuzz >/dev/null
    nice -n 10 cmake --build --preset fuzz --parallel "$(nproc)"
fi

# Seeds per target: globs relative to the repository. Inputs of the decoders that read
# decompressed bytes are decompressed; the load target gets them as they are on disk. Session
# files have no fixture, so their seed is kept beside the fuzzers.
seeds_of() {
    local d=tests/data
    case "$1" in
    load) echo "$d/pprof/*.pb.gz $d/trace/* $d/chain/*.trace $d/filter/*.trace $d/linked/*.trace $d/linked/*.txt $d/dumps/*.txt $d/dumps/*.log $d/dumps/*.folded" ;;
    pprof) echo "$d/pprof/*.pb.gz" ;;
    trace) echo "$d/trace/go12* $d/chain/go126* $d/filter/go126* $d/linked/*.trace" ;;
    trace_v1) echo "$d/trace/go119* $d/chain/go119* $d/filter/go119*" ;;
    dump) echo "$d/dumps/deadlock.txt $d/dumps/leak_*.txt $d/dumps/panic_*.txt $d/dumps/sigquit_system.txt $d/dumps/service.log $d/linked/*.txt" ;;
    folded) echo "$d/dumps/perf.folded" ;;
    perf) echo "$d/dumps/perf_script.txt" ;;
    bpftrace) echo "$d/dumps/bpftrace_ustack.txt" ;;
    gctrace) echo "$d/dumps/gctrace.txt" ;;
    session) echo "tests/fuzz/seeds/session/*" ;;
    *) echo "run_fuzzers: unknown target $1 (targets: ${all_targets[*]})" >&2; return 1 ;;
    esac
}

# Longest input tried. Traces get the most room: a generation needs its strings, stacks and
# batches together. Larger seeds are cut to this length, which also exercises damaged inputs.
max_len_of() {
    case "$1" in
    load | trace | trace_v1) echo 65536 ;;
    pprof | dump | session) echo 32768 ;;
    *) echo 16384 ;;
    esac
}

# The load target's dictionary is every other one together (it reads every format).
dict_of() {
    if [ "$1" = load ]; then
        cat "$fuzz_dir"/*.dict >"$work/load.dict"
        echo "$work/load.dict"
    else
        echo "$fuzz_dir/${1%_v1}.dict"
    fi
}

# Memory limits. Inputs are at most 64 KiB (a gzip input of the load target inflates to at most
# about 1032 times that, 66 MiB), so no single allocation needs more than 128 MiB: a crafted count
# or length field that asks for more is a finding (malloc_limit_mb). The RSS limit leaves room for
# ASan's own overhead (shadow memory, the freed-memory quarantine of 256 MiB) and libFuzzer's
# corpus in memory, about 300 MiB together, plus a few hundred MiB of live data.
rss_limit_mb=1024
malloc_limit_mb=128

failed=()
summary=()
for t in "${targets[@]}"; do
    seeds="$(seeds_of "$t")"
    corpus="$work/$t/corpus"
    artifacts="$work/$t/artifacts/"
    mkdir -p "$corpus" "$artifacts"
    (
        cd "$repo_root"
        for f in $seeds; do
            [ -f "$f" ] || continue
            name="seed-$(echo "$f" | tr '/' '_')"
            if [ "$t" != load ] && [[ "$f" == *.gz ]]; then
                gzip -dc "$f" >"$corpus/${name%.gz}"
            else
                cp "$f" "$corpus/$name"
            fi
        done
    )
    if [ -d "$fuzz_dir/regressions/$t" ]; then
        cp "$fuzz_dir/regressions/$t"/* "$corpus/" 2>/dev/null || true
    fi
    log="$work/$t/fuzz.log"
    echo "run_fuzzers: $t for ${seconds}s (corpus $corpus)"
    rc=0
    nice -n 10 "$bin_dir/fuzz_$t" "$corpus" \
        -max_total_time="$seconds" -max_len="$(max_len_of "$t")" -timeout=30 \
        -rss_limit_mb="$rss_limit_mb" -malloc_limit_mb="$malloc_limit_mb" \
        -dict="$(dict_of "$t")" -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$log" 2>&1 || rc=$?
    execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
    cov="$(grep -o 'cov: [0-9]*' "$log" | tail -1 || true)"
    if [ "$rc" -ne 0 ]; then
        failed+=("$t")
        summary+=("$t: FAILED (exit $rc) after ${execs:-?} executions; log $log")
        echo "run_fuzzers: $t FAILED; last lines of $log:" >&2
        tail -n 40 "$log" >&2
        for a in "$artifacts"*; do
            [ -e "$a" ] && echo "run_fuzzers: reproducer: $a (replay: $bin_dir/fuzz_$t $a)" >&2
        done
    else
        summary+=("$t: ok, ${execs:-?} executions in ${seconds}s, $cov, corpus $(ls "$corpus" | wc -l) inputs")
    fi
done

printf 'run_fuzzers: %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
    echo "run_fuzzers: findings in: ${failed[*]} (scratch folder $work)" >&2
    exit 1
fi
# A scratch folder of our own is not needed once nothing was found.
[ -n "${FUZZ_WORK:-}" ] || rm -rf "$work"
