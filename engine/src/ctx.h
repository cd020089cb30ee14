/* The context's insides, shared by ctx.c, calendar.c and rules.c. */
#ifndef CC_CTX_H
#define CC_CTX_H

#include <jansson.h>

#include "caseclock.h"

typedef struct cc_holiday {
    cc_date date;
    const char *title; /* borrowed from the context's JSON */
} cc_holiday;

typedef struct cc_division {
    const char *name; /* borrowed from the context's JSON */
    cc_holiday *days; /* sorted by date */
    size_t ndays;
} cc_division;

enum { CC_MAX_DIVISIONS = 8 };

struct cc_ctx {
    json_t *holidays_json; /* owns every string the divisions point into */
    cc_division divisions[CC_MAX_DIVISIONS];
    size_t ndivisions;
    cc_date first, last; /* the coverage of the bank holiday data */

    json_t *rules_json; /* owns every string the rules point into */
    cc_rule *rules;
    size_t nrules;

    int has_today;
    cc_date today;
};

/* The division called `name`, or NULL. */
const cc_division *cc_ctx__division(const cc_ctx *ctx, const char *name);

/* Parses an ISO date held in a JSON string; CC_EINVAL otherwise. */
cc_status cc_ctx__json_date(cc_date *out, const json_t *value,
                            const char *source, const char *what,
                            cc_error *err);

/* rules.c: fills ctx->rules from JSON text. */
cc_status cc_rules__load(cc_ctx *ctx, const char *data, size_t len,
                         const char *source, cc_error *err);
void cc_rules__free(cc_ctx *ctx);

#endif
