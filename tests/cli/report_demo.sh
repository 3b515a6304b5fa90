#!/usr/bin/env bash
# The committee's report of the demo kiosk (no visits yet), in HTML and CSV. Prints what the test
# checks: the report's own summary, how often the HTML names the kiosk-measured indicator, and the
# number of lines of the plan progress CSV. usage: report_demo.sh ADMIN DEMO_DIR OUT_DIR
set -euo pipefail
admin=$1 demo=$2 out=$3
rm -rf "$out/report"*
bash "$(dirname "$0")/with_demo_db.sh" "$admin" "$demo" "$out/report.db" \
  "$admin" report --db "$out/report.db" --out "$out/report.html" --csv "$out/report-csv"
grep -c 'จำนวนการเข้าถึงฐานข้อมูลความรู้' "$out/report.html"
wc -l < "$out/report-csv/plan_progress.csv"
