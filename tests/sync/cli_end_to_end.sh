#!/bin/sh
# End to end through the command-line tools only, the way an operator (or an independent checker) would:
# kiosk-central serve -> enroll-code -> kioskctl enroll -> outbox enqueue-demo -> sync --until-empty -> stats,
# with the server killed (-9) and restarted half-way. Every committed record must be on the server once.
#   cli_end_to_end.sh KIOSK_CENTRAL KIOSKCTL
set -eu
CENTRAL=$1
KIOSKCTL=$2
WORK=$(mktemp -d /tmp/kiosk-cli-e2e-XXXXXX)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

start_server() { # $1 = port (0 = any)
    "$CENTRAL" serve --listen "127.0.0.1:$1" --db "$WORK/central.db" --tls-dir "$WORK/tls" --demo-data \
        > "$WORK/serve.out" 2>> "$WORK/serve.err" &
    SERVER_PID=$!
    for _ in $(seq 1 100); do
        grep -q '^listening on https://' "$WORK/serve.out" 2>/dev/null && break
        sleep 0.05
    done
    grep -q '^listening on https://' "$WORK/serve.out" || fail "server did not start: $(cat "$WORK/serve.err")"
    PORT=$(sed -n 's|^listening on https://127.0.0.1:\([0-9]*\)$|\1|p' "$WORK/serve.out")
}

start_server 0
"$KIOSKCTL" config init --out "$WORK/kiosk.toml" --state-dir "$WORK/state" --server "https://127.0.0.1:$PORT" \
    --terminal HALL-09 > /dev/null
CODE=$("$CENTRAL" enroll-code --db "$WORK/central.db" --terminal HALL-09 --mode hall 2>/dev/null)
"$KIOSKCTL" enroll --config "$WORK/kiosk.toml" --server "https://127.0.0.1:$PORT" --code "$CODE" > /dev/null \
    || fail "enroll"
"$KIOSKCTL" enroll --config "$WORK/kiosk.toml" --server "https://127.0.0.1:$PORT" --code "$CODE" 2>/dev/null \
    && fail "a used code enrolled again"
[ "$(stat -c %a "$WORK/state/tls/client.key")" = 600 ] || fail "client key not 0600"

"$KIOSKCTL" outbox enqueue-demo --config "$WORK/kiosk.toml" --kind rating --count 3000 > /dev/null
"$KIOSKCTL" outbox enqueue-demo --config "$WORK/kiosk.toml" --kind complaint --count 5 > /dev/null
"$KIOSKCTL" outbox stats --config "$WORK/kiosk.toml" | grep -q '"pending": 3005' || fail "3005 pending expected"
grep -c 'ST10' "$WORK/state/kiosk-store.db" > /dev/null 2>&1 && fail "plaintext payload found in the store"
grep -q '13800138000' "$WORK/state/kiosk-store.db" "$WORK/state/kiosk-store.db-wal" 2>/dev/null \
    && fail "a phone number is readable in the store"

# Sync in the background and kill the server with -9 while it runs; restart on the same port.
"$KIOSKCTL" sync --config "$WORK/kiosk.toml" --until-empty --timeout 60 > "$WORK/sync.out" 2> "$WORK/sync.err" &
SYNC_PID=$!
sleep 0.15
kill -9 "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
LEFT=$("$KIOSKCTL" outbox stats --config "$WORK/kiosk.toml" | sed -n 's/.*"pending": \([0-9]*\).*/\1/p')
echo "info: $LEFT of 3005 records still pending when the server was killed"
sleep 0.5
start_server "$PORT"
wait "$SYNC_PID" || fail "sync did not empty the outbox: $(cat "$WORK/sync.out" "$WORK/sync.err")"
"$KIOSKCTL" outbox stats --config "$WORK/kiosk.toml" | grep -q '"pending": 0' || fail "records still pending"

STATS=$("$CENTRAL" stats --db "$WORK/central.db" --json)
echo "$STATS" | tr -d ' \n' | grep -q '"ratings":{"per_terminal":{"HALL-09":3000},"total":3000}' \
    || fail "ratings on the server: $STATS"
echo "$STATS" | tr -d ' \n' | grep -q '"complaints":{"per_terminal":{"HALL-09":5},"total":5}' \
    || fail "complaints on the server: $STATS"
grep -q '110105\|13800138000' "$WORK/serve.err" && fail "personal data in the server log"
echo "ok: 3000 ratings + 5 complaints arrived once across a kill -9 of the server"
