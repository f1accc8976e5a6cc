#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages Goroscope needs to build, test and run, skipping those already
# installed. Safe to run repeatedly; needs root (or sudo) only when something is missing.
set -euo pipefail

packages=(
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-svg-dev qt6-qpa-plugins libqcustomplot-dev
    libprotobuf-dev protobuf-compiler zlib1g-dev
    libgtest-dev libbenchmark-dev
    fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
