#!/usr/bin/env bash
# Start-up benchmark: wall time from process start to exit of `khlang-kiosk --screenshot` against
# bench_bare_imgui (a bare Dear ImGui + GLFW program doing the same off-screen frame + PNG), so the
# kiosk's own start-up cost (fonts, shaping, atlas) can be told apart from what GLFW/GL/ImGui cost.
# Both run alternately under one private Xvfb server; prints median and p90 of each and kiosk/bare.
#   tests/bench/bench_startup.sh [BUILD_DIR (default build)] [--runs N (default 20)] [--size WxH]
set -euo pipefail

build=build runs=20 size=1920x1080
while (($#)); do
  case $1 in
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --size) size=${2:?--size needs WxH}; shift 2 ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    -*) echo "bench_startup.sh: unknown option $1" >&2; exit 2 ;;
    *) build=$1; shift ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "bench_startup.sh: --runs must be a positive integer" >&2; exit 2; }
kiosk=$build/bin/khlang-kiosk bare=$build/bin/bench_bare_imgui
for b in "$kiosk" "$bare"; do
  [[ -x $b ]] || { echo "bench_startup.sh: $b not found; build first (make -C $build)" >&2; exit 1; }
done
command -v Xvfb >/dev/null || { echo "bench_startup.sh: Xvfb is not installed" >&2; exit 1; }

tmp=$(mktemp -d) xvfb_pid=
cleanup() {
  if [[ -n $xvfb_pid ]]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# -displayfd lets Xvfb pick a free display number (no clash with another Xvfb on :97 or :99).
Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do [[ -s $tmp/display ]] && break; sleep 0.05; done
[[ -s $tmp/display ]] || { echo "bench_startup.sh: Xvfb did not start:" >&2; cat "$tmp/xvfb.log" >&2; exit 1; }
DISPLAY=:$(head -n1 "$tmp/display")
export DISPLAY

# run NAME CMD...: runs CMD once, appends its wall time in ms to $tmp/NAME.ms (EPOCHREALTIME: no fork).
run() {
  local name=$1; shift
  local t0=$EPOCHREALTIME
  if ! "$@" >"$tmp/$name.log" 2>&1; then
    echo "bench_startup.sh: $name failed:" >&2; cat "$tmp/$name.log" >&2; exit 1
  fi
  local t1=$EPOCHREALTIME us
  us=$(( ${t1//[^0-9]/} - ${t0//[^0-9]/} ))  # EPOCHREALTIME has 6 decimals: digits only = microseconds
  printf '%d.%03d\n' $((us / 1000)) $((us % 1000)) >>"$tmp/$name.ms"
}
run_kiosk() { run kiosk "$kiosk" --screenshot "$tmp/kiosk.png" --size "$size"; }
run_bare() { run bare "$bare" --out "$tmp/bare.png" --size "$size"; }

run_kiosk; run_bare; rm -f "$tmp"/*.ms  # warm-up: page cache, Xvfb, Mesa shader cache
for ((i = 0; i < runs; ++i)); do  # alternate, and swap who goes first each round
  if ((i % 2)); then run_bare; run_kiosk; else run_kiosk; run_bare; fi
done

# stats FILE: "median p90" in ms (p90 by nearest rank).
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END {
  m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  r = int(0.9 * NR); if (r < 0.9 * NR) r++
  printf "%.1f %.1f\n", m, v[r] }'; }
read -r km kp < <(stats "$tmp/kiosk.ms")
read -r bm bp < <(stats "$tmp/bare.ms")
echo "start-up to exit, ${size} off-screen screenshot, $runs runs each, DISPLAY=$DISPLAY (Xvfb)"
printf '%-18s %10s %10s\n' program "median ms" "p90 ms"
printf '%-18s %10s %10s\n' khlang-kiosk "$km" "$kp" bench_bare_imgui "$bm" "$bp"
awk -v km="$km" -v kp="$kp" -v bm="$bm" -v bp="$bp" \
  'BEGIN { printf "%-18s %10.2f %10.2f\n", "ratio kiosk/bare", km / bm, kp / bp }'
