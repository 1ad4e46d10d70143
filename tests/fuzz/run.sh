#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 5) from its seed corpus.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
# A crash leaves crash-* files in the current folder and fails the run; add
# the input to the seeds (and a regression test) once it is fixed.
set -euo pipefail
build=$1
seconds=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

seed() {  # seed TARGET FILES...
  local target=$1
  shift
  mkdir -p "$work/$target"
  for f in "$@"; do cp "$f" "$work/$target/$(echo "$f" | md5sum | cut -c1-12)"; done
}
seed case_loader $(find "$root/examples/quickstart/cases" "$root/tests/cli/schema_fixtures" -path '*cases*' -name '*.yaml')
seed config_loader "$root/examples/quickstart/ato-sync.yaml" $(find "$root/tests/cli/schema_fixtures" -path '*configs*' -name '*.yaml')
seed plan_reader "$here"/seeds/plan/*
seed results_reader $(find "$root/tests/extras/fixtures" -name '*.json')
seed adapter_json "$here"/seeds/overview/*

passed=0
failed=0
for target in case_loader config_loader plan_reader results_reader adapter_json; do
  if (cd "$work" && timeout $((seconds + 60)) "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
      -print_final_stats=1 "$work/$target" >"$work/$target.log" 2>&1); then
    echo "fuzz_$target: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/$target.log" || tail -n 1 "$work/$target.log")"
    passed=$((passed + 1))
  else
    echo "fuzz_$target FAILED:"; tail -n 40 "$work/$target.log"
    cp "$work"/crash-* . 2>/dev/null || true
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
