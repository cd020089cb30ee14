/* Strings and blocks a timeline owns, freed with it: an arena of chunks
 * handed out from front to back, with no allocation per string. */
#ifndef CC_POOL_H
#define CC_POOL_H

#include <stddef.h>

typedef struct cc_pool_chunk cc_pool_chunk;

typedef struct cc_strpool {
    cc_pool_chunk *head; /* the chunk being filled; older ones follow it */
    size_t next;         /* the size of the next chunk */
} cc_strpool;            /* all zero: empty */

/* A copy of s[0..n) owned by the pool, or NULL when out of memory. */
const char *cc_pool__strndup(cc_strpool *pool, const char *s, size_t n);
/* printf into a string the pool owns (any length), or NULL when out of
 * memory. */
const char *cc_pool__printf(cc_strpool *pool, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Zeroed memory owned by the pool, aligned for any type, or NULL when
 * out of memory. */
void *cc_pool__alloc(cc_strpool *pool, size_t size);
/* Frees every chunk: every string and block the pool gave. */
void cc_pool__clear(cc_strpool *pool);

#endif
