/*
 * iCalendar output.  What the three calendar apps people use need, beyond
 * RFC 5545: Outlook wants METHOD and PRODID and treats an all-day event as
 * such only with VALUE=DATE on both DTSTART and DTEND (and reads
 * X-MICROSOFT-CDO-ALLDAYEVENT); Google Calendar and Apple Calendar key
 * updates on UID, so UIDs must be stable; all of them want CRLF lines folded
 * at 75 octets, which libical does.  TRANSP:TRANSPARENT keeps a deadline
 * from blocking the day as busy.
 */
#include "ics.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a, 64 bits: a stable hash for UIDs (not for security). */
static uint64_t
fnv1a(const char *s)
{
    uint64_t h = 0xcbf29ce484222325u;

    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3u;
    }
    return h;
}

static struct icaltimetype
ical_date(cc_date d)
{
    struct icaltimetype t = icaltime_null_date();
    int y, m, dd;

    cc_date_to_ymd(d, &y, &m, &dd);
    t.year = y;
    t.month = m;
    t.day = dd;
    t.is_date = 1;
    return t;
}

icalcomponent *
cli_ics_calendar(const char *name)
{
    icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    icalproperty *p;

    icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
    icalcomponent_add_property(
        cal, icalproperty_new_prodid(
                 "-//caseclock//caseclock " CASECLOCK_VERSION "//EN"));
    icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(cal,
                               icalproperty_new_method(ICAL_METHOD_PUBLISH));
    p = icalproperty_new_x(name);
    icalproperty_set_x_name(p, "X-WR-CALNAME");
    icalcomponent_add_property(cal, p);
    return cal;
}

void
cli_ics_add_event(icalcomponent *cal, const char *uid_key, cc_date first,
                  cc_date last, cc_date stamp, const char *summary,
                  const char *description)
{
    icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    struct icaltimetype ts = ical_date(stamp);
    icalproperty *p;
    char uid[64];

    snprintf(uid, sizeof uid, "%016" PRIx64 "@caseclock", fnv1a(uid_key));
    ts.is_date = 0;
    ts.hour = ts.minute = ts.second = 0;
    ts.zone = icaltimezone_get_utc_timezone();
    icalcomponent_add_property(ev, icalproperty_new_uid(uid));
    icalcomponent_add_property(ev, icalproperty_new_dtstamp(ts));
    p = icalproperty_new_dtstart(ical_date(first));
    icalcomponent_add_property(ev, p);
    p = icalproperty_new_dtend(ical_date(last + 1));
    icalcomponent_add_property(ev, p);
    icalcomponent_add_property(ev, icalproperty_new_summary(summary));
    if (description && *description)
        icalcomponent_add_property(ev,
                                   icalproperty_new_description(description));
    icalcomponent_add_property(
        ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    p = icalproperty_new_x("TRUE");
    icalproperty_set_x_name(p, "X-MICROSOFT-CDO-ALLDAYEVENT");
    icalcomponent_add_property(ev, p);
    icalcomponent_add_component(cal, ev);
}

int
cli_ics_write(FILE *fp, icalcomponent *cal)
{
    char *s = icalcomponent_as_ical_string_r(cal);
    int rc;

    if (!s)
        return -1;
    rc = fputs(s, fp) < 0 ? -1 : 0;
    free(s);
    return rc;
}
