#!/usr/bin/env bash
# Issue 11, bad input at the keyboard, through the real kiosk: the pinyin dictionary missing (the
# keyboard offers 英文, 数字, 符号 and says pinyin is unavailable; the technician's log names the
# file), invalid UTF-8 and an emoji arriving as SDL text input, typing past a field's limit.
# usage: keyboard_bad_input.sh KIOSK WORKDIR
set -u
KIOSK=$1 WORK=$2
rm -rf "$WORK" && mkdir -p "$WORK"
fails=0

# 1. No dictionary: a real config, offline (no server), the guide has no catalog yet.
cat >"$WORK/nodict.toml" <<TOML
[terminal]
id = "T1"
state_dir = "$WORK/state"
[server]
url = "https://127.0.0.1:9"
[idcard]
port = "$WORK/no-such-tty"
[printer]
uri = "none"
[ui]
pinyin_dictionary = "$WORK/missing/dict_pinyin.dat"
TOML
cat >"$WORK/nodict.kioskscript" <<'SCRIPT'
wait-for "办事指南" 10s
tap "办事指南"
wait-for "办事指南尚未从服务中心下载" 5s
field "搜索"
wait-for "拼音输入暂不可用，请用英文、数字或符号输入" 5s
expect "大写"
keys "ban{123}7"
expect "ban7"
type "shi"
expect "ban7shi"
screenshot no-dictionary.png
check-layout
SCRIPT
out=$("$KIOSK" --config "$WORK/nodict.toml" --headless --script "$WORK/nodict.kioskscript" \
  --screenshot-dir "$WORK" 2>&1)
rc=$?
if [ "$rc" -ne 0 ] || ! grep -q "pinyin input unavailable: pinyin dictionary not found: $WORK/missing/dict_pinyin.dat" <<<"$out"; then
  echo "FAIL no dictionary: exit $rc, output:"; echo "$out" | sed 's/^/    /'; fails=$((fails + 1))
else
  echo "ok   no dictionary: the keyboard says so and types 英文 and 数字; the log names the file"
fi

# 2. Invalid UTF-8, an emoji and too much text as SDL text input (a physical keyboard, a paste).
{
  printf 'wait-for "办事指南" 10s\ntap "办事指南"\nfield "搜索"\n'
  printf 'keys "{abc}"\n'
  printf 'type "ok\xff\xfe"\nexpect "有无法识别的字符，已略去"\nexpect "ok"\n'
  printf 'type "好\xf0\x9f\x98\x80"\nexpect "不支持表情符号和控制字符，已略去"\nexpect "ok好"\n'
  printf 'type "一二三四五六七八九十一二三四五六七八九十多余"\nexpect "最多只能输入 20 个字"\n'
  printf 'expect "20/20"\nexpect-not "多余"\nscreenshot bad-text.png\ncheck-layout\n'
  # Nothing of it is left for the next citizen.
  printf 'tap "返回首页"\ntap "办事指南"\nexpect "0/20"\nexpect-not "ok好"\n'
} >"$WORK/badtext.kioskscript"
out=$("$KIOSK" --demo --headless --demo-state "$WORK/demo" --script "$WORK/badtext.kioskscript" \
  --screenshot-dir "$WORK" 2>&1)
rc=$?
if [ "$rc" -ne 0 ]; then
  echo "FAIL bad text: exit $rc, output:"; echo "$out" | sed 's/^/    /'; fails=$((fails + 1))
else
  echo "ok   bad text: invalid bytes and emoji left out with a message, the limit held and said"
fi
# Nothing a citizen typed reaches the log.
if grep -qE "ok好|一二三四五" <<<"$out"; then
  echo "FAIL the log holds typed text"; fails=$((fails + 1))
fi

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
