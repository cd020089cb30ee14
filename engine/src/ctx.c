/* The context: the built-in bank holidays and rules, and "today". */
#include "ctx.h"

#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "error.h"

static const char BUILTIN_CALENDARS[] = "<built-in calendars>";
static const char BUILTIN_RULES[] = "<built-in rules>";

cc_status
cc_ctx__json_date(cc_date *out, const json_t *value, const char *source,
                  const char *what, cc_error *err)
{
    const char *s = json_string_value(value);
    cc_error inner = {0};

    if (!s)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "%s: expected a date string", what);
    if (strlen(s) != 10 || cc_date_parse(out, s, &inner) != CC_OK)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "%s: invalid date '%s'", what, s);
    return CC_OK;
}

static int
holiday_cmp(const void *a, const void *b)
{
    const cc_holiday *x = a, *y = b;

    return (x->date > y->date) - (x->date < y->date);
}

/* One division: {"division": name, "events": [{"title", "date"}, ...]}. */
static cc_status
load_division(cc_division *div, const char *key, json_t *obj, cc_error *err)
{
    json_t *events = json_object_get(obj, "events");
    size_t i;
    json_t *ev;

    if (!json_is_array(events))
        return cc_error__set(err, CC_EINVAL, BUILTIN_CALENDARS, 0, 0, 0,
                             "division '%s' has no events array", key);
    div->name = key;
    div->ndays = json_array_size(events);
    div->days = calloc(div->ndays ? div->ndays : 1, sizeof *div->days);
    if (!div->days)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    json_array_foreach(events, i, ev)
    {
        const char *title = json_string_value(json_object_get(ev, "title"));
        cc_status st;

        if (!title)
            return cc_error__set(err, CC_EINVAL, BUILTIN_CALENDARS, 0, 0, 0,
                                 "division '%s' event %zu has no title", key,
                                 i);
        st = cc_ctx__json_date(&div->days[i].date, json_object_get(ev, "date"),
                               BUILTIN_CALENDARS, title, err);
        if (st != CC_OK)
            return st;
        div->days[i].title = title;
    }
    qsort(div->days, div->ndays, sizeof *div->days, holiday_cmp);
    return CC_OK;
}

static cc_status
load_holidays(cc_ctx *ctx, cc_error *err)
{
    json_error_t jerr;
    json_t *cov;
    const char *key;
    json_t *value;
    cc_status st;

    ctx->holidays_json =
        json_loadb((const char *)cc_data_bank_holidays,
                   cc_data_bank_holidays_len, JSON_REJECT_DUPLICATES, &jerr);
    if (!ctx->holidays_json)
        return cc_error__set(err, CC_EINVAL, BUILTIN_CALENDARS, jerr.line,
                             jerr.column, (size_t)jerr.position, "%s",
                             jerr.text);
    cov = json_object_get(ctx->holidays_json, "coverage");
    if ((st = cc_ctx__json_date(&ctx->first, json_object_get(cov, "from"),
                                BUILTIN_CALENDARS, "coverage.from", err)) ||
        (st = cc_ctx__json_date(&ctx->last, json_object_get(cov, "to"),
                                BUILTIN_CALENDARS, "coverage.to", err)))
        return st;
    /* The divisions are the objects that hold an "events" array. */
    json_object_foreach(ctx->holidays_json, key, value)
    {
        if (!json_is_object(value) || !json_object_get(value, "events"))
            continue;
        if (ctx->ndivisions == CC_MAX_DIVISIONS)
            return cc_error__set(err, CC_EINVAL, BUILTIN_CALENDARS, 0, 0, 0,
                                 "more than %d divisions", CC_MAX_DIVISIONS);
        st = load_division(&ctx->divisions[ctx->ndivisions], key, value, err);
        ctx->ndivisions++;
        if (st != CC_OK)
            return st;
    }
    return CC_OK;
}

cc_status
cc_ctx_new(cc_ctx **out, cc_error *err)
{
    cc_ctx *ctx;
    cc_status st;

    *out = NULL;
    ctx = calloc(1, sizeof *ctx);
    if (!ctx)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    st = load_holidays(ctx, err);
    if (st == CC_OK)
        st = cc_rules__load(ctx, (const char *)cc_data_rules, cc_data_rules_len,
                            BUILTIN_RULES, err);
    if (st != CC_OK) {
        cc_ctx_free(ctx);
        return st;
    }
    *out = ctx;
    return CC_OK;
}

void
cc_ctx_free(cc_ctx *ctx)
{
    if (!ctx)
        return;
    for (size_t i = 0; i < ctx->ndivisions; i++)
        free(ctx->divisions[i].days);
    json_decref(ctx->holidays_json);
    cc_rules__free(ctx);
    free(ctx);
}

void
cc_ctx_set_today(cc_ctx *ctx, cc_date today)
{
    ctx->has_today = 1;
    ctx->today = today;
}

int
cc_ctx_today(const cc_ctx *ctx, cc_date *out)
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
