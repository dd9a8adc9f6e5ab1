#!/bin/bash
# bench-startup.sh: Steady's start-up time and memory, against the
# smallest libadwaita window (tests/bench/minimal-window.c).
#
#   build-aux/bench-startup.sh [BUILDDIR] [RUNS]
#
# BUILDDIR defaults to "build", RUNS (pairs of starts) to 10. Needs Xvfb,
# dbus-run-session, xev and xdotool (Debian: xvfb, dbus-bin, x11-utils,
# xdotool).
#
# What is measured, for each program, alternating (the order flips every
# run, after one warm-up pair that is not counted):
#   - time: from just before the exec to the first window being mapped
#     on the X server. The map is seen by one `xev -root -event
#     substructure` that runs for the whole benchmark and reports each
#     MapNotify as it happens (no polling, so no sampling delay, and no
#     poller taking CPU from the app on a small machine). Nothing is
#     subtracted. With no window manager on Xvfb a mapped top-level is
#     visible; each run then checks with `xdotool search --onlyvisible
#     --class` that the window seen was the program's.
#   - memory: VmHWM (peak resident set) from /proc/PID/status, read once
#     the window has been shown and the program has been left alone for
#     about a second.
# Steady runs against a fresh copy of a ten-year database each time
# (XDG_DATA_HOME in a temporary folder), made once by
# `steady-bench --keep BUILDDIR/bench-data`. A fresh copy has no backup
# of today, so each start also makes the day's automatic backup in the
# background, as the first start of a day does.
#
# One private Xvfb and one private D-Bus session serve the whole run.
# GSK_RENDERER=cairo: on Xvfb the GL renderer runs on a software
# rasteriser (see DESIGN.md). GSETTINGS_BACKEND=memory keeps the person's
# own settings out of it.

set -euo pipefail

builddir=${1:-build}
runs=${2:-10}

if [[ ! -d $builddir ]]; then
  echo "bench-startup: no build folder $builddir" >&2
  exit 2
fi
builddir=$(cd "$builddir" && pwd)

app=$builddir/src/steady
minimal=$builddir/tests/bench/minimal-window
bench=$builddir/tests/bench/steady-bench
datadir=$builddir/bench-data
db=$datadir/steady.db

if [[ -z ${STEADY_BENCH_STARTUP_INNER:-} ]]; then
  for tool in Xvfb dbus-run-session xev xdotool; do
    if ! command -v "$tool" > /dev/null; then
      echo "bench-startup: $tool is missing (Debian: xvfb dbus-bin x11-utils xdotool)" >&2
      exit 2
    fi
  done
  for program in "$app" "$minimal" "$bench"; do
    if [[ ! -x $program ]]; then
      echo "bench-startup: $program is not built (ninja -C $builddir)" >&2
      exit 2
    fi
  done

  if [[ ! -f $db ]]; then
    echo "# making the ten-year data set: $bench --keep $datadir"
    rm -rf "$datadir"
    "$bench" --keep "$datadir" --runs 1 > "$builddir/bench-data.log" 2>&1 || {
      echo "bench-startup: steady-bench failed; see $builddir/bench-data.log" >&2
      exit 1
    }
  fi

  tmp=$(mktemp -d -t steady-bench-startup-XXXXXX)
  xvfb_pid=
  # Called by the trap.
  # shellcheck disable=SC2317
  cleanup () {
    if [[ -n $xvfb_pid ]]; then
      kill "$xvfb_pid" 2> /dev/null || true
      wait "$xvfb_pid" 2> /dev/null || true
    fi
    rm -rf "$tmp"
  }
  trap cleanup EXIT

  # -displayfd: Xvfb picks a free display and says which once it listens.
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset \
    3> "$tmp/display" 2> "$tmp/xvfb.log" &
  xvfb_pid=$!
  for _ in $(seq 100); do
    [[ -s $tmp/display ]] && break
    sleep 0.05
  done
  if [[ ! -s $tmp/display ]]; then
    echo "bench-startup: Xvfb did not start:" >&2
    cat "$tmp/xvfb.log" >&2
    exit 1
  fi

  # The bus daemon and what it starts (the accessibility bus) talk on
  # stdout and stderr: into a log, shown if something fails. The
  # benchmark's own report goes to fds 3 and 4.
  status=0
  DISPLAY=:$(head -n1 "$tmp/display") STEADY_BENCH_STARTUP_INNER=$tmp \
    dbus-run-session -- bash "$0" "$builddir" "$runs" \
    3>&1 4>&2 > "$tmp/session.log" 2>&1 || status=$?
  if (( status != 0 )); then
    echo "bench-startup: failed; the session said:" >&2
    cat "$tmp/session.log" >&2
  fi
  exit $status
fi

# Inside the private display and D-Bus session.
exec 1>&3 2>&4 3>&- 4>&-
tmp=$STEADY_BENCH_STARTUP_INNER

export GSK_RENDERER=cairo
export GSETTINGS_SCHEMA_DIR=$builddir/data
export GSETTINGS_BACKEND=memory
export XDG_CONFIG_HOME=$tmp/config
export XDG_CACHE_HOME=$tmp/cache
export XDG_STATE_HOME=$tmp/state
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

# One listener for the whole run: every MapNotify on the screen, a line
# at a time.
coproc XEV { exec stdbuf -oL xev -root -event substructure; }
# XEV_PID is set by coproc.
# shellcheck disable=SC2153
xev_pid=$XEV_PID
trap 'kill "$xev_pid" 2> /dev/null || true' EXIT
# It must have selected the root window's events before the first map;
# connecting takes milliseconds (and the warm-up pair would time out
# rather than measure wrongly).
sleep 0.5

now_us () {
  local t=${EPOCHREALTIME/[.,]/}
  echo "$t"
}

# Reads what the listener has said so far (the last run's unmaps) and
# forgets it.
drain () {
  local line
  while IFS= read -r -t 0.05 -u "${XEV[0]}" line; do :; done
}

# run_one NAME CLASS COMMAND...: appends "MS KB" to $tmp/NAME.times
run_one () {
  local name=$1 class=$2
  shift 2
  local line start end pid hwm found=

  drain
  start=$(now_us)
  "$@" > "$tmp/$name.out" 2> "$tmp/$name.err" &
  pid=$!

  while IFS= read -r -t 30 -u "${XEV[0]}" line; do
    if [[ $line == MapNotify* ]]; then
      found=1
      break
    fi
  done
  end=$(now_us)

  if [[ -z $found ]]; then
    echo "bench-startup: $name showed no window in 30 s:" >&2
    cat "$tmp/$name.err" >&2
    kill "$pid" 2> /dev/null || true
    exit 1
  fi

  # Idle for about a second, then the peak resident set.
  sleep 1
  hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")

  if ! xdotool search --onlyvisible --class "$class" > /dev/null; then
    echo "bench-startup: the window mapped was not $name's (class $class)" >&2
    kill "$pid" 2> /dev/null || true
    exit 1
  fi

  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  # What it wrote (Steady's daily backup: a copy of the whole file) goes
  # to disk now, not during the next program's start.
  sync

  last_ms=$(( (end - start) / 1000 )).$(( (end - start) % 1000 / 100 ))
  last_kb=$hwm
  echo "$last_ms $last_kb" >> "$tmp/$name.times"
}

run_minimal () {
  run_one minimal minimal-window "$minimal"
}

run_steady () {
  # A fresh copy each time: the first start of a day with ten years in it.
  rm -rf "$tmp/data"
  mkdir -p "$tmp/data/steady"
  chmod 0700 "$tmp/data/steady"
  cp "$db" "$tmp/data/steady/steady.db"
  chmod 0600 "$tmp/data/steady/steady.db"
  sync
  run_one steady steady env XDG_DATA_HOME="$tmp/data" "$app"
}

median () {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

echo "# bench-startup: $runs runs each, alternating, after one warm-up pair; GSK_RENDERER=$GSK_RENDERER"
echo "# data: $db ($(du -m "$db" | cut -f1) MB)"

run_minimal
run_steady
: > "$tmp/minimal.times"
: > "$tmp/steady.times"

for i in $(seq "$runs"); do
  if (( i % 2 )); then
    run_minimal; m="$last_ms ms $last_kb kB"
    run_steady; s="$last_ms ms $last_kb kB"
  else
    run_steady; s="$last_ms ms $last_kb kB"
    run_minimal; m="$last_ms ms $last_kb kB"
  fi
  printf '# run %2d: minimal %-20s steady %s\n' "$i" "$m" "$s"
done

minimal_ms=$(cut -d' ' -f1 "$tmp/minimal.times" | median)
steady_ms=$(cut -d' ' -f1 "$tmp/steady.times" | median)
minimal_kb=$(cut -d' ' -f2 "$tmp/minimal.times" | median)
steady_kb=$(cut -d' ' -f2 "$tmp/steady.times" | median)

awk -v mt="$minimal_ms" -v st="$steady_ms" -v mk="$minimal_kb" -v sk="$steady_kb" -v n="$runs" 'BEGIN {
  printf "startup-minimal-window: %.1f ms (median of %d)\n", mt, n
  printf "startup-steady: %.1f ms (median of %d)\n", st, n
  printf "startup-ratio: %.2f x\n", st / mt
  printf "peak-rss-minimal-window: %.1f MB\n", mk / 1024
  printf "peak-rss-steady: %.1f MB\n", sk / 1024
  printf "peak-rss-ratio: %.2f x\n", sk / mk
}'

if grep -q . "$tmp/steady.err"; then
  echo "# steady said (last run):"
  sed 's/^/#   /' "$tmp/steady.err"
fi
