// Reads iCalendar files with ical.js (Mozilla's parser, used by Thunderbird)
// and makes the checks check.py makes.
//
// usage: node check.mjs ICALJS_MODULE FILE...
//
// ICALJS_MODULE is the path of ical.js's dist/ical.js.  Prints one line per
// problem, "FILE: ical.js: problem", and "ical.js: N files, M failed"; exits
// 1 when any file failed.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [modulePath, ...files] = process.argv.slice(2);
if (!modulePath || files.length === 0) {
  console.error("usage: node check.mjs ICALJS_MODULE FILE...");
  process.exit(2);
}
const ICAL = (await import(pathToFileURL(modulePath).href)).default;
// X-WR-CALNAME is TEXT: read it as SUMMARY is read.
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };

const TEXT_PROPS = ["summary", "description", "x-wr-calname"];
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f]/;
const escape = (s) =>
  s.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
    .replace(/\n/g, "\\n");

function rawLines(text) {
  const out = [];
  for (const line of text.replace(/\r\n/g, "\n").split("\n")) {
    if ((line[0] === " " || line[0] === "\t") && out.length) {
      out[out.length - 1][1] += line.slice(1);
    } else if (line) {
      const m = /^([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      out.push(m ? [m[1].toLowerCase(), m[3]] : ["", line]);
    }
  }
  return out;
}

function check(path, data, uids) {
  const problems = [];
  let text, cals;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(data);
  } catch (e) {
    return [`not UTF-8: ${e.message}`];
  }
  try {
    const parsed = ICAL.parse(text);
    cals = typeof parsed[0] === "string" ? [parsed] : parsed;
  } catch (e) {
    return [`refused: ${e.message}`];
  }
  if (cals.length !== 1) return [`${cals.length} VCALENDARs, not 1`];
  const cal = new ICAL.Component(cals[0]);
  if (cal.name !== "vcalendar") return [`a ${cal.name}, not a VCALENDAR`];
  if (cal.getFirstPropertyValue("version") !== "2.0")
    problems.push("VERSION is not 2.0");
  if (!cal.getFirstPropertyValue("prodid")) problems.push("no PRODID");
  const events = cal.getAllSubcomponents("vevent");
  if (events.length === 0) problems.push("no VEVENT");
  const publish =
    String(cal.getFirstPropertyValue("method") || "").toUpperCase() ===
    "PUBLISH";
  events.forEach((ev, k) => {
    const i = k + 1;
    for (const name of ["uid", "dtstamp", "dtstart", "dtend", "summary"])
      if (!ev.hasProperty(name))
        problems.push(`event ${i}: no ${name.toUpperCase()}`);
    if (publish && !ev.hasProperty("organizer"))
      problems.push(`event ${i}: METHOD:PUBLISH and no ORGANIZER`);
    if (!ev.hasProperty("sequence") && !ev.hasProperty("last-modified"))
      problems.push(`event ${i}: no SEQUENCE or LAST-MODIFIED`);
    const start = ev.getFirstPropertyValue("dtstart");
    const end = ev.getFirstPropertyValue("dtend");
    if (start && !start.isDate)
      problems.push(`event ${i}: DTSTART is not a date`);
    if (start && end && end.compare(start) <= 0)
      problems.push(`event ${i}: DTEND is not after DTSTART`);
    const uid = ev.getFirstPropertyValue("uid");
    if (uid) {
      if (uids.has(uid))
        problems.push(`event ${i}: UID ${uid} also in ${uids.get(uid)}`);
      uids.set(uid, path);
    }
  });
  const read = [];
  for (const c of [cal, ...events]) {
    for (const p of c.getAllProperties()) {
      for (const v of p.getValues()) {
        if (typeof v === "string" && CONTROL.test(v))
          problems.push(
            `${p.name.toUpperCase()} holds a control character ` +
              JSON.stringify(CONTROL.exec(v)[0]));
        if (TEXT_PROPS.includes(p.name)) read.push([p.name, String(v)]);
      }
    }
  }
  const stated = rawLines(text).filter(([n]) => TEXT_PROPS.includes(n));
  if (read.length !== stated.length)
    problems.push(`${read.length} TEXT values read, ${stated.length} in the file`);
  for (const [n, v] of read)
    if (!stated.some(([m, s]) => m === n && s === escape(v)))
      problems.push(
        `${n.toUpperCase()} is not TEXT escaped as RFC 5545 says: ` +
          JSON.stringify(v.slice(0, 60)));
  return problems;
}

let failed = 0;
const uids = new Map();
for (const path of files) {
  const problems = check(path, readFileSync(path), uids);
  for (const p of problems) console.log(`${path}: ical.js: ${p}`);
  if (problems.length) failed++;
}
console.log(`ical.js: ${files.length} files, ${failed} failed`);
process.exit(failed ? 1 : 0);
