#!/usr/bin/env bash
# Starts a built kiosk (run-kiosk.sh's last step): start-kiosk.sh KIOSK [ARGS...]
# The kiosk never runs as root. Started by root under sudo, it runs as the user who ran sudo
# (SUDO_USER), with that user's home and the display; root itself is refused with a message.
set -euo pipefail

refuse_root() {
  cat >&2 <<'MSG'
The kiosk does not run as root: it reads files from USB sticks that anyone can plug in, and as
root a fault in it would own the machine. Run this from your own account with sudo
(sudo bash tools/run-kiosk.sh), which builds as root and starts the kiosk as you, or start
build/bin/khlang-kiosk as an ordinary user. An installed kiosk runs as its own user (systemd).
MSG
  exit 1
}

if [ "${1:-}" = --refuse-root ]; then refuse_root; fi
if [ $# -lt 1 ]; then
  echo "usage: start-kiosk.sh KIOSK [ARGS...]" >&2
  exit 2
fi
kiosk=$1
shift

user=""
if [ "$(id -u)" -eq 0 ]; then
  if [ -z "${SUDO_USER:-}" ] || [ "${SUDO_USER}" = root ]; then refuse_root; fi
  user=$SUDO_USER
  if ! home=$(getent passwd "$user" | cut -d: -f6) || [ -z "$home" ]; then
    echo "start-kiosk: SUDO_USER '$user' is not a user of this machine" >&2
    exit 1
  fi
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
Built, but there is no display here (DISPLAY is not set), so the kiosk cannot open its window.
To see it anyway, take a screenshot with a virtual display:
  xvfb-run -a -s "-screen 0 1920x1080x24" build/bin/khlang-kiosk --screenshot kiosk.png
and open kiosk.png.
MSG
  exit 1
fi

if [ -z "$user" ]; then exec "$kiosk" "$@"; fi

# As the user, with a clean environment: their home (the kiosk's database lives there), their
# display and its key, and their runtime folder if they have one.
uid=$(id -u "$user")
env_vars=(HOME="$home" USER="$user" LOGNAME="$user" PATH=/usr/local/bin:/usr/bin:/bin LANG="${LANG:-C.UTF-8}")
for v in DISPLAY WAYLAND_DISPLAY XAUTHORITY; do
  if [ -n "${!v:-}" ]; then env_vars+=("$v=${!v}"); fi
done
if [ -d "/run/user/$uid" ]; then env_vars+=(XDG_RUNTIME_DIR="/run/user/$uid"); fi
echo "start-kiosk: starting the kiosk as $user, not as root" >&2
exec runuser -u "$user" -- env -i "${env_vars[@]}" "$kiosk" "$@"
