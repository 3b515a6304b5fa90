#!/usr/bin/env bash
# The demo content without its communities of practice (the header of communities.csv alone), for
# the people screen with one of its two lists empty. usage: no_communities_content.sh DEMO_CONTENT OUT
set -euo pipefail
demo=$1 out=$2
rm -rf "$out"
cp -r "$demo" "$out"
head -1 "$demo/communities.csv" >"$out/communities.csv"
