/* Shared by the caseclock command's subcommands. */
#ifndef CC_CLI_H
#define CC_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "caseclock.h"

/* Exit codes (docs/errors.md); cli_exit_code() maps the library's
 * cc_status to them, here alone. */
enum {
    EXIT_DONE = 0,
    EXIT_STRICT = 1,
    EXIT_USAGE = 2,
    EXIT_INVALID = 3,
    EXIT_COVERAGE = 4,
    EXIT_READ = 5,
    EXIT_WRITE = 6,
    EXIT_INTERNAL = 70
};

/* One subcommand: returns its exit code. */
typedef int (*cli_command)(int argc, char **argv);

int cli_add(int argc, char **argv);
int cli_deadline(int argc, char **argv);
int cli_workdays(int argc, char **argv);
int cli_rules(int argc, char **argv);
int cli_calendars(int argc, char **argv);
int cli_dates(int argc, char **argv);
int cli_timeline(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_batch(int argc, char **argv);

/* Prints "caseclock: message" (printf-style) on stderr, one line. */
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Usage error: prints the message and a hint, returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The exit code for a library status: 70 for out of memory and a bug. */
int cli_exit_code(cc_status st);

/* Prints an engine error as "caseclock: SOURCE:LINE:COL: message" and
 * returns the exit code for its status. */
int cli_report(const cc_error *err);

/*
 * Reads a whole file ("-" is stdin) into a new NUL-terminated buffer
 * (free() it).  On failure prints the error and returns EXIT_READ (missing,
 * unreadable, a directory), EXIT_INVALID (over the input limit: 64 MiB, or
 * $CASECLOCK_MAX_INPUT) or EXIT_USAGE (CASECLOCK_MAX_INPUT is not a size).
 */
int cli_read_file(const char *path, char **data, size_t *len);

/*
 * Output that lands whole or not at all.  cli_out_open() gives a stream:
 * stdout when path is NULL or "-"; the path itself when it is a device or a
 * pipe (/dev/null); else a temporary file beside `path`.
 * The temporary file gets the target's mode, or 0666 less the umask.
 * cli_out_open() returns EXIT_DONE, EXIT_WRITE, or EXIT_USAGE for an empty
 * path.  cli_out_close() flushes and checks it and renames it into place
 * (or removes it when `ok` is 0: the old file stays as it was); returns
 * EXIT_DONE or EXIT_WRITE, and reports a write error whatever `ok` says.
 * A closed pipe on stdout is EXIT_DONE, quietly.
 */
typedef struct cli_out {
    FILE *fp;
    char *path; /* the target, or NULL for stdout */
    char *tmp;  /* the temporary file, or NULL */
} cli_out;
int cli_out_open(cli_out *out, const char *path);
/* A cc_write_fn writing to the FILE * `fp`: 0, or -1 on a short write. */
int cli_write_fp(void *fp, const char *data, size_t len);
int cli_out_close(cli_out *out, int ok);

/*
 * Flushes stdout for a command that prints to it directly: EXIT_DONE, or
 * EXIT_WRITE after saying why.  A closed pipe (`| head -1`) is EXIT_DONE,
 * quietly.
 */
int cli_flush_stdout(void);

/* The input limit: 64 MiB unless CASECLOCK_MAX_INPUT says otherwise. */
#define CLI_MAX_INPUT     (64L * 1024 * 1024)
#define CLI_MAX_INPUT_ENV "CASECLOCK_MAX_INPUT"

/* Sets *out to the input limit in bytes (CLI_MAX_INPUT, or the size in
 * CASECLOCK_MAX_INPUT: bytes, or a number with K, M or G).  Returns
 * EXIT_USAGE, after saying so, when the variable is not a size. */
int cli_max_input(size_t *out);

/* New: a context for a command, with the built-in data; prints errors. */
int cli_ctx_new(cc_ctx **out);

/*
 * Matches argv[*i] against option `name` ("--format"), as "--format X" or
 * "--format=X".  Returns 1 and sets *val on a match (advancing *i past a
 * separate value), 0 when it is another argument, -1 (after printing a
 * usage error) when the value is missing.
 */
int cli_option(int argc, char **argv, int *i, const char *name,
               const char **val);

/* Sets *out to the index of `val` in the NULL-terminated `allowed`, or
 * prints a usage error naming --format and returns EXIT_USAGE. */
int cli_format(const char *val, const char *const *allowed, int *out);

/*
 * How a subcommand reads its decision: --input-format, --encoding, the
 * header fields a draft lacks (--authority, --reference, --category,
 * --outcome, --decision-date) and --text-out FILE.  Zero it first; its
 * strings are argv's.
 */
typedef struct cli_read {
    cc_read_opts opts;
    const char *text_out;
} cli_read;

/* 1 when argv[*i] is one of those options (and its value, which *i then
 * indexes), 0 when it is not, -1 after a usage error was printed. */
int cli_read_option(cli_read *r, int argc, char **argv, int *i);

/* Reads data[0..len) of `file` into *doc (new) and writes --text-out;
 * returns EXIT_DONE, or the exit code after reporting the error.  `data`,
 * as cli_read_file() gives it, is the doc's from the call on (freed by the
 * reading once it is not needed: cc_doc_read_taking()). */
int cli_read_doc(cli_read *r, cc_doc **doc, const cc_ctx *ctx, char *data,
                 size_t len, const char *file);

#endif
