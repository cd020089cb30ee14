// chrono-node (chrono.en.GB) over decision statements, for bench/compare.sh.
//
// Reads paths, one a line, on standard input, and writes one JSON line per
// file in the shape of `caseclock batch --command dates`: {"path",
// "decision", "mentions": [{"text", "offset", "length", "type", "value"}]},
// offsets and lengths in bytes of the UTF-8 file, so that tests/score.c
// (--mentions FILE) scores chrono's mentions as it scores caseclock's.
//
// chrono gets the best reference date the file offers, its header's
// "Decision date", so that dates without a year get the year before it.
// A value keeps the precision chrono is certain of: "March 2019" is
// "2019-03"; a clock time is TIME.  A range ("5 to 9 June 2019") is one
// result in chrono, and one mention here, valued by its start.
//
// Usage: node bench/chrono_runner.mjs < paths  (bench/peers/ installed)
import { readFileSync, writeSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(new URL("./peers/package.json", import.meta.url));
const chrono = require("chrono-node");

const MONTHS = {
    jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5,
    jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const HEADER = /Decision date\s*:\s*(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/;
const FALLBACK = new Date(Date.UTC(2020, 0, 1, 12));

function reference(text) {
    const m = HEADER.exec(text.slice(0, 4000));
    const mon = m && MONTHS[m[2].toLowerCase()];
    if (mon === undefined || mon === null)
        return FALLBACK;
    return new Date(Date.UTC(+m[3], mon, +m[1], 12));
}

const pad = (n, w = 2) => String(n).padStart(w, "0");

function value(c) {
    const y = pad(c.get("year"), 4), mo = pad(c.get("month")), d = pad(c.get("day"));
    if (c.isCertain("hour"))
        return `${y}-${mo}-${d}T${pad(c.get("hour"))}:${pad(c.get("minute") ?? 0)}`;
    if (c.isCertain("day"))
        return `${y}-${mo}-${d}`;
    if (c.isCertain("month"))
        return `${y}-${mo}`;
    if (c.isCertain("year"))
        return y;
    return `${y}-${mo}-${d}`;
}

function record(path) {
    const text = readFileSync(path, "utf8");
    const results = chrono.en.GB.parse(text, reference(text));
    const mentions = [];
    let index = 0, offset = 0;
    for (const r of results) {
        // Byte offsets: the UTF-8 length of the text before the match.
        offset += Buffer.byteLength(text.slice(index, r.index));
        index = r.index;
        mentions.push({
            text: r.text,
            offset,
            length: Buffer.byteLength(r.text),
            type: r.start.isCertain("hour") ? "TIME" : "DATE",
            value: value(r.start),
        });
    }
    return JSON.stringify({ path, decision: null, mentions }) + "\n";
}

const paths = readFileSync(0, "utf8").split("\n").filter((p) => p !== "");
let out = "";
for (const p of paths) {
    out += record(p);
    if (out.length > 1 << 20) {
        writeSync(1, out);
        out = "";
    }
}
writeSync(1, out);
