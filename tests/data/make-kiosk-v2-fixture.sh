#!/bin/sh
# Makes tests/data/kiosk-v2.db: a kiosk database of schema version 2 (before sample flags,
# indicators and the status vocabulary), with content from the built-in demo key imported twice
# (so prev_ holds content too), for the migration test (tests/core/store/test_migration.cpp).
#
# It needs khlang-admin as it was at version 2, e.g. built from commit 1150513:
#   git worktree add --detach /tmp/v2 1150513 && cmake -S /tmp/v2 -B /tmp/v2/build -DKHLANG_BUILD_KIOSK=OFF \
#     -DKHLANG_BUILD_TESTS=OFF && cmake --build /tmp/v2/build --target khlang-admin
#   sh tests/data/make-kiosk-v2-fixture.sh /tmp/v2/build/bin/khlang-admin
set -eu
admin=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$admin" keygen --secret "$work/demo.sec" --public "$work/demo.pub" >/dev/null
"$admin" trust add "$work/demo.pub" --db "$work/kiosk.db" --comment "built-in demo content" >/dev/null
"$admin" pack "$here/kiosk-v2" --out "$work/1.khb" --seq 1 --secret "$work/demo.sec" >/dev/null
"$admin" import "$work/1.khb" --db "$work/kiosk.db" >/dev/null
"$admin" pack "$here/kiosk-v2" --out "$work/2.khb" --seq 2 --secret "$work/demo.sec" >/dev/null
"$admin" import "$work/2.khb" --db "$work/kiosk.db" >/dev/null
# One file, no WAL beside it, as small as it gets.
python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA wal_checkpoint(TRUNCATE)'); \
c.execute('PRAGMA journal_mode=DELETE'); c.execute('PRAGMA page_size=1024'); c.execute('VACUUM'); c.close()" "$work/kiosk.db"
cp "$work/kiosk.db" "$here/kiosk-v2.db"
echo "wrote $here/kiosk-v2.db"
