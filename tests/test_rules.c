/* The timescale rules: the built-in set, and malformed rules data. */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"
#include "read_file.h"

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

/* Rows read by hand off the statutory sources of each rule (see
 * docs/timescales.md), not from rules.json. */
static const struct {
    const char *id, *period;
    cc_counting counting;
    const char *calendar;
    cc_confidence conf;
} want[] = {
    {"lga1974.s26b.late-complaint", "12m", CC_COUNT_BEGINNING_WITH, "calendar",
     CC_CONF_CONFIRMED},
    {"ca1989.complaints.stage1", "10wd", CC_COUNT_AFTER, "wd.ca2006",
     CC_CONF_BELIEVED},
    {"ca1989.complaints.stage2", "25wd", CC_COUNT_AFTER, "wd.ca2006",
     CC_CONF_BELIEVED},
    {"ca1989.complaints.stage2-request", "20wd", CC_COUNT_AFTER, "wd.ca2006",
     CC_CONF_UNCERTAIN},
    {"ca1989.complaints.panel-meets", "30wd", CC_COUNT_AFTER, "wd.ca2006",
     CC_CONF_CONFIRMED},
    {"wt.icpc", "15wd", CC_COUNT_AFTER, "wd.ew", CC_CONF_CONFIRMED},
    {"wt2018.icpc", "15wd", CC_COUNT_AFTER, "wd.ew", CC_CONF_CONFIRMED},
    {"wt.rcpc.first", "3m", CC_COUNT_AFTER, "calendar", CC_CONF_CONFIRMED},
    {"wt.rcpc.subsequent", "6m", CC_COUNT_AFTER, "calendar", CC_CONF_CONFIRMED},
    {"lassnhs2009.response", "6m", CC_COUNT_BEGINNING_WITH, "calendar",
     CC_CONF_BELIEVED},
    {"homeless.review.s202", "21d", CC_COUNT_BEGINNING_WITH, "calendar",
     CC_CONF_CONFIRMED},
    {"send2014.ehcp.final-plan", "20w", CC_COUNT_AFTER, "calendar",
     CC_CONF_CONFIRMED},
};

Test(rules, builtin, .init = setup, .fini = teardown)
{
    cr_expect(cc_ctx_rule_count(ctx) >= 50, "%zu rules",
              cc_ctx_rule_count(ctx));
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const cc_rule *r = cc_ctx_rule_find(ctx, want[i].id);
        char p[24];

        cr_assert_not_null(r, "%s", want[i].id);
        cr_expect(eq(str, cc_period_format(r->period, p, sizeof p),
                     (char *)want[i].period),
                  "%s", want[i].id);
        cr_expect(eq(int, r->period.counting, want[i].counting), "%s",
                  want[i].id);
        cr_expect(eq(str, (char *)r->calendar, (char *)want[i].calendar), "%s",
                  want[i].id);
        cr_expect(eq(int, r->confidence, want[i].conf), "%s", want[i].id);
        cr_expect(strlen(r->source) > 0, "%s has a source", want[i].id);
    }
    cr_expect_null(cc_ctx_rule_find(ctx, "no.such.rule"));
    /* The stage 1 extension to 20 working days. */
    const cc_rule *s1 = cc_ctx_rule_find(ctx, "ca1989.complaints.stage1");
    cr_assert(eq(sz, s1->nextensions, 1));
    cr_expect(eq(int, s1->extensions[0].period.n, 20));
}

/* The worked examples of timescales.md section 4, through the rules. */
static const struct {
    const char *rule, *from, *want;
} examples[] = {
    {"lga1974.s26b.late-complaint", "2023-03-15", "2024-03-14"},
    {"ca1989.complaints.stage1", "2024-03-20", "2024-04-05"},
    {"ca1989.complaints.stage2", "2023-12-11", "2024-01-18"},
    {"wt.rcpc.first", "2023-11-30", "2024-02-29"},
    {"wt.rcpc.subsequent", "2024-02-29", "2024-08-29"},
    {"wt.rcpc.first", "2024-08-31", "2024-11-30"},
    {"wt.rcpc.subsequent", "2024-11-30", "2025-05-30"},
    {"homeless.review.s202", "2024-12-20", "2025-01-09"},
    {"homeless.review.decision", "2025-01-09", "2025-03-05"},
    {"homeless.appeal.s204", "2024-12-20", "2025-01-10"},
    {"send2014.assess-decision", "2024-01-15", "2024-02-26"},
    {"send2014.ehcp.final-plan", "2024-01-15", "2024-06-03"},
};

Test(rules, worked_examples, .init = setup, .fini = teardown)
{
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        const cc_rule *r = cc_ctx_rule_find(ctx, examples[i].rule);
        cc_calendar *cal = NULL;
        cc_date from;
        cc_calc calc;
        char buf[11];

        cr_assert_not_null(r, "%s", examples[i].rule);
        cr_assert(eq(int, cc_date_parse(&from, examples[i].from, NULL), CC_OK));
        if (*r->division)
            cr_assert(
                eq(int, cc_calendar_new(&cal, ctx, r->division, NULL), CC_OK));
        cr_assert(
            eq(int, cc_calc_add(&calc, cal, from, r->period, NULL), CC_OK),
            "%s", examples[i].rule);
        cr_expect(
            eq(str, cc_date_format(calc.date, buf), (char *)examples[i].want),
            "%s from %s", examples[i].rule, examples[i].from);
        cc_calc_clear(&calc);
        cc_calendar_free(cal);
    }
}

#define CALS                                                                   \
    "\"calendars\": {\"calendar\": {\"division\": \"\"}, "                     \
    "\"wd.ew\": {\"division\": \"england-and-wales\"}}"

/* Malformed rules data: each names the line and the problem. */
static const struct {
    const char *json;
    int line;
    const char *message;
} bad[] = {
    {"{\"rules\": [", 1, "end of file"},
    {"{\"rules\": []}", 1, "'calendars'"},
    {"{\"rules\": [\n{\"id\": \"x\",\n\"title\": 5}], " CALS "}", 2,
     "must be a string: 'title'"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10q\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\"}], " CALS "}",
     2, "unknown unit 'q'"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10wd\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\"}], " CALS "}",
     2, "working days need a calendar with a division"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"before\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\"}], " CALS "}",
     2, "unknown counting 'before'"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"moon\", \"confidence\": \"C\"}], " CALS "}",
     2, "unknown calendar 'moon'"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\"},\n{\"id\": \"x\", "
     "\"title\": \"t\", \"source\": \"s\", \"trigger\": \"t\", \"period\": "
     "\"10d\", \"counting\": \"after\", \"calendar\": \"calendar\", "
     "\"confidence\": \"C\"}], " CALS "}",
     2, "duplicate id"},
    /* A complaint stage's act names an event kind of the chronology. */
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\", \"engage\": "
     "{\"check\": \"complaint-stage\", \"act\": {\"kind\": "
     "\"teleport\"}}}], " CALS "}",
     2, "unknown event kind"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\", \"engage\": "
     "{\"check\": \"complaint-stage\", \"act\": {\"in\": \"margin\"}}}], " CALS
     "}",
     2, "unknown place for an act's words"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\", \"engage\": "
     "{\"check\": \"complaint-stage\", \"search_from\": \"x\"}}], " CALS "}",
     2, "unknown search_from"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\", \"engage\": "
     "{\"check\": \"complaint-stage\", \"search_from\": \"trigger-of "
     "y\"}}], " CALS "}",
     2, "names an unknown rule"},
    {"{\"rules\": [\n{\"id\": \"x\", \"title\": \"t\", \"source\": \"s\", "
     "\"trigger\": \"t\", \"period\": \"10d\", \"counting\": \"after\", "
     "\"calendar\": \"calendar\", \"confidence\": \"C\", \"engage\": "
     "{\"check\": \"remedy\", \"kinds\": [{\"id\": \"apology\", "
     "\"words\": [\"Apolog*\"]}]}}], " CALS "}",
     2, "lower case"},
};

Test(rules, malformed, .init = setup, .fini = teardown)
{
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cc_error err = {0};
        cc_status st = cc_ctx_load_rules(ctx, bad[i].json, strlen(bad[i].json),
                                         "rules.json", &err);
        cr_expect(eq(int, st, CC_EINVAL), "case %zu", i);
        cr_expect(eq(str, err.source, "rules.json"), "case %zu", i);
        cr_expect(eq(int, err.line, bad[i].line), "case %zu: %s", i,
                  err.message);
        cr_expect(strstr(err.message, bad[i].message) != NULL,
                  "case %zu: '%s' lacks '%s'", i, err.message, bad[i].message);
    }
    /* A failed load leaves the built-in rules in place. */
    cr_expect_not_null(cc_ctx_rule_find(ctx, "wt.icpc"));
}

/* The built-in rules and lexicon are parsed at their first use; threads
 * sharing a new context all make that first use at once, and each gets
 * every rule and the same timeline as a context used by one thread. */
typedef struct first_use {
    const cc_ctx *ctx;
    const char *text;
    size_t len;
    size_t nrules;
    char *json; /* new */
    size_t json_len;
} first_use;

static int
collect(void *userdata, const char *data, size_t len)
{
    first_use *u = userdata;
    char *p = realloc(u->json, u->json_len + len + 1);

    if (!p)
        return -1;
    memcpy(p + u->json_len, data, len);
    u->json = p;
    u->json_len += len;
    p[u->json_len] = '\0';
    return 0;
}

static void *
use_first(void *arg)
{
    first_use *u = arg;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;

    if (cc_doc_read(&doc, u->ctx, u->text, u->len, "seed", NULL) == CC_OK &&
        cc_timeline_new(&tl, u->ctx, doc, NULL) == CC_OK)
        cc_timeline_write_json(tl, doc, NULL, collect, u, NULL);
    u->nrules = cc_ctx_rule_count(u->ctx);
    cc_timeline_free(tl);
    cc_doc_free(doc);
    return NULL;
}

Test(rules, first_use_from_threads)
{
    enum { N = 4 };
    first_use one = {0}, many[N];
    pthread_t t[N];
    cc_ctx *alone, *shared;
    size_t len;
    char *text = cc_test_read_file("fixtures/seed-18-016-293/input.txt", &len);

    cr_assert_not_null(text);
    cr_assert(eq(int, cc_ctx_new(&alone, NULL), CC_OK));
    cr_assert(eq(int, cc_ctx_new(&shared, NULL), CC_OK));
    one = (first_use){alone, text, len, 0, NULL, 0};
    use_first(&one);
    cr_assert_not_null(one.json);
    cr_expect(gt(sz, one.nrules, 50));
    for (int i = 0; i < N; i++) {
        many[i] = (first_use){shared, text, len, 0, NULL, 0};
        cr_assert(eq(int, pthread_create(&t[i], NULL, use_first, &many[i]), 0));
    }
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        cr_expect(eq(sz, many[i].nrules, one.nrules), "thread %d", i);
        cr_expect(many[i].json && strcmp(many[i].json, one.json) == 0,
                  "thread %d: its timeline differs", i);
        free(many[i].json);
    }
    free(one.json);
    free(text);
    cc_ctx_free(shared);
    cc_ctx_free(alone);
}
