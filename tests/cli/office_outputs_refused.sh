#!/usr/bin/env bash
# The office's own outputs are made the careful way too: keygen creates each key file new
# (O_EXCL|O_NOFOLLOW), the secret one readable by its owner alone from the first byte, and
# report --out goes through safe_file. A link left at the name, even one pointing nowhere, is
# refused and not followed; the file it points to stays as it was. Paths relative to WORK_DIR.
# usage: office_outputs_refused.sh KHLANG_ADMIN WORK_DIR
set -euo pipefail
admin=$1 work=$2
rm -rf "$work" && mkdir -p "$work/out" "$work/outside"
shown() { sed "s|$work/||g"; }
refused() {
  if "$@" > "$work/stdout" 2> "$work/stderr"; then echo "FAIL: written: $*" | shown; exit 1; fi
  shown < "$work/stderr"
}
printf 'the office keeps this\n' > "$work/outside/precious.txt"
ln -s ../outside/made.sec "$work/out/dangling.sec"
ln -s ../outside/precious.txt "$work/out/link.html"

# keygen: a new pair, the secret key 600; then a link at the secret key's name.
"$admin" keygen --secret "$work/out/k.sec" --public "$work/out/k.pub" > /dev/null
echo "secret key mode $(stat -c %a "$work/out/k.sec")"
refused "$admin" keygen --secret "$work/out/dangling.sec" --public "$work/out/d.pub"
[ ! -e "$work/outside/made.sec" ] && echo "nothing made through the link"

# report --out: written, then refused at a link.
"$admin" settings show --db "$work/kiosk.db" > /dev/null
"$admin" report --db "$work/kiosk.db" --out "$work/out/r.html" > /dev/null
grep -q "</html>" "$work/out/r.html" && echo "report written"
refused "$admin" report --db "$work/kiosk.db" --out "$work/out/link.html"
[ -L "$work/out/link.html" ] && [ "$(cat "$work/outside/precious.txt")" = "the office keeps this" ] &&
  echo "the link is left and the file outside is unchanged"
