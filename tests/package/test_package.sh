#!/usr/bin/env bash
# The Debian packages end to end on this machine (CI: a fresh Debian 12, as root): built by
# tools/build-deb.sh from the build tree ctest runs in, lintian with no error, installed with
# dpkg -i, the unit accepted by systemd-analyze verify and its sandbox exposure measured, the
# installed programs run from /usr/bin, the system user and content folder made, no font file
# shipped, the fleet's Syncthing set-up run as the kiosk's user. Changes the machine (installs
# khlang and khlang-admin): CI's, or run it on purpose.
# usage: test_package.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
if [ "$(id -u)" -ne 0 ]; then
  echo "SKIP: installing packages needs root (run the suite with sudo, as tools/run-tests.sh does)"
  exit 77
fi
if [ "${KHLANG_PACKAGE_TESTS:-0}" != 1 ]; then
  echo "SKIP: the package tests install and purge khlang on this machine; they run with KHLANG_PACKAGE_TESTS=1"
  echo "      (tools/run-tests.sh and so CI set it): KHLANG_PACKAGE_TESTS=1 ctest -L package"
  exit 77
fi
# One package test at a time on this machine, whichever build tree it comes from (dpkg's lock
# would refuse a second dpkg -i, and each tree installs its own build).
exec 9>/run/lock/khlang-package-tests.lock
flock 9
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
arch=$(dpkg --print-architecture)

start=$(date +%s)
# No -dbgsym packages (and so no dwz, debian/rules): a test has no use for them, and they take
# minutes on a busy 2-core machine.
DEB_BUILD_OPTIONS="nocheck noautodbgsym parallel=$(nproc)" bash "$src/tools/build-deb.sh" --reuse-build "$build" --out "$build/deb" > "$build/deb-build.log" 2>&1 \
  || { tail -40 "$build/deb-build.log"; exit 1; }
echo "package build: $(( $(date +%s) - start )) s (log: $build/deb-build.log)"
kiosk_deb=$build/deb/khlang_${version}_${arch}.deb
admin_deb=$build/deb/khlang-admin_${version}_${arch}.deb
ls -l "$kiosk_deb" "$admin_deb"

echo "--- lintian (must report no error; the tags it reports are listed here)"
lintian --fail-on error --display-info --tag-display-limit 0 "$kiosk_deb" "$admin_deb" | tee "$build/deb/lintian.txt"
if grep -q '^E:' "$build/deb/lintian.txt"; then echo "FAIL: lintian errors"; exit 1; fi

echo "--- no font file in either package (they come from the font packages)"
if dpkg-deb -c "$kiosk_deb" | grep -E '\.(ttf|otf|ttc)$'; then echo "FAIL: a font file is shipped"; exit 1; fi
if dpkg-deb -c "$admin_deb" | grep -E '\.(ttf|otf|ttc)$'; then echo "FAIL: a font file is shipped"; exit 1; fi

echo "--- dpkg -i"
dpkg -i "$admin_deb" "$kiosk_deb"
dpkg-query -W -f='${Package} ${Version} ${Status}\n' khlang khlang-admin
[ "$(dpkg-query -W -f='${Status}' khlang)" = "install ok installed" ]

echo "--- the programs from /usr/bin"
kiosk_version=$(/usr/bin/khlang-kiosk --version)
echo "$kiosk_version"
[ "$kiosk_version" = "khlang-kiosk $version" ]
/usr/bin/khlang-admin --help | head -3
/usr/bin/khlang-admin --help | grep -q '^usage: khlang-admin COMMAND'
# The installed CLI finds the fonts through the installed manifest (no copies): Thai is set.
(cd /tmp && /usr/bin/khlang-admin render-text --out /tmp/khlang-package-text.png "คลังความรู้")
test -s /tmp/khlang-package-text.png
test -s /usr/share/man/man1/khlang-kiosk.1.gz && test -s /usr/share/man/man1/khlang-admin.1.gz

echo "--- the system user and its content folder"
id khlang
[ "$(stat -c '%U:%G %a' /var/lib/khlang)" = "khlang:khlang 750" ]
getent passwd khlang | grep -q ':/var/lib/khlang:/usr/sbin/nologin$'
test -x /usr/libexec/khlang/khlang-kiosk-session
test -f /etc/pam.d/khlang-kiosk
test -f /etc/default/khlang-kiosk

echo "--- the admin PIN from the office side, as README's Install on a kiosk says (as the kiosk's user)"
printf '246810\n' | runuser -u khlang -- /usr/bin/khlang-admin pin set --db /var/lib/khlang/kiosk.db
[ "$(stat -c %U /var/lib/khlang/kiosk.db)" = khlang ] || { echo "FAIL: the database is not the user khlang's"; exit 1; }

echo "--- the fleet's set-up on the packaged kiosk (khlang-fleet-setup, docs/fleet.md's Packaged kiosk)"
recommends=$(dpkg-deb -f "$admin_deb" Recommends)
echo "khlang-admin Recommends: $recommends"
grep -qE '(^|,) *syncthing *(,|$)' <<<"$recommends" || { echo "FAIL: khlang-admin does not recommend syncthing"; exit 1; }
test -x /usr/bin/khlang-fleet-setup
fleet_help=$(/usr/bin/khlang-fleet-setup --help)
grep -q '^ *or: khlang-fleet-setup kiosk --office ID --inbox DIR --outbox DIR' <<<"$fleet_help" || { echo "$fleet_help"; echo "FAIL: khlang-fleet-setup --help"; exit 1; }
zgrep -q 'syncthing@khlang' /usr/share/man/man1/khlang-fleet-setup.1.gz
test -s /usr/share/doc/khlang-admin/fleet.md.gz
# As root on the kiosk's database: refused before anything is made (folders of root's would be
# ones the kiosk, user khlang, cannot write).
if refusal=$(/usr/bin/khlang-fleet-setup kiosk --office X --inbox /var/lib/khlang/inbox --outbox /var/lib/khlang/outbox \
               --db /var/lib/khlang/kiosk.db 2>&1); then
  echo "FAIL: khlang-fleet-setup kiosk ran as root on the kiosk's database"; exit 1
fi
grep -q 'runuser -u khlang' <<<"$refusal" || { echo "$refusal"; echo "FAIL: the refusal does not say how"; exit 1; }
[ ! -e /var/lib/khlang/inbox ] && [ ! -e /var/lib/khlang/outbox ] || { echo "FAIL: folders made before the refusal"; exit 1; }
# As the kiosk's user, as the docs say: init in khlang's default Syncthing home (syncthing@khlang's),
# then kiosk against that Syncthing, run here as khlang by this test on 127.0.0.1 with its API on a
# socket (not the service; no discovery), the office a generated device that never answers.
command -v syncthing >/dev/null || { echo "FAIL: syncthing is not installed (tools/install-deps.sh installs it)"; exit 1; }
st_home=/var/lib/khlang/.config/syncthing
runuser -u khlang -- /usr/bin/khlang-fleet-setup init --listen tcp://127.0.0.1:0 --no-local-discovery
[ "$(stat -c %U "$st_home/config.xml")" = khlang ] || { echo "FAIL: Syncthing's home is not khlang's"; exit 1; }
grep -q '<globalAnnounceEnabled>false</globalAnnounceEnabled>' "$st_home/config.xml"
office_home=$(mktemp -d)
syncthing generate --home "$office_home" --no-default-folder >/dev/null 2>&1
office_id=$(syncthing serve --home "$office_home" --device-id)
st_sock=/var/lib/khlang/fleet-test.sock
st_key=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
# (setsid does not fork here, so $! is Syncthing and its process group.)
setsid setpriv --reuid khlang --regid khlang --init-groups -- env HOME=/var/lib/khlang \
  syncthing serve --home "$st_home" --no-browser --no-restart --no-upgrade --gui-address="unix://$st_sock" \
  --gui-apikey="$st_key" >"$build/deb/syncthing-khlang.log" 2>&1 </dev/null &
st_pid=$!
trap 'kill -TERM -- "-$st_pid" 2>/dev/null || true; rm -rf "$office_home"' EXIT
st_khlang() { runuser -u khlang -- syncthing cli --gui-address "$st_sock" --gui-apikey "$st_key" "$@"; }
for _ in $(seq 60); do st_khlang show system >/dev/null 2>&1 && break; sleep 0.5; done
st_khlang show system >/dev/null || { cat "$build/deb/syncthing-khlang.log"; echo "FAIL: khlang's Syncthing does not answer"; exit 1; }
runuser -u khlang -- /usr/bin/khlang-fleet-setup kiosk --gui-address "$st_sock" --gui-apikey "$st_key" \
  --office "$office_id" --address tcp://127.0.0.1:9 \
  --inbox /var/lib/khlang/inbox --outbox /var/lib/khlang/outbox --db /var/lib/khlang/kiosk.db
[ "$(stat -c %U /var/lib/khlang/inbox):$(stat -c %U /var/lib/khlang/outbox)" = khlang:khlang ] ||
  { echo "FAIL: the inbox and outbox are not khlang's"; exit 1; }
settings=$(runuser -u khlang -- /usr/bin/khlang-admin settings show --db /var/lib/khlang/kiosk.db)
for kv in auto_import=1 inbox_folders=/var/lib/khlang/inbox outbox_folder=/var/lib/khlang/outbox; do
  grep -qx -- "$kv" <<<"$settings" || { echo "$settings"; echo "FAIL: the kiosk's setting $kv"; exit 1; }
done
folders=$(st_khlang config folders list)
[ "$(wc -l <<<"$folders")" -eq 2 ] && grep -qx khlang-bundles-main <<<"$folders" ||
  { echo "$folders"; echo "FAIL: khlang's Syncthing folders"; exit 1; }
inbox_folder=$(st_khlang config folders khlang-bundles-main dump-json)
grep -q '"path": "/var/lib/khlang/inbox"' <<<"$inbox_folder" && grep -q '"type": "receiveonly"' <<<"$inbox_folder" ||
  { echo "$inbox_folder"; echo "FAIL: khlang's Syncthing inbox folder"; exit 1; }
kill -TERM -- "-$st_pid"
wait "$st_pid" || true
rm -f "$st_sock"

echo "--- the unit"
unit=/lib/systemd/system/khlang-kiosk.service
systemd-analyze verify "$unit"
test -L /etc/systemd/system/multi-user.target.wants/khlang-kiosk.service  # enabled: boots into the kiosk
systemd-analyze security --offline=true "$unit" > "$build/deb/security.txt" 2>&1 || true
tail -1 "$build/deb/security.txt"
exposure=$(sed -n 's/.*Overall exposure level for khlang-kiosk.service: \([0-9.]*\).*/\1/p' "$build/deb/security.txt")
[ -n "$exposure" ] || { cat "$build/deb/security.txt"; echo "FAIL: no exposure level"; exit 1; }
# Measured 0.8 ("SAFE") at this writing (see README); a change that loosens the sandbox fails here.
awk -v e="$exposure" 'BEGIN { exit !(e <= 1.0) }' || { grep -E '✗' "$build/deb/security.txt"; echo "FAIL: exposure $exposure above 1.0"; exit 1; }
echo "package: all checks passed (exposure $exposure)"
