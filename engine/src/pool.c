/* The timeline's pool: every string and block it hands out, in one list. */
#include "pool.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Adopts `block` (malloc'd); frees it and returns NULL when the list
 * cannot grow. */
static void *
adopt(cc_strpool *pool, char *block)
{
    if (!block)
        return NULL;
    if (pool->n == pool->cap) {
        size_t cap = pool->cap ? 2 * pool->cap : 64;
        char **items = realloc(pool->items, cap * sizeof *items);
        if (!items) {
            free(block);
            return NULL;
        }
        pool->items = items;
        pool->cap = cap;
    }
    pool->items[pool->n++] = block;
    return block;
}

const char *
cc_pool__strndup(cc_strpool *pool, const char *s, size_t n)
{
    char *copy = malloc(n + 1);

    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return adopt(pool, copy);
}

const char *
cc_pool__printf(cc_strpool *pool, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !(s = malloc((size_t)n + 1)))
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return adopt(pool, s);
}

void *
cc_pool__alloc(cc_strpool *pool, size_t size)
{
    return adopt(pool, calloc(1, size ? size : 1));
}

void
cc_pool__clear(cc_strpool *pool)
{
    for (size_t i = 0; i < pool->n; i++)
        free(pool->items[i]);
    free(pool->items);
    pool->items = NULL;
    pool->n = pool->cap = 0;
}
