#!/usr/bin/env bash
# Builds KraftsamlingKit's libFuzzer targets with the toolchain's
# -sanitize=fuzzer,address and runs each for a while.
#
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET ...]     (default 60 s, all targets)
#
# The stage modules' sources (Sources/Kraftsamling*/, without their
# imports of one another) and Fuzz/*.swift are compiled into one module
# (so internal readers are reachable). Seed corpora are in
# Fuzz/corpus/<target> (dictionaries of JSON keys in Fuzz/dict/<target>.dict); inputs the fuzzer finds go to .build-fuzz/corpus/<target>
# (not committed); crashes to .build-fuzz/crashes/<target>. Each run prints
# libFuzzer's final line with executions per second. For long runs with a
# summary per target use Fuzz/campaign.sh; Documentation/Reliability.md
# records the campaigns run so far.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then TARGETS=(csv px geojson json models money index rules insatser consultation neighbours panel apportion scalars); fi
OUT=.build-fuzz
mkdir -p "$OUT"
BIN="$OUT/kraftsamling-fuzz"
STAGES=(Sources/KraftsamlingCore Sources/KraftsamlingIndex Sources/KraftsamlingGeography Sources/KraftsamlingInsatser
  Sources/KraftsamlingAllocation Sources/KraftsamlingFollowUp Sources/KraftsamlingReporting)
if [ ! -x "$BIN" ] || [ -n "$(find "${STAGES[@]}" Fuzz -newer "$BIN" -name '*.swift' | head -1)" ]; then
  echo "== building $BIN"
  # One module: copy the sources (unique names) without the stages' imports of each other.
  rm -rf "$OUT/sources" && mkdir -p "$OUT/sources"
  find "${STAGES[@]}" -name '*.swift' | sort | while read -r f; do
    grep -v '^import Kraftsamling' "$f" > "$OUT/sources/$(echo "$f" | tr '/+' '__')"
  done
  SOURCES=$(find "$OUT/sources" -name '*.swift' | sort)
  swiftc -O -wmo -sanitize=fuzzer,address -parse-as-library -module-name KraftsamlingKit -package-name KraftsamlingKit \
    -swift-version 6 -enable-upcoming-feature ExistentialAny \
    $SOURCES Fuzz/*.swift -o "$BIN" >"$OUT/build.log" 2>&1 || { grep -E "error" "$OUT/build.log"; exit 1; }
fi
for t in "${TARGETS[@]}"; do
  mkdir -p "$OUT/corpus/$t" "$OUT/crashes/$t"
  echo "== fuzzing $t for ${SECONDS_PER_TARGET}s"
  # A dictionary of the format's keys and values, when there is one.
  DICT=()
  if [ -f "Fuzz/dict/$t.dict" ]; then DICT=(-dict="Fuzz/dict/$t.dict"); fi
  KK_FUZZ_TARGET="$t" "$BIN" "$OUT/corpus/$t" "Fuzz/corpus/$t" "${DICT[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/crashes/$t/" -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+[[:space:]]+(DONE|INITED)|stat::number_of_executed_units|stat::average_exec_per_sec|==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)" || true
  if ls "$OUT/crashes/$t"/* >/dev/null 2>&1; then echo "!! crashes in $OUT/crashes/$t"; fi
done
