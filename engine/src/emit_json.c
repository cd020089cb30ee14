/*
 * JSON output (docs/timeline.schema.json): the document of `caseclock
 * timeline --format json` and, compact, of each batch record, in the
 * schema's key order.  The events, deadlines and findings are written
 * straight into the buffer, byte for byte as jansson's json_dumps() wrote
 * the tree of them (JSON_PRESERVE_ORDER, JSON_INDENT(2) or JSON_COMPACT,
 * JSON_REAL_PRECISION(6)): a jansson object for every event and place
 * cost as much as making the timeline.  The decision, once a document,
 * is still a jansson object.
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "emit.h"
#include "error.h"

typedef cc_view view;

static const char *
unit_name(cc_unit u)
{
    switch (u) {
    case CC_UNIT_DAY:
        return "days";
    case CC_UNIT_WEEK:
        return "weeks";
    case CC_UNIT_MONTH:
        return "months";
    case CC_UNIT_YEAR:
        return "years";
    case CC_UNIT_WORKDAY:
        return "working days";
    }
    return "";
}

/* ------------------------------------------------------------------ */
/* A JSON writer in jansson's layout                                   */

#define JW_DEPTH 8

typedef struct jw {
    cc_out *o;
    int compact;
    int depth;       /* containers open */
    int n[JW_DEPTH]; /* values written in each */
    cc_out scratch;  /* a place's words, before they are escaped */
    cc_out source;   /* the source's bytes of a place, when not in place */
} jw;

static void
put_spaces(cc_out *o, size_t n)
{
    static const char spaces[] = "                ";
    while (n > 0) {
        size_t k = n < sizeof spaces - 1 ? n : sizeof spaces - 1;
        cc_out__add(o, spaces, k);
        n -= k;
    }
}

/* Before a value in the open container: the separator and the indent. */
static void
jw_sep(jw *j)
{
    int *n = &j->n[j->depth - 1];

    if (j->compact) {
        if (*n)
            cc_out__add(j->o, ",", 1);
    } else {
        cc_out__add(j->o, *n ? ",\n" : "\n", *n ? 2 : 1);
        put_spaces(j->o, 2 * (size_t)j->depth);
    }
    (*n)++;
}

static void
jw_open(jw *j, char c)
{
    cc_out__add(j->o, &c, 1);
    j->n[j->depth++] = 0;
}

static void
jw_close(jw *j, char c)
{
    int n = j->n[--j->depth];

    if (n && !j->compact) {
        cc_out__add(j->o, "\n", 1);
        put_spaces(j->o, 2 * (size_t)j->depth);
    }
    cc_out__add(j->o, &c, 1);
}

/* Is s[0, n) UTF-8 as jansson takes it (json_string refuses anything
 * else, and the member is then left out): well-formed, no surrogates. */
static int
utf8_ok(const char *s, size_t n)
{
    int32_t i = 0, len = (int32_t)n;
    UChar32 c;

    if (n > INT32_MAX)
        return 0;
    while (i < len) {
        U8_NEXT(s, i, len, c);
        if (c < 0)
            return 0;
    }
    return 1;
}

/* A JSON string (cc_emit__json_string) onto o. */
static void
put_string(cc_out *o, const char *s, size_t n)
{
    char *p = n <= ((size_t)-1 - 2) / 6 ? cc_out__room(o, 6 * n + 2) : NULL;

    if (p)
        cc_out__wrote(o, (size_t)(cc_emit__json_string(p, s, n) - p));
    else
        o->failed = 1;
}

/* The next member's key in the open object: the separator, the indent,
 * "key" and ':' put in one piece (the keys are the schema's, with nothing
 * to escape). */
static void
jw_key(jw *j, const char *key)
{
    char buf[96];
    size_t n = 0, k = strlen(key), ind = 2 * (size_t)j->depth;
    int *count = &j->n[j->depth - 1];

    if (k + ind + 8 > sizeof buf) {
        jw_sep(j);
        put_string(j->o, key, k);
        cc_out__add(j->o, j->compact ? ":" : ": ", j->compact ? 1 : 2);
        return;
    }
    if (*count)
        buf[n++] = ',';
    if (!j->compact) {
        buf[n++] = '\n';
        memset(buf + n, ' ', ind);
        n += ind;
    }
    (*count)++;
    buf[n++] = '"';
    memcpy(buf + n, key, k);
    n += k;
    buf[n++] = '"';
    buf[n++] = ':';
    if (!j->compact)
        buf[n++] = ' ';
    cc_out__add(j->o, buf, n);
}

/* A string member; none, as with json_string(), for NULL or a string
 * that is not UTF-8. */
static void
jw_str(jw *j, const char *key, const char *v)
{
    size_t n;

    if (!v || !utf8_ok(v, n = strlen(v)))
        return;
    jw_key(j, key);
    put_string(j->o, v, n);
}

static void
jw_str_or_null(jw *j, const char *key, const char *v)
{
    if (v) {
        jw_str(j, key, v);
    } else {
        jw_key(j, key);
        cc_out__add(j->o, "null", 4);
    }
}

static void
jw_null(jw *j, const char *key)
{
    jw_key(j, key);
    cc_out__add(j->o, "null", 4);
}

static void
jw_bool(jw *j, const char *key, int v)
{
    jw_key(j, key);
    if (v)
        cc_out__add(j->o, "true", 4);
    else
        cc_out__add(j->o, "false", 5);
}

static void
jw_int(jw *j, const char *key, long long v)
{
    char *p;

    jw_key(j, key);
    if ((p = cc_out__room(j->o, 20)) != NULL)
        cc_out__wrote(j->o, (size_t)(cc_emit__json_int(p, v) - p));
}

/* A real as jansson writes it with JSON_REAL_PRECISION(6): "%.6g", ".0"
 * added to what would read as an integer, the exponent without '+' or
 * leading zeros; none for what json_real() refuses (inf, nan). */
static void
jw_real(jw *j, const char *key, double v)
{
    char buf[64], *e;
    int n;

    if (!isfinite(v))
        return;
    n = snprintf(buf, sizeof buf - 3, "%.6g", v);
    if (n < 0 || (size_t)n >= sizeof buf - 3)
        return;
    if (!strchr(buf, '.') && !strchr(buf, 'e')) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    if ((e = strchr(buf, 'e')) != NULL) {
        char *start = e + 1, *end = start + 1;
        if (*start == '-')
            start++;
        while (*end == '0')
            end++;
        if (end != start) {
            memmove(start, end, (size_t)(buf + n - end) + 1);
            n -= (int)(end - start);
        }
    }
    jw_key(j, key);
    cc_out__add(j->o, buf, (size_t)n);
}

static void
jw_date(jw *j, const char *key, cc_date d)
{
    char buf[11];

    jw_str(j, key, cc_date_format(d, buf));
}

/* {"earliest": ..., "latest": ...}, its member key given; left open. */
static void
jw_interval_open(jw *j, const char *key, cc_date a, cc_date b)
{
    jw_key(j, key);
    jw_open(j, '{');
    jw_date(j, "earliest", a);
    jw_date(j, "latest", b);
}

static void
jw_interval(jw *j, const char *key, cc_date a, cc_date b)
{
    jw_interval_open(j, key, a, b);
    jw_close(j, '}');
}

static int
is_space(char c)
{
    return c == '\r' || c == '\n' || c == '\t' || c == ' ';
}

/* The words of the doc at [offset, +length) as a string member (what
 * cc_emit__words gives, to its first NUL, as json_string() reads it). */
static void
jw_words(jw *j, const char *key, const view *v, size_t offset, size_t length)
{
    cc_out *s = &j->scratch;
    size_t len = cc_doc_source_length(v->doc), i, end, n;
    const char *text;

    /* cc_emit__words, a run of words at a time: the source's words of
     * the span, white space (CR, LF, tab, space) between them as one
     * space, none at the ends. */
    s->len = 0;
    if (offset <= SIZE_MAX - length) {
        cc_emit__span(v->doc, offset, length, &offset, &length);
        if (offset <= len && length <= len - offset) {
            if (!(text = cc_emit__source(&j->source, v->doc, offset, length))) {
                j->o->failed = 1;
                return;
            }
            for (i = 0, end = length; i < end;) {
                size_t w = i;
                while (w < end && !is_space(text[w]))
                    w++;
                if (w > i) {
                    if (s->len)
                        cc_out__add(s, " ", 1);
                    cc_out__add(s, text + i, w - i);
                }
                i = w;
                while (i < end && is_space(text[i]))
                    i++;
            }
        }
    }
    if (s->failed) {
        j->o->failed = 1;
        return;
    }
    /* json_string() reads to the first NUL. */
    n = s->len ? strlen(s->s) : 0;
    if (!utf8_ok(n ? s->s : "", n))
        return;
    jw_key(j, key);
    put_string(j->o, n ? s->s : "", n);
}

/* The place members. */
static void
jw_place(jw *j, const view *v, const cc_place *w, int with_sentence)
{
    size_t at, n;

    jw_words(j, "text", v, w->offset, w->length);
    cc_emit__span(v->doc, w->offset, w->length, &at, &n);
    jw_int(j, "offset", (long long)at);
    jw_int(j, "length", (long long)n);
    jw_int(j, "line", w->line);
    jw_str(j, "section", w->section);
    jw_int(j, "paragraph", w->paragraph);
    if (with_sentence) {
        jw_words(j, "sentence", v, w->sentence_offset, w->sentence_length);
        cc_emit__span(v->doc, w->sentence_offset, w->sentence_length, &at, &n);
        jw_int(j, "sentence_offset", (long long)at);
        jw_int(j, "sentence_length", (long long)n);
    }
}

static void
jw_evidence(jw *j, const char *key, const view *v, const cc_evidence *e)
{
    char id[24];

    if (key)
        jw_key(j, key);
    else
        jw_sep(j);
    jw_open(j, '{');
    jw_str(j, "role", e->role);
    if (e->event >= 0) {
        cc_emit__event_id(id, sizeof id, e->event);
        jw_str(j, "event", id);
    } else {
        jw_null(j, "event");
    }
    if (e->dated)
        jw_interval(j, "date", e->earliest, e->latest);
    else
        jw_null(j, "date");
    jw_place(j, v, &e->where, 0);
    jw_close(j, '}');
}

static json_t *
date_json(cc_date d)
{
    char buf[11];

    return json_string(cc_date_format(d, buf));
}

static json_t *
string_or_null(const char *s)
{
    return s ? json_string(s) : json_null();
}

static json_t *
decision_json(const view *v)
{
    json_t *d = json_object();
    cc_date date;

    json_object_set_new(
        d, "authority",
        string_or_null(cc_timeline_field(v->tl, CC_FIELD_AUTHORITY)));
    json_object_set_new(
        d, "reference",
        string_or_null(cc_timeline_field(v->tl, CC_FIELD_REFERENCE)));
    json_object_set_new(
        d, "category",
        string_or_null(cc_timeline_field(v->tl, CC_FIELD_CATEGORY)));
    json_object_set_new(
        d, "outcome",
        string_or_null(cc_timeline_field(v->tl, CC_FIELD_OUTCOME)));
    json_object_set_new(d, "date",
                        cc_timeline_decision_date(&date, v->tl)
                            ? date_json(date)
                            : json_null());
    json_object_set_new(d, "today",
                        v->has_today ? date_json(v->today) : json_null());
    cc_emit__reading_json(d, v->doc);
    /* a draft without its decision date: what could not be dated */
    json_object_set_new(
        d, "undated_actions",
        json_integer((json_int_t)cc_timeline_undated_actions(v->tl)));
    return d;
}

/* Event i, as the next value of the open array. */
static void
jw_event(jw *j, const view *v, size_t i)
{
    const cc_event *ev = cc_timeline_event(v->tl, i);
    char id[24];

    jw_sep(j);
    jw_open(j, '{');
    cc_emit__event_id(id, sizeof id, (long)i);
    jw_str(j, "id", id);
    jw_str(j, "kind", cc_event_kind_name(ev->kind));
    jw_str(j, "actor", cc_actor_name(ev->actor));
    jw_interval_open(j, "date", ev->earliest, ev->latest);
    jw_str(j, "value", ev->value);
    jw_str(j, "precision", cc_grain_name(ev->grain));
    jw_str(j, "mod", ev->mod);
    jw_bool(j, "year_inferred", ev->inferred);
    jw_bool(j, "relative", ev->relative);
    jw_close(j, '}');
    jw_bool(j, "planned", ev->planned);
    jw_place(j, v, &ev->where, 1);
    jw_close(j, '}');
}

static void
jw_deadline(jw *j, const view *v, size_t i)
{
    const cc_deadline *d = cc_timeline_deadline(v->tl, i);
    char id[24], per[24];

    jw_sep(j);
    jw_open(j, '{');
    snprintf(id, sizeof id, "d%zu", i + 1);
    jw_str(j, "id", id);
    jw_str(j, "check", cc_check_kind_name(d->check));
    jw_str(j, "rule", d->rule);
    jw_str(j, "title", d->title);
    jw_str(j, "source", d->source);
    jw_str(j, "confidence", cc_confidence_name(d->confidence));
    if (d->period.n)
        jw_str(j, "period", cc_period_format(d->period, per, sizeof per));
    else
        jw_null(j, "period");
    jw_str(j, "counting",
           d->period.counting == CC_COUNT_BEGINNING_WITH ? "beginning_with"
                                                         : "after");
    jw_bool(j, "extended", d->extended);
    jw_bool(j, "borderline", d->borderline);
    if (d->borderline)
        jw_date(j, "due_formula_a", d->due_alt);
    else
        jw_null(j, "due_formula_a");
    jw_interval(j, "due", d->due_earliest, d->due_latest);
    /* Written only where they say something: a school-day rule counted
     * in weekdays; the working days counted and those passed over. */
    if (d->approximate)
        jw_bool(j, "approximate", 1);
    if (*d->calendar) {
        jw_str(j, "calendar", d->calendar);
        jw_key(j, "skipped");
        jw_open(j, '[');
        for (size_t k = 0; k < d->nskipped; k++) {
            jw_sep(j);
            jw_open(j, '{');
            jw_date(j, "date", d->skipped[k].date);
            jw_str(j, "reason", d->skipped[k].reason);
            jw_close(j, '}');
        }
        jw_close(j, ']');
    }
    if (d->has_actual)
        jw_interval(j, "actual", d->actual_earliest, d->actual_latest);
    else
        jw_null(j, "actual");
    if (d->has_actual) {
        jw_key(j, "days_late");
        jw_open(j, '{');
        jw_int(j, "min", d->late_min);
        jw_int(j, "max", d->late_max);
        jw_close(j, '}');
    } else {
        jw_null(j, "days_late");
    }
    jw_str(j, "status", cc_check_status_name(d->status));
    jw_str_or_null(j, "discretion", *d->discretion ? d->discretion : NULL);
    jw_str_or_null(j, "action", *d->action ? d->action : NULL);
    jw_str(j, "note", d->note);
    jw_key(j, "inputs");
    jw_open(j, '[');
    for (size_t k = 0; k < d->ninputs; k++)
        jw_evidence(j, NULL, v, &d->inputs[k]);
    jw_close(j, ']');
    jw_close(j, '}');
}

/* Two decimals are what a reader needs; the JSON stays exact enough. */
static double
round2(double x)
{
    return (double)(long)(x * 100.0 + (x < 0 ? -0.5 : 0.5)) / 100.0;
}

static void
jw_finding(jw *j, const view *v, size_t i)
{
    const cc_finding *f = cc_timeline_finding(v->tl, i);
    char id[24];
    char last = f->stated[strlen(f->stated) - 1];
    cc_unit unit = f->workdays   ? CC_UNIT_WORKDAY
                   : last == 'W' ? CC_UNIT_WEEK
                   : last == 'M' ? CC_UNIT_MONTH
                   : last == 'Y' ? CC_UNIT_YEAR
                                 : CC_UNIT_DAY;

    jw_sep(j);
    jw_open(j, '{');
    snprintf(id, sizeof id, "f%zu", i + 1);
    jw_str(j, "id", id);
    jw_key(j, "stated");
    jw_open(j, '{');
    jw_str(j, "value", f->stated);
    jw_str(j, "mod", f->mod);
    jw_bool(j, "workdays", f->workdays);
    jw_close(j, '}');
    jw_str(j, "measure", f->measure);
    jw_place(j, v, &f->where, 1);
    if (f->from.role)
        jw_evidence(j, "from", v, &f->from);
    else
        jw_null(j, "from");
    if (f->to.role)
        jw_evidence(j, "to", v, &f->to);
    else
        jw_null(j, "to");
    if (f->has_interval) {
        jw_key(j, "interval");
        jw_open(j, '{');
        jw_str(j, "unit", unit_name(unit));
        jw_real(j, "min", round2(f->min_units));
        jw_real(j, "max", round2(f->max_units));
        jw_int(j, "min_days", f->min_days);
        jw_int(j, "max_days", f->max_days);
        jw_close(j, '}');
    } else {
        jw_null(j, "interval");
    }
    jw_str(j, "verdict", cc_verdict_name(f->verdict));
    jw_str(j, "note", f->note);
    jw_close(j, '}');
}

cc_status
cc_timeline_write_json(const cc_timeline *tl, const cc_doc *doc,
                       const cc_write_opts *opts, cc_write_fn write,
                       void *userdata, cc_error *err)
{
    cc_out o = {0};
    view v;
    jw j;
    size_t n;

    cc_emit__view(&v, tl, doc, opts);
    memset(&j, 0, sizeof j);
    j.o = &o;
    j.compact = v.compact;
    jw_open(&j, '{');
    /* The path and the decision, once a document, as jansson dumps them
     * (shifted by their depth). */
    if (v.path) {
        jw_key(&j, "path");
        cc_emit__put_json(&o, json_string(v.path), 2, v.compact);
    }
    jw_key(&j, "decision");
    cc_emit__put_json(&o, decision_json(&v), 2, v.compact);
    jw_key(&j, "events");
    jw_open(&j, '[');
    n = v.checks_only ? 0 : cc_timeline_event_count(tl);
    for (size_t i = 0; i < n && cc_out__drain(&o, write, userdata) == 0; i++)
        jw_event(&j, &v, i);
    jw_close(&j, ']');
    jw_key(&j, "deadlines");
    jw_open(&j, '[');
    for (size_t i = 0; i < cc_timeline_deadline_count(tl) &&
                       cc_out__drain(&o, write, userdata) == 0;
         i++)
        jw_deadline(&j, &v, i);
    jw_close(&j, ']');
    jw_key(&j, "findings");
    jw_open(&j, '[');
    for (size_t i = 0; i < cc_timeline_finding_count(tl) &&
                       cc_out__drain(&o, write, userdata) == 0;
         i++)
        jw_finding(&j, &v, i);
    jw_close(&j, ']');
    jw_close(&j, '}');
    if (!v.compact)
        cc_out__add(&o, "\n", 1);
    cc_out__free(&j.scratch);
    cc_out__free(&j.source);
    return cc_out__finish(&o, write, userdata, err);
}
