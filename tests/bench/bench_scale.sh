#!/usr/bin/env bash
# Scale benchmark (issue 15's figures in README): a synthetic content folder of 100,000 articles
# and 2,000 images, packed on one core and on two (time, CPU, peak RSS), imported into an empty
# kiosk while a reader queries it, then every typed prefix of the search benchmark's words.
#   tests/bench/bench_scale.sh [BUILD_DIR (build)] [ARTICLES (100000)] [IMAGES (2000)] [CONTENT_DIR]
# CONTENT_DIR reuses a folder made before (gen-synthetic takes minutes at this size).
set -euo pipefail
build=${1:-build} articles=${2:-100000} images=${3:-2000} content=${4:-}
admin=$build/bin/khlang-admin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
if [ -z "$content" ]; then
  content=$work/content
  s=$EPOCHREALTIME; "$admin" gen-synthetic --articles "$articles" --images "$images" --out "$content" >/dev/null
  echo "gen-synthetic $articles + $images: $(awk "BEGIN{print $EPOCHREALTIME - $s}") s, $(du -sh "$content" | cut -f1)"
fi
"$admin" keygen --secret "$work/k.sec" --public "$work/k.pub" >/dev/null
# On a shared machine the wall times count the waits for a core; the CPU time of the main
# thread (reading, SQLite, FTS5: the serial part) against the whole says what two free cores
# can give: at best max(main, total / 2).
tick=$(getconf CLK_TCK)
pack() {  # pack CPUS SEQ
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" taskset -c "$1" "$admin" pack "$content" --out "$work/b$2.khb" \
    --seq "$2" --secret "$work/k.sec" >/dev/null &
  local timer=$! pid="" main=0
  while kill -0 "$timer" 2>/dev/null; do
    [ -n "$pid" ] || pid=$(pgrep -P "$timer" || true)
    if [ -n "$pid" ] && [ -r "/proc/$pid/task/$pid/stat" ]; then
      main=$(awk '{print $14 + $15}' "/proc/$pid/task/$pid/stat" 2>/dev/null || echo "$main")
    fi
    sleep 0.2
  done
  wait "$timer"
  read -r wall user sys rss < "$work/time"
  echo "pack on cpus $1: $wall s ($user s user + $sys s system; the main thread $(awk "BEGIN{print $main / $tick}") s)," \
       "peak RSS $((rss / 1024)) MB, $(du -h "$work/b$2.khb" | cut -f1) (load $(cut -d' ' -f1 /proc/loadavg))"
}
pack 0 1
pack 0,1 2
echo "import into an empty kiosk (the second bundle over the first):"
"$build/bin/bench_import" "$work/kiosk.db" "$work/k.pub" "$work/b1.khb" "$work/b2.khb"
echo "search on that content:"
"$build/bin/bench_search" "$work/kiosk.db"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
