#!/usr/bin/env bash
# Instruction counts (callgrind) of `dyad code --threads 1 --format jsonl` on the suite's 2 MB corpus:
# the total and the inclusive cost of the context layer and of the output, the numbers quoted in
# docs/benchmarks.md ("Context and output"). Needs valgrind; makes the corpus with the suite's
# generator if bench-out/corpus-2.jsonl is missing. Usage: scripts/callgrind_context.sh [extra dyad flags];
# CORPUS=bench-out/wire-2.jsonl (the first 2 MB of the wire corpus) measures another input.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p dyad-cli --bin dyad
corpus=${CORPUS:-bench-out/corpus-2.jsonl}
if [ ! -e "$corpus" ]; then
    echo "callgrind_context: $corpus is missing; run scripts/bench_suite.sh --profile (or the full suite) first" >&2
    exit 1
fi
out=$(mktemp /tmp/dyad-callgrind.XXXXXX)
valgrind --tool=callgrind --callgrind-out-file="$out" target/release/dyad code "$corpus" \
    --threads 1 --format jsonl "$@" >/dev/null 2>"$out.log"
callgrind_annotate --inclusive=yes "$out" 2>/dev/null | awk '
    /PROGRAM TOTALS/ { printf "total                 %s\n", $1 }
    /output.rs:dyad_cli::output::context$/ { printf "output::context       %s (context layer, gazetteer load included)\n", $1 }
    /code.rs:dyad_cli::code::emit \[/ { printf "code::emit            %s (JSONL writing)\n", $1 }
    /dyad_cli::code::code_with_context \[/ { printf "code_with_context     %s (coder + context, per document)\n", $1 }
    /sentence.rs:dyad_text::sentence::split_with_tokens \[/ { printf "split_with_tokens     %s (sentences and tokens)\n", $1 }
    /code.rs:dyad_cli::code::next_batch \[/ { printf "code::next_batch      %s (reading and decoding JSONL)\n", $1 }'
rm -f "$out" "$out.log"
