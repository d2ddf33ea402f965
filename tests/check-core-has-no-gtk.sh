#!/bin/sh
# Fails when a core folder includes GTK or libadwaita; the core must stay headless.
# Usage: check-core-has-no-gtk.sh SRCDIR
set -eu
src=$1
found=$(grep -rnE '#[[:space:]]*include[[:space:]]*[<"](gtk/|gdk/|adwaita\.h|gsk/)' \
  "$src/model" "$src/commands" "$src/format" "$src/io" "$src/render" "$src/export" "$src/interop" "$src/library" "$src/session" "$src/merge" "$src/cli" || true)
if [ -n "$found" ]; then
  echo "GTK in the core library:" >&2
  echo "$found" >&2
  exit 1
fi
echo "core is free of GTK"
