#!/usr/bin/env bash
# Runs one fuzz target for SECONDS from its committed seeds and fails on any finding (a crash, a
# sanitizer report, a failed property, an input slower than 25 s or a process above 2 GB; 25 s
# because CI shares its cores: the slow inputs worth finding take minutes).
# New inputs go to WORK/corpus/<name> (kept between runs of the same WORK), findings to WORK/findings.
# usage: run_fuzzer.sh FUZZ_BINARY SEEDS_DIR WORK SECONDS [libFuzzer options...]
set -euo pipefail
binary=$1 seeds=$2 work=$3 seconds=$4
shift 4
name=$(basename "$binary")
mkdir -p "$work/corpus/$name" "$work/findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
set +e
"$binary" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/findings/$name-" "$@" "$work/corpus/$name" "$seeds" 2>"$work/$name.log"
status=$?
set -e
grep -E "^(stat::|#[0-9]+ *DONE)" "$work/$name.log" || true
if [ $status -ne 0 ]; then
  tail -n 60 "$work/$name.log"
  echo "$name: FINDING (exit $status); the input is in $work/findings/"
  exit 1
fi
echo "$name: clean for ${seconds} s"
