#!/usr/bin/env bash
# The systemd watchdog from the real event loop. The kiosk runs windowed under Xvfb with the
# environment systemd gives a Type=notify service with WatchdogSec=3 (NOTIFY_SOCKET, a socket
# notify_listener holds; WATCHDOG_USEC=3000000), so it must say READY=1 once its first frame is up
# and ping WATCHDOG=1 every 1.5 s from its loop, idle or not. The test hook (KHLANG_TEST_HOOKS=1,
# SIGUSR1) stalls the loop for 5 s, as a hung frame would: the pings must stop for longer than
# WatchdogSec (systemd would kill and restart the kiosk there), then resume; SIGTERM ends the
# kiosk with STOPPING=1 and exit status 0.
# usage: watchdog_stall.sh KIOSK NOTIFY_LISTENER OUT_DIR
set -euo pipefail
kiosk=$1 listener=$2 out=$3/watchdog
rm -rf "$out"
mkdir -p "$out"
sock=$out/notify.sock log=$out/notify.log
"$listener" "$sock" "$log" 180 &
listener_pid=$!
runner=""
cleanup() {
  [ -f "$out/kiosk.pid" ] && kill -TERM "$(cat "$out/kiosk.pid")" 2>/dev/null || true
  kill "$listener_pid" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do [ -S "$sock" ] && break; sleep 0.1; done
cd "$out"
NOTIFY_SOCKET=$sock WATCHDOG_USEC=3000000 KHLANG_TEST_HOOKS=1 xvfb-run -a -s "-screen 0 1280x800x24" \
  sh -c 'echo $$ > kiosk.pid; exec "$0" "$@"' "$kiosk" --db "$out/kiosk.db" --windowed 1280x800 > kiosk.log 2>&1 &
runner=$!
pings() { grep -c 'WATCHDOG=1' "$log" || true; }
for _ in $(seq 600); do
  grep -q 'READY=1' "$log" && [ "$(pings)" -ge 3 ] && break
  kill -0 "$runner" 2>/dev/null || { cat kiosk.log; echo "FAIL: the kiosk ended before it was ready"; exit 1; }
  sleep 0.1
done
grep -q 'READY=1' "$log" || { cat kiosk.log; echo "FAIL: no READY=1"; exit 1; }
[ "$(pings)" -ge 3 ] || { cat "$log"; echo "FAIL: fewer than 3 pings after READY=1"; exit 1; }
kill -USR1 "$(cat kiosk.pid)"
sleep 10
kill -TERM "$(cat kiosk.pid)"
status=0
wait "$runner" || status=$?
wait "$listener_pid" || { cat "$log"; echo "FAIL: no STOPPING=1"; exit 1; }
cat "$log"
grep -q 'stalls for 5 s' kiosk.log || { cat kiosk.log; echo "FAIL: the test hook did not stall the loop"; exit 1; }
[ "$status" -eq 0 ] || { cat kiosk.log; echo "FAIL: exit status $status after SIGTERM, not 0"; exit 1; }
[ "$(tail -1 "$log" | cut -f2)" = "STOPPING=1" ] || { echo "FAIL: STOPPING=1 is not the last message"; exit 1; }
# The gaps between pings: one longer than WatchdogSec (the stall, at least 4.5 s), every other one
# shorter than it, and pings again after the stall.
awk -F'\t' '
  $2 == "WATCHDOG=1" { if (last != "") { gap = $1 - last; if (gap >= 4500) { stalls++; after = 0 } else if (gap >= 3000) bad++; else after++ } last = $1 }
  END {
    printf "stalls: %d, other gaps over WatchdogSec: %d, pings after the stall: %d\n", stalls, bad, after
    exit !(stalls == 1 && bad == 0 && after >= 3)
  }' "$log" || { echo "FAIL: the pings did not stop for the stall alone, or did not resume"; exit 1; }
echo "watchdog: pings stopped while the loop stalled and resumed after"
