/*
 * Cleaning: the characters a web page, a PDF or a word processor puts where
 * plain text has a space, a hyphen or a quote, read as those.  One pass
 * over the bytes; a text without any (most plain text) is not copied.
 */
#include "clean.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

enum { DROP = -1 };

/*
 * The character at s[i..len) when it is one cleaning replaces: sets *with
 * to its plain byte (or DROP) and returns its length in bytes; returns 0
 * for any other character.  Only lead bytes C2, E2, E3 and EF can start
 * one.
 */
static size_t
look_alike(const unsigned char *s, size_t i, size_t len, int *with)
{
    unsigned char a = s[i], b, c;

    if (i + 1 >= len)
        return 0;
    b = s[i + 1];
    if (a == 0xC2) {
        if (b == 0xA0) /* U+00A0 no-break space */
            *with = ' ';
        else if (b == 0xAD) /* U+00AD soft hyphen */
            *with = DROP;
        else
            return 0;
        return 2;
    }
    if (i + 2 >= len)
        return 0;
    c = s[i + 2];
    if (a == 0xE2 && b == 0x80) {
        if (c <= 0x8A || c == 0xAF) /* U+2000..200A, U+202F: spaces */
            *with = ' ';
        else if (c <= 0x8F) /* U+200B..200F: zero width, marks */
            *with = DROP;
        else if (c <= 0x95) /* U+2010..2015: hyphens and dashes */
            *with = '-';
        else if (c >= 0x98 && c <= 0x9B) /* U+2018..201B */
            *with = '\'';
        else if (c >= 0x9C && c <= 0x9F) /* U+201C..201F */
            *with = '"';
        else
            return 0;
        return 3;
    }
    if (a == 0xE2 && b == 0x81 && c == 0x9F) /* U+205F math space */
        *with = ' ';
    else if (a == 0xE2 && b == 0x81 && c == 0xA0) /* U+2060 word joiner */
        *with = DROP;
    else if (a == 0xE2 && b == 0x88 && c == 0x92) /* U+2212 minus */
        *with = '-';
    else if (a == 0xE3 && b == 0x80 && c == 0x80) /* U+3000 wide space */
        *with = ' ';
    else if (a == 0xEF && b == 0xBB && c == 0xBF) /* U+FEFF inside */
        *with = DROP;
    else
        return 0;
    return 3;
}

/* The offset of the first byte from `from` on that may start one
 * (0xC2 or above), or len: eight ASCII bytes at a time. */
static size_t
next_lead(const unsigned char *s, size_t from, size_t len)
{
    size_t i = from;

    for (;;) {
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080u)
                break;
            i += 8;
        }
        while (i < len && s[i] < 0x80)
            i++;
        if (i >= len || s[i] >= 0xC2)
            return i;
        i++;
    }
}

/* The offset of the first character cleaning replaces, or len. */
static size_t
first_look_alike(const unsigned char *s, size_t from, size_t len)
{
    int with;

    for (size_t i = next_lead(s, from, len); i < len;
         i = next_lead(s, i + 1, len))
        if (look_alike(s, i, len, &with))
            return i;
    return len;
}

/* Adds the entry of the n bytes at s that cleaning took out. */
static int
push_shift(cc_clean_map *m, size_t *cap, size_t at, size_t shift,
           const unsigned char *s, size_t n)
{
    uint32_t was = (uint32_t)n << 24;

    if (m->n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 32;
        uint32_t *a = realloc(m->at, ncap * sizeof *a);
        if (!a)
            return -1;
        m->at = a;
        uint32_t *b = realloc(m->shift, ncap * sizeof *b);
        if (!b)
            return -1;
        m->shift = b;
        uint32_t *w = realloc(m->was, ncap * sizeof *w);
        if (!w)
            return -1;
        m->was = w;
        *cap = ncap;
    }
    for (size_t k = 0; k < n; k++)
        was |= (uint32_t)s[k] << (8 * k);
    m->at[m->n] = (uint32_t)at; /* the text is under 2 GiB */
    m->shift[m->n] = (uint32_t)shift;
    m->was[m->n] = was;
    m->n++;
    return 0;
}

cc_status
cc_clean__run(char **out, size_t *outlen, cc_clean_map *map, const char *s,
              size_t len, size_t from, cc_error *err)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = first_look_alike(u, from, len), o, cap = 0, shift = 0;
    char *t;

    *out = NULL;
    *outlen = len;
    memset(map, 0, sizeof *map);
    if (i == len)
        return CC_OK;
    /* cleaning never makes the text longer */
    if (!(t = malloc(len + 1)))
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    memcpy(t, s, i);
    o = i;
    while (i < len) {
        int with;
        size_t n, j = next_lead(u, i, len);

        /* The bytes up to a possible one are copied as they are. */
        memcpy(t + o, s + i, j - i);
        o += j - i;
        if ((i = j) == len)
            break;
        if (!(n = look_alike(u, i, len, &with))) {
            t[o++] = s[i++];
            continue;
        }
        if (with != DROP)
            t[o++] = (char)with;
        shift += n - (with != DROP);
        if (push_shift(map, &cap, o, shift, u + i, n) != 0) {
            free(t);
            cc_clean__clear(map);
            return cc_error__fail(err, CC_ENOMEM, "out of memory");
        }
        i += n;
    }
    t[o] = '\0';
    *out = t;
    *outlen = o;
    return CC_OK;
}

size_t
cc_clean__source(const cc_clean_map *map, size_t offset)
{
    size_t lo = 0, hi = map->n;

    /* the last k with at[k] <= offset: shifts only grow, and two entries
     * at one offset (a character dropped after one replaced) keep the
     * later, larger shift */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (map->at[mid] <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? offset + map->shift[lo - 1] : offset;
}

size_t
cc_clean__source_walk(const cc_clean_map *map, size_t offset, size_t *k)
{
    size_t i = *k;

    if (i > 0 && map->at[i - 1] > offset)
        i = 0;
    while (i < map->n && map->at[i] <= offset)
        i++;
    *k = i;
    return i ? offset + map->shift[i - 1] : offset;
}

/* The first entry whose character ends after source offset `from`: the
 * ends grow strictly, each character taking out at least one byte. */
static size_t
first_ending_after(const cc_clean_map *map, size_t from)
{
    size_t lo = 0, hi = map->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (map->at[mid] + map->shift[mid] <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void
cc_clean__source_copy(const cc_clean_map *map, const char *s, size_t from,
                      size_t to, char *out)
{
    size_t k = first_ending_after(map, from), p = from;

    while (p < to) {
        size_t end = k < map->n ? map->at[k] + map->shift[k] : SIZE_MAX;
        size_t n = k < map->n ? map->was[k] >> 24 : 0;
        size_t start = end - n, stop;
        if (p < start) {
            /* bytes cleaning left as they were */
            stop = to < start ? to : start;
            memcpy(out, s + p - (k ? map->shift[k - 1] : 0), stop - p);
        } else {
            stop = to < end ? to : end;
            for (size_t i = p; i < stop; i++)
                out[i - p] = (char)(map->was[k] >> (8 * (i - start)));
            k++;
        }
        out += stop - p;
        p = stop;
    }
}

const char *
cc_clean__source_in_place(const cc_clean_map *map, const char *s, size_t from,
                          size_t to)
{
    size_t k = first_ending_after(map, from);

    if (k < map->n && map->at[k] + map->shift[k] - (map->was[k] >> 24) < to)
        return NULL;
    return s + from - (k ? map->shift[k - 1] : 0);
}

void
cc_clean__clear(cc_clean_map *map)
{
    free(map->at);
    free(map->shift);
    free(map->was);
    memset(map, 0, sizeof *map);
}
