/*
 * Text for a terminal and CSV (RFC 4180: CRLF, quotes doubled, a field
 * quoted when it must be): `caseclock timeline` and `check` without
 * --format json, and --format csv.  Text is never cut: the words of a date
 * and a place grow as they need.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit.h"
#include "error.h"

typedef cc_view view;

/* The words for a date, in `o` (emptied first). */
static void
when_text(cc_out *o, cc_date a, cc_date b, cc_grain g, const char *mod)
{
    o->len = 0;
    cc_emit__when(o, a, b, g, mod, NULL, CC_WHEN_FULL);
}

/* The words for a place, in `o` (emptied first). */
static void
where_text(cc_out *o, const cc_place *w)
{
    o->len = 0;
    cc_emit__where(o, w);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* Prints s wrapped at 76 columns (by bytes), each line indented. */
static void
wrap(cc_out *fp, const char *s, int indent)
{
    const int width = 76;
    int col = 0;

    cc_out__printf(fp, "%*s", indent, "");
    col = indent;
    while (*s) {
        const char *e = strchr(s, ' ');
        int n = e ? (int)(e - s) : (int)strlen(s);
        if (col > indent && col + 1 + n > width) {
            cc_out__printf(fp, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            cc_out__add(fp, " ", 1);
            col++;
        }
        cc_out__add(fp, s, (size_t)n);
        col += n;
        s += n;
        while (*s == ' ')
            s++;
    }
    cc_out__add(fp, "\n", 1);
}

static const char *
status_mark(cc_check_status s)
{
    switch (s) {
    case CC_STATUS_MET:
        return "[met]    ";
    case CC_STATUS_MISSED:
        return "[MISSED] ";
    case CC_STATUS_OVERDUE:
        return "[OVERDUE]";
    case CC_STATUS_PENDING:
        return "[pending]";
    case CC_STATUS_UNKNOWN:
        break;
    }
    return "[unknown]";
}

static int
emit_text(cc_out *fp, const view *v)
{
    const char *auth = cc_timeline_field(v->tl, CC_FIELD_AUTHORITY);
    const char *ref = cc_timeline_field(v->tl, CC_FIELD_REFERENCE);
    const char *cat = cc_timeline_field(v->tl, CC_FIELD_CATEGORY);
    const char *out = cc_timeline_field(v->tl, CC_FIELD_OUTCOME);
    cc_out when = {0}, at = {0};
    char buf[48];
    cc_date date;

    cc_out__printf(fp, "%s%s%s%s\n", auth ? auth : "(no authority given)",
                   ref ? " (" : "", ref ? ref : "", ref ? ")" : "");
    if (cat)
        cc_out__printf(fp, "%s\n", cat);
    if (cc_timeline_decision_date(&date, v->tl))
        cc_out__printf(fp, "Decision: %s, %s%s\n", out ? out : "-",
                       cc_date_format_long(date, buf, sizeof buf),
                       cc_doc_field_given(v->doc, CC_FIELD_DECISION_DATE)
                           ? " (date given, not from the header)"
                           : "");
    else if (cc_timeline_undated_actions(v->tl))
        cc_out__printf(fp,
                       "No decision date in the header: %zu agreed action%s "
                       "timed from the decision %s no due date (give the "
                       "date with --decision-date)\n",
                       cc_timeline_undated_actions(v->tl),
                       cc_timeline_undated_actions(v->tl) == 1 ? "" : "s",
                       cc_timeline_undated_actions(v->tl) == 1 ? "has"
                                                               : "have");
    if (v->has_today)
        cc_out__printf(fp, "Today: %s\n",
                       cc_date_format_long(v->today, buf, sizeof buf));
    if (!v->checks_only) {
        cc_out__printf(fp,
                       "\nChronology (%zu events; ranges show what a date "
                       "without its day can mean)\n",
                       cc_timeline_event_count(v->tl));
        for (size_t i = 0; i < cc_timeline_event_count(v->tl); i++) {
            const cc_event *ev = cc_timeline_event(v->tl, i);
            char *s = cc_emit__words_new(v, ev->where.sentence_offset,
                                         ev->where.sentence_length);
            when_text(&when, ev->earliest, ev->latest, ev->grain, ev->mod);
            cc_out__printf(fp, "\n  %s%s%s%s\n", cc_out__str(&when),
                           ev->inferred ? " [year inferred]" : "",
                           ev->relative ? " [relative]" : "",
                           ev->planned ? " [planned]" : "");
            cc_out__printf(fp, "    %s, by %s", cc_event_kind_name(ev->kind),
                           cc_actor_name(ev->actor));
            if (ev->kind != CC_EVENT_DECISION || ev->where.length) {
                where_text(&at, &ev->where);
                cc_out__printf(fp, " (%s)", cc_out__str(&at));
            }
            cc_out__add(fp, "\n", 1);
            if (s && *s && ev->kind != CC_EVENT_DECISION) {
                size_t n = strlen(s);
                char *q = malloc(n + 3);
                if (q) {
                    snprintf(q, n + 3, "\"%s\"", s);
                    wrap(fp, q, 6);
                    free(q);
                }
            }
            free(s);
        }
    }
    cc_out__printf(fp, "\nDeadlines (%zu)\n",
                   cc_timeline_deadline_count(v->tl));
    for (size_t i = 0; i < cc_timeline_deadline_count(v->tl); i++) {
        const cc_deadline *d = cc_timeline_deadline(v->tl, i);
        when_text(&when, d->due_earliest, d->due_latest, CC_GRAIN_DAY, "");
        cc_out__printf(fp, "\n  %s %s: due %s\n", status_mark(d->status),
                       d->title, cc_out__str(&when));
        if (d->has_actual) {
            when_text(&when, d->actual_earliest, d->actual_latest, CC_GRAIN_DAY,
                      "");
            cc_out__printf(fp, "            done %s\n", cc_out__str(&when));
        }
        cc_out__printf(fp, "            %s, %s (confidence %s)\n", d->rule,
                       d->source, cc_confidence_name(d->confidence));
        if (*d->discretion)
            cc_out__printf(fp, "            discretion: %s\n", d->discretion);
        if (*d->action) {
            size_t n = strlen(d->action);
            char *q = malloc(n + 12);
            if (q) {
                snprintf(q, n + 12, "action: %s", d->action);
                wrap(fp, q, 12);
                free(q);
            }
        }
        wrap(fp, d->note, 12);
    }
    cc_out__printf(fp, "\nStatements of delay (%zu)\n",
                   cc_timeline_finding_count(v->tl));
    for (size_t i = 0; i < cc_timeline_finding_count(v->tl); i++) {
        const cc_finding *f = cc_timeline_finding(v->tl, i);
        char *s = cc_emit__words_new(v, f->where.offset, f->where.length);
        where_text(&at, &f->where);
        cc_out__printf(fp, "\n  [%s] \"%s\" (%s)\n",
                       cc_verdict_name(f->verdict), s ? s : "",
                       cc_out__str(&at));
        free(s);
        wrap(fp, f->note, 6);
    }
    cc_out__free(&when);
    cc_out__free(&at);
    return fp->failed ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180: CRLF, quotes doubled, a field quoted when it must be) */

static void
csv_field(cc_out *fp, const char *s, int last)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;

    if (quote) {
        cc_out__add(fp, "\"", 1);
        for (; *s; s++) {
            if (*s == '"')
                cc_out__add(fp, "\"", 1);
            cc_out__add(fp, s, 1);
        }
        cc_out__add(fp, "\"", 1);
    } else {
        cc_out__puts(fp, s);
    }
    cc_out__puts(fp, last ? "\r\n" : ",");
}

static void
csv_date(cc_out *fp, int ok, cc_date d)
{
    char buf[11];

    csv_field(fp, ok ? cc_date_format(d, buf) : "", 0);
}

static void
csv_int(cc_out *fp, long n)
{
    char buf[24];

    snprintf(buf, sizeof buf, "%ld", n);
    csv_field(fp, buf, 0);
}

static int
emit_csv(cc_out *fp, const view *v)
{
    static const char *const head[] = {
        "record",        "id",           "earliest",   "latest",
        "precision",     "kind",         "actor",      "rule",
        "status",        "due_earliest", "due_latest", "actual_earliest",
        "actual_latest", "line",         "paragraph",  "section",
        "text"};
    char id[24];

    for (size_t i = 0; i < sizeof head / sizeof *head; i++)
        csv_field(fp, head[i], i + 1 == sizeof head / sizeof *head);
    for (size_t i = 0; i < cc_timeline_event_count(v->tl); i++) {
        const cc_event *ev = cc_timeline_event(v->tl, i);
        char *s = cc_emit__words_new(v, ev->where.sentence_offset,
                                     ev->where.sentence_length);
        cc_emit__event_id(id, sizeof id, (long)i);
        csv_field(fp, "event", 0);
        csv_field(fp, id, 0);
        csv_date(fp, 1, ev->earliest);
        csv_date(fp, 1, ev->latest);
        csv_field(fp, cc_grain_name(ev->grain), 0);
        csv_field(fp, cc_event_kind_name(ev->kind), 0);
        csv_field(fp, cc_actor_name(ev->actor), 0);
        csv_field(fp, "", 0);
        csv_field(fp, "", 0);
        csv_date(fp, 0, 0);
        csv_date(fp, 0, 0);
        csv_date(fp, 0, 0);
        csv_date(fp, 0, 0);
        csv_int(fp, ev->where.line);
        csv_int(fp, ev->where.paragraph);
        csv_field(fp, ev->where.section, 0);
        csv_field(fp, s ? s : "", 1);
        free(s);
    }
    for (size_t i = 0; i < cc_timeline_deadline_count(v->tl); i++) {
        const cc_deadline *d = cc_timeline_deadline(v->tl, i);
        const cc_place *w = d->ninputs ? &d->inputs[0].where : NULL;
        snprintf(id, sizeof id, "d%zu", i + 1);
        csv_field(fp, "deadline", 0);
        csv_field(fp, id, 0);
        csv_date(fp, 1, d->due_earliest);
        csv_date(fp, 1, d->due_latest);
        csv_field(fp, "", 0);
        csv_field(fp, cc_check_kind_name(d->check), 0);
        csv_field(fp, "", 0);
        csv_field(fp, d->rule, 0);
        csv_field(fp, cc_check_status_name(d->status), 0);
        csv_date(fp, 1, d->due_earliest);
        csv_date(fp, 1, d->due_latest);
        csv_date(fp, d->has_actual, d->actual_earliest);
        csv_date(fp, d->has_actual, d->actual_latest);
        csv_int(fp, w ? w->line : 0);
        csv_int(fp, w ? w->paragraph : 0);
        csv_field(fp, w ? w->section : "", 0);
        csv_field(fp, *d->action ? d->action : d->note, 1);
    }
    return fp->failed ? -1 : 0;
}

typedef int (*emitter)(cc_out *fp, const view *v);

static cc_status
emit(emitter fn, const cc_timeline *tl, const cc_doc *doc,
     const cc_write_opts *opts, cc_write_fn write, void *userdata,
     cc_error *err)
{
    cc_out o = {0};
    view v;

    cc_emit__view(&v, tl, doc, opts);
    fn(&o, &v);
    return cc_out__finish(&o, write, userdata, err);
}

cc_status
cc_timeline_write_text(const cc_timeline *tl, const cc_doc *doc,
                       const cc_write_opts *opts, cc_write_fn write,
                       void *userdata, cc_error *err)
{
    return emit(emit_text, tl, doc, opts, write, userdata, err);
}

cc_status
cc_timeline_write_csv(const cc_timeline *tl, const cc_doc *doc,
                      const cc_write_opts *opts, cc_write_fn write,
                      void *userdata, cc_error *err)
{
    return emit(emit_csv, tl, doc, opts, write, userdata, err);
}
