#!/usr/bin/env bash
# Fleet benchmark (figures in README): the outboxes of KIOSKS simulated kiosks with EVENTS usage
# events each (tests/bench/fleet_simulate.cpp), then `fleet status` (table and JSON) and
# `report --fleet` over all of them; wall time and CPU time (user + system) of each, the median
# of RUNS runs.
#   tests/bench/bench_fleet.sh [BUILD_DIR (default build)] [KIOSKS (200)] [EVENTS (5000)] [RUNS (3)]
set -euo pipefail
build=${1:-build} kiosks=${2:-200} events=${3:-5000} runs=${4:-3}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
admin=$build/bin/khlang-admin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "simulating $kiosks kiosks with $events events each"
"$build/bin/fleet_simulate" "$source_dir/content/demo" "$work" "$kiosks" "$events" | sed 's/^/  /'
echo "  outboxes: $(du -sh "$work/outboxes" | cut -f1)"

# measure NAME COMMAND...: the median wall and CPU seconds of RUNS runs, and the peak memory.
measure() {
  local name=$1
  shift
  local walls=() cpus=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time" -f "%e %U %S %M" "$@" >/dev/null 2>&1
    read -r wall user sys kb <"$work/time"
    walls+=("$wall")
    cpus+=("$(awk "BEGIN{print $user + $sys}")")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  local mid=$(((runs + 1) / 2))
  printf '%-28s wall %6.2f s   cpu %6.2f s   peak %5d MB\n' "$name" \
    "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "${mid}p")" "$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")" \
    $((rss / 1024))
}
measure "fleet status (table)" "$admin" fleet status "$work/outboxes"
measure "fleet status --json" "$admin" fleet status --json "$work/outboxes"
measure "report --fleet" "$admin" report --fleet "$work/outboxes" --out "$work/report.html"
echo "load average while measuring: $(cut -d' ' -f1-3 /proc/loadavg)"
