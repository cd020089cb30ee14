/*
 * Child protection conferences (Working Together).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/common.h"
#include "error.h"

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
    char due[48], act[48], count[48];

    if (!rule)
        return CC_OK;
    d = cc_check__new_deadline(r, CC_CHECK_CHILD_PROTECTION, rule, rule_id);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    cc_check__add_input(d, cc_check__event_evidence(r, trig, trig_role));
    if (cc_check__deadline_due_interval(r, d, rule->period,
                                        tl->events[trig].earliest,
                                        tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "the due date falls outside the bank holiday data: "
                  "cannot compute it";
        return CC_OK;
    }
    cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due);
    if (actual != NONE && tl->events[actual].planned) {
        cc_check__add_input(d, cc_check__event_evidence(r, actual, "planned"));
        cc_check__judge(r, d, 0, 0, 0);
        cc_check__span_text(tl->events[actual].earliest,
                            tl->events[actual].latest, act, sizeof act);
        d->note = cc_pool__printf(
            &tl->pool, "%s due %s; booked for %s, which is %s the due date",
            what, due, act,
            tl->events[actual].latest <= d->due_earliest  ? "within"
            : tl->events[actual].earliest > d->due_latest ? "after"
                                                          : "perhaps after");
    } else if (actual != NONE) {
        cc_check__add_input(d, cc_check__event_evidence(r, actual, "actual"));
        cc_check__judge(r, d, 1, tl->events[actual].earliest,
                        tl->events[actual].latest);
        cc_check__span_text(d->actual_earliest, d->actual_latest, act,
                            sizeof act);
        if (d->status == CC_STATUS_UNKNOWN)
            d->note =
                cc_pool__printf(&tl->pool,
                                "%s due %s; held %s: the readings of the dates "
                                "disagree, so it cannot tell",
                                what, due, act);
        else
            d->note = cc_pool__printf(
                &tl->pool, "%s due %s; held %s: %s (%s %s)", what, due, act,
                cc_check__status_words(d),
                cc_check__count_text(
                    d->status == CC_STATUS_MET ? -d->late_max : d->late_min,
                    d->status == CC_STATUS_MET ? -d->late_min : d->late_max,
                    "day", "days", count, sizeof count),
                d->status == CC_STATUS_MET ? "early or on the day" : "late");
    } else {
        cc_check__judge(r, d, 0, 0, 0);
        if (d->status == CC_STATUS_UNKNOWN)
            d->note = cc_pool__printf(
                &tl->pool,
                "%s due %s; the decision gives no date for it, so it "
                "cannot tell whether it was held in time",
                what, due);
        else
            d->note = cc_pool__printf(&tl->pool, "%s due %s; %s", what, due,
                                      cc_check__status_words(d));
    }
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

cc_status
cc_check__child_protection(run *r)
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
