#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 6) from a temporary copy
# of its seeds; nothing in the repository changes.
# Usage: tests/fuzz/run.sh BUILD_DIR [SECONDS]
# An input that crashes a target, takes over 5 s or over 1 GB is saved in
# BUILD_DIR/fuzz-artifacts/ and fails the run. Fix the code, then add the
# input to seeds/ and a regression test next to the code it broke.
# shellcheck disable=SC2046  # the seeds are repository paths, without blanks
set -euo pipefail
build=$(cd "$1" && pwd)
seconds=${2:-6}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
artifacts="$build/fuzz-artifacts"
mkdir -p "$artifacts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# On running out of memory ASan prints a heap profile before libFuzzer saves
# the input. Allocation stacks are unwound by frame pointers, which yaml-cpp
# is built without: past two frames each allocation gets a stack of its own
# and the profile, quadratic in those, ran for hours (and the input was never
# saved). Two frames keep it to a second; a crash's own stack stays complete.
# Options already set in the environment come last and win.
export ASAN_OPTIONS="malloc_context_size=2${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export UBSAN_OPTIONS="print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

seed() {  # seed TARGET FILES...
  local target=$1
  shift
  mkdir -p "$work/$target"
  for f in "$@"; do cp "$f" "$work/$target/$(echo "$f" | md5sum | cut -c1-12)"; done
}
seed case_loader "$here"/seeds/case/* \
  $(find "$root/examples/quickstart/cases" "$root/tests/cli/schema_fixtures" -path '*cases*' -name '*.yaml')
seed config_loader "$root/examples/quickstart/ato-sync.yaml" $(find "$root/tests/cli/schema_fixtures" -path '*configs*' -name '*.yaml')
seed plan_reader "$here"/seeds/plan/*
seed results_reader "$here"/seeds/results/* $(find "$root/tests/io/fixtures/results-a" "$root/tests/io/fixtures/results-b" "$root/tests/io/fixtures/allure-results" -name '*.json')
seed ids_reader "$here"/seeds/ids/*
seed adapter_json "$here"/seeds/overview/*
seed feature_reader "$here"/seeds/feature/* $(find "$root/examples" -name '*.feature')
seed yaml_editing "$here"/seeds/case/* $(find "$root/tests/io/fixtures/yaml_editor" "$root/tests/io/fixtures/yaml_format" -name '*.yaml')

passed=0
failed=0
for target in case_loader config_loader plan_reader results_reader ids_reader adapter_json feature_reader yaml_editing; do
  binary="$build/tests/fuzz/fuzz_$target"
  log="$work/$target.log"
  # -timeout and -rss_limit_mb stop one slow or greedy input; the outer
  # timeout, with SIGKILL 5 s after SIGTERM, stops a target that hangs anyway.
  status=0
  (cd "$work" && timeout -k 5 $((seconds + 60)) "$binary" -max_total_time="$seconds" -max_len=65536 \
    -timeout=5 -rss_limit_mb=1024 -artifact_prefix="$artifacts/fuzz_$target-" -print_final_stats=1 \
    "$work/$target" >"$log" 2>&1) || status=$?
  if [ "$status" -eq 0 ]; then
    echo "fuzz_$target: $(grep -o 'number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*') runs in ${seconds} s"
    passed=$((passed + 1))
  else
    case $status in
      124 | 137) echo "fuzz_$target FAILED: still running $((seconds + 60)) s after it began; killed" ;;
      *) echo "fuzz_$target FAILED (exit $status):" ;;
    esac
    tail -n 40 "$log"
    grep -o 'Test unit written to .*' "$log" || true
    failed=$((failed + 1))
  fi
done
echo "fuzz: $passed passed, $failed failed"
if [ "$failed" -ne 0 ]; then
  echo "rerun an input with: $build/tests/fuzz/fuzz_TARGET FILE"
  exit 1
fi
