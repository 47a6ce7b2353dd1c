#!/bin/sh
# startup.sh BUILDDIR [RUNS] — time from launch until the window is mapped:
# consortium-workbench (every built plugin enabled, a fresh CWB_DATA_DIR, run
# from the build tree) against bench-bare-window (a bare libadwaita window
# with one label), launched RUNS times each (default 10), alternately, under
# Xvfb and a private D-Bus session. Prints median/min/max of each and the
# ratio of the medians (target ≤ 1.3).
#
# The map is seen by bench-map-wait, which reads the X MapNotify event of a
# window whose _NET_WM_PID is the launched process; without it (no Xlib at
# build time) the script polls `xdotool search --onlyvisible --pid` instead.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

builddir=$(cd "${1:?usage: startup.sh BUILDDIR [RUNS]}" && pwd)
runs=${2:-10}

if [ -z "${CWB_BENCH_INSIDE:-}" ]; then
  CWB_BENCH_INSIDE=1 exec xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
    dbus-run-session -- "$0" "$builddir" "$runs"
fi

app=$builddir/app/consortium-workbench
bare=$builddir/tests/bench/bench-bare-window
mapwait=$builddir/tests/bench/bench-map-wait

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwb-bench-startup.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

export HOME="$tmp/home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
export CWB_DATA_DIR="$tmp/data"
export CWB_PLUGIN_PATH="$builddir/plugins"
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSETTINGS_BACKEND=memory          # defaults: no plugin disabled
export CWB_LOCALEDIR="$builddir/po"
export GDK_BACKEND=x11
export GSK_RENDERER="${GSK_RENDERER:-cairo}"
export GTK_A11Y=none NO_AT_BRIDGE=1

now_ns () { date +%s%N; }

# prints the milliseconds until COMMAND's window is mapped
measure () {
  if [ -x "$mapwait" ]; then
    "$mapwait" 60 -- "$@"
    return
  fi
  t0=$(now_ns)
  "$@" > /dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --pid "$pid" > /dev/null 2>&1; do
    kill -0 "$pid" 2> /dev/null || { echo "startup: $1 ended before mapping a window" >&2; return 1; }
    sleep 0.005
  done
  t1=$(now_ns)
  kill "$pid"; wait "$pid" 2> /dev/null || true
  echo $(( (t1 - t0) / 1000000 ))
}

# one warm-up each: fonts, the icon cache and the database are made once
measure "$app" > /dev/null
measure "$bare" > /dev/null

: > "$tmp/app.times"
: > "$tmp/bare.times"
i=0
while [ "$i" -lt "$runs" ]; do
  measure "$app" >> "$tmp/app.times"
  measure "$bare" >> "$tmp/bare.times"
  i=$((i + 1))
done

stats () { sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'; }
set -- $(stats "$tmp/app.times"); app_med=$1 app_min=$2 app_max=$3
set -- $(stats "$tmp/bare.times"); bare_med=$1 bare_min=$2 bare_max=$3

printf '%-22s median %7s ms  min %7s ms  max %7s ms  (%d runs)\n' consortium-workbench "$app_med" "$app_min" "$app_max" "$runs"
printf '%-22s median %7s ms  min %7s ms  max %7s ms  (%d runs)\n' bench-bare-window "$bare_med" "$bare_min" "$bare_max" "$runs"
awk -v a="$app_med" -v b="$bare_med" 'BEGIN { printf "ratio window mapped, workbench/bare: %.2f (target <= 1.3)\n", a / b }'
