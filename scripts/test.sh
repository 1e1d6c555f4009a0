#!/usr/bin/env bash
# Sets up a Debian 12 machine and runs every test of the project:
#   1. the normal build (RelWithDebInfo): unit, integration (real HTTPS, ptys, TCP) and headless UI tests
#   2. the same tests built with AddressSanitizer + UndefinedBehaviorSanitizer
#   3. every libFuzzer target for a bounded time (clang)
# The last line is the total: "N passed, N failed". Exit status is non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
./scripts/setup-deps.sh || { echo "setup-deps failed"; exit 1; }

JOBS=${JOBS:-$(nproc)}
passed=0
failed=0
failures=()

# run_suite NAME BUILD_DIR [cmake args...]
run_suite() {
  local name=$1 dir=$2
  shift 2
  echo "=== $name: configure and build ($dir) ==="
  if ! cmake -S . -B "$dir" "$@" >"$dir.configure.log" 2>&1; then
    cat "$dir.configure.log"
    failed=$((failed + 1)); failures+=("$name: configure")
    return
  fi
  if ! cmake --build "$dir" -j "$JOBS" 2>&1 | tail -n 40; then :; fi
  if [ "${PIPESTATUS[0]}" -ne 0 ]; then
    failed=$((failed + 1)); failures+=("$name: build")
    return
  fi
  echo "=== $name: ctest ==="
  local log="$dir/ctest.log"
  ctest --test-dir "$dir" --output-on-failure -j "$JOBS" --timeout 600 2>&1 | tee "$log"
  local line
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    failed=$((failed + 1)); failures+=("$name: no ctest summary")
    return
  fi
  local f total
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) tests? failed out of ([0-9]+).*/\1/')
  total=$(echo "$line" | sed -E 's/.* out of ([0-9]+).*/\1/')
  passed=$((passed + total - f))
  failed=$((failed + f))
  [ "$f" -eq 0 ] || failures+=("$name: $f failed")
}

mkdir -p build
run_suite "release" build/release -DCMAKE_BUILD_TYPE=RelWithDebInfo
# Leak checks stay on for our code; third-party libraries' one-time allocations are listed in the file.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run_suite "asan+ubsan" build/asan -DCMAKE_BUILD_TYPE=Debug -DKIOSK_SANITIZE=ON
CC=clang CXX=clang++ run_suite "fuzz" build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKIOSK_FUZZ=ON

echo
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
