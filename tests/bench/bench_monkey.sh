#!/usr/bin/env bash
# The monkey test longer than CI runs it (CI: seed 1, 200 + 1,800 inputs at 1280x800): the kiosk
# built with ASan and UBSan (tests/sanitize/build_sanitized.sh), several seeds and screen sizes,
# each printing its resident memory after the warm-up and at the end, its time and the screens it
# reached (figures in README).
#   tests/bench/bench_monkey.sh [ACTIONS (default 10000)] [SEED...] (default seeds 1 2 3)
set -euo pipefail
cd "$(dirname "$0")/../.."
actions=${1:-10000}
shift || true
seeds=("${@:-1 2 3}")
read -r -a seeds <<<"${seeds[*]}"
tree=$PWD/build/sanitize
nice -n 10 tests/sanitize/build_sanitized.sh "$PWD" "$tree"
failed=0
for seed in "${seeds[@]}"; do
  for size in 1920x1080 1080x1920 1280x800; do
    echo "== seed $seed, $size, 500 + $actions inputs"
    tests/kiosk/monkey/run_monkey.sh "$tree/bin/khlang-kiosk" "$tree/monkey-bench" "$seed" 500 "$actions" "$size" 60 8 |
      grep -E "^(rss|monkey|FAIL)" || failed=1
  done
done
exit $failed
