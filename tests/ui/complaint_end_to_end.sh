#!/usr/bin/env bash
# Issue 12, checked end to end as the district would see it, with the real programs only:
#   1. a citizen files a complaint on the kiosk (UI script, keyboard included); the terminal uploads it;
#   2. the receipt's QR, as the demo's virtual printer drew it on paper, is decoded (zbarimg) and
#      must hold the tracking number and verification code shown on screen;
#   3. the complaint office finds it with `kiosk-central complaints list` and moves it along with
#      `complaints advance` (assigned, handling, replied with a reply text);
#   4. the citizen follows it on the kiosk by the slip's number and code and reads each stage, the
#      handling unit and the reply, in Chinese and in English, in landscape and portrait.
# usage: complaint_end_to_end.sh KIOSK KIOSK_CENTRAL SCRIPT_DIR WORKDIR
set -u
KIOSK=$1 CENTRAL=$2 SCRIPTS=$3 WORK=$4
rm -rf "$WORK" && mkdir -p "$WORK"
STATE=$WORK/state DB=$WORK/state/central/central.db TLS=$WORK/state/central/tls
fail() {
  echo "FAIL: $*"
  exit 1
}

# ---- 1. file it ----
"$KIOSK" --demo --headless --size 1920x1080 --demo-state "$STATE" --screenshot-dir "$WORK/file" \
  --script "$SCRIPTS/complaint_e2e_file.kioskscript" || fail "filing the complaint on the kiosk (see above)"
shown=$(grep -oE 'DEMO-HALL-01-[0-9]{6}' "$WORK/file/received.txt" | head -n 1)
[ -n "$shown" ] || fail "no tracking number on the received screen ($WORK/file/received.txt)"
echo "ok   filed on the kiosk: $shown"

# ---- 2. the slip's QR ----
slips=("$STATE"/printed/*.png)
[ -e "${slips[0]}" ] || fail "the virtual printer wrote no slip under $STATE/printed"
[ "${#slips[@]}" -eq 1 ] || fail "${#slips[@]} slips printed for one complaint: ${slips[*]}"
# (zbarimg's complaints about a missing D-Bus go to a file, not the test's output.)
qr=$(zbarimg --quiet --raw "${slips[0]}" 2>"$WORK/zbarimg.err") || fail "no QR code found on ${slips[0]}"
[[ $qr =~ ^complaint:(DEMO-HALL-01-([0-9]{6})):([0-9]{6})$ ]] || fail "the slip's QR says '$qr'"
tracking=${BASH_REMATCH[1]} digits=${BASH_REMATCH[2]} code=${BASH_REMATCH[3]}
[ "$tracking" = "$shown" ] || fail "the QR holds $tracking, the screen showed $shown"
grep -qx "$code" "$WORK/file/received.txt" || fail "the QR's code $code is not the one on the screen"
echo "ok   the slip's QR: $tracking with its code"

# ---- 3. the complaint office ----
list() { "$CENTRAL" complaints list --db "$DB" --tls-dir "$TLS" --json; }
field_of() { # field_of JSON FIELD: that field of the complaint $tracking
  python3 -c 'import json,sys; rows=[r for r in json.load(sys.stdin) if r["tracking_no"]==sys.argv[1]]
print(rows[0][sys.argv[2]] if len(rows)==1 else "found %d" % len(rows))' "$tracking" "$2" <<<"$1"
}
rows=$(list) || fail "kiosk-central complaints list"
[ "$(field_of "$rows" status)" = received ] || fail "list: status '$(field_of "$rows" status)', want received"
[ "$(field_of "$rows" category)" = tuola ] || fail "list: category '$(field_of "$rows" category)', want tuola"
[ -n "$(field_of "$rows" due_date)" ] || fail "list: no due date"
echo "ok   listed by the server: received, category tuola, due $(field_of "$rows" due_date)"
advance() { "$CENTRAL" complaints advance --db "$DB" --tls-dir "$TLS" --tracking "$tracking" "$@" ||
  fail "complaints advance $*"; }
advance --to assigned --unit "区市场监督管理局" --note "转区市场监督管理局办理"
advance --to handling --note "已约谈窗口负责人"
advance --to replied --note "窗口已补正材料清单，承诺三个工作日内办结"
# Backwards is refused, and says so.
if out=$("$CENTRAL" complaints advance --db "$DB" --tls-dir "$TLS" --tracking "$tracking" --to assigned 2>&1); then
  fail "advance back to assigned was accepted"
fi
echo "ok   advanced to replied; going back refused: $out"
[ "$(field_of "$(list)" status)" = replied ] || fail "list after advance: status is not replied"

# ---- 4. the citizen follows it ----
cat >"$WORK/follow.kioskscript" <<SCRIPT
wait-for "投诉查询" 10s
wait-for "网络正常" 10s
tap "投诉查询"
wait-for "受理编号" 5s
field "受理编号"
keys "$digits"
field "验证码"
keys "$code"
tap "查询"
wait-for "窗口已补正材料清单" 10s
expect "$tracking"
expect "区市场监督管理局"
screenshot follow.png
check-layout
layout 1080x1920 1.0
expect "已约谈窗口负责人"
screenshot follow-portrait.png
check-layout
save-text follow.txt
tap "English"
wait-for "$tracking" 5s
screenshot follow-en-portrait.png
check-layout
layout 1920x1080 1.0
check-layout
screenshot follow-en.png
SCRIPT
"$KIOSK" --demo --headless --size 1920x1080 --demo-state "$STATE" --screenshot-dir "$WORK/follow" \
  --script "$WORK/follow.kioskscript" || fail "following the complaint on the kiosk (see above)"
echo "ok   followed on the kiosk: the stages, the unit and the reply"
echo "screenshots: $WORK/file $WORK/follow"
