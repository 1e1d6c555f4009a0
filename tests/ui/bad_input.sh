#!/usr/bin/env bash
# Bad input at start-up: each case must exit non-zero with a message that names the problem and
# what to do — never a crash (exit >= 128) or a silent blank screen. A bad config file is the
# exception: it shows the out-of-service screen (checked here by a UI script) instead of exiting.
# usage: bad_input.sh KIOSK KIOSK_CENTRAL WORKDIR
set -u
KIOSK=$1 CENTRAL=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
fails=0

# expect_fail NAME EXPECTED_EXIT PATTERN -- command...
expect_fail() {
  local name=$1 want=$2 pattern=$3
  shift 4
  local out rc
  out=$("$@" 2>&1)
  rc=$?
  if [ "$rc" -ne "$want" ] || ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: exit $rc (want $want), output:"
    echo "$out" | sed 's/^/    /'
    fails=$((fails + 1))
  else
    echo "ok   $name: $(grep -E -- "$pattern" <<<"$out" | head -n 1)"
  fi
}

# A config file with problems: the kiosk does not exit (the hall would see a desktop); it shows the
# out-of-service screen with the problem for the technician, and logs it. A UI script checks the
# screen (exit 0 = every check passed); without a script the kiosk keeps running.
# out_of_service NAME DETAIL CONFIG: DETAIL on the screen and in the log.
out_of_service() {
  local name=$1 detail=$2 config=$3
  printf 'wait-for "本机暂停服务" 10s\nexpect "请到服务窗口办理"\nexpect "%s"\ncheck-layout\nlayout 800x480\ncheck-layout\n' \
    "$detail" >"$WORK/oos.kioskscript"
  expect_fail "$name" 0 "kiosk\[error\] config: .*$detail" -- \
    "$KIOSK" --config "$config" --headless --script "$WORK/oos.kioskscript" --screenshot-dir "$WORK"
}
out_of_service "missing config" "none.toml: file not found" "$WORK/none.toml"
printf '[terminal]\nid = "A"\nmode = 7\n' >"$WORK/bad.toml"
out_of_service "invalid config" "bad.toml:3: key 'terminal.mode'" "$WORK/bad.toml"
printf '[terminal\n' >"$WORK/syntax.toml"
out_of_service "config syntax" "syntax.toml:1: not valid TOML" "$WORK/syntax.toml"
printf 'x' >"$WORK/unreadable.toml" && chmod 000 "$WORK/unreadable.toml"
if [ "$(id -u)" -ne 0 ]; then
  out_of_service "unreadable config" "unreadable.toml: cannot be read" "$WORK/unreadable.toml"
fi
mkdir -p "$WORK/confdir"
out_of_service "config is a directory" "confdir: is a directory" "$WORK/confdir"
out_of_service "config is a device" "/dev/zero: is not a regular file" /dev/zero
# A dotted key of 50,000 parts (~100 KB) crashed the kiosk inside toml++ (SIGSEGV, no message).
{ printf '[terminal]\nid = "A"\na'; for _ in $(seq 5000); do printf '.a.a.a.a.a.a.a.a.a.a'; done; printf ' = 1\n'; } \
  >"$WORK/dotted.toml"
out_of_service "50,000 dotted parts" "dotted.toml:3: a key with more than 16 dotted parts" "$WORK/dotted.toml"
# Without a script the out-of-service screen stays up: still running when `timeout` ends it (124).
expect_fail "out of service keeps running" 124 "kiosk\[error\] config: .*bad.toml:3" -- \
  timeout 5 "$KIOSK" --config "$WORK/bad.toml" --headless

# A valid config whose font does not exist.
cat >"$WORK/nofont.toml" <<TOML
[terminal]
id = "T1"
state_dir = "$WORK/state"
[server]
url = "https://127.0.0.1:9"
[idcard]
port = "$WORK/no-such-tty"
[ui]
font_path = "$WORK/missing-font.ttc"
TOML
expect_fail "missing font" 2 "font file not found: .*missing-font.ttc \(install fonts-noto-cjk" -- \
  "$KIOSK" --config "$WORK/nofont.toml" --headless
# A font file that is not a font.
printf 'not a font' >"$WORK/garbage.ttc"
sed "s#$WORK/missing-font.ttc#$WORK/garbage.ttc#" "$WORK/nofont.toml" >"$WORK/badfont.toml"
expect_fail "garbage font" 2 "cannot load font|font atlas build failed" -- "$KIOSK" --config "$WORK/badfont.toml" --headless

# No display (and not headless).
expect_fail "no display" 2 "cannot open a display" -- \
  env -u DISPLAY -u WAYLAND_DISPLAY SDL_VIDEODRIVER=x11 "$KIOSK" --config "$WORK/nofont.toml"

# The demo's server port already taken: a running kiosk-central holds it.
"$CENTRAL" serve --listen 127.0.0.1:0 --db "$WORK/c.db" --tls-dir "$WORK/tls" >"$WORK/central.out" 2>&1 &
cpid=$!
for _ in $(seq 50); do grep -q "listening on" "$WORK/central.out" && break; sleep 0.1; done
port=$(sed -nE 's#.*listening on https://127.0.0.1:([0-9]+).*#\1#p' "$WORK/central.out" | head -n 1)
if [ -z "$port" ]; then
  echo "FAIL port taken: kiosk-central did not start:"; cat "$WORK/central.out"; fails=$((fails + 1))
else
  expect_fail "port taken" 2 "port $port taken" -- "$KIOSK" --demo --headless --demo-port "$port" --demo-state "$WORK/demo"
fi
kill "$cpid" 2>/dev/null; wait "$cpid" 2>/dev/null

# Command-line mistakes.
expect_fail "no mode" 64 "either --config FILE" -- "$KIOSK"
expect_fail "bad size" 64 "--size: wants WIDTHxHEIGHT" -- "$KIOSK" --demo --size huge
expect_fail "unknown option" 64 "not expected: --bogus" -- "$KIOSK" --demo --bogus
expect_fail "help" 0 "Usage: kiosk" -- "$KIOSK" --help
expect_fail "version" 0 "^kiosk [0-9]+\.[0-9]+\.[0-9]+" -- "$KIOSK" --version
printf 'tap "x"\nklick\n' >"$WORK/bad.kioskscript"
expect_fail "bad script" 2 "bad.kioskscript:2: unknown command 'klick'" -- \
  "$KIOSK" --demo --headless --demo-state "$WORK/demo2" --script "$WORK/bad.kioskscript"

# A failing script names its line and exits 1.
printf 'wait-for "办件查询" 10s\nexpect "这段文字不存在"\n' >"$WORK/fail.kioskscript"
expect_fail "failing script" 1 "fail.kioskscript:2: expect \"这段文字不存在\": .* is not on screen" -- \
  "$KIOSK" --demo --headless --demo-state "$WORK/demo3" --script "$WORK/fail.kioskscript"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
