/* cc_doc: one decision statement, its layout and its temporal mentions. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#include "caseclock.h"
#include "clean.h"
#include "date.h"
#include "error.h"
#include "extract.h"
#include "normalise.h"
#include "reader.h"
#include "recognise.h"
#include "text.h"
#include "words.h"

enum { LINE_STEP = 16 };

struct cc_doc {
    char *text; /* the text the engine reads: the source, cleaned */
    size_t len;
    size_t srclen;    /* the source's length */
    cc_clean_map map; /* offsets in text to offsets in the source, and the
                         characters cleaning took out: the source is not
                         kept beside the text */
    cc_format format;
    unsigned given; /* bit f: field f came from the reading options */
    /* Every LINE_STEP-th line's start in text (the first line's is 0),
     * the rest counted from there: the reader's whole line table is not
     * kept.  has_cr: the text has a CR, so not only LF ends a line. */
    size_t *line_marks;
    size_t nline_marks;
    int has_cr;
    cc_layout layout;
    char decision_iso[11];
    int has_decision;
    cc_date decision;
    cc_mention *mentions;
    size_t nmentions;
    char *values; /* the mentions' values, one block */
    cc_sentence *sentences;
    size_t nsentences;
    /* The classification the checks read: ",send,dfg," and the kind of
     * body complained about. */
    char *engaged;
    cc_authority_kind authority;
};

/* A section of agreed (or recommended) actions: what the council will do
 * after the decision. */
static int
action_section(const char *title)
{
    static const char *const prefixes[] = {
        "agreed action", "recommended action", "recommendation", "action"};
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++) {
        const char *p = prefixes[k], *t = title;
        while (*p && (*t == *p || (*t >= 'A' && *t <= 'Z' && *t + 32 == *p))) {
            p++;
            t++;
        }
        if (!*p)
            return 1;
    }
    return 0;
}

/* The kind of body the header's authority line names. */
static cc_authority_kind
authority_kind(const char *authority, const char *category)
{
    static const char *const council[] = {"council", "borough", "authority",
                                          "city of london", "corporation"};
    size_t n;

    if (!authority)
        return CC_AUTHORITY_UNKNOWN;
    n = strlen(authority);
    if (cc_words__find(authority, 0, n, "nhs") != (size_t)-1 ||
        cc_words__find(authority, 0, n, "trust") != (size_t)-1)
        return CC_AUTHORITY_NHS;
    for (size_t k = 0; k < sizeof council / sizeof *council; k++)
        if (cc_words__find(authority, 0, n, council[k]) != (size_t)-1)
            return CC_AUTHORITY_COUNCIL;
    if (cc_words__find(authority, 0, n, "care provider") != (size_t)-1 ||
        (category && strncmp(category, "Adult care", 10) == 0))
        return CC_AUTHORITY_CARE_PROVIDER;
    return CC_AUTHORITY_OTHER;
}

/*
 * The procedures the document engages: its category starts with one of a
 * procedure's categories, or its text names the procedure.  Returns the
 * ids as ",a,b," (new), or NULL when out of memory.
 */
static int
named(const cc_procedure *p, const unsigned char *found, const char *category)
{
    for (size_t k = 0; k < p->categories.n; k++)
        if (category && strncmp(category, p->categories.items[k],
                                strlen(p->categories.items[k])) == 0)
            return 1;
    for (size_t k = 0; k < p->words.n; k++)
        if (found[k])
            return 1;
    return 0;
}

/* found[at[i]...]: which words of procedure i the text has, all looked for
 * in one pass over it (cc_words__find_each); NULL when out of memory. */
static unsigned char *
procedure_words(const cc_ctx *ctx, const char *text, size_t len, size_t **at)
{
    size_t np = cc_ctx_procedure_count(ctx), nw = 0;
    const char **words;
    size_t *group;
    unsigned char *found;

    if (!(*at = malloc((np + 1) * sizeof **at)))
        return NULL;
    for (size_t i = 0; i < np; i++) {
        (*at)[i] = nw;
        nw += cc_ctx_procedure(ctx, i)->words.n;
    }
    (*at)[np] = nw;
    words = malloc((nw ? nw : 1) * sizeof *words);
    group = malloc((nw ? nw : 1) * sizeof *group);
    found = malloc(nw ? nw : 1);
    if (words && group && found) {
        /* a procedure's words are a group: one of them found names it */
        for (size_t i = 0; i < np; i++) {
            const cc_words *w = &cc_ctx_procedure(ctx, i)->words;
            for (size_t k = 0; k < w->n; k++) {
                words[(*at)[i] + k] = w->items[k];
                group[(*at)[i] + k] = (*at)[i];
            }
        }
        if (!cc_words__find_each(text, len, words, nw, group, found)) {
            free(found);
            found = NULL;
        }
    } else {
        free(found);
        found = NULL;
    }
    free(words);
    free(group);
    if (!found) {
        free(*at);
        *at = NULL;
    }
    return found;
}

static char *
classify(const cc_ctx *ctx, const char *text, size_t len, const char *category)
{
    size_t np = cc_ctx_procedure_count(ctx), size = 2, used = 1, *at;
    unsigned char *found = procedure_words(ctx, text, len, &at);
    char *out;

    if (!found)
        return NULL;
    for (size_t i = 0; i < np; i++)
        size += strlen(cc_ctx_procedure(ctx, i)->id) + 1;
    if (!(out = malloc(size))) {
        free(found);
        free(at);
        return NULL;
    }
    out[0] = ',';
    out[1] = '\0';
    for (size_t i = 0; i < np; i++) {
        const cc_procedure *p = cc_ctx_procedure(ctx, i);
        int hit = named(p, found + at[i], category);
        for (size_t k = 0; k < p->unless.n && hit; k++) {
            /* the procedures are one array: cc_ctx_procedure(ctx, i) is
             * its i-th */
            const cc_procedure *q =
                cc_ctx_procedure_find(ctx, p->unless.items[k]);
            hit = !q ||
                  !named(q, found + at[q - cc_ctx_procedure(ctx, 0)], category);
        }
        if (hit) {
            size_t k = strlen(p->id);
            memcpy(out + used, p->id, k);
            used += k;
            out[used++] = ',';
            out[used] = '\0';
        }
    }
    free(found);
    free(at);
    return out;
}

/* Index of the span holding `offset` in spans sorted by offset, or -1. */
#define FIND_SPAN(arr, n, off, result)                                         \
    do {                                                                       \
        size_t lo_ = 0, hi_ = (n);                                             \
        (result) = -1;                                                         \
        while (lo_ < hi_) {                                                    \
            size_t mid_ = lo_ + (hi_ - lo_) / 2;                               \
            if ((arr)[mid_].offset <= (off))                                   \
                lo_ = mid_ + 1;                                                \
            else                                                               \
                hi_ = mid_;                                                    \
        }                                                                      \
        if (lo_ > 0 && (off) < (arr)[lo_ - 1].offset + (arr)[lo_ - 1].length)  \
            (result) = (long)(lo_ - 1);                                        \
    } while (0)

/*
 * As FIND_SPAN, for offsets asked in text order: `k` (a size_t, 0 at the
 * first call) is where the last answer was found, and the walk goes on
 * from there, so n offsets cost n + the spans, not n binary searches.  An
 * offset before the previous one starts again from 0.
 */
#define WALK_SPAN(arr, n, off, k, last, result)                                \
    do {                                                                       \
        if ((off) < (last))                                                    \
            (k) = 0;                                                           \
        (last) = (off);                                                        \
        while ((k) + 1 < (n) && (arr)[(k) + 1].offset <= (off))                \
            (k)++;                                                             \
        (result) = (n) > 0 && (arr)[k].offset <= (off) &&                      \
                           (off) < (arr)[k].offset + (arr)[k].length           \
                       ? (long)(k)                                             \
                       : -1;                                                   \
    } while (0)

/*
 * 1 when text that is not UTF-8 reads as Windows-1252, what a Windows
 * program saves as "plain text": no byte is one 1252 leaves undefined, no
 * character anywhere is well-formed UTF-8 beyond ASCII, and the byte
 * refused at `bad` is not a lead byte with a continuation after it (a
 * cut-short or overlong sequence: broken UTF-8, not another encoding).
 */
static int
looks_windows_1252(const char *data, size_t len, size_t bad)
{
    const unsigned char *u = (const unsigned char *)data;
    cc_extracted x;
    int ok;

    if (bad + 1 < len && u[bad] >= 0xC0 && u[bad] <= 0xF4 &&
        (u[bad + 1] & 0xC0) == 0x80)
        return 0;
    for (size_t i = 0; i + 1 < len; i++)
        if (u[i] >= 0xC2 && u[i] <= 0xDF && (u[i + 1] & 0xC0) == 0x80)
            return 0;
        else if (u[i] >= 0xE0 && u[i] <= 0xEF && i + 2 < len &&
                 (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80)
            return 0;
    ok = cc_extract__windows_1252(&x, data, len, NULL, NULL) == CC_OK;
    cc_extract__clear(&x);
    return ok;
}

/* The source text of a plain text document: the bytes as they are, or
 * decoded from Windows-1252.  Sets doc->text, doc->len: new when decoded;
 * the bytes themselves when they are read as they are: the doc's when it
 * took them (`taken`), else the caller's (*borrowed set), copied only once
 * the reading is done and only when cleaning changed nothing, so that the
 * copy and the reading's working arrays (tokens, raw mentions) are not
 * held at once. */
static cc_status
read_plain(cc_doc *doc, const char *data, size_t len, cc_encoding enc,
           char *taken, int *borrowed, const char *source, cc_error *err)
{
    cc_extracted x;
    cc_status st;

    if (enc == CC_ENCODING_WINDOWS_1252) {
        if ((st = cc_extract__windows_1252(&x, data, len, source, err)) !=
            CC_OK)
            return st;
        doc->text = x.text;
        doc->len = x.len;
        return CC_OK;
    }
    doc->len = len;
    if (taken) {
        taken[len] = '\0';
        doc->text = taken;
        return CC_OK;
    }
    doc->text = (char *)data; /* not written through; see keep_source() */
    *borrowed = 1;
    return CC_OK;
}

/* The text of a web page, PDF or Word document (extract_*.c).  Sets
 * doc->text (new), doc->len. */
static cc_status
read_document(cc_doc *doc, const char *data, size_t len, const char *source,
              cc_error *err)
{
    cc_extracted x;
    cc_status st;

    switch (doc->format) {
    case CC_FORMAT_HTML:
        st = cc_extract__html(&x, data, len, source, err);
        break;
    case CC_FORMAT_PDF:
        st = cc_extract__pdf(&x, data, len, source, err);
        break;
    default:
        st = cc_extract__docx(&x, data, len, source, err);
        break;
    }
    if (st != CC_OK)
        return st;
    doc->text = x.text;
    doc->len = x.len;
    return CC_OK;
}

/* The line table of the source, which also checks it is UTF-8; text in
 * Windows-1252 read as UTF-8 is refused with the option that reads it. */
static cc_status
check_utf8(cc_text *t, const cc_doc *doc, const char *source, cc_error *err)
{
    cc_error e = {0};
    cc_status st = cc_text__init(t, doc->text, doc->len, source, &e);

    if (st == CC_OK)
        return CC_OK;
    if (st == CC_ENOMEM || doc->format != CC_FORMAT_TEXT ||
        e.offset >= doc->len || (unsigned char)doc->text[e.offset] < 0x80 ||
        !looks_windows_1252(doc->text, doc->len, e.offset))
        return cc_error__set(err, st, e.source, e.line, e.column, e.offset,
                             "%s", e.message);
    return cc_error__set(err, st, e.source, e.line, e.column, e.offset,
                         "%s; it looks like Windows-1252: read it with "
                         "--encoding windows-1252",
                         e.message);
}

/*
 * The line table of the cleaned text s[0..len), made from the source's in
 * t: cleaning keeps every line break and replaces or drops only characters
 * beyond ASCII, so a line starts where it did less the bytes taken out
 * before it, and the cleaned text is UTF-8 as the source was (no second
 * pass over it).  Returns -1, leaving t as it was, when a character dropped
 * between a CR and a LF joins two line breaks into one: the table is then
 * made afresh.
 */
static int
follow_clean(cc_text *t, const char *s, size_t len, const cc_clean_map *map)
{
    size_t k = 0;

    for (size_t j = 0; j < map->n; j++) {
        size_t at = map->at[j];
        if (at > 0 && at < len && s[at - 1] == '\r' && s[at] == '\n')
            return -1;
    }
    /* entry k's replacement ends at source offset at[k] + shift[k] */
    for (size_t i = 0; i < t->nlines; i++) {
        size_t src = t->lines[i];
        while (k < map->n && map->at[k] + map->shift[k] <= src)
            k++;
        t->lines[i] = src - (k ? map->shift[k - 1] : 0);
    }
    t->s = s;
    t->len = len;
    return 0;
}

/*
 * The copy of the caller's bytes the document keeps when cleaning changed
 * nothing (see read_plain()).  The line table, whose text that is, follows
 * the copy.
 */
static int
keep_source(cc_doc *doc, cc_text *t)
{
    char *copy = malloc(doc->len + 1);

    if (!copy)
        return -1;
    memcpy(copy, doc->text, doc->len);
    copy[doc->len] = '\0';
    if (t->s == doc->text)
        t->s = copy;
    doc->text = copy;
    return 0;
}

/* The marks cc_doc__line() counts from: every LINE_STEP-th entry of the
 * line table the reading made. */
static int
keep_line_marks(cc_doc *doc, const cc_text *t)
{
    size_t n = (t->nlines + LINE_STEP - 1) / LINE_STEP;

    if (!(doc->line_marks = malloc((n ? n : 1) * sizeof *doc->line_marks)))
        return -1;
    for (size_t k = 0; k < n; k++)
        doc->line_marks[k] = t->lines[k * LINE_STEP];
    doc->nline_marks = n;
    doc->has_cr = memchr(doc->text, '\r', doc->len) != NULL;
    return 0;
}

/* The header fields the options supply; a decision date must be a day. */
static cc_status
check_given(const cc_read_opts *opts, cc_date *decision, const char *source,
            cc_error *err)
{
    static const char *const names[] = {"authority", "reference", "category",
                                        "outcome", "decision date"};
    for (int f = 0; f <= CC_FIELD_DECISION_DATE; f++) {
        const char *v = opts->field[f];
        cc_text t;
        cc_status st;
        if (!v)
            continue;
        if ((st = cc_text__init(&t, v, strlen(v), NULL, NULL)) != CC_OK)
            return cc_error__set(err, st, source, 0, 0, 0,
                                 "the %s given is not UTF-8 text", names[f]);
        cc_text__clear(&t);
    }
    if (opts->field[CC_FIELD_DECISION_DATE] &&
        cc_date_parse(decision, opts->field[CC_FIELD_DECISION_DATE], NULL) !=
            CC_OK)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "the decision date given, \"%s\", is not a "
                             "date (YYYY-MM-DD)",
                             opts->field[CC_FIELD_DECISION_DATE]);
    return CC_OK;
}

cc_status
cc_doc_read(cc_doc **out, const cc_ctx *ctx, const char *text, size_t len,
            const char *source, cc_error *err)
{
    cc_read_opts opts;

    memset(&opts, 0, sizeof opts);
    opts.format = CC_FORMAT_TEXT;
    return cc_doc_read_with(out, ctx, text, len, source, &opts, err);
}

/* cc_doc_read_with(), of the doc's own bytes when `taken` (== data) is not
 * NULL: freed here when not kept as the doc's text. */
static cc_status
read_with(cc_doc **out, const cc_ctx *ctx, const char *data, size_t len,
          char *taken, const char *source, const cc_read_opts *opts,
          cc_error *err)
{
    static const cc_read_opts none;
    cc_doc *doc = NULL;
    cc_text t;
    cc_raw *raw = NULL;
    long *sent = NULL, *para = NULL;
    unsigned char *action = NULL;
    long sec;
    size_t nraw = 0;
    cc_narrative nar;
    cc_date given_decision = 0;
    char *clean = NULL;
    size_t cleanlen;
    int borrowed = 0;
    cc_status st;

    assert(out && data);
    *out = NULL;
    if (!opts)
        opts = &none;
    memset(&t, 0, sizeof t);
    if ((st = check_given(opts, &given_decision, source, err)) != CC_OK) {
        free(taken);
        return st;
    }
    doc = calloc(1, sizeof *doc);
    if (!doc) {
        free(taken);
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    doc->format = opts->format == CC_FORMAT_AUTO ? cc_extract__sniff(data, len)
                                                 : opts->format;
    if (doc->format == CC_FORMAT_TEXT)
        st = read_plain(doc, data, len, opts->encoding, taken, &borrowed,
                        source, err);
    else
        st = read_document(doc, data, len, source, err);
    if (taken && doc->text != taken)
        free(taken); /* read into a text of the doc's own */
    if (st != CC_OK)
        goto done;
    st = check_utf8(&t, doc, source, err);
    if (st != CC_OK)
        goto done;
    /* the engine reads the cleaned text; the source stays for offsets */
    st = cc_clean__run(&clean, &cleanlen, &doc->map, doc->text, doc->len,
                       t.start, err);
    if (st != CC_OK)
        goto done;
    doc->srclen = doc->len;
    if (clean) {
        /* the source is the cleaned text and what cleaning took out */
        if (!borrowed)
            free(doc->text);
        borrowed = 0;
        doc->text = clean;
        doc->len = cleanlen;
        if (follow_clean(&t, doc->text, doc->len, &doc->map) != 0) {
            cc_text__clear(&t);
            if ((st = cc_text__init(&t, doc->text, doc->len, source, err)) !=
                CC_OK)
                goto done;
        }
    }
    len = doc->len;
    st = cc_reader__read(&doc->layout, &t, source, err);
    if (st != CC_OK)
        goto done;
    st = cc_text__sentences(&doc->sentences, &doc->nsentences, &t, err);
    if (st != CC_OK)
        goto done;
    for (size_t i = 0, k = 0, last = 0; i < doc->nsentences; i++)
        WALK_SPAN(doc->layout.paragraphs, doc->layout.nparagraphs,
                  doc->sentences[i].offset, k, last,
                  doc->sentences[i].paragraph);

    st = cc_recognise__scan(&raw, &nraw, doc->text, t.start, len, err);
    if (st != CC_OK)
        goto done;
    if (nraw > 0 &&
        (!(sent = malloc(nraw * sizeof *sent)) ||
         !(para = malloc(nraw * sizeof *para)) || !(action = malloc(nraw)) ||
         !(doc->mentions = calloc(nraw, sizeof *doc->mentions)))) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    nar.sentence = sent;
    nar.paragraph = para;
    nar.action = action;
    nar.header = (size_t)-1;
    nar.has_decision = 0;
    nar.decision = 0;
    sec = -1;
    for (size_t i = 0, ks = 0, ls = 0, kp = 0, lp = 0; i < nraw; i++) {
        WALK_SPAN(doc->sentences, doc->nsentences, raw[i].offset, ks, ls,
                  sent[i]);
        WALK_SPAN(doc->layout.paragraphs, doc->layout.nparagraphs,
                  raw[i].offset, kp, lp, para[i]);
        /* the section is the last heading before the mention: mentions
         * come in text order, and so do headings */
        while (sec + 1 < (long)doc->layout.nsections &&
               doc->layout.sections[sec + 1].offset <= raw[i].offset)
            sec++;
        action[i] = sec >= 0 && doc->layout.sections[sec].title &&
                    action_section(doc->layout.sections[sec].title);
        if (doc->layout.date_length && nar.header == (size_t)-1 &&
            raw[i].offset >= doc->layout.date_offset &&
            raw[i].offset < doc->layout.date_offset + doc->layout.date_length &&
            raw[i].type == CC_MENTION_DATE && raw[i].day && raw[i].year) {
            nar.header = i;
            nar.has_decision = 1;
            nar.decision = cc_date__from_ymd_unchecked(
                raw[i].year, raw[i].month, raw[i].day);
        }
    }
    if (opts->field[CC_FIELD_DECISION_DATE]) {
        nar.has_decision = 1;
        nar.decision = given_decision;
    }
    if (cc_normalise__run(doc->mentions, &doc->values, raw, nraw, &nar) !=
        CC_OK) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    doc->nmentions = nraw;
    for (size_t i = 0; i < nraw; i++)
        doc->mentions[i].paragraph = para[i];
    if (nar.has_decision) {
        doc->has_decision = 1;
        doc->decision = nar.decision;
        cc_date_format(nar.decision, doc->decision_iso);
    }

    for (int f = 0; f < CC_FIELD_DECISION_DATE; f++) {
        if (!opts->field[f])
            continue;
        size_t n = strlen(opts->field[f]);
        free(doc->layout.field[f]);
        if (!(doc->layout.field[f] = malloc(n + 1))) {
            st = cc_error__fail(err, CC_ENOMEM, "out of memory");
            goto done;
        }
        memcpy(doc->layout.field[f], opts->field[f], n + 1);
        doc->given |= 1u << f;
    }
    if (opts->field[CC_FIELD_DECISION_DATE])
        doc->given |= 1u << CC_FIELD_DECISION_DATE;
    doc->authority = authority_kind(doc->layout.field[CC_FIELD_AUTHORITY],
                                    doc->layout.field[CC_FIELD_CATEGORY]);
    if (ctx &&
        !(doc->engaged = classify(ctx, doc->text, len,
                                  doc->layout.field[CC_FIELD_CATEGORY]))) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    /* headings are named as the document names them */
    for (size_t i = 0; doc->map.n && i < doc->layout.nsections; i++) {
        cc_section *x = &doc->layout.sections[i];
        size_t a = cc_clean__source(&doc->map, x->offset),
               b = cc_clean__source(&doc->map, x->offset + x->length);
        char *title = malloc(b - a + 1);
        if (!title) {
            st = cc_error__fail(err, CC_ENOMEM, "out of memory");
            goto done;
        }
        cc_clean__source_copy(&doc->map, doc->text, a, b, title);
        title[b - a] = '\0';
        free((char *)x->title);
        x->title = title;
    }
    free(sent);
    free(para);
    free(action);
    free(raw);
    sent = para = NULL;
    action = NULL;
    raw = NULL;
    if (borrowed) {
        if (keep_source(doc, &t) != 0) {
            st = cc_error__fail(err, CC_ENOMEM, "out of memory");
            goto done;
        }
        borrowed = 0;
    }
    if (keep_line_marks(doc, &t) != 0) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    *out = doc;
    doc = NULL;
done:
    free(sent);
    free(para);
    free(action);
    free(raw);
    cc_text__clear(&t);
    if (doc && borrowed)
        doc->text = NULL; /* the caller's (see read_plain()) */
    cc_doc_free(doc);
    return st;
}

cc_status
cc_doc_read_with(cc_doc **out, const cc_ctx *ctx, const char *data, size_t len,
                 const char *source, const cc_read_opts *opts, cc_error *err)
{
    return read_with(out, ctx, data, len, NULL, source, opts, err);
}

cc_status
cc_doc_read_taking(cc_doc **out, const cc_ctx *ctx, char *data, size_t len,
                   const char *source, const cc_read_opts *opts, cc_error *err)
{
    return read_with(out, ctx, data, len, data, source, opts, err);
}

void
cc_doc_free(cc_doc *doc)
{
    if (!doc)
        return;
    cc_reader__clear(&doc->layout);
    free(doc->line_marks);
    free(doc->mentions);
    free(doc->values);
    free(doc->sentences);
    free(doc->engaged);
    free(doc->text);
    cc_clean__clear(&doc->map);
    free(doc);
}

cc_authority_kind
cc_doc_authority_kind(const cc_doc *doc)
{
    return doc->authority;
}

int
cc_doc_engages(const cc_doc *doc, const char *procedure)
{
    const char *p = doc->engaged;
    size_t k = strlen(procedure);

    if (!p || !k)
        return 0;
    while ((p = strstr(p, procedure)) != NULL) {
        if (p[-1] == ',' && p[k] == ',')
            return 1;
        p += k;
    }
    return 0;
}

const char *
cc_doc_text(const cc_doc *doc, size_t *len)
{
    assert(doc);
    if (len)
        *len = doc->len;
    return doc->text;
}

size_t
cc_doc_source_length(const cc_doc *doc)
{
    assert(doc);
    return doc->srclen;
}

size_t
cc_doc_source_copy(const cc_doc *doc, size_t offset, size_t length, char *buf)
{
    assert(doc && (buf || !length));
    if (offset > doc->srclen)
        return 0;
    if (length > doc->srclen - offset)
        length = doc->srclen - offset;
    cc_clean__source_copy(&doc->map, doc->text, offset, offset + length, buf);
    return length;
}

const char *
cc_doc__source_in_place(const cc_doc *doc, size_t offset, size_t length)
{
    assert(doc && offset <= doc->srclen && length <= doc->srclen - offset);
    return cc_clean__source_in_place(&doc->map, doc->text, offset,
                                     offset + length);
}

size_t
cc_doc_source_offset(const cc_doc *doc, size_t offset)
{
    assert(doc);
    return cc_clean__source(&doc->map, offset);
}

size_t
cc_doc__source_offset_walk(const cc_doc *doc, size_t offset, size_t *k)
{
    assert(doc);
    return cc_clean__source_walk(&doc->map, offset, k);
}

cc_format
cc_doc_format(const cc_doc *doc)
{
    assert(doc);
    return doc->format;
}

int
cc_doc_field_given(const cc_doc *doc, cc_field field)
{
    assert(doc);
    return (int)field >= 0 && (int)field < (int)CC_NFIELDS &&
           (doc->given >> field & 1u);
}

static const char *const format_names[] = {"auto", "text", "html", "pdf",
                                           "docx"};

const char *
cc_format_name(cc_format format)
{
    return (int)format >= 0 && (int)format <= (int)CC_FORMAT_DOCX
               ? format_names[format]
               : "?";
}

int
cc_format_parse(cc_format *out, const char *name)
{
    for (int f = 0; f <= (int)CC_FORMAT_DOCX; f++)
        if (strcmp(name, format_names[f]) == 0) {
            *out = (cc_format)f;
            return 1;
        }
    return 0;
}

const char *
cc_doc_field(const cc_doc *doc, cc_field field)
{
    assert(doc);
    if (field == CC_FIELD_DECISION_DATE)
        return doc->has_decision ? doc->decision_iso : NULL;
    if ((int)field < 0 || (int)field >= (int)CC_NFIELDS)
        return NULL;
    return doc->layout.field[field];
}

int
cc_doc_decision_date(cc_date *out, const cc_doc *doc)
{
    assert(doc);
    if (!doc->has_decision)
        return 0;
    if (out)
        *out = doc->decision;
    return 1;
}

size_t
cc_doc_mention_count(const cc_doc *doc)
{
    assert(doc);
    return doc->nmentions;
}

const cc_mention *
cc_doc_mention(const cc_doc *doc, size_t i)
{
    assert(doc);
    return i < doc->nmentions ? &doc->mentions[i] : NULL;
}

size_t
cc_doc_section_count(const cc_doc *doc)
{
    assert(doc);
    return doc->layout.nsections;
}

const cc_section *
cc_doc_section(const cc_doc *doc, size_t i)
{
    assert(doc);
    return i < doc->layout.nsections ? &doc->layout.sections[i] : NULL;
}

size_t
cc_doc_paragraph_count(const cc_doc *doc)
{
    assert(doc);
    return doc->layout.nparagraphs;
}

const cc_paragraph *
cc_doc_paragraph(const cc_doc *doc, size_t i)
{
    assert(doc);
    return i < doc->layout.nparagraphs ? &doc->layout.paragraphs[i] : NULL;
}

size_t
cc_doc_sentence_count(const cc_doc *doc)
{
    assert(doc);
    return doc->nsentences;
}

const cc_sentence *
cc_doc_sentence(const cc_doc *doc, size_t i)
{
    assert(doc);
    return i < doc->nsentences ? &doc->sentences[i] : NULL;
}

const char *
cc_mention_type_name(cc_mention_type type)
{
    switch (type) {
    case CC_MENTION_DATE:
        return "DATE";
    case CC_MENTION_TIME:
        return "TIME";
    case CC_MENTION_DURATION:
        return "DURATION";
    case CC_MENTION_SET:
        return "SET";
    }
    return "?";
}

int
cc_doc__line(const cc_doc *doc, size_t offset)
{
    size_t lo, line, q, from;
    const char *s = doc->text, *p;

    assert(doc);
    if (offset > doc->len)
        offset = doc->len;
    lo = cc_text__last_start(doc->line_marks, doc->nline_marks, offset);
    /* then the line starts after it, up to offset: after a LF, or after a
     * CR that no LF follows */
    line = lo * LINE_STEP;
    from = q = doc->nline_marks ? doc->line_marks[lo] : 0;
    while (q < offset && (p = memchr(s + q, '\n', offset - q)) != NULL) {
        line++;
        q = (size_t)(p - s) + 1;
    }
    for (q = from; doc->has_cr && q < offset &&
                   (p = memchr(s + q, '\r', offset - q)) != NULL;) {
        q = (size_t)(p - s) + 1;
        if (q == doc->len || s[q] != '\n')
            line++;
    }
    return (int)line + 1;
}

long
cc_doc__sentence_at(const cc_doc *doc, size_t offset)
{
    long i;

    assert(doc);
    FIND_SPAN(doc->sentences, doc->nsentences, offset, i);
    return i;
}

long
cc_doc__paragraph_at(const cc_doc *doc, size_t offset)
{
    long i;

    assert(doc);
    FIND_SPAN(doc->layout.paragraphs, doc->layout.nparagraphs, offset, i);
    return i;
}
