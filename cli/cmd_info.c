/* rules, calendars: what the built-in data holds. */
#include <jansson.h>
#include <string.h>

#include "cli.h"

static const char *const INFO_FORMATS[] = {"text", "json", NULL};

static int
parse_format_only(int argc, char **argv, int *fmt)
{
    *fmt = 0;
    for (int i = 1; i < argc; i++) {
        const char *val;
        int m = cli_option(argc, argv, &i, "--format", &val);
        if (m < 0)
            return EXIT_USAGE;
        if (m > 0) {
            if (cli_format(val, INFO_FORMATS, fmt) != EXIT_DONE)
                return EXIT_USAGE;
            continue;
        }
        if (argv[i][0] == '-')
            return cli_usage_error("unknown option '%s' for '%s'", argv[i],
                                   argv[0]);
        return cli_usage_error("'%s' takes no arguments", argv[0]);
    }
    return EXIT_DONE;
}

int
cli_rules(int argc, char **argv)
{
    cc_ctx *ctx;
    int fmt, rc;
    json_t *arr;
    char p[24];

    if ((rc = parse_format_only(argc, argv, &fmt)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        return rc;
    arr = json_array();
    for (size_t i = 0; i < cc_ctx_rule_count(ctx); i++) {
        const cc_rule *r = cc_ctx_rule(ctx, i);
        cc_period_format(r->period, p, sizeof p);
        if (fmt == 0) {
            printf("%-40s %-6s %-15s %-10s %s  %s\n", r->id, p,
                   r->period.counting == CC_COUNT_AFTER ? "after"
                                                        : "beginning_with",
                   r->calendar, cc_confidence_name(r->confidence), r->title);
        } else {
            json_t *o = json_object(), *ext = json_array();
            json_object_set_new(o, "id", json_string(r->id));
            json_object_set_new(o, "title", json_string(r->title));
            json_object_set_new(o, "source", json_string(r->source));
            json_object_set_new(o, "words", json_string(r->words));
            json_object_set_new(o, "trigger", json_string(r->trigger));
            json_object_set_new(o, "period", json_string(p));
            json_object_set_new(o, "counting",
                                json_string(r->period.counting == CC_COUNT_AFTER
                                                ? "after"
                                                : "beginning_with"));
            json_object_set_new(o, "calendar", json_string(r->calendar));
            json_object_set_new(o, "confidence",
                                json_string(cc_confidence_name(r->confidence)));
            for (size_t k = 0; k < r->nextensions; k++) {
                json_t *e = json_object();
                json_object_set_new(e, "period",
                                    json_string(cc_period_format(
                                        r->extensions[k].period, p, sizeof p)));
                json_object_set_new(e, "condition",
                                    json_string(r->extensions[k].condition));
                json_array_append_new(ext, e);
            }
            json_object_set_new(o, "extensions", ext);
            json_object_set_new(o, "discretion", json_string(r->discretion));
            json_object_set_new(o, "qualifier", json_string(r->qualifier));
            json_array_append_new(arr, o);
        }
    }
    if (fmt == 1) {
        json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
    }
    json_decref(arr);
    cc_ctx_free(ctx);
    return cli_flush_stdout();
}

int
cli_calendars(int argc, char **argv)
{
    cc_ctx *ctx;
    cc_calendar *cal;
    cc_error err = {0};
    cc_date first, last;
    char a[11], b[11];
    int fmt, rc;
    json_t *arr = json_array();

    if ((rc = parse_format_only(argc, argv, &fmt)) != EXIT_DONE ||
        (rc = cli_ctx_new(&ctx)) != EXIT_DONE) {
        json_decref(arr);
        return rc;
    }
    for (size_t i = 0; i < cc_ctx_division_count(ctx); i++) {
        const char *name = cc_ctx_division_name(ctx, i);
        int deflt = strcmp(name, "england-and-wales") == 0;
        long n = 0;
        if (cc_calendar_new(&cal, ctx, name, &err) != CC_OK) {
            rc = cli_report(&err);
            break;
        }
        cc_calendar_coverage(cal, &first, &last);
        cc_workdays_between(&n, cal, first - 1, last, &err);
        cc_date_format(first, a);
        cc_date_format(last, b);
        if (fmt == 0) {
            printf("%-20s %s to %s  %ld working days%s\n", name, a, b, n,
                   deflt ? "  (default)" : "");
        } else {
            json_t *o = json_object();
            json_object_set_new(o, "division", json_string(name));
            json_object_set_new(o, "from", json_string(a));
            json_object_set_new(o, "to", json_string(b));
            json_object_set_new(o, "working_days", json_integer(n));
            json_object_set_new(o, "default", json_boolean(deflt));
            json_array_append_new(arr, o);
        }
        cc_calendar_free(cal);
    }
    if (rc == EXIT_DONE && fmt == 1) {
        json_dumpf(arr, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
    }
    json_decref(arr);
    cc_ctx_free(ctx);
    if (rc == EXIT_DONE)
        rc = cli_flush_stdout();
    return rc;
}
