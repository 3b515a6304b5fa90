#!/usr/bin/env bash
# Runs one input script against the real kiosk (run_script_test.sh), then prints what SQL finds in
# the database the kiosk wrote, for the test to match.
# usage: run_script_and_query.sh KIOSK SCRIPT OUT_DIR SQL [kiosk options...]
set -euo pipefail
kiosk=$1 script=$2 out=$3 sql=$4
shift 4
bash "$(dirname "$0")/run_script_test.sh" "$kiosk" "$script" "$out" "$@"
sqlite3 "$out/$(basename "$script" .script).db" "$sql"
