/* add, deadline, workdays: date arithmetic with an audit trail. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { FMT_TEXT, FMT_JSON, FMT_ICS };
static const char *const CALC_FORMATS[] = {"text", "json", "ics", NULL};
static const char *const COUNT_FORMATS[] = {"text", "json", NULL};

/* The --calendar options: one division (the last named wins) and any
 * number of FILE.ics closure files. */
typedef struct calendar_opts {
    const char *division; /* NULL: the rule's, or england-and-wales */
    const char *files[16];
    int nfiles;
} calendar_opts;

static int
ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);

    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int
take_calendar(calendar_opts *co, const char *val)
{
    if (ends_with(val, ".ics") || strchr(val, '/')) {
        if (co->nfiles == (int)(sizeof co->files / sizeof co->files[0]))
            return cli_usage_error("option --calendar: too many files");
        co->files[co->nfiles++] = val;
    } else {
        co->division = val;
    }
    return EXIT_DONE;
}

/* New calendar for the options (and a rule's default division). */
static int
open_calendar(cc_calendar **out, const cc_ctx *ctx, const calendar_opts *co,
              const char *fallback)
{
    const char *div = co->division ? co->division : fallback;
    cc_error err = {0};
    int rc;

    *out = NULL;
    if (cc_calendar_new(out, ctx, div, &err) != CC_OK) {
        /* An unknown division is a bad option value. */
        if (err.code == CC_EINVAL && co->division)
            return cli_usage_error("option --calendar: %s", err.message);
        return cli_report(&err);
    }
    for (int i = 0; i < co->nfiles; i++) {
        char *data;
        size_t len;
        if ((rc = cli_read_file(co->files[i], &data, &len)) != EXIT_DONE)
            goto fail;
        if (cc_calendar_add_ics(*out, data, len, co->files[i], &err) != CC_OK) {
            free(data);
            rc = cli_report(&err);
            goto fail;
        }
        free(data);
    }
    return EXIT_DONE;
fail:
    cc_calendar_free(*out);
    *out = NULL;
    return rc;
}

/*
 * A date argument.  A positional DATE is the input: a bad one is invalid
 * input (exit 3).  An option's value (`option` is its name, "--from") is a
 * usage error (exit 2) that names the option.
 */
static int
parse_date_arg(const char *option, const char *text, cc_date *out)
{
    cc_error err = {0};

    if (cc_date_parse(out, text, &err) == CC_OK)
        return EXIT_DONE;
    if (option)
        return cli_usage_error("option %s: %s", option, err.message);
    return cli_report(&err);
}

static const char *
counting_name(cc_counting c)
{
    return c == CC_COUNT_BEGINNING_WITH ? "beginning_with" : "after";
}

/* What one computation produced, for whichever format prints it. */
typedef struct calc_view {
    const cc_calc *calc;
    const cc_rule *rule; /* NULL for 'add' */
    cc_calc *ext;        /* the rule's extensions, computed */
    size_t next;
} calc_view;

static void
print_text(FILE *fp, const calc_view *v, int explain)
{
    const cc_calc *c = v->calc;
    char a[11], b[11], p[24], longd[48];

    fprintf(fp, "%s\n", cc_date_format(c->date, a));
    if (!explain)
        return;
    cc_period_format(c->period, p, sizeof p);
    if (v->rule) {
        fprintf(fp, "rule: %s: %s\n", v->rule->id, v->rule->title);
        fprintf(fp, "source: %s\n", v->rule->source);
        if (*v->rule->words)
            fprintf(fp, "words: \"%s\"\n", v->rule->words);
        fprintf(fp, "trigger: %s\n", v->rule->trigger);
        fprintf(fp, "confidence: %s%s\n",
                cc_confidence_name(v->rule->confidence),
                v->rule->confidence == CC_CONF_UNCERTAIN
                    ? " (a soft rule: a warning, never a breach)"
                    : "");
    }
    fprintf(fp, "from: %s\n",
            cc_date_format_long(c->from, longd, sizeof longd));
    fprintf(
        fp, "period: %s, counting %s%s\n", p, counting_name(c->period.counting),
        c->period.counting == CC_COUNT_AFTER ? " (the day itself excluded)"
                                             : " (the day itself is day 1)");
    fprintf(fp, "calendar: %s\n", c->calendar);
    for (size_t i = 0; i < c->nskipped; i++)
        fprintf(fp, "skipped: %s %s\n", cc_date_format(c->skipped[i].date, b),
                c->skipped[i].reason);
    if (c->borderline)
        fprintf(fp,
                "borderline: formula B gives %s; formula A "
                "(add_months(X, N) - 1 day) gives %s\n",
                a, cc_date_format(c->alt, b));
    fprintf(fp, "date: %s\n",
            cc_date_format_long(c->date, longd, sizeof longd));
    for (size_t i = 0; i < v->next; i++)
        fprintf(fp, "extended to %s: %s (%s)\n",
                cc_period_format(v->ext[i].period, p, sizeof p),
                cc_date_format(v->ext[i].date, b),
                v->rule->extensions[i].condition);
    if (v->rule && *v->rule->discretion)
        fprintf(fp, "discretion: %s\n", v->rule->discretion);
    if (v->rule && *v->rule->qualifier)
        fprintf(fp, "qualifier: %s\n", v->rule->qualifier);
}

static json_t *
date_json(cc_date d)
{
    char buf[11];

    return json_string(cc_date_format(d, buf));
}

static json_t *
calc_json(const calc_view *v)
{
    const cc_calc *c = v->calc;
    json_t *o = json_object(), *skipped = json_array();
    char p[24];

    json_object_set_new(o, "from", date_json(c->from));
    json_object_set_new(o, "period",
                        json_string(cc_period_format(c->period, p, sizeof p)));
    json_object_set_new(o, "counting",
                        json_string(counting_name(c->period.counting)));
    json_object_set_new(o, "date", date_json(c->date));
    json_object_set_new(o, "calendar", json_string(c->calendar));
    for (size_t i = 0; i < c->nskipped; i++) {
        json_t *s = json_object();
        json_object_set_new(s, "date", date_json(c->skipped[i].date));
        json_object_set_new(s, "reason", json_string(c->skipped[i].reason));
        json_array_append_new(skipped, s);
    }
    json_object_set_new(o, "skipped", skipped);
    json_object_set_new(o, "borderline", json_boolean(c->borderline));
    if (c->borderline)
        json_object_set_new(o, "formula_a", date_json(c->alt));
    if (v->rule) {
        json_t *ext = json_array();
        json_object_set_new(o, "rule", json_string(v->rule->id));
        json_object_set_new(o, "title", json_string(v->rule->title));
        json_object_set_new(o, "source", json_string(v->rule->source));
        json_object_set_new(
            o, "confidence",
            json_string(cc_confidence_name(v->rule->confidence)));
        for (size_t i = 0; i < v->next; i++) {
            json_t *e = json_object();
            json_object_set_new(
                e, "period",
                json_string(cc_period_format(v->ext[i].period, p, sizeof p)));
            json_object_set_new(e, "date", date_json(v->ext[i].date));
            json_object_set_new(e, "condition",
                                json_string(v->rule->extensions[i].condition));
            json_array_append_new(ext, e);
        }
        json_object_set_new(o, "extensions", ext);
        json_object_set_new(o, "discretion", json_string(v->rule->discretion));
        json_object_set_new(o, "qualifier", json_string(v->rule->qualifier));
    }
    return o;
}

static int
emit(const char *out_path, int fmt, const calc_view *v, int explain)
{
    cli_out out;
    int rc = cli_out_open(&out, out_path), ok = 1;

    if (rc != EXIT_DONE)
        return rc;
    if (fmt == FMT_TEXT) {
        print_text(out.fp, v, explain);
    } else if (fmt == FMT_JSON) {
        json_t *o = calc_json(v);
        ok = json_dumpf(o, out.fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0;
        fputc('\n', out.fp);
        json_decref(o);
    } else {
        cc_error err = {0};
        cc_status st =
            cc_calc_write_ics(v->calc, v->rule, cli_write_fp, out.fp, &err);
        ok = st == CC_OK;
        if (st != CC_OK && st != CC_EWRITE) {
            cli_out_close(&out, 0);
            return cli_report(&err);
        }
    }
    return cli_out_close(&out, ok);
}

/* Options shared by add and deadline. */
typedef struct calc_opts {
    calendar_opts cal;
    int fmt;
    int explain;
    const char *out;
    const char *rule;
    const char *from;
    const char *counting;
    const char *pos[4];
    int npos;
} calc_opts;

static int
parse_calc_opts(int argc, char **argv, calc_opts *o, int with_rule)
{
    memset(o, 0, sizeof *o);
    for (int i = 1; i < argc; i++) {
        const char *val;
        int m, rc;

        if ((m = cli_option(argc, argv, &i, "--calendar", &val)) != 0) {
            if (m < 0 || (rc = take_calendar(&o->cal, val)) != EXIT_DONE)
                return EXIT_USAGE;
        } else if ((m = cli_option(argc, argv, &i, "--format", &val)) != 0) {
            if (m < 0 || cli_format(val, CALC_FORMATS, &o->fmt) != EXIT_DONE)
                return EXIT_USAGE;
        } else if ((m = cli_option(argc, argv, &i, "-o", &val)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
            o->out = val;
        } else if (with_rule &&
                   (m = cli_option(argc, argv, &i, "--rule", &val)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
            o->rule = val;
        } else if (with_rule &&
                   (m = cli_option(argc, argv, &i, "--from", &val)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
            o->from = val;
        } else if (!with_rule &&
                   (m = cli_option(argc, argv, &i, "--counting", &val)) != 0) {
            if (m < 0)
                return EXIT_USAGE;
            if (strcmp(val, "after") != 0 && strcmp(val, "beginning_with") != 0)
                return cli_usage_error("option --counting: unknown counting "
                                       "'%s' (use after or beginning_with)",
                                       val);
            o->counting = val;
        } else if (strcmp(argv[i], "--explain") == 0) {
            o->explain = 1;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0' &&
                   !(argv[i][1] >= '0' && argv[i][1] <= '9')) {
            return cli_usage_error("unknown option '%s' for '%s'", argv[i],
                                   argv[0]);
        } else if (o->npos < 4) {
            o->pos[o->npos++] = argv[i];
        } else {
            return cli_usage_error("too many arguments for '%s'", argv[0]);
        }
    }
    return EXIT_DONE;
}

static int
run_calc(const calc_opts *o, const cc_ctx *ctx, const cc_rule *rule,
         cc_date from, cc_period period, const char *division)
{
    cc_calendar *cal = NULL;
    cc_calc calc = {0};
    calc_view v = {&calc, rule, NULL, 0};
    cc_error err = {0};
    int rc;

    if ((rc = open_calendar(&cal, ctx, &o->cal, division)) != EXIT_DONE)
        return rc;
    if (cc_calc_add(&calc, period.unit == CC_UNIT_WORKDAY ? cal : NULL, from,
                    period, &err) != CC_OK) {
        rc = cli_report(&err);
        goto done;
    }
    if (rule && rule->nextensions) {
        v.ext = calloc(rule->nextensions, sizeof *v.ext);
        if (!v.ext) {
            cli_warn("out of memory");
            rc = EXIT_INTERNAL;
            goto done;
        }
        for (; v.next < rule->nextensions; v.next++) {
            cc_period ep = rule->extensions[v.next].period;
            if (cc_calc_add(&v.ext[v.next],
                            ep.unit == CC_UNIT_WORKDAY ? cal : NULL, from, ep,
                            &err) != CC_OK) {
                rc = cli_report(&err);
                goto done;
            }
        }
    }
    rc = emit(o->out, o->fmt, &v, o->explain);
done:
    for (size_t i = 0; i < v.next; i++)
        cc_calc_clear(&v.ext[i]);
    free(v.ext);
    cc_calc_clear(&calc);
    cc_calendar_free(cal);
    return rc;
}

int
cli_add(int argc, char **argv)
{
    calc_opts o;
    cc_ctx *ctx = NULL;
    cc_period period;
    cc_date from;
    cc_error err = {0};
    int rc;

    if ((rc = parse_calc_opts(argc, argv, &o, 0)) != EXIT_DONE)
        return rc;
    if (o.npos != 2)
        return cli_usage_error("add needs DATE and PERIOD");
    if ((rc = parse_date_arg(NULL, o.pos[0], &from)) != EXIT_DONE)
        return rc;
    if (cc_period_parse(&period, o.pos[1], &err) != CC_OK)
        return cli_report(&err);
    if (o.counting && strcmp(o.counting, "beginning_with") == 0)
        period.counting = CC_COUNT_BEGINNING_WITH;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        return rc;
    rc = run_calc(&o, ctx, NULL, from, period, "england-and-wales");
    cc_ctx_free(ctx);
    return rc;
}

int
cli_deadline(int argc, char **argv)
{
    calc_opts o;
    cc_ctx *ctx = NULL;
    const cc_rule *rule;
    cc_date from;
    int rc;

    if ((rc = parse_calc_opts(argc, argv, &o, 1)) != EXIT_DONE)
        return rc;
    if (!o.rule || !o.from || o.npos != 0)
        return cli_usage_error("deadline needs --rule ID and --from DATE");
    if ((rc = parse_date_arg("--from", o.from, &from)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        return rc;
    rule = cc_ctx_rule_find(ctx, o.rule);
    if (!rule) {
        cli_warn("option --rule: unknown rule '%s' (see 'caseclock rules')",
                 o.rule);
        rc = EXIT_USAGE;
    } else if (strcmp(rule->calendar, "school") == 0) {
        cli_warn("rule '%s' counts school days: cannot compute it from bank "
                 "holidays (it needs the school's term dates)",
                 rule->id);
        rc = EXIT_INVALID;
    } else {
        rc = run_calc(&o, ctx, rule, from, rule->period,
                      *rule->division ? rule->division : "england-and-wales");
    }
    cc_ctx_free(ctx);
    return rc;
}

int
cli_workdays(int argc, char **argv)
{
    calendar_opts co = {0};
    const char *pos[2];
    int npos = 0, fmt = FMT_TEXT, rc;
    cc_ctx *ctx = NULL;
    cc_calendar *cal = NULL;
    cc_date from, to;
    cc_error err = {0};
    long n;

    for (int i = 1; i < argc; i++) {
        const char *val;
        int m;
        if ((m = cli_option(argc, argv, &i, "--calendar", &val)) != 0) {
            if (m < 0 || take_calendar(&co, val) != EXIT_DONE)
                return EXIT_USAGE;
        } else if ((m = cli_option(argc, argv, &i, "--format", &val)) != 0) {
            if (m < 0 || cli_format(val, COUNT_FORMATS, &fmt) != EXIT_DONE)
                return EXIT_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return cli_usage_error("unknown option '%s' for 'workdays'",
                                   argv[i]);
        } else if (npos < 2) {
            pos[npos++] = argv[i];
        } else {
            return cli_usage_error("too many arguments for 'workdays'");
        }
    }
    if (npos != 2)
        return cli_usage_error("workdays needs FROM and TO");
    if ((rc = parse_date_arg(NULL, pos[0], &from)) != EXIT_DONE ||
        (rc = parse_date_arg(NULL, pos[1], &to)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        return rc;
    if ((rc = open_calendar(&cal, ctx, &co, "england-and-wales")) != EXIT_DONE)
        goto done;
    if (cc_workdays_between(&n, cal, from, to, &err) != CC_OK) {
        rc = cli_report(&err);
        goto done;
    }
    if (fmt == FMT_TEXT) {
        printf("%ld\n", n);
    } else {
        json_t *o = json_object();
        json_object_set_new(o, "from", date_json(from));
        json_object_set_new(o, "to", date_json(to));
        json_object_set_new(o, "workdays", json_integer(n));
        json_object_set_new(o, "calendar",
                            json_string(cc_calendar_division(cal)));
        json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        putchar('\n');
        json_decref(o);
    }
    rc = cli_flush_stdout();
done:
    cc_calendar_free(cal);
    cc_ctx_free(ctx);
    return rc;
}
