#!/bin/sh
# Fails when the layers call each other the wrong way round: io/ (reading and
# saving files) must not need render/ (the layout is the session's), and the
# window must not include the application, which makes windows and hands
# them what they share; the two calling each other was a loop. insights/
# needs only model/.
# Usage: check-layering.sh SRCDIR
set -eu
src=$1
status=0
found=$(grep -rnE '#[[:space:]]*include[[:space:]]*"render/' "$src/io" || true)
if [ -n "$found" ]; then
  echo "io/ includes render/:" >&2
  echo "$found" >&2
  status=1
fi
found=$(grep -nE '#[[:space:]]*include[[:space:]]*"(ui/)?jm-application\.h"' "$src"/ui/jm-window*.[ch] || true)
if [ -n "$found" ]; then
  echo "the window includes the application:" >&2
  echo "$found" >&2
  status=1
fi
# insights/ computes from the model alone, so that the command line, the
# window and the renderer can all use it without pulling in each other.
found=$(grep -rnE '#[[:space:]]*include[[:space:]]*"(commands|format|io|render|export|interop|session|merge|cli|ui)/' "$src/insights" || true)
if [ -n "$found" ]; then
  echo "insights/ includes more than model/:" >&2
  echo "$found" >&2
  status=1
fi
[ $status -eq 0 ] && echo "io/ needs no render/, the window no application, insights/ only model/"
exit $status
