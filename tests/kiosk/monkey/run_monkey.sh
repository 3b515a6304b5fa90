#!/usr/bin/env bash
# The monkey test: a seeded script of random inputs (make_monkey_script.sh) driven through the
# real kiosk, built with AddressSanitizer and UndefinedBehaviorSanitizer, off-screen under Xvfb,
# on a fresh database with the demo content. It fails on a sanitizer report, a crash, a script
# error, resident memory grown more than GROWTH_MB between the end of the warm-up and the end, or
# fewer than MIN_SCREENS kinds of screen visited (the statistics' view events say which).
# usage: run_monkey.sh KIOSK OUT_DIR SEED WARMUP ACTIONS WxH GROWTH_MB MIN_SCREENS
set -euo pipefail
kiosk=$1 out=$2 seed=$3 warmup=$4 actions=$5 size=$6 growth=$7 min_screens=$8
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
name="monkey-$seed-$size"
script="$out/$name.script" db="$out/$name.db"
rm -f "$db"*
bash "$here/make_monkey_script.sh" "$seed" "$warmup" "$actions" "$size" "$growth" > "$script"
# A small quarantine, so freed memory ASan holds back does not read as growth; leaks are not
# checked at exit (Mesa's and Xlib's own allocations would drown ours).
export ASAN_OPTIONS=${ASAN_OPTIONS:-quarantine_size_mb=16:detect_leaks=0:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
start=$(date +%s)
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$db" --size "$size" --script "$script"
echo "monkey: $warmup + $actions inputs in $(($(date +%s) - start)) s"
mapfile -t screens < <(sqlite3 "$db" "SELECT DISTINCT substr(target, 1, instr(target || ':', ':') - 1) FROM usage_event WHERE kind = 'view' ORDER BY 1")
echo "monkey: visited ${#screens[@]} kinds of screen: ${screens[*]}"
if (( ${#screens[@]} < min_screens )); then
  echo "FAIL: the monkey reached ${#screens[@]} kinds of screen, fewer than $min_screens"
  exit 1
fi
