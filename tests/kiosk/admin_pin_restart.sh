#!/usr/bin/env bash
# Admin mode's PIN. A fresh kiosk has none, and the hold on the title does nothing
# (admin_no_pin.script); khlang-admin pin set (the office side) sets it, and the hold opens the
# pad (admin_pin.script, which also locks the kiosk out); the lockout must survive a restart: a
# second kiosk on the same database finds it still locked (admin_after_restart.script).
# usage: admin_pin_restart.sh KIOSK ADMIN SCRIPT_DIR OUT_DIR
set -euo pipefail
kiosk=$1 admin=$2 scripts=$3 out=$4
mkdir -p "$out"
cd "$out"
rm -f "$out/admin_pin.db"*
run() { xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$out/admin_pin.db" --size 1920x1080 --script "$1"; }
run "$scripts/admin_no_pin.script"
printf '246810\n' | "$admin" pin set --db "$out/admin_pin.db"
run "$scripts/admin_pin.script"
run "$scripts/admin_after_restart.script"
echo lockout-survived-restart
