#!/usr/bin/env bash
# The fixture of the limits tests: content at the limits the kiosk's screens must bear
# (khlang-admin gen-synthetic --at-limits: 5,000 people, a plan with 2,000 activities and 20,000
# progress entries on one of them, 1,000 articles and 1,000 announcements with 4 KiB titles, 1 MiB
# articles and about page), packed and signed as an office would, imported into a kiosk database
# through the verified import. Writes OUT/limits.db (the tests work on copies of it).
# usage: make_limits_db.sh ADMIN OUT_DIR
set -euo pipefail
admin=$1 out=$2
work=$out/limits-fixture
rm -rf "$work" "$out/limits.db"*
mkdir -p "$work"
"$admin" gen-synthetic --articles 24 --images 6 --at-limits --out "$work/content" >/dev/null
"$admin" keygen --secret "$work/office.sec" --public "$work/office.pub" >/dev/null
"$admin" pack "$work/content" --out "$work/limits.khb" --seq 1 --secret "$work/office.sec" >/dev/null
"$admin" trust add "$work/office.pub" --db "$work/limits.db" >/dev/null
"$admin" import "$work/limits.khb" --db "$work/limits.db" >/dev/null
mv "$work/limits.db" "$out/limits.db"
rm -rf "$work"
echo "limits.db: $(sqlite3 "$out/limits.db" "SELECT (SELECT count(*) FROM person) || ' people, ' ||
  (SELECT count(*) FROM plan_activity) || ' activities, ' || (SELECT count(*) FROM progress) || ' progress entries, ' ||
  (SELECT count(*) FROM article) || ' articles, ' || (SELECT count(*) FROM announcement) || ' announcements'")"
