/*
 * What every check shares: making deadlines, computing due intervals on
 * both ends of a vague trigger, judging them, and the words around them.
 */
#include "checks/common.h"

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
    for (; *words; words++)
        if (cc_check__has(text, from, to, *words))
            return 1;
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
                       const char *rule_id, size_t ninputs)
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
    d->inputs = cc_pool__alloc(&tl->pool, ninputs * sizeof *d->inputs);
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
    if (!d->rule)
        return NULL;
    /* The rule's strings belong to the ctx: copy them. */
    d->title = cc_pool__strndup(&tl->pool, d->title, strlen(d->title));
    d->source = cc_pool__strndup(&tl->pool, d->source, strlen(d->source));
    if (!d->title || !d->source)
        return NULL;
    tl->ndeadlines++;
    return d;
}

void
cc_check__add_input(cc_deadline *d, cc_evidence e)
{
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
    for (size_t i = 0; i < r->tl->nevents; i++)
        if (r->tl->events[i].kind == CC_EVENT_DECISION)
            return cc_check__event_evidence(r, i, "decision");
    return cc_check__text_evidence(r, 0, 0, "decision");
}

/* due_interval for a deadline: also keeps formula A's date. */
cc_status
cc_check__deadline_due_interval(run *r, cc_deadline *d, cc_period p,
                                cc_date from_e, cc_date from_l)
{
    cc_status st = cc_check__due_interval(
        r, p, from_e, from_l, &d->due_earliest, &d->due_latest, &d->borderline);
    cc_calc c = {0};
    cc_error e = {0};

    d->due_alt = d->due_latest;
    if (st == CC_OK && d->borderline &&
        cc_calc_add(&c, NULL, from_l, p, &e) == CC_OK && c.borderline)
        d->due_alt = c.alt;
    cc_calc_clear(&c);
    return st;
}

cc_status
cc_check__due_interval(run *r, cc_period p, cc_date from_e, cc_date from_l,
                       cc_date *due_e, cc_date *due_l, int *borderline)
{
    cc_calc a = {0}, b = {0};
    cc_error e = {0};
    cc_status st;
    const cc_calendar *cal = p.unit == CC_UNIT_WORKDAY ? r->cal : NULL;

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
    cc_calc_clear(&b);
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

/*
 * Does "of (the date of) my / this / the final decision" follow `at`?
 * Returns 1 for the Ombudsman's own decision ("my", "this", "our", "the
 * final"), 2 for "of the (date of the) decision", which may be any
 * decision ("appeal within one month of the date of the decision"), 0 for
 * neither.
 */
int
cc_check__of_decision(const char *text, size_t at, size_t to)
{
    static const char *const forms[] = {"of the date of my final decision",
                                        "of the date of my decision",
                                        "of the date of this decision",
                                        "of the date of the final decision",
                                        "of my final decision",
                                        "of my decision",
                                        "of this decision",
                                        "of the final decision",
                                        "of our final decision",
                                        "of our decision",
                                        "from the date of my decision",
                                        "from the date of this decision",
                                        "from my final decision",
                                        "from the final decision",
                                        "of the date of our report",
                                        "of the date of this report",
                                        "of the date of my report",
                                        "of our report",
                                        "of this report",
                                        "of my report",
                                        "of our final report",
                                        NULL};
    static const char *const generic[] = {"of the date of the decision",
                                          "of the decision", NULL};

    at = cc_check__skip_space(text, at, to);
    if (cc_check__starts_with_any(text, at, to, forms))
        return 1;
    if (cc_check__starts_with_any(text, at, to, generic))
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
    if (cc_words__find(r->text, a, p->offset + p->length, "summary") == a)
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
