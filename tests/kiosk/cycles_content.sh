#!/usr/bin/env bash
# A content folder holding two plan cycles in one bundle: the demo's (the seed's plans, 2564–2566,
# ended) and a 2567–2570 plan (cycles_content/) sorted after them, so that the order on screen
# (current cycle first) differs from the sort order. usage: cycles_content.sh DEMO_CONTENT OUT [full|mixed]
# "mixed": the organization is the municipality's own and only the seed's plans are sample data,
# with no announcements, so the attract loop is the three plan slides and only the 2567–2570 one
# is unmarked.
set -euo pipefail
demo=$1 out=$2 mode=${3:-}
extra=$(dirname "$0")/cycles_content
rm -rf "$out"
cp -r "$demo" "$out"
for f in plans activities progress; do
  [ "$(head -1 "$extra/$f.csv")" = "$(head -1 "$out/$f.csv")" ] || { echo "$extra/$f.csv: not the demo's columns" >&2; exit 1; }
  tail -n +2 "$extra/$f.csv" >>"$out/$f.csv"
done
if [ "$mode" = mixed ]; then
  sed -i 's/^is_sample: 1$/is_sample: 0/' "$out/organization.md"
  rm -r "$out/announcements"
  sed -i '1s/$/,is_sample/; 2,$s/$/,1/; /^km-next-cycle,/s/,1$/,0/' "$out/plans.csv"
fi
