/* The text as the engine reads it: typographic look-alikes as their plain
 * forms, with a map back to the bytes as given. */
#ifndef CC_CLEAN_H
#define CC_CLEAN_H

#include <stddef.h>
#include <stdint.h>

#include "caseclock.h"

/*
 * Where offsets in the cleaned text lie in the source, and what cleaning
 * took out, so that the source need not be kept beside the cleaned text:
 * entry k is one character cleaning replaced or dropped.  From cleaned
 * offset at[k] on (up to at[k + 1]), the source offset is the cleaned one
 * plus shift[k]; the character ends at source offset at[k] + shift[k], and
 * was[k] holds its bytes, the first in the low byte, and their number in
 * the high byte.  The arrays are new (cc_clean__clear() frees them); n == 0
 * is the identity.
 */
typedef struct cc_clean_map {
    uint32_t *at; /* offsets in a text under 2 GiB: 32 bits */
    uint32_t *shift;
    uint32_t *was;
    size_t n;
} cc_clean_map;

/*
 * Cleans s[from..len) (valid UTF-8; s[0..from), a byte order mark, is
 * copied as it is): no-break, narrow and other wide spaces become ' ';
 * zero-width spaces, joiners, direction marks, soft hyphens and byte order
 * marks after the start are dropped; hyphens, dashes and the minus sign
 * become '-'; curly single and double quotes become ' and ".  Line breaks
 * are never touched, so line numbers agree.  When nothing needs cleaning,
 * *out is NULL and *map the identity (the caller reads s itself);
 * otherwise *out is new (free()), NUL-terminated, *outlen bytes.
 */
cc_status cc_clean__run(char **out, size_t *outlen, cc_clean_map *map,
                        const char *s, size_t len, size_t from, cc_error *err);

/* The source offset of cleaned offset `offset`: a replaced character's
 * first byte maps to the source character's first byte, the offset just
 * after it to just after the source character.  O(log n). */
size_t cc_clean__source(const cc_clean_map *map, size_t offset);

/* The same for offsets asked in order: *k (0 at first) is how many map
 * entries the last offset had passed, and the walk goes on from there; an
 * offset before the last starts again from 0. */
size_t cc_clean__source_walk(const cc_clean_map *map, size_t offset, size_t *k);

/*
 * The source's bytes [from, to), rebuilt from the cleaned text s, are
 * copied to out (to - from bytes; from <= to <= the source's length).
 */
void cc_clean__source_copy(const cc_clean_map *map, const char *s, size_t from,
                           size_t to, char *out);

/* The source's bytes [from, to) in the cleaned text s itself when cleaning
 * changed none of them, else NULL.  O(log n). */
const char *cc_clean__source_in_place(const cc_clean_map *map, const char *s,
                                      size_t from, size_t to);

void cc_clean__clear(cc_clean_map *map);

#endif
