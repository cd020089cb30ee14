#!/usr/bin/env bash
# Benchmarks for the foundation: working-day additions per second at N = 10
# and N = 5000 side by side, and the command's start-up time against
# /bin/date -d in the same run.  Prints figures; asserts nothing.
# Usage: bench/run.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
cmake --build "$build" --target caseclock bench_workdays >/dev/null

echo "== working-day arithmetic =="
"$build/bench/bench_workdays" 2000000 2>/dev/null

echo
echo "== start-up: 300 runs each, interleaved =="
runs=300
t_cc=0 t_date=0
for round in 1 2 3; do
    s=$(date +%s%N)
    for ((i = 0; i < runs / 3; i++)); do
        "$build/caseclock" add 2019-04-10 10wd >/dev/null
    done
    e=$(date +%s%N); t_cc=$((t_cc + e - s))
    s=$(date +%s%N)
    for ((i = 0; i < runs / 3; i++)); do
        /bin/date -d 2019-04-10 >/dev/null
    done
    e=$(date +%s%N); t_date=$((t_date + e - s))
done
awk -v a="$t_cc" -v b="$t_date" -v n="$runs" 'BEGIN {
    printf "%-34s %10.2f ms\n", "caseclock add 2019-04-10 10wd", a / n / 1e6
    printf "%-34s %10.2f ms\n", "/bin/date -d 2019-04-10", b / n / 1e6
    printf "%-34s %10.2f\n", "ratio caseclock / date", a / b
}'
