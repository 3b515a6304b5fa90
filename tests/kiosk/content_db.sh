#!/usr/bin/env bash
# Makes a kiosk database holding a content folder instead of the demo (the kiosk imports the demo
# only into a database without content): a key made for the purpose signs the folder's bundle,
# the database trusts it, the bundle is imported through the ordinary pipeline.
# usage: content_db.sh KHLANG_ADMIN CONTENT_DIR DB
set -euo pipefail
admin=$1 content=$2 db=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$db"*
"$admin" keygen --secret "$work/test.sec" --public "$work/test.pub" >/dev/null
"$admin" trust add "$work/test.pub" --db "$db" --comment "test content" >/dev/null
"$admin" pack "$content" --out "$work/content.khb" --seq 1 --secret "$work/test.sec" >/dev/null
"$admin" import "$work/content.khb" --db "$db" >/dev/null
