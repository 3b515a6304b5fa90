#!/usr/bin/env bash
# Builds Khlang's Debian packages the Debian way (dpkg-buildpackage with debhelper, debian/):
#   build/deb/khlang_<version>_<arch>.deb        the kiosk appliance (service, cage, demo content)
#   build/deb/khlang-admin_<version>_<arch>.deb  the office CLI (also what sets a kiosk's PIN)
# The sources are copied to build/deb/khlang-<version>/ first, so the build leaves the tree clean.
#
# usage: bash tools/build-deb.sh [--reuse-build DIR] [--out DIR]
#   --reuse-build DIR  package an existing CMake build of these sources (e.g. build/, which
#                      tools/build.sh made) instead of compiling again with Debian's build flags
#   --out DIR          where the packages go (default build/deb)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd -P)
out=$src/build/deb
reuse=""
while [ $# -gt 0 ]; do
  case "$1" in
    --reuse-build) reuse=$(cd "${2:?--reuse-build needs a directory}" && pwd -P); shift 2 ;;
    --out) mkdir -p "${2:?--out needs a directory}"; out=$(cd "$2" && pwd); shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-deb: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
cmake_version=$(sed -n 's/^project(khlang VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
if [ "$version" != "$cmake_version" ]; then
  echo "build-deb: debian/changelog says $version but CMakeLists.txt says $cmake_version:" \
       "add a changelog entry (dch -v $cmake_version) or fix the project version" >&2
  exit 1
fi
if [ -n "$reuse" ]; then
  home=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$reuse/CMakeCache.txt" 2>/dev/null || true)
  if [ "$home" != "$src" ]; then
    echo "build-deb: $reuse is not a CMake build of $src (configure it with tools/build.sh first)" >&2
    exit 1
  fi
fi

stage=$out/khlang-$version
rm -rf "$stage"
mkdir -p "$stage"
if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  # What git tracks or would track (not build trees, not ignored files), as it is on disk now.
  (cd "$src" && git ls-files -z --cached --others --exclude-standard \
     | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) | tar -C "$stage" -xf -
else
  tar -C "$src" --exclude=./build --exclude='./build-*' --exclude=./.git -cf - . | tar -C "$stage" -xf -
fi
rm -f "$out"/khlang*_"$version"_*

export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=$(nproc) nocheck}"
(cd "$stage" && KHLANG_BUILD_DIR="$reuse" dpkg-buildpackage -b -us -uc)
ls -1 "$out"/khlang_"$version"_*.deb "$out"/khlang-admin_"$version"_*.deb
