/*
 * Checks: the statutory timescales a decision's dates engage, the actions
 * it agrees, the promises it reports, and its own statements of delay.
 *
 * Every due date is computed with cc_calc_add on both ends of the trigger's
 * interval, so a trigger known only to the month gives a due interval
 * ("November 2021" + 3 months: 2022-02-01 to 2022-02-28).  A status is
 * `met` or `missed` only when every reading of the dates agrees; otherwise
 * it is `unknown` and the note says what the dates do settle.  Soft rules
 * (confidence U) are never `missed`: they say "late (soft rule)" instead,
 * with status `unknown`.
 */
#include "checks.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

void *
cc_chrono__alloc(cc_strpool *pool, size_t size)
{
    const char *p;
    char *z = calloc(1, size ? size : 1);

    if (!z)
        return NULL;
    /* Hand the block to the pool through a zero-length string slot. */
    p = cc_chrono__strndup(pool, "", 0);
    if (!p) {
        free(z);
        return NULL;
    }
    free(pool->items[pool->n - 1]);
    pool->items[pool->n - 1] = z;
    return z;
}

/* What a check run needs at hand. */
typedef struct run {
    cc_timeline *tl;
    const cc_ctx *ctx;
    const cc_doc *doc;
    const char *text;
    size_t len;
    cc_calendar *cal; /* england-and-wales, for working days */
    int has_today;
    cc_date today;
    cc_error *err;
} run;

#define NONE ((size_t)-1)

static size_t skip_space(const char *text, size_t at, size_t to);
static int period_of(const cc_mention *m, cc_period *out);

static int
has(const char *text, size_t from, size_t to, const char *word)
{
    return cc_chrono__find(text, from, to, word) != NONE;
}

static int
has_any(const char *text, size_t from, size_t to, const char *const *words)
{
    for (; *words; words++)
        if (has(text, from, to, *words))
            return 1;
    return 0;
}

static const char *
iso(cc_date d, char buf[11])
{
    return cc_date_format(d, buf);
}

/* "2022-02-01 to 2022-02-28", or one date when they are equal. */
static const char *
span_text(cc_date a, cc_date b, char *buf, size_t size)
{
    char x[11], y[11];

    if (a == b)
        snprintf(buf, size, "%s", iso(a, x));
    else
        snprintf(buf, size, "between %s and %s", iso(a, x), iso(b, y));
    return buf;
}

/* "by 2022-02-28", or "between 2022-02-01 and 2022-02-28". */
static const char *
due_text(cc_date a, cc_date b, char *buf, size_t size)
{
    char x[11];

    if (a == b) {
        snprintf(buf, size, "by %s", iso(a, x));
        return buf;
    }
    return span_text(a, b, buf, size);
}

static cc_deadline *
new_deadline(run *r, cc_check_kind check, const cc_rule *rule,
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
    d->inputs = cc_chrono__alloc(&tl->pool, ninputs * sizeof *d->inputs);
    if (!d->inputs)
        return NULL;
    d->check = check;
    d->rule = cc_chrono__strndup(&tl->pool, rule_id, strlen(rule_id));
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
    d->title = cc_chrono__strndup(&tl->pool, d->title, strlen(d->title));
    d->source = cc_chrono__strndup(&tl->pool, d->source, strlen(d->source));
    if (!d->title || !d->source)
        return NULL;
    tl->ndeadlines++;
    return d;
}

static void
add_input(cc_deadline *d, cc_evidence e)
{
    ((cc_evidence *)d->inputs)[d->ninputs++] = e;
}

static cc_evidence
event_evidence(const run *r, size_t i, const char *role)
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

static cc_evidence
text_evidence(run *r, size_t offset, size_t length, const char *role)
{
    cc_evidence e;

    memset(&e, 0, sizeof e);
    e.role = role;
    e.event = -1;
    cc_chrono__place(&e.where, &r->tl->pool, r->doc, offset, length);
    return e;
}

static cc_evidence
decision_evidence(run *r)
{
    for (size_t i = 0; i < r->tl->nevents; i++)
        if (r->tl->events[i].kind == CC_EVENT_DECISION)
            return event_evidence(r, i, "decision");
    return text_evidence(r, 0, 0, "decision");
}

/*
 * Adds `p` to both ends of [from_e, from_l].  On a coverage error the
 * status is returned and *why says so; the caller marks the check unknown.
 */
static cc_status due_interval(run *r, cc_period p, cc_date from_e,
                              cc_date from_l, cc_date *due_e, cc_date *due_l,
                              int *borderline);

/* due_interval for a deadline: also keeps formula A's date. */
static cc_status
deadline_due_interval(run *r, cc_deadline *d, cc_period p, cc_date from_e,
                      cc_date from_l)
{
    cc_status st = due_interval(r, p, from_e, from_l, &d->due_earliest,
                                &d->due_latest, &d->borderline);
    cc_calc c = {0};
    cc_error e = {0};

    d->due_alt = d->due_latest;
    if (st == CC_OK && d->borderline &&
        cc_calc_add(&c, NULL, from_l, p, &e) == CC_OK && c.borderline)
        d->due_alt = c.alt;
    cc_calc_clear(&c);
    return st;
}

static cc_status
due_interval(run *r, cc_period p, cc_date from_e, cc_date from_l,
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
static void
judge(run *r, cc_deadline *d, int has_actual, cc_date a_e, cc_date a_l)
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
static void
soften(cc_deadline *d)
{
    if (d->confidence == CC_CONF_UNCERTAIN && d->status == CC_STATUS_MISSED)
        d->status = CC_STATUS_UNKNOWN;
}

static const char *
status_words(const cc_deadline *d)
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
static void
note_deadline(run *r, cc_deadline *d, const char *what)
{
    char due[48], act[48], alt[11];

    due_text(d->due_earliest, d->due_latest, due, sizeof due);
    if (d->has_actual)
        span_text(d->actual_earliest, d->actual_latest, act, sizeof act);
    d->note = cc_chrono__printf(
        &r->tl->pool, "%s due %s%s%s%s; %s%s%s", what, due,
        d->has_actual ? ", " : "", d->has_actual ? "done " : "",
        d->has_actual ? act : "", status_words(d),
        d->borderline ? "; borderline: no corresponding day, and "
                        "formula A gives "
                      : "",
        d->borderline ? iso(d->due_alt, alt) : "");
}

/* ------------------------------------------------------------------ */
/* Events by kind, in text order                                       */

/* The first event of `kind` (date order) whose clause has one of
 * `words` (NULL: any), not negated, earliest >= after. */
static size_t
find_event(const run *r, cc_event_kind kind, const char *const *words,
           cc_date after, int allow_planned)
{
    for (size_t i = 0; i < r->tl->nevents; i++) {
        const cc_event *ev = &r->tl->events[i];
        const cc_event_info *inf = &r->tl->info[i];
        if (ev->kind != kind || inf->negated || ev->earliest < after)
            continue;
        if (ev->planned && !allow_planned)
            continue;
        if (words && !has_any(r->text, inf->clause_offset,
                              inf->clause_offset + inf->clause_length, words))
            continue;
        return i;
    }
    return NONE;
}

/* ------------------------------------------------------------------ */
/* 1. Late complaints (LGA 1974 s26B, s34D)                            */

static const char *const LATE_WORDS[] = {"late complaint*",
                                         "12 months",
                                         "twelve months",
                                         "discretion",
                                         "complained sooner",
                                         "out of time",
                                         NULL};
static const char *const NOTICE_WORDS[] = {
    "became aware",      "first knew",         "found out", "had notice",
    "reason to believe", "reasons to believe", "learnt",    "learned",
    "realised",          "first heard",        NULL};

static const char *
discretion_of(run *r, size_t *at, size_t *alen)
{
    static const char *const exercised[] = {"exercised my discretion",
                                            "exercised our discretion",
                                            "exercised discretion",
                                            "exercise my discretion to",
                                            "exercise discretion to",
                                            "decided to investigate",
                                            "good reasons",
                                            "good reason",
                                            NULL};
    static const char *const declined[] = {"not exercise", "not to exercise",
                                           "no good reason",
                                           "no reason to exercise", NULL};
    size_t np = cc_doc_paragraph_count(r->doc);

    for (size_t i = 0; i < np; i++) {
        const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
        size_t a = p->offset, b = p->offset + p->length;
        if (!cc_chrono__narrative(r->doc, (long)i))
            continue;
        for (const char *const *w = declined; *w; w++) {
            size_t k = cc_chrono__find(r->text, a, b, *w);
            if (k != NONE) {
                *at = k;
                *alen = strlen(*w);
                return "declined";
            }
        }
        for (const char *const *w = exercised; *w; w++) {
            size_t k = cc_chrono__find(r->text, a, b, *w);
            if (k != NONE) {
                *at = k;
                *alen = strlen(*w);
                return "exercised";
            }
        }
    }
    return "not stated";
}

/* Is the event's sentence about first notice ("only had reasons to
 * believe ... in 2019")? */
static int
notice_event(const run *r, size_t i)
{
    const cc_place *w = &r->tl->events[i].where;

    return has_any(r->text, w->sentence_offset,
                   w->sentence_offset + w->sentence_length, NOTICE_WORDS);
}

/* Is the body complained about an adult care provider, not a council
 * (the header names no Council, Borough or Authority)? */
static int
care_provider(const run *r)
{
    const char *authority = r->tl->field[CC_FIELD_AUTHORITY];
    const char *category = r->tl->field[CC_FIELD_CATEGORY];

    return authority && category && strncmp(category, "Adult care", 10) == 0 &&
           !strstr(authority, "Council") && !strstr(authority, "Borough") &&
           !strstr(authority, "Authority");
}

static cc_status
check_late_complaint(run *r)
{
    cc_timeline *tl = r->tl;
    size_t comp =
        find_event(r, CC_EVENT_OMBUDSMAN_COMPLAINT, NULL, INT32_MIN, 0);
    size_t notice = NONE, matter = NONE, trig, disc_at = 0, disc_len = 0;
    int discussed = 0;
    const char *rule_id = "lga1974.s26b.late-complaint";
    const cc_rule *rule;
    cc_deadline *d;
    char due[48], act[48], alt[48];
    cc_date a_e, a_l;
    int has_actual;

    for (size_t i = 0; i < cc_doc_paragraph_count(r->doc); i++) {
        const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
        if (cc_chrono__narrative(r->doc, (long)i) &&
            has_any(r->text, p->offset, p->offset + p->length, LATE_WORDS))
            discussed = 1;
    }
    if (comp == NONE && !discussed)
        return CC_OK;
    /* Part 3A (s34D) is for care providers, not councils. */
    if (care_provider(r))
        rule_id = "lga1974.s34d.late-complaint";
    rule = cc_ctx_rule_find(r->ctx, rule_id);
    if (!rule)
        return CC_OK;
    for (size_t i = 0; i < tl->nevents; i++) {
        if (tl->events[i].kind == CC_EVENT_DECISION || i == comp)
            continue;
        if (notice == NONE && notice_event(r, i))
            notice = i;
    }
    /* The matter: the earliest event said in the same paragraph as the
     * complaint to the Ombudsman, before it. */
    if (comp != NONE) {
        for (size_t i = 0; i < tl->nevents; i++) {
            if (i == comp || i == notice ||
                tl->events[i].kind == CC_EVENT_DECISION ||
                tl->info[i].paragraph != tl->info[comp].paragraph ||
                tl->events[i].where.offset > tl->events[comp].where.offset)
                continue;
            if (matter == NONE ||
                tl->events[i].earliest < tl->events[matter].earliest)
                matter = i;
        }
    }
    trig = matter != NONE ? matter : notice;
    if (trig == NONE)
        return CC_OK;
    d = new_deadline(r, CC_CHECK_LATE_COMPLAINT, rule, rule_id, 5);
    if (!d)
        goto nomem;
    add_input(d, event_evidence(r, trig, matter != NONE ? "matter" : "notice"));
    if (deadline_due_interval(r, d, rule->period, tl->events[trig].earliest,
                              tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "cannot compute the permitted period";
        return CC_OK;
    }
    if (comp != NONE) {
        add_input(d, event_evidence(r, comp, "complaint"));
        a_e = tl->events[comp].earliest;
        a_l = tl->events[comp].latest;
        has_actual = 1;
    } else {
        /* The complaint reached the Ombudsman before the decision. */
        add_input(d, decision_evidence(r));
        a_e = tl->events[trig].earliest;
        a_l = tl->decision;
        has_actual = tl->has_decision;
    }
    judge(r, d, has_actual, a_e, a_l);
    if (!has_actual)
        d->status = CC_STATUS_UNKNOWN;
    d->discretion = discretion_of(r, &disc_at, &disc_len);
    if (disc_len)
        add_input(d, text_evidence(r, disc_at, disc_len, "discretion"));
    alt[0] = '\0';
    if (matter != NONE && notice != NONE) {
        cc_date n_e, n_l;
        add_input(d, event_evidence(r, notice, "notice"));
        if (due_interval(r, rule->period, tl->events[notice].earliest,
                         tl->events[notice].latest, &n_e, &n_l,
                         NULL) == CC_OK &&
            has_actual) {
            char nd[48];
            snprintf(alt, sizeof alt, "%s%s",
                     a_l <= n_e  ? "in time"
                     : a_e > n_l ? "late"
                                 : "cannot tell",
                     "");
            d->note = cc_chrono__printf(
                &tl->pool,
                "counting from the matter (%s), the 12 months ended %s "
                "and the complaint (%s) came %s; counting from when the "
                "complainant had notice (%s), they ended %s: %s; "
                "discretion: %s",
                tl->events[trig].value,
                due_text(d->due_earliest, d->due_latest, due, sizeof due),
                span_text(a_e, a_l, act, sizeof act),
                d->status == CC_STATUS_MISSED ? "after them"
                : d->status == CC_STATUS_MET  ? "within them"
                                              : "perhaps after them",
                tl->events[notice].value, due_text(n_e, n_l, nd, sizeof nd),
                alt, d->discretion);
            return d->note ? CC_OK
                           : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        }
    }
    if (has_actual && a_e > a_l)
        d->note = cc_chrono__printf(
            &tl->pool,
            "the 12 months beginning with %s ended %s; the dates for the "
            "complaint contradict each other (%s comes after %s): cannot "
            "tell; discretion: %s",
            tl->events[trig].value,
            due_text(d->due_earliest, d->due_latest, due, sizeof due),
            cc_date_format(a_e, act), cc_date_format(a_l, alt), d->discretion);
    else if (d->status == CC_STATUS_MISSED)
        d->note = cc_chrono__printf(
            &tl->pool,
            "the 12 months beginning with %s ended %s; the complaint "
            "(%s) was made %ld to %ld days after the permitted period "
            "ended; discretion: %s",
            tl->events[trig].value,
            due_text(d->due_earliest, d->due_latest, due, sizeof due),
            span_text(a_e, a_l, act, sizeof act), d->late_min, d->late_max,
            d->discretion);
    else
        d->note = cc_chrono__printf(
            &tl->pool,
            "the 12 months beginning with %s ended %s; the complaint "
            "(%s%s) came %s; discretion: %s",
            tl->events[trig].value,
            due_text(d->due_earliest, d->due_latest, due, sizeof due),
            comp != NONE ? "" : "no later than the decision, ",
            span_text(a_e, a_l, act, sizeof act),
            d->status == CC_STATUS_MET ? "within them"
                                       : "perhaps after them: cannot tell",
            d->discretion);
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
nomem:
    return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

/* ------------------------------------------------------------------ */
/* 2. Child protection conferences (Working Together)                  */

/* Is event j the same occasion as an earlier event i of its kind? */
static int
same_occasion(const cc_event *a, const cc_event *b)
{
    return a->kind == b->kind && a->earliest == b->earliest &&
           a->latest == b->latest;
}

static cc_status
conference_deadline(run *r, const char *rule_id, size_t trig,
                    const char *trig_role, size_t actual, const char *what)
{
    const cc_rule *rule = cc_ctx_rule_find(r->ctx, rule_id);
    cc_timeline *tl = r->tl;
    cc_deadline *d;
    char due[48], act[48];

    if (!rule)
        return CC_OK;
    d = new_deadline(r, CC_CHECK_CHILD_PROTECTION, rule, rule_id, 3);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    add_input(d, event_evidence(r, trig, trig_role));
    if (deadline_due_interval(r, d, rule->period, tl->events[trig].earliest,
                              tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return CC_OK;
    }
    due_text(d->due_earliest, d->due_latest, due, sizeof due);
    if (actual != NONE && tl->events[actual].planned) {
        add_input(d, event_evidence(r, actual, "planned"));
        judge(r, d, 0, 0, 0);
        span_text(tl->events[actual].earliest, tl->events[actual].latest, act,
                  sizeof act);
        d->note = cc_chrono__printf(
            &tl->pool, "%s due %s; booked for %s, which is %s the due date",
            what, due, act,
            tl->events[actual].latest <= d->due_earliest  ? "within"
            : tl->events[actual].earliest > d->due_latest ? "after"
                                                          : "perhaps after");
    } else if (actual != NONE) {
        add_input(d, event_evidence(r, actual, "actual"));
        judge(r, d, 1, tl->events[actual].earliest, tl->events[actual].latest);
        span_text(d->actual_earliest, d->actual_latest, act, sizeof act);
        if (d->status == CC_STATUS_UNKNOWN)
            d->note = cc_chrono__printf(
                &tl->pool,
                "%s due %s; held %s: the readings of the dates "
                "disagree, so it cannot tell",
                what, due, act);
        else
            d->note = cc_chrono__printf(
                &tl->pool, "%s due %s; held %s: %s (%ld to %ld days %s)", what,
                due, act, status_words(d),
                d->status == CC_STATUS_MET ? -d->late_max : d->late_min,
                d->status == CC_STATUS_MET ? -d->late_min : d->late_max,
                d->status == CC_STATUS_MET ? "early or on the day" : "late");
    } else {
        judge(r, d, 0, 0, 0);
        if (d->status == CC_STATUS_UNKNOWN)
            d->note = cc_chrono__printf(
                &tl->pool,
                "%s due %s; the decision gives no date for it, so it "
                "cannot tell whether it was held in time",
                what, due);
        else
            d->note = cc_chrono__printf(&tl->pool, "%s due %s; %s", what, due,
                                        status_words(d));
    }
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

static cc_status
check_child_protection(run *r)
{
    cc_timeline *tl = r->tl;
    size_t icpc = NONE, strategy = NONE, prev, next;
    cc_status st;
    int nreview = 0;

    for (size_t i = 0; i < tl->nevents; i++)
        if (tl->events[i].kind == CC_EVENT_ICPC && !tl->events[i].planned &&
            !tl->info[i].negated) {
            icpc = i;
            break;
        }
    if (icpc == NONE)
        return CC_OK;
    /* The strategy discussion: the last one on or before the conference. */
    for (size_t i = 0; i < tl->nevents; i++)
        if (tl->events[i].kind == CC_EVENT_STRATEGY && !tl->info[i].negated &&
            !tl->events[i].planned &&
            tl->events[i].latest <= tl->events[icpc].earliest)
            strategy = i;
    if (strategy != NONE) {
        st = conference_deadline(r, "wt.icpc", strategy, "trigger", icpc,
                                 "initial child protection conference");
        if (st != CC_OK)
            return st;
    }
    /* Reviews, each from the actual date of the one before. */
    prev = icpc;
    for (;;) {
        next = NONE;
        for (size_t i = 0; i < tl->nevents; i++) {
            const cc_event *ev = &tl->events[i];
            if (ev->kind != CC_EVENT_RCPC || tl->info[i].negated ||
                ev->earliest <= tl->events[prev].latest)
                continue;
            if (next != NONE && same_occasion(&tl->events[next], ev))
                continue;
            next = i;
            break;
        }
        st = conference_deadline(
            r, nreview == 0 ? "wt.rcpc.first" : "wt.rcpc.subsequent", prev,
            "trigger", next,
            nreview == 0 ? "first review conference"
                         : "next review conference");
        if (st != CC_OK || next == NONE || tl->events[next].planned)
            return st;
        prev = next;
        nreview++;
    }
}

/* ------------------------------------------------------------------ */
/* 3. Complaint procedure stages                                       */

static const char *const STAGE2_WORDS[] = {"stage 2", "stage two", NULL};
static const char *const PANEL_WORDS[] = {"panel", "stage 3", "stage three",
                                          NULL};
static const char *const LATER_STAGES[] = {
    "stage 2", "stage two", "stage 3", "stage three",
    "panel",   "director",  NULL};
static const char *const EXTEND_WORDS[] = {"more time", "extend", "extension",
                                           NULL};

/* Does a sentence of the paragraph of `ev` say the council took more time
 * ("told Ms R on 8 March that it needed more time"), and not "without
 * telling Ms R it needed more time"? */
static int
extended_near(const run *r, size_t ev)
{
    long para = r->tl->info[ev].paragraph;
    size_t ns = cc_doc_sentence_count(r->doc);

    for (size_t i = 0; i < ns; i++) {
        const cc_sentence *s = cc_doc_sentence(r->doc, i);
        size_t a = s->offset, b = s->offset + s->length;
        if (s->paragraph != para || !has_any(r->text, a, b, EXTEND_WORDS) ||
            has(r->text, a, b, "without") || has(r->text, a, b, "not"))
            continue;
        return 1;
    }
    return 0;
}

static cc_status
stage_deadline(run *r, const char *rule_id, size_t trig, const char *trole,
               size_t actual, const char *what, int allow_extension)
{
    const cc_rule *rule = cc_ctx_rule_find(r->ctx, rule_id);
    cc_timeline *tl = r->tl;
    cc_deadline *d;
    char base[32];

    if (!rule || trig == NONE)
        return CC_OK;
    d = new_deadline(r, CC_CHECK_COMPLAINT_STAGE, rule, rule_id, 2);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    add_input(d, event_evidence(r, trig, trole));
    if (allow_extension && rule->nextensions > 0) {
        d->period = rule->extensions[rule->nextensions - 1].period;
        d->extended = 1;
    }
    if (deadline_due_interval(r, d, d->period, tl->events[trig].earliest,
                              tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return CC_OK;
    }
    if (actual != NONE) {
        add_input(d, event_evidence(r, actual, "actual"));
        judge(r, d, 1, tl->events[actual].earliest, tl->events[actual].latest);
    } else {
        judge(r, d, 0, 0, 0);
    }
    soften(d);
    cc_period_format(d->period, base, sizeof base);
    note_deadline(r, d, what);
    if (d->extended)
        d->note = cc_chrono__printf(&tl->pool,
                                    "%s (extended to %s: the "
                                    "decision says more time "
                                    "was taken)",
                                    d->note, base);
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

/* Does event i match: kind, not denied or planned, on or after `after`,
 * one of `want` (NULL: any) in its clause before the date, none of
 * `avoid` (NULL: none) in its clause? */
static int
stage_match(const run *r, size_t i, cc_event_kind kind, cc_date after,
            const char *const *want, const char *const *avoid)
{
    const cc_event *ev = &r->tl->events[i];
    const cc_event_info *inf = &r->tl->info[i];
    size_t a = inf->clause_offset, b = a + inf->clause_length;

    if (ev->kind != kind || inf->negated || ev->planned || ev->earliest < after)
        return 0;
    if (want && !has_any(r->text, a, ev->where.offset, want))
        return 0;
    if (avoid && has_any(r->text, a, b, avoid))
        return 0;
    return 1;
}

/* The first matching event in date order; of two in one sentence ("the
 * next month, on 29 July") the one that gives the day. */
static size_t
next_event(const run *r, cc_event_kind kind, cc_date after,
           const char *const *want, const char *const *avoid)
{
    for (size_t i = 0; i < r->tl->nevents; i++) {
        if (!stage_match(r, i, kind, after, want, avoid))
            continue;
        if (r->tl->events[i].grain != CC_GRAIN_DAY)
            for (size_t j = 0; j < r->tl->nevents; j++)
                if (j != i &&
                    r->tl->info[j].sentence == r->tl->info[i].sentence &&
                    r->tl->events[j].grain == CC_GRAIN_DAY &&
                    r->tl->events[j].earliest >= r->tl->events[i].earliest &&
                    r->tl->events[j].latest <= r->tl->events[i].latest &&
                    stage_match(r, j, kind, after, NULL, avoid))
                    return j;
        return i;
    }
    return NONE;
}

/*
 * Is the paragraph the summary or "The complaint", which say what the
 * complaint is about ("Mrs D complains the Council took too long ...
 * after a fall on 2 January 2023"), not what happened when?
 */
static int
summary_para(const run *r, long para)
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
    a = skip_space(r->text, p->offset, p->offset + p->length);
    if (cc_chrono__find(r->text, a, a + 8, "summary") == a)
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

/*
 * The complaint to the council: the first act of complaining (not to the
 * Ombudsman) in date order, from the narrative when it dates one, else
 * from the summary or "The complaint".
 */
static size_t
council_complaint(const run *r)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < r->tl->nevents; i++) {
            if (!stage_match(r, i, CC_EVENT_COMPLAINT, INT32_MIN, NULL, NULL) ||
                r->tl->events[i].actor == CC_ACTOR_OMBUDSMAN ||
                r->tl->events[i].actor == CC_ACTOR_COUNCIL ||
                (!pass && summary_para(r, r->tl->info[i].paragraph)))
                continue;
            /* Of two in one sentence, the one that gives the day. */
            if (r->tl->events[i].grain != CC_GRAIN_DAY)
                for (size_t j = 0; j < r->tl->nevents; j++)
                    if (j != i &&
                        r->tl->info[j].sentence == r->tl->info[i].sentence &&
                        r->tl->events[j].grain == CC_GRAIN_DAY &&
                        r->tl->events[j].earliest >=
                            r->tl->events[i].earliest &&
                        r->tl->events[j].latest <= r->tl->events[i].latest &&
                        stage_match(r, j, CC_EVENT_COMPLAINT, INT32_MIN, NULL,
                                    NULL))
                        return j;
            return i;
        }
    }
    return NONE;
}

static cc_status
check_children_stages(run *r)
{
    static const char *const complainant_words[] = {NULL};
    static const char *const director[] = {"director", "council respond*",
                                           "council sent its response", NULL};
    static const char *const panel_report[] = {"findings", "report",
                                               "recommendations", NULL};
    static const char *const statement[] = {"statement of complaint", NULL};
    cc_timeline *tl = r->tl;
    size_t c1, r1, e2, s2, r2, e3, m3, p3, l3;
    cc_status st;

    (void)complainant_words;
    c1 = council_complaint(r);
    if (c1 == NONE)
        return CC_OK;
    r1 = next_event(r, CC_EVENT_RESPONSE, tl->events[c1].earliest, NULL,
                    LATER_STAGES);
    st = stage_deadline(r, "ca1989.complaints.stage1", c1, "trigger", r1,
                        "stage 1 response", r1 != NONE && extended_near(r, r1));
    if (st != CC_OK)
        return st;
    e2 = next_event(r, CC_EVENT_ESCALATION, tl->events[c1].earliest,
                    STAGE2_WORDS, NULL);
    if (r1 != NONE && e2 != NONE) {
        st = stage_deadline(r, "ca1989.complaints.stage2-request", r1,
                            "trigger", e2, "request for stage 2", 0);
        if (st != CC_OK)
            return st;
    }
    if (e2 == NONE)
        return CC_OK;
    s2 = next_event(r, CC_EVENT_AGREEMENT, tl->events[e2].earliest, statement,
                    NULL);
    if (s2 == NONE)
        s2 = e2;
    r2 = next_event(r, CC_EVENT_RESPONSE, tl->events[s2].earliest, NULL,
                    PANEL_WORDS);
    st = stage_deadline(r, "ca1989.complaints.stage2", s2,
                        s2 == e2 ? "trigger (the request; no agreed "
                                   "statement of complaint is dated)"
                                 : "trigger",
                        r2, "stage 2 response",
                        r2 != NONE && extended_near(r, r2));
    if (st != CC_OK || r2 == NONE)
        return st;
    e3 = next_event(r, CC_EVENT_ESCALATION, tl->events[r2].earliest,
                    PANEL_WORDS, NULL);
    if (e3 == NONE)
        return CC_OK;
    st = stage_deadline(r, "ca1989.complaints.panel-request", r2, "trigger", e3,
                        "request for a review panel", 0);
    if (st != CC_OK)
        return st;
    m3 = next_event(r, CC_EVENT_MEETING, tl->events[e3].earliest, PANEL_WORDS,
                    NULL);
    st = stage_deadline(r, "ca1989.complaints.panel-meets", e3, "trigger", m3,
                        "review panel meeting", 0);
    if (st != CC_OK || m3 == NONE)
        return st;
    p3 = NONE;
    for (size_t i = 0; i < tl->nevents && p3 == NONE; i++) {
        const cc_place *w = &tl->events[i].where;
        size_t a = w->sentence_offset, b = a + w->sentence_length;
        if (i != m3 && tl->events[i].earliest >= tl->events[m3].earliest &&
            !tl->events[i].planned && has(r->text, a, b, "panel") &&
            has_any(r->text, a, b, panel_report))
            p3 = i;
    }
    st = stage_deadline(r, "ca1989.complaints.panel-report", m3, "trigger", p3,
                        "review panel's findings", 0);
    if (st != CC_OK || p3 == NONE)
        return st;
    l3 = next_event(r, CC_EVENT_RESPONSE, tl->events[p3].earliest + 1, director,
                    NULL);
    return stage_deadline(r, "ca1989.complaints.la-response", p3, "trigger", l3,
                          "council's response to the panel", 0);
}

static const char *const ACK_WORDS[] = {"acknowledg*", NULL};

/*
 * When the council acknowledged the complaint c1: an event whose clause
 * says so, else the timing the decision gives it ("acknowledged the
 * complaint three working days later") counted from the complaint.  *e
 * and *l are the day or days; *ev the event or NONE; *m0, *m1 the words.
 */
static int
acknowledged(const run *r, size_t c1, cc_date *e, cc_date *l, size_t *ev,
             size_t *m0, size_t *m1)
{
    const cc_timeline *tl = r->tl;
    long para = tl->info[c1].paragraph;

    *ev = NONE;
    for (size_t i = 0; i < tl->nevents; i++) {
        const cc_event_info *inf = &tl->info[i];
        if (i == c1 || inf->negated || tl->events[i].planned ||
            tl->events[i].earliest < tl->events[c1].earliest ||
            !has_any(r->text, inf->clause_offset,
                     inf->clause_offset + inf->clause_length, ACK_WORDS))
            continue;
        *ev = i;
        *e = tl->events[i].earliest;
        *l = tl->events[i].latest;
        *m0 = tl->events[i].where.offset;
        *m1 = *m0 + tl->events[i].where.length;
        return 1;
    }
    for (size_t i = 0; i < cc_doc_mention_count(r->doc); i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        size_t end = m->offset + m->length, k;
        cc_period p;
        cc_calc a = {0}, b = {0};
        cc_error err = {0};
        int ok;
        if (m->type != CC_MENTION_DURATION || m->sentence < 0 ||
            (m->paragraph != para && m->paragraph != para + 1) ||
            m->offset < tl->events[c1].where.offset || !period_of(m, &p))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        k = skip_space(r->text, end, s->offset + s->length);
        if (!has_any(r->text, s->offset, m->offset, ACK_WORDS) ||
            !(cc_chrono__find(r->text, k, k + 6, "later") == k ||
              cc_chrono__find(r->text, k, k + 6, "after") == k))
            continue;
        ok = cc_calc_add(&a, p.unit == CC_UNIT_WORKDAY ? r->cal : NULL,
                         tl->events[c1].earliest, p, &err) == CC_OK &&
             cc_calc_add(&b, p.unit == CC_UNIT_WORKDAY ? r->cal : NULL,
                         tl->events[c1].latest, p, &err) == CC_OK;
        if (ok) {
            *e = a.date;
            *l = b.date;
            *m0 = m->offset;
            *m1 = end;
        }
        cc_calc_clear(&a);
        cc_calc_clear(&b);
        return ok;
    }
    return 0;
}

/* lassnhs2009.acknowledge, when the decision says when the council
 * acknowledged the complaint. */
static cc_status
check_acknowledgement(run *r, size_t c1)
{
    const cc_rule *rule = cc_ctx_rule_find(r->ctx, "lassnhs2009.acknowledge");
    cc_timeline *tl = r->tl;
    cc_date e, l;
    size_t ev, m0, m1;
    cc_deadline *d;

    if (!rule || !acknowledged(r, c1, &e, &l, &ev, &m0, &m1))
        return CC_OK;
    d = new_deadline(r, CC_CHECK_COMPLAINT_STAGE, rule,
                     "lassnhs2009.acknowledge", 2);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    add_input(d, event_evidence(r, c1, "trigger"));
    if (deadline_due_interval(r, d, d->period, tl->events[c1].earliest,
                              tl->events[c1].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return CC_OK;
    }
    if (ev != NONE) {
        add_input(d, event_evidence(r, ev, "actual"));
    } else {
        /* The day the stated timing gives: no event of its own. */
        cc_evidence x = text_evidence(r, m0, m1 - m0, "actual");
        x.dated = 1;
        x.earliest = e;
        x.latest = l;
        add_input(d, x);
    }
    judge(r, d, 1, e, l);
    note_deadline(r, d,
                  ev != NONE ? "acknowledgement"
                             : "acknowledgement (dated by the time the "
                               "decision says it took)");
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

static cc_status
check_adult_stages(run *r)
{
    cc_timeline *tl = r->tl;
    size_t c1 = council_complaint(r), r1;
    cc_status st;

    if (c1 == NONE)
        return CC_OK;
    if ((st = check_acknowledgement(r, c1)) != CC_OK)
        return st;
    r1 = next_event(r, CC_EVENT_RESPONSE, tl->events[c1].earliest, NULL, NULL);
    return stage_deadline(r, "lassnhs2009.response", c1, "trigger", r1,
                          "response to the complaint", 0);
}

/* Which complaint procedure the decision describes, if any. */
static cc_status
check_stages(run *r)
{
    static const char *const children[] = {"statutory children",
                                           "children’s statutory",
                                           "children's statutory",
                                           "statutory complaints procedure",
                                           "children’s complaints procedure",
                                           "children's complaints procedure",
                                           "si 2006/1738",
                                           NULL};
    static const char *const adult[] = {"si 2009/309",
                                        "complaints (england) regulations 2009",
                                        "adult social care complaint*", NULL};
    const char *category = r->tl->field[CC_FIELD_CATEGORY];
    int is_children = has_any(r->text, 0, r->len, children);
    int is_adult = has_any(r->text, 0, r->len, adult) ||
                   (category && strncmp(category, "Adult care", 10) == 0);

    if (is_children)
        return check_children_stages(r);
    /* SI 2009/309 binds councils and NHS bodies, not a care home the
     * resident pays for (Part 3A of the 1974 Act covers those). */
    if (is_adult && !care_provider(r))
        return check_adult_stages(r);
    return CC_OK;
}

/* ------------------------------------------------------------------ */
/* Periods from duration mentions                                      */

/* "P4W" -> 4w; working days when the mention says so.  0 when the value
 * has no whole number ("PXM") or is a time of day. */
static int
period_of(const cc_mention *m, cc_period *out)
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
static size_t
skip_space(const char *text, size_t at, size_t to)
{
    while (at < to && (text[at] == ' ' || text[at] == '\n'))
        at++;
    return at;
}

/* Does one of the NULL-terminated `words` (whole words, as
 * cc_chrono__find matches them) start exactly at `at`, before `to`? */
static int
starts_with_any(const char *text, size_t at, size_t to,
                const char *const *words)
{
    for (const char *const *w = words; *w; w++) {
        size_t end = at + strlen(*w) + 1 < to ? at + strlen(*w) + 1 : to;
        if (cc_chrono__find(text, at, end, *w) == at)
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
static int
of_decision(const char *text, size_t at, size_t to)
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
                                        NULL};
    static const char *const generic[] = {"of the date of the decision",
                                          "of the decision", NULL};

    at = skip_space(text, at, to);
    if (starts_with_any(text, at, to, forms))
        return 1;
    if (starts_with_any(text, at, to, generic))
        return 2;
    return 0;
}

/* ------------------------------------------------------------------ */
/* 3b. A council's own stated timescale for answering complaints       */

static cc_status
check_council_timescale(run *r)
{
    static const char *const policy[] = {"policy", "procedure*", "process",
                                         NULL};
    static const char *const answer[] = {"respond*", "response", "reply", NULL};
    cc_timeline *tl = r->tl;
    size_t nm = cc_doc_mention_count(r->doc), c1, r1;

    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        cc_period p;
        cc_deadline *d;
        size_t a, b;
        char prev[16];

        if (m->type != CC_MENTION_DURATION || m->sentence < 0 ||
            !period_of(m, &p))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        a = s->offset;
        b = s->offset + s->length;
        /* "Its complaints policy says it will respond within 20 working
         * days", not the statute's timescale nor an agreed action. */
        if (!has(r->text, a, b, "council") && !has(r->text, a, b, "its"))
            continue;
        if (!has_any(r->text, a, b, policy) ||
            !has_any(r->text, a, b, answer) ||
            has(r->text, a, b, "statutory") ||
            of_decision(r->text, m->offset + m->length, b))
            continue;
        {
            size_t k = m->offset;
            size_t w = k;
            while (w > a && r->text[w - 1] == ' ')
                w--;
            while (w > a && r->text[w - 1] != ' ')
                w--;
            snprintf(prev, sizeof prev, "%.*s", (int)(k - w > 15 ? 15 : k - w),
                     r->text + w);
        }
        if (strncmp(prev, "within", 6) != 0)
            continue;
        c1 = council_complaint(r);
        if (c1 == NONE)
            return CC_OK;
        r1 = next_event(r, CC_EVENT_RESPONSE, tl->events[c1].earliest, NULL,
                        LATER_STAGES);
        d = new_deadline(r, CC_CHECK_COUNCIL_TIMESCALE, NULL,
                         "council.complaint-response", 3);
        if (!d)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        d->title = "The council's own timescale for answering a complaint";
        {
            cc_place w;
            cc_chrono__place(&w, &tl->pool, r->doc, a, b - a);
            d->source = cc_chrono__printf(
                &tl->pool, "the decision, %s paragraph %d (line %d)", w.section,
                w.paragraph, w.line);
        }
        d->confidence = CC_CONF_BELIEVED;
        d->period = p;
        add_input(d, text_evidence(r, m->offset, m->length, "period"));
        add_input(d, event_evidence(r, c1, "trigger"));
        if (due_interval(r, p, tl->events[c1].earliest, tl->events[c1].latest,
                         &d->due_earliest, &d->due_latest, NULL) != CC_OK) {
            d->status = CC_STATUS_UNKNOWN;
            d->note = "cannot compute the due date";
            return CC_OK;
        }
        if (r1 != NONE) {
            add_input(d, event_evidence(r, r1, "actual"));
            judge(r, d, 1, tl->events[r1].earliest, tl->events[r1].latest);
        } else {
            judge(r, d, 0, 0, 0);
        }
        note_deadline(r, d, "response under the council's own procedure");
        return d->note && d->source
                   ? CC_OK
                   : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    return CC_OK;
}

/* ------------------------------------------------------------------ */
/* 4. Agreed actions                                                   */

static int action_section(const run *r, long para);

/* The text of paragraph i without its number or bullet, one line. */
static const char *
paragraph_words(run *r, size_t i)
{
    const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
    size_t a = p->offset, b = p->offset + p->length;
    char *buf, *o;
    const char *s;

    while (a < b &&
           (r->text[a] == ' ' || (r->text[a] >= '0' && r->text[a] <= '9') ||
            r->text[a] == '.' || r->text[a] == '\t'))
        a++;
    if (b - a >= 3 && memcmp(r->text + a, "\xe2\x80\xa2", 3) == 0) /* • */
        a += 3;
    while (a < b && r->text[a] == ' ')
        a++;
    while (b > a && (r->text[b - 1] == ' ' || r->text[b - 1] == '\n' ||
                     r->text[b - 1] == '\r'))
        b--;
    buf = malloc(b - a + 1);
    if (!buf)
        return NULL;
    o = buf;
    for (size_t k = a; k < b; k++) {
        char c = r->text[k] == '\n' || r->text[k] == '\r' ? ' ' : r->text[k];
        if (c == ' ' && o > buf && o[-1] == ' ')
            continue;
        *o++ = c;
    }
    *o = '\0';
    s = cc_chrono__strndup(&r->tl->pool, buf, (size_t)(o - buf));
    free(buf);
    return s;
}

static int
is_bullet(const run *r, size_t i)
{
    const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
    size_t a = skip_space(r->text, p->offset, p->offset + p->length);

    return p->number == 0 && p->offset + p->length - a >= 3 &&
           memcmp(r->text + a, "\xe2\x80\xa2", 3) == 0;
}

static const char *
action_kind(const char *words)
{
    static const struct {
        const char *word, *kind;
    } kinds[] = {
        {"apolog*", "apology"},    {"pay*", "payment"},
        {"£", "payment"},          {"write to", "letter"},
        {"review*", "review"},     {"procedure*", "procedure"},
        {"policy", "procedure"},   {"guidance", "procedure"},
        {"training", "procedure"}, {"remind*", "procedure"},
        {"protocol", "procedure"}, {"strategy", "procedure"},
    };
    size_t n = strlen(words);

    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        if (kinds[i].word[0] == '\xc2') {
            if (strstr(words, kinds[i].word))
                return kinds[i].kind;
        } else if (cc_chrono__find(words, 0, n, kinds[i].word) != NONE) {
            return kinds[i].kind;
        }
    }
    return NULL;
}

static cc_status
action_deadline(run *r, const cc_mention *m, cc_period p, size_t para)
{
    cc_timeline *tl = r->tl;
    const cc_rule *rule = cc_ctx_rule_find(r->ctx, "lgsco.remedy");
    const char *words = paragraph_words(r, para), *kind;
    const cc_paragraph *pp = cc_doc_paragraph(r->doc, para);
    cc_deadline *d;
    char id[64], pbuf[16];

    if (!words)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    kind = action_kind(words);
    snprintf(id, sizeof id, "lgsco.remedy%s%s", kind ? "." : "",
             kind ? kind : "");
    d = new_deadline(r, CC_CHECK_AGREED_ACTION, rule, id, 3);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    d->period = p;
    d->action = words;
    add_input(d, decision_evidence(r));
    add_input(d, text_evidence(r, m->offset, m->length, "period"));
    add_input(d, text_evidence(r, pp->offset, pp->length, "action"));
    if (deadline_due_interval(r, d, p, tl->decision, tl->decision) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "cannot compute the due date";
        return CC_OK;
    }
    judge(r, d, 0, 0, 0);
    cc_period_format(p, pbuf, sizeof pbuf);
    {
        char due[11], dec[11];
        d->note = cc_chrono__printf(
            &tl->pool, "%s after the decision (%s): due by %s; %s", pbuf,
            iso(tl->decision, dec), iso(d->due_latest, due),
            d->status == CC_STATUS_OVERDUE
                ? "today is after the due date and a decision cannot "
                  "record what was done after it"
                : "the decision cannot record what was done after it");
    }
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

/*
 * "Within three months" with no event of its own after it: not "within 20
 * working days of receiving ...", "within a month after the payment".
 */
static int
bare_within(const char *text, const cc_mention *m, size_t len)
{
    static const char *const tied[] = {
        "of",   "from", "after",    "before",    "following", "once",
        "when", "to",   "starting", "beginning", NULL};
    size_t w = m->offset, k = m->offset + m->length;

    while (w > 0 && text[w - 1] == ' ')
        w--;
    if (w < 6 || cc_chrono__find(text, w - 6, w, "within") != w - 6)
        return 0;
    k = skip_space(text, k, len);
    if (k < len && text[k] == ',')
        k = skip_space(text, k + 1, len);
    return !starts_with_any(text, k, len, tied);
}

static cc_status
check_agreed_actions(run *r)
{
    size_t nm = cc_doc_mention_count(r->doc);
    size_t np = cc_doc_paragraph_count(r->doc);

    if (!r->tl->has_decision)
        return CC_OK;
    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        cc_period p;
        size_t para, a, b, k;
        cc_status st;

        if (m->type != CC_MENTION_DURATION || m->paragraph < 0 ||
            m->sentence < 0 || !period_of(m, &p))
            continue;
        /* "of the decision" counts only under an agreed action heading. */
        switch (of_decision(r->text, m->offset + m->length, r->len)) {
        case 1:
            if (!cc_chrono__narrative(r->doc, m->paragraph))
                continue;
            break;
        case 2:
            if (!action_section(r, m->paragraph))
                continue;
            break;
        default:
            /* "Within three months the Council will review its
             * procedures" under the heading: from the decision too. */
            if (!action_section(r, m->paragraph) ||
                !bare_within(r->text, m, r->len))
                continue;
            break;
        }
        para = (size_t)m->paragraph;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        a = s->offset;
        b = s->offset + s->length;
        while (b > a && (r->text[b - 1] == ' ' || r->text[b - 1] == '\n'))
            b--;
        if (b > a && r->text[b - 1] == ':') {
            /* "Within four weeks of this decision, the Council has agreed
             * to:" and the bullets after it. */
            int any = 0;
            for (k = para + 1; k < np && is_bullet(r, k); k++) {
                if ((st = action_deadline(r, m, p, k)) != CC_OK)
                    return st;
                any = 1;
            }
            if (!any && (st = action_deadline(r, m, p, para)) != CC_OK)
                return st;
        } else if (has(r->text, a, b, "the above")) {
            /* "The Council should complete the above within ...": the
             * bullets before it. */
            size_t first = para;
            while (first > 0 && is_bullet(r, first - 1))
                first--;
            if (first == para) {
                if ((st = action_deadline(r, m, p, para)) != CC_OK)
                    return st;
            }
            for (k = first; k < para; k++)
                if ((st = action_deadline(r, m, p, k)) != CC_OK)
                    return st;
        } else {
            if ((st = action_deadline(r, m, p, para)) != CC_OK)
                return st;
        }
    }
    return CC_OK;
}

/* ------------------------------------------------------------------ */
/* 5. Promises                                                         */

static const char *const UNDONE_WORDS[] = {"remains incomplete",
                                           "remain incomplete",
                                           "still not",
                                           "has not",
                                           "have not",
                                           "not yet",
                                           "is incomplete",
                                           "not been",
                                           "did not do",
                                           "never did",
                                           NULL};

static cc_status
check_promises(run *r)
{
    cc_timeline *tl = r->tl;

    for (size_t i = 0; i < tl->nevents; i++) {
        const cc_event *ev = &tl->events[i];
        const cc_place *w = &ev->where;
        size_t done = NONE;
        cc_deadline *d;
        char due[11], act[48];
        int undone;

        if (ev->kind != CC_EVENT_PROMISE)
            continue;
        d = new_deadline(r, CC_CHECK_PROMISE, NULL, "council.promise", 3);
        if (!d)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        d->title = "What the council said it would do, by when";
        d->source = cc_chrono__printf(&tl->pool,
                                      "the decision, %s paragraph %d (line %d)",
                                      w->section, w->paragraph, w->line);
        d->confidence = CC_CONF_BELIEVED;
        d->period.n = 0;
        d->period.unit = CC_UNIT_DAY;
        /* "By the end of April": by its last day. */
        d->due_earliest = d->due_latest = ev->latest;
        d->action = cc_chrono__strndup(&tl->pool, r->text + w->sentence_offset,
                                       w->sentence_length);
        if (!d->source || !d->action)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        {
            /* Sentence text on one line. */
            char *s = (char *)d->action;
            for (; *s; s++)
                if (*s == '\n' || *s == '\r')
                    *s = ' ';
        }
        add_input(d, event_evidence(r, i, "promise"));
        undone = has_any(r->text, w->sentence_offset,
                         w->sentence_offset + w->sentence_length, UNDONE_WORDS);
        if (!undone && tl->info[i].sentence >= 0 &&
            (size_t)tl->info[i].sentence + 1 < cc_doc_sentence_count(r->doc)) {
            /* "... by 30 June 2023. It has still not done so." */
            const cc_sentence *ns =
                cc_doc_sentence(r->doc, (size_t)tl->info[i].sentence + 1);
            if (ns->paragraph == tl->info[i].paragraph)
                undone = has_any(r->text, ns->offset, ns->offset + ns->length,
                                 UNDONE_WORDS);
        }
        if (!undone) {
            /* Done: a completion later in the same paragraph. */
            for (size_t k = 0; k < tl->nevents; k++) {
                const cc_event *c = &tl->events[k];
                if (c->kind != CC_EVENT_COMPLETION || tl->info[k].negated ||
                    tl->info[k].paragraph != tl->info[i].paragraph ||
                    c->where.offset < w->offset)
                    continue;
                if (done == NONE ||
                    c->where.offset < tl->events[done].where.offset)
                    done = k;
            }
        }
        if (done != NONE) {
            add_input(d, event_evidence(r, done, "actual"));
            judge(r, d, 1, tl->events[done].earliest, tl->events[done].latest);
            span_text(d->actual_earliest, d->actual_latest, act, sizeof act);
            d->note =
                cc_chrono__printf(&tl->pool, "promised by %s; done %s: %s",
                                  iso(ev->latest, due), act, status_words(d));
        } else if (undone && tl->has_decision && tl->decision > ev->latest) {
            add_input(d, decision_evidence(r));
            d->status = CC_STATUS_MISSED;
            d->note = cc_chrono__printf(
                &tl->pool,
                "promised by %s; still not done at the decision (%s), "
                "%ld days later",
                iso(ev->latest, due), iso(tl->decision, act),
                (long)tl->decision - (long)ev->latest);
        } else {
            judge(r, d, 0, 0, 0);
            d->note = cc_chrono__printf(
                &tl->pool,
                "promised by %s; the decision does not say when "
                "it was done",
                iso(ev->latest, due));
        }
        if (!d->note)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    return CC_OK;
}

/* ------------------------------------------------------------------ */
/* 6. Statements of delay                                              */

/* The calendar months from a to b, with the part month as a fraction. */
static double
months_between(cc_date a, cc_date b)
{
    int m = 0;
    cc_date cur = a, nxt;
    cc_error e = {0};

    if (b <= a)
        return 0.0;
    for (;;) {
        if (cc_months_add(&nxt, a, m + 1, &e) != CC_OK)
            return (double)m;
        if (nxt > b)
            break;
        m++;
        cur = nxt;
    }
    return m + (double)(b - cur) / (double)(nxt - cur);
}

typedef struct ends {
    int ok;
    cc_date e, l;
    cc_grain grain;
    cc_evidence ev;
} ends;

static ends
ends_of_event(const run *r, size_t i, const char *role)
{
    ends x;

    memset(&x, 0, sizeof x);
    if (i == NONE)
        return x;
    x.ok = 1;
    x.e = r->tl->events[i].earliest;
    x.l = r->tl->events[i].latest;
    x.grain = r->tl->events[i].grain;
    x.ev = event_evidence(r, i, role);
    return x;
}

/* The event made from mention index `mi`, or NONE. */
static size_t
event_of_mention(const run *r, size_t mi)
{
    for (size_t i = 0; i < r->tl->nevents; i++)
        if (r->tl->events[i].mention == mi &&
            r->tl->events[i].kind != CC_EVENT_DECISION)
            return i;
    return NONE;
}

/* The dated mention in [a, b) nearest `at` on the given side. */
static size_t
dated_mention_in(const run *r, size_t a, size_t b, size_t at, int before)
{
    size_t best = NONE;

    for (size_t i = 0; i < cc_doc_mention_count(r->doc); i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        if (m->type != CC_MENTION_DATE || m->grain == CC_GRAIN_NONE ||
            (m->flags & CC_MENTION_UNRESOLVED) || m->offset < a ||
            m->offset + m->length > b)
            continue;
        if (before ? m->offset + m->length <= at : m->offset >= at) {
            if (before || best == NONE)
                best = i;
        }
    }
    return best;
}

/* The event of `kind` nearest in the text to `at`, not `not`, on or
 * before `by` (its earliest). */
static size_t
nearest_of_kind(const run *r, cc_event_kind kind, size_t at, size_t not,
                cc_date by)
{
    size_t best = NONE, bestd = NONE;

    for (size_t i = 0; i < r->tl->nevents; i++) {
        const cc_event *ev = &r->tl->events[i];
        size_t dist;
        if (ev->kind != kind || i == not || r->tl->info[i].negated ||
            ev->planned || ev->earliest > by)
            continue;
        dist = ev->where.offset > at ? ev->where.offset - at
                                     : at - ev->where.offset;
        /* A later mention counts double: narratives look back. */
        if (ev->where.offset > at)
            dist *= 2;
        if (dist < bestd) {
            bestd = dist;
            best = i;
        }
    }
    return best;
}

/* Which deadline a sentence is about: the deadline word nearest before
 * `at` ("the review panel met four working days outside"). */
static const cc_deadline *
deadline_by_words(const run *r, size_t a, size_t b, size_t at)
{
    static const struct {
        const char *word, *rule;
    } map[] = {
        {"review conference", "wt.rcpc"},
        {"review child protection conference", "wt.rcpc"},
        {"initial conference", "wt.icpc"},
        {"initial child protection conference", "wt.icpc"},
        {"icpc", "wt.icpc"},
        {"stage 1", "ca1989.complaints.stage1"},
        {"stage one", "ca1989.complaints.stage1"},
        {"stage 2", "ca1989.complaints.stage2"},
        {"stage two", "ca1989.complaints.stage2"},
        {"review panel", "ca1989.complaints.panel-meets"},
        {"panel met", "ca1989.complaints.panel-meets"},
        {"director", "ca1989.complaints.la-response"},
        {"first review", "wt.rcpc.first"},
        {"second review", "wt.rcpc.subsequent"},
        {"own deadline", "council.complaint-response"},
        {"its policy", "council.complaint-response"},
        {"its procedure", "council.complaint-response"},
    };
    const cc_deadline *best = NULL;
    size_t bestpos = 0;

    (void)b;
    for (size_t k = 0; k < sizeof map / sizeof *map; k++) {
        size_t pos = NONE, p = a, n = strlen(map[k].rule);
        const cc_deadline *pick = NULL;
        size_t pickat = 0;
        while ((p = cc_chrono__find(r->text, p, at, map[k].word)) != NONE) {
            pos = p;
            p++;
        }
        if (pos == NONE || (best && pos <= bestpos))
            continue;
        /* Of a family (the reviews), the one whose actual date was said
         * last before `at`. */
        for (size_t i = 0; i < r->tl->ndeadlines; i++) {
            const cc_deadline *d = &r->tl->deadlines[i];
            size_t actat = 0;
            if (strncmp(d->rule, map[k].rule, n) != 0 ||
                (d->rule[n] != '\0' && d->rule[n] != '.') || !d->has_actual)
                continue;
            for (size_t j = 0; j < d->ninputs; j++)
                if (strcmp(d->inputs[j].role, "actual") == 0)
                    actat = d->inputs[j].where.offset;
            if (!pick || (actat <= at && (pickat > at || actat > pickat))) {
                pick = d;
                pickat = actat;
            }
        }
        if (pick) {
            best = pick;
            bestpos = pos;
        }
    }
    return best;
}

/* The deadline whose actual event is said last before `at` in paragraph
 * `para`, or NULL. */
static const cc_deadline *
deadline_by_actual(const run *r, long para, size_t at)
{
    const cc_deadline *best = NULL;
    size_t bestat = 0;

    for (size_t i = 0; i < r->tl->ndeadlines; i++) {
        const cc_deadline *d = &r->tl->deadlines[i];
        for (size_t j = 0; j < d->ninputs; j++) {
            const cc_evidence *e = &d->inputs[j];
            if (strcmp(e->role, "actual") != 0 || e->event < 0 ||
                r->tl->info[e->event].paragraph != para || e->where.offset > at)
                continue;
            if (!best || e->where.offset > bestat) {
                best = d;
                bestat = e->where.offset;
            }
        }
    }
    return best;
}

/* The actual end of a deadline, as the end of an interval. */
static ends
deadline_actual(const run *r, const cc_deadline *d)
{
    ends x;

    memset(&x, 0, sizeof x);
    for (size_t k = 0; k < d->ninputs; k++)
        if (strcmp(d->inputs[k].role, "actual") == 0 && d->inputs[k].event >= 0)
            x = ends_of_event(r, (size_t)d->inputs[k].event, "actual");
    return x;
}

/* The due date of a deadline, as the start of an interval. */
static ends
deadline_due(const run *r, const cc_deadline *d)
{
    ends x;

    memset(&x, 0, sizeof x);
    x.ok = 1;
    x.e = d->due_earliest;
    x.l = d->due_latest;
    x.grain = CC_GRAIN_DAY;
    x.ev = d->inputs[0];
    x.ev.role = "due";
    x.ev.dated = 1;
    x.ev.earliest = d->due_earliest;
    x.ev.latest = d->due_latest;
    if (d->check == CC_CHECK_PROMISE && d->inputs[0].event >= 0)
        x.grain = r->tl->events[d->inputs[0].event].grain;
    return x;
}

/* The promise made nearest before `at`, in its paragraph or the one
 * before. */
static const cc_deadline *
promise_before(const run *r, size_t at, long para)
{
    const cc_deadline *best = NULL;

    for (size_t i = 0; i < r->tl->ndeadlines; i++) {
        const cc_deadline *d = &r->tl->deadlines[i];
        long ev;
        if (d->check != CC_CHECK_PROMISE || d->ninputs == 0)
            continue;
        ev = d->inputs[0].event;
        if (ev < 0 || r->tl->events[ev].where.offset > at ||
            r->tl->info[ev].paragraph < para - 1)
            continue;
        if (!best || r->tl->events[ev].where.offset >
                         r->tl->events[best->inputs[0].event].where.offset)
            best = d;
    }
    return best;
}

/* The range a stated duration claims, in its own unit. */
static void
claim_range(const run *r, const cc_mention *m, double n, double *lo, double *hi)
{
    const char *w = r->text + m->offset;
    int almost = (m->length >= 6 && strncmp(w, "almost", 6) == 0) ||
                 (m->length >= 6 && strncmp(w, "nearly", 6) == 0) ||
                 (m->length >= 10 && strncmp(w, "just under", 10) == 0);
    int exact_unit = m->value[strlen(m->value) - 1] == 'D';

    if (strcmp(m->mod, "MORE_THAN") == 0) {
        *lo = n;
        *hi = 1e9;
    } else if (strcmp(m->mod, "LESS_THAN") == 0) {
        *lo = almost ? n - 1 : 0;
        *hi = n;
    } else if (strcmp(m->mod, "EQUAL_OR_MORE") == 0) {
        *lo = n;
        *hi = 1e9;
    } else if (strcmp(m->mod, "EQUAL_OR_LESS") == 0) {
        *lo = 0;
        *hi = n;
    } else if (strcmp(m->mod, "APPROX") == 0) {
        *lo = n * 0.75;
        *hi = n * 1.25;
    } else if (exact_unit) {
        /* "18 working days": counted, so exact. */
        *lo = *hi = n;
    } else {
        /* "two months": to the nearest month. */
        *lo = n - 0.5;
        *hi = n + 0.5;
    }
}

static cc_status
measure(run *r, cc_finding *f, const cc_mention *m, cc_period p, ends from,
        ends to)
{
    cc_timeline *tl = r->tl;
    double lo, hi, umin, umax;
    long dmin, dmax;
    char a[48], b[48];
    const char *unit;

    f->from = from.ev;
    f->to = to.ev;
    if (!from.ok || !to.ok) {
        f->verdict = CC_VERDICT_CANNOT_TELL;
        f->note = from.ok || to.ok ? "the decision gives only one end of "
                                     "this interval"
                                   : "the decision gives no dates to "
                                     "measure this against";
        return CC_OK;
    }
    if (p.unit == CC_UNIT_WORKDAY) {
        cc_error e = {0};
        if (!r->cal ||
            cc_workdays_between(&dmin, r->cal, from.l,
                                to.e > from.l ? to.e : from.l, &e) != CC_OK ||
            cc_workdays_between(&dmax, r->cal, from.e,
                                to.l > from.e ? to.l : from.e, &e) != CC_OK) {
            f->verdict = CC_VERDICT_CANNOT_TELL;
            f->note = "the working days fall outside the bank holiday data";
            return CC_OK;
        }
        umin = (double)dmin;
        umax = (double)dmax;
    } else {
        dmin = to.e > from.l ? (long)to.e - (long)from.l : 0;
        dmax = to.l > from.e ? (long)to.l - (long)from.e : 0;
        switch (p.unit) {
        case CC_UNIT_WEEK:
            umin = dmin / 7.0;
            umax = dmax / 7.0;
            break;
        case CC_UNIT_MONTH:
            umin = months_between(from.l, to.e);
            umax = months_between(from.e, to.l);
            break;
        case CC_UNIT_YEAR:
            umin = months_between(from.l, to.e) / 12.0;
            umax = months_between(from.e, to.l) / 12.0;
            break;
        default:
            umin = (double)dmin;
            umax = (double)dmax;
            break;
        }
    }
    f->has_interval = 1;
    f->min_days = dmin;
    f->max_days = dmax;
    f->min_units = umin;
    f->max_units = umax;
    claim_range(r, m, (double)p.n, &lo, &hi);
    unit = p.unit == CC_UNIT_WORKDAY ? "working days"
           : p.unit == CC_UNIT_DAY   ? "days"
           : p.unit == CC_UNIT_WEEK  ? "weeks"
           : p.unit == CC_UNIT_MONTH ? "months"
                                     : "years";
    span_text(from.e, from.l, a, sizeof a);
    span_text(to.e, to.l, b, sizeof b);
    {
        const double eps = 1e-9;
        int more = strcmp(m->mod, "MORE_THAN") == 0;
        int less = strcmp(m->mod, "LESS_THAN") == 0;
        int all_in = (more ? umin > lo + eps : umin >= lo - eps) &&
                     (less ? umax < hi - eps : umax <= hi + eps);
        int none_in = (more ? umax <= lo + eps : umax < lo - eps) ||
                      (less ? umin >= hi - eps : umin > hi + eps);
        const char *how = "";
        if (all_in) {
            f->verdict = CC_VERDICT_CONSISTENT;
        } else if (none_in) {
            f->verdict = CC_VERDICT_INCONSISTENT;
        } else if ((p.unit == CC_UNIT_MONTH || p.unit == CC_UNIT_YEAR) &&
                   (from.grain == CC_GRAIN_MONTH ||
                    to.grain == CC_GRAIN_MONTH)) {
            /* The text gives months: compare calendar months. */
            int fy, fm, ty, tm;
            double d;
            cc_date_to_ymd(from.e, &fy, &fm, NULL);
            cc_date_to_ymd(to.l, &ty, &tm, NULL);
            d = (ty * 12 + tm) - (fy * 12 + fm);
            if (p.unit == CC_UNIT_YEAR)
                d /= 12.0;
            if ((more ? d > lo : d >= lo) && (less ? d <= hi : d <= hi)) {
                f->verdict = CC_VERDICT_CONSISTENT;
                how = " (at the month precision the decision gives)";
            } else {
                f->verdict = CC_VERDICT_CANNOT_TELL;
            }
        } else {
            f->verdict = CC_VERDICT_CANNOT_TELL;
        }
        f->note = cc_chrono__printf(
            &tl->pool, "from %s to %s is %.1f to %.1f %s (%ld to %ld %s): %s%s",
            a, b, umin, umax, unit, dmin, dmax,
            p.unit == CC_UNIT_WORKDAY ? "working days" : "days",
            f->verdict == CC_VERDICT_CONSISTENT
                ? "consistent with the statement"
            : f->verdict == CC_VERDICT_INCONSISTENT
                ? "not what the statement says"
                : "the statement may or may not hold",
            how);
    }
    return f->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

static cc_finding *
new_finding(run *r)
{
    cc_timeline *tl = r->tl;

    if (tl->nfindings == tl->capfindings) {
        size_t cap = tl->capfindings ? 2 * tl->capfindings : 8;
        cc_finding *p = realloc(tl->findings, cap * sizeof *p);
        if (!p)
            return NULL;
        tl->findings = p;
        tl->capfindings = cap;
    }
    memset(&tl->findings[tl->nfindings], 0, sizeof *tl->findings);
    return &tl->findings[tl->nfindings++];
}

/* The next and previous words around [a, b), lower-cased. */
static void
words_around(const run *r, size_t a, size_t b, size_t s0, size_t s1, char *prev,
             char *next, size_t size)
{
    size_t i = a, j;

    prev[0] = next[0] = '\0';
    while (i > s0 && r->text[i - 1] == ' ')
        i--;
    j = i;
    while (j > s0 && r->text[j - 1] != ' ' && r->text[j - 1] != '\n')
        j--;
    if (i - j < size) {
        for (size_t k = 0; k < i - j; k++)
            prev[k] = (char)(r->text[j + k] | 0x20);
        prev[i - j] = '\0';
    }
    i = skip_space(r->text, b, s1);
    j = i;
    while (j < s1 && ((r->text[j] | 0x20) >= 'a' && (r->text[j] | 0x20) <= 'z'))
        j++;
    if (j - i < size) {
        for (size_t k = 0; k < j - i; k++)
            next[k] = (char)(r->text[i + k] | 0x20);
        next[j - i] = '\0';
    }
}

/* Is the paragraph in an "Agreed action" or "Recommendations" section? */
static int
action_section(const run *r, long para)
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

/* Do the words before `at` say "delay of" ("a delay of nearly five
 * months", "delays of 15 months")? */
static int
delay_of(const run *r, size_t s0, size_t at)
{
    size_t e = at, b;

    while (e > s0 && r->text[e - 1] == ' ')
        e--;
    if (e < s0 + 2 || cc_chrono__find(r->text, e - 2, e, "of") != e - 2)
        return 0;
    e -= 2;
    while (e > s0 && r->text[e - 1] == ' ')
        e--;
    b = e;
    while (b > s0 && r->text[b - 1] != ' ')
        b--;
    return cc_chrono__find(r->text, b, e, "delay*") == b;
}

/*
 * The duration a relative date restates ("replied on 18 August, more than
 * two months later"), read by the recogniser from the words before
 * "later", placed at the mention.  0 when there is none.
 */
static int
restated_duration(run *r, const cc_mention *m, cc_mention *out)
{
    size_t n = m->length;
    cc_doc *d = NULL;
    cc_error e = {0};
    int ok = 0;

    while (n > 0 && r->text[m->offset + n - 1] == ' ')
        n--;
    if (n < 6 || cc_chrono__find(r->text, m->offset + n - 5, m->offset + n,
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
        out->offset += m->offset;
        out->paragraph = m->paragraph;
        out->sentence = m->sentence;
        ok = 1;
        break;
    }
    cc_doc_free(d);
    return ok;
}

/* The dated event said last before `at` in the text, on or before `by`,
 * not `not`. */
static size_t
previous_event(const run *r, size_t at, size_t not, cc_date by)
{
    size_t best = NONE;

    for (size_t i = 0; i < r->tl->nevents; i++) {
        const cc_event *ev = &r->tl->events[i];
        if (i == not || ev->kind == CC_EVENT_DECISION ||
            r->tl->info[i].negated || ev->planned || ev->where.offset >= at ||
            ev->earliest > by)
            continue;
        if (best == NONE || ev->where.offset > r->tl->events[best].where.offset)
            best = i;
    }
    return best;
}

/*
 * "after care began": the first word after "after" (past the, her, his,
 * its, a designation), and the event said last before `at` whose
 * sentence names it, dated on or before `by`.
 */
static size_t
named_before(const run *r, size_t at, size_t to, size_t not, cc_date by)
{
    static const char *const skip[] = {"the", "her", "his",   "its",  "their",
                                       "a",   "an",  "first", "then", NULL};
    static const char *const titles[] = {"mr", "mrs", "ms", "miss", "dr", NULL};
    size_t k = cc_chrono__find(r->text, at, to, "after"), best = NONE;
    char word[24];

    if (k == NONE)
        return NONE;
    k += 5;
    for (;;) {
        size_t w0 = skip_space(r->text, k, to), w1 = w0;
        int skipped = 0;
        while (w1 < to &&
               ((r->text[w1] | 0x20) >= 'a' && (r->text[w1] | 0x20) <= 'z'))
            w1++;
        if (w1 == w0 || w1 - w0 + 2 > sizeof word)
            return NONE;
        for (const char *const *s = skip; *s; s++)
            if (w1 - w0 == strlen(*s) &&
                cc_chrono__find(r->text, w0, w1, *s) == w0)
                skipped = 1;
        /* "after Miss W asked for it": past the designation. */
        for (const char *const *s = titles; *s; s++)
            if (w1 - w0 == strlen(*s) &&
                cc_chrono__find(r->text, w0, w1, *s) == w0) {
                size_t n0 = skip_space(r->text, w1, to);
                skipped = 1;
                if (n0 < to && r->text[n0] >= 'A' && r->text[n0] <= 'Z')
                    while (n0 < to && r->text[n0] != ' ')
                        n0++;
                w1 = n0;
            }
        if (skipped) {
            k = w1;
            continue;
        }
        for (size_t i = 0; i < w1 - w0; i++)
            word[i] = (char)(r->text[w0 + i] | 0x20);
        word[w1 - w0] = '\0';
        break;
    }
    /* The narrative first; the summary when only it dates the thing
     * ("more than five months after Mr J first reported the leak"). */
    for (int pass = 0; pass < 2 && best == NONE; pass++)
        for (size_t i = 0; i < r->tl->nevents; i++) {
            const cc_event *ev = &r->tl->events[i];
            const cc_event_info *inf = &r->tl->info[i];
            if (i == not || ev->kind == CC_EVENT_DECISION || inf->negated ||
                ev->planned || ev->earliest > by || ev->where.offset >= at ||
                (!pass && summary_para(r, inf->paragraph)) ||
                !has(r->text, ev->where.sentence_offset,
                     ev->where.sentence_offset + ev->where.sentence_length,
                     word))
                continue;
            /* The sentence said last before; in it, the earliest date ("for
             * care from 23 October to 24 November": care began 23 October). */
            if (best == NONE || inf->sentence > r->tl->info[best].sentence ||
                (inf->sentence == r->tl->info[best].sentence &&
                 ev->earliest < r->tl->events[best].earliest))
                best = i;
        }
    return best;
}

/*
 * The first time the complainant wrote to the council ("Mr T wrote to the
 * Council on 3 February 2020 to ask why ..."), on or before `by`: what "his
 * first letter" or "her complaint" means when no event is called a
 * complaint.
 */
static size_t
first_letter(const run *r, size_t not, cc_date by)
{
    static const char *const wrote[] = {"wrote", "letter", "emailed",
                                        "e-mailed", NULL};

    for (size_t i = 0; i < r->tl->nevents; i++) {
        const cc_event *ev = &r->tl->events[i];
        const cc_event_info *inf = &r->tl->info[i];
        if (i == not || ev->actor != CC_ACTOR_COMPLAINANT || inf->negated ||
            ev->planned || ev->earliest > by ||
            summary_para(r, inf->paragraph) ||
            !has_any(r->text, inf->clause_offset,
                     inf->clause_offset + inf->clause_length, wrote))
            continue;
        return i;
    }
    return NONE;
}

/*
 * What "N later" counts from for the event `end`: a response answers the
 * complaint (or request) before it; anything else follows the last dated
 * event the narrative gave before the sentence.
 */
static size_t
later_start(const run *r, size_t end, size_t s0)
{
    const cc_event *e = &r->tl->events[end];
    size_t best = NONE;

    if (e->kind == CC_EVENT_RESPONSE) {
        for (size_t i = 0; i < r->tl->nevents; i++) {
            const cc_event *c = &r->tl->events[i];
            if ((c->kind != CC_EVENT_COMPLAINT &&
                 c->kind != CC_EVENT_ESCALATION) ||
                r->tl->info[i].negated || c->planned || c->latest > e->earliest)
                continue;
            if (best == NONE || c->earliest >= r->tl->events[best].earliest)
                best = i;
        }
        if (best != NONE)
            return best;
    }
    return previous_event(r, s0, end, e->earliest);
}

/*
 * What a delay is a delay in: the word after "too long to", "delay in",
 * "delayed (in)" ("took too long to assess her mother" gives "asses*");
 * "complaint" means the response to it.  Looked for in [a, b).
 */
static int
delay_subject(const run *r, size_t a, size_t b, char *stem, size_t size)
{
    static const char *const leads[] = {
        "too long to",  "delay in", "delays in", "delayed in",
        "delay to",     "delayed",  "delaying",  "slow to",
        "took long to", "late in",  NULL};
    static const char *const fillers[] = {
        "the",    "its",      "her",        "his",     "their",     "a",
        "an",     "complete", "completing", "carry",   "carrying",  "out",
        "deal",   "dealing",  "with",       "provide", "providing", "make",
        "making", "start",    "starting",   "arrange", "arranging", "to",
        "in",     "properly", "fully",      "mr",      "mrs",       "ms",
        "miss",   NULL};

    for (const char *const *l = leads; *l; l++) {
        size_t k = cc_chrono__find(r->text, a, b, *l);
        if (k == NONE)
            continue;
        k += strlen(*l);
        for (;;) {
            size_t w0 = skip_space(r->text, k, b), w1 = w0;
            int filler = 0;
            while (w1 < b &&
                   ((r->text[w1] | 0x20) >= 'a' && (r->text[w1] | 0x20) <= 'z'))
                w1++;
            if (w1 == w0)
                break;
            for (const char *const *f = fillers; *f; f++)
                if (w1 - w0 == strlen(*f) &&
                    cc_chrono__find(r->text, w0, w1, *f) == w0)
                    filler = 1;
            if (filler) {
                k = w1;
                continue;
            }
            if (cc_chrono__find(r->text, w0, w1, "complain*") == w0) {
                snprintf(stem, size, "respon*");
            } else {
                size_t n = w1 - w0 > 5 ? 5 : w1 - w0;
                if (n + 2 > size)
                    break;
                for (size_t i = 0; i < n; i++)
                    stem[i] = (char)(r->text[w0 + i] | 0x20);
                stem[n] = '*';
                stem[n + 1] = '\0';
            }
            return 1;
        }
    }
    return 0;
}

/*
 * The two ends of "a delay of N" with no dates in its sentence: the date
 * of the sentence that says what was delayed ("took too long to assess her
 * mother ... after a fall on 2 January 2023"), to the first later event
 * whose clause names it ("The assessment was not completed until 30 May
 * 2023").  Looks in the sentence and the two before it in the paragraph.
 */
static void
delay_ends(run *r, const cc_mention *m, ends *from, ends *to)
{
    char stem[16];
    long si = m->sentence;

    for (long back = 0; back <= 2 && si - back >= 0; back++) {
        const cc_sentence *s = cc_doc_sentence(r->doc, (size_t)(si - back));
        size_t a = s->offset, b = s->offset + s->length, st = NONE, en = NONE;
        if (s->paragraph != m->paragraph)
            break;
        if (!delay_subject(r, a, b, stem, sizeof stem))
            continue;
        for (size_t i = 0; i < r->tl->nevents; i++)
            if (r->tl->info[i].sentence == si - back &&
                r->tl->events[i].kind != CC_EVENT_DECISION &&
                (st == NONE ||
                 r->tl->events[i].earliest < r->tl->events[st].earliest))
                st = i;
        if (st == NONE)
            return;
        for (size_t i = 0; i < r->tl->nevents && en == NONE; i++) {
            const cc_event *ev = &r->tl->events[i];
            const cc_event_info *inf = &r->tl->info[i];
            if (i == st || ev->kind == CC_EVENT_DECISION ||
                ev->kind == CC_EVENT_OMBUDSMAN_COMPLAINT || inf->negated ||
                ev->planned || ev->earliest < r->tl->events[st].latest ||
                !has(r->text, inf->clause_offset,
                     inf->clause_offset + inf->clause_length, stem))
                continue;
            en = i;
        }
        *from = ends_of_event(r, st, "start");
        *to = ends_of_event(r, en, "end");
        return;
    }
}

static cc_status
check_findings(run *r)
{
    static const char *const delay[] = {"delay*", "refus*",  "fail*",
                                        "late",   "wait*",   "took",
                                        "still",  "without", NULL};
    static const char *const lateness[] = {"delay*", "late", "too long",
                                           "overdue", NULL};
    static const char *const hypothetical[] = {"would", "should", "could",
                                               "must",  "if",     NULL};
    cc_timeline *tl = r->tl;
    size_t nm = cc_doc_mention_count(r->doc);

    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        cc_mention dm;
        cc_period p;
        char prev[24], next[24];
        const char *how = NULL;
        size_t a, b, mend, adj = NONE;
        ends from, to;
        cc_finding *f;
        cc_status st;

        /* "replied on 18 August, more than two months later": the
         * relative date restates an interval; read its duration. */
        if (m->type == CC_MENTION_DATE &&
            (adj = cc_chrono__restated(r->doc, r->text, i)) != NONE &&
            restated_duration(r, m, &dm))
            m = &dm;
        else
            adj = NONE;
        mend = m->offset + m->length;
        if (m->type != CC_MENTION_DURATION || m->sentence < 0 ||
            !cc_chrono__narrative(r->doc, m->paragraph) || !period_of(m, &p) ||
            of_decision(r->text, mend, r->len) ||
            action_section(r, m->paragraph))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        a = s->offset;
        b = s->offset + s->length;
        words_around(r, m->offset, mend, a, b, prev, next, sizeof prev);
        if (adj != NONE)
            how = "after";
        else if (strcmp(next, "late") == 0 || strcmp(next, "outside") == 0 ||
                 strcmp(next, "overdue") == 0 ||
                 (strcmp(next, "too") == 0 &&
                  has(r->text, mend, b, "too long")))
            how = "late";
        else if (strcmp(next, "after") == 0 || strcmp(next, "later") == 0)
            how = "after";
        else if (strcmp(prev, "took") == 0 || strcmp(prev, "waited") == 0 ||
                 strcmp(prev, "lasted") == 0)
            how = "took";
        else if (delay_of(r, a, m->offset))
            how = "delay";
        else if ((strcmp(prev, "for") == 0 || strcmp(prev, "had") == 0) &&
                 (has_any(r->text, a, b, delay) ||
                  (has(r->text, mend, b, "from") &&
                   dated_mention_in(r, mend, b, mend, 0) != NONE)))
            how = "for";
        if (!how)
            continue;
        if (strcmp(how, "late") != 0 && has_any(r->text, a, b, hypothetical))
            continue;
        memset(&from, 0, sizeof from);
        memset(&to, 0, sizeof to);

        if (strcmp(how, "late") == 0) {
            const cc_deadline *d = deadline_by_words(r, a, b, m->offset);
            /* "It was one day late": the deadline whose actual date the
             * paragraph gave last. */
            if (!d)
                d = deadline_by_actual(r, m->paragraph, m->offset);
            /* "That was five working days too long": the sentences
             * before say what was late. */
            for (long back = 1; !d && back <= 2 && m->sentence - back >= 0;
                 back++) {
                const cc_sentence *ps =
                    cc_doc_sentence(r->doc, (size_t)(m->sentence - back));
                if (ps->paragraph != s->paragraph)
                    break;
                d = deadline_by_words(r, ps->offset, ps->offset + ps->length,
                                      m->offset);
            }
            if (!d)
                d = promise_before(r, m->offset, m->paragraph);
            if (d) {
                from = deadline_due(r, d);
                to = deadline_actual(r, d);
            }
        } else if (strcmp(how, "after") == 0) {
            int later = adj != NONE || strcmp(next, "later") == 0;
            size_t own =
                adj != NONE ? adj : dated_mention_in(r, a, b, m->offset, 1);
            size_t start = later ? NONE : dated_mention_in(r, mend, b, mend, 0);
            size_t endev = own != NONE ? event_of_mention(r, own) : NONE;
            const cc_deadline *d = NULL;
            cc_event_kind k;
            /* "acknowledged the complaint three working days later":
             * the timing of an act the text dates no other way, not a
             * statement to check, unless the sentence calls it late. */
            if (later && endev == NONE && !has_any(r->text, a, b, lateness))
                continue;
            if (start == NONE && !later &&
                has_any(r->text, mend, b,
                        (const char *const[]){"due", "sets", "timescale",
                                              "deadline", NULL}))
                d = deadline_by_words(r, a, b, b);
            if (endev == NONE && d) {
                to = deadline_actual(r, d);
            } else {
                if (endev == NONE && !later) {
                    k = cc_chrono__phrase_kind(r->text, a, m->offset);
                    if (k != CC_EVENT_OTHER)
                        endev =
                            nearest_of_kind(r, k, m->offset, NONE, INT32_MAX);
                }
                to = ends_of_event(r, endev, "end");
            }
            if (later) {
                if (endev != NONE)
                    from = ends_of_event(r, later_start(r, endev, a), "start");
            } else if (start != NONE && event_of_mention(r, start) != NONE) {
                from = ends_of_event(r, event_of_mention(r, start), "start");
            } else if (d) {
                from = deadline_due(r, d);
            } else {
                cc_date by = to.ok ? to.l : INT32_MAX;
                size_t st0 = NONE;
                k = cc_chrono__phrase_kind(r->text, mend, b);
                /* "almost three months after care began": the event said
                 * last before whose clause names it. */
                if (k == CC_EVENT_OTHER)
                    st0 = named_before(r, mend, b, endev, by);
                if (k == CC_EVENT_OTHER && st0 == NONE)
                    k = cc_chrono__phrase_kind(
                        r->text, a,
                        own != NONE ? cc_doc_mention(r->doc, own)->offset
                                    : m->offset);
                if (st0 == NONE && k != CC_EVENT_OTHER) {
                    st0 = nearest_of_kind(r, k, m->offset, endev, by);
                    /* "after Mr T's first letter" when the decision
                     * tells the complaint as writing to the council. */
                    if (st0 == NONE && k == CC_EVENT_COMPLAINT)
                        st0 = first_letter(r, endev, by);
                }
                from = ends_of_event(r, st0, "start");
            }
        } else {
            size_t first = dated_mention_in(r, a, b, a, 0);
            size_t last = dated_mention_in(r, a, b, b, 1);
            if (first != NONE && last != NONE && first != last) {
                from = ends_of_event(r, event_of_mention(r, first), "start");
                to = ends_of_event(r, event_of_mention(r, last), "end");
            } else if (strcmp(how, "delay") == 0) {
                delay_ends(r, m, &from, &to);
            } else if ((strcmp(next, "to") == 0 &&
                        has(r->text, mend, mend + 16 < b ? mend + 16 : b,
                            "respond")) ||
                       (has(r->text, a, m->offset, "response") &&
                        !has(r->text, a, b, "from"))) {
                /* "The Council took 15 working days to respond at stage
                 * 1": the stage's own trigger and response. */
                const cc_deadline *d = deadline_by_words(r, a, b, b);
                if (d && d->check == CC_CHECK_COMPLAINT_STAGE) {
                    from =
                        ends_of_event(r, (size_t)d->inputs[0].event, "start");
                    to = deadline_actual(r, d);
                }
            }
        }
        /* Ends the wrong way round were paired wrongly: say only what is
         * known rather than measure backwards. */
        if (from.ok && to.ok && from.e > to.l)
            from.ok = 0;
        f = new_finding(r);
        if (!f)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        f->stated = cc_chrono__strndup(&tl->pool, m->value, strlen(m->value));
        f->mod = cc_chrono__strndup(&tl->pool, m->mod, strlen(m->mod));
        if (!f->stated || !f->mod)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        f->workdays = p.unit == CC_UNIT_WORKDAY;
        f->measure = how;
        cc_chrono__place(&f->where, &tl->pool, r->doc, m->offset, m->length);
        f->from.event = f->to.event = -1;
        if ((st = measure(r, f, m, p, from, to)) != CC_OK)
            return st;
    }
    return CC_OK;
}

/* ------------------------------------------------------------------ */

cc_status
cc_checks__run(cc_timeline *tl, const cc_ctx *ctx, const cc_doc *doc,
               cc_error *err)
{
    run r;
    cc_status st;
    cc_error ignored = {0};

    memset(&r, 0, sizeof r);
    r.tl = tl;
    r.ctx = ctx;
    r.doc = doc;
    r.text = cc_doc_text(doc, &r.len);
    r.err = err;
    r.has_today = cc_ctx_today(ctx, &r.today);
    /* Working days: every rule here counts England and Wales days. */
    if (cc_calendar_new(&r.cal, ctx, "england-and-wales", &ignored) != CC_OK)
        r.cal = NULL;
    if ((st = check_late_complaint(&r)) != CC_OK ||
        (st = check_child_protection(&r)) != CC_OK ||
        (st = check_stages(&r)) != CC_OK ||
        (st = check_council_timescale(&r)) != CC_OK ||
        (st = check_agreed_actions(&r)) != CC_OK ||
        (st = check_promises(&r)) != CC_OK ||
        (st = check_findings(&r)) != CC_OK)
        goto done;
done:
    cc_calendar_free(r.cal);
    return st;
}
