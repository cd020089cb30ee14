/* The HTML report of 'caseclock timeline --format html' (cli/html.c). */
#ifndef CC_CLI_HTML_H
#define CC_CLI_HTML_H

#include <stdio.h>

#include "caseclock.h"

/*
 * Writes one self-contained HTML page about `tl` to `fp`: the decision's
 * header, a timeline chart (inline SVG), and the chronology, deadlines and
 * statements of delay as tables.  `text` is the decision's text, `len`
 * bytes (cc_doc_text: the timeline's offsets point into it), read during
 * the call only.  `today` is the --today date, or NULL.  Returns 0, or -1
 * when the stream has an error.  Same arguments, same bytes.
 */
int cli_html_timeline(FILE *fp, const cc_timeline *tl, const char *text,
                      size_t len, const cc_date *today);

#endif
