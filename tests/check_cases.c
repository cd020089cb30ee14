/*
 * The checks against hand-counted answers.
 *
 *   check_cases [--open LIST] FILE.test...
 *                                  every case must give exactly its
 *                                  expected deadlines and findings; a
 *                                  failing case prints FILE:LINE and a diff.
 *                                  The cases named in LIST are open: they
 *                                  print their diff and must still fail.
 *   check_cases --score DIR...     fixtures with expected-deadlines.txt:
 *                                  deadline precision and recall, due-date
 *                                  and status accuracy, finding verdicts
 *   check_cases --coverage LIST FILE.test
 *                                  the Markdown tables of docs/timescales.md
 *                                  that count the cases: per family, and
 *                                  per rule by expected status (LIST is the
 *                                  open list)
 *
 * The format is described at the top of tests/data/checks.test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"

#define MAXLINES 64

typedef struct expect {
    char text[256]; /* the line, normalised: "deadline RULE due X status S" */
    int line;
    int used;
} expect;

typedef struct kase {
    char name[128];
    int line;
    char *text;
    size_t len, cap;
    expect want[MAXLINES];
    size_t nwant;
    char today[256];
} kase;

static void
append(kase *k, const char *s)
{
    size_t n = strlen(s);
    if (k->len + n + 1 > k->cap) {
        k->cap = (k->len + n + 1) * 2;
        k->text = realloc(k->text, k->cap);
        if (!k->text) {
            perror("check_cases");
            exit(70);
        }
    }
    memcpy(k->text + k->len, s, n + 1);
    k->len += n;
}

static const char *
verdict_word(cc_verdict v)
{
    return v == CC_VERDICT_CONSISTENT     ? "consistent"
           : v == CC_VERDICT_INCONSISTENT ? "inconsistent"
                                          : "cannot-tell";
}

/* "2024-01-05", or "2024-01-01..2024-01-31" for an interval. */
static void
interval_text(cc_date a, cc_date b, char *buf, size_t size)
{
    char x[11], y[11];

    cc_date_format(a, x);
    cc_date_format(b, y);
    if (a == b)
        snprintf(buf, size, "%s", x);
    else
        snprintf(buf, size, "%s..%s", x, y);
}

/* One produced deadline in the file's form. */
static void
deadline_line(const cc_deadline *d, char *buf, size_t size)
{
    char due[32], act[32];

    interval_text(d->due_earliest, d->due_latest, due, sizeof due);
    if (d->has_actual)
        interval_text(d->actual_earliest, d->actual_latest, act, sizeof act);
    snprintf(buf, size, "deadline %s due %s status %s%s%s%s%s%s", d->rule, due,
             cc_check_status_name(d->status), d->has_actual ? " actual " : "",
             d->has_actual ? act : "", d->approximate ? " approx" : "",
             *d->discretion ? " discretion " : "", d->discretion);
}

/* The words of an expected line up to a '#', spaces squeezed. */
static void
normalise(const char *in, char *out, size_t size)
{
    size_t n = 0;
    int space = 0;

    for (; *in && *in != '#' && *in != '\n' && n + 1 < size; in++) {
        if (*in == ' ' || *in == '\t') {
            space = n > 0;
            continue;
        }
        if (space && n + 1 < size)
            out[n++] = ' ';
        space = 0;
        out[n++] = *in;
    }
    out[n] = '\0';
}

typedef struct result {
    char got[MAXLINES][256];
    size_t off[MAXLINES]; /* a finding's byte offset in the text */
    size_t ngot;
} result;

static int
run_case(const kase *k, result *res)
{
    cc_ctx *ctx = NULL;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;
    cc_error err = {0};

    res->ngot = 0;
    if (cc_ctx_new(&ctx, &err) != CC_OK)
        return -1;
    if (k->today[0]) {
        cc_date t;
        if (cc_date_parse(&t, k->today, &err) != CC_OK)
            return -1;
        cc_ctx_set_today(ctx, t);
    }
    if (cc_doc_read(&doc, ctx, k->text, k->len, k->name, &err) != CC_OK ||
        cc_timeline_new(&tl, ctx, doc, &err) != CC_OK) {
        fprintf(stderr, "%s: %s\n", k->name, err.message);
        cc_doc_free(doc);
        cc_ctx_free(ctx);
        return -1;
    }
    for (size_t i = 0;
         i < cc_timeline_deadline_count(tl) && res->ngot < MAXLINES; i++)
        deadline_line(cc_timeline_deadline(tl, i), res->got[res->ngot++], 256);
    for (size_t i = 0;
         i < cc_timeline_finding_count(tl) && res->ngot < MAXLINES; i++) {
        const cc_finding *f = cc_timeline_finding(tl, i);
        size_t len;
        const char *text = cc_doc_text(doc, &len);
        /* the words: the duration and what follows it on its line, up to
         * the expected form's length; matched by prefix below */
        size_t a = f->where.offset, b = a;
        while (b < len && b < a + 80 && text[b] != '\n')
            b++;
        res->off[res->ngot] = a;
        snprintf(res->got[res->ngot++], 256, "finding \"%.*s\" %s",
                 (int)(b - a), text + a, verdict_word(f->verdict));
    }
    cc_timeline_free(tl);
    cc_doc_free(doc);
    cc_ctx_free(ctx);
    return 0;
}

/* Does the produced line match the expected one?  Deadlines exactly;
 * findings when the produced duration lies inside the expected words (the
 * first place the text has them) and the verdicts agree. */
static int
matches(const kase *k, const char *want, const char *got, size_t off)
{
    if (strncmp(want, "finding \"", 9) == 0 &&
        strncmp(got, "finding \"", 9) == 0) {
        const char *we = strrchr(want, '"'), *gv = strrchr(got, ' ');
        char words[256];
        const char *at;
        size_t n = we ? (size_t)(we - (want + 9)) : 0;
        if (!we || !gv || n == 0 || n >= sizeof words)
            return 0;
        memcpy(words, want + 9, n);
        words[n] = '\0';
        at = strstr(k->text, words);
        return at && off >= (size_t)(at - k->text) &&
               off < (size_t)(at - k->text) + n && strcmp(we + 2, gv + 1) == 0;
    }
    return strcmp(want, got) == 0;
}

static int
load(const char *path, kase **out, size_t *n)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int lineno = 0, in_text = 0;
    kase *ks = NULL;
    size_t nk = 0;

    if (!f) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        lineno++;
        if (strncmp(line, "=== ", 4) == 0) {
            kase *k;
            ks = realloc(ks, (nk + 1) * sizeof *ks);
            if (!ks)
                return -1;
            k = &ks[nk++];
            memset(k, 0, sizeof *k);
            normalise(line + 4, k->name, sizeof k->name);
            k->line = lineno;
            in_text = 1;
            append(k, "");
            continue;
        }
        if (!nk)
            continue;
        if (in_text) {
            if (strcmp(line, "---\n") == 0 || strcmp(line, "---") == 0)
                in_text = 0;
            else
                append(&ks[nk - 1], line);
            continue;
        }
        {
            kase *k = &ks[nk - 1];
            char norm[256];
            normalise(line, norm, sizeof norm);
            if (!norm[0])
                continue;
            if (strncmp(norm, "today ", 6) == 0) {
                snprintf(k->today, sizeof k->today, "%s", norm + 6);
                continue;
            }
            if (k->nwant < MAXLINES) {
                snprintf(k->want[k->nwant].text, 256, "%s", norm);
                k->want[k->nwant++].line = lineno;
            }
        }
    }
    fclose(f);
    *out = ks;
    *n = nk;
    return 0;
}

/* Compares one case; prints the diff when it fails.  Counts matched,
 * missing and extra lines into tally[3] (deadlines only when `deadlines`). */
static int
compare(const char *path, kase *k, result *res, int quiet, int tally[6])
{
    int ok = 1;
    int used[MAXLINES] = {0};

    for (size_t w = 0; w < k->nwant; w++) {
        int found = 0, isd = strncmp(k->want[w].text, "deadline", 8) == 0;
        for (size_t g = 0; g < res->ngot && !found; g++)
            if (!used[g] &&
                matches(k, k->want[w].text, res->got[g], res->off[g]))
                used[g] = found = 1;
        if (found) {
            tally[isd ? 0 : 3]++;
            continue;
        }
        tally[isd ? 1 : 4]++;
        if (!quiet)
            printf("%s:%d: %s: missing: %s\n", path, k->want[w].line, k->name,
                   k->want[w].text);
        ok = 0;
    }
    for (size_t g = 0; g < res->ngot; g++) {
        int isd = strncmp(res->got[g], "deadline", 8) == 0;
        if (used[g])
            continue;
        tally[isd ? 2 : 5]++;
        if (!quiet)
            printf("%s:%d: %s: unexpected: %s\n", path, k->line, k->name,
                   res->got[g]);
        ok = 0;
    }
    return ok;
}

/* Rule-level scores for --score: rule matched, then due, then status. */
static void
score_rules(kase *k, result *res, int s[5])
{
    int used[MAXLINES] = {0};

    for (size_t w = 0; w < k->nwant; w++) {
        char rule[96], due[40], status[16];
        if (sscanf(k->want[w].text, "deadline %95s due %39s status %15s", rule,
                   due, status) != 3)
            continue;
        s[0]++; /* expected */
        for (size_t g = 0; g < res->ngot; g++) {
            char r2[96], d2[40], s2[16];
            if (used[g] ||
                sscanf(res->got[g], "deadline %95s due %39s status %15s", r2,
                       d2, s2) != 3 ||
                strcmp(rule, r2) != 0)
                continue;
            used[g] = 1;
            s[1]++; /* found */
            s[2] += strcmp(due, d2) == 0;
            s[3] += strcmp(due, d2) == 0 && strcmp(status, s2) == 0;
            break;
        }
    }
    for (size_t g = 0; g < res->ngot; g++)
        s[4] += strncmp(res->got[g], "deadline", 8) == 0;
}

/* Is `name` listed in the open list (one name a line, '#' comments)? */
static int
is_open(const char *list, const char *name)
{
    FILE *f;
    char line[512];
    int found = 0;

    if (!list || !(f = fopen(list, "r")))
        return 0;
    while (!found && fgets(line, sizeof line, f)) {
        char norm[256], *sp;
        normalise(line, norm, sizeof norm);
        if ((sp = strchr(norm, ' ')) != NULL)
            *sp = '\0';
        found = norm[0] && strcmp(norm, name) == 0;
    }
    fclose(f);
    return found;
}

/* The family of a case: its name up to the first '-', or the first two
 * words for the families named in two ("adult-complaint-..."). */
static void
family_of(const char *name, char *out, size_t size)
{
    const char *dash = strchr(name, '-');
    size_t n = dash ? (size_t)(dash - name) : strlen(name);
    if (dash && strncmp(dash + 1, "complaint-", 10) == 0)
        n += 10;
    snprintf(out, size, "%.*s", (int)n, name);
}

/* "deadline RULE due ... status S" -> RULE and S, or 0. */
static int
deadline_fields(const char *line, char *rule, char *status, size_t size)
{
    const char *st;
    if (sscanf(line, "deadline %255s", rule) != 1 || size < 256)
        return 0;
    st = strstr(line, " status ");
    if (!st || sscanf(st, " status %255s", status) != 1)
        return 0;
    return 1;
}

static int
coverage(const char *list, const char *path)
{
    kase *ks = NULL;
    size_t nk = 0, nopen = 0;
    char fam[64][64];
    int nfam = 0, famn[64] = {0};
    cc_ctx *ctx = NULL;
    cc_error err = {0};

    if (load(path, &ks, &nk) != 0 || cc_ctx_new(&ctx, &err) != CC_OK)
        return 5;
    for (size_t i = 0; i < nk; i++) {
        char f[64];
        int j;
        nopen += is_open(list, ks[i].name);
        family_of(ks[i].name, f, sizeof f);
        for (j = 0; j < nfam && strcmp(fam[j], f) != 0; j++)
            ;
        if (j == nfam && nfam < 64)
            snprintf(fam[nfam++], sizeof fam[0], "%s", f);
        if (j < 64)
            famn[j]++;
    }
    printf("## Test cases\n\n"
           "tests/data/checks.test holds %zu cases, each a short "
           "decision-like text with every deadline and statement of delay "
           "it engages counted by hand; %zu of them are open (listed in "
           "tests/data/checks.open with the reading each waits for).\n\n"
           "| family | cases |\n|---|---|\n",
           nk, nopen);
    for (int j = 0; j < nfam; j++)
        printf("| %s | %d |\n", fam[j], famn[j]);
    printf("\nExpected deadlines per rule (a case may expect a rule more "
           "than once):\n\n| rule | met | missed | unknown | pending or "
           "overdue |\n|---|---|---|---|---|\n");
    for (size_t r = 0; r < cc_ctx_rule_count(ctx); r++) {
        const char *id = cc_ctx_rule(ctx, r)->id;
        int met = 0, missed = 0, unknown = 0, pending = 0;
        for (size_t i = 0; i < nk; i++)
            for (size_t w = 0; w < ks[i].nwant; w++) {
                char rule[256], st[256];
                if (!deadline_fields(ks[i].want[w].text, rule, st, 256) ||
                    strcmp(rule, id) != 0)
                    continue;
                met += strcmp(st, "met") == 0;
                missed += strcmp(st, "missed") == 0;
                unknown += strcmp(st, "unknown") == 0;
                pending +=
                    strcmp(st, "pending") == 0 || strcmp(st, "overdue") == 0;
            }
        printf("| `%s` | %d | %d | %d | %d |\n", id, met, missed, unknown,
               pending);
    }
    for (size_t i = 0; i < nk; i++)
        free(ks[i].text);
    free(ks);
    cc_ctx_free(ctx);
    return 0;
}

int
main(int argc, char **argv)
{
    int score = argc > 1 && strcmp(argv[1], "--score") == 0;
    int passed = 0, failed = 0, open = 0, tally[6] = {0}, s[5] = {0};
    const char *list = NULL;
    int first = 1 + score;

    if (argc == 4 && strcmp(argv[1], "--coverage") == 0)
        return coverage(argv[2], argv[3]);

    if (argc > 2 && strcmp(argv[1], "--open") == 0) {
        list = argv[2];
        first = 3;
    }
    for (int a = first; a < argc; a++) {
        kase *ks = NULL;
        size_t nk = 0;
        char path[1024];
        if (score) {
            /* DIR: input.txt and expected-deadlines.txt make one case */
            FILE *in;
            kase *k;
            char buf[4096];
            snprintf(path, sizeof path, "%s/expected-deadlines.txt", argv[a]);
            ks = calloc(1, sizeof *ks);
            k = ks;
            nk = 1;
            snprintf(k->name, sizeof k->name, "%s", argv[a]);
            append(k, "");
            snprintf(buf, sizeof buf, "%s/input.txt", argv[a]);
            if (!(in = fopen(buf, "r"))) {
                perror(buf);
                return 5;
            }
            while (fgets(buf, sizeof buf, in))
                append(k, buf);
            fclose(in);
            if (!(in = fopen(path, "r"))) {
                perror(path);
                return 5;
            }
            for (int ln = 1; fgets(buf, sizeof buf, in); ln++) {
                char norm[256];
                normalise(buf, norm, sizeof norm);
                if (norm[0] && k->nwant < MAXLINES) {
                    snprintf(k->want[k->nwant].text, 256, "%s", norm);
                    k->want[k->nwant++].line = ln;
                }
            }
            fclose(in);
        } else {
            snprintf(path, sizeof path, "%s", argv[a]);
            if (load(path, &ks, &nk) != 0)
                return 5;
        }
        for (size_t i = 0; i < nk; i++) {
            result res;
            if (run_case(&ks[i], &res) != 0) {
                printf("%s:%d: %s: the case could not be read\n", path,
                       ks[i].line, ks[i].name);
                failed++;
                continue;
            }
            if (is_open(list, ks[i].name)) {
                printf("open: %s (tests/data/checks.open)\n", ks[i].name);
                if (compare(path, &ks[i], &res, 0, tally)) {
                    printf("%s:%d: %s passes now: remove it from %s\n", path,
                           ks[i].line, ks[i].name, list);
                    failed++;
                } else {
                    open++;
                }
            } else if (compare(path, &ks[i], &res, 0, tally)) {
                passed++;
            } else {
                failed++;
            }
            if (score)
                score_rules(&ks[i], &res, s);
            free(ks[i].text);
        }
        free(ks);
    }
    if (score) {
        printf("deadlines: expected %d, produced %d, rule found %d\n", s[0],
               s[4], s[1]);
        printf("precision %.3f  recall %.3f  due accuracy %.3f  status "
               "accuracy %.3f (of the found)\n",
               s[4] ? (double)s[1] / s[4] : 0, s[0] ? (double)s[1] / s[0] : 0,
               s[1] ? (double)s[2] / s[1] : 0, s[1] ? (double)s[3] / s[1] : 0);
        printf("exact lines: deadlines %d matched, %d missing, %d extra; "
               "findings %d matched, %d missing, %d extra\n",
               tally[0], tally[1], tally[2], tally[3], tally[4], tally[5]);
        return 0;
    }
    if (open)
        printf("%d open cases (still failing, as listed)\n", open);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
