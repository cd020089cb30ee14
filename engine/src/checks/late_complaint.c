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

/* What the decision says of its discretion to look at a late complaint:
 * read from the last sentence of the narrative that speaks of it (the
 * conclusion follows the reasons), in the clause that names it, so that
 * "no good reasons to exercise discretion" and "that is not a good reason"
 * decline, and a statement of the law ("if there are good reasons") says
 * nothing. */
static const char *
discretion_of(run *r, size_t *at, size_t *alen)
{
    static const char *const cues[] = {"discretion", "good reason*",
                                       "decided to investigate", NULL};
    static const char *const hypothetical[] = {
        "if there",        "unless",     "may investigate",
        "can investigate", "may decide", "we may",
        "can only",        "normally",   NULL};
    static const char *const negations[] = {"no",    "not",    "nothing",
                                            "never", "cannot", NULL};
    static const char *const clause_words[] = {"so", "because", "but", "and",
                                               NULL};
    static const char *const refusals[] = {"not to exercise", "not exercise",
                                           NULL};
    static const char *const uses[] = {"exercised my discretion",
                                       "exercised our discretion",
                                       "exercised discretion",
                                       "exercise my discretion",
                                       "exercise our discretion",
                                       "exercise discretion",
                                       NULL};
    const char *found = "not stated";

    for (size_t i = 0; i < cc_doc_sentence_count(r->doc); i++) {
        const cc_sentence *s = cc_doc_sentence(r->doc, i);
        size_t a = s->offset, b = s->offset + s->length, k = NONE, c0, klen = 0;
        if (!cc_chrono__narrative_at(r->tl, s->paragraph))
            continue;
        /* the cues first: few sentences have one */
        for (const char *const *w = cues; *w; w++) {
            size_t f = cc_words__find(r->text, a, b, *w);
            if (f != NONE && (k == NONE || f < k)) {
                k = f;
                klen = cc_words__match(r->text, f, b, *w);
            }
        }
        if (k == NONE || cc_check__has_any(r->text, a, b, hypothetical))
            continue;
        /* The clause of the cue: back to a mark or a joining word. */
        for (c0 = k; c0 > a; c0--) {
            char ch = r->text[c0 - 1];
            if (ch == ',' || ch == ';' || ch == ':' || ch == '(' ||
                (!cc_words__alnum((unsigned char)ch) &&
                 cc_check__starts_with_any(r->text, c0, k, clause_words)))
                break;
        }
        *at = k;
        *alen = klen;
        found = "exercised";
        for (const char *const *w = uses; *w; w++) {
            size_t f = cc_words__find(r->text, a, b, *w);
            if (f != NONE) {
                *at = f;
                *alen = strlen(*w);
                break;
            }
        }
        for (const char *const *w = refusals; *w; w++) {
            size_t f = cc_words__find(r->text, a, b, *w);
            if (f != NONE) {
                *at = f;
                *alen = strlen(*w);
                found = "declined";
                break;
            }
        }
        if (*found == 'e' && cc_check__contracted_not(r->text, c0, k))
            found = "declined";
        for (const char *const *w = negations; *found == 'e' && *w; w++) {
            size_t f = cc_words__find(r->text, c0, k, *w);
            if (f != NONE) {
                /* "no good reasons", "not a good reason" */
                *alen = k + klen - f;
                *at = f;
                found = "declined";
            }
        }
    }
    return found;
}

/* Is the event's sentence about first notice ("only had reasons to
 * believe ... in 2019": one of the rule's trigger words)? */
static int
notice_event(const run *r, const cc_rule *rule, size_t i)
{
    const cc_place *w = &r->tl->events[i].where;

    for (size_t k = 0; k < rule->engage.trigger.n; k++)
        if (cc_check__has(r->text, w->sentence_offset,
                          w->sentence_offset + w->sentence_length,
                          rule->engage.trigger.items[k]))
            return 1;
    return 0;
}

/* Is the event's date that of a thing the sentence names ("the Council's
 * decision of 2 September 2022", "its letter dated 3 May"), rather than of
 * the act the sentence tells? */
static int
date_of_thing(const run *r, size_t i)
{
    static const char *const of[] = {"of", "dated", NULL};
    size_t at = r->tl->events[i].where.offset, k = at;

    while (k > 0 && r->text[k - 1] == ' ')
        k--;
    /* back to the start of the word before the date */
    while (k > 0 && cc_words__alnum((unsigned char)r->text[k - 1]))
        k--;
    return cc_check__starts_with_any(r->text, k, at, of);
}

cc_status
cc_check__late_complaint(run *r)
{
    cc_timeline *tl = r->tl;
    size_t comp = NONE, notice = NONE, matter = NONE, trig, other, disc_at = 0,
           disc_len = 0;
    int discussed = 0;
    const char *disc, *counted;
    const cc_rule *rule = NULL;
    cc_deadline *d;
    char due[48], act[48], alt[48], count[48], months[32];
    cc_date a_e, a_l;
    int has_actual;

    /* The complaint to the Ombudsman: the first one told as an act. */
    for (size_t i = 0; i < tl->nevents && comp == NONE; i++)
        if (tl->events[i].kind == CC_EVENT_OMBUDSMAN_COMPLAINT &&
            !date_of_thing(r, i))
            comp = i;
    /* The rule for the kind of body complained of (Part 3A, s34D, is for
     * care providers, not councils). */
    for (size_t k = 0; k < cc_ctx_rule_count(r->ctx) && !rule; k++) {
        const cc_rule *o = cc_ctx_rule(r->ctx, k);
        if (strcmp(o->engage.check, "late-complaint") == 0 &&
            cc_check__binds(r, o))
            rule = o;
    }
    if (!rule)
        return CC_OK;
    /* A narrative paragraph with one of its context words. */
    for (size_t i = 0; i < cc_doc_paragraph_count(r->doc) && !discussed; i++) {
        const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
        if (!cc_chrono__narrative_at(r->tl, (long)i))
            continue;
        for (size_t k = 0; k < rule->engage.context.n && !discussed; k++)
            discussed = cc_check__has(r->text, p->offset, p->offset + p->length,
                                      rule->engage.context.items[k]);
    }
    if (comp == NONE && !discussed)
        return CC_OK;
    /* "the 12 months beginning with": the period as the rule counts it */
    snprintf(months, sizeof months, "%d %s", rule->period.n,
             cc_unit_words(rule->period.unit, rule->period.n));
    counted = rule->period.counting == CC_COUNT_BEGINNING_WITH
                  ? "beginning with"
                  : "after";
    for (size_t i = 0; i < tl->nevents; i++) {
        if (tl->events[i].kind == CC_EVENT_DECISION || i == comp ||
            (comp != NONE && tl->events[i].earliest > tl->events[comp].latest))
            continue;
        if (notice == NONE && notice_event(r, rule, i))
            notice = i;
    }
    /* The matter: the earliest event dated before the complaint and told
     * in its paragraph, before or after it ("complained to us in May about
     * the Council's decision of ..."). */
    if (comp != NONE) {
        for (size_t i = 0; i < tl->nevents; i++) {
            const cc_place *w = &tl->events[i].where;
            if (i == comp || i == notice ||
                tl->events[i].kind == CC_EVENT_DECISION ||
                tl->info[i].paragraph != tl->info[comp].paragraph ||
                tl->events[i].latest >= tl->events[comp].earliest)
                continue;
            /* Told after the complaint, it is its matter only where its
             * sentence is the complaint's or says what was complained of. */
            if (w->offset > tl->events[comp].where.offset &&
                w->sentence_offset != tl->events[comp].where.sentence_offset &&
                !cc_check__has(r->text, w->sentence_offset,
                               w->sentence_offset + w->sentence_length,
                               "complain*"))
                continue;
            if (matter == NONE ||
                tl->events[i].earliest < tl->events[matter].earliest)
                matter = i;
        }
    }
    /* The law counts from when the person had notice of the matter.  A
     * decision that speaks of its discretion has found the complaint late
     * and counts from the matter; one that does not and gives the notice
     * counts from that.  The other reading is in the note. */
    disc = discretion_of(r, &disc_at, &disc_len);
    trig = notice != NONE && (matter == NONE || strcmp(disc, "not stated") == 0)
               ? notice
               : matter;
    other = trig == notice ? matter : notice;
    if (trig == NONE)
        return CC_OK;
    d = cc_check__new_deadline(r, CC_CHECK_LATE_COMPLAINT, rule, rule->id);
    if (!d)
        goto nomem;
    cc_check__add_input(r, d,
                        cc_check__event_evidence(
                            r, trig, trig == notice ? "notice" : "matter"));
    if (cc_check__deadline_due_interval(r, d, rule->period,
                                        tl->events[trig].earliest,
                                        tl->events[trig].latest) != CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "cannot compute the permitted period";
        return CC_OK;
    }
    if (comp != NONE) {
        cc_check__add_input(r, d,
                            cc_check__event_evidence(r, comp, "complaint"));
        a_e = tl->events[comp].earliest;
        a_l = tl->events[comp].latest;
        has_actual = 1;
    } else {
        /* The complaint reached the Ombudsman before the decision. */
        cc_check__add_input(r, d, cc_check__decision_evidence(r));
        a_e = tl->events[trig].earliest;
        a_l = tl->decision;
        has_actual = tl->has_decision;
    }
    cc_check__judge(r, d, has_actual, a_e, a_l);
    if (!has_actual)
        d->status = CC_STATUS_UNKNOWN;
    d->discretion = disc;
    if (disc_len)
        cc_check__add_input(
            r, d, cc_check__text_evidence(r, disc_at, disc_len, "discretion"));
    alt[0] = '\0';
    if (other != NONE) {
        cc_date o_e, o_l;
        cc_check__add_input(
            r, d,
            cc_check__event_evidence(r, other,
                                     other == notice ? "notice" : "matter"));
        if (cc_check__due_interval(
                r, rule->division, rule->period, tl->events[other].earliest,
                tl->events[other].latest, &o_e, &o_l, NULL) == CC_OK &&
            has_actual) {
            char od[48];
            snprintf(alt, sizeof alt, "%s",
                     a_l <= o_e  ? "in time"
                     : a_e > o_l ? "late"
                                 : "cannot tell");
            d->note = cc_pool__printf(
                &tl->pool,
                "counting from %s (%s), the %s ended %s and the "
                "complaint (%s) came %s; counting from %s (%s), they ended "
                "%s: %s; discretion: %s",
                trig == notice ? "when the complainant had notice"
                               : "the matter",
                tl->events[trig].value, months,
                cc_check__due_text(d->due_earliest, d->due_latest, due,
                                   sizeof due),
                cc_check__span_text(a_e, a_l, act, sizeof act),
                d->status == CC_STATUS_MISSED ? "after them"
                : d->status == CC_STATUS_MET  ? "within them"
                                              : "perhaps after them",
                other == notice ? "when the complainant had notice"
                                : "the matter",
                tl->events[other].value,
                cc_check__due_text(o_e, o_l, od, sizeof od), alt,
                d->discretion);
            return d->note ? CC_OK
                           : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        }
    }
    if (has_actual && a_e > a_l)
        d->note = cc_pool__printf(
            &tl->pool,
            "the %s %s %s ended %s; the dates for the "
            "complaint contradict each other (%s comes after %s): cannot "
            "tell; discretion: %s",
            months, counted, tl->events[trig].value,
            cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due),
            cc_date_format(a_e, act), cc_date_format(a_l, alt), d->discretion);
    else if (d->status == CC_STATUS_MISSED)
        d->note = cc_pool__printf(
            &tl->pool,
            "the %s %s %s ended %s; the complaint "
            "(%s) was made %s after the permitted period "
            "ended; discretion: %s",
            months, counted, tl->events[trig].value,
            cc_check__due_text(d->due_earliest, d->due_latest, due, sizeof due),
            cc_check__span_text(a_e, a_l, act, sizeof act),
            cc_check__count_text(d->late_min, d->late_max, "day", "days", count,
                                 sizeof count),
            d->discretion);
    else
        d->note = cc_pool__printf(
            &tl->pool,
            "the %s %s %s ended %s; the complaint "
            "(%s%s) came %s; discretion: %s",
            months, counted, tl->events[trig].value,
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
