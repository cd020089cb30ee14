/*
 * Complaint procedure stages (Children Act 1989, adult social care) and a
 * council's own stated timescale.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/common.h"
#include "error.h"

/* ------------------------------------------------------------------ */
/* 3. Complaint procedure stages                                       */

/*
 * Every rule whose engage says "complaint-stage" is applied here the same
 * way, and no rule is named: a stage runs from the complaint to the
 * council, or from the act that completed the stage before it
 * ("trigger_is": "completion-of RULE"); its act is the first event its
 * "act" names after that (or after the trigger of the rule "search_from"
 * names); a "start" event, when dated, starts it instead.  A stage is
 * applied once the stages it runs from are.
 */

/* Does a sentence of the paragraph of `ev` say the council took more time
 * (one of the extension's `words`: "told Ms R on 8 March that it needed
 * more time"), and not "without telling Ms R it needed more time"? */
static int
extended_near(const run *r, size_t ev, const cc_extension *x)
{
    long para = r->tl->info[ev].paragraph;
    size_t ns = cc_doc_sentence_count(r->doc);

    for (size_t i = 0; i < ns; i++) {
        const cc_sentence *s = cc_doc_sentence(r->doc, i);
        size_t a = s->offset, b = s->offset + s->length;
        int any = 0;
        if (s->paragraph != para)
            continue;
        for (size_t w = 0; w < x->nwords && !any; w++)
            any = cc_check__has(r->text, a, b, x->words[w]);
        if (!any || cc_check__has(r->text, a, b, "without") ||
            cc_check__has(r->text, a, b, "not"))
            continue;
        return 1;
    }
    return 0;
}

/* The stage's deadline from event `trig` (in role `trole`) to its act,
 * `actual` (NONE: not dated); the act is told by the time it took when
 * `timed` (the day or days *t_e..*t_l, the words at [t0, t1)). */
static cc_status
stage_deadline(run *r, const cc_rule *rule, size_t trig, const char *trole,
               size_t actual, const cc_timed_act *timed)
{
    cc_timeline *tl = r->tl;
    const cc_extension *ext =
        rule->nextensions ? &rule->extensions[rule->nextensions - 1] : NULL;
    cc_deadline *d;
    char base[32];

    d = cc_check__new_deadline(r, CC_CHECK_COMPLAINT_STAGE, rule, rule->id);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    cc_check__add_input(r, d, cc_check__event_evidence(r, trig, trole));
    if (ext && actual != NONE && extended_near(r, actual, ext)) {
        d->period = ext->period;
        d->extended = 1;
    }
    if (cc_check__deadline_due_interval(r, d, d->period,
                                        tl->events[trig].earliest,
                                        tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return CC_OK;
    }
    if (actual != NONE) {
        cc_check__add_input(r, d,
                            cc_check__event_evidence(r, actual, "actual"));
        cc_check__judge(r, d, 1, tl->events[actual].earliest,
                        tl->events[actual].latest);
    } else if (timed && timed->found) {
        /* The day the stated timing gives: no event of its own. */
        cc_evidence x =
            cc_check__text_evidence(r, timed->at, timed->len, "actual");
        x.dated = 1;
        x.earliest = timed->e;
        x.latest = timed->l;
        cc_check__add_input(r, d, x);
        cc_check__judge(r, d, 1, timed->e, timed->l);
    } else {
        /* "The Council has still not sent its stage 2 response": missed
         * once the last due day is before the decision. */
        size_t ulen = 0,
               undone = cc_check__undone_sentence(
                   r, &rule->engage.completion, &rule->engage.completion_blocks,
                   tl->events[trig].where.offset, &ulen);
        if (undone != NONE && tl->has_decision)
            cc_check__judge_undone(r, d, undone, ulen);
        else
            cc_check__judge(r, d, 0, 0, 0);
    }
    cc_check__soften(d);
    cc_period_format(d->period, base, sizeof base);
    if (timed && timed->found && actual == NONE)
        cc_check__note_deadline(
            r, d,
            cc_pool__printf(&tl->pool,
                            "%s (dated by the time the decision says it took)",
                            rule->engage.label));
    else
        cc_check__note_deadline(r, d, rule->engage.label);
    if (d->note && d->extended)
        d->note = cc_pool__printf(&tl->pool,
                                  "%s (extended to %s: the "
                                  "decision says more time "
                                  "was taken)",
                                  d->note, base);
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

/* One of `words` (patterns: "panel ... report") in text[a, b); none
 * given: any. */
static int
has_words(const run *r, size_t a, size_t b, const cc_words *words)
{
    for (size_t k = 0; k < words->n; k++)
        if (cc_words__find_pattern(r->text, a, b, words->items[k], NULL,
                                   NULL) != NONE)
            return 1;
    return words->n == 0;
}

/* Does event i, on or after `after`, name the act: its kind (any when
 * the act gives none), not denied or planned, one of the words in the
 * clause before the date (`want`: 0, any), none of the blocks in the
 * clause? */
static int
stage_match(const run *r, size_t i, const cc_stage_act *act, cc_date after,
            int want)
{
    const cc_event *ev = &r->tl->events[i];
    const cc_event_info *inf = &r->tl->info[i];
    size_t a = inf->clause_offset, b = a + inf->clause_length;
    int clause = strcmp(act->in, "clause") == 0;

    if ((act->kind >= 0 && ev->kind != (cc_event_kind)act->kind) ||
        inf->negated || ev->planned || ev->earliest < after)
        return 0;
    if (want && !has_words(r, a, clause ? b : ev->where.offset, &act->words))
        return 0;
    if (act->blocks.n && has_words(r, a, b, &act->blocks))
        return 0;
    return 1;
}

/* The first event naming the act in date order, on or after `after`, not
 * `not`; of two in one sentence ("the next month, on 29 July") the one
 * that gives the day. */
static size_t
next_event(const run *r, const cc_stage_act *act, cc_date after, size_t not )
{
    const cc_timeline *tl = r->tl;

    if (strcmp(act->in, "sentence") == 0) {
        /* The words anywhere in the event's sentence ("the panel sent
         * its findings"), whatever the event's kind. */
        for (size_t i = 0; i < tl->nevents; i++) {
            const cc_place *w = &tl->events[i].where;
            if (i != not &&tl->events[i].earliest >= after &&
                !tl->events[i].planned &&
                has_words(r, w->sentence_offset,
                          w->sentence_offset + w->sentence_length, &act->words))
                return i;
        }
        return NONE;
    }
    for (size_t i = 0; i < tl->nevents; i++) {
        if (i == not || !stage_match(r, i, act, after, 1))
            continue;
        if (strcmp(act->in, "clause") == 0)
            return i;
        if (tl->events[i].grain != CC_GRAIN_DAY)
            for (size_t j = 0; j < tl->nevents; j++)
                if (j != i && tl->info[j].sentence == tl->info[i].sentence &&
                    tl->events[j].grain == CC_GRAIN_DAY &&
                    tl->events[j].earliest >= tl->events[i].earliest &&
                    tl->events[j].latest <= tl->events[i].latest &&
                    stage_match(r, j, act, after, 0))
                    return j;
        return i;
    }
    return NONE;
}

/* "the Council received Mr R's complaint": the council's act is the
 * complaint's receipt, which is when the stages start. */
static int
received(const run *r, size_t i)
{
    const cc_event_info *inf = &r->tl->info[i];

    return cc_check__has(r->text, inf->clause_offset,
                         r->tl->events[i].where.offset, "receiv*") ||
           cc_check__has(r->text, r->tl->events[i].where.offset,
                         inf->clause_offset + inf->clause_length, "receiv*");
}

/*
 * The complaint to the council: the first act of complaining (not to the
 * Ombudsman, nor the council's own, unless it received it) in date order,
 * from the narrative when it dates one, else
 * from the summary or "The complaint".
 */
static size_t
council_complaint(const run *r)
{
    static const cc_stage_act complaint = {
        CC_EVENT_COMPLAINT, "before-date", {0}, {0}, 0, 0};

    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < r->tl->nevents; i++) {
            if (!stage_match(r, i, &complaint, INT32_MIN, 0) ||
                r->tl->events[i].actor == CC_ACTOR_OMBUDSMAN ||
                (r->tl->events[i].actor == CC_ACTOR_COUNCIL &&
                 !received(r, i)) ||
                (!pass && cc_check__summary_para(r, r->tl->info[i].paragraph)))
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
                        stage_match(r, j, &complaint, INT32_MIN, 0))
                        return j;
            return i;
        }
    }
    return NONE;
}

/* What a stage found: its trigger (and the role it has), the event its
 * search ran from, and its act. */
typedef struct stage {
    const cc_rule *rule;
    size_t trig, from, done;
    const char *trole;
    int state; /* 0 not yet, 1 being applied, 2 applied */
} stage;

typedef struct stages {
    stage *s;
    size_t n;
    size_t complaint; /* the complaint to the council, or NONE */
} stages;

/* The stage of the rule with that id, or NULL (not in scope). */
static stage *
stage_of(stages *ss, const char *id)
{
    for (size_t i = 0; i < ss->n; i++)
        if (strcmp(ss->s[i].rule->id, id) == 0)
            return &ss->s[i];
    return NULL;
}

/* The stage a stage runs from ("completion-of RULE"), or NULL. */
static stage *
source_of(stages *ss, const stage *st)
{
    const char *ti = st->rule->engage.trigger_is;

    return strncmp(ti, "completion-of ", 14) == 0 ? stage_of(ss, ti + 14)
                                                  : NULL;
}

static cc_status apply_stage(run *r, stages *ss, stage *st);

/* Applies the stage `id` names first, when it is one of ours. */
static cc_status
after_stage(run *r, stages *ss, const char *id, stage **out)
{
    *out = stage_of(ss, id);
    return *out ? apply_stage(r, ss, *out) : CC_OK;
}

static cc_status
apply_stage(run *r, stages *ss, stage *st)
{
    const cc_engage *g = &st->rule->engage;
    const cc_timeline *tl = r->tl;
    stage *src = NULL, *from_rule = NULL;
    cc_timed_act timed = {0};
    cc_date after;
    cc_status rc;

    if (st->state)
        return CC_OK; /* applied, or a loop in the data: once */
    st->state = 1;
    st->trig = st->from = st->done = NONE;
    st->trole = "trigger";
    if (strncmp(g->trigger_is, "completion-of ", 14) == 0) {
        if ((rc = after_stage(r, ss, g->trigger_is + 14, &src)) != CC_OK)
            return rc;
        st->trig = src ? src->done : NONE;
    } else {
        st->trig = ss->complaint;
    }
    if (st->trig != NONE && (g->start.kind >= 0 || g->start.words.n)) {
        size_t s0 =
            next_event(r, &g->start, tl->events[st->trig].earliest, NONE);
        if (s0 != NONE)
            st->trig = s0;
        else if (*g->start_missing_role)
            st->trole = g->start_missing_role;
    }
    st->from = st->trig;
    if (*g->search_from) {
        if ((rc = after_stage(r, ss, g->search_from + 11, &from_rule)) != CC_OK)
            return rc;
        st->from = from_rule ? from_rule->trig : NONE;
    }
    if (st->from != NONE) {
        after = tl->events[st->from].earliest;
    } else if (g->entry) {
        /* The chain before it is undated: from the last step it dates. */
        const stage *back = source_of(ss, st);
        after = INT32_MIN;
        for (; back; back = source_of(ss, back))
            if (back->from != NONE) {
                after = tl->events[back->from].earliest;
                break;
            }
    } else {
        st->state = 2;
        return CC_OK;
    }
    if (g->act.later_day && after != INT32_MIN)
        after++;
    st->done = next_event(r, &g->act, after, st->trig);
    st->state = 2;
    if (st->trig == NONE)
        return CC_OK;
    if (st->done == NONE && g->act.timing)
        cc_check__timed_act(r, st->trig, &g->act.words, NULL, 0, &timed);
    if (st->done == NONE && !timed.found && g->needs_completion)
        return CC_OK;
    return stage_deadline(r, st->rule, st->trig, st->trole, st->done, &timed);
}

cc_status
cc_check__stages(run *r)
{
    size_t n = cc_ctx_rule_count(r->ctx);
    stages ss = {0};
    cc_status st = CC_OK;

    ss.s = calloc(n ? n : 1, sizeof *ss.s);
    if (!ss.s)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    /* The procedure (its category and words) is data: rules.json. */
    for (size_t k = 0; k < n; k++) {
        const cc_rule *rule = cc_ctx_rule(r->ctx, k);
        if (strcmp(rule->engage.check, "complaint-stage") == 0 &&
            (!*rule->engage.procedure ||
             cc_doc_engages(r->doc, rule->engage.procedure)) &&
            cc_check__binds(r, rule))
            ss.s[ss.n++].rule = rule;
    }
    if (ss.n) {
        ss.complaint = council_complaint(r);
        for (size_t i = 0; i < ss.n && st == CC_OK; i++)
            st = apply_stage(r, &ss, &ss.s[i]);
    }
    free(ss.s);
    return st;
}

/* ------------------------------------------------------------------ */
/* 3b. A council's own stated timescale for answering complaints       */

cc_status
cc_check__council_timescale(run *r)
{
    static const char *const policy[] = {"policy", "procedure*", "process",
                                         NULL};
    static const char *const answer[] = {"respond*", "response", "reply", NULL};
    /* a response at a later stage answers another request */
    static const char *const later[] = {"stage 2",     "stage two", "stage 3",
                                        "stage three", "panel",     "director"};
    const cc_stage_act response = {
        CC_EVENT_RESPONSE, "before-date", {0}, {later, 6}, 0, 0};
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
            !cc_check__period_of(m, &p))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        a = s->offset;
        b = s->offset + s->length;
        /* "Its complaints policy says it will respond within 20 working
         * days", not the statute's timescale nor an agreed action. */
        if (!cc_check__has(r->text, a, b, "council") &&
            !cc_check__has(r->text, a, b, "its"))
            continue;
        if (!cc_check__has_any(r->text, a, b, policy) ||
            !cc_check__has_any(r->text, a, b, answer) ||
            cc_check__has(r->text, a, b, "statutory") ||
            cc_check__of_decision(r, m->offset + m->length, b))
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
        r1 = next_event(r, &response, tl->events[c1].earliest, NONE);
        d = cc_check__new_deadline(r, CC_CHECK_COUNCIL_TIMESCALE, NULL,
                                   "council.complaint-response");
        if (!d)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        d->title = "The council's own timescale for answering a complaint";
        {
            cc_place w;
            cc_chrono__place(&w, &tl->pool, r->doc, a, b - a);
            d->source = cc_pool__printf(
                &tl->pool, "the decision, %s paragraph %d (line %d)", w.section,
                w.paragraph, w.line);
        }
        d->confidence = CC_CONF_BELIEVED;
        d->period = p;
        cc_check__add_input(
            r, d, cc_check__text_evidence(r, m->offset, m->length, "period"));
        cc_check__add_input(r, d, cc_check__event_evidence(r, c1, "trigger"));
        if (cc_check__due_interval(r, "", p, tl->events[c1].earliest,
                                   tl->events[c1].latest, &d->due_earliest,
                                   &d->due_latest, NULL) != CC_OK) {
            d->status = CC_STATUS_UNKNOWN;
            d->note = "cannot compute the due date";
            return CC_OK;
        }
        if (r1 != NONE) {
            cc_check__add_input(r, d,
                                cc_check__event_evidence(r, r1, "actual"));
            cc_check__judge(r, d, 1, tl->events[r1].earliest,
                            tl->events[r1].latest);
        } else {
            cc_check__judge(r, d, 0, 0, 0);
        }
        cc_check__note_deadline(r, d,
                                "response under the council's own procedure");
        return d->note && d->source
                   ? CC_OK
                   : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    return CC_OK;
}
