#!/bin/sh
# fuzz.sh [HARNESS…] — builds the fuzz harnesses of tests/fuzz with clang,
# libFuzzer, ASan and UBSan into FUZZ_BUILDDIR (default _build-fuzz) and runs
# each for FUZZ_TIME seconds (default 60), one after the other, from its
# corpus tests/fuzz/corpus/NAME. New inputs go to FUZZ_BUILDDIR/corpus/NAME,
# crashes to FUZZ_BUILDDIR/crashes/NAME; nothing is written into the source
# tree. Without arguments it runs all four harnesses. Extra libFuzzer flags:
# FUZZ_ARGS, e.g. FUZZ_ARGS="-fork=1 -ignore_crashes=1 -ignore_ooms=1
# -ignore_timeouts=1" to keep going after a finding. Exits non-zero if a
# harness found something.
set -eu

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${FUZZ_BUILDDIR:-$srcdir/_build-fuzz}
time=${FUZZ_TIME:-60}
harnesses=${*:-fuzz-consortium-file fuzz-rule-set fuzz-experts-csv fuzz-experts-xlsx}

"$srcdir/build-aux/install-deps.sh" --fuzz

if [ ! -f "$builddir/build.ninja" ]; then
  # The GIR is built by the normal build only: g-ir-scanner's dumper can
  # deadlock when the sanitizer runtimes are linked in.
  CC=clang meson setup "$builddir" "$srcdir" \
    -Dfuzzing=true -Dintrospection=false \
    -Db_sanitize=address,undefined -Db_lundef=false \
    -Dbuildtype=debugoptimized
fi
targets=""
for h in $harnesses; do targets="$targets tests/fuzz/$h"; done
# shellcheck disable=SC2086
meson compile -C "$builddir" $targets

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export G_DEBUG=fatal-criticals LC_ALL=C.UTF-8 TZ=UTC

status=0
summary=""
for h in $harnesses; do
  case $h in
    fuzz-consortium-file) max_len=65536 dict=json ;;
    fuzz-rule-set)        max_len=65536 dict=json ;;
    fuzz-experts-csv)     max_len=8192  dict=csv ;;
    fuzz-experts-xlsx)    max_len=16384 dict=xlsx ;;
    *) echo "fuzz.sh: no harness $h" >&2; exit 2 ;;
  esac
  corpus="$builddir/corpus/$h"
  crashes="$builddir/crashes/$h"
  log="$builddir/fuzz-$h.log"
  mkdir -p "$corpus" "$crashes"
  echo "== $h: $time s, corpus $srcdir/tests/fuzz/corpus/$h, log $log"
  set +e
  # shellcheck disable=SC2086
  (cd "$crashes" && "$builddir/tests/fuzz/$h" \
      -max_total_time="$time" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
      -dict="$srcdir/tests/fuzz/$dict.dict" -print_final_stats=1 \
      ${FUZZ_ARGS:-} "$corpus" "$srcdir/tests/fuzz/corpus/$h") >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  if [ -z "$execs" ]; then
    # -fork=N prints no final stats: the last status line "#EXECS: …"
    execs=$(sed -n 's/^#\([0-9]*\): cov:.*/\1/p' "$log" | tail -n 1)
    [ -z "$execs" ] || speed=$((execs / time))
  fi
  units=$(find "$corpus" -type f | wc -l)
  found=$(find "$crashes" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  line="$h: ${execs:-?} execs, ${speed:-?} exec/s, $time s, corpus $units units, $found findings (exit $rc)"
  echo "$line"
  summary="$summary$line
"
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    tail -n 40 "$log"
  fi
done
printf '\n== summary\n%s' "$summary"
exit $status
