#!/usr/bin/python3
"""Reads iCalendar files with two independent Python parsers, as calendar
clients do, and checks what they read.

usage: check.py icalendar|vobject FILE...

Each file is decoded as strict UTF-8 (strict clients refuse the whole file
otherwise), parsed, and then:
  - it holds one VCALENDAR with VERSION 2.0, a PRODID and at least one VEVENT;
  - under METHOD:PUBLISH every VEVENT has an ORGANIZER (RFC 5546 3.2.1);
  - every VEVENT has UID, DTSTAMP, DTSTART (a date), DTEND after it, SUMMARY,
    and SEQUENCE or LAST-MODIFIED (so that an update replaces it);
  - no UID is used twice, in one file or across the files (each file is a
    different decision);
  - no text value the parser read holds a control character (C0 other than
    a line feed, DEL, or C1);
  - each TEXT value (SUMMARY, DESCRIPTION, X-WR-CALNAME) written back by the
    parser's own escaping is the line as it stands: a bare ',' or ';' is not.
    (python3-icalendar 4.0.3, Debian 12's, unescapes a TEXT value twice, so
    it reads the two characters backslash-backslash as one backslash: for it
    alone the comparison allows that, and nothing else.)
Prints one line per problem, "FILE: parser: problem", and a last line
"N files, M failed"; exits 1 when any file failed.
"""
import re
import sys

TEXT_PROPS = ("SUMMARY", "DESCRIPTION", "X-WR-CALNAME")
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def raw_lines(text):
    """The unfolded content lines as (NAME, value) pairs, NAME upper case."""
    out = []
    for line in text.replace("\r\n", "\n").split("\n"):
        if line[:1] in (" ", "\t") and out:
            out[-1] = (out[-1][0], out[-1][1] + line[1:])
        elif line:
            m = re.match(r"([A-Za-z0-9-]+)((?:;[^:]*)?):(.*)$", line)
            out.append((m.group(1).upper(), m.group(3)) if m else ("", line))
    return out


def escape(s):
    """RFC 5545 3.3.11 TEXT escaping."""
    return (s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def read_icalendar(text):
    """[(calendar props, [event props])] with props {NAME: [values]}."""
    import icalendar

    cal = icalendar.Calendar.from_ical(text)

    def props(c):
        d = {}
        for name, value in c.property_items(recursive=False):
            if name in ("BEGIN", "END"):
                continue
            if isinstance(value, icalendar.prop.vDDDTypes):
                value = value.dt
            elif hasattr(value, "dt"):
                value = value.dt
            d.setdefault(name.upper(), []).append(value)
        return d

    events = [props(e) for e in cal.walk("VEVENT")]
    return [(props(cal), events)]


def read_vobject(text):
    import vobject
    from vobject import icalendar as vi

    # X-WR-CALNAME is TEXT: read it as vobject reads SUMMARY.
    vobject.base.registerBehavior(vi.TextBehavior, "X-WR-CALNAME")
    cals = list(vobject.readComponents(text, validate=True))

    def props(c):
        d = {}
        for child in c.getChildren():
            if isinstance(child, vobject.base.ContentLine):
                d.setdefault(child.name.upper(), []).append(child.value)
        return d

    return [(props(c), [props(e) for e in c.vevent_list]
             if hasattr(c, "vevent_list") else []) for c in cals]


def check(parser, path, data, uids):
    problems = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return ["not UTF-8: %s" % e]
    try:
        cals = (read_icalendar if parser == "icalendar" else read_vobject)(text)
    except Exception as e:  # the parser's own refusal
        return ["refused: %s: %s" % (type(e).__name__, e)]
    if len(cals) != 1:
        return ["%d VCALENDARs, not 1" % len(cals)]
    cal, events = cals[0]
    raw = raw_lines(text)
    if [str(v) for v in cal.get("VERSION", [])] != ["2.0"]:
        problems.append("VERSION is not 2.0")
    if not cal.get("PRODID"):
        problems.append("no PRODID")
    if not events:
        problems.append("no VEVENT")
    publish = [str(v).upper() for v in cal.get("METHOD", [])] == ["PUBLISH"]
    for i, ev in enumerate(events, 1):
        for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"):
            if not ev.get(name):
                problems.append("event %d: no %s" % (i, name))
        if publish and not ev.get("ORGANIZER"):
            problems.append("event %d: METHOD:PUBLISH and no ORGANIZER" % i)
        if not ev.get("SEQUENCE") and not ev.get("LAST-MODIFIED"):
            problems.append("event %d: no SEQUENCE or LAST-MODIFIED" % i)
        if ev.get("DTSTART") and ev.get("DTEND") and \
                not ev["DTEND"][0] > ev["DTSTART"][0]:
            problems.append("event %d: DTEND is not after DTSTART" % i)
        for uid in ev.get("UID", []):
            if str(uid) in uids:
                problems.append("event %d: UID %s also in %s" %
                                (i, uid, uids[str(uid)]))
            uids[str(uid)] = path
    for props in [cal] + events:
        for name, values in props.items():
            for v in values:
                if isinstance(v, str) and CONTROL.search(v):
                    problems.append("%s holds a control character %r" %
                                    (name, CONTROL.search(v).group()))
    read = [(n, str(v)) for props in [cal] + events
            for n in TEXT_PROPS for v in props.get(n, [])]
    stated = [(n, v) for n, v in raw if n in TEXT_PROPS]
    if len(read) != len(stated):
        problems.append("%d TEXT values read, %d in the file" %
                        (len(read), len(stated)))
    if parser == "icalendar":
        stated = [(n, v.replace("\\\\", "\\")) for n, v in stated]
    for n, v in read:
        if (n, escape(v)) not in stated:
            problems.append("%s is not TEXT escaped as RFC 5545 says: %r" %
                            (n, v[:60]))
    return problems


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("icalendar", "vobject"):
        sys.exit(__doc__)
    parser, failed, uids = sys.argv[1], 0, {}
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            problems = check(parser, path, f.read(), uids)
        for p in problems:
            print("%s: %s: %s" % (path, parser, p))
        failed += bool(problems)
    print("%s: %d files, %d failed" % (parser, len(sys.argv) - 2, failed))
    sys.exit(1 if failed else 0)


main()
