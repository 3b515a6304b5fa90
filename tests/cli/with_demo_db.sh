#!/usr/bin/env bash
# Makes a fresh kiosk database holding the demo bundle (trusting its key, then importing it), then
# runs COMMAND on it. usage: with_demo_db.sh ADMIN DEMO_DIR DB COMMAND [ARGS...]
set -euo pipefail
admin=$1 demo=$2 db=$3
shift 3
rm -f "$db"*
"$admin" trust add "$demo/demo-key.pub" --db "$db" >/dev/null
"$admin" import "$demo/demo.khb" --db "$db" >/dev/null
exec "$@"
