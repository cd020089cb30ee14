/*
 * The timeline: the pipeline in one explicit order.  The reader has read
 * and classified the document (doc.c, reader.c); the chronology makes its
 * events (chronology.c); the checks make the deadlines and measure the
 * statements of delay against them (checks/registry.c).  No stage calls
 * back into the one before it.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "chronology.h"
#include "ctx.h"
#include "error.h"

cc_status
cc_timeline_new(cc_timeline **out, const cc_ctx *ctx, const cc_doc *doc,
                cc_error *err)
{
    cc_timeline *tl;
    cc_status st;

    assert(out && ctx && doc);
    *out = NULL;
    /* the built-in rules and lexicon, parsed at their first use */
    if ((st = cc_ctx__ready(ctx, err)) != CC_OK)
        return st;
    tl = calloc(1, sizeof *tl);
    if (!tl)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    for (int f = 0; f <= CC_FIELD_DECISION_DATE; f++) {
        const char *v = cc_doc_field(doc, (cc_field)f);
        if (v && !(tl->field[f] =
                       (char *)cc_pool__strndup(&tl->pool, v, strlen(v)))) {
            st = cc_error__fail(err, CC_ENOMEM, "out of memory");
            goto fail;
        }
    }
    tl->has_decision = cc_doc_decision_date(&tl->decision, doc);
    if ((st = cc_chrono__events(tl, ctx, doc, err)) != CC_OK)
        goto fail;
    if ((st = cc_checks__run(tl, ctx, doc, err)) != CC_OK)
        goto fail;
    *out = tl;
    return CC_OK;
fail:
    cc_timeline_free(tl);
    return st;
}

void
cc_timeline_free(cc_timeline *tl)
{
    if (!tl)
        return;
    cc_pool__clear(&tl->pool);
    free(tl->events);
    free(tl->info);
    free(tl->narrative);
    free(tl->deadlines);
    free(tl->findings);
    free(tl);
}

const char *
cc_timeline_field(const cc_timeline *tl, cc_field field)
{
    assert(tl);
    if ((int)field < 0 || (int)field > (int)CC_FIELD_DECISION_DATE)
        return NULL;
    return tl->field[field];
}

int
cc_timeline_decision_date(cc_date *out, const cc_timeline *tl)
{
    assert(tl);
    if (tl->has_decision && out)
        *out = tl->decision;
    return tl->has_decision;
}

size_t
cc_timeline_undated_actions(const cc_timeline *tl)
{
    assert(tl);
    return tl->undated_actions;
}

size_t
cc_timeline_event_count(const cc_timeline *tl)
{
    assert(tl);
    return tl->nevents;
}

const cc_event *
cc_timeline_event(const cc_timeline *tl, size_t i)
{
    assert(tl);
    return i < tl->nevents ? &tl->events[i] : NULL;
}

size_t
cc_timeline_deadline_count(const cc_timeline *tl)
{
    assert(tl);
    return tl->ndeadlines;
}

const cc_deadline *
cc_timeline_deadline(const cc_timeline *tl, size_t i)
{
    assert(tl);
    return i < tl->ndeadlines ? &tl->deadlines[i] : NULL;
}

size_t
cc_timeline_finding_count(const cc_timeline *tl)
{
    assert(tl);
    return tl->nfindings;
}

const cc_finding *
cc_timeline_finding(const cc_timeline *tl, size_t i)
{
    assert(tl);
    return i < tl->nfindings ? &tl->findings[i] : NULL;
}

const char *
cc_event_kind_name(cc_event_kind kind)
{
    static const char *const names[] = {
        "other",
        "complaint to council",
        "council response",
        "complaint escalated",
        "complaint to Ombudsman",
        "assessment",
        "meeting or visit",
        "referral",
        "strategy discussion",
        "initial child protection conference",
        "review child protection conference",
        "agreement",
        "promise",
        "completion",
        "decision",
        "request",
        "council decision",
        "plan issued",
        "review held",
        "review request",
        "assessment started",
        "assessment completed",
        "payment",
        "placement",
    };

    return (size_t)kind < sizeof names / sizeof *names ? names[kind] : "other";
}

const char *
cc_actor_name(cc_actor actor)
{
    static const char *const names[] = {"unknown", "council", "complainant",
                                        "Ombudsman", "other"};

    return (size_t)actor < sizeof names / sizeof *names ? names[actor]
                                                        : "unknown";
}

const char *
cc_check_kind_name(cc_check_kind kind)
{
    static const char *const names[] = {
        "late complaint", "complaint stage", "council timescale",
        "agreed action",  "promise",         "statutory timescale"};

    return (size_t)kind < sizeof names / sizeof *names ? names[kind] : "";
}

const char *
cc_check_status_name(cc_check_status status)
{
    static const char *const names[] = {"met", "missed", "overdue", "pending",
                                        "unknown"};

    return (size_t)status < sizeof names / sizeof *names ? names[status]
                                                         : "unknown";
}

const char *
cc_grain_name(cc_grain grain)
{
    static const char *const names[] = {"none",   "day",  "week",  "month",
                                        "season", "year", "decade"};

    return (size_t)grain < sizeof names / sizeof *names ? names[grain] : "none";
}

const char *
cc_confidence_name(cc_confidence confidence)
{
    static const char *const names[] = {"C", "B", "U"};

    return (size_t)confidence < sizeof names / sizeof *names ? names[confidence]
                                                             : "U";
}

const char *
cc_verdict_name(cc_verdict verdict)
{
    static const char *const names[] = {"consistent", "inconsistent",
                                        "cannot tell"};

    return (size_t)verdict < sizeof names / sizeof *names ? names[verdict]
                                                          : "cannot tell";
}
