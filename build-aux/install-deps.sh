#!/bin/sh
# install-deps.sh [--fuzz] — installs the Debian 12 packages Consortium
# Workbench needs to build, run and test; with --fuzz also clang and
# libFuzzer for `make fuzz`. Quick and offline when everything is there.
set -eu

packages="
  gcc pkg-config meson ninja-build gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libpeas-dev
  libsecret-1-dev libsqlite3-dev libjson-glib-dev libzip-dev libxml2-dev libxlsxwriter-dev libcsv-dev poppler-utils
  gobject-introspection libgirepository1.0-dev python3-gi
  desktop-file-utils appstream-util
  xvfb xauth xdotool dbus dbus-x11 gnome-keyring
  locales fonts-noto-cjk
"
# clang and its runtimes (libFuzzer, ASan, UBSan) for build-aux/fuzz.sh
if [ "${1:-}" = "--fuzz" ]; then
  packages="$packages clang clang-14 libclang-rt-14-dev"
fi

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi

# The Chinese locale, so the interface and the tests can run in zh_CN.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf8$'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || echo "install-deps: could not make the zh_CN.UTF-8 locale" >&2
fi
