/*
 * Late complaints to the Ombudsman (LGA 1974 s26B, s34D).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/common.h"
#include "error.h"

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
            size_t k = cc_words__find(r->text, a, b, *w);
            if (k != NONE) {
                *at = k;
                *alen = strlen(*w);
                return "declined";
            }
        }
        for (const char *const *w = exercised; *w; w++) {
            size_t k = cc_words__find(r->text, a, b, *w);
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

    return cc_check__has_any(r->text, w->sentence_offset,
                             w->sentence_offset + w->sentence_length,
                             NOTICE_WORDS);
}

cc_status
cc_check__late_complaint(run *r)
{
    cc_timeline *tl = r->tl;
    size_t comp = cc_check__find_event(r, CC_EVENT_OMBUDSMAN_COMPLAINT, NULL,
                                       INT32_MIN, 0);
    size_t notice = NONE, matter = NONE, trig, disc_at = 0, disc_len = 0;
    int discussed = 0;
    const char *rule_id = "lga1974.s26b.late-complaint";
    const cc_rule *rule;
    cc_deadline *d;
    char due[48], act[48], alt[48], count[48];
    cc_date a_e, a_l;
    int has_actual;

    for (size_t i = 0; i < cc_doc_paragraph_count(r->doc); i++) {
        const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
        if (cc_chrono__narrative(r->doc, (long)i) &&
            cc_check__has_any(r->text, p->offset, p->offset + p->length,
                              LATE_WORDS))
            discussed = 1;
    }
    if (comp == NONE && !discussed)
        return CC_OK;
    /* Part 3A (s34D) is for care providers, not councils. */
    if (cc_check__care_provider(r))
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
    d = cc_check__new_deadline(r, CC_CHECK_LATE_COMPLAINT, rule, rule_id, 5);
    if (!d)
        goto nomem;
    cc_check__add_input(d, cc_check__event_evidence(
                               r, trig, matter != NONE ? "matter" : "notice"));
    if (cc_check__deadline_due_interval(r, d, rule->period,
                                        tl->events[trig].earliest,
                                        tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "cannot compute the permitted period";
        return CC_OK;
    }
    if (comp != NONE) {
        cc_check__add_input(d, cc_check__event_evidence(r, comp, "complaint"));
        a_e = tl->events[comp].earliest;
        a_l = tl->events[comp].latest;
        has_actual = 1;
    } else {
        /* The complaint reached the Ombudsman before the decision. */
        cc_check__add_input(d, cc_check__decision_evidence(r));
        a_e = tl->events[trig].earliest;
        a_l = tl->decision;
        has_actual = tl->has_decision;
    }
    cc_check__judge(r, d, has_actual, a_e, a_l);
    if (!has_actual)
        d->status = CC_STATUS_UNKNOWN;
    d->discretion = discretion_of(r, &disc_at, &disc_len);
    if (disc_len)
        cc_check__add_input(
            d, cc_check__text_evidence(r, disc_at, disc_len, "discretion"));
    alt[0] = '\0';
    if (matter != NONE && notice != NONE) {
        cc_date n_e, n_l;
        cc_check__add_input(d, cc_check__event_evidence(r, notice, "notice"));
        if (cc_check__due_interval(r, rule->period, tl->events[notice].earliest,
                                   tl->events[notice].latest, &n_e, &n_l,
                                   NULL) == CC_OK &&
            has_actual) {
            char nd[48];
            snprintf(alt, sizeof alt, "%s%s",
                     a_l <= n_e  ? "in time"
                     : a_e > n_l ? "late"
                                 : "cannot tell",
                     "");
            d->note = cc_pool__printf(
                &tl->pool,
                "counting from the matter (%s), the 12 months ended %s "
                "and the complaint (%s) came %s; counting from when the "
                "complainant had notice (%s), they ended %s: %s; "
                "discretion: %s",
                tl->events[trig].value,
                cc_check__due_text(d->due_earliest, d->due_latest, due,
                                   sizeof due),
                cc_check__span_text(a_e, a_l, act, sizeof act),
                d->status == CC_STATUS_MISSED ? "after them"
                : d->status == CC_STATUS_MET  ? "within them"
                                              : "perhaps after them",
                tl->events[notice].value,
                cc_check__due_text(n_e, n_l, nd, sizeof nd), alt,
                d->discretion);
            return d->note ? CC_OK
                           : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        }
    }
    if (has_actual && a_e > a_l)
        d->note = cc_pool__printf(
            &tl->pool,
            "the 12 months beginning with %s ended %s; the dates for the "
            "complaint contradict each other (%s comes after %s): cannot "
            "tell; discretion: %s",
            tl->events[trig].value,
            cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due),
            cc_date_format(a_e, act), cc_date_format(a_l, alt), d->discretion);
    else if (d->status == CC_STATUS_MISSED)
        d->note = cc_pool__printf(
            &tl->pool,
            "the 12 months beginning with %s ended %s; the complaint "
            "(%s) was made %s after the permitted period "
            "ended; discretion: %s",
            tl->events[trig].value,
            cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due),
            cc_check__span_text(a_e, a_l, act, sizeof act),
            cc_check__count_text(d->late_min, d->late_max, "day", "days", count,
                                 sizeof count),
            d->discretion);
    else
        d->note = cc_pool__printf(
            &tl->pool,
            "the 12 months beginning with %s ended %s; the complaint "
            "(%s%s) came %s; discretion: %s",
            tl->events[trig].value,
            cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due),
            comp != NONE ? "" : "no later than the decision, ",
            cc_check__span_text(a_e, a_l, act, sizeof act),
            d->status == CC_STATUS_MET ? "within them"
                                       : "perhaps after them: cannot tell",
            d->discretion);
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
nomem:
    return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}
