#!/bin/sh
# run-tests.sh BUILDDIR [MESON TEST ARGS…] [--then BUILDDIR [MESON TEST ARGS…]]…
# — runs the suite of each build tree headless: Xvfb, a private D-Bus session
# and a throwaway unlocked gnome-keyring with its own HOME and XDG dirs, so no
# test touches the user's data or keyring. `make test` runs the normal tree,
# then the fuzz corpora in the sanitizer tree. Ends with one line "N passed,
# N failed" over all of them and fails if anything failed.
set -u

if [ -z "${CWB_TEST_INSIDE:-}" ]; then
  CWB_TEST_INSIDE=1 exec xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
    dbus-run-session -- "$0" "$@"
fi

home=$(mktemp -d "${TMPDIR:-/tmp}/cwb-test-home.XXXXXX")
trap 'kill "${keyring_pid:-}" 2>/dev/null; rm -rf "$home"' EXIT
export HOME="$home"
export XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache" XDG_STATE_HOME="$home/.local/state"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"

# A throwaway login keyring, created and unlocked with a random password.
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
eval "$(printf %s "$password" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
keyring_pid=${GNOME_KEYRING_PID:-}
export GNOME_KEYRING_CONTROL="${GNOME_KEYRING_CONTROL:-}"
export CWB_REQUIRE_KEYRING=1

# for the sanitizer tree (build-aux/run-sanitizers.sh); the normal one
# ignores them. Every error is fatal; leaks are checked but in the tests
# that link GTK (tests/meson.build).
srcdir=$(cd "$(dirname "$0")/.." && pwd)
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:check_initialization_order=1:fast_unwind_on_malloc=0}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$srcdir/build-aux/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"

total_passed=0 total_failed=0

# run_suite BUILDDIR [MESON TEST ARGS…]
run_suite () {
  builddir=$(cd "$1" && pwd); shift
  meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
  status=$?

  log="$builddir/meson-logs/testlog.json"
  if [ -f "$log" ]; then
    passed=$(grep -c '"result": "OK"' "$log")
    skipped=$(grep -c '"result": "SKIP"' "$log")
    expfail=$(grep -c '"result": "EXPECTEDFAIL"' "$log")
    failed=$(grep -c '"result": "\(FAIL\|TIMEOUT\|ERROR\|UNEXPECTEDPASS\)"' "$log")
    passed=$((passed + skipped + expfail))
  else
    passed=0 failed=1
  fi
  [ "$status" -eq 0 ] || [ "$failed" -gt 0 ] || failed=1
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
}

# run_first BUILDDIR N ARGS…: run_suite BUILDDIR with the first N of ARGS
run_first () {
  dir=$1 n=$2; shift 2
  total=$# i=0
  while [ "$i" -lt "$total" ]; do
    [ "$i" -lt "$n" ] && set -- "$@" "$1"
    shift
    i=$((i + 1))
  done
  run_suite "$dir" "$@"
}

# one suite per BUILDDIR, its arguments up to the next --then
while [ $# -gt 0 ]; do
  dir=$1; shift
  n=0
  for arg in "$@"; do
    [ "$arg" = "--then" ] && break
    n=$((n + 1))
  done
  run_first "$dir" "$n" "$@"
  shift "$n"
  [ $# -eq 0 ] || shift
done

echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
