/* rules, calendars: what the built-in data holds. */
#include <jansson.h>
#include <stdint.h>
#include <string.h>

#include "cli.h"

static const char *const INFO_FORMATS[] = {"text", "json", NULL};
static const char *const RULES_FORMATS[] = {"text", "json", "markdown", NULL};

static int
parse_format_only(int argc, char **argv, const char *const *formats, int *fmt)
{
    *fmt = 0;
    for (int i = 1; i < argc; i++) {
        const char *val;
        int m = cli_option(argc, argv, &i, "--format", &val);
        if (m < 0)
            return EXIT_USAGE;
        if (m > 0) {
            if (cli_format(val, formats, fmt) != EXIT_DONE)
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

/* ---- rules --format markdown: the tables of docs/timescales.md -------- */

/* Text for a Markdown table cell: '|' escaped, line breaks as spaces. */
static void
md_cell(FILE *fp, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            fputs("\\|", fp);
        else if (*s == '\n' || *s == '\r')
            fputc(' ', fp);
        else
            fputc(*s, fp);
    }
}

/* A word list as `a`, `b`; "-" when empty. */
static void
md_words(FILE *fp, const cc_words *w)
{
    if (w->n == 0) {
        fputs("-", fp);
        return;
    }
    for (size_t i = 0; i < w->n; i++) {
        fputs(i ? ", `" : "`", fp);
        md_cell(fp, w->items[i]);
        fputc('`', fp);
    }
}

/* "- Trigger: `a`, `b`; not when the clause has `c`." (nothing when the
 * rule has no such words) */
static void
md_patterns(FILE *fp, const char *label, const cc_words *words,
            const cc_words *blocks, const char *tail)
{
    if (!words->n)
        return;
    fprintf(fp, "- %s: ", label);
    md_words(fp, words);
    if (blocks->n) {
        fputs("; not when the clause has ", fp);
        md_words(fp, blocks);
    }
    fprintf(fp, "%s.\n", tail);
}

/* "- Its act: a `council response` event, with `a` in the clause before
 * its date; not when the clause has `b`." (a complaint stage's act or
 * start event; nothing when the rule has none) */
static void
md_act(FILE *fp, const char *label, const cc_stage_act *act,
       const char *search_from)
{
    if (act->kind < 0 && !act->words.n)
        return;
    fprintf(fp, "- %s: ", label);
    if (act->kind >= 0)
        fprintf(fp, "%s `%s` event",
                strchr("aeiou", cc_event_kind_name((cc_event_kind)act->kind)[0])
                    ? "an"
                    : "a",
                cc_event_kind_name((cc_event_kind)act->kind));
    else
        fputs("an event of any kind", fp);
    if (act->words.n) {
        fputs(", with ", fp);
        md_words(fp, &act->words);
        fprintf(fp, " %s",
                strcmp(act->in, "clause") == 0     ? "in its clause"
                : strcmp(act->in, "sentence") == 0 ? "in its sentence"
                                                   : "in the clause before "
                                                     "its date");
    }
    if (act->blocks.n) {
        fputs("; not when the clause has ", fp);
        md_words(fp, &act->blocks);
    }
    if (act->later_day)
        fputs("; after the day it runs from", fp);
    if (act->timing)
        fputs("; or dated by the time the decision says it took", fp);
    if (*search_from)
        fprintf(fp, "; searched for from the trigger of `%s`",
                strchr(search_from, ' ') ? strchr(search_from, ' ') + 1
                                         : search_from);
    fputs(".\n", fp);
}

/* "20 weeks after", "15 working days beginning with" */
static void
md_period(FILE *fp, cc_period p, int school)
{
    fprintf(fp, "%d %s %s", p.n,
            school ? (p.n == 1 ? "school day" : "school days")
                   : cc_unit_words(p.unit, p.n),
            p.counting == CC_COUNT_BEGINNING_WITH ? "beginning with" : "after");
}

static int
is_school(const cc_rule *r)
{
    return strcmp(r->calendar, "school") == 0;
}

/* How the checks treat the rule, in a few words. */
static void
md_checked(FILE *fp, const cc_rule *r)
{
    const char *c = r->engage.check;
    if (strcmp(c, "none") == 0) {
        fputs("cannot compute: ", fp);
        md_cell(fp, r->engage.reason);
        return;
    }
    fputs(strcmp(c, "timescale") == 0         ? "checked (timescale)"
          : strcmp(c, "minimum") == 0         ? "checked (minimum period)"
          : strcmp(c, "late-complaint") == 0  ? "checked (late complaint)"
          : strcmp(c, "complaint-stage") == 0 ? "checked (complaint stage)"
                                              : "checked (remedy)",
          fp);
    if (is_school(r))
        fputs("; school days counted as weekdays less bank holidays, "
              "labelled approximate",
              fp);
}

static void
rules_markdown(const cc_ctx *ctx, FILE *fp)
{
    size_t n = cc_ctx_rule_count(ctx), none = 0;

    for (size_t i = 0; i < n; i++)
        none += strcmp(cc_ctx_rule(ctx, i)->engage.check, "none") == 0;
    fprintf(fp,
            "## The rules\n\n"
            "%zu rules: %zu checked, %zu that cannot be computed from a "
            "decision's text (the reason is given).\n\n",
            n, n - none, none);
    fputs("| rule | timescale | calendar | confidence | procedure | checks |\n"
          "|---|---|---|---|---|---|\n",
          fp);
    for (size_t i = 0; i < n; i++) {
        const cc_rule *r = cc_ctx_rule(ctx, i);
        fputs("| `", fp);
        md_cell(fp, r->id);
        fputs("` | ", fp);
        md_period(fp, r->period, is_school(r));
        fputc(' ', fp);
        md_cell(fp, r->trigger);
        fputs(" | ", fp);
        md_cell(fp, r->calendar);
        fprintf(fp, " | %s | ", cc_confidence_name(r->confidence));
        md_cell(fp, *r->engage.procedure ? r->engage.procedure : "any");
        fputs(" | ", fp);
        md_checked(fp, r);
        fputs(" |\n", fp);
    }

    fputs("\n## Procedures\n\n"
          "A rule with a procedure applies only to a decision that engages "
          "it: by its category, or by naming it in the text, and not when "
          "it engages a procedure listed under unless.\n\n"
          "| procedure | title | categories | words | unless |\n"
          "|---|---|---|---|---|\n",
          fp);
    for (size_t i = 0; i < cc_ctx_procedure_count(ctx); i++) {
        const cc_procedure *q = cc_ctx_procedure(ctx, i);
        fputs("| `", fp);
        md_cell(fp, q->id);
        fputs("` | ", fp);
        md_cell(fp, q->title);
        fputs(" | ", fp);
        md_words(fp, &q->categories);
        fputs(" | ", fp);
        md_words(fp, &q->words);
        fputs(" | ", fp);
        md_words(fp, &q->unless);
        fputs(" |\n", fp);
    }

    fputs("\n## Each rule\n", fp);
    for (size_t i = 0; i < n; i++) {
        const cc_rule *r = cc_ctx_rule(ctx, i);
        const cc_engage *g = &r->engage;
        char buf[24];

        fprintf(fp, "\n### `%s`\n\n%s.\n\n", r->id, r->title);
        fprintf(fp, "- Source: %s (confidence %s).\n", r->source,
                cc_confidence_name(r->confidence));
        if (*r->words)
            fprintf(fp, "- Wording: \"%s\".\n", r->words);
        fputs("- Period: ", fp);
        md_period(fp, r->period, is_school(r));
        fprintf(fp, " %s (`%s`), calendar `%s`%s%s%s.\n", r->trigger,
                cc_period_format(r->period, buf, sizeof buf), r->calendar,
                *r->division ? " (" : "", r->division, *r->division ? ")" : "");
        for (size_t k = 0; k < r->nextensions; k++) {
            fprintf(fp, "- Extended to `%s` when %s",
                    cc_period_format(r->extensions[k].period, buf, sizeof buf),
                    r->extensions[k].condition);
            if (r->extensions[k].nwords) {
                cc_words w = {r->extensions[k].words, r->extensions[k].nwords};
                fputs(" (read from the words ", fp);
                md_words(fp, &w);
                fputc(')', fp);
            }
            fputs(".\n", fp);
        }
        if (*r->qualifier)
            fprintf(fp, "- Qualified: \"%s\".\n", r->qualifier);
        if (*r->discretion)
            fprintf(fp, "- Discretion: %s.\n", r->discretion);
        fputs("- Checks: ", fp);
        md_checked(fp, r);
        fputs(".\n", fp);
        if (strcmp(g->check, "none") == 0)
            continue;
        if (*g->procedure || *g->authority || g->context.n) {
            fprintf(fp, "- Applies to: %s%s%s%s",
                    *g->procedure ? "procedure `" : "any decision",
                    g->procedure, *g->procedure ? "`" : "",
                    *g->authority ? ", authority " : "");
            fputs(g->authority, fp);
            if (g->context.n) {
                fputs(", when the text has one of ", fp);
                md_words(fp, &g->context);
            }
            fputs(".\n", fp);
        }
        if (*g->trigger_is)
            fprintf(fp, "- Starts from: the %s event of `%s`.\n",
                    strncmp(g->trigger_is, "completion-of ", 14) == 0
                        ? "completing"
                        : "triggering",
                    strchr(g->trigger_is, ' ') + 1);
        md_patterns(fp, "Trigger", &g->trigger, &g->trigger_blocks,
                    g->last_trigger ? " (the last before the completion)" : "");
        md_patterns(fp, "Ends with", &g->ends, &(cc_words){0},
                    " (an act due after it is not owed)");
        md_patterns(fp, "Completed by", &g->completion, &g->completion_blocks,
                    g->needs_completion
                        ? " (checked only when the decision dates it)"
                        : "");
        md_act(fp, "Its act", &g->act, g->search_from);
        md_act(fp, "Started instead by", &g->start, "");
        if (g->nkinds) {
            fputs("- Kinds of action:", fp);
            for (size_t k = 0; k < g->nkinds; k++) {
                fprintf(fp, "%s `%s` (", k ? ";" : "", g->kinds[k].id);
                md_words(fp, &g->kinds[k].words);
                fputc(')', fp);
            }
            fputs(".\n", fp);
        }
        if (g->from != INT32_MIN || g->until != INT32_MAX) {
            char a[11], b[11];
            fputs("- Covers triggers", fp);
            if (g->from != INT32_MIN)
                fprintf(fp, " from %s", cc_date_format(g->from, a));
            if (g->until != INT32_MAX)
                fprintf(fp, " until %s", cc_date_format(g->until, b));
            fputs(" (the edition in force).\n", fp);
        }
        if (*g->next)
            fprintf(fp, "- Then: `%s` runs from its completion.\n", g->next);
        if (g->span.n)
            fprintf(fp, "- Chained for at most %s after the first trigger.\n",
                    cc_period_format(g->span, buf, sizeof buf));
        if (g->names.n) {
            fputs("- Named in statements of delay by: ", fp);
            md_words(fp, &g->names);
            fputs(".\n", fp);
        }
    }
}

int
cli_rules(int argc, char **argv)
{
    cc_ctx *ctx;
    int fmt, rc;
    json_t *arr;
    char p[24];

    if ((rc = parse_format_only(argc, argv, RULES_FORMATS, &fmt)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        return rc;
    if (fmt == 2) {
        rules_markdown(ctx, stdout);
        cc_ctx_free(ctx);
        return cli_flush_stdout();
    }
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

    if ((rc = parse_format_only(argc, argv, INFO_FORMATS, &fmt)) != EXIT_DONE ||
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
        cc_calendar_coverage(&first, &last, cal);
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
