#!/usr/bin/env bash
# Issue 8.14: the kiosk's state on disk is its owner's alone whatever the umask. The demo runs a citizen's
# printed slip under umask 000; then everything is widened as older versions left it (directories
# 0755, store and pictures 0644) and the demo runs again: every directory must be 0700 and every file
# 0600 (or narrower). Certificates are public by nature: they may stay 0644, inside 0700 directories.
# usage: state_modes.sh KIOSK SCRIPT WORKDIR
set -u
KIOSK=$1 SCRIPT=$2 WORK=$3
rm -rf "$WORK" && mkdir -p "$WORK"
STATE=$WORK/state
fails=0

check_modes() {
  local when=$1 bad
  bad=$( (find "$STATE" -type d ! -perm 0700; find "$STATE" -type f ! -name '*.crt' -perm /077;
          find "$STATE" -type f -name '*.crt' -perm /022) | sort)
  if [ -n "$bad" ]; then
    echo "FAIL $when: open to group or others:"
    for f in $bad; do echo "    $(stat -c '%a' "$f") $f"; done
    fails=$((fails + 1))
  else
    echo "ok   $when: $(find "$STATE" | wc -l) paths, directories 0700, files 0600"
  fi
  [ -e "$STATE/printed/job-0001.png" ] || { echo "FAIL $when: no slip picture was printed"; fails=$((fails + 1)); }
}

run_demo() {
  (umask 000 && "$KIOSK" --demo --headless --demo-state "$STATE" --script "$SCRIPT" --screenshot-dir "$WORK" \
      >"$WORK/run.out" 2>&1) || { echo "FAIL $1: the demo failed:"; sed 's/^/    /' "$WORK/run.out"; fails=$((fails + 1)); }
}

run_demo "first start"
check_modes "first start under umask 000"
# As an older version left it. Keys were always written 0600 (and a key others could read is refused).
find "$STATE" -type d -exec chmod 0755 {} +
find "$STATE" -type f ! -name '*.key' -exec chmod 0644 {} +
run_demo "second start"
check_modes "state left wide, started again"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
