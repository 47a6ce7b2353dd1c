#!/bin/bash
# import-vs-sqlite.sh BUILDDIR [N] [RUNS] — `consortium-workbench import` of N
# generated consortium files (default 10 000) into a new database against the
# sqlite3 shell inserting the same rows (dumped from that database) in one
# transaction into the same schema, with the store's settings (WAL,
# synchronous=NORMAL, foreign keys). Prints the median, min and max wall and
# CPU time of each over RUNS alternating runs (default 3), the ratio of the
# medians (target ≤ 2), and what each wrote to the disk (write_bytes of
# /proc/PID/io, the children's included) next to the database's size.
# CWB_BENCH_BASELINE=path/to/consortium-workbench also times another build's
# import the same way (e.g. one from before a change).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

builddir=$(cd "${1:?usage: import-vs-sqlite.sh BUILDDIR [N] [RUNS]}" && pwd)
n=${2:-10000}
runs=${3:-3}
srcdir=$(cd "$(dirname "$0")" && pwd)
binary=$builddir/app/consortium-workbench
baseline=${CWB_BENCH_BASELINE:-}

command -v sqlite3 > /dev/null || { echo "import-vs-sqlite: needs the sqlite3 shell" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cwb-bench-import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# the app from the build tree, nothing of the user's
export CWB_PLUGIN_PATH="$builddir/plugins"
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSETTINGS_BACKEND=memory
export CWB_DATA_DIR="$tmp/data"
export LC_ALL=C.UTF-8
unset DISPLAY WAYLAND_DISPLAY || true

echo "generating $n consortium files…"
python3 "$srcdir/gen-consortia.py" "$n" "$tmp/files"
cd "$tmp/files"
files=(*)
cat -- "${files[@]}" > /dev/null   # warm the page cache

# Runs "$@" in a subshell and prints "wall_ms cpu_ms write_bytes": the
# subshell has reaped the command, so its /proc io counts the command's.
measure () {
  (
    pid=$BASHPID
    t0=$(date +%s%N)
    "$@"
    t1=$(date +%s%N)
    # utime + stime + cutime + cstime (fields 14–17), in clock ticks
    ticks=$(sed 's/^.*) //' "/proc/$pid/stat" | awk '{ print $12 + $13 + $14 + $15 }')
    wb=$(awk '/^write_bytes/ { print $2 }' "/proc/$pid/io")
    echo "$(((t1 - t0) / 1000000)) $((ticks * 1000 / $(getconf CLK_TCK))) $wb"
  )
}

run_import () {
  rm -f "$tmp/import.db" "$tmp/import.db-wal" "$tmp/import.db-shm"
  "$1" import --db "$tmp/import.db" "${files[@]}" > "$tmp/import.out" 2> "$tmp/import.err" || true
}

# the reference: the same schema, then the same rows in one transaction
run_import "$binary"
imported=$(grep -c ': imported ' "$tmp/import.out" || true)
if [ "$imported" -ne "$n" ] || [ -s "$tmp/import.err" ]; then
  echo "import-vs-sqlite: import reported $imported of $n files" >&2
  head -5 "$tmp/import.err" >&2
  exit 1
fi
sqlite3 "$tmp/import.db" .schema | grep -v '^CREATE TABLE sqlite_' > "$tmp/schema.sql"
version=$(sqlite3 "$tmp/import.db" 'PRAGMA user_version')
{
  echo 'BEGIN;'
  for table in $(sqlite3 "$tmp/import.db" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"); do
    sqlite3 -cmd ".mode insert $table" "$tmp/import.db" "SELECT * FROM $table"
  done
  echo 'COMMIT;'
} > "$tmp/rows.sql"
rows=$(grep -c '^INSERT' "$tmp/rows.sql")
db_bytes=$(stat -c %s "$tmp/import.db")

prepare_sqlite () {
  rm -f "$tmp/ref.db" "$tmp/ref.db-wal" "$tmp/ref.db-shm"
  sqlite3 "$tmp/ref.db" "PRAGMA journal_mode = WAL" > /dev/null
  sqlite3 "$tmp/ref.db" < "$tmp/schema.sql"
  sqlite3 "$tmp/ref.db" "PRAGMA user_version = $version"
}
run_sqlite () {
  sqlite3 -cmd 'PRAGMA foreign_keys = ON' -cmd 'PRAGMA synchronous = NORMAL' "$tmp/ref.db" < "$tmp/rows.sql"
}

echo "rows: $rows in $(sqlite3 "$tmp/import.db" "SELECT count(*) FROM sqlite_schema WHERE type = 'table'") tables; database $((db_bytes / 1024)) KiB"

: > "$tmp/import.m"; : > "$tmp/sqlite.m"; : > "$tmp/baseline.m"
i=0
while [ "$i" -lt "$runs" ]; do
  measure run_import "$binary" >> "$tmp/import.m"
  prepare_sqlite
  measure run_sqlite >> "$tmp/sqlite.m"
  if [ -n "$baseline" ]; then
    measure run_import "$baseline" >> "$tmp/baseline.m"
  fi
  i=$((i + 1))
done

# column $2 of file $1: median min max
stats () { cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, v[1], v[NR] }'; }
report () {
  set -- "$1" "$2" $(stats "$2" 1) $(stats "$2" 2) $(stats "$2" 3)
  printf '%-34s wall %6d ms (%d–%d)  cpu %6d ms  wrote %6d MiB\n' "$1" "$3" "$4" "$5" "$6" $(($9 / 1048576))
}
report "import ($n files)" "$tmp/import.m"
[ -n "$baseline" ] && report "baseline import ($n files)" "$tmp/baseline.m"
report "sqlite3, one transaction" "$tmp/sqlite.m"
set -- $(stats "$tmp/import.m" 1) $(stats "$tmp/sqlite.m" 1) $(stats "$tmp/import.m" 2) $(stats "$tmp/sqlite.m" 2)
awk -v a="$1" -v b="$4" -v c="$7" -v d="${10}" \
  'BEGIN { printf "ratio import/sqlite3: wall %.2f, cpu %.2f (target <= 2)\n", a / b, c / d }'
