#!/usr/bin/env bash
# Runs one input script against the real kiosk, off-screen under Xvfb, on a fresh database with
# the demo content. usage: run_script_test.sh KIOSK SCRIPT OUT_DIR [kiosk options...]
set -euo pipefail
kiosk=$1 script=$2 out=$3
shift 3
mkdir -p "$out"
name=$(basename "$script" .script)
rm -f "$out/$name.db"*
cd "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$out/$name.db" --size 1920x1080 --script "$script" "$@"
echo "script $name: every expectation held"
