/*
 * Bad input, through the real command: every row of the matrix in
 * docs/errors.md, each with the exit status and the exact message it must
 * give.  Large and binary inputs are made here, in a temporary directory,
 * never committed.
 */
#define _GNU_SOURCE /* mkdtemp, nftw, setresuid */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "caseclock.h"
#include "cli_run.h"
#include "targets.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ------------------------------------------------------------------ */
/* A scratch directory and files in it                                 */

static char dir[64];
static char *scratch[256]; /* strings made by path_of() and fmt() */
static size_t nscratch;

static char *
keep(char *s)
{
    cr_assert_not_null(s);
    cr_assert(nscratch < sizeof scratch / sizeof *scratch);
    scratch[nscratch++] = s;
    return s;
}

static void
setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/caseclock-badinput-XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    chmod(path, 0700);
    return remove(path);
}

static void
teardown(void)
{
    nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
    while (nscratch > 0)
        free(scratch[--nscratch]);
}

/* The path of `name` in the scratch directory (freed by teardown). */
static const char *
path_of(const char *name)
{
    char *p;

    cr_assert(asprintf(&p, "%s/%s", dir, name) >= 0);
    return keep(p);
}

static const char *
write_file(const char *name, const void *data, size_t len)
{
    const char *p = path_of(name);
    FILE *fp = fopen(p, "wb");

    cr_assert_not_null(fp, "%s: %s", p, strerror(errno));
    cr_assert(eq(sz, fwrite(data, 1, len, fp), len));
    cr_assert(eq(int, fclose(fp), 0));
    return p;
}

static const char *
write_text(const char *name, const char *text)
{
    return write_file(name, text, strlen(text));
}

/* ------------------------------------------------------------------ */
/* Running the command                                                 */

enum { OUT_CAPTURE, OUT_CLOSED_PIPE, OUT_FULL };

typedef struct run {
    int status; /* exit code, or 128 + signal */
    char *out;  /* stdout (OUT_CAPTURE), NUL-terminated */
    size_t out_len;
    char *err; /* stderr, NUL-terminated */
    char shown[512];
} run;

typedef struct how {
    int out;        /* OUT_* */
    const char *in; /* file on stdin, or NULL for /dev/null */
    int as_nobody;  /* drop root to uid/gid 65534 first */
} how;

/* Runs $CASECLOCK with argv; stdout and stderr go to files, so nothing can
 * block however much is written. */
static void
run_how(run *r, const char *const *argv, how h)
{
    const char *bin = getenv("CASECLOCK");
    char out_path[128], err_path[128];
    size_t nargs = 0;
    const char **args;
    int status, pipefd[2] = {-1, -1};
    pid_t pid;

    cr_assert_not_null(bin, "CASECLOCK is not set (run through ctest)");
    snprintf(out_path, sizeof out_path, "%s/.stdout", dir);
    snprintf(err_path, sizeof err_path, "%s/.stderr", dir);
    memset(r, 0, sizeof *r);
    for (; argv[nargs]; nargs++) {
        strncat(r->shown, " ", sizeof r->shown - strlen(r->shown) - 1);
        strncat(r->shown, argv[nargs], sizeof r->shown - strlen(r->shown) - 1);
    }
    args = calloc(nargs + 2, sizeof *args);
    cr_assert_not_null(args);
    args[0] = bin;
    memcpy(args + 1, argv, nargs * sizeof *args);
    if (h.out == OUT_CLOSED_PIPE) {
        cr_assert(eq(int, pipe(pipefd), 0));
        close(pipefd[0]); /* nobody will ever read */
    }
    pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        int in = open(h.in ? h.in : "/dev/null", O_RDONLY);
        int out = h.out == OUT_CAPTURE
                      ? open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644)
                  : h.out == OUT_FULL ? open("/dev/full", O_WRONLY)
                                      : pipefd[1];
        int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0 || err < 0)
            _exit(125);
        dup2(in, 0);
        dup2(out, 1);
        dup2(err, 2);
        if (h.as_nobody && (setgroups(0, NULL) != 0 || setgid(65534) != 0 ||
                            setuid(65534) != 0))
            _exit(124);
        execv(bin, (char *const *)args);
        _exit(127);
    }
    if (pipefd[1] >= 0)
        close(pipefd[1]);
    free(args);
    cr_assert(eq(int, waitpid(pid, &status, 0), pid));
    r->status =
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r->out =
        h.out == OUT_CAPTURE ? cli_test_read_file(out_path, &r->out_len) : NULL;
    if (!r->out)
        r->out = strdup("");
    r->err = cli_test_read_file(err_path, NULL);
    cr_assert_not_null(r->err);
    unlink(out_path);
    unlink(err_path);
}

static void
run_cmd(run *r, const char *const *argv)
{
    run_how(r, argv, (how){0});
}

static void
run_free(run *r)
{
    free(r->out);
    free(r->err);
}

/* The run ended with `status` and stderr exactly `err` (NULL: empty). */
static void
expect_exact(const run *r, int status, const char *err)
{
    cr_expect(eq(int, r->status, status), "caseclock%s: exit %d, stderr: %s",
              r->shown, r->status, r->err);
    cr_expect(eq(str, r->err, (char *)(err ? err : "")), "caseclock%s",
              r->shown);
}

/* An error run: `status`, one line on stderr that starts with `prefix`. */
static void
expect_error(const run *r, int status, const char *prefix)
{
    size_t n = strlen(r->err);

    cr_expect(eq(int, r->status, status), "caseclock%s: exit %d, stderr: %s",
              r->shown, r->status, r->err);
    cr_expect(n > 0 && strchr(r->err, '\n') == r->err + n - 1,
              "caseclock%s: stderr is not one line: '%s'", r->shown, r->err);
    cr_expect(strncmp(r->err, prefix, strlen(prefix)) == 0,
              "caseclock%s: stderr '%s' does not start '%s'", r->shown, r->err,
              prefix);
    cr_expect(eq(str, r->out, ""), "caseclock%s: output on error: %s", r->shown,
              r->out);
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

/* A formatted string, freed by teardown. */
static char *
fmt(const char *f, ...)
{
    va_list ap;
    char *s;

    va_start(ap, f);
    cr_assert(vasprintf(&s, f, ap) >= 0);
    va_end(ap);
    return keep(s);
}

/* ------------------------------------------------------------------ */
/* What `dates` found                                                  */

typedef struct found {
    json_t *root;
    json_t *mentions;
} found;

/* Parses the JSON of a successful `dates` run and checks the promises of
 * every mention against the input bytes: inside the input, on UTF-8
 * boundaries, its text those bytes, in order, not overlapping. */
static void
parse_found(found *f, const run *r, const char *input, size_t len)
{
    json_error_t jerr;
    size_t i, end = 0;
    int is_array;
    json_t *m;

    f->root = json_loadb(r->out, r->out_len, 0, &jerr);
    cr_assert_not_null(f->root, "caseclock%s: not JSON (%s): %.200s", r->shown,
                       jerr.text, r->out);
    f->mentions = json_object_get(f->root, "mentions");
    is_array = json_is_array(f->mentions);
    cr_assert(is_array, "caseclock%s: no mentions array", r->shown);
    json_array_foreach(f->mentions, i, m)
    {
        size_t off = (size_t)json_integer_value(json_object_get(m, "offset"));
        size_t n = (size_t)json_integer_value(json_object_get(m, "length"));
        const char *text = json_string_value(json_object_get(m, "text"));

        cr_assert(off <= len && n <= len - off && n > 0,
                  "caseclock%s: mention %zu [%zu, +%zu) outside %zu bytes",
                  r->shown, i, off, n, len);
        int on_boundaries = (input[off] & 0xC0) != 0x80 &&
                            (off + n == len || (input[off + n] & 0xC0) != 0x80);
        cr_expect(on_boundaries,
                  "caseclock%s: mention %zu not on UTF-8 boundaries", r->shown,
                  i);
        cr_expect(text && strlen(text) == n &&
                      memcmp(text, input + off, n) == 0,
                  "caseclock%s: mention %zu text '%s' is not its bytes",
                  r->shown, i, text);
        cr_expect(off >= end,
                  "caseclock%s: mention %zu overlaps or is out "
                  "of order",
                  r->shown, i);
        end = off + n;
    }
}

static void
found_free(found *f)
{
    json_decref(f->root);
}

static size_t
found_count(const found *f)
{
    return json_array_size(f->mentions);
}

static const char *
found_str(const found *f, size_t i, const char *key)
{
    return json_string_value(
        json_object_get(json_array_get(f->mentions, i), key));
}

static size_t
found_offset(const found *f, size_t i)
{
    return (size_t)json_integer_value(
        json_object_get(json_array_get(f->mentions, i), "offset"));
}

/* Runs `dates FILE` on `input` and parses what it found (exit 0 expected). */
static void
dates_of(found *f, run *r, const char *name, const char *input, size_t len)
{
    const char *p = write_file(name, input, len);

    run_cmd(r, A("dates", p));
    cr_assert(eq(int, r->status, 0), "caseclock%s: %s", r->shown, r->err);
    cr_expect(eq(str, r->err, ""), "caseclock%s", r->shown);
    parse_found(f, r, input, len);
}

/* ------------------------------------------------------------------ */
/* Files that are not there, not files, or not readable                */

Test(badinput, missing_file, .init = setup, .fini = teardown)
{
    const char *p = path_of("missing.txt");
    run r;

    run_cmd(&r, A("dates", p));
    expect_exact(&r, 5, fmt("caseclock: %s: No such file or directory\n", p));
    run_free(&r);
    run_cmd(&r, A("timeline", p));
    expect_exact(&r, 5, fmt("caseclock: %s: No such file or directory\n", p));
    run_free(&r);
    run_cmd(&r, A("check", p, "--strict"));
    expect_exact(&r, 5, fmt("caseclock: %s: No such file or directory\n", p));
    run_free(&r);
    run_cmd(&r, A("add", "2019-04-10", "10wd", "--calendar",
                  path_of("missing.ics")));
    expect_exact(&r, 5,
                 fmt("caseclock: %s: No such file or directory\n",
                     path_of("missing.ics")));
    run_free(&r);
}

Test(badinput, directory, .init = setup, .fini = teardown)
{
    run r;

    run_cmd(&r, A("dates", dir));
    expect_exact(&r, 5,
                 fmt("caseclock: %s: is a directory, not a file\n", dir));
    run_free(&r);
    run_cmd(&r, A("timeline", dir));
    expect_exact(&r, 5,
                 fmt("caseclock: %s: is a directory, not a file\n", dir));
    run_free(&r);
    /* A directory named like a calendar file. */
    cr_assert(eq(int, mkdir(path_of("closures.ics"), 0755), 0));
    run_cmd(&r, A("add", "2019-04-10", "10wd", "--calendar",
                  path_of("closures.ics")));
    expect_exact(&r, 5,
                 fmt("caseclock: %s: is a directory, not a file\n",
                     path_of("closures.ics")));
    run_free(&r);
}

/*
 * Permissions do not stop root, so as root the command is run as the user
 * nobody (uid 65534) for this row; if even that cannot be done the row is
 * skipped, saying so, rather than passing for the wrong reason.
 */
Test(badinput, unreadable_file, .init = setup, .fini = teardown)
{
    const char *p = write_text("secret.txt", "On 3 March 2019 x.\n");
    int root = geteuid() == 0;
    run r;

    cr_assert(eq(int, chmod(p, 0), 0));
    /* nobody must be able to reach the file and the binary. */
    chmod(dir, 0755);
    run_how(&r, A("dates", p), (how){.as_nobody = root});
    if (root && r.status == 124) {
        run_free(&r);
        cr_skip_test("running as root without the right to become nobody: "
                     "cannot make a file unreadable");
    }
    if (root && r.status == 127) {
        run_free(&r);
        cr_skip_test("running as root: user nobody cannot execute "
                     "$CASECLOCK here");
    }
    expect_exact(&r, 5, fmt("caseclock: %s: Permission denied\n", p));
    run_free(&r);
}

/* A file that opens but fails to read, whoever runs it: a process's own
 * memory at address 0 (Linux).  The read error is exit 5, one line. */
Test(badinput, read_error, .init = setup, .fini = teardown)
{
    run r;

    if (access("/proc/self/mem", F_OK) != 0)
        cr_skip_test("no /proc/self/mem on this system");
    run_cmd(&r, A("dates", "/proc/self/mem"));
    expect_exact(&r, 5, "caseclock: /proc/self/mem: Input/output error\n");
    run_free(&r);
}

/* batch: a bad file among good ones is one JSON line with its error and
 * exit status, the others are read, and the run's status is the failure's. */
Test(badinput, batch_with_bad_files, .init = setup, .fini = teardown)
{
    const char *sub = path_of("decisions");
    const char *bad, *missing = path_of("decisions/missing.txt");
    run r;

    cr_assert(eq(int, mkdir(sub, 0755), 0));
    write_text("decisions/a.txt", "On 3 March 2019 Mrs X complained.\n");
    bad = write_text("decisions/b.txt", "On 3 March 2019 \xC0\xAF x\n");
    run_cmd(&r, A("batch", sub));
    cr_expect(eq(int, r.status, 3), "%s", r.err);
    cr_expect(strstr(r.out, "\"value\":\"2019-03-03\"") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, fmt("{\"path\":\"%s\",\"error\":\"%s:1:17: "
                                "invalid UTF-8: byte 0xC0 at offset 16\","
                                "\"exit\":3}\n",
                                bad, bad)) != NULL,
              "%s", r.out);
    cr_expect(strstr(r.err, fmt("caseclock: %s:1:17: invalid UTF-8: byte "
                                "0xC0 at offset 16\n",
                                bad)) != NULL,
              "%s", r.err);
    run_free(&r);
    run_cmd(&r, A("batch", missing));
    cr_expect(eq(int, r.status, 5), "%s", r.err);
    cr_expect(strstr(r.err, fmt("caseclock: %s: No such file or directory\n",
                                missing)) != NULL,
              "%s", r.err);
    run_free(&r);
}

/* Nothing to find is not an error: exit 0, no fields, no mentions. */
Test(badinput, empty_and_blank, .init = setup, .fini = teardown)
{
    static const char *const inputs[] = {"", "   \n\t\n\r\n\n",
                                         "\xC2\xA0\xC2\xA0\n"};
    static const char *const fields[] = {"authority", "reference", "category",
                                         "outcome", "decision_date"};

    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        json_t *decision;
        found f;
        run r;
        dates_of(&f, &r, "blank.txt", inputs[i], strlen(inputs[i]));
        cr_expect(eq(sz, found_count(&f), 0), "input %zu", i);
        decision = json_object_get(f.root, "decision");
        for (size_t k = 0; k < sizeof fields / sizeof *fields; k++) {
            int is_null = json_is_null(json_object_get(decision, fields[k]));
            cr_expect(is_null, "input %zu: %s is not null", i, fields[k]);
        }
        found_free(&f);
        run_free(&r);
    }
}

/* ------------------------------------------------------------------ */
/* Not text                                                            */

/* The first byte of a PNG (0x89) is not UTF-8. */
Test(badinput, image, .init = setup, .fini = teardown)
{
    static const unsigned char png[] = {
        0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0,    0,    0,
        13,   'I', 'H', 'D', 'R',  0,    0,    0,    1,    0,    0,
        0,    1,   8,   6,   0,    0,    0,    0x1F, 0x15, 0xC4, 0x89};
    const char *p = write_file("scan.png", png, sizeof png);
    run r;

    run_cmd(&r, A("dates", p));
    expect_exact(
        &r, 3,
        fmt("caseclock: %s:1:1: invalid UTF-8: byte 0x89 at offset 0\n", p));
    run_free(&r);
}

/* An ELF file (the command itself): refused with exit 3, one line naming
 * it, whichever of its bytes is met first. */
Test(badinput, elf, .init = setup, .fini = teardown)
{
    const char *bin = getenv("CASECLOCK");
    run r;

    cr_assert_not_null(bin);
    run_cmd(&r, A("dates", bin));
    expect_error(&r, 3, fmt("caseclock: %s:", bin));
    cr_expect(strstr(r.err, "invalid UTF-8") || strstr(r.err, "NUL byte"), "%s",
              r.err);
    run_free(&r);
    run_cmd(&r, A("add", "2019-04-10", "10wd", "--calendar", bin));
    expect_exact(&r, 3,
                 fmt("caseclock: %s:1:8: NUL byte at offset 7: not a text "
                     "file\n",
                     bin));
    run_free(&r);
}

/* Invalid UTF-8: exit 3, naming the file, the line and column of the first
 * bad byte, and its byte offset. */
static const struct {
    const char *why;
    const char *text;
    int line, column;
    size_t offset;
    unsigned byte;
    int cp1252; /* 1: it reads as Windows-1252, and the message says so */
} bad_utf8[] = {
    {"overlong '/' (C0 AF)", "On 3 March 2019 \xC0\xAF x\n", 1, 17, 16, 0xC0,
     0},
    {"overlong 3-byte NUL (E0 80 80)", "ab\ncd \xE0\x80\x80\n", 2, 4, 6, 0xE0,
     0},
    {"lone continuation byte (1252's euro sign)",
     "line one\nOn 3 March 2019 \x80 x", 2, 17, 25, 0x80, 1},
    {"truncated at the end", "On 3 March 2019 \xE2\x82", 1, 17, 16, 0xE2, 0},
    {"truncated before ASCII", "x \xE2\x82y\n", 1, 3, 2, 0xE2, 0},
    {"UTF-16 surrogate (ED A0 80)", "x\ny\nOn \xED\xA0\x80 x", 3, 4, 7, 0xED,
     0},
    {"above U+10FFFF (F4 90 80 80)", "\xF4\x90\x80\x80", 1, 1, 0, 0xF4, 0},
    {"F8: never in UTF-8", "caf\xC3\xA9 \xF8 x", 1, 6, 6, 0xF8, 0},
    {"CR-only lines count", "a\rb\rc\xFF", 3, 2, 5, 0xFF, 1},
    {"after a BOM, column 1 is after it", "\xEF\xBB\xBF\xFF", 1, 1, 3, 0xFF, 0},
    {"Latin-1 pound sign",
     "It cost \xA3"
     "450.\n",
     1, 9, 8, 0xA3, 1},
};

Test(badinput, invalid_utf8, .init = setup, .fini = teardown)
{
    for (size_t i = 0; i < sizeof bad_utf8 / sizeof *bad_utf8; i++) {
        const char *p = write_text("bad.txt", bad_utf8[i].text);
        run r;
        run_cmd(&r, A("dates", p));
        expect_exact(&r, 3,
                     fmt("caseclock: %s:%d:%d: invalid UTF-8: byte 0x%02X at "
                         "offset %zu%s\n",
                         p, bad_utf8[i].line, bad_utf8[i].column,
                         bad_utf8[i].byte, bad_utf8[i].offset,
                         bad_utf8[i].cp1252
                             ? "; it looks like Windows-1252: read it with "
                               "--encoding windows-1252"
                             : ""));
        cr_expect(eq(int, r.status, 3), "%s", bad_utf8[i].why);
        run_free(&r);
    }
}

/* The same through the library: the line, column and offset are in the
 * cc_error whatever the message says. */
Test(badinput, invalid_utf8_library)
{
    cc_ctx *ctx;

    cr_assert(eq(int, cc_ctx_new(&ctx, NULL), CC_OK));
    for (size_t i = 0; i < sizeof bad_utf8 / sizeof *bad_utf8; i++) {
        cc_doc *doc = (cc_doc *)1;
        cc_error err = {0};
        cr_expect(eq(int,
                     cc_doc_read(&doc, ctx, bad_utf8[i].text,
                                 strlen(bad_utf8[i].text), "bad.txt", &err),
                     CC_EINVAL),
                  "%s", bad_utf8[i].why);
        cr_expect(doc == NULL, "%s: *out not NULL on error", bad_utf8[i].why);
        cr_expect(eq(int, err.line, bad_utf8[i].line), "%s", bad_utf8[i].why);
        cr_expect(eq(int, err.column, bad_utf8[i].column), "%s",
                  bad_utf8[i].why);
        cr_expect(eq(sz, err.offset, bad_utf8[i].offset), "%s",
                  bad_utf8[i].why);
        cr_expect(eq(str, err.source, "bad.txt"));
    }
    cc_ctx_free(ctx);
}

/* UTF-16 (what some Windows tools save) is refused, at line 1 column 1,
 * rather than decoded: offsets must count the bytes of the file as it is.
 * (The message saying how to convert it: see badinput/text_checks.) */
Test(badinput, utf16_refused, .init = setup, .fini = teardown)
{
    static const unsigned char le[] = {0xFF, 0xFE, 'O', 0, 'n', 0, ' ', 0};
    static const unsigned char be[] = {0xFE, 0xFF, 0, 'O', 0, 'n', 0, ' '};
    const char *p;
    run r;

    p = write_file("le.txt", le, sizeof le);
    run_cmd(&r, A("dates", p));
    expect_error(&r, 3, fmt("caseclock: %s:1:1: ", p));
    run_free(&r);
    p = write_file("be.txt", be, sizeof be);
    run_cmd(&r, A("dates", p));
    expect_error(&r, 3, fmt("caseclock: %s:1:1: ", p));
    run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Encodings and line ends that are fine                               */

#define SAMPLE                                                                 \
    "Mrs X complained on 3 March 2019. The council replied on 10 April "       \
    "2019, within 10 working days."

/* With a UTF-8 BOM the mentions are the same, their offsets 3 bytes on:
 * offsets count the raw bytes, BOM included. */
Test(badinput, utf8_bom, .init = setup, .fini = teardown)
{
    static const char plain[] = SAMPLE "\n", bom[] = "\xEF\xBB\xBF" SAMPLE "\n";
    found a, b;
    run ra, rb;

    dates_of(&a, &ra, "plain.txt", plain, strlen(plain));
    dates_of(&b, &rb, "bom.txt", bom, strlen(bom));
    cr_assert(eq(sz, found_count(&a), 3), "%s", ra.out);
    cr_assert(eq(sz, found_count(&b), found_count(&a)));
    for (size_t i = 0; i < found_count(&a); i++) {
        cr_expect(eq(sz, found_offset(&b, i), found_offset(&a, i) + 3));
        cr_expect(eq(str, (char *)found_str(&b, i, "value"),
                     (char *)found_str(&a, i, "value")));
    }
    cr_expect(eq(str, (char *)found_str(&a, 0, "text"), "3 March 2019"));
    cr_expect(eq(sz, found_offset(&a, 0), 20));
    found_free(&a);
    found_free(&b);
    run_free(&ra);
    run_free(&rb);
}

/* LF, CRLF, CR alone and a mixture: the same mentions, at the offsets of
 * the bytes as they are in each file. */
Test(badinput, line_endings, .init = setup, .fini = teardown)
{
    static const char *const inputs[] = {
        "On 3 March 2019 Mrs X complained.\nOn 10 April 2019 the council "
        "replied.\nOn 1 May 2019 she came to us.\n",
        "On 3 March 2019 Mrs X complained.\r\nOn 10 April 2019 the council "
        "replied.\r\nOn 1 May 2019 she came to us.\r\n",
        "On 3 March 2019 Mrs X complained.\rOn 10 April 2019 the council "
        "replied.\rOn 1 May 2019 she came to us.\r",
        "On 3 March 2019 Mrs X complained.\r\nOn 10 April 2019 the council "
        "replied.\rOn 1 May 2019 she came to us.\n",
    };
    static const char *const values[] = {"2019-03-03", "2019-04-10",
                                         "2019-05-01"};

    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        found f;
        run r;
        dates_of(&f, &r, "lines.txt", inputs[i], strlen(inputs[i]));
        cr_assert(eq(sz, found_count(&f), 3), "input %zu: %s", i, r.out);
        for (size_t k = 0; k < 3; k++) {
            size_t want = (size_t)(strstr(inputs[i], k == 0   ? "3 March"
                                                     : k == 1 ? "10 April"
                                                              : "1 May") -
                                   inputs[i]);
            cr_expect(
                eq(str, (char *)found_str(&f, k, "value"), (char *)values[k]),
                "input %zu mention %zu", i, k);
            cr_expect(eq(sz, found_offset(&f, k), want), "input %zu", i);
        }
        found_free(&f);
        run_free(&r);
    }
}

/* Tabs and non-breaking spaces inside a date: one mention each. */
Test(badinput, tabs_and_nbsp, .init = setup, .fini = teardown)
{
    static const char text[] = "On 3\tMarch\t2019 Mrs X complained. On "
                               "10\xC2\xA0"
                               "April\xC2\xA0"
                               "2019 the "
                               "council replied.\n";
    found f;
    run r;

    dates_of(&f, &r, "spaces.txt", text, strlen(text));
    cr_assert(eq(sz, found_count(&f), 2), "%s", r.out);
    cr_expect(eq(str, (char *)found_str(&f, 0, "text"), "3\tMarch\t2019"));
    cr_expect(eq(str, (char *)found_str(&f, 0, "value"), "2019-03-03"));
    cr_expect(eq(str, (char *)found_str(&f, 1, "text"),
                 "10\xC2\xA0"
                 "April\xC2\xA0"
                 "2019"));
    cr_expect(eq(str, (char *)found_str(&f, 1, "value"), "2019-04-10"));
    found_free(&f);
    run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Size                                                                */

/* 10 MB on one line: processed whole, every mention found. */
Test(badinput, ten_megabyte_line, .init = setup, .fini = teardown)
{
    static const char unit[] = "On 3 March 2019 the council wrote; she "
                               "replied within 10 working days. ";
    size_t n = 10 * 1000 * 1000 / (sizeof unit - 1) + 1,
           len = n * (sizeof unit - 1);
    char *text = malloc(len + 1);
    found f;
    run r;

    cr_assert_not_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * (sizeof unit - 1), unit, sizeof unit - 1);
    text[len] = '\0';
    dates_of(&f, &r, "long-line.txt", text, len);
    cr_expect(eq(sz, found_count(&f), 2 * n), "%zu units", n);
    cr_expect(eq(str, (char *)found_str(&f, 2 * n - 2, "value"), "2019-03-03"));
    cr_expect(eq(str, (char *)found_str(&f, 2 * n - 1, "value"), "P10D"));
    found_free(&f);
    run_free(&r);
    free(text);
}

/* 200 MB (sparse: no disk used) is over the 64 MiB default limit and is
 * refused before it is read; CASECLOCK_MAX_INPUT moves the limit, and
 * stdin is held to it too. */
Test(badinput, input_limit, .init = setup, .fini = teardown)
{
    const char *big = path_of("big.txt");
    const char *small;
    char text[2048];
    int fd = open(big, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    run r;

    cr_assert(fd >= 0);
    cr_assert(eq(int, ftruncate(fd, 200L * 1000 * 1000), 0));
    close(fd);
    run_cmd(&r, A("dates", big));
    expect_exact(&r, 3,
                 fmt("caseclock: %s: 200000000 bytes is over the "
                     "67108864-byte input limit (set CASECLOCK_MAX_INPUT to "
                     "raise it)\n",
                     big));
    run_free(&r);

    memset(text, ' ', sizeof text);
    memcpy(text, "On 3 March 2019.", 16);
    small = write_file("2k.txt", text, sizeof text);
    setenv("CASECLOCK_MAX_INPUT", "1K", 1);
    run_cmd(&r, A("dates", small));
    expect_exact(&r, 3,
                 fmt("caseclock: %s: 2048 bytes is over the 1024-byte input "
                     "limit (set CASECLOCK_MAX_INPUT to raise it)\n",
                     small));
    run_free(&r);
    run_how(&r, A("dates", "-"), (how){.in = small});
    expect_exact(&r, 3,
                 "caseclock: <stdin>: over the 1024-byte input limit (set "
                 "CASECLOCK_MAX_INPUT to raise it)\n");
    run_free(&r);
    setenv("CASECLOCK_MAX_INPUT", "2048", 1);
    run_cmd(&r, A("dates", small));
    expect_exact(&r, 0, NULL);
    cr_expect(strstr(r.out, "\"value\": \"2019-03-03\"") != NULL);
    run_free(&r);
    setenv("CASECLOCK_MAX_INPUT", "lots", 1);
    run_cmd(&r, A("dates", small));
    expect_exact(&r, 2,
                 "caseclock: environment variable CASECLOCK_MAX_INPUT: "
                 "'lots' is not a size (bytes, or a number with K, M or G "
                 "after it) (see 'caseclock --help')\n");
    run_free(&r);
    unsetenv("CASECLOCK_MAX_INPUT");
}

/* ------------------------------------------------------------------ */
/* Adversarial text                                                    */

static char *
repeat(const char *unit, size_t n, const char *tail)
{
    size_t k = strlen(unit), t = strlen(tail);
    char *s = malloc(k * n + t + 1);

    cr_assert_not_null(s);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * k, unit, k);
    memcpy(s + k * n, tail, t + 1);
    return s;
}

/* Long runs of what the recogniser looks for: each reads to the end, and
 * what it finds keeps the promises above (its speed on them: bench/). */
Test(badinput, adversarial, .init = setup, .fini = teardown)
{
    static const struct {
        const char *unit;
        size_t n;
        const char *tail;
        long want; /* mentions, or -1 for "any" */
    } rows[] = {
        {"March ", 20000, "", -1},
        {"3 March ", 20000, "2019", -1},
        {"12 ", 50000, "", -1},
        {"1", 1000000, "", -1},
        {"within ", 50000, "10 days", 1},
        {"early ", 50000, "2019", 1},
        {"end of the ", 50000, "2019", 1},
        {"1 hour and ", 20000, "1 minute", -1},
        {"2019-03-03", 50000, "", -1},
        {"1/", 100000, "2019", -1},
        {"the following day ", 20000, "", -1},
        {"between ", 20000, "2013 and 2016", 2},
        {"(", 50000, "3 March 2019", 1},
        {"\xE2\x80\x99", 50000, "3 March 2019", 1},
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char *text = repeat(rows[i].unit, rows[i].n, rows[i].tail);
        found f;
        run r;

        /* It reads to the end and finds what is there; its speed on such
         * inputs is measured in bench/, not timed here. */
        dates_of(&f, &r, "adversarial.txt", text, strlen(text));
        if (rows[i].want >= 0)
            cr_expect(eq(sz, found_count(&f), (size_t)rows[i].want),
                      "'%s' x %zu", rows[i].unit, rows[i].n);
        found_free(&f);
        run_free(&r);
        free(text);
    }
}

/* Days that do not exist are never turned into days that do: no value is
 * an impossible date, and nothing rolls over into the next month. */
Test(badinput, impossible_dates, .init = setup, .fini = teardown)
{
    static const struct {
        const char *text;
        const char *never; /* a value that must not appear */
    } rows[] = {
        {"On 31 February 2019 the council wrote.", "2019-03-03"},
        {"On 29 February 2019 the council wrote.", "2019-03-01"},
        {"On 32 March 2019 the council wrote.", "2019-04-01"},
        {"On 0 March 2019 the council wrote.", "2019-02-28"},
        {"On 31/02/2019 the council wrote.", "2019-03-03"},
        {"On 2019-02-30 the council wrote.", "2019-03-02"},
        {"On 2019-13-01 the council wrote.", "2020-01-01"},
        {"On 31 April 2019 the council wrote.", "2019-05-01"},
        {"On 1 January 0 the council wrote.", "0000-01-01"},
        {"In the year 0000 the council wrote.", "0000"},
        {"On 1 January 99999 the council wrote.", "99999-01-01"},
        {"On 99999-01-01 the council wrote.", "99999-01-01"},
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        found f;
        run r;
        dates_of(&f, &r, "impossible.txt", rows[i].text, strlen(rows[i].text));
        for (size_t k = 0; k < found_count(&f); k++) {
            const char *v = found_str(&f, k, "value");
            const char *grain = found_str(&f, k, "grain");
            cr_expect(strcmp(v, rows[i].never) != 0, "'%s' gave %s",
                      rows[i].text, v);
            if (grain && strcmp(grain, "day") == 0 && v[0] != 'X') {
                cc_date d;
                char iso[11];
                snprintf(iso, sizeof iso, "%.10s", v);
                cr_expect(eq(int, cc_date_parse(&d, iso, NULL), CC_OK),
                          "'%s' gave the impossible day %s", rows[i].text, v);
            }
        }
        found_free(&f);
        run_free(&r);
    }
}

/* Dates outside the bank holiday data are still dates in a decision; only
 * counting working days across them is refused (exit 4), and arithmetic
 * past the years 1-9999 is an error (exit 3). */
Test(badinput, coverage, .init = setup, .fini = teardown)
{
    static const char text[] = "On 1 January 1999 and on 1 January 2045.\n";
    const struct {
        const char *const *argv;
        int status;
        const char *err;
    } rows[] = {
        {A("workdays", "1999-12-01", "2000-01-10"), 4,
         "caseclock: 1999-12-02 is outside the england-and-wales bank "
         "holiday data, which covers 2000-01-01 to 2030-12-31\n"},
        {A("workdays", "2030-12-01", "2031-01-10"), 4,
         "caseclock: 2031-01-10 is outside the england-and-wales bank "
         "holiday data, which covers 2000-01-01 to 2030-12-31\n"},
        {A("add", "2000-01-05", "-10wd"), 4,
         "caseclock: 10 working days before 2000-01-05 go before the start "
         "of the england-and-wales bank holiday data, which covers "
         "2000-01-01 to 2030-12-31\n"},
        {A("add", "2030-12-20", "10wd"), 4,
         "caseclock: 10 working days after 2030-12-20 go past the end of the "
         "england-and-wales bank holiday data, which covers 2000-01-01 to "
         "2030-12-31\n"},
        {A("add", "9999-12-31", "1d"), 3,
         "caseclock: date arithmetic goes outside years 1-9999\n"},
        {A("add", "0001-01-01", "-1d"), 3,
         "caseclock: date arithmetic goes outside years 1-9999\n"},
        {A("add", "2019-01-01", "99999m"), 3,
         "caseclock: date arithmetic goes outside years 1-9999\n"},
        {A("add", "2019-01-01", "100001d"), 3,
         "caseclock: invalid period '100001d': more than 100000\n"},
        {A("add", "0000-01-01", "1d"), 3,
         "caseclock: invalid date '0000-01-01': year 0 is outside 1-9999\n"},
        {A("add", "1 January 99999", "1d"), 3,
         "caseclock: invalid date '1 January 99999': year 99999 is outside "
         "1-9999\n"},
        {A("add", "31 February 2019", "1d"), 3,
         "caseclock: invalid date '31 February 2019': February 2019 has 28 "
         "days\n"},
    };
    found f;
    run r;

    dates_of(&f, &r, "coverage.txt", text, strlen(text));
    cr_assert(eq(sz, found_count(&f), 2), "%s", r.out);
    cr_expect(eq(str, (char *)found_str(&f, 0, "value"), "1999-01-01"));
    cr_expect(eq(str, (char *)found_str(&f, 1, "value"), "2045-01-01"));
    found_free(&f);
    run_free(&r);
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        run_cmd(&r, rows[i].argv);
        expect_exact(&r, rows[i].status, rows[i].err);
        run_free(&r);
    }
}

/* ------------------------------------------------------------------ */
/* Calendar files (--calendar FILE.ics)                                */

#define CRLF     "\r\n"
#define ICS_HEAD "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF
#define ICS_EVENT                                                              \
    "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190415" CRLF                     \
    "SUMMARY:Closure" CRLF "END:VEVENT" CRLF
#define ICS_TAIL "END:VCALENDAR" CRLF

Test(badinput, calendar_files, .init = setup, .fini = teardown)
{
    static const struct {
        const char *why;
        const char *text;
        size_t len; /* 0: strlen */
        int status;
        const char *err; /* after "caseclock: FILE" */
    } rows[] = {
        {"good: closure on Monday 15 April", ICS_HEAD ICS_EVENT ICS_TAIL, 0, 0,
         NULL},
        {"good: a UTF-8 BOM", "\xEF\xBB\xBF" ICS_HEAD ICS_EVENT ICS_TAIL, 0, 0,
         NULL},
        {"good: LF only",
         "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:"
         "20190415\nEND:VEVENT\nEND:VCALENDAR\n",
         0, 0, NULL},
        {"good: CR only",
         "BEGIN:VCALENDAR\rBEGIN:VEVENT\rDTSTART;VALUE=DATE:"
         "20190415\rEND:VEVENT\rEND:VCALENDAR\r",
         0, 0, NULL},
        {"bad line", ICS_HEAD "this is not a line" CRLF ICS_TAIL, 0, 3,
         ":3:5: content line 'THIS' has no ':' before its value\n"},
        {"missing END",
         ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190415" CRLF, 0, 3,
         ":4: missing END:VEVENT for the BEGIN on line 3\n"},
        {"END of the wrong thing",
         ICS_HEAD "BEGIN:VEVENT" CRLF "END:VCALENDAR" CRLF, 0, 3,
         ":4:1: END:VCALENDAR does not close BEGIN:VEVENT\n"},
        {"wrong value type",
         ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:2019-04-15" CRLF
                  "END:VEVENT" CRLF ICS_TAIL,
         0, 3, ":4:20: DTSTART value '2019-04-15' is not a date (YYYYMMDD)\n"},
        {"hour 25",
         ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART:20190415T250000" CRLF
                  "END:VEVENT" CRLF ICS_TAIL,
         0, 3,
         ":4:9: DTSTART value '20190415T250000' is not a date or "
         "date-time\n"},
        {"no such day",
         ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190230" CRLF
                  "END:VEVENT" CRLF ICS_TAIL,
         0, 3, ":3: DTSTART is not a valid date\n"},
        {"empty", "", 0, 3, ": no VCALENDAR in the file\n"},
        {"invalid UTF-8 in a summary",
         ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190415" CRLF
                  "SUMMARY:x\xFF" CRLF "END:VEVENT" CRLF ICS_TAIL,
         0, 3, ":5:10: invalid UTF-8: byte 0xFF at offset 82\n"},
        {"UTF-16 with BOM",
         "\xFF\xFE"
         "B\0E\0G\0I\0N\0",
         12, 3,
         ":1:1: UTF-16 text (byte order mark FF FE): convert it to UTF-8 "
         "first, e.g. with iconv -f UTF-16 -t UTF-8\n"},
        {"UTF-16BE with BOM", "\xFE\xFF\0B\0E\0G\0I\0N", 12, 3,
         ":1:1: UTF-16 text (byte order mark FE FF): convert it to UTF-8 "
         "first, e.g. with iconv -f UTF-16 -t UTF-8\n"},
        {"UTF-16 without BOM", "B\0E\0G\0I\0N\0", 10, 3,
         ":1:2: NUL byte at offset 1: not a text file\n"},
        {"RRULE",
         ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190415" CRLF
                  "RRULE:FREQ=WEEKLY" CRLF "END:VEVENT" CRLF ICS_TAIL,
         0, 3,
         ":3: recurring closure days (RRULE) are not supported: list each "
         "day as its own event\n"},
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        const char *p =
            write_file("closures.ics", rows[i].text,
                       rows[i].len ? rows[i].len : strlen(rows[i].text));
        run r;
        run_cmd(&r, A("add", "2019-04-10", "10wd", "--calendar", p));
        if (rows[i].status == 0) {
            expect_exact(&r, 0, NULL);
            /* 15 April off as well as Easter: 10 working days end 29 April. */
            cr_expect(eq(str, r.out, "2019-04-29\n"), "%s", rows[i].why);
        } else {
            expect_exact(&r, rows[i].status,
                         fmt("caseclock: %s%s", p, rows[i].err));
        }
        cr_expect(eq(int, r.status, rows[i].status), "%s", rows[i].why);
        run_free(&r);
        /* check and timeline read the same files the same way. */
        if (rows[i].status != 0) {
            run_cmd(&r, A("check", "fixtures/timeline-closure-days/input.txt",
                          "--calendar", p));
            expect_exact(&r, rows[i].status,
                         fmt("caseclock: %s%s", p, rows[i].err));
            run_free(&r);
        }
    }
}

/* A closure's name is printed back (--explain, JSON): invalid UTF-8 in it
 * used to drop the reason from the JSON without a word. */
Test(badinput, calendar_summary_in_json, .init = setup, .fini = teardown)
{
    static const char ics[] =
        ICS_HEAD "BEGIN:VEVENT" CRLF "DTSTART;VALUE=DATE:20190415" CRLF
                 "SUMMARY:Staff d\xC3\xA9j\xC3\xA0 "
                 "vu day" CRLF "END:VEVENT" CRLF ICS_TAIL;
    const char *p = write_text("closures.ics", ics);
    run r;

    run_cmd(&r, A("add", "2019-04-10", "10wd", "--calendar", p, "--format",
                  "json"));
    expect_exact(&r, 0, NULL);
    cr_expect(strstr(r.out,
                     "\"reason\": \"Staff d\xC3\xA9j\xC3\xA0 vu day\"") != NULL,
              "%s", r.out);
    run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Rules data (cc_ctx_load_rules: the command has no option for it)    */

#define RULE(fields)                                                           \
    "{\"rules\": [\n  {\"id\": \"t.one\", " fields "}\n],\n"                   \
    " \"calendars\": {\"wd.ew\": {\"division\": \"england-and-wales\"},\n"     \
    "   \"calendar\": {}}}\n"
#define GOOD_FIELDS                                                            \
    "\"title\": \"T\", \"source\": \"S\", \"trigger\": \"x\", "                \
    "\"period\": \"10wd\", \"counting\": \"after\", \"calendar\": "            \
    "\"wd.ew\", \"confidence\": \"C\""

Test(badinput, rules_data)
{
    static const struct {
        const char *why;
        const char *text;
        int line, column;
        const char *message;
    } rows[] = {
        {"JSON syntax", "{\"rules\": [\n  {\"id\": \"x\",,}\n]}", 2, 14,
         "string or '}' expected near ','"},
        {"truncated", "{\"rules\": [\n", 2, 0, "']' expected near end of file"},
        {"not the shape", "[1, 2]", 1, 0,
         "expected an object with 'rules' (an array) and 'calendars' (an "
         "object)"},
        {"missing field", RULE("\"title\": \"T\""), 2, 0,
         "rule 't.one': must be a string: 'source'"},
        {"bad period",
         RULE("\"title\": \"T\", \"source\": \"S\", "
              "\"trigger\": \"x\", \"period\": \"10 days\", "
              "\"counting\": \"after\", \"calendar\": "
              "\"wd.ew\", \"confidence\": \"C\""),
         2, 0,
         "rule 't.one': invalid period '10 days': unknown unit ' days' (use "
         "d, w, m, y or wd)"},
        {"unknown calendar",
         RULE("\"title\": \"T\", \"source\": \"S\", "
              "\"trigger\": \"x\", \"period\": \"10wd\", "
              "\"counting\": \"after\", \"calendar\": "
              "\"wd.xx\", \"confidence\": \"C\""),
         2, 0, "rule 't.one': unknown calendar 'wd.xx'"},
        {"working days without a division",
         RULE("\"title\": \"T\", \"source\": \"S\", \"trigger\": \"x\", "
              "\"period\": \"10wd\", \"counting\": \"after\", \"calendar\": "
              "\"calendar\", \"confidence\": \"C\""),
         2, 0,
         "rule 't.one': working days need a calendar with a division, not "
         "'calendar'"},
        {"unknown confidence",
         RULE("\"title\": \"T\", \"source\": \"S\", \"trigger\": \"x\", "
              "\"period\": \"10wd\", \"counting\": \"after\", \"calendar\": "
              "\"wd.ew\", \"confidence\": \"Z\""),
         2, 0, "rule 't.one': unknown confidence 'Z'"},
        {"engage names an unknown procedure",
         RULE(GOOD_FIELDS ", \"engage\": {\"check\": \"timescale\", "
                          "\"procedure\": \"nope\", \"trigger\": [\"a\"], "
                          "\"completion\": [\"b\"]}"),
         2, 0, "rule 't.one': unknown procedure 'nope'"},
        {"a procedure's unless names an unknown one",
         "{\"procedures\": [\n  {\"id\": \"p\", \"title\": \"P\", "
         "\"categories\": [], \"words\": [\"p\"], \"unless\": "
         "[\"q\"]}],\n \"rules\": [{\"id\": \"t.one\", " GOOD_FIELDS "}],\n"
         " \"calendars\": {\"wd.ew\": {\"division\": "
         "\"england-and-wales\"}, \"calendar\": {}}}\n",
         2, 0, "procedure 'p': unless names an unknown procedure: 'q'"},
        {"NUL inside", "{\"rules\": [\0]}", 1, 12,
         "invalid token near end of file"},
    };
    cc_ctx *ctx;

    cr_assert(eq(int, cc_ctx_new(&ctx, NULL), CC_OK));
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        size_t n =
            i == sizeof rows / sizeof *rows - 1 ? 14 : strlen(rows[i].text);
        size_t before = cc_ctx_rule_count(ctx);
        cc_error err = {0};
        cr_expect(
            eq(int, cc_ctx_load_rules(ctx, rows[i].text, n, "rules.json", &err),
               CC_EINVAL),
            "%s", rows[i].why);
        cr_expect(eq(str, err.source, "rules.json"), "%s", rows[i].why);
        cr_expect(eq(int, err.line, rows[i].line), "%s: %s", rows[i].why,
                  err.message);
        if (rows[i].column)
            cr_expect(eq(int, err.column, rows[i].column), "%s", rows[i].why);
        if (rows[i].message)
            cr_expect(eq(str, err.message, (char *)rows[i].message), "%s",
                      rows[i].why);
        cr_expect(eq(sz, cc_ctx_rule_count(ctx), before),
                  "%s: a failed load changed the rules", rows[i].why);
    }
    /* And a good one loads. */
    {
        static const char good[] = RULE(GOOD_FIELDS);
        cr_expect(eq(int, cc_ctx_load_rules(ctx, good, strlen(good), "r", NULL),
                     CC_OK));
        cr_expect(eq(sz, cc_ctx_rule_count(ctx), 1));
    }
    cc_ctx_free(ctx);
}

/* ------------------------------------------------------------------ */
/* Output                                                              */

/* Files in the scratch directory, apart from the run's own. */
static int
count_files(void)
{
    int n = 0;
    char cmd[600];
    FILE *p;
    char line[512];

    snprintf(cmd, sizeof cmd, "ls -A '%s'", dir);
    p = popen(cmd, "r");
    cr_assert_not_null(p);
    while (fgets(line, sizeof line, p))
        n += line[0] != '.';
    pclose(p);
    return n;
}

/* -o FILE: whole or not at all; the old file survives a failure; no
 * temporary file is left; the file gets the mode it had, or 0666 less the
 * umask when new. */
Test(badinput, output_file, .init = setup, .fini = teardown)
{
    const char *in = write_text("in.txt", "On 3 March 2019 Mrs X wrote.\n");
    const char *bad = write_text("bad.txt", "On 3 March 2019 \xFF\n");
    const char *out = path_of("out.json");
    struct stat sb;
    char *got;
    run r;

    umask(022);
    run_cmd(&r, A("dates", in, "-o", out));
    expect_exact(&r, 0, NULL);
    cr_expect(eq(str, r.out, ""));
    run_free(&r);
    cr_assert(eq(int, stat(out, &sb), 0));
    cr_expect(eq(int, (int)(sb.st_mode & 07777), 0644), "new file mode %o",
              (unsigned)(sb.st_mode & 07777));
    got = cli_test_read_file(out, NULL);
    cr_expect(strstr(got, "\"value\": \"2019-03-03\"") != NULL, "%s", got);
    free(got);
    cr_expect(eq(int, count_files(), 3), "a temporary file was left");

    /* Invalid input: exit 3, the old output untouched. */
    cr_assert(eq(int, chmod(out, 0640), 0));
    write_text("out.json", "old contents\n");
    run_cmd(&r, A("dates", bad, "--output", out));
    expect_error(&r, 3, fmt("caseclock: %s:1:17: invalid UTF-8", bad));
    run_free(&r);
    got = cli_test_read_file(out, NULL);
    cr_expect(eq(str, got, "old contents\n"), "clobbered");
    free(got);
    cr_expect(eq(int, count_files(), 3), "a temporary file was left");

    /* Success replaces it, keeping its mode. */
    run_cmd(&r, A("dates", in, "--format", "text", "-o", out));
    expect_exact(&r, 0, NULL);
    run_free(&r);
    cr_assert(eq(int, stat(out, &sb), 0));
    cr_expect(eq(int, (int)(sb.st_mode & 07777), 0640), "mode became %o",
              (unsigned)(sb.st_mode & 07777));
    got = cli_test_read_file(out, NULL);
    cr_expect(strstr(got, "2019-03-03") != NULL && !strstr(got, "old"), "%s",
              got);
    free(got);
    cr_expect(eq(int, count_files(), 3), "a temporary file was left");

    /* The same for a computed date. */
    run_cmd(&r, A("add", "2030-12-20", "10wd", "-o", out));
    cr_expect(eq(int, r.status, 4));
    run_free(&r);
    got = cli_test_read_file(out, NULL);
    cr_expect(strstr(got, "2019-03-03") != NULL, "clobbered by a failed add");
    free(got);
}

Test(badinput, output_unwritable, .init = setup, .fini = teardown)
{
    const char *in = write_text("in.txt", "On 3 March 2019 Mrs X wrote.\n");
    const char *nodir = path_of("no/such/dir/out.json");
    run r;

    run_cmd(&r, A("dates", in, "-o", nodir));
    expect_exact(&r, 6,
                 fmt("caseclock: %s: cannot write: No such file or "
                     "directory\n",
                     nodir));
    run_free(&r);
    run_cmd(&r, A("dates", in, "-o", dir));
    expect_exact(&r, 6,
                 fmt("caseclock: %s: cannot write: Is a directory\n", dir));
    run_free(&r);
    /* A device is written directly, and a full one is an error. */
    run_cmd(&r, A("dates", in, "-o", "/dev/full"));
    expect_exact(&r, 6,
                 "caseclock: /dev/full: cannot write: No space left on "
                 "device\n");
    run_free(&r);
    run_cmd(&r, A("dates", in, "-o", "/dev/null"));
    expect_exact(&r, 0, NULL);
    run_free(&r);
    run_how(&r, A("dates", in), (how){.out = OUT_FULL});
    expect_exact(&r, 6,
                 "caseclock: <stdout>: cannot write: No space left on "
                 "device\n");
    run_free(&r);
    run_how(&r, A("add", "2019-04-10", "10wd", "--explain"),
            (how){.out = OUT_FULL});
    expect_exact(&r, 6,
                 "caseclock: <stdout>: cannot write: No space left on "
                 "device\n");
    run_free(&r);
    run_how(&r, A("timeline", in, "--format", "ics"), (how){.out = OUT_FULL});
    expect_exact(&r, 6,
                 "caseclock: <stdout>: cannot write: No space left on "
                 "device\n");
    run_free(&r);
    run_how(&r, A("check", in), (how){.out = OUT_FULL});
    expect_exact(&r, 6,
                 "caseclock: <stdout>: cannot write: No space left on "
                 "device\n");
    run_free(&r);
    cr_expect(eq(int, count_files(), 1), "something was left behind");
}

/* A reader that has gone (`caseclock ... | head -1`): no message, no
 * signal, exit 0. */
Test(badinput, closed_stdout, .init = setup, .fini = teardown)
{
    char *text =
        repeat("On 3 March 2019 Mrs X wrote to the council. ", 5000, "\n");
    const char *in = write_text("in.txt", text);
    const char *const *const rows[] = {
        A("dates", in, "--format", "text"),
        A("add", "2019-04-10", "10wd", "--explain"),
        A("add", "2019-04-10", "10wd", "--format", "ics"),
        A("deadline", "--rule", "ca1989.complaints.stage1", "--from",
          "2024-03-20", "--explain"),
        A("--version"),
        A("check", in),
        A("check", in, "--format", "json"),
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        run r;
        run_how(&r, rows[i], (how){.out = OUT_CLOSED_PIPE});
        expect_exact(&r, 0, NULL);
        run_free(&r);
    }
    free(text);
}

/* ------------------------------------------------------------------ */
/* Options with bad values: exit 2, the message names the option       */

Test(badinput, option_values, .init = setup, .fini = teardown)
{
    const char *in = write_text("in.txt", "On 3 March 2019.\n");
    const struct {
        const char *const *argv;
        const char *err;
    } rows[] = {
        {A("dates", in, "--format", "xml"),
         "caseclock: option --format: unknown format 'xml' (use json, text)\n"},
        {A("dates", in, "--format=ics"),
         "caseclock: option --format: unknown format 'ics' (use json, text)\n"},
        {A("dates", in, "--format"),
         "caseclock: option --format needs a value (see 'caseclock --help')\n"},
        {A("dates", in, "-o"),
         "caseclock: option -o needs a value (see 'caseclock --help')\n"},
        {A("dates", in, "-o", ""),
         "caseclock: option -o: the file name is empty (see 'caseclock "
         "--help')\n"},
        {A("dates", in, "--output="),
         "caseclock: option -o: the file name is empty (see 'caseclock "
         "--help')\n"},
        {A("dates", in, "--frobnicate"),
         "caseclock: unknown option '--frobnicate' for 'dates' (see "
         "'caseclock --help')\n"},
        {A("dates"), "caseclock: 'dates' needs a FILE ('-' for stdin) (see "
                     "'caseclock --help')\n"},
        {A("add", "2019-04-10", "10wd", "--format", ""),
         "caseclock: option --format: unknown format '' (use text, json, "
         "ics)\n"},
        {A("add", "2019-04-10", "10wd", "--calendar", "wales"),
         "caseclock: option --calendar: unknown calendar 'wales': use "
         "england-and-wales, scotland, northern-ireland or a FILE.ics (see "
         "'caseclock --help')\n"},
        {A("add", "2019-04-10", "10wd", "--calendar="),
         "caseclock: option --calendar: unknown calendar '': use "
         "england-and-wales, scotland, northern-ireland or a FILE.ics (see "
         "'caseclock --help')\n"},
        {A("add", "2019-04-10", "10wd", "--counting", "before"),
         "caseclock: option --counting: unknown counting 'before' (use after "
         "or beginning_with) (see 'caseclock --help')\n"},
        {A("add", "2019-04-10", "10wd", "--counting"),
         "caseclock: option --counting needs a value (see 'caseclock "
         "--help')\n"},
        {A("add", "2019-04-10", "10wd", "-o", ""),
         "caseclock: option -o: the file name is empty (see 'caseclock "
         "--help')\n"},
        {A("add", "2019-04-10", "10wd", "--explain=yes"),
         "caseclock: unknown option '--explain=yes' for 'add' (see "
         "'caseclock --help')\n"},
        {A("deadline", "--rule", "--from", "2024-03-20"),
         "caseclock: deadline needs --rule ID and --from DATE (see "
         "'caseclock --help')\n"},
        {A("deadline", "--rule", "ca1989.complaints.stage1", "--from"),
         "caseclock: option --from needs a value (see 'caseclock --help')\n"},
        {A("workdays", "2019-01-01", "2019-02-01", "--format", "ics"),
         "caseclock: option --format: unknown format 'ics' (use text, "
         "json)\n"},
        {A("workdays", "2019-01-01", "2019-02-01", "--calendar", "wales"),
         "caseclock: option --calendar: unknown calendar 'wales': use "
         "england-and-wales, scotland, northern-ireland or a FILE.ics (see "
         "'caseclock --help')\n"},
        {A("check", in, "--calendar", "scotland"),
         "caseclock: option --calendar: 'scotland' is not a FILE.ics: "
         "'check' takes closure days only, since each rule counts the "
         "working days of its own division (see 'caseclock --help')\n"},
        {A("rules", "--format", "csv"),
         "caseclock: option --format: unknown format 'csv' (use text, "
         "json, markdown)\n"},
        {A("calendars", "--format"),
         "caseclock: option --format needs a value (see 'caseclock --help')\n"},
        {A("timeline", in, "--format", "xml"),
         /* the list grows with the formats: a prefix */
         "caseclock: option --format: unknown format 'xml' (use text, json, "
         "ics, csv*"},
        {A("timeline", in, "--today", "nope"),
         "caseclock: option --today: invalid date 'nope': expected "
         "YYYY-MM-DD or a day, month and year such as 22 March 2019\n"},
        {A("timeline", in, "--today", "2019-02-29"),
         "caseclock: option --today: invalid date '2019-02-29': February 2019 "
         "has 28 days\n"},
        {A("timeline", in, "--today"),
         "caseclock: option --today needs a value (see 'caseclock --help')\n"},
        {A("timeline", in, "-o", ""),
         "caseclock: option -o: the file name is empty (see 'caseclock "
         "--help')\n"},
        {A("check", in, "--format", "ics"),
         "caseclock: option --format: unknown format 'ics' (use text, json)\n"},
        {A("check", in, "--strict=1"),
         "caseclock: unknown option '--strict=1' for 'check' (see 'caseclock "
         "--help')\n"},
        {A("check"), "caseclock: 'check' needs a FILE ('-' for stdin) (see "
                     "'caseclock --help')\n"},
        {A("batch", in, "--jobs", "0"),
         "caseclock: option --jobs: '0' is not a number of jobs from 1 to "
         "1024 (see 'caseclock --help')\n"},
        {A("batch", in, "--jobs", "99999999999"),
         "caseclock: option --jobs: '99999999999' is not a number of jobs "
         "from 1 to 1024 (see 'caseclock --help')\n"},
        {A("batch", in, "--command", "foo"),
         "caseclock: option --command: 'foo' is not dates, timeline or check "
         "(see 'caseclock --help')\n"},
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        size_t n = strlen(rows[i].err);
        run r;
        run_cmd(&r, rows[i].argv);
        if (rows[i].err[n - 1] == '*')
            expect_error(&r, 2, fmt("%.*s", (int)n - 1, rows[i].err));
        else
            expect_exact(&r, 2, rows[i].err);
        cr_expect(eq(str, r.out, ""), "caseclock%s", r.shown);
        run_free(&r);
    }
}

/* ------------------------------------------------------------------ */
/* Inputs the fuzzers found, in fuzz/regressions/TARGET/, replayed     */

Test(badinput, fuzz_regressions)
{
    static const char *const targets[] = {"doc", "date", "ics", "rules"};
    cc_ctx *ctx;
    size_t replayed = 0;

    cr_assert(eq(int, cc_ctx_new(&ctx, NULL), CC_OK));
    for (size_t t = 0; t < sizeof targets / sizeof *targets; t++) {
        char cmd[256], name[512];
        FILE *p;
        snprintf(cmd, sizeof cmd, "ls fuzz/regressions/%s/* 2>/dev/null | sort",
                 targets[t]);
        p = popen(cmd, "r");
        cr_assert_not_null(p);
        while (fgets(name, sizeof name, p)) {
            size_t len;
            char *data;
            const char *bad;
            name[strcspn(name, "\n")] = '\0';
            data = cli_test_read_file(name, &len);
            cr_assert_not_null(data, "%s", name);
            bad = cc_fuzz_run(targets[t], ctx, (const uint8_t *)data, len);
            cr_expect(bad == NULL, "%s: %s", name, bad);
            free(data);
            replayed++;
        }
        pclose(p);
    }
    cr_expect(replayed > 0, "no regression inputs found (run from the root)");
    cc_ctx_free(ctx);
}

/* ------------------------------------------------------------------ */
/* Text checks, closed pipes, CR-only lines and large decisions         */

/* engine/src/text.c: a NUL byte is not text (and is how UTF-16 without a
 * BOM looks); UTF-16 with a BOM says how to convert. */
Test(badinput, text_checks, .init = setup, .fini = teardown)
{
    static const unsigned char le[] = {0xFF, 0xFE, 'O', 0, 'n', 0};
    static const unsigned char be[] = {0xFE, 0xFF, 0, 'O', 0, 'n'};
    static const char nul[] = "On 3 March 2019\0 the council wrote.\n";
    run r;

    run_cmd(&r, A("dates", write_file("nul.txt", nul, sizeof nul - 1)));
    expect_exact(&r, 3,
                 fmt("caseclock: %s:1:16: NUL byte at offset 15: not a text "
                     "file\n",
                     path_of("nul.txt")));
    run_free(&r);
    run_cmd(&r, A("dates", write_file("le.txt", le, sizeof le)));
    expect_exact(&r, 3,
                 fmt("caseclock: %s:1:1: UTF-16 text (byte order mark FF FE): "
                     "convert it to UTF-8 first, e.g. with iconv -f UTF-16 "
                     "-t UTF-8\n",
                     path_of("le.txt")));
    run_free(&r);
    run_cmd(&r, A("dates", write_file("be.txt", be, sizeof be)));
    expect_exact(&r, 3,
                 fmt("caseclock: %s:1:1: UTF-16 text (byte order mark FE FF): "
                     "convert it to UTF-8 first, e.g. with iconv -f UTF-16 "
                     "-t UTF-8\n",
                     path_of("be.txt")));
    run_free(&r);
    /* ASCII saved as UTF-16 without a BOM is valid UTF-8 full of NULs. */
    run_cmd(&r, A("dates", write_file("le-nobom.txt", le + 2, 4)));
    expect_exact(&r, 3,
                 fmt("caseclock: %s:1:2: NUL byte at offset 1: not a text "
                     "file\n",
                     path_of("le-nobom.txt")));
    run_free(&r);
}

/* cli/cmd_dates.c: JSON to a closed pipe ends quietly with exit 0, like
 * the text format. */
Test(badinput, closed_stdout_json, .init = setup, .fini = teardown)
{
    char *text =
        repeat("On 3 March 2019 Mrs X wrote to the council. ", 20000, "\n");
    run r;

    run_how(&r, A("dates", write_text("in.txt", text)),
            (how){.out = OUT_CLOSED_PIPE});
    expect_exact(&r, 0, NULL);
    run_free(&r);
    free(text);
}

/* cli/main.c, cmd_info.c, cmd_calc.c: commands that print straight to
 * stdout say when it fails (cli_flush_stdout), and a gone reader is exit
 * 0 for them too. */
Test(badinput, stdout_write_errors, .init = setup, .fini = teardown)
{
    const char *const *const rows[] = {
        A("--help"),
        A("--version"),
        A("rules"),
        A("rules", "--format", "json"),
        A("calendars"),
        A("workdays", "2019-01-01", "2019-02-01"),
        A("workdays", "2019-01-01", "2019-02-01", "--format", "json"),
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        run r;
        run_how(&r, rows[i], (how){.out = OUT_FULL});
        expect_exact(&r, 6,
                     "caseclock: <stdout>: cannot write: No space left on "
                     "device\n");
        run_free(&r);
        run_how(&r, rows[i], (how){.out = OUT_CLOSED_PIPE});
        expect_exact(&r, 0, NULL);
        run_free(&r);
    }
}

/* cli/cmd_calc.c, cmd_info.c: a bad option value is exit 2 naming the
 * option (--from takes a date), one hint; `calendars --format json` gives
 * JSON or is refused, never text. */
Test(badinput, option_value_messages, .init = setup, .fini = teardown)
{
    const struct {
        const char *const *argv;
        const char *err;
    } rows[] = {
        {A("deadline", "--rule", "ca1989.complaints.stage1", "--from", "nope"),
         "caseclock: option --from: invalid date 'nope': expected YYYY-MM-DD "
         "or a day, month and year such as 22 March 2019 (see 'caseclock "
         "--help')\n"},
        {A("deadline", "--rule", "ca1989.complaints.stage1", "--from",
           "2019-02-29"),
         "caseclock: option --from: invalid date '2019-02-29': February 2019 "
         "has 28 days (see 'caseclock --help')\n"},
        {A("deadline", "--rule", "nope", "--from", "2024-03-20"),
         "caseclock: option --rule: unknown rule 'nope' (see 'caseclock "
         "rules')\n"},
    };

    json_t *j;
    run r;

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        run_cmd(&r, rows[i].argv);
        expect_exact(&r, 2, rows[i].err);
        run_free(&r);
    }
    run_cmd(&r, A("calendars", "--format", "json"));
    if (r.status == 0) {
        j = json_loads(r.out, 0, NULL);
        cr_expect(j != NULL, "calendars --format json printed: %s", r.out);
        json_decref(j);
    } else {
        expect_error(&r, 2, "caseclock: option --format: unknown format");
    }
    run_free(&r);
}

/* engine/src/chronology.c, cli/cmd_timeline.c: places count lines as the
 * reader does (a lone CR ends one); a large decision reads to the end
 * (its time once grew with the square of its size, which bench/ watches);
 * output to a
 * closed pipe ends with exit 0 (it is 6 once the output passes the
 * buffer). */
Test(badinput, lines_size_and_pipes, .init = setup, .fini = teardown)
{
    static const char unit[] = "On 3 March 2019 the council wrote to Mrs X "
                               "and she replied within 10 working days. ";
    static const char cr[] = "Mrs X complained to the council on 3 March "
                             "2019.\rThe council replied on 10 April 2019.\r";
    const char *in;
    char *text;
    run r;

    run_cmd(&r, A("timeline", write_text("cr.txt", cr), "--format", "json"));
    expect_exact(&r, 0, NULL);
    cr_expect(strstr(r.out, "\"line\": 2") != NULL,
              "no event on line 2 of a CR-only file: %s", r.out);
    run_free(&r);

    text = repeat(unit, 2000000 / (sizeof unit - 1), "\n");
    in = write_text("big.txt", text);
    free(text);
    /* A 2 MB decision reads to the end (how fast is bench/'s to say, not a
     * unit test's). */
    run_cmd(&r, A("timeline", in, "-o", "/dev/null"));
    expect_exact(&r, 0, NULL);
    run_free(&r);

    text = repeat(unit, 20000, "\n");
    in = write_text("in.txt", text);
    free(text);
    {
        static const char *const formats[] = {"text", "json", "ics", "csv"};
        for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
            run_how(&r, A("timeline", in, "--format", formats[i]),
                    (how){.out = OUT_CLOSED_PIPE});
            expect_exact(&r, 0, NULL);
            run_free(&r);
        }
    }
}
