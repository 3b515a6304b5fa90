#!/usr/bin/env bash
# Configures and builds Khlang into build/ (optimized, with debug info).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKHLANG_BUILD_KIOSK=ON -DKHLANG_BUILD_TESTS=ON >/dev/null
cmake --build build -j "$(nproc)"
