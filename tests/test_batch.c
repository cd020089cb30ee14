/*
 * caseclock batch, run as a user runs it: over a directory made here of
 * the fixtures' decisions, a file that is not UTF-8, a name that does not
 * exist, files that are not *.txt and hidden ones.
 *
 *  - the output is the same bytes with --jobs 1, 2 and 4, one JSON object
 *    a line, in the order of the sorted walk;
 *  - each record is the single-file command's JSON with "path" first;
 *  - a bad input is {"path", "error", "exit"} and the others are unaffected;
 *    the exit status is the highest of the failed inputs';
 *  - paths on standard input (-) and in --from-list FILE give the same
 *    records as the same paths named as arguments;
 *  - -o writes the file whole, and a place that cannot be written is exit 6
 *    with nothing left behind;
 *  - stderr, not a terminal here, has a summary and the errors, no
 *    progress bar.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_run.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

/* The fixtures copied in, as <dir>/<name>.txt, and in what sorted order the
 * walk must give them. */
static const char *const CASES[] = {
    "seed-18-016-293",
    "seed-19-006-719",
    "synthetic-housing-crlf",
    "timeline-late-complaint-declined",
    "timeline-promises-and-delays",
};
#define NCASES (sizeof CASES / sizeof *CASES)

static char dir[] = "/tmp/caseclock-batch-XXXXXX";

static void
spit(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");

    cr_assert_not_null(fp, "cannot write %s", path);
    cr_assert(fwrite(data, 1, len, fp) == len);
    cr_assert(fclose(fp) == 0);
}

static void
path_in(char *buf, size_t size, const char *rel)
{
    snprintf(buf, size, "%s/%s", dir, rel);
}

/*
 * <dir>/a/<case>.txt for the first three cases, <dir>/b/<case>.txt for
 * the others; <dir>/a/bad.txt is Latin-1; <dir>/a/notes.json and
 * <dir>/a/.hidden.txt are not inputs of the walk.
 */
static void
setup(void)
{
    char path[512], src[512], sub[512];
    static const char latin1[] = "On 3 March 2019 Mrs X complained \xE9.\n";

    cr_assert_not_null(mkdtemp(dir));
    path_in(sub, sizeof sub, "a");
    cr_assert(mkdir(sub, 0755) == 0);
    path_in(sub, sizeof sub, "b");
    cr_assert(mkdir(sub, 0755) == 0);
    for (size_t i = 0; i < NCASES; i++) {
        size_t len;
        char *text;
        snprintf(src, sizeof src, "fixtures/%s/input.txt", CASES[i]);
        text = cli_test_read_file(src, &len);
        cr_assert_not_null(text, "cannot open %s", src);
        snprintf(path, sizeof path, "%s/%s/%s.txt", dir, i < 3 ? "a" : "b",
                 CASES[i]);
        spit(path, text, len);
        free(text);
    }
    path_in(path, sizeof path, "a/bad.txt");
    spit(path, latin1, strlen(latin1));
    path_in(path, sizeof path, "a/notes.json");
    spit(path, "{}\n", 3);
    path_in(path, sizeof path, "a/.hidden.txt");
    spit(path, "On 3 March 2019.\n", 17);
}

static void
remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;

    if (!d) {
        unlink(path);
        return;
    }
    while ((e = readdir(d)) != NULL) {
        char sub[1024];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
        remove_tree(sub);
    }
    closedir(d);
    rmdir(path);
}

static void
teardown(void)
{
    remove_tree(dir);
}

/* The records of a run: each line parsed; fails unless every line is one
 * JSON object. */
static size_t
records(const char *out, json_t **rec, size_t max)
{
    size_t n = 0;
    const char *p = out;

    while (*p) {
        const char *nl = strchr(p, '\n');
        json_error_t jerr;
        cr_assert_not_null(nl, "the last record has no newline: '%s'", p);
        cr_assert(n < max, "more than %zu records", max);
        rec[n] = json_loadb(p, (size_t)(nl - p), 0, &jerr);
        cr_assert_not_null(rec[n], "record %zu is not JSON: %s", n + 1,
                           jerr.text);
        cr_assert(rec[n]->type == JSON_OBJECT, "record %zu", n + 1);
        n++;
        p = nl + 1;
    }
    return n;
}

static void
free_records(json_t **rec, size_t n)
{
    for (size_t i = 0; i < n; i++)
        json_decref(rec[i]);
}

static const char *
str_of(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The paths the walk of <dir> gives, in order. */
static void
walk_order(char paths[][512], size_t *n)
{
    *n = 0;
    snprintf(paths[(*n)++], 512, "%s/a/bad.txt", dir);
    for (size_t i = 0; i < NCASES; i++)
        snprintf(paths[(*n)++], 512, "%s/%s/%s.txt", dir, i < 3 ? "a" : "b",
                 CASES[i]);
}

Test(batch, same_bytes_for_any_jobs, .init = setup, .fini = teardown)
{
    cli_result r1, r2, r4;
    char want[NCASES + 1][512];
    json_t *rec[16];
    size_t nwant, n;

    walk_order(want, &nwant);
    cli_run(&r1, A("batch", "--jobs", "1", dir), NULL);
    cli_run(&r2, A("batch", "--jobs", "2", dir), NULL);
    cli_run(&r4, A("batch", "--jobs=4", dir), NULL);
    cr_expect(eq(int, r1.status, 3), "one input is not UTF-8: %s", r1.err);
    cr_expect(eq(int, r2.status, 3));
    cr_expect(eq(int, r4.status, 3));
    cr_expect(eq(str, r2.out, r1.out), "--jobs 2 differs from --jobs 1");
    cr_expect(eq(str, r4.out, r1.out), "--jobs 4 differs from --jobs 1");
    n = records(r1.out, rec, 16);
    cr_assert(eq(sz, n, nwant), "%s", r1.out);
    for (size_t i = 0; i < n; i++)
        cr_expect(eq(str, (char *)str_of(rec[i], "path"), want[i]),
                  "record %zu", i + 1);
    /* "path" comes first in each line. */
    cr_expect(strncmp(r1.out, "{\"path\":", 8) == 0);
    /* Not a terminal: no progress bar, a summary. */
    cr_expect(strchr(r1.err, '\r') == NULL, "%s", r1.err);
    cr_expect(strstr(r1.err, "batch: 6 inputs") != NULL, "%s", r1.err);
    cr_expect(strstr(r1.err, "5 done, 1 failed (1 exit 3)") != NULL, "%s",
              r1.err);
    free_records(rec, n);
    cli_result_free(&r1);
    cli_result_free(&r2);
    cli_result_free(&r4);
}

/* Each record is what the single-file command prints, with its path. */
static void
same_as_single(const char *command, const char *const *extra)
{
    char path[512];
    const char *argv[12] = {"batch", "--command", command};
    size_t k = 3;
    cli_result b, s;
    json_t *rec[16], *single, *copy;
    json_error_t jerr;
    size_t n;

    for (size_t i = 0; extra[i]; i++)
        argv[k++] = extra[i];
    path_in(path, sizeof path, "b");
    argv[k++] = path;
    argv[k] = NULL;
    cli_run(&b, argv, NULL);
    cr_assert(eq(int, b.status, 0), "%s", b.err);
    n = records(b.out, rec, 16);
    cr_assert(eq(sz, n, 2));
    for (size_t i = 0; i < n; i++) {
        const char *file = str_of(rec[i], "path");
        const char *one[8] = {command, file, "--format", "json"};
        size_t m = 4;
        for (size_t e = 0; extra[e]; e++)
            one[m++] = extra[e];
        one[m] = NULL;
        cli_run(&s, one, NULL);
        cr_assert(eq(int, s.status, 0), "%s", s.err);
        single = json_loads(s.out, 0, &jerr);
        cr_assert_not_null(single);
        copy = json_copy(rec[i]);
        json_object_del(copy, "path");
        cr_expect(json_equal(copy, single),
                  "%s %s: the batch record differs from the command's JSON",
                  command, file);
        json_decref(copy);
        json_decref(single);
        cli_result_free(&s);
    }
    free_records(rec, n);
    cli_result_free(&b);
}

Test(batch, records_are_the_commands_json, .init = setup, .fini = teardown)
{
    same_as_single("dates", A(NULL));
    same_as_single("timeline", A("--today", "2024-06-01"));
    same_as_single("check", A(NULL));
}

Test(batch, bad_inputs_are_records, .init = setup, .fini = teardown)
{
    char good[512], bad[512], missing[512], sub[512], huge[512];
    cli_result r;
    json_t *rec[16];
    size_t n;

    path_in(good, sizeof good, "b/timeline-promises-and-delays.txt");
    path_in(bad, sizeof bad, "a/bad.txt");
    path_in(missing, sizeof missing, "a/missing.txt");
    path_in(sub, sizeof sub, "a/notes.json");
    cli_run(&r, A("batch", missing, good, bad, good), NULL);
    cr_expect(eq(int, r.status, 5), "the highest exit status: %s", r.err);
    n = records(r.out, rec, 16);
    cr_assert(eq(sz, n, 4));
    cr_expect(eq(str, (char *)str_of(rec[0], "path"), missing));
    cr_expect(
        eq(int, (int)json_integer_value(json_object_get(rec[0], "exit")), 5));
    cr_expect(strstr(str_of(rec[0], "error"), "No such file") != NULL);
    cr_expect(eq(ptr, json_object_get(rec[1], "error"), NULL));
    cr_expect(json_array_size(json_object_get(rec[1], "mentions")) > 0);
    cr_expect(
        eq(int, (int)json_integer_value(json_object_get(rec[2], "exit")), 3));
    cr_expect(strstr(str_of(rec[2], "error"), "UTF-8") != NULL, "%s",
              str_of(rec[2], "error"));
    cr_expect(json_equal(rec[1], rec[3]), "a bad input changed the next");
    /* The errors are on stderr too, each one line, then the summary. */
    cr_expect(strstr(r.err, "caseclock: ") == r.err, "%s", r.err);
    cr_expect(strstr(r.err, "2 failed (1 exit 3, 1 exit 5)") != NULL, "%s",
              r.err);
    free_records(rec, n);
    cli_result_free(&r);

    /* Named, a file that is not *.txt is an input; a directory is walked. */
    cli_run(&r, A("batch", sub), NULL);
    cr_expect(eq(int, r.status, 0), "%s", r.err);
    cli_result_free(&r);

    /* Over the input limit: exit 3, as for the single-file commands. */
    path_in(huge, sizeof huge, "b/timeline-promises-and-delays.txt");
    setenv("CASECLOCK_MAX_INPUT", "100", 1);
    cli_run(&r, A("batch", huge), NULL);
    unsetenv("CASECLOCK_MAX_INPUT");
    cr_expect(eq(int, r.status, 3), "%s", r.err);
    cr_expect(strstr(r.out, "input limit") != NULL, "%s", r.out);
    cli_result_free(&r);
}

Test(batch, paths_from_stdin_and_lists, .init = setup, .fini = teardown)
{
    char want[NCASES + 1][512], list[512], *input;
    size_t n, size = 0;
    cli_result args, in, fl, mixed;

    walk_order(want, &n);
    for (size_t i = 0; i < n; i++)
        size += strlen(want[i]) + 3;
    input = calloc(size + 1, 1);
    cr_assert_not_null(input);
    for (size_t i = 0; i < n; i++) {
        strcat(input, want[i]);
        /* CRLF and blank lines are allowed. */
        strcat(input, i % 2 ? "\r\n\n" : "\n");
    }
    path_in(list, sizeof list, "list");
    spit(list, input, strlen(input));

    cli_run(&args, A("batch", dir), NULL);
    cli_run(&in, A("batch", "-", "--jobs", "3"), input);
    cli_run(&fl, A("batch", "--from-list", list), NULL);
    cr_expect(eq(int, in.status, 3), "%s", in.err);
    cr_expect(eq(int, fl.status, 3), "%s", fl.err);
    cr_expect(eq(str, in.out, args.out), "paths on stdin");
    cr_expect(eq(str, fl.out, args.out), "paths in --from-list");
    /* Sources in the order given: a listed directory is walked too. */
    {
        char single[512];
        path_in(single, sizeof single, "b/timeline-promises-and-delays.txt");
        cli_run(&mixed, A("batch", single, "--from-list", "-"), dir);
        cr_expect(eq(int, mixed.status, 3), "%s", mixed.err);
        cr_expect(strncmp(mixed.out, "{\"path\":", 8) == 0);
        cr_expect(strstr(mixed.out, single) < strstr(mixed.out, "bad.txt"));
        cr_expect(eq(str, strchr(mixed.out, '\n') + 1, args.out));
        cli_result_free(&mixed);
    }
    free(input);
    cli_result_free(&args);
    cli_result_free(&in);
    cli_result_free(&fl);
}

Test(batch, usage_and_exit_codes, .init = setup, .fini = teardown)
{
    const struct {
        const char *const *argv;
        int status;
        const char *err;
    } cases[] = {
        {A("batch"), 2, "needs a PATH"},
        {A("batch", "--jobs", "0", "x"), 2, "--jobs"},
        {A("batch", "--jobs", "two", "x"), 2, "--jobs"},
        {A("batch", "--command", "add", "x"), 2, "--command"},
        {A("batch", "--today", "2024-01-01", "x"), 2, "--today"},
        {A("batch", "--command", "check", "--today", "2019-02-29", "x"), 2,
         "--today"},
        {A("batch", "--frobnicate", "x"), 2, "unknown option"},
        {A("batch", "--from-list", "/nonexistent/list"), 5,
         "/nonexistent/list"},
    };
    char good[512];
    cli_result r;

    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cli_run(&r, cases[i].argv, NULL);
        cr_expect(eq(int, r.status, cases[i].status), "case %zu: %s", i, r.err);
        cr_expect(strstr(r.err, cases[i].err) != NULL, "case %zu: %s", i,
                  r.err);
        cr_expect(eq(str, r.out, ""), "case %zu", i);
        cli_result_free(&r);
    }
    /* All good: 0. */
    path_in(good, sizeof good, "b");
    cli_run(&r, A("batch", "--command", "check", good), NULL);
    cr_expect(eq(int, r.status, 0), "%s", r.err);
    cr_expect(strstr(r.err, "2 done, 0 failed") != NULL, "%s", r.err);
    cli_result_free(&r);
    /* No inputs at all (an empty directory) is no failure. */
    path_in(good, sizeof good, "empty");
    cr_assert(mkdir(good, 0755) == 0);
    cli_run(&r, A("batch", good), NULL);
    cr_expect(eq(int, r.status, 0), "%s", r.err);
    cr_expect(eq(str, r.out, ""));
    cli_result_free(&r);
}

Test(batch, output_is_atomic, .init = setup, .fini = teardown)
{
    char out[512], bad[512], sub[512];
    cli_result r, plain;
    char *got;
    DIR *d;
    struct dirent *e;
    int left = 0;

    path_in(out, sizeof out, "out.jsonl");
    spit(out, "old\n", 4);
    path_in(sub, sizeof sub, "b");
    cli_run(&plain, A("batch", sub), NULL);
    cli_run(&r, A("batch", "-o", out, sub), NULL);
    cr_expect(eq(int, r.status, 0), "%s", r.err);
    cr_expect(eq(str, r.out, ""), "nothing on stdout with -o");
    got = cli_test_read_file(out, NULL);
    cr_assert_not_null(got, "cannot open %s", out);
    cr_expect(eq(str, got, plain.out));
    free(got);
    cli_result_free(&r);
    cli_result_free(&plain);
    /* An unwritable place: exit 6, and no temporary file stays. */
    path_in(bad, sizeof bad, "no/such/dir/out.jsonl");
    cli_run(&r, A("batch", "-o", bad, sub), NULL);
    cr_expect(eq(int, r.status, 6), "%s", r.err);
    cr_expect(strstr(r.err, "cannot write") != NULL, "%s", r.err);
    cli_result_free(&r);
    d = opendir(dir);
    cr_assert_not_null(d);
    while ((e = readdir(d)) != NULL)
        left += strstr(e->d_name, ".tmp") != NULL;
    closedir(d);
    cr_expect(eq(int, left, 0), "a temporary file was left in %s", dir);
}

/* More inputs than the ring has slots (16 a job): slots are reused, and
 * the order and the bytes still do not depend on --jobs. */
Test(batch, many_inputs_reuse_the_ring, .init = setup, .fini = teardown)
{
    char want[NCASES + 1][512], *input;
    size_t n, size = 0, lines = 0;
    cli_result r1, r3;
    const int reps = 40;

    walk_order(want, &n);
    for (size_t i = 0; i < n; i++)
        size += (strlen(want[i]) + 1) * (size_t)reps;
    input = calloc(size + 1, 1);
    cr_assert_not_null(input);
    for (int k = 0; k < reps; k++)
        for (size_t i = 0; i < n; i++) {
            strcat(input, want[(i + (size_t)k) % n]);
            strcat(input, "\n");
        }
    cli_run(&r1, A("batch", "--jobs", "1", "-"), input);
    cli_run(&r3, A("batch", "--jobs", "3", "-"), input);
    cr_expect(eq(int, r1.status, 3), "%s", r1.err);
    cr_expect(eq(str, r3.out, r1.out), "--jobs 3 differs from --jobs 1");
    for (const char *p = r1.out; (p = strchr(p, '\n')) != NULL; p++)
        lines++;
    cr_expect(eq(sz, lines, n * (size_t)reps));
    /* The k-th record is the k-th path given. */
    {
        const char *p = r1.out;
        for (size_t k = 0; k < n * (size_t)reps; k++) {
            char head[600];
            snprintf(head, sizeof head, "{\"path\":\"%s\"",
                     want[(k % n + k / n) % n]);
            cr_assert(strncmp(p, head, strlen(head)) == 0, "record %zu", k + 1);
            p = strchr(p, '\n') + 1;
        }
    }
    free(input);
    cli_result_free(&r1);
    cli_result_free(&r3);
}
