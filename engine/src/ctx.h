/* The context's insides, shared by ctx.c, calendar.c and rules.c. */
#ifndef CC_CTX_H
#define CC_CTX_H

#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>

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
    /* owns the procedures' strings when they were read apart from the
     * rules (the built-in ones, at cc_ctx_new); NULL when rules_json does */
    json_t *procedures_json;
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

    /* The built-in rules and lexicon are parsed on first use, not by
     * cc_ctx_new: reading a decision's dates needs neither (the procedures
     * it classifies a decision by are read at once), and parsing them was
     * most of the command's start.  `lazy` holds the CC_LAZY_ bits of what
     * is still to parse; cc_ctx__ready() parses it under lazy_mu, so
     * threads sharing a context may race to the first use.  This is the
     * context's own state, filled in as if at cc_ctx_new: a const context
     * is changed only here. */
    atomic_uint lazy;
    pthread_mutex_t lazy_mu;
    cc_error lazy_err; /* why the parse failed (CC_LAZY_FAILED) */

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

enum {
    CC_LAZY_RULES = 1u,   /* the built-in rules are not parsed yet */
    CC_LAZY_LEXICON = 2u, /* nor the built-in lexicon */
    CC_LAZY_FAILED = 4u   /* parsing them failed: lazy_err says why */
};

/* The built-in rules and lexicon, parsed if they are not yet: CC_OK, or
 * the error of that parse (every later call gives it again).  The rule
 * accessors and cc_timeline_new call it; it is cheap once they are. */
cc_status cc_ctx__ready(const cc_ctx *ctx, cc_error *err);

/* rules.c: fills ctx->rules (and its procedures, unless keep_procedures:
 * then those the context holds stay, and the text's are only checked)
 * from JSON text. */
cc_status cc_rules__load(cc_ctx *ctx, const char *data, size_t len,
                         const char *source, int keep_procedures,
                         cc_error *err);
/* rules.c: fills ctx->procedures alone from JSON text holding an object
 * with "procedures" (the built-in ones, split from the rules by
 * cmake/gen_data.c). */
cc_status cc_rules__load_procedures(cc_ctx *ctx, const char *data, size_t len,
                                    const char *source, cc_error *err);
void cc_rules__free(cc_ctx *ctx);

#endif
