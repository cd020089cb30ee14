/*
 * Statutory timescales driven by the rule data alone.  Every rule of
 * calendars/rules.json whose "engage" says "timescale" or "minimum" is
 * applied here, the same way: the document must engage the rule's
 * procedure; the trigger is the first event whose clause has one of the
 * rule's trigger words (none of its blocking words, no denial before
 * them); the completion is the first later event whose clause has a
 * completion word.  The due date comes from the rule's period, counting
 * and calendar, on both ends of the trigger's interval.  A "minimum" rule
 * is a period that must pass before the completing act (time for
 * representations), so it is met when the act came after the period.
 * Rules that run from another's completion ("next", "trigger_is") follow
 * it, one step at a time from the actual dates.  Nothing here names a
 * rule: a new timescale is a rules.json entry.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/common.h"
#include "error.h"

/* Steps a chain of reviews may take: far more than any decision tells. */
#define MAX_CHAIN 40

/* Is the event the only dated event of its sentence? */
static int
alone_in_sentence(const run *r, size_t i)
{
    long s = r->tl->info[i].sentence;

    return s >= 0 && r->sentence_events && r->sentence_events[s] == 1;
}

/* Does the clause [c0, c1) repeat the act of the one before ("and again
 * on 22 April", "then on 30 July")? */
static int
repeats_act(const char *text, size_t c0, size_t c1)
{
    static const char *const again[] = {"and again", "again", "and then",
                                        "then", NULL};
    size_t k = cc_check__skip_space(text, c0, c1);

    if (k < c1 && text[k] == ',')
        k = cc_check__skip_space(text, k + 1, c1);
    return cc_check__starts_with_any(text, k, c1, again);
}

/*
 * The rules ask the same questions of the same events again and again: a
 * chain of reviews looks for its completion from every step, and every
 * look tested each event's clause against the rule's words.  The events
 * that name an act (a rule's trigger, completion or end words, with their
 * blocking words) are kept in order as they are found, each event tested
 * once per set of words; the lookups below walk these lists.  The answers
 * depend only on the events, their text and the events per sentence,
 * none of which change while the rules run.
 */
typedef struct hits {
    const cc_words *words, *blocks;
    cc_initials *wneeds, *bneeds; /* cc_words__needs of each pattern */
    size_t *at; /* the narrative events naming the act, in order */
    size_t n, cap;
    size_t scanned; /* the events [0, scanned) have been tested */
} hits;

/* What event_names() reads of an event whatever the words: the initials
 * of its clause, of its sentence up to the clause's end and of its whole
 * sentence, whether the clause repeats the act before, and "until". */
typedef struct event_x {
    unsigned char known, repeats, until;
    cc_initials clause, lead, sentence;
} event_x;

typedef struct tindex {
    unsigned char *narrative; /* per event: 0 not known, 1 no, 2 yes */
    event_x *ex;              /* per event */
    hits *lists;
    size_t nlists, caplists;
    const cc_extension **extension; /* per rule, when known */
    unsigned char *extension_known;
    const cc_rule *rule0;
    size_t nrules;
    int failed; /* out of memory: the run fails */
} tindex;

/* Event i's event_x, worked out the first time. */
static const event_x *
event_x_of(const run *r, size_t i)
{
    event_x *x = &r->tx->ex[i];
    const cc_event *ev = &r->tl->events[i];
    const cc_event_info *inf = &r->tl->info[i];
    size_t c0 = inf->clause_offset, c1 = c0 + inf->clause_length;
    size_t m = ev->where.offset, s0 = ev->where.sentence_offset;

    if (x->known)
        return x;
    x->known = 1;
    /* "did not issue the plan until 3 May": it was issued on 3 May. */
    x->until =
        m >= c0 + 6 && cc_words__find(r->text, m - 6, m, "until") != NONE;
    x->repeats = (unsigned char)repeats_act(r->text, c0, c1);
    x->clause = cc_words__initials(r->text, c0, c1);
    x->lead = cc_words__initials(r->text, s0, c1);
    x->sentence =
        cc_words__initials(r->text, s0, s0 + ev->where.sentence_length);
    return x;
}

/* Does event i name the act h's words describe?  1, -1 (denied) or 0. */
static int
event_names(const run *r, size_t i, const hits *h)
{
    const cc_event *ev = &r->tl->events[i];
    const cc_event_info *inf = &r->tl->info[i];
    size_t c0 = inf->clause_offset, c1 = c0 + inf->clause_length;
    const event_x *x;
    int until, hit;

    if (ev->kind == CC_EVENT_DECISION || !inf->clause_length)
        return 0;
    x = event_x_of(r, i);
    until = x->until ? CC_WORDS_UNTIL : 0;
    hit = cc_check__words_in_with(r->text, c0, c1, &x->clause, h->words,
                                  h->wneeds, h->blocks, h->bneeds, until);
    /* "visited J on 11 March and again on 22 April": the second clause
     * takes the first one's act. */
    if (hit == 0 && x->repeats)
        hit = cc_check__words_in_with(r->text, ev->where.sentence_offset, c1,
                                      &x->lead, h->words, h->wneeds, h->blocks,
                                      h->bneeds, until);
    if (hit == 0 && alone_in_sentence(r, i))
        hit = cc_check__words_in_with(
            r->text, ev->where.sentence_offset,
            ev->where.sentence_offset + ev->where.sentence_length, &x->sentence,
            h->words, h->wneeds, h->blocks, h->bneeds, until);
    return hit;
}

static int
narrative_known(const run *r, size_t i)
{
    unsigned char *n = &r->tx->narrative[i];

    if (!*n)
        *n = cc_check__narrative_para(r, r->tl->info[i].paragraph) ? 2 : 1;
    return *n == 2;
}

/* The list for `words` and `blocks`, made empty when new; NULL when out
 * of memory. */
static hits *
hits_of(const run *r, const cc_words *words, const cc_words *blocks)
{
    tindex *x = r->tx;
    hits *h;

    for (size_t k = 0; k < x->nlists; k++)
        if (x->lists[k].words == words && x->lists[k].blocks == blocks)
            return &x->lists[k];
    if (x->nlists == x->caplists) {
        size_t cap = x->caplists ? 2 * x->caplists : 16;
        hits *p = realloc(x->lists, cap * sizeof *p);
        if (!p)
            return NULL;
        x->lists = p;
        x->caplists = cap;
    }
    h = &x->lists[x->nlists];
    memset(h, 0, sizeof *h);
    h->words = words;
    h->blocks = blocks;
    if (!cc_check__needs_of(words, blocks, &h->wneeds, &h->bneeds))
        return NULL;
    x->nlists++;
    return h;
}

/* The k-th narrative event that names the act (event_names() == 1), or
 * NONE when there are fewer; tests events only as far as it must. */
static size_t
hit(const run *r, hits *h, size_t k)
{
    while (k >= h->n && h->scanned < r->tl->nevents) {
        size_t i = h->scanned++;
        if (!narrative_known(r, i) || event_names(r, i, h) != 1)
            continue;
        if (h->n == h->cap) {
            size_t cap = h->cap ? 2 * h->cap : 16;
            size_t *p = realloc(h->at, cap * sizeof *p);
            if (!p) {
                r->tx->failed = 1;
                return NONE;
            }
            h->at = p;
            h->cap = cap;
        }
        h->at[h->n++] = i;
    }
    return k < h->n ? h->at[k] : NONE;
}

static void
tindex_free(tindex *x)
{
    for (size_t k = 0; k < x->nlists; k++) {
        free(x->lists[k].at);
        free(x->lists[k].wneeds);
        free(x->lists[k].bneeds);
    }
    free(x->lists);
    free(x->narrative);
    free(x->ex);
    free(x->extension);
    free(x->extension_known);
}

/* Did the procedure end (an event the rule's `ends` words name, after the
 * trigger) before the act would have been due?  Then nothing was owed:
 * no visit is due to a child who has gone home. */
static int
ended_before_due(run *r, const cc_rule *rule, cc_period p, const cc_event *t)
{
    static const cc_words none = {0};
    cc_date due_e, due_l;
    hits *h;
    size_t i;

    if (!rule->engage.ends.n ||
        cc_check__due_interval(r, rule->division, p, t->earliest, t->latest,
                               &due_e, &due_l, NULL) != CC_OK)
        return 0;
    if (!(h = hits_of(r, &rule->engage.ends, &none))) {
        r->tx->failed = 1;
        return 0;
    }
    for (size_t k = 0; (i = hit(r, h, k)) != NONE; k++) {
        const cc_event *ev = &r->tl->events[i];
        if (ev->earliest >= t->earliest && ev->latest < due_e)
            return 1;
    }
    return 0;
}

/* The longest extension whose words the narrative has, or NULL. */
static const cc_extension *
extension_of(const run *r, const cc_rule *rule)
{
    const cc_extension *best = NULL;
    tindex *ix = r->tx;
    size_t ri = (size_t)(rule - ix->rule0);

    /* Whether the narrative has the words is the same at every step. */
    if (ri < ix->nrules && ix->extension_known[ri])
        return ix->extension[ri];
    for (size_t k = 0; k < rule->nextensions; k++) {
        const cc_extension *x = &rule->extensions[k];
        for (size_t w = 0; w < x->nwords; w++)
            if (cc_words__find(r->text, 0, r->len, x->words[w]) != NONE) {
                best = x;
                break;
            }
    }
    if (ri < ix->nrules) {
        ix->extension[ri] = best;
        ix->extension_known[ri] = 1;
    }
    return best;
}

/* The first narrative event at or after `from` (strictly after the
 * trigger's day when `after_day`) that names the completion. */
static size_t
completion_of(const run *r, const cc_rule *rule, size_t trig, int after_day)
{
    const cc_event *t = &r->tl->events[trig];
    hits *h =
        hits_of(r, &rule->engage.completion, &rule->engage.completion_blocks);
    size_t i;

    if (!h) {
        r->tx->failed = 1;
        return NONE;
    }
    for (size_t k = 0; (i = hit(r, h, k)) != NONE; k++) {
        const cc_event *ev = &r->tl->events[i];
        if (i == trig)
            continue;
        if (after_day ? ev->earliest <= t->latest : ev->earliest < t->earliest)
            continue;
        return i;
    }
    return NONE;
}

/* Is the rule one this engine applies? */
static int
ours(const cc_rule *rule)
{
    return strcmp(rule->engage.check, "timescale") == 0 ||
           strcmp(rule->engage.check, "minimum") == 0;
}

static cc_status apply(run *r, const cc_rule *rule, size_t trig, int depth,
                       cc_date chain_start);

/* The rules that run from this one's trigger or completion. */
static cc_status
dependents(run *r, const cc_rule *rule, size_t trig, size_t done, int depth,
           cc_date chain_start)
{
    size_t n = cc_ctx_rule_count(r->ctx);
    size_t idlen = strlen(rule->id);
    cc_status st;

    if (depth >= MAX_CHAIN)
        return CC_OK;
    if (done != NONE && *rule->engage.next) {
        const cc_rule *next = cc_ctx_rule_find(r->ctx, rule->engage.next);
        if (next && (st = apply(r, next, done, depth + 1, chain_start)))
            return st;
    }
    for (size_t k = 0; k < n; k++) {
        const cc_rule *dep = cc_ctx_rule(r->ctx, k);
        const char *ti = dep->engage.trigger_is, *id;
        size_t from;
        if (!*ti || !ours(dep) || strcmp(dep->id, rule->engage.next) == 0)
            continue;
        id = strchr(ti, ' ') + 1;
        if (strncmp(id, rule->id, idlen) != 0 || id[idlen])
            continue;
        from = strncmp(ti, "completion-of ", 14) == 0 ? done : trig;
        if (from != NONE && (st = apply(r, dep, from, depth + 1, chain_start)))
            return st;
    }
    return CC_OK;
}

static cc_status
apply(run *r, const cc_rule *rule, size_t trig, int depth, cc_date chain_start)
{
    const cc_engage *g = &rule->engage;
    cc_timeline *tl = r->tl;
    const cc_event *t = &tl->events[trig];
    const cc_extension *ext = extension_of(r, rule);
    int school = strcmp(rule->calendar, "school") == 0;
    int minimum = strcmp(g->check, "minimum") == 0;
    cc_period p = ext ? ext->period : rule->period;
    size_t done, undone = NONE, ulen = 0;
    cc_timed_act timed = {0};
    cc_deadline *d;
    char due[64], act[64], trg[64], count[80];
    const char *state;

    if (t->earliest < g->from || t->latest > g->until)
        return CC_OK;
    /* A chain of reviews stops where the rule's span ends. */
    if (g->span.n && depth > 0) {
        cc_calc c = {0};
        cc_error e = {0};
        int stop = cc_calc_add(&c, NULL, chain_start, g->span, &e) == CC_OK &&
                   t->earliest > c.date;
        cc_calc_clear(&c);
        if (stop)
            return CC_OK;
    }
    done = completion_of(r, rule, trig, depth > 0 || *g->trigger_is);
    /* "A team manager decided two days later that ...": the act dated by
     * the time it took from the trigger. */
    if (done == NONE && !minimum)
        cc_check__timed_act(r, trig, &g->completion, &g->completion_blocks, 1,
                            &timed);
    if (done == NONE && !timed.found && g->needs_completion)
        return CC_OK;
    if (done == NONE && !timed.found && ended_before_due(r, rule, p, t))
        return CC_OK;
    if (done == NONE && !timed.found)
        undone = cc_check__undone_sentence(
            r, &g->completion, &g->completion_blocks, t->where.offset, &ulen);
    d = cc_check__new_deadline(r, CC_CHECK_TIMESCALE, rule, rule->id);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    d->extended = ext != NULL;
    cc_check__add_input(r, d, cc_check__event_evidence(r, trig, "trigger"));
    if (school) {
        /* Without term dates: weekdays, the earliest the true day can be. */
        p.unit = CC_UNIT_WORKDAY;
        d->approximate = 1;
    }
    d->period = p;
    if (cc_check__deadline_due_interval(r, d, p, t->earliest, t->latest) !=
        CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return dependents(r, rule, trig, done, depth, chain_start);
    }
    if (done != NONE && !tl->events[done].planned) {
        const cc_event *a = &tl->events[done];
        cc_check__add_input(r, d, cc_check__event_evidence(r, done, "actual"));
        cc_check__judge(r, d, 1, a->earliest, a->latest);
        if (minimum && d->has_actual) {
            /* The act must come after the period's last day. */
            d->late_min = (long)d->due_earliest - (long)a->latest;
            d->late_max = (long)d->due_latest - (long)a->earliest;
            d->status = a->earliest > d->due_latest    ? CC_STATUS_MET
                        : a->latest <= d->due_earliest ? CC_STATUS_MISSED
                                                       : CC_STATUS_UNKNOWN;
        }
    } else if (done != NONE) {
        cc_check__add_input(r, d, cc_check__event_evidence(r, done, "planned"));
        cc_check__judge(r, d, 0, 0, 0);
    } else if (timed.found) {
        cc_evidence x =
            cc_check__text_evidence(r, timed.at, timed.len, "actual");
        x.dated = 1;
        x.earliest = timed.e;
        x.latest = timed.l;
        cc_check__add_input(r, d, x);
        cc_check__judge(r, d, 1, timed.e, timed.l);
    } else if (undone != NONE && tl->has_decision && !minimum) {
        cc_check__judge_undone(r, d, undone, ulen);
    } else {
        cc_check__judge(r, d, 0, 0, 0);
    }
    /* Weekdays come no later than school days: a late act may be in time. */
    if (d->approximate && d->status == CC_STATUS_MISSED)
        d->status = CC_STATUS_UNKNOWN;
    cc_check__soften(d);

    cc_check__span_text(t->earliest, t->latest, trg, sizeof trg);
    cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due);
    if (d->has_actual)
        cc_check__span_text(d->actual_earliest, d->actual_latest, act,
                            sizeof act);
    else if (done != NONE)
        cc_check__span_text(tl->events[done].earliest, tl->events[done].latest,
                            act, sizeof act);
    /* What the decision says of the act: nothing when it gives no date
     * for it (the status words say so). */
    state = d->has_actual    ? "done "
            : done != NONE   ? "booked for "
            : undone != NONE ? "the decision says it had not been done"
                             : NULL;
    count[0] = '\0';
    if (d->has_actual && !minimum &&
        (d->status == CC_STATUS_MET || d->status == CC_STATUS_MISSED)) {
        char n[48];
        int met = d->status == CC_STATUS_MET;
        snprintf(count, sizeof count, " (%s %s)",
                 cc_check__count_text(met ? -d->late_max : d->late_min,
                                      met ? -d->late_min : d->late_max, "day",
                                      "days", n, sizeof n),
                 met ? "early or on the day" : "late");
    }
    d->note = cc_pool__printf(
        &tl->pool, "%s: %d %s %s %s (%s)%s: %s %s; %s%s%s%s%s%s", rule->title,
        p.n,
        school ? (p.n == 1 ? "school day" : "school days")
               : cc_unit_words(p.unit, p.n),
        p.counting == CC_COUNT_BEGINNING_WITH ? "beginning with" : "after",
        rule->trigger, trg, ext ? ", extended" : "",
        minimum ? "the period ends" : "due", due, state ? state : "",
        state && (done != NONE || timed.found) ? act : "", state ? "; " : "",
        minimum && d->status == CC_STATUS_MET ? "came after the period: met"
        : minimum && d->status == CC_STATUS_MISSED
            ? "came before the period ended: missed"
            : cc_check__status_words(d),
        count,
        d->approximate ? "; counted in weekdays, since school days need "
                         "term dates: the true last day is on or after this"
                       : "");
    if (!d->note)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    return dependents(r, rule, trig, done, depth, chain_start);
}

/* Does the document engage the rule's procedure and context? */
static int
in_scope(const run *r, const cc_rule *rule)
{
    const cc_engage *g = &rule->engage;

    if (*g->procedure && !cc_doc_engages(r->doc, g->procedure))
        return 0;
    for (size_t k = 0; k < g->context.n; k++)
        if (cc_words__find(r->text, 0, r->len, g->context.items[k]) != NONE)
            return 1;
    return g->context.n == 0;
}

/* Has the run made a deadline under this rule? */
static int
applied(const run *r, const char *id)
{
    for (size_t i = 0; i < r->tl->ndeadlines; i++)
        if (strcmp(r->tl->deadlines[i].rule, id) == 0)
            return 1;
    return 0;
}

/* Is rule the `next` of some rule (so only a chain reaches it)? */
static int
chained(const run *r, const cc_rule *rule)
{
    for (size_t k = 0; k < cc_ctx_rule_count(r->ctx); k++) {
        const cc_rule *o = cc_ctx_rule(r->ctx, k);
        if (o != rule && strcmp(o->engage.next, rule->id) == 0)
            return 1;
    }
    return 0;
}

/* The first narrative event, not a plan, that names the act `words`
 * describe; NONE when none does. */
static size_t
first_naming(const run *r, const cc_words *words, const cc_words *blocks)
{
    hits *h = hits_of(r, words, blocks);
    size_t i;

    if (!h) {
        r->tx->failed = 1;
        return NONE;
    }
    for (size_t k = 0; (i = hit(r, h, k)) != NONE; k++)
        if (!r->tl->events[i].planned)
            return i;
    return NONE;
}

/* The rule's trigger: the first event its trigger words name, or, when
 * the rule says so (last_trigger), the last such event on or before the
 * act it is completed by ("the strategy discussion that started the
 * enquiries the conference followed"). */
static size_t
trigger_of(const run *r, const cc_rule *rule)
{
    const cc_engage *g = &rule->engage;
    size_t first = first_naming(r, &g->trigger, &g->trigger_blocks), done,
           last = first, i;
    hits *h;

    if (first == NONE || !g->last_trigger ||
        (done = completion_of(r, rule, first, 0)) == NONE)
        return first;
    if (!(h = hits_of(r, &g->trigger, &g->trigger_blocks))) {
        r->tx->failed = 1;
        return first;
    }
    for (size_t k = 0; (i = hit(r, h, k)) != NONE; k++) {
        const cc_event *ev = &r->tl->events[i];
        if (i > first && ev->latest <= r->tl->events[done].earliest &&
            !ev->planned)
            last = i;
    }
    return last;
}

static cc_status
run_rules(run *r)
{
    size_t n = cc_ctx_rule_count(r->ctx), i;
    cc_status st;

    for (size_t k = 0; k < n; k++) {
        const cc_rule *rule = cc_ctx_rule(r->ctx, k);
        if (!ours(rule) || *rule->engage.trigger_is || !in_scope(r, rule) ||
            chained(r, rule) || (i = trigger_of(r, rule)) == NONE)
            continue;
        /* the one trigger: one deadline a rule */
        if ((st = apply(r, rule, i, 0, r->tl->events[i].earliest)) != CC_OK)
            return st;
    }
    /* A rule that runs from another's completion still runs when the
     * decision dates that completion but not what started it ("the first
     * review was held in March 2020"). */
    for (size_t k = 0; k < n; k++) {
        const cc_rule *rule = cc_ctx_rule(r->ctx, k), *from;
        const char *ti = rule->engage.trigger_is;
        if (!ours(rule) || strncmp(ti, "completion-of ", 14) != 0 ||
            !(from = cc_ctx_rule_find(r->ctx, ti + 14)) ||
            applied(r, from->id) || applied(r, rule->id) ||
            !in_scope(r, rule) ||
            (i = first_naming(r, &from->engage.completion,
                              &from->engage.completion_blocks)) == NONE)
            continue;
        if ((st = apply(r, rule, i, 1, r->tl->events[i].earliest)) != CC_OK)
            return st;
    }
    return CC_OK;
}

cc_status
cc_check__timescales(run *r)
{
    size_t ns = cc_doc_sentence_count(r->doc), ne = r->tl->nevents;
    cc_status st;
    tindex x;

    memset(&x, 0, sizeof x);
    x.nrules = cc_ctx_rule_count(r->ctx);
    x.rule0 = cc_ctx_rule(r->ctx, 0);
    x.narrative = calloc(ne ? ne : 1, 1);
    x.ex = calloc(ne ? ne : 1, sizeof *x.ex);
    x.extension = calloc(x.nrules + 1, sizeof *x.extension);
    x.extension_known = calloc(x.nrules + 1, 1);
    /* Events per sentence, counted once: a clause without the rule's words
     * falls back to its sentence only when the sentence dates one event. */
    r->sentence_events = calloc(ns ? ns : 1, sizeof *r->sentence_events);
    if (!r->sentence_events || !x.narrative || !x.ex || !x.extension ||
        !x.extension_known) {
        free(r->sentence_events);
        r->sentence_events = NULL;
        tindex_free(&x);
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    r->tx = &x;
    for (size_t i = 0; i < r->tl->nevents; i++) {
        long s = r->tl->info[i].sentence;
        if (s >= 0 && (size_t)s < ns)
            r->sentence_events[s]++;
    }
    st = run_rules(r);
    if (st == CC_OK && x.failed)
        st = cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    free(r->sentence_events);
    r->sentence_events = NULL;
    r->tx = NULL;
    tindex_free(&x);
    return st;
}
