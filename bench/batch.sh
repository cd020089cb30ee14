#!/usr/bin/env bash
# caseclock batch: peak memory as the number of inputs grows (1k, 10k and
# 100k files, from /usr/bin/time -v), and throughput with --jobs 1 and
# --jobs 2 side by side (interleaved, best of three) on the corpus of
# bench/compare.sh.  Prints a table; asserts nothing.
#
# The inputs for the memory runs are hard links to the fixtures' decisions
# and ../shared/decisions/ (bench/corpus/links-100k/, 100 directories of
# 1000 names each, git-ignored): what is measured is whether memory grows
# with the count, so the bytes need not be distinct.  The 1k and 10k runs
# read the first paths of the 100k list with --from-list; the last row
# walks the whole directory tree instead.
#
# Usage: bench/batch.sh [BUILD_DIR] [MB]   (defaults: build, 50)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-50}
cmake --build "$build" --target caseclock >/dev/null
cc=$build/caseclock
if [ ! -x /usr/bin/time ]; then
    apt-get install -y time >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi

links=bench/corpus/links-100k
if [ ! -f "$links/.complete" ]; then
    rm -rf "$links"
    srcs=(fixtures/*/input.txt ../shared/decisions/*.txt)
    mkdir -p "$links/d000"
    for ((i = 0; i < 1000; i++)); do
        ln "${srcs[i % ${#srcs[@]}]}" "$links/d000/$(printf '%04d' "$i").txt"
    done
    for ((d = 1; d < 100; d++)); do
        cp -al "$links/d000" "$links/$(printf 'd%03d' "$d")"
    done
    touch "$links/.complete"
fi
find "$links" -name '*.txt' | LC_ALL=C sort >"$links.list"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rss ARGS...: "peak_kb seconds" of one run of caseclock ARGS.
rss() {
    /usr/bin/time -v -o "$tmp/v" "$cc" "$@" >/dev/null 2>/dev/null || true
    awk -F': ' '/Maximum resident set size/ { k = $2 }
        /Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
            for (i = 1; i <= n; i++) s = s * 60 + p[i] }
        END { print k, s }' "$tmp/v"
}

echo "== peak memory, caseclock batch (dates, --jobs 2) =="
printf "%-36s %8s %10s %8s\n" "inputs" "files" "peak RSS" "seconds"
read -r kb s < <(rss dates "$(head -1 "$links.list")")
printf "%-36s %8d %7.1f MB %8.2f\n" "caseclock dates, one file" 1 "$(echo "$kb / 1024" | bc -l)" "$s"
for n in 1000 10000 100000; do
    head -"$n" "$links.list" >"$tmp/list"
    read -r kb s < <(rss batch --jobs 2 --from-list "$tmp/list")
    printf "%-36s %8d %7.1f MB %8.2f\n" "--from-list, first $n" "$n" "$(echo "$kb / 1024" | bc -l)" "$s"
done
read -r kb s < <(rss batch --jobs 2 "$links")
printf "%-36s %8d %7.1f MB %8.2f\n" "directory walk, $links" 100000 "$(echo "$kb / 1024" | bc -l)" "$s"
read -r kb s < <(rss batch --jobs 2 --command timeline "$links")
printf "%-36s %8d %7.1f MB %8.2f\n" "the same, --command timeline" 100000 "$(echo "$kb / 1024" | bc -l)" "$s"

# Throughput: the corpus of bench/compare.sh (made there if missing).
corpus=bench/corpus/many-${mb}mb
if [ ! -f "$corpus/.complete" ]; then
    echo "batch: $corpus is missing: run bench/compare.sh $build $mb first" >&2
    exit 3
fi
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')
cat "$corpus"/r*/*.txt >/dev/null

echo
echo "== throughput, caseclock batch over $corpus: $((bytes / 1000000)) MB, $files files; best of 3, interleaved =="
# The control: two processes of one job each, on half the files each,
# at the same time.  What they reach is what the machine gives two
# workers; --jobs 2 should reach as much.
find "$corpus" -name '*.txt' | LC_ALL=C sort >"$tmp/all"
half=$((files / 2))
head -"$half" "$tmp/all" >"$tmp/h1"
tail -n +"$((half + 1))" "$tmp/all" >"$tmp/h2"
best() { sort -n | head -1; }
declare -A t
for command in dates timeline; do
    for j in 1 2 p; do t[$command$j]=""; done
done
for round in 1 2 3; do
    for command in dates timeline; do
        for j in 1 2 p; do
            s=$(date +%s%N)
            if [ "$j" = p ]; then
                "$cc" batch --jobs 1 --command "$command" --from-list "$tmp/h1" >/dev/null 2>&1 &
                "$cc" batch --jobs 1 --command "$command" --from-list "$tmp/h2" >/dev/null 2>&1
                wait
            else
                "$cc" batch --jobs "$j" --command "$command" "$corpus" >/dev/null 2>&1
            fi
            e=$(date +%s%N)
            t[$command$j]+="$(((e - s) / 1000)) "
        done
    done
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
printf "%-10s %-24s %8s %9s %8s %9s\n" "command" "jobs" "seconds" "files/s" "MB/s" "speed-up"
for command in dates timeline; do
    one=$(echo "${t[${command}1]}" | tr ' ' '\n' | grep . | best)
    for j in 1 2 p; do
        us=$(echo "${t[$command$j]}" | tr ' ' '\n' | grep . | best)
        label="--jobs $j"
        [ "$j" = p ] && label="2 processes x --jobs 1"
        awk -v c="$command" -v j="$label" -v us="$us" -v one="$one" -v f="$files" -v b="$bytes" \
            'BEGIN { printf "%-10s %-24s %8.2f %9.0f %8.1f %8.2fx\n", c, j, us / 1e6,
                f / (us / 1e6), b / us, one / us }'
    done
done
echo "CPU pressure (/proc/pressure/cpu, share of time a task waited for a CPU): $(head -1 /proc/pressure/cpu)"
echo "load average at the end (other work on this machine shares its $(getconf _NPROCESSORS_ONLN) cores): $load"
