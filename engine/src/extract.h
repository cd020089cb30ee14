/* Taking the text out of the documents people have: a saved web page, a
 * PDF, a Word document, plain text in UTF-8 or Windows-1252. */
#ifndef CC_EXTRACT_H
#define CC_EXTRACT_H

#include <stddef.h>

#include "caseclock.h"

/*
 * The text a document holds, as the reader reads plain text: UTF-8, one
 * paragraph or header field a line (lines end at LF), numbered paragraphs
 * as "3. text", section headings on lines of their own.  Offsets the
 * library reports refer to this text.
 */
typedef struct cc_extracted {
    char *text; /* new (free()); NUL-terminated, len bytes before the NUL */
    size_t len;
} cc_extracted;

/* The format of `data` by its content: "%PDF-" is a PDF, a zip holding
 * word/document.xml a DOCX, markup (a doctype, <html>, <body>, <p> or
 * <div> near the start) HTML; anything else is text. */
cc_format cc_extract__sniff(const char *data, size_t len);

/*
 * Each reader takes the text out of data[0..len) (read during the call
 * only) into *out.  A document it cannot read is CC_EINVAL with a one-line
 * message naming `source` and the problem ("not a zip archive", "the PDF
 * is encrypted", "no text in the page"); CC_ENOMEM when memory runs out.
 * On failure *out is zeroed and nothing is leaked.
 */
cc_status cc_extract__html(cc_extracted *out, const char *data, size_t len,
                           const char *source, cc_error *err);
cc_status cc_extract__pdf(cc_extracted *out, const char *data, size_t len,
                          const char *source, cc_error *err);
cc_status cc_extract__docx(cc_extracted *out, const char *data, size_t len,
                           const char *source, cc_error *err);

/* Windows-1252 to UTF-8 (the five bytes 1252 leaves undefined are
 * refused, naming the line and byte offset). */
cc_status cc_extract__windows_1252(cc_extracted *out, const char *data,
                                   size_t len, const char *source,
                                   cc_error *err);

void cc_extract__clear(cc_extracted *x);

#endif
