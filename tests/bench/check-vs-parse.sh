#!/bin/sh
# check-vs-parse.sh BUILDDIR [N] [RUNS] — `consortium-workbench check --json` over
# N generated consortium files (default 10 000) against parsing the same files
# with json-glib alone (bench-parse). Both get the files through `xargs -n 2000`,
# so both start the same number of processes. Prints the median, min and max
# wall time and CPU time (user + sys of every process, from GNU time: a
# second thread would make wall time flatter than CPU time) of each over
# RUNS alternating runs (default 3), and the ratios of the medians (target:
# CPU ≤ 1.5). The files gen-consortia.py writes are plain JSON, which check
# parses itself (cwb-consortium-file-parse.c) rather than through json-glib;
# the floor is json-glib's parse, as the target was set.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

builddir=$(cd "${1:?usage: check-vs-parse.sh BUILDDIR [N] [RUNS]}" && pwd)
n=${2:-10000}
runs=${3:-3}
srcdir=$(cd "$(dirname "$0")" && pwd)
binary=$builddir/app/consortium-workbench
parse=$builddir/tests/bench/bench-parse

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwb-bench-check.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# the app from the build tree, every built plugin enabled, nothing of the user's
export CWB_PLUGIN_PATH="$builddir/plugins"
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSETTINGS_BACKEND=memory
export CWB_DATA_DIR="$tmp/data"
export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY || true

echo "generating $n consortium files…"
python3 "$srcdir/gen-consortia.py" "$n" "$tmp/files"
cd "$tmp/files"
ls > "$tmp/list"
cat -- * > /dev/null   # warm the page cache for both

now_ms () { date +%s%N | cut -c1-13; }

# GNU time's user + sys covers xargs and every process it waited for; $1 is
# where to append the CPU milliseconds
if [ -x /usr/bin/time ]; then
  timed () { out=$1; shift; /usr/bin/time -f '%U %S' -o "$tmp/rusage" "$@" || true
             tail -n 1 "$tmp/rusage" | awk '{ printf "%d\n", ($1 + $2) * 1000 }' >> "$out"; }
else
  echo "check-vs-parse: no /usr/bin/time (GNU time); CPU times are not measured" >&2
  timed () { out=$1; shift; "$@" || true; echo 0 >> "$out"; }
fi

run_check () { timed "$tmp/check.cpu" xargs -n 2000 "$binary" check --json < "$tmp/list" > "$tmp/check.out" 2> "$tmp/check.err"; }
run_parse () { timed "$tmp/parse.cpu" xargs -n 2000 "$parse" < "$tmp/list" > "$tmp/parse.out" 2> "$tmp/parse.err"; }

# the figures are worth nothing unless both did the whole job
run_check
run_parse
checked=$(wc -l < "$tmp/check.out")
parsed=$(awk '{ s += $1 } END { print s }' "$tmp/parse.out")
if [ "$checked" -ne "$n" ] || [ "$parsed" -ne "$n" ] || [ -s "$tmp/check.err" ]; then
  echo "check-vs-parse: check reported $checked of $n files, bench-parse $parsed" >&2
  head -5 "$tmp/check.err" >&2
  exit 1
fi
echo "verdicts: $(grep -o '"verdict":"[a-z]*"' "$tmp/check.out" | sort | uniq -c | tr -s ' \n' ' ')"

: > "$tmp/check.times"
: > "$tmp/parse.times"
: > "$tmp/check.cpu"
: > "$tmp/parse.cpu"
i=0
while [ "$i" -lt "$runs" ]; do
  t0=$(now_ms); run_check; t1=$(now_ms); echo $((t1 - t0)) >> "$tmp/check.times"
  t0=$(now_ms); run_parse; t1=$(now_ms); echo $((t1 - t0)) >> "$tmp/parse.times"
  i=$((i + 1))
done

stats () { sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, v[1], v[NR] }'; }
set -- $(stats "$tmp/check.times"); check_med=$1 check_min=$2 check_max=$3
set -- $(stats "$tmp/parse.times"); parse_med=$1 parse_min=$2 parse_max=$3
set -- $(stats "$tmp/check.cpu"); check_cpu_med=$1 check_cpu_min=$2 check_cpu_max=$3
set -- $(stats "$tmp/parse.cpu"); parse_cpu_med=$1 parse_cpu_min=$2 parse_cpu_max=$3

echo "$runs runs each, alternating"
printf '%-32s wall median %7d ms  min %7d ms  max %7d ms\n' "check --json ($n files)" "$check_med" "$check_min" "$check_max"
printf '%-32s wall median %7d ms  min %7d ms  max %7d ms\n' "bench-parse ($n files)" "$parse_med" "$parse_min" "$parse_max"
printf '%-32s CPU  median %7d ms  min %7d ms  max %7d ms\n' "check --json ($n files)" "$check_cpu_med" "$check_cpu_min" "$check_cpu_max"
printf '%-32s CPU  median %7d ms  min %7d ms  max %7d ms\n' "bench-parse ($n files)" "$parse_cpu_med" "$parse_cpu_min" "$parse_cpu_max"
awk -v a="$check_med" -v b="$parse_med" -v c="$check_cpu_med" -v d="$parse_cpu_med" 'BEGIN {
  printf "ratio check/parse: wall %.2f, CPU %.2f (target: CPU <= 1.5)\n", a / b, (d > 0 ? c / d : 0) }'
