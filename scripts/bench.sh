#!/usr/bin/env bash
# Throughput benchmark: `scripts/bench.sh [MEGABYTES] [RUNS]` (defaults 12 MB, 5 runs).
# Builds the release binary, generates the corpus (scripts/make_bench_corpus.py), then codes it with
# one thread RUNS times and reports the median sentences/s, MB/s and peak RSS, plus start-up time.
# With PETRARCH=DIR in the environment, codes with those PETRARCH dictionaries instead
# (e.g. PETRARCH=../shared/petrarch2-data/phoenix scripts/bench.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-12}
RUNS=${2:-5}
OUT=bench-out
mkdir -p "$OUT"
cargo build --release -q -p dyad-cli
BIN=target/release/dyad
[ -s "$OUT/corpus-$MB.jsonl" ] || python3 scripts/make_bench_corpus.py "$OUT/corpus-$MB.jsonl" "$MB" --style recombined
CORPUS="$OUT/corpus-$MB.jsonl"
DICTS=()
LABEL="embedded dictionaries"
if [ -n "${PETRARCH:-}" ]; then DICTS=(--petrarch "$PETRARCH"); LABEL="PETRARCH dictionaries in $PETRARCH"; fi
BYTES=$(stat -c %s "$CORPUS")

rates=(); rss=()
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%M" -o "$OUT/rss" "$BIN" code "$CORPUS" "${DICTS[@]}" --threads 1 --format jsonl >"$OUT/events.jsonl" 2>"$OUT/summary"
  # "dyad: D documents, S sentences, E events, K skipped in T s (R sentences/s)"
  line=$(grep -E '^dyad: [0-9]+ documents' "$OUT/summary")
  secs=$(echo "$line" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
  sents=$(echo "$line" | sed -E 's/.*documents, ([0-9]+) sentences.*/\1/')
  rates+=("$(python3 -c "print($sents/$secs)")")
  rss+=("$(cat "$OUT/rss")")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
RATE=$(median "${rates[@]}")
RSS=$(median "${rss[@]}")
STARTS=()
for i in $(seq 11); do
  s=$(date +%s%N); echo '' | "$BIN" code - "${DICTS[@]}" --format jsonl >/dev/null 2>&1; e=$(date +%s%N)
  STARTS+=("$(( (e - s) / 1000000 ))")
done
START=$(median "${STARTS[@]}")
echo "corpus: $CORPUS ($(python3 -c "print(round($BYTES/1e6,1))") MB, $sents sentences, $(wc -l <"$OUT/events.jsonl") events)"
printf "| metric | median of %s runs |\n|---|---|\n" "$RUNS"
printf "| sentences/s, 1 thread, raw text to JSONL | %.0f |\n" "$RATE"
printf "| MB/s, 1 thread | %.1f |\n" "$(python3 -c "print($BYTES/1e6/($sents/$RATE))")"
printf "| peak RSS | %s MB |\n" "$(( RSS / 1024 ))"
printf "| start-up with %s (empty input) | %s ms |\n" "$LABEL" "$START"
