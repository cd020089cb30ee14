#!/usr/bin/env python3
"""Writes tests/data/arith.tsv: expected answers for date arithmetic.

  python3 tests/ref/gen_arith.py          rewrite tests/data/arith.tsv
  python3 tests/ref/gen_arith.py --check  exit 1 unless the file on disk is
                                          exactly what would be written

Rows come from two independent sources:

  hand  counted on a calendar, day by day, by a person; the reasoning is in
        the row's "why".  They are typed in below (HAND), never computed.
  ref   computed by workdays_ref.py (naive day-by-day iteration over
        calendars/bank-holidays.json).

Every hand row is checked against workdays_ref.py and the run stops on any
disagreement: one of the two is wrong and must be re-checked by hand (the
bank holiday data is authoritative).  Random rows use a fixed seed, so the
output is the same on every run.
"""

import datetime
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import workdays_ref as ref  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
OUT = os.path.join(ROOT, "tests", "data", "arith.tsv")
SEED = 20240320

EW = "england-and-wales"
SC = "scotland"
NI = "northern-ireland"
DIVS = (EW, SC, NI)
FIRST = datetime.date(2000, 1, 1)
LAST = datetime.date(2030, 12, 31)
ONE = datetime.timedelta(days=1)

# --- hand-counted rows -------------------------------------------------------
# (section, op, calendar, from, arg, want, why).  Weekdays were found with the
# Doomsday rule and holidays read from calendars/bank-holidays.json.

HAND = [
    # timescales.md section 4, every worked example.
    ("worked examples (timescales.md section 4)",
     "add", "-", "2023-03-15", "bw:12m", "2024-03-14",
     "4.1 s26B: B = 14 Mar 2023 + 12m = 14 Mar 2024; A = 15 Mar 2024 - 1 "
     "agrees"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-02-29", "bw:12m", "2025-02-28 borderline:2025-02-27",
     "4.1 leap-day start: B = 28 Feb 2024 + 12m = 28 Feb 2025; A = (29 Feb "
     "2025 missing -> 28 Feb) - 1 = 27 Feb"),
    ("worked examples (timescales.md section 4)",
     "add", EW, "2024-03-20", "10wd", "2024-04-05",
     "4.2 Easter: Wed 20 Mar; 21,22,25-28 (6); Good Fri 29, 30-31, Easter "
     "Mon 1 Apr skipped; 2-5 Apr (10)"),
    ("worked examples (timescales.md section 4)",
     "add", EW, "2024-03-20", "20wd", "2024-04-19",
     "4.2 extended: 10th is Fri 5 Apr; 8-12 Apr (15); 15-19 Apr (20)"),
    ("worked examples (timescales.md section 4)",
     "add", EW, "2023-12-11", "25wd", "2024-01-18",
     "4.3 Christmas: Mon 11 Dec; 12-15,18-22 (9); 25,26 skipped; 27-29 "
     "(12); 1 Jan skipped; 2-5 (16); 8-12 (21); 15-18 (25)"),
    ("worked examples (timescales.md section 4)",
     "add", EW, "2023-12-11", "65wd", "2024-03-14",
     "4.3: 25th Thu 18 Jan; Fri 19 (26); 5 weeks 22 Jan-23 Feb (51); "
     "26 Feb-1 Mar (56); 4-8 Mar (61); 11-14 Mar (65)"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2023-11-30", "3m", "2024-02-29",
     "4.4 ICPC 30 Nov + 3m: no 30 Feb, leap year clamp to 29 Feb"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-02-29", "6m", "2024-08-29",
     "4.4 review held 29 Feb + 6m: 29 Aug (step from the actual date)"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-08-31", "3m", "2024-11-30",
     "4.4 ICPC Sat 31 Aug + 3m: no 31 Nov, clamp to 30 Nov"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-11-30", "6m", "2025-05-30",
     "4.4 review held 30 Nov + 6m: 30 May, not 31 May"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-12-20", "bw:21d", "2025-01-09",
     "4.5 s202: 20 Dec is day 1; 31 Dec is day 12; 9 Jan is day 21"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2025-01-09", "bw:8w", "2025-03-05",
     "4.5 review decision: 9 Jan + 55 days; 31 Jan is +22, 28 Feb +50, "
     "5 Mar +55"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-12-20", "21d", "2025-01-10",
     "4.5 s204 'within 21 days of': 20 Dec + 11 = 31 Dec, + 10 = 10 Jan"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-01-15", "6w", "2024-02-26",
     "4.6 SEND 6 weeks: 15 Jan + 42 days; 31 Jan is +16, 26 Feb +42"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-01-15", "20w", "2024-06-03",
     "4.6 20 weeks = 140 days: 31 Jan +16, 29 Feb +45, 31 Mar +76, 30 Apr "
     "+106, 31 May +137, 3 Jun +140 (a Monday)"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-01-31", "1m", "2024-02-29",
     "4.7 'within one month' of 31 Jan 2024: leap year clamp"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-01-31", "4w", "2024-02-28",
     "4.7 'within four weeks': 31 Jan + 28 days"),
    ("worked examples (timescales.md section 4)",
     "add", "-", "2024-01-31", "3m", "2024-04-30",
     "4.7 'within three months': no 31 Apr, clamp to 30 Apr"),

    # Month arithmetic: section 1, Dodds v Walker, leap years, clamps.
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-08-31", "9m", "2025-05-31",
     "section 1: 31 Aug + 9m = 31 May, though 31 Aug + 3m + 6m = 30 May"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2023-11-30", "bw:3m", "2024-02-29 borderline:2024-02-28",
     "section 1 edge case: B = 29 Nov + 3m = 29 Feb; A = (30 Nov + 3m -> "
     "29 Feb) - 1 = 28 Feb"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "1978-09-30", "4m", "1979-01-30",
     "Dodds v Walker: notice 30 Sep + 4 months ends 30 Jan; 31 Jan was a "
     "day late"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2019-01-31", "1m", "2019-02-28",
     "31 Jan + 1m in a common year: clamp to 28 Feb"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2020-01-31", "1m", "2020-02-29",
     "31 Jan + 1m in a leap year: clamp to 29 Feb"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2100-01-31", "1m", "2100-02-28",
     "2100 is not a leap year (divisible by 100, not 400)"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2000-01-31", "1m", "2000-02-29",
     "2000 is a leap year (divisible by 400)"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-03-31", "-1m", "2024-02-29",
     "backwards a month from 31 Mar: clamp to 29 Feb"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-02-29", "1y", "2025-02-28",
     "1y = 12m from 29 Feb: no 29 Feb 2025, clamp"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-02-29", "4y", "2028-02-29",
     "4y = 48m from 29 Feb lands on another 29 Feb"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2023-03-01", "bw:12m", "2024-02-29",
     "1 Mar 2024 exists: the period ends the day before, 29 Feb 2024 "
     "(formula B, 28 Feb 2023 + 12m, would end a day early)"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-07-01", "bw:6m", "2024-12-31",
     "1 Jan 2025 exists: the day before is 31 Dec (B would give 30 Dec)"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-03-01", "bw:2m", "2024-04-30",
     "1 May 2024 exists: the day before is 30 Apr (B would give 29 Apr)"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2024-03-31", "bw:1m", "2024-04-30 borderline:2024-04-29",
     "B = 30 Mar + 1m = 30 Apr; A = (31 Mar + 1m -> 30 Apr) - 1 = 29 Apr"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "1850-06-15", "10d", "1850-06-25",
     "calendar days need no bank holiday data: 15 + 10 = 25 Jun 1850"),
    ("months: month ends, leap years, Dodds v Walker",
     "add", "-", "2040-01-31", "1m", "2040-02-29",
     "after the data's coverage, months still work; 2040 is leap"),

    # Moved and extra bank holidays.
    ("moved and extra bank holidays",
     "add", EW, "2002-05-24", "1wd", "2002-05-27",
     "Fri 24 May 2002; Mon 27 May is a working day (spring holiday moved "
     "to 4 Jun)"),
    ("moved and extra bank holidays",
     "add", EW, "2002-05-31", "1wd", "2002-06-05",
     "Fri 31 May 2002; 1-2 weekend; Mon 3 Golden Jubilee, Tue 4 spring "
     "holiday; Wed 5"),
    ("moved and extra bank holidays",
     "add", EW, "2011-04-21", "4wd", "2011-05-03",
     "Thu 21 Apr 2011; Good Fri 22, 23-24, Easter Mon 25; 26,27,28 (3); "
     "royal wedding Fri 29, 30-1, early May Mon 2; Tue 3 (4)"),
    ("moved and extra bank holidays",
     "add", SC, "2011-04-21", "4wd", "2011-04-28",
     "Scotland: Good Fri 22, weekend, no Easter Monday: 25,26,27,28 (4)"),
    ("moved and extra bank holidays",
     "add", EW, "2011-04-28", "1wd", "2011-05-03",
     "Thu 28 Apr 2011; royal wedding Fri 29; 30 Apr-1 May weekend; early "
     "May Mon 2; Tue 3"),
    ("moved and extra bank holidays",
     "add", EW, "2012-05-25", "1wd", "2012-05-28",
     "Fri 25 May 2012; Mon 28 May is a working day (spring holiday moved "
     "to 4 Jun)"),
    ("moved and extra bank holidays",
     "add", EW, "2012-06-01", "1wd", "2012-06-06",
     "Fri 1 Jun 2012; 2-3 weekend; Mon 4 spring holiday, Tue 5 Diamond "
     "Jubilee; Wed 6"),
    ("moved and extra bank holidays",
     "add", EW, "2020-05-01", "5wd", "2020-05-11",
     "Fri 1 May 2020; Mon 4 is a working day: 4,5,6,7 (4); Fri 8 VE day "
     "holiday; 9-10 weekend; Mon 11 (5)"),
    ("moved and extra bank holidays",
     "add", EW, "2022-05-27", "1wd", "2022-05-30",
     "Fri 27 May 2022; Mon 30 May is a working day (spring holiday moved "
     "to Thu 2 Jun)"),
    ("moved and extra bank holidays",
     "add", EW, "2022-06-01", "1wd", "2022-06-06",
     "Wed 1 Jun 2022; Thu 2 spring holiday, Fri 3 Platinum Jubilee; 4-5 "
     "weekend; Mon 6"),
    ("moved and extra bank holidays",
     "add", EW, "2022-09-16", "1wd", "2022-09-20",
     "Fri 16 Sep 2022; 17-18 weekend; Mon 19 State Funeral; Tue 20"),
    ("moved and extra bank holidays",
     "add", NI, "2022-09-16", "1wd", "2022-09-20",
     "the State Funeral holiday applied in Northern Ireland too"),
    ("moved and extra bank holidays",
     "add", EW, "2023-05-05", "1wd", "2023-05-09",
     "Fri 5 May 2023; 6-7 weekend; Mon 8 Coronation; Tue 9"),

    # Christmas and New Year substitute days.
    ("Christmas and New Year substitute days",
     "add", EW, "2004-12-24", "1wd", "2004-12-29",
     "Fri 24 Dec 2004; 25-26 weekend; substitutes Mon 27, Tue 28; Wed 29"),
    ("Christmas and New Year substitute days",
     "add", EW, "2010-12-24", "1wd", "2010-12-29",
     "Fri 24 Dec 2010; 25-26 weekend; substitutes Mon 27, Tue 28; Wed 29"),
    ("Christmas and New Year substitute days",
     "add", EW, "2010-12-31", "1wd", "2011-01-04",
     "Fri 31 Dec 2010; 1-2 Jan weekend; Mon 3 New Year substitute; Tue 4"),
    ("Christmas and New Year substitute days",
     "add", SC, "2010-12-31", "1wd", "2011-01-05",
     "Scotland: Mon 3 and Tue 4 Jan 2011 are both holidays; Wed 5"),
    ("Christmas and New Year substitute days",
     "add", EW, "2011-12-23", "1wd", "2011-12-28",
     "Fri 23 Dec 2011; 24-25 weekend; Mon 26, Tue 27 holidays; Wed 28"),
    ("Christmas and New Year substitute days",
     "add", EW, "2015-12-24", "2wd", "2015-12-30",
     "Thu 24 Dec 2015; Fri 25; 26-27 weekend; Mon 28 Boxing Day "
     "substitute; 29 (1), 30 (2)"),
    ("Christmas and New Year substitute days",
     "add", EW, "2016-12-23", "1wd", "2016-12-28",
     "Fri 23 Dec 2016; 24-25 weekend; Mon 26 Boxing Day, Tue 27 Christmas "
     "substitute; Wed 28"),
    ("Christmas and New Year substitute days",
     "add", EW, "2016-12-30", "1wd", "2017-01-03",
     "Fri 30 Dec 2016; 31 Dec-1 Jan weekend; Mon 2 Jan substitute; Tue 3"),
    ("Christmas and New Year substitute days",
     "add", SC, "2016-12-30", "1wd", "2017-01-04",
     "Scotland: Mon 2 and Tue 3 Jan 2017 are both holidays; Wed 4"),
    ("Christmas and New Year substitute days",
     "add", EW, "2020-12-23", "5wd", "2021-01-04",
     "Wed 23 Dec 2020; 24 (1); Fri 25; 26-27; Mon 28 Boxing substitute; "
     "29,30,31 (4); Fri 1 Jan; 2-3; Mon 4 (5)"),
    ("Christmas and New Year substitute days",
     "add", EW, "2021-12-24", "3wd", "2021-12-31",
     "Fri 24 Dec 2021; 25-26 weekend; substitutes Mon 27, Tue 28; 29,30,31 "
     "(3)"),
    ("Christmas and New Year substitute days",
     "add", EW, "2021-12-31", "1wd", "2022-01-04",
     "Fri 31 Dec 2021; Sat 1, Sun 2 Jan; Mon 3 New Year substitute; Tue 4"),
    ("Christmas and New Year substitute days",
     "add", SC, "2021-12-31", "1wd", "2022-01-05",
     "Scotland: Mon 3 and Tue 4 Jan 2022 both holidays; Wed 5"),
    ("Christmas and New Year substitute days",
     "add", NI, "2021-12-31", "1wd", "2022-01-04",
     "Northern Ireland follows England and Wales: only Mon 3 Jan; Tue 4"),
    ("Christmas and New Year substitute days",
     "add", EW, "2022-12-23", "1wd", "2022-12-28",
     "Fri 23 Dec 2022; 24-25 weekend; Mon 26 Boxing Day, Tue 27 Christmas "
     "substitute; Wed 28"),

    # Where Scotland and Northern Ireland differ from England and Wales.
    ("divisions differ",
     "add", EW, "2024-03-28", "1wd", "2024-04-02",
     "Thu 28 Mar 2024; Good Fri 29; 30-31; Easter Mon 1 Apr; Tue 2"),
    ("divisions differ",
     "add", SC, "2024-03-28", "1wd", "2024-04-01",
     "Scotland has no Easter Monday: Mon 1 Apr is a working day"),
    ("divisions differ",
     "add", EW, "2024-08-02", "1wd", "2024-08-05",
     "Fri 2 Aug 2024; Mon 5 Aug is a working day in England"),
    ("divisions differ",
     "add", SC, "2024-08-02", "1wd", "2024-08-06",
     "Scotland: Mon 5 Aug is the summer holiday (first Monday); Tue 6"),
    ("divisions differ",
     "add", EW, "2024-08-23", "1wd", "2024-08-27",
     "Fri 23 Aug 2024; Mon 26 summer holiday (last Monday); Tue 27"),
    ("divisions differ",
     "add", SC, "2024-08-23", "1wd", "2024-08-26",
     "Scotland: the last Monday of August is a working day"),
    ("divisions differ",
     "add", SC, "2023-11-29", "1wd", "2023-12-01",
     "Wed 29 Nov 2023; Thu 30 St Andrew's Day; Fri 1 Dec"),
    ("divisions differ",
     "add", EW, "2023-11-29", "1wd", "2023-11-30",
     "England: St Andrew's Day is a working day"),
    ("divisions differ",
     "add", SC, "2024-11-29", "1wd", "2024-12-03",
     "Fri 29 Nov 2024; Sat 30 St Andrew's; Sun 1; Mon 2 Dec substitute; "
     "Tue 3"),
    ("divisions differ",
     "add", NI, "2023-03-16", "1wd", "2023-03-20",
     "Thu 16 Mar 2023; Fri 17 St Patrick's Day; 18-19 weekend; Mon 20"),
    ("divisions differ",
     "add", EW, "2023-03-16", "1wd", "2023-03-17",
     "England: 17 Mar is a working day"),
    ("divisions differ",
     "add", NI, "2024-03-15", "1wd", "2024-03-19",
     "Fri 15 Mar 2024; 16 Sat; 17 Sun St Patrick's; Mon 18 substitute; "
     "Tue 19"),
    ("divisions differ",
     "add", NI, "2024-07-11", "1wd", "2024-07-15",
     "Thu 11 Jul 2024; Fri 12 Battle of the Boyne; 13-14 weekend; Mon 15"),
    ("divisions differ",
     "add", EW, "2024-07-11", "1wd", "2024-07-12",
     "England: 12 Jul is a working day"),
    ("divisions differ",
     "add", NI, "2025-07-11", "1wd", "2025-07-15",
     "Fri 11 Jul 2025; Sat 12; Sun 13; Mon 14 Boyne substitute; Tue 15"),

    # Starting on a weekend or a holiday; 0wd; backwards.
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2019-04-10", "10wd", "2019-04-26",
     "Wed 10 Apr 2019; 11,12,15-18 (6); Good Fri 19, 20-21, Easter Mon 22; "
     "23,24,25,26 (10)"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2019-04-20", "1wd", "2019-04-23",
     "starts Sat 20 Apr 2019; Sun 21; Easter Mon 22; Tue 23"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2024-12-25", "1wd", "2024-12-27",
     "starts on Christmas Day (Wed); Thu 26 Boxing Day; Fri 27"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2024-03-30", "0wd", "2024-03-30",
     "0wd is the trigger itself, even on a Saturday"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2024-03-29", "0wd", "2024-03-29",
     "0wd is the trigger itself, even on Good Friday"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2024-04-02", "-1wd", "2024-03-28",
     "back from Tue 2 Apr 2024: Easter Mon 1, 31-30 weekend, Good Fri 29; "
     "Thu 28"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", EW, "2024-01-02", "-3wd", "2023-12-27",
     "back from Tue 2 Jan 2024: 1 Jan, 31-30 weekend; 29 (1), 28 (2), "
     "27 (3)"),
    ("weekend and holiday starts, 0wd, negative working days",
     "add", SC, "2024-01-03", "-1wd", "2023-12-29",
     "Scotland, back from Wed 3 Jan 2024: 2 Jan and 1 Jan holidays, 31-30 "
     "weekend; Fri 29 Dec"),

    # workdays FROM TO.
    ("workdays FROM TO",
     "workdays", EW, "2024-03-28", "2024-04-02", "1",
     "(28 Mar, 2 Apr]: Good Fri 29, 30, 31, Easter Mon 1 Apr out; Tue 2 in"),
    ("workdays FROM TO",
     "workdays", SC, "2024-03-28", "2024-04-02", "2",
     "Scotland: Mon 1 Apr and Tue 2 Apr"),
    ("workdays FROM TO",
     "workdays", EW, "2024-04-02", "2024-03-28", "-1",
     "reversed: minus the working days in (28 Mar, 2 Apr]"),
    ("workdays FROM TO",
     "workdays", EW, "2023-12-22", "2024-01-02", "4",
     "(Fri 22 Dec, 2 Jan]: 23-24, 25-26 out; 27,28,29 (3); 30-31, 1 Jan "
     "out; 2 Jan (4)"),
    ("workdays FROM TO",
     "workdays", SC, "2023-12-22", "2024-01-02", "3",
     "Scotland: 2 Jan 2024 is also a holiday"),
    ("workdays FROM TO",
     "workdays", EW, "2024-03-20", "2024-04-05", "10",
     "the inverse of worked example 4.2"),
    ("workdays FROM TO",
     "workdays", EW, "2024-05-06", "2024-05-06", "0",
     "FROM = TO is 0, even on a bank holiday (early May 2024)"),

    # Coverage: 2000-01-01..2030-12-31.
    ("coverage errors at both ends",
     "add", EW, "2030-12-31", "1wd", "error:4",
     "Tue 31 Dec 2030 + 1wd looks at 1 Jan 2031: outside the data"),
    ("coverage errors at both ends",
     "add", EW, "2030-12-27", "2wd", "2030-12-31",
     "Fri 27 Dec 2030; 28-29 weekend; Mon 30 (1), Tue 31 (2): last day "
     "covered"),
    ("coverage errors at both ends",
     "add", EW, "2030-12-27", "3wd", "error:4",
     "the third working day would be in 2031"),
    ("coverage errors at both ends",
     "add", EW, "2000-01-04", "-1wd", "error:4",
     "back from Tue 4 Jan 2000: Mon 3 substitute, Sun 2, Sat 1, then 31 Dec "
     "1999: outside"),
    ("coverage errors at both ends",
     "add", EW, "1999-12-31", "1wd", "2000-01-04",
     "trigger not looked at; Sat 1, Sun 2, Mon 3 substitute, Tue 4: all "
     "covered"),
    ("coverage errors at both ends",
     "add", SC, "1999-12-31", "1wd", "2000-01-05",
     "Scotland: Mon 3 and Tue 4 Jan 2000 are holidays; Wed 5"),
    ("coverage errors at both ends",
     "workdays", EW, "2030-12-30", "2031-01-02", "error:4",
     "the window (30 Dec 2030, 2 Jan 2031] reaches 2031"),
    ("coverage errors at both ends",
     "workdays", EW, "1999-12-31", "2000-01-05", "2",
     "(31 Dec 1999, 5 Jan 2000]: Sat 1, Sun 2, Mon 3 substitute out; "
     "4, 5 in"),
]

# --- helpers ----------------------------------------------------------------


def d(text):
    return ref.parse_date(text)


def easter(year):
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    dd, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - dd - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec")


def weekday_name(day):
    return WEEKDAYS[day.weekday()]


def spoken(day):
    """'21 Apr 2000', without strftime's locale and platform quirks."""
    return "%d %s %d" % (day.day, MONTHS[day.month - 1], day.year)


def holidays_in(calendars, division, low, high):
    """Bank holidays of the division in [low, high], for the 'why' text."""
    return sorted(h for h in calendars[division].holidays if low <= h <= high)


class Table:
    def __init__(self, calendars):
        self.calendars = calendars
        self.sections = []  # (title, note, rows)
        self.keys = set()

    def section(self, title, note=""):
        self.sections.append((title, note, []))

    def add(self, op, calendar, start, arg, origin, why, want=None):
        if isinstance(start, datetime.date):
            start = start.isoformat()
        if isinstance(arg, datetime.date):
            arg = arg.isoformat()
        key = (op, calendar, start, arg)
        if key in self.keys:
            return
        got = ref.compute(self.calendars, op, calendar, start, arg)
        if want is not None and want != got:
            sys.exit("gen_arith: hand row disagrees with workdays_ref.py:\n"
                     "  %s %s %s %s: hand %s, ref %s\n  (%s)"
                     % (op, calendar, start, arg, want, got, why))
        assert "\t" not in why and "\n" not in why
        self.keys.add(key)
        self.sections[-1][2].append((op, calendar, start, arg, got, origin,
                                     why))

    def count(self, origin):
        return sum(1 for _, _, rows in self.sections for r in rows
                   if r[5] == origin)


# --- ref rows ---------------------------------------------------------------

# Each moved or extra holiday, and each date that stopped being one.
SPECIAL = [
    ("2002-05-27", "2002 spring holiday moved away from Mon 27 May"),
    ("2002-06-03", "2002 Golden Jubilee Mon 3 Jun"),
    ("2002-06-04", "2002 spring holiday moved to Tue 4 Jun"),
    ("2011-04-29", "2011 royal wedding Fri 29 Apr"),
    ("2012-05-28", "2012 spring holiday moved away from Mon 28 May"),
    ("2012-06-04", "2012 spring holiday moved to Mon 4 Jun"),
    ("2012-06-05", "2012 Diamond Jubilee Tue 5 Jun"),
    ("2020-05-04", "2020 early May holiday moved away from Mon 4 May"),
    ("2020-05-08", "2020 early May holiday moved to Fri 8 May (VE day)"),
    ("2022-05-30", "2022 spring holiday moved away from Mon 30 May"),
    ("2022-06-02", "2022 spring holiday moved to Thu 2 Jun"),
    ("2022-06-03", "2022 Platinum Jubilee Fri 3 Jun"),
    ("2022-09-19", "2022 State Funeral Mon 19 Sep"),
    ("2023-05-08", "2023 Coronation Mon 8 May"),
    ("2026-06-15", "2026 World Cup holiday Mon 15 Jun, Scotland only"),
]

# Years whose Christmas or New Year needs a substitute day in England.
SUBSTITUTE_YEARS = [2004, 2005, 2009, 2010, 2011, 2015, 2016, 2020, 2021,
                    2022, 2026, 2027]


def ref_rows(t, cal):
    rng = random.Random(SEED)

    t.section("ref: moved and extra bank holidays, every division",
              "3wd either side of each date, so the window holds it")
    for date, why in SPECIAL:
        day = d(date)
        for div in DIVS:
            t.add("add", div, day - 3 * ONE, "3wd", "ref", why)
            t.add("add", div, day + 3 * ONE, "-3wd", "ref", why)
        t.add("workdays", EW, day - 7 * ONE, day + 7 * ONE, "ref", why)

    t.section("ref: Christmas and New Year, every year and division",
              "23 Dec + 5wd always crosses Christmas and usually New Year")
    for year in range(2000, 2030):
        xmas = datetime.date(year, 12, 25)
        why = "Christmas %d: 25 Dec is a %s" % (year, weekday_name(xmas))
        for div in DIVS:
            t.add("add", div, datetime.date(year, 12, 23), "5wd", "ref", why)
    for year in SUBSTITUTE_YEARS:
        xmas = datetime.date(year, 12, 25)
        why = ("substitute days: 25 Dec %d a %s, 1 Jan %d a %s"
               % (year, weekday_name(xmas), year + 1,
                  weekday_name(datetime.date(year + 1, 1, 1))))
        for div in DIVS:
            t.add("add", div, datetime.date(year + 1, 1, 6), "-6wd", "ref",
                  why)
            t.add("workdays", div, datetime.date(year, 12, 20),
                  datetime.date(year + 1, 1, 8), "ref", why)
        t.add("workdays", EW, datetime.date(year + 1, 1, 8),
              datetime.date(year, 12, 20), "ref", why + "; reversed")

    t.section("ref: Easter, every year",
              "Maundy Thursday + 2wd: Scotland has no Easter Monday")
    for year in range(2000, 2031):
        good_friday = easter(year) - 2 * ONE
        why = "Good Friday %s" % spoken(good_friday)
        for div in (EW, SC):
            t.add("add", div, good_friday - ONE, "2wd", "ref", why)

    t.section("ref: Northern Ireland's 17 Mar and 12 Jul, every year")
    for year in range(2000, 2031):
        for month, name in ((3, "St Patrick's Day"),
                            (7, "Battle of the Boyne")):
            day = datetime.date(year, month, 17 if month == 3 else 12)
            why = "%s %d is a %s" % (name, year, weekday_name(day))
            t.add("add", NI, day - ONE, "2wd", "ref", why)
            if year % 5 == 0:
                t.add("add", EW, day - ONE, "2wd", "ref",
                      why + "; not a holiday in England")

    t.section("ref: Scotland's August holiday and St Andrew's Day")
    for year in range(2000, 2031):
        why = "Scotland: first Monday of August %d" % year
        t.add("add", SC, datetime.date(year, 7, 31), "5wd", "ref", why)
    for year in range(2006, 2031):
        day = datetime.date(year, 11, 30)
        why = "St Andrew's Day %d is a %s%s" % (
            year, weekday_name(day),
            "; holiday only from 2007" if year == 2006 else "")
        t.add("add", SC, day - ONE, "2wd", "ref", why)

    t.section("ref: working days in each whole year",
              "(31 Dec of the year before, 31 Dec]: catches a missing or "
              "extra holiday anywhere")
    for year in range(2000, 2031):
        for div in DIVS:
            n = len(holidays_in(cal, div, datetime.date(year, 1, 1),
                                datetime.date(year, 12, 31)))
            t.add("workdays", div, datetime.date(year - 1, 12, 31),
                  datetime.date(year, 12, 31), "ref",
                  "%d: %d bank holidays" % (year, n))

    t.section("ref: large N and the whole coverage",
              "the last rows of each division step exactly onto the ends of "
              "the data, and one step further")
    before, after = FIRST - ONE, LAST + ONE
    for div in DIVS:
        t.add("add", div, "2000-01-04", "5000wd", "ref", "large N")
        t.add("add", div, "2030-12-31", "-5000wd", "ref", "large N backwards")
        t.add("add", div, "2000-01-04", "8000wd", "ref",
              "more working days than the data holds")
        total = ref.workdays_between(cal[div], before, LAST)
        t.add("workdays", div, before, LAST, "ref",
              "every working day in the data")
        t.add("workdays", div, LAST, before, "ref",
              "every working day in the data, reversed")
        t.add("add", div, before, "%dwd" % total, "ref",
              "from 31 Dec 1999, the last working day in the data")
        t.add("add", div, before, "%dwd" % (total + 1), "ref",
              "one working day more than the data holds")
        t.add("add", div, after, "-%dwd" % total, "ref",
              "from 1 Jan 2031 back to the first working day in the data")
        t.add("add", div, after, "-%dwd" % (total + 1), "ref",
              "one working day more than the data holds, backwards")

    t.section("ref: coverage edges, step by step")
    for div in DIVS:
        for n in range(1, 6):
            t.add("add", div, "2030-12-24", "%dwd" % n, "ref",
                  "end of coverage, 31 Dec 2030 is a Tue")
            t.add("add", div, "2000-01-10", "-%dwd" % n, "ref",
                  "start of coverage, 1 Jan 2000 is a Sat")
        t.add("workdays", div, "2030-12-31", "2031-01-01", "ref",
              "window holds 1 Jan 2031")
        t.add("workdays", div, "1999-12-30", "2000-01-04", "ref",
              "window holds 31 Dec 1999")
        t.add("workdays", div, "2000-01-01", "1999-12-31", "ref",
              "window (31 Dec 1999, 1 Jan 2000] is covered; Sat: 0")
        t.add("workdays", div, "2031-01-01", "2030-12-31", "ref",
              "window (31 Dec 2030, 1 Jan 2031] holds 2031")

    t.section("ref: month ends and beginning_with, calendar periods")
    for month in range(1, 13):
        last = datetime.date(2024, month, ref.days_in_month(2024, month))
        t.add("add", "-", last, "1m", "ref", "month end + 1m")
        t.add("add", "-", last, "bw:12m", "ref",
              "month end, 12 months beginning with")
        first = datetime.date(2024, month, 1)
        t.add("add", "-", first, "bw:%dm" % rng.randint(1, 12), "ref",
              "first of the month, beginning with")
        last = datetime.date(2023, month, ref.days_in_month(2023, month))
        t.add("add", "-", last, "1m", "ref", "month end + 1m")
    for text in ("2023-10-31", "2024-05-31"):
        for arg in ("-1m", "-3m", "-6m", "-12m", "-1y"):
            t.add("add", "-", text, arg, "ref", "backwards from a month end")
    for text in ("0001-01-31", "0004-02-29", "1600-02-29", "1900-02-28",
                 "9999-11-30"):
        for arg in ("1m", "12m", "1y", "bw:1m", "30d", "-4w"):
            try:
                t.add("add", "-", text, arg, "ref", "far years, no calendar")
            except OverflowError:
                pass

    t.section("ref: random working-day cases",
              "random.Random(%d): dates 2000-2030, N 1..300, a quarter "
              "backwards" % SEED)
    span = (LAST - FIRST).days
    for div in DIVS:
        for _ in range(25):
            start = FIRST + datetime.timedelta(days=rng.randint(0, span))
            n = rng.randint(1, 300)
            if rng.random() < 0.25:
                n = -n
            t.add("add", div, start, "%dwd" % n, "ref", "random")
        for _ in range(10):
            start = FIRST + datetime.timedelta(days=rng.randint(0, span))
            end = start + datetime.timedelta(days=rng.randint(-420, 420))
            if FIRST <= end <= LAST:
                t.add("workdays", div, start, end, "ref", "random")

    t.section("ref: random calendar-day, week, month and year cases",
              "same generator; dates 2000-2030 and a few far years")
    units = ("d", "w", "m", "y", "bw:d", "bw:w", "bw:m")
    for _ in range(50):
        if rng.random() < 0.8:
            start = FIRST + datetime.timedelta(days=rng.randint(0, span))
        else:
            start = datetime.date(rng.randint(2, 9990), rng.randint(1, 12),
                                  rng.randint(1, 28))
        unit = rng.choice(units)
        n = rng.randint(1, 300) if unit in ("d", "bw:d") else \
            rng.randint(1, 60) if unit in ("w", "bw:w") else \
            rng.randint(1, 36) if unit in ("m", "bw:m") else rng.randint(1, 5)
        if unit.startswith("bw:"):
            arg = "bw:%d%s" % (n, unit[3:])
        else:
            arg = "%s%d%s" % ("-" if rng.random() < 0.25 else "", n, unit)
        t.add("add", "-", start, arg, "ref", "random")


# --- output -----------------------------------------------------------------

HEADER = """\
# caseclock: expected answers for date arithmetic (tests/data/arith.tsv)
#
# Made by tests/ref/gen_arith.py; do not edit by hand: change the generator
# and run it again.  `python3 tests/ref/gen_arith.py --check` confirms this
# file is current.
#
# Columns, tab-separated:
#   op  calendar  from  arg  want  origin  why
# op add: arg is a period: Nd, Nw, Nm, Ny (calendar -), Nwd (a division),
#   bw:Nd, bw:Nw, bw:Nm ("N ... beginning with" from, day 1 = from).  want
#   is YYYY-MM-DD, "YYYY-MM-DD borderline:YYYY-MM-DD" (formula B, then
#   formula A add_months(from, N) - 1 day) or error:4 (outside coverage).
# op workdays: arg is TO; want is the working days in (from, TO], negative
#   when TO < from, or error:4.
# A working-day row is error:4 when any day it looks at is outside
# 2000-01-01..2030-12-31.  The trigger itself is never looked at, so
# 1999-12-31 + 1wd is 2000-01-04.  Calendar periods work for years 1..9999.
#
# origin:
#   hand  %(hand)d rows, counted day by day on a calendar by a person, with
#         the count in `why`; not produced by code.  The generator stops if
#         any of them disagrees with workdays_ref.py.
#   ref   %(ref)d rows, computed by tests/ref/workdays_ref.py: a naive
#         day-by-day reference written from timescales.md sections 1-2,
#         independent of the engine, reading calendars/bank-holidays.json.
# Hand rows come first, then ref rows; each group under a "## " heading.
"""


def render(t):
    out = [HEADER % {"hand": t.count("hand"), "ref": t.count("ref")}]
    for title, note, rows in t.sections:
        if not rows:
            continue
        out.append("\n## %s\n" % title)
        if note:
            out.append("# %s\n" % note)
        for row in rows:
            out.append("\t".join(row) + "\n")
    return "".join(out)


def self_check(t):
    """Cheap cross-checks of the reference against itself and the rules."""
    cal = t.calendars
    for _, _, rows in t.sections:
        for op, calendar, start, arg, want, _, _ in rows:
            if op != "add" or not arg.endswith("wd") or want == "error:4":
                continue
            n = int(arg[:-2])
            got = d(want)
            if n == 0:
                assert got == d(start)
                continue
            # The answer is a working day, and exactly |n| working days lie
            # in (start, got] going forwards, or in [got, start) backwards.
            c = cal[calendar]
            assert c.is_working_day(got), (start, arg, want)
            if n > 0:
                assert ref.workdays_between(c, d(start), got) == n
            else:
                assert ref.workdays_between(c, d(start) - ONE,
                                            got - ONE) == n
    for year in range(2000, 2031):
        good_friday = easter(year) - 2 * ONE
        for div in DIVS:
            assert good_friday in cal[div].holidays, (div, good_friday)
        assert easter(year) + ONE in cal[EW].holidays
        assert easter(year) + ONE not in cal[SC].holidays


def build():
    calendars = ref.load_calendars(os.path.join(ROOT, "calendars",
                                                "bank-holidays.json"))
    t = Table(calendars)
    section = None
    for title, op, calendar, start, arg, want, why in HAND:
        if title != section:
            t.section("hand: " + title)
            section = title
        t.add(op, calendar, start, arg, "hand", why, want=want)
    ref_rows(t, calendars)
    self_check(t)
    return t


def main(argv):
    t = build()
    text = render(t)
    if argv[1:] == ["--check"]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != text:
                sys.stderr.write("gen_arith: %s is out of date\n" % OUT)
                return 1
        return 0
    if argv[1:]:
        sys.stderr.write(__doc__)
        return 2
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, OUT)
    print("%s: %d hand, %d ref rows" % (os.path.relpath(OUT),
                                        t.count("hand"), t.count("ref")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
