#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz longer than CI does (CI: 10 s each), one after another
# at low priority, and prints each target's executions and coverage. Findings (the inputs that
# crashed or broke a property) land in build/sanitize/fuzz/findings/; the corpus each run grows
# stays in build/sanitize/fuzz/corpus/ for the next run.
#   tools/fuzz.sh [--minutes N] [--jobs J] [TARGET...]   default: 10 minutes, 1 at a time, every target
#   tools/fuzz.sh --make-seeds                            rewrites tests/fuzz/corpus (commit the result)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD tree=$PWD/build/sanitize
minutes=10 jobs=1 make_seeds=0 targets=()
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --make-seeds) make_seeds=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=$(sed -n 's/^set(KHLANG_FUZZ_TARGETS \(.*\))$/\1/p' tests/fuzz/targets.cmake)
[ ${#targets[@]} -gt 0 ] || read -r -a targets <<<"$all"

nice -n 10 tests/sanitize/build_sanitized.sh "$src" "$tree"
if [ $make_seeds = 1 ]; then
  nice -n 10 cmake --build "$tree" --target make_seeds -j2
  "$tree/bin/make_seeds" "$src"
  exit 0
fi

run() {
  local name=$1
  FUZZ_SEED=0 nice -n 10 tests/fuzz/run_fuzzer.sh "$tree/bin/fuzz_$name" "$src" "$tree/fuzz" \
    $((minutes * 60)) >"$tree/fuzz/$name.summary" 2>&1 || true
}
mkdir -p "$tree/fuzz"
running=0
for name in "${targets[@]}"; do
  echo "fuzz.sh: $name for $minutes min"
  run "$name" &
  running=$((running + 1))
  if [ $running -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

printf '\n%-14s %12s %10s %8s %8s %8s  %s\n' target executions exec/s cov ft corpus result
failed=0
for name in "${targets[@]}"; do
  log=$tree/fuzz/fuzz_$name.log summary=$tree/fuzz/$name.summary
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  done_line=$(grep -E '^#[0-9]+[[:space:]]*DONE' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$done_line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$done_line")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$done_line")
  result=clean
  if ! grep -q ': clean for' "$summary"; then result="FINDING (see $summary)"; failed=1; fi
  printf '%-14s %12s %10s %8s %8s %8s  %s\n' "$name" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
exit $failed
