/* What every subcommand shares: errors, input files, atomic output. */
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/*
 * Inputs larger than this are refused (a decision is rarely 200 KB), so a
 * wrong file named by mistake costs neither minutes nor gigabytes.  The
 * environment variable CASECLOCK_MAX_INPUT sets another limit: a number of
 * bytes, or of KiB, MiB or GiB with a K, M or G after it.
 */

void
cli_warn(const char *fmt, ...)
{
    va_list ap;

    fputs("caseclock: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int
cli_usage_error(const char *fmt, ...)
{
    va_list ap;

    fputs("caseclock: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs(" (see 'caseclock --help')\n", stderr);
    return EXIT_USAGE;
}

int
cli_report(const cc_error *err)
{
    if (err->source[0] && err->line > 0 && err->column > 0)
        cli_warn("%s:%d:%d: %s", err->source, err->line, err->column,
                 err->message);
    else if (err->source[0] && err->line > 0)
        cli_warn("%s:%d: %s", err->source, err->line, err->message);
    else if (err->source[0])
        cli_warn("%s: %s", err->source, err->message);
    else
        cli_warn("%s", err->message);
    return cli_exit_code(err->code);
}

int
cli_exit_code(cc_status st)
{
    switch (st) {
    case CC_OK:
        return EXIT_DONE;
    case CC_EINVAL:
        return EXIT_INVALID;
    case CC_ECOVERAGE:
        return EXIT_COVERAGE;
    case CC_EIO:
        return EXIT_READ;
    case CC_EWRITE:
        return EXIT_WRITE;
    case CC_ENOMEM:
    case CC_EINTERNAL:
        break;
    }
    return EXIT_INTERNAL;
}

int
cli_max_input(size_t *out)
{
    const char *v = getenv(CLI_MAX_INPUT_ENV);
    unsigned long long n, unit = 1;
    char *end;

    *out = (size_t)CLI_MAX_INPUT;
    if (!v)
        return EXIT_DONE;
    errno = 0;
    n = strtoull(v, &end, 10);
    if (*end == 'K' || *end == 'M' || *end == 'G')
        unit = 1ULL << (*end == 'K' ? 10 : *end == 'M' ? 20 : 30);
    if (*end && unit != 1)
        end++;
    if (end == v || *end || errno || v[0] == '-' || n == 0 ||
        n > (unsigned long long)SIZE_MAX / 2 / unit)
        return cli_usage_error("environment variable %s: '%s' is not a size "
                               "(bytes, or a number with K, M or G after it)",
                               CLI_MAX_INPUT_ENV, v);
    *out = (size_t)(n * unit);
    return EXIT_DONE;
}

int
cli_read_file(const char *path, char **data, size_t *len)
{
    FILE *fp = NULL;
    char *buf = NULL;
    size_t n = 0, cap = 0, limit;
    struct stat sb;
    int is_stdin = strcmp(path, "-") == 0, rc;
    const char *name = is_stdin ? "<stdin>" : path;

    *data = NULL;
    *len = 0;
    if ((rc = cli_max_input(&limit)) != EXIT_DONE)
        return rc;
    if (is_stdin) {
        fp = stdin;
    } else {
        /* fstat of the open file, so what is checked is what is read. */
        fp = fopen(path, "rb");
        if (!fp || fstat(fileno(fp), &sb) != 0) {
            cli_warn("%s: %s", path, strerror(errno));
            rc = EXIT_READ;
            goto done;
        }
        if (S_ISDIR(sb.st_mode)) {
            cli_warn("%s: is a directory, not a file", path);
            rc = EXIT_READ;
            goto done;
        }
        if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > limit) {
            cli_warn("%s: %lld bytes is over the %zu-byte input limit (set "
                     "%s to raise it)",
                     path, (long long)sb.st_size, limit, CLI_MAX_INPUT_ENV);
            rc = EXIT_INVALID;
            goto done;
        }
    }
    for (;;) {
        size_t got;
        if (n + 1 >= cap) {
            /* Grow to at most the limit and one byte, to see it passed;
             * a regular file's size is the first guess (and, unless it
             * grew meanwhile, the last: no buffer twice the input). */
            size_t ncap = cap ? cap * 2 : 65536;
            if (!cap && !is_stdin && S_ISREG(sb.st_mode) &&
                (unsigned long long)sb.st_size + 2 > ncap)
                ncap = (size_t)sb.st_size + 2;
            char *nbuf;
            if (ncap > limit + 2)
                ncap = limit + 2;
            nbuf = realloc(buf, ncap);
            if (!nbuf) {
                cli_warn("%s: out of memory", name);
                rc = EXIT_INTERNAL;
                goto done;
            }
            buf = nbuf;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (n > limit) {
            cli_warn("%s: over the %zu-byte input limit (set %s to raise it)",
                     name, limit, CLI_MAX_INPUT_ENV);
            rc = EXIT_INVALID;
            goto done;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        cli_warn("%s: %s", name, strerror(errno));
        rc = EXIT_READ;
        goto done;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    buf = NULL;
    rc = EXIT_DONE;
done:
    if (fp && !is_stdin)
        fclose(fp);
    free(buf);
    return rc;
}

/* The mode a new file gets from open(2): 0666 less the umask. */
static mode_t
new_file_mode(void)
{
    mode_t mask = umask(022);

    umask(mask);
    return 0666 & ~mask;
}

int
cli_write_fp(void *fp, const char *data, size_t len)
{
    return len && fwrite(data, 1, len, fp) != len ? -1 : 0;
}

int
cli_out_open(cli_out *out, const char *path)
{
    static const char suffix[] = ".tmpXXXXXX";
    struct stat sb;
    mode_t mode;
    int fd, exists;

    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->fp = stdout;
        return EXIT_DONE;
    }
    if (!*path)
        return cli_usage_error("option -o: the file name is empty");
    exists = stat(path, &sb) == 0;
    /* A device or pipe (/dev/null, a FIFO) cannot be replaced by a
     * rename: write to it directly. */
    if (exists && !S_ISREG(sb.st_mode)) {
        out->fp = fopen(path, "w");
        if (!out->fp) {
            cli_warn("%s: cannot write: %s", path, strerror(errno));
            return EXIT_WRITE;
        }
        out->path = strdup(path);
        return EXIT_DONE;
    }
    out->path = strdup(path);
    out->tmp = malloc(strlen(path) + sizeof suffix);
    if (!out->path || !out->tmp) {
        cli_warn("%s: out of memory", path);
        goto fail;
    }
    memcpy(out->tmp, path, strlen(path));
    memcpy(out->tmp + strlen(path), suffix, sizeof suffix);
    /* Beside the target, so the rename stays on one file system. */
    fd = mkstemp(out->tmp);
    if (fd < 0) {
        cli_warn("%s: cannot write: %s", path, strerror(errno));
        goto fail;
    }
    /* mkstemp makes the file 0600: give it the mode the file had, or the
     * one a plain open(2) would give a new file. */
    mode = exists ? sb.st_mode & 07777 : new_file_mode();
    out->fp = fchmod(fd, mode) == 0 ? fdopen(fd, "w") : NULL;
    if (!out->fp) {
        cli_warn("%s: cannot write: %s", path, strerror(errno));
        close(fd);
        unlink(out->tmp);
        goto fail;
    }
    return EXIT_DONE;
fail:
    free(out->path);
    free(out->tmp);
    memset(out, 0, sizeof *out);
    return EXIT_WRITE;
}

/* Is stdout a pipe or socket whose reader has gone?  (errno may no longer
 * say EPIPE by the time the stream is closed.) */
static int
reader_gone(void)
{
    struct pollfd p = {STDOUT_FILENO, POLLOUT, 0};

    return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP));
}

/*
 * Closes `fp` and says whether everything written to it arrived.  A write
 * error is reported even when `ok` is 0: the caller cannot know errno.  A
 * closed pipe on stdout (EPIPE: `caseclock ... | head -1`) is no error.
 */
static int
finish_stream(FILE *fp, const char *name, int is_stdout)
{
    int failed = ferror(fp);
    int saved = errno;

    if (is_stdout ? fflush(fp) != 0 : fclose(fp) != 0) {
        failed = 1;
        saved = errno;
    }
    if (!failed)
        return EXIT_DONE;
    if (is_stdout && (saved == EPIPE || reader_gone()))
        return EXIT_DONE;
    cli_warn("%s: cannot write: %s", name,
             saved ? strerror(saved) : "write error");
    return EXIT_WRITE;
}

int
cli_flush_stdout(void)
{
    return finish_stream(stdout, "<stdout>", 1);
}

int
cli_out_close(cli_out *out, int ok)
{
    int rc;

    if (!out->fp)
        return EXIT_WRITE;
    if (!out->path) {
        out->fp = NULL;
        return finish_stream(stdout, "<stdout>", 1);
    }
    rc = finish_stream(out->fp, out->path, 0);
    if (out->tmp) {
        if (rc == EXIT_DONE && ok && rename(out->tmp, out->path) != 0) {
            cli_warn("%s: cannot write: %s", out->path, strerror(errno));
            rc = EXIT_WRITE;
        }
        /* Nothing half-written stays behind, and the old file stays. */
        if (rc != EXIT_DONE || !ok)
            unlink(out->tmp);
    }
    free(out->path);
    free(out->tmp);
    memset(out, 0, sizeof *out);
    return rc;
}

int
cli_ctx_new(cc_ctx **out)
{
    cc_error err = {0};

    if (cc_ctx_new(out, &err) != CC_OK)
        return cli_report(&err);
    return EXIT_DONE;
}

int
cli_option(int argc, char **argv, int *i, const char *name, const char **val)
{
    size_t n = strlen(name);
    const char *a = argv[*i];

    if (strncmp(a, name, n) != 0)
        return 0;
    if (a[n] == '=') {
        *val = a + n + 1;
        return 1;
    }
    if (a[n] != '\0')
        return 0;
    if (*i + 1 >= argc) {
        cli_usage_error("option %s needs a value", name);
        return -1;
    }
    *val = argv[++*i];
    return 1;
}

int
cli_format(const char *val, const char *const *allowed, int *out)
{
    for (int k = 0; allowed[k]; k++)
        if (strcmp(val, allowed[k]) == 0) {
            *out = k;
            return EXIT_DONE;
        }
    fprintf(stderr, "caseclock: option --format: unknown format '%s' (use",
            val);
    for (int k = 0; allowed[k]; k++)
        fprintf(stderr, "%s %s", k ? "," : "", allowed[k]);
    fputs(")\n", stderr);
    return EXIT_USAGE;
}
