#!/usr/bin/env bash
# Event-store benchmark: `scripts/bench_store.sh [DOCUMENTS] [RUNS] [STORE_DOCUMENTS]`
# (defaults 100000, 21, 260000). Rerunnable; everything it writes goes to bench-out/store/.
#
# 1. End to end: a news-like JSONL corpus of DOCUMENTS documents, recombined with a fixed seed from
#    the repo's own sentences (tests/acceptance/corpus.txt and samples/news.jsonl; one story in ten
#    is a wire copy of an earlier one under another outlet's name, so deduplication has work to do),
#    is coded and stored by `dyad ingest` into a fresh store: documents/s and events/s, coding
#    included. Then the same command again, which finds every document unchanged.
# 2. The store alone, at scale: crates/store/examples/store_bench.rs writes STORE_DOCUMENTS
#    synthetic coded documents (5 events each; one report in five repeats an earlier event) through
#    the store's API, then times the dyad time-series queries (median of RUNS).
# 3. `dyad stats --by month --dyad RUS:TUR` on that store as a whole command (median of RUNS).
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS=${1:-100000}
RUNS=${2:-21}
STORE_DOCS=${3:-260000}
OUT=bench-out/store
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$OUT"
cargo build --release -q -p dyad-cli
cargo build --release -q -p dyad-store --example store_bench
BIN=$TARGET/release/dyad
CORPUS=$OUT/corpus-$DOCS.jsonl

if [ ! -s "$CORPUS" ]; then
  python3 - "$CORPUS" "$DOCS" <<'EOF'
import json, random, sys
from pathlib import Path
out, n = Path(sys.argv[1]), int(sys.argv[2])
sentences = []
for line in Path("tests/acceptance/corpus.txt").read_text(encoding="utf-8").splitlines():
    if line and not line[0].isspace() and not line.startswith(("#", "@")):
        sentences.append(line.strip())
for line in Path("samples/news.jsonl").read_text(encoding="utf-8").splitlines():
    text = json.loads(line)["text"]
    sentences.extend(p.strip() for p in text.split("\n\n") if p.strip())
outlets = ["Reuters", "AP", "AFP", "BBC", "Al Jazeera", "TASS", "Xinhua", "DPA", "Anadolu",
           "Kyodo", "Yonhap", "PTI"]
rng = random.Random(5_2016)
stories = []
with out.open("w", encoding="utf-8") as f:
    for i in range(n):
        if stories and rng.random() < 0.1:
            date, text = rng.choice(stories[-2000:])
        else:
            paras = [" ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
                     for _ in range(rng.randint(2, 4))]
            date = f"20{rng.randint(16, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            text = "\n\n".join(paras)
            stories.append((date, text))
        doc = {"id": f"store-bench-{i}", "date": date, "source": rng.choice(outlets),
               "url": f"https://example.org/{i}", "text": text}
        f.write(json.dumps(doc, ensure_ascii=False) + "\n")
print(f"{out}: {n} documents, {out.stat().st_size / 1e6:.1f} MB", file=sys.stderr)
EOF
fi

rm -f "$OUT"/ingest.db "$OUT"/ingest.db-wal "$OUT"/ingest.db-shm
echo "== dyad ingest $CORPUS ($(du -m "$CORPUS" | cut -f1) MB), 2 threads, fresh store"
start=$(date +%s%N)
"$BIN" ingest "$CORPUS" --db "$OUT/ingest.db" 2>"$OUT/ingest.log"
end=$(date +%s%N)
cat "$OUT/ingest.log"
# "dyad: D documents read (...), K skipped; S sentences, E events coded, N new events stored in T s"
line=$(grep -E '^dyad: [0-9]+ documents read' "$OUT/ingest.log")
docs=$(echo "$line" | sed -E 's/^dyad: ([0-9]+) documents.*/\1/')
events=$(echo "$line" | sed -E 's/.* ([0-9]+) events coded.*/\1/')
secs=$(python3 -c "print(($end - $start) / 1e9)")
python3 -c "print(f'ingest: {$docs} documents, {$events} events in {$secs:.1f} s: {$docs/$secs:.0f} documents/s, {$events/$secs:.0f} events/s')"
echo "store file: $(du -m "$OUT/ingest.db" | cut -f1) MB"
start=$(date +%s%N)
"$BIN" ingest "$CORPUS" --db "$OUT/ingest.db" 2>"$OUT/reingest.log"
end=$(date +%s%N)
echo "re-ingest (every document unchanged): $(python3 -c "print(round(($end - $start) / 1e9, 1))") s"
grep -E 'documents read' "$OUT/reingest.log"

echo
echo "== store API: $STORE_DOCS synthetic documents, then dyad time-series queries"
rm -f "$OUT"/store.db "$OUT"/store.db-wal "$OUT"/store.db-shm
"$TARGET/release/examples/store_bench" "$OUT/store.db" "$STORE_DOCS" 5 "$RUNS"

echo
echo "== dyad stats --by month --dyad RUS:TUR as a command, $RUNS runs"
ms=()
for i in $(seq "$RUNS"); do
  s=$(date +%s%N)
  "$BIN" stats --db "$OUT/store.db" --by month --dyad RUS:TUR --format csv >/dev/null
  e=$(date +%s%N)
  ms+=("$(( (e - s) / 1000 ))")
done
median=$(printf '%s\n' "${ms[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "dyad stats: median $(python3 -c "print(round($median / 1000, 2))") ms (process start included)"
