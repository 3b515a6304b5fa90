#!/usr/bin/env bash
# The systemd watchdog from the real event loop. The kiosk runs windowed under Xvfb with the
# environment systemd gives a Type=notify service with WatchdogSec=2 (NOTIFY_SOCKET, a socket
# notify_listener holds; WATCHDOG_USEC=2000000): it must say READY=1 once, after its first frame,
# then ping WATCHDOG=1 from its loop (every second, idle or not). The test hook
# (KHLANG_TEST_HOOKS=1, SIGUSR1) makes a frame hang for 5 s, longer than WatchdogSec: systemd would
# kill the kiosk there. SIGTERM then ends it with STOPPING=1 and exit status 0.
#
# Judged without timing the machine: the listener writes each message with the time it was sent
# (the kernel's stamp), the kiosk says on stderr when its stall began and ended, on the same
# clock, and the test requires no ping sent inside the stall, pings before it and after it. The
# waits below are deadlines against a hang, not measurements: 5 pings come in about 5 s; an idle
# loop that woke only for its own timers (the clock's minute) could not send them in 120 s.
# usage: watchdog_stall.sh KIOSK NOTIFY_LISTENER OUT_DIR
set -euo pipefail
kiosk=$1 listener=$2 out=$3/watchdog
rm -rf "$out"
mkdir -p "$out"
sock=$out/notify.sock log=$out/notify.log
"$listener" "$sock" "$log" 900 &
listener_pid=$!
kiosk_pid=""
cleanup() {
  [ -n "$kiosk_pid" ] && kill -TERM "$kiosk_pid" 2>/dev/null || true
  kill "$listener_pid" 2>/dev/null || true
}
trap cleanup EXIT
fail() { echo "--- kiosk.log"; cat "$out/kiosk.log"; echo "--- notify.log"; cat "$log"; echo "FAIL: $*"; exit 1; }
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || fail "the listener made no socket"
cd "$out"
# The notification variables go to the kiosk alone: Xvfb, started as a systemd service would be,
# says READY=1 itself when it finds NOTIFY_SOCKET.
xvfb-run -a -s "-screen 0 1280x800x24" sh -c 'echo $$ > kiosk.pid
  exec env NOTIFY_SOCKET="$0" WATCHDOG_USEC=2000000 KHLANG_TEST_HOOKS=1 "$@"' \
  "$sock" "$kiosk" --db "$out/kiosk.db" --windowed 1280x800 > kiosk.log 2>&1 &
runner=$!
# wait_for WHAT DEADLINE_S COMMAND...: until COMMAND succeeds; fails if the kiosk ends or the deadline passes.
wait_for() {
  local what=$1 deadline=$2
  shift 2
  for _ in $(seq $((deadline * 10))); do
    "$@" && return 0
    kill -0 "$runner" 2>/dev/null || fail "the kiosk ended while waiting for $what"
    sleep 0.1
  done
  fail "no $what within ${deadline} s"
}
pings_after() { awk -F'\t' -v t="$1" '$2 == "WATCHDOG=1" && $1 > t { n++ } END { print n + 0 }' "$log"; }
has_pings_after_ready() { [ "$(pings_after 0)" -ge 5 ]; }
wait_for "READY=1 and 5 pings (idle)" 120 has_pings_after_ready
for _ in $(seq 50); do [ -s kiosk.pid ] && break; sleep 0.1; done
kiosk_pid=$(cat kiosk.pid)
kill -USR1 "$kiosk_pid"
stall_ended() { grep -q 'the frame loop goes on at' kiosk.log; }
wait_for "end of the stall" 120 stall_ended
from=$(sed -n 's/.*test hook: the frame loop stalls for [0-9]* s from \([0-9.]*\)$/\1/p' kiosk.log)
to=$(sed -n 's/.*test hook: the frame loop goes on at \([0-9.]*\)$/\1/p' kiosk.log)
[ -n "$from" ] && [ -n "$to" ] || fail "the kiosk did not say when its loop stalled"
resumed() { [ "$(pings_after "$to")" -ge 3 ]; }
wait_for "3 pings after the stall" 120 resumed
kill -TERM "$kiosk_pid"
status=0
wait "$runner" || status=$?
kiosk_pid=""
wait "$listener_pid" || fail "no STOPPING=1"
cat "$log"
echo "the kiosk's stall: from $from to $to"
[ "$status" -eq 0 ] || fail "exit status $status after SIGTERM, not 0"
[ "$(tail -1 "$log" | cut -f2)" = "STOPPING=1" ] || fail "STOPPING=1 is not the last message"
[ "$(grep -c $'\tREADY=1$' "$log")" -eq 1 ] || fail "READY=1 not exactly once"
# Every WATCHDOG=1 comes after READY=1; none was sent while the loop stalled; the pings either
# side of the stall are further apart than the stall (and so than WatchdogSec).
awk -F'\t' -v from="$from" -v to="$to" '
  $2 == "READY=1" { ready = 1 }
  $2 == "WATCHDOG=1" {
    if (!ready) early++
    if ($1 >= from && $1 <= to) during++
    if ($1 < from) { before++; last_before = $1 }
    if ($1 > to) { after++; if (first_after == "") first_after = $1 }
  }
  END {
    printf "pings: %d before READY=1, %d before the stall, %d during it, %d after it; the gap across it %.1f s (the stall %.1f s)\n",
      early, before, during, after, first_after - last_before, to - from
    exit !(early == 0 && before >= 5 && during == 0 && after >= 3 && first_after - last_before >= to - from)
  }' "$log" || fail "the pings did not stop for the stall alone, or did not resume"
echo "watchdog: pings stopped while the loop stalled and resumed after"
