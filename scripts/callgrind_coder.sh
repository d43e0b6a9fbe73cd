#!/usr/bin/env bash
# Instruction counts (callgrind) of `dyad code --threads 1 --format jsonl` on the first 2 MB of the
# wire corpus (bench-out/wire-head-2.jsonl): the whole run and `Coder::code_sentence` inclusive, the numbers quoted in
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
# The default input is the first 2,000,000 bytes of the 64 MB wire corpus, cut at a line end
# (made here when missing; `bench_suite.sh --smoke` writes its own, different wire-2.jsonl, so
# the counts in docs/benchmarks.md use this file, under its own name).
corpus=${CORPUS:-bench-out/wire-head-2.jsonl}
if [ -z "${CORPUS:-}" ] && [ ! -e "$corpus" ]; then
    if [ ! -e bench-out/wire-64.jsonl ]; then
        echo "callgrind_coder: bench-out/wire-64.jsonl is missing (scripts/bench_suite.sh makes it)" >&2
        exit 1
    fi
    head -c 2000000 bench-out/wire-64.jsonl | sed '$d' >"$corpus"
fi
if [ ! -e "$corpus" ]; then
    echo "callgrind_coder: $corpus is missing" >&2
    exit 1
fi
out=$(mktemp /tmp/dyad-callgrind.XXXXXX)
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" code "$corpus" \
    --threads 1 --format jsonl "$@" >/dev/null 2>"$out.log"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { printf "total                 %s\n", $1 }
    /Coder::code_sentence \[/ && !cs { printf "Coder::code_sentence  %s\n", $1; cs = 1 }'
rm -f "$out" "$out.log"
