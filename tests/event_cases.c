/*
 * The chronology against hand-annotated events.
 *
 *   event_cases [--open LIST] FILE.test...
 *       every case of FILE.test must give exactly its expected events; a
 *       failing case prints FILE:LINE, what was expected and what came.
 *       The cases whose sentence starts a line of LIST are open: they
 *       print their difference and must still fail.
 *   event_cases --score [-v] DIR...
 *       each DIR holds input.txt and events.txt, every event of the text
 *       annotated by hand (line, date, kind, actor).  Prints, per kind of
 *       the annotation, the events annotated, those with the wrong kind,
 *       with the wrong actor, and those missed, then the events produced
 *       that the annotation does not have.  -v lists each error.
 *
 * The formats are described at the top of tests/data/events.test and in
 * docs/chronology.md ("Measuring the chronology").
 * Exit status: 0; 1 when a case fails (or an open case passes); 2 for a
 * usage error; 3 when a file cannot be read or a line not understood.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"
#include "read_file.h"

#define MAXEV 64

typedef struct want {
    char value[32], kind[48], actor[16];
    int inferred; /* -1: not stated */
} want;

/* One event in the form the files use. */
static void
event_form(const cc_event *e, want *out)
{
    snprintf(out->value, sizeof out->value, "%s%s%s", e->value,
             e->mod[0] ? " " : "", e->mod);
    snprintf(out->kind, sizeof out->kind, "%s", cc_event_kind_name(e->kind));
    snprintf(out->actor, sizeof out->actor, "%s", cc_actor_name(e->actor));
    out->inferred = e->inferred;
}

static void
trim(char *s)
{
    size_t n = strlen(s), a = 0;

    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
                     s[n - 1] == '\r'))
        s[--n] = '\0';
    while (s[a] == ' ' || s[a] == '\t')
        a++;
    memmove(s, s + a, n - a + 1);
}

/* "VALUE | KIND | ACTOR [| inferred]"; 0 when it does not parse. */
static int
parse_want(char *s, want *out)
{
    char *f[4] = {0};
    int n = 0;

    for (char *p = s; n < 4; n++) {
        char *bar = strchr(p, '|');
        f[n] = p;
        if (!bar) {
            n++;
            break;
        }
        *bar = '\0';
        p = bar + 1;
    }
    if (n < 3)
        return 0;
    for (int i = 0; i < n; i++)
        trim(f[i]);
    snprintf(out->value, sizeof out->value, "%s", f[0]);
    snprintf(out->kind, sizeof out->kind, "%s", f[1]);
    snprintf(out->actor, sizeof out->actor, "%s", f[2]);
    out->inferred = n == 4 ? strcmp(f[3], "inferred") == 0 : -1;
    return n == 3 || strcmp(f[3], "inferred") == 0 ||
           strcmp(f[3], "stated") == 0;
}

static int
same(const want *w, const want *g)
{
    return strcmp(w->value, g->value) == 0 && strcmp(w->kind, g->kind) == 0 &&
           strcmp(w->actor, g->actor) == 0 &&
           (w->inferred < 0 || w->inferred == g->inferred);
}

/* The events of a text, the decision of its header left out. */
static int
events_of(const char *text, size_t len, const char *name, want *got, int *lines,
          size_t *n)
{
    cc_ctx *ctx = NULL;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;
    cc_error err = {0};

    *n = 0;
    if (cc_ctx_new(&ctx, &err) != CC_OK ||
        cc_doc_read(&doc, ctx, text, len, name, &err) != CC_OK ||
        cc_timeline_new(&tl, ctx, doc, &err) != CC_OK) {
        fprintf(stderr, "%s: %s\n", name, err.message);
        cc_doc_free(doc);
        cc_ctx_free(ctx);
        return -1;
    }
    for (size_t i = 0; i < cc_timeline_event_count(tl) && *n < MAXEV; i++) {
        const cc_event *e = cc_timeline_event(tl, i);
        if (e->kind == CC_EVENT_DECISION && e->mention == (size_t)-1)
            continue;
        if (e->kind == CC_EVENT_DECISION &&
            (cc_doc_mention(doc, e->mention)->flags & CC_MENTION_HEADER))
            continue;
        event_form(e, &got[*n]);
        if (lines)
            lines[*n] = e->where.line;
        (*n)++;
    }
    cc_timeline_free(tl);
    cc_doc_free(doc);
    cc_ctx_free(ctx);
    return 0;
}

/* ---- the case file ---------------------------------------------------- */

typedef struct header {
    char authority[128], category[128], decision[64], section[64];
} header;

static char **open_list;
static size_t nopen;

static int
is_open(const char *sentence)
{
    for (size_t i = 0; i < nopen; i++)
        if (strcmp(open_list[i], sentence) == 0)
            return 1;
    return 0;
}

static int
load_open(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[2048];

    if (!f) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *hash = strstr(line, "  #");
        if (line[0] == '#')
            continue;
        if (hash)
            *hash = '\0';
        trim(line);
        if (!line[0])
            continue;
        open_list = realloc(open_list, (nopen + 1) * sizeof *open_list);
        if (!open_list || !(open_list[nopen] = malloc(strlen(line) + 1))) {
            perror("event_cases");
            exit(70);
        }
        memcpy(open_list[nopen], line, strlen(line) + 1);
        nopen++;
    }
    fclose(f);
    return 0;
}

static void
print_list(const char *label, const want *w, size_t n)
{
    printf("  %s:", label);
    if (n == 0)
        printf(" none");
    for (size_t i = 0; i < n; i++)
        printf("%s %s | %s | %s%s", i ? ";" : "", w[i].value, w[i].kind,
               w[i].actor, w[i].inferred == 1 ? " | inferred" : "");
    printf("\n");
}

/* One case: the sentence under the current header; 1 when it passes. */
static int
run_case(const char *path, int lineno, const header *h, const char *sentence,
         const want *w, size_t nw, int *failed)
{
    char *text, name[512];
    want got[MAXEV];
    size_t ng, used = 0, size;
    int ok, used_g[MAXEV] = {0}, r;

    size = strlen(h->authority) + strlen(h->category) + strlen(h->decision) +
           strlen(h->section) + strlen(sentence) + 64;
    if (!(text = malloc(size))) {
        perror("event_cases");
        exit(70);
    }
    if (h->authority[0])
        snprintf(text, size,
                 "%s\nCategory : %s\nDecision date : %s\n%s\n  1. %s\n",
                 h->authority, h->category, h->decision, h->section, sentence);
    else
        snprintf(text, size, "%s\n  1. %s\n", h->section, sentence);
    snprintf(name, sizeof name, "%s:%d", path, lineno);
    r = events_of(text, strlen(text), name, got, NULL, &ng);
    free(text);
    if (r != 0)
        return *failed = 1, 0;
    for (size_t i = 0; i < nw; i++)
        for (size_t j = 0; j < ng; j++)
            if (!used_g[j] && same(&w[i], &got[j])) {
                used_g[j] = 1;
                used++;
                break;
            }
    ok = used == nw && ng == nw;
    if (is_open(sentence)) {
        printf("%s:%d: open: %s\n", path, lineno, sentence);
        print_list("want", w, nw);
        print_list("got", got, ng);
        if (ok) {
            printf("%s:%d: open case passes: take it off the list\n", path,
                   lineno);
            *failed = 1;
        }
        return ok;
    }
    if (!ok) {
        printf("%s:%d: FAIL: %s\n", path, lineno, sentence);
        print_list("want", w, nw);
        print_list("got", got, ng);
        *failed = 1;
    }
    return ok;
}

static int
run_file(const char *path, int *failed, int *pass, int *total)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int lineno = 0;
    header h = {"Northby Council (23 001 234)",
                "Adult care services > Assessment and care plan", "14 Jun 2023",
                "What happened"};

    if (!f) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof line, f)) {
        char *arrow;
        want w[MAXEV];
        size_t nw = 0;

        lineno++;
        trim(line);
        if (!line[0] || line[0] == '#')
            continue;
        if (line[0] == '@') {
            char *sp = strchr(line, ' ');
            char *val = sp ? sp + 1 : line + strlen(line);
            if (sp)
                *sp = '\0';
            if (strcmp(line, "@authority") == 0)
                snprintf(h.authority, sizeof h.authority, "%s",
                         strcmp(val, "none") == 0 ? "" : val);
            else if (strcmp(line, "@category") == 0)
                snprintf(h.category, sizeof h.category, "%s", val);
            else if (strcmp(line, "@decision") == 0)
                snprintf(h.decision, sizeof h.decision, "%s", val);
            else if (strcmp(line, "@section") == 0)
                snprintf(h.section, sizeof h.section, "%s", val);
            else {
                fprintf(stderr, "%s:%d: unknown directive %s\n", path, lineno,
                        line);
                fclose(f);
                return -1;
            }
            continue;
        }
        arrow = strstr(line, " => ");
        if (!arrow) {
            fprintf(stderr, "%s:%d: a case needs \" => \"\n", path, lineno);
            fclose(f);
            return -1;
        }
        *arrow = '\0';
        arrow += 4;
        {
            char *hash = strstr(arrow, "  #");
            if (hash)
                *hash = '\0';
            trim(arrow);
        }
        if (strcmp(arrow, "none") != 0) {
            for (char *p = arrow; p && nw < MAXEV;) {
                char *semi = strchr(p, ';');
                if (semi)
                    *semi = '\0';
                if (!parse_want(p, &w[nw++])) {
                    fprintf(stderr,
                            "%s:%d: expected \"VALUE | KIND | ACTOR\"\n", path,
                            lineno);
                    fclose(f);
                    return -1;
                }
                p = semi ? semi + 1 : NULL;
            }
        }
        trim(line);
        (*total)++;
        *pass += run_case(path, lineno, &h, line, w, nw, failed);
    }
    fclose(f);
    return 0;
}

/* ---- scoring annotated fixtures --------------------------------------- */

typedef struct tally {
    char kind[48];
    int gold, kind_wrong, actor_wrong, missed, spurious;
} tally;

static tally tallies[64];
static size_t ntallies;

static tally *
tally_of(const char *kind)
{
    for (size_t i = 0; i < ntallies; i++)
        if (strcmp(tallies[i].kind, kind) == 0)
            return &tallies[i];
    if (ntallies == sizeof tallies / sizeof *tallies)
        return &tallies[ntallies - 1];
    snprintf(tallies[ntallies].kind, sizeof tallies[ntallies].kind, "%s", kind);
    return &tallies[ntallies++];
}

static int
score_dir(const char *dir, int verbose)
{
    char path[1024], line[1024];
    size_t len, ng, nw = 0;
    char *text;
    want got[MAXEV], w[MAXEV];
    int glines[MAXEV], wlines[MAXEV], used[MAXEV] = {0}, lineno = 0;
    FILE *f;

    snprintf(path, sizeof path, "%s/input.txt", dir);
    if (!(text = cc_test_read_file(path, &len))) {
        perror(path);
        return -1;
    }
    if (events_of(text, len, path, got, glines, &ng) != 0) {
        free(text);
        return -1;
    }
    free(text);
    snprintf(path, sizeof path, "%s/events.txt", dir);
    if (!(f = fopen(path, "r"))) {
        perror(path);
        return -1;
    }
    while (fgets(line, sizeof line, f) && nw < MAXEV) {
        char *hash = strchr(line, '#'), *bar;
        lineno++;
        if (hash)
            *hash = '\0';
        trim(line);
        if (!line[0])
            continue;
        /* "LINE VALUE | KIND | ACTOR" */
        wlines[nw] = (int)strtol(line, &bar, 10);
        if (bar == line || !parse_want(bar, &w[nw])) {
            fprintf(stderr, "%s:%d: expected \"LINE VALUE | KIND | ACTOR\"\n",
                    path, lineno);
            fclose(f);
            return -1;
        }
        nw++;
    }
    fclose(f);
    for (size_t i = 0; i < nw; i++) {
        tally *t = tally_of(w[i].kind);
        size_t j, best = (size_t)-1;
        t->gold++;
        /* the produced event on the same line with the same date */
        for (j = 0; j < ng; j++) {
            if (used[j] || glines[j] != wlines[i] ||
                strcmp(got[j].value, w[i].value) != 0)
                continue;
            if (best == (size_t)-1 || same(&w[i], &got[j]))
                best = j;
        }
        if (best == (size_t)-1) {
            t->missed++;
            if (verbose)
                printf("%s line %d: missed %s | %s | %s\n", dir, wlines[i],
                       w[i].value, w[i].kind, w[i].actor);
            continue;
        }
        used[best] = 1;
        if (strcmp(got[best].kind, w[i].kind) != 0) {
            t->kind_wrong++;
            if (verbose)
                printf("%s line %d: %s kind %s, not %s\n", dir, wlines[i],
                       w[i].value, got[best].kind, w[i].kind);
        }
        if (strcmp(got[best].actor, w[i].actor) != 0) {
            t->actor_wrong++;
            if (verbose)
                printf("%s line %d: %s (%s) actor %s, not %s\n", dir, wlines[i],
                       w[i].value, w[i].kind, got[best].actor, w[i].actor);
        }
    }
    for (size_t j = 0; j < ng; j++)
        if (!used[j]) {
            tally_of(got[j].kind)->spurious++;
            if (verbose)
                printf("%s line %d: not an event of the case: %s | %s | %s\n",
                       dir, glines[j], got[j].value, got[j].kind, got[j].actor);
        }
    return 0;
}

static int
score(int argc, char **argv, int verbose)
{
    tally sum = {"total", 0, 0, 0, 0, 0};

    for (int i = 0; i < argc; i++)
        if (score_dir(argv[i], verbose) != 0)
            return 3;
    printf("%-38s %5s %6s %6s %6s %9s\n", "kind", "gold", "kind", "actor",
           "missed", "not-event");
    for (size_t i = 0; i < ntallies; i++) {
        const tally *t = &tallies[i];
        printf("%-38s %5d %6d %6d %6d %9d\n", t->kind, t->gold, t->kind_wrong,
               t->actor_wrong, t->missed, t->spurious);
        sum.gold += t->gold;
        sum.kind_wrong += t->kind_wrong;
        sum.actor_wrong += t->actor_wrong;
        sum.missed += t->missed;
        sum.spurious += t->spurious;
    }
    printf("%-38s %5d %6d %6d %6d %9d\n", sum.kind, sum.gold, sum.kind_wrong,
           sum.actor_wrong, sum.missed, sum.spurious);
    return 0;
}

int
main(int argc, char **argv)
{
    int failed = 0, pass = 0, total = 0, i = 1;

    if (argc > 1 && strcmp(argv[1], "--score") == 0) {
        int verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
        return score(argc - 2 - verbose, argv + 2 + verbose, verbose);
    }
    if (argc > 2 && strcmp(argv[1], "--open") == 0) {
        if (load_open(argv[2]) != 0)
            return 3;
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: event_cases [--open LIST] FILE.test...\n"
                        "       event_cases --score [-v] DIR...\n");
        return 2;
    }
    for (; i < argc; i++)
        if (run_file(argv[i], &failed, &pass, &total) != 0)
            return 3;
    printf("%d of %d cases give exactly their events (%zu open)\n", pass, total,
           nopen);
    return failed;
}
