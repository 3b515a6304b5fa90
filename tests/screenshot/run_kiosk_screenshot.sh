#!/usr/bin/env bash
# Screenshot tests: every route of the kiosk (khlang-kiosk --list-routes: the route table, with
# example ids from the demo content) at one size, language and text size, rendered off-screen
# under Xvfb (Mesa's software OpenGL), one X server for all of them. check_screenshot holds each
# picture against the text blocks the kiosk says it drew (laid out again by the engine, they must
# match the pixels); check_legibility holds those blocks to the rules of a public screen (inside
# their boxes, no overlap, WCAG AA contrast, text and targets large enough). The demo content is
# sample data: every route that shows it must carry the mark "ข้อมูลตัวอย่าง · Sample data" (a
# text item of the dump), and the routes that show none of it (the categories, search as it
# opens, with no query and so no results, admin mode, the closed route) must not. Search results
# that include the demo's rows carry the mark: tests/kiosk/search_sample_mark.script types a query. The closed route (the display blank outside the opening
# hours) must be black with no text, on a kiosk closed all week.
# With --high-contrast, the visitor's high-contrast theme (kiosk/theme.h), every text held to 7:1
# (WCAG AAA) instead of AA.
# usage: run_kiosk_screenshot.sh [--high-contrast] KIOSK CHECKER LEGIBILITY OUT_DIR WxH th|en [TEXT_SIZE [ROUTE...]]
# (the routes given, else every route). With SCREENSHOT_CONTENT (a content folder that is not
# sample data) and ADMIN_BIN in the environment, the databases hold that folder instead of the
# demo (tests/kiosk/content_db.sh), no screen may carry the sample mark, and the pictures are
# named after the folder.
set -euo pipefail
if [[ -z "${KHLANG_XVFB:-}" ]]; then
  KHLANG_XVFB=1 exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$@"
fi
theme=() bound=() tag=""
if [[ "${1:-}" == --high-contrast ]]; then
  theme=(--high-contrast) bound=(--min-contrast 7) tag=-hc
  shift
fi
kiosk=$1 checker=$2 legibility=$3 out=$4 size=$5 lang=$6 text_size=${7:-0}
shift $(( $# < 7 ? $# : 7 ))
only=("$@")
mkdir -p "$out"
content=${SCREENSHOT_CONTENT:-}
folder=${content:+$(basename "$content")-}
db="$out/kiosk-$folder$size-$lang-t$text_size$tag.db"
# A fresh database: the demo, imported by the kiosk's first run, or the folder given.
fresh_db() {
  rm -f "$1"*
  if [ -n "$content" ]; then
    bash "$(dirname "$0")/../kiosk/content_db.sh" "$ADMIN_BIN" "$content" "$1"
  else
    "$kiosk" --db "$1" --list-routes >/dev/null
  fi
}
fresh_db "$db"
mapfile -t screens < <("$kiosk" --db "$db" --list-routes | cut -f1)
declare -A kind_of
while IFS=$'\t' read -r route kind _; do kind_of[$route]=$kind; done < <("$kiosk" --db "$db" --list-routes)
least=20  # the demo's: its routes with ids give examples; a folder without content gives fewer
[ -n "$content" ] && least=15
if (( ${#screens[@]} < least )); then
  echo "FAIL: --list-routes gave ${#screens[@]} routes"
  exit 1
fi
if (( ${#only[@]} > 0 )); then
  for route in "${only[@]}"; do
    if ! printf '%s\n' "${screens[@]}" | grep -qxF "$route"; then
      echo "FAIL: no route $route in --list-routes"
      exit 1
    fi
  done
  screens=("${only[@]}")
fi
# Two more databases with opening hours (the setting opening_hours): closed all week, for the
# closed route (outside the hours it stays; in them the kiosk would leave it for the attract
# loop), and an office's week, for admin mode's opening hours screen to show its rows.
with_hours() {
  fresh_db "$1"
  sqlite3 "$1" "INSERT OR REPLACE INTO settings (key, value) VALUES ('opening_hours', '$2')"
}
with_hours "$out/kiosk-$folder$size-$lang-t$text_size$tag-closed.db" "-,-,-,-,-,-,-"
with_hours "$out/kiosk-$folder$size-$lang-t$text_size$tag-office.db" "08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,08:30-16:30,09:00-12:00,-"
failed=0
for screen in "${screens[@]}"; do
  blank=()
  screen_db=$db
  [ "${kind_of[$screen]}" = closed ] && blank=(--blank) screen_db="$out/kiosk-$folder$size-$lang-t$text_size$tag-closed.db"
  [ "$screen" = admin-hours ] && screen_db="$out/kiosk-$folder$size-$lang-t$text_size$tag-office.db"
  name="$out/$folder${screen//:/_}-$size-$lang-t$text_size$tag"
  rm -f "$name.png" "$name.tsv"
  if ! "$kiosk" --db "$screen_db" --screen "$screen" --lang "$lang" --text-size "$text_size" "${theme[@]}" \
      --screenshot "$name.png" --size "$size" --dump-items "$name.tsv"; then
    echo "FAIL $screen: the kiosk could not render it"
    failed=1
    continue
  fi
  ok=1
  marks=$(awk -F'\t' '$1 == "text" && $NF == "ข้อมูลตัวอย่าง · Sample data"' "$name.tsv" | wc -l)
  case "$screen" in
    knowledge|search|admin*|closed) want=0 ;;  # search: no query yet, no results (see above)
    *) want=1 ;;
  esac
  [ -n "$content" ] && want=0
  if (( want == 1 && marks == 0 )); then
    echo "FAIL $screen: shows the demo's sample data without the sample mark"
    ok=0
  elif (( want == 0 && marks > 0 )); then
    echo "FAIL $screen: a sample mark where no sample data is shown"
    ok=0
  fi
  if ! "$checker" "${blank[@]}" "$name.png" "$name.tsv" > "$name.check"; then
    echo "FAIL $screen (picture):"
    grep -E "^FAIL" "$name.check" || true
    ok=0
  fi
  if ! "$legibility" "${bound[@]}" "$name.tsv" "$size" > "$name.legibility"; then
    echo "FAIL $screen (legibility):"
    grep -E "^FAIL" "$name.legibility" || true
    ok=0
  fi
  if (( ok )); then
    echo "ok   $screen: $(tail -1 "$name.check"); $(tail -1 "$name.legibility")"
  else
    failed=1
  fi
done
exit $failed
