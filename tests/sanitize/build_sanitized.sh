#!/usr/bin/env bash
# Configures and builds a second tree with clang, AddressSanitizer, UndefinedBehaviorSanitizer and
# libFuzzer's instrumentation: only what the sanitizer tests need (the core, khlang-admin, the
# unit and bundle tests, the fuzz targets, and the kiosk for the monkey test). An ODR violation
# or a memory error then fails those tests. Prints how long it took.
# usage: build_sanitized.sh SOURCE_DIR TREE
set -euo pipefail
src=$1 tree=$2
cxx=$(command -v clang++-14 || command -v clang++ || true)
cc=$(command -v clang-14 || command -v clang || true)
if [ -z "$cxx" ] || [ -z "$cc" ]; then
  echo "sanitize: clang is not installed (tools/install-deps.sh installs clang-14)"
  exit 1
fi
launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
start=$(date +%s)
cmake -S "$src" -B "$tree" -DCMAKE_C_COMPILER="$cc" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
  -DKHLANG_BUILD_KIOSK=ON -DKHLANG_BUILD_FUZZERS=ON "${launcher[@]}" >"$tree.configure.log" 2>&1 ||
  { cat "$tree.configure.log"; exit 1; }
cmake --build "$tree" -j2 --target khlang_unit_tests khlang_bundle_tests khlang-admin khlang-kiosk fuzzers
echo "sanitize: configured and built in $(($(date +%s) - start)) s"
