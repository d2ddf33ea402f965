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

for target in fuzz-jmap-reader fuzz-load-save-load fuzz-round-trip; do
  corpus=$(mktemp -d)
  echo "=== $target, $seconds s"
  "$build_dir/tests/fuzz/$target" "$corpus" \
      "$top/data/examples" "$top/data/templates" "$top/tests/data/valid" "$top/tests/data/invalid" \
      "$top/tests/data/forgiven" \
      -dict="$top/tests/fuzz/jmap.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -max_len=262144 -artifact_prefix="$findings/$target-" -print_final_stats=1
  rm -rf "$corpus"
done
