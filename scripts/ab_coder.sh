#!/bin/bash
# A/B timing of two dyad binaries: OLD and NEW alternating, 3 runs each of
# `dyad code FILE --threads 1 --format jsonl` (default bench-out/wire-64.jsonl). Prints wall and user
# CPU seconds and the load average after each run, then the medians of both (user time suffers
# less from a busy machine). Usage: scripts/ab_coder.sh OLD_BIN NEW_BIN [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp /tmp/dyad-ab.XXXXXX)
OLD=$1
NEW=$2
F=${3:-bench-out/wire-64.jsonl}
TIMEFORMAT='%R %U'
for i in 1 2 3; do
    for b in OLD NEW; do
        bin=${!b}
        t=$({ time "$bin" code "$F" --threads 1 --format jsonl >/dev/null 2>&1; } 2>&1)
        echo "$b $t load=$(cut -d' ' -f1 /proc/loadavg)"
    done
done | tee "$log"
for b in OLD NEW; do
    wall=$(grep "^$b " "$log" | awk '{print $2}' | sort -n | sed -n 2p)
    user=$(grep "^$b " "$log" | awk '{print $3}' | sort -n | sed -n 2p)
    echo "$b median wall ${wall}s user ${user}s"
done
rm -f "$log"
