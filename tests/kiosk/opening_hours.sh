#!/usr/bin/env bash
# The screen schedule: opening_hours set in a demo database (Monday-Friday 08:30-16:30), then
# opening_hours.script on a scripted wall clock; prints every usage event recorded, on one line.
# usage: opening_hours.sh KIOSK SCRIPT_DIR OUT_DIR
set -euo pipefail
kiosk=$1 scripts=$2 out=$3
db=$out/opening_hours.db
mkdir -p "$out"
cd "$out"
rm -f "$db"*
"$kiosk" --db "$db" --list-routes >/dev/null  # the demo content
sqlite3 "$db" "INSERT INTO settings (key, value) VALUES ('opening_hours', '08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,-,-')"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$db" --size 1920x1080 --script "$scripts/opening_hours.script"
echo "events: $(sqlite3 "$db" "SELECT kind || ':' || target || ':' || round(value) FROM usage_event ORDER BY id" | tr '\n' ' ')end"
