#!/bin/sh
# The office's complaint commands as an operator (or a checker) runs them, against a demo server's
# database: `complaints list` (text, --json, --status), `complaints advance` (forward moves, refused
# backward moves and unknown numbers with a non-zero exit), `suggestions list`, and --help.
#   complaints_cli.sh KIOSK_CENTRAL
set -eu
CENTRAL=$1
WORK=$(mktemp -d /tmp/kiosk-complaints-cli-XXXXXX)
SERVER_PID=
cleanup() {
    [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$CENTRAL" serve --listen 127.0.0.1:0 --db "$WORK/central.db" --tls-dir "$WORK/tls" --demo-data \
    > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 1 100); do
    grep -q '^listening on https://' "$WORK/serve.out" 2>/dev/null && break
    sleep 0.05
done
grep -q '^listening on https://' "$WORK/serve.out" || fail "server did not start: $(cat "$WORK/serve.err")"

DB="$WORK/central.db"
LIST=$("$CENTRAL" complaints list --db "$DB" --json | tr -d ' \n')
echo "$LIST" | grep -q '"tracking_no":"DEMO-HALL-01-900001"' || fail "seeded complaint not listed: $LIST"
echo "$LIST" | grep -q '"status":"received"' || fail "no status: $LIST"
echo "$LIST" | grep -q '"due_date":"20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]"' || fail "no due date: $LIST"
for k in tracking_no category department status created_at due_date; do
    echo "$LIST" | grep -q "\"$k\":" || fail "key $k missing: $LIST"
done
"$CENTRAL" complaints list --db "$DB" | grep -q '^DEMO-HALL-01-900002 .*handling' || fail "text list"
[ "$("$CENTRAL" complaints list --db "$DB" --status closed --json | grep -c tracking_no)" = 1 ] \
    || fail "--status closed"

# Forward moves; the note is sealed with the key found next to the database (tls/data.key).
"$CENTRAL" complaints advance --db "$DB" --tracking DEMO-HALL-01-900001 --to assigned --unit 区政务服务管理办公室 \
    --note 已转办 > /dev/null || fail "advance to assigned"
"$CENTRAL" complaints list --db "$DB" --status assigned --json | grep -q DEMO-HALL-01-900001 \
    || fail "not assigned after advance"
if "$CENTRAL" complaints advance --db "$DB" --tracking DEMO-HALL-01-900001 --to assigned 2> "$WORK/err"; then
    fail "a second move to the same stage was accepted"
fi
grep -q "'assigned'" "$WORK/err" || fail "refusal does not name the current stage: $(cat "$WORK/err")"
if "$CENTRAL" complaints advance --db "$DB" --tracking DEMO-HALL-01-900002 --to revisited 2> "$WORK/err"; then
    fail "revisited before closed was accepted"
fi
if "$CENTRAL" complaints advance --db "$DB" --tracking NOPE-1 --to assigned 2> "$WORK/err"; then
    fail "an unknown tracking number was accepted"
fi
grep -q "NOPE-1" "$WORK/err" || fail "unknown number not named: $(cat "$WORK/err")"
"$CENTRAL" complaints advance --db "$DB" --tracking X --to bogus 2> /dev/null && fail "bad --to accepted"
"$CENTRAL" complaints advance --help | grep -q -- '--to' || fail "advance --help"
"$CENTRAL" complaints list --help | grep -q -- '--status' || fail "list --help"
# Today's decrypted list still works.
"$CENTRAL" complaints --db "$DB" --tls-dir "$WORK/tls" --limit 1 | grep -q DEMO-HALL-01 || fail "complaints"
# Suggestions: none yet, an empty JSON array; --help works.
[ "$("$CENTRAL" suggestions list --db "$DB" --json | tr -d ' \n')" = "[]" ] || fail "suggestions list"
"$CENTRAL" suggestions list --help | grep -q -- '--json' || fail "suggestions list --help"
echo "ok: complaints list / advance, suggestions list"
