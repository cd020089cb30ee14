/* Filling a caller's cc_error. */
#ifndef CC_ERROR_H
#define CC_ERROR_H

#include <stddef.h>

#include "caseclock.h"

/*
 * Sets *err (when err is not NULL and holds no earlier error: the first
 * error wins) and returns `code`.  `source` may be NULL.
 */
cc_status cc_error__set(cc_error *err, cc_status code, const char *source,
                        int line, int column, size_t offset, const char *fmt,
                        ...) __attribute__((format(printf, 7, 8)));

/* Shorthand for an error with no source or position. */
#define cc_error__fail(err, code, ...)                                         \
    cc_error__set((err), (code), NULL, 0, 0, 0, __VA_ARGS__)

/* Clears *err (err may be NULL). */
void cc_error__clear(cc_error *err);

#endif
