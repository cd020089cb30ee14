/* The text as the engine reads it: typographic look-alikes as their plain
 * forms, with a map back to the bytes as given. */
#ifndef CC_CLEAN_H
#define CC_CLEAN_H

#include <stddef.h>

#include "caseclock.h"

/*
 * Where offsets in the cleaned text lie in the source: from cleaned offset
 * at[k] on (up to at[k + 1]), the source offset is the cleaned one plus
 * shift[k].  Both arrays are new (cc_clean__clear() frees them); n == 0
 * is the identity.
 */
typedef struct cc_clean_map {
    size_t *at;
    size_t *shift;
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

void cc_clean__clear(cc_clean_map *map);

#endif
