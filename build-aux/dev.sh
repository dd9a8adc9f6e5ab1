#!/usr/bin/env bash
# Steady's two set-up commands, for a fresh Debian 12 machine:
#
#   build-aux/dev.sh run    install what is missing, build, start Steady
#   build-aux/dev.sh test   install what is missing, build, run every test
#
# Environment: BUILDDIR (default: build), MESON_ARGS (extra setup options).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-$top/build}

# Debian 12 packages: build, run, and test (Xvfb, D-Bus, validators).
packages=(
  meson ninja-build pkg-config gcc gettext itstool
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsqlite3-dev libnotify-dev libical-dev libglib-testing-0-dev
  librsvg2-common adwaita-icon-theme fonts-cantarell
  desktop-file-utils appstream python3 yelp-tools
  xvfb xauth dbus dbus-x11 flatpak-builder
  at-spi2-core python3-pyatspi
)

say() { printf 'dev.sh: %s\n' "$*" >&2; }

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  say "installing: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      say "these packages are missing and there is no sudo: ${missing[*]}"
      exit 1
    fi
  fi
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
  if [ ! -f "$builddir/build.ninja" ]; then
    # shellcheck disable=SC2086
    meson setup "$builddir" "$top" -Dprofile=development ${MESON_ARGS:-}
  fi
  # ninja rebuilds only what is stale, and reconfigures when meson files change.
  meson compile -C "$builddir"
}

# Runs "$@" with a display and a session bus, starting private ones when
# there are none (CI, ssh).
with_session() {
  local wrap=()
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] || [ -n "${CI:-}" ]; then
    wrap+=(dbus-run-session --)
  fi
  if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] || [ -n "${CI:-}" ]; then
    wrap+=(xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp")
  fi
  "${wrap[@]}" "$@"
}

cmd=${1:-}
case "$cmd" in
  run)
    shift
    install_missing
    build
    # The build tree's compiled schemas and the normal data location.
    export GSETTINGS_SCHEMA_DIR="$builddir/data"
    exec "$builddir/src/steady" "$@"
    ;;
  test)
    shift
    install_missing
    build
    set +e
    with_session meson test -C "$builddir" --print-errorlogs "$@"
    status=$?
    set -e
    exit $status
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
