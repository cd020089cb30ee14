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
        if (s->paragraph != para ||
            !cc_check__has_any(r->text, a, b, EXTEND_WORDS) ||
            cc_check__has(r->text, a, b, "without") ||
            cc_check__has(r->text, a, b, "not"))
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
    d = cc_check__new_deadline(r, CC_CHECK_COMPLAINT_STAGE, rule, rule_id);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    cc_check__add_input(d, cc_check__event_evidence(r, trig, trole));
    if (allow_extension && rule->nextensions > 0) {
        d->period = rule->extensions[rule->nextensions - 1].period;
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
        cc_check__add_input(d, cc_check__event_evidence(r, actual, "actual"));
        cc_check__judge(r, d, 1, tl->events[actual].earliest,
                        tl->events[actual].latest);
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
    cc_check__note_deadline(r, d, what);
    if (d->extended)
        d->note = cc_pool__printf(&tl->pool,
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
    if (want && !cc_check__has_any(r->text, a, ev->where.offset, want))
        return 0;
    if (avoid && cc_check__has_any(r->text, a, b, avoid))
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
                        stage_match(r, j, CC_EVENT_COMPLAINT, INT32_MIN, NULL,
                                    NULL))
                        return j;
            return i;
        }
    }
    return NONE;
}

static cc_status panel_stages(run *r, cc_date after);
static cc_status panel_meeting(run *r, size_t e3);

static cc_status
check_children_stages(run *r)
{
    static const char *const statement[] = {"statement of complaint", NULL};
    cc_timeline *tl = r->tl;
    size_t c1, r1, e2, s2, r2, e3;
    cc_status st;

    c1 = council_complaint(r);
    if (c1 == NONE)
        return panel_stages(r, INT32_MIN);
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
        return panel_stages(r, tl->events[c1].earliest);
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
    if (st != CC_OK)
        return st;
    if (r2 == NONE)
        return panel_stages(r, tl->events[s2].earliest);
    e3 = next_event(r, CC_EVENT_ESCALATION, tl->events[r2].earliest,
                    PANEL_WORDS, NULL);
    if (e3 == NONE)
        return CC_OK;
    st = stage_deadline(r, "ca1989.complaints.panel-request", r2, "trigger", e3,
                        "request for a review panel", 0);
    if (st != CC_OK)
        return st;
    return panel_meeting(r, e3);
}

/* The review panel stage when the decision does not date the stage 2
 * response it follows: from the first request for a panel after `after`. */
static cc_status
panel_stages(run *r, cc_date after)
{
    size_t e3 = next_event(r, CC_EVENT_ESCALATION, after, PANEL_WORDS, NULL);

    return e3 == NONE ? CC_OK : panel_meeting(r, e3);
}

/* The panel's meeting, its report and the council's response, from the
 * request for a panel (event e3). */
static cc_status
panel_meeting(run *r, size_t e3)
{
    static const char *const director[] = {"director", "council respond*",
                                           "council sent its response", NULL};
    static const char *const panel_report[] = {"findings", "report",
                                               "recommendations", NULL};
    cc_timeline *tl = r->tl;
    size_t m3, p3, l3;
    cc_status st;

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
            !tl->events[i].planned && cc_check__has(r->text, a, b, "panel") &&
            cc_check__has_any(r->text, a, b, panel_report))
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
acknowledged(run *r, size_t c1, cc_date *e, cc_date *l, size_t *ev, size_t *m0,
             size_t *m1)
{
    const cc_timeline *tl = r->tl;
    long para = tl->info[c1].paragraph;

    *ev = NONE;
    for (size_t i = 0; i < tl->nevents; i++) {
        const cc_event_info *inf = &tl->info[i];
        if (i == c1 || inf->negated || tl->events[i].planned ||
            tl->events[i].earliest < tl->events[c1].earliest ||
            !cc_check__has_any(r->text, inf->clause_offset,
                               inf->clause_offset + inf->clause_length,
                               ACK_WORDS))
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
        int ok;
        if (m->type != CC_MENTION_DURATION || m->sentence < 0 ||
            (m->paragraph != para && m->paragraph != para + 1) ||
            m->offset < tl->events[c1].where.offset ||
            !cc_check__period_of(m, &p))
            continue;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        k = cc_check__skip_space(r->text, end, s->offset + s->length);
        if (!cc_check__has_any(r->text, s->offset, m->offset, ACK_WORDS) ||
            !(cc_words__find(r->text, k, k + 6, "later") == k ||
              cc_words__find(r->text, k, k + 6, "after") == k))
            continue;
        ok = cc_check__due_interval(r, "", p, tl->events[c1].earliest,
                                    tl->events[c1].latest, e, l, NULL) == CC_OK;
        if (ok) {
            *m0 = m->offset;
            *m1 = end;
        }
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
    d = cc_check__new_deadline(r, CC_CHECK_COMPLAINT_STAGE, rule,
                               "lassnhs2009.acknowledge");
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    cc_check__add_input(d, cc_check__event_evidence(r, c1, "trigger"));
    if (cc_check__deadline_due_interval(r, d, d->period,
                                        tl->events[c1].earliest,
                                        tl->events[c1].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return CC_OK;
    }
    if (ev != NONE) {
        cc_check__add_input(d, cc_check__event_evidence(r, ev, "actual"));
    } else {
        /* The day the stated timing gives: no event of its own. */
        cc_evidence x = cc_check__text_evidence(r, m0, m1 - m0, "actual");
        x.dated = 1;
        x.earliest = e;
        x.latest = l;
        cc_check__add_input(d, x);
    }
    cc_check__judge(r, d, 1, e, l);
    cc_check__note_deadline(r, d,
                            ev != NONE
                                ? "acknowledgement"
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
cc_status
cc_check__stages(run *r)
{
    static const char *const children[] = {"statutory children",
                                           "children’s statutory",
                                           "children's statutory",
                                           "statutory complaints procedure",
                                           "children’s complaints procedure",
                                           "children's complaints procedure",
                                           "si 2006/1738",
                                           NULL};
    int is_children = cc_check__has_any(r->text, 0, r->len, children);
    /* The procedure's category and words are data (rules.json). */
    int is_adult = cc_doc_engages(r->doc, "adult-complaints");

    if (is_children)
        return check_children_stages(r);
    /* SI 2009/309 binds councils and NHS bodies, not a care home the
     * resident pays for (Part 3A of the 1974 Act covers those). */
    if (is_adult && !cc_check__care_provider(r))
        return check_adult_stages(r);
    return CC_OK;
}

/* ------------------------------------------------------------------ */
/* 3b. A council's own stated timescale for answering complaints       */

cc_status
cc_check__council_timescale(run *r)
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
            cc_check__of_decision(r->text, m->offset + m->length, b))
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
            d, cc_check__text_evidence(r, m->offset, m->length, "period"));
        cc_check__add_input(d, cc_check__event_evidence(r, c1, "trigger"));
        if (cc_check__due_interval(r, "", p, tl->events[c1].earliest,
                                   tl->events[c1].latest, &d->due_earliest,
                                   &d->due_latest, NULL) != CC_OK) {
            d->status = CC_STATUS_UNKNOWN;
            d->note = "cannot compute the due date";
            return CC_OK;
        }
        if (r1 != NONE) {
            cc_check__add_input(d, cc_check__event_evidence(r, r1, "actual"));
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
