/* Periods as written on the command line and in rules.json: "10wd". */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "caseclock.h"
#include "error.h"

/* The unit suffixes, longest first so "wd" wins over "d". */
static const struct {
    const char *suffix;
    cc_unit unit;
} units[] = {
    {"wd", CC_UNIT_WORKDAY}, {"d", CC_UNIT_DAY},  {"w", CC_UNIT_WEEK},
    {"m", CC_UNIT_MONTH},    {"y", CC_UNIT_YEAR},
};

/* Larger periods than this are nonsense in any statute (and keep sums
 * of days well inside int32 when multiplied by 7 or 12). */
#define PERIOD_MAX 100000

cc_status
cc_period_parse(cc_period *out, const char *text, cc_error *err)
{
    const char *p = text;
    long n = 0;
    int sign = 1, digits = 0;

    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    while (isdigit((unsigned char)*p)) {
        if (n <= PERIOD_MAX)
            n = n * 10 + (*p - '0');
        p++;
        digits++;
    }
    if (!digits)
        return cc_error__fail(err, CC_EINVAL,
                              "invalid period '%s': expected a number and a "
                              "unit such as 10wd, 15d, 4w, 3m or 1y",
                              text);
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        if (strcmp(p, units[i].suffix) == 0) {
            if (n > PERIOD_MAX)
                return cc_error__fail(err, CC_EINVAL,
                                      "invalid period '%s': more than %d", text,
                                      PERIOD_MAX);
            out->n = (int)(sign * n);
            out->unit = units[i].unit;
            out->counting = CC_COUNT_AFTER;
            return CC_OK;
        }
    }
    return cc_error__fail(err, CC_EINVAL,
                          "invalid period '%s': unknown unit '%s' (use d, w, "
                          "m, y or wd)",
                          text, p);
}

char *
cc_period_format(cc_period p, char *buf, size_t size)
{
    const char *suffix = "";

    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (units[i].unit == p.unit)
            suffix = units[i].suffix;
    snprintf(buf, size, "%d%s", p.n, suffix);
    return buf;
}

const char *
cc_unit_words(cc_unit unit, long n)
{
    switch (unit) {
    case CC_UNIT_DAY:
        return n == 1 ? "day" : "days";
    case CC_UNIT_WEEK:
        return n == 1 ? "week" : "weeks";
    case CC_UNIT_MONTH:
        return n == 1 ? "month" : "months";
    case CC_UNIT_YEAR:
        return n == 1 ? "year" : "years";
    case CC_UNIT_WORKDAY:
        return n == 1 ? "working day" : "working days";
    }
    return "";
}
