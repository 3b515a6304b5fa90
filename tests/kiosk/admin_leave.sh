#!/usr/bin/env bash
# "Leave the kiosk" from admin mode (the PIN set first by khlang-admin pin set): the kiosk must
# end with exit status 75, which khlang-kiosk.service does not restart. Prints the status.
# usage: admin_leave.sh KIOSK ADMIN SCRIPT_DIR OUT_DIR
set -uo pipefail
kiosk=$1 admin=$2 scripts=$3 out=$4
SCRIPT_PIN=135790 ADMIN_BIN=$admin bash "$scripts/run_script_test.sh" "$kiosk" "$scripts/admin_leave.script" "$out"
echo "exit-status=$?"
