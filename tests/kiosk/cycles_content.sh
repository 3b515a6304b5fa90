#!/usr/bin/env bash
# A content folder holding two plan cycles in one bundle: the demo's (the seed's plans, 2564–2566,
# ended) and a 2567–2570 plan (cycles_content/) sorted after them, so that the order on screen
# (current cycle first) differs from the sort order. usage: cycles_content.sh DEMO_CONTENT OUT [full]
set -euo pipefail
demo=$1 out=$2 mode=${3:-}
extra=$(dirname "$0")/cycles_content
rm -rf "$out"
cp -r "$demo" "$out"
for f in plans activities progress; do
  [ "$(head -1 "$extra/$f.csv")" = "$(head -1 "$out/$f.csv")" ] || { echo "$extra/$f.csv: not the demo's columns" >&2; exit 1; }
  tail -n +2 "$extra/$f.csv" >>"$out/$f.csv"
done
