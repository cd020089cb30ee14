/*
 * timeline, check: a decision's chronology and the checks of its
 * timescales, as JSON (docs/timeline.schema.json), text for a terminal,
 * CSV (RFC 4180) or iCalendar (RFC 5545), all written by the library
 * and the HTML report (cc_timeline_write_*).
 *
 * Same input, same bytes: nothing here reads the clock.  "Today" is the
 * --today option.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { FMT_TEXT, FMT_JSON, FMT_ICS, FMT_CSV, FMT_HTML };
static const char *const TIMELINE_FORMATS[] = {"text", "json", "ics",
                                               "csv",  "html", NULL};
static const char *const CHECK_FORMATS[] = {"text", "json", NULL};

/* ------------------------------------------------------------------ */
/* The commands                                                        */

static int
run(int argc, char **argv, int checks_only)
{
    const char *file = NULL, *output = NULL, *today = NULL, *closures[16];
    int fmt = FMT_TEXT, strict = 0, rc, ok = 0, write_failed, reported = 0;
    int nclosures = 0;
    char *data = NULL;
    size_t len = 0;
    cc_ctx *ctx = NULL;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;
    cc_error err = {0};
    cli_out out;
    cc_write_opts o = {0};
    cli_read rd = {0};

    for (int i = 1; i < argc; i++) {
        const char *val;
        int m;
        if ((m = cli_read_option(&rd, argc, argv, &i)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
        } else if ((m = cli_option(argc, argv, &i, "--format", &val)) != 0) {
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
    if (today) {
        if (cc_date_parse(&o.today, today, &err) != CC_OK) {
            cli_warn("option --today: %s", err.message);
            return EXIT_USAGE;
        }
        o.has_today = 1;
    }
    if ((rc = cli_read_file(file, &data, &len)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        goto done;
    if (o.has_today)
        cc_ctx_set_today(ctx, o.today);
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
    rc = cli_read_doc(&rd, &doc, ctx, data, len, file);
    data = NULL; /* the document's now */
    if (rc != EXIT_DONE)
        goto done;
    if (cc_timeline_new(&tl, ctx, doc, &err) != CC_OK) {
        rc = cli_report(&err);
        goto done;
    }
    o.checks_only = checks_only;
    if ((rc = cli_out_open(&out, output)) != EXIT_DONE)
        goto done;
    switch (fmt) {
    case FMT_JSON: {
        ok = cc_timeline_write_json(tl, doc, &o, cli_write_fp, out.fp, &err) ==
             CC_OK;
        break;
    }
    case FMT_ICS: {
        /* A calendar has the events even for 'check' (it has no ics). */
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
    case FMT_TEXT:
    case FMT_HTML: {
        ok = (fmt == FMT_CSV    ? cc_timeline_write_csv
              : fmt == FMT_HTML ? cc_timeline_write_html
                                : cc_timeline_write_text)(
                 tl, doc, &o, cli_write_fp, out.fp, &err) == CC_OK;
        break;
    }
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
