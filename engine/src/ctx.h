/* The context's insides, shared by ctx.c, calendar.c and rules.c. */
#ifndef CC_CTX_H
#define CC_CTX_H

#include <jansson.h>

#include "caseclock.h"

#include "data.h"
#include "lexicon.h"

/* A division's bank holidays: the built-in tables (data.c). */
typedef cc_data_division cc_division;

struct cc_ctx {
    const cc_division *divisions; /* static, from data.c */
    size_t ndivisions;
    cc_date first, last; /* the coverage of the bank holiday data */

    json_t *rules_json; /* owns every string the rules point into */
    cc_rule *rules;
    size_t nrules;
    cc_procedure *procedures;
    size_t nprocedures;
    /* new: every rule's id and aliases, sorted by name, then by rule, for
     * cc_ctx_rule_find(); the names are borrowed from rules_json */
    struct cc_rule_name {
        const char *name;
        size_t rule;
    } * names;
    size_t nnames;

    cc_lexicon lexicon; /* calendars/lexicon.json, owned */

    int has_today;
    cc_date today;

    struct cc_closures { /* closure days for the checks' calendars */
        char *data, *source;
        size_t len;
    } * closures;
    size_t nclosures;
};

/* The division called `name`, or NULL. */
const cc_division *cc_ctx__division(const cc_ctx *ctx, const char *name);

/* New: a working-day calendar for `division` with every closure file of
 * the context added; free it with cc_calendar_free(). */
cc_status cc_ctx__calendar(cc_calendar **out, const cc_ctx *ctx,
                           const char *division, cc_error *err);

/* rules.c: fills ctx->rules from JSON text. */
cc_status cc_rules__load(cc_ctx *ctx, const char *data, size_t len,
                         const char *source, cc_error *err);
void cc_rules__free(cc_ctx *ctx);

#endif
