#!/usr/bin/env bash
# Scores the recogniser on the development set: tests/gold/dev/*.gold, whose
# inputs are the real decisions in ../shared/decisions/.  The dev set
# measures how the recogniser generalises: fix the general form a miss
# shows, never the instance.  Extra arguments go to cc_score (-v lists every
# miss; --min-relaxed-f1 X etc. set floors).
# Usage: tests/devset.sh [BUILD_DIR] [cc_score options...]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
shift || true
cmake --build "$build" --target cc_score >/dev/null
score=$(find "$build" -name cc_score -type f -perm -u+x | head -1)
if [ ! -d ../shared/decisions ]; then
    echo "devset: ../shared/decisions is missing" >&2
    exit 3
fi
exec "$score" "$@" tests/gold/dev/*.gold
