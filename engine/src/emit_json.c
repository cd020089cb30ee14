/*
 * JSON output (docs/timeline.schema.json): the document of `caseclock
 * timeline --format json` and, compact, of each batch record.  Built with
 * jansson in the schema's key order.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

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
/* JSON                                                                */

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

/* Adds the place fields to o. */
static void
place_json(json_t *o, const view *v, const cc_place *w, int with_sentence)
{
    char *s = cc_emit__words_new(v, w->offset, w->length);
    size_t at, n;

    json_object_set_new(o, "text", json_string(s ? s : ""));
    free(s);
    cc_emit__span(v->doc, w->offset, w->length, &at, &n);
    json_object_set_new(o, "offset", json_integer((json_int_t)at));
    json_object_set_new(o, "length", json_integer((json_int_t)n));
    json_object_set_new(o, "line", json_integer(w->line));
    json_object_set_new(o, "section", json_string(w->section));
    json_object_set_new(o, "paragraph", json_integer(w->paragraph));
    if (with_sentence) {
        s = cc_emit__words_new(v, w->sentence_offset, w->sentence_length);
        json_object_set_new(o, "sentence", json_string(s ? s : ""));
        free(s);
        cc_emit__span(v->doc, w->sentence_offset, w->sentence_length, &at, &n);
        json_object_set_new(o, "sentence_offset", json_integer((json_int_t)at));
        json_object_set_new(o, "sentence_length", json_integer((json_int_t)n));
    }
}

static json_t *
interval_json(cc_date a, cc_date b)
{
    json_t *o = json_object();

    json_object_set_new(o, "earliest", date_json(a));
    json_object_set_new(o, "latest", date_json(b));
    return o;
}

static json_t *
evidence_json(const view *v, const cc_evidence *e)
{
    json_t *o = json_object();
    char id[24];

    json_object_set_new(o, "role", json_string(e->role));
    if (e->event >= 0) {
        cc_emit__event_id(id, sizeof id, e->event);
        json_object_set_new(o, "event", json_string(id));
    } else {
        json_object_set_new(o, "event", json_null());
    }
    json_object_set_new(o, "date",
                        e->dated ? interval_json(e->earliest, e->latest)
                                 : json_null());
    place_json(o, v, &e->where, 0);
    return o;
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

/* New: event i's object. */
static json_t *
event_json(const view *v, size_t i)
{
    const cc_event *ev = cc_timeline_event(v->tl, i);
    json_t *o = json_object(), *date = interval_json(ev->earliest, ev->latest);
    char id[24];

    cc_emit__event_id(id, sizeof id, (long)i);
    json_object_set_new(o, "id", json_string(id));
    json_object_set_new(o, "kind", json_string(cc_event_kind_name(ev->kind)));
    json_object_set_new(o, "actor", json_string(cc_actor_name(ev->actor)));
    json_object_set_new(date, "value", json_string(ev->value));
    json_object_set_new(date, "precision",
                        json_string(cc_grain_name(ev->grain)));
    json_object_set_new(date, "mod", json_string(ev->mod));
    json_object_set_new(date, "year_inferred", json_boolean(ev->inferred));
    json_object_set_new(date, "relative", json_boolean(ev->relative));
    json_object_set_new(o, "date", date);
    json_object_set_new(o, "planned", json_boolean(ev->planned));
    place_json(o, v, &ev->where, 1);
    return o;
}

static json_t *
deadlines_json(const view *v)
{
    json_t *arr = json_array();

    for (size_t i = 0; i < cc_timeline_deadline_count(v->tl); i++) {
        const cc_deadline *d = cc_timeline_deadline(v->tl, i);
        json_t *o = json_object(), *inputs = json_array(), *late;
        char id[24], per[24];

        snprintf(id, sizeof id, "d%zu", i + 1);
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(o, "check",
                            json_string(cc_check_kind_name(d->check)));
        json_object_set_new(o, "rule", json_string(d->rule));
        json_object_set_new(o, "title", json_string(d->title));
        json_object_set_new(o, "source", json_string(d->source));
        json_object_set_new(o, "confidence",
                            json_string(cc_confidence_name(d->confidence)));
        json_object_set_new(o, "period",
                            d->period.n ? json_string(cc_period_format(
                                              d->period, per, sizeof per))
                                        : json_null());
        json_object_set_new(
            o, "counting",
            json_string(d->period.counting == CC_COUNT_BEGINNING_WITH
                            ? "beginning_with"
                            : "after"));
        json_object_set_new(o, "extended", json_boolean(d->extended));
        json_object_set_new(o, "borderline", json_boolean(d->borderline));
        json_object_set_new(o, "due_formula_a",
                            d->borderline ? date_json(d->due_alt)
                                          : json_null());
        json_object_set_new(o, "due",
                            interval_json(d->due_earliest, d->due_latest));
        /* Written only where they say something: a school-day rule counted
         * in weekdays; the working days counted and those passed over. */
        if (d->approximate)
            json_object_set_new(o, "approximate", json_true());
        if (*d->calendar) {
            json_t *sk = json_array();
            json_object_set_new(o, "calendar", json_string(d->calendar));
            for (size_t k = 0; k < d->nskipped; k++) {
                json_t *e = json_object();
                json_object_set_new(e, "date", date_json(d->skipped[k].date));
                json_object_set_new(e, "reason",
                                    json_string(d->skipped[k].reason));
                json_array_append_new(sk, e);
            }
            json_object_set_new(o, "skipped", sk);
        }
        json_object_set_new(
            o, "actual",
            d->has_actual ? interval_json(d->actual_earliest, d->actual_latest)
                          : json_null());
        if (d->has_actual) {
            late = json_object();
            json_object_set_new(late, "min", json_integer(d->late_min));
            json_object_set_new(late, "max", json_integer(d->late_max));
        } else {
            late = json_null();
        }
        json_object_set_new(o, "days_late", late);
        json_object_set_new(o, "status",
                            json_string(cc_check_status_name(d->status)));
        json_object_set_new(o, "discretion",
                            *d->discretion ? json_string(d->discretion)
                                           : json_null());
        json_object_set_new(o, "action",
                            *d->action ? json_string(d->action) : json_null());
        json_object_set_new(o, "note", json_string(d->note));
        for (size_t k = 0; k < d->ninputs; k++)
            json_array_append_new(inputs, evidence_json(v, &d->inputs[k]));
        json_object_set_new(o, "inputs", inputs);
        json_array_append_new(arr, o);
    }
    return arr;
}

/* Two decimals are what a reader needs; the JSON stays exact enough. */
static json_t *
round2(double x)
{
    return json_real((double)(long)(x * 100.0 + (x < 0 ? -0.5 : 0.5)) / 100.0);
}

static json_t *
findings_json(const view *v)
{
    json_t *arr = json_array();

    for (size_t i = 0; i < cc_timeline_finding_count(v->tl); i++) {
        const cc_finding *f = cc_timeline_finding(v->tl, i);
        json_t *o = json_object(), *stated = json_object(), *iv;
        char id[24];
        cc_unit unit = CC_UNIT_DAY;
        char last = f->stated[strlen(f->stated) - 1];

        unit = f->workdays   ? CC_UNIT_WORKDAY
               : last == 'W' ? CC_UNIT_WEEK
               : last == 'M' ? CC_UNIT_MONTH
               : last == 'Y' ? CC_UNIT_YEAR
                             : CC_UNIT_DAY;
        snprintf(id, sizeof id, "f%zu", i + 1);
        json_object_set_new(o, "id", json_string(id));
        json_object_set_new(stated, "value", json_string(f->stated));
        json_object_set_new(stated, "mod", json_string(f->mod));
        json_object_set_new(stated, "workdays", json_boolean(f->workdays));
        json_object_set_new(o, "stated", stated);
        json_object_set_new(o, "measure", json_string(f->measure));
        place_json(o, v, &f->where, 1);
        json_object_set_new(
            o, "from", f->from.role ? evidence_json(v, &f->from) : json_null());
        json_object_set_new(
            o, "to", f->to.role ? evidence_json(v, &f->to) : json_null());
        if (f->has_interval) {
            iv = json_object();
            json_object_set_new(iv, "unit", json_string(unit_name(unit)));
            json_object_set_new(iv, "min", round2(f->min_units));
            json_object_set_new(iv, "max", round2(f->max_units));
            json_object_set_new(iv, "min_days", json_integer(f->min_days));
            json_object_set_new(iv, "max_days", json_integer(f->max_days));
        } else {
            iv = json_null();
        }
        json_object_set_new(o, "interval", iv);
        json_object_set_new(o, "verdict",
                            json_string(cc_verdict_name(f->verdict)));
        json_object_set_new(o, "note", json_string(f->note));
        json_array_append_new(arr, o);
    }
    return arr;
}

/*
 * The output is written member by member, each event's object dumped and
 * freed before the next is made: the tree of every event at once is what
 * made the timeline's memory several times its input's.  The bytes are
 * those json_dumps() made of the whole tree (JSON_PRESERVE_ORDER,
 * JSON_INDENT(2) or JSON_COMPACT): a member's value is dumped on its own
 * with its lines shifted by its depth (cc_emit__put_json).
 */

/* The root's next member: its separator, indent and key. */
static void
put_member(cc_out *o, const char *key, int first, int compact)
{
    cc_out__puts(o, first ? "{" : ",");
    if (!compact)
        cc_out__puts(o, "\n  ");
    cc_out__puts(o, "\"");
    cc_out__puts(o, key);
    cc_out__puts(o, compact ? "\":" : "\": ");
}

static void
put_events(cc_out *o, const view *v)
{
    size_t n = v->checks_only ? 0 : cc_timeline_event_count(v->tl);

    if (!n) {
        cc_out__puts(o, "[]");
        return;
    }
    cc_out__puts(o, "[");
    for (size_t i = 0; i < n && !o->failed; i++) {
        if (i)
            cc_out__puts(o, ",");
        if (!v->compact)
            cc_out__puts(o, "\n    ");
        cc_emit__put_json(o, event_json(v, i), 4, v->compact);
    }
    cc_out__puts(o, v->compact ? "]" : "\n  ]");
}

cc_status
cc_timeline_write_json(const cc_timeline *tl, const cc_doc *doc,
                       const cc_write_opts *opts, cc_write_fn write,
                       void *userdata, cc_error *err)
{
    cc_out o = {0};
    view v;
    int first = 1;

    cc_emit__view(&v, tl, doc, opts);
    if (v.path) {
        put_member(&o, "path", first, v.compact);
        cc_emit__put_json(&o, json_string(v.path), 2, v.compact);
        first = 0;
    }
    put_member(&o, "decision", first, v.compact);
    cc_emit__put_json(&o, decision_json(&v), 2, v.compact);
    put_member(&o, "events", 0, v.compact);
    put_events(&o, &v);
    put_member(&o, "deadlines", 0, v.compact);
    cc_emit__put_json(&o, deadlines_json(&v), 2, v.compact);
    put_member(&o, "findings", 0, v.compact);
    cc_emit__put_json(&o, findings_json(&v), 2, v.compact);
    cc_out__puts(&o, v.compact ? "}" : "\n}\n");
    return cc_out__finish(&o, write, userdata, err);
}
