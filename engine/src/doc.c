/* cc_doc: one decision statement, its layout and its temporal mentions. */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

#include "caseclock.h"
#include "date.h"
#include "error.h"
#include "normalise.h"
#include "reader.h"
#include "recognise.h"
#include "text.h"
#include "words.h"

struct cc_doc {
    char *text; /* the copied input */
    size_t len;
    cc_text lines; /* the line table the reader used; lines.s is text */
    cc_layout layout;
    char decision_iso[11];
    int has_decision;
    cc_date decision;
    cc_mention *mentions;
    size_t nmentions;
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
named(const cc_procedure *p, const char *text, size_t len, const char *category)
{
    for (size_t k = 0; k < p->categories.n; k++)
        if (category && strncmp(category, p->categories.items[k],
                                strlen(p->categories.items[k])) == 0)
            return 1;
    for (size_t k = 0; k < p->words.n; k++)
        if (cc_words__find(text, 0, len, p->words.items[k]) != (size_t)-1)
            return 1;
    return 0;
}

static char *
classify(const cc_ctx *ctx, const char *text, size_t len, const char *category)
{
    size_t np = cc_ctx_procedure_count(ctx), size = 2, used = 1;
    char *out;

    for (size_t i = 0; i < np; i++)
        size += strlen(cc_ctx_procedure(ctx, i)->id) + 1;
    if (!(out = malloc(size)))
        return NULL;
    out[0] = ',';
    out[1] = '\0';
    for (size_t i = 0; i < np; i++) {
        const cc_procedure *p = cc_ctx_procedure(ctx, i);
        int hit = named(p, text, len, category);
        for (size_t k = 0; k < p->unless.n && hit; k++) {
            const cc_procedure *q =
                cc_ctx_procedure_find(ctx, p->unless.items[k]);
            hit = !q || !named(q, text, len, category);
        }
        if (hit) {
            size_t k = strlen(p->id);
            memcpy(out + used, p->id, k);
            used += k;
            out[used++] = ',';
            out[used] = '\0';
        }
    }
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

cc_status
cc_doc_read(cc_doc **out, const cc_ctx *ctx, const char *text, size_t len,
            const char *source, cc_error *err)
{
    cc_doc *doc = NULL;
    cc_text t;
    cc_raw *raw = NULL;
    long *sent = NULL, *para = NULL;
    unsigned char *action = NULL;
    long sec;
    size_t nraw = 0;
    cc_narrative nar;
    cc_status st;

    assert(out && text);
    *out = NULL;
    memset(&t, 0, sizeof t);
    doc = calloc(1, sizeof *doc);
    if (!doc || !(doc->text = malloc(len + 1))) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    memcpy(doc->text, text, len);
    doc->text[len] = '\0';
    doc->len = len;

    st = cc_text__init(&t, doc->text, len, source, err);
    if (st != CC_OK)
        goto done;
    st = cc_reader__read(&doc->layout, &t, err);
    if (st != CC_OK)
        goto done;
    st = cc_text__sentences(&doc->sentences, &doc->nsentences, &t, err);
    if (st != CC_OK)
        goto done;
    for (size_t i = 0; i < doc->nsentences; i++)
        FIND_SPAN(doc->layout.paragraphs, doc->layout.nparagraphs,
                  doc->sentences[i].offset, doc->sentences[i].paragraph);

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
    for (size_t i = 0; i < nraw; i++) {
        FIND_SPAN(doc->sentences, doc->nsentences, raw[i].offset, sent[i]);
        FIND_SPAN(doc->layout.paragraphs, doc->layout.nparagraphs,
                  raw[i].offset, para[i]);
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
    cc_normalise__run(doc->mentions, raw, nraw, &nar);
    doc->nmentions = nraw;
    for (size_t i = 0; i < nraw; i++)
        doc->mentions[i].paragraph = para[i];
    if (nar.has_decision) {
        doc->has_decision = 1;
        doc->decision = nar.decision;
        cc_date_format(nar.decision, doc->decision_iso);
    }

    doc->authority = authority_kind(doc->layout.field[CC_FIELD_AUTHORITY],
                                    doc->layout.field[CC_FIELD_CATEGORY]);
    if (ctx &&
        !(doc->engaged = classify(ctx, doc->text, len,
                                  doc->layout.field[CC_FIELD_CATEGORY]))) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto done;
    }
    doc->lines = t; /* kept for cc_doc__line() */
    memset(&t, 0, sizeof t);
    *out = doc;
    doc = NULL;
done:
    free(sent);
    free(para);
    free(action);
    free(raw);
    cc_text__clear(&t);
    cc_doc_free(doc);
    return st;
}

void
cc_doc_free(cc_doc *doc)
{
    if (!doc)
        return;
    cc_reader__clear(&doc->layout);
    cc_text__clear(&doc->lines);
    free(doc->mentions);
    free(doc->sentences);
    free(doc->engaged);
    free(doc->text);
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
    assert(doc);
    return (int)cc_text__line_of(&doc->lines,
                                 offset < doc->len ? offset : doc->len) +
           1;
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
