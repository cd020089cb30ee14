/* What the tests share: running the caseclock binary (its path is in
 * $CASECLOCK), reading files, and listing the fixtures. */
#ifndef CC_TEST_CLI_RUN_H
#define CC_TEST_CLI_RUN_H

#include <stddef.h>

typedef struct cli_result {
    int status; /* the exit code, or 128 + signal */
    char *out;  /* standard output, NUL-terminated (free()) */
    size_t out_len;
    char *err; /* standard error, NUL-terminated (free()) */
} cli_result;

/* Runs caseclock with argv (NULL-terminated, without argv[0]), feeding
 * `input` (may be NULL) on standard input. */
void cli_run(cli_result *r, const char *const *argv, const char *input);
void cli_result_free(cli_result *r);

/* New (free()): the whole file, NUL-terminated, its size in *len (may be
 * NULL); NULL when it cannot be opened. */
char *cli_test_read_file(const char *path, size_t *len);

/* New (free()): `diff -u path OUTPUT` of the file against data[0..len), its
 * first 60 lines, for a message when the two differ. */
char *cli_test_diff(const char *path, const char *data, size_t len);

/* New, from cr_malloc (shared with the test processes, as
 * ParameterizedTestParameters needs): "fixtures/<case>" for each case named
 * seed-* or timeline-*, *n of them, in name order.  Fails the test when
 * one lacks expected.json, or when a fixture's name is of no known kind. */
char **cli_test_timeline_fixtures(size_t *n);

#endif
