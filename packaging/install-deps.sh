#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages Goroscope needs to build, test and run (clang and libFuzzer for the
# fuzz targets, tests/fuzz; dpkg-dev, lintian and desktop-file-utils for the .deb and its test,
# tests/packaging), skipping those already installed. Safe to run repeatedly; needs root
# (or sudo) only when something is missing.
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-svg-dev qt6-qpa-plugins libqcustomplot-dev
    libprotobuf-dev protobuf-compiler zlib1g-dev libre2-dev libgraphviz-dev graphviz
    libgtest-dev libbenchmark-dev
    clang libclang-rt-14-dev libfuzzer-14-dev
    fonts-dejavu-core
    dpkg-dev lintian desktop-file-utils
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
else
    echo "install-deps: installing ${missing[*]}"
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        sudo="sudo"
    fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Go is not installed here, only checked: the tests that compare with Go's own tools need Go
# 1.26 or newer as `go` on PATH (or $GOROSCOPE_GO). They skip without it, and fail when CI=true.
# Debian 12 packages only Go 1.19, so Go is the Go project's own binary release
# (go1.26.8.linux-amd64.tar.gz from its downloads page), unpacked as /usr/local/go:
#   sudo tar -C /usr/local -xzf go1.26.8.linux-amd64.tar.gz   # common.sh adds /usr/local/go/bin to PATH
# Only the scripts that write captures need more: tests/data/gen/*/regenerate.sh and
# tests/corpus/make_corpus.sh use Debian's golang-1.19-go (apt-get install golang-1.19-go) and
# the releases that `go` downloads by itself from the Go module proxy (GOTOOLCHAIN=go1.21.13 ...).
# The fixtures they write are committed, so the tests need neither.
if ! command -v "${GOROSCOPE_GO:-go}" >/dev/null 2>&1; then
    echo "install-deps: no Go toolchain on PATH; see the comment in packaging/install-deps.sh to install Go 1.26"
fi
