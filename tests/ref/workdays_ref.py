#!/usr/bin/env python3
"""Reference date arithmetic for caseclock's tests.

Written from the rule text (docs: timescales.md sections 1 and 2), not from
the C engine, and on purpose in the slowest obvious style: working days are
found by stepping one day at a time and asking of each day "is it a
Saturday, a Sunday or in the division's bank holiday list?".  Nothing is
cached, skipped or computed in bulk, so the only thing this shares with the
engine is calendars/bank-holidays.json.

Semantics:

  Nd    the Nth calendar day after the trigger (trigger excluded); Nw = 7N
        days; negative N counts backwards.
  Nwd   the Nth working day after the trigger (trigger excluded); -Nwd
        counts backwards; 0wd is the trigger itself.
  Nm    the corresponding date N calendar months later, or the last day of
        that month when it is shorter (Interpretation Act 1978 Sch 1; Dodds
        v Walker [1981] 1 WLR 1027).  Ny = 12N months.
  bw:N  "N ... beginning with X": X is day 1.  Days X+N-1; weeks X+7N-1;
        months: the day before the corresponding date, add_months(X, N) - 1
        day (formula A).  When there is no corresponding date (X is the
        29th-31st and the target month is shorter) the reading is
        uncertain: formula B, add_months(X - 1 day, N), is the answer and
        A is reported beside it ("borderline").
  workdays FROM TO
        the working days in (FROM, TO]; minus those in (TO, FROM] when
        TO < FROM; 0 when equal.

A working-day computation that has to look at any day outside the data's
coverage (2000-01-01..2030-12-31) is a coverage error (exit 4).  The days
looked at are exactly the days stepped onto: the trigger itself is never
looked at.  Calendar days, weeks, months and years need no calendar and work
for any date in years 1..9999.

Usage:
  workdays_ref.py add CALENDAR FROM PERIOD
  workdays_ref.py workdays CALENDAR FROM TO
CALENDAR is england-and-wales, scotland, northern-ireland, or - for periods
in calendar days, weeks, months or years.  Prints the same text as the
"want" column of tests/data/arith.tsv.
"""

import datetime
import json
import os
import re
import sys

ONE_DAY = datetime.timedelta(days=1)
SATURDAY = 5
SUNDAY = 6
DIVISIONS = ("england-and-wales", "scotland", "northern-ireland")
DEFAULT_DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                            "..", "..", "calendars", "bank-holidays.json")


class CoverageError(Exception):
    """A day outside the bank holiday data was needed (exit 4)."""


class Calendar:
    """One division's bank holidays, kept as a plain list of dates."""

    def __init__(self, division, holidays, first, last):
        self.division = division
        self.holidays = holidays
        self.first = first
        self.last = last

    def is_working_day(self, day):
        if day < self.first or day > self.last:
            raise CoverageError("%s is outside %s..%s" %
                                (day, self.first, self.last))
        if day.weekday() == SATURDAY or day.weekday() == SUNDAY:
            return False
        for holiday in self.holidays:
            if holiday == day:
                return False
        return True


def parse_date(text):
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError("bad date %r" % text)
    return datetime.date(int(text[0:4]), int(text[5:7]), int(text[8:10]))


def load_calendars(path=DEFAULT_DATA):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    first = parse_date(data["coverage"]["from"])
    last = parse_date(data["coverage"]["to"])
    calendars = {}
    for division in DIVISIONS:
        block = data[division]
        assert block["division"] == division
        holidays = [parse_date(e["date"]) for e in block["events"]]
        for h in holidays:
            assert first <= h <= last, (division, h)
        calendars[division] = Calendar(division, holidays, first, last)
    return calendars


# --- calendar days and months -----------------------------------------------

def add_days(day, n):
    return day + datetime.timedelta(days=n)


def days_in_month(year, month):
    """Counted: walk from the 28th until the month changes."""
    day = datetime.date(year, month, 28)
    count = 28
    while True:
        if day.month == 12 and day.day == 31:
            return 31  # the last day of year 9999 has no successor
        day = day + ONE_DAY
        if day.month != month:
            return count
        count += 1


def add_months(day, n):
    """The corresponding date n months on, or the last day of that month."""
    index = day.year * 12 + (day.month - 1) + n
    year, month0 = divmod(index, 12)
    month = month0 + 1
    if year < 1 or year > 9999:
        raise OverflowError("year %d out of range" % year)
    last = days_in_month(year, month)
    return datetime.date(year, month, min(day.day, last))


# --- working days -----------------------------------------------------------

def add_workdays(cal, start, n):
    """The nth working day after start (n > 0), before it (n < 0), or start."""
    step = ONE_DAY if n > 0 else -ONE_DAY
    found = 0
    day = start
    while found < abs(n):
        day = day + step
        if cal.is_working_day(day):
            found += 1
    return day


def workdays_between(cal, start, end):
    """Working days in (start, end]; negative when end < start."""
    if start == end:
        return 0
    if start < end:
        low, high, sign = start, end, 1
    else:
        low, high, sign = end, start, -1
    count = 0
    day = low
    while day < high:
        day = day + ONE_DAY
        if cal.is_working_day(day):
            count += 1
    return sign * count


# --- periods ----------------------------------------------------------------

PERIOD_RE = re.compile(r"(bw:)?([+-]?)(\d+)(wd|d|w|m|y)")


def parse_period(text):
    """'10wd' -> (False, 10, 'wd'); 'bw:12m' -> (True, 12, 'm')."""
    m = PERIOD_RE.fullmatch(text)
    if not m:
        raise ValueError("bad period %r" % text)
    beginning_with = m.group(1) is not None
    n = int(m.group(3))
    if m.group(2) == "-":
        n = -n
    unit = m.group(4)
    if beginning_with and (n < 1 or unit == "wd"):
        raise ValueError("beginning_with needs N >= 1 days, weeks or months")
    return beginning_with, n, unit


def add_period(cal, start, text):
    """Returns (date, alternative or None)."""
    beginning_with, n, unit = parse_period(text)
    if unit == "wd":
        if cal is None:
            raise ValueError("working days need a calendar")
        return add_workdays(cal, start, n), None
    if cal is not None:
        raise ValueError("calendar periods take calendar '-'")
    if unit == "y":
        unit, n = "m", 12 * n
    if unit == "w":
        unit, n = "d", 7 * n
    if not beginning_with:
        if unit == "d":
            return add_days(start, n), None
        return add_months(start, n), None
    if unit == "d":
        return add_days(start, n - 1), None
    corresponding = add_months(start, n)
    formula_a = corresponding - ONE_DAY
    if corresponding.day == start.day:
        return formula_a, None
    formula_b = add_months(start - ONE_DAY, n)
    if formula_a == formula_b:
        return formula_b, None
    return formula_b, formula_a


def compute(calendars, op, calendar, start_text, arg):
    """One row of arith.tsv: returns the text of its 'want' column."""
    cal = None if calendar == "-" else calendars[calendar]
    start = parse_date(start_text)
    try:
        if op == "add":
            got, alt = add_period(cal, start, arg)
            if alt is None:
                return got.isoformat()
            return "%s borderline:%s" % (got.isoformat(), alt.isoformat())
        if op == "workdays":
            if cal is None:
                raise ValueError("workdays needs a calendar")
            return str(workdays_between(cal, start, parse_date(arg)))
    except CoverageError:
        return "error:4"
    raise ValueError("bad op %r" % op)


def main(argv):
    if len(argv) != 5 or argv[1] not in ("add", "workdays"):
        sys.stderr.write(__doc__)
        return 2
    try:
        want = compute(load_calendars(), argv[1], argv[2], argv[3], argv[4])
    except (ValueError, KeyError, OverflowError) as e:
        sys.stderr.write("workdays_ref: %s\n" % e)
        return 3
    if want == "error:4":
        sys.stderr.write("workdays_ref: outside the calendar data\n")
        return 4
    print(want)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
