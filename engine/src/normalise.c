/*
 * TIMEX3-style values (docs/annotation.md), the range of days each DATE
 * may mean, years inferred from the narrative and relative dates.
 *
 * Ranges chosen here, for dates the text gives only in part:
 *  - a month spans the month; "early" is days 1-10, "mid" 11-20 and
 *    "end"/"late" 21 to the last day: a third of a month each, so "the end
 *    of March" is 21-31 March;
 *  - a year spans the year; "early", "mid" and "late" are its thirds
 *    (January-April, May-August, September-December);
 *  - seasons are meteorological: spring March-May, summer June-August,
 *    autumn September-November, winter December of the year to February
 *    of the next; with a modifier, the first, middle or last month;
 *  - a decade spans ten years; "early" the first four, "mid" the next
 *    three, "late" the last three;
 *  - a half or a quarter of a year ("2021-H1", "2022-Q3") spans its months,
 *    with the grain of a season (a part of a year);
 *  - "Easter 2019" is Easter Sunday (2019-04-21, mod APPROX: the text
 *    usually means the holiday around it); its range is that one day, as
 *    "about 3 June" is;
 *  - "the week commencing 3 June 2019" is the seven days from that day;
 *    its value is the ISO week of that day ("2019-W23");
 *  - "2021/22" is one year from 2021 into 2022 (TIMEX3 has no value for
 *    it, so the value is the ISO 8601 interval of its months or days): a
 *    financial year 1 April 2021 to 31 March 2022 ("2021-04/2022-03"), a
 *    tax year 6 April to 5 April ("2021-04-06/2022-04-05"), a school or
 *    academic year 1 September to 31 August ("2021-09/2022-08"); when the
 *    text does not say which, any of them: 1 April 2021 to 31 August 2022
 *    ("2021-04/2022-08", mod APPROX).
 *
 * The year of a partial date ("10 April", "in March") is the running year:
 * that of the last date which stated or inferred a month, in text order.
 * When the month steps back ROLLOVER_MONTHS or more from the running month
 * the narrative has crossed a year end and the year is the next one,
 * unless the date looks back instead:
 *  - it starts a range of partial dates whose months both come before the
 *    running month ("between February and May" in August: a flashback,
 *    not a leap into next year); the range's other end then takes the
 *    same year (or the next, when its month comes first: "November to
 *    February"); or
 *  - the same month (for a bare month) or the same day of the same month
 *    was already mentioned with the running year ("On 3 March 2023 ... in
 *    August ... the notes arrived in March").
 * A date that looks back leaves the running date where it was, so that
 * the narrative after it is judged against the furthest point reached.
 * With no year stated anywhere, the year is the decision date's (marked
 * CC_MENTION_FROM_DECISION).  Last, no inferred date is later than the
 * decision date: take the year before.
 *
 * Relative dates are counted from the anchor (the last resolved date, near
 * enough), except that "two years ago" and "last year" are counted from the
 * decision date, and "the end of the month" or "of the year" is the running
 * date's month or year; in an agreed action section, which speaks from the
 * decision onwards, it is the decision date's.
 */
#include "normalise.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* Room for any value normalising writes: "2019-03-22T10:30", "P1Y6M". */
enum { VALUE_SIZE = 40 };
/* A time's value once its day is known, "2019-06-21T10:30", and its NUL. */
enum { TIME_ON_DAY = 17 };

/* How far the month may step back before the narrative has crossed a year
 * end: "In October 2019 ... On 5 January" is January 2020, but "On 20 June
 * 2019 ... she had complained on 3 March" stays in 2019.  (Four months or
 * more; docs/annotation.md, "Decisions made on unseen texts".) */
enum { ROLLOVER_MONTHS = 4 };

static cc_date
ymd(int y, int m, int d)
{
    return cc_date__from_ymd_unchecked(y, m, d);
}

static cc_date
month_last(int y, int m)
{
    return ymd(y, m, cc_days_in_month(y, m));
}

/*
 * Easter Sunday of a Gregorian year: the anonymous algorithm of 1876
 * (Meeus, "Astronomical Algorithms", 2nd ed., chapter 8), valid for every
 * Gregorian year.  2019: 21 April; 2020: 12 April.
 */
static cc_date
easter_sunday(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
    int f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = (h + l - 7 * m + 114) % 31 + 1;
    return ymd(y, month, day);
}

/* The part of [first, last] a modifier picks: thirds, by days. */
static void
thirds(cc_date *first, cc_date *last, const char *mod)
{
    long span = (long)*last - *first + 1;
    if (strcmp(mod, "START") == 0)
        *last = (cc_date)(*first + span / 3 - 1);
    else if (strcmp(mod, "MID") == 0) {
        cc_date f = (cc_date)(*first + span / 3);
        *last = (cc_date)(*first + 2 * span / 3 - 1);
        *first = f;
    } else if (strcmp(mod, "END") == 0)
        *first = (cc_date)(*first + 2 * span / 3);
}

/* The first and last day of what a DATE says; 0 if it has no year. */
static int
date_range(const cc_raw *r, int year, cc_date *first, cc_date *last)
{
    const char *mod = r->mod ? r->mod : "";

    if (r->decade) {
        int y0 = r->decade * 10;
        int a = 0, b = 9;
        if (strcmp(mod, "START") == 0)
            b = 3;
        else if (strcmp(mod, "MID") == 0)
            a = 4, b = 6;
        else if (strcmp(mod, "END") == 0)
            a = 7;
        *first = ymd(y0 + a, 1, 1);
        *last = ymd(y0 + b, 12, 31);
        return 1;
    }
    if (year == 0)
        return 0;
    if (r->easter) {
        *first = *last = easter_sunday(year);
        return 1;
    }
    if (r->year_of) {
        *first = r->year_of == 'A'   ? ymd(year, 9, 1)
                 : r->year_of == 'T' ? ymd(year, 4, 6)
                                     : ymd(year, 4, 1);
        *last = r->year_of == 'F'   ? ymd(year + 1, 3, 31)
                : r->year_of == 'T' ? ymd(year + 1, 4, 5)
                                    : ymd(year + 1, 8, 31);
        return 1;
    }
    if (r->half || r->quarter) {
        int m0 = r->half ? 6 * r->half - 5 : 3 * r->quarter - 2;
        int m1 = r->half ? m0 + 5 : m0 + 2;
        *first = ymd(year, m0, 1);
        *last = month_last(year, m1);
        return 1;
    }
    if (r->week_of) {
        *first = ymd(year, r->month, r->day);
        *last = (cc_date)(*first + 6);
        return 1;
    }
    if (r->season) {
        static const int first_month[5] = {0, 3, 6, 9, 12};
        int m0 = first_month[r->season];
        int a = 0, b = 2;
        if (strcmp(mod, "START") == 0)
            b = 0;
        else if (strcmp(mod, "MID") == 0)
            a = b = 1;
        else if (strcmp(mod, "END") == 0)
            a = 2;
        int ma = m0 + a, ya = year, mb = m0 + b, yb = year;
        if (ma > 12)
            ma -= 12, ya++;
        if (mb > 12)
            mb -= 12, yb++;
        *first = ymd(ya, ma, 1);
        *last = month_last(yb, mb);
        return 1;
    }
    if (r->day) {
        /* 29 February in a common year is no day at all. */
        if (r->day > cc_days_in_month(year, r->month))
            return 0;
        *first = *last = ymd(year, r->month, r->day);
        return 1;
    }
    if (r->month) {
        *first = ymd(year, r->month, 1);
        *last = month_last(year, r->month);
        if (*mod) {
            int dim = cc_days_in_month(year, r->month);
            if (strcmp(mod, "START") == 0)
                *last = ymd(year, r->month, 10);
            else if (strcmp(mod, "MID") == 0) {
                *first = ymd(year, r->month, 11);
                *last = ymd(year, r->month, 20);
            } else if (strcmp(mod, "END") == 0)
                *first = ymd(year, r->month, dim > 21 ? 21 : dim);
        }
        return 1;
    }
    *first = ymd(year, 1, 1);
    *last = ymd(year, 12, 31);
    if (*mod)
        thirds(first, last, mod);
    return 1;
}

/* ISO 8601 week of a day: "2019-W15". */
static void
iso_week(char *buf, size_t size, cc_date d)
{
    int wd = cc_date_weekday(d);
    cc_date thursday = (cc_date)(d - wd + 4);
    int y;
    cc_date_to_ymd(thursday, &y, NULL, NULL);
    int week = (thursday - ymd(y, 1, 1)) / 7 + 1;
    snprintf(buf, size, "%04d-W%02d", y, week);
}

/* v (0 <= v < 10^width) in `width` digits, zeros in front, and a NUL. */
static void
put_digits(char *buf, int v, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        buf[k] = (char)('0' + v % 10);
        v /= 10;
    }
    buf[width] = '\0';
}

static const char *const season_codes[5] = {"", "SP", "SU", "AU", "WI"};

static void
date_value(char *buf, size_t size, const cc_raw *r, int year)
{
    char ys[8];
    if (r->decade) {
        snprintf(buf, size, "%03d", r->decade);
        return;
    }
    if (year > 0 && year <= 9999) /* "%04d", the common case by hand */
        put_digits(ys, year, 4);
    else if (year)
        snprintf(ys, sizeof ys, "%04d", year);
    else
        snprintf(ys, sizeof ys, "XXXX");
    if (r->easter && year) {
        cc_date_format(easter_sunday(year), buf);
        return;
    }
    if (r->week_of && year) {
        iso_week(buf, size, ymd(year, r->month, r->day));
        return;
    }
    if (r->year_of && year) {
        cc_date a, b;
        char fa[11], fb[11];
        date_range(r, year, &a, &b);
        cc_date_format(a, fa);
        cc_date_format(b, fb);
        /* Whole months are named by their months ("2021-04/2022-03"). */
        if (r->year_of != 'T')
            fa[7] = fb[7] = '\0';
        snprintf(buf, size, "%s/%s", fa, fb);
        return;
    }
    if (r->easter || r->week_of)
        snprintf(buf, size, r->easter ? "XXXX-XX-XX" : "XXXX-WXX");
    else if (r->half)
        snprintf(buf, size, "%s-H%d", ys, r->half);
    else if (r->quarter)
        snprintf(buf, size, "%s-Q%d", ys, r->quarter);
    else if (r->season)
        snprintf(buf, size, "%s-%s", ys, season_codes[r->season]);
    else if (r->day && r->month && size >= 11 && ys[4] == '\0' &&
             r->month > 0 && r->month < 100 && r->day > 0 && r->day < 100) {
        /* "%s-%02d-%02d" by hand: most mentions are days */
        memcpy(buf, ys, 4);
        buf[4] = '-';
        put_digits(buf + 5, r->month, 2);
        buf[7] = '-';
        put_digits(buf + 8, r->day, 2);
    } else if (r->day && r->month)
        snprintf(buf, size, "%s-%02d-%02d", ys, r->month, r->day);
    else if (r->month)
        snprintf(buf, size, "%s-%02d", ys, r->month);
    else
        snprintf(buf, size, "%s", ys);
}

static cc_grain
date_grain(const cc_raw *r)
{
    if (r->decade)
        return CC_GRAIN_DECADE;
    if (r->easter)
        return CC_GRAIN_DAY;
    if (r->week_of)
        return CC_GRAIN_WEEK;
    if (r->season || r->half || r->quarter)
        return CC_GRAIN_SEASON; /* a part of a year */
    if (r->day)
        return CC_GRAIN_DAY;
    if (r->month)
        return CC_GRAIN_MONTH;
    return CC_GRAIN_YEAR;
}

/* "P4W", "PT1H37M", "P1Y6M", "P1DT3H" */
static void
duration_value(char *buf, size_t size, const cc_raw *r)
{
    size_t n = 0;
    int time = 0;
    buf[0] = '\0';
    n += (size_t)snprintf(buf + n, size - n, "P");
    for (int i = 0; i < r->nparts && n < size; i++) {
        const cc_raw_part *p = &r->part[i];
        char u;
        int is_time = p->unit == 'H' || p->unit == 'I' || p->unit == 'S';
        if (is_time && !time) {
            n += (size_t)snprintf(buf + n, size - n, "T");
            time = 1;
        }
        switch (p->unit) {
        case 'I':
            u = 'M';
            break;
        case 'E':
            u = 0;
            break;
        default:
            u = p->unit;
        }
        if (n >= size)
            break;
        if (u)
            n += (size_t)snprintf(buf + n, size - n, "%s%c", p->n, u);
        else
            n += (size_t)snprintf(buf + n, size - n, "%sDE", p->n);
    }
}

/* The last resolved DATE: what a relative date is counted from. */
typedef struct anchor {
    int valid;
    cc_grain grain;
    int year, month;
    cc_date day; /* when grain is CC_GRAIN_DAY */
    long sentence, paragraph;
} anchor;

/* Is the anchor close enough to count from: in the same paragraph ("On 10
 * April she ... He called her the following morning"), or the sentence
 * before? */
static int
near_enough(const anchor *a, long sentence, long paragraph)
{
    if (!a->valid)
        return 0;
    if (paragraph >= 0 && a->paragraph == paragraph)
        return 1;
    if (sentence < 0 || a->sentence < 0)
        return 1;
    return sentence - a->sentence <= 1;
}

/* Resolves a relative DATE; returns 0 (and an "X" value) when it cannot. */
static int
resolve_relative(cc_mention *m, char *value, const cc_raw *r, const anchor *a,
                 long sentence, long paragraph, cc_date *first, cc_date *last)
{
    int unit = r->rel;
    int n = r->rel_n;
    int ok = near_enough(a, sentence, paragraph) && n != CC_REL_UNKNOWN;
    cc_date d;
    int y, mo;

    if (r->rel_season) {
        /* "the following spring": the first to begin after the anchor */
        static const int first_month[5] = {0, 3, 6, 9, 12};
        cc_raw t;
        memset(&t, 0, sizeof t);
        t.season = r->rel_season;
        m->grain = CC_GRAIN_SEASON;
        if (!ok || a->month == 0) {
            date_value(value, VALUE_SIZE, &t, 0);
            return 0;
        }
        y = a->year + (a->month >= first_month[r->rel_season]);
        date_value(value, VALUE_SIZE, &t, y);
        return date_range(&t, y, first, last);
    }
    if (unit == 'D' || (unit == 'W' && !r->rel_calendar) ||
        ((unit == 'M' || unit == 'Y') && !r->rel_calendar &&
         (!ok || a->grain == CC_GRAIN_DAY))) {
        m->grain = CC_GRAIN_DAY;
        if (!ok || a->grain != CC_GRAIN_DAY) {
            snprintf(value, VALUE_SIZE, "XXXX-XX-XX");
            return 0;
        }
        if (r->rel_weekday) {
            int wd = cc_date_weekday(a->day);
            int step = r->rel_n > 0 ? (r->rel_weekday - wd + 7) % 7
                                    : -((wd - r->rel_weekday + 7) % 7);
            if (step == 0)
                step = r->rel_n > 0 ? 7 : -7;
            d = (cc_date)(a->day + step);
        } else if (unit == 'D') {
            d = (cc_date)(a->day + n);
        } else if (unit == 'W') {
            d = (cc_date)(a->day + 7 * n);
        } else if (cc_months_add(&d, a->day, unit == 'M' ? n : 12 * n, NULL) !=
                   CC_OK) {
            snprintf(value, VALUE_SIZE, "XXXX-XX-XX");
            return 0;
        }
        cc_date_format(d, value);
        *first = *last = d;
        return 1;
    }
    if (unit == 'W') { /* "the following week" */
        m->grain = CC_GRAIN_WEEK;
        if (!ok || a->grain != CC_GRAIN_DAY) {
            snprintf(value, VALUE_SIZE, "XXXX-WXX");
            return 0;
        }
        d = (cc_date)(a->day + 7 * n);
        iso_week(value, VALUE_SIZE, d);
        *first = (cc_date)(d - cc_date_weekday(d) + 1);
        *last = (cc_date)(*first + 6);
        return 1;
    }
    if (unit == 'M') {
        m->grain = CC_GRAIN_MONTH;
        if (!ok || a->grain == CC_GRAIN_YEAR || a->month == 0) {
            snprintf(value, VALUE_SIZE, "XXXX-XX");
            return 0;
        }
        long t = (long)a->year * 12 + (a->month - 1) + n;
        y = (int)(t / 12);
        mo = (int)(t % 12) + 1;
        snprintf(value, VALUE_SIZE, "%04d-%02d", y, mo);
        *first = ymd(y, mo, 1);
        *last = month_last(y, mo);
        return 1;
    }
    /* unit == 'Y' */
    m->grain = CC_GRAIN_YEAR;
    if (!ok || a->year == 0) {
        snprintf(value, VALUE_SIZE, "XXXX");
        return 0;
    }
    y = a->year + n;
    snprintf(value, VALUE_SIZE, "%04d", y);
    *first = ymd(y, 1, 1);
    *last = ymd(y, 12, 31);
    return 1;
}

/* The month a partial date sits in, for the rollover test. */
static int
raw_month(const cc_raw *r)
{
    static const int season_month[5] = {0, 3, 6, 9, 12};
    if (r->month)
        return r->month;
    if (r->easter)
        return 4; /* late March or April */
    if (r->half || r->quarter)
        return 0; /* as coarse as a year: "in Q3 2022" is background */
    return season_month[r->season];
}

/* The year each month, and each day of a month, was last resolved to. */
typedef struct seen {
    int month[13];
    int day[13][32];
} seen;

/*
 * Does a partial date that would roll over into the next year look back
 * instead?  Either the range it starts lies wholly before the running month
 * ("between February and May" in August), or the same month (for a bare
 * month) or the same day was already mentioned in the running year.
 */
static int
refers_back(const cc_raw *r, const seen *sn, int run_year, int run_month)
{
    int mo = r->month;
    if (!mo || r->easter || r->week_of)
        return 0;
    if (r->to_month && mo <= r->to_month && r->to_month < run_month)
        return 1;
    if (r->day)
        return sn->day[mo][r->day] == run_year;
    return sn->month[mo] == run_year;
}

static long
sentence_of(const cc_narrative *nar, size_t i)
{
    return nar->sentence ? nar->sentence[i] : -1;
}

static long
paragraph_of(const cc_narrative *nar, size_t i)
{
    return nar->paragraph ? nar->paragraph[i] : -1;
}

/* The values of the mentions done so far, one after another. */
typedef struct values_kept {
    char *buf;
    size_t len, cap;
    int failed;   /* out of memory: buf is incomplete */
    uint32_t *at; /* where each mention's value starts in buf */
} values_kept;

/* Keeps mention i's value; a TIME's with the room to be rewritten as
 * "2019-06-21T10:30" once its day is known. */
static void
keep_value(values_kept *pk, size_t i, const char *value, int time)
{
    size_t n = strlen(value) + 1,
           room = time && n < TIME_ON_DAY ? TIME_ON_DAY : n;

    if (pk->failed)
        return;
    if (pk->cap - pk->len < room) {
        size_t cap = pk->cap ? 2 * pk->cap : 4096;
        char *p;
        while (cap - pk->len < room)
            cap *= 2;
        if (cap > UINT32_MAX || !(p = realloc(pk->buf, cap))) {
            pk->failed = 1;
            return;
        }
        pk->buf = p;
        pk->cap = cap;
    }
    memcpy(pk->buf + pk->len, value, n);
    pk->at[i] = (uint32_t)pk->len;
    pk->len += room;
}

cc_status
cc_normalise__run(cc_mention *out, char **values, const cc_raw *raw, size_t n,
                  const cc_narrative *nar)
{
    /* Each value is written here, then kept in `pk` once its mention is
     * done: in the loop's step, which a `continue` passes through too. */
    char value[VALUE_SIZE];
    values_kept pk = {NULL, 0, 0, 0, malloc((n ? n : 1) * sizeof *pk.at)};
    int run_year = 0, run_month = 0;
    int run_fine = 0; /* run_year came from a month or a day */
    int first_year = 0;
    anchor a = {0, CC_GRAIN_NONE, 0, 0, 0, -1, -1};
    anchor decision = {0, CC_GRAIN_DAY, 0, 0, 0, -1, -1};
    seen sn;
    struct {
        int month, year, back;
        size_t index;
    } range = {0, 0, 0, 0}; /* the other end of a range of partial dates */

    if (!pk.at)
        return CC_ENOMEM;
    memset(&sn, 0, sizeof sn);
    if (nar->has_decision) {
        decision.valid = 1;
        decision.day = nar->decision;
        cc_date_to_ymd(nar->decision, &decision.year, &decision.month, NULL);
    }

    /* The first year the narrative states: for dates before it. */
    for (size_t i = 0; i < n && !first_year; i++)
        if (i != nar->header && raw[i].type == CC_MENTION_DATE && !raw[i].rel &&
            !raw[i].decade && raw[i].year)
            first_year = raw[i].year;

    for (size_t i = 0; i < n;
         keep_value(&pk, i, value, out[i].type == CC_MENTION_TIME), i++) {
        const cc_raw *r = &raw[i];
        cc_raw day_only;
        cc_mention *m = &out[i];
        cc_date first = 0, last = 0;
        int resolved = 0;
        int action = nar->action && nar->action[i];

        memset(m, 0, sizeof *m);
        m->offset = r->offset;
        m->length = r->length;
        m->type = r->type;
        m->paragraph = -1;
        m->sentence = sentence_of(nar, i);
        m->mod = r->mod ? r->mod : "";
        value[0] = '\0';

        if (r->type == CC_MENTION_DURATION || r->type == CC_MENTION_SET) {
            duration_value(value, VALUE_SIZE, r);
            if (r->workdays)
                m->flags |= CC_MENTION_WORKDAYS;
            continue;
        }
        if (r->type == CC_MENTION_TIME) {
            snprintf(value, VALUE_SIZE, "T%02d:%02d", r->hour, r->minute);
            continue;
        }
        if (i == nar->header) {
            m->flags |= CC_MENTION_HEADER;
            m->grain = date_grain(r);
            date_value(value, VALUE_SIZE, r, r->year);
            if (date_range(r, r->year, &first, &last)) {
                m->earliest = first;
                m->latest = last;
            }
            continue;
        }
        if (r->rel_decision) {
            /* "two years ago", "last year": from the time of writing; the
             * narrative's running date and anchor stay as they were */
            m->flags |= CC_MENTION_RELATIVE;
            if (resolve_relative(m, value, r, &decision, -1, -1, &first,
                                 &last)) {
                m->earliest = first;
                m->latest = last;
            } else {
                m->flags |= CC_MENTION_UNRESOLVED;
            }
            continue;
        }
        if (r->rel_running) {
            /* "the end of the month": the running date's month or year;
             * in an agreed action, the decision date's */
            cc_raw t = *r;
            int ry = run_year, rm = run_month;
            if (action && nar->has_decision) {
                ry = decision.year;
                rm = decision.month;
            }
            t.rel = 0;
            t.month = r->rel == 'M' ? rm : 0;
            m->flags |= CC_MENTION_RELATIVE;
            m->grain = date_grain(&t);
            if (ry && (r->rel != 'M' || rm)) {
                date_value(value, VALUE_SIZE, &t, ry);
                date_range(&t, ry, &m->earliest, &m->latest);
            } else {
                snprintf(value, VALUE_SIZE, r->rel == 'M' ? "XXXX-XX" : "XXXX");
                m->flags |= CC_MENTION_UNRESOLVED;
            }
            continue;
        }
        if (r->rel) {
            m->flags |= CC_MENTION_RELATIVE;
            resolved = resolve_relative(m, value, r, &a, m->sentence,
                                        paragraph_of(nar, i), &first, &last);
            if (!resolved)
                m->flags |= CC_MENTION_UNRESOLVED;
        } else {
            int year = r->year;
            int back = 0; /* a look back: the running date stays */
            if (r->day && !r->month) {
                /* "on the 29th": a day of the running month */
                day_only = *r;
                day_only.month = run_fine ? run_month : 0;
                if (!day_only.month ||
                    r->day > cc_days_in_month(run_year ? run_year : 2000,
                                              day_only.month)) {
                    m->grain = CC_GRAIN_DAY;
                    snprintf(value, VALUE_SIZE, "XXXX-XX-XX");
                    m->flags |= CC_MENTION_UNRESOLVED;
                    continue;
                }
                r = &day_only;
            }
            m->grain = date_grain(r);
            if (!year && !r->decade && range.month && range.month == r->month &&
                range.index + 1 == i) {
                /* the second end of "between February and May" */
                year = range.year;
                back = range.back;
                m->flags |= CC_MENTION_INFERRED;
            } else if (!year && !r->decade) {
                int mo = raw_month(r);
                if (run_year) {
                    year = run_year;
                    if (mo && run_month && mo < run_month &&
                        run_month - mo >= ROLLOVER_MONTHS) {
                        back = refers_back(r, &sn, run_year, run_month);
                        if (!back)
                            year++;
                    }
                } else if (first_year) {
                    year = first_year;
                } else if (nar->has_decision) {
                    /* No year anywhere in the narrative: the decision
                     * was made after what it tells, so the year is the
                     * last on or before the decision date. */
                    year = decision.year;
                    m->flags |= CC_MENTION_FROM_DECISION;
                }
                if (year && nar->has_decision &&
                    date_range(r, year, &first, &last) && first > nar->decision)
                    year--;
                if (year)
                    m->flags |= CC_MENTION_INFERRED;
                else
                    m->flags |= CC_MENTION_UNRESOLVED;
            }
            date_value(value, VALUE_SIZE, r, year);
            resolved = date_range(r, year, &first, &last);
            if (!resolved && r->day && (m->flags & CC_MENTION_INFERRED)) {
                /* "On 29 February" in a narrative running through 2023:
                 * the day does not exist in the year the narrative gives,
                 * and no other year may be guessed. */
                m->flags &= ~CC_MENTION_INFERRED;
                m->flags |= CC_MENTION_UNRESOLVED;
                date_value(value, VALUE_SIZE, r, 0);
            }
            /* A year on its own ("the previous 2017 assessment") is
             * background: it sets the running year only until a month or
             * a day has. */
            range.month = 0;
            if (resolved && r->to_month && !r->year) {
                range.month = r->to_month;
                range.year = year + (r->to_month < r->month);
                range.index = i;
                range.back = back;
            }
            if (resolved && !r->decade && !back &&
                (raw_month(r) || !run_fine)) {
                run_year = year;
                run_month = raw_month(r);
                run_fine = run_month != 0;
            }
            if (resolved && r->month && !r->week_of) {
                sn.month[r->month] = year;
                if (r->day)
                    sn.day[r->month][r->day] = year;
            }
        }
        if (!resolved)
            continue;
        m->earliest = first;
        m->latest = last;
        if (m->grain == CC_GRAIN_DAY || m->grain == CC_GRAIN_MONTH ||
            m->grain == CC_GRAIN_YEAR) {
            int y, mo, d;
            cc_date_to_ymd(first, &y, &mo, &d);
            a.valid = 1;
            a.grain = m->grain;
            a.year = y;
            a.month = m->grain == CC_GRAIN_YEAR ? 0 : mo;
            a.day = first;
            a.sentence = m->sentence;
            a.paragraph = paragraph_of(nar, i);
            if (r->rel) {
                run_year = y;
                run_month = mo;
            }
        }
    }

    if (pk.failed) {
        free(pk.buf);
        free(pk.at);
        return CC_ENOMEM;
    }

    /* A clock time next to a day in the same sentence takes that day (its
     * value was kept with the room for that). */
    for (size_t i = 0; i < n; i++) {
        cc_mention *m = &out[i];
        char *kept = pk.buf + pk.at[i];
        const cc_mention *d = NULL;
        if (m->type != CC_MENTION_TIME)
            continue;
        if (i > 0 && out[i - 1].type == CC_MENTION_DATE &&
            out[i - 1].grain == CC_GRAIN_DAY &&
            !(out[i - 1].flags & CC_MENTION_UNRESOLVED) &&
            m->offset - (out[i - 1].offset + out[i - 1].length) <= 8 &&
            out[i - 1].sentence == m->sentence)
            d = &out[i - 1];
        else if (i + 1 < n && out[i + 1].type == CC_MENTION_DATE &&
                 out[i + 1].grain == CC_GRAIN_DAY &&
                 !(out[i + 1].flags & CC_MENTION_UNRESOLVED) &&
                 out[i + 1].offset - (m->offset + m->length) <= 8 &&
                 out[i + 1].sentence == m->sentence)
            d = &out[i + 1];
        if (d) {
            char day[11], t[8];
            memcpy(t, kept, sizeof t);
            cc_date_format(d->earliest, day);
            snprintf(kept, TIME_ON_DAY, "%sT%.5s", day, t + 1);
            m->earliest = m->latest = d->earliest;
        }
    }

    for (size_t i = 0; i < n; i++)
        out[i].value = pk.buf + pk.at[i];
    free(pk.at);
    *values = pk.buf;
    return CC_OK;
}
