#!/usr/bin/env bash
# The calendar files caseclock writes, read by three independent iCalendar
# parsers as calendar clients read them: python3-icalendar and
# python3-vobject (Debian) and ical.js (Mozilla's, from npm, installed into
# the build directory).  Every fixture's `timeline --format ics`, each
# fixture again with its reference line taken out (decisions without a
# reference still get UIDs of their own), and `deadline`/`add --format ics`
# must pass every parser's checks (tests/ics/check.py says which); then
# files broken on purpose (a control character, a bare comma and semicolon
# in X-WR-CALNAME, a UTF-8 name cut in the middle of a character, no
# VEVENT, no ORGANIZER, no SEQUENCE or LAST-MODIFIED, two decisions sharing
# UIDs) must fail under every parser, so the checks are known to bite.
#
# usage: tests/ics/clients.sh CASECLOCK BUILD_DIR
set -euo pipefail
cc=$(realpath "$1")
build=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$build/ics-clients
icaljs_version=2.2.1

missing=()
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing+=(python3-icalendar)
/usr/bin/python3 -c 'import vobject' 2>/dev/null || missing+=(python3-vobject)
command -v node >/dev/null || missing+=(nodejs)
if [ ${#missing[@]} -gt 0 ]; then
    echo "ics clients: install ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
fi
icaljs=$work/npm/node_modules/ical.js/dist/ical.js
if ! grep -qs "\"version\": \"$icaljs_version\"" \
        "$work/npm/node_modules/ical.js/package.json"; then
    command -v npm >/dev/null || {
        echo "ics clients: install npm (apt-get install npm)" >&2
        exit 1
    }
    mkdir -p "$work/npm"
    npm install --prefix "$work/npm" --no-audit --no-fund --silent \
        "ical.js@$icaljs_version" >&2
fi

rm -rf "$work/files" "$work/broken"
mkdir -p "$work/files" "$work/broken" "$work/noref"
refused=0
for dir in "$root"/fixtures/*/; do
    name=$(basename "$dir")
    args=()
    [ -f "$dir/args" ] && { read -r -a args <"$dir/args" || true; }
    for variant in plain -noref; do
        input=$dir/input.txt
        if [ $variant = -noref ]; then
            # The first line's "(NN NNN NNN)" is the reference.
            input=$work/noref/$name.txt
            sed '1s/ *([0-9][0-9] [0-9][0-9][0-9] [0-9][0-9][0-9])$//' \
                "$dir/input.txt" >"$input"
            cmp -s "$input" "$dir/input.txt" && continue
        fi
        out=$work/files/$name${variant/#plain/}.ics
        set +e
        "$cc" timeline "$input" --format ics ${args[@]+"${args[@]}"} \
            -o "$out" 2>"$work/stderr"
        rc=$?
        set -e
        if [ $rc -eq 3 ] && grep -q "a calendar of it would be empty" \
                "$work/stderr" && [ ! -e "$out" ]; then
            refused=$((refused + 1))
        elif [ $rc -ne 0 ]; then
            echo "ics clients: $name ($variant): exit $rc: $(cat "$work/stderr")" >&2
            exit 1
        fi
    done
done
"$cc" deadline --rule ca1989.complaints.stage1 --from 2024-03-20 \
    --format ics -o "$work/files/deadline.ics"
"$cc" add 2019-04-10 10wd --format ics -o "$work/files/add.ics"
files=("$work"/files/*.ics)
echo "ics clients: ${#files[@]} files written, $refused empty calendars refused"

status=0
run() { # parser files...: the parser's summary line; its problems on failure
    local parser=$1 out rc
    shift
    set +e
    if [ "$parser" = ical.js ]; then
        out=$(node "$here/check.mjs" "$icaljs" "$@")
    else
        out=$(/usr/bin/python3 "$here/check.py" "$parser" "$@")
    fi
    rc=$?
    set -e
    printf '%s\n' "$out"
    return $rc
}
for parser in icalendar vobject ical.js; do
    run $parser "${files[@]}" | sed 's|'"$work"'/||' || status=1
done

# Files broken on purpose, from the first fixture's file.
good=$work/files/seed-21-017-982.ics
/usr/bin/python3 - "$good" "$work/broken" <<'PY'
import sys
good = open(sys.argv[1], "rb").read()
out = sys.argv[2]
lines = good.split(b"\r\n")
name = [l for l in lines if l.startswith(b"X-WR-CALNAME:")][0]
def write(n, b):
    open("%s/%s.ics" % (out, n), "wb").write(b)
def without(*prefixes):
    return b"\r\n".join(l for l in lines if not l.startswith(prefixes))
write("control-character",
      good.replace(b"DESCRIPTION:\"", b"DESCRIPTION:\"\x07", 1))
write("bare-comma-calname",
      good.replace(name, b"X-WR-CALNAME:Council, Children; (21 017 982)"))
write("cut-utf8-calname",
      good.replace(name, b"X-WR-CALNAME:Actions agreed following Ms B\xe2\x80"))
write("no-event", good[:good.index(b"BEGIN:VEVENT")] + b"END:VCALENDAR\r\n")
write("no-organizer", without(b"ORGANIZER"))
write("no-sequence", without(b"SEQUENCE", b"LAST-MODIFIED"))
PY
cp "$good" "$work/broken/shared-uids.ics"
for bad in "$work"/broken/*.ics; do
    set -- "$bad"
    [ "$(basename "$bad")" = shared-uids.ics ] && set -- "$good" "$bad"
    for parser in icalendar vobject ical.js; do
        if out=$(run $parser "$@"); then
            echo "ics clients: $parser accepted $(basename "$bad"), broken on purpose" >&2
            status=1
        else
            echo "broken on purpose: $(basename "$bad"): $parser: $(printf '%s\n' "$out" |
                grep -v ' files, ' | head -1 | sed 's|.*: '"$parser"': ||')"
        fi
    done
done
[ $status -eq 0 ] && echo "ics clients: ${#files[@]} files, 3 parsers, 0 failures; 7 broken files failed under every parser"
exit $status
