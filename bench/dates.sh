#!/usr/bin/env bash
# Throughput of `caseclock dates`, single thread, side by side with `wc -w`
# on the same bytes in the same run.  The corpus is the fixtures'
# decisions and ../shared/decisions/, concatenated and replicated to at
# least 50 MB (bench/corpus/, git-ignored).  Prints a table; asserts nothing.
# Usage: bench/dates.sh [BUILD_DIR] [MB]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-50}
cmake --build "$build" --target caseclock >/dev/null

mkdir -p bench/corpus
corpus=bench/corpus/decisions-${mb}mb.txt
if [ ! -s "$corpus" ] || [ "$(stat -c %s "$corpus")" -lt $((mb * 1000000)) ]; then
    one=$(mktemp)
    for f in fixtures/*/input.txt ../shared/decisions/*.txt; do
        [ -f "$f" ] || continue
        # Strip a BOM so that only the first byte of the corpus may have one.
        sed '1s/^\xEF\xBB\xBF//' "$f" >>"$one"
        printf '\n\n' >>"$one"
    done
    : >"$corpus"
    while [ "$(stat -c %s "$corpus")" -lt $((mb * 1000000)) ]; do
        cat "$one" >>"$corpus"
    done
    rm -f "$one"
fi
bytes=$(stat -c %s "$corpus")

# Best of three for each, interleaved.
best() { sort -n | head -1; }
t_wc=() t_cc=() t_cct=()
for round in 1 2 3; do
    s=$(date +%s%N); wc -w "$corpus" >/dev/null; e=$(date +%s%N)
    t_wc+=($(((e - s) / 1000)))
    s=$(date +%s%N); "$build/caseclock" dates "$corpus" --format json -o /dev/null; e=$(date +%s%N)
    t_cc+=($(((e - s) / 1000)))
    s=$(date +%s%N); "$build/caseclock" dates "$corpus" --format text -o /dev/null; e=$(date +%s%N)
    t_cct+=($(((e - s) / 1000)))
done
wc_us=$(printf '%s\n' "${t_wc[@]}" | best)
cc_us=$(printf '%s\n' "${t_cc[@]}" | best)
cct_us=$(printf '%s\n' "${t_cct[@]}" | best)
mentions=$("$build/caseclock" dates "$corpus" --format json | grep -c '"offset"' || true)
awk -v b="$bytes" -v w="$wc_us" -v c="$cc_us" -v t="$cct_us" -v m="$mentions" 'BEGIN {
    printf "corpus: %.1f MB, %d mentions found\n", b / 1e6, m
    printf "%-38s %10s %10s\n", "command (best of 3)", "seconds", "MB/s"
    printf "%-38s %10.3f %10.1f\n", "wc -w", w / 1e6, b / w
    printf "%-38s %10.3f %10.1f\n", "caseclock dates --format json", c / 1e6, b / c
    printf "%-38s %10.3f %10.1f\n", "caseclock dates --format text", t / 1e6, b / t
    printf "%-38s %10.2f\n", "ratio caseclock (json) / wc -w", c / w
}'
