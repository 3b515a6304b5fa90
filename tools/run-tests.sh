#!/usr/bin/env bash
# The README's second command: installs the packages, builds, and runs every test (unit tests,
# the comparison with Pango, screenshot tests under Xvfb). Prints ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
cd build
# The package tests (tests/package: build the .debs, lintian, dpkg -i, the installed kiosk under
# cage, purge) change the machine: they run here, as root, and not in a plain ctest.
if [ "$(id -u)" -eq 0 ]; then export KHLANG_PACKAGE_TESTS="${KHLANG_PACKAGE_TESTS:-1}"; fi
ctest --output-on-failure -j "$(nproc)" "$@"
