#!/usr/bin/env bash
# khlang-admin stats export / stats merge --out FILE: the statistics file is built in a private
# folder and copied out through safe_file. A symbolic link (to a file outside), a FIFO or a
# directory at FILE, or at the export's CSV, is refused with a message and left as it was, and
# the file outside is unchanged. An existing statistics file is still added to (only new events),
# and no private folder is left in $TMPDIR. Paths are printed relative to WORK_DIR.
# usage: stats_out_refused.sh KHLANG_ADMIN WORK_DIR
set -euo pipefail
admin=$1 work=$2
rm -rf "$work" && mkdir -p "$work/out" "$work/outside" "$work/tmp"
export TMPDIR=$work/tmp
db=$work/kiosk.db out=$work/out
shown() { sed "s|$work/||g"; }
"$admin" settings show --db "$db" > /dev/null  # makes the kiosk database
event() { sqlite3 "$db" "INSERT INTO usage_event (at, kind, target) VALUES ('2026-11-30T10:0$1:00Z', 'article_view', 'article:a$1')"; }
event 1; event 2

# The normal case: made, then added to; merged, then merged again (nothing new).
"$admin" stats export --db "$db" --out "$out/s.sqlite" | shown
event 3
"$admin" stats export --db "$db" --out "$out/s.sqlite" | shown
"$admin" stats merge "$out/s.sqlite" --out "$out/all.sqlite" | shown
"$admin" stats merge "$out/s.sqlite" --out "$out/all.sqlite" | shown
echo "events in all.sqlite: $(sqlite3 "$out/all.sqlite" 'SELECT count(*) FROM event')"

# What must not be written to: a file outside, reached through a link; a link to where a file
# would be made outside; a FIFO; a directory.
printf 'the office keeps this\n' > "$work/outside/precious.txt"
ln -s ../outside/precious.txt "$out/link.sqlite"
ln -s ../outside/made.sqlite "$out/dangling.sqlite"
mkfifo "$out/fifo.sqlite"
mkdir "$out/dir.sqlite"
ln -s ../outside/precious.txt "$out/csv-link.csv"  # the CSV of csv-link.sqlite
# Runs a command that must fail (a FIFO must not make it wait: 60 s at most) and shows its message.
refused() {
  if timeout 60 "$@" > "$work/stdout" 2> "$work/stderr"; then echo "FAIL: written: $*" | shown; exit 1; fi
  shown < "$work/stderr"
}
for target in link dangling fifo dir; do
  refused "$admin" stats export --db "$db" --out "$out/$target.sqlite"
  refused "$admin" stats merge "$out/s.sqlite" --out "$out/$target.sqlite"
done
refused "$admin" stats export --db "$db" --out "$out/csv-link.sqlite"
[ -L "$out/link.sqlite" ] && [ -L "$out/dangling.sqlite" ] && [ -p "$out/fifo.sqlite" ] && [ -d "$out/dir.sqlite" ] && [ -L "$out/csv-link.csv" ] &&
  [ ! -e "$out/csv-link.sqlite" ] && echo "the links, FIFO and directory are left as they were"
[ "$(cat "$work/outside/precious.txt")" = "the office keeps this" ] && [ "$(ls -A "$work/outside")" = precious.txt ] &&
  echo "the file outside is unchanged"
[ -z "$(ls -A "$out/dir.sqlite")" ] && echo "nothing written into the directory"

# A regular file that is no statistics file is refused by its own name, and kept.
printf 'notes\n' > "$out/notes.sqlite"
refused "$admin" stats merge "$out/s.sqlite" --out "$out/notes.sqlite"
[ "$(cat "$out/notes.sqlite")" = notes ] && echo "notes.sqlite is unchanged"

# No temporary file beside the targets, no private folder left behind.
ls -A "$out" | grep -v -x -e s.sqlite -e s.csv -e all.sqlite -e link.sqlite -e dangling.sqlite -e fifo.sqlite -e dir.sqlite \
  -e csv-link.csv -e notes.sqlite | sed 's/^/left over: /' || true
[ -z "$(ls -A "$TMPDIR")" ] && echo "no private folder left in TMPDIR"
