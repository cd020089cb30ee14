/* Line-level checks of iCalendar text that libical would pass over. */
#ifndef CC_ICS_CHECK_H
#define CC_ICS_CHECK_H

#include <libical/ical.h>
#include <stddef.h>

#include "caseclock.h"

/*
 * New (free() it): the text to check and give libical, NUL-terminated,
 * *outlen bytes: `data` without a UTF-8 byte order mark, and with each CR
 * not followed by LF made a LF (files saved with old Mac line ends), so
 * line numbers stay those of the file.  Refuses UTF-16 (saying how to
 * convert it), a NUL byte and invalid UTF-8, naming the line and the byte
 * offset in `data`.
 */
cc_status cc_ics__text(char **out, size_t *outlen, const char *data, size_t len,
                       const char *source, cc_error *err);

/*
 * Checks the content-line syntax (RFC 5545 3.1), BEGIN/END nesting and
 * the value types of DTSTART and DTEND, so that each problem is reported
 * with its line.  On CC_OK, *event_lines is new (free() it): the line of
 * each top-level BEGIN:VEVENT, *nevents of them, in file order.
 */
cc_status cc_ics__check(const char *data, size_t len, const char *source,
                        int **event_lines, size_t *nevents, cc_error *err);

/* Reports the first X-LIC-ERROR libical left in the parsed tree. */
cc_status cc_ics__check_parsed(icalcomponent *root, const char *source,
                               cc_error *err);

#endif
