#!/usr/bin/env bash
# Writes docs/timescales.md: its prose (docs/timescales.head.md), then the
# tables generated from calendars/rules.json (`caseclock rules --format
# markdown`) and from the cases of tests/data/checks.test (`check_cases
# --coverage`).
#
#   docs/timescales.sh [BUILD]           rewrite docs/timescales.md
#   docs/timescales.sh --check [BUILD]   exit 1, with a diff, when it differs
#
# BUILD is the build directory (default build/).
set -euo pipefail
cd "$(dirname "$0")/.."

check=0
if [ "${1:-}" = --check ]; then
    check=1
    shift
fi
build=${1:-build}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

{
    cat docs/timescales.head.md
    echo
    echo "Everything below is generated from calendars/rules.json; do not edit it by hand."
    echo
    "$build/caseclock" rules --format markdown
    echo
    "$build/tests/check_cases" --coverage tests/data/checks.open tests/data/checks.test
} >"$out"

if [ $check = 1 ]; then
    if ! diff -u docs/timescales.md "$out"; then
        echo "docs/timescales.md is out of date: run docs/timescales.sh" >&2
        exit 1
    fi
    echo "docs/timescales.md matches calendars/rules.json and tests/data/checks.test"
else
    cp "$out" docs/timescales.md
fi
