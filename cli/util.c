/* What every subcommand shares: errors, input files, atomic output. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* Inputs larger than this are refused (a decision is rarely 200 KB). */
#define CLI_MAX_INPUT (64L * 1024 * 1024)

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
    switch (err->code) {
    case CC_OK:
        return EXIT_DONE;
    case CC_EUSAGE:
        return EXIT_USAGE;
    case CC_EINVAL:
        return EXIT_INVALID;
    case CC_ECOVERAGE:
        return EXIT_COVERAGE;
    case CC_EIO:
        return EXIT_READ;
    case CC_EWRITE:
        return EXIT_WRITE;
    default:
        return EXIT_INTERNAL;
    }
}

int
cli_read_file(const char *path, char **data, size_t *len)
{
    FILE *fp = stdin;
    char *buf = NULL;
    size_t n = 0, cap = 0;
    struct stat sb;
    int is_stdin = strcmp(path, "-") == 0;

    *data = NULL;
    *len = 0;
    if (!is_stdin) {
        if (stat(path, &sb) != 0) {
            cli_warn("%s: %s", path, strerror(errno));
            return EXIT_READ;
        }
        if (S_ISDIR(sb.st_mode)) {
            cli_warn("%s: is a directory, not a file", path);
            return EXIT_READ;
        }
        if (sb.st_size > CLI_MAX_INPUT) {
            cli_warn("%s: %lld bytes is over the %ld-byte input limit", path,
                     (long long)sb.st_size, CLI_MAX_INPUT);
            return EXIT_INVALID;
        }
        fp = fopen(path, "rb");
        if (!fp) {
            cli_warn("%s: %s", path, strerror(errno));
            return EXIT_READ;
        }
    }
    for (;;) {
        size_t got;
        if (n + 1 >= cap) {
            size_t ncap = cap ? cap * 2 : 65536;
            char *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                cli_warn("%s: out of memory", path);
                free(buf);
                if (!is_stdin)
                    fclose(fp);
                return EXIT_INTERNAL;
            }
            buf = nbuf;
            cap = ncap;
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (n > (size_t)CLI_MAX_INPUT) {
            cli_warn("%s: over the %ld-byte input limit",
                     is_stdin ? "<stdin>" : path, CLI_MAX_INPUT);
            free(buf);
            if (!is_stdin)
                fclose(fp);
            return EXIT_INVALID;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        cli_warn("%s: %s", is_stdin ? "<stdin>" : path, strerror(errno));
        free(buf);
        if (!is_stdin)
            fclose(fp);
        return EXIT_READ;
    }
    if (!is_stdin)
        fclose(fp);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return EXIT_DONE;
}

int
cli_out_open(cli_out *out, const char *path)
{
    static const char suffix[] = ".tmpXXXXXX";
    struct stat sb;
    int fd;

    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->fp = stdout;
        return EXIT_DONE;
    }
    /* A device or pipe (/dev/null, a FIFO) cannot be replaced by a
     * rename: write to it directly. */
    if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
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
    out->fp = fdopen(fd, "w");
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

int
cli_out_close(cli_out *out, int ok)
{
    int rc = EXIT_DONE;

    if (!out->fp)
        return EXIT_WRITE;
    if (!out->tmp && out->path) {
        /* A device or pipe, written directly. */
        if (fclose(out->fp) != 0 && ok) {
            cli_warn("%s: cannot write: %s", out->path, strerror(errno));
            rc = EXIT_WRITE;
        }
        free(out->path);
        memset(out, 0, sizeof *out);
        return rc;
    }
    if (!out->tmp) {
        /* stdout: a closed pipe (EPIPE) ends quietly. */
        if (fflush(stdout) != 0 && errno != EPIPE) {
            cli_warn("<stdout>: %s", strerror(errno));
            rc = EXIT_WRITE;
        }
        out->fp = NULL;
        return rc;
    }
    if (ferror(out->fp) || fclose(out->fp) != 0) {
        if (ok)
            cli_warn("%s: cannot write: %s", out->path, strerror(errno));
        rc = EXIT_WRITE;
        ok = 0;
    }
    if (ok && rename(out->tmp, out->path) != 0) {
        cli_warn("%s: cannot write: %s", out->path, strerror(errno));
        rc = EXIT_WRITE;
        ok = 0;
    }
    if (!ok)
        unlink(out->tmp);
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
