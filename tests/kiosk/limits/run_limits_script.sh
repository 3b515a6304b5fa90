#!/usr/bin/env bash
# Runs one script against the real kiosk on a copy of the limits fixture (make_limits_db.sh),
# off-screen under Xvfb, and fails if the kiosk's peak memory went over MAX_MB (the bound
# is 300 MB for any screen of any content). Prints the peak.
# usage: run_limits_script.sh KIOSK OUT_DIR NAME SCRIPT MAX_MB [kiosk options...]
set -euo pipefail
kiosk=$1 out=$2 name=limits-$3 script=$4 max_mb=$5
shift 5
db=$out/$name.db
rm -f "$db"*
cp "$out/limits.db" "$db"
cd "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/time -f "%M" -o "$out/$name.rss" \
  "$kiosk" --db "$db" --size 1920x1080 --script "$script" "$@"
peak_kb=$(tail -1 "$out/$name.rss")
echo "script $name: every expectation held; peak RSS $((peak_kb / 1024)) MB"
if (( peak_kb > max_mb * 1024 )); then
  echo "FAIL: peak RSS $((peak_kb / 1024)) MB is over $max_mb MB"
  exit 1
fi
