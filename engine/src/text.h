/* The input text: UTF-8 check, BOM, line table, positions, sentences. */
#ifndef CC_TEXT_H
#define CC_TEXT_H

#include <stddef.h>

#include "caseclock.h"

/* A validated input and where its lines start. */
typedef struct cc_text {
    const char *s; /* borrowed: the whole input, BOM included */
    size_t len;
    size_t start;  /* 3 after a UTF-8 BOM, else 0 */
    size_t *lines; /* new: byte offset of each line's first byte */
    size_t nlines;
} cc_text;

/*
 * Checks that s[0..len) is UTF-8 (ICU's U8_NEXT decides what is
 * well-formed), skips a BOM and builds the line table; a line ends at LF,
 * CRLF or a lone CR.  `s` is borrowed and must outlive `t`.  Invalid input
 * is CC_EINVAL naming `source`, the line, column and byte offset: a byte
 * that is not UTF-8, a NUL byte (not text), or a UTF-16 byte order mark.
 */
cc_status cc_text__init(cc_text *t, const char *s, size_t len,
                        const char *source, cc_error *err);
void cc_text__clear(cc_text *t);

/* The 1-based line and column (in code points) of a byte offset. */
void cc_text__position(const cc_text *t, size_t offset, int *line, int *column);

/* The index of the last of starts[0..n) (ascending, starts[0] <= offset)
 * at or before `offset`; 0 when n is 0. */
size_t cc_text__last_start(const size_t *starts, size_t n, size_t offset);

/* Index of the line holding `offset`. */
size_t cc_text__line_of(const cc_text *t, size_t offset);

/* The bytes of line `i` without its line break: [*b, *e). */
void cc_text__line_span(const cc_text *t, size_t i, size_t *b, size_t *e);

/*
 * New (free() it): the sentences of t, in order, trimmed of white space,
 * with the boundaries ICU's sentence break iterator ("en_GB") gives over
 * the whole text, found by one forward walk of its rules (UAX #29) in
 * text.c; a line break always ends a sentence, and a break after an
 * abbreviation ("para.", "s.", "No.", "Mr.") is undone here.  Each
 * sentence's `paragraph` is -1; the caller fills it.
 */
cc_status cc_text__sentences(cc_sentence **out, size_t *n, const cc_text *t,
                             cc_error *err);

#endif
