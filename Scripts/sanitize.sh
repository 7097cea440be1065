#!/usr/bin/env bash
# Runs the whole test suite under AddressSanitizer and ThreadSanitizer, each
# in its own scratch path so the normal .build is left alone.
#
#   Scripts/sanitize.sh              both sanitizers
#   Scripts/sanitize.sh address      only ASan (.build-asan)
#   Scripts/sanitize.sh thread       only TSan (.build-tsan)
#
# Extra arguments after the sanitizer name go to `swift test` (e.g.
# `Scripts/sanitize.sh thread --filter Spatial`). A sanitizer report makes
# the test process fail, so the exit status is non-zero on any finding.
# Timings on a 2-core machine are in Documentation/Reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."

run() {
  local sanitizer="$1"
  shift
  local scratch=.build-asan
  [ "$sanitizer" = thread ] && scratch=.build-tsan
  echo "== swift test --sanitize=$sanitizer (scratch path $scratch)"
  # halt_on_error: stop at the first report so it is not lost in later output.
  # detect_leaks=0: Swift's runtime keeps metadata caches alive on purpose;
  # leak reports from them are noise, not bugs of this package.
  ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=0}" \
    TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}" \
    swift test --sanitize="$sanitizer" --scratch-path "$scratch" "$@"
}

case "${1:-both}" in
  address | thread)
    s="$1"
    shift
    run "$s" "$@"
    ;;
  both)
    run address
    run thread
    ;;
  *)
    echo "usage: Scripts/sanitize.sh [address|thread|both] [swift test arguments]" >&2
    exit 64
    ;;
esac
