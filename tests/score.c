/*
 * cc_score: scores the recogniser against gold annotations
 * (docs/annotation.md, "Gold files" and "Scoring").
 *
 * usage: cc_score [-v] [--root DIR] [--min-relaxed-f1 X] [--min-value-acc Y]
 *                 [--min-header Z] [--mentions FILE.jsonl] FILE.gold...
 *
 * Each gold file names its input ("# file: PATH", relative to --root, the
 * project root, by default the current directory).  For each file and in
 * total it prints mentions in gold and found, strict and relaxed precision,
 * recall and F1, value accuracy (type, value and mod equal, over relaxed
 * matches) and header fields right.  -v lists every miss.
 *
 * --mentions scores mentions found by something else: FILE is JSON Lines
 * in the shape `caseclock batch --command dates` writes, one object per
 * input with "path" (the gold file's PATH, or --root/PATH), "decision"
 * (the header fields, or null) and "mentions" (each with "offset" and
 * "length" in bytes, "type", "value" and, if any, "mod").  This is how
 * bench/compare.sh scores another date extractor beside caseclock.
 *
 * Exit status: 0, or 1 when a floor is not met, 2 for a usage error, 3
 * when a gold file or its input cannot be read or a gold text is not found.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"
#include "read_file.h"

typedef struct gold_mention {
    size_t offset, length;
    char type[16], value[48], mod[24];
    int line;
} gold_mention;

/* A mention found, by the recogniser or in a --mentions file. */
typedef struct sys_mention {
    size_t offset, length;
    char type[16], value[48], mod[24];
} sys_mention;

typedef struct counts {
    long gold, sys, strict, relaxed, value_ok, header_ok, header_n;
} counts;

static const char *const field_names[] = {"authority", "reference", "category",
                                          "outcome", "decision_date"};

static char *
dup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

/* First occurrence of needle in hay[from..len), or -1. */
static long
find(const char *hay, size_t len, size_t from, const char *needle, size_t nl)
{
    if (nl == 0 || nl > len)
        return -1;
    for (size_t i = from; i + nl <= len; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, nl) == 0)
            return (long)i;
    return -1;
}

/* Splits a line at tabs in place; returns the number of fields. */
static int
split_tabs(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            f[n++] = p + 1;
        }
    return n;
}

static double
ratio(long a, long b)
{
    return b ? (double)a / (double)b : 1.0;
}

static double
f1(double p, double r)
{
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static void
print_row(const char *name, const counts *c)
{
    double sp = ratio(c->strict, c->sys), sr = ratio(c->strict, c->gold);
    double rp = ratio(c->relaxed, c->sys), rr = ratio(c->relaxed, c->gold);
    printf("%-34s %4ld %4ld  %.3f %.3f %.3f  %.3f %.3f %.3f  %.3f  %ld/%ld\n",
           name, c->gold, c->sys, sp, sr, f1(sp, sr), rp, rr, f1(rp, rr),
           ratio(c->value_ok, c->relaxed), c->header_ok, c->header_n);
}

static void
show(const char *s, size_t off, size_t len)
{
    putchar('\'');
    for (size_t i = 0; i < len; i++)
        putchar(s[off + i] == '\n' || s[off + i] == '\r' ? ' ' : s[off + i]);
    putchar('\'');
}

static int
by_offset(const void *a, const void *b)
{
    const sys_mention *x = a, *y = b;

    return x->offset < y->offset ? -1 : x->offset > y->offset;
}

/* The --mentions record of the input `rel` (as the gold file names it) or
 * `input` (with --root in front); NULL when there is none. */
static json_t *
find_record(json_t *records, const char *rel, const char *input)
{
    size_t i;
    json_t *r;

    json_array_foreach(records, i, r)
    {
        const char *p = json_string_value(json_object_get(r, "path"));
        if (p && (strcmp(p, rel) == 0 || strcmp(p, input) == 0))
            return r;
    }
    return NULL;
}

/* The mentions and header fields of a --mentions record, in text order;
 * the fields are borrowed from it. */
static int
record_mentions(json_t *rec, sys_mention **out, size_t *n, const char **fields)
{
    json_t *ms = json_object_get(rec, "mentions"), *m;
    json_t *d = json_object_get(rec, "decision");
    size_t i;

    *n = 0;
    *out = calloc(json_array_size(ms) + 1, sizeof **out);
    if (!*out)
        return -1;
    json_array_foreach(ms, i, m)
    {
        sys_mention *s = &(*out)[(*n)++];
        const char *mod = json_string_value(json_object_get(m, "mod"));
        s->offset = (size_t)json_integer_value(json_object_get(m, "offset"));
        s->length = (size_t)json_integer_value(json_object_get(m, "length"));
        snprintf(s->type, sizeof s->type, "%s",
                 json_string_value(json_object_get(m, "type"))
                     ? json_string_value(json_object_get(m, "type"))
                     : "");
        snprintf(s->value, sizeof s->value, "%s",
                 json_string_value(json_object_get(m, "value"))
                     ? json_string_value(json_object_get(m, "value"))
                     : "");
        snprintf(s->mod, sizeof s->mod, "%s", mod ? mod : "");
    }
    qsort(*out, *n, sizeof **out, by_offset);
    for (int k = 0; k <= CC_FIELD_DECISION_DATE; k++)
        fields[k] = json_string_value(json_object_get(d, field_names[k]));
    return 0;
}

/* Scores one gold file; returns 0, or 3 when it cannot be read. */
static int
score_file(const char *gold_path, const char *root, const cc_ctx *ctx,
           json_t *records, int verbose, counts *c)
{
    size_t glen, tlen = 0;
    char *gold = cc_test_read_file(gold_path, &glen), *text = NULL;
    char input[4096] = "", rel[4096] = "";
    const char *sys_fields[CC_FIELD_DECISION_DATE + 1] = {0};
    sys_mention *sm = NULL;
    char *fields[CC_FIELD_DECISION_DATE + 1] = {0};
    gold_mention *gm = NULL;
    size_t ngm = 0, cap = 0, pos = 0;
    cc_doc *doc = NULL;
    cc_error err = {0};
    int rc = 0, lineno = 0;
    char *line, *next;

    memset(c, 0, sizeof *c);
    if (!gold) {
        fprintf(stderr, "cc_score: %s: cannot read\n", gold_path);
        return 3;
    }
    for (line = gold; line && *line; line = next) {
        char *f[6];
        int nf;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        if (strncmp(line, "# file:", 7) == 0) {
            const char *p = line + 7;
            while (*p == ' ')
                p++;
            snprintf(input, sizeof input, "%s/%s", root, p);
            snprintf(rel, sizeof rel, "%s", p);
            free(text);
            text = cc_test_read_file(input, &tlen);
            if (!text) {
                fprintf(stderr, "cc_score: %s:%d: cannot read %s\n", gold_path,
                        lineno, input);
                rc = 3;
                goto done;
            }
            continue;
        }
        if (line[0] == '#' || line[0] == '\0')
            continue;
        nf = split_tabs(line, f, 6);
        if (line[0] == '@') {
            if (strcmp(f[0], "@skip") == 0 && nf >= 2 && text) {
                long at = find(text, tlen, pos, f[1], strlen(f[1]));
                if (at < 0) {
                    fprintf(stderr, "cc_score: %s:%d: skip text not found\n",
                            gold_path, lineno);
                    rc = 3;
                    goto done;
                }
                pos = (size_t)at + strlen(f[1]);
                continue;
            }
            for (int k = 0; k <= CC_FIELD_DECISION_DATE; k++)
                if (nf >= 2 && strcmp(f[0] + 1, field_names[k]) == 0) {
                    free(fields[k]);
                    fields[k] = dup(f[1]);
                }
            continue;
        }
        if (!text || nf < 3) {
            fprintf(stderr, "cc_score: %s:%d: %s\n", gold_path, lineno,
                    text ? "expected text, TYPE and value" : "no '# file:'");
            rc = 3;
            goto done;
        }
        long at = find(text, tlen, pos, f[0], strlen(f[0]));
        if (at < 0) {
            fprintf(stderr, "cc_score: %s:%d: '%s' not found in %s\n",
                    gold_path, lineno, f[0], input);
            rc = 3;
            goto done;
        }
        if (ngm == cap) {
            cap = cap ? cap * 2 : 64;
            gold_mention *p = realloc(gm, cap * sizeof *p);
            if (!p) {
                rc = 3;
                goto done;
            }
            gm = p;
        }
        gold_mention *g = &gm[ngm++];
        memset(g, 0, sizeof *g);
        g->offset = (size_t)at;
        g->length = strlen(f[0]);
        g->line = lineno;
        snprintf(g->type, sizeof g->type, "%s", f[1]);
        snprintf(g->value, sizeof g->value, "%s", f[2]);
        snprintf(g->mod, sizeof g->mod, "%s", nf > 3 ? f[3] : "");
        pos = g->offset + g->length;
    }
    if (!text) {
        fprintf(stderr, "cc_score: %s: no '# file:' line\n", gold_path);
        rc = 3;
        goto done;
    }
    size_t ns = 0;
    if (records) {
        json_t *rec = find_record(records, rel, input);
        if (!rec) {
            fprintf(stderr, "cc_score: %s: no record for %s\n", gold_path, rel);
            rc = 3;
            goto done;
        }
        if (record_mentions(rec, &sm, &ns, sys_fields) != 0) {
            rc = 3;
            goto done;
        }
    } else {
        if (cc_doc_read(&doc, ctx, text, tlen, input, &err) != CC_OK) {
            fprintf(stderr, "cc_score: %s:%d:%d: %s\n", err.source, err.line,
                    err.column, err.message);
            rc = 3;
            goto done;
        }
        ns = cc_doc_mention_count(doc);
        sm = calloc(ns + 1, sizeof *sm);
        if (!sm) {
            rc = 3;
            goto done;
        }
        for (size_t j = 0; j < ns; j++) {
            const cc_mention *m = cc_doc_mention(doc, j);
            /* the gold counts bytes of the file as given */
            sm[j].offset = cc_doc_source_offset(doc, m->offset);
            sm[j].length =
                cc_doc_source_offset(doc, m->offset + m->length) - sm[j].offset;
            snprintf(sm[j].type, sizeof sm[j].type, "%s",
                     cc_mention_type_name(m->type));
            snprintf(sm[j].value, sizeof sm[j].value, "%s", m->value);
            snprintf(sm[j].mod, sizeof sm[j].mod, "%s", m->mod);
        }
        for (int k = 0; k <= CC_FIELD_DECISION_DATE; k++)
            sys_fields[k] = cc_doc_field(doc, (cc_field)k);
    }

    char *used = calloc(ns + 1, 1);
    if (!used) {
        rc = 3;
        goto done;
    }
    c->gold = (long)ngm;
    c->sys = (long)ns;
    /* Both lists are in text order: walk them together. */
    size_t j0 = 0;
    for (size_t i = 0; i < ngm; i++) {
        const gold_mention *g = &gm[i];
        const sys_mention *hit = NULL;
        size_t j;
        while (j0 < ns && sm[j0].offset + sm[j0].length <= g->offset)
            j0++;
        for (j = j0; j < ns; j++) {
            const sys_mention *m = &sm[j];
            if (m->offset >= g->offset + g->length)
                break;
            if (!used[j]) {
                hit = m;
                break;
            }
        }
        if (!hit) {
            if (verbose) {
                printf("  missed   %s:%d ", gold_path, g->line);
                show(text, g->offset, g->length);
                printf(" %s %s %s\n", g->type, g->value, g->mod);
            }
            continue;
        }
        used[j] = 1;
        c->relaxed++;
        if (hit->offset == g->offset && hit->length == g->length)
            c->strict++;
        else if (verbose) {
            printf("  span     %s:%d gold ", gold_path, g->line);
            show(text, g->offset, g->length);
            printf(" found ");
            if (hit->offset <= tlen && hit->length <= tlen - hit->offset)
                show(text, hit->offset, hit->length);
            putchar('\n');
        }
        if (strcmp(hit->type, g->type) == 0 &&
            strcmp(hit->value, g->value) == 0 && strcmp(hit->mod, g->mod) == 0)
            c->value_ok++;
        else if (verbose) {
            printf("  value    %s:%d ", gold_path, g->line);
            show(text, g->offset, g->length);
            printf(" gold %s %s %s, found %s %s %s\n", g->type, g->value,
                   g->mod, hit->type, hit->value, hit->mod);
        }
    }
    if (verbose)
        for (size_t j = 0; j < ns; j++)
            if (!used[j]) {
                const sys_mention *m = &sm[j];
                printf("  spurious %s @%zu ", gold_path, m->offset);
                if (m->offset <= tlen && m->length <= tlen - m->offset)
                    show(text, m->offset, m->length);
                printf(" %s %s %s\n", m->type, m->value, m->mod);
            }
    free(used);
    for (int k = 0; k <= CC_FIELD_DECISION_DATE; k++) {
        const char *got = sys_fields[k];
        if (!fields[k]) {
            if (got && verbose)
                printf("  header   %s: %s found '%s', gold has none\n",
                       gold_path, field_names[k], got);
            continue;
        }
        c->header_n++;
        if (got && strcmp(got, fields[k]) == 0)
            c->header_ok++;
        else if (verbose)
            printf("  header   %s: %s gold '%s', found '%s'\n", gold_path,
                   field_names[k], fields[k], got ? got : "(none)");
    }
done:
    for (int k = 0; k <= CC_FIELD_DECISION_DATE; k++)
        free(fields[k]);
    cc_doc_free(doc);
    free(sm);
    free(gm);
    free(text);
    free(gold);
    return rc;
}

/* Reads a --mentions file: one JSON object a line, into a new array. */
static int
load_records(const char *path, json_t **out)
{
    size_t len;
    char *data = cc_test_read_file(path, &len), *line, *next;
    json_t *arr = json_array();
    int lineno = 0;

    if (!data) {
        fprintf(stderr, "cc_score: %s: cannot read\n", path);
        json_decref(arr);
        return 3;
    }
    for (line = data; line && *line; line = next) {
        json_error_t jerr;
        json_t *rec;
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        lineno++;
        if (!*line)
            continue;
        rec = json_loads(line, 0, &jerr);
        if (!json_is_object(rec)) {
            fprintf(stderr, "cc_score: %s:%d: not a JSON object: %s\n", path,
                    lineno, jerr.text);
            json_decref(rec);
            json_decref(arr);
            free(data);
            return 3;
        }
        json_array_append_new(arr, rec);
    }
    free(data);
    json_decref(*out);
    *out = arr;
    return 0;
}

static int
floor_arg(int argc, char **argv, int *i, const char *name, double *out)
{
    if (strcmp(argv[*i], name) != 0)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "cc_score: %s needs a value\n", name);
        exit(2);
    }
    *out = strtod(argv[++*i], NULL);
    return 1;
}

int
main(int argc, char **argv)
{
    double min_f1 = -1, min_strict = -1, min_value = -1, min_header = -1;
    const char *root = ".";
    int verbose = 0, rc = 0, nfiles = 0;
    counts total = {0}, c;
    cc_ctx *ctx = NULL;
    json_t *records = NULL;
    cc_error err = {0};

    if (cc_ctx_new(&ctx, &err) != CC_OK) {
        fprintf(stderr, "cc_score: %s\n", err.message);
        return 3;
    }
    printf("%-34s %4s %4s  %-17s  %-17s  %-5s  %s\n", "file", "gold", "sys",
           "strict P/R/F1", "relaxed P/R/F1", "value", "header");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
            continue;
        }
        if (strcmp(argv[i], "--mentions") == 0 && i + 1 < argc) {
            if (load_records(argv[++i], &records) != 0) {
                cc_ctx_free(ctx);
                return 3;
            }
            continue;
        }
        if (strcmp(argv[i], "--root") == 0 && i + 1 < argc) {
            root = argv[++i];
            continue;
        }
        if (floor_arg(argc, argv, &i, "--min-relaxed-f1", &min_f1) ||
            floor_arg(argc, argv, &i, "--min-strict-f1", &min_strict) ||
            floor_arg(argc, argv, &i, "--min-value-acc", &min_value) ||
            floor_arg(argc, argv, &i, "--min-header", &min_header))
            continue;
        if (argv[i][0] == '-') {
            fprintf(stderr, "cc_score: unknown option '%s'\n", argv[i]);
            cc_ctx_free(ctx);
            return 2;
        }
        const char *base = strrchr(argv[i], '/');
        int st = score_file(argv[i], root, ctx, records, verbose, &c);
        if (st != 0) {
            rc = st;
            continue;
        }
        print_row(base ? base + 1 : argv[i], &c);
        total.gold += c.gold;
        total.sys += c.sys;
        total.strict += c.strict;
        total.relaxed += c.relaxed;
        total.value_ok += c.value_ok;
        total.header_ok += c.header_ok;
        total.header_n += c.header_n;
        nfiles++;
    }
    cc_ctx_free(ctx);
    json_decref(records);
    if (nfiles == 0 && rc == 0) {
        fprintf(stderr, "usage: cc_score [-v] [--root DIR] "
                        "[--min-relaxed-f1 X] [--min-strict-f1 S] "
                        "[--min-value-acc Y] "
                        "[--min-header Z] [--mentions FILE.jsonl] "
                        "FILE.gold...\n");
        return 2;
    }
    print_row("TOTAL", &total);
    {
        double rp = ratio(total.relaxed, total.sys);
        double rr = ratio(total.relaxed, total.gold);
        double f = f1(rp, rr), v = ratio(total.value_ok, total.relaxed);
        double h = ratio(total.header_ok, total.header_n);
        double sf =
            f1(ratio(total.strict, total.sys), ratio(total.strict, total.gold));
        if (min_strict >= 0 && sf < min_strict) {
            printf("FAIL: strict F1 %.3f is below %.3f\n", sf, min_strict);
            rc = rc ? rc : 1;
        }
        if (min_f1 >= 0 && f < min_f1) {
            printf("FAIL: relaxed F1 %.3f is below %.3f\n", f, min_f1);
            rc = rc ? rc : 1;
        }
        if (min_value >= 0 && v < min_value) {
            printf("FAIL: value accuracy %.3f is below %.3f\n", v, min_value);
            rc = rc ? rc : 1;
        }
        if (min_header >= 0 && h < min_header) {
            printf("FAIL: header %.3f is below %.3f\n", h, min_header);
            rc = rc ? rc : 1;
        }
    }
    return rc;
}
