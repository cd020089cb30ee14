/*
 * iCalendar output (RFC 5545), built with libical, which folds lines at 75
 * octets and escapes TEXT values.  What calendar clients need beyond that:
 *  - Outlook wants METHOD and PRODID and treats an all-day event as such
 *    only with VALUE=DATE on both DTSTART and DTEND (and reads
 *    X-MICROSOFT-CDO-ALLDAYEVENT); METHOD:PUBLISH wants an ORGANIZER on
 *    every event (RFC 5546 3.2.1).
 *  - Google, Apple and Outlook key updates on UID, and replace an event
 *    only when its SEQUENCE or LAST-MODIFIED is later: UIDs are stable
 *    (the reference, or a hash of the decision's text when it has none),
 *    and a later --today (pending becoming overdue) gives a later
 *    LAST-MODIFIED and a higher SEQUENCE.
 *  - Strict parsers refuse a file with invalid UTF-8, and clients mishandle
 *    control characters: text is never cut (the buffers grow), and C0
 *    controls other than the line breaks put in here, DEL and C1 controls
 *    are dropped.  libical does
 *    not escape X- properties, so X-WR-CALNAME is escaped here.
 *  - TRANSP:TRANSPARENT keeps a deadline from blocking the day as busy.
 * Same input, same bytes: DTSTAMP is a date from the input, never the
 * clock.
 */
#include <inttypes.h>
#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "error.h"

#define ORGANIZER "mailto:noreply@caseclock.invalid"

/* What every event of one calendar shares. */
typedef struct ics {
    icalcomponent *cal;
    cc_date stamp;    /* DTSTAMP and LAST-MODIFIED, at midnight UTC */
    int sequence;     /* days from the input's own date to `stamp` */
    const char *base; /* the UID key's first part */
    cc_out head;      /* the VCALENDAR's own lines */
} ics;

/* s (UTF-8) with the control characters left out, C0 other than LF, DEL
 * and C1 (U+0080..U+009F, C2 80..C2 9F): appended to o. */
static void
clean(cc_out *o, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c < 0x20 && c != '\n') || c == 0x7f)
            continue;
        if (c == 0xc2 && (unsigned char)s[1] >= 0x80 &&
            (unsigned char)s[1] <= 0x9f) {
            s++;
            continue;
        }
        cc_out__add(o, s, 1);
    }
}

/* A TEXT value escaped as RFC 5545 3.3.11 says, for the X- properties
 * libical writes as they are. */
static void
escape_text(cc_out *o, const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',')
            cc_out__add(o, "\\", 1);
        if (*s == '\n')
            cc_out__add(o, "\\n", 2);
        else
            cc_out__add(o, s, 1);
    }
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

static struct icaltimetype
ical_midnight(cc_date d)
{
    struct icaltimetype t = ical_date(d);

    t.is_date = 0;
    t.hour = t.minute = t.second = 0;
    t.zone = icaltimezone_get_utc_timezone();
    return t;
}

static void
x_property(icalcomponent *c, const char *name, const char *value)
{
    icalproperty *p = icalproperty_new_x(value);

    icalproperty_set_x_name(p, name);
    icalcomponent_add_property(c, p);
}

/* Appends the content line "NAME:value" (value already escaped), folded at
 * 75 octets as RFC 5545 3.1 says, never inside a UTF-8 character. */
static void
content_line(cc_out *o, const char *name, const char *value)
{
    size_t col = strlen(name) + 1;

    cc_out__puts(o, name);
    cc_out__puts(o, ":");
    while (*value) {
        unsigned char c = (unsigned char)*value;
        size_t n = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
        if (strnlen(value, n) < n)
            n = strnlen(value, n);
        if (col + n > 75) {
            cc_out__puts(o, "\r\n ");
            col = 1;
        }
        cc_out__add(o, value, n);
        value += n;
        col += n;
    }
    cc_out__puts(o, "\r\n");
}

/*
 * A calendar named `name`; `stamp` is the input's own date, `today` (may
 * be NULL) the day the file is written for.  The VCALENDAR's own lines are
 * written here, X-WR-CALNAME escaped as TEXT (libical writes X- values as
 * they are); the events are libical's.  On failure nothing is left to
 * free.
 */
static int
ics_begin(ics *out, const char *name, const char *base, cc_date stamp,
          const cc_date *today)
{
    cc_out n = {0}, x = {0};
    int failed;

    memset(out, 0, sizeof *out);
    out->base = base;
    out->stamp = today && *today > stamp ? *today : stamp;
    out->sequence = (int)(out->stamp - stamp);
    out->cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT);
    if (!out->cal)
        return -1;
    cc_out__puts(&out->head, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                             "PRODID:-//caseclock//caseclock " CASECLOCK_VERSION
                             "//EN\r\nCALSCALE:GREGORIAN\r\n"
                             "METHOD:PUBLISH\r\n");
    clean(&n, name);
    escape_text(&x, cc_out__str(&n));
    content_line(&out->head, "X-WR-CALNAME", cc_out__str(&x));
    failed = n.failed || x.failed || out->head.failed;
    cc_out__free(&n);
    cc_out__free(&x);
    if (failed) {
        icalcomponent_free(out->cal);
        cc_out__free(&out->head);
        out->cal = NULL;
        return -1;
    }
    return 0;
}

/* Adds an all-day VEVENT from `first` to `last` inclusive (DTEND is the day
 * after).  `key` is hashed with the calendar's base into the UID. */
static int
ics_event(ics *c, const char *key, cc_date first, cc_date last,
          const char *summary, const char *description)
{
    icalcomponent *ev = icalcomponent_new(ICAL_VEVENT_COMPONENT);
    cc_out s = {0}, d = {0};
    icalproperty *p;
    uint64_t h = CC_EMIT_HASH_START;
    char uid[64];
    int failed;

    if (!ev)
        return -1;
    if (*c->base) {
        h = cc_emit__hash(c->base, strlen(c->base), h);
        h = cc_emit__hash("|", 1, h);
    }
    h = cc_emit__hash(key, strlen(key), h);
    snprintf(uid, sizeof uid, "%016" PRIx64 "@caseclock", h);
    icalcomponent_add_property(ev, icalproperty_new_uid(uid));
    icalcomponent_add_property(
        ev, icalproperty_new_dtstamp(ical_midnight(c->stamp)));
    icalcomponent_add_property(
        ev, icalproperty_new_lastmodified(ical_midnight(c->stamp)));
    icalcomponent_add_property(ev, icalproperty_new_sequence(c->sequence));
    p = icalproperty_new_organizer(ORGANIZER);
    icalproperty_add_parameter(p, icalparameter_new_cn("caseclock"));
    icalcomponent_add_property(ev, p);
    icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_date(first)));
    icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(last + 1)));
    clean(&s, summary);
    icalcomponent_add_property(ev, icalproperty_new_summary(cc_out__str(&s)));
    clean(&d, description);
    if (d.len)
        icalcomponent_add_property(
            ev, icalproperty_new_description(cc_out__str(&d)));
    icalcomponent_add_property(
        ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
    x_property(ev, "X-MICROSOFT-CDO-ALLDAYEVENT", "TRUE");
    icalcomponent_add_component(c->cal, ev);
    failed = s.failed || d.failed;
    cc_out__free(&s);
    cc_out__free(&d);
    return failed ? -1 : 0;
}

/* Serialises and frees the calendar; `failed` says an event was lost. */
static cc_status
ics_finish(ics *c, int failed, cc_write_fn write, void *userdata, cc_error *err)
{
    cc_out *o = &c->head;
    cc_status st;

    for (icalcomponent *ev =
             icalcomponent_get_first_component(c->cal, ICAL_VEVENT_COMPONENT);
         ev && !failed;
         ev = icalcomponent_get_next_component(c->cal, ICAL_VEVENT_COMPONENT)) {
        char *s = icalcomponent_as_ical_string_r(ev);
        if (!s)
            failed = 1;
        else
            cc_out__puts(o, s);
        free(s);
    }
    cc_out__puts(o, "END:VCALENDAR\r\n");
    icalcomponent_free(c->cal);
    c->cal = NULL;
    if (failed) {
        cc_out__free(o);
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    }
    st = cc_out__finish(o, write, userdata, err);
    return st;
}

cc_status
cc_timeline_write_ics(const cc_timeline *tl, const cc_doc *doc,
                      const cc_write_opts *opts, cc_write_fn write,
                      void *userdata, cc_error *err)
{
    const char *auth = cc_timeline_field(tl, CC_FIELD_AUTHORITY);
    const char *ref = cc_timeline_field(tl, CC_FIELD_REFERENCE);
    size_t nev = cc_timeline_event_count(tl), ndl;
    cc_out name = {0}, base = {0}, key = {0}, sum = {0}, desc = {0};
    cc_date stamp = 0;
    int failed = 0;
    ics c;

    memset(&c, 0, sizeof c);
    ndl = cc_timeline_deadline_count(tl);
    if (opts && opts->checks_only)
        nev = 0;
    if (nev + ndl == 0)
        return cc_error__fail(err, CC_EINVAL,
                              "no dated event or deadline: a calendar of it "
                              "would be empty");
    if (!cc_timeline_decision_date(&stamp, tl) && nev > 0)
        stamp = cc_timeline_event(tl, 0)->earliest;
    cc_out__printf(&name, "%s (%s)", auth ? auth : "Decision",
                   ref ? ref : "no reference");
    /* The UIDs' base: the reference, or what the text itself says. */
    if (ref)
        cc_out__puts(&base, ref);
    else
        cc_out__printf(&base, "text %016" PRIx64,
                       cc_emit__source_hash(doc, CC_EMIT_HASH_START));
    if (name.failed || base.failed ||
        ics_begin(&c, cc_out__str(&name), cc_out__str(&base), stamp,
                  opts && opts->has_today ? &opts->today : NULL) != 0) {
        cc_out__free(&name);
        cc_out__free(&base);
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < nev; i++) {
        const cc_event *ev = cc_timeline_event(tl, i);
        size_t n = 0;
        /* The key: kind, value, and which of its equals. */
        for (size_t k = 0; k < i; k++) {
            const cc_event *o = cc_timeline_event(tl, k);
            n += o->kind == ev->kind && strcmp(o->value, ev->value) == 0;
        }
        key.len = sum.len = desc.len = 0;
        cc_out__printf(&key, "event|%s|%s|%zu", cc_event_kind_name(ev->kind),
                       ev->value, n);
        cc_out__printf(&sum, "%s: %s (%s)", cc_event_kind_name(ev->kind),
                       cc_actor_name(ev->actor),
                       ref ? ref : cc_out__str(&name));
        if (ev->kind == CC_EVENT_DECISION) {
            cc_out__puts(&desc, "\"Decision date\"\n\nDate: ");
        } else {
            cc_out__puts(&desc, "\"");
            cc_emit__words(&desc, doc, ev->where.sentence_offset,
                           ev->where.sentence_length);
            cc_out__puts(&desc, "\"\nSource: ");
            cc_emit__where(&desc, &ev->where);
            cc_out__puts(&desc, "\nDate: ");
        }
        cc_emit__when(&desc, ev->earliest, ev->latest, ev->grain, ev->mod, NULL,
                      CC_WHEN_FULL);
        failed |= key.failed || sum.failed || desc.failed ||
                  ics_event(&c, cc_out__str(&key), ev->earliest, ev->latest,
                            cc_out__str(&sum), cc_out__str(&desc)) != 0;
        if (failed)
            break;
    }
    for (size_t i = 0; i < ndl && !failed; i++) {
        const cc_deadline *d = cc_timeline_deadline(tl, i);
        size_t n = 0;
        for (size_t k = 0; k < i; k++)
            n += strcmp(cc_timeline_deadline(tl, k)->rule, d->rule) == 0;
        key.len = sum.len = desc.len = 0;
        cc_out__printf(&key, "deadline|%s|%zu", d->rule, n);
        cc_out__printf(&sum, "Due: %s [%s] (%s)", d->title,
                       cc_check_status_name(d->status),
                       ref ? ref : cc_out__str(&name));
        cc_out__printf(&desc, "%s\nRule: %s, %s", d->note, d->rule, d->source);
        if (*d->action) {
            cc_out__printf(&desc, "\nAction: %s", d->action);
        } else if (d->ninputs) {
            size_t at = desc.len;
            cc_out__puts(&desc, "\n\"");
            cc_emit__words(&desc, doc, d->inputs[0].where.sentence_offset,
                           d->inputs[0].where.sentence_length);
            if (desc.len == at + 2)
                desc.len = at; /* no words: no quotes */
            else
                cc_out__puts(&desc, "\"");
        }
        failed |=
            key.failed || sum.failed || desc.failed ||
            ics_event(&c, cc_out__str(&key), d->due_earliest, d->due_latest,
                      cc_out__str(&sum), cc_out__str(&desc)) != 0;
    }
    cc_out__free(&name);
    cc_out__free(&base);
    cc_out__free(&key);
    cc_out__free(&sum);
    cc_out__free(&desc);
    return ics_finish(&c, failed, write, userdata, err);
}

cc_status
cc_calc_write_ics(const cc_calc *calc, const cc_rule *rule, cc_write_fn write,
                  void *userdata, cc_error *err)
{
    const char *counting = calc->period.counting == CC_COUNT_BEGINNING_WITH
                               ? "beginning_with"
                               : "after";
    cc_out key = {0}, sum = {0}, desc = {0};
    char p[24], a[11], b[11];
    int failed;
    ics c;

    cc_period_format(calc->period, p, sizeof p);
    cc_date_format(calc->from, a);
    cc_date_format(calc->date, b);
    cc_out__printf(&key, "%s|%s|%s|%s|%s", rule ? rule->id : "add", a, p,
                   counting, calc->calendar);
    if (rule) {
        cc_out__printf(&sum, "Due: %s", rule->title);
        cc_out__printf(&desc,
                       "%s (%s, rule %s): %s from %s (%s), counting %s, "
                       "calendar %s: the last permitted day is %s.",
                       rule->title, rule->source, rule->id, p, a, rule->trigger,
                       counting, calc->calendar, b);
    } else {
        cc_out__printf(&sum, "%s after %s", p, a);
        cc_out__printf(&desc, "%s from %s, counting %s, calendar %s: %s.", p, a,
                       counting, calc->calendar, b);
    }
    failed = key.failed || sum.failed || desc.failed;
    if (failed || ics_begin(&c, "caseclock deadlines", "", calc->from, NULL)) {
        cc_out__free(&key);
        cc_out__free(&sum);
        cc_out__free(&desc);
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    }
    failed = ics_event(&c, cc_out__str(&key), calc->date, calc->date,
                       cc_out__str(&sum), cc_out__str(&desc)) != 0;
    cc_out__free(&key);
    cc_out__free(&sum);
    cc_out__free(&desc);
    return ics_finish(&c, failed, write, userdata, err);
}
