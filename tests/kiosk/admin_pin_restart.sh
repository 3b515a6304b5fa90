#!/usr/bin/env bash
# Admin mode's PIN lockout must survive a restart: admin_pin.script locks the kiosk out, then a
# second kiosk on the same database finds it still locked (admin_after_restart.script).
# usage: admin_pin_restart.sh KIOSK SCRIPT_DIR OUT_DIR
set -euo pipefail
kiosk=$1 scripts=$2 out=$3
bash "$scripts/run_script_test.sh" "$kiosk" "$scripts/admin_pin.script" "$out"
cd "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$out/admin_pin.db" --size 1920x1080 \
  --script "$scripts/admin_after_restart.script"
echo lockout-survived-restart
