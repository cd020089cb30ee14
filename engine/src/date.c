/*
 * cc_date: days since 1970-01-01 in the proleptic Gregorian calendar.
 * Conversions use the era arithmetic of H. Hinnant's "chrono-Compatible
 * Low-Level Date Algorithms" (days_from_civil, civil_from_days).  Month and
 * year arithmetic lives in calendar.c (ICU).
 */
#include "date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

const char *const cc_date__month_names[13] = {
    "",     "January", "February",  "March",   "April",    "May",     "June",
    "July", "August",  "September", "October", "November", "December"};

const char *const cc_date__month_abbrevs[13] = {
    "",    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const char *const cc_date__weekday_names[8] = {
    "",         "Monday", "Tuesday",  "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday"};

int
cc_date__is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int
cc_days_in_month(int year, int month)
{
    static const int days[13] = {0,  31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};

    if (month < 1 || month > 12)
        return 0;
    if (month == 2 && cc_date__is_leap(year))
        return 29;
    return days[month];
}

cc_date
cc_date__from_ymd_unchecked(int year, int month, int day)
{
    /* Years start in March so that the leap day ends the year. */
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400; /* 0..399 */
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* 0..146096 */

    /* |era| <= 25 for years 1..9999, so this cannot overflow int32. */
    return (cc_date)(era * DAYS_PER_400_YEARS + doe - 719468);
}

void
cc_date_to_ymd(cc_date d, int *year, int *month, int *day)
{
    int z = d + 719468;
    int era = (z >= 0 ? z : z - (DAYS_PER_400_YEARS - 1)) / DAYS_PER_400_YEARS;
    int doe = z - era * DAYS_PER_400_YEARS;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int dd = doy - (153 * mp + 2) / 5 + 1;
    int mm = mp < 10 ? mp + 3 : mp - 9;
    int yy = yoe + era * 400 + (mm <= 2);

    if (year)
        *year = yy;
    if (month)
        *month = mm;
    if (day)
        *day = dd;
}

int
cc_date_weekday(cc_date d)
{
    /* 1970-01-01 was a Thursday (4). */
    int w = (int)(((int64_t)d + 3) % DAYS_PER_WEEK);

    if (w < 0)
        w += DAYS_PER_WEEK;
    return w + 1;
}

cc_status
cc_date_from_ymd(cc_date *out, int year, int month, int day, cc_error *err)
{
    char shown[48];

    snprintf(shown, sizeof shown, "%04d-%02d-%02d", year, month, day);
    if (year < CC_YEAR_MIN || year > CC_YEAR_MAX)
        return cc_error__fail(err, CC_EINVAL,
                              "invalid date '%s': year %d is outside %d-%d",
                              shown, year, CC_YEAR_MIN, CC_YEAR_MAX);
    if (month < 1 || month > 12)
        return cc_error__fail(err, CC_EINVAL,
                              "invalid date '%s': there is no month %d", shown,
                              month);
    if (day < 1 || day > cc_days_in_month(year, month))
        return cc_error__fail(
            err, CC_EINVAL, "invalid date '%s': %s %d has %d days", shown,
            cc_date__month_names[month], year, cc_days_in_month(year, month));
    *out = cc_date__from_ymd_unchecked(year, month, day);
    return CC_OK;
}

char *
cc_date_format(cc_date d, char buf[11])
{
    int y, m, dd;

    /* Digit by digit: the width is known, and no format can overflow. */
    if (d < CC_DATE_FIRST || d > CC_DATE_LAST) {
        memcpy(buf, "XXXX-XX-XX", 11);
        return buf;
    }
    cc_date_to_ymd(d, &y, &m, &dd);
    buf[0] = (char)('0' + y / 1000);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + m / 10);
    buf[6] = (char)('0' + m % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + dd / 10);
    buf[9] = (char)('0' + dd % 10);
    buf[10] = '\0';
    return buf;
}

char *
cc_date_format_long(cc_date d, char *buf, size_t size)
{
    int y, m, dd;

    cc_date_to_ymd(d, &y, &m, &dd);
    /* Four digits at least, as cc_date_parse wants: "1 January 0001". */
    snprintf(buf, size, "%s %d %s %04d",
             cc_date__weekday_names[cc_date_weekday(d)], dd,
             cc_date__month_names[m], y);
    return buf;
}

/* Does s[0..len) equal the first `len` letters of `name`, ignoring case? */
static int
prefix_ci(const char *s, size_t len, const char *name)
{
    size_t n = strlen(name);

    if (len > n)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)name[i]))
            return 0;
    return 1;
}

int
cc_date__month_from_name(const char *s, size_t len)
{
    for (int m = 1; m <= 12; m++) {
        const char *name = cc_date__month_names[m];
        /* The full name, its three-letter form, or "Sept". */
        if ((len == strlen(name) || len == 3 || (m == 9 && len == 4)) &&
            prefix_ci(s, len, name))
            return m;
    }
    return 0;
}

int
cc_date__weekday_from_name(const char *s, size_t len)
{
    for (int w = 1; w <= 7; w++) {
        const char *name = cc_date__weekday_names[w];
        if ((len == strlen(name) || len == 3) && prefix_ci(s, len, name))
            return w;
    }
    return 0;
}

/* A word of letters at *p; returns its length and advances. */
static size_t
take_word(const char **p)
{
    const char *s = *p;

    while (isalpha((unsigned char)**p))
        (*p)++;
    return (size_t)(*p - s);
}

/* A run of at most `max` digits at *p as a number; -1 if none. */
static int
take_number(const char **p, int max)
{
    int v = 0, n = 0;

    while (isdigit((unsigned char)**p) && n < max) {
        v = v * 10 + (**p - '0');
        (*p)++;
        n++;
    }
    if (n == 0 || isdigit((unsigned char)**p))
        return -1;
    return v;
}

static void
skip_spaces(const char **p)
{
    while (**p == ' ' || **p == '\t' || **p == ',')
        (*p)++;
}

/* Steps over "st", "nd", "rd" or "th" after a day number, if there; 0 when
 * another word follows the number directly. */
static int
skip_ordinal_suffix(const char **p)
{
    const char *w = *p;
    size_t n = take_word(p);

    return n == 0 ||
           (n == 2 && (prefix_ci(w, 2, "st") || prefix_ci(w, 2, "nd") ||
                       prefix_ci(w, 2, "rd") || prefix_ci(w, 2, "th")));
}

/* "2019-03-22" */
static int
parse_iso(const char *s, int *y, int *m, int *d)
{
    const char *p = s;

    if ((*y = take_number(&p, 4)) < 0 || p - s != 4 || *p++ != '-')
        return 0;
    if ((*m = take_number(&p, 2)) < 0 || *p++ != '-')
        return 0;
    if ((*d = take_number(&p, 2)) < 0 || *p != '\0')
        return 0;
    return 1;
}

/* "[Weekday] 22[nd] March 2019" or "[Weekday] March 22[nd], 2019". */
static int
parse_words(const char *s, int *y, int *m, int *d, int *wd)
{
    const char *p = s, *w;
    size_t n;

    *wd = 0;
    skip_spaces(&p);
    w = p;
    n = take_word(&p);
    if (n && (*wd = cc_date__weekday_from_name(w, n)) != 0) {
        skip_spaces(&p);
        w = p;
        n = take_word(&p);
    }
    if (n) { /* month first */
        if (!(*m = cc_date__month_from_name(w, n)))
            return 0;
        if (*p == '.')
            p++;
        skip_spaces(&p);
        if ((*d = take_number(&p, 2)) < 0 || !skip_ordinal_suffix(&p))
            return 0;
    } else { /* day first */
        if ((*d = take_number(&p, 2)) < 0 || !skip_ordinal_suffix(&p))
            return 0;
        skip_spaces(&p);
        w = p;
        n = take_word(&p);
        if (!(*m = cc_date__month_from_name(w, n)))
            return 0;
        if (*p == '.')
            p++;
    }
    skip_spaces(&p);
    w = p;
    if ((*y = take_number(&p, 5)) < 0 || p - w < 4)
        return 0;
    skip_spaces(&p);
    return *p == '\0';
}

cc_status
cc_date_parse(cc_date *out, const char *text, cc_error *err)
{
    int y, m, d, wd = 0;
    cc_status st;

    if (!parse_iso(text, &y, &m, &d) && !parse_words(text, &y, &m, &d, &wd))
        return cc_error__fail(err, CC_EINVAL,
                              "invalid date '%s': expected YYYY-MM-DD or a "
                              "day, month and year such as 22 March 2019",
                              text);
    if (y < CC_YEAR_MIN || y > CC_YEAR_MAX)
        return cc_error__fail(err, CC_EINVAL,
                              "invalid date '%s': year %d is outside %d-%d",
                              text, y, CC_YEAR_MIN, CC_YEAR_MAX);
    if (m < 1 || m > 12)
        return cc_error__fail(
            err, CC_EINVAL, "invalid date '%s': there is no month %d", text, m);
    if (d < 1 || d > cc_days_in_month(y, m))
        return cc_error__fail(
            err, CC_EINVAL, "invalid date '%s': %s %d has %d days", text,
            cc_date__month_names[m], y, cc_days_in_month(y, m));
    st = cc_date_from_ymd(out, y, m, d, err);
    if (st == CC_OK && wd && cc_date_weekday(*out) != wd)
        return cc_error__fail(err, CC_EINVAL,
                              "invalid date '%s': %d %s %d is a %s, not a %s",
                              text, d, cc_date__month_names[m], y,
                              cc_date__weekday_names[cc_date_weekday(*out)],
                              cc_date__weekday_names[wd]);
    return st;
}
