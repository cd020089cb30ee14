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

/*
 * A mention is written straight into the buffer, byte for byte as
 * jansson's json_dump_callback() wrote its object (JSON_PRESERVE_ORDER,
 * JSON_INDENT(2) or JSON_COMPACT, the lines shifted by `shift` spaces):
 * no tree of small allocations for every mention of a long input.
 */
typedef struct obj {
    cc_out *o;
    int compact;
    size_t shift;
    int n; /* members so far */
} obj;

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

/* A JSON string as jansson dumps it without JSON_ENSURE_ASCII or
 * JSON_ESCAPE_SLASH: '"', '\\' and control characters escaped (\b \f \n
 * \r \t, else \u00XX in upper case hex), every other byte copied. */
static void
put_string(cc_out *o, const char *s, size_t n)
{
    size_t from = 0;

    cc_out__add(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        char u[8];
        const char *esc = u;

        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        cc_out__add(o, s + from, i - from);
        from = i + 1;
        switch (c) {
        case '"':
            esc = "\\\"";
            break;
        case '\\':
            esc = "\\\\";
            break;
        case '\b':
            esc = "\\b";
            break;
        case '\f':
            esc = "\\f";
            break;
        case '\n':
            esc = "\\n";
            break;
        case '\r':
            esc = "\\r";
            break;
        case '\t':
            esc = "\\t";
            break;
        default:
            snprintf(u, sizeof u, "\\u%04X", (unsigned)c);
        }
        cc_out__puts(o, esc);
    }
    cc_out__add(o, s + from, n - from);
    cc_out__add(o, "\"", 1);
}

/* The next member's key: the separator, the indent, "key" and ':'. */
static void
put_key(obj *j, const char *key)
{
    if (j->compact) {
        cc_out__add(j->o, j->n ? "," : "{", 1);
    } else {
        cc_out__add(j->o, j->n ? ",\n" : "{\n", 2);
        put_spaces(j->o, j->shift + 2);
    }
    j->n++;
    /* The keys are plain words: nothing in them to escape. */
    cc_out__add(j->o, "\"", 1);
    cc_out__add(j->o, key, strlen(key));
    if (j->compact)
        cc_out__add(j->o, "\":", 2);
    else
        cc_out__add(j->o, "\": ", 3);
}

static void
put_str(obj *j, const char *key, const char *v)
{
    put_key(j, key);
    put_string(j->o, v, strlen(v));
}

static void
put_int(obj *j, const char *key, long long v)
{
    char buf[24], *p = buf + sizeof buf;
    unsigned long long u =
        v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

    /* Digit by digit, as "%lld" writes it: one per mention is many. */
    put_key(j, key);
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    cc_out__add(j->o, p, (size_t)(buf + sizeof buf - p));
}

static void
put_true(obj *j, const char *key)
{
    put_key(j, key);
    cc_out__add(j->o, "true", 4);
}

static void
put_close(obj *j)
{
    if (!j->n) {
        cc_out__add(j->o, "{}", 2);
    } else if (j->compact) {
        cc_out__add(j->o, "}", 1);
    } else {
        cc_out__add(j->o, "\n", 1);
        put_spaces(j->o, j->shift);
        cc_out__add(j->o, "}", 1);
    }
}

static void
put_mention(cc_out *o, const cc_doc *doc, const cc_mention *m, size_t shift,
            int compact)
{
    obj j = {o, compact, shift, 0};
    const char *text = cc_doc_source_text(doc, NULL);
    char buf[11];
    size_t at, n;

    cc_emit__span(doc, m->offset, m->length, &at, &n);
    put_key(&j, "text");
    put_string(o, text + at, n);
    put_int(&j, "offset", (long long)at);
    put_int(&j, "length", (long long)n);
    put_str(&j, "type", cc_mention_type_name(m->type));
    put_str(&j, "value", m->value);
    if (m->mod[0])
        put_str(&j, "mod", m->mod);
    if (m->flags & CC_MENTION_INFERRED)
        put_true(&j, "inferred");
    if (m->flags & CC_MENTION_FROM_DECISION)
        put_str(&j, "year_from", "decision date");
    if (m->flags & CC_MENTION_RELATIVE)
        put_true(&j, "relative");
    if (m->flags & CC_MENTION_WORKDAYS)
        put_true(&j, "workdays");
    if (m->flags & CC_MENTION_HEADER)
        put_true(&j, "header");
    if (m->flags & CC_MENTION_UNRESOLVED)
        put_true(&j, "unresolved");
    if (m->grain != CC_GRAIN_NONE)
        put_str(&j, "grain", grain_name(m->grain));
    if (resolved(m)) {
        put_str(&j, "earliest", cc_date_format(m->earliest, buf));
        put_str(&j, "latest", cc_date_format(m->latest, buf));
    }
    if (m->paragraph >= 0)
        put_int(&j, "paragraph", (long long)m->paragraph);
    if (m->sentence >= 0)
        put_int(&j, "sentence", (long long)m->sentence);
    put_close(&j);
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
        cc_emit__put_json(&o, json_string(path), l->shift, compact);
        cc_out__puts(&o, l->comma);
    }
    cc_out__puts(&o, l->decision);
    cc_emit__put_json(&o, decision_json(doc), l->shift, compact);
    cc_out__puts(&o, l->mentions);
    for (size_t i = 0; i < n; i++) {
        cc_out__puts(&o, i ? l->next : l->first);
        put_mention(&o, doc, cc_doc_mention(doc, i), l->item_shift, compact);
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
