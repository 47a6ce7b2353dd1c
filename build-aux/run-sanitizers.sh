#!/bin/sh
# run-sanitizers.sh [--build-fuzz-only] [BUILDDIR] [MESON TEST ARGS…] — builds
# a second tree with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (default _build-sanitize) and runs every suite of
# it, as `make test` does, through run-tests.sh (same headless set-up, same
# "N passed, N failed" line). With --build-fuzz-only it only builds the fuzz
# harnesses there, for `make test` to replay their corpora.
#
# Every error is fatal: ASan stops at the first one, UBSan is built with
# -fno-sanitize-recover. Leaks are checked in every test except those that
# link GTK (tests/meson.build turns them off there); build-aux/lsan.supp
# names the few leaks that belong to Python, fontconfig and GLib's one-time
# set-up. A suite added later runs under the same options without changes.
set -eu
srcdir=$(cd "$(dirname "$0")/.." && pwd)
fuzz_only=false
if [ "${1:-}" = "--build-fuzz-only" ]; then
  fuzz_only=true
  shift
fi
builddir=${1:-_build-sanitize}
[ $# -eq 0 ] || shift

# g-ir-scanner links its dumper with -lasan only (meson passes no -fsanitize
# to it), so ASan starts late, inside a library constructor that holds
# glibc's gettext lock, and the dumper hangs. With the flags in LDFLAGS,
# which g-ir-scanner reads, it links like our programs and the GIR — and the
# Python plugin tests — work in this tree too.
export LDFLAGS="${LDFLAGS:+$LDFLAGS }-fsanitize=address,undefined"

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$srcdir" -Db_sanitize=address,undefined \
    -Dc_args=-fno-sanitize-recover=undefined
fi

if $fuzz_only; then
  exec meson compile -C "$builddir" tests/fuzz/fuzz-consortium-file tests/fuzz/fuzz-rule-set \
    tests/fuzz/fuzz-experts-csv tests/fuzz/fuzz-experts-xlsx
fi

meson compile -C "$builddir"

# ASan makes the programs two to three times slower: meson's timeouts and
# the tests' own waits (tests/cwb-test-utils.h) are three times as long.
export CWB_TEST_TIMEOUT_MULTIPLIER=3
exec "$srcdir/build-aux/run-tests.sh" "$builddir" --timeout-multiplier 3 "$@"
