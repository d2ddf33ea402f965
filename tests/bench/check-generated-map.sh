#!/bin/sh
# Generates maps of a few sizes and seeds and checks each with the reader's
# rules (`journeymap check`, which checks the schema's too) and with the
# RELAX NG schema itself (xmllint --relaxng), when xmllint is installed.
set -eu
generate=$1
journeymap=$2
schema=${3:-}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

for items in 0 1 100 2000; do
  for seed in 1 7; do
    "$generate" --items "$items" --seed "$seed" -o "$dir/map-$items-$seed.jmap"
  done
done
"$journeymap" check "$dir"/*.jmap
if [ -n "$schema" ] && command -v xmllint >/dev/null; then
  xmllint --noout --nonet --relaxng "$schema" "$dir"/*.jmap
fi

# The item count is exact: both layers together hold what was asked.
count=$(grep -c '<item ' "$dir/map-2000-1.jmap")
if [ "$count" -ne 2000 ]; then
  echo "map-2000-1.jmap holds $count items, not 2000" >&2
  exit 1
fi
