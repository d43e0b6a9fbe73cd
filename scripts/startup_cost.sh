#!/bin/sh
# Fixed cost of `dyad code` before any input: callgrind instructions (the stable number on a shared
# machine) and the median wall clock of 11 runs, on an empty JSONL file, with the embedded
# dictionaries and, when ../shared/petrarch2-data/phoenix exists, PETRARCH2's phoenix set.
# Usage: scripts/startup_cost.sh   (after `cargo build --release -p dyad-cli`; needs valgrind)
set -eu
cd "$(dirname "$0")/.."
dyad=target/release/dyad
[ -x "$dyad" ] || { echo "startup_cost: build first: cargo build --release -p dyad-cli" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
: > "$tmp/empty.jsonl"

measure() {
    name=$1
    shift
    ir=$(valgrind --tool=callgrind --callgrind-out-file="$tmp/cg" "$dyad" code "$tmp/empty.jsonl" \
        --threads 1 --format jsonl "$@" 2>&1 >/dev/null | sed -n 's/.*I *refs: *//p')
    ms=$(for _ in 1 2 3 4 5 6 7 8 9 10 11; do
        s=$(date +%s%N)
        "$dyad" code "$tmp/empty.jsonl" --threads 1 --format jsonl "$@" >/dev/null 2>&1
        e=$(date +%s%N)
        echo $(((e - s) / 1000))
    done | sort -n | sed -n 6p)
    awk -v n="$name" -v ir="$ir" -v us="$ms" 'BEGIN { printf "%-10s %16s Ir  %8.1f ms (median of 11)\n", n, ir, us / 1000 }'
}

measure embedded
petrarch=../shared/petrarch2-data/phoenix
if [ -d "$petrarch" ]; then
    measure petrarch --petrarch "$petrarch"
else
    echo "petrarch   skipped: $petrarch is absent"
fi
