#!/bin/bash
# A/B wall clock of two dyad binaries: OLD and NEW alternating, 3 runs each of
# `dyad code FILE --threads 1 --format jsonl` (default bench-out/wire-64.jsonl), with the load
# average after each run; prints the medians. Usage: scripts/ab_coder.sh OLD_BIN NEW_BIN [FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp /tmp/dyad-ab.XXXXXX)
OLD=$1; NEW=$2; F=${3:-bench-out/wire-64.jsonl}
for i in 1 2 3; do
  for b in OLD NEW; do
    bin=${!b}
    s=$(date +%s.%N); $bin code $F --threads 1 --format jsonl > /dev/null 2>&1; e=$(date +%s.%N)
    echo "$b $(echo "$e - $s" | bc) load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done | tee "$log"
for b in OLD NEW; do echo "$b median $(grep "^$b " "$log" | awk '{print $2}' | sort -n | sed -n 2p)"; done
