#!/usr/bin/env bash
# HTTP load benchmark of `dyad serve`: `scripts/bench_serve.sh [MEGABYTES] [RUNS] [SECONDS]`
# (defaults 12, 5, 10). Rerunnable; what it writes goes to bench-out/serve/.
#
# Builds the release binary, builds an event store from the benchmark corpus of
# scripts/make_bench_corpus.py (MEGABYTES of news-like JSONL), starts `dyad serve` on a free
# loopback port and runs wrk (2 threads, 32 connections, SECONDS each, RUNS times) against
# /v1/events pages, a filtered dyad page and a dyad series. Prints the median requests/s and the
# median of the runs' 50th and 99th percentile latencies. wrk (Debian package wrk) is installed
# when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-12}
RUNS=${2:-5}
SECS=${3:-10}
OUT=bench-out/serve
TARGET=${CARGO_TARGET_DIR:-target}
mkdir -p "$OUT"
if ! command -v wrk >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update && $sudo apt-get install -y wrk
fi
cargo build --release -q -p dyad-cli
BIN=$TARGET/release/dyad
CORPUS=$OUT/corpus-$MB.jsonl
DB=$OUT/events-$MB.db
[ -s "$CORPUS" ] || python3 scripts/make_bench_corpus.py "$CORPUS" "$MB"
if [ ! -s "$DB" ]; then
  "$BIN" ingest "$CORPUS" --db "$DB" --date 2016-05-17 2> "$OUT/ingest.log" || true
  tail -1 "$OUT/ingest.log"
fi
"$BIN" serve --db "$DB" --addr 127.0.0.1:0 > "$OUT/serve.out" 2> "$OUT/serve.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q http:// "$OUT/serve.out" 2>/dev/null && break
  sleep 0.1
done
BASE=$(grep -o 'http://[^ ]*' "$OUT/serve.out" | sed 's|/$||')
echo "server: $BASE ($(nproc) cores, server and wrk on the same machine)"
events=$("$BIN" stats --db "$DB" --by year --format jsonl | python3 -c 'import sys, json; print(sum(json.loads(l)["events"] for l in sys.stdin))')
echo "store: $events dated events"

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
# wrk prints latencies as 1.23ms / 456.00us / 1.20s; in milliseconds:
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; print v}'; }

bench() {
  local name=$1 path=$2 rps=() p50=() p99=()
  : > "$OUT/$name.runs"
  for i in $(seq "$RUNS"); do
    wrk -t2 -c32 -d"${SECS}s" --latency "$BASE$path" > "$OUT/$name.$i.txt"
    if grep -q "Non-2xx" "$OUT/$name.$i.txt"; then
      echo "error answers in $OUT/$name.$i.txt" >&2
      exit 1
    fi
    echo "$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.$i.txt") \
$(awk '$1 == "50%" {print $2}' "$OUT/$name.$i.txt" | ms) \
$(awk '$1 == "99%" {print $2}' "$OUT/$name.$i.txt" | ms)" >> "$OUT/$name.runs"
  done
  printf '%-44s %10s req/s   p50 %7s ms   p99 %7s ms\n' "$path" \
    "$(cut -d' ' -f1 "$OUT/$name.runs" | median)" \
    "$(cut -d' ' -f2 "$OUT/$name.runs" | median)" \
    "$(cut -d' ' -f3 "$OUT/$name.runs" | median)"
}

echo "median of $RUNS runs of wrk -t2 -c32 -d${SECS}s:"
bench first-page "/v1/events?limit=100"
bench dyad-page "/v1/events?source=RUS&target=TUR&limit=100"
bench dyad-series "/v1/dyads/RUS/TUR/series?by=month"
bench csv-page "/v1/events?limit=100&format=csv"
