# Two (or more) real Syncthing instances on 127.0.0.1 for the fleet's end-to-end tests, sourced by
# them. Each instance has its own home under one scratch folder, its GUI/REST API on a Unix
# socket there and its sync listener on a port the kernel picks (tcp://127.0.0.1:0, read back
# from the instance), so tests running side by side never collide. Global and local discovery,
# relays, NAT traversal, usage and crash reporting are off from the first start
# (tools/fleet-setup.sh init). Each instance runs in a process group of its own; the EXIT trap
# stops every group and removes the scratch folder, on success, failure or interruption (ctest
# runs the tests under `timeout`, whose TERM reaches that trap before ctest's own limit).
#
#   st_start NAME          start an instance; sets ST_ID_<NAME> and ST_PORT_<NAME>
#   st NAME ARGS...        syncthing cli against it
#   st_setup NAME ARGS...  tools/fleet-setup.sh against it
#   st_wait SECONDS WHAT COMMAND...   run COMMAND until it succeeds, or fail saying WHAT
set -euo pipefail

: "${KHLANG_SOURCE_DIR:?set KHLANG_SOURCE_DIR}"
command -v syncthing >/dev/null || { echo "syncthing is not installed (apt-get install syncthing)" >&2; exit 1; }
ST_WORK=$(mktemp -d /tmp/khlang-st.XXXXXX)
ST_GROUPS=()
declare -A ST_KEY

st_cleanup() {
  local status=$?
  for group in "${ST_GROUPS[@]}"; do kill -TERM -- "-$group" 2>/dev/null || true; done
  for group in "${ST_GROUPS[@]}"; do
    for _ in $(seq 50); do kill -0 -- "-$group" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$group" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ]; then
    for log in "$ST_WORK"/*.log; do
      [ -e "$log" ] || continue
      echo "--- last lines of $(basename "$log")" >&2
      tail -n 15 "$log" >&2
    done
  fi
  if [ -n "${KHLANG_KEEP_SCRATCH:-}" ]; then echo "scratch kept in $ST_WORK" >&2; else rm -rf "$ST_WORK"; fi
  exit "$status"
}
trap st_cleanup EXIT
trap 'echo "FAIL: interrupted or over the time limit" >&2; exit 130' INT TERM

st() {
  local name=$1
  shift
  syncthing cli --home "$ST_WORK/$name" --gui-address "$ST_WORK/$name.sock" --gui-apikey "${ST_KEY[$name]}" "$@"
}

st_setup() {
  local name=$1
  shift
  bash "$KHLANG_SOURCE_DIR/tools/fleet-setup.sh" "$@" --home "$ST_WORK/$name" --gui-address "$ST_WORK/$name.sock" \
    --gui-apikey "${ST_KEY[$name]}"
}

st_wait() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then
      echo "FAIL: no $what within ${seconds} s" >&2
      return 1
    fi
    sleep 0.5
  done
}

st_start() {
  local name=$1 home="$ST_WORK/$1"
  ST_KEY[$name]=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  bash "$KHLANG_SOURCE_DIR/tools/fleet-setup.sh" init --home "$home" --listen tcp://127.0.0.1:0 --no-local-discovery \
    >/dev/null
  # In a script a background job is not a process-group leader, so setsid makes Syncthing one
  # without forking: $! is its group.
  setsid syncthing serve --home "$home" --no-browser --no-restart --no-upgrade --logflags=3 \
    --gui-address="unix://$ST_WORK/$name.sock" --gui-apikey="${ST_KEY[$name]}" >"$ST_WORK/$name.log" 2>&1 </dev/null &
  ST_GROUPS+=("$!")
  st_wait 30 "Syncthing '$name' answering on its socket" st "$name" show system
  local port=""
  local deadline=$((SECONDS + 15))
  while [ -z "$port" ] && [ "$SECONDS" -lt "$deadline" ]; do
    port=$(st "$name" show system | grep -o 'tcp://127\.0\.0\.1:[1-9][0-9]*' | head -n 1 | sed 's/.*://')
    [ -n "$port" ] || sleep 0.2
  done
  [ -n "$port" ] || { echo "FAIL: Syncthing '$name' did not report its listening port" >&2; return 1; }
  printf -v "ST_PORT_$name" '%s' "$port"
  printf -v "ST_ID_$name" '%s' "$(syncthing serve --home "$home" --device-id)"
  # Tests do not wait a minute between connection attempts.
  st "$name" config options reconnect-intervals set 2
}
