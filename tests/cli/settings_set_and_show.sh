#!/usr/bin/env bash
# khlang-admin settings: set two values on a fresh kiosk database, then show them all.
# usage: settings_set_and_show.sh KHLANG_ADMIN DB
set -euo pipefail
admin=$1 db=$2
rm -f "$db"*
"$admin" settings set auto_import=1 "kiosk_name=ศูนย์บริการ ชั้น 1" high_contrast=1 --db "$db" >/dev/null
"$admin" settings show --db "$db"
