#!/bin/sh
# The committee's report from the demo kiosk carries the sample banner (in the head of the table
# that holds the whole report, which browsers repeat on every printed page) and marks each of its
# sample rows, in HTML and CSV; the same content declared the municipality's own has neither.
# Usage: report_sample_marks.sh KHLANG_ADMIN DEMO_BUILD_DIR DEMO_CONTENT_DIR WORK_DIR
set -eu
admin=$1 demo=$2 content=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }
count() { grep -o "$1" "$2" | wc -l | tr -d ' '; }

"$admin" trust add "$demo/demo-key.pub" --db "$work/demo.db" >/dev/null
"$admin" import "$demo/demo.khb" --db "$work/demo.db" >/dev/null
# Three visits to two of the demo's articles, so the most-read table has rows (the demo's articles
# are sample content: each row must say so).
views="INSERT INTO usage_event (at, kind, target, value) VALUES
  ('2026-05-12T03:00:00Z', 'view', 'article:what-is-km', 40), ('2026-05-12T03:05:00Z', 'view', 'article:what-is-km', 20),
  ('2026-05-13T04:00:00Z', 'view', 'article:heart-of-km', 30)"
sqlite3 "$work/demo.db" "$views"
"$admin" report --db "$work/demo.db" --out "$work/demo.html" --csv "$work/demo-csv" --as-of 2026-06-01
html="$work/demo.html"
[ "$(count '<thead><tr><td><div class="sample-banner">ข้อมูลตัวอย่าง · Sample data' "$html")" = 1 ] || fail "no sample banner in the page head"
# The demo's 12 indicators and the 2 most-read articles, each a marked row; no unmarked row of them.
[ "$(count '<tr class="sample">' "$html")" = 14 ] || fail "expected 14 marked rows, got $(count '<tr class="sample">' "$html")"
has() { grep -qF -- "$1" "$2" || fail "$3"; }
has '<tr class="sample"><td class="n">1</td><td>การจัดการความรู้คืออะไร<span class="sample-mark">ตัวอย่าง</span>' "$html" \
  "the most-read article's row is not marked as sample"
has '<tr class="sample"><td class="n">2</td><td>หัวใจของการจัดการความรู้<span class="sample-mark">ตัวอย่าง</span>' "$html" \
  "the second most-read article's row is not marked as sample"
[ "$(tail -n +2 "$work/demo-csv/top_articles.csv" | grep -c '^ตัวอย่าง,[12],article:')" = 2 ] || fail "top_articles.csv rows not marked"
# The committee's last two sections (seed §15): the recommendations, with lines to write on, and
# the sign-off, each signatory with the position the content gives their committee seat.
[ "$(grep -o '<h2>[0-9]*\. [^<]*' "$html" | tail -2 | sed 's/<h2>[0-9]*\. //' | tr '\n' '|')" = \
  'ข้อเสนอแนะของคณะกรรมการติดตามและประเมินผล|การรับรองรายงาน|' ] || fail "no recommendations then sign-off at the end"
has '<div class="lines"><div></div>' "$html" "the recommendations have no lines to write on"
dots='ลงชื่อ ........................................<br>( ........................................ )<br>ตำแหน่ง'
has "<b>ผู้จัดทำรายงาน · Prepared by</b><br>$dots นักทรัพยากรบุคคล/ชก.<br>กรรมการและเลขานุการ<br>" "$html" \
  "no 'Prepared by' block for the committee's secretary with their position"
has "<b>ผู้ตรวจสอบรายงาน · Reviewed by</b><br>$dots ปลัดเทศบาล<br>ประธานกรรมการติดตามและประเมินผล<br>" "$html" \
  "no 'Reviewed by' block for the committee's chair (ปลัดเทศบาล)"
has "<b>ผู้รับรายงาน · Received by</b><br>$dots นายกเทศมนตรีฯ<br>" "$html" "no 'Received by' block for the mayor (CKO)"
[ "$(count 'สิ้นสุดปีงบประมาณ 2566' "$html")" = 2 ] || fail "the two plans are not shown as ended"
csv="$work/demo-csv/plan_progress.csv"
head -1 "$csv" | grep -q '^sample,plan,' || fail "plan_progress.csv has no sample column"
[ "$(tail -n +2 "$csv" | grep -c '^ตัวอย่าง,')" = 36 ] || fail "expected 36 marked CSV rows (12 indicators x 3 years)"
[ "$(tail -n +2 "$csv" | grep -vc '^ตัวอย่าง,' || true)" = 0 ] || fail "an unmarked sample CSV row"
# cm-1 in FY 2564: 45 % against at least 50 %.
grep -q '^ตัวอย่าง,.*,1,การเตรียมการและปรับเปลี่ยนพฤติกรรม,.*,%,at_least,50.00,2564,45.00,content,behind,' "$csv" || fail "cm-1 2564 is not below target"

# The same content as the municipality's own: no banner, no mark, no sample column.
cp -r "$content" "$work/real"
sed -i 's/^is_sample: 1$/is_sample: 0/' "$work/real/organization.md"
"$admin" keygen --secret "$work/office.sec" --public "$work/office.pub" >/dev/null
"$admin" pack "$work/real" --out "$work/real.khb" --seq 1 --secret "$work/office.sec" >/dev/null
"$admin" trust add "$work/office.pub" --db "$work/real.db" >/dev/null
"$admin" import "$work/real.khb" --db "$work/real.db" >/dev/null
sqlite3 "$work/real.db" "$views"
"$admin" report --db "$work/real.db" --out "$work/real.html" --csv "$work/real-csv" --as-of 2026-06-01
grep -qF '<tr><td class="n">1</td><td>การจัดการความรู้คืออะไร</td>' "$work/real.html" || fail "no unmarked most-read row without sample data"
[ "$(count 'Sample data' "$work/real.html")" = 0 ] || fail "a banner on a report without sample data"
[ "$(count '<span class="sample-mark">' "$work/real.html")" = 0 ] || fail "a sample mark on a report without sample data"
[ "$(count '<tr class="sample">' "$work/real.html")" = 0 ] || fail "a marked row on a report without sample data"
for f in "$work"/real-csv/*.csv; do
  head -1 "$f" | grep -q '^sample,' && fail "$f has a sample column"
done
echo "sample marks: ok"
