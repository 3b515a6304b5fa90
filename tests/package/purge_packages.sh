#!/usr/bin/env bash
# After the package tests: purges khlang and khlang-admin, so the machine that ran the suite does
# not boot into a kiosk. The system user khlang stays (Debian keeps system users).
set -euo pipefail
if [ "$(id -u)" -ne 0 ] || [ "${KHLANG_PACKAGE_TESTS:-0}" != 1 ]; then echo "SKIP: the package tests did not run"; exit 77; fi
exec 9>/run/lock/khlang-package-tests.lock
flock 9
dpkg --purge khlang khlang-admin
if dpkg-query -W -f='${Status}\n' khlang 2>/dev/null | grep -q installed; then echo "FAIL: khlang still installed"; exit 1; fi
[ ! -e /var/lib/khlang ] || { echo "FAIL: /var/lib/khlang left after purge"; exit 1; }
echo "purged: khlang, khlang-admin"
