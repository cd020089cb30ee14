/* iCalendar output, built with libical. */
#ifndef CC_CLI_ICS_H
#define CC_CLI_ICS_H

#include <libical/ical.h>
#include <stdio.h>

#include "caseclock.h"

/*
 * New (free with icalcomponent_free): a VCALENDAR with VERSION, PRODID,
 * CALSCALE:GREGORIAN, METHOD:PUBLISH and X-WR-CALNAME `name`.
 */
icalcomponent *cli_ics_calendar(const char *name);

/*
 * Adds an all-day VEVENT from `first` to `last` inclusive (DTEND is the day
 * after, as RFC 5545 and every calendar app expect).  `uid_key` is hashed
 * into the UID, so the same inputs give the same UID and a re-import
 * updates the event instead of adding a second.  DTSTAMP is `stamp` at
 * midnight UTC, for output that is the same byte for byte.
 */
void cli_ics_add_event(icalcomponent *cal, const char *uid_key, cc_date first,
                       cc_date last, cc_date stamp, const char *summary,
                       const char *description);

/* Writes the calendar with CRLF line ends; 0 on success. */
int cli_ics_write(FILE *fp, icalcomponent *cal);

#endif
