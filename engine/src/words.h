/* Words in text (words.c). */
#ifndef CC_WORDS_H
#define CC_WORDS_H

#include <stddef.h>

/* ASCII lower case of c.  Inline: the scanners call it for every byte. */
static inline int
cc_words__lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Is c an ASCII letter or digit? */
static inline int
cc_words__alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/*
 * Does `word` (lower case) match text at `at`, ASCII case-insensitively,
 * not past `to`?  A trailing '*' matches any continuation; otherwise the
 * match ends at a word boundary.  Returns the matched length or 0.
 */
size_t cc_words__match(const char *text, size_t at, size_t to,
                       const char *word);

/* The byte a match of `word` (or of a pattern's phrase starting there)
 * must have after its first, which cc_words__match() tests next: word[1]
 * when it is a literal byte, else 0 (the word ends there, or goes on as it
 * likes: '*', or the space of a gap). */
int cc_words__second(const char *word);

/* The first offset in [from, to) where `word` matches at a word start, or
 * (size_t)-1. */
size_t cc_words__find(const char *text, size_t from, size_t to,
                      const char *word);

/*
 * found[k] = 1 when cc_words__find(text, 0, len, words[k]) finds words[k],
 * else 0, for every k < n: the text's start read in one pass for all the
 * words, not once a word.  `group` may be NULL; else group[k] < n puts
 * word k in a group, and once a word of a group is found the group's
 * others are not looked for further: found is then 0 for those not found
 * by then (what is asked is whether any word of the group is in the
 * text).  Returns 0 when out of memory (found then says nothing).
 */
int cc_words__find_each(const char *text, size_t len, const char *const *words,
                        size_t n, const size_t *group, unsigned char *found);

/*
 * A pattern: phrases joined by " * " (one to three words between) or
 * " ... " (anything between), each phrase as cc_words__match reads it.
 * Returns the offset of the first match in [from, to), or (size_t)-1; sets
 * *end to the end of that match and *last to where its last phrase
 * matched ("met" of "panel ... met"); either may be NULL.
 */
size_t cc_words__find_pattern(const char *text, size_t from, size_t to,
                              const char *pattern, size_t *end, size_t *last);

/*
 * What starts the words of a span: the letters (bit 0 'a' ... bit 25 'z',
 * either case); hashed to 128 bits, the pairs of a letter and the byte
 * after it (lower case), where the byte is in the span; and hashed to 256
 * bits, the triples of a letter and the two bytes after it.  A word or
 * pattern whose phrases need a start the span lacks cannot match in it,
 * so a span tested against many patterns (a clause against a rule's
 * words) is read once, not once per pattern.  A word starts where the
 * byte before it is no letter or digit, as cc_words__find and
 * cc_words__find_pattern have it.
 */
typedef struct cc_initials {
    unsigned first;
    unsigned long long pairs[2];
    unsigned long long triples[4];
} cc_initials;

cc_initials cc_words__initials(const char *text, size_t from, size_t to);

/* The starts a span must have for the pattern to match in it: each
 * phrase's first letter and, as far as the phrase goes on, its first two
 * and three characters. */
cc_initials cc_words__needs(const char *pattern);

/* The same for a word as cc_words__find reads it (no gaps). */
cc_initials cc_words__needs_word(const char *word);

/* Does `have` hold every start of `need`? */
static inline int
cc_words__covers(const cc_initials *have, const cc_initials *need)
{
    return (have->first & need->first) == need->first &&
           (have->pairs[0] & need->pairs[0]) == need->pairs[0] &&
           (have->pairs[1] & need->pairs[1]) == need->pairs[1] &&
           (have->triples[0] & need->triples[0]) == need->triples[0] &&
           (have->triples[1] & need->triples[1]) == need->triples[1] &&
           (have->triples[2] & need->triples[2]) == need->triples[2] &&
           (have->triples[3] & need->triples[3]) == need->triples[3];
}

/* 0 when the pattern cannot match in a span of these initials; 1 when it
 * may. */
static inline int
cc_words__may_match(const cc_initials *have, const char *pattern)
{
    cc_initials need = cc_words__needs(pattern);

    return cc_words__covers(have, &need);
}

#endif
