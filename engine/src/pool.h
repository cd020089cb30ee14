/* Strings and blocks a timeline owns: one list, freed with it. */
#ifndef CC_POOL_H
#define CC_POOL_H

#include <stddef.h>

typedef struct cc_strpool {
    char **items;
    size_t n, cap;
} cc_strpool;

/* A copy of s[0..n) owned by the pool, or NULL when out of memory. */
const char *cc_pool__strndup(cc_strpool *pool, const char *s, size_t n);
/* printf into a string the pool owns (any length), or NULL when out of
 * memory. */
const char *cc_pool__printf(cc_strpool *pool, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Zeroed memory owned by the pool, or NULL when out of memory. */
void *cc_pool__alloc(cc_strpool *pool, size_t size);
/* Frees every item and the list. */
void cc_pool__clear(cc_strpool *pool);

#endif
