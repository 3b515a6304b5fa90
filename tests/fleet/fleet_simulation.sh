#!/usr/bin/env bash
# The fleet benchmark's simulation, small (40 kiosks): fleet status finds every kiosk and flags
# exactly the ones made to need attention, sees them all offline two hours on, and report
# --fleet counts every event once, also when a kiosk's statistics arrive twice.
#   fleet_simulation.sh KHLANG_ADMIN FLEET_SIMULATE CONTENT_DIR
set -euo pipefail
admin=$1 simulate=$2 content=$3
work=$(mktemp -d /tmp/khlang-fleet-sim.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
expected=$("$simulate" "$content" "$work" 40 100)
echo "$expected"
value() { sed -n "s/^$1=//p" <<<"$expected"; }
count() { grep -o -- "$1" <<<"$2" | wc -l; }

json=$("$admin" fleet status --json "$work/outboxes")
[ "$(count '"kiosk_id"' "$json")" -eq 40 ] || fail "40 kiosks expected"
[ "$(count '"stale_content": true' "$json")" -eq "$(value stale)" ] || fail "stale content: $(value stale) expected"
[ "$(count '"low_disk": true' "$json")" -eq "$(value low_disk)" ] || fail "low disk: $(value low_disk) expected"
[ "$(count '"clock_skewed": true' "$json")" -eq "$(value skewed)" ] || fail "clock skew: $(value skewed) expected"
[ "$(count '"error": true' "$json")" -eq "$(value refused)" ] || fail "refused imports: $(value refused) expected"
[ "$(count '"offline": true' "$json")" -eq 0 ] || fail "no kiosk is offline yet"
table=$("$admin" fleet status "$work/outboxes")
grep -q "^40 kiosks: 35 current, 5 need attention$" <<<"$table" || { echo "$table"; fail "summary line"; }
later=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
json=$("$admin" fleet status --json --now "$later" "$work/outboxes")
[ "$(count '"offline": true' "$json")" -eq 40 ] || fail "all offline two hours on"

report=$("$admin" report --fleet "$work/outboxes" --out "$work/report.html" --csv "$work/csv")
echo "$report"
grep -q ": $(value article_views) accesses to the knowledge base" <<<"$report" || fail "report: $(value article_views) accesses"
# A row per kiosk, named from its health record, adding up to the totals.
[ "$(wc -l <"$work/csv/kiosks.csv")" -eq 41 ] || fail "kiosks.csv: a header and 40 rows expected"
grep -q '^kiosk-sim00016,ตู้ที่ 17 · สำนักงานสาขา 5,' "$work/csv/kiosks.csv" || fail "kiosks.csv: kiosk 17 by name"
sum=$(awk -F, 'NR > 1 { s += $4 } END { print s }' "$work/csv/kiosks.csv")
[ "$sum" -eq "$(value article_views)" ] || fail "kiosks.csv: the kiosks' accesses add up to $sum"
grep -q "รวม 40 ตู้" "$work/report.html" || fail "the report's per-kiosk table"
mkdir "$work/outboxes/old-copies"
cp "$work/outboxes/kiosk-sim00003/khlang-stats-kiosk-sim00003.sqlite" "$work/outboxes/old-copies/"
report=$("$admin" report --fleet "$work/outboxes" --out "$work/report.html")
grep -q ": $(value article_views) accesses to the knowledge base" <<<"$report" || fail "a copy counted twice"
# A damaged file from one kiosk is left out, said so, and the others still make the report.
mkdir "$work/outboxes/broken"
head -c 8192 /dev/urandom >"$work/outboxes/broken/khlang-stats-kiosk-broken.sqlite"
set +e
report=$("$admin" report --fleet "$work/outboxes" --out "$work/report.html" 2>&1)
status=$?
set -e
echo "$report"
[ "$status" -eq 1 ] || fail "a skipped file makes the exit status 1"
grep -q "skipped .*khlang-stats-kiosk-broken.sqlite: .* is not a Khlang statistics file" <<<"$report" || fail "names the skipped file"
grep -q ": $(value article_views) accesses to the knowledge base" <<<"$report" || fail "the others still counted"
echo PASS
