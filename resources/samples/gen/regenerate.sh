#!/bin/sh
# SPDX-License-Identifier: MIT
# Rewrites resources/samples/server.trace.gz, the sample README's first command opens: a real
# execution trace (with CPU samples) of the small HTTP service in main.go, written by the Go
# runtime itself, gzip -9 of the file it writes. Needs Go 1.26 as `go`.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here" && GOMAXPROCS=2 go run . "$work/server.trace")
gzip -9 -c "$work/server.trace" > "$here/../server.trace.gz"
echo "wrote $here/../server.trace.gz ($(go version))"
