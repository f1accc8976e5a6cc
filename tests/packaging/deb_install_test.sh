#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the .deb of a build tree with cpack (in a temporary folder, so the tree is untouched),
# unpacks it with dpkg-deb into a temporary root and checks it as installed: the files, the
# .desktop file, the icons' sizes, the MIME types real captures get, lintian, and the two
# programs run from there.
#   deb_install_test.sh BUILD_DIR TEST_DATA_DIR MIME_TYPE_OF VERSION
# A checker that is missing (desktop-file-validate, lintian) skips its check with a note, except
# on CI (CI=true), where packaging/install-deps.sh installs them and a missing one fails.
set -euo pipefail

build_dir="$1"
data_dir="$2"
mime_type_of="$3"
version="$4"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
# have TOOL: whether TOOL can run; without it, a note (or, on CI, a failure).
have() {
    if command -v "$1" >/dev/null 2>&1; then
        return 0
    fi
    if [ "${CI:-}" = "true" ]; then
        fail "$1 is not installed (packaging/install-deps.sh installs it)"
    else
        echo "note: $1 is not installed; its check is skipped"
    fi
    return 1
}

# png_size FILE: WIDTHxHEIGHT from the PNG's IHDR chunk (bytes 16-23, big-endian).
png_size() {
    local b
    read -r -a b < <(od -An -tu1 -j16 -N8 "$1")
    echo "$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))x$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))"
}

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# cpack writes its staging tree and the package under -B. The tree's binaries are used as built
# (in CI the ASan+UBSan build): what is checked is the package, not the compiler's options.
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$tmp/out" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; echo "FAIL: cpack" >&2; exit 1; }
deb="$(ls "$tmp"/out/goroscope_*.deb)"
echo "built $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB)"

# The control fields a package manager needs, the library dependencies dpkg-shlibdeps found among them.
dpkg-deb --field "$deb" Package Version Depends >"$tmp/control"
grep -qx "Package: goroscope" "$tmp/control" || fail "Package field: $(cat "$tmp/control")"
grep -qx "Version: $version" "$tmp/control" || fail "Version field is not $version"
grep -q "^Depends:.*libqt6widgets6" "$tmp/control" || fail "Depends lacks Qt Widgets: $(grep ^Depends "$tmp/control")"

root="$tmp/root"
dpkg-deb -x "$deb" "$root"
share="$root/usr/share"
for f in usr/bin/goroscope usr/bin/goroscope-cli \
    usr/share/applications/goroscope.desktop \
    usr/share/mime/packages/goroscope.xml \
    usr/share/icons/hicolor/scalable/apps/goroscope.svg \
    usr/share/goroscope/samples/cpu.pb.gz usr/share/goroscope/samples/server.trace.gz \
    usr/share/man/man1/goroscope.1.gz usr/share/man/man1/goroscope-cli.1.gz \
    usr/share/doc/goroscope/copyright usr/share/doc/goroscope/changelog.gz; do
    [ -f "$root/$f" ] || fail "missing /$f"
done
for f in usr/bin/goroscope usr/bin/goroscope-cli; do
    [ -x "$root/$f" ] || fail "/$f is not executable"
done

# Every hicolor size, its PNG as wide and as high as its folder says.
for size in 16 22 24 32 48 64 128 256 512; do
    png="$share/icons/hicolor/${size}x${size}/apps/goroscope.png"
    if [ ! -f "$png" ]; then
        fail "missing icon ${size}x${size}"
        continue
    fi
    [ "$(png_size "$png")" = "${size}x${size}" ] || fail "icon ${size}x${size} is $(png_size "$png")"
done

desktop="$share/applications/goroscope.desktop"
if have desktop-file-validate; then
    desktop-file-validate "$desktop" || fail "desktop-file-validate"
fi

# The types the .desktop file claims are the ones the MIME file defines, and none is left out.
defined="$(grep -o '<mime-type type="[^"]*"' "$share/mime/packages/goroscope.xml" | cut -d'"' -f2 | sort)"
claimed="$(grep '^MimeType=' "$desktop" | cut -d= -f2 | tr ';' '\n' | grep . | sort)"
[ -n "$defined" ] && [ "$defined" = "$claimed" ] ||
    fail "MimeType= claims [$(echo $claimed)], the MIME file defines [$(echo $defined)]"

# The MIME file is valid as shared-mime-info reads it: update-mime-database builds a cache of it.
XDG_DATA_DIRS="$share" update-mime-database "$share/mime" || fail "update-mime-database"
[ -s "$share/mime/mime.cache" ] || fail "update-mime-database wrote no cache"

# The database as an installed system has it: one cache of the system's types and ours, which
# the dpkg trigger of shared-mime-info rebuilds. (Qt, given two databases, takes a type matched by
# content from the last one, so the file is not checked beside the system's but merged with it.)
system_types=/usr/share/mime/packages/freedesktop.org.xml
[ -f "$system_types" ] || fail "no $system_types (shared-mime-info, which Qt depends on)"
db="$tmp/mime-db/share"
mkdir -p "$db/mime/packages"
cp "$system_types" "$share/mime/packages/goroscope.xml" "$db/mime/packages/"
XDG_DATA_DIRS="$db" update-mime-database "$db/mime" || fail "update-mime-database of the merged database"

# Real captures under the names they get in practice, and files that must stay what they are.
samples="$tmp/samples"
mkdir "$samples"
cp "$data_dir/pprof/cpu.pb.gz" "$samples/cpu.pb.gz"
cp "$data_dir/pprof/cpu.pb.gz" "$samples/cpu.pprof"
cp "$data_dir/pprof/heap.pb.gz" "$samples/heap"             # curl -O .../debug/pprof/heap
cp "$data_dir/trace/go126_sched.trace" "$samples/trace.out" # go test -trace trace.out
cp "$data_dir/trace/go119_sched.trace" "$samples/old-trace" # the format before Go 1.22
cp "$data_dir/trace/go126_syscalls.trace.gz" "$samples/syscalls.trace.gz"
cp "$data_dir/dumps/leak_after.txt" "$samples/service.goroutines"
cp "$data_dir/dumps/leak_after.txt" "$samples/goroutines"
cp "$data_dir/dumps/leak_after_debug1.txt" "$samples/goroutines-debug1"
cp "$data_dir/dumps/panic_all.txt" "$samples/panic"
cp "$data_dir/dumps/deadlock.txt" "$samples/deadlock"
cp "$data_dir/dumps/sigquit_system.txt" "$samples/sigquit"
cp "$data_dir/dumps/leak_after.txt" "$samples/dump.txt"     # a .txt stays text
printf 'go 1.26 is out\n' >"$samples/notes"
gzip -c "$samples/notes" >"$samples/notes.gz"
gzip -nc "$samples/notes" >"$samples/notes-gzip"           # gzip(1)'s header, not Go's
cat >"$tmp/expected" <<'EOF'
cpu.pb.gz application/x-pprof
cpu.pprof application/x-pprof
heap application/x-pprof
trace.out application/x-go-trace
old-trace application/x-go-trace
syscalls.trace.gz application/x-go-trace-compressed
service.goroutines text/x-go-goroutines
goroutines text/x-go-goroutines
goroutines-debug1 text/x-go-goroutines
panic text/x-go-goroutines
deadlock text/x-go-goroutines
sigquit text/x-go-goroutines
dump.txt text/plain
notes text/plain
notes.gz application/gzip
notes-gzip application/gzip
EOF
mime_env=(env XDG_DATA_HOME="$tmp/no-user-data" XDG_DATA_DIRS="$db")
mapfile -t names < <(cut -d' ' -f1 "$tmp/expected")
(cd "$samples" && "${mime_env[@]}" "$mime_type_of" "${names[@]}") >"$tmp/qt-types"
diff -u "$tmp/expected" "$tmp/qt-types" || fail "Qt's MIME types differ from the expected ones"
# GLib's reader too, which GNOME's file manager uses, when it is installed (it is optional).
if command -v gio >/dev/null 2>&1; then
    for name in "${names[@]}"; do
        echo "$name $("${mime_env[@]}" gio info -a standard::content-type "$samples/$name" | sed -n 's/^ *standard::content-type: //p')"
    done >"$tmp/gio-types"
    diff -u "$tmp/expected" "$tmp/gio-types" || fail "GIO's MIME types differ from the expected ones"
fi

# lintian: no error or warning; its informational tags are listed (README's "Installing" says why
# they stay).
if have lintian; then
    lintian --display-info --tag-display-limit 0 --fail-on error,warning "$deb" || fail "lintian"
fi

# The programs, run from the unpacked root: no path of the build tree is needed.
cli_version="$("$root/usr/bin/goroscope-cli" --version)" || fail "goroscope-cli --version"
[ "$cli_version" = "goroscope-cli $version" ] || fail "goroscope-cli --version printed '$cli_version'"
# The app's --version and --screenshot need no display, nor a platform chosen.
no_display=(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM)
app_version="$("${no_display[@]}" "$root/usr/bin/goroscope" --version 2>/dev/null)" || fail "goroscope --version"
[ "$app_version" = "goroscope $version" ] || fail "goroscope --version printed '$app_version'"
"${no_display[@]}" "$root/usr/bin/goroscope" --screenshot "$tmp/window.png" \
    --input "$share/goroscope/samples/cpu.pb.gz" --size 1400x900 || fail "goroscope --screenshot"
if [ -f "$tmp/window.png" ]; then
    [ "$(png_size "$tmp/window.png")" = 1400x900 ] || fail "the screenshot is $(png_size "$tmp/window.png"), not 1400x900"
else
    fail "goroscope --screenshot wrote no picture"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "deb_install: all checks passed"
