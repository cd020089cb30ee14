/*
 * Statements of delay ("two months late") measured against the dates.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/common.h"
#include "date.h"
#include "error.h"

/* The number of event kinds (cc_event_kind). */
#define NKINDS ((size_t)CC_EVENT_PLACEMENT + 1)

/* ------------------------------------------------------------------ */
/* 6. Statements of delay                                              */

/*
 * Every statement looks up mentions, events and deadlines near it.  Scans
 * of all of them for each statement made the check quadratic in a long
 * input; these indexes, made once, answer the same questions.  The names
 * a rule gives are looked for once per rule and lookup, not once per
 * deadline (a chain of reviews has many deadlines of one rule).
 */
typedef struct findex {
    const cc_rule **rule; /* each deadline's rule, or NULL */
    size_t *event;        /* each mention's event (not the decision), NONE */
    int sorted;           /* mentions in offset order: spans by search */
    const cc_rule *rule0; /* the context's first rule: indexes by pointer */
    size_t nrules;
    size_t *pos[2]; /* per rule: names (0), completion (1) said last */
    unsigned *seen[2], stamp; /* pos[k][i] holds for this stamp */
    size_t *named;            /* the deadlines a name can pick, in order */
    size_t nnamed;
    size_t *done; /* the deadlines a completion can pick, in order */
    size_t ndone;
    struct acted *said; /* actual events' inputs by paragraph, offset */
    size_t nsaid;
    size_t *actual; /* each deadline's last "actual" input's offset, NONE */
    struct acted {
        size_t at, deadline;
        long para; /* the event's paragraph (in `said` only) */
    } * acted;     /* actual inputs of timescales (not minimum), by offset */
    size_t nacted;
    /* The events named_before() reads, by sentence: every event but the
     * decision with a sentence, in (sentence, event) order, when each
     * lies in its sentence (else by_sentence is NULL); those without a
     * sentence, in event order. */
    size_t *by_sentence, nby, *unplaced, nunplaced;
    /* For each word named_before() has looked for, and pass: the events
     * of by_sentence, in its order, that can name it whatever the place
     * and date asked about (not denied, not planned, not in the summary on
     * pass 0, their sentence has the word). */
    struct wordlist {
        char word[24];
        int pass;
        size_t *ev, n;
    } * lists;
    size_t nlists, caplists;
    /* Every event in (offset, index) order, for previous_event(); the
     * same by kind, kind k's from kind_at[k] to kind_at[k + 1], for
     * nearest_of_kind(). */
    size_t *by_offset, *by_kind, kind_at[NKINDS + 1];
    int by_date; /* the events are in order of earliest date */
    /* The complaints and escalations that happened (not denied, not
     * planned) in (latest, index) order, and for each prefix the one
     * later_start() picks: the latest earliest, the last of equals. */
    size_t *asked, *asked_best, nasked;
    /* The promises with an event, in (its offset, deadline) order. */
    size_t *promises, npromises;
    /* The rules with deadlines that have a trigger event, each with those
     * deadlines in order and the earliest trigger date of each prefix,
     * for trigger_named(). */
    struct triggers {
        const cc_rule *rule;
        size_t *deadline, n;
        cc_date *first; /* first[k]: the earliest of deadline[0..k] */
    } * trig;
    size_t ntrig;
} findex;

static void
findex_free(findex *x)
{
    free(x->rule);
    free(x->event);
    free(x->named);
    free(x->done);
    free(x->said);
    free(x->actual);
    free(x->acted);
    free(x->by_sentence);
    free(x->unplaced);
    for (size_t k = 0; k < x->nlists; k++)
        free(x->lists[k].ev);
    free(x->lists);
    free(x->by_offset);
    free(x->by_kind);
    free(x->asked);
    free(x->asked_best);
    free(x->promises);
    for (size_t k = 0; k < x->ntrig; k++) {
        free(x->trig[k].deadline);
        free(x->trig[k].first);
    }
    free(x->trig);
    for (int k = 0; k < 2; k++) {
        free(x->pos[k]);
        free(x->seen[k]);
    }
}

static size_t actual_at(const cc_deadline *d);

/* Orders struct acted by paragraph, offset, then deadline. */
static int
acted_order(const void *a, const void *b)
{
    const struct acted *x = a, *y = b;

    if (x->para != y->para)
        return x->para < y->para ? -1 : 1;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x->deadline < y->deadline ? -1 : x->deadline > y->deadline;
}

static cc_status
index_deadlines(const run *r, findex *x)
{
    size_t nd = r->tl->ndeadlines, na = 0;

    x->named = malloc((nd ? nd : 1) * sizeof *x->named);
    x->done = malloc((nd ? nd : 1) * sizeof *x->done);
    x->actual = malloc((nd ? nd : 1) * sizeof *x->actual);
    for (size_t i = 0; i < nd; i++)
        na += r->tl->deadlines[i].ninputs;
    x->acted = malloc((na ? na : 1) * sizeof *x->acted);
    x->said = malloc((na ? na : 1) * sizeof *x->said);
    if (!x->named || !x->done || !x->actual || !x->acted || !x->said)
        return CC_ENOMEM;
    for (size_t i = 0; i < nd; i++) {
        const cc_deadline *d = &r->tl->deadlines[i];
        const cc_rule *rule = x->rule[i];
        x->actual[i] = actual_at(d);
        /* deadline_by_completion(): with an actual date, not a minimum */
        if (rule && d->has_actual && strcmp(rule->engage.check, "minimum") != 0)
            x->done[x->ndone++] = i;
        /* deadline_by_actual(): the actual events, by paragraph */
        for (size_t j = 0; j < d->ninputs; j++)
            if (strcmp(d->inputs[j].role, "actual") == 0 &&
                d->inputs[j].event >= 0) {
                struct acted *e = &x->said[x->nsaid++];
                e->at = d->inputs[j].where.offset;
                e->deadline = i;
                e->para = r->tl->info[d->inputs[j].event].paragraph;
            }
        /* deadline_by_words(): a council's own timescale or a rule with
         * names; only a timescale without its act can be the one meant */
        if ((d->check == CC_CHECK_COUNCIL_TIMESCALE ||
             (rule && rule->engage.names.n)) &&
            (d->has_actual || d->check == CC_CHECK_TIMESCALE))
            x->named[x->nnamed++] = i;
        /* deadline_acted_in(): a minimum period is not a deadline an act
         * can be late for */
        if (d->check != CC_CHECK_TIMESCALE || !d->has_actual || !rule ||
            strcmp(rule->engage.check, "minimum") == 0)
            continue;
        for (size_t j = 0; j < d->ninputs; j++)
            if (strcmp(d->inputs[j].role, "actual") == 0) {
                x->acted[x->nacted].at = d->inputs[j].where.offset;
                x->acted[x->nacted].para = 0;
                x->acted[x->nacted++].deadline = i;
            }
    }
    qsort(x->acted, x->nacted, sizeof *x->acted, acted_order);
    /* Entries equal in all three are inputs of one deadline at one
     * offset: any of them gives that deadline. */
    qsort(x->said, x->nsaid, sizeof *x->said, acted_order);
    return CC_OK;
}

static cc_status
index_sentences(const run *r, findex *x)
{
    const cc_timeline *tl = r->tl;
    size_t ne = tl->nevents, ns = cc_doc_sentence_count(r->doc);
    int ok = 1;

    x->by_sentence = malloc((ne ? ne : 1) * sizeof *x->by_sentence);
    x->unplaced = malloc((ne ? ne : 1) * sizeof *x->unplaced);
    if (!x->by_sentence || !x->unplaced)
        return CC_ENOMEM;
    for (size_t i = 0; i < ne; i++) {
        long s = tl->info[i].sentence;
        if (tl->events[i].kind == CC_EVENT_DECISION)
            continue;
        if (s < 0) {
            x->unplaced[x->nunplaced++] = i;
            continue;
        }
        /* A sentence starting at or after `at` has no event before it. */
        if ((size_t)s >= ns || tl->events[i].where.offset <
                                   cc_doc_sentence(r->doc, (size_t)s)->offset)
            ok = 0;
        x->by_sentence[x->nby++] = i;
    }
    if (!ok) {
        free(x->by_sentence);
        x->by_sentence = NULL;
        return CC_OK;
    }
    /* Counting sort by sentence keeps the event order within one. */
    {
        size_t *count = calloc(ns + 1, sizeof *count), *sorted;
        if (!count)
            return CC_ENOMEM;
        sorted = malloc((x->nby ? x->nby : 1) * sizeof *sorted);
        if (!sorted) {
            free(count);
            return CC_ENOMEM;
        }
        for (size_t k = 0; k < x->nby; k++)
            count[tl->info[x->by_sentence[k]].sentence + 1]++;
        for (size_t s = 1; s <= ns; s++)
            count[s] += count[s - 1];
        for (size_t k = 0; k < x->nby; k++)
            sorted[count[tl->info[x->by_sentence[k]].sentence]++] =
                x->by_sentence[k];
        free(count);
        free(x->by_sentence);
        x->by_sentence = sorted;
    }
    return CC_OK;
}

/* Is event i one that happened: not denied, not planned? */
static int
happened(const run *r, size_t i)
{
    return !r->tl->info[i].negated && !r->tl->events[i].planned;
}

static cc_status
index_events(const run *r, findex *x)
{
    const cc_timeline *tl = r->tl;
    size_t ne = tl->nevents, nd = tl->ndeadlines, n = 0;
    cc_okey *keys = malloc(((ne > nd ? ne : nd) + 1) * sizeof *keys);

    if (!keys)
        return CC_ENOMEM;
    x->by_date = 1;
    for (size_t i = 0; i < ne; i++) {
        keys[i] = (cc_okey){(long long)tl->events[i].where.offset, 0, i};
        if (i && tl->events[i].earliest < tl->events[i - 1].earliest)
            x->by_date = 0;
    }
    if (!(x->by_offset = cc_check__sorted_indexes(keys, ne)))
        goto oom;
    memset(x->kind_at, 0, sizeof x->kind_at);
    for (size_t i = 0; i < ne; i++) {
        size_t k = (size_t)tl->events[i].kind;
        keys[i] = (cc_okey){(long long)(k < NKINDS ? k : NKINDS),
                            (long long)tl->events[i].where.offset, i};
        if (k < NKINDS)
            x->kind_at[k + 1]++;
    }
    for (size_t k = 1; k <= NKINDS; k++)
        x->kind_at[k] += x->kind_at[k - 1];
    if (!(x->by_kind = cc_check__sorted_indexes(keys, ne)))
        goto oom;
    for (size_t i = 0; i < ne; i++)
        if ((tl->events[i].kind == CC_EVENT_COMPLAINT ||
             tl->events[i].kind == CC_EVENT_ESCALATION) &&
            happened(r, i))
            keys[n++] = (cc_okey){tl->events[i].latest, 0, i};
    x->nasked = n;
    if (!(x->asked = cc_check__sorted_indexes(keys, n)) ||
        !(x->asked_best = malloc((n ? n : 1) * sizeof *x->asked_best)))
        goto oom;
    for (size_t k = 0; k < n; k++) {
        size_t i = x->asked[k], b = k ? x->asked_best[k - 1] : NONE;
        x->asked_best[k] =
            b == NONE || tl->events[i].earliest > tl->events[b].earliest ||
                    (tl->events[i].earliest == tl->events[b].earliest && i > b)
                ? i
                : b;
    }
    n = 0;
    for (size_t i = 0; i < nd; i++) {
        const cc_deadline *d = &tl->deadlines[i];
        if (d->check == CC_CHECK_PROMISE && d->ninputs > 0 &&
            d->inputs[0].event >= 0)
            keys[n++] = (cc_okey){
                (long long)tl->events[d->inputs[0].event].where.offset, 0, i};
    }
    x->npromises = n;
    if (!(x->promises = cc_check__sorted_indexes(keys, n)))
        goto oom;
    free(keys);
    return CC_OK;
oom:
    free(keys);
    return CC_ENOMEM;
}

/* Has deadline i a rule and a trigger event (what trigger_named()
 * returns)? */
static int
has_trigger(const run *r, const findex *x, size_t i)
{
    const cc_deadline *d = &r->tl->deadlines[i];

    return x->rule[i] && d->ninputs && d->inputs[0].event >= 0;
}

/* The group of x->trig for `rule`, made when `make`; NULL when there is
 * none (or out of memory). */
static struct triggers *
trigger_group(findex *x, const cc_rule *rule, int make)
{
    struct triggers *p;

    for (size_t t = 0; t < x->ntrig; t++)
        if (x->trig[t].rule == rule)
            return &x->trig[t];
    if (!make || !(p = realloc(x->trig, (x->ntrig + 1) * sizeof *p)))
        return NULL;
    x->trig = p;
    p = &x->trig[x->ntrig++];
    memset(p, 0, sizeof *p);
    p->rule = rule;
    return p;
}

/* x->trig: the deadlines with a trigger event, grouped by rule (counted,
 * then filled). */
static cc_status
index_triggers(const run *r, findex *x)
{
    const cc_timeline *tl = r->tl;
    size_t nd = tl->ndeadlines;
    struct triggers *g;

    for (size_t i = 0; i < nd; i++) {
        if (!has_trigger(r, x, i))
            continue;
        if (!(g = trigger_group(x, x->rule[i], 1)))
            return CC_ENOMEM;
        g->n++;
    }
    for (size_t t = 0; t < x->ntrig; t++) {
        g = &x->trig[t];
        g->deadline = malloc(g->n * sizeof *g->deadline);
        g->first = malloc(g->n * sizeof *g->first);
        if (!g->deadline || !g->first)
            return CC_ENOMEM;
        g->n = 0;
    }
    for (size_t i = 0; i < nd; i++) {
        cc_date e;
        if (!has_trigger(r, x, i))
            continue;
        g = trigger_group(x, x->rule[i], 0);
        e = tl->events[tl->deadlines[i].inputs[0].event].earliest;
        g->first[g->n] =
            g->n && g->first[g->n - 1] < e ? g->first[g->n - 1] : e;
        g->deadline[g->n++] = i;
    }
    return CC_OK;
}

static cc_status
findex_make(run *r, findex *x)
{
    size_t nm = cc_doc_mention_count(r->doc), nd = r->tl->ndeadlines;

    memset(x, 0, sizeof *x);
    x->nrules = cc_ctx_rule_count(r->ctx);
    x->rule0 = cc_ctx_rule(r->ctx, 0);
    x->rule = calloc(nd ? nd : 1, sizeof *x->rule);
    x->event = malloc((nm ? nm : 1) * sizeof *x->event);
    for (int k = 0; k < 2; k++) {
        x->pos[k] = calloc(x->nrules + 1, sizeof *x->pos[k]);
        x->seen[k] = calloc(x->nrules + 1, sizeof *x->seen[k]);
        if (!x->pos[k] || !x->seen[k])
            return CC_ENOMEM;
    }
    if (!x->rule || !x->event)
        return CC_ENOMEM;
    for (size_t i = 0; i < nd; i++)
        x->rule[i] = r->tl->deadlines[i].rule
                         ? cc_ctx_rule_find(r->ctx, r->tl->deadlines[i].rule)
                         : NULL;
    for (size_t i = 0; i < nm; i++)
        x->event[i] = NONE;
    /* The first event of each mention, in event order. */
    for (size_t i = r->tl->nevents; i-- > 0;) {
        size_t mi = r->tl->events[i].mention;
        if (mi < nm && r->tl->events[i].kind != CC_EVENT_DECISION)
            x->event[mi] = i;
    }
    x->sorted = 1;
    for (size_t i = 1; i < nm && x->sorted; i++)
        x->sorted = cc_doc_mention(r->doc, i - 1)->offset <=
                    cc_doc_mention(r->doc, i)->offset;
    if (index_deadlines(r, x) != CC_OK || index_events(r, x) != CC_OK ||
        index_triggers(r, x) != CC_OK)
        return CC_ENOMEM;
    return index_sentences(r, x);
}

/* The rule's cached position of kind k for this stamp, or NULL when it
 * is not known yet (*slot then takes it). */
static size_t *
rule_slot(const run *r, const cc_rule *rule, int k, int *known)
{
    findex *x = r->fx;
    size_t i = (size_t)(rule - x->rule0);

    if (i >= x->nrules) {
        *known = 0;
        return NULL;
    }
    *known = x->seen[k][i] == x->stamp;
    x->seen[k][i] = x->stamp;
    return &x->pos[k][i];
}

/* d plus n calendar months, the day kept or, past the month's end, its
 * last day: what cc_months_add gives (ICU's proleptic Gregorian add),
 * without opening a calendar for each month counted.  0 outside the
 * years dates have. */
static int
months_add(cc_date *out, cc_date d, int n)
{
    int y, m, dd, dim;
    long t;

    cc_date_to_ymd(d, &y, &m, &dd);
    t = (long)y * 12 + (m - 1) + n;
    if (t < (long)CC_YEAR_MIN * 12 || t > (long)CC_YEAR_MAX * 12 + 11)
        return 0;
    y = (int)(t / 12);
    m = (int)(t % 12) + 1;
    dim = cc_days_in_month(y, m);
    *out = cc_date__from_ymd_unchecked(y, m, dd < dim ? dd : dim);
    return 1;
}

/* The calendar months from a to b, with the part month as a fraction. */
static double
months_between(cc_date a, cc_date b)
{
    int m = 0;
    cc_date cur = a, nxt;

    if (b <= a)
        return 0.0;
    for (;;) {
        if (!months_add(&nxt, a, m + 1))
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
    x.ev = cc_check__event_evidence(r, i, role);
    return x;
}

/* The event made from mention index `mi`, or NONE. */
static size_t
event_of_mention(const run *r, size_t mi)
{
    return mi < cc_doc_mention_count(r->doc) ? r->fx->event[mi] : NONE;
}

/* The dated mention in [a, b) nearest `at` on the given side. */
static size_t
dated_mention_in(const run *r, size_t a, size_t b, size_t at, int before)
{
    size_t best = NONE, n = cc_doc_mention_count(r->doc), i = 0;

    if (r->fx->sorted) {
        /* the first mention at or after a */
        size_t hi = n;
        while (i < hi) {
            size_t mid = i + (hi - i) / 2;
            if (cc_doc_mention(r->doc, mid)->offset < a)
                i = mid + 1;
            else
                hi = mid;
        }
    }
    for (; i < n; i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        if (r->fx->sorted && m->offset > b)
            break;
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

/* The first event dated on or after `d` (the events in date order), or
 * 0 when they are not. */
static size_t
first_on_or_after(const run *r, cc_date d)
{
    size_t lo = 0, hi = r->tl->nevents;

    if (!r->fx->by_date)
        return 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->tl->events[mid].earliest < d)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The event of `kind` nearest in the text to `at`, not `not`, on or
 * before `by` (its earliest). */
static size_t
nearest_of_kind(const run *r, cc_event_kind kind, size_t at, size_t not,
                cc_date by)
{
    const findex *x = r->fx;
    size_t best = NONE, bestd = NONE, lo, hi, k;

    if ((size_t)kind >= NKINDS)
        return NONE;
    /* From the first event of the kind at or after `at`, outwards each
     * way while an event can be as near as the best (the distance grows
     * along each walk); of equals, the first event. */
    lo = x->kind_at[kind];
    hi = x->kind_at[kind + 1];
    k = cc_check__offset_bound(r->tl, x->by_kind, lo, hi, at);
    for (int side = 0; side < 2; side++)
        for (size_t j = k;;) {
            size_t i, off, dist;
            const cc_event *ev;
            if (side ? j-- == lo : j == hi)
                break;
            i = x->by_kind[side ? j : j++];
            ev = &r->tl->events[i];
            off = ev->where.offset;
            /* A later mention counts double: narratives look back. */
            dist = off > at ? 2 * (off - at) : at - off;
            if (dist > bestd)
                break;
            if (i == not || !happened(r, i) || ev->earliest > by)
                continue;
            if (dist < bestd || i < best) {
                bestd = dist;
                best = i;
            }
        }
    return best;
}

/* Which deadline a sentence is about: the deadline word nearest before
 * `at` ("the review panel met four working days outside"). */
/* Where the actual act of d is said, or NONE. */
static size_t
actual_at(const cc_deadline *d)
{
    size_t at = NONE;

    for (size_t j = 0; j < d->ninputs; j++)
        if (strcmp(d->inputs[j].role, "actual") == 0)
            at = d->inputs[j].where.offset;
    return at;
}

/* The last place in [a, to) one of `words` is said, or NONE. */
static size_t
last_said(const char *text, size_t a, size_t to, const char *const *words,
          size_t n)
{
    size_t pos = NONE;

    for (size_t k = 0; k < n; k++) {
        size_t p = a;
        while ((p = cc_words__find(text, p, to, words[k])) != NONE) {
            if (pos == NONE || p > pos)
                pos = p;
            p++;
        }
    }
    return pos;
}

/* The deadline a statement of delay names, by the words each rule's data
 * gives it ("stage 2", "the final plan", "review conference"), in [a, at):
 * the name said last before `at` wins; of deadlines with the same name
 * (the reviews of a chain), the one with an actual date said last before
 * `at`.  A council's own timescale is not a rule: its words are here. */
static const cc_deadline *
deadline_by_words(const run *r, size_t a, size_t b, size_t at)
{
    static const char *const council[] = {"own deadline", "its policy",
                                          "its procedure"};
    const cc_deadline *best = NULL;
    size_t bestpos = 0, bestact = NONE, council_pos = NONE;
    int council_known = 0;

    (void)b;
    r->fx->stamp++;
    for (size_t q = 0; q < r->fx->nnamed; q++) {
        size_t i = r->fx->named[q];
        const cc_deadline *d = &r->tl->deadlines[i];
        const cc_rule *rule = r->fx->rule[i];
        size_t pos, act = r->fx->actual[i], *slot;
        int better, known;

        if (d->check == CC_CHECK_COUNCIL_TIMESCALE) {
            if (!council_known)
                council_pos = last_said(r->text, a, at, council,
                                        sizeof council / sizeof *council);
            council_known = 1;
            pos = council_pos;
        } else if (rule && rule->engage.names.n) {
            slot = rule_slot(r, rule, 0, &known);
            if (slot && known)
                pos = *slot;
            else
                pos = last_said(r->text, a, at, rule->engage.names.items,
                                rule->engage.names.n);
            if (slot)
                *slot = pos;
        } else
            continue;
        /* Only a timescale without its act can be the one meant. */
        if (pos == NONE || (!d->has_actual && d->check != CC_CHECK_TIMESCALE))
            continue;
        if (!best || pos > bestpos)
            better = 1;
        else if (pos < bestpos)
            better = 0;
        else if (d->has_actual != best->has_actual)
            better = d->has_actual;
        else
            better = act != NONE && act <= at &&
                     (bestact == NONE || bestact > at || act > bestact);
        if (better) {
            best = d;
            bestpos = pos;
            bestact = act;
        }
    }
    return best;
}

/* The deadline whose completing act the words in [a, at) name by its
 * rule's completion patterns ("The Council took almost ten months to
 * respond to Mrs N's complaint"), said last; only deadlines with an actual
 * date. */
static const cc_deadline *
deadline_by_completion(const run *r, size_t a, size_t at)
{
    const cc_deadline *best = NULL;
    size_t bestpos = 0;

    r->fx->stamp++;
    for (size_t q = 0; q < r->fx->ndone; q++) {
        size_t i = r->fx->done[q];
        const cc_deadline *d = &r->tl->deadlines[i];
        const cc_rule *rule = r->fx->rule[i];
        size_t last = NONE, *slot;
        int known;
        /* The deadline wins when its patterns' last match is past the
         * best so far (the first match at all, when there is none). */
        slot = rule_slot(r, rule, 1, &known);
        if (slot && known) {
            last = *slot;
        } else {
            for (size_t k = 0; k < rule->engage.completion.n; k++) {
                size_t pos = cc_words__find_pattern(
                    r->text, a, at, rule->engage.completion.items[k], NULL,
                    NULL);
                if (pos != NONE && (last == NONE || pos > last))
                    last = pos;
            }
            if (slot)
                *slot = last;
        }
        if (last != NONE && (!best || last > bestpos)) {
            best = d;
            bestpos = last;
        }
    }
    return best;
}

/* The deadline named in the mention's sentence (from `first_back` = 0) or
 * the two before it in its paragraph, up to the mention: by the rule's
 * names, or by its completion patterns when `by_completion`. */
static const cc_deadline *
named_before_in_paragraph(const run *r, const cc_mention *m, long first_back,
                          int by_completion)
{
    const cc_deadline *d = NULL;
    long para = cc_doc_sentence(r->doc, (size_t)m->sentence)->paragraph;

    for (long back = first_back; !d && back <= 2 && m->sentence - back >= 0;
         back++) {
        const cc_sentence *ps =
            cc_doc_sentence(r->doc, (size_t)(m->sentence - back));
        size_t to = back ? ps->offset + ps->length : m->offset;
        if (ps->paragraph != para)
            break;
        d = by_completion ? deadline_by_completion(r, ps->offset, to)
                          : deadline_by_words(r, ps->offset, to, m->offset);
    }
    return d;
}

/* The statutory timescale whose act the sentence [a, b) itself dates ("On
 * 8 June the Council decided not to issue a plan, nine days late"). */
static const cc_deadline *
deadline_acted_in(const run *r, size_t a, size_t b)
{
    const findex *x = r->fx;
    size_t lo = 0, hi = x->nacted, best = NONE;

    /* The first deadline, in order, with an actual input in [a, b). */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->acted[mid].at < a)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < x->nacted && x->acted[lo].at < b; lo++)
        if (best == NONE || x->acted[lo].deadline < best)
            best = x->acted[lo].deadline;
    return best == NONE ? NULL : &r->tl->deadlines[best];
}

/* The deadline whose actual event is said last before `at` in paragraph
 * `para`, or NULL. */
static const cc_deadline *
deadline_by_actual(const run *r, long para, size_t at)
{
    const findex *x = r->fx;
    size_t lo = 0, hi = x->nsaid, k;

    /* The last entry of the paragraph at or before `at`; of those at its
     * offset, the first deadline. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct acted *e = &x->said[mid];
        if (e->para < para || (e->para == para && e->at <= at))
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || x->said[lo - 1].para != para)
        return NULL;
    k = lo - 1;
    while (k > 0 && x->said[k - 1].para == para &&
           x->said[k - 1].at == x->said[k].at)
        k--;
    return &r->tl->deadlines[x->said[k].deadline];
}

/* The actual end of a deadline, as the end of an interval. */
static ends
deadline_actual(const run *r, const cc_deadline *d)
{
    ends x;

    memset(&x, 0, sizeof x);
    for (size_t k = 0; k < d->ninputs; k++) {
        const cc_evidence *in = &d->inputs[k];
        if (strcmp(in->role, "actual") != 0)
            continue;
        if (in->event >= 0) {
            x = ends_of_event(r, (size_t)in->event, "actual");
        } else if (in->dated) {
            /* dated by the time the decision says it took */
            x.ok = 1;
            x.e = in->earliest;
            x.l = in->latest;
            x.grain = CC_GRAIN_DAY;
            x.ev = *in;
        }
    }
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
    const findex *x = r->fx;
    const cc_deadline *best = NULL;
    size_t lo = 0, hi = x->npromises, best_at = 0;

    /* Back from the last said at or before `at`; of those at its offset,
     * the first deadline.  Paragraphs go with offsets: past one too
     * early, all are. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const cc_deadline *d = &r->tl->deadlines[x->promises[mid]];
        if (r->tl->events[d->inputs[0].event].where.offset <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo-- > 0) {
        const cc_deadline *d = &r->tl->deadlines[x->promises[lo]];
        long ev = d->inputs[0].event, p = r->tl->info[ev].paragraph;
        size_t off = r->tl->events[ev].where.offset;
        if (best && off != best_at)
            break;
        if (p < para - 1) {
            if (p >= 0)
                break;
            continue;
        }
        best = d;
        best_at = off;
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
    char a[48], b[48], x[32], y[32], count[64];
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
        const cc_calendar *cal = cc_check__calendar(r, "");
        if (!cal ||
            cc_workdays_between(&dmin, cal, from.l,
                                to.e > from.l ? to.e : from.l, &e) != CC_OK ||
            cc_workdays_between(&dmax, cal, from.e,
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
    cc_check__span_text(from.e, from.l, a, sizeof a);
    cc_check__span_text(to.e, to.l, b, sizeof b);
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
        snprintf(x, sizeof x, "%.1f", umin);
        snprintf(y, sizeof y, "%.1f", umax);
        f->note = cc_pool__printf(
            &tl->pool, "from %s to %s is %s%s%s %s (%s): %s%s", a, b, x,
            strcmp(x, y) ? " to " : "", strcmp(x, y) ? y : "", unit,
            cc_check__count_text(
                dmin, dmax, p.unit == CC_UNIT_WORKDAY ? "working day" : "day",
                p.unit == CC_UNIT_WORKDAY ? "working days" : "days", count,
                sizeof count),
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
    i = cc_check__skip_space(r->text, b, s1);
    j = i;
    while (j < s1 && ((r->text[j] | 0x20) >= 'a' && (r->text[j] | 0x20) <= 'z'))
        j++;
    if (j - i < size) {
        for (size_t k = 0; k < j - i; k++)
            next[k] = (char)(r->text[i + k] | 0x20);
        next[j - i] = '\0';
    }
}

/* Do the words before `at` say "delay of" ("a delay of nearly five
 * months", "delays of 15 months")? */
static int
delay_of(const run *r, size_t s0, size_t at)
{
    size_t e = at, b;

    while (e > s0 && r->text[e - 1] == ' ')
        e--;
    if (e < s0 + 2 || cc_words__find(r->text, e - 2, e, "of") != e - 2)
        return 0;
    e -= 2;
    while (e > s0 && r->text[e - 1] == ' ')
        e--;
    b = e;
    while (b > s0 && r->text[b - 1] != ' ')
        b--;
    return cc_words__find(r->text, b, e, "delay*") == b;
}

/* The dated event said last before `at` in the text, on or before `by`,
 * not `not`. */
static size_t
previous_event(const run *r, size_t at, size_t not, cc_date by)
{
    const findex *x = r->fx;
    size_t best = NONE;

    /* Back from `at` to the first that may be; of those at its offset,
     * the first event. */
    for (size_t j =
             cc_check__offset_bound(r->tl, x->by_offset, 0, r->tl->nevents, at);
         j-- > 0;) {
        size_t i = x->by_offset[j];
        const cc_event *ev = &r->tl->events[i];
        if (best != NONE &&
            ev->where.offset != r->tl->events[best].where.offset)
            break;
        if (i == not || ev->kind == CC_EVENT_DECISION || !happened(r, i) ||
            ev->earliest > by)
            continue;
        best = i;
    }
    return best;
}

/* May event i be what named_before() looks for (pass 0: not in the
 * summary)? */
static int
named_event(const run *r, size_t i, size_t at, size_t not, cc_date by,
            const char *word, int pass)
{
    const cc_event *ev = &r->tl->events[i];
    const cc_event_info *inf = &r->tl->info[i];

    return !(i == not || ev->kind == CC_EVENT_DECISION || inf->negated ||
             ev->planned || ev->earliest > by || ev->where.offset >= at ||
             (!pass && cc_check__summary_para(r, inf->paragraph)) ||
             !cc_check__has(
                 r->text, ev->where.sentence_offset,
                 ev->where.sentence_offset + ev->where.sentence_length, word));
}

/* Whether named_before() prefers event i to `best` (NONE or an event):
 * the sentence said last; in it, the earliest date ("for care from 23
 * October to 24 November": care began 23 October). */
static int
named_better(const run *r, size_t i, size_t best)
{
    const cc_event_info *inf = &r->tl->info[i];

    return best == NONE || inf->sentence > r->tl->info[best].sentence ||
           (inf->sentence == r->tl->info[best].sentence &&
            r->tl->events[i].earliest < r->tl->events[best].earliest);
}

/* Of the events [from, to) of `list`, the one named_before() prefers,
 * or NONE. */
static size_t
named_best(const run *r, const size_t *list, size_t from, size_t to, size_t at,
           size_t not, cc_date by, const char *word, int pass)
{
    size_t best = NONE;

    for (size_t k = from; k < to; k++) {
        size_t i = list[k];
        if (named_event(r, i, at, not, by, word, pass) &&
            named_better(r, i, best))
            best = i;
    }
    return best;
}

/* named_before() by every event, in order. */
static size_t
named_scan(const run *r, size_t at, size_t not, cc_date by, const char *word,
           int pass)
{
    size_t best = NONE;

    for (size_t i = 0; i < r->tl->nevents; i++) {
        if (named_event(r, i, at, not, by, word, pass) &&
            named_better(r, i, best))
            best = i;
    }
    return best;
}

/* named_before() by sentence, from the last one starting before `at`
 * back: the first sentence with such an event holds the answer; the
 * events without a sentence come after every sentence. */
/* The events of by_sentence that can name `word` on `pass`, made the
 * first time; NULL when out of memory. */
static const struct wordlist *
word_list(const run *r, const char *word, int pass)
{
    findex *x = r->fx;
    struct wordlist *w;
    size_t n;

    for (size_t k = 0; k < x->nlists; k++)
        if (x->lists[k].pass == pass && strcmp(x->lists[k].word, word) == 0)
            return &x->lists[k];
    if ((n = strlen(word)) >= sizeof w->word)
        return NULL;
    if (x->nlists == x->caplists) {
        size_t cap = x->caplists ? 2 * x->caplists : 8;
        struct wordlist *p = realloc(x->lists, cap * sizeof *p);
        if (!p)
            return NULL;
        x->lists = p;
        x->caplists = cap;
    }
    w = &x->lists[x->nlists];
    memset(w, 0, sizeof *w);
    if (!(w->ev = malloc((x->nby ? x->nby : 1) * sizeof *w->ev)))
        return NULL;
    memcpy(w->word, word, n + 1);
    w->pass = pass;
    for (size_t k = 0; k < x->nby; k++) {
        size_t i = x->by_sentence[k];
        /* what named_event() asks that the place and date do not change */
        if (named_event(r, i, NONE, NONE, INT32_MAX, word, pass))
            w->ev[w->n++] = i;
    }
    x->nlists++;
    return w;
}

/* named_last() through `list` (n events in by_sentence order), at most
 * `groups` sentences back (0: all); *done is 0 when it stopped short. */
static size_t
named_walk(const run *r, const size_t *list, size_t n, size_t groups, size_t at,
           size_t not, cc_date by, const char *word, int pass, int *done)
{
    const cc_timeline *tl = r->tl;
    size_t lo = 0, hi = n, best;

    *done = 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        long s = tl->info[list[mid]].sentence;
        if (cc_doc_sentence(r->doc, (size_t)s)->offset < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t walked = 0; lo > 0; walked++) {
        size_t g = lo - 1;
        long s = tl->info[list[g]].sentence;
        if (groups && walked == groups) {
            *done = 0;
            return NONE;
        }
        while (g > 0 && tl->info[list[g - 1]].sentence == s)
            g--;
        if ((best = named_best(r, list, g, lo, at, not, by, word, pass)) !=
            NONE)
            return best;
        lo = g;
    }
    return NONE;
}

static size_t
named_last(const run *r, size_t at, size_t not, cc_date by, const char *word,
           int pass)
{
    const findex *x = r->fx;
    const struct wordlist *w;
    size_t best;
    int done;

    /* The sentences just before first; past a few, the list of the events
     * that can name the word (made once per word) gives the same answer
     * without testing every sentence back to the start. */
    best = named_walk(r, x->by_sentence, x->nby, 16, at, not, by, word, pass,
                      &done);
    if (!done)
        best =
            (w = word_list(r, word, pass)) != NULL
                ? named_walk(r, w->ev, w->n, 0, at, not, by, word, pass, &done)
                : named_walk(r, x->by_sentence, x->nby, 0, at, not, by, word,
                             pass, &done);
    if (best != NONE)
        return best;
    return named_best(r, x->unplaced, 0, x->nunplaced, at, not, by, word, pass);
}

/*
 * "after care began": the first word after "after" (past the, her, his,
 * its, a designation), and the event said last before `at` whose
 * sentence names it, dated on or before `by`.
 */
static size_t
named_before(const run *r, size_t at, size_t to, size_t not, cc_date by)
{
    static const char *const skip[] = {"the", "her",  "his",   "its",  "their",
                                       "a",   "an",   "first", "then", "he",
                                       "she", "they", NULL};
    static const char *const titles[] = {"mr", "mrs", "ms", "miss", "dr", NULL};
    size_t k = cc_words__find(r->text, at, to, "after"), best = NONE;
    char word[24];

    if (k == NONE)
        return NONE;
    k += 5;
    for (;;) {
        size_t w0 = cc_check__skip_space(r->text, k, to), w1 = w0;
        int skipped = 0;
        while (w1 < to &&
               ((r->text[w1] | 0x20) >= 'a' && (r->text[w1] | 0x20) <= 'z'))
            w1++;
        if (w1 == w0 || w1 - w0 + 2 > sizeof word)
            return NONE;
        for (const char *const *s = skip; *s; s++)
            if (w1 - w0 == strlen(*s) &&
                cc_words__find(r->text, w0, w1, *s) == w0)
                skipped = 1;
        /* "after Miss W asked for it": past the designation. */
        for (const char *const *s = titles; *s; s++)
            if (w1 - w0 == strlen(*s) &&
                cc_words__find(r->text, w0, w1, *s) == w0) {
                size_t n0 = cc_check__skip_space(r->text, w1, to);
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
        best = r->fx->by_sentence ? named_last(r, at, not, by, word, pass)
                                  : named_scan(r, at, not, by, word, pass);
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
            cc_check__summary_para(r, inf->paragraph) ||
            !cc_check__has_any(r->text, inf->clause_offset,
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

    if (e->kind == CC_EVENT_RESPONSE) {
        /* Of the complaints over by the response's date, the best. */
        const findex *x = r->fx;
        size_t lo = 0, hi = x->nasked;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (r->tl->events[x->asked[mid]].latest <= e->earliest)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo > 0)
            return x->asked_best[lo - 1];
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
        size_t k = cc_words__find(r->text, a, b, *l);
        if (k == NONE)
            continue;
        k += strlen(*l);
        for (;;) {
            size_t w0 = cc_check__skip_space(r->text, k, b), w1 = w0;
            int filler = 0;
            while (w1 < b &&
                   ((r->text[w1] | 0x20) >= 'a' && (r->text[w1] | 0x20) <= 'z'))
                w1++;
            if (w1 == w0)
                break;
            for (const char *const *f = fillers; *f; f++)
                if (w1 - w0 == strlen(*f) &&
                    cc_words__find(r->text, w0, w1, *f) == w0)
                    filler = 1;
            if (filler) {
                k = w1;
                continue;
            }
            if (cc_words__find(r->text, w0, w1, "complain*") == w0) {
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

/* The event of sentence `si` (not the decision) dated earliest; of
 * equals, the first.  NONE when it has none. */
static size_t
earliest_in_sentence(const run *r, long si)
{
    const findex *x = r->fx;
    size_t st = NONE, lo = 0, hi = x->nby;

    if (!x->by_sentence) {
        for (size_t i = 0; i < r->tl->nevents; i++)
            if (r->tl->info[i].sentence == si &&
                r->tl->events[i].kind != CC_EVENT_DECISION &&
                (st == NONE ||
                 r->tl->events[i].earliest < r->tl->events[st].earliest))
                st = i;
        return st;
    }
    /* by_sentence: the sentence's events together, in event order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->tl->info[x->by_sentence[mid]].sentence < si)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < x->nby && r->tl->info[x->by_sentence[lo]].sentence == si;
         lo++) {
        size_t i = x->by_sentence[lo];
        if (st == NONE ||
            r->tl->events[i].earliest < r->tl->events[st].earliest)
            st = i;
    }
    return st;
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
        st = earliest_in_sentence(r, si - back);
        if (st == NONE)
            return;
        for (size_t i = first_on_or_after(r, r->tl->events[st].latest);
             i < r->tl->nevents && en == NONE; i++) {
            const cc_event *ev = &r->tl->events[i];
            const cc_event_info *inf = &r->tl->info[i];
            if (i == st || ev->kind == CC_EVENT_DECISION ||
                ev->kind == CC_EVENT_OMBUDSMAN_COMPLAINT || inf->negated ||
                ev->planned || ev->earliest < r->tl->events[st].latest ||
                !cc_check__has(r->text, inf->clause_offset,
                               inf->clause_offset + inf->clause_length, stem))
                continue;
            en = i;
        }
        *from = ends_of_event(r, st, "start");
        *to = ends_of_event(r, en, "end");
        return;
    }
}

/* "for 12 weeks between 30 July and 22 October": "between" just after
 * the duration, then a date. */
static int
between_dates(const run *r, size_t at, size_t to)
{
    size_t k = cc_check__skip_space(r->text, at, to);

    return k + 7 <= to && cc_words__find(r->text, k, k + 7, "between") == k;
}

/* Does "than" follow `at`?  ("later than the law allows") */
static int
than_follows(const run *r, size_t at, size_t to)
{
    size_t k = cc_check__skip_space(r->text, at, to);

    return k + 4 <= to && cc_words__find(r->text, k, k + 4, "than") == k;
}

/* "longer than" or "later than" as the word at `at` and the next: the
 * time the act took past its due date. */
static int
longer_than(const run *r, size_t at, size_t to)
{
    size_t k = cc_check__skip_space(r->text, at, to);

    while (k < to && cc_words__alnum((unsigned char)r->text[k]))
        k++;
    return than_follows(r, k, to);
}

/* The deadline whose trigger the words [a, b) name by the rule's trigger
 * words ("after he first knew of the refusal": the notice the late
 * complaint counts from); its trigger event, or NONE. */
static size_t
trigger_named(const run *r, size_t a, size_t b, cc_date by)
{
    const findex *x = r->fx;
    size_t best = NONE;

    /* Of each rule whose trigger words are in [a, b), its first deadline
     * triggered by `by`; the first of those. */
    for (size_t t = 0; t < x->ntrig; t++) {
        const struct triggers *g = &x->trig[t];
        size_t said = 0, lo = 0, hi = g->n;
        for (size_t k = 0; k < g->rule->engage.trigger.n && !said; k++)
            said = cc_words__find_pattern(r->text, a, b,
                                          g->rule->engage.trigger.items[k],
                                          NULL, NULL) != NONE;
        if (!said)
            continue;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (g->first[mid] > by)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < g->n && (best == NONE || g->deadline[lo] < best))
            best = g->deadline[lo];
    }
    return best == NONE ? NONE : (size_t)r->tl->deadlines[best].inputs[0].event;
}

/* "took three weeks to pay after its surveyor had inspected the work",
 * the sentence [a, b) with no date, the duration ending at `mend`: to the
 * actual date of the deadline the words name, from the event the words
 * after "after" name.  0 when either is not found. */
static int
took_after(const run *r, size_t a, size_t mend, size_t b, ends *from, ends *end)
{
    const cc_deadline *d = deadline_by_words(r, a, b, b);
    size_t k = cc_words__find(r->text, mend, b, "after"), st;

    if (!d || !d->has_actual)
        return 0;
    *end = deadline_actual(r, d);
    if (!end->ok || (st = named_before(r, k, b, NONE, end->l)) == NONE)
        return 0;
    *from = ends_of_event(r, st, "start");
    return 1;
}

/* "from her application until the builder was paid", in [at, to) with no
 * date: the event of the kind the words after "from" name, said last
 * before `at`, to the first event on or after it of the kind the words
 * after "until" name.  0 when either is not found. */
static int
from_until(const run *r, size_t at, size_t to, ends *from, ends *end)
{
    size_t f = cc_words__find(r->text, at, to, "from");
    size_t u = f == NONE ? NONE : cc_words__find(r->text, f, to, "until");
    cc_event_kind kf, ku;
    size_t s0, e0 = NONE;

    if (u == NONE)
        return 0;
    kf = cc_chrono__phrase_kind(r->ctx, r->text, f + 4, u);
    ku = cc_chrono__phrase_kind(r->ctx, r->text, u + 5, to);
    if (kf == CC_EVENT_OTHER || ku == CC_EVENT_OTHER ||
        (s0 = nearest_of_kind(r, kf, at, NONE, INT32_MAX)) == NONE)
        return 0;
    for (size_t i = first_on_or_after(r, r->tl->events[s0].earliest);
         i < r->tl->nevents && e0 == NONE; i++)
        if (r->tl->events[i].kind == ku && happened(r, i) &&
            r->tl->events[i].earliest >= r->tl->events[s0].earliest)
            e0 = i;
    if (e0 == NONE)
        return 0;
    *from = ends_of_event(r, s0, "start");
    *end = ends_of_event(r, e0, "end");
    return 1;
}

/* The statements of delay among the first nm mentions, measured. */
static cc_status
statements(run *r, size_t nm)
{
    static const char *const delay[] = {"delay*", "refus*",  "fail*",
                                        "late",   "wait*",   "took",
                                        "still",  "without", NULL};
    static const char *const lateness[] = {"delay*", "late", "too long",
                                           "overdue", NULL};
    static const char *const hypothetical[] = {"would", "should", "could",
                                               "must",  "if",     NULL};
    cc_timeline *tl = r->tl;

    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        cc_mention dm;
        char dm_value[CC_CHECK__VALUE_SIZE];
        cc_period p;
        char prev[24], next[24];
        const char *how = NULL;
        size_t a, b, mend, adj = NONE;
        int than = 0;
        ends from, to;
        cc_finding *f;
        cc_status st;

        /* "replied on 18 August, more than two months later": the
         * relative date restates an interval; read its duration. */
        if (m->type == CC_MENTION_DATE) {
            size_t x = cc_chrono__restated(r->doc, r->text, i);
            if (x != NONE && cc_check__restated_duration(r, m, &dm, dm_value)) {
                adj = x;
                m = &dm;
            } else if (than_follows(r, m->offset + m->length, r->len) &&
                       cc_check__restated_duration(r, m, &dm, dm_value)) {
                /* "almost four months later than the law allows": not a
                 * date but the time past one. */
                m = &dm;
            }
        }
        mend = m->offset + m->length;
        if (m->type != CC_MENTION_DURATION || m->sentence < 0 ||
            !cc_chrono__narrative_at(r->tl, m->paragraph) ||
            !cc_check__period_of(m, &p) ||
            cc_check__of_decision(r, mend, r->len) ||
            cc_check__action_section(r, m->paragraph))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        a = s->offset;
        b = s->offset + s->length;
        words_around(r, m->offset, mend, a, b, prev, next, sizeof prev);
        if (adj != NONE)
            how = "after";
        else if (strcmp(next, "late") == 0 || strcmp(next, "outside") == 0 ||
                 strcmp(next, "overdue") == 0 ||
                 /* "seven weeks longer than the law allows", "two months
                  * later than it should have" */
                 (than = (strcmp(next, "longer") == 0 ||
                          strcmp(next, "later") == 0) &&
                         longer_than(r, mend, b)) ||
                 (strcmp(next, "too") == 0 &&
                  cc_check__has(r->text, mend, b, "too long")))
            how = "late";
        else if (strcmp(next, "after") == 0 || strcmp(next, "later") == 0)
            how = "after";
        else if (strcmp(prev, "took") == 0 || strcmp(prev, "waited") == 0 ||
                 strcmp(prev, "lasted") == 0)
            how = "took";
        else if (delay_of(r, a, m->offset))
            how = "delay";
        else if ((strcmp(prev, "for") == 0 || strcmp(prev, "had") == 0) &&
                 (cc_check__has_any(r->text, a, b, delay) ||
                  ((cc_check__has(r->text, mend, b, "from") ||
                    between_dates(r, mend, b)) &&
                   dated_mention_in(r, mend, b, mend, 0) != NONE)))
            how = "for";
        if (!how)
            continue;
        if (strcmp(how, "late") != 0 &&
            cc_check__has_any(r->text, a, b, hypothetical))
            continue;
        memset(&from, 0, sizeof from);
        memset(&to, 0, sizeof to);

        if (strcmp(how, "late") == 0 && than) {
            /* "It approved the grant almost four months later than the
             * law allows", "took two months longer than it should have
             * to issue the final plan": the deadline its own clause names,
             * before the statement or after it, else the sentences before
             * ("had eight weeks to complete the review.  That was more
             * than six weeks longer than the law allows"). */
            size_t c0 = m->offset;
            const cc_deadline *d;
            while (c0 > a && r->text[c0 - 1] != ',' && r->text[c0 - 1] != ';')
                c0--;
            d = deadline_acted_in(r, c0, b);
            if (!d)
                d = deadline_by_words(r, c0, b, m->offset);
            if (!d)
                d = deadline_by_words(r, mend, b, b);
            if (!d)
                d = named_before_in_paragraph(r, m, 1, 0);
            if (d) {
                from = deadline_due(r, d);
                to = deadline_actual(r, d);
            }
        } else if (strcmp(how, "late") == 0) {
            const cc_deadline *d = deadline_acted_in(r, a, b);
            if (!d)
                d = deadline_by_words(r, a, b, m->offset);
            /* "It was one day late": the deadline whose actual date the
             * paragraph gave last. */
            if (!d)
                d = deadline_by_actual(r, m->paragraph, m->offset);
            /* "That was five working days too long": the sentences
             * before say what was late; "The response was almost four
             * months late": the act's own words, here or before. */
            if (!d)
                d = named_before_in_paragraph(r, m, 1, 0);
            if (!d)
                d = named_before_in_paragraph(r, m, 0, 1);
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
            if (later && endev == NONE &&
                !cc_check__has_any(r->text, a, b, lateness))
                continue;
            if (start == NONE && !later &&
                cc_check__has_any(r->text, mend, b,
                                  (const char *const[]){"due", "sets",
                                                        "timescale", "deadline",
                                                        NULL}))
                d = deadline_by_words(r, a, b, b);
            if (endev == NONE && d) {
                to = deadline_actual(r, d);
            } else {
                if (endev == NONE && !later) {
                    k = cc_chrono__phrase_kind(r->ctx, r->text, a, m->offset);
                    if (k != CC_EVENT_OTHER)
                        endev =
                            nearest_of_kind(r, k, m->offset, NONE, INT32_MAX);
                }
                to = ends_of_event(r, endev, "end");
                /* "did not hear Mrs D's appeal until almost 12 weeks
                 * after ...": the act a deadline's completion words name,
                 * at its actual date. */
                if (endev == NONE && !later) {
                    const cc_deadline *dc =
                        deadline_by_completion(r, a, m->offset);
                    if (dc) {
                        to = deadline_actual(r, dc);
                        if (to.ok && to.ev.event >= 0)
                            endev = (size_t)to.ev.event;
                    }
                }
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
                k = cc_chrono__phrase_kind(r->ctx, r->text, mend, b);
                /* "after he first knew": a deadline's trigger, named by
                 * its rule's trigger words. */
                if (k == CC_EVENT_OTHER)
                    st0 = trigger_named(r, mend, b, by);
                /* "almost three months after care began": the event said
                 * last before whose clause names it. */
                if (k == CC_EVENT_OTHER && st0 == NONE)
                    st0 = named_before(r, mend, b, endev, by);
                if (k == CC_EVENT_OTHER && st0 == NONE)
                    k = cc_chrono__phrase_kind(
                        r->ctx, r->text, a,
                        own != NONE ? cc_doc_mention(r->doc, own)->offset
                                    : m->offset);
                if (st0 == NONE && k != CC_EVENT_OTHER) {
                    st0 = nearest_of_kind(r, k, m->offset, endev, by);
                    /* "after Mr T's first letter" when the decision
                     * tells the complaint as writing to the council. */
                    if (st0 == NONE && k == CC_EVENT_COMPLAINT)
                        st0 = first_letter(r, endev, by);
                    /* "after Mrs D's request" when no event has the kind
                     * the words suggest (a stage 2 request): the event
                     * said last before whose sentence names it. */
                    if (st0 == NONE)
                        st0 = named_before(r, mend, b, endev, by);
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
            } else if (strcmp(next, "to") == 0 && first == NONE &&
                       cc_check__has(r->text, mend, b, "after") &&
                       took_after(r, a, mend, b, &from, &to)) {
                /* "took three weeks to pay after its surveyor had
                 * inspected the work" */
            } else if (strcmp(next, "from") == 0 && first == NONE &&
                       from_until(r, mend, b, &from, &to)) {
                /* "waited more than a year from her application until
                 * the builder was paid": the events the words name */
            } else if ((strcmp(next, "to") == 0 ||
                        cc_check__has(r->text, a, m->offset, "response")) &&
                       !cc_check__has(r->text, mend, b, "from") &&
                       !cc_check__has(r->text, mend, b, "after")) {
                /* "The Council took 15 working days to respond at stage
                 * 1", "took more than six months to approve the grant":
                 * the deadline's own trigger and completing act (not when
                 * the sentence says from or after what). */
                const cc_deadline *named = deadline_by_words(r, a, b, b);
                const cc_deadline *d = named;
                size_t t = NONE;
                /* The act's own words first; else the deadline named
                 * ("The child and family assessment took 15 weeks to
                 * complete"; "instead of the 10 working days its policy
                 * allows"). */
                if (!d || d->check != CC_CHECK_COMPLAINT_STAGE)
                    d = deadline_by_completion(r, a, b);
                if (!d && named && named->has_actual)
                    d = named;
                for (size_t k = 0; d && k < d->ninputs && t == NONE; k++)
                    if (d->inputs[k].event >= 0 &&
                        strcmp(d->inputs[k].role, "trigger") == 0)
                        t = (size_t)d->inputs[k].event;
                if (t != NONE) {
                    from = ends_of_event(r, t, "start");
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
        f->stated = cc_pool__strndup(&tl->pool, m->value, strlen(m->value));
        f->mod = cc_pool__strndup(&tl->pool, m->mod, strlen(m->mod));
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

cc_status
cc_check__findings(run *r)
{
    size_t nm = cc_doc_mention_count(r->doc);
    findex fx;
    cc_status st;

    if (findex_make(r, &fx) != CC_OK) {
        findex_free(&fx);
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    r->fx = &fx;
    st = statements(r, nm);
    r->fx = NULL;
    findex_free(&fx);
    return st;
}
