#!/usr/bin/env bash
# The reading path alone, side by side with the tokeniser floor: CPU
# seconds (user + system, best of 3, interleaved) of bench/tokenise.c and
# `caseclock dates --format json` on one concatenated file of MB megabytes
# (bench/all.sh's corpus), and their ratio; then, with SIZES set (e.g.
# SIZES="1 4 16 64"), `caseclock dates` on single files of those many
# megabytes and its CPU seconds per MB, which stay flat unless a step is
# worse than linear.  With BASE set to another build directory (e.g. one
# of the commit before a change), its caseclock is timed in the same
# rounds, so before and after come from one run.  Asserts nothing.
#
# Usage: bench/read.sh [BUILD_DIR] [MB]   (defaults: build, 10)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-10}
cmake --build "$build" --target caseclock bench_tokenise >/dev/null
cc=$build/caseclock
floor=$build/bench/bench_tokenise
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p bench/corpus
# srcs and concat FILE BYTES (bench/concat.sh)
# shellcheck source=bench/concat.sh
. bench/concat.sh
cpu() { # CMD...: prints user + system seconds
    /usr/bin/time -f '%U %S' -o "$tmp/time" "$@" >/dev/null
    awk '{ printf "%.3f\n", $1 + $2 }' "$tmp/time"
}
best() { sort -n | head -1; }

single=bench/corpus/decision-${mb}mb.txt
concat "$single" $((mb * 1000000))
bytes=$(stat -c %s "$single")
cat "$single" >/dev/null
: >"$tmp/floor"
: >"$tmp/dates"
: >"$tmp/base"
for round in 1 2 3; do
    cpu "$floor" "$single" >>"$tmp/floor"
    cpu "$cc" dates "$single" --format json -o /dev/null >>"$tmp/dates"
    if [ -n "${BASE:-}" ]; then
        cpu "$BASE/caseclock" dates "$single" --format json -o /dev/null >>"$tmp/base"
    fi
done
f=$(best <"$tmp/floor")
d=$(best <"$tmp/dates")
o=$(best <"$tmp/base")
awk -v b="$bytes" -v f="$f" -v d="$d" -v o="$o" -v base="${BASE:-}" 'BEGIN {
    if (f <= 0) f = 0.005 # below /usr/bin/time resolution
    printf "%-40s %8s %9s %8s\n", "command (best of 3)", "CPU s", "MB/CPU-s", "/floor"
    printf "%-40s %8.3f %9.1f %8.3f\n", "tokeniser floor", f, b / 1e6 / f, 1
    if (base != "")
        printf "%-40s %8.3f %9.1f %8.3f\n", base "/caseclock dates (json)", o, b / 1e6 / o, f / o
    printf "%-40s %8.3f %9.1f %8.3f\n", "caseclock dates --format json", d, b / 1e6 / d, f / d
    printf "ratio dates / floor (MB/s): %.3f  [>= 0.333]\n", f / d
}'

[ -n "${SIZES:-}" ] || exit 0
echo
printf "%-8s %12s %8s %10s\n" "MB" "bytes" "CPU s" "CPU-s/MB"
for s in $SIZES; do
    file=bench/corpus/single-$((s * 1000000)).txt
    concat "$file" $((s * 1000000))
    b=$(stat -c %s "$file")
    t=$( (for r in 1 2 3; do cpu "$cc" dates "$file" --format json -o /dev/null; done) | best)
    awk -v s="$s" -v b="$b" -v t="$t" 'BEGIN { printf "%-8s %12d %8.3f %10.4f\n", s, b, t, t / (b / 1e6) }'
done
