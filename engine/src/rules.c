/*
 * The timescale rules (calendars/rules.json): parsed with jansson and
 * checked field by field, so that a bad entry is reported with its file,
 * line and problem rather than found out later as a wrong deadline.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "error.h"
#include "lexicon.h"

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
    const char *kind; /* what the ids name: "rule", or "procedure" */
} loader;

/* An error about rule `id` (NULL when not yet known): "rule 'ID': WHAT"
 * ("procedure 'ID': WHAT" while procedures are read). */
static cc_status
fail_rule(const loader *ld, const char *id, const char *what, const char *value)
{
    return cc_error__set(ld->err, CC_EINVAL, ld->source,
                         id ? line_of_id(ld->data, ld->len, id) : 0, 0, 0,
                         "%s '%s': %s%s%s%s", ld->kind, id ? id : "?", what,
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

static cc_status get_words(const loader *ld, json_t *obj, const char *id,
                           const char *key, int lower, cc_words *out);

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
        {
            /* Stored before the status is read: a list that fails half way
             * is still the extension's to free. */
            cc_words w;
            st = get_words(ld, e, r->id, "words", 1, &w);
            ext[i].words = w.items;
            ext[i].nwords = w.n;
            if (st != CC_OK)
                return st;
        }
        ext[i].period.counting = r->period.counting;
    }
    return CC_OK;
}

/* A list of strings (in lower case when `lower`, for matching); absent is
 * empty. */
static cc_status
get_words(const loader *ld, json_t *obj, const char *id, const char *key,
          int lower, cc_words *out)
{
    json_t *arr = json_object_get(obj, key), *w;
    const char **items;
    size_t i;

    out->items = NULL;
    out->n = 0;
    if (!arr)
        return CC_OK;
    if (!json_is_array(arr))
        return fail_rule(ld, id, "must be an array of strings:", key);
    if (json_array_size(arr) == 0)
        return CC_OK;
    items = calloc(json_array_size(arr), sizeof *items);
    if (!items)
        return cc_error__fail(ld->err, CC_ENOMEM, "out of memory");
    out->items = items;
    json_array_foreach(arr, i, w)
    {
        const char *v = json_string_value(w);
        if (!v || !*v)
            return fail_rule(ld, id, "must be an array of strings:", key);
        for (const char *c = v; lower && *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                return fail_rule(ld, id, "words are written in lower case:", v);
        items[out->n++] = v;
    }
    return CC_OK;
}

static void
free_words(cc_words *w)
{
    free((void *)w->items);
    w->items = NULL;
    w->n = 0;
}

static const char *const CHECKS[] = {"timescale",      "minimum",
                                     "late-complaint", "complaint-stage",
                                     "remedy",         "none"};

/* A date bound of an edition ("2013-04-15"), or `dflt` when absent. */
static cc_status
get_bound(const loader *ld, json_t *obj, const char *id, const char *key,
          cc_date dflt, cc_date *out)
{
    const char *v = "";
    cc_status st = get_string(ld, obj, id, key, 0, &v);
    cc_error inner = {0};

    if (st != CC_OK)
        return st;
    *out = dflt;
    if (*v && cc_date_parse(out, v, &inner) != CC_OK)
        return fail_rule(ld, id, inner.message, NULL);
    return CC_OK;
}

/* A complaint stage's "act" or "start" (absent: any event, no words). */
static cc_status
load_stage_act(const loader *ld, json_t *e, const char *id, const char *key,
               cc_stage_act *out)
{
    json_t *a = json_object_get(e, key);
    const char *kind = "";
    cc_event_kind k;
    cc_status st;

    out->kind = -1;
    out->in = "before-date";
    if (!a)
        return CC_OK;
    if (!json_is_object(a))
        return fail_rule(ld, id, "must be an object:", key);
    if ((st = get_string(ld, a, id, "kind", 0, &kind)) ||
        (st = get_string(ld, a, id, "in", 0, &out->in)) ||
        (st = get_words(ld, a, id, "words", 1, &out->words)) ||
        (st = get_words(ld, a, id, "blocks", 1, &out->blocks)))
        return st;
    if (*kind) {
        if (!cc_lexicon__kind(&k, kind))
            return fail_rule(ld, id, "unknown event kind", kind);
        out->kind = (int)k;
    }
    if (!*out->in)
        out->in = "before-date";
    if (strcmp(out->in, "before-date") != 0 && strcmp(out->in, "clause") != 0 &&
        strcmp(out->in, "sentence") != 0)
        return fail_rule(ld, id, "unknown place for an act's words", out->in);
    out->later_day = json_is_true(json_object_get(a, "later_day"));
    out->timing = json_is_true(json_object_get(a, "timing"));
    return CC_OK;
}

/* The kinds of agreed action ("kinds": [{"id", "words"}]). */
static cc_status
load_kinds(const loader *ld, json_t *e, cc_rule *r)
{
    json_t *arr = json_object_get(e, "kinds"), *k;
    cc_action_kind *kinds;
    size_t i;
    cc_status st;

    if (!arr)
        return CC_OK;
    if (!json_is_array(arr))
        return fail_rule(ld, r->id, "must be an array:", "kinds");
    if (json_array_size(arr) == 0)
        return CC_OK;
    kinds = calloc(json_array_size(arr), sizeof *kinds);
    if (!kinds)
        return cc_error__fail(ld->err, CC_ENOMEM, "out of memory");
    r->engage.kinds = kinds;
    r->engage.nkinds = json_array_size(arr);
    json_array_foreach(arr, i, k)
    {
        if (!json_is_object(k))
            return fail_rule(ld, r->id, "must be an object:", "kinds");
        if ((st = get_string(ld, k, r->id, "id", 1, &kinds[i].id)) ||
            (st = get_words(ld, k, r->id, "words", 1, &kinds[i].words)))
            return st;
    }
    return CC_OK;
}

static cc_status
load_engage(const loader *ld, json_t *obj, cc_rule *r)
{
    json_t *e = json_object_get(obj, "engage");
    cc_engage *g = &r->engage;
    cc_status st;
    size_t k;

    if (!e) {
        /* A rule file may leave out what engages a rule: it is listed, and
         * computed on request, but no check applies it. */
        g->check = "none";
        g->procedure = g->authority = g->trigger_is = g->next = "";
        g->search_from = g->start_missing_role = g->label = "";
        g->act.kind = g->start.kind = -1;
        g->act.in = g->start.in = "before-date";
        g->reason = "the rule file does not say what engages it";
        g->from = INT32_MIN;
        g->until = INT32_MAX;
        return CC_OK;
    }
    if (!json_is_object(e))
        return fail_rule(ld, r->id, "must be an object:", "engage");
    if ((st = get_string(ld, e, r->id, "check", 1, &g->check)) ||
        (st = get_string(ld, e, r->id, "procedure", 0, &g->procedure)) ||
        (st = get_string(ld, e, r->id, "authority", 0, &g->authority)) ||
        (st = get_string(ld, e, r->id, "trigger_is", 0, &g->trigger_is)) ||
        (st = get_string(ld, e, r->id, "next", 0, &g->next)) ||
        (st = get_string(ld, e, r->id, "reason", 0, &g->reason)) ||
        (st = get_words(ld, e, r->id, "context", 1, &g->context)) ||
        (st = get_words(ld, e, r->id, "trigger", 1, &g->trigger)) ||
        (st = get_words(ld, e, r->id, "trigger_blocks", 1,
                        &g->trigger_blocks)) ||
        (st = get_words(ld, e, r->id, "completion", 1, &g->completion)) ||
        (st = get_words(ld, e, r->id, "completion_blocks", 1,
                        &g->completion_blocks)) ||
        (st = get_words(ld, e, r->id, "ends", 1, &g->ends)) ||
        (st = get_words(ld, e, r->id, "names", 1, &g->names)) ||
        (st = get_bound(ld, e, r->id, "from", INT32_MIN, &g->from)) ||
        (st = get_bound(ld, e, r->id, "until", INT32_MAX, &g->until)) ||
        (st = get_string(ld, e, r->id, "search_from", 0, &g->search_from)) ||
        (st = get_string(ld, e, r->id, "start_missing_role", 0,
                         &g->start_missing_role)) ||
        (st = get_string(ld, e, r->id, "label", 0, &g->label)) ||
        (st = load_stage_act(ld, e, r->id, "act", &g->act)) ||
        (st = load_stage_act(ld, e, r->id, "start", &g->start)) ||
        (st = get_words(ld, e, r->id, "trigger_in_section", 1,
                        &g->trigger_in_section)) ||
        (st = load_kinds(ld, e, r)))
        return st;
    g->entry = json_is_true(json_object_get(e, "entry"));
    if (*g->search_from && strncmp(g->search_from, "trigger-of ", 11) != 0)
        return fail_rule(ld, r->id, "unknown search_from", g->search_from);
    g->last_trigger = json_is_true(json_object_get(e, "last_trigger"));
    g->needs_completion = json_is_true(json_object_get(e, "needs_completion"));
    {
        const char *span;
        if ((st = get_string(ld, e, r->id, "span", 0, &span)) != CC_OK)
            return st;
        if (*span && (st = get_period(ld, r->id, span, &g->span)) != CC_OK)
            return st;
    }
    for (k = 0; k < sizeof CHECKS / sizeof *CHECKS; k++)
        if (strcmp(g->check, CHECKS[k]) == 0)
            break;
    if (k == sizeof CHECKS / sizeof *CHECKS)
        return fail_rule(ld, r->id, "unknown check", g->check);
    if (strcmp(g->check, "none") == 0 && !*g->reason)
        return fail_rule(ld, r->id, "a rule that is not computed needs a",
                         "reason");
    if ((strcmp(g->check, "timescale") == 0 ||
         strcmp(g->check, "minimum") == 0) &&
        (!g->completion.n || (!g->trigger.n && !*g->trigger_is)))
        return fail_rule(
            ld, r->id, "a timescale needs trigger and completion words", NULL);
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
    if ((st = load_extensions(ld, obj, r)) != CC_OK)
        return st;
    return load_engage(ld, obj, r);
}

static void
free_rule(cc_rule *r)
{
    for (size_t i = 0; i < r->nextensions; i++)
        free((void *)r->extensions[i].words);
    free((void *)r->extensions);
    free_words(&r->engage.context);
    free_words(&r->engage.trigger);
    free_words(&r->engage.trigger_blocks);
    free_words(&r->engage.completion);
    free_words(&r->engage.completion_blocks);
    free_words(&r->engage.ends);
    free_words(&r->engage.names);
    free_words(&r->engage.act.words);
    free_words(&r->engage.act.blocks);
    free_words(&r->engage.start.words);
    free_words(&r->engage.start.blocks);
    free_words(&r->engage.trigger_in_section);
    for (size_t i = 0; i < r->engage.nkinds; i++)
        free_words((cc_words *)&r->engage.kinds[i].words);
    free((void *)r->engage.kinds);
}

static cc_status
load_procedures(const loader *rules_ld, json_t *arr, cc_procedure **out,
                size_t *n)
{
    loader pl = *rules_ld, *ld = &pl;
    json_t *p;
    size_t i;
    cc_status st;
    cc_procedure *ps;

    pl.kind = "procedure";
    *out = NULL;
    *n = 0;
    if (!arr)
        return CC_OK;
    if (!json_is_array(arr))
        return cc_error__set(ld->err, CC_EINVAL, ld->source, 1, 0, 0,
                             "'procedures' must be an array");
    ps = calloc(json_array_size(arr) + 1, sizeof *ps);
    if (!ps)
        return cc_error__fail(ld->err, CC_ENOMEM, "out of memory");
    *out = ps;
    json_array_foreach(arr, i, p)
    {
        cc_procedure *q = &ps[(*n)++];
        if ((st = get_string(ld, p, NULL, "id", 1, &q->id)) ||
            (st = get_string(ld, p, q->id, "title", 1, &q->title)) ||
            (st = get_words(ld, p, q->id, "words", 1, &q->words)))
            return st;
        /* Categories keep their capitals: "Education > Special ...". */
        if (!json_is_array(json_object_get(p, "categories")))
            return fail_rule(ld, q->id, "needs categories", NULL);
        if ((st = get_words(ld, p, q->id, "categories", 0, &q->categories)) ||
            (st = get_words(ld, p, q->id, "unless", 1, &q->unless)))
            return st;
    }
    return CC_OK;
}

static void
free_procedures(cc_procedure *ps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free_words(&ps[i].words);
        free_words(&ps[i].categories);
        free_words(&ps[i].unless);
    }
    free(ps);
}

/* The rules and their name index, and the JSON that owns their strings. */
static void
free_rules_part(cc_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nrules; i++)
        free_rule(&ctx->rules[i]);
    free(ctx->rules);
    free(ctx->names);
    ctx->names = NULL;
    ctx->nnames = 0;
    json_decref(ctx->rules_json);
    ctx->rules = NULL;
    ctx->nrules = 0;
    ctx->rules_json = NULL;
}

/* The procedures, and the JSON of their own if they have one (the strings
 * of procedures read with the rules are the rules' JSON's). */
static void
free_procedures_part(cc_ctx *ctx)
{
    free_procedures(ctx->procedures, ctx->nprocedures);
    ctx->procedures = NULL;
    ctx->nprocedures = 0;
    json_decref(ctx->procedures_json);
    ctx->procedures_json = NULL;
}

void
cc_rules__free(cc_ctx *ctx)
{
    free_rules_part(ctx);
    free_procedures_part(ctx);
}

/* Every procedure's unless names another procedure. */
static cc_status
check_unless(const loader *ld, const cc_procedure *procs, size_t nprocs)
{
    for (size_t j = 0; j < nprocs; j++)
        for (size_t u = 0; u < procs[j].unless.n; u++) {
            int found = 0;
            for (size_t k = 0; k < nprocs && !found; k++)
                found = k != j &&
                        strcmp(procs[k].id, procs[j].unless.items[u]) == 0;
            if (!found) {
                loader pl = *ld;
                pl.kind = "procedure";
                return fail_rule(&pl, procs[j].id,
                                 "unless names an unknown procedure:",
                                 procs[j].unless.items[u]);
            }
        }
    return CC_OK;
}

cc_status
cc_rules__load_procedures(cc_ctx *ctx, const char *data, size_t len,
                          const char *source, cc_error *err)
{
    loader ld = {data, len, source, err, "procedure"};
    json_error_t jerr;
    json_t *root;
    cc_procedure *procs = NULL;
    size_t nprocs = 0;
    cc_status st;

    root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return cc_error__set(err, CC_EINVAL, source, jerr.line, jerr.column,
                             (size_t)jerr.position, "%s", jerr.text);
    st = load_procedures(&ld, json_object_get(root, "procedures"), &procs,
                         &nprocs);
    if (st == CC_OK)
        st = check_unless(&ld, procs, nprocs);
    if (st != CC_OK) {
        free_procedures(procs, nprocs);
        json_decref(root);
        return st;
    }
    free_procedures_part(ctx);
    ctx->procedures = procs;
    ctx->nprocedures = nprocs;
    ctx->procedures_json = root;
    return CC_OK;
}

static int
name_order(const void *a, const void *b)
{
    const struct cc_rule_name *x = a, *y = b;
    int c = strcmp(x->name, y->name);

    if (c)
        return c;
    return x->rule < y->rule ? -1 : x->rule > y->rule;
}

/* New (free() it): the rules' ids and aliases, sorted for a binary search
 * (name_order); NULL when out of memory. */
static struct cc_rule_name *
name_index(json_t *arr, const cc_rule *rules, size_t n, size_t *count)
{
    struct cc_rule_name *v;
    size_t m = n, used = 0;

    for (size_t i = 0; i < n; i++)
        m +=
            json_array_size(json_object_get(json_array_get(arr, i), "aliases"));
    if (!(v = malloc((m ? m : 1) * sizeof *v)))
        return NULL;
    for (size_t i = 0; i < n; i++) {
        json_t *aliases = json_object_get(json_array_get(arr, i), "aliases");
        json_t *a;
        size_t k;

        v[used].name = rules[i].id;
        v[used++].rule = i;
        json_array_foreach(aliases, k, a)
        {
            if (json_is_string(a)) {
                v[used].name = json_string_value(a);
                v[used++].rule = i;
            }
        }
    }
    qsort(v, used, sizeof *v, name_order);
    *count = used;
    return v;
}

cc_status
cc_rules__load(cc_ctx *ctx, const char *data, size_t len, const char *source,
               int keep_procedures, cc_error *err)
{
    loader ld = {data, len, source, err, "rule"};
    json_error_t jerr;
    json_t *root, *arr, *calendars, *obj;
    cc_rule *rules = NULL;
    cc_procedure *procs = NULL;
    struct cc_rule_name *names = NULL;
    size_t i, n = 0, nprocs = 0, nnames = 0;
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
    st = load_procedures(&ld, json_object_get(root, "procedures"), &procs,
                         &nprocs);
    if (st == CC_OK)
        st = check_unless(&ld, procs, nprocs);
    if (st != CC_OK)
        goto fail;
    for (size_t j = 0; j < n; j++) {
        const cc_engage *g = &rules[j].engage;
        int found = !*g->procedure;
        for (size_t k = 0; k < nprocs && !found; k++)
            found = strcmp(procs[k].id, g->procedure) == 0;
        if (!found) {
            st = fail_rule(&ld, rules[j].id, "unknown procedure", g->procedure);
            goto fail;
        }
        if (*g->search_from) {
            int ok = 0;
            for (size_t k = 0; k < n && !ok; k++)
                ok = strcmp(rules[k].id, g->search_from + 11) == 0;
            if (!ok) {
                st = fail_rule(&ld, rules[j].id, "names an unknown rule",
                               g->search_from + 11);
                goto fail;
            }
        }
        for (int which = 0; which < 2; which++) {
            const char *ref = which ? g->next : g->trigger_is;
            const char *sp = which ? ref : strchr(ref, ' ');
            int ok = 0;
            if (!*ref)
                continue;
            if (!which && (!sp || (strncmp(ref, "completion-of ", 14) != 0 &&
                                   strncmp(ref, "trigger-of ", 11) != 0))) {
                st = fail_rule(&ld, rules[j].id, "unknown trigger_is", ref);
                goto fail;
            }
            if (!which)
                sp++;
            for (size_t k = 0; k < n && !ok; k++)
                ok = strcmp(rules[k].id, sp) == 0;
            if (!ok) {
                st = fail_rule(&ld, rules[j].id, "names an unknown rule", sp);
                goto fail;
            }
        }
    }
    if (!(names = name_index(arr, rules, n, &nnames))) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto fail;
    }
    free_rules_part(ctx);
    ctx->names = names;
    ctx->nnames = nnames;
    ctx->rules_json = root;
    ctx->rules = rules;
    ctx->nrules = n;
    if (keep_procedures) {
        free_procedures(procs, nprocs);
    } else {
        free_procedures_part(ctx);
        ctx->procedures = procs;
        ctx->nprocedures = nprocs;
    }
    return CC_OK;
fail:
    for (size_t j = 0; j < n; j++)
        free_rule(&rules[j]);
    free(rules);
    free_procedures(procs, nprocs);
    json_decref(root);
    return st;
}

cc_status
cc_ctx_load_rules(cc_ctx *ctx, const char *data, size_t len, const char *source,
                  cc_error *err)
{
    cc_status st = cc_rules__load(ctx, data, len, source, 0, err);

    /* the built-in rules, if not yet parsed, never will be */
    if (st == CC_OK)
        atomic_fetch_and(&ctx->lazy, ~(unsigned)CC_LAZY_RULES);
    return st;
}

size_t
cc_ctx_rule_count(const cc_ctx *ctx)
{
    return cc_ctx__ready(ctx, NULL) == CC_OK ? ctx->nrules : 0;
}

const cc_rule *
cc_ctx_rule(const cc_ctx *ctx, size_t i)
{
    if (cc_ctx__ready(ctx, NULL) != CC_OK)
        return NULL;
    return i < ctx->nrules ? &ctx->rules[i] : NULL;
}

const cc_rule *
cc_ctx_rule_find(const cc_ctx *ctx, const char *id)
{
    /* The first rule, in the data's order, with `id` as its id or one of
     * its aliases: the first of the names equal to `id`. */
    size_t lo = 0, hi;

    if (cc_ctx__ready(ctx, NULL) != CC_OK)
        return NULL;
    hi = ctx->nnames;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ctx->names[mid].name, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ctx->nnames && strcmp(ctx->names[lo].name, id) == 0)
        return &ctx->rules[ctx->names[lo].rule];
    return NULL;
}

size_t
cc_ctx_procedure_count(const cc_ctx *ctx)
{
    return ctx->nprocedures;
}

const cc_procedure *
cc_ctx_procedure(const cc_ctx *ctx, size_t i)
{
    return i < ctx->nprocedures ? &ctx->procedures[i] : NULL;
}

const cc_procedure *
cc_ctx_procedure_find(const cc_ctx *ctx, const char *id)
{
    for (size_t i = 0; i < ctx->nprocedures; i++)
        if (strcmp(ctx->procedures[i].id, id) == 0)
            return &ctx->procedures[i];
    return NULL;
}
