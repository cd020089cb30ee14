/*
 * The checks, in the one order they run.  Each family reads the timeline's
 * events and the document's classification and adds its deadlines; the
 * statements of delay come last, since they are measured against every
 * deadline the families before them found.
 */
#include <string.h>

#include "checks.h"
#include "checks/common.h"
#include "error.h"

typedef cc_status (*family_fn)(run *r);

static const struct {
    const char *name;
    family_fn run;
} FAMILIES[] = {
    {"late complaint", cc_check__late_complaint},
    {"statutory timescales", cc_check__timescales},
    {"complaint stages", cc_check__stages},
    {"council timescale", cc_check__council_timescale},
    {"agreed actions", cc_check__agreed_actions},
    {"promises", cc_check__promises},
    {"statements of delay", cc_check__findings},
};

cc_status
cc_checks__run(cc_timeline *tl, const cc_ctx *ctx, const cc_doc *doc,
               cc_error *err)
{
    run r;
    cc_undone_memo undone = {0};
    cc_status st = CC_OK;

    memset(&r, 0, sizeof r);
    r.undone = &undone;
    r.tl = tl;
    r.ctx = ctx;
    r.doc = doc;
    r.text = cc_doc_text(doc, &r.len);
    r.err = err;
    r.has_today = cc_ctx_today(&r.today, ctx);
    /* Asked of every agreed action; the events do not change here. */
    r.decision_event = NONE;
    for (size_t i = 0; i < tl->nevents && r.decision_event == NONE; i++)
        if (tl->events[i].kind == CC_EVENT_DECISION)
            r.decision_event = i;
    r.remedy = cc_check__remedy_rule(&r);
    r.remedy_known = 1;
    /* Working-day calendars are made as the rules ask for them. */
    for (size_t i = 0; i < sizeof FAMILIES / sizeof *FAMILIES; i++)
        if ((st = FAMILIES[i].run(&r)) != CC_OK)
            break;
    cc_check__free_calendars(&r);
    cc_check__free_undone(&undone);
    if (st == CC_OK && r.nomem)
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
    return st;
}
