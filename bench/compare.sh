#!/usr/bin/env bash
# caseclock against what a user would otherwise pick, on the same files in
# the same run: `caseclock dates` on one core and on all of them (through
# `caseclock batch`), `caseclock timeline` likewise, chrono-node's
# chrono.en.GB (pinned in bench/peers/package-lock.json, installed there by
# this script) and `wc -w` as the floor.  Then the accuracy that goes with
# the speed: caseclock's and chrono-node's mentions on the gold files
# (tests/gold/*.gold, tests/gold/dev/*.gold), scored by tests/score.c.
#
# The corpus is the fixtures' decisions and ../shared/decisions/, copied
# (not linked: each file's bytes are its own) until there are at least MB
# megabytes, as many files in directories of one copy each
# (bench/corpus/many-<MB>mb/, git-ignored).  Times are wall clock, best of
# three, the commands interleaved; CPU is user + system of that best run;
# peak RSS from /usr/bin/time.  Prints a table; asserts nothing.
#
# Usage: bench/compare.sh [BUILD_DIR] [MB]   (defaults: build, 50)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-50}
cmake --build "$build" --target caseclock cc_score >/dev/null
cc=$build/caseclock
score=$(find "$build" -name cc_score -type f -perm -u+x | head -1)
cores=$(getconf _NPROCESSORS_ONLN)

# The tools: GNU time for peak RSS, node and chrono-node at the pinned
# version (npm ci installs exactly what package-lock.json says).
if [ ! -x /usr/bin/time ]; then
    apt-get install -y time >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
if ! command -v node >/dev/null; then
    apt-get install -y nodejs npm >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y nodejs npm >/dev/null; }
fi
want=$(sed -n 's/.*"chrono-node": "\(.*\)".*/\1/p' bench/peers/package.json)
have=$(node -p 'require("./bench/peers/node_modules/chrono-node/package.json").version' 2>/dev/null || true)
if [ "$have" != "$want" ]; then
    (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# The corpus: copies r0000, r0001, ... of the sources, each a directory.
corpus=bench/corpus/many-${mb}mb
if [ ! -f "$corpus/.complete" ]; then
    rm -rf "$corpus"
    mkdir -p "$corpus/r0000"
    for f in fixtures/*/input.txt ../shared/decisions/*.txt; do
        [ -f "$f" ] || continue
        case $f in
        fixtures/*) name=$(basename "$(dirname "$f")") ;;
        *) name=$(basename "$f" .txt) ;;
        esac
        cp "$f" "$corpus/r0000/$name.txt"
    done
    one=$(cat "$corpus"/r0000/*.txt | wc -c)
    reps=$(((mb * 1000000 + one - 1) / one))
    for ((r = 1; r < reps; r++)); do
        cp -r "$corpus/r0000" "$corpus/$(printf 'r%04d' "$r")"
    done
    touch "$corpus/.complete"
fi
list=$corpus.list
find "$corpus" -name '*.txt' | LC_ALL=C sort >"$list"
files=$(wc -l <"$list")
bytes=$(tr '\n' '\0' <"$list" | du -cb --files0-from=- | tail -1 | cut -f1)
cat "$corpus"/r*/*.txt >/dev/null # into the page cache

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# run NAME CMD...: one timed run; appends "wall_us cpu_s rss_kb" to
# $tmp/NAME.
run() {
    local name=$1 s e
    shift
    s=$(date +%s%N)
    /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" ||
        { echo "compare: $name failed:" >&2; cat "$tmp/err" >&2; exit 1; }
    e=$(date +%s%N)
    read -r u sy rss <"$tmp/time"
    echo "$(((e - s) / 1000)) $(awk -v u="$u" -v s="$sy" 'BEGIN { print u + s }') $rss" >>"$tmp/$name"
}
tr '\n' '\0' <"$list" >"$tmp/list0"

names=(wc dates1 datesN timeline1 timelineN chrono)
for round in 1 2 3; do
    run wc wc -w --files0-from="$tmp/list0"
    run dates1 "$cc" batch --jobs 1 "$corpus"
    run datesN "$cc" batch --jobs "$cores" "$corpus"
    run timeline1 "$cc" batch --jobs 1 --command timeline "$corpus"
    run timelineN "$cc" batch --jobs "$cores" --command timeline "$corpus"
    run chrono node bench/chrono_runner.mjs <"$list"
done
for n in "${names[@]}"; do
    sort -n "$tmp/$n" | head -1 >"$tmp/$n.best"
done

chrono_version=$(node -p 'require("./bench/peers/node_modules/chrono-node/package.json").version')
{
    echo "wc -w (the floor)|1|$(cat "$tmp/wc.best")"
    echo "caseclock dates|1|$(cat "$tmp/dates1.best")"
    echo "caseclock dates|$cores|$(cat "$tmp/datesN.best")"
    echo "caseclock timeline|1|$(cat "$tmp/timeline1.best")"
    echo "caseclock timeline|$cores|$(cat "$tmp/timelineN.best")"
    echo "chrono-node $chrono_version en.GB|1|$(cat "$tmp/chrono.best")"
} >"$tmp/table"

awk -F'|' -v b="$bytes" -v f="$files" -v cores="$cores" '
BEGIN {
    printf "corpus: %.1f MB in %d files (%.1f KB each); %d cores; best of 3\n\n",
        b / 1e6, f, b / f / 1e3, cores
    printf "%-26s %4s %8s %8s %8s %9s %10s %8s\n", "command", "jobs", "wall s",
        "CPU s", "MB/s", "docs/s", "MB/CPU-s", "RSS MB"
}
{
    split($3, t, " ")
    wall[NR] = t[1] / 1e6; cpu[NR] = t[2]; name[NR] = $1; jobs[NR] = $2
    printf "%-26s %4s %8.2f %8.2f %8.1f %9.0f %10.1f %8.1f\n", $1, $2, wall[NR],
        cpu[NR], b / 1e6 / wall[NR], f / wall[NR],
        (cpu[NR] > 0 ? b / 1e6 / cpu[NR] : 0), t[3] / 1024
}
END {
    # rows: 1 wc, 2 dates 1, 3 dates N, 4 timeline 1, 5 timeline N, 6 chrono
    printf "\n"
    printf "caseclock dates (1 job) / chrono-node, throughput:  %6.1fx wall, %6.1fx CPU\n",
        wall[6] / wall[2], cpu[6] / cpu[2]
    printf "caseclock dates (%d jobs) / chrono-node:            %6.1fx wall\n",
        cores, wall[6] / wall[3]
    printf "caseclock dates, %d jobs / 1 job:                    %6.2fx wall\n",
        cores, wall[2] / wall[3]
    printf "caseclock timeline, %d jobs / 1 job:                 %6.2fx wall\n",
        cores, wall[4] / wall[5]
    printf "caseclock dates (1 job) / wc -w, time:              %6.1fx\n",
        wall[2] / wall[1]
}' "$tmp/table"

echo "CPU pressure (/proc/pressure/cpu, share of time a task waited for a CPU): $(head -1 /proc/pressure/cpu 2>/dev/null || echo unknown)"

# Accuracy on the gold files: both through the scorer's --mentions, from
# the same paths ('# file:' lines, relative to the project root).
gold=(tests/gold/*.gold tests/gold/dev/*.gold)
sed -n 's/^# file: *//p' "${gold[@]}" | tr -d '\r' >"$tmp/inputs"
"$cc" batch - <"$tmp/inputs" >"$tmp/cc.jsonl" 2>/dev/null || true
node bench/chrono_runner.mjs <"$tmp/inputs" >"$tmp/chrono.jsonl"
echo
echo "accuracy on ${#gold[@]} gold files (tests/score.c; chrono-node finds no header fields)"
printf "%-26s %5s %5s  %-17s  %-17s  %5s  %s\n" "" gold found "strict P/R/F1" \
    "relaxed P/R/F1" value header
for who in cc chrono; do
    label="caseclock dates"
    [ "$who" = chrono ] && label="chrono-node $chrono_version en.GB"
    "$score" --mentions "$tmp/$who.jsonl" "${gold[@]}" | awk -v l="$label" \
        '$1 == "TOTAL" { printf "%-26s %5s %5s  %s %s %s  %s %s %s  %s  %s\n",
            l, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 }'
done
