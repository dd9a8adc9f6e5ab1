#!/usr/bin/env bash
# The core tests (GLib and SQLite, no GTK) under Valgrind's memcheck: any
# definite leak or memory error fails the run.
#
#   build-aux/valgrind.sh [TEST...]    default: every test in the core suite
#
# Environment: BUILDDIR (default: build-valgrind, a plain debug build of
# its own: a sanitizer build cannot run under Valgrind).
# Not part of .ci/run: it takes far longer than the sanitizer pass.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
builddir=${BUILDDIR:-$top/build-valgrind}

if ! command -v valgrind >/dev/null; then
  sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get install -y -q --no-install-recommends valgrind
fi

if [ ! -f "$builddir/build.ninja" ]; then
  meson setup "$builddir" "$top" -Dprofile=development
fi
meson compile -C "$builddir"

# GLib's slice allocator hides frees from Valgrind unless told not to.
export G_SLICE=always-malloc G_DEBUG=gc-friendly

wrapper="valgrind --quiet --leak-check=full --errors-for-leak-kinds=definite"
wrapper+=" --show-leak-kinds=definite --error-exitcode=99 --num-callers=30"
wrapper+=" --track-origins=yes --suppressions=$top/tests/valgrind.supp"

if [ $# -eq 0 ]; then
  set -- --suite core
fi

meson test -C "$builddir" --print-errorlogs --logbase valgrind \
  --timeout-multiplier 20 --wrapper "$wrapper" "$@"
