#!/usr/bin/env bash
# run-fuzzers.sh BUILD_DIR SECONDS: runs each fuzz target for SECONDS,
# seeded with the example maps, the templates and the test maps, and fails
# on the first finding (its input is left in BUILD_DIR/fuzz-findings).
set -euo pipefail

build_dir=$1
seconds=${2:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
findings="$build_dir/fuzz-findings"
mkdir -p "$findings"

# The pictures target starts from the pictograms (SVG) and the PNG and
# JPEG files of the repository.
pictures=$(mktemp -d)
find "$top/icons" "$top/data" "$top/docs" -name '*.svg' -size -64k -exec cp -t "$pictures" {} + 2>/dev/null || true
find "$top/data" "$top/docs" -name '*.png' -size -256k -exec cp -t "$pictures" {} + 2>/dev/null || true
find "$top/data" "$top/docs" -name '*.jpg' -size -256k -exec cp -t "$pictures" {} + 2>/dev/null || true

for target in fuzz-jmap-reader fuzz-load-save-load fuzz-round-trip fuzz-pictures fuzz-schema-diff; do
  corpus=$(mktemp -d)
  echo "=== $target, $seconds s"
  if [ "$target" = fuzz-pictures ]; then
    seeds=("$pictures")
    dict=()
  else
    seeds=("$top/data/examples" "$top/data/templates" "$top/tests/data/valid" "$top/tests/data/invalid"
           "$top/tests/data/forgiven" "$top/tests/data/schema-diff")
    dict=(-dict="$top/tests/fuzz/jmap.dict")
  fi
  "$build_dir/tests/fuzz/$target" "$corpus" "${seeds[@]}" \
      "${dict[@]}" -max_len=262144 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="$findings/$target-" -print_final_stats=1
  rm -rf "$corpus"
done
rm -rf "$pictures"
