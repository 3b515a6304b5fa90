#!/usr/bin/env bash
# Configures a local Syncthing for a Khlang fleet on a closed LAN (docs/fleet.md): the office PC is
# the hub; each kiosk receives bundles into a receive-only folder and sends its outbox (health
# record, statistics) in a send-only folder. Everything goes through Syncthing's own CLI
# (`syncthing cli`, which speaks its REST API), except `init`, which writes the closed-LAN options
# into a fresh config.xml before Syncthing's first start so it never tries to reach the internet.
# The khlang-admin package installs it as /usr/bin/khlang-fleet-setup. Its usage is help() below,
# which is also its man page (help2man, debian/rules).
set -euo pipefail

prog=$(basename "$0")
help() {
  cat <<EOF
Usage: $prog init [--home DIR] [--listen ADDR] [--no-local-discovery]
   or: $prog lan [--listen ADDR] [--no-local-discovery]
   or: $prog id [--home DIR]
   or: $prog office --publish DIR [--channel NAME]
   or: $prog add-kiosk --device ID --outbox DIR [--address ADDR] [--name NAME] [--channel NAME]
   or: $prog kiosk --office ID --inbox DIR --outbox DIR [--address ADDR] [--channel NAME] [--db KIOSK_DB [--admin KHLANG_ADMIN]]

Configures the local Syncthing of a Khlang fleet on a closed LAN: the office PC is the hub; each
kiosk receives signed bundles into a receive-only folder and sends its outbox (health record,
statistics) to the office in a send-only folder. No global discovery, relays, NAT traversal, usage
or crash reports, or automatic upgrades; versioning off. Any command may be run again.

Commands:
  init       write the closed-LAN options into a fresh config.xml before Syncthing's first start
             (so it never tries the internet) and print the device ID
  lan        apply the closed-LAN options again, on a running Syncthing
  id         print this device's ID
  office     (the office PC) share the publish folder, which khlang-admin publish writes into,
             send-only
  add-kiosk  (the office PC) add a kiosk: it receives the bundles; its outbox arrives in --outbox,
             receive-only
  kiosk      (a kiosk) bundles into --inbox (receive-only), --outbox to the office (send-only);
             with --db also the kiosk's settings, through khlang-admin settings: the inbox, the
             outbox and auto_import=1 (unattended imports), taken at the kiosk's next start

Options:
  --home DIR          Syncthing's home (default: \$XDG_CONFIG_HOME/syncthing, else
                      ~/.config/syncthing, the home syncthing@USER.service uses for the user
                      running this)
  --gui-address URL   with --gui-apikey KEY: a Syncthing started with these overrides
  --listen ADDR       where Syncthing listens (default tcp://0.0.0.0:22000)
  --no-local-discovery
                      no LAN broadcasts (the devices are given a fixed --address)
  --address ADDR      the other end's address, e.g. tcp://192.168.1.10:22000 (default: dynamic,
                      found by local discovery)
  --channel NAME      the content channel (default main)
  --name NAME         the kiosk's name at the office
  --watch-delay S     seconds a folder's watcher gathers changes before sending (default 10)
  --db KIOSK_DB       the kiosk's database; run this as the user it belongs to
  --admin PATH        the khlang-admin that sets the kiosk's settings (default khlang-admin)
  -h, --help          show this help

Every command but init and id talks to the running Syncthing through its CLI.

A packaged kiosk (the khlang package: the user khlang, /var/lib/khlang/kiosk.db, a sandbox that
may write only under /var/lib/khlang): run this as the kiosk's user (runuser -u khlang -- $prog),
with the inbox and outbox in /var/lib/khlang, and Syncthing as the same user (systemctl enable
--now syncthing@khlang).

Documentation: docs/fleet.md in Khlang's sources, installed as /usr/share/doc/khlang-admin/fleet.md.gz.
EOF
}
usage() {
  help | sed '/^$/q' >&2
  echo "($prog --help says more)" >&2
  exit 2
}
die() {
  echo "fleet-setup: $*" >&2
  exit 1
}
need_syncthing() { command -v syncthing >/dev/null || die "syncthing is not installed (apt-get install syncthing)"; }

[ $# -ge 1 ] || usage
case "$1" in -h|--help) help; exit 0 ;; esac
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
    -h|--help) help; exit 0 ;;
    *) die "unknown option '$1' (see $prog --help)" ;;
  esac
  [ $# -ge 2 ] || die "$1 needs a value"
  shift 2
done
case "$channel" in *[!a-z0-9_-]*|"") die "--channel must be a word of a-z, 0-9, _ and -, not '$channel'" ;; esac
# Syncthing's own default home (1.19), the one syncthing@USER.service runs with.
if [ -z "$home" ] && [ -z "$gui_address" ]; then
  home=${XDG_CONFIG_HOME:-${HOME:?"HOME is not set: give --home DIR"}/.config}/syncthing
fi

st_cli() {
  local args=()
  [ -n "$home" ] && args+=(--home "$home")
  [ -n "$gui_address" ] && args+=(--gui-address "$gui_address")
  [ -n "$gui_apikey" ] && args+=(--gui-apikey "$gui_apikey")
  syncthing cli "${args[@]}" "$@"
}

absolute() { mkdir -p "$1" && (cd "$1" && pwd); }

# The running Syncthing's API, waited for a little: it may just have been started (systemctl
# enable --now syncthing@USER returns before Syncthing answers).
running_syncthing() {
  local i
  for i in $(seq 60); do
    st_cli show system >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  die "no running Syncthing answers${home:+ for the home $home} (start it: systemctl enable --now syncthing@$(id -un))"
}

# The kiosk's database, its inbox and outbox and its Syncthing belong to one user (the packaged
# kiosk's is khlang, whose sandbox may write only under /var/lib/khlang): folders made by another
# user (root, through sudo) would be ones the kiosk cannot write into. Checked before anything is
# made or changed.
check_kiosk_user() {
  local at=$kiosk_db owner
  [ -e "$at" ] || at=$(dirname -- "$kiosk_db")
  [ -e "$at" ] || die "--db $kiosk_db: no folder $at"
  [ "$(stat -c %u -- "$at")" = "$(id -u)" ] && return 0
  owner=$(stat -c %U -- "$at")
  die "$at belongs to the user $owner, not $(id -un): run this as the kiosk's user, so that the inbox, the outbox and Syncthing are its own (runuser -u $owner -- $prog kiosk ...; Syncthing as syncthing@$owner)"
}
writable_folder() {  # writable_folder DIR: made if missing, and ours to write into
  local dir
  dir=$(absolute "$1") || die "cannot make the folder $1 as $(id -un)"
  [ -w "$dir" ] || die "$dir is not writable by $(id -un), who runs Syncthing and the kiosk here"
  echo "$dir"
}

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
    need_syncthing
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
    need_syncthing
    running_syncthing
    apply_lan_options
    ;;
  id)
    need_syncthing
    [ -n "$home" ] || die "id needs --home DIR"
    syncthing serve --home "$home" --device-id
    ;;
  office)
    [ -n "$publish" ] || die "office needs --publish DIR (the folder khlang-admin publish writes bundles into)"
    need_syncthing
    running_syncthing
    publish=$(absolute "$publish")
    write_stignore "$publish"
    add_folder "$(bundles_folder_id)" "$publish" sendonly
    echo "office: publishing $publish as folder $(bundles_folder_id) (send-only)"
    ;;
  add-kiosk)
    [ -n "$device" ] && [ -n "$outbox" ] || die "add-kiosk needs --device ID and --outbox DIR"
    need_syncthing
    running_syncthing
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
    [ -z "$kiosk_db" ] || check_kiosk_user
    need_syncthing
    running_syncthing
    inbox=$(writable_folder "$inbox")
    outbox=$(writable_folder "$outbox")
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
