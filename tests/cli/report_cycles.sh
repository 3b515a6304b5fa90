#!/bin/sh
# Two plan cycles in one bundle (tests/kiosk/cycles_content.sh: the seed's 2564–2566 plans and a
# 2567–2570 plan sorted last), packed and imported: the committee's report lists the current cycle
# first and the seed's plans after it as ended, in HTML (the plans' headings in the order printed)
# and CSV (the rows' cycles in order). usage: report_cycles.sh KHLANG_ADMIN DEMO_CONTENT WORK_DIR
set -eu
admin=$1 demo=$2 work=$3
here=$(dirname "$0")
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

bash "$here/../kiosk/cycles_content.sh" "$demo" "$work/content"
bash "$here/../kiosk/content_db.sh" "$admin" "$work/content" "$work/cycles.db"
"$admin" report --db "$work/cycles.db" --out "$work/cycles.html" --csv "$work/csv" --as-of 2026-06-01 >/dev/null
# Each plan's heading and its cycle, in the order the page prints them.
grep -o '<h3>[^<]*\|<span class="phase[^>]*>[^<]*' "$work/cycles.html" | sed 's/<[^>]*>//' >"$work/order"
printf '%s\n' 'แผนการจัดการความรู้ รอบถัดไป (ตัวอย่างสำหรับการทดสอบ)' 'ปีงบประมาณ 2567–2570' \
  'แผนการจัดการความรู้ (KM Action Plan): กระบวนการจัดการความรู้ (KM Process)' 'สิ้นสุดปีงบประมาณ 2566' \
  'แผนการจัดการความรู้ (KM Action Plan): กระบวนการบริหารจัดการการเปลี่ยนแปลง (Change Management Process)' \
  'สิ้นสุดปีงบประมาณ 2566' >"$work/expected"
diff "$work/expected" "$work/order" || fail "the plans are not in cycle order (current first, then the ended ones)"
# The CSV: the 2567–2570 plan's four years first, then the ended plans' 12 indicators x 3 years.
cut -d, -f3,4 "$work/csv/plan_progress.csv" | tail -n +2 | uniq -c | sed 's/^ *//' >"$work/csv_order"
printf '%s\n' '4 2567-2570,ปีงบประมาณ 2567–2570' '36 2564-2566,สิ้นสุดปีงบประมาณ 2566' >"$work/csv_expected"
diff "$work/csv_expected" "$work/csv_order" || fail "plan_progress.csv is not in cycle order"
echo "report cycles: ok"
