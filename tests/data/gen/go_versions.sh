# SPDX-License-Identifier: MIT
# Sourced by the fixture scripts that build one Go program with several toolchains: Go 1.26 as
# `go` (override with GO126=...), Go 1.19 (GO119=..., default Debian's /usr/lib/go-1.19/bin/go,
# package golang-1.19-go), whose runtime writes the old trace format, and the exact releases in
# GO_RELEASES, which `go` downloads from the Go module proxy on first use (GOTOOLCHAIN).
# Sets $tmp (removed on exit) and defines `build_both NAME` and `build_release NAME RELEASE`.
GO126=${GO126:-go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
GO_RELEASES="go1.21.13 go1.22.12 go1.23.12 go1.24.13 go1.25.7 go1.27.3"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# -trimpath: frames record module-relative file names, not the folder this was built in.
# build_both NAME builds the program in $here into $tmp/NAME126 and $tmp/NAME119.
build_both() {
    (cd "$here" && GOFLAGS=-mod=mod "$GO126" build -trimpath -o "$tmp/${1}126" .)
    (cd "$here" && GOFLAGS=-mod=mod GOTOOLCHAIN=local "$GO119" build -trimpath -o "$tmp/${1}119" .)
}

# build_release NAME RELEASE (go1.23.12) builds the program in $here with that release into
# $tmp/NAME123. The copy it builds says `go 1.23` in go.mod, so the binary runs with that
# release's own GODEBUG defaults, as a program written for it would (go.mod here says an old
# version so that every toolchain builds it).
build_release() {
    minor=$(echo "$2" | cut -d. -f2)
    src="$tmp/src-$2"
    mkdir -p "$src"
    cp "$here"/*.go "$here/go.mod" "$src/"
    (cd "$src" && GOTOOLCHAIN=$2 "$GO126" mod edit -go="1.$minor" &&
        GOFLAGS=-mod=mod GOTOOLCHAIN=$2 "$GO126" build -trimpath -o "$tmp/${1}1$minor" .)
}
