/* The context: the built-in bank holidays, rules and lexicon, and "today". */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "error.h"

static const char BUILTIN_RULES[] = "<built-in rules>";
static const char BUILTIN_LEXICON[] = "<built-in lexicon>";

cc_status
cc_ctx_new(cc_ctx **out, cc_error *err)
{
    cc_ctx *ctx;
    cc_status st;

    *out = NULL;
    ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    /* The holiday tables were checked when data.c was generated. */
    ctx->divisions = cc_data_divisions;
    ctx->ndivisions = cc_data_ndivisions;
    ctx->first = cc_data_coverage_first;
    ctx->last = cc_data_coverage_last;
    if (pthread_mutex_init(&ctx->lazy_mu, NULL) != 0) {
        free(ctx);
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    }
    atomic_init(&ctx->lazy, CC_LAZY_RULES | CC_LAZY_LEXICON);
    st = cc_rules__load_procedures(ctx, (const char *)cc_data_procedures,
                                   cc_data_procedures_len, BUILTIN_RULES, err);
    if (st != CC_OK) {
        cc_ctx_free(ctx);
        return st;
    }
    *out = ctx;
    return CC_OK;
}

cc_status
cc_ctx__ready(const cc_ctx *cctx, cc_error *err)
{
    /* The data parsed here is the context's own, as if cc_ctx_new had
     * parsed it (ctx.h): the one place a const context changes. */
    cc_ctx *ctx = (cc_ctx *)cctx;
    unsigned lazy = atomic_load_explicit(&ctx->lazy, memory_order_acquire);
    cc_status st = CC_OK;

    if (lazy == 0)
        return CC_OK;
    if (!(lazy & CC_LAZY_FAILED)) {
        pthread_mutex_lock(&ctx->lazy_mu);
        lazy = atomic_load_explicit(&ctx->lazy, memory_order_relaxed);
        if (lazy & CC_LAZY_RULES) {
            st = cc_rules__load(ctx, (const char *)cc_data_rules,
                                cc_data_rules_len, BUILTIN_RULES, 1,
                                &ctx->lazy_err);
            lazy = st == CC_OK ? lazy & ~(unsigned)CC_LAZY_RULES
                               : lazy | CC_LAZY_FAILED;
        }
        if (!(lazy & CC_LAZY_FAILED) && (lazy & CC_LAZY_LEXICON)) {
            st = cc_lexicon__load(&ctx->lexicon, (const char *)cc_data_lexicon,
                                  cc_data_lexicon_len, BUILTIN_LEXICON,
                                  &ctx->lazy_err);
            lazy = st == CC_OK ? lazy & ~(unsigned)CC_LAZY_LEXICON
                               : lazy | CC_LAZY_FAILED;
        }
        atomic_store_explicit(&ctx->lazy, lazy, memory_order_release);
        pthread_mutex_unlock(&ctx->lazy_mu);
        if (!(lazy & CC_LAZY_FAILED))
            return CC_OK;
    }
    if (err && err->code == CC_OK)
        *err = ctx->lazy_err;
    return ctx->lazy_err.code;
}

void
cc_ctx_free(cc_ctx *ctx)
{
    if (!ctx)
        return;
    cc_rules__free(ctx);
    for (size_t i = 0; i < ctx->nclosures; i++) {
        free(ctx->closures[i].data);
        free(ctx->closures[i].source);
    }
    free(ctx->closures);
    cc_lexicon__free(&ctx->lexicon);
    pthread_mutex_destroy(&ctx->lazy_mu);
    free(ctx);
}

cc_status
cc_ctx__calendar(cc_calendar **out, const cc_ctx *ctx, const char *division,
                 cc_error *err)
{
    cc_status st = cc_calendar_new(out, ctx, division, err);

    for (size_t i = 0; st == CC_OK && i < ctx->nclosures; i++)
        st = cc_calendar_add_ics(*out, ctx->closures[i].data,
                                 ctx->closures[i].len, ctx->closures[i].source,
                                 err);
    if (st != CC_OK) {
        cc_calendar_free(*out);
        *out = NULL;
    }
    return st;
}

cc_status
cc_ctx_add_closures(cc_ctx *ctx, const char *data, size_t len,
                    const char *source, cc_error *err)
{
    struct cc_closures *grown, *c;
    cc_calendar *cal;
    cc_status st;

    /* Read once here, so that a bad file fails now and not in a check. */
    if ((st = cc_calendar_new(&cal, ctx, "england-and-wales", err)) != CC_OK)
        return st;
    st = cc_calendar_add_ics(cal, data, len, source, err);
    cc_calendar_free(cal);
    if (st != CC_OK)
        return st;
    grown = realloc(ctx->closures, (ctx->nclosures + 1) * sizeof *grown);
    if (!grown)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    ctx->closures = grown;
    c = &grown[ctx->nclosures];
    c->data = malloc(len + 1);
    c->source = strdup(source ? source : "");
    if (!c->data || !c->source) {
        free(c->data);
        free(c->source);
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    }
    memcpy(c->data, data, len);
    c->data[len] = '\0';
    c->len = len;
    ctx->nclosures++;
    return CC_OK;
}

void
cc_ctx_set_today(cc_ctx *ctx, cc_date today)
{
    ctx->has_today = 1;
    ctx->today = today;
}

int
cc_ctx_today(cc_date *out, const cc_ctx *ctx)
{
    if (ctx->has_today && out)
        *out = ctx->today;
    return ctx->has_today;
}

size_t
cc_ctx_division_count(const cc_ctx *ctx)
{
    return ctx->ndivisions;
}

const char *
cc_ctx_division_name(const cc_ctx *ctx, size_t i)
{
    return i < ctx->ndivisions ? ctx->divisions[i].name : NULL;
}

const cc_division *
cc_ctx__division(const cc_ctx *ctx, const char *name)
{
    for (size_t i = 0; i < ctx->ndivisions; i++)
        if (strcmp(ctx->divisions[i].name, name) == 0)
            return &ctx->divisions[i];
    return NULL;
}
