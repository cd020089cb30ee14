#!/usr/bin/env bash
# Runs the libFuzzer harnesses for a bounded time each and prints, per
# harness, executions per second and coverage (libFuzzer's cov and ft).
#
#   fuzz/run.sh [SECONDS] [TARGET...]     (default: 30 s each, all seven)
#
# CC_FUZZ_SEED fixes libFuzzer's random seed (0, the default, picks a new
# one each run); CI fixes it so that its smoke run walks the same inputs
# every time and a landing is not decided by chance.
#
# Builds into build-fuzz/ (CC=clang, -DCC_FUZZ=ON) unless CC_FUZZ_BUILD
# names another build directory.  Corpora start from the seeds (fixtures/,
# calendars/rules.json, fuzz/seeds/, fuzz/regressions/, and
# ../shared/data/*.ics when there) and are kept in
# $CC_FUZZ_BUILD/corpus/, so a longer run later continues from there.  At
# most CC_FUZZ_JOBS harnesses (default 2) run at once, under nice.  Exits
# 1 if any harness found a crash, a leak, a timeout or a broken promise:
# its input is left in $CC_FUZZ_BUILD/artifacts/ to become a regression
# fixture in fuzz/regressions/TARGET/.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(doc date ics rules html pdf docx)
build=${CC_FUZZ_BUILD:-build-fuzz}
jobs=${CC_FUZZ_JOBS:-2}

if [ ! -f "$build/CMakeCache.txt" ]; then
    CC=clang cmake -S . -B "$build" -DCC_FUZZ=ON -DCC_TESTS=OFF \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
nice cmake --build "$build" -j"$jobs" --target \
    $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null

seed() { # seed TARGET DIR: fill the corpus directory from the seeds
    local t=$1 dir=$2 f
    mkdir -p "$dir"
    case $t in
    doc) for f in fixtures/*/input.txt; do
             cp "$f" "$dir/fixture-$(basename "$(dirname "$f")")"
         done ;;
    ics) for f in ../shared/data/*.ics; do # beside a checkout, if there
             [ -f "$f" ] && cp "$f" "$dir/shared-$(basename "$f")"
         done ;;
    rules) cp calendars/rules.json "$dir/rules.json" ;;
    # the document readers: the smallest seed's documents (tests/formats/)
    html) for f in tests/formats/*/seed.html; do
              cp "$f" "$dir/formats-$(basename "$(dirname "$f")").html"
          done ;;
    pdf) cp tests/formats/seed-19-006-719/seed.pdf "$dir/formats-seed.pdf"
         cp tests/formats/bad/encrypted.pdf "$dir/formats-encrypted.pdf" ;;
    docx) cp tests/formats/seed-19-006-719/seed.docx "$dir/formats-seed.docx" ;;
    esac
    for f in fuzz/seeds/"$t"/* fuzz/regressions/"$t"/*; do
        [ -f "$f" ] && cp "$f" "$dir/seed-$(basename "$f")"
    done
    return 0
}

run_one() { # run_one TARGET: one bounded run, its log in $build/logs/
    local t=$1
    local corpus=$build/corpus/$t log=$build/logs/$t.log dict=()
    seed "$t" "$corpus"
    [ -f "fuzz/dict/$t.dict" ] && dict=(-dict="fuzz/dict/$t.dict")
    mkdir -p "$build/logs" "$build/artifacts/$t"
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    nice "$build/fuzz/fuzz_$t" "$corpus" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -seed="${CC_FUZZ_SEED:-0}" \
        -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
        >"$log" 2>&1
}

summary() { # summary TARGET STATUS: one line from libFuzzer's log
    local t=$1 rc=$2
    local log=$build/logs/$t.log execs rate cov ft what=ok
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$( (grep -oE 'cov: [0-9]+' "$log" || true) | tail -1 | cut -d' ' -f2)
    ft=$( (grep -oE 'ft: [0-9]+' "$log" || true) | tail -1 | cut -d' ' -f2)
    if [ "$rc" -ne 0 ]; then
        what=$(grep -m1 -E "^fuzz_$t:|ERROR:|SUMMARY:" "$log" || true)
        what="FOUND: ${what:-exit $rc} ($log)"
    fi
    printf '%-5s %4ss  execs %-9s exec/s %-6s cov %-5s ft %-6s %s\n' "$t" \
        "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$what"
}

failed=0
pids=() names=()
for t in "${targets[@]}"; do
    run_one "$t" &
    pids+=($!) names+=("$t")
    if [ ${#pids[@]} -ge "$jobs" ]; then
        rc=0; wait "${pids[0]}" || rc=$?
        summary "${names[0]}" "$rc"; [ "$rc" -eq 0 ] || failed=1
        pids=("${pids[@]:1}") names=("${names[@]:1}")
    fi
done
for i in "${!pids[@]}"; do
    rc=0; wait "${pids[$i]}" || rc=$?
    summary "${names[$i]}" "$rc"; [ "$rc" -eq 0 ] || failed=1
done
if [ "$failed" -ne 0 ]; then
    echo "fuzz: findings in $build/artifacts/ (copy each to" \
         "fuzz/regressions/TARGET/ and fix)" >&2
fi
exit "$failed"
