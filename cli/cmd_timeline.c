/*
 * timeline, check: a decision's chronology and the checks of its
 * timescales, as JSON (docs/timeline.schema.json), text for a terminal,
 * CSV (RFC 4180), iCalendar (RFC 5545, cc_timeline_write_ics) or an HTML
 * report (cli/html.c).
 *
 * Same input, same bytes: nothing here reads the clock.  "Today" is the
 * --today option.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "html.h"

enum { FMT_TEXT, FMT_JSON, FMT_ICS, FMT_CSV, FMT_HTML };
static const char *const TIMELINE_FORMATS[] = {"text", "json", "ics",
                                               "csv",  "html", NULL};
static const char *const CHECK_FORMATS[] = {"text", "json", NULL};

typedef struct view {
    const cc_timeline *tl;
    const char *text; /* the input, for sentences and quoted words */
    size_t len;
    int has_today;
    cc_date today;
    int checks_only; /* 'check': deadlines and findings, no events */
} view;

/* ------------------------------------------------------------------ */
/* Shared words                                                        */

/* The stated words at [offset, offset + length), lines joined. */
static char *
words(const view *v, size_t offset, size_t length)
{
    char *s, *o;

    if (offset > v->len || length > v->len - offset)
        length = 0;
    s = malloc(length + 1);
    if (!s)
        return NULL;
    o = s;
    for (size_t i = 0; i < length; i++) {
        char c = v->text[offset + i];
        if (c == '\r' || c == '\n' || c == '\t')
            c = ' ';
        if (c == ' ' && (o == s || o[-1] == ' '))
            continue;
        *o++ = c;
    }
    while (o > s && o[-1] == ' ')
        o--;
    *o = '\0';
    return s;
}

/* Stable ids: e1.., d1.., f1.. in output order. */
static void
event_id(char *buf, size_t size, long i)
{
    snprintf(buf, size, "e%ld", i + 1);
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

/* "Tuesday 9 April 2019", "April 2019", "end of April 2022 (21 to 30
 * April 2022)", "2017", "between ... and ...". */
static void
when_text(char *buf, size_t size, cc_date a, cc_date b, cc_grain g,
          const char *mod)
{
    char x[48], y[48];
    int ya, ma, da, yb, mb, db;
    static const char *const months[] = {
        "",        "January",  "February", "March",  "April",
        "May",     "June",     "July",     "August", "September",
        "October", "November", "December"};

    cc_date_to_ymd(a, &ya, &ma, &da);
    cc_date_to_ymd(b, &yb, &mb, &db);
    if (a == b) {
        snprintf(buf, size, "%s", cc_date_format_long(a, x, sizeof x));
    } else if (g == CC_GRAIN_MONTH && !*mod && da == 1 &&
               db == cc_days_in_month(yb, mb)) {
        snprintf(buf, size, "%s %d", months[ma], ya);
    } else if (g == CC_GRAIN_YEAR && !*mod && ma == 1 && da == 1 && mb == 12 &&
               db == 31 && ya == yb) {
        snprintf(buf, size, "%d", ya);
    } else if (g == CC_GRAIN_MONTH && ma == mb && ya == yb) {
        snprintf(buf, size, "%s %s %d (%d to %d %s %d)",
                 strcmp(mod, "END") == 0     ? "end of"
                 : strcmp(mod, "START") == 0 ? "early"
                 : strcmp(mod, "MID") == 0   ? "mid"
                                             : "",
                 months[ma], ya, da, db, months[ma], ya);
    } else {
        snprintf(buf, size, "between %s and %s",
                 cc_date_format_long(a, x, sizeof x),
                 cc_date_format_long(b, y, sizeof y));
    }
}

/* Prints s wrapped at 76 columns (by bytes), each line indented. */
static void
wrap(FILE *fp, const char *s, int indent)
{
    const int width = 76;
    int col = 0;

    fprintf(fp, "%*s", indent, "");
    col = indent;
    while (*s) {
        const char *e = strchr(s, ' ');
        int n = e ? (int)(e - s) : (int)strlen(s);
        if (col > indent && col + 1 + n > width) {
            fprintf(fp, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', fp);
            col++;
        }
        fwrite(s, 1, (size_t)n, fp);
        col += n;
        s += n;
        while (*s == ' ')
            s++;
    }
    fputc('\n', fp);
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

static void
where_text(char *buf, size_t size, const cc_place *w)
{
    if (w->paragraph)
        snprintf(buf, size, "%s%s%d, line %d", w->section,
                 *w->section ? " para " : "para ", w->paragraph, w->line);
    else
        snprintf(buf, size, "%s%sline %d", w->section, *w->section ? ", " : "",
                 w->line);
}

static int
emit_text(FILE *fp, const view *v)
{
    const char *auth = cc_timeline_field(v->tl, CC_FIELD_AUTHORITY);
    const char *ref = cc_timeline_field(v->tl, CC_FIELD_REFERENCE);
    const char *cat = cc_timeline_field(v->tl, CC_FIELD_CATEGORY);
    const char *out = cc_timeline_field(v->tl, CC_FIELD_OUTCOME);
    char when[160], at[200], buf[48];
    cc_date date;

    fprintf(fp, "%s%s%s%s\n", auth ? auth : "(no authority given)",
            ref ? " (" : "", ref ? ref : "", ref ? ")" : "");
    if (cat)
        fprintf(fp, "%s\n", cat);
    if (cc_timeline_decision_date(v->tl, &date))
        fprintf(fp, "Decision: %s, %s\n", out ? out : "-",
                cc_date_format_long(date, buf, sizeof buf));
    if (v->has_today)
        fprintf(fp, "Today: %s\n",
                cc_date_format_long(v->today, buf, sizeof buf));
    if (!v->checks_only) {
        fprintf(fp,
                "\nChronology (%zu events; ranges show what a date "
                "without its day can mean)\n",
                cc_timeline_event_count(v->tl));
        for (size_t i = 0; i < cc_timeline_event_count(v->tl); i++) {
            const cc_event *ev = cc_timeline_event(v->tl, i);
            char *s =
                words(v, ev->where.sentence_offset, ev->where.sentence_length);
            when_text(when, sizeof when, ev->earliest, ev->latest, ev->grain,
                      ev->mod);
            fprintf(fp, "\n  %s%s%s%s\n", when,
                    ev->inferred ? " [year inferred]" : "",
                    ev->relative ? " [relative]" : "",
                    ev->planned ? " [planned]" : "");
            fprintf(fp, "    %s, by %s", cc_event_kind_name(ev->kind),
                    cc_actor_name(ev->actor));
            if (ev->kind != CC_EVENT_DECISION || ev->where.length) {
                where_text(at, sizeof at, &ev->where);
                fprintf(fp, " (%s)", at);
            }
            fputc('\n', fp);
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
    fprintf(fp, "\nDeadlines (%zu)\n", cc_timeline_deadline_count(v->tl));
    for (size_t i = 0; i < cc_timeline_deadline_count(v->tl); i++) {
        const cc_deadline *d = cc_timeline_deadline(v->tl, i);
        when_text(when, sizeof when, d->due_earliest, d->due_latest,
                  CC_GRAIN_DAY, "");
        fprintf(fp, "\n  %s %s: due %s\n", status_mark(d->status), d->title,
                when);
        if (d->has_actual) {
            when_text(when, sizeof when, d->actual_earliest, d->actual_latest,
                      CC_GRAIN_DAY, "");
            fprintf(fp, "            done %s\n", when);
        }
        fprintf(fp, "            %s, %s (confidence %s)\n", d->rule, d->source,
                cc_confidence_name(d->confidence));
        if (*d->discretion)
            fprintf(fp, "            discretion: %s\n", d->discretion);
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
    fprintf(fp, "\nStatements of delay (%zu)\n",
            cc_timeline_finding_count(v->tl));
    for (size_t i = 0; i < cc_timeline_finding_count(v->tl); i++) {
        const cc_finding *f = cc_timeline_finding(v->tl, i);
        char *s = words(v, f->where.offset, f->where.length);
        where_text(at, sizeof at, &f->where);
        fprintf(fp, "\n  [%s] \"%s\" (%s)\n", cc_verdict_name(f->verdict),
                s ? s : "", at);
        free(s);
        wrap(fp, f->note, 6);
    }
    return ferror(fp) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* CSV (RFC 4180: CRLF, quotes doubled, a field quoted when it must be) */

static void
csv_field(FILE *fp, const char *s, int last)
{
    int quote = strpbrk(s, ",\"\r\n") != NULL;

    if (quote) {
        fputc('"', fp);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', fp);
            fputc(*s, fp);
        }
        fputc('"', fp);
    } else {
        fputs(s, fp);
    }
    fputs(last ? "\r\n" : ",", fp);
}

static void
csv_date(FILE *fp, int ok, cc_date d)
{
    char buf[11];

    csv_field(fp, ok ? cc_date_format(d, buf) : "", 0);
}

static void
csv_int(FILE *fp, long n)
{
    char buf[24];

    snprintf(buf, sizeof buf, "%ld", n);
    csv_field(fp, buf, 0);
}

static int
emit_csv(FILE *fp, const view *v)
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
        char *s =
            words(v, ev->where.sentence_offset, ev->where.sentence_length);
        event_id(id, sizeof id, (long)i);
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
    return ferror(fp) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* The commands                                                        */

static int
run(int argc, char **argv, int checks_only)
{
    const char *file = NULL, *output = NULL, *today = NULL, *closures[16];
    int fmt = FMT_TEXT, strict = 0, rc, ok, write_failed, reported = 0;
    int nclosures = 0;
    char *data = NULL;
    size_t len = 0;
    cc_ctx *ctx = NULL;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;
    cc_error err = {0};
    cli_out out;
    view v;

    for (int i = 1; i < argc; i++) {
        const char *val;
        int m;
        if ((m = cli_option(argc, argv, &i, "--format", &val)) != 0) {
            if (m < 0 ||
                cli_format(val, checks_only ? CHECK_FORMATS : TIMELINE_FORMATS,
                           &fmt) != EXIT_DONE)
                return EXIT_USAGE;
        } else if ((m = cli_option(argc, argv, &i, "-o", &val)) != 0 ||
                   (m = cli_option(argc, argv, &i, "--output", &val)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
            output = val;
        } else if ((m = cli_option(argc, argv, &i, "--today", &val)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
            today = val;
        } else if ((m = cli_option(argc, argv, &i, "--calendar", &val)) != 0) {
            /* Closure days only: each rule counts in its own division. */
            if (m < 0)
                return EXIT_USAGE;
            if (!strchr(val, '/') &&
                (strlen(val) < 4 || strcmp(val + strlen(val) - 4, ".ics")))
                return cli_usage_error(
                    "option --calendar: '%s' is not a FILE.ics: '%s' takes "
                    "closure days only, since each rule counts the working "
                    "days of its own division",
                    val, argv[0]);
            if (nclosures == (int)(sizeof closures / sizeof *closures))
                return cli_usage_error("option --calendar: too many files");
            closures[nclosures++] = val;
        } else if (checks_only && strcmp(argv[i], "--strict") == 0) {
            strict = 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_usage_error("unknown option '%s' for '%s'", argv[i],
                                   argv[0]);
        } else if (file) {
            return cli_usage_error("'%s' takes one FILE", argv[0]);
        } else {
            file = argv[i];
        }
    }
    if (!file)
        return cli_usage_error("'%s' needs a FILE ('-' for stdin)", argv[0]);
    memset(&v, 0, sizeof v);
    if (today) {
        if (cc_date_parse(&v.today, today, &err) != CC_OK) {
            cli_warn("option --today: %s", err.message);
            return EXIT_USAGE;
        }
        v.has_today = 1;
    }
    if ((rc = cli_read_file(file, &data, &len)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        goto done;
    if (v.has_today)
        cc_ctx_set_today(ctx, v.today);
    for (int i = 0; i < nclosures; i++) {
        char *ics;
        size_t n;
        if ((rc = cli_read_file(closures[i], &ics, &n)) != EXIT_DONE)
            goto done;
        if (cc_ctx_add_closures(ctx, ics, n, closures[i], &err) != CC_OK) {
            free(ics);
            rc = cli_report(&err);
            goto done;
        }
        free(ics);
    }
    if (cc_doc_read(&doc, ctx, data, len,
                    strcmp(file, "-") == 0 ? "<stdin>" : file, &err) != CC_OK ||
        cc_timeline_new(&tl, ctx, doc, &err) != CC_OK) {
        rc = cli_report(&err);
        goto done;
    }
    v.tl = tl;
    v.text = cc_doc_text(doc, &v.len);
    v.checks_only = checks_only;
    if ((rc = cli_out_open(&out, output)) != EXIT_DONE)
        goto done;
    switch (fmt) {
    case FMT_JSON: {
        cc_write_opts o = {0};
        o.checks_only = checks_only;
        o.has_today = v.has_today;
        o.today = v.today;
        ok = cc_timeline_write_json(tl, doc, &o, cli_write_fp, out.fp, &err) ==
             CC_OK;
        break;
    }
    case FMT_ICS: {
        cc_write_opts o = {0};
        o.has_today = v.has_today;
        o.today = v.today;
        if (cc_timeline_write_ics(tl, doc, &o, cli_write_fp, out.fp, &err) !=
                CC_OK &&
            err.code != CC_EWRITE) {
            ok = 0;
            if (!err.source[0])
                snprintf(err.source, sizeof err.source, "%s",
                         strcmp(file, "-") == 0 ? "<stdin>" : file);
            reported = cli_report(&err);
        } else {
            ok = err.code == CC_OK;
        }
        break;
    }
    case FMT_CSV:
        ok = emit_csv(out.fp, &v) == 0;
        break;
    case FMT_HTML:
        ok = cli_html_timeline(out.fp, tl, v.text, v.len,
                               v.has_today ? &v.today : NULL) == 0;
        break;
    default:
        ok = emit_text(out.fp, &v) == 0;
        break;
    }
    /* A failed write is cli_out_close()'s to report: a reader of stdout
     * that has gone (`| head -1`) is no error.  Any other failure is. */
    write_failed = ferror(out.fp) != 0;
    rc = cli_out_close(&out, ok);
    if (reported && rc == EXIT_DONE) {
        rc = reported;
    } else if (!ok && !write_failed && rc == EXIT_DONE) {
        cli_warn("out of memory");
        rc = EXIT_INTERNAL;
    }
    if (rc == EXIT_DONE && strict) {
        for (size_t i = 0; i < cc_timeline_deadline_count(tl); i++) {
            cc_check_status s = cc_timeline_deadline(tl, i)->status;
            if (s == CC_STATUS_MISSED || s == CC_STATUS_OVERDUE)
                rc = EXIT_STRICT;
        }
    }
done:
    cc_timeline_free(tl);
    cc_doc_free(doc);
    cc_ctx_free(ctx);
    free(data);
    return rc;
}

int
cli_timeline(int argc, char **argv)
{
    return run(argc, argv, 0);
}

int
cli_check(int argc, char **argv)
{
    return run(argc, argv, 1);
}
