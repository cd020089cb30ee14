/* Building the text the readers take out of a document: one paragraph a
 * line, runs of white space one space, blank lines between blocks. */
#ifndef CC_EXTRACT_OUT_H
#define CC_EXTRACT_OUT_H

#include <stddef.h>

#include "extract.h"

typedef struct cc_xbuf {
    char *s; /* owned by the builder until cc_xbuf__finish() hands it over */
    size_t len, cap;
    int oom;   /* an allocation failed: everything after it was dropped */
    int space; /* a space is due before the next character of this line */
    int sep;   /* before the next line: 1 a line break, 2 a blank line */
    int line;  /* the current line has text */
} cc_xbuf;

/* Text into the current line: ASCII white space and control characters
 * collapse to one space, leading and trailing ones are dropped. */
void cc_xbuf__text(cc_xbuf *b, const char *s, size_t n);
void cc_xbuf__cstr(cc_xbuf *b, const char *s);
/* Ends the current line (nothing when it is empty). */
void cc_xbuf__break(cc_xbuf *b);
/* Ends the current line, and a blank line comes before the next. */
void cc_xbuf__blank(cc_xbuf *b);
/* Takes back the current line, and the line break before it. */
void cc_xbuf__drop_line(cc_xbuf *b);
/* Where the current line starts (its bytes are s[start, len)). */
size_t cc_xbuf__line_start(const cc_xbuf *b);

/*
 * Hands the text over to *out (new: free() or cc_extract__clear()), each
 * byte that is not UTF-8 replaced by U+FFFD, or
 * fails: CC_ENOMEM, or CC_EINVAL "no text in the WHAT" when there is
 * none.  The builder is empty afterwards either way.
 */
cc_status cc_xbuf__finish(cc_xbuf *b, cc_extracted *out, const char *source,
                          const char *what, cc_error *err);
void cc_xbuf__free(cc_xbuf *b);

#endif
