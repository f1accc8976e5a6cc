# SPDX-License-Identifier: MIT
# Shared by the entry-point scripts: repository root, Go on PATH, and a configure+build helper.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# The reference tests call the Go toolchain; Go's own installer puts it in /usr/local/go.
if ! command -v go >/dev/null 2>&1 && [ -x /usr/local/go/bin/go ]; then
    export PATH="$PATH:/usr/local/go/bin"
fi

# Let ccache reuse objects across clones in different folders (paths are made relative).
export CCACHE_BASEDIR="$repo_root"
export CCACHE_NOHASHDIR=true

# configure_and_build PRESET [extra cmake args...]
configure_and_build() {
    local preset="$1"
    shift
    cmake -S "$repo_root" --preset "$preset" "$@"
    cmake --build "$repo_root/build/$preset" --parallel "$(nproc)"
}
