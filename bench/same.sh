#!/usr/bin/env bash
# Writes what caseclock says of every fixture and every shared decision
# (dates and timeline JSON, the timeline as text, the ICS) into OUT_DIR,
# one file per input and output, so two builds can be compared byte for
# byte: a change made for speed must leave every output as it was.
#
# Usage: bench/same.sh BUILD_DIR OUT_DIR
#        diff -r OUT_DIR_BEFORE OUT_DIR_AFTER && echo identical
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:?usage: bench/same.sh BUILD_DIR OUT_DIR}
out=${2:?usage: bench/same.sh BUILD_DIR OUT_DIR}
cc=$build/caseclock
today=2026-01-01
mkdir -p "$out"
for f in fixtures/*/input.txt ../shared/decisions/*.txt; do
    [ -f "$f" ] || continue
    case $f in
    fixtures/*) name=$(basename "$(dirname "$f")") ;;
    *) name=shared-$(basename "$f" .txt) ;;
    esac
    "$cc" dates "$f" --format json >"$out/$name.dates.json" 2>&1 ||
        echo "exit $?" >>"$out/$name.dates.json"
    "$cc" dates "$f" --format text >"$out/$name.dates.txt" 2>&1 ||
        echo "exit $?" >>"$out/$name.dates.txt"
    "$cc" timeline "$f" --format json --today "$today" >"$out/$name.timeline.json" 2>&1 ||
        echo "exit $?" >>"$out/$name.timeline.json"
    "$cc" check "$f" --today "$today" >"$out/$name.check.txt" 2>&1 ||
        echo "exit $?" >>"$out/$name.check.txt"
    "$cc" timeline "$f" --format text --today "$today" >"$out/$name.timeline.txt" 2>&1 ||
        echo "exit $?" >>"$out/$name.timeline.txt"
    "$cc" timeline "$f" --format ics --today "$today" >"$out/$name.ics" 2>&1 ||
        echo "exit $?" >>"$out/$name.ics"
done
echo "$(ls "$out" | wc -l) outputs in $out"
