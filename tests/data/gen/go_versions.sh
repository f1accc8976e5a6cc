# SPDX-License-Identifier: MIT
# Sourced by the fixture scripts that build one Go program with two toolchains: Go 1.26 as `go`
# (override with GO126=...) and Go 1.19 (GO119=..., default Debian's /usr/lib/go-1.19/bin/go),
# whose runtime writes the old trace format. Sets $tmp (removed on exit) and defines
# `build_both NAME`, which builds the program in $here into $tmp/NAME126 and $tmp/NAME119.
GO126=${GO126:-go}
GO119=${GO119:-/usr/lib/go-1.19/bin/go}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# -trimpath: frames record module-relative file names, not the folder this was built in.
build_both() {
    (cd "$here" && GOFLAGS=-mod=mod "$GO126" build -trimpath -o "$tmp/${1}126" .)
    (cd "$here" && GOFLAGS=-mod=mod GOTOOLCHAIN=local "$GO119" build -trimpath -o "$tmp/${1}119" .)
}
