#!/usr/bin/env bash
# The README's first command: installs the packages, builds, and starts the kiosk on the
# built-in demo content. Extra arguments go to khlang-kiosk (e.g. --windowed 1280x800).
# Run it with sudo from your own account: the packages and the build need root, the kiosk never
# runs as root (everything it reads may come from a stranger's USB stick), so it starts as the
# user who ran sudo. Root itself (no sudo, or sudo from root) is refused before anything is built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" -eq 0 ] && { [ -z "${SUDO_USER:-}" ] || [ "${SUDO_USER}" = root ]; }; then
  bash tools/start-kiosk.sh --refuse-root
fi
bash tools/install-deps.sh
bash tools/build.sh
exec bash tools/start-kiosk.sh build/bin/khlang-kiosk "$@"
