#!/usr/bin/env bash
# The reading-speed benchmark in one run: MB/s and CPU seconds per MB of
# the tokeniser floor (bench/tokenise.c), `wc -w`, `caseclock dates`,
# `timeline` and `check` (JSON) on one concatenated file, `caseclock batch`
# with --jobs 1 and 2 and chrono-node (bench/chrono_runner.mjs) on the same
# bytes as separate files; then peak RSS of `timeline` on single files of
# 1 KB, 1 MB, 10 MB and 64 MB, of `batch` over 1k, 10k and 100k files, and
# the start-up time of `caseclock dates` on a tiny file against /bin/date.
# Prints a table and the ratios the reading-speed targets are stated in;
# asserts nothing.  Takes a few minutes on two cores.
#
# CPU is user + system from /usr/bin/time, best of 3 runs interleaved;
# MB/s is per CPU-second (one core), except for batch, whose wall-clock
# MB/s is also shown (what --jobs 2 buys).  The corpora are those of
# bench/dates.sh (one file), bench/compare.sh (one file per decision) and
# bench/batch.sh (hard links for the file counts), under bench/corpus/.
#
# Usage: bench/all.sh [BUILD_DIR] [MB]   (defaults: build, 10; BENCH_LIMIT=S
# waits S seconds for a run, default 180)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
mb=${2:-10}
cmake --build "$build" --target caseclock bench_tokenise >/dev/null
cc=$build/caseclock
floor=$build/bench/bench_tokenise
today=2026-01-01
limit=${BENCH_LIMIT:-180} # seconds: a slower run is reported, not waited for

if [ ! -x /usr/bin/time ]; then
    apt-get install -y time >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
want=$(sed -n 's/.*"chrono-node": "\(.*\)".*/\1/p' bench/peers/package.json)
have=$(node -p 'require("./bench/peers/node_modules/chrono-node/package.json").version' 2>/dev/null || true)
if [ "$have" != "$want" ]; then
    (cd bench/peers && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

mkdir -p bench/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# srcs and concat FILE BYTES (bench/concat.sh)
# shellcheck source=bench/concat.sh
. bench/concat.sh

# The throughput corpora: one file of MB megabytes, and the same
# decisions one a file (bench/compare.sh's layout).
single=bench/corpus/decision-${mb}mb.txt
concat "$single" $((mb * 1000000))
many=bench/corpus/many-${mb}mb
if [ ! -f "$many/.complete" ]; then
    rm -rf "$many"
    mkdir -p "$many/r0000"
    for f in "${srcs[@]}"; do
        case $f in
        fixtures/*) name=$(basename "$(dirname "$f")") ;;
        *) name=$(basename "$f" .txt) ;;
        esac
        cp "$f" "$many/r0000/$name.txt"
    done
    one=$(cat "$many"/r0000/*.txt | wc -c)
    for ((r = 1; r < (mb * 1000000 + one - 1) / one; r++)); do
        cp -r "$many/r0000" "$many/$(printf 'r%04d' "$r")"
    done
    touch "$many/.complete"
fi
find "$many" -name '*.txt' | LC_ALL=C sort >"$tmp/many.list"
sbytes=$(stat -c %s "$single")
mbytes=$(tr '\n' '\0' <"$tmp/many.list" | du -cb --files0-from=- | tail -1 | cut -f1)
mfiles=$(wc -l <"$tmp/many.list")
cat "$single" "$many"/r*/*.txt >/dev/null # into the page cache

# run NAME CMD...: one run under /usr/bin/time; appends "cpu_s wall_s
# rss_kb" to $tmp/NAME ("timeout" after $limit seconds).
run() {
    local name=$1 s e
    shift
    s=$(date +%s%N)
    if ! timeout "$limit" /usr/bin/time -f '%U %S %M' -o "$tmp/time" "$@" \
        >/dev/null 2>"$tmp/err"; then
        if [ "$(date +%s)" -ge $((s / 1000000000 + limit)) ]; then
            echo "timeout" >>"$tmp/$name"
            return
        fi
        echo "bench: $name failed:" >&2
        cat "$tmp/err" >&2
        exit 1
    fi
    e=$(date +%s%N)
    read -r u sy rss <"$tmp/time"
    awk -v u="$u" -v s="$sy" -v w=$((e - s)) -v r="$rss" \
        'BEGIN { printf "%.2f %.3f %d\n", u + s, w / 1e9, r }' >>"$tmp/$name"
}
best() { grep -v timeout "$tmp/$1" | sort -n | head -1 || true; }

rows=(floor wc dates timeline check batch1 batch2 tbatch1 tbatch2 chrono)
for round in 1 2 3; do
    run floor "$floor" "$single"
    run wc wc -w "$single"
    run dates "$cc" dates "$single" --format json -o /dev/null
    run timeline "$cc" timeline "$single" --format json --today "$today" -o /dev/null
    run check "$cc" check "$single" --format json --today "$today" -o /dev/null
    run batch1 "$cc" batch --jobs 1 --from-list "$tmp/many.list"
    run batch2 "$cc" batch --jobs 2 --from-list "$tmp/many.list"
    run tbatch1 "$cc" batch --jobs 1 --command timeline --today "$today" --from-list "$tmp/many.list"
    run tbatch2 "$cc" batch --jobs 2 --command timeline --today "$today" --from-list "$tmp/many.list"
    run chrono node bench/chrono_runner.mjs <"$tmp/many.list"
done

label() {
    case $1 in
    floor) echo "tokeniser floor (bench/tokenise.c)|1|$sbytes" ;;
    wc) echo "wc -w|1|$sbytes" ;;
    dates) echo "caseclock dates --format json|1|$sbytes" ;;
    timeline) echo "caseclock timeline --format json|1|$sbytes" ;;
    check) echo "caseclock check --format json|1|$sbytes" ;;
    batch1) echo "caseclock batch (dates) --jobs 1|$mfiles|$mbytes" ;;
    batch2) echo "caseclock batch (dates) --jobs 2|$mfiles|$mbytes" ;;
    tbatch1) echo "caseclock batch --command timeline -j1|$mfiles|$mbytes" ;;
    tbatch2) echo "caseclock batch --command timeline -j2|$mfiles|$mbytes" ;;
    chrono) echo "chrono-node $want en.GB|$mfiles|$mbytes" ;;
    esac
}
for r in "${rows[@]}"; do
    echo "$r|$(label "$r")|$(best "$r")"
done >"$tmp/table"

echo "== throughput: best of 3 (CPU = user + system), interleaved =="
echo "one file: $single ($(awk -v b="$sbytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB);" \
    "many files: $many ($mfiles files, $(awk -v b="$mbytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB)"
awk -F'|' '
BEGIN { printf "%-40s %7s %7s %7s %8s %9s %8s %7s\n", "command", "files", "CPU s",
        "wall s", "MB/CPU-s", "CPU-s/MB", "MB/wall", "RSS MB" }
{
    split($5, t, " ")
    if (t[1] == "") { printf "%-40s %7s  (timed out)\n", $2, $3; next }
    mbs = $4 / 1e6
    cpu = t[1] > 0 ? t[1] : 0.005 # below /usr/bin/time resolution
    printf "%-40s %7d %7.2f %7.2f %8.1f %9.4f %8.1f %7.1f\n", $2, $3, t[1], t[2],
        mbs / cpu, cpu / mbs, mbs / t[2], t[3] / 1024
    rate[$1] = mbs / cpu; wall[$1] = mbs / t[2]
}
END {
    printf "\nratios (targets in brackets):\n"
    printf "  dates / tokeniser floor, MB per CPU-s:       %6.3f  [>= 0.333]\n", rate["dates"] / rate["floor"]
    printf "  timeline / dates, MB per CPU-s:              %6.3f  [>= 0.667]\n", rate["timeline"] / rate["dates"]
    printf "  batch timeline -j1 / batch dates -j1:        %6.3f  [>= 0.667]\n", rate["tbatch1"] / rate["batch1"]
    printf "  batch timeline -j1 / chrono-node, per CPU-s: %6.2f  [>= 5]\n", rate["tbatch1"] / rate["chrono"]
    printf "  timeline (one file) / chrono-node:           %6.2f  [>= 5]\n", rate["timeline"] / rate["chrono"]
    printf "  batch dates --jobs 2 / --jobs 1, wall:       %6.2f  [>= 1.8]\n", wall["batch2"] / wall["batch1"]
    printf "  batch timeline --jobs 2 / --jobs 1, wall:    %6.2f  [>= 1.8]\n", wall["tbatch2"] / wall["tbatch1"]
}' "$tmp/table"

# Peak RSS of timeline on single files of growing size.
echo
echo "== peak RSS, caseclock timeline --format json, one file (one run each) =="
printf "%-12s %12s %10s %10s %12s\n" "input" "bytes" "CPU s" "RSS MB" "2x input+10"
for size in 1000 1000000 10000000 64000000; do
    f=bench/corpus/single-$size.txt
    concat "$f" "$size"
    : >"$tmp/rss"
    name=rss
    run rss "$cc" timeline "$f" --format json --today "$today" -o /dev/null
    read -r cpu _ kb <"$tmp/rss" || true
    b=$(stat -c %s "$f")
    if [ "$cpu" = timeout ]; then
        printf "%-12s %12d  (timed out after %d s)\n" "$size" "$b" "$limit"
    else
        awk -v n="$size" -v b="$b" -v c="$cpu" -v k="$kb" 'BEGIN {
            printf "%-12s %12d %10.2f %10.1f %12.1f\n", n, b, c, k / 1024,
                2 * b / 1048576 + 10 }'
    fi
done

# Peak RSS of batch as the number of files grows (bench/batch.sh's links).
links=bench/corpus/links-100k
if [ ! -f "$links/.complete" ]; then
    rm -rf "$links"
    mkdir -p "$links/d000"
    for ((i = 0; i < 1000; i++)); do
        ln "${srcs[i % ${#srcs[@]}]}" "$links/d000/$(printf '%04d' "$i").txt"
    done
    for ((d = 1; d < 100; d++)); do
        cp -al "$links/d000" "$links/$(printf 'd%03d' "$d")"
    done
    touch "$links/.complete"
fi
find "$links" -name '*.txt' | LC_ALL=C sort >"$tmp/links.list"
echo
echo "== peak RSS, caseclock batch --jobs 2 (dates) over N files (one run each) =="
printf "%-12s %10s %10s %10s\n" "files" "CPU s" "wall s" "RSS MB"
for n in 1000 10000 100000; do
    head -"$n" "$tmp/links.list" >"$tmp/list"
    : >"$tmp/rss"
    run rss "$cc" batch --jobs 2 --from-list "$tmp/list"
    read -r cpu wall kb <"$tmp/rss" || true
    awk -v n="$n" -v c="$cpu" -v w="$wall" -v k="$kb" 'BEGIN {
        printf "%-12d %10.2f %10.2f %10.1f\n", n, c, w, k / 1024 }'
done

# Start-up: caseclock dates on a tiny file against /bin/date.
echo
echo "== start-up: 200 runs each, interleaved in 4 rounds =="
printf 'Decision date: 9 April 2019\n\nOn 9 April 2019 Mrs X complained.\n' >"$tmp/tiny.txt"
t_cc=0 t_date=0
for round in 1 2 3 4; do
    s=$(date +%s%N)
    for ((i = 0; i < 50; i++)); do "$cc" dates "$tmp/tiny.txt" >/dev/null; done
    e=$(date +%s%N); t_cc=$((t_cc + e - s))
    s=$(date +%s%N)
    for ((i = 0; i < 50; i++)); do /bin/date -d 2019-04-09 >/dev/null; done
    e=$(date +%s%N); t_date=$((t_date + e - s))
done
awk -v a="$t_cc" -v b="$t_date" 'BEGIN {
    printf "%-40s %8.2f ms\n", "caseclock dates TINY", a / 200 / 1e6
    printf "%-40s %8.2f ms\n", "/bin/date -d 2019-04-09", b / 200 / 1e6
    printf "%-40s %8.2f  [<= 3]\n", "ratio caseclock / date", a / b
}'
echo
echo "CPU pressure (/proc/pressure/cpu): $(head -1 /proc/pressure/cpu 2>/dev/null || echo unknown)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(getconf _NPROCESSORS_ONLN) cores"
