#!/usr/bin/env bash
# Measures the kiosk as a citizen's terminal runs it: a real window on an X server (Xvfb),
# 1920x1080, event-driven loop. Prints one JSON object:
#   start_to_first_frame_ms  process exec -> first frame presented (measured outside the process)
#   rss_kib_after_start      resident memory 2 s after the first frame
#   idle_cpu_percent         CPU used over IDLE_S seconds of idleness on the home screen (% of one core)
#   idle_frames, idle_wakeups  frames drawn / loop wake-ups inside that window (target: 0)
# for two start modes: "config" (the kiosk alone, as deployed: server unreachable, no reader attached)
# and "demo" (kiosk + in-process reference server + reader simulator).
# usage: bench_app.sh KIOSK WORKDIR   (IDLE_S=10 by default)
set -euo pipefail
KIOSK=$(readlink -f "$1")
WORK=$2
IDLE_S=${IDLE_S:-10}
rm -rf "$WORK" && mkdir -p "$WORK"
command -v Xvfb >/dev/null || { echo '{"error": "Xvfb not installed (scripts/setup-deps.sh)"}'; exit 1; }

DISPLAY_NUM=:$((90 + RANDOM % 100))
Xvfb "$DISPLAY_NUM" -screen 0 1920x1080x24 -nolisten tcp >"$WORK/xvfb.log" 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${DISPLAY_NUM#:}" ] && break; sleep 0.05; done
export DISPLAY=$DISPLAY_NUM

cat >"$WORK/kiosk.toml" <<TOML
[terminal]
id = "BENCH-01"
hall_name = "示范区政务服务中心"
state_dir = "$WORK/state"
[server]
url = "https://127.0.0.1:9"
[idcard]
port = "$WORK/no-reader"
[printer]
uri = "none"
[ui]
fullscreen = true
TOML

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure NAME ARGS... -> prints a JSON member
measure() {
  local name=$1
  shift
  local marker="$WORK/$name.first-frame" stats="$WORK/$name.stats.json"
  rm -f "$marker" "$stats"
  local t0 pid t1
  t0=$(now_ms)
  "$KIOSK" "$@" --first-frame-marker "$marker" --stats-out "$stats" >"$WORK/$name.log" 2>&1 &
  pid=$!
  while [ ! -s "$marker" ]; do
    kill -0 "$pid" 2>/dev/null || { echo "\"$name\": {\"error\": \"kiosk exited: $(tr '\n"' ' ' <"$WORK/$name.log")\"}"; return; }
    sleep 0.002
  done
  t1=$(now_ms)
  local inner_first
  inner_first=$(cut -d. -f1 "$marker")
  sleep 2
  local rss
  rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  local hz c0 c1 w0 w1
  hz=$(getconf CLK_TCK)
  c0=$(ticks "$pid")
  w0=$(now_ms)
  sleep "$IDLE_S"
  c1=$(ticks "$pid")
  w1=$(now_ms)
  kill -TERM "$pid"
  wait "$pid" || true
  # Kiosk-internal times are ms since its runner started; align them with this script's clock
  # through the first frame (seen here at t1, inside at inner_first).
  local offset=$((t1 - inner_first))
  local lo=$((w0 - offset)) hi=$((w1 - offset))
  count_in() { sed -nE "s/.*\"$1\": \[([^]]*)\].*/\1/p" "$stats" | tr ',' '\n' | awk -v lo="$lo" -v hi="$hi" '$1 != "" && $1+0 >= lo && $1+0 <= hi {n++} END {print n+0}'; }
  local frames wakeups total_frames
  frames=$(count_in frame_times_ms)
  wakeups=$(count_in wakeup_times_ms)
  total_frames=$(sed -nE 's/.*"frames_drawn": ([0-9]+).*/\1/p' "$stats")
  local cpu
  cpu=$(awk -v t=$((c1 - c0)) -v hz="$hz" -v ms=$((w1 - w0)) 'BEGIN {printf "%.3f", (t / hz) / (ms / 1000) * 100}')
  echo "\"$name\": {\"start_to_first_frame_ms\": $((t1 - t0)), \"runner_to_first_frame_ms\": $inner_first, \"rss_kib_after_start\": $rss, \"idle_window_s\": $IDLE_S, \"idle_cpu_percent\": $cpu, \"idle_frames\": $frames, \"idle_wakeups\": $wakeups, \"frames_total\": $total_frames}"
}

# Warm the demo state once (CA and certificates are created on the first run only).
"$KIOSK" --demo --headless --demo-state "$WORK/demo" --script /dev/null >/dev/null 2>&1 || true

config=$(measure config --config "$WORK/kiosk.toml")
demo=$(measure demo --demo --demo-state "$WORK/demo" --size 1920x1080)
echo "{\"bench\": \"app\", \"display\": \"Xvfb 1920x1080\", \"cpu\": \"$(nproc) cores\", $config, $demo}"
