#!/bin/sh
# tools/run-kiosk.sh never runs the kiosk as root: root without sudo is refused before anything
# is built, and under sudo the kiosk runs as the user who ran sudo (here 'nobody', standing in for
# the admin's account): the database it makes and the screenshot it takes are that user's.
# usage: run_kiosk_as_root.sh SOURCE_DIR KIOSK_BIN SHARE_DIR
set -eu
src=$1 kiosk=$2 share=$3
if [ "$(id -u)" -ne 0 ]; then
  echo "this test needs root (it checks what happens under sudo); skipped"
  exit 77
fi

for sudo_user in "" root; do
  if out=$(env -u SUDO_USER ${sudo_user:+SUDO_USER=$sudo_user} bash "$src/tools/run-kiosk.sh" --windowed 640x480 2>&1); then
    echo "FAIL: run-kiosk.sh as root (SUDO_USER='$sudo_user') did not refuse"; exit 1
  fi
  echo "$out" | grep -q "The kiosk does not run as root" || { echo "FAIL: no message: $out"; exit 1; }
  # Refused first: nothing was installed or built.
  if echo "$out" | grep -q "install-deps"; then echo "FAIL: it installed before refusing"; exit 1; fi
done
echo "root without sudo: refused"

# Under sudo: a copy of the kiosk where the user can reach it (the build tree may be under /root).
tmp=$(mktemp -d /tmp/khlang-run-as-user.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
mkdir -p "$tmp/bin" "$tmp/share" "$tmp/db" "$tmp/out"
cp "$kiosk" "$tmp/bin/"
cp -r "$share" "$tmp/share/"
chown nobody "$tmp/db" "$tmp/out"
# -ac: the user may use the root's virtual display (a real session's display is the user's own).
SUDO_USER=nobody xvfb-run -a -s "-ac -screen 0 1280x800x24" \
  bash "$src/tools/start-kiosk.sh" "$tmp/bin/khlang-kiosk" --db "$tmp/db/kiosk.db" \
  --screenshot "$tmp/out/home.png" --size 1280x800 2> "$tmp/stderr" || { cat "$tmp/stderr"; exit 1; }
grep "starting the kiosk as nobody" "$tmp/stderr"
echo "database owner: $(stat -c %U "$tmp/db/kiosk.db")"
echo "screenshot owner: $(stat -c %U "$tmp/out/home.png")"
