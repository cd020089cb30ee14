/* cc_doc's internals for the timeline: where a byte offset lies. */
#ifndef CC_DOC_H
#define CC_DOC_H

#include <stddef.h>

#include "caseclock.h"

/*
 * The 1-based line of `offset` (clamped to the text's length), counted as
 * the reader counts: a line ends at LF, CRLF or a lone CR.  O(log lines).
 */
int cc_doc__line(const cc_doc *doc, size_t offset);

/* The index of the sentence, or of the paragraph, holding `offset`, or -1
 * when none does.  O(log n): both are sorted by offset and disjoint. */
long cc_doc__sentence_at(const cc_doc *doc, size_t offset);
long cc_doc__paragraph_at(const cc_doc *doc, size_t offset);

/* cc_doc_source_offset() for offsets asked in order (the mentions' starts
 * and ends): *k, 0 at first, is the caller's place in the cleaning map. */
size_t cc_doc__source_offset_walk(const cc_doc *doc, size_t offset, size_t *k);

/* The source's bytes [offset, offset + length) in the doc's text itself
 * when cleaning changed none of them, else NULL (cc_doc_source_copy() then
 * gives them).  The span must lie in the source.  O(log n). */
const char *cc_doc__source_in_place(const cc_doc *doc, size_t offset,
                                    size_t length);

#endif
