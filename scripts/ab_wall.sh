#!/usr/bin/env bash
# A/B wall clock of two dyad binaries on the same input, runs alternating (old, new, old, new,
# ...) so that a shared machine's drift hits both alike; prints every run and the medians.
# Usage: scripts/ab_wall.sh OLD_BIN NEW_BIN [CORPUS [RUNS [extra dyad flags...]]]
# Defaults: bench-out/wire-64.jsonl, 3 runs each, `--threads 1` for both (THREADS_A, THREADS_B
# change it). The 2-thread scaling of one binary:
#   THREADS_A=1 THREADS_B=2 scripts/ab_wall.sh BIN BIN bench-out/wire-16.jsonl 5
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
new=$2
corpus=${3:-bench-out/wire-64.jsonl}
runs=${4:-3}
shift $(($# < 4 ? $# : 4))
ta=${THREADS_A:-1}
tb=${THREADS_B:-1}
[ -e "$corpus" ] || { echo "ab_wall: $corpus is missing (scripts/bench_suite.sh makes it)" >&2; exit 1; }
err=$(mktemp /tmp/ab_wall.XXXXXX)
run() { # bin threads -> seconds
    local s e
    s=$(date +%s.%N)
    "$1" code "$corpus" --threads "$2" --format jsonl "${@:3}" 2>"$err" >/dev/null
    e=$(date +%s.%N)
    echo "$e - $s" | bc -l
}
a=()
b=()
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((k = 1; k <= runs; k++)); do
    x=$(run "$old" "$ta" "$@")
    y=$(run "$new" "$tb" "$@")
    a+=("$x")
    b+=("$y")
    printf 'run %d: A %.3f s  B %.3f s\n' "$k" "$x" "$y"
done
# The sentence count from dyad's summary line (the same for both binaries).
sentences=$(sed -n 's/.* documents, \([0-9]*\) sentences.*/\1/p' "$err" | tail -1)
rm -f "$err"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ma=$(median "${a[@]}")
mb=$(median "${b[@]}")
printf 'A (%s, --threads %s): median %.3f s, %.0f sentences/s\n' "$old" "$ta" "$ma" "$(echo "$sentences / $ma" | bc -l)"
printf 'B (%s, --threads %s): median %.3f s, %.0f sentences/s\n' "$new" "$tb" "$mb" "$(echo "$sentences / $mb" | bc -l)"
printf 'B/A speed: %.3fx\n' "$(echo "$ma / $mb" | bc -l)"
