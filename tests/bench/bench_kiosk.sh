#!/usr/bin/env bash
# Kiosk benchmarks (figures in README):
#  1. frame CPU time while scrolling the longest demo article at 1920x1080;
#  2. the same on a list of the 10,000-article synthetic content (one category's 834 articles),
#     with the peak memory against the bare ImGui program's;
#  3. CPU used by the kiosk idling on home for 60 s.
#   tests/bench/bench_kiosk.sh [BUILD_DIR (default build)] [IDLE_SECONDS (default 60)]
set -euo pipefail
build=$(cd "${1:-build}" && pwd) idle=${2:-60}
here=$(cd "$(dirname "$0")" && pwd)
kiosk=$build/bin/khlang-kiosk admin=$build/bin/khlang-admin
source "$here/bench_display.sh" 98

"$kiosk" --db "$work/demo.db" --screenshot "$work/x.png" >/dev/null  # the first run imports the demo
longest=$(sqlite3 "$work/demo.db" "select id from article order by length(body_md) desc limit 1")
echo "1. scrolling the longest demo article ($longest), 1920x1080:"
"$kiosk" --db "$work/demo.db" --screen "article:$longest" --script "$here/kiosk_scroll.script" --bench | sed 's/^/   /'

echo "2. a category list of the 10,000-article synthetic content:"
"$admin" gen-synthetic --articles 10000 --images 1000 --out "$work/syn" >/dev/null
"$admin" keygen --secret "$work/k.sec" --public "$work/k.pub" >/dev/null
"$admin" pack "$work/syn" --out "$work/syn.khb" --seq 1 --secret "$work/k.sec" >/dev/null
"$admin" trust add "$work/k.pub" --db "$work/syn.db" >/dev/null
"$admin" import "$work/syn.khb" --db "$work/syn.db" >/dev/null
"$kiosk" --db "$work/syn.db" --screen category:cat0 --script "$here/kiosk_scroll.script" --bench | sed 's/^/   /'
bare_rss=$( { /usr/bin/env time -f %M "$build/bin/bench_bare_imgui" --out "$work/bare.png" >/dev/null; } 2>&1 | tail -1 || echo "?")
echo "   bare ImGui + GLFW program, one frame: peak RSS $(awk "BEGIN{print $bare_rss/1024}" 2>/dev/null || echo "?") MB"

echo "3. idle on home for $idle s:"
"$kiosk" --db "$work/demo.db" --windowed 1920x1080 & pid=$!
sleep 3
t0=$(awk '{print $14+$15}' "/proc/$pid/stat")
sleep "$idle"
t1=$(awk '{print $14+$15}' "/proc/$pid/stat")
kill "$pid"; wait "$pid" 2>/dev/null || true
hz=$(getconf CLK_TCK)
awk -v a="$t0" -v b="$t1" -v hz="$hz" -v s="$idle" 'BEGIN{printf "   CPU %.2f s in %d s = %.2f%% of one core\n", (b-a)/hz, s, 100*(b-a)/hz/s}'
