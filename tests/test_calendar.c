/* Calendars: bank holidays, closure days from iCalendar, coverage. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ucal.h>

#include "caseclock.h"

static cc_ctx *ctx;
static cc_calendar *ew;

static void
setup(void)
{
    cr_assert(eq(int, cc_ctx_new(&ctx, NULL), CC_OK));
    cr_assert(
        eq(int, cc_calendar_new(&ew, ctx, "england-and-wales", NULL), CC_OK));
}

static void
teardown(void)
{
    cc_calendar_free(ew);
    cc_ctx_free(ctx);
}

static cc_date
D(const char *iso)
{
    cc_date d;

    cr_assert(eq(int, cc_date_parse(&d, iso, NULL), CC_OK), "%s", iso);
    return d;
}

/* Each row from GOV.UK's list (calendars/bank-holidays.json) or a printed
 * calendar. */
static const struct {
    const char *division, *date;
    int work;
    const char *reason;
} days[] = {
    {"england-and-wales", "2019-04-19", 0, "Good Friday"},
    {"england-and-wales", "2019-04-22", 0, "Easter Monday"},
    {"scotland", "2019-04-22", 1, NULL},
    {"england-and-wales", "2022-09-19", 0,
     "Bank Holiday for the State Funeral of Queen Elizabeth II"},
    {"england-and-wales", "2023-05-08", 0, NULL},
    {"england-and-wales", "2019-03-22", 1, NULL},
    {"england-and-wales", "2019-03-23", 0, "Saturday"},
    {"england-and-wales", "2019-03-24", 0, "Sunday"},
    {"scotland", "2019-01-02", 0, "2nd January"},
    {"england-and-wales", "2019-01-02", 1, NULL},
    {"northern-ireland", "2019-03-18", 0, NULL},
    {"northern-ireland", "2019-07-12", 0, NULL},
    {"england-and-wales", "2019-07-12", 1, NULL},
    {"scotland", "2019-11-29", 1, NULL},
    {"scotland", "2021-11-30", 0, "St Andrew’s Day"},
};

Test(calendar, workdays, .init = setup, .fini = teardown)
{
    for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
        cc_calendar *cal;
        int work = -1;
        const char *reason = NULL;

        cr_assert(
            eq(int, cc_calendar_new(&cal, ctx, days[i].division, NULL), CC_OK));
        cr_expect(eq(
            int,
            cc_calendar_is_workday(&work, &reason, cal, D(days[i].date), NULL),
            CC_OK));
        cr_expect(eq(int, work, days[i].work), "%s %s", days[i].division,
                  days[i].date);
        if (days[i].reason)
            cr_expect(reason && strcmp(reason, days[i].reason) == 0,
                      "%s %s: reason '%s', want '%s'", days[i].division,
                      days[i].date, reason ? reason : "(none)", days[i].reason);
        cc_calendar_free(cal);
    }
}

Test(calendar, coverage, .init = setup, .fini = teardown)
{
    cc_error err = {0};
    int work;
    cc_date r;

    cr_expect(eq(int,
                 cc_calendar_is_workday(&work, NULL, ew, D("1999-12-31"), &err),
                 CC_ECOVERAGE));
    cr_expect(strstr(err.message, "england-and-wales") &&
                  strstr(err.message, "2000-01-01 to 2030-12-31"),
              "%s", err.message);
    memset(&err, 0, sizeof err);
    cr_expect(eq(int, cc_workdays_add(&r, ew, D("2030-12-20"), 10, &err),
                 CC_ECOVERAGE));
    cr_expect(strstr(err.message, "past the end") != NULL, "%s", err.message);
    cc_calendar *wales = NULL;
    cr_expect(eq(int, cc_calendar_new(&wales, ctx, "wales", &err), CC_EINVAL));
    cr_expect_null(wales);
}

Test(calendar, months_are_icu_and_pinned, .init = setup, .fini = teardown)
{
    /* Dodds v Walker: 30 Sep + 4 months is 30 Jan.  Clamp at month ends,
     * leap years, and negative steps; all counted by hand. */
    static const struct {
        const char *from;
        int n;
        const char *want;
    } rows[] = {
        {"1978-09-30", 4, "1979-01-30"},  {"2019-01-31", 1, "2019-02-28"},
        {"2020-01-31", 1, "2020-02-29"},  {"2019-08-31", 3, "2019-11-30"},
        {"2024-03-31", -1, "2024-02-29"}, {"1582-10-04", 1, "1582-11-04"},
        {"9999-11-30", 1, "9999-12-30"},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        cc_date r;
        char buf[11];
        cr_assert(eq(int, cc_months_add(&r, D(rows[i].from), rows[i].n, NULL),
                     CC_OK));
        cr_expect(eq(str, cc_date_format(r, buf), (char *)rows[i].want),
                  "%s %+dm", rows[i].from, rows[i].n);
    }
    cc_date r;
    cr_expect(eq(int, cc_months_add(&r, D("9999-12-31"), 1, NULL), CC_EINVAL));
}

/* Through the years of the change from the Julian calendar and after,
 * every 11th day and -25..25 months: what a proleptic Gregorian ICU
 * calendar of the test's own gives. */
Test(calendar, months_as_a_proleptic_calendar, .init = setup, .fini = teardown)
{
    static const UChar utc[] = {'U', 'T', 'C', 0};
    static const char *const spans[][2] = {{"1578-01-01", "1590-12-31"},
                                           {"2018-01-01", "2026-12-31"}};
    size_t wrong = 0, n = 0;

    for (size_t k = 0; k < 2; k++)
        for (cc_date d = D(spans[k][0]); d <= D(spans[k][1]); d += 11)
            for (int m = -25; m <= 25; m++) {
                UErrorCode e = U_ZERO_ERROR;
                UCalendar *c = ucal_open(utc, -1, "en_GB", UCAL_GREGORIAN, &e);
                cc_date r;
                ucal_setGregorianChange(c, -8.64e15, &e);
                ucal_setMillis(c, (UDate)d * U_MILLIS_PER_DAY, &e);
                ucal_add(c, UCAL_MONTH, m, &e);
                int ok = U_SUCCESS(e);
                cr_assert(ok, "ICU: %s", u_errorName(e));
                n++;
                if (cc_months_add(&r, d, m, NULL) != CC_OK ||
                    (UDate)r * U_MILLIS_PER_DAY != ucal_getMillis(c, &e))
                    wrong++;
                ucal_close(c);
            }
    cr_expect(eq(sz, wrong, 0), "%zu of %zu sums differ", wrong, n);
}

#define CRLF "\r\n"
#define ICS_HEAD                                                               \
    "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//t//t//EN" CRLF
#define ICS_TAIL "END:VCALENDAR" CRLF

Test(calendar, closures_from_ics, .init = setup, .fini = teardown)
{
    static const char ics[] = ICS_HEAD
        "BEGIN:VEVENT" CRLF "UID:a@x" CRLF "DTSTART;VALUE=DATE:20191227" CRLF
        "DTEND;VALUE=DATE:20191228" CRLF "SUMMARY:Council closure" CRLF
        "END:VEVENT" CRLF "BEGIN:VEVENT" CRLF "UID:b@x" CRLF
        "DTSTART;VALUE=DATE:20191230" CRLF "DTEND;VALUE=DATE:20200101" CRLF
        "SUMMARY:Christmas clo" CRLF " sure" CRLF "END:VEVENT" CRLF ICS_TAIL;
    cc_error err = {0};
    int work;
    const char *reason;
    long n;

    cr_assert(
        eq(int, cc_calendar_add_ics(ew, ics, strlen(ics), "closures.ics", &err),
           CC_OK),
        "%s", err.message);
    cc_calendar_is_workday(&work, &reason, ew, D("2019-12-27"), NULL);
    cr_expect(eq(int, work, 0));
    cr_expect(eq(str, (char *)reason, "Council closure"));
    cc_calendar_is_workday(&work, &reason, ew, D("2019-12-31"), NULL);
    cr_expect(eq(int, work, 0));
    cr_expect(eq(str, (char *)reason, "Christmas closure"), "folded line");
    cc_calendar_is_workday(&work, NULL, ew, D("2020-01-02"), NULL);
    cr_expect(eq(int, work, 1), "DTEND is exclusive");
    /* (23 Dec 2019, 3 Jan 2020]: 24, 27, 30, 31 Dec, 2, 3 Jan are working
     * days without closures (6, by hand); the closures take 27, 30 and
     * 31 Dec, leaving 24 Dec, 2 and 3 Jan. */
    cr_assert(
        eq(int,
           cc_workdays_between(&n, ew, D("2019-12-23"), D("2020-01-03"), NULL),
           CC_OK));
    cr_expect(eq(long, n, 3));
}

/* Malformed closure files: each names its line and problem. */
static const struct {
    const char *ics;
    int line;
    const char *message;
} bad_ics[] = {
    {ICS_HEAD "BEGIN:VEVENT" CRLF "this is not a content line" CRLF
              "END:VEVENT" CRLF ICS_TAIL,
     5, "no ':' before its value"},
    {ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20191227" CRLF ICS_TAIL,
     6, "does not close BEGIN:VEVENT"},
    {ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:2019-12-27" CRLF
              "END:VEVENT" CRLF ICS_TAIL,
     5, "is not a date (YYYYMMDD)"},
    {ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART:tomorrow" CRLF
              "END:VEVENT" CRLF ICS_TAIL,
     5, "is not a date or date-time"},
    {ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20191227" CRLF, 5,
     "missing END:VEVENT for the BEGIN on line 4"},
    {"hello" CRLF, 1, "no ':' before its value"},
    {"SUMMARY:x" CRLF, 1, "outside BEGIN:VCALENDAR"},
    {"", 0, "no VCALENDAR"},
    {ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190230" CRLF
              "END:VEVENT" CRLF ICS_TAIL,
     4, "DTSTART is not a valid date"},
    {ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20191227" CRLF
              "RRULE:FREQ=YEARLY" CRLF "END:VEVENT" CRLF ICS_TAIL,
     4, "RRULE"},
};

Test(calendar, malformed_ics, .init = setup, .fini = teardown)
{
    for (size_t i = 0; i < sizeof bad_ics / sizeof bad_ics[0]; i++) {
        cc_error err = {0};
        cc_status st = cc_calendar_add_ics(
            ew, bad_ics[i].ics, strlen(bad_ics[i].ics), "bad.ics", &err);
        cr_expect(eq(int, st, CC_EINVAL), "case %zu", i);
        cr_expect(eq(str, err.source, "bad.ics"), "case %zu", i);
        if (bad_ics[i].line)
            cr_expect(eq(int, err.line, bad_ics[i].line), "case %zu: %s", i,
                      err.message);
        cr_expect(strstr(err.message, bad_ics[i].message) != NULL,
                  "case %zu: '%s' lacks '%s'", i, err.message,
                  bad_ics[i].message);
    }
}

/* A closure-day file as a council would publish it (tests/data/closures.ics,
 * written for the tests): folded lines, escapes, a date-time start with no
 * end.  Each expected count was made by hand on a 2019 calendar. */
Test(calendar, closure_file, .init = setup, .fini = teardown)
{
    FILE *fp = fopen("tests/data/closures.ics", "rb");
    static char buf[1 << 16];
    size_t n;
    cc_error err = {0};
    const char *reason;
    int work;
    long count;

    cr_assert_not_null(fp, "tests/data/closures.ics");
    n = fread(buf, 1, sizeof buf, fp);
    fclose(fp);
    cr_assert(
        eq(int, cc_calendar_add_ics(ew, buf, n, "closures.ics", &err), CC_OK),
        "%s:%d: %s", err.source, err.line, err.message);
    cc_calendar_is_workday(&work, &reason, ew, D("2019-12-31"), NULL);
    cr_expect(eq(int, work, 0));
    cr_expect(eq(str, (char *)reason,
                 "Council offices closed: a long summary that is folded "
                 "across two physical lines as RFC 5545 allows"));
    cc_calendar_is_workday(&work, &reason, ew, D("2019-08-09"), NULL);
    cr_expect(eq(int, work, 0), "a date-time start closes its day");
    cc_calendar_is_workday(&work, NULL, ew, D("2019-08-12"), NULL);
    cr_expect(eq(int, work, 1));
    /* August 2019 has 22 weekdays and the summer bank holiday (26th);
     * the training day (9th) leaves 20. */
    cr_assert(eq(
        int,
        cc_workdays_between(&count, ew, D("2019-07-31"), D("2019-08-31"), NULL),
        CC_OK));
    cr_expect(eq(long, count, 20));
}
