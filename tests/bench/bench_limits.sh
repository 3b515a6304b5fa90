#!/usr/bin/env bash
# The kiosk on content at the limits (issue 17; figures in README): for each screen that could
# feel the limits, the wall time from starting the kiosk to its first settled picture of that
# screen (--screenshot: start, load, lay out, draw, write the PNG, exit) and the peak memory, the
# median of RUNS runs; home on the same content for reference.
#   tests/bench/bench_limits.sh [BUILD_DIR (default build)] [RUNS (default 5)]
set -euo pipefail
build=$(cd "${1:-build}" && pwd) runs=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
kiosk=$build/bin/khlang-kiosk admin=$build/bin/khlang-admin
source "$here/bench_display.sh" 97

bash "$here/../kiosk/limits/make_limits_db.sh" "$admin" "$work"
printf '%-40s %12s %12s\n' screen "median s" "peak MB"
for screen in home people plan:big-plan category:limits announcements article:megabyte-paragraphs \
              article:megabyte-one-paragraph search; do
  for size in 1920x1080 1080x1920; do
    times=() peak=0
    for ((i = 0; i < runs; i++)); do
      cp "$work/limits.db" "$work/run.db"
      /usr/bin/time -f "%e %M" -o "$work/time" "$kiosk" --db "$work/run.db" --screen "$screen" --size "$size" \
        --screenshot "$work/shot.png" >/dev/null
      read -r seconds kb <"$work/time"
      times+=("$seconds")
      (( kb > peak )) && peak=$kb
    done
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-40s %12s %12d\n' "$screen $size" "$median" $((peak / 1024))
  done
done
