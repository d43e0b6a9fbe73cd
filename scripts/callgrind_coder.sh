#!/usr/bin/env bash
# Instruction counts (callgrind) of `dyad code --threads 1 --format jsonl` on the first 2 MB of the
# wire corpus: the whole run and `Coder::code_sentence` inclusive, the numbers quoted in
# docs/benchmarks.md ("Coder rule code"). Needs valgrind. Usage: scripts/callgrind_coder.sh
# [extra dyad flags], e.g. `--petrarch ../shared/petrarch2-data/phoenix`; BIN=path measures
# another binary (no build then); CORPUS=file another input.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${BIN:-}
if [ -z "$bin" ]; then
    cargo build --release -q -p dyad-cli --bin dyad
    bin=target/release/dyad
fi
corpus=${CORPUS:-bench-out/wire-2.jsonl}
if [ ! -e "$corpus" ]; then
    echo "callgrind_coder: $corpus is missing (head -c 2M of the wire corpus, cut at a line end)" >&2
    exit 1
fi
out=$(mktemp /tmp/dyad-callgrind.XXXXXX)
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" code "$corpus" \
    --threads 1 --format jsonl "$@" >/dev/null 2>"$out.log"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { printf "total                 %s\n", $1 }
    /Coder::code_sentence \[/ && !cs { printf "Coder::code_sentence  %s\n", $1; cs = 1 }'
rm -f "$out" "$out.log"
