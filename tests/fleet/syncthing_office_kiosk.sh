#!/usr/bin/env bash
# End to end over two real Syncthing instances on 127.0.0.1, "office" and "kiosk", configured by
# tools/fleet-setup.sh: the office publishes a bundle, it reaches the kiosk's inbox, the kiosk's
# unattended import takes it (khlang-admin fleet import, what the kiosk runs on its worker
# thread), its outbox (health record and statistics) reaches the office, where fleet status shows
# it current and report --fleet counts its events once; a bundle tampered with on the way is
# refused once and the content stays as it was.
#   syncthing_office_kiosk.sh KHLANG_ADMIN SOURCE_DIR DEMO_CONTENT_DIR
set -euo pipefail
ADMIN=$1
export KHLANG_SOURCE_DIR=$2
CONTENT=$3
source "$KHLANG_SOURCE_DIR/tests/fleet/syncthing_harness.sh"

W=$ST_WORK/files
mkdir -p "$W"/{keys,publish,inbox,outbox,office}
KIOSK_DB=$W/kiosk.db
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() {  # expect WHAT PATTERN TEXT
  grep -qE -- "$2" <<<"$3" || { printf '%s\n' "$3" >&2; fail "$1: expected /$2/"; }
}

st_start office
st_start kiosk
echo "office $ST_ID_office on port $ST_PORT_office, kiosk $ST_ID_kiosk on port $ST_PORT_kiosk"

# The closed-LAN options really are what the instances run with.
options=$(st office config options dump-json)
for off in globalAnnounceEnabled localAnnounceEnabled relaysEnabled natEnabled crashReportingEnabled startBrowser; do
  expect "office option $off" "\"$off\": false" "$options"
done
expect "usage reporting declined" '"urAccepted": -1' "$options"
expect "no automatic upgrade" '"autoUpgradeIntervalH": 0' "$options"

st_setup office office --publish "$W/publish" --watch-delay 1 >/dev/null
st_setup office add-kiosk --device "$ST_ID_kiosk" --address "tcp://127.0.0.1:$ST_PORT_kiosk" \
  --outbox "$W/office/kiosk-1" --name "kiosk 1" --watch-delay 1 >/dev/null
st_setup kiosk kiosk --office "$ST_ID_office" --address "tcp://127.0.0.1:$ST_PORT_office" \
  --inbox "$W/inbox" --outbox "$W/outbox" --watch-delay 1 >/dev/null
# Running it again changes nothing (the script can be re-run after a mistake).
st_setup kiosk kiosk --office "$ST_ID_office" --address "tcp://127.0.0.1:$ST_PORT_office" \
  --inbox "$W/inbox" --outbox "$W/outbox" --watch-delay 1 >/dev/null
[ "$(st kiosk config folders list | wc -l)" -eq 2 ] || fail "the kiosk should have exactly 2 folders"
inbox_folder=$(st kiosk config folders khlang-bundles-main dump-json)
expect "kiosk inbox is receive-only" '"type": "receiveonly"' "$inbox_folder"
expect "versioning off" '"type": ""' "$(st kiosk config folders khlang-bundles-main versioning dump-json)"
expect "office publish folder is send-only" '"type": "sendonly"' "$(st office config folders khlang-bundles-main dump-json)"

# (Outputs are read whole before grep: with pipefail, grep -q closing a pipe early would fail.)
connected() {
  local c
  c=$(st "$1" show connections | tr -d ' \n')
  grep -q "\"$2\":{[^}]*\"connected\":true" <<<"$c"
}
st_wait 60 "connection between office and kiosk" connected office "$ST_ID_kiosk"

# --- The office publishes; the bundle reaches the kiosk's inbox.
"$ADMIN" keygen --secret "$W/keys/office.sec" --public "$W/keys/office.pub" >/dev/null
"$ADMIN" trust add "$W/keys/office.pub" --db "$KIOSK_DB" --comment "office" >/dev/null
sqlite3 "$KIOSK_DB" "INSERT INTO settings VALUES ('kiosk_name', 'ตู้ทดสอบ'), ('auto_import', '1')"
expect "publish" "seq 1," "$("$ADMIN" publish "$CONTENT" --to "$W/publish" --secret "$W/keys/office.sec")"
t0=$SECONDS
st_wait 60 "bundle 1 in the kiosk's inbox" test -f "$W/inbox/khlang-main-00000001.khb.minisig" -a \
  -f "$W/inbox/khlang-main-00000001.khb"
echo "office -> kiosk: bundle 1 arrived in $((SECONDS - t0)) s"
cmp "$W/publish/khlang-main-00000001.khb" "$W/inbox/khlang-main-00000001.khb" || fail "the bundle changed on the way"

# --- The kiosk imports it unattended, once settled.
imported() {
  local out
  out=$("$ADMIN" fleet import --db "$KIOSK_DB" --settle 1 "$W/inbox")
  grep -q "imported .*seq $1" <<<"$out"
}
st_wait 30 "unattended import of bundle 1" imported 1
[ "$(sqlite3 "$KIOSK_DB" "SELECT last_seq FROM import_state")" = 1 ] || fail "the kiosk should hold seq 1"
expect "nothing more to import" "nothing new" "$("$ADMIN" fleet import --db "$KIOSK_DB" --settle 1 "$W/inbox")"

# --- Visitors use it; the kiosk writes its outbox; it reaches the office.
for i in 1 2 3 4 5; do
  sqlite3 "$KIOSK_DB" "INSERT INTO usage_event (at, kind, target, value) VALUES ('2026-11-2${i}T03:00:00Z', 'view', 'article:km-process-seven-steps', 30)"
done
"$ADMIN" fleet outbox --db "$KIOSK_DB" --outbox "$W/outbox" >/dev/null
kiosk_id=$(sqlite3 "$KIOSK_DB" "SELECT value FROM settings WHERE key = 'kiosk_id'")
t0=$SECONDS
st_wait 60 "the kiosk's health record and statistics at the office" test -f "$W/office/kiosk-1/khlang-health-$kiosk_id.txt" \
  -a -f "$W/office/kiosk-1/khlang-stats-$kiosk_id.sqlite"
echo "kiosk -> office: outbox arrived in $((SECONDS - t0)) s"
status=$("$ADMIN" fleet status "$W/office" --published "$W/publish")
echo "$status"
expect "fleet status" "^$kiosk_id +[0-9]+ s ago +1/1 .* ok +ตู้ทดสอบ" "$status"
expect "fleet status summary" "1 kiosks: 1 current, 0 need attention" "$status"

# --- A second round: the outbox is written again with the same events, and a new bundle.
"$ADMIN" fleet outbox --db "$KIOSK_DB" --outbox "$W/outbox" >/dev/null
"$ADMIN" publish "$CONTENT" --to "$W/publish" --secret "$W/keys/office.sec" >/dev/null
st_wait 60 "bundle 2 in the kiosk's inbox" test -f "$W/inbox/khlang-main-00000002.khb.minisig" -a \
  -f "$W/inbox/khlang-main-00000002.khb"
st_wait 60 "bundle 1 leaving the kiosk's inbox" test ! -e "$W/inbox/khlang-main-00000001.khb"
st_wait 30 "unattended import of bundle 2" imported 2
"$ADMIN" fleet outbox --db "$KIOSK_DB" --outbox "$W/outbox" >/dev/null
current() {
  local out
  out=$("$ADMIN" fleet status "$W/office" --published "$W/publish" --json)
  grep -q '"content_seq": 2, "newest_seq": 2' <<<"$out"
}
st_wait 60 "the office seeing the kiosk at seq 2" current
json=$("$ADMIN" fleet status "$W/office" --published "$W/publish" --json)
expect "json: current" '"stale_content": false, "low_disk": false, "clock_skewed": false, "error": false' "$json"

# --- A bundle tampered with on the way is refused once; the content stays.
before=$(sqlite3 "$KIOSK_DB" "SELECT count(*), group_concat(id) FROM article")
"$ADMIN" publish "$CONTENT" --to "$W/publish" --secret "$W/keys/office.sec" >/dev/null
printf 'X' | dd of="$W/publish/khlang-main-00000003.khb" bs=1 seek=20000 conv=notrunc status=none
st_wait 60 "tampered bundle 3 in the kiosk's inbox" cmp -s "$W/publish/khlang-main-00000003.khb" \
  "$W/inbox/khlang-main-00000003.khb"
refused() {
  local out
  out=$("$ADMIN" fleet import --db "$KIOSK_DB" --settle 1 "$W/inbox" 2>&1 || true)
  grep -q "refused .*not tried again" <<<"$out"
}
st_wait 30 "the refusal of the tampered bundle" refused
for _ in 1 2 3; do
  expect "a refused bundle is not tried again" "nothing new" "$("$ADMIN" fleet import --db "$KIOSK_DB" --settle 1 "$W/inbox")"
done
[ "$(sqlite3 "$KIOSK_DB" "SELECT count(*) FROM import_log WHERE result = 'refused'")" = 1 ] || fail "logged once"
[ "$(sqlite3 "$KIOSK_DB" "SELECT count(*), group_concat(id) FROM article")" = "$before" ] || fail "content changed"
[ "$(sqlite3 "$KIOSK_DB" "SELECT last_seq FROM import_state")" = 2 ] || fail "the kiosk should still hold seq 2"
"$ADMIN" fleet outbox --db "$KIOSK_DB" --outbox "$W/outbox" >/dev/null
flagged() {
  local out
  out=$("$ADMIN" fleet status "$W/office" --published "$W/publish")
  grep -q "was refused: rejected" <<<"$out"
}
st_wait 60 "the office seeing the refusal" flagged
"$ADMIN" fleet status "$W/office" --published "$W/publish"
echo "PASS"
