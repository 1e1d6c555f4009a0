#!/usr/bin/env bash
# End-to-end test of `kioskctl idcard`: simulate (driven through stdin), read (exit codes 0/2/3, JSON keys,
# masking), status. Usage: idcard_cli_test.sh PATH/TO/kioskctl
set -euo pipefail
K="$1"
T=$(mktemp -d)
SIM_PID=""
cleanup() {
  exec 7>&- 2>/dev/null || true
  if [ -n "$SIM_PID" ]; then kill "$SIM_PID" 2>/dev/null || true; wait "$SIM_PID" 2>/dev/null || true; fi
  rm -rf "$T"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkfifo "$T/in"
"$K" idcard simulate <"$T/in" >"$T/out" 2>"$T/err" &
SIM_PID=$!
exec 7>"$T/in"
for _ in $(seq 50); do [ -s "$T/out" ] && break; sleep 0.1; done
PTY=$(head -1 "$T/out")
[ -e "$PTY" ] || fail "simulator did not print a pty path (got '$PTY')"

send() { echo "$1" >&7; sleep 0.1; }

# status
"$K" idcard status --port "$PTY" >"$T/status" || fail "status exit $?"
grep -q "sam_id: 05.01-20230915-001234567-987654321" "$T/status" || fail "status output: $(cat "$T/status")"

# no card -> 2
set +e
"$K" idcard read --port "$PTY" --timeout-ms 800 --json >"$T/r0" 2>"$T/e0"; rc=$?
set -e
[ $rc -eq 2 ] || fail "no card: exit $rc, want 2"
[ ! -s "$T/r0" ] || fail "no card: stdout not empty"

# masked by default, one JSON object
send "present wang-xiuying"
"$K" idcard read --port "$PTY" --timeout-ms 3000 --json >"$T/r1" 2>"$T/e1" || fail "read exit $?"
[ "$(wc -l <"$T/r1")" -eq 1 ] || fail "--json must print one line"
grep -q '"card_type":"resident"' "$T/r1" || fail "card_type: $(cat "$T/r1")"
grep -q '"name":"王秀英"' "$T/r1" || fail "name"
grep -q '"id_number":"110105\*\*\*\*\*\*\*\*1529"' "$T/r1" || fail "masked id_number: $(cat "$T/r1")"
grep -q '"valid_to":"长期"' "$T/r1" || fail "valid_to"
grep -q '"id_checksum_ok":true' "$T/r1" || fail "id_checksum_ok"
grep -q '"sam_id":"05.01-' "$T/r1" || fail "sam_id"
if grep -q '"name_en"\|"pass_number"\|"nationality"' "$T/r1"; then fail "keys of other card types present"; fi
if grep -q "110105195603121529" "$T/r1" "$T/e1"; then fail "unmasked ID number leaked"; fi

# --unmasked, HMT permit
send "present chen-jiaming"
"$K" idcard read --port "$PTY" --timeout-ms 3000 --json --unmasked >"$T/r2" || fail "read J exit $?"
grep -q '"card_type":"hmt_permit"' "$T/r2" || fail "J card_type"
grep -q '"id_number":"810000199408230021"' "$T/r2" || fail "unmasked id"
grep -q '"pass_number":"H60123456"' "$T/r2" || fail "pass_number"
grep -q '"issue_count":"01"' "$T/r2" || fail "issue_count"

# a custom card file, foreign 2023
cat >"$T/cards.json" <<'JSON'
{"cards": [{"card": "ana", "card_type": "foreign_2023", "name": "安娜", "name_en": "SILVA ANA", "gender": "2",
            "birth_date": "1990-02-03", "id_number": "932682199002030022", "valid_from": "2024-01-01",
            "valid_to": "2034-01-01", "nationality": "BRA", "issue_count": "00"}]}
JSON
"$K" idcard simulate --cards "$T/cards.json" --present ana --no-stdin >"$T/out2" 2>&1 &
SIM2=$!
for _ in $(seq 50); do [ -s "$T/out2" ] && break; sleep 0.1; done
PTY2=$(head -1 "$T/out2")
"$K" idcard read --port "$PTY2" --timeout-ms 3000 >"$T/r3" || fail "read Y exit $?"
grep -q '"card_type": "foreign_2023"' "$T/r3" || fail "Y card_type: $(cat "$T/r3")"
grep -q '"name_en": "SILVA ANA"' "$T/r3" || fail "Y name_en"
grep -q '"nationality": "BRA"' "$T/r3" || fail "Y nationality"
kill -TERM $SIM2
wait $SIM2 || fail "simulate did not exit cleanly on SIGTERM"

# SW3 fault -> 3 with a Chinese message and technician detail on stderr (a fresh card: the last one was
# read and, like on a real reader, stays silent to find until lifted)
send "present zhao-min"
send "fault sw3 41"
grep -q "ok fault sw3 41" "$T/out" || fail "fault not acknowledged: $(cat "$T/out")"
set +e
"$K" idcard read --port "$PTY" --timeout-ms 3000 >"$T/r4" 2>"$T/e4"; rc=$?
set -e
[ $rc -eq 3 ] || fail "sw3 fault: exit $rc, want 3"
grep -q "读取证件失败" "$T/e4" || fail "sw3 message: $(cat "$T/e4")"
grep -q "read_card_failed" "$T/e4" || fail "sw3 detail"

# silence -> 3
send "fault silence"
set +e
"$K" idcard read --port "$PTY" --timeout-ms 3000 >/dev/null 2>"$T/e5"; rc=$?
set -e
[ $rc -eq 3 ] || fail "silence: exit $rc, want 3"
grep -q "timeout" "$T/e5" || fail "silence detail: $(cat "$T/e5")"

# missing device -> 3
set +e
"$K" idcard read --port "$T/nope" --timeout-ms 1000 >/dev/null 2>"$T/e6"; rc=$?
set -e
[ $rc -eq 3 ] || fail "missing port: exit $rc, want 3"

# bad commands are answered, EOF ends the simulator cleanly
send "present nobody"
send "fault explode"
grep -q "error: unknown card 'nobody'" "$T/out" || fail "unknown card not reported"
grep -q "error: unknown fault 'explode'" "$T/out" || fail "unknown fault not reported"
exec 7>&-
for _ in $(seq 50); do kill -0 "$SIM_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$SIM_PID" 2>/dev/null; then fail "simulator still running after EOF"; fi
wait "$SIM_PID" || fail "simulator exit status $?"
SIM_PID=""
echo "idcard CLI: all checks passed"
