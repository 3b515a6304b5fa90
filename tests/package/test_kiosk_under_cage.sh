#!/usr/bin/env bash
# The installed kiosk started the way khlang-kiosk.service starts it: the installed session
# script (cage, Xwayland, khlang-kiosk --db in the state folder) as the user khlang, with the
# unit's Environment= lines and /etc/default/khlang-kiosk, in a sandbox that stands in for the
# unit's (no network, read-only system, private /tmp, hidden /home and /run/user, /proc showing
# only its own processes, no new privileges, no capabilities). wlroots runs headless
# (WLR_BACKENDS=headless, WLR_RENDERER=pixman); grim takes the output's picture, which must show
# the home screen: the text the kiosk draws at that size (from --screenshot --dump-items of the
# same database) is checked in the grim picture by check_screenshot. The service's notification
# socket is a listener's (NOTIFY_SOCKET, WATCHDOG_USEC from the unit's WatchdogSec=, WATCHDOG_PID
# naming another process, as systemd names the main one): through the session script and cage
# the kiosk must say READY=1 once, ping WATCHDOG=1 and say STOPPING=1 at SIGTERM. Then "leave the
# kiosk" (admin mode, scripted, with the PIN set by khlang-admin pin set as the kiosk's user)
# must end the session script with 75, the status the unit does not restart.
# Not covered here (no systemd as PID 1, no logind seat, no GPU on CI): PAMName=, TTYPath=, the
# seccomp filter, DevicePolicy=; systemd-analyze verify checks the unit's syntax and paths.
# The output is rotated (-r, a portrait screen): cage 0.1.4 scans a full-screen client's buffer
# out directly when the output is not rotated, and on the headless backend screencopy then reads
# black (verified: the same run without -r gives an all-black grim picture).
# usage: test_kiosk_under_cage.sh CHECK_SCREENSHOT NOTIFY_LISTENER LEAVE_SCRIPT OUT_DIR
set -euo pipefail
check_screenshot=$1
notify_listener=$2
leave_script=$3
out=$4
if [ "$(id -u)" -ne 0 ]; then echo "SKIP: needs root (to run as the package's user khlang)"; exit 77; fi
if [ "${KHLANG_PACKAGE_TESTS:-0}" != 1 ]; then
  echo "SKIP: the package tests install and purge khlang on this machine; they run with KHLANG_PACKAGE_TESTS=1"
  echo "      (tools/run-tests.sh and so CI set it): KHLANG_PACKAGE_TESTS=1 ctest -L package"
  exit 77
fi
# One package test at a time on this machine, whichever build tree it comes from (dpkg's lock
# would refuse a second dpkg -i, and each tree installs its own build).
exec 9>/run/lock/khlang-package-tests.lock
flock 9
if ! id khlang >/dev/null 2>&1 || [ ! -x /usr/libexec/khlang/khlang-kiosk-session ]; then
  echo "FAIL: the khlang package is not installed (the package test installs it first)"
  exit 1
fi
unit=/lib/systemd/system/khlang-kiosk.service
mkdir -p "$out"
work=$(mktemp -d /var/tmp/khlang-cage-test.XXXXXX)
chmod 0755 "$work"
state=$work/state run=$work/run cache=$work/cache
mkdir -p "$state" "$run" "$cache"
chown khlang:khlang "$state" "$run" "$cache"
chmod 0700 "$run"
pgid=""
listener=""
cleanup() {
  if [ -n "$pgid" ]; then kill -TERM -- "-$pgid" 2>/dev/null || true; sleep 1; kill -KILL -- "-$pgid" 2>/dev/null || true; fi
  [ -n "$listener" ] && kill "$listener" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The unit's environment: its Environment= lines, then the settings file, then the service's
# directories as systemd would set them, then the headless backend and the portrait rotation.
envs=(PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/var/lib/khlang USER=khlang LOGNAME=khlang)
while IFS= read -r line; do envs+=("${line#Environment=}"); done < <(grep '^Environment=' "$unit" | sed "s|%C|$cache|")
set -a; . /etc/default/khlang-kiosk; set +a
envs+=("KHLANG_KIOSK_OPTIONS=$KHLANG_KIOSK_OPTIONS" "KHLANG_CAGE_OPTIONS=$KHLANG_CAGE_OPTIONS -r")
envs+=(STATE_DIRECTORY="$state" RUNTIME_DIRECTORY="$run" CACHE_DIRECTORY="$cache")
envs+=(WLR_BACKENDS=headless WLR_RENDERER=pixman)
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")

# The notification socket, as systemd gives a Type=notify service with WatchdogSec= (the socket's
# file writable by the kiosk's user, as systemd's is).
watchdog_sec=$(sed -n 's/^WatchdogSec=//p' "$unit")
[ -n "$watchdog_sec" ] || { echo "FAIL: the unit has no WatchdogSec="; exit 1; }
notify_log=$out/notify.log
"$notify_listener" "$work/notify.sock" "$notify_log" 600 &
listener=$!
for _ in $(seq 100); do [ -S "$work/notify.sock" ] && break; sleep 0.1; done
chmod 0666 "$work/notify.sock"
notify_envs=(NOTIFY_SOCKET="$work/notify.sock" WATCHDOG_USEC=$((watchdog_sec * 1000000)) WATCHDOG_PID=$$)

# The sandbox: new network, mount and PID namespaces; the work folder is the only writable place.
sandbox() {
  unshare --net --mount --pid --fork --propagation private -- /bin/sh -c '
    set -e
    work=$1; shift
    mount -t tmpfs -o mode=1777 tmpfs /tmp                        # PrivateTmp=
    for d in /home /root /run/user; do [ -d "$d" ] && mount -t tmpfs -o mode=0755 tmpfs "$d"; done  # ProtectHome=
    mount -t proc -o hidepid=invisible,subset=pid proc /proc      # ProtectProc=invisible, ProcSubset=pid
    mount --bind "$work" "$work"
    mount -o remount,bind,ro /                                     # ProtectSystem=strict
    exec setpriv --reuid khlang --regid khlang --init-groups --no-new-privs --bounding-set -all --inh-caps -all -- "$@"
  ' sandbox "$work" "$@"
}

setsid env work="$work" bash -c "$(declare -f sandbox); sandbox \"\$@\"" sandbox env -i "${envs[@]}" "${notify_envs[@]}" "$exec_start" \
  > "$out/cage-session.log" 2>&1 &
session=$!
pgid=$session
for _ in $(seq 1 240); do
  grep -q 'khlang-kiosk .*: running' "$out/cage-session.log" && break
  kill -0 "$session" 2>/dev/null || { cat "$out/cage-session.log"; echo "FAIL: the session ended before the kiosk ran"; exit 1; }
  sleep 0.5
done
grep -q 'khlang-kiosk .*: running' "$out/cage-session.log" || { cat "$out/cage-session.log"; echo "FAIL: the kiosk did not start"; exit 1; }
[ "$(stat -c %U "$state/kiosk.db")" = khlang ] || { echo "FAIL: the database is not the user khlang's"; exit 1; }
if grep -q 'wayland-0' <(ls "$run"); then :; else echo "FAIL: no Wayland socket in the runtime directory"; exit 1; fi

# grim, as the kiosk's user, on cage's output; the first frames may still be on their way.
shot=$out/cage-home.png
for _ in $(seq 1 20); do
  sleep 1
  setpriv --reuid khlang --regid khlang --init-groups -- env -i XDG_RUNTIME_DIR="$run" WAYLAND_DISPLAY=wayland-0 \
    grim "$run/shot.png" && cp "$run/shot.png" "$shot" && [ "$(stat -c %s "$shot")" -gt 20000 ] && break
done
ls -l "$shot"

# Stop the kiosk as systemd stop would (SIGTERM): the session script ends with the kiosk's status, 0.
kiosk_pid=$(pgrep -g "$pgid" -x khlang-kiosk)
kill -TERM "$kiosk_pid"
status=0
wait "$session" || status=$?
pgid=""
grep -v -E 'Basic output test failed|xcb error' "$out/cage-session.log" | tail -5
[ "$status" -eq 0 ] || { echo "FAIL: the session script ended with $status after SIGTERM to the kiosk, not 0"; exit 1; }
# What systemd heard from the kiosk, two processes down (NotifyAccess=all; the session script
# unsets WATCHDOG_PID, which named another process).
wait "$listener" || { cat "$notify_log"; echo "FAIL: no STOPPING=1 from the kiosk"; exit 1; }
listener=""
cut -f2 "$notify_log" | uniq -c
[ "$(grep -c $'\tREADY=1$' "$notify_log")" -eq 1 ] || { echo "FAIL: READY=1 not exactly once"; exit 1; }
grep -A1000 $'\tREADY=1$' "$notify_log" | grep -q $'\tWATCHDOG=1$' || { echo "FAIL: no WATCHDOG=1 after READY=1"; exit 1; }
[ "$(tail -1 "$notify_log" | cut -f2)" = STOPPING=1 ] || { echo "FAIL: STOPPING=1 is not the last message"; exit 1; }

# The reference: the same kiosk and database, home at the rotated output's size, off-screen.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $3 * 256 + $4, $7 * 256 + $8 }'; }
size=$(png_size "$shot")
[ "$size" = 720x1280 ] || { echo "FAIL: grim's picture is $size, not the rotated headless output 720x1280"; exit 1; }
(cd "$work" && xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/khlang-kiosk --db "$state/kiosk.db" \
   --screenshot "$out/reference-home.png" --dump-items "$out/reference-home.tsv" --size "$size")
# The clock's minute may have turned between the two pictures: its block is left out.
grep -v -E '[[:space:]][0-9]{1,2}:[0-9]{2}$' "$out/reference-home.tsv" > "$out/reference-home-noclock.tsv"
"$check_screenshot" "$shot" "$out/reference-home-noclock.tsv"

# The session script passes the kiosk's exit status on (cage itself exits 0): a kiosk that
# refuses its command line (2) must make the service's process end with 2, not 0.
status=0
sandbox env -i "${envs[@]}" KHLANG_KIOSK_OPTIONS=--no-such-option "$exec_start" > "$out/cage-status.log" 2>&1 || status=$?
[ "$status" -eq 2 ] || { cat "$out/cage-status.log"; echo "FAIL: exit status $status, not the kiosk's 2"; exit 1; }

# "Leave the kiosk" from admin mode ends the service's process with 75, which the unit does not
# restart (RestartPreventExitStatus=): the PIN set from the office side as the kiosk's user, then
# the kiosk scripted inside cage (its script mode: the same app off-screen, driven by admin_leave.script).
printf '135790\n' | setpriv --reuid khlang --regid khlang --init-groups -- /usr/bin/khlang-admin pin set --db "$state/kiosk.db"
install -m 0644 "$leave_script" "$work/leave.script"
status=0
sandbox env -i "${envs[@]}" KHLANG_KIOSK_OPTIONS="--script $work/leave.script" "$exec_start" > "$out/cage-leave.log" 2>&1 || status=$?
[ "$status" -eq 75 ] || { cat "$out/cage-leave.log"; echo "FAIL: exit status $status after leaving the kiosk, not 75"; exit 1; }
echo "kiosk under cage: home screen shown, READY=1 and watchdog pings through cage, status passed on (2, 75)"
