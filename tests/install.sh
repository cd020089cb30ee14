#!/usr/bin/env bash
# Installs a built tree into a new temporary prefix and uses it as a user
# would: the command runs, pkg-config finds the library, the example in
# examples/ builds against it (shared and static) and gives the right
# deadline, the man page renders, and bash completes from the installed
# completion file.
#
#   tests/install.sh BUILD_DIR
#
# BUILD_DIR must be built already (ctest runs this after the build; CI runs
# it on a fresh build of its own).  Nothing is written outside a temporary
# directory, which is removed at the end.
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: tests/install.sh BUILD_DIR" >&2
    exit 2
fi
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "$1" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/caseclock-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
failures=0

ok() { echo "ok: $*"; }
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
skip() { echo "skip: $*"; }

# A sanitizer build's library needs its runtime in whatever links it.
sanitize_flags=
if grep -q '^CC_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
    sanitize_flags="-fsanitize=address,undefined"
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
fi

# --- the install itself -------------------------------------------------
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"
export PKG_CONFIG_PATH=$(dirname "$(find "$prefix" -name caseclock.pc)")
libdir=$(pkg-config --variable=libdir caseclock)
includedir=$(pkg-config --variable=includedir caseclock)
export LD_LIBRARY_PATH=$libdir

for f in "$prefix/bin/caseclock" "$libdir/libcaseclock.so.0" \
    "$libdir/libcaseclock.so" "$libdir/libcaseclock.a" \
    "$includedir/caseclock.h" "$prefix/share/man/man1/caseclock.1" \
    "$prefix/share/bash-completion/completions/caseclock"; do
    if [[ -e $f ]]; then
        ok "installed ${f#"$prefix"/}"
    else
        fail "not installed: ${f#"$prefix"/}"
    fi
done
soname=$(objdump -p "$libdir/libcaseclock.so" 2>/dev/null |
    awk '$1 == "SONAME" {print $2}')
[[ -z $soname || $soname == libcaseclock.so.0 ]] ||
    fail "SONAME is $soname, not libcaseclock.so.0"
# The shared library exports the functions caseclock.h declares and no
# internals (cc_module__name).
if command -v nm >/dev/null; then
    exported=$(nm -D --defined-only "$libdir/libcaseclock.so" |
        awk '$2 == "T" {print $3}' | sort)
    declared=$(sed -n 's/^CC_API [^(]*[ *]\(cc_[a-z0-9_]*\)(.*/\1/p' \
        "$includedir/caseclock.h" | sort)
    if [[ -n $exported && $exported == "$declared" ]]; then
        ok "the library exports the $(wc -l <<<"$exported") functions of caseclock.h and nothing else"
    else
        fail "exported functions differ from caseclock.h: $(diff <(echo "$declared") <(echo "$exported") | grep '^[<>]' | head -5 | tr '\n' ' ')"
    fi
fi

# --- the command ----------------------------------------------------------
version=$(sed -n 's/^#define CASECLOCK_VERSION  *"\(.*\)"/\1/p' \
    "$includedir/caseclock.h")
out=$("$prefix/bin/caseclock" --version)
if [[ $out == "caseclock $version"* && $out == *"bank holidays: england-and-wales 2000-01-01 to"* ]]; then
    ok "caseclock --version: $(head -1 <<<"$out")"
else
    fail "caseclock --version printed: $out"
fi
[[ $(pkg-config --modversion caseclock) == "$version" ]] ||
    fail "pkg-config --modversion is $(pkg-config --modversion caseclock), the header says $version"
numbers=$(for part in MAJOR MINOR PATCH; do
    sed -n "s/^#define CASECLOCK_VERSION_$part  *\([0-9]*\)$/\1/p" "$includedir/caseclock.h"
done | paste -sd.)
if [[ $numbers == "$version" ]]; then
    ok "the header's numeric version macros say $numbers"
else
    fail "CASECLOCK_VERSION_MAJOR.MINOR.PATCH is '$numbers', CASECLOCK_VERSION is $version"
fi

# --- the example, against the installed library -----------------------
cp -R "$src/examples" "$tmp/examples"
want='2024-03-20 + 10wd: 2024-04-05'
check_example() { # what, binary
    local out
    if ! out=$("$2"); then
        fail "$1: the example failed"
        return
    fi
    if grep -qxF "$want" <<<"$out" &&
        grep -qxF 'skipped 2024-03-29 Good Friday' <<<"$out" &&
        grep -qxF 'skipped 2024-04-01 Easter Monday' <<<"$out"; then
        ok "$1: $want, Good Friday and Easter Monday skipped"
    else
        fail "$1: the example printed: $out"
    fi
}
if make -s -C "$tmp/examples" ${sanitize_flags:+CFLAGS="-std=c17 -g $sanitize_flags"} \
    ${sanitize_flags:+LDFLAGS="$sanitize_flags"} >"$tmp/make.log" 2>&1; then
    ok "examples/ built with: $(pkg-config --cflags --libs caseclock)"
    check_example "shared" "$tmp/examples/deadline"
    # (ldd's output is read whole: grep -q would close the pipe early.)
    if grep -qF "$libdir/libcaseclock.so.0" <<<"$(ldd "$tmp/examples/deadline")"; then
        ok "the example uses the installed libcaseclock.so.0"
    else
        fail "the example does not load $libdir/libcaseclock.so.0"
    fi
    # A program using only caseclock.h: the command's bytes, JSON,
    # iCalendar and the HTML report, for every fixture (with its --today).
    same=0 differ=0 nfix=0
    for dir in "$src"/fixtures/*/; do
        today=
        [[ -f $dir/args ]] && today=$(sed -n 's/.*--today \([0-9-]*\).*/\1/p' "$dir/args")
        nfix=$((nfix + 1))
        for fmt in json ics html; do
            lib=$("$tmp/examples/timeline" "$dir/input.txt" $fmt $today 2>&1; echo "rc=$?")
            cli=$("$prefix/bin/caseclock" timeline "$dir/input.txt" --format $fmt \
                ${today:+--today "$today"} 2>&1; echo "rc=$?")
            if [[ $lib == "$cli" && $lib == *"rc=0" ]]; then
                same=$((same + 1))
            else
                differ=$((differ + 1))
                echo "differs: $dir $fmt" >&2
                diff <(echo "$cli") <(echo "$lib") | head -5 >&2
            fi
        done
    done
    if [[ $differ -eq 0 && $same -eq $((3 * nfix)) && $nfix -gt 0 ]]; then
        ok "examples/timeline (caseclock.h alone) gives the command's bytes: JSON, iCalendar and HTML of all $nfix fixtures"
    else
        fail "examples/timeline differs from the command on $differ of $((3 * nfix)) outputs"
    fi
else
    cat "$tmp/make.log" >&2
    fail "examples/ did not build against the install"
fi

# The static library with what `pkg-config --static` says it needs; only the
# archive is in the first -L directory, so -lcaseclock is the archive.
mkdir "$tmp/static"
ln -s "$libdir/libcaseclock.a" "$tmp/static/libcaseclock.a"
# shellcheck disable=SC2046
if cc -std=c17 $sanitize_flags $(pkg-config --cflags caseclock) \
    -o "$tmp/deadline-static" "$src/examples/deadline.c" -L"$tmp/static" \
    $(pkg-config --static --libs caseclock) 2>"$tmp/static.log"; then
    if grep -q libcaseclock <<<"$(ldd "$tmp/deadline-static")"; then
        fail "static: the example still loads libcaseclock.so"
    else
        check_example "static" "$tmp/deadline-static"
    fi
else
    cat "$tmp/static.log" >&2
    fail "examples/deadline.c did not link against libcaseclock.a"
fi

# --- the man page ---------------------------------------------------------
page=$prefix/share/man/man1/caseclock.1
if command -v groff >/dev/null; then
    # -ww: every warning; a page that warns has a mistake in it.
    if groff -man -Tutf8 -ww -z "$page" 2>"$tmp/groff.log" &&
        [[ ! -s $tmp/groff.log ]]; then
        ok "groff -man renders caseclock(1) without warnings"
    else
        fail "groff: $(cat "$tmp/groff.log")"
    fi
else
    skip "groff is not installed"
fi
if command -v man >/dev/null; then
    text=$(MANWIDTH=80 MANPAGER=cat man -l "$page" 2>&1)
    if grep -q '^NAME' <<<"$text" && grep -q '^EXIT STATUS' <<<"$text" &&
        grep -q 'caseclock deadline --rule ca1989.complaints.stage1' <<<"$text"; then
        ok "man -l renders caseclock(1) ($(wc -l <<<"$text") lines)"
    else
        fail "man -l: $text"
    fi
    found=$(MANPATH=$prefix/share/man man -w caseclock 2>&1 || true)
    if [[ $found == "$page" ]]; then
        ok "man finds caseclock(1) under the prefix"
    else
        fail "MANPATH=$prefix/share/man man -w caseclock: $found"
    fi
else
    skip "man is not installed"
fi

# --- bash completion ------------------------------------------------------
comp=$prefix/share/bash-completion/completions/caseclock
if bash -n "$comp"; then
    ok "bash -n accepts the completion"
else
    fail "bash -n rejects $comp"
fi
# Completes the words given, the last one being completed, and prints the
# candidates one a line.
cat >"$tmp/complete.sh" <<'EOF'
source "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
_caseclock
printf '%s\n' "${COMPREPLY[@]}"
EOF
expect_completion() { # expected candidates (space-separated), then the words
    local want=$1 got
    shift
    got=$(PATH=$prefix/bin:$PATH bash "$tmp/complete.sh" "$comp" "$@" |
        sort | tr '\n' ' ')
    want=$(tr ' ' '\n' <<<"$want" | sort | tr '\n' ' ')
    if [[ $got == "$want" ]]; then
        ok "complete '$*' -> $got"
    else
        fail "complete '$*': got '$got', want '$want'"
    fi
}
expect_completion "deadline" caseclock de
expect_completion "--format" caseclock add 2019-04-10 10wd --fo
expect_completion "text json ics" caseclock add 2019-04-10 10wd --format ''
expect_completion "text json" caseclock workdays --format ''
expect_completion "text json ics csv html" caseclock timeline d.txt --format ''
expect_completion "--strict" caseclock check d.txt --st
expect_completion "json" caseclock rules --format = j
expect_completion "scotland" caseclock add 2019-04-10 10wd --calendar sc
expect_completion "beginning_with" caseclock add 2019-04-10 12m --counting b
expect_completion "ca1989.complaints.stage1 ca1989.complaints.stage2 ca1989.complaints.stage2-request" \
    caseclock deadline --rule ca1989.complaints.stag
# --calendar offers *.ics files and directories, not other files.
mkdir -p "$tmp/cal/sub"
touch "$tmp/cal/closures.ics" "$tmp/cal/notes.txt"
expect_completion "$tmp/cal/closures.ics $tmp/cal/sub" caseclock add 2019-04-10 10wd \
    --calendar "$tmp/cal/"

# The static rule list (used when caseclock cannot be run) is the built-in
# rules, no more and no fewer.
static=$(bash -c 'source "$1"; printf "%s\n" $_caseclock_static_rules' _ "$comp" | sort)
live=$("$prefix/bin/caseclock" rules --format json |
    sed -n 's/^ *"id": *"\([^"]*\)",*$/\1/p' | sort)
if [[ $static == "$live" ]]; then
    ok "the completion's static rule list matches 'caseclock rules' ($(wc -l <<<"$live") rules)"
else
    fail "the completion's static rule list differs from 'caseclock rules': $(diff <(echo "$static") <(echo "$live") | grep '^[<>]' | tr '\n' ' ')"
fi

# With the bash-completion package, its loader finds the installed file
# through XDG_DATA_DIRS, as it would under /usr/local or /usr.
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    if XDG_DATA_DIRS=$prefix/share bash -c '
            source /usr/share/bash-completion/bash_completion
            __load_completion caseclock && complete -p caseclock' \
        >"$tmp/loader.log" 2>&1 &&
        grep -q -- '-F _caseclock caseclock' "$tmp/loader.log"; then
        ok "bash-completion loads it from $prefix/share"
    else
        fail "bash-completion did not load it: $(cat "$tmp/loader.log")"
    fi
else
    skip "the bash-completion package is not installed"
fi

if ((failures)); then
    echo "install: $failures check(s) failed" >&2
    exit 1
fi
echo "install: all checks passed"
