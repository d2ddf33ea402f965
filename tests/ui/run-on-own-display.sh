#!/usr/bin/env bash
# run-on-own-display.sh PROGRAM [ARGS…]: runs a UI test program on an X
# server of its own (Xvfb, 1600×1000, no window manager), so that nothing one
# program leaves on a display (the pointer, the focus, a window, a grab, a
# selection) can reach the next, and a UI test never opens windows on the
# desktop of whoever runs it.
#
# Without Xvfb the program runs as it is, with the DISPLAY it has: with none,
# each UI program reports one skipped test, or, under CI (CI=true), fails.
#
# SPDX-FileCopyrightText: 2026 The Journeymap authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

if ! command -v Xvfb >/dev/null 2>&1; then
  echo "# Xvfb is missing: running on DISPLAY=${DISPLAY:-(none)}" >&2
  exec "$@"
fi

display_file=$(mktemp "${TMPDIR:-/tmp}/jm-display-XXXXXX")
xvfb_pid=
child_pid=

stop () {
  [ -n "$child_pid" ] && kill "$child_pid" 2>/dev/null
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -f "$display_file"
}
trap stop EXIT
trap 'exit 143' TERM INT

# -displayfd: the server picks a free display number and writes it once it
# accepts connections, so there is neither a race for a number nor a pause.
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp -noreset 3>"$display_file" 2>/dev/null &
xvfb_pid=$!

for _ in $(seq 1 200); do
  [ -s "$display_file" ] && break
  if ! kill -0 "$xvfb_pid" 2>/dev/null; then
    echo "Bail out! Xvfb did not start" >&2
    exit 1
  fi
  sleep 0.05
done
if [ ! -s "$display_file" ]; then
  echo "Bail out! Xvfb gave no display number within 10 s" >&2
  exit 1
fi

export DISPLAY=":$(head -n 1 "$display_file")"
unset WAYLAND_DISPLAY

"$@" &
child_pid=$!
wait "$child_pid"
status=$?
child_pid=
exit $status
