#!/usr/bin/env bash
# The HTML report in a real browser: Debian's chromium, headless.
#
#   tests/browser.sh CASECLOCK OUT_DIR
#
# For each fixtures/seed-*: writes the report (OUT_DIR/report-SEED.html),
# renders it to a PNG at about A4's width (OUT_DIR/report-SEED.png) and to
# the DOM chromium built from it (--dump-dom), and checks that every event
# and deadline of the same timeline as CSV is in that DOM: its table row
# with its dates (and a deadline's status), and its mark in the chart.
# chromium runs with a network log: the page must start no request.  One report is also printed to PDF (OUT_DIR/report-SEED.pdf) and
# its pages turned into PNGs when pdftoppm (poppler-utils) is there.
# The PNGs are for people to look at: CI keeps them as artefacts.
#
# Exits 77, which ctest counts as skipped, when chromium is not installed
# (.ci/run installs it; `apt-get install chromium` does here).
set -euo pipefail

if [[ $# -ne 2 ]]; then
    echo "usage: tests/browser.sh CASECLOCK OUT_DIR" >&2
    exit 2
fi
bin=$1
out=$2
browser=$(command -v chromium || true)
if [[ -z $browser ]]; then
    echo "skip: chromium is not installed (apt-get install chromium);" \
        "the HTML report was not checked in a browser"
    exit 77
fi
src=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
out=$(cd "$out" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/caseclock-browser.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
failures=0
checked=0

ok() { echo "ok: $*"; }
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# One headless chromium run with a profile of its own; the flags keep it
# off the network (no background requests, updates or sync).
chromium_run() {
    local profile
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
        --disable-quic --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync --disable-extensions \
        --hide-scrollbars --user-data-dir="$profile" "$@"
}

# The requests in a net log that a page started: the browser's own (its
# update and account checks, which the flags above do not all stop) have
# no origin; the report, a file: page, is origin "null".
page_requests() {
    grep -o '"initiator":"[^"]*"[^}]*' "$1" |
        grep -v '^"initiator":"not an origin"' || true
}

for dir in "$src"/fixtures/seed-*/; do
    dir=${dir%/}
    seed=$(basename "$dir")
    html=$out/report-$seed.html
    png=$out/report-$seed.png
    dom=$tmp/$seed.dom
    csv=$tmp/$seed.csv
    netlog=$tmp/$seed.netlog.json

    "$bin" timeline "$dir/input.txt" --format html -o "$html"
    "$bin" timeline "$dir/input.txt" --format csv -o "$csv"

    # A4 is 794 CSS pixels wide; tall enough for the longest report.
    if ! chromium_run --window-size=800,5200 --screenshot="$png" \
        --log-net-log="$netlog" "file://$html" >"$tmp/shot.log" 2>&1 ||
        [[ ! -s $png ]]; then
        fail "$seed: chromium made no screenshot"
        sed 's/^/    /' "$tmp/shot.log" >&2
        continue
    fi
    if ! chromium_run --dump-dom "file://$html" >"$dom" 2>"$tmp/dom.log" ||
        [[ ! -s $dom ]]; then
        fail "$seed: chromium dumped no DOM"
        sed 's/^/    /' "$tmp/dom.log" >&2
        continue
    fi

    # No request but for the page itself.
    if [[ -s $netlog ]]; then
        extra=$(page_requests "$netlog")
        if [[ -n $extra ]]; then
            fail "$seed: the page made requests: $(echo "$extra" | head -3)"
        fi
    else
        fail "$seed: chromium wrote no net log"
    fi

    # Every event and deadline: its row, its dates, its chart mark.  The
    # CSV's first nine fields (record, id, dates, precision, kind, actor,
    # rule, status) hold no commas or quotes.
    events=0
    deadlines=0
    while IFS=, read -r record id earliest latest _ _ _ _ status _; do
        case $record in
        event) events=$((events + 1)) ;;
        deadline) deadlines=$((deadlines + 1)) ;;
        *) continue ;;
        esac
        row=$(awk -v open="<tr id=\"$id\" " \
            'index($0, open) { on = 1 } on { print } on && /<\/tr>/ { exit }' \
            "$dom")
        if [[ -z $row ]]; then
            fail "$seed: $record $id has no row in the DOM"
            continue
        fi
        for d in "$earliest" "$latest"; do
            grep -qF "datetime=\"$d\"" <<<"$row" ||
                fail "$seed: $record $id: $d is not in its row"
        done
        if [[ $record == deadline ]]; then
            grep -qF "data-status=\"$status\"" <<<"$row" ||
                fail "$seed: deadline $id is not shown $status"
        fi
        grep -qF "<g id=\"c-$id\"" "$dom" ||
            fail "$seed: $record $id is not in the chart"
        checked=$((checked + 1))
    done < <(tr -d '\r' <"$csv")
    rows=$(grep -o '<tr id="[ed][0-9]*"' "$dom" | wc -l)
    if [[ $rows -ne $((events + deadlines)) ]]; then
        fail "$seed: the DOM has $rows rows for $events events and" \
            "$deadlines deadlines"
    fi
    grep -qF '<svg class="chart main" role="img"' "$dom" ||
        fail "$seed: no chart with role=img in the DOM"
    ok "$seed: $events events and $deadlines deadlines in the DOM;" \
        "screenshot $png"
done

# One report on A4, as a person would print it.
seed=seed-21-017-982
pdf=$out/report-$seed.pdf
if chromium_run --no-pdf-header-footer --print-to-pdf="$pdf" \
    "file://$out/report-$seed.html" >"$tmp/pdf.log" 2>&1 && [[ -s $pdf ]] &&
    [[ $(head -c 5 "$pdf") == "%PDF-" ]]; then
    ok "$seed: printed to $pdf"
    if command -v pdftoppm >/dev/null; then
        rm -f "$out/report-$seed-page"-*.png
        pdftoppm -r 60 -png "$pdf" "$out/report-$seed-page"
        pages=$(find "$out" -name "report-$seed-page-*.png" | wc -l)
        if command -v pdfinfo >/dev/null; then
            # A4 is 595.28 by 841.89 points; chromium rounds to 1/100 in.
            size=$(pdfinfo "$pdf" |
                awk '/^Page size:/ { printf "%.0fx%.0f", $3, $5 }')
            [[ $size == 595x842 ]] ||
                fail "$seed: the PDF's pages are $size points, not A4"
        fi
        ok "$seed: $pages printed pages as PNG in $out"
    fi
else
    fail "$seed: chromium printed no PDF"
    sed 's/^/    /' "$tmp/pdf.log" >&2
fi

if [[ $failures -ne 0 ]]; then
    echo "browser: $failures failed" >&2
    exit 1
fi
echo "browser: $checked events and deadlines found in chromium's DOM"
