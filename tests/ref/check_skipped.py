#!/usr/bin/env python3
"""Checks the working days a deadline says it skipped, independently.

For every deadline of `caseclock timeline --format json` that counts working
days (it has "calendar"), recomputes with workdays_ref.py (one day at a
time, from calendars/bank-holidays.json) that the Nth working day after the
trigger's latest day is the latest due day, and that "skipped" lists exactly
the days in between that are not working days, with the reason: Saturday,
Sunday, the bank holiday's name, or a closure day of a --calendar FILE.ics
given in the fixture's args.

  tests/ref/check_skipped.py CASECLOCK FIXTURE_DIR...

Prints one line per deadline checked and exits 1 on the first disagreement.
"""
import datetime
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workdays_ref as ref  # noqa: E402


def closures(args):
    """Days off from the --calendar files in args, with their SUMMARY."""
    days = {}
    for i, a in enumerate(args):
        if a == "--calendar" and i + 1 < len(args):
            text = open(args[i + 1], encoding="utf-8").read()
            for ev in re.findall(r"BEGIN:VEVENT(.*?)END:VEVENT", text, re.S):
                start = re.search(r"DTSTART[^:]*:(\d{8})", ev).group(1)
                end = re.search(r"DTEND[^:]*:(\d{8})", ev)
                summary = re.search(r"SUMMARY:(.*)", ev)
                d = datetime.datetime.strptime(start, "%Y%m%d").date()
                e = (datetime.datetime.strptime(end.group(1), "%Y%m%d").date()
                     if end else d + datetime.timedelta(days=1))
                while d < e:
                    days[d] = summary.group(1).strip() if summary else ""
                    d += datetime.timedelta(days=1)
    return days


def reason(cal, extra, day):
    if day.weekday() == 5:
        return "Saturday"
    if day.weekday() == 6:
        return "Sunday"
    if day in cal:
        return cal[day]
    if day in extra:
        return extra[day]
    return None


def main(argv):
    caseclock, dirs = argv[1], argv[2:]
    data = json.load(open(ref.DEFAULT_DATA, encoding="utf-8"))
    checked = 0
    for d in dirs:
        args = []
        if os.path.exists(os.path.join(d, "args")):
            args = open(os.path.join(d, "args")).read().split()
        out = subprocess.run([caseclock, "timeline", os.path.join(d, "input.txt"),
                              "--format", "json"] + args,
                             capture_output=True, text=True, check=True).stdout
        extra = closures(args)
        for dl in json.loads(out)["deadlines"]:
            if "calendar" not in dl:
                continue
            div = dl["calendar"]
            cal = {datetime.date.fromisoformat(e["date"]): e["title"]
                   for e in data[div]["events"]}
            trig = [x for x in dl["inputs"]
                    if x["role"].startswith("trigger") or x["role"] == "decision"]
            start = datetime.date.fromisoformat(trig[0]["date"]["latest"])
            n = int(dl["period"][:-2])
            day, count, want = start, 0, []
            while count < n:
                day += datetime.timedelta(days=1)
                why = reason(cal, extra, day)
                if why is None:
                    count += 1
                else:
                    want.append({"date": day.isoformat(), "reason": why})
            if day.isoformat() != dl["due"]["latest"] or want != dl["skipped"]:
                print(f"{d}: {dl['rule']}: from {start} + {n}wd the reference "
                      f"gives {day} skipping {want}; caseclock says "
                      f"{dl['due']['latest']} skipping {dl['skipped']}")
                return 1
            checked += 1
            print(f"{d}: {dl['rule']}: {start} + {n}wd = {day}, "
                  f"{len(want)} days skipped: agrees")
    print(f"{checked} working-day deadlines checked")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
