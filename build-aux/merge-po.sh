#!/bin/sh
# merge-po.sh — folds po/parts/*.po (translations written alongside new code,
# deleted once merged: po/zh_CN.po is the one translation)
# into po/zh_CN.po, then drops messages no source uses any more.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
grep -vE '^[[:space:]]*(#|$)' po/POTFILES.in > "$tmp/list"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=ngettext:1,2 --keyword=g_dngettext:2,3 --keyword=Description --add-comments=Translators \
  -o "$tmp/all.pot" -f "$tmp/list"
mkdir "$tmp/parts"
for f in po/parts/*.po; do
  [ -f "$f" ] || continue
  { printf 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'; cat "$f"; } > "$tmp/parts/$(basename "$f")"
done
cp po/zh_CN.po "$tmp/merged.po"
if ls "$tmp"/parts/*.po >/dev/null 2>&1; then
  msgcat --use-first -o "$tmp/merged.po" po/zh_CN.po "$tmp"/parts/*.po
fi
msgmerge --quiet --no-fuzzy-matching -o po/zh_CN.po "$tmp/merged.po" "$tmp/all.pot"
msgattrib --no-obsolete -o po/zh_CN.po po/zh_CN.po
LC_ALL=C msgfmt --check --statistics -o /dev/null po/zh_CN.po
