#!/usr/bin/env bash
# The seeds read from each document format give what their text gives:
# for every fixtures/seed-*, 'caseclock timeline --format json' on
# input.txt and on tests/formats/SEED/seed.{html,pdf,docx} (made from it by
# tests/formats/make.py), compared on
#   header     the decision's authority, reference, category, outcome, date
#              (and "format" naming the format read),
#   dates      every event's date: value, earliest, latest, precision, kind,
#   deadlines  every deadline and finding, all but where it sits in the text
#              (offsets, lines, "(line N)" in the places named, and the
#              quoted words: a web page's no-break spaces are in its quotes).
# Prints a table, seed x format; exits 1 if any cell differs.
#
#   tests/formats.sh [CASECLOCK] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/caseclock}
work=${2:-$(mktemp -d)}
mkdir -p "$work"

facts() { # facts JSON: writes JSON.header, .dates, .deadlines, .format, .counts
    python3 - "$1" <<'PY'
import json, re, sys
path = sys.argv[1]
d = json.load(open(path))
def strip(x):
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items()
                if k not in ("offset", "length", "line", "text", "sentence",
                             "sentence_offset", "sentence_length")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    if isinstance(x, str):  # "paragraph 4 (line 62)": the line is layout
        return re.sub(r" \(line [0-9]+\)", "", x)
    return x
parts = {
    "header": {k: v for k, v in d["decision"].items() if k != "format"},
    "dates": [[e.get("kind"), e["date"]["value"], e["date"]["earliest"],
               e["date"]["latest"], e["date"]["precision"]]
              for e in d["events"]],
    "deadlines": strip({"deadlines": d["deadlines"],
                        "findings": d["findings"]}),
    "format": d["decision"]["format"],
    "counts": "%d/%d" % (len(d["events"]), len(d["deadlines"])),
}
for k, v in parts.items():
    with open(path + "." + k, "w") as f:
        f.write(v if isinstance(v, str) else
                json.dumps(v, sort_keys=True, indent=1))
        f.write("\n")
PY
}

failed=0
printf '%-17s %-5s %-8s %-8s %-9s %s\n' seed format header dates deadlines \
    "events/deadlines"
for dir in fixtures/seed-*/; do
    seed=$(basename "$dir")
    args=()
    [[ -s $dir/args ]] && read -r -a args <"$dir/args"
    "$bin" timeline "$dir/input.txt" --format json "${args[@]}" \
        >"$work/$seed.text.json"
    facts "$work/$seed.text.json"
    for fmt in html pdf docx; do
        doc=tests/formats/$seed/seed.$fmt
        out=$work/$seed.$fmt.json
        row=()
        if ! "$bin" timeline "$doc" --format json "${args[@]}" >"$out" \
            2>"$work/$seed.$fmt.err"; then
            printf '%-17s %-5s %s\n' "$seed" "$fmt" \
                "FAILS: $(head -1 "$work/$seed.$fmt.err")"
            failed=1
            continue
        fi
        facts "$out"
        if [[ $(cat "$out.format") != "$fmt" ]]; then
            row+=("format?")
            failed=1
        fi
        for part in header dates deadlines; do
            if cmp -s "$work/$seed.text.json.$part" "$out.$part"; then
                row+=(same)
            else
                row+=(DIFFERS)
                failed=1
                diff "$work/$seed.text.json.$part" "$out.$part" |
                    head -8 >&2 || true
            fi
        done
        counts=$(cat "$out.counts")
        printf '%-17s %-5s %-8s %-8s %-9s %s\n' "$seed" "$fmt" "${row[@]}" \
            "$counts"
    done
done
if [[ $failed -ne 0 ]]; then
    echo "formats: a document format reads differently from its text" >&2
fi
exit "$failed"
