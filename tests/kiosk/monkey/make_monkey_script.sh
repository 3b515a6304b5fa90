#!/usr/bin/env bash
# Writes a monkey script for the kiosk's script runner (kiosk/script/script_runner.h): WARMUP
# random inputs, rss-mark, ACTIONS more, then expect-rss-growth GROWTH_MB. The inputs are what a
# restless visitor does on a W x H screen: taps anywhere (most of them), drags that scroll or
# swipe, presenter and keyboard keys, typed words (Thai, English, digits, a long paste), holds
# shorter than admin mode's 3 s, pauses, and now and then enough idle time for the attract loop.
# The same SEED writes the same script.
# usage: make_monkey_script.sh SEED WARMUP ACTIONS WxH GROWTH_MB > monkey.script
set -euo pipefail
seed=$1 warmup=$2 actions=$3 size=$4 growth=$5
width=${size%x*} height=${size#*x}
RANDOM=$seed
words=(ความรู้ แผน ประกาศ อบรม ศรีโพธิ์เงิน การจัดการ ก่ ่่่ km KM plan 2566 UTF-8 "ค้นหา คน" "x & touch FILE #")
keys=(pagedown pageup right left up down space enter escape backspace home tab alt+f4 ctrl+q)
long=$(printf 'ก่%.0s' $(seq 1 120))  # past the search field's cap
x() { echo $((RANDOM % width)); }
y() { echo $((RANDOM % height)); }
action() {
  local r=$((RANDOM % 100))
  if ((r < 50)); then echo "tap $(x) $(y)"
  elif ((r < 65)); then
    local x0 y0 dy
    x0=$(x) y0=$(y) dy=$(( (RANDOM % (height / 2)) - height / 4 ))
    local y1=$(( y0 + dy < 0 ? 0 : y0 + dy >= height ? height - 1 : y0 + dy ))
    echo "drag $x0 $y0 $x0 $y1 $((100 + RANDOM % 400))"
  elif ((r < 70)); then echo "drag $(x) $(y) $(x) $(y) $((50 + RANDOM % 200))"
  elif ((r < 80)); then echo "key ${keys[RANDOM % ${#keys[@]}]}"
  elif ((r < 88)); then echo "type ${words[RANDOM % ${#words[@]}]}"
  elif ((r < 89)); then echo "type $long"
  elif ((r < 94)); then echo "hold $(x) $(y) 0.$((1 + RANDOM % 9))"
  elif ((r < 99)); then echo "wait $((100 + RANDOM % 2000))"
  else echo "advance-clock $((60 + RANDOM % 120))"
  fi
}
echo "# monkey: seed $seed, $warmup + $actions inputs at $size"
for ((i = 0; i < warmup; ++i)); do action; done
echo "rss-mark"
for ((i = 0; i < actions; ++i)); do action; done
echo "key home"
echo "wait 1000"
echo "expect-rss-growth $growth"
