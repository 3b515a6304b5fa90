#!/usr/bin/env bash
# The README's second command: installs the packages, builds, and runs every test (unit tests,
# the comparison with Pango, screenshot tests under Xvfb). Prints ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" "$@"
