/* Runs the caseclock binary with pipes on all three standard streams. */
#define _POSIX_C_SOURCE 200809L
#include "cli_run.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void
append(char **buf, size_t *len, const char *data, size_t n)
{
    *buf = realloc(*buf, *len + n + 1);
    cr_assert_not_null(*buf);
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = '\0';
}

void
cli_run(cli_result *r, const char *const *argv, const char *input)
{
    const char *bin = getenv("CASECLOCK");
    int in[2], out[2], err[2], status;
    size_t err_len = 0, nargs = 0;
    const char **args;
    pid_t pid;

    cr_assert_not_null(bin, "CASECLOCK is not set (run through ctest)");
    memset(r, 0, sizeof *r);
    while (argv[nargs])
        nargs++;
    args = calloc(nargs + 2, sizeof *args);
    args[0] = bin;
    memcpy(args + 1, argv, nargs * sizeof *args);
    cr_assert(pipe(in) == 0 && pipe(out) == 0 && pipe(err) == 0);
    pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(in[1]);
        close(out[0]);
        close(err[0]);
        execv(bin, (char *const *)args);
        _exit(127);
    }
    free(args);
    close(in[0]);
    close(out[1]);
    close(err[1]);
    if (input)
        cr_assert(write(in[1], input, strlen(input)) == (ssize_t)strlen(input));
    close(in[1]);
    append(&r->out, &r->out_len, "", 0);
    append(&r->err, &err_len, "", 0);
    for (;;) {
        struct pollfd p[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
        char buf[65536];
        int open_fds = 0;
        cr_assert(poll(p, 2, -1) >= 0);
        for (int i = 0; i < 2; i++) {
            if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP)))
                continue;
            ssize_t n = read(p[i].fd, buf, sizeof buf);
            if (n > 0) {
                if (i == 0)
                    append(&r->out, &r->out_len, buf, (size_t)n);
                else
                    append(&r->err, &err_len, buf, (size_t)n);
            } else {
                close(p[i].fd);
                if (i == 0)
                    out[0] = -1;
                else
                    err[0] = -1;
            }
        }
        open_fds = (out[0] >= 0) + (err[0] >= 0);
        if (!open_fds)
            break;
    }
    cr_assert(waitpid(pid, &status, 0) == pid);
    r->status =
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void
cli_result_free(cli_result *r)
{
    free(r->out);
    free(r->err);
}

char *
cli_test_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;

    if (!fp)
        return NULL;
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    cr_assert(n >= 0, "%s: cannot tell its size", path);
    buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert(fread(buf, 1, (size_t)n, fp) == (size_t)n, "%s: short read",
              path);
    buf[n] = '\0';
    fclose(fp);
    if (len)
        *len = (size_t)n;
    return buf;
}

/* The kinds of fixture there are: 1 for the timeline cases (each must
 * have expected.json), 0 for the others (scored by their own tests), -1
 * for a name of no known kind. */
static int
fixture_kind(const char *name)
{
    static const char *const others[] = {"synthetic-", "unseen-checks-",
                                         "unseen-events-", "html-escape"};

    if (strncmp(name, "seed-", 5) == 0 || strncmp(name, "timeline-", 9) == 0)
        return 1;
    for (size_t i = 0; i < sizeof others / sizeof *others; i++)
        if (strncmp(name, others[i], strlen(others[i])) == 0)
            return 0;
    return -1;
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
cli_test_diff(const char *path, const char *data, size_t len)
{
    char tmp[] = "/tmp/caseclock-diff-XXXXXX", cmd[1200], *out;
    int fd = mkstemp(tmp);
    size_t n = 0, cap = 8192;
    FILE *p;

    cr_assert(fd >= 0, "mkstemp");
    cr_assert(write(fd, data, len) == (ssize_t)len, "%s: short write", tmp);
    close(fd);
    snprintf(cmd, sizeof cmd, "diff -u '%s' '%s' 2>&1 | head -60", path, tmp);
    out = malloc(cap);
    cr_assert_not_null(out);
    p = popen(cmd, "r");
    cr_assert_not_null(p, "popen");
    while (n + 1 < cap && fgets(out + n, (int)(cap - n), p))
        n += strlen(out + n);
    out[n] = '\0';
    pclose(p);
    unlink(tmp);
    return out;
}

/* The test parameters are listed before any test runs, where an assertion
 * would hang the runner: a fixture that cannot be classified stops it. */
static void __attribute__((noreturn, format(printf, 1, 2)))
refuse(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    fputs("fixtures: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

char **
cli_test_timeline_fixtures(size_t *n)
{
    DIR *d = opendir("fixtures");
    struct dirent *e;
    char **found = NULL, **names;
    size_t cap = 0;

    *n = 0;
    if (!d)
        refuse("fixtures: cannot be opened (run from the source root)");
    while ((e = readdir(d)) != NULL) {
        char path[512];
        int kind;
        if (e->d_name[0] == '.')
            continue;
        kind = fixture_kind(e->d_name);
        if (kind < 0)
            refuse("fixtures/%s: a fixture of no known kind (seed-, "
                   "timeline-, synthetic-, unseen-checks-, unseen-events-, "
                   "html-escape)",
                   e->d_name);
        if (kind == 0)
            continue;
        snprintf(path, sizeof path, "fixtures/%s/expected.json", e->d_name);
        if (access(path, R_OK) != 0)
            refuse("%s: missing or unreadable", path);
        if (*n == cap) {
            cap = cap ? 2 * cap : 64;
            found = realloc(found, cap * sizeof *found);
            if (!found)
                refuse("out of memory");
        }
        snprintf(path, sizeof path, "fixtures/%s", e->d_name);
        found[*n] = strdup(path);
        if (!found[*n])
            refuse("out of memory");
        (*n)++;
    }
    closedir(d);
    qsort(found, *n, sizeof *found, by_name);
    names = cr_malloc((*n ? *n : 1) * sizeof *names);
    for (size_t i = 0; i < *n; i++) {
        names[i] = cr_malloc(strlen(found[i]) + 1);
        memcpy(names[i], found[i], strlen(found[i]) + 1);
        free(found[i]);
    }
    free(found);
    return names;
}
