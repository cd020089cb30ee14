/*
 * What every check shares: making deadlines, computing due intervals on
 * both ends of a vague trigger, judging them, and the words around them.
 */
#include "checks/common.h"

#include "ctx.h"
#include "doc.h"
#include "error.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
cc_check__has(const char *text, size_t from, size_t to, const char *word)
{
    return cc_words__find(text, from, to, word) != NONE;
}

int
cc_check__has_any(const char *text, size_t from, size_t to,
                  const char *const *words)
{
    /* The span read once; a word whose start it lacks is not looked for. */
    cc_initials have = cc_words__initials(text, from, to);

    return cc_check__has_any_with(text, from, to, &have, words);
}

int
cc_check__has_any_with(const char *text, size_t from, size_t to,
                       const cc_initials *have, const char *const *words)
{
    for (; *words; words++) {
        cc_initials need = cc_words__needs_word(*words);
        if (cc_words__covers(have, &need) &&
            cc_check__has(text, from, to, *words))
            return 1;
    }
    return 0;
}

const char *
cc_check__iso(cc_date d, char buf[11])
{
    return cc_date_format(d, buf);
}

/* "2022-02-01 to 2022-02-28", or one date when they are equal. */
const char *
cc_check__span_text(cc_date a, cc_date b, char *buf, size_t size)
{
    char x[11], y[11];

    if (a == b)
        snprintf(buf, size, "%s", cc_check__iso(a, x));
    else
        snprintf(buf, size, "between %s and %s", cc_check__iso(a, x),
                 cc_check__iso(b, y));
    return buf;
}

const char *
cc_check__count_text(long lo, long hi, const char *one, const char *many,
                     char *buf, size_t size)
{
    if (lo == hi)
        snprintf(buf, size, "%ld %s", lo, lo == 1 || lo == -1 ? one : many);
    else
        snprintf(buf, size, "%ld to %ld %s", lo, hi, many);
    return buf;
}

/* "by 2022-02-28", or "between 2022-02-01 and 2022-02-28". */
const char *
cc_check__due_text(cc_date a, cc_date b, char *buf, size_t size)
{
    char x[11];

    if (a == b) {
        snprintf(buf, size, "by %s", cc_check__iso(a, x));
        return buf;
    }
    return cc_check__span_text(a, b, buf, size);
}

cc_deadline *
cc_check__new_deadline(run *r, cc_check_kind check, const cc_rule *rule,
                       const char *rule_id)
{
    cc_timeline *tl = r->tl;
    cc_deadline *d;

    if (tl->ndeadlines == tl->capdeadlines) {
        size_t cap = tl->capdeadlines ? 2 * tl->capdeadlines : 16;
        cc_deadline *p = realloc(tl->deadlines, cap * sizeof *p);
        if (!p)
            return NULL;
        tl->deadlines = p;
        tl->capdeadlines = cap;
    }
    d = &tl->deadlines[tl->ndeadlines];
    memset(d, 0, sizeof *d);
    d->inputs =
        cc_pool__alloc(&tl->pool, CC_CHECK__FIRST_INPUTS * sizeof *d->inputs);
    if (!d->inputs)
        return NULL;
    d->check = check;
    d->rule = cc_pool__strndup(&tl->pool, rule_id, strlen(rule_id));
    d->title = rule ? rule->title : "";
    d->source = rule ? rule->source : "";
    d->confidence = rule ? rule->confidence : CC_CONF_CONFIRMED;
    if (rule)
        d->period = rule->period;
    d->discretion = "";
    d->action = "";
    d->note = "";
    d->calendar = cc_pool__strndup(&tl->pool, rule ? rule->division : "",
                                   rule ? strlen(rule->division) : 0);
    if (!d->rule)
        return NULL;
    /* The rule's strings belong to the ctx: copy them. */
    d->title = cc_pool__strndup(&tl->pool, d->title, strlen(d->title));
    d->source = cc_pool__strndup(&tl->pool, d->source, strlen(d->source));
    if (!d->title || !d->source || !d->calendar)
        return NULL;
    tl->ndeadlines++;
    return d;
}

void
cc_check__add_input(run *r, cc_deadline *d, cc_evidence e)
{
    /* No deadline has more inputs than the bound; more would be kept out
     * rather than written past its array. */
    if (d->ninputs == CC_CHECK__MAX_INPUTS)
        return;
    /* The first few are room for nearly every deadline; past them, room
     * for the bound, in the pool (the first room is left there). */
    if (d->ninputs == CC_CHECK__FIRST_INPUTS) {
        cc_evidence *v =
            cc_pool__alloc(&r->tl->pool, CC_CHECK__MAX_INPUTS * sizeof *v);
        if (!v) {
            r->nomem = 1;
            return;
        }
        memcpy(v, d->inputs, d->ninputs * sizeof *v);
        d->inputs = v;
    }
    ((cc_evidence *)d->inputs)[d->ninputs++] = e;
}

cc_evidence
cc_check__event_evidence(const run *r, size_t i, const char *role)
{
    cc_evidence e;
    const cc_event *ev = &r->tl->events[i];

    memset(&e, 0, sizeof e);
    e.role = role;
    e.dated = 1;
    e.earliest = ev->earliest;
    e.latest = ev->latest;
    e.where = ev->where;
    e.event = (long)i;
    return e;
}

cc_evidence
cc_check__text_evidence(run *r, size_t offset, size_t length, const char *role)
{
    cc_evidence e;

    memset(&e, 0, sizeof e);
    e.role = role;
    e.event = -1;
    cc_chrono__place(&e.where, &r->tl->pool, r->doc, offset, length);
    return e;
}

cc_evidence
cc_check__decision_evidence(run *r)
{
    if (r->decision_event != NONE)
        return cc_check__event_evidence(r, r->decision_event, "decision");
    return cc_check__text_evidence(r, 0, 0, "decision");
}

/* The working days of `division` ("" is England and Wales), made once per
 * run; NULL when the calendar cannot be made. */
const cc_calendar *
cc_check__calendar(run *r, const char *division)
{
    cc_error ignored = {0};
    size_t i;

    if (!division || !*division)
        division = "england-and-wales";
    for (i = 0; i < r->ncals; i++)
        if (strcmp(r->cals[i].division, division) == 0)
            return r->cals[i].cal;
    if (i == sizeof r->cals / sizeof *r->cals)
        return NULL;
    r->cals[i].division = division;
    if (cc_ctx__calendar(&r->cals[i].cal, r->ctx, division, &ignored) != CC_OK)
        r->cals[i].cal = NULL;
    r->ncals++;
    return r->cals[i].cal;
}

void
cc_check__free_calendars(run *r)
{
    for (size_t i = 0; i < r->ncals; i++)
        cc_calendar_free(r->cals[i].cal);
    r->ncals = 0;
}

/* Adds p to both ends of a trigger; `last`, when given, gets the latest
 * end's computation (its skipped days) on success. */
static cc_status
add_both(run *r, const char *division, cc_period p, cc_date from_e,
         cc_date from_l, cc_date *due_e, cc_date *due_l, int *borderline,
         cc_calc *last)
{
    cc_calc a = {0}, b = {0};
    cc_error e = {0};
    cc_status st;
    const cc_calendar *cal = NULL;

    if (p.unit == CC_UNIT_WORKDAY && !(cal = cc_check__calendar(r, division)))
        return CC_ECOVERAGE;
    st = cc_calc_add(&a, cal, from_e, p, &e);
    if (st == CC_OK)
        st = cc_calc_add(&b, cal, from_l, p, &e);
    if (st == CC_OK) {
        *due_e = a.date;
        *due_l = b.date;
        if (borderline)
            *borderline = a.borderline || b.borderline;
    }
    cc_calc_clear(&a);
    if (st == CC_OK && last)
        *last = b;
    else
        cc_calc_clear(&b);
    return st;
}

cc_status
cc_check__due_interval(run *r, const char *division, cc_period p,
                       cc_date from_e, cc_date from_l, cc_date *due_e,
                       cc_date *due_l, int *borderline)
{
    return add_both(r, division, p, from_e, from_l, due_e, due_l, borderline,
                    NULL);
}

/* The skipped days of `c`, copied into the timeline's pool (the calendar
 * that named them is freed after the run). */
static cc_status
keep_skipped(run *r, cc_deadline *d, const cc_calc *c)
{
    cc_skip *sk;

    if (!c->nskipped)
        return CC_OK;
    sk = cc_pool__alloc(&r->tl->pool, c->nskipped * sizeof *sk);
    if (!sk)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    for (size_t i = 0; i < c->nskipped; i++) {
        sk[i].date = c->skipped[i].date;
        sk[i].reason = cc_pool__strndup(&r->tl->pool, c->skipped[i].reason,
                                        strlen(c->skipped[i].reason));
        if (!sk[i].reason)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    d->skipped = sk;
    d->nskipped = c->nskipped;
    return CC_OK;
}

/* due_interval for a deadline, in the deadline's calendar: also keeps
 * formula A's date and the non-working days passed over. */
cc_status
cc_check__deadline_due_interval(run *r, cc_deadline *d, cc_period p,
                                cc_date from_e, cc_date from_l)
{
    cc_calc last = {0}, c = {0};
    cc_error e = {0};
    cc_status st;

    if (p.unit != CC_UNIT_WORKDAY)
        d->calendar = "";
    else if (!*d->calendar)
        d->calendar = "england-and-wales";
    st = add_both(r, d->calendar, p, from_e, from_l, &d->due_earliest,
                  &d->due_latest, &d->borderline, &last);
    if (st == CC_OK)
        st = keep_skipped(r, d, &last);
    cc_calc_clear(&last);
    d->due_alt = d->due_latest;
    if (st == CC_OK && d->borderline &&
        cc_calc_add(&c, NULL, from_l, p, &e) == CC_OK && c.borderline)
        d->due_alt = c.alt;
    cc_calc_clear(&c);
    return st;
}

/* Sets status, lateness and actual from the due and actual intervals. */
void
cc_check__judge(run *r, cc_deadline *d, int has_actual, cc_date a_e,
                cc_date a_l)
{
    /* An actual interval whose end comes before its start means the text's
     * dates contradict each other (a bound from one header, an event from
     * another): nothing can be concluded from them. */
    if (has_actual && a_e > a_l) {
        d->has_actual = 0;
        d->status = CC_STATUS_UNKNOWN;
        return;
    }
    d->has_actual = has_actual;
    if (has_actual) {
        d->actual_earliest = a_e;
        d->actual_latest = a_l;
        d->late_min = (long)a_e - (long)d->due_latest;
        d->late_max = (long)a_l - (long)d->due_earliest;
        if (a_l <= d->due_earliest)
            d->status = CC_STATUS_MET;
        else if (a_e > d->due_latest)
            d->status = CC_STATUS_MISSED;
        else
            d->status = CC_STATUS_UNKNOWN;
        return;
    }
    /* Open: what today says, when the due date is still ahead of the
     * decision; a deadline already past at the decision that the text
     * does not say was kept is unknown. */
    if (r->tl->has_decision && d->due_latest < r->tl->decision &&
        d->check != CC_CHECK_AGREED_ACTION) {
        d->status = CC_STATUS_UNKNOWN;
        return;
    }
    if (r->has_today && r->today > d->due_latest)
        d->status = CC_STATUS_OVERDUE;
    else
        d->status = CC_STATUS_PENDING;
}

/* A soft rule warns and never says missed (timescales.md, confidence U). */
void
cc_check__soften(cc_deadline *d)
{
    if (d->confidence == CC_CONF_UNCERTAIN && d->status == CC_STATUS_MISSED)
        d->status = CC_STATUS_UNKNOWN;
}

const char *
cc_check__status_words(const cc_deadline *d)
{
    switch (d->status) {
    case CC_STATUS_MET:
        return "met on every reading of the dates";
    case CC_STATUS_MISSED:
        return "missed on every reading of the dates";
    case CC_STATUS_OVERDUE:
        return "open, and today is after the last due day";
    case CC_STATUS_PENDING:
        return "not yet due, or today is not set";
    case CC_STATUS_UNKNOWN:
        break;
    }
    if (d->confidence == CC_CONF_UNCERTAIN && d->has_actual &&
        d->actual_earliest > d->due_latest)
        return "late (soft rule: a warning, not a breach)";
    if (d->has_actual)
        return "the dates allow both: cannot tell";
    return "the decision gives no date for it: cannot tell";
}

/* The default note: due, actual, and the status in words. */
void
cc_check__note_deadline(run *r, cc_deadline *d, const char *what)
{
    char due[48], act[48], alt[11];

    cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due);
    if (d->has_actual)
        cc_check__span_text(d->actual_earliest, d->actual_latest, act,
                            sizeof act);
    d->note = cc_pool__printf(
        &r->tl->pool, "%s due %s%s%s%s; %s%s%s", what, due,
        d->has_actual ? ", " : "", d->has_actual ? "done " : "",
        d->has_actual ? act : "", cc_check__status_words(d),
        d->borderline ? "; borderline: no corresponding day, and "
                        "formula A gives "
                      : "",
        d->borderline ? cc_check__iso(d->due_alt, alt) : "");
}

/* ------------------------------------------------------------------ */
/* Events by kind, in text order                                       */

/* The first event of `kind` (date order) whose clause has one of
 * `words` (NULL: any), not negated, earliest >= after. */
size_t
cc_check__find_event(const run *r, cc_event_kind kind, const char *const *words,
                     cc_date after, int allow_planned)
{
    for (size_t i = 0; i < r->tl->nevents; i++) {
        const cc_event *ev = &r->tl->events[i];
        const cc_event_info *inf = &r->tl->info[i];
        if (ev->kind != kind || inf->negated || ev->earliest < after)
            continue;
        if (ev->planned && !allow_planned)
            continue;
        if (words &&
            !cc_check__has_any(r->text, inf->clause_offset,
                               inf->clause_offset + inf->clause_length, words))
            continue;
        return i;
    }
    return NONE;
}

/* ------------------------------------------------------------------ */
/* Periods from duration mentions                                      */

/* "P4W" -> 4w; working days when the mention says so.  0 when the value
 * has no whole number ("PXM") or is a time of day. */
int
cc_check__period_of(const cc_mention *m, cc_period *out)
{
    const char *v = m->value;
    char *end;
    long n;

    if (v[0] != 'P' || v[1] == 'T' || v[1] == 'X')
        return 0;
    n = strtol(v + 1, &end, 10);
    if (end == v + 1 || n <= 0 || n > 1000 || end[1] != '\0')
        return 0;
    out->n = (int)n;
    out->counting = CC_COUNT_AFTER;
    switch (*end) {
    case 'D':
        out->unit =
            m->flags & CC_MENTION_WORKDAYS ? CC_UNIT_WORKDAY : CC_UNIT_DAY;
        return 1;
    case 'W':
        out->unit = CC_UNIT_WEEK;
        return 1;
    case 'M':
        out->unit = CC_UNIT_MONTH;
        return 1;
    case 'Y':
        out->unit = CC_UNIT_YEAR;
        return 1;
    default:
        return 0;
    }
}

/* Skips spaces from `at`; returns the new offset. */
size_t
cc_check__skip_space(const char *text, size_t at, size_t to)
{
    while (at < to && (text[at] == ' ' || text[at] == '\n'))
        at++;
    return at;
}

/* Does one of the NULL-terminated `words` (whole words, as
 * cc_words__find matches them) start exactly at `at`, before `to`? */
int
cc_check__starts_with_any(const char *text, size_t at, size_t to,
                          const char *const *words)
{
    for (const char *const *w = words; *w; w++) {
        size_t end = at + strlen(*w) + 1 < to ? at + strlen(*w) + 1 : to;
        if (cc_words__find(text, at, end, *w) == at)
            return 1;
    }
    return 0;
}

/* Does one of `words` start at `at`? */
static int
starts_with_words(const char *text, size_t at, size_t to, const cc_words *w)
{
    /* A match found from `at` is at `at` only when a word starts there
     * and matches: tested there, not searched for. */
    if (at > 0 && cc_words__alnum((unsigned char)text[at - 1]))
        return 0;
    for (size_t k = 0; k < w->n; k++) {
        size_t n = strlen(w->items[k]);
        size_t end = at + n + 1 < to ? at + n + 1 : to;
        if (cc_words__match(text, at, end, w->items[k]))
            return 1;
    }
    return 0;
}

const cc_rule *
cc_check__remedy_rule(const run *r)
{
    if (r->remedy_known)
        return r->remedy;
    for (size_t k = 0; k < cc_ctx_rule_count(r->ctx); k++) {
        const cc_rule *rule = cc_ctx_rule(r->ctx, k);
        if (strcmp(rule->engage.check, "remedy") == 0)
            return rule;
    }
    return NULL;
}

/*
 * Does "of (the date of) my / this / the final decision" follow `at`?
 * Returns 1 for the Ombudsman's own decision (the remedy rule's trigger
 * words), 2 for "of the (date of the) decision", which may be any
 * decision ("appeal within one month of the date of the decision"), 0 for
 * neither.
 */
int
cc_check__of_decision(const run *r, size_t at, size_t to)
{
    const cc_rule *rule = cc_check__remedy_rule(r);

    if (!rule)
        return 0;
    at = cc_check__skip_space(r->text, at, to);
    if (starts_with_words(r->text, at, to, &rule->engage.trigger))
        return 1;
    if (starts_with_words(r->text, at, to, &rule->engage.trigger_in_section))
        return 2;
    return 0;
}

/* Is the paragraph in an "Agreed action" or "Recommendations" section? */
int
cc_check__action_section(const run *r, long para)
{
    const cc_paragraph *p = cc_doc_paragraph(r->doc, (size_t)para);
    const cc_section *sec;

    if (!p || p->section < 0)
        return 0;
    sec = cc_doc_section(r->doc, (size_t)p->section);
    /* "Agreed action", "Recommended action", "Recommendations"; not
     * "Actions agreed following Ms B's complaint" (what the council
     * promised, which is narrative). */
    return sec && sec->title &&
           (strncmp(sec->title, "Agreed action", 13) == 0 ||
            strncmp(sec->title, "Recommend", 9) == 0 ||
            strcmp(sec->title, "Action") == 0);
}

/*
 * Is the paragraph the summary or "The complaint", which say what the
 * complaint is about ("Mrs D complains the Council took too long ...
 * after a fall on 2 January 2023"), not what happened when?
 */
int
cc_check__summary_para(const run *r, long para)
{
    static const char *const titles[] = {
        "The complaint",
        "Summary",
        "The Ombudsman's final decision",
        "The Ombudsman\xe2\x80\x99s final decision",
        "Ombudsman's final decision",
        "Ombudsman\xe2\x80\x99s final decision",
        NULL};
    const cc_paragraph *p =
        para >= 0 ? cc_doc_paragraph(r->doc, (size_t)para) : NULL;
    const cc_section *sec;
    size_t a;

    if (!p)
        return 0;
    a = cc_check__skip_space(r->text, p->offset, p->offset + p->length);
    /* "summary" at the paragraph's first word: a match there, not a
     * search of the whole paragraph. */
    if ((a == 0 || !cc_words__alnum((unsigned char)r->text[a - 1])) &&
        cc_words__match(r->text, a, p->offset + p->length, "summary"))
        return 1;
    if (p->section < 0)
        return 0;
    sec = cc_doc_section(r->doc, (size_t)p->section);
    if (!sec || !sec->title)
        return 0;
    for (const char *const *t = titles; *t; t++)
        if (strncmp(sec->title, *t, strlen(*t)) == 0)
            return 1;
    return 0;
}

/* Is the body complained about an adult care provider, not a council
 * (the header names no Council, Borough or Authority)? */
int
cc_check__care_provider(const run *r)
{
    const char *authority = r->tl->field[CC_FIELD_AUTHORITY];
    const char *category = r->tl->field[CC_FIELD_CATEGORY];

    return authority && category && strncmp(category, "Adult care", 10) == 0 &&
           !strstr(authority, "Council") && !strstr(authority, "Borough") &&
           !strstr(authority, "Authority");
}

/* SI 2009/309 binds councils and NHS bodies, not a care home the resident
 * pays for; Part 3A of the 1974 Act (s34D) is for those. */
int
cc_check__binds(const run *r, const cc_rule *rule)
{
    const char *a = rule->engage.authority;

    if (strcmp(a, "council") == 0)
        return !cc_check__care_provider(r);
    if (strcmp(a, "care-provider") == 0)
        return cc_check__care_provider(r);
    return 1;
}

/* ------------------------------------------------------------------ */
/* Acts named, denied and undone                                       */

/* "didn't", "hasn\u2019t": a negation inside a word, in [from, to). */
int
cc_check__contracted_not(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i + 3 <= to; i++)
        if (memcmp(text + i, "n't", 3) == 0 ||
            (i + 5 <= to && memcmp(text + i, "n\xe2\x80\x99t", 5) == 0))
            return 1;
    return 0;
}

/* Words that, shortly before an act's words, deny it. */
static const char *const DENIALS[] = {
    "not", "never", "failed", "yet to", "without", "refused to", NULL};

/* Has [from, to) a word denied_before() reads as a denial, or "n't", in
 * one pass: where none is, no match in it is denied. */
static int
has_denial(const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        int c = (unsigned char)text[i], l = cc_words__lower(c);
        if (c == 'n' &&
            ((i + 3 <= to && memcmp(text + i, "n't", 3) == 0) ||
             (i + 5 <= to && memcmp(text + i, "n\xe2\x80\x99t", 5) == 0)))
            return 1;
        if ((l != 'n' && l != 'f' && l != 'y' && l != 'w' && l != 'r') ||
            (i > 0 && cc_words__alnum((unsigned char)text[i - 1])))
            continue;
        for (size_t k = 0; DENIALS[k]; k++)
            if (DENIALS[k][0] == l && cc_words__match(text, i, to, DENIALS[k]))
                return 1;
    }
    return 0;
}

/* Is the match at `at` denied by a word in the few before it? */
static int
denied_before(const char *text, size_t c0, size_t at)
{
    /* "has still not issued", "did not decide": the denial stands right
     * before the act, not anywhere in the clause ("the records do not
     * show when it decided"). */
    size_t from = at > c0 + 16 ? at - 16 : c0;

    for (size_t k = 0; DENIALS[k]; k++)
        if (cc_words__find(text, from, at, DENIALS[k]) != NONE)
            return 1;
    return cc_check__contracted_not(text, from, at);
}

int
cc_check__words_in(const char *text, size_t c0, size_t c1,
                   const cc_words *words, const cc_words *blocks, int mode)
{
    /* The clause read once: most patterns start with a letter no word of
     * it does. */
    cc_initials have = cc_words__initials(text, c0, c1);

    return cc_check__words_in_with(text, c0, c1, &have, words, NULL, blocks,
                                   NULL, mode);
}

/* May pattern k of w match in a span of these initials? */
static int
may(const cc_initials *initials, const cc_words *w, const cc_initials *needs,
    size_t k)
{
    cc_initials need;

    if (needs)
        return cc_words__covers(initials, &needs[k]);
    need = cc_words__needs(w->items[k]);
    return cc_words__covers(initials, &need);
}

int
cc_check__words_in_with(const char *text, size_t c0, size_t c1,
                        const cc_initials *initials, const cc_words *words,
                        const cc_initials *wneeds, const cc_words *blocks,
                        const cc_initials *bneeds, int mode)
{
    int result = 0;

    for (size_t k = 0; k < blocks->n; k++)
        if (may(initials, blocks, bneeds, k) &&
            cc_words__find_pattern(text, c0, c1, blocks->items[k], NULL,
                                   NULL) != NONE)
            return 0;
    for (size_t k = 0; k < words->n; k++) {
        size_t last = 0, at;
        if (!may(initials, words, wneeds, k))
            continue;
        at = cc_words__find_pattern(text, c0, c1, words->items[k], NULL, &last);
        if (at == NONE)
            continue;
        /* "Following the annual review, the Council sent ...": the words
         * name another happening, not the act the date is of. */
        if (cc_words__find(text, at > c0 + 20 ? at - 20 : c0, at,
                           "following") != NONE ||
            cc_words__find(text, at > c0 + 6 ? at - 6 : c0, at, "after") !=
                NONE)
            continue;
        /* "the panel has still not met": denied before the last part */
        if (!(mode & CC_WORDS_UNTIL) &&
            (denied_before(text, c0, at) ||
             ((mode & CC_WORDS_GAP_DENIALS) && last > at &&
              denied_before(text, at, last)))) {
            result = -1;
            continue;
        }
        return 1;
    }
    return result;
}

int
cc_check__needs_of(const cc_words *words, const cc_words *blocks,
                   cc_initials **wn, cc_initials **bn)
{
    *wn = malloc((words->n ? words->n : 1) * sizeof **wn);
    *bn = malloc((blocks->n ? blocks->n : 1) * sizeof **bn);
    if (!*wn || !*bn) {
        free(*wn);
        free(*bn);
        *wn = *bn = NULL;
        return 0;
    }
    for (size_t k = 0; k < words->n; k++)
        (*wn)[k] = cc_words__needs(words->items[k]);
    for (size_t k = 0; k < blocks->n; k++)
        (*bn)[k] = cc_words__needs(blocks->items[k]);
    return 1;
}

int
cc_check__narrative_para(const run *r, long para)
{
    return para >= 0 && cc_chrono__narrative_at(r->tl, para) &&
           !cc_check__summary_para(r, para) &&
           !cc_check__action_section(r, para);
}

/* Do the words of sentence s (of the narrative) say the act named by
 * words (less blocks) was not done ("The Council has still not issued the
 * final plan")?  wn and bn are what their patterns need, or NULL. */
static int
says_undone(const run *r, const cc_sentence *s, const cc_words *words,
            const cc_initials *wn, const cc_words *blocks,
            const cc_initials *bn)
{
    cc_initials have;

    have = cc_words__initials(r->text, s->offset, s->offset + s->length);
    return cc_check__words_in_with(r->text, s->offset, s->offset + s->length,
                                   &have, words, wn, blocks, bn,
                                   CC_WORDS_GAP_DENIALS) < 0;
}

/* The record of what has been read for one pair of word lists, made at
 * the first place asked of; NULL when out of memory. */
static cc_undone *
undone_memo(const run *r, const cc_words *words, const cc_words *blocks)
{
    cc_undone_memo *m = r->undone;
    cc_undone *u;

    for (size_t k = 0; m && k < m->n; k++)
        if (m->v[k].words == words && m->v[k].blocks == blocks)
            return &m->v[k];
    if (!m)
        return NULL;
    if (m->n == m->cap) {
        size_t ncap = m->cap ? 2 * m->cap : 8;
        cc_undone *v = realloc(m->v, ncap * sizeof *v);
        if (!v)
            return NULL;
        m->v = v;
        m->cap = ncap;
    }
    u = &m->v[m->n];
    memset(u, 0, sizeof *u);
    u->words = words;
    u->blocks = blocks;
    /* What each pattern needs, once for all the sentences. */
    if (!cc_check__needs_of(words, blocks, &u->wn, &u->bn))
        return NULL;
    m->n++;
    return u;
}

/* What the memo knows of a sentence (cc_undone_memo.sentence_flags). */
enum { SF_READ = 1, SF_NARRATIVE = 2, SF_DENIAL = 4 };

/* May sentence i say an act was not done: is it narrative, and has it a
 * word that denies an act (denied_before())?  Read once per sentence for
 * every pair of word lists: most have no such word, and then say no act
 * was not done. */
static int
may_say_undone(const run *r, size_t i)
{
    cc_undone_memo *m = r->undone;
    unsigned char *f;

    if (!m->sentence_flags) {
        size_t ns = cc_doc_sentence_count(r->doc);
        if (!(m->sentence_flags = calloc(ns ? ns : 1, 1)))
            return 1;
    }
    f = &m->sentence_flags[i];
    if (!*f) {
        const cc_sentence *s = cc_doc_sentence(r->doc, i);
        *f = SF_READ;
        if (cc_check__narrative_para(r, s->paragraph))
            *f |= SF_NARRATIVE;
        if ((*f & SF_NARRATIVE) &&
            has_denial(r->text, s->offset, s->offset + s->length))
            *f |= SF_DENIAL;
    }
    return (*f & (SF_NARRATIVE | SF_DENIAL)) == (SF_NARRATIVE | SF_DENIAL);
}

static int
undone_says(const run *r, const cc_undone *u, size_t i)
{
    return may_say_undone(r, i) &&
           says_undone(r, cc_doc_sentence(r->doc, i), u->words, u->wn,
                       u->blocks, u->bn);
}

/*
 * The first sentence from s0 on that says so, or NONE.  u holds the
 * sentences of [lo, hi) that say so: a place inside that span is answered
 * from them, and the span grows as the places ask (the timescales ask in
 * text order, mostly), so that no sentence is read twice for the pair
 * while the places go forward, and none is read that the plain reading
 * from s0 would not have read.
 */
static size_t
undone_from(const run *r, cc_undone *u, size_t s0)
{
    size_t ns = cc_doc_sentence_count(r->doc), lo = 0, hi = u->n;

    if (s0 < u->lo) {
        for (size_t i = s0; i < u->lo; i++)
            if (undone_says(r, u, i))
                return i;
        u->lo = s0; /* none there: the span reaches back to s0 */
    } else if (s0 > u->hi) {
        u->lo = u->hi = s0;
        u->n = 0;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (u->sentence[mid] < s0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < u->n)
        return u->sentence[lo];
    while (u->hi < ns) {
        size_t i = u->hi;
        if (!undone_says(r, u, i)) {
            u->hi++;
            continue;
        }
        if (u->n == u->cap) {
            size_t ncap = u->cap ? 2 * u->cap : 16;
            size_t *v = realloc(u->sentence, ncap * sizeof *v);
            if (!v)
                return i; /* not kept: the span stops before it */
            u->sentence = v;
            u->cap = ncap;
        }
        u->sentence[u->n++] = i;
        u->hi++;
        return i;
    }
    return NONE;
}

size_t
cc_check__undone_sentence(const run *r, const cc_words *words,
                          const cc_words *blocks, size_t after, size_t *len)
{
    cc_undone *u = undone_memo(r, words, blocks);
    size_t lo = 0, hi = cc_doc_sentence_count(r->doc), i;
    const cc_sentence *s;

    /* the first sentence at or after `after` */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cc_doc_sentence(r->doc, mid)->offset < after)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (u)
        i = undone_from(r, u, lo);
    else /* out of memory: each sentence as it comes */
        for (i = lo; i < cc_doc_sentence_count(r->doc); i++) {
            s = cc_doc_sentence(r->doc, i);
            if (cc_check__narrative_para(r, s->paragraph) &&
                says_undone(r, s, words, NULL, blocks, NULL))
                break;
        }
    if (i == NONE || i == cc_doc_sentence_count(r->doc))
        return NONE;
    s = cc_doc_sentence(r->doc, i);
    *len = s->length;
    return s->offset;
}

void
cc_check__free_undone(cc_undone_memo *m)
{
    for (size_t k = 0; k < m->n; k++) {
        free(m->v[k].sentence);
        free(m->v[k].wn);
        free(m->v[k].bn);
    }
    free(m->v);
    free(m->sentence_flags);
    memset(m, 0, sizeof *m);
}

void
cc_check__judge_undone(run *r, cc_deadline *d, size_t undone, size_t ulen)
{
    cc_check__add_input(r, d,
                        cc_check__text_evidence(r, undone, ulen, "undone"));
    cc_check__judge(r, d, 0, 0, 0);
    if (r->tl->decision > d->due_latest) {
        d->status = CC_STATUS_MISSED;
        d->late_min = (long)r->tl->decision - (long)d->due_latest;
        d->late_max = d->late_min;
    }
}

/*
 * The duration a relative date restates ("replied on 18 August, more than
 * two months later"), read by the recogniser from the words before
 * "later", placed at the mention.  0 when there is none.
 */
int
cc_check__restated_duration(const run *r, const cc_mention *m, cc_mention *out,
                            char value[CC_CHECK__VALUE_SIZE])
{
    size_t n = m->length;
    cc_doc *d = NULL;
    cc_error e = {0};
    int ok = 0;

    while (n > 0 && r->text[m->offset + n - 1] == ' ')
        n--;
    if (n < 6 || cc_words__find(r->text, m->offset + n - 5, m->offset + n,
                                "later") != m->offset + n - 5)
        return 0;
    n -= 5;
    if (cc_doc_read(&d, r->ctx, r->text + m->offset, n, "<interval>", &e) !=
        CC_OK)
        return 0;
    for (size_t i = 0; i < cc_doc_mention_count(d); i++) {
        const cc_mention *x = cc_doc_mention(d, i);
        if (x->type != CC_MENTION_DURATION)
            continue;
        *out = *x;
        /* the value lives in d, freed below */
        snprintf(value, CC_CHECK__VALUE_SIZE, "%s", x->value);
        out->value = value;
        out->offset += m->offset;
        out->paragraph = m->paragraph;
        out->sentence = m->sentence;
        ok = 1;
        break;
    }
    cc_doc_free(d);
    return ok;
}

/* ------------------------------------------------------------------ */
/* Acts dated by the time they took                                    */

/* Does a pattern of `words` match in [a, b), starting before `before`
 * (NONE: ending by b)? */
static int
names_act(const char *text, size_t a, size_t b, const cc_words *words,
          size_t before)
{
    cc_initials initials;

    memset(&initials, 0, sizeof initials);
    if (words->n)
        initials = cc_words__initials(text, a, b);
    for (size_t k = 0; k < words->n; k++) {
        size_t at;
        if (!cc_words__may_match(&initials, words->items[k]))
            continue;
        at = cc_words__find_pattern(text, a, b, words->items[k], NULL, NULL);
        if (at != NONE && (before == NONE || at < before))
            return 1;
    }
    return 0;
}

void
cc_check__timed_act(run *r, size_t from, const cc_words *words,
                    const cc_words *blocks, int starts_before,
                    cc_timed_act *out)
{
    const cc_timeline *tl = r->tl;
    long para = tl->info[from].paragraph;
    size_t at = tl->events[from].where.offset, lo = 0,
           hi = cc_doc_mention_count(r->doc);

    out->found = 0;
    if (!words->n)
        return;
    /* Every mention read below ends after the event's place, or starts at
     * or after it: the mentions are in text order and do not overlap, so
     * those before are passed over by a binary search, not one by one. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cc_mention *m = cc_doc_mention(r->doc, mid);
        if (m->offset < at && m->offset + m->length <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < cc_doc_mention_count(r->doc); i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        cc_mention dm;
        char dm_value[CC_CHECK__VALUE_SIZE];
        size_t end = m->offset + m->length, k, s1;
        int later = 0;
        cc_period p;
        /* A mention of an earlier paragraph, or ending before the event,
         * is passed over whatever it restates (the duration read from it
         * lies inside it): not read as a document of its own. */
        if (starts_before &&
            (m->paragraph < para ||
             (m->length > 0 && end <= tl->events[from].where.offset)))
            continue;
        /* "two days later", read as a relative date: its duration */
        if (starts_before && m->type == CC_MENTION_DATE &&
            (m->flags & CC_MENTION_UNRESOLVED) &&
            cc_check__restated_duration(r, m, &dm, dm_value)) {
            m = &dm;
            later = 1;
        }
        if (m->type != CC_MENTION_DURATION || m->sentence < 0 ||
            (starts_before
                 ? m->paragraph < para
                 : m->paragraph != para && m->paragraph != para + 1) ||
            m->offset < tl->events[from].where.offset ||
            !cc_check__period_of(m, &p) ||
            !cc_chrono__narrative_at(r->tl, m->paragraph))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        s1 = s->offset + s->length;
        k = cc_check__skip_space(r->text, end, s1);
        if (!(starts_before
                  ? names_act(r->text, s->offset, s1, words, m->offset)
                  : names_act(r->text, s->offset, m->offset, words, NONE)) ||
            (blocks && names_act(r->text, s->offset, s1, blocks, NONE)) ||
            !(later || cc_words__find(r->text, k, k + 6, "later") == k ||
              (!starts_before &&
               cc_words__find(r->text, k, k + 6, "after") == k)))
            continue;
        if (starts_before) {
            /* "paid the builder three weeks later": later than the event
             * the narrative dated last before the sentence */
            size_t prev = from;
            for (size_t j = 0; j < tl->nevents; j++) {
                const cc_event *ev = &tl->events[j];
                if (ev->kind != CC_EVENT_DECISION && !tl->info[j].negated &&
                    !ev->planned && ev->where.offset < s->offset &&
                    ev->where.offset > tl->events[prev].where.offset)
                    prev = j;
            }
            from = prev;
        }
        if (cc_check__due_interval(r, "", p, tl->events[from].earliest,
                                   tl->events[from].latest, &out->e, &out->l,
                                   NULL) == CC_OK) {
            out->found = 1;
            out->at = m->offset;
            out->len = end - m->offset;
        }
        return;
    }
}

static int
okey_order(const void *p, const void *q)
{
    const cc_okey *x = p, *y = q;

    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    return x->i < y->i ? -1 : x->i > y->i;
}

size_t *
cc_check__sorted_indexes(cc_okey *keys, size_t n)
{
    size_t *out = malloc((n ? n : 1) * sizeof *out);

    if (!out)
        return NULL;
    qsort(keys, n, sizeof *keys, okey_order);
    for (size_t k = 0; k < n; k++)
        out[k] = keys[k].i;
    return out;
}

size_t
cc_check__offset_bound(const cc_timeline *tl, const size_t *list, size_t lo,
                       size_t hi, size_t at)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (tl->events[list[mid]].where.offset < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const char *
cc_check__source_dup(cc_strpool *pool, const cc_doc *doc, size_t a, size_t b)
{
    size_t at = cc_doc_source_offset(doc, a),
           n = cc_doc_source_offset(doc, b) - at;
    const char *p = cc_doc__source_in_place(doc, at, n);
    char *s;

    if (p)
        return cc_pool__strndup(pool, p, n);
    if (!(s = cc_pool__alloc(pool, n + 1)))
        return NULL;
    cc_doc_source_copy(doc, at, n, s);
    s[n] = '\0';
    return s;
}
