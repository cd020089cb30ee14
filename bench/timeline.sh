#!/usr/bin/env bash
# The timeline against dates on the same single files, side by side in one
# run: CPU seconds (user + system, best of ROUNDS, interleaved), MB per
# CPU-second, the ratio timeline / dates, CPU seconds per MB (flat if no
# step is superlinear) and peak RSS against the 2x input + 10 MB target.
# The files are those of bench/all.sh (one decision, the fixtures' and
# shared decisions repeated to the size, bench/corpus/single-BYTES.txt).
#
# Usage: bench/timeline.sh [BUILD_DIR] [ROUNDS] [BYTES...]
#        (defaults: build, 3, 1000000 4000000 16000000)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
rounds=${2:-3}
shift 2 || shift $#
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 4000000 16000000)
cc=$build/caseclock
today=2026-01-01

mkdir -p bench/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# srcs and concat FILE BYTES (bench/concat.sh)
# shellcheck source=bench/concat.sh
. bench/concat.sh


# run CMD...: prints "cpu_s rss_kb" of one run.
run() {
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" ||
        { cat "$tmp/err" >&2; exit 1; }
    read -r u s k <"$tmp/time"
    awk -v u="$u" -v s="$s" -v k="$k" 'BEGIN { printf "%.2f %d\n", u + s, k }'
}

printf "%-10s %9s %9s %9s %9s %7s %9s %9s %10s\n" bytes "dates s" "tl s" \
    "dates MB/s" "tl MB/s" ratio "tl s/MB" "tl RSS MB" "2x+10 MB"
for size in "${sizes[@]}"; do
    f=bench/corpus/single-$size.txt
    concat "$f" "$size"
    b=$(stat -c %s "$f")
    : >"$tmp/d"
    : >"$tmp/t"
    for ((r = 0; r < rounds; r++)); do
        run "$cc" dates "$f" --format json -o /dev/null >>"$tmp/d"
        run "$cc" timeline "$f" --format json --today "$today" -o /dev/null >>"$tmp/t"
    done
    read -r dc _ < <(sort -n "$tmp/d" | head -1)
    read -r tc tk < <(sort -n "$tmp/t" | head -1)
    tk=$(sort -n -k2 "$tmp/t" | tail -1 | cut -d' ' -f2)
    awk -v b="$b" -v d="$dc" -v t="$tc" -v k="$tk" 'BEGIN {
        mb = b / 1e6; dd = d > 0 ? d : 0.005; tt = t > 0 ? t : 0.005
        printf "%-10d %9.2f %9.2f %9.1f %9.1f %7.3f %9.4f %9.1f %10.1f\n", b, d, t,
            mb / dd, mb / tt, (mb / tt) / (mb / dd), tt / mb, k / 1024,
            2 * b / 1048576 + 10 }'
done
