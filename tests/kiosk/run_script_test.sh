#!/usr/bin/env bash
# Runs one input script against the real kiosk, off-screen under Xvfb, on a fresh database with
# the demo content. usage: run_script_test.sh KIOSK SCRIPT OUT_DIR [kiosk options...]
# With SCRIPT_PIN and ADMIN_BIN in the environment, the admin PIN is set first, from the office
# side (khlang-admin pin set), as an installed kiosk gets it; with SCRIPT_SETTINGS ("KEY=VALUE ...")
# and ADMIN_BIN, those settings are stored first (khlang-admin settings set). With SCRIPT_CONTENT
# (a content folder) and ADMIN_BIN, the database holds that folder instead of the demo (content_db.sh).
set -euo pipefail
kiosk=$1 script=$2 out=$3
shift 3
mkdir -p "$out"
name=$(basename "$script" .script)
rm -f "$out/$name.db"*
if [ -n "${SCRIPT_CONTENT:-}" ]; then bash "$(dirname "$0")/content_db.sh" "$ADMIN_BIN" "$SCRIPT_CONTENT" "$out/$name.db"; fi
if [ -n "${SCRIPT_PIN:-}" ]; then printf '%s\n' "$SCRIPT_PIN" | "$ADMIN_BIN" pin set --db "$out/$name.db" >/dev/null; fi
if [ -n "${SCRIPT_SETTINGS:-}" ]; then
  read -ra settings <<<"$SCRIPT_SETTINGS"
  "$ADMIN_BIN" settings set "${settings[@]}" --db "$out/$name.db" >/dev/null
fi
cd "$out"
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --db "$out/$name.db" --size 1920x1080 --script "$script" "$@"
echo "script $name: every expectation held"
