#!/usr/bin/env bash
# Configures a local Syncthing for a Khlang fleet on a closed LAN (docs/fleet.md): the office PC is
# the hub; each kiosk receives bundles into a receive-only folder and sends its outbox (health
# record, statistics) in a send-only folder. Everything goes through Syncthing's own CLI
# (`syncthing cli`, which speaks its REST API), except `init`, which writes the closed-LAN options
# into a fresh config.xml before Syncthing's first start so it never tries to reach the internet.
#
#   fleet-setup.sh init --home DIR [--listen ADDR] [--no-local-discovery]
#   fleet-setup.sh lan [--listen ADDR] [--no-local-discovery]      (again, on a running Syncthing)
#   fleet-setup.sh id --home DIR
#   fleet-setup.sh office --publish DIR [--channel NAME]
#   fleet-setup.sh add-kiosk --device ID --outbox DIR [--address ADDR] [--name NAME] [--channel NAME]
#   fleet-setup.sh kiosk --office ID --inbox DIR --outbox DIR [--address ADDR] [--channel NAME]
#                        [--db KIOSK_DB [--admin KHLANG_ADMIN]]
#
# kiosk with --db also sets the kiosk's own settings (through `khlang-admin settings`): the inbox
# and outbox folders, and auto_import = 1 (unattended imports, off on a kiosk outside a fleet).
# The kiosk takes them at its next start.
#
# Every command but init and id talks to a running Syncthing: --home DIR (its home; the CLI reads
# the GUI address and API key from there), or --gui-address and --gui-apikey for one started with
# those overrides. --watch-delay S sets how long a folder's watcher gathers changes (default 10).
set -euo pipefail

usage() {
  sed -n 's/^#   \(fleet-setup.sh \)/usage: \1/p' "$0" >&2
  echo "the running Syncthing: --home DIR, or --gui-address URL --gui-apikey KEY; --watch-delay S (default 10)" >&2
  echo "see docs/fleet.md" >&2
  exit 2
}
die() {
  echo "fleet-setup: $*" >&2
  exit 1
}

command -v syncthing >/dev/null || die "syncthing is not installed (apt-get install syncthing)"
[ $# -ge 1 ] || usage
action=$1
shift
home="" gui_address="" gui_apikey="" listen="tcp://0.0.0.0:22000" name="" local_discovery=true
publish="" channel="main" device="" address="dynamic" outbox="" inbox="" office="" watch_delay=10
kiosk_db="" admin="khlang-admin"
while [ $# -gt 0 ]; do
  case "$1" in
    --home) home=$2 ;;
    --gui-address) gui_address=$2 ;;
    --gui-apikey) gui_apikey=$2 ;;
    --listen) listen=$2 ;;
    --name) name=$2 ;;
    --no-local-discovery) local_discovery=false; shift; continue ;;
    --publish) publish=$2 ;;
    --channel) channel=$2 ;;
    --device) device=$2 ;;
    --address) address=$2 ;;
    --outbox) outbox=$2 ;;
    --inbox) inbox=$2 ;;
    --office) office=$2 ;;
    --watch-delay) watch_delay=$2 ;;
    --db) kiosk_db=$2 ;;
    --admin) admin=$2 ;;
    -h|--help) usage ;;
    *) die "unknown option '$1' (see $0 --help)" ;;
  esac
  [ $# -ge 2 ] || die "$1 needs a value"
  shift 2
done
case "$channel" in *[!a-z0-9_-]*|"") die "--channel must be a word of a-z, 0-9, _ and -, not '$channel'" ;; esac

st_cli() {
  local args=()
  [ -n "$home" ] && args+=(--home "$home")
  [ -n "$gui_address" ] && args+=(--gui-address "$gui_address")
  [ -n "$gui_apikey" ] && args+=(--gui-apikey "$gui_apikey")
  syncthing cli "${args[@]}" "$@"
}

absolute() { mkdir -p "$1" && (cd "$1" && pwd); }

# The folder ids both ends agree on: bundles per channel, an outbox per kiosk (its device ID's
# first group, which both ends know).
bundles_folder_id() { echo "khlang-bundles-$channel"; }
outbox_folder_id() { echo "khlang-outbox-${1%%-*}" | tr 'A-Z' 'a-z'; }

# Temporary files Khlang writes before renaming them into place are never synced.
write_stignore() {
  local dir=$1
  [ -e "$dir/.stignore" ] && grep -qx '(?d).khlang-\*' "$dir/.stignore" && return 0
  printf '%s\n' '// Khlang: temporary files, renamed into place when complete' '(?d).khlang-*' >>"$dir/.stignore"
}

# (Lists are read whole before grep: with pipefail, grep -q closing the pipe early would fail.)
has_item() {  # has_item folders|devices ID
  local items
  items=$(st_cli config "$1" list)
  grep -qx -- "$2" <<<"$items"
}

apply_lan_options() {
  st_cli config options global-ann-enabled set false
  st_cli config options local-ann-enabled set "$local_discovery"
  st_cli config options relays-enabled set false
  st_cli config options natenabled set false
  st_cli config options start-browser set false
  st_cli config options uraccepted set -- -1
  st_cli config options crenabled set false
  st_cli config options auto-upgrade-intervalh set 0
  st_cli config options stun-keepalive-starts set 0
  st_cli config options raw-listen-addresses 0 set "$listen"
}

# add_folder ID PATH TYPE: a folder with versioning off (Syncthing's default: no versioning
# element), permissions not synced, the watcher on, and 1 % of the disk kept free.
add_folder() {
  local id=$1 path=$2 type=$3
  if has_item folders "$id"; then
    st_cli config folders "$id" type set "$type"
  else
    st_cli config folders add --id "$id" --label "$id" --path "$path" --type "$type" \
      --fswatcher-delays "$watch_delay" --ignore-perms
  fi
  st_cli config folders "$id" fswatcher-delays set "$watch_delay"
  st_cli config folders "$id" min-disk-free value set 1
  st_cli config folders "$id" min-disk-free unit set %
}

add_device() {  # add_device ID ADDRESS NAME
  # (Syncthing 1.19's CLI cannot take --addresses with add: the address is set after.)
  has_item devices "$1" || st_cli config devices add --device-id "$1" --name "$3"
  st_cli config devices "$1" addresses 0 set "$2"
}

share_folder() {  # share_folder FOLDER_ID DEVICE_ID
  local shared
  shared=$(st_cli config folders "$1" devices list)
  grep -qx -- "$2" <<<"$shared" || st_cli config folders "$1" devices add --device-id "$2"
}

case "$action" in
  init)
    [ -n "$home" ] || die "init needs --home DIR"
    if [ -e "$home/config.xml" ]; then
      echo "fleet-setup: $home already has a config.xml; use 'lan' on the running Syncthing to apply the options"
      exit 0
    fi
    syncthing generate --home "$home" --no-default-folder >/dev/null 2>&1 || die "syncthing generate --home $home failed"
    config="$home/config.xml"
    set_element() {  # set_element NAME VALUE: the one <NAME>..</NAME> of the fresh config
      grep -q "<$1>[^<]*</$1>" "$config" || die "$config has no <$1> (a Syncthing this script does not know)"
      sed -i "s|<$1>[^<]*</$1>|<$1>$2</$1>|" "$config"
    }
    set_element listenAddress "$listen"
    set_element globalAnnounceEnabled false
    set_element localAnnounceEnabled "$local_discovery"
    set_element relaysEnabled false
    set_element natEnabled false
    set_element startBrowser false
    set_element urAccepted -1
    set_element crashReportingEnabled false
    set_element autoUpgradeIntervalH 0
    set_element stunKeepaliveStartS 0
    syncthing serve --home "$home" --device-id
    ;;
  lan)
    apply_lan_options
    ;;
  id)
    [ -n "$home" ] || die "id needs --home DIR"
    syncthing serve --home "$home" --device-id
    ;;
  office)
    [ -n "$publish" ] || die "office needs --publish DIR (the folder khlang-admin publish writes bundles into)"
    publish=$(absolute "$publish")
    write_stignore "$publish"
    add_folder "$(bundles_folder_id)" "$publish" sendonly
    echo "office: publishing $publish as folder $(bundles_folder_id) (send-only)"
    ;;
  add-kiosk)
    [ -n "$device" ] && [ -n "$outbox" ] || die "add-kiosk needs --device ID and --outbox DIR"
    outbox=$(absolute "$outbox")
    add_device "$device" "$address" "${name:-kiosk ${device%%-*}}"
    has_item folders "$(bundles_folder_id)" || die "no folder $(bundles_folder_id) yet: run 'office --publish DIR' first"
    share_folder "$(bundles_folder_id)" "$device"
    add_folder "$(outbox_folder_id "$device")" "$outbox" receiveonly
    share_folder "$(outbox_folder_id "$device")" "$device"
    echo "office: kiosk ${device%%-*} gets $(bundles_folder_id); its outbox arrives in $outbox"
    ;;
  kiosk)
    [ -n "$office" ] && [ -n "$inbox" ] && [ -n "$outbox" ] || die "kiosk needs --office ID, --inbox DIR and --outbox DIR"
    inbox=$(absolute "$inbox")
    outbox=$(absolute "$outbox")
    own_id=$(st_cli show system | sed -n 's/.*"myID": *"\([^"]*\)".*/\1/p')
    [ -n "$own_id" ] || die "cannot read this device's ID from the running Syncthing"
    add_device "$office" "$address" "${name:-office}"
    write_stignore "$outbox"
    add_folder "$(bundles_folder_id)" "$inbox" receiveonly
    share_folder "$(bundles_folder_id)" "$office"
    add_folder "$(outbox_folder_id "$own_id")" "$outbox" sendonly
    share_folder "$(outbox_folder_id "$own_id")" "$office"
    echo "kiosk ${own_id%%-*}: bundles into $inbox (receive-only), outbox $outbox (send-only) to the office"
    if [ -n "$kiosk_db" ]; then
      command -v "$admin" >/dev/null || die "--db needs khlang-admin (not found: $admin; give --admin PATH)"
      "$admin" settings set auto_import=1 "inbox_folders=$inbox" "outbox_folder=$outbox" --db "$kiosk_db" >/dev/null ||
        die "could not set the kiosk's settings in $kiosk_db (Syncthing is set up; run again once fixed)"
      echo "kiosk settings in $kiosk_db: auto_import=1, inbox_folders=$inbox, outbox_folder=$outbox (taken at the kiosk's next start)"
    fi
    ;;
  *) usage ;;
esac
