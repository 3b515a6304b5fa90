#!/usr/bin/env bash
# The running kiosk's side of the fleet (docs/fleet.md), end to end on one machine: khlang-kiosk,
# scripted off-screen under Xvfb, with an inbox folder (--inbox), an outbox folder (--outbox) and
# the setting auto_import = 1, in three runs on the same database:
#  1. nobody uses it: the attract loop comes, the office's bundle 1 is imported unattended, the
#     attract loop shows the new content; the health record in the outbox tells of the import;
#  2. a visitor is using it while bundle 2 waits in the inbox: nothing is imported while they
#     touch the screen; after a minute without a touch it is imported, but the visitor's screen
#     stays; once their session ends the attract loop shows bundle 2;
#  3. a tampered bundle 3 is refused, logged once and not tried again; the content stays;
#     the health record and fleet status say so; admin mode shows the unattended import's state.
#   fleet_unattended.sh KHLANG_KIOSK KHLANG_ADMIN SOURCE_DIR OUT_DIR
set -euo pipefail
KIOSK=$1 ADMIN=$2 SRC=$3 OUT=$4
W=$OUT/fleet_unattended
rm -rf "$W"
mkdir -p "$W"/{inbox,outbox,keys}
DB=$W/kiosk.db
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect WHAT PATTERN TEXT
  grep -qE -- "$2" <<<"$3" || { printf '%s\n' "$3" >&2; fail "$1: expected /$2/"; }
}
kiosk() {  # kiosk SCRIPT: one scripted run of the kiosk on the test's database and folders
  (cd "$W" && xvfb-run -a -s "-screen 0 1920x1080x24" "$KIOSK" --db "$DB" --size 1920x1080 --inbox "$W/inbox" \
    --outbox "$W/outbox" --script "$SRC/tests/kiosk/$1") 2> >(tee -a "$W/kiosk.log" >&2)
}
# The office's content N: the demo with a pinned notice that names it, so the screen shows which.
content() {
  local dir=$W/content-$1
  cp -r "$SRC/content/demo" "$dir"
  cat >"$dir/announcements/from-the-office.md" <<NOTICE
---
title: ประกาศจากสำนักงาน ชุดที่ $1
starts_at: 2020-01-01T00:00:00+07:00
ends_at: 2099-01-01T00:00:00+07:00
priority: 10
pinned: 1
language: th
---

ชุดเนื้อหาที่ $1 จากสำนักงาน ส่งมาทางโฟลเดอร์รับ
NOTICE
  echo "$dir"
}
publish() { "$ADMIN" pack "$(content "$1")" --out "$W/inbox/khlang-main-$1.khb" --seq "$1" --secret "$W/keys/office.sec" >/dev/null; }
health() { cat "$W"/outbox/khlang-health-*.txt; }

# Opening hours that keep the kiosk on whatever the day and time the test runs (the screen
# schedule has its own test); the health record carries the setting as the kiosk has it.
ALL_DAY=00:00-24:00,00:00-24:00,00:00-24:00,00:00-24:00,00:00-24:00,00:00-24:00,00:00-24:00
"$ADMIN" keygen --secret "$W/keys/office.sec" --public "$W/keys/office.pub" >/dev/null
"$ADMIN" trust add "$W/keys/office.pub" --db "$DB" --comment "office" >/dev/null
sqlite3 "$DB" "INSERT INTO settings VALUES ('auto_import', '1'), ('kiosk_name', 'ตู้ห้องสมุด'),
  ('kiosk_location', 'ชั้น 1'), ('opening_hours', '$ALL_DAY')"

# --- 1. The attract loop: bundle 1 is imported unattended.
publish 1
kiosk fleet_attract.script
[ "$(sqlite3 "$DB" "SELECT result || ' ' || seq FROM import_log WHERE bundle LIKE '%khlang-main-1.khb'")" = "imported 1" ] ||
  fail "the import log should have bundle 1 imported"
h=$(health)
echo "$h"
for line in "kiosk_id=kiosk-[0-9a-f]+" "name=ตู้ห้องสมุด" "location=ชั้น 1" "program_version=[0-9]" "channel=main" \
  "content_seq=1" "last_import_result=imported" "last_import_bundle=khlang-main-1.khb" "last_import_seq=1" \
  "uptime_seconds=[1-9][0-9]*" "disk_free_bytes=[1-9][0-9]*" "written_at=20[0-9-]+T" "write_interval_seconds=300" \
  "opening_hours=$ALL_DAY" "auto_import=1" "last_error=$" "end"; do
  expect "health record after bundle 1" "^$line" "$h"
done

# --- 2. A visitor is using the kiosk while bundle 2 waits: it waits until they leave.
publish 2
kiosk fleet_visitor.script
[ "$(sqlite3 "$DB" "SELECT last_seq FROM import_state WHERE key_id = (SELECT key_id FROM content_state)")" = 2 ] ||
  fail "the kiosk should hold bundle 2"
expect "health record after bundle 2" "^last_import_seq=2" "$(health)"

# --- 3. A tampered bundle 3: refused once, not tried again, the content stays.
before=$(sqlite3 "$DB" "SELECT count(*) || ':' || group_concat(title, '|') FROM announcement")
publish 3
printf 'X' | dd of="$W/inbox/khlang-main-3.khb" bs=1 seek=20000 conv=notrunc status=none
printf '135790\n' | "$ADMIN" pin set --db "$DB" >/dev/null  # admin mode, from the office side
kiosk fleet_tampered.script
[ "$(sqlite3 "$DB" "SELECT count(*) FROM import_log WHERE result = 'refused'")" = 1 ] || fail "the refusal is logged once"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM inbox_refused")" = 1 ] || fail "the refusal is remembered"
[ "$(sqlite3 "$DB" "SELECT count(*) || ':' || group_concat(title, '|') FROM announcement")" = "$before" ] ||
  fail "the content changed"
h=$(health)
expect "health record after the refusal" "^last_import_result=refused" "$h"
expect "health record: still bundle 2" "^content_seq=2" "$h"
# The statistics of the visit in run 2 went out too (the outbox at run 3's start).
expect "statistics in the outbox" "session" "$(sqlite3 "$W"/outbox/khlang-stats-*.sqlite "SELECT DISTINCT kind FROM event")"
status=$("$ADMIN" fleet status "$W/outbox" 2>&1 || true)
echo "$status"
expect "fleet status flags the refusal" "was refused" "$status"
grep -q "unattended import: refused khlang-main-3.khb" "$W/kiosk.log" || fail "the journal should say the bundle was refused"
[ "$(grep -c "unattended import: refused" "$W/kiosk.log")" = 1 ] || fail "the refusal is reported once"
echo "PASS"
