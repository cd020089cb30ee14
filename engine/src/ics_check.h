/* Line-level checks of iCalendar text that libical would pass over. */
#ifndef CC_ICS_CHECK_H
#define CC_ICS_CHECK_H

#include <libical/ical.h>
#include <stddef.h>

#include "caseclock.h"

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
