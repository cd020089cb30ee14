/* cc_date: parsing, formatting and validation.  Each row checked by hand. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <string.h>

#include "caseclock.h"

static const struct {
    const char *text;
    const char *want;    /* ISO, or NULL for an error */
    const char *message; /* a part of the error message */
    const char *why;
} cases[] = {
    {"2019-03-22", "2019-03-22", NULL, "ISO"},
    {"22 March 2019", "2019-03-22", NULL, "day month year"},
    {"22 Mar 2019", "2019-03-22", NULL, "abbreviated month"},
    {"22nd March 2019", "2019-03-22", NULL, "ordinal suffix"},
    {"Friday 22 March 2019", "2019-03-22", NULL, "with its weekday"},
    {"March 22, 2019", "2019-03-22", NULL, "US order with a comma"},
    {"3 Sept 2019", "2019-09-03", NULL, "Sept"},
    {"1 january 2000", "2000-01-01", NULL, "any case"},
    {"2020-02-29", "2020-02-29", NULL, "leap day in a leap year"},
    {"2000-02-29", "2000-02-29", NULL, "2000 is a leap year (400)"},
    {"0001-01-01", "0001-01-01", NULL, "the first day"},
    {"9999-12-31", "9999-12-31", NULL, "the last day"},
    {"2019-02-29", NULL, "February 2019 has 28 days", "no leap day in 2019"},
    {"1900-02-29", NULL, "February 1900 has 28 days", "1900 is not leap"},
    {"2019-04-31", NULL, "April 2019 has 30 days", "April has 30 days"},
    {"2019-13-01", NULL, "there is no month 13", "month 13"},
    {"2019-00-10", NULL, "there is no month 0", "month 0"},
    {"0000-01-01", NULL, "year 0 is outside", "no year 0"},
    {"32 March 2019", NULL, "March 2019 has 31 days", "day 32"},
    {"Monday 22 March 2019", NULL, "is a Friday, not a Monday",
     "wrong weekday"},
    {"22 Marchh 2019", NULL, "expected YYYY-MM-DD", "misspelt month"},
    {"2019/03/22", NULL, "expected YYYY-MM-DD", "slashes are not ISO"},
    {"", NULL, "expected YYYY-MM-DD", "empty"},
    {"22 March", NULL, "expected YYYY-MM-DD", "no year"},
    {"2019-3-22", "2019-03-22", NULL, "single-digit month"},
};

Test(date, parse)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cc_date d;
        cc_error err = {0};
        char buf[11];
        cc_status st = cc_date_parse(&d, cases[i].text, &err);

        if (cases[i].want) {
            cr_expect(eq(int, st, CC_OK), "'%s' (%s): %s", cases[i].text,
                      cases[i].why, err.message);
            if (st == CC_OK)
                cr_expect(
                    eq(str, cc_date_format(d, buf), (char *)cases[i].want),
                    "'%s' (%s)", cases[i].text, cases[i].why);
        } else {
            cr_expect(eq(int, st, CC_EINVAL), "'%s' (%s)", cases[i].text,
                      cases[i].why);
            cr_expect(strstr(err.message, cases[i].message) != NULL,
                      "'%s' (%s): message '%s' lacks '%s'", cases[i].text,
                      cases[i].why, err.message, cases[i].message);
        }
    }
}

/* Every day from 1600 to 2400 survives a round trip, and weekdays step. */
Test(date, round_trip)
{
    cc_date first, last;
    int y, m, d, py = 1600, pm = 1, pd = 0;

    cr_assert(eq(int, cc_date_from_ymd(&first, 1600, 1, 1, NULL), CC_OK));
    cr_assert(eq(int, cc_date_from_ymd(&last, 2400, 12, 31, NULL), CC_OK));
    for (cc_date x = first; x <= last; x++) {
        cc_date back;
        cc_date_to_ymd(x, &y, &m, &d);
        cr_assert(eq(int, cc_date_from_ymd(&back, y, m, d, NULL), CC_OK));
        cr_assert(eq(int, back, x));
        /* The next day of the previous one. */
        if (d != pd + 1)
            cr_assert(d == 1 && pd == cc_days_in_month(py, pm),
                      "%d-%d-%d after %d-%d-%d", y, m, d, py, pm, pd);
        cr_assert(
            eq(int, cc_date_weekday(x), (cc_date_weekday(x - 1) % 7) + 1));
        py = y;
        pm = m;
        pd = d;
    }
}

Test(date, known_weekdays)
{
    cc_date d;

    /* 1970-01-01 was a Thursday; 2019-12-18 a Wednesday; 2000-01-01 a
     * Saturday (all from printed calendars). */
    cr_assert(eq(int, cc_date_from_ymd(&d, 1970, 1, 1, NULL), CC_OK));
    cr_expect(eq(int, d, 0));
    cr_expect(eq(int, cc_date_weekday(d), 4));
    cc_date_from_ymd(&d, 2019, 12, 18, NULL);
    cr_expect(eq(int, cc_date_weekday(d), 3));
    cc_date_from_ymd(&d, 2000, 1, 1, NULL);
    cr_expect(eq(int, cc_date_weekday(d), 6));
}

Test(date, format_long)
{
    cc_date d;
    char buf[48];

    cc_date_from_ymd(&d, 2019, 3, 22, NULL);
    cr_expect(eq(str, cc_date_format_long(d, buf, sizeof buf),
                 "Friday 22 March 2019"));
}

static const struct {
    const char *text;
    int n;
    cc_unit unit;
    int ok;
} periods[] = {
    {"10wd", 10, CC_UNIT_WORKDAY, 1}, {"-5wd", -5, CC_UNIT_WORKDAY, 1},
    {"+3m", 3, CC_UNIT_MONTH, 1},     {"15d", 15, CC_UNIT_DAY, 1},
    {"4w", 4, CC_UNIT_WEEK, 1},       {"1y", 1, CC_UNIT_YEAR, 1},
    {"0wd", 0, CC_UNIT_WORKDAY, 1},   {"10", 0, CC_UNIT_DAY, 0},
    {"wd", 0, CC_UNIT_DAY, 0},        {"10x", 0, CC_UNIT_DAY, 0},
    {"10 wd", 0, CC_UNIT_DAY, 0},     {"99999999999d", 0, CC_UNIT_DAY, 0},
    {"", 0, CC_UNIT_DAY, 0},
};

Test(date, periods)
{
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
        cc_period p;
        char buf[24];
        cc_status st = cc_period_parse(&p, periods[i].text, NULL);

        if (!periods[i].ok) {
            cr_expect(eq(int, st, CC_EINVAL), "'%s'", periods[i].text);
            continue;
        }
        cr_expect(eq(int, st, CC_OK), "'%s'", periods[i].text);
        cr_expect(eq(int, p.n, periods[i].n), "'%s'", periods[i].text);
        cr_expect(eq(int, p.unit, periods[i].unit), "'%s'", periods[i].text);
        cc_period_format(p, buf, sizeof buf);
        cr_expect(
            eq(str, buf, (char *)periods[i].text + (periods[i].text[0] == '+')),
            "format of '%s'", periods[i].text);
    }
}

/* The library says which version it is, as the header does; the statuses
 * are the library's own, each distinct. */
Test(library, version_and_statuses)
{
    const cc_status all[] = {CC_OK,     CC_EINVAL, CC_ECOVERAGE, CC_EIO,
                             CC_EWRITE, CC_ENOMEM, CC_EINTERNAL};

    cr_expect(eq(str, (char *)cc_version(), CASECLOCK_VERSION));
    cr_expect(eq(int, cc_version_number(), CASECLOCK_VERSION_NUMBER));
    cr_expect(eq(int, CASECLOCK_VERSION_NUMBER, 100));
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        for (size_t j = 0; j < i; j++)
            cr_expect(all[i] != all[j], "statuses %zu and %zu are equal", i, j);
}
