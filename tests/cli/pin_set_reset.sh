#!/bin/sh
# khlang-admin pin set / pin reset on a kiosk database: the PIN from standard input, stored as
# Argon2id; a locked-out kiosk cleared by reset, its PIN kept.
# usage: pin_set_reset.sh KHLANG_ADMIN WORK_DIR
set -eu
admin=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
db=$work/kiosk.db
if printf '123\n' | "$admin" pin set --db "$db" 2> "$work/short.err"; then echo "FAIL: a 3-digit PIN was taken"; exit 1; fi
cat "$work/short.err"
printf '246810\n' | "$admin" pin set --db "$db"
sqlite3 "$db" "SELECT substr(value, 1, 10) FROM settings WHERE key = 'admin_pin_hash'"
hash=$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'admin_pin_hash'")
# Seven failures and ten minutes of lock, as five wrong PINs and two more would leave them.
sqlite3 "$db" "INSERT OR REPLACE INTO settings VALUES ('admin_pin_failures', '7'), ('admin_lock_left_ms', '600000'),
  ('admin_lock_mark_boot', 'another boot'), ('admin_lock_mark_ms', '0'), ('admin_lock_mark_wall', CAST(unixepoch() AS TEXT))"
"$admin" pin reset --db "$db"
sqlite3 "$db" "SELECT group_concat(value, '|') FROM settings WHERE key IN ('admin_pin_failures', 'admin_lock_left_ms') ORDER BY key"
[ "$(sqlite3 "$db" "SELECT value FROM settings WHERE key = 'admin_pin_hash'")" = "$hash" ] && echo "the PIN is kept"
