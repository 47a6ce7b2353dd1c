#!/bin/sh
# startup.sh BUILDDIR [RUNS] — time from launch until the window is mapped,
# and until the process settled (CPU quiet after the map):
# consortium-workbench (every built plugin enabled, a fresh CWB_DATA_DIR, run
# from the build tree) against bench-bare-window (a bare libadwaita window
# with one label), launched RUNS times each (default 10), alternately, under
# Xvfb and a private D-Bus session. Prints median/min/max of each figure for
# both and the ratios of the medians (targets: mapped ≤ 1.15, settled ≤ 1.5).
#
# The map is seen by bench-map-wait, which reads the X MapNotify event of a
# window whose _NET_WM_PID is the launched process; "settled" is the start of
# the first 250 ms after the map in which the process's threads used < 5 ms
# of CPU (bench-map-wait --settled samples /proc/PID/task/TID/schedstat every
# 5 ms). Without bench-map-wait (no Xlib at build time) the script polls
# `xdotool search --onlyvisible --pid` instead and reports no settled figure.
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

# prints the milliseconds until COMMAND's window is mapped, then until it
# settled (-1 without bench-map-wait)
measure () {
  if [ -x "$mapwait" ]; then
    # the shared Xvfb now and then refuses a connection: try again
    for attempt in 1 2 3; do
      "$mapwait" --settled 60 -- "$@" && return
      sleep 0.2
    done
    return 1
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
  echo $(( (t1 - t0) / 1000000 )) -1
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

# stats FILE COLUMN: median min max
stats () { awk -v c="$2" '{ print $c }' "$1" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f\n", m, v[1], v[NR] }'; }

report () {
  # report COLUMN LABEL TARGET
  set -- "$1" "$2" "$3" $(stats "$tmp/app.times" "$1") $(stats "$tmp/bare.times" "$1")
  printf '%-8s %-22s median %7s ms  min %7s ms  max %7s ms  (%d runs)\n' "$2" consortium-workbench "$4" "$5" "$6" "$runs"
  printf '%-8s %-22s median %7s ms  min %7s ms  max %7s ms  (%d runs)\n' "$2" bench-bare-window "$7" "$8" "$9" "$runs"
  awk -v a="$4" -v b="$7" -v l="$2" -v t="$3" 'BEGIN { if (a < 0 || b < 0) printf "ratio window %s: not measured\n", l; else printf "ratio window %s, workbench/bare: %.2f (target <= %s)\n", l, a / b, t }'
}

report 1 mapped 1.15
report 2 settled 1.5
