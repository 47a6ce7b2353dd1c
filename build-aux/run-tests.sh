#!/bin/sh
# run-tests.sh BUILDDIR [MESON TEST ARGS…] — runs the whole suite headless:
# Xvfb, a private D-Bus session and a throwaway unlocked gnome-keyring with its
# own HOME and XDG dirs, so no test touches the user's data or keyring. Ends
# with one line "N passed, N failed" and fails if anything failed.
set -u
builddir=$(cd "$1" && pwd); shift

if [ -z "${CWB_TEST_INSIDE:-}" ]; then
  CWB_TEST_INSIDE=1 exec xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
    dbus-run-session -- "$0" "$builddir" "$@"
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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
