#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets everything up on a fresh machine and runs the whole test suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, headless, with warnings as errors; then the tests that need no GUI
# under ThreadSanitizer; then, with FUZZ_SECONDS=N, every fuzz target for N seconds each. Off by
# default for now: the fuzz preset builds the GUI library with Clang too (the session target
# needs it), about 20 minutes from a cold cache on two cores, which would take CI near the hour.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$repo_root/packaging/install-deps.sh"
if command -v go >/dev/null 2>&1; then
    echo "run-tests: reference toolchain: $(go version)"
else
    echo "run-tests: no Go toolchain on PATH; the tests that compare with Go will be skipped (fail when CI=true)"
fi
configure_and_build asan-ubsan
cd "$repo_root"
ctest --preset asan-ubsan --parallel "$(nproc)"
configure_and_build tsan
ctest --preset tsan --parallel "$(nproc)"
if [ "${FUZZ_SECONDS:-0}" -gt 0 ]; then
    "$repo_root/tests/fuzz/run_fuzzers.sh" "${FUZZ_SECONDS}"
fi
