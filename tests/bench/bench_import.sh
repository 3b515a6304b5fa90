#!/usr/bin/env bash
# Import benchmark (figures in README): gen-synthetic 10,000 articles + 1,000 images, pack two
# bundles of it, import both into a fresh kiosk database while a reader queries it.
#   tests/bench/bench_import.sh [BUILD_DIR (default build)] [ARTICLES] [IMAGES]
set -euo pipefail
build=${1:-build} articles=${2:-10000} images=${3:-1000}
admin=$build/bin/khlang-admin
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "gen-synthetic --articles $articles --images $images"
s=$EPOCHREALTIME; "$admin" gen-synthetic --articles "$articles" --images "$images" --out "$work/content" >/dev/null
echo "  $(awk "BEGIN{print $EPOCHREALTIME - $s}") s, $(du -sh "$work/content" | cut -f1)"
"$admin" keygen --secret "$work/k.sec" --public "$work/k.pub" >/dev/null
for seq in 1 2; do
  s=$EPOCHREALTIME; "$admin" pack "$work/content" --out "$work/b$seq.khb" --seq $seq --secret "$work/k.sec" >/dev/null
  echo "pack seq $seq: $(awk "BEGIN{print $EPOCHREALTIME - $s}") s, $(du -h "$work/b$seq.khb" | cut -f1)"
done
"$build/bin/bench_import" "$work/kiosk.db" "$work/k.pub" "$work/b1.khb" "$work/b2.khb"
echo "search on that content:"
"$build/bin/bench_search" "$work/kiosk.db"
