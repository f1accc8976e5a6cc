#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets everything up on a fresh machine and runs the whole test suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, headless, with warnings as errors (among them tests/packaging, which
# makes the .deb of that build, unpacks and runs it: about a minute); then the tests that need no GUI
# under ThreadSanitizer; then every fuzz target for FUZZ_SECONDS each (default 60; 0 skips them),
# failing on any finding. The fuzz build is only the fuzzers and the libraries they link: core,
# and for the session target the widgets library.
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
if [ "${FUZZ_SECONDS:-60}" -gt 0 ]; then
    "$repo_root/tests/fuzz/run_fuzzers.sh" "${FUZZ_SECONDS:-60}"
fi
