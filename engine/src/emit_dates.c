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

#include "doc.h"
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

/*
 * A mention is written straight into room reserved for it in the buffer,
 * byte for byte as jansson's json_dump_callback() wrote its object
 * (JSON_PRESERVE_ORDER, JSON_INDENT(2) or JSON_COMPACT, the lines shifted
 * by `shift` spaces): no tree of small allocations for every mention of a
 * long input, and no check for room or call per piece.
 */
typedef struct obj {
    char *p; /* where the next byte goes */
    int compact;
    size_t shift;
    int n; /* members so far */
} obj;

static char *
w_bytes(char *p, const char *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}

/* The next member's key (a plain word: nothing to escape): the
 * separator, the indent, "key" and ':'.  At most 2 + shift + 2 + klen +
 * 3 bytes. */
static void
w_key(obj *j, const char *key, size_t klen)
{
    if (j->compact) {
        *j->p++ = j->n ? ',' : '{';
    } else {
        j->p = w_bytes(j->p, j->n ? ",\n" : "{\n", 2);
        memset(j->p, ' ', j->shift + 2);
        j->p += j->shift + 2;
    }
    j->n++;
    *j->p++ = '"';
    j->p = w_bytes(j->p, key, klen);
    j->p = j->compact ? w_bytes(j->p, "\":", 2) : w_bytes(j->p, "\": ", 3);
}

#define J_KEY(j, key) w_key((j), key, sizeof key - 1)

static void
w_str(obj *j, const char *key, size_t klen, const char *v)
{
    w_key(j, key, klen);
    j->p = cc_emit__json_string(j->p, v, strlen(v));
}

#define J_STR(j, key, v) w_str((j), key, sizeof key - 1, (v))

static void
w_int(obj *j, const char *key, size_t klen, long long v)
{
    w_key(j, key, klen);
    j->p = cc_emit__json_int(j->p, v);
}

#define J_INT(j, key, v) w_int((j), key, sizeof key - 1, (long long)(v))

static void
w_true(obj *j, const char *key, size_t klen)
{
    w_key(j, key, klen);
    j->p = w_bytes(j->p, "true", 4);
}

#define J_TRUE(j, key) w_true((j), key, sizeof key - 1)

/*
 * `walk` is the place in the cleaning map of the last mention written:
 * the mentions come in text order, so their source offsets are found by
 * walking on, not by a binary search each.
 */
static void
put_mention(cc_out *o, cc_out *scratch, const cc_doc *doc, const cc_mention *m,
            size_t shift, int compact, size_t *walk)
{
    const char *text;
    const char *type = cc_mention_type_name(m->type);
    const char *grain = grain_name(m->grain);
    char buf[11];
    size_t at = cc_doc__source_offset_walk(doc, m->offset, walk);
    size_t n =
        cc_doc__source_offset_walk(doc, m->offset + m->length, walk) - at;
    /* the strings at 6 bytes a byte at worst, and 1024 for the rest: the
     * 17 keys, their indents, four numbers, dates and "true"s */
    size_t room = 6 * (n + strlen(m->value) + strlen(m->mod) + strlen(type) +
                       strlen(grain)) +
                  1024 + 20 * shift;
    char *start = cc_out__room(o, room);
    obj j = {start, compact, shift, 0};

    if (!start)
        return;
    if (!(text = cc_emit__source(scratch, doc, at, n))) {
        o->failed = 1;
        return;
    }
    J_KEY(&j, "text");
    j.p = cc_emit__json_string(j.p, text, n);
    J_INT(&j, "offset", at);
    J_INT(&j, "length", n);
    J_STR(&j, "type", type);
    J_STR(&j, "value", m->value);
    if (m->mod[0])
        J_STR(&j, "mod", m->mod);
    if (m->flags & CC_MENTION_INFERRED)
        J_TRUE(&j, "inferred");
    if (m->flags & CC_MENTION_FROM_DECISION)
        J_STR(&j, "year_from", "decision date");
    if (m->flags & CC_MENTION_RELATIVE)
        J_TRUE(&j, "relative");
    if (m->flags & CC_MENTION_WORKDAYS)
        J_TRUE(&j, "workdays");
    if (m->flags & CC_MENTION_HEADER)
        J_TRUE(&j, "header");
    if (m->flags & CC_MENTION_UNRESOLVED)
        J_TRUE(&j, "unresolved");
    if (m->grain != CC_GRAIN_NONE)
        J_STR(&j, "grain", grain);
    if (resolved(m)) {
        J_STR(&j, "earliest", cc_date_format(m->earliest, buf));
        J_STR(&j, "latest", cc_date_format(m->latest, buf));
    }
    if (m->paragraph >= 0)
        J_INT(&j, "paragraph", m->paragraph);
    if (m->sentence >= 0)
        J_INT(&j, "sentence", m->sentence);
    /* "text" is always there: the object is never empty */
    if (!compact) {
        *j.p++ = '\n';
        memset(j.p, ' ', shift);
        j.p += shift;
    }
    *j.p++ = '}';
    cc_out__wrote(o, (size_t)(j.p - start));
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
    cc_out o = {0}, scratch = {0};

    cc_out__puts(&o, l->open);
    if (path) {
        cc_out__puts(&o, l->path);
        cc_emit__put_json(&o, json_string(path), l->shift, compact);
        cc_out__puts(&o, l->comma);
    }
    cc_out__puts(&o, l->decision);
    cc_emit__put_json(&o, decision_json(doc), l->shift, compact);
    cc_out__puts(&o, l->mentions);
    for (size_t i = 0, walk = 0; i < n; i++) {
        cc_out__puts(&o, i ? l->next : l->first);
        put_mention(&o, &scratch, doc, cc_doc_mention(doc, i), l->item_shift,
                    compact, &walk);
        if (cc_out__drain(&o, write, userdata) != 0)
            break;
    }
    cc_out__free(&scratch);
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
    cc_out o = {0}, scratch = {0};

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
        const char *text = cc_emit__source(&scratch, doc, at, n);
        if (!text)
            o.failed = 1;
        else
            put_flat(&o, text, n);
        cc_out__puts(&o, "\n");
    }
    cc_out__free(&scratch);
    cc_out__printf(&o,
                   "\n%zu mentions; flags: H header, I year inferred, "
                   "R relative, W working days, U unresolved\n",
                   cc_doc_mention_count(doc));
    return cc_out__finish(&o, write, userdata, err);
}
