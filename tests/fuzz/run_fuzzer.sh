#!/usr/bin/env bash
# Runs one fuzz target for SECONDS from its committed seeds (tests/fuzz/corpus/<target>) and past
# findings (tests/fuzz/regressions/<target>, if any), and fails on any finding: a crash, a
# sanitizer report, a failed property, an input slower than 25 s or a process above 2 GB (25 s
# because CI shares its cores: the slow inputs worth finding take minutes).
# The random seed is FUZZ_SEED (default 1), so CI mutates the same way on every machine and a red
# run can be replayed; tools/fuzz.sh sets 0 (a new seed each run) to explore.
# New inputs go to WORK/corpus/<name> (kept between runs of the same WORK), findings to WORK/findings.
# usage: run_fuzzer.sh FUZZ_BINARY SOURCE_DIR WORK SECONDS [libFuzzer options...]
set -euo pipefail
binary=$1 src=$2 work=$3 seconds=$4
shift 4
name=$(basename "$binary")
target=${name#fuzz_}
inputs=("$src/tests/fuzz/corpus/$target")
[ -d "$src/tests/fuzz/regressions/$target" ] && inputs+=("$src/tests/fuzz/regressions/$target")
mkdir -p "$work/corpus/$name" "$work/findings"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
set +e
"$binary" -seed="${FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$work/findings/$name-" "$@" "$work/corpus/$name" "${inputs[@]}" 2>"$work/$name.log"
status=$?
set -e
grep -E "^(stat::|#[0-9]+[[:space:]]*DONE)" "$work/$name.log" || true
if [ $status -ne 0 ]; then
  tail -n 60 "$work/$name.log"
  echo "$name: FINDING (exit $status); the input is in $work/findings/ (keep it in tests/fuzz/regressions/$target once fixed)"
  exit 1
fi
echo "$name: clean for ${seconds} s"
