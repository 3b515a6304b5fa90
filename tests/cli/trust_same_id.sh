#!/bin/sh
# khlang-admin trust add, as an attacker's stick would try it: a .pub with the trusted key's id
# and other key bytes is refused with a message that says so, the list still shows the office's
# key with its fingerprint, and the office's bundle still imports.
# usage: trust_same_id.sh KHLANG_ADMIN DEMO_DIR WORK_DIR
set -eu
admin=$1 demo=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
db=$work/kiosk.db
"$admin" trust add "$demo/demo-key.pub" --db "$db" --comment office > "$work/added.txt"
office_fp=$(sed -n 's/^fingerprint //p' "$work/added.txt")
echo "office fingerprint: $office_fp"

# A key of the attacker's own, relabelled with the office key's id.
"$admin" keygen --secret "$work/attacker.sec" --public "$work/attacker.pub" > /dev/null
sh "$(dirname "$0")/../forge_same_id_key.sh" "$demo/demo-key.pub" "$work/attacker.pub" > "$work/forged.pub"

if "$admin" trust add "$work/forged.pub" --db "$db" > "$work/forged.out" 2>&1; then
  echo "FAIL: the forged key was trusted"; cat "$work/forged.out"; exit 1
fi
cat "$work/forged.out"
grep -q "already has the id" "$work/forged.out"
grep -q "this file: fingerprint" "$work/forged.out"

# A fingerprint given on the command line that does not match: refused too.
if "$admin" trust add "$work/attacker.pub" --db "$db" --fingerprint "$office_fp" > "$work/fp.out" 2>&1; then
  echo "FAIL: a key with another fingerprint was trusted"; exit 1
fi
grep -q "not trusted" "$work/fp.out"

"$admin" trust list --db "$db" | tee "$work/list.txt"
[ "$(wc -l < "$work/list.txt")" -eq 1 ]
grep -q "	$office_fp	" "$work/list.txt"
"$admin" import "$demo/demo.khb" --db "$db"
echo "ok"
