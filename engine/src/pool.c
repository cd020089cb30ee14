/*
 * The timeline's pool.  Its strings and blocks are cut from chunks, front
 * to back, and all freed at once: a long decision's thousands of quotes
 * and notes cost no malloc header, no list entry and no call each.  A
 * chunk is twice the size of the one before, from 4 KiB up to 1 MiB; a
 * block larger than a quarter of that gets a chunk of its own, put behind
 * the one being filled so that the room left there is not lost.
 */
#include "pool.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { FIRST_CHUNK = 4096, LAST_CHUNK = 1 << 20 };

/* The alignment every block gets: that of any type malloc would serve. */
#define POOL_ALIGN (sizeof(max_align_t))

struct cc_pool_chunk {
    cc_pool_chunk *older;
    size_t used, size; /* bytes of data[] */
    max_align_t data[];
};

static size_t
round_up(size_t n, size_t align)
{
    return (n + align - 1) / align * align;
}

/* n bytes (not zeroed) from the pool at a multiple of `align` (1 for a
 * string, POOL_ALIGN for a block); NULL when out of memory. */
static void *
take(cc_strpool *pool, size_t n, size_t align)
{
    cc_pool_chunk *c = pool->head, *fresh;
    size_t size;

    if (n > SIZE_MAX / 2)
        return NULL;
    if (!n)
        n = 1;
    if (c) {
        size_t at = round_up(c->used, align);
        if (at <= c->size && c->size - at >= n) {
            c->used = at + n;
            return (char *)c->data + at;
        }
    }
    if (!pool->next)
        pool->next = FIRST_CHUNK;
    size = n > pool->next / 4 ? n : pool->next;
    if (!(fresh = malloc(sizeof *fresh + size)))
        return NULL;
    fresh->size = size;
    fresh->used = n;
    if (size == n && c) {
        /* a block of its own: behind the chunk being filled */
        fresh->older = c->older;
        c->older = fresh;
    } else {
        fresh->older = c;
        pool->head = fresh;
        if (pool->next < LAST_CHUNK)
            pool->next *= 2;
    }
    return fresh->data;
}

const char *
cc_pool__strndup(cc_strpool *pool, const char *s, size_t n)
{
    char *copy = n < SIZE_MAX ? take(pool, n + 1, 1) : NULL;

    if (!copy)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
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
    if (n < 0 || !(s = take(pool, (size_t)n + 1, 1)))
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void *
cc_pool__alloc(cc_strpool *pool, size_t size)
{
    void *p = take(pool, size, POOL_ALIGN);

    if (p)
        memset(p, 0, size ? size : 1);
    return p;
}

void
cc_pool__clear(cc_strpool *pool)
{
    cc_pool_chunk *c = pool->head;

    while (c) {
        cc_pool_chunk *older = c->older;
        free(c);
        c = older;
    }
    pool->head = NULL;
    pool->next = 0;
}
