/*
 * Date arithmetic against tests/data/arith.tsv: expected answers counted by
 * hand or computed by tests/ref/workdays_ref.py, an independent reference
 * written from the rule text (see the file's header).  One runner walks the
 * table; a failure names the row's line and reason.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"

#define ARITH_FILE "tests/data/arith.tsv"

static cc_ctx *ctx;

static void
setup(void)
{
    cc_error err = {0};

    cr_assert_eq(cc_ctx_new(&ctx, &err), CC_OK, "%s", err.message);
}

static void
teardown(void)
{
    cc_ctx_free(ctx);
}

/* Splits `line` at tabs in place; returns the number of fields. */
static int
split(char *line, char **f, int max)
{
    int n = 0;

    while (n < max) {
        f[n++] = line;
        line = strchr(line, '\t');
        if (!line)
            break;
        *line++ = '\0';
    }
    return n;
}

static cc_status
parse_arg_period(const char *arg, cc_period *p)
{
    int bw = strncmp(arg, "bw:", 3) == 0;
    cc_status st = cc_period_parse(p, bw ? arg + 3 : arg, NULL);

    if (bw)
        p->counting = CC_COUNT_BEGINNING_WITH;
    return st;
}

/* Runs one row; returns 1 if it passed (cr_expect reports failures). */
static int
run_row(int lineno, char **f)
{
    const char *op = f[0], *calname = f[1], *want = f[4], *why = f[6];
    cc_calendar *cal = NULL;
    cc_date from;
    cc_error err = {0};
    cc_status st;
    char got[64] = "", buf[11], alt[11];
    int ok;

    cr_assert_eq(cc_date_parse(&from, f[2], NULL), CC_OK, "line %d: from",
                 lineno);
    if (strcmp(calname, "-") != 0)
        cr_assert_eq(cc_calendar_new(&cal, ctx, calname, NULL), CC_OK,
                     "line %d: calendar %s", lineno, calname);
    if (strcmp(op, "add") == 0) {
        cc_period p;
        cc_calc calc;
        cr_assert_eq(parse_arg_period(f[3], &p), CC_OK, "line %d: period %s",
                     lineno, f[3]);
        st = cc_calc_add(&calc, cal, from, p, &err);
        if (st != CC_OK)
            snprintf(got, sizeof got, "error:%s",
                     st == CC_ECOVERAGE ? "coverage" : "other");
        else if (calc.borderline)
            snprintf(got, sizeof got, "%s borderline:%s",
                     cc_date_format(calc.date, buf),
                     cc_date_format(calc.alt, alt));
        else
            snprintf(got, sizeof got, "%s", cc_date_format(calc.date, buf));
        if (st == CC_OK)
            cc_calc_clear(&calc);
    } else {
        cc_date to;
        long n;
        cr_assert_eq(strcmp(op, "workdays"), 0, "line %d: op %s", lineno, op);
        cr_assert_eq(cc_date_parse(&to, f[3], NULL), CC_OK, "line %d: to",
                     lineno);
        st = cc_workdays_between(&n, cal, from, to, &err);
        if (st != CC_OK)
            snprintf(got, sizeof got, "error:%s",
                     st == CC_ECOVERAGE ? "coverage" : "other");
        else
            snprintf(got, sizeof got, "%ld", n);
    }
    cc_calendar_free(cal);
    ok = strcmp(got, want) == 0;
    cr_expect(ok, "%s:%d: %s %s %s %s: got %s, want %s (%s)", ARITH_FILE,
              lineno, op, calname, f[2], f[3], got, want, why);
    return ok;
}

Test(arith, table, .init = setup, .fini = teardown)
{
    FILE *fp = fopen(ARITH_FILE, "r");
    char line[1024];
    int lineno = 0, rows = 0, hand = 0, passed = 0;

    cr_assert_not_null(fp, "cannot open %s", ARITH_FILE);
    while (fgets(line, sizeof line, fp)) {
        char *f[8];
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        cr_assert_eq(split(line, f, 8), 7, "%s:%d: expected 7 fields",
                     ARITH_FILE, lineno);
        rows++;
        hand += strcmp(f[5], "hand") == 0;
        passed += run_row(lineno, f);
    }
    fclose(fp);
    /* The table must stay as large as the foundation promised. */
    cr_expect_geq(rows, 300, "only %d rows", rows);
    cr_expect_geq(hand, 40, "only %d hand-counted rows", hand);
    cr_log_info("arith: %d of %d rows passed (%d counted by hand)", passed,
                rows, hand);
}

/* A small deterministic generator (xorshift64*): the same cases each run. */
static uint64_t
next_random(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717u;
}

/*
 * workdays(d, add(d, N)) == N, and the result is a working day, for random
 * dates and N in all three divisions, forwards and backwards.
 */
Test(arith, workdays_inverse, .init = setup, .fini = teardown)
{
    uint64_t seed = 0x9e3779b97f4a7c15u;
    cc_date first, last;

    for (size_t k = 0; k < cc_ctx_division_count(ctx); k++) {
        cc_calendar *cal;
        cr_assert_eq(
            cc_calendar_new(&cal, ctx, cc_ctx_division_name(ctx, k), NULL),
            CC_OK);
        cc_calendar_coverage(&first, &last, cal);
        for (int i = 0; i < 20000; i++) {
            /* Stay two years inside the data so the count never runs out. */
            cc_date d =
                first + 730 +
                (cc_date)(next_random(&seed) % (uint64_t)(last - first - 1460));
            long n = (long)(next_random(&seed) % 500) - 250;
            cc_date r;
            long back;
            int work;
            cr_assert_eq(cc_workdays_add(&r, cal, d, n, NULL), CC_OK);
            cr_assert_eq(cc_workdays_between(&back, cal, d, r, NULL), CC_OK);
            if (n > 0) {
                cr_assert_eq(back, n, "%s: d=%d n=%ld",
                             cc_calendar_division(cal), d, n);
            } else if (n < 0) {
                /* Back N working days from d lands on a working day r with
                 * N working days in [r, d): (r-1, d-1]. */
                cr_assert_eq(
                    cc_workdays_between(&back, cal, r - 1, d - 1, NULL), CC_OK);
                cr_assert_eq(back, -n, "%s: d=%d n=%ld",
                             cc_calendar_division(cal), d, n);
            }
            if (n != 0) {
                cr_assert_eq(cc_calendar_is_workday(&work, NULL, cal, r, NULL),
                             CC_OK);
                cr_assert(work, "d=%d n=%ld gave a non-working day", d, n);
            }
        }
        cc_calendar_free(cal);
    }
}
