#!/usr/bin/env bash
# dyad's benchmark suite: `scripts/bench_suite.sh` (full, about 15 minutes on 2 cores, installs spaCy
# from PyPI into bench-out/venv on first use) or `scripts/bench_suite.sh --smoke` (CI-sized, seconds,
# no installs). Add `--profile` for a callgrind profile of a 2 MB corpus. Prints a results table and
# writes bench-out/results.{md,json} (results-smoke.* for the smoke run). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench-out
# Build the binary and the stage benchmark with the release profile, and ask cargo where they are.
cargo build --release -q -p dyad-cli --bin dyad --bench stages --message-format=json-render-diagnostics \
  >bench-out/build.json
read -r DYAD STAGES < <(python3 - <<'PY'
import json
exe = {}
for line in open("bench-out/build.json"):
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable"):
        exe[m["target"]["name"]] = m["executable"]
print(exe.get("dyad", ""), exe.get("stages", ""))
PY
) || true
if [ -z "${STAGES:-}" ]; then echo "bench_suite: cargo did not report the dyad and stages binaries" >&2; exit 1; fi
exec python3 scripts/bench_suite.py --dyad "$DYAD" --stages "$STAGES" "$@"
