/*
 * What the output writers (emit_*.c) share: a buffer that grows, so that no
 * name or summary is cut by a fixed size, and the words every format uses
 * for a date, a place and a quoted sentence.
 */
#ifndef CC_EMIT_H
#define CC_EMIT_H

#include <stddef.h>

#include "caseclock.h"

/* A growing string.  Zero it to start; `failed` is set (and the text
 * dropped) when memory runs out, so callers check once at the end. */
typedef struct cc_out {
    char *s; /* NUL-terminated when len > 0; owned, freed by cc_out__free */
    size_t len, cap;
    int failed;
    int write_failed; /* a cc_out__drain's write returned non-zero */
    int drained;      /* cc_out__drain has handed text on */
} cc_out;

void cc_out__add(cc_out *o, const char *s, size_t n);
void cc_out__puts(cc_out *o, const char *s);
void cc_out__printf(cc_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cc_out__free(cc_out *o);

/* Room for n more bytes (and a NUL) at the end: where to write them, or
 * NULL when out of memory (o->failed).  cc_out__wrote() then counts the
 * bytes written, at most n. */
char *cc_out__room(cc_out *o, size_t n);
void cc_out__wrote(cc_out *o, size_t n);
/* The text so far ("" when empty); borrowed from o. */
const char *cc_out__str(const cc_out *o);

/* The size from which cc_out__drain hands the text on. */
#define CC_OUT_CHUNK ((size_t)64 * 1024)

/*
 * Hands o's text to `write` and empties o once it holds CC_OUT_CHUNK
 * bytes or more; less stays for later.  A writer whose output grows with
 * the input (the JSON of the mentions, of the events) calls it between
 * items, so its memory stays a chunk whatever the size of the output.
 * Returns -1 once memory or a write has failed (cc_out__finish says
 * which), else 0.
 */
int cc_out__drain(cc_out *o, cc_write_fn write, void *userdata);

/*
 * Hands what o still holds to `write` (in one call; nothing when drained
 * empty, unless nothing was written at all) and frees it: CC_OK, CC_ENOMEM
 * when o failed, or CC_EWRITE when a `write` returned non-zero.
 */
cc_status cc_out__finish(cc_out *o, cc_write_fn write, void *userdata,
                         cc_error *err);

/* The JSON string of s[0, n) as jansson dumps it without
 * JSON_ENSURE_ASCII or JSON_ESCAPE_SLASH ('"', '\\' and control
 * characters escaped: \b \f \n \r \t, else \u00XX in upper-case hex;
 * every other byte copied), written at p: at most 6 n + 2 bytes.  Returns
 * the end.  The JSON writers (emit_dates.c, emit_json.c) share it. */
char *cc_emit__json_string(char *p, const char *s, size_t n);

/* v in decimal, as "%lld" writes it, at p (at most 20 bytes); the end. */
char *cc_emit__json_int(char *p, long long v);

/* The words of the doc at [offset, offset + length) of cc_doc_text(),
 * quoted from its source text (the characters as given), runs of white
 * space (CR, LF, tab, space) joined to one space and trimmed; nothing when
 * the span lies outside the text. */
void cc_emit__words(cc_out *o, const cc_doc *doc, size_t offset, size_t length);

/* The source text's bytes [offset, offset + length), a span inside it:
 * in the doc's text when normalisation left them as they were, else
 * copied into scratch (emptied first).  NULL when out of memory. */
const char *cc_emit__source(cc_out *scratch, const cc_doc *doc, size_t offset,
                            size_t length);

/* The span [offset, offset + length) of cc_doc_text() as the span of the
 * source text the writers report: *soff, *slen. */
void cc_emit__span(const cc_doc *doc, size_t offset, size_t length,
                   size_t *soff, size_t *slen);

/* How cc_emit__when words an interval. */
typedef enum cc_when_style {
    CC_WHEN_FULL, /* "Tuesday 9 April 2019", "April 2019", "2017", "summer
                     2021", "end of April 2022 (21 to 30 April 2022)",
                     "between Monday 1 ... and Friday 5 ..." */
    CC_WHEN_BRIEF /* for a chart: "9 Apr 2019", "end Apr 2022", "1–5 Apr
                     2019" */
} cc_when_style;

/* The words for the interval [a, b] of grain g and TIMEX3 mod; `value`
 * (NULL or the TIMEX3 value) names a season.  Every writer words dates
 * with this. */
void cc_emit__when(cc_out *o, cc_date a, cc_date b, cc_grain g, const char *mod,
                   const char *value, cc_when_style style);

/* "What I found para 3, line 41", "line 7". */
void cc_emit__where(cc_out *o, const cc_place *w);

/* What a timeline writer reads: the timeline, the text its places point
 * into, and the options.  Borrowed for the call. */
typedef struct cc_view {
    const cc_timeline *tl;
    const cc_doc *doc; /* its text, for sentences and quoted words */
    int has_today;
    cc_date today;
    int checks_only; /* deadlines and findings, no events */
    int compact;
    const char *path; /* the JSON's first member, or NULL */
} cc_view;

/* Fills *out from the timeline, its doc and the options (may be NULL). */
void cc_emit__view(cc_view *out, const cc_timeline *tl, const cc_doc *doc,
                   const cc_write_opts *opts);

/* New (free()): the words at [offset, offset + length) of the view's doc,
 * as cc_emit__words gives them; NULL when out of memory. */
char *cc_emit__words_new(const cc_view *v, size_t offset, size_t length);

/* Appends the jansson value `value` (a json_t *, released here) as
 * json_dumps() writes it within a document: compact, or indented by two
 * with each line after the first shifted `shift` (at most 8) spaces, as
 * deep as the value sits.  A NULL value or a failed dump marks o failed. */
void cc_emit__put_json(cc_out *o, void *value, size_t shift, int compact);

/* The reading facts every JSON output gives beside the header: "format"
 * (what was read) and "given" (the header fields the reading options
 * supplied, by JSON name). */
void cc_emit__reading_json(void *object, const cc_doc *doc);

/* Stable ids in output order: "e1" for event 0. */
void cc_emit__event_id(char *buf, size_t size, long i);

/* FNV-1a, 64 bits, of n bytes: a stable hash for identifiers (not for
 * security). */
uint64_t cc_emit__hash(const char *s, size_t n, uint64_t h);
/* cc_emit__hash() of the doc's whole source text. */
uint64_t cc_emit__source_hash(const cc_doc *doc, uint64_t h);
#define CC_EMIT_HASH_START 0xcbf29ce484222325u

#endif
