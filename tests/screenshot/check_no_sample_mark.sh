#!/usr/bin/env bash
# The sample mark follows the content's flags: the demo content with every row declared the
# municipality's own (is_sample = 0) shows no "ข้อมูลตัวอย่าง · Sample data" on the screens that
# mark the demo (run_kiosk_screenshot.sh checks those carry it).
# usage: check_no_sample_mark.sh KIOSK OUT_DIR
set -euo pipefail
kiosk=$1 out=$2
mkdir -p "$out"
db="$out/no-sample.db"
rm -f "$db"*
"$kiosk" --db "$db" --list-routes > /dev/null  # the first run imports the demo
for table in organization person article announcement plan plan_activity progress community; do
  sqlite3 "$db" "UPDATE $table SET is_sample = 0"
done
failed=0
for screen in home attract plan plan:km-process meeting people about announcements; do
  name="$out/no-sample-${screen//:/_}"
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$db" --screen "$screen" --screenshot "$name.png" \
    --size 1920x1080 --dump-items "$name.tsv"
  marks=$(awk -F'\t' '$NF ~ /Sample data/' "$name.tsv" | wc -l)
  if (( marks > 0 )); then
    echo "FAIL $screen: a sample mark on content that is not sample data"
    failed=1
  fi
  # The same screen did draw its content (the dump is not empty).
  if (( $(wc -l < "$name.tsv") < 3 )); then
    echo "FAIL $screen: drew almost nothing"
    failed=1
  fi
done
# Search results from the same content: a typed query finds articles and people, none marked.
if ! xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$db" --size 1920x1080 \
    --script "$(dirname "$0")/../kiosk/search_no_sample_mark.script" >"$out/no-sample-search.log" 2>&1; then
  echo "FAIL search: $(tail -1 "$out/no-sample-search.log")"
  failed=1
fi
(( failed == 0 )) && echo "no sample mark without sample data: ok"
exit $failed
