#!/usr/bin/env bash
# Installs what Khlang needs to build, run and test on Debian 12, from Debian's packages only.
# The list is DEVELOPERS.md's; keep both in step.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
  build-essential cmake pkg-config
  libimgui-dev libglfw3-dev libgl-dev libegl-dev
  libsqlite3-dev libstb-dev doctest-dev
  libfreetype-dev libharfbuzz-dev libthai-dev libthai-data
  libsodium-dev libmd4c-dev libqrencode-dev libpng-dev libjpeg-dev libxxhash-dev
  fonts-noto-core fonts-tlwg-laksaman-ttf
  xvfb xauth libgl1-mesa-dri pango1.0-tools minisign sqlite3 syncthing
  libsystemd-dev debhelper help2man lintian
  cage xwayland grim libpam-systemd dbus procps
  clang-14 libclang-rt-14-dev llvm-14
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
