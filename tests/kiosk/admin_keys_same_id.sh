#!/usr/bin/env bash
# Trust is the whole key, in admin mode: a folder standing in for a USB stick holds the office's
# key, a forged one with the office key's id and an attacker's key bytes, and the office's bundle.
# Prints what the test matches: the trusted keys afterwards (the demo's and the office's only).
# usage: admin_keys_same_id.sh KIOSK ADMIN CONTENT_DIR SCRIPT_DIR OUT_DIR
set -euo pipefail
kiosk=$1 admin=$2 content=$3 scripts=$4 out=$5
usb=$out/usb-forged
rm -rf "$usb" "$out/office-f.sec" "$out"/attacker-f.*
mkdir -p "$usb"
"$admin" keygen --secret "$out/office-f.sec" --public "$usb/office.pub" >/dev/null
"$admin" keygen --secret "$out/attacker-f.sec" --public "$out/attacker-f.pub" >/dev/null
sh "$scripts/../forge_same_id_key.sh" "$usb/office.pub" "$out/attacker-f.pub" > "$usb/zz-forged.pub"
"$admin" pack "$content" --out "$usb/new.khb" --seq 5 --secret "$out/office-f.sec" >/dev/null
SCRIPT_PIN=135790 ADMIN_BIN=$admin bash "$scripts/run_script_test.sh" "$kiosk" "$scripts/admin_keys_same_id.script" "$out" --inbox "$usb"
sqlite3 "$out/admin_keys_same_id.db" "SELECT count(*) || ' keys, ' || group_concat(comment, ', ') FROM trusted_key"
