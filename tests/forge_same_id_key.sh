#!/bin/sh
# Prints a minisign public key file with the id of TRUSTED_PUB and the key bytes of OTHER_PUB: what
# an attacker's stick would carry to replace a trusted key. usage: forge_same_id_key.sh TRUSTED_PUB OTHER_PUB
# (the decoded key line is "Ed", 8 bytes of id, 32 bytes of key)
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n 2p "$1" | base64 -d > "$tmp/trusted.bin"
sed -n 2p "$2" | base64 -d > "$tmp/other.bin"
echo "untrusted comment: minisign public key"
{ head -c 10 "$tmp/trusted.bin"; tail -c 32 "$tmp/other.bin"; } | base64 -w0
echo
