#!/usr/bin/env bash
# The README's first command: installs the packages, builds, and starts the kiosk on the
# built-in demo content. Extra arguments go to khlang-kiosk (e.g. --windowed 1280x800).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
Built, but there is no display here (DISPLAY is not set), so the kiosk cannot open its window.
To see it anyway, take a screenshot with a virtual display:
  xvfb-run -a -s "-screen 0 1920x1080x24" build/bin/khlang-kiosk --screenshot kiosk.png
and open kiosk.png.
MSG
  exit 1
fi
exec build/bin/khlang-kiosk "$@"
