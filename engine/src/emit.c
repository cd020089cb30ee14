/* The output writers' buffer, and the words they share (emit.h). */
#include "emit.h"

#include <jansson.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "doc.h"
#include "error.h"

static int
reserve(cc_out *o, size_t more)
{
    size_t cap = o->cap ? o->cap : 256;
    char *s;

    if (o->failed)
        return 0;
    if (more > (size_t)-1 / 2 - o->len) {
        o->failed = 1;
        return 0;
    }
    while (cap < o->len + more + 1)
        cap *= 2;
    if (cap == o->cap)
        return 1;
    s = realloc(o->s, cap);
    if (!s) {
        o->failed = 1;
        return 0;
    }
    o->s = s;
    o->cap = cap;
    return 1;
}

void
cc_out__add(cc_out *o, const char *s, size_t n)
{
    /* The buffer has room most of the time: no call to grow it. */
    if ((o->failed || o->cap - o->len <= n || !o->s) && !reserve(o, n))
        return;
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

char *
cc_out__room(cc_out *o, size_t n)
{
    if ((o->failed || o->cap - o->len <= n || !o->s) && !reserve(o, n))
        return NULL;
    return o->s + o->len;
}

void
cc_out__wrote(cc_out *o, size_t n)
{
    o->len += n;
    o->s[o->len] = '\0';
}

void
cc_out__puts(cc_out *o, const char *s)
{
    cc_out__add(o, s, strlen(s));
}

void
cc_out__printf(cc_out *o, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->failed = 1;
        return;
    }
    if (!reserve(o, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(o->s + o->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    o->len += (size_t)n;
}

void
cc_out__free(cc_out *o)
{
    free(o->s);
    memset(o, 0, sizeof *o);
}

const char *
cc_out__str(const cc_out *o)
{
    return o->len && !o->failed ? o->s : "";
}

int
cc_out__drain(cc_out *o, cc_write_fn write, void *userdata)
{
    if (o->failed || o->write_failed)
        return -1;
    if (o->len < CC_OUT_CHUNK)
        return 0;
    if (write(userdata, o->s, o->len) != 0) {
        o->write_failed = 1;
        return -1;
    }
    o->len = 0;
    o->s[0] = '\0';
    o->drained = 1;
    return 0;
}

cc_status
cc_out__finish(cc_out *o, cc_write_fn write, void *userdata, cc_error *err)
{
    cc_status st = CC_OK;

    if (o->failed)
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
    else if (o->write_failed ||
             ((o->len || !o->drained) &&
              write(userdata, o->len ? o->s : "", o->len) != 0))
        st = cc_error__fail(err, CC_EWRITE, "the output cannot be written");
    cc_out__free(o);
    return st;
}

char *
cc_emit__json_string(char *p, const char *s, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";

    *p++ = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = (char)c;
            continue;
        }
        *p++ = '\\';
        switch (c) {
        case '"':
            *p++ = '"';
            break;
        case '\\':
            *p++ = '\\';
            break;
        case '\b':
            *p++ = 'b';
            break;
        case '\f':
            *p++ = 'f';
            break;
        case '\n':
            *p++ = 'n';
            break;
        case '\r':
            *p++ = 'r';
            break;
        case '\t':
            *p++ = 't';
            break;
        default:
            memcpy(p, "u00", 3);
            p += 3;
            *p++ = hex[c >> 4];
            *p++ = hex[c & 15];
        }
    }
    *p++ = '"';
    return p;
}

char *
cc_emit__json_int(char *p, long long v)
{
    char buf[24], *q = buf + sizeof buf;
    unsigned long long u =
        v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

    do {
        *--q = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--q = '-';
    memcpy(p, q, (size_t)(buf + sizeof buf - q));
    return p + (buf + sizeof buf - q);
}

/* jansson's output, each line after a break shifted by d->shift. */
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

void
cc_emit__put_json(cc_out *o, void *value, size_t shift, int compact)
{
    json_t *v = value;
    dump d = {o, shift};

    if (!v || json_dump_callback(v, dump_put, &d,
                                 JSON_PRESERVE_ORDER | JSON_ENCODE_ANY |
                                     JSON_REAL_PRECISION(6) |
                                     (compact ? JSON_COMPACT : JSON_INDENT(2))))
        o->failed = 1;
    json_decref(v);
}

void
cc_emit__reading_json(void *object, const cc_doc *doc)
{
    static const char *const names[] = {"authority", "reference", "category",
                                        "outcome", "date"};
    json_t *o = object, *given = json_array();

    for (int f = 0; f <= CC_FIELD_DECISION_DATE; f++)
        if (cc_doc_field_given(doc, (cc_field)f))
            json_array_append_new(given, json_string(names[f]));
    json_object_set_new(o, "format",
                        json_string(cc_format_name(cc_doc_format(doc))));
    json_object_set_new(o, "given", given);
}

void
cc_emit__span(const cc_doc *doc, size_t offset, size_t length, size_t *soff,
              size_t *slen)
{
    size_t b = cc_doc_source_offset(doc, offset);

    *slen = cc_doc_source_offset(doc, offset + length) - b;
    *soff = b;
}

const char *
cc_emit__source(cc_out *scratch, const cc_doc *doc, size_t offset,
                size_t length)
{
    const char *p = cc_doc__source_in_place(doc, offset, length);
    char *r;

    if (p)
        return p;
    scratch->len = 0;
    if (!(r = cc_out__room(scratch, length)))
        return NULL;
    cc_doc_source_copy(doc, offset, length, r);
    cc_out__wrote(scratch, length);
    return r;
}

void
cc_emit__words(cc_out *o, const cc_doc *doc, size_t offset, size_t length)
{
    size_t start = o->len, len = cc_doc_source_length(doc);
    const char *text;
    cc_out scratch = {0};
    int space = 0;

    if (offset > SIZE_MAX - length)
        return;
    cc_emit__span(doc, offset, length, &offset, &length);
    if (offset > len || length > len - offset)
        return;
    if (!(text = cc_emit__source(&scratch, doc, offset, length))) {
        o->failed = 1;
        return;
    }
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        if (c == '\r' || c == '\n' || c == '\t' || c == ' ') {
            space = o->len > start;
            continue;
        }
        if (space)
            cc_out__add(o, " ", 1);
        space = 0;
        cc_out__add(o, &c, 1);
    }
    cc_out__free(&scratch);
}

/* "spring" for a TIMEX3 season value ("2021-SP"), else NULL. */
static const char *
season_name(const char *value)
{
    size_t n = value ? strlen(value) : 0;
    const char *s = n >= 2 ? value + n - 2 : "";

    return strcmp(s, "SP") == 0   ? "spring"
           : strcmp(s, "SU") == 0 ? "summer"
           : strcmp(s, "FA") == 0 ? "autumn"
           : strcmp(s, "AU") == 0 ? "autumn"
           : strcmp(s, "WI") == 0 ? "winter"
                                  : NULL;
}

/* "21 Sep 2022": the chart's day. */
static void
brief_day(cc_out *o, cc_date d)
{
    int y, m, dd;

    cc_date_to_ymd(d, &y, &m, &dd);
    cc_out__printf(o, "%d %s %d", dd, cc_date__month_abbrevs[m], y);
}

void
cc_emit__when(cc_out *o, cc_date a, cc_date b, cc_grain g, const char *mod,
              const char *value, cc_when_style style)
{
    const char *const *months =
        style == CC_WHEN_BRIEF ? cc_date__month_abbrevs : cc_date__month_names;
    const char *season = g == CC_GRAIN_SEASON ? season_name(value) : NULL;
    const char *part = strcmp(mod, "END") == 0     ? "end of "
                       : strcmp(mod, "START") == 0 ? "early "
                       : strcmp(mod, "MID") == 0   ? "mid "
                                                   : "";
    char x[48], y[48];
    int ya, ma, da, yb, mb, db;

    cc_date_to_ymd(a, &ya, &ma, &da);
    cc_date_to_ymd(b, &yb, &mb, &db);
    if (style == CC_WHEN_BRIEF && *part == 'e' && part[1] == 'n')
        part = "end ";
    if (a == b) {
        if (style == CC_WHEN_BRIEF)
            brief_day(o, a);
        else
            cc_out__puts(o, cc_date_format_long(a, x, sizeof x));
    } else if (g == CC_GRAIN_MONTH && ma == mb && ya == yb) {
        cc_out__printf(o, "%s%s %d", part, months[ma], ya);
        /* part of a month: which days, in words */
        if (style == CC_WHEN_FULL &&
            (da != 1 || db != cc_days_in_month(yb, mb)))
            cc_out__printf(o, " (%d to %d %s %d)", da, db, months[ma], ya);
    } else if (g == CC_GRAIN_YEAR && !*mod && ma == 1 && da == 1 && mb == 12 &&
               db == 31 && ya == yb) {
        cc_out__printf(o, "%d", ya);
    } else if (season) {
        cc_out__printf(o, "%s%s %d", part, season, yb);
    } else if (style == CC_WHEN_BRIEF) {
        if (ya == yb && ma == mb)
            cc_out__printf(o, "%d\xE2\x80\x93%d %s %d", da, db, months[ma], ya);
        else if (ya == yb)
            cc_out__printf(o, "%d %s \xE2\x80\x93 %d %s %d", da, months[ma], db,
                           months[mb], ya);
        else {
            brief_day(o, a);
            cc_out__puts(o, " \xE2\x80\x93 ");
            brief_day(o, b);
        }
    } else {
        cc_out__printf(o, "between %s and %s",
                       cc_date_format_long(a, x, sizeof x),
                       cc_date_format_long(b, y, sizeof y));
    }
}

void
cc_emit__where(cc_out *o, const cc_place *w)
{
    if (w->paragraph)
        cc_out__printf(o, "%s%s%d, line %d", w->section,
                       *w->section ? " para " : "para ", w->paragraph, w->line);
    else
        cc_out__printf(o, "%s%sline %d", w->section, *w->section ? ", " : "",
                       w->line);
}

uint64_t
cc_emit__hash(const char *s, size_t n, uint64_t h)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

cc_status
cc_doc_write_source(const cc_doc *doc, cc_write_fn write, void *userdata,
                    cc_error *err)
{
    char buf[8192];
    size_t n = cc_doc_source_length(doc);

    for (size_t at = 0; at < n; at += sizeof buf)
        if (write(userdata, buf, cc_doc_source_copy(doc, at, sizeof buf, buf)))
            return cc_error__fail(err, CC_EWRITE, "cannot write the text");
    return CC_OK;
}

/* A cc_write_fn that hashes (cc_emit__hash()) into *(uint64_t *)h. */
static int
hash_piece(void *h, const char *data, size_t len)
{
    *(uint64_t *)h = cc_emit__hash(data, len, *(uint64_t *)h);
    return 0;
}

uint64_t
cc_emit__source_hash(const cc_doc *doc, uint64_t h)
{
    cc_doc_write_source(doc, hash_piece, &h, NULL);
    return h;
}

void
cc_emit__view(cc_view *out, const cc_timeline *tl, const cc_doc *doc,
              const cc_write_opts *opts)
{
    memset(out, 0, sizeof *out);
    out->tl = tl;
    out->doc = doc;
    if (opts) {
        out->has_today = opts->has_today;
        out->today = opts->today;
        out->checks_only = opts->checks_only;
        out->compact = opts->compact;
        out->path = opts->path;
    }
}

char *
cc_emit__words_new(const cc_view *v, size_t offset, size_t length)
{
    cc_out o = {0};

    cc_emit__words(&o, v->doc, offset, length);
    cc_out__add(&o, "", 0);
    if (o.failed) {
        cc_out__free(&o);
        return NULL;
    }
    return o.s ? o.s : calloc(1, 1);
}

void
cc_emit__event_id(char *buf, size_t size, long i)
{
    snprintf(buf, size, "e%ld", i + 1);
}
