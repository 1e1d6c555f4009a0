#!/usr/bin/env bash
# The technician's command lines end to end, against a real kiosk-central on loopback (issue 8.10, 8.11,
# 8.13): --help at every level, bad command lines, http:// URLs, one terminal-id rule on both sides,
# `config check` beyond the file (devices, enrolment, certificate id and mode), `enroll` never replacing a
# working pair by accident, and `sync` exit codes with --timeout bounding every run.
#   kioskctl_cli_test.sh KIOSK_CENTRAL KIOSKCTL
set -u
CENTRAL=$1
K=$2
WORK=$(mktemp -d /tmp/kioskctl-cli-XXXXXX)
SERVER_PID=
HOLE_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
    [ -n "$HOLE_PID" ] && kill "$HOLE_PID" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# expect RC REGEX -- COMMAND...: runs it, checks the exit code and that stdout+stderr match REGEX.
expect() {
    local want=$1 regex=$2
    shift 3
    "$@" >"$WORK/last.out" 2>&1
    local rc=$?
    [ "$rc" = "$want" ] || fail "$* -> exit $rc, wanted $want: $(cat "$WORK/last.out")"
    grep -Eq -- "$regex" "$WORK/last.out" || fail "$* -> output lacks /$regex/: $(cat "$WORK/last.out")"
}
now_ms() { date +%s%3N; }

# ---- --help exits 0 at every level, for every subcommand of both tools ----
# The subcommands are read from the generated help itself, so a new one is covered without editing this.
subcommands() { "$@" --help | sed -n '/^Subcommands:/,/^$/p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'; }
walk_help() {
    "$@" --help >"$WORK/help.out" 2>&1 || fail "$* --help exits $?"
    grep -q '^Usage: ' "$WORK/help.out" || fail "$* --help printed no usage: $(cat "$WORK/help.out")"
    local sub
    for sub in $(subcommands "$@"); do
        walk_help "$@" "$sub"
        HELPED=$((HELPED + 1))
    done
}
HELPED=0
walk_help "$K"
walk_help "$CENTRAL"
[ "$HELPED" -ge 20 ] || fail "only $HELPED subcommands found in the help (expected config check, idcard read, ...)"
expect 0 "Exit codes.*" -- "$K" --help
expect 0 "75 .*pending" -- "$K" --help

# ---- bad command lines: 64 with the message and where to get help ----
expect 64 "subcommand is required" -- "$K"
expect 64 "not expected: --bogus.*|--bogus" -- "$K" config check "$WORK/x.toml" --bogus
expect 64 "Run 'kioskctl sync --help'" -- "$K" sync --config "$WORK/x.toml" --timeout soon
expect 64 "--kind" -- "$K" outbox enqueue-demo --config "$WORK/x.toml" --kind parcel --count 1
expect 64 "subcommand is required" -- "$CENTRAL"
expect 64 "--mode" -- "$CENTRAL" enroll-code --db "$WORK/c.db" --terminal HALL-01 --mode kiosk

# ---- http:// is told to use https://, never in libcurl's words ----
expect 64 "use https://10.0.0.1:8443" -- "$K" config init --out "$WORK/http.toml" --server http://10.0.0.1:8443
[ -e "$WORK/http.toml" ] && fail "config init wrote a file for an http:// server"

# ---- a terminal id is valid for kioskctl exactly when kiosk-central issues a code for it ----
for id in "HALL 1" "kiosk-enrolment" "柜台1" "HALL/01" "$(printf 'A%.0s' $(seq 65))" ""; do
    expect 64 "--terminal: must be 1 to 64 letters" -- "$K" config init --out "$WORK/id.toml" --terminal "$id"
    expect 64 "--terminal: must be 1 to 64 letters" -- "$CENTRAL" enroll-code --db "$WORK/c.db" --terminal "$id" --mode hall
done
for id in HALL-01 a_b "$(printf 'A%.0s' $(seq 64))"; do
    expect 0 "wrote" -- "$K" config init --out "$WORK/id.toml" --terminal "$id" --force
    expect 0 "^[0-9A-Z]{4}-" -- "$CENTRAL" enroll-code --db "$WORK/ids.db" --terminal "$id" --mode hall
done

# ---- a real server ----
start_server() { # $1 = port (0 = any)
    "$CENTRAL" serve --listen "127.0.0.1:$1" --db "$WORK/central.db" --tls-dir "$WORK/tls" \
        >"$WORK/serve.out" 2>>"$WORK/serve.err" &
    SERVER_PID=$!
    for _ in $(seq 1 200); do # 10 s: the machine may be busy with builds
        grep -q '^listening on https://' "$WORK/serve.out" 2>/dev/null && break
        sleep 0.05
    done
    grep -q '^listening on https://' "$WORK/serve.out" || fail "server did not start: $(cat "$WORK/serve.err")"
    PORT=$(sed -n 's|^listening on https://127.0.0.1:\([0-9]*\)$|\1|p' "$WORK/serve.out")
}
stop_server() {
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=
}
start_server 0
URL="https://127.0.0.1:$PORT"
expect 64 "plain http:// is not allowed: use https://127.0.0.1:$PORT" -- \
    "$K" enroll --config "$WORK/id.toml" --code X --server "http://127.0.0.1:$PORT"
grep -qi "libcurl\|Unsupported protocol" "$WORK/last.out" && fail "libcurl's words for http://"

# A terminal as a technician sets it up: the reader and the printer are /dev/null and a capture file here.
CFG="$WORK/kiosk.toml"
"$K" config init --out "$CFG" --state-dir "$WORK/state" --server "$URL" --terminal HALL-09 \
    --hall-name "测试区政务服务中心" >/dev/null || fail "config init"
sed -i 's|^port = .*|port = "/dev/null"|; s|^uri = .*|uri = "file:'"$WORK"'/slips.bin"|' "$CFG"

# config check before enrolment: not ok, says it is not enrolled and what to run.
expect 1 "enrolment: not enrolled: .*kiosk-central enroll-code --terminal HALL-09 --mode hall.*kioskctl enroll --config" \
    -- "$K" config check "$CFG"
expect 78 "not enrolled.*kioskctl enroll" -- "$K" sync --config "$CFG" --until-empty --timeout 2

CODE=$("$CENTRAL" enroll-code --db "$WORK/central.db" --terminal HALL-09 --mode hall 2>/dev/null)
expect 0 "enrolled as HALL-09 \\(mode hall\\)" -- "$K" enroll --config "$CFG" --code "$CODE"
expect 0 "ok \\(terminal HALL-09, mode hall, server $URL\\)" -- "$K" config check "$CFG"
grep -q "enrolled as HALL-09" "$WORK/last.out" || fail "config check does not say it checked the enrolment"

# config check, each failing check named with what to do:
# a device path that does not exist,
sed 's|^port = .*|port = "'"$WORK"'/no-reader"|' "$CFG" >"$WORK/nodev.toml"
expect 1 "idcard.port: $WORK/no-reader does not exist \\(plug the ID card reader in" -- "$K" config check "$WORK/nodev.toml"
sed 's|^uri = .*|uri = "usb:'"$WORK"'/lp9"|' "$CFG" >"$WORK/noprn.toml"
expect 1 "printer.uri: $WORK/lp9 does not exist \\(switch the printer on" -- "$K" config check "$WORK/noprn.toml"
# a certificate for another terminal id,
sed 's|^id = .*|id = "HALL-10"|' "$CFG" >"$WORK/otherid.toml"
expect 1 "terminal.id: the certificate .* is for terminal HALL-09 but \\[terminal\\] id is HALL-10 \\(set id = \"HALL-09\"" \
    -- "$K" config check "$WORK/otherid.toml"
# a certificate for the other mode,
sed 's|^mode = .*|mode = "counter"|; s|^counter = .*|counter = 4|' "$CFG" >"$WORK/othermode.toml"
expect 1 "terminal.mode: the certificate .* is for a hall terminal but \\[terminal\\] mode is counter.*--mode counter --counter 4" \
    -- "$K" config check "$WORK/othermode.toml"
# a key that does not belong to the certificate.
mkdir -p "$WORK/swapped"
cp "$WORK/state/tls/ca.crt" "$WORK/state/tls/client.crt" "$WORK/swapped/"
"$CENTRAL" issue-cert --tls-dir "$WORK/tls" --terminal HALL-09 --mode hall --out "$WORK/other" >/dev/null
cp "$WORK/other/client.key" "$WORK/swapped/client.key"
sed 's|^ca_file = .*|ca_file = "'"$WORK"'/swapped/ca.crt"|; s|^cert_file = .*|cert_file = "'"$WORK"'/swapped/client.crt"|; s|^key_file = .*|key_file = "'"$WORK"'/swapped/client.key"|' \
    "$CFG" >"$WORK/swapped.toml"
expect 1 "cannot work: the key .* does not belong to the certificate.*--force" -- "$K" config check "$WORK/swapped.toml"

# ---- enroll over a working pair: refused without --force (the code is not spent), kept with it ----
before=$(cat "$WORK/state/tls/client.crt" "$WORK/state/tls/client.key" | sha256sum)
CODE2=$("$CENTRAL" enroll-code --db "$WORK/central.db" --terminal HALL-09 --mode hall 2>/dev/null)
expect 1 "refused: this terminal is already enrolled as HALL-09 \\(certificate" -- "$K" enroll --config "$CFG" --code "$CODE2"
grep -q "the code was not used" "$WORK/last.out" && grep -q "add --force" "$WORK/last.out" \
    || fail "the refusal does not say what to do: $(cat "$WORK/last.out")"
[ "$(cat "$WORK/state/tls/client.crt" "$WORK/state/tls/client.key" | sha256sum)" = "$before" ] \
    || fail "a refused enrolment changed the key or certificate"
ls "$WORK/state/tls/"*.bak >/dev/null 2>&1 && fail "a refused enrolment left a backup"
# Another terminal's code replaces nothing, even with --force.
CODE3=$("$CENTRAL" enroll-code --db "$WORK/central.db" --terminal HALL-77 --mode hall 2>/dev/null)
expect 1 "issued for terminal HALL-77 .* nothing was replaced" -- "$K" enroll --config "$CFG" --code "$CODE3" --force
[ "$(cat "$WORK/state/tls/client.crt" "$WORK/state/tls/client.key" | sha256sum)" = "$before" ] \
    || fail "another terminal's code replaced the key or certificate"
old_cert=$(sha256sum <"$WORK/state/tls/client.crt")
old_key=$(sha256sum <"$WORK/state/tls/client.key")
expect 0 "previous pair kept as .*client.key\\..*\\.bak" -- "$K" enroll --config "$CFG" --code "$CODE2" --force
bak_key=$(ls "$WORK/state/tls/"client.key.*.bak)
bak_cert=$(ls "$WORK/state/tls/"client.crt.*.bak)
[ "$(sha256sum <"$bak_key")" = "$old_key" ] || fail "the key backup is not the old key"
[ "$(sha256sum <"$bak_cert")" = "$old_cert" ] || fail "the certificate backup is not the old certificate"
[ "$(stat -c %a "$bak_key")" = 600 ] || fail "the key backup is not 0600"
[ "$(sha256sum <"$WORK/state/tls/client.key")" != "$old_key" ] || fail "--force did not replace the key"
expect 0 "ok \\(terminal HALL-09" -- "$K" config check "$CFG"

# ---- sync: the exit code says how it ended; --timeout bounds every run ----
expect 0 '"pending":0' -- "$K" sync --config "$CFG" --until-empty --timeout 20
"$K" outbox enqueue-demo --config "$CFG" --kind rating --count 3 >/dev/null || fail "enqueue-demo"
expect 0 '"pending":0' -- "$K" sync --config "$CFG" --until-empty --timeout 20

stop_server
# Offline with nothing pending is not "empty and synced": 69 with the reason.
t0=$(now_ms)
expect 69 "offline: $URL could not be reached: .*connect" -- "$K" sync --config "$CFG" --until-empty --timeout 2
t1=$(now_ms)
[ $((t1 - t0)) -lt 8000 ] || fail "sync --until-empty --timeout 2 took $((t1 - t0)) ms"
"$K" outbox enqueue-demo --config "$CFG" --kind complaint --count 2 >/dev/null || fail "enqueue-demo"
expect 69 "offline: .*; 2 records pending" -- "$K" sync --config "$CFG" --until-empty --timeout 2
# Without --until-empty, --timeout still ends the run.
t0=$(now_ms)
expect 69 "offline: .*2 records pending" -- "$K" sync --config "$CFG" --timeout 2
t1=$(now_ms)
[ $((t1 - t0)) -ge 1900 ] && [ $((t1 - t0)) -lt 8000 ] || fail "sync --timeout 2 took $((t1 - t0)) ms"
# A server that accepts the connection and never answers: still bounded, and the reason is the silence.
python3 -c "
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(('127.0.0.1', $PORT)); s.listen(8); time.sleep(60)" &
HOLE_PID=$!
sleep 0.3
t0=$(now_ms)
expect 69 "offline: .*no answer within 2 s" -- "$K" sync --config "$CFG" --timeout 2
t1=$(now_ms)
[ $((t1 - t0)) -lt 8000 ] || fail "sync against a silent server took $((t1 - t0)) ms"
kill "$HOLE_PID"
wait "$HOLE_PID" 2>/dev/null
HOLE_PID=
# A server that answers but keeps saying "busy" (429): reachable, so not offline; the time runs out with
# the records still pending -> 75.
python3 "$(dirname "$0")/busy_server.py" "$PORT" "$WORK/tls/server.crt" "$WORK/tls/server.key" >"$WORK/busy.out" &
HOLE_PID=$!
for _ in $(seq 1 100); do grep -qs listening "$WORK/busy.out" && break; sleep 0.05; done
t0=$(now_ms)
expect 75 "2 records still pending after 2 s \\(the server answers" -- "$K" sync --config "$CFG" --until-empty --timeout 2
t1=$(now_ms)
[ $((t1 - t0)) -lt 8000 ] || fail "sync against a busy server took $((t1 - t0)) ms"
kill "$HOLE_PID"
wait "$HOLE_PID" 2>/dev/null
HOLE_PID=
# Back online: the pending records go and the run ends at once.
start_server "$PORT"
expect 0 '"pending":0' -- "$K" sync --config "$CFG" --until-empty --timeout 20

echo "kioskctl CLI: all checks passed ($HELPED subcommands' --help)"
