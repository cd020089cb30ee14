/*
 * The timescale rules (calendars/rules.json): parsed with jansson and
 * checked field by field, so that a bad entry is reported with its file,
 * line and problem rather than found out later as a wrong deadline.
 */
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "error.h"

/* The line on which `"id": "<id>"` stands in the text, or 0. */
static int
line_of_id(const char *data, size_t len, const char *id)
{
    size_t k = strlen(id);

    for (size_t i = 0; i + k + 2 <= len; i++) {
        if (data[i] == '"' && memcmp(data + i + 1, id, k) == 0 &&
            data[i + 1 + k] == '"') {
            int line = 1;
            for (size_t j = 0; j < i; j++)
                line += data[j] == '\n';
            return line;
        }
    }
    return 0;
}

typedef struct loader {
    const char *data;
    size_t len;
    const char *source;
    cc_error *err;
} loader;

/* An error about rule `id` (NULL when not yet known): "rule 'ID': WHAT". */
static cc_status
fail_rule(const loader *ld, const char *id, const char *what, const char *value)
{
    return cc_error__set(ld->err, CC_EINVAL, ld->source,
                         id ? line_of_id(ld->data, ld->len, id) : 0, 0, 0,
                         "rule '%s': %s%s%s%s", id ? id : "?", what,
                         value ? " '" : "", value ? value : "",
                         value ? "'" : "");
}

/* A string member; "" when absent and not required. */
static cc_status
get_string(const loader *ld, json_t *obj, const char *id, const char *key,
           int required, const char **out)
{
    json_t *v = json_object_get(obj, key);

    if (!v && !required) {
        *out = "";
        return CC_OK;
    }
    if (!json_is_string(v))
        return fail_rule(ld, id, "must be a string:", key);
    *out = json_string_value(v);
    return CC_OK;
}

static cc_status
get_period(const loader *ld, const char *id, const char *text, cc_period *out)
{
    cc_error inner = {0};

    if (cc_period_parse(out, text, &inner) != CC_OK)
        return cc_error__set(ld->err, CC_EINVAL, ld->source,
                             line_of_id(ld->data, ld->len, id), 0, 0,
                             "rule '%s': %s", id, inner.message);
    return CC_OK;
}

static cc_status
load_extensions(const loader *ld, json_t *obj, cc_rule *r)
{
    json_t *arr = json_object_get(obj, "extensions"), *e;
    cc_extension *ext;
    size_t i;
    cc_status st;

    if (!arr)
        return CC_OK;
    if (!json_is_array(arr))
        return fail_rule(ld, r->id, "must be an array:", "extensions");
    if (json_array_size(arr) == 0)
        return CC_OK;
    ext = calloc(json_array_size(arr), sizeof *ext);
    if (!ext)
        return cc_error__fail(ld->err, CC_ENOMEM, "out of memory");
    r->extensions = ext;
    r->nextensions = json_array_size(arr);
    json_array_foreach(arr, i, e)
    {
        const char *period = NULL;
        if ((st = get_string(ld, e, r->id, "period", 1, &period)) ||
            (st = get_period(ld, r->id, period, &ext[i].period)) ||
            (st = get_string(ld, e, r->id, "condition", 1, &ext[i].condition)))
            return st;
        ext[i].period.counting = r->period.counting;
    }
    return CC_OK;
}

static cc_status
load_rule(const loader *ld, json_t *obj, json_t *calendars, cc_rule *r)
{
    const char *period = NULL, *counting = NULL, *conf = NULL;
    json_t *cal;
    cc_status st;

    if (!json_is_object(obj))
        return fail_rule(ld, NULL, "must be an object", NULL);
    if ((st = get_string(ld, obj, NULL, "id", 1, &r->id)) ||
        (st = get_string(ld, obj, r->id, "title", 1, &r->title)) ||
        (st = get_string(ld, obj, r->id, "source", 1, &r->source)) ||
        (st = get_string(ld, obj, r->id, "words", 0, &r->words)) ||
        (st = get_string(ld, obj, r->id, "trigger", 1, &r->trigger)) ||
        (st = get_string(ld, obj, r->id, "period", 1, &period)) ||
        (st = get_string(ld, obj, r->id, "counting", 1, &counting)) ||
        (st = get_string(ld, obj, r->id, "calendar", 1, &r->calendar)) ||
        (st = get_string(ld, obj, r->id, "confidence", 1, &conf)) ||
        (st = get_string(ld, obj, r->id, "discretion", 0, &r->discretion)) ||
        (st = get_string(ld, obj, r->id, "qualifier", 0, &r->qualifier)) ||
        (st = get_period(ld, r->id, period, &r->period)))
        return st;
    if (strcmp(counting, "after") == 0)
        r->period.counting = CC_COUNT_AFTER;
    else if (strcmp(counting, "beginning_with") == 0 ||
             strcmp(counting, "before_end_of_beginning_with") == 0)
        r->period.counting = CC_COUNT_BEGINNING_WITH;
    else
        return fail_rule(ld, r->id, "unknown counting", counting);
    if (strcmp(conf, "C") == 0)
        r->confidence = CC_CONF_CONFIRMED;
    else if (strcmp(conf, "B") == 0)
        r->confidence = CC_CONF_BELIEVED;
    else if (strcmp(conf, "U") == 0)
        r->confidence = CC_CONF_UNCERTAIN;
    else
        return fail_rule(ld, r->id, "unknown confidence", conf);
    cal = json_object_get(calendars, r->calendar);
    if (!json_is_object(cal))
        return fail_rule(ld, r->id, "unknown calendar", r->calendar);
    r->division = json_string_value(json_object_get(cal, "division"));
    if (!r->division)
        r->division = "";
    if (r->period.unit == CC_UNIT_WORKDAY && !*r->division)
        return fail_rule(ld, r->id,
                         "working days need a calendar with a division, not",
                         r->calendar);
    return load_extensions(ld, obj, r);
}

void
cc_rules__free(cc_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nrules; i++)
        free((void *)ctx->rules[i].extensions);
    free(ctx->rules);
    json_decref(ctx->rules_json);
    ctx->rules = NULL;
    ctx->nrules = 0;
    ctx->rules_json = NULL;
}

cc_status
cc_rules__load(cc_ctx *ctx, const char *data, size_t len, const char *source,
               cc_error *err)
{
    loader ld = {data, len, source, err};
    json_error_t jerr;
    json_t *root, *arr, *calendars, *obj;
    cc_rule *rules = NULL;
    size_t i, n = 0;
    cc_status st = CC_OK;

    root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return cc_error__set(err, CC_EINVAL, source, jerr.line, jerr.column,
                             (size_t)jerr.position, "%s", jerr.text);
    arr = json_object_get(root, "rules");
    calendars = json_object_get(root, "calendars");
    if (!json_is_array(arr) || !json_is_object(calendars)) {
        st = cc_error__set(err, CC_EINVAL, source, 1, 0, 0,
                           "expected an object with 'rules' (an array) and "
                           "'calendars' (an object)");
        goto fail;
    }
    rules = calloc(json_array_size(arr) + 1, sizeof *rules);
    if (!rules) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto fail;
    }
    json_array_foreach(arr, i, obj)
    {
        st = load_rule(&ld, obj, calendars, &rules[n]);
        n++;
        if (st != CC_OK)
            goto fail;
        for (size_t j = 0; j + 1 < n; j++)
            if (strcmp(rules[j].id, rules[n - 1].id) == 0) {
                st = fail_rule(&ld, rules[n - 1].id, "duplicate id", NULL);
                goto fail;
            }
    }
    cc_rules__free(ctx);
    ctx->rules_json = root;
    ctx->rules = rules;
    ctx->nrules = n;
    return CC_OK;
fail:
    for (size_t j = 0; j < n; j++)
        free((void *)rules[j].extensions);
    free(rules);
    json_decref(root);
    return st;
}

cc_status
cc_ctx_load_rules(cc_ctx *ctx, const char *data, size_t len, const char *source,
                  cc_error *err)
{
    return cc_rules__load(ctx, data, len, source, err);
}

size_t
cc_ctx_rule_count(const cc_ctx *ctx)
{
    return ctx->nrules;
}

const cc_rule *
cc_ctx_rule(const cc_ctx *ctx, size_t i)
{
    return i < ctx->nrules ? &ctx->rules[i] : NULL;
}

const cc_rule *
cc_ctx_rule_find(const cc_ctx *ctx, const char *id)
{
    for (size_t i = 0; i < ctx->nrules; i++) {
        json_t *aliases;
        json_t *a;
        size_t k;

        if (strcmp(ctx->rules[i].id, id) == 0)
            return &ctx->rules[i];
        aliases = json_object_get(
            json_array_get(json_object_get(ctx->rules_json, "rules"), i),
            "aliases");
        json_array_foreach(aliases, k, a)
        {
            if (json_is_string(a) && strcmp(json_string_value(a), id) == 0)
                return &ctx->rules[i];
        }
    }
    return NULL;
}
