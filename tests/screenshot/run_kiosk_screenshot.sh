#!/usr/bin/env bash
# One screenshot test: the kiosk renders off-screen under Xvfb (Mesa's software OpenGL), then
# check_screenshot holds the picture against the text blocks the kiosk reports.
# usage: run_kiosk_screenshot.sh KIOSK CHECKER OUT_DIR WxH
set -euo pipefail
kiosk=$1 checker=$2 out=$3 size=$4
mkdir -p "$out"
png="$out/kiosk-$size.png"
tsv="$out/kiosk-$size.tsv"
rm -f "$png" "$tsv"
rm -f "$out/kiosk-$size.db"*
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$out/kiosk-$size.db" --screenshot "$png" --size "$size" --dump-text "$tsv"
"$checker" "$png" "$tsv"
