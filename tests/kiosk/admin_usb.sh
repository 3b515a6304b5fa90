#!/usr/bin/env bash
# Import from a folder standing in for a USB stick, with a key the kiosk learns from it, and export
# the statistics to it. Prints what the test matches: the sequence numbers imported, the stick's
# files afterwards, the kinds of event in the exported statistics.
# usage: admin_usb.sh KIOSK ADMIN CONTENT_DIR SCRIPT_DIR OUT_DIR
set -euo pipefail
kiosk=$1 admin=$2 content=$3 scripts=$4 out=$5
usb=$out/usb
rm -rf "$usb" "$out/office.sec"
mkdir -p "$usb"
"$admin" keygen --secret "$out/office.sec" --public "$usb/office.pub" >/dev/null
"$admin" pack "$content" --out "$usb/new.khb" --seq 5 --secret "$out/office.sec" >/dev/null
# The admin PIN from the office side first (a kiosk without one has no admin mode).
SCRIPT_PIN=135790 ADMIN_BIN=$admin bash "$scripts/run_script_test.sh" "$kiosk" "$scripts/admin_usb.script" "$out" --inbox "$usb"
sqlite3 "$out/admin_usb.db" 'SELECT group_concat(last_seq) FROM import_state'
ls "$usb"
sqlite3 "$usb"/khlang-stats-*.sqlite 'SELECT kind FROM event GROUP BY kind'
