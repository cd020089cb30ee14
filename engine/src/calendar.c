/*
 * Working days and calendar months.
 *
 * A working day is not a Saturday or Sunday, not a bank holiday of the
 * calendar's division, and not an added closure day.  The calendar keeps
 * the non-working weekdays in one sorted array, so counting the working
 * days in (a, b] is the weekdays there minus a difference of two binary
 * searches: O(log n), whatever the distance.  Adding N working days is a
 * binary search over that count, so it costs O(log N * log n).
 *
 * Months use ICU's Gregorian calendar (proleptic: the Julian change is
 * moved to the start of time), which pins a day that does not exist in
 * the target month to its last day: the corresponding-date rule of the
 * Interpretation Act 1978 Sch 1 as applied in Dodds v Walker [1981] 1 WLR
 * 1027 (HL).  This is the only file that calls ucal_*.
 */
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucal.h>

#include "ctx.h"
#include "date.h"
#include "error.h"
#include "ics_check.h"

struct cc_calendar {
    char division[64];
    cc_date first, last; /* the coverage of the bank holiday data */
    cc_date *off;        /* non-working weekdays, sorted, unique */
    const char **why;    /* off[i]'s name: borrowed or in `owned` */
    size_t noff, capoff;
    char **owned; /* closure names copied from ICS files */
    size_t nowned, capowned;
};

static const char *const WEEKEND_NAMES[2] = {"Saturday", "Sunday"};

static cc_status
reserve_off(cc_calendar *cal, size_t need, cc_error *err)
{
    cc_date *off;
    const char **why;
    size_t cap = cal->capoff ? cal->capoff : 16;

    if (need <= cal->capoff)
        return CC_OK;
    while (cap < need)
        cap *= 2;
    off = realloc(cal->off, cap * sizeof *off);
    if (!off)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    cal->off = off;
    why = realloc(cal->why, cap * sizeof *why);
    if (!why)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    cal->why = why;
    cal->capoff = cap;
    return CC_OK;
}

/* The number of off days <= d: the index of the first one after d. */
static size_t
off_upto(const cc_calendar *cal, cc_date d)
{
    size_t lo = 0, hi = cal->noff;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cal->off[mid] <= d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Adds a non-working weekday, keeping the array sorted and unique (the
 * first name given for a day is kept).  Weekend days are ignored. */
static cc_status
add_off(cc_calendar *cal, cc_date d, const char *why, cc_error *err)
{
    size_t i;
    cc_status st;

    if (cc_date_weekday(d) > 5)
        return CC_OK;
    i = off_upto(cal, d);
    if (i > 0 && cal->off[i - 1] == d)
        return CC_OK;
    if ((st = reserve_off(cal, cal->noff + 1, err)) != CC_OK)
        return st;
    memmove(cal->off + i + 1, cal->off + i, (cal->noff - i) * sizeof *cal->off);
    memmove(cal->why + i + 1, cal->why + i, (cal->noff - i) * sizeof *cal->why);
    cal->off[i] = d;
    cal->why[i] = why;
    cal->noff++;
    return CC_OK;
}

cc_status
cc_calendar_new(cc_calendar **out, const cc_ctx *ctx, const char *division,
                cc_error *err)
{
    const cc_division *div = cc_ctx__division(ctx, division);
    cc_calendar *cal;
    cc_status st = CC_OK;

    *out = NULL;
    if (!div)
        return cc_error__fail(err, CC_EINVAL,
                              "unknown calendar '%s': use england-and-wales, "
                              "scotland, northern-ireland or a FILE.ics",
                              division);
    cal = calloc(1, sizeof *cal);
    if (!cal)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    snprintf(cal->division, sizeof cal->division, "%s", div->name);
    cal->first = ctx->first;
    cal->last = ctx->last;
    st = reserve_off(cal, div->ndays, err);
    /* The division's days are sorted already: append them in order. */
    for (size_t i = 0; st == CC_OK && i < div->ndays; i++)
        st = add_off(cal, div->days[i].date, div->days[i].title, err);
    if (st != CC_OK) {
        cc_calendar_free(cal);
        return st;
    }
    *out = cal;
    return CC_OK;
}

void
cc_calendar_free(cc_calendar *cal)
{
    if (!cal)
        return;
    for (size_t i = 0; i < cal->nowned; i++)
        free(cal->owned[i]);
    free(cal->owned);
    free(cal->off);
    free(cal->why);
    free(cal);
}

const char *
cc_calendar_division(const cc_calendar *cal)
{
    return cal->division;
}

void
cc_calendar_coverage(cc_date *first, cc_date *last, const cc_calendar *cal)
{
    if (first)
        *first = cal->first;
    if (last)
        *last = cal->last;
}

/* CC_ECOVERAGE unless every day in [a, b] is covered by the data. */
static cc_status
check_coverage(const cc_calendar *cal, cc_date a, cc_date b, cc_error *err)
{
    char fa[11], fl[11], fd[11];

    if (a >= cal->first && b <= cal->last)
        return CC_OK;
    return cc_error__fail(err, CC_ECOVERAGE,
                          "%s is outside the %s bank holiday data, which "
                          "covers %s to %s",
                          cc_date_format(a < cal->first ? a : b, fd),
                          cal->division, cc_date_format(cal->first, fa),
                          cc_date_format(cal->last, fl));
}

/* The name of a non-working day, or NULL for a working day. */
static const char *
off_reason(const cc_calendar *cal, cc_date d)
{
    int wd = cc_date_weekday(d);
    size_t i;

    if (wd > 5)
        return WEEKEND_NAMES[wd - 6];
    i = off_upto(cal, d);
    return i > 0 && cal->off[i - 1] == d ? cal->why[i - 1] : NULL;
}

cc_status
cc_calendar_is_workday(int *out, const char **reason, const cc_calendar *cal,
                       cc_date d, cc_error *err)
{
    const char *why;
    cc_status st = check_coverage(cal, d, d, err);

    if (st != CC_OK)
        return st;
    why = off_reason(cal, d);
    *out = why == NULL;
    if (reason)
        *reason = why;
    return CC_OK;
}

/*
 * Weekdays in [M0, d], where M0 is Monday 1969-12-29 (day -3): whole weeks
 * give 5 each, the part week min(days into it, 5).  Floor division keeps
 * it right before M0 too; the value is then negative.
 */
static long
weekdays_upto(cc_date d)
{
    long t = (long)d + 3; /* days since M0 */
    long weeks = t >= 0 ? t / 7 : -((-t + 6) / 7);
    long rest = t - weeks * 7; /* 0 (Monday) .. 6 (Sunday) */

    return weeks * 5 + (rest + 1 < 5 ? rest + 1 : 5);
}

/* Working days in (a, b] for a <= b, with no coverage check. */
static long
count_workdays(const cc_calendar *cal, cc_date a, cc_date b)
{
    return (weekdays_upto(b) - weekdays_upto(a)) -
           (long)(off_upto(cal, b) - off_upto(cal, a));
}

cc_status
cc_workdays_between(long *out, const cc_calendar *cal, cc_date from, cc_date to,
                    cc_error *err)
{
    cc_date a = from < to ? from : to, b = from < to ? to : from;
    cc_status st;

    if (a == b) {
        *out = 0;
        return CC_OK;
    }
    /* The days examined are (a, b]. */
    if ((st = check_coverage(cal, a + 1, b, err)) != CC_OK)
        return st;
    *out = from <= to ? count_workdays(cal, a, b) : -count_workdays(cal, a, b);
    return CC_OK;
}

/* The count runs off one end of the data. */
static cc_status
past_coverage(const cc_calendar *cal, cc_date from, long n, cc_error *err)
{
    char f[11], a[11], b[11];

    return cc_error__fail(
        err, CC_ECOVERAGE,
        "%ld working days %s %s go %s the %s bank holiday "
        "data, which covers %s to %s",
        n < 0 ? -n : n, n < 0 ? "before" : "after", cc_date_format(from, f),
        n < 0 ? "before the start of" : "past the end of", cal->division,
        cc_date_format(cal->first, a), cc_date_format(cal->last, b));
}

cc_status
cc_workdays_add(cc_date *out, const cc_calendar *cal, cc_date from, long n,
                cc_error *err)
{
    cc_date lo, hi;
    cc_status st;

    if (n == 0) {
        *out = from;
        return CC_OK;
    }
    if (n > 0) {
        /* The smallest b with n working days in (from, b]: it is one. */
        if (from >= cal->last || count_workdays(cal, from, cal->last) < n)
            return past_coverage(cal, from, n, err);
        if ((st = check_coverage(cal, from + 1, from + 1, err)) != CC_OK)
            return st;
        lo = from + 1;
        hi = cal->last;
        while (lo < hi) {
            cc_date mid = lo + (hi - lo) / 2;
            if (count_workdays(cal, from, mid) >= n)
                hi = mid;
            else
                lo = mid + 1;
        }
    } else {
        /* The largest b with -n working days in [b, from). */
        if (from <= cal->first ||
            count_workdays(cal, cal->first - 1, from - 1) < -n)
            return past_coverage(cal, from, n, err);
        if ((st = check_coverage(cal, from - 1, from - 1, err)) != CC_OK)
            return st;
        lo = cal->first;
        hi = from - 1;
        while (lo < hi) {
            cc_date mid = hi - (hi - lo) / 2;
            if (count_workdays(cal, mid - 1, from - 1) >= -n)
                lo = mid;
            else
                hi = mid - 1;
        }
    }
    *out = lo;
    return CC_OK;
}

/* 1583-01-01: after ICU's default change from the Julian calendar. */
static long
gregorian_1583(void)
{
    return (long)cc_date__from_ymd_unchecked(1583, 1, 1);
}

cc_status
cc_months_add(cc_date *out, cc_date d, int n, cc_error *err)
{
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UErrorCode uerr = U_ZERO_ERROR;
    UCalendar *ucal;
    UDate ms;
    int year;

    ucal = ucal_open(utc, -1, "en_GB", UCAL_GREGORIAN, &uerr);
    /* Proleptic Gregorian: no Julian calendar before 1582.  Moving the
     * change costs more than the rest of the call; where the day and the
     * answer both lie after it (n months of at most 31 days each way) the
     * calendars agree, and it is left where it is. */
    if ((long)d - 31L * (n < 0 ? -(long)n : (long)n) - 31 < gregorian_1583())
        ucal_setGregorianChange(ucal, -8.64e15, &uerr);
    ucal_setMillis(ucal, (UDate)d * U_MILLIS_PER_DAY, &uerr);
    ucal_add(ucal, UCAL_MONTH, n, &uerr);
    ms = ucal_getMillis(ucal, &uerr);
    ucal_close(ucal);
    if (U_FAILURE(uerr))
        return cc_error__fail(err, CC_EINTERNAL, "calendar arithmetic: %s",
                              u_errorName(uerr));
    /* Whole days: the millisecond count is an exact multiple. */
    *out = (cc_date)(ms / U_MILLIS_PER_DAY);
    cc_date_to_ymd(*out, &year, NULL, NULL);
    if (*out < CC_DATE_FIRST || *out > CC_DATE_LAST)
        return cc_error__fail(err, CC_EINVAL,
                              "date arithmetic goes outside years %d-%d",
                              CC_YEAR_MIN, CC_YEAR_MAX);
    return CC_OK;
}

/* Plain calendar days, inside years 1..9999. */
static cc_status
days_add(cc_date *out, cc_date d, long n, cc_error *err)
{
    long r = (long)d + n;

    if (r < CC_DATE_FIRST || r > CC_DATE_LAST)
        return cc_error__fail(err, CC_EINVAL,
                              "date arithmetic goes outside years %d-%d",
                              CC_YEAR_MIN, CC_YEAR_MAX);
    *out = (cc_date)r;
    return CC_OK;
}

/* Records the non-working days in [a, b] into calc->skipped. */
static cc_status
collect_skipped(cc_calc *calc, const cc_calendar *cal, cc_date a, cc_date b,
                cc_error *err)
{
    size_t n = 0;

    for (cc_date d = a; d <= b; d++)
        n += off_reason(cal, d) != NULL;
    calc->skipped = calloc(n ? n : 1, sizeof *calc->skipped);
    if (!calc->skipped)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    for (cc_date d = a; d <= b; d++) {
        const char *why = off_reason(cal, d);
        if (why) {
            calc->skipped[calc->nskipped].date = d;
            calc->skipped[calc->nskipped].reason = why;
            calc->nskipped++;
        }
    }
    return CC_OK;
}

/*
 * N months beginning with X end the day before the corresponding date N
 * months later (formula A: add_months(X, N) - 1 day): 12 months beginning
 * with 22 March 2019 end on 21 March 2020, and beginning with 1 March 2023
 * on 29 February 2024.  When there is no corresponding date (X is the
 * 29th-31st and the target month is shorter) the law is unsettled:
 * timescales.md takes formula B, add_months(X - 1 day, N), and the result
 * is marked borderline with A beside it (29 Feb 2024 + 12 months: B 28 Feb
 * 2025, A 27 Feb 2025).
 */
static cc_status
months_beginning_with(cc_calc *out, cc_date from, int n, cc_error *err)
{
    cc_date corresponding, before = from;
    int day, cday;
    cc_status st;

    if ((st = cc_months_add(&corresponding, from, n, err)) != CC_OK ||
        (st = days_add(&out->date, corresponding, -1, err)) != CC_OK)
        return st;
    cc_date_to_ymd(from, NULL, NULL, &day);
    cc_date_to_ymd(corresponding, NULL, NULL, &cday);
    if (cday == day)
        return CC_OK;
    out->alt = out->date;
    if ((st = days_add(&before, from, -1, err)) != CC_OK ||
        (st = cc_months_add(&out->date, before, n, err)) != CC_OK)
        return st;
    out->borderline = out->alt != out->date;
    return CC_OK;
}

cc_status
cc_calc_add(cc_calc *out, const cc_calendar *cal, cc_date from,
            cc_period period, cc_error *err)
{
    int bw = period.counting == CC_COUNT_BEGINNING_WITH;
    long n = period.n;
    cc_status st = CC_OK;
    cc_date a;

    memset(out, 0, sizeof *out);
    out->from = from;
    out->period = period;
    snprintf(out->calendar, sizeof out->calendar, "calendar");
    switch (period.unit) {
    case CC_UNIT_WEEK:
        n *= DAYS_PER_WEEK;
        /* fall through */
    case CC_UNIT_DAY:
        /* Beginning with X: X is day 1, so day N is X + N - 1. */
        st = days_add(&out->date, from, bw && n > 0 ? n - 1 : n, err);
        break;
    case CC_UNIT_YEAR:
        n *= MONTHS_PER_YEAR;
        /* fall through */
    case CC_UNIT_MONTH:
        if (!bw) {
            st = cc_months_add(&out->date, from, (int)n, err);
            break;
        }
        st = months_beginning_with(out, from, (int)n, err);
        break;
    case CC_UNIT_WORKDAY:
        if (!cal)
            return cc_error__fail(err, CC_EINVAL,
                                  "working days need a calendar");
        snprintf(out->calendar, sizeof out->calendar, "%s", cal->division);
        /* Beginning with X: X itself is the first day if it is a working
         * day, so count from the day before. */
        a = bw && n > 0 ? from - 1 : from;
        if ((st = cc_workdays_add(&out->date, cal, a, n, err)) != CC_OK)
            break;
        if (n > 0)
            st = collect_skipped(out, cal, a + 1, out->date, err);
        else if (n < 0)
            st = collect_skipped(out, cal, out->date, a - 1, err);
        break;
    }
    if (st != CC_OK)
        cc_calc_clear(out);
    return st;
}

void
cc_calc_clear(cc_calc *calc)
{
    if (!calc)
        return;
    free(calc->skipped);
    calc->skipped = NULL;
    calc->nskipped = 0;
}

/* ---------------------------------------------------------------- */
/* Closure days from iCalendar files                                 */

static cc_status
own_string(cc_calendar *cal, const char *s, const char **out, cc_error *err)
{
    char *copy;

    if (cal->nowned == cal->capowned) {
        size_t cap = cal->capowned ? cal->capowned * 2 : 8;
        char **owned = realloc(cal->owned, cap * sizeof *owned);
        if (!owned)
            return cc_error__fail(err, CC_ENOMEM, "out of memory");
        cal->owned = owned;
        cal->capowned = cap;
    }
    copy = strdup(s);
    if (!copy)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    cal->owned[cal->nowned++] = copy;
    *out = copy;
    return CC_OK;
}

/* The day of an iCalendar DATE or DATE-TIME; CC_EINVAL if no such day. */
static cc_status
ical_to_date(cc_date *out, struct icaltimetype t, const char *what,
             const char *source, int line, cc_error *err)
{
    if (icaltime_is_null_time(t) ||
        cc_date_from_ymd(out, t.year, t.month, t.day, NULL) != CC_OK)
        return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                             "%s is not a valid date", what);
    return CC_OK;
}

/* A closure spanning more than this many days is surely a mistake. */
#define MAX_CLOSURE_DAYS 366

static cc_status
add_event(cc_calendar *cal, icalcomponent *ev, const char *source, int line,
          cc_error *err)
{
    icalproperty *p =
        icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
    struct icaltimetype start, end;
    const char *summary = icalcomponent_get_summary(ev);
    const char *why = NULL;
    cc_date a, b;
    cc_status st;

    if (!p)
        return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                             "event has no DTSTART");
    start = icalproperty_get_dtstart(p);
    if ((st = ical_to_date(&a, start, "DTSTART", source, line, err)) != CC_OK)
        return st;
    if (icalcomponent_get_first_property(ev, ICAL_RRULE_PROPERTY))
        return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                             "recurring closure days (RRULE) are not "
                             "supported: list each day as its own event");
    b = a;
    p = icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY);
    if (p) {
        end = icalproperty_get_dtend(p);
        if ((st = ical_to_date(&b, end, "DTEND", source, line, err)) != CC_OK)
            return st;
        /* DTEND is exclusive for all-day events (RFC 5545 3.6.1). */
        b -= end.is_date ? 1 : 0;
        if (b < a)
            return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                                 "DTEND is before DTSTART");
        if (b - a >= MAX_CLOSURE_DAYS)
            return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                                 "event spans more than %d days",
                                 MAX_CLOSURE_DAYS);
    }
    if ((st = own_string(cal, summary && *summary ? summary : "closure day",
                         &why, err)) != CC_OK)
        return st;
    for (cc_date d = a; d <= b; d++)
        if ((st = add_off(cal, d, why, err)) != CC_OK)
            return st;
    return CC_OK;
}

cc_status
cc_calendar_add_ics(cc_calendar *cal, const char *data, size_t len,
                    const char *source, cc_error *err)
{
    icalcomponent *root = NULL, *c;
    int *lines = NULL;
    size_t nlines = 0, i = 0, tlen;
    char *text = NULL;
    cc_status st;

    /* UTF-8 without a BOM, lines ended by LF or CRLF. */
    st = cc_ics__text(&text, &tlen, data, len, source, err);
    if (st != CC_OK)
        goto done;
    /* libical skips lines it cannot read without a word: check the
     * syntax ourselves first, so every problem has a line number. */
    st = cc_ics__check(text, tlen, source, &lines, &nlines, err);
    if (st != CC_OK)
        goto done;
    root = icalparser_parse_string(text);
    if (!root) {
        st = cc_error__set(err, CC_EINVAL, source, 1, 0, 0,
                           "not an iCalendar file");
        goto done;
    }
    st = cc_ics__check_parsed(root, source, err);
    if (st != CC_OK)
        goto done;
    /* VEVENTs are in file order; lines[] holds each BEGIN:VEVENT's line. */
    for (c = icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
         c && st == CC_OK;
         c = icalcomponent_get_next_component(root, ICAL_VEVENT_COMPONENT)) {
        st = add_event(cal, c, source, i < nlines ? lines[i] : 0, err);
        i++;
    }
done:
    if (root)
        icalcomponent_free(root);
    free(text);
    free(lines);
    return st;
}
