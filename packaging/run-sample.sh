#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Sets everything up on a fresh machine and opens Goroscope on the bundled sample: an execution
# trace of a small HTTP service (resources/samples/gen), with CPU samples.
# Extra arguments are passed to the app instead of the sample (e.g. a file of your own).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$repo_root/packaging/install-deps.sh"
configure_and_build release

if [ $# -eq 0 ]; then
    set -- "$repo_root/resources/samples/server.trace.gz"
fi
exec "$repo_root/build/release/app/gui/goroscope" "$@"
