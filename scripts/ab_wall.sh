#!/usr/bin/env bash
# A/B wall clock (and CPU time) of two dyad binaries on the same input, runs alternating (old, new, old, new,
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
run() { # bin threads ... -> "wall cpu" seconds (cpu: user + system, less moved by other load)
    local TIMEFORMAT='%R %U %S'
    { time "$1" code "$corpus" --threads "$2" --format jsonl "${@:3}" 2>"$err" >/dev/null; } 2>&1 |
        awk '{ printf "%s %.3f\n", $1, $2 + $3 }'
}
wa=()
wb=()
ca=()
cb=()
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((k = 1; k <= runs; k++)); do
    read -r x cx < <(run "$old" "$ta" "$@")
    read -r y cy < <(run "$new" "$tb" "$@")
    wa+=("$x")
    wb+=("$y")
    ca+=("$cx")
    cb+=("$cy")
    printf 'run %d: A %.3f s (cpu %.3f)  B %.3f s (cpu %.3f)\n' "$k" "$x" "$cx" "$y" "$cy"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The sentence count from dyad's summary line (the same for both binaries).
sentences=$(sed -n 's/.* documents, \([0-9]*\) sentences.*/\1/p' "$err" | tail -1)
rm -f "$err"
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
report() { # label bin threads wall-median cpu-median
    printf '%s (%s, --threads %s): median %.3f s wall, %.0f sentences/s; median %.3f s cpu, %.0f sentences per cpu second\n' \
        "$1" "$2" "$3" "$4" "$(echo "$sentences / $4" | bc -l)" "$5" "$(echo "$sentences / $5" | bc -l)"
}
ma=$(median "${wa[@]}")
mb=$(median "${wb[@]}")
mca=$(median "${ca[@]}")
mcb=$(median "${cb[@]}")
report A "$old" "$ta" "$ma" "$mca"
report B "$new" "$tb" "$mb" "$mcb"
printf 'B/A speed: %.3fx wall, %.3fx cpu\n' "$(echo "$ma / $mb" | bc -l)" "$(echo "$mca / $mcb" | bc -l)"
