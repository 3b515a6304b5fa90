#!/usr/bin/env bash
# Runs a khlang-admin command on a kiosk database that starts out missing, so a run never sees the
# last run's. usage: fresh_db.sh DB COMMAND [ARGS...]   (runs COMMAND ARGS... --db DB)
set -euo pipefail
db=$1
shift
rm -f "$db"*
exec "$@" --db "$db"
