/*
 * The mentions of a decision statement, as 'caseclock dates' writes them:
 * JSON ({"decision": {...}, "mentions": [...]}, docs/annotation.md) and a
 * table for the terminal.  The JSON is written one mention at a time, in
 * the layout jansson gives the whole document: a jansson tree of all the
 * mentions cost as much as recognising them.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "error.h"

/* The mention's grain: "" for none, as the dates schema has it. */
static const char *
grain_name(cc_grain g)
{
    return g == CC_GRAIN_NONE ? "" : cc_grain_name(g);
}

static int
resolved(const cc_mention *m)
{
    if (m->flags & CC_MENTION_UNRESOLVED)
        return 0;
    return m->grain != CC_GRAIN_NONE ||
           (m->type == CC_MENTION_TIME && m->value[0] != 'T');
}

static json_t *
field_json(const cc_doc *doc, cc_field f)
{
    const char *v = cc_doc_field(doc, f);
    return v ? json_string(v) : json_null();
}

static json_t *
decision_json(const cc_doc *doc)
{
    json_t *d = json_object();
    json_object_set_new(d, "authority", field_json(doc, CC_FIELD_AUTHORITY));
    json_object_set_new(d, "reference", field_json(doc, CC_FIELD_REFERENCE));
    json_object_set_new(d, "category", field_json(doc, CC_FIELD_CATEGORY));
    json_object_set_new(d, "outcome", field_json(doc, CC_FIELD_OUTCOME));
    json_object_set_new(d, "decision_date",
                        field_json(doc, CC_FIELD_DECISION_DATE));
    cc_emit__reading_json(d, doc);
    return d;
}

static json_t *
mention_json(const cc_doc *doc, const cc_mention *m)
{
    json_t *o = json_object();
    const char *text = cc_doc_source_text(doc, NULL);
    char buf[11];
    size_t at, n;

    cc_emit__span(doc, m->offset, m->length, &at, &n);
    json_object_set_new(o, "text", json_stringn(text + at, n));
    json_object_set_new(o, "offset", json_integer((json_int_t)at));
    json_object_set_new(o, "length", json_integer((json_int_t)n));
    json_object_set_new(o, "type", json_string(cc_mention_type_name(m->type)));
    json_object_set_new(o, "value", json_string(m->value));
    if (m->mod[0])
        json_object_set_new(o, "mod", json_string(m->mod));
    if (m->flags & CC_MENTION_INFERRED)
        json_object_set_new(o, "inferred", json_true());
    if (m->flags & CC_MENTION_FROM_DECISION)
        json_object_set_new(o, "year_from", json_string("decision date"));
    if (m->flags & CC_MENTION_RELATIVE)
        json_object_set_new(o, "relative", json_true());
    if (m->flags & CC_MENTION_WORKDAYS)
        json_object_set_new(o, "workdays", json_true());
    if (m->flags & CC_MENTION_HEADER)
        json_object_set_new(o, "header", json_true());
    if (m->flags & CC_MENTION_UNRESOLVED)
        json_object_set_new(o, "unresolved", json_true());
    if (m->grain != CC_GRAIN_NONE)
        json_object_set_new(o, "grain", json_string(grain_name(m->grain)));
    if (resolved(m)) {
        json_object_set_new(o, "earliest",
                            json_string(cc_date_format(m->earliest, buf)));
        json_object_set_new(o, "latest",
                            json_string(cc_date_format(m->latest, buf)));
    }
    if (m->paragraph >= 0)
        json_object_set_new(o, "paragraph", json_integer(m->paragraph));
    if (m->sentence >= 0)
        json_object_set_new(o, "sentence", json_integer(m->sentence));
    return o;
}

/* Where jansson's dump goes: the output, with `shift` spaces after each
 * line break (a value dumped at depth 0 lands nested). */
typedef struct dump {
    cc_out *o;
    size_t shift;
} dump;

static int
dump_put(const char *buffer, size_t size, void *data)
{
    static const char spaces[] = "        ";
    dump *d = data;

    cc_out__add(d->o, buffer, size);
    if (d->shift && size && buffer[size - 1] == '\n')
        cc_out__add(d->o, spaces, d->shift);
    return d->o->failed ? -1 : 0;
}

/* Appends v (released) indented `shift` deep, or compact. */
static void
put_json(cc_out *o, json_t *v, size_t shift, int compact)
{
    dump d = {o, shift};

    if (!v || json_dump_callback(v, dump_put, &d,
                                 JSON_PRESERVE_ORDER | JSON_ENCODE_ANY |
                                     (compact ? JSON_COMPACT : JSON_INDENT(2))))
        o->failed = 1;
    json_decref(v);
}

/* The two layouts: jansson's JSON_INDENT(2) of the whole document, and
 * one compact line. */
static const struct layout {
    const char *open, *path, *comma, *decision, *mentions, *first, *next,
        *close, *close_empty;
    size_t shift, item_shift;
} LAYOUTS[2] = {
    {"{\n", "  \"path\": ", ",\n", "  \"decision\": ", ",\n  \"mentions\": [",
     "\n    ", ",\n    ", "\n  ]\n}\n", "]\n}\n", 2, 4},
    {"{", "\"path\":", ",", "\"decision\":", ",\"mentions\":[", "", ",", "]}",
     "]}", 0, 0},
};

cc_status
cc_doc_write_json(const cc_doc *doc, const cc_write_opts *opts,
                  cc_write_fn write, void *userdata, cc_error *err)
{
    int compact = opts && opts->compact;
    const struct layout *l = &LAYOUTS[compact];
    const char *path = opts ? opts->path : NULL;
    size_t n = cc_doc_mention_count(doc);
    cc_out o = {0};

    cc_out__puts(&o, l->open);
    if (path) {
        cc_out__puts(&o, l->path);
        put_json(&o, json_string(path), l->shift, compact);
        cc_out__puts(&o, l->comma);
    }
    cc_out__puts(&o, l->decision);
    put_json(&o, decision_json(doc), l->shift, compact);
    cc_out__puts(&o, l->mentions);
    for (size_t i = 0; i < n; i++) {
        cc_out__puts(&o, i ? l->next : l->first);
        put_json(&o, mention_json(doc, cc_doc_mention(doc, i)), l->item_shift,
                 compact);
    }
    cc_out__puts(&o, n ? l->close : l->close_empty);
    return cc_out__finish(&o, write, userdata, err);
}

/* The words of a mention on one line: line breaks and tabs as spaces. */
static void
put_flat(cc_out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
        cc_out__add(o, &c, 1);
    }
}

cc_status
cc_doc_write_text(const cc_doc *doc, const cc_write_opts *opts,
                  cc_write_fn write, void *userdata, cc_error *err)
{
    static const struct {
        cc_field f;
        const char *name;
    } fields[] = {{CC_FIELD_AUTHORITY, "authority"},
                  {CC_FIELD_REFERENCE, "reference"},
                  {CC_FIELD_CATEGORY, "category"},
                  {CC_FIELD_OUTCOME, "outcome"},
                  {CC_FIELD_DECISION_DATE, "decision date"}};
    const char *text = cc_doc_source_text(doc, NULL);
    cc_out o = {0};

    (void)opts;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *v = cc_doc_field(doc, fields[i].f);
        cc_out__printf(&o, "%-14s %s\n", fields[i].name, v ? v : "-");
    }
    cc_out__printf(&o, "\n%7s %4s  %-8s %-18s %-13s %-9s %s\n", "offset", "len",
                   "type", "value", "mod", "flags", "text");
    for (size_t i = 0; i < cc_doc_mention_count(doc); i++) {
        const cc_mention *m = cc_doc_mention(doc, i);
        char flags[8];
        size_t k = 0;
        if (m->flags & CC_MENTION_HEADER)
            flags[k++] = 'H';
        if (m->flags & CC_MENTION_INFERRED)
            flags[k++] = 'I';
        if (m->flags & CC_MENTION_RELATIVE)
            flags[k++] = 'R';
        if (m->flags & CC_MENTION_WORKDAYS)
            flags[k++] = 'W';
        if (m->flags & CC_MENTION_UNRESOLVED)
            flags[k++] = 'U';
        if (k == 0)
            flags[k++] = '-';
        flags[k] = '\0';
        size_t at, n;
        cc_emit__span(doc, m->offset, m->length, &at, &n);
        cc_out__printf(&o, "%7zu %4zu  %-8s %-18s %-13s %-9s ", at, n,
                       cc_mention_type_name(m->type), m->value,
                       m->mod[0] ? m->mod : "-", flags);
        put_flat(&o, text + at, n);
        cc_out__puts(&o, "\n");
    }
    cc_out__printf(&o,
                   "\n%zu mentions; flags: H header, I year inferred, "
                   "R relative, W working days, U unresolved\n",
                   cc_doc_mention_count(doc));
    return cc_out__finish(&o, write, userdata, err);
}
