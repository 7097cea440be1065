#!/usr/bin/env bash
# Runs a fuzzing campaign with the binary Fuzz/run.sh builds and reports, per
# target, what Documentation/Reliability.md records: run length, executions
# per second, coverage (libFuzzer's cov = edges, ft = features), corpus size,
# when coverage last grew (a plateau is a long stretch without growth) and
# the crashes found.
#
#   Fuzz/campaign.sh SECONDS JOBS TARGET...     e.g. Fuzz/campaign.sh 300 2 csv json
#
# JOBS targets run at the same time (keep it at or below the cores you can
# spare). Logs go to .build-fuzz/logs/<target>.log, a summary line per target
# to .build-fuzz/logs/summary.tsv. Build the binary first with
# `Fuzz/run.sh 1 json` (it rebuilds only when a source changed).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="$1"
JOBS="$2"
shift 2
OUT=.build-fuzz
BIN="$OUT/kraftsamling-fuzz"
LOGS="$OUT/logs"
mkdir -p "$LOGS"
[ -x "$BIN" ] || { echo "build the fuzzer first: Fuzz/run.sh 1 json" >&2; exit 1; }

run_one() {
  local t="$1"
  mkdir -p "$OUT/corpus/$t" "$OUT/crashes/$t"
  local start
  start=$(date +%s)
  local DICT
  # Every line of libFuzzer's output gets the seconds since the start.
  # A dictionary of the format's keys and values, when there is one.
  DICT=()
  if [ -f "Fuzz/dict/$t.dict" ]; then DICT=(-dict="Fuzz/dict/$t.dict"); fi
  KK_FUZZ_TARGET="$t" "$BIN" "$OUT/corpus/$t" "Fuzz/corpus/$t" "${DICT[@]}" \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/crashes/$t/" -print_final_stats=1 2>&1 \
    | while IFS= read -r line; do printf '%s\t%s\n' "$(( $(date +%s) - start ))" "$line"; done >"$LOGS/$t.log" || true
  local last_new final execs crashes
  # The second at which the edge coverage (cov) last grew.
  last_new=$(sed -nE 's/^([0-9]+)\t.*cov: ([0-9]+) ft.*/\1 \2/p' "$LOGS/$t.log" | awk '$2 != last { t = $1; last = $2 } END { print t }')
  final=$(grep -E $'\t#[0-9]+[[:space:]]+DONE' "$LOGS/$t.log" | tail -1 | cut -f2-)
  execs=$(grep -E 'stat::average_exec_per_sec' "$LOGS/$t.log" | awk '{print $NF}')
  crashes=$(find "$OUT/crashes/$t" -type f | wc -l)
  local cov ft corp
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$final")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$final")
  corp=$(sed -nE 's/.*corp: ([0-9]+\/[0-9]+[a-zA-Z]*).*/\1/p' <<<"$final")
  printf '%s\t%ss\t%s exec/s\tcov %s\tft %s\tcorpus %s\tcov last grew at %ss\tcrashes %s\n' \
    "$t" "$(( $(date +%s) - start ))" "${execs:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${last_new:-0}" "$crashes" \
    | tee -a "$LOGS/summary.tsv"
}

running=0
for t in "$@"; do
  run_one "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait
