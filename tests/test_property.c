/*
 * Properties of the reader over random valid decision statements: made
 * here from a seeded generator (the same texts on every run; a failure
 * names its seed), with dates in every accepted form, durations, times,
 * sets, non-ASCII text and all three line ends.
 *
 * For every text: each mention lies inside the text on UTF-8 boundaries,
 * mentions are in text order and never overlap, a day is a real day, the
 * timeline is in date order with its places inside the text (the checks
 * of fuzz/targets.c); a BOM moves every offset by 3 and changes nothing
 * else; CRLF line ends find the same mentions; and through the command,
 * each mention's JSON "text" is exactly the bytes at its offset.
 */
#define _GNU_SOURCE /* mkdtemp, asprintf */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "caseclock.h"
#include "cli_run.h"
#include "targets.h"

/* ------------------------------------------------------------------ */
/* A seeded generator (splitmix64)                                     */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t
next(rng *g)
{
    uint64_t z = (g->s += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* 0 .. n-1 */
static int
pick(rng *g, int n)
{
    return (int)(next(g) % (uint64_t)n);
}

#define ONE_OF(g, arr) ((arr)[pick((g), (int)(sizeof(arr) / sizeof *(arr)))])

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
put(buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    for (;;) {
        va_start(ap, fmt);
        n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
        cr_assert(n >= 0);
        if (b->len + (size_t)n < b->cap)
            break;
        b->cap = (b->cap + (size_t)n) * 2 + 256;
        b->s = realloc(b->s, b->cap);
        cr_assert_not_null(b->s);
    }
    b->len += (size_t)n;
}

static const char *const MONTHS[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
static const char *const WEEKDAYS[] = {"",          "Monday",   "Tuesday",
                                       "Wednesday", "Thursday", "Friday",
                                       "Saturday",  "Sunday"};
static const char *const NUMBER_WORDS[] = {"one", "two",   "three", "four",
                                           "six", "eight", "ten",   "twelve"};

/* A space: mostly ' ', sometimes a tab or a no-break space. */
static const char *
space(rng *g)
{
    int k = pick(g, 20);

    return k == 0 ? "\t" : k == 1 ? "\xC2\xA0" : " ";
}

/* A random real day in 1995-2029. */
static void
random_day(rng *g, int *y, int *m, int *d)
{
    *y = 1995 + pick(g, 35);
    *m = 1 + pick(g, 12);
    *d = 1 + pick(g, cc_days_in_month(*y, *m));
}

static void
put_date(buf *b, rng *g)
{
    int y, m, d;
    cc_date day;
    const char *sp = space(g);

    random_day(g, &y, &m, &d);
    cr_assert(eq(int, cc_date_from_ymd(&day, y, m, d, NULL), CC_OK));
    switch (pick(g, 16)) {
    case 0:
        put(b, "%d%s%s%s%d", d, sp, MONTHS[m - 1], sp, y);
        break;
    case 1:
        put(b, "%d%s %s %d", d,
            d % 10 == 1 && d != 11   ? "st"
            : d % 10 == 2 && d != 12 ? "nd"
            : d % 10 == 3 && d != 13 ? "rd"
                                     : "th",
            MONTHS[m - 1], y);
        break;
    case 2:
        put(b, "%s %d, %d", MONTHS[m - 1], d, y);
        break;
    case 3:
        put(b, "%s %d %s %d", WEEKDAYS[cc_date_weekday(day)], d, MONTHS[m - 1],
            y);
        break;
    case 4:
        put(b, "%02d/%02d/%d", d, m, y);
        break;
    case 5:
        put(b, "%d-%02d-%02d", y, m, d);
        break;
    case 6:
        put(b, "%s %d", MONTHS[m - 1], y);
        break;
    case 7:
        put(b, "%d %s", d, MONTHS[m - 1]);
        break;
    case 8:
        put(b, "%s %d",
            ONE_OF(g, ((const char *const[]){"early", "late", "mid-",
                                             "the end of"})),
            y);
        break;
    case 9:
        put(b, "%s",
            ONE_OF(g, ((const char *const[]){"the following day",
                                             "the next day", "two weeks later",
                                             "the same day", "a month later",
                                             "the following Monday"})));
        break;
    case 10:
        put(b, "%s %d",
            ONE_OF(g, ((const char *const[]){"summer", "spring", "autumn",
                                             "winter"})),
            y);
        break;
    case 11:
        put(b, "the %ds", (y / 10) * 10);
        break;
    case 12:
        put(b, "%.3s %d %d", MONTHS[m - 1], d, y);
        break;
    case 13:
        put(b, "%d %.3s %d", d, MONTHS[m - 1], y);
        break;
    case 14:
        put(b, "%d/%02d", y, (y + 1) % 100);
        break;
    default:
        put(b, "in %s", MONTHS[m - 1]);
        break;
    }
}

static void
put_other_time(buf *b, rng *g)
{
    switch (pick(g, 10)) {
    case 0:
        put(b, "%d working days", 1 + pick(g, 40));
        break;
    case 1:
        put(b, "%s weeks", ONE_OF(g, NUMBER_WORDS));
        break;
    case 2:
        put(b, "%s",
            ONE_OF(g, ((const char *const[]){
                          "a fortnight", "over a year", "almost four months",
                          "more than 12 months", "1 hour and 37 minutes",
                          "two and a half years", "several months"})));
        break;
    case 3:
        put(b, "%d.%02d %s", 1 + pick(g, 12), 5 * pick(g, 12),
            pick(g, 2) ? "pm" : "am");
        break;
    case 4:
        put(b, "%02d:%02d", pick(g, 24), pick(g, 60));
        break;
    case 5:
        put(b, "%s",
            ONE_OF(g, ((const char *const[]){"weekly", "fortnightly",
                                             "every six months", "once a week",
                                             "three times a week"})));
        break;
    case 6:
        put(b, "%d days", 1 + pick(g, 90));
        break;
    case 7:
        put(b, "within %d months of", 1 + pick(g, 24));
        break;
    case 8:
        put(b, "noon");
        break;
    default:
        put(b, "%d years", 1 + pick(g, 20));
        break;
    }
}

/* Words that are not times, some of them close to being times. */
static const char *const FILLER[] = {"the council",
                                     "Mrs X",
                                     "complained",
                                     "said",
                                     "it would",
                                     "reply",
                                     "£450",
                                     "section 26B",
                                     "the Children Act 1989",
                                     "paragraph 14",
                                     "the Council’s",
                                     "café",
                                     "naïve",
                                     "😀",
                                     "中文",
                                     "“quoted”",
                                     "(19 006 719)",
                                     "aged 15",
                                     "two social workers",
                                     "the third meeting",
                                     "Stage 2",
                                     "—",
                                     "now",
                                     "at that time",
                                     "SI 2006/1738",
                                     "a 15-year-old",
                                     "£1,200",
                                     "Mr Y’s",
                                     "out-of-date",
                                     "COVID-19",
                                     "in future"};

static void
put_sentence(buf *b, rng *g)
{
    int n = 3 + pick(g, 10);

    put(b, "%s", pick(g, 3) ? "On " : "");
    for (int i = 0; i < n; i++) {
        int k = pick(g, 6);
        if (i)
            put(b, "%s", space(g));
        if (k == 0)
            put_date(b, g);
        else if (k == 1)
            put_other_time(b, g);
        else
            put(b, "%s", ONE_OF(g, FILLER));
    }
    put(b, "%s",
        ONE_OF(g, ((const char *const[]){".", ".", ";", ",", ":", "?", ". ",
                                         ".  "})));
}

static const char *
line_end(rng *g, int style)
{
    if (style == 3)
        style = pick(g, 3);
    return style == 0 ? "\n" : style == 1 ? "\r\n" : "\r";
}

/* A decision-like text for `seed`; `style` 0 LF, 1 CRLF, 2 CR, 3 mixed. */
static char *
generate(uint64_t seed, int style, size_t *len)
{
    static const char *const headings[] = {
        "The complaint",
        "What I found",
        "Legal and administrative background",
        "Final decision",
        "Agreed action",
        "How I considered this complaint"};
    rng g = {seed * 7919 + 1};
    buf b = {0};
    int y, m, d;

    put(&b, "%s", "");
    if (pick(&g, 2)) {
        random_day(&g, &y, &m, &d);
        put(&b, "Midshire County Council (%02d %03d %03d)%s%s", pick(&g, 25),
            pick(&g, 1000), pick(&g, 1000), line_end(&g, style),
            line_end(&g, style));
        put(&b, "Category : Children's care services > Other%s%s",
            line_end(&g, style), line_end(&g, style));
        put(&b, "Decision : Upheld%s%s", line_end(&g, style),
            line_end(&g, style));
        put(&b, "Decision date : %d %.3s %d%s%s", d, MONTHS[m - 1], y,
            line_end(&g, style), line_end(&g, style));
    }
    for (int s = 0, ns = 1 + pick(&g, 4), para = 1; s < ns; s++) {
        put(&b, "%s%s%s", ONE_OF(&g, headings), line_end(&g, style),
            pick(&g, 2) ? line_end(&g, style) : "");
        for (int p = 0, np = 1 + pick(&g, 5); p < np; p++) {
            if (pick(&g, 2))
                put(&b, "  %d. ", para++);
            for (int k = 0, nk = 1 + pick(&g, 4); k < nk; k++) {
                put(&b, "%s", k ? " " : "");
                put_sentence(&b, &g);
            }
            put(&b, "%s", line_end(&g, style));
            if (pick(&g, 2))
                put(&b, "%s", line_end(&g, style));
        }
    }
    *len = b.len;
    return b.s;
}

/* ------------------------------------------------------------------ */

static cc_ctx *ctx;

static void
setup(void)
{
    cr_assert(eq(int, cc_ctx_new(&ctx, NULL), CC_OK));
}

static void
teardown(void)
{
    cc_ctx_free(ctx);
}

enum { NSEEDS = 400 };

Test(property, promises_hold, .init = setup, .fini = teardown)
{
    size_t total = 0;

    for (uint64_t seed = 1; seed <= NSEEDS; seed++) {
        size_t len;
        char *text = generate(seed, (int)(seed % 4), &len);
        const char *bad = cc_fuzz_doc(ctx, (const uint8_t *)text, len);
        cc_doc *doc;
        cr_expect(bad == NULL, "seed %llu: %s", (unsigned long long)seed, bad);
        if (cc_doc_read(&doc, ctx, text, len, "gen", NULL) == CC_OK) {
            total += cc_doc_mention_count(doc);
            cc_doc_free(doc);
        }
        free(text);
    }
    /* The generator does make what the property is about. */
    cr_expect(total > NSEEDS * 5, "only %zu mentions in %d texts", total,
              NSEEDS);
}

static cc_doc *
read_doc(const char *text, size_t len, uint64_t seed)
{
    cc_doc *doc = NULL;
    cc_error err = {0};

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, len, "gen", &err), CC_OK),
              "seed %llu: %s", (unsigned long long)seed, err.message);
    return doc;
}

Test(property, bom_moves_offsets_by_three, .init = setup, .fini = teardown)
{
    for (uint64_t seed = 1; seed <= NSEEDS / 4; seed++) {
        size_t len;
        char *text = generate(seed, (int)(seed % 4), &len);
        char *bom = malloc(len + 3);
        cc_doc *a, *b;

        cr_assert_not_null(bom);
        memcpy(bom, "\xEF\xBB\xBF", 3);
        memcpy(bom + 3, text, len);
        a = read_doc(text, len, seed);
        b = read_doc(bom, len + 3, seed);
        cr_assert(eq(sz, cc_doc_mention_count(b), cc_doc_mention_count(a)),
                  "seed %llu", (unsigned long long)seed);
        for (size_t i = 0; i < cc_doc_mention_count(a); i++) {
            const cc_mention *x = cc_doc_mention(a, i),
                             *y = cc_doc_mention(b, i);
            cr_expect(eq(sz, y->offset, x->offset + 3), "seed %llu mention %zu",
                      (unsigned long long)seed, i);
            cr_expect(eq(sz, y->length, x->length));
            cr_expect(eq(str, (char *)y->value, (char *)x->value),
                      "seed %llu mention %zu", (unsigned long long)seed, i);
        }
        cc_doc_free(a);
        cc_doc_free(b);
        free(bom);
        free(text);
    }
}

/* The same text with LF and with CRLF line ends: the same mentions, with
 * the same values and, CRs aside, the same words. */
Test(property, crlf_finds_the_same, .init = setup, .fini = teardown)
{
    for (uint64_t seed = 1; seed <= NSEEDS / 4; seed++) {
        size_t la, lb;
        char *lf = generate(seed, 0, &la), *crlf = generate(seed, 1, &lb);
        cc_doc *a = read_doc(lf, la, seed), *b = read_doc(crlf, lb, seed);

        cr_expect(eq(sz, cc_doc_mention_count(b), cc_doc_mention_count(a)),
                  "seed %llu", (unsigned long long)seed);
        for (size_t i = 0;
             i < cc_doc_mention_count(a) && i < cc_doc_mention_count(b); i++) {
            const cc_mention *x = cc_doc_mention(a, i),
                             *y = cc_doc_mention(b, i);
            char wx[256] = "", wy[256] = "";
            size_t k = 0;
            /* the offsets index the texts as read */
            const char *ta = cc_doc_text(a, NULL), *tb = cc_doc_text(b, NULL);
            for (size_t j = 0; j < y->length && k + 1 < sizeof wy; j++)
                if (tb[y->offset + j] != '\r')
                    wy[k++] = tb[y->offset + j];
            wy[k] = '\0';
            snprintf(wx, sizeof wx, "%.*s", (int)x->length, ta + x->offset);
            cr_expect(eq(str, wy, wx), "seed %llu mention %zu",
                      (unsigned long long)seed, i);
            cr_expect(eq(str, (char *)y->value, (char *)x->value),
                      "seed %llu mention %zu '%s'", (unsigned long long)seed, i,
                      wx);
        }
        cc_doc_free(a);
        cc_doc_free(b);
        free(lf);
        free(crlf);
    }
}

/* Through the command: "text" is the bytes at "offset", "length" long. */
Test(property, json_text_is_the_bytes, .init = setup, .fini = teardown)
{
    for (uint64_t seed = 1; seed <= 24; seed++) {
        size_t len, i;
        char *text = generate(seed, (int)(seed % 4), &len);
        json_t *root, *m;
        cli_result r;

        cli_run(&r, (const char *const[]){"dates", "-", NULL}, text);
        cr_assert(eq(int, r.status, 0), "seed %llu: %s",
                  (unsigned long long)seed, r.err);
        root = json_loads(r.out, 0, NULL);
        cr_assert_not_null(root, "seed %llu", (unsigned long long)seed);
        json_array_foreach(json_object_get(root, "mentions"), i, m)
        {
            size_t off =
                (size_t)json_integer_value(json_object_get(m, "offset"));
            size_t n = (size_t)json_integer_value(json_object_get(m, "length"));
            const char *t = json_string_value(json_object_get(m, "text"));
            int same = t && off <= len && n <= len - off && strlen(t) == n &&
                       memcmp(t, text + off, n) == 0;
            cr_expect(same, "seed %llu mention %zu: '%s' at %zu+%zu",
                      (unsigned long long)seed, i, t, off, n);
        }
        json_decref(root);
        cli_result_free(&r);
        free(text);
    }
}
