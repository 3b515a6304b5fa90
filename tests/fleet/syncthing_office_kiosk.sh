#!/usr/bin/env bash
# End to end over two real Syncthing instances on 127.0.0.1, "office" and "kiosk", configured by
# tools/fleet-setup.sh, with the real kiosk on the kiosk's side: khlang-kiosk runs throughout,
# scripted off-screen under Xvfb (syncthing_kiosk.script: a visitor, then the attract loop), with
# the synced inbox and outbox folders and auto_import = 1 set by fleet-setup.sh kiosk --db. The office publishes a bundle, it
# reaches the kiosk's inbox, the running kiosk imports it unattended during its attract loop, its
# outbox (health record and statistics) comes back to the office, where fleet status shows it
# current and report --fleet counts its events once; a second bundle replaces the first; a bundle
# tampered with at the office is refused once and the content stays as it was.
#   syncthing_office_kiosk.sh KHLANG_ADMIN SOURCE_DIR DEMO_CONTENT_DIR KHLANG_KIOSK
set -euo pipefail
ADMIN=$1
export KHLANG_SOURCE_DIR=$2
CONTENT=$3
KIOSK=$4
source "$KHLANG_SOURCE_DIR/tests/fleet/syncthing_harness.sh"

W=$ST_WORK/files
mkdir -p "$W"/{keys,publish,inbox,outbox,office,staging}
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
  --inbox "$W/inbox" --outbox "$W/outbox" --watch-delay 1 --db "$KIOSK_DB" --admin "$ADMIN" >/dev/null
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

# --- The kiosk: trusts the office's key, imports unattended, runs (its own process group, so the
# harness's trap stops it, and Xvfb with it, on failure).
"$ADMIN" keygen --secret "$W/keys/office.sec" --public "$W/keys/office.pub" >/dev/null
"$ADMIN" trust add "$W/keys/office.pub" --db "$KIOSK_DB" --comment "office" >/dev/null
# fleet-setup.sh kiosk --db set the inbox, the outbox and auto_import; the office names the kiosk.
"$ADMIN" settings set "kiosk_name=ตู้ทดสอบ" --db "$KIOSK_DB" >/dev/null
setsid bash -c 'cd "$1" && exec xvfb-run -a -s "-screen 0 1280x800x24" "$2" --db "$3" --size 1280x800 --script "$4"' kiosk "$W" "$KIOSK" "$KIOSK_DB" "$KHLANG_SOURCE_DIR/tests/fleet/syncthing_kiosk.script" \
  >"$ST_WORK/kiosk-app.log" 2>&1 </dev/null &
KIOSK_PID=$!
ST_GROUPS+=("$KIOSK_PID")
kiosk_id() { sqlite3 "$KIOSK_DB" "SELECT value FROM settings WHERE key = 'kiosk_id'"; }
has_kiosk_id() { [ -n "$(kiosk_id)" ]; }
st_wait 60 "the kiosk's id (its first outbox write)" has_kiosk_id
kiosk_id=$(kiosk_id)
at_office=$W/office/kiosk-1/khlang-health-$kiosk_id.txt
# The office's copy of the health record says KEY=VALUE (the record is renamed into place whole).
office_sees() { grep -qx -- "$1" "$at_office"; }

# --- The office publishes; the bundle reaches the kiosk's inbox; the kiosk imports it in its
# attract loop; its outbox comes back.
expect "publish" "seq 1," "$("$ADMIN" publish "$CONTENT" --to "$W/publish" --secret "$W/keys/office.sec")"
t0=$SECONDS
st_wait 60 "bundle 1 in the kiosk's inbox" test -f "$W/inbox/khlang-main-00000001.khb.minisig" -a \
  -f "$W/inbox/khlang-main-00000001.khb"
echo "office -> kiosk: bundle 1 arrived in $((SECONDS - t0)) s"
cmp "$W/publish/khlang-main-00000001.khb" "$W/inbox/khlang-main-00000001.khb" || fail "the bundle changed on the way"
t0=$SECONDS
st_wait 60 "the office seeing bundle 1 imported by the kiosk" office_sees "last_import_bundle=khlang-main-00000001.khb"
echo "kiosk imported bundle 1 and its health record reached the office in $((SECONDS - t0)) s"
office_sees "last_import_result=imported" || fail "the record should say imported"
office_sees "auto_import=1" || fail "the record should say auto_import=1"
[ "$(sqlite3 "$KIOSK_DB" "SELECT last_seq FROM import_state WHERE key_id = (SELECT key_id FROM content_state)")" = 1 ] ||
  fail "the kiosk should hold seq 1"
st_wait 60 "the kiosk's statistics at the office" test -f "$W/office/kiosk-1/khlang-stats-$kiosk_id.sqlite"
status=$("$ADMIN" fleet status "$W/office" --published "$W/publish")
echo "$status"
expect "fleet status" "^$kiosk_id +[0-9]+ s ago +1/1 .* ok +ตู้ทดสอบ" "$status"
expect "fleet status summary" "1 kiosks: 1 current, 0 need attention" "$status"

# --- A second bundle replaces the first.
"$ADMIN" publish "$CONTENT" --to "$W/publish" --secret "$W/keys/office.sec" >/dev/null
st_wait 60 "bundle 1 leaving the kiosk's inbox" test ! -e "$W/inbox/khlang-main-00000001.khb"
st_wait 60 "the office seeing the kiosk at seq 2" office_sees "content_seq=2"
json=$("$ADMIN" fleet status "$W/office" --published "$W/publish" --json)
expect "json: current" '"content_seq": 2, "newest_seq": 2' "$json"
expect "json: nothing wrong" '"stale_content": false, "low_disk": false, "clock_skewed": false, "error": false' "$json"

# --- A bundle tampered with at the office (packed aside, one byte changed, then moved into the
# publish folder whole, so only the tampered bytes ever sync) is refused once; the content stays.
before=$(sqlite3 "$KIOSK_DB" "SELECT count(*), group_concat(id) FROM article")
"$ADMIN" publish "$CONTENT" --to "$W/staging" --secret "$W/keys/office.sec" >/dev/null
printf 'X' | dd of="$W/staging/khlang-main-00000003.khb" bs=1 seek=20000 conv=notrunc status=none
mv "$W/staging/khlang-main-00000003.khb" "$W/publish/"
mv "$W/staging/khlang-main-00000003.khb.minisig" "$W/publish/"
st_wait 60 "tampered bundle 3 in the kiosk's inbox" cmp -s "$W/publish/khlang-main-00000003.khb" \
  "$W/inbox/khlang-main-00000003.khb"
st_wait 60 "the office seeing the refusal" office_sees "last_import_result=refused"
flagged=$("$ADMIN" fleet status "$W/office" --published "$W/publish")
echo "$flagged"
expect "fleet status flags the refusal" "was refused: rejected" "$flagged"

# --- The kiosk's script ends (it checked that the refused bundle was not tried again in 700 s of
# its time: three unattended imports in all).
t0=$SECONDS
while kill -0 "$KIOSK_PID" 2>/dev/null; do
  [ $((SECONDS - t0)) -lt 90 ] || fail "the kiosk's script did not end"
  sleep 0.5
done
wait "$KIOSK_PID" || { cat "$ST_WORK/kiosk-app.log" >&2; fail "the kiosk's script failed"; }
[ "$(sqlite3 "$KIOSK_DB" "SELECT count(*) FROM import_log WHERE result = 'refused'")" = 1 ] || fail "logged once"
[ "$(grep -c "unattended import: refused" "$ST_WORK/kiosk-app.log")" = 1 ] || fail "reported once"
[ "$(sqlite3 "$KIOSK_DB" "SELECT count(*), group_concat(id) FROM article")" = "$before" ] || fail "content changed"
[ "$(sqlite3 "$KIOSK_DB" "SELECT last_seq FROM import_state WHERE key_id = (SELECT key_id FROM content_state)")" = 2 ] ||
  fail "the kiosk should still hold seq 2"

# --- The committee's report: the visitor's events, counted once however often the file came.
same_figures() {
  local fleet kiosk
  fleet=$("$ADMIN" report --fleet "$W/office" --out "$W/fleet.html" | sed 's/^[^:]*: //')
  kiosk=$("$ADMIN" report --db "$KIOSK_DB" --out "$W/kiosk.html" | sed 's/^[^:]*: //')
  [ "$fleet" = "$kiosk" ] && grep -q "[1-9][0-9]* sessions" <<<"$fleet"
}
st_wait 60 "the office's report counting the kiosk's events once" same_figures
"$ADMIN" report --fleet "$W/office" --out "$W/fleet.html"
echo "PASS"
