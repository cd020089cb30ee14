/* Running the caseclock binary from a test (its path is in $CASECLOCK). */
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

#endif
