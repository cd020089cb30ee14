/* The layout of a decision statement: header, sections, paragraphs. */
#ifndef CC_READER_H
#define CC_READER_H

#include <stddef.h>

#include "caseclock.h"
#include "text.h"

enum { CC_NFIELDS = CC_FIELD_DECISION_DATE + 1 };

typedef struct cc_layout {
    /* New strings (free()), NULL when the text lacks the field; the
     * decision date is left NULL here: it is the ISO form of the mention
     * found in [date_offset, date_offset + date_length). */
    char *field[CC_NFIELDS];
    size_t date_offset, date_length; /* length 0: no "Decision date" line */
    cc_section *sections;            /* new; titles new too */
    size_t nsections;
    cc_paragraph *paragraphs; /* new */
    size_t nparagraphs;
} cc_layout;

/*
 * Finds the header lines ("Authority (19 006 719)", "Category : ...",
 * "Decision : ...", "Decision date : ..."), the section headings and the
 * paragraphs (one a line; "  3." numbers paragraph 3), leaving out web
 * page furniture ("Back to top", "Print this page", cookie banners).  A
 * second "Decision date" line after the header is a second decision:
 * CC_EINVAL naming `source` and the line where it starts.
 */
cc_status cc_reader__read(cc_layout *out, const cc_text *t, const char *source,
                          cc_error *err);
void cc_reader__clear(cc_layout *l);

#endif
