#!/bin/sh
# check-po.sh PO SRCDIR — fails if PO has an untranslated or fuzzy message,
# or if a string in the sources listed in po/POTFILES.in is missing from it.
set -eu
po=$1 src=$2
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "check-po: $po is not complete" >&2; exit 1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
grep -vE '^[[:space:]]*(#|$)' po/POTFILES.in > "$tmp/list"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
         --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=Description -o "$tmp/all.pot" -f "$tmp/list"
if [ -s "$tmp/all.pot" ]; then
  missing=$(LC_ALL=C msgcmp "$po" "$tmp/all.pot" 2>&1 | grep -c 'this message is used but not defined' || true)
  if [ "$missing" != 0 ]; then
    LC_ALL=C msgcmp "$po" "$tmp/all.pot" 2>&1 | grep -B1 'used but not defined' | head -40 >&2
    echo "check-po: $missing strings of the sources are not in $po" >&2
    exit 1
  fi
fi
echo "check-po: complete"
