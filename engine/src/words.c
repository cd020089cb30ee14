/*
 * Words in text: ASCII case-insensitive matching at word starts, and the
 * patterns rules.json uses ("request* ... ehc needs assessment").
 */
#include "words.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The searches below test every byte of the text they are given. */
static inline int
lower(unsigned char c)
{
    return cc_words__lower(c);
}

static inline int
alnum(unsigned char c)
{
    return cc_words__alnum(c);
}

/*
 * Does `word` match text at `at` (ASCII case-insensitive, not past `to`)?
 * A trailing '*' in word matches any continuation; otherwise the match must
 * end at a word boundary.  Returns the matched length or 0.
 */
size_t
cc_words__match(const char *text, size_t at, size_t to, const char *word)
{
    size_t k = 0;
    int prefix = 0;

    for (; word[k]; k++) {
        if (word[k] == '*' && word[k + 1] == '\0') {
            prefix = 1;
            break;
        }
        if (at + k >= to || lower((unsigned char)text[at + k]) != word[k])
            return 0;
    }
    /* A word ending in a letter must end there ("met", not "method"). */
    if (!prefix && k > 0 && alnum((unsigned char)word[k - 1]) && at + k < to &&
        alnum((unsigned char)text[at + k]))
        return 0;
    return k;
}

int
cc_words__second(const char *word)
{
    int c = (unsigned char)word[0] ? (unsigned char)word[1] : 0;

    return c == '*' || c == ' ' ? 0 : c;
}

/* Can cc_words__find() find `word` at all?  A lone "*" or an empty word
 * matches nothing. */
static int
findable(const char *word)
{
    return word[0] && !(word[0] == '*' && !word[1]);
}

/*
 * The offsets, from a start on, of the bytes whose lower case is `first`
 * (a letter's two cases are two memchr() scans, each resumed where it
 * stopped), so that a search visits the candidates, not every byte.
 */
typedef struct first_scan {
    const char *text;
    size_t to;
    int a, b;      /* the byte values: both cases of a letter, else a == b */
    size_t na, nb; /* the next offset of each at or after the last start */
} first_scan;

static size_t
scan_one(const first_scan *s, size_t from, int c)
{
    const char *p =
        from < s->to ? memchr(s->text + from, c, s->to - from) : NULL;
    return p ? (size_t)(p - s->text) : s->to;
}

static void
scan_init(first_scan *s, const char *text, size_t from, size_t to, int first)
{
    s->text = text;
    s->to = to;
    s->a = first;
    s->b = first >= 'a' && first <= 'z' ? first - ('a' - 'A') : first;
    s->na = scan_one(s, from, s->a);
    s->nb = s->b == s->a ? s->na : scan_one(s, from, s->b);
}

/* The first candidate at or after `from` (from never goes back), or to. */
static size_t
scan_next(first_scan *s, size_t from)
{
    if (s->na < from)
        s->na = scan_one(s, from, s->a);
    if (s->b == s->a)
        s->nb = s->na;
    else if (s->nb < from)
        s->nb = scan_one(s, from, s->b);
    return s->na < s->nb ? s->na : s->nb;
}

/*
 * A match at `at` starts with the word's first character (a lone "*" or
 * an empty word match nothing), so the scans test that byte before the
 * word boundary and the rest of the word.
 */
/* Spans shorter than this are read byte by byte: two memchr() scans
 * cost more than a clause's bytes. */
#define SHORT_SPAN 256

/*
 * The candidates a match can start at, in order: bytes equal to `first`
 * (either case of a lower case letter) at a word start, and, when `second`
 * is not 0, followed by a byte whose lower case is `second` (a word's or
 * phrase's second character, which cc_words__match would test next).
 */
typedef struct cand {
    const char *text;
    size_t to;
    int a, b, second;
    int scanning; /* long span: memchr() scans */
    first_scan sc;
} cand;

/*
 * The first offset in [i, to) of a byte b with (b | 0x20) == fold, or to:
 * both cases of a letter, and for other bytes one more that the caller
 * tells apart.  Eight bytes at a time: the byte XOR fold is zero where one
 * is, and the borrow trick finds the first zero byte (the lowest flagged
 * byte is always a true one).
 */
static size_t
folded_next(const char *text, size_t i, size_t to, int fold)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    const uint64_t want = ones * (unsigned char)fold;

    while (i + 8 <= to) {
        uint64_t w, v, m;
        memcpy(&w, text + i, 8);
        v = (w | ones * 0x20) ^ want;
        if ((m = (v - ones) & ~v & highs) != 0)
            return i + (size_t)(__builtin_ctzll(m) >> 3);
        i += 8;
    }
#endif
    for (; i < to; i++)
        if (((unsigned char)text[i] | 0x20) == fold)
            return i;
    return to;
}

static void
cand_init(cand *c, const char *text, size_t from, size_t to, const char *word)
{
    int first = (unsigned char)word[0];

    c->text = text;
    c->to = to;
    c->a = first;
    c->b = first >= 'a' && first <= 'z' ? first - ('a' - 'A') : first;
    /* Not when the phrase may end there (" * ", " ... ") or be a prefix. */
    c->second = cc_words__second(word);
    c->scanning = to - from >= SHORT_SPAN;
    if (c->scanning)
        scan_init(&c->sc, text, from, to, first);
}

/* The next candidate at or after `from`, or to. */
static size_t
cand_next(cand *c, size_t from)
{
    const char *text = c->text;

    for (size_t i = from; i < c->to; i++) {
        int t;
        if (c->scanning) {
            if ((i = scan_next(&c->sc, i)) >= c->to)
                break;
        } else if ((i = folded_next(text, i, c->to, c->a | 0x20)) >= c->to) {
            break;
        } else if ((t = (unsigned char)text[i]) != c->a && t != c->b) {
            continue;
        }
        if (i > 0 && alnum((unsigned char)text[i - 1]))
            continue;
        if (c->second &&
            (i + 1 >= c->to || lower((unsigned char)text[i + 1]) != c->second))
            continue;
        return i;
    }
    return c->to;
}

size_t
cc_words__find(const char *text, size_t from, size_t to, const char *word)
{
    cand c;

    if (!findable(word) || from >= to)
        return (size_t)-1;
    cand_init(&c, text, from, to, word);
    for (size_t i = cand_next(&c, from); i < to; i = cand_next(&c, i + 1))
        if (cc_words__match(text, i, to, word))
            return i;
    return (size_t)-1;
}

/* How much of a text cc_words__find_each() reads in one pass. */
#define EACH_HEAD ((size_t)64 * 1024)

int
cc_words__find_each(const char *text, size_t len, const char *const *words,
                    size_t n, const size_t *group, unsigned char *found)
{
    /* The words by first byte (a counting sort): at a word start, those
     * whose first byte is the text's, lower case, can match there. */
    size_t at[257] = {0}, fill[256], *by = malloc((n ? n : 1) * sizeof *by),
           left = 0;
    /* and the byte each must have after the first (cc_words__second()) */
    unsigned char *second = malloc(n ? n : 1);
    /* the groups with a word found */
    unsigned char *done = calloc(n ? n : 1, 1);

    if (!by || !second || !done) {
        free(by);
        free(second);
        free(done);
        return 0;
    }
    memset(found, 0, n);
    for (size_t k = 0; k < n; k++)
        if (findable(words[k])) {
            at[(unsigned char)words[k][0] + 1]++;
            left++;
        }
    for (int c = 0; c < 256; c++)
        at[c + 1] += at[c];
    for (int c = 0; c < 256; c++)
        fill[c] = at[c];
    for (size_t k = 0; k < n; k++)
        if (findable(words[k])) {
            size_t q = fill[(unsigned char)words[k][0]]++;
            second[q] = (unsigned char)cc_words__second(words[k]);
            by[q] = k;
        }
    /* One pass over the text's start, where most of the words a text has
     * come (a decision names its procedure early); past it, each word left
     * is looked for on its own, with memchr(), so that a long text is not
     * read byte by byte for words it never has. */
    size_t head = len < EACH_HEAD ? len : EACH_HEAD;
    for (size_t i = 0; i < head && left; i++) {
        int b, b2;
        if (i > 0 && alnum((unsigned char)text[i - 1]))
            continue;
        b = lower((unsigned char)text[i]);
        if (at[b] == at[b + 1])
            continue;
        b2 = i + 1 < len ? lower((unsigned char)text[i + 1]) : -1;
        for (size_t q = at[b]; q < at[b + 1]; q++)
            if (!found[by[q]] && (!second[q] || second[q] == b2) &&
                cc_words__match(text, i, len, words[by[q]])) {
                found[by[q]] = 1;
                left--;
            }
    }
    for (size_t k = 0; k < n; k++)
        if (found[k])
            done[group ? group[k] : k] = 1;
    for (size_t k = 0; k < n && left && head < len; k++) {
        size_t g = group ? group[k] : k;
        if (!found[k] && !done[g] &&
            cc_words__find(text, head, len, words[k]) != (size_t)-1)
            found[k] = done[g] = 1;
    }
    free(by);
    free(second);
    free(done);
    return 1;
}

/*
 * The line, sentence and paragraph are looked up by binary search in the
 * document's tables (line starts, sentences, paragraphs: each sorted by
 * offset), so a timeline costs O(places log n), not a scan from the start
 * of the text for every place.
 */

/* Skips spaces and punctuation that are not a word's letters. */
static size_t
skip_gap(const char *text, size_t at, size_t to)
{
    while (at < to && !alnum((unsigned char)text[at]) &&
           (unsigned char)text[at] < 0x80 && text[at] != '\'')
        at++;
    return at;
}

/* The end of the word starting at `at`. */
static size_t
word_end(const char *text, size_t at, size_t to)
{
    while (at < to && text[at] != ' ' && text[at] != '\n' && text[at] != ',' &&
           text[at] != ';' && text[at] != '.')
        at++;
    return at;
}

/*
 * Matches the pattern pat[0..plen) at `at`: its first phrase there, the
 * rest after the gap that joins them.  Returns the end, or 0; sets *last
 * to where its last phrase matched.
 */
static size_t
match_pattern(const char *text, size_t at, size_t to, const char *pat,
              size_t plen, size_t *last)
{
    char phrase[96];
    size_t k = 0, n, end;
    int gap = 0; /* 1: " * ", 2: " ... " */

    while (k < plen) {
        if (k + 3 <= plen && memcmp(pat + k, " * ", 3) == 0) {
            gap = 1;
            break;
        }
        if (k + 5 <= plen && memcmp(pat + k, " ... ", 5) == 0) {
            gap = 2;
            break;
        }
        k++;
    }
    if (k == 0 || k >= sizeof phrase)
        return 0;
    memcpy(phrase, pat, k);
    phrase[k] = '\0';
    n = cc_words__match(text, at, to, phrase);
    if (!n)
        return 0;
    end = at + n;
    if (!gap) {
        *last = at;
        return end;
    }
    pat += k + (gap == 1 ? 3 : 5);
    plen -= k + (gap == 1 ? 3 : 5);
    if (gap == 1) {
        size_t p = end;
        for (int words = 0; words < 3; words++) {
            size_t r;
            p = skip_gap(text, p, to);
            if (p >= to)
                return 0;
            p = word_end(text, p, to);
            r = match_pattern(text, skip_gap(text, p, to), to, pat, plen, last);
            if (r)
                return r;
        }
        return 0;
    }
    for (size_t p = end; p < to; p++) {
        size_t r;
        /* The next phrase starts with pat[0] (see cc_words__find). */
        if (lower((unsigned char)text[p]) != (unsigned char)pat[0])
            continue;
        if (p > 0 && alnum((unsigned char)text[p - 1]))
            continue;
        if ((r = match_pattern(text, p, to, pat, plen, last)) != 0)
            return r;
    }
    return 0;
}

size_t
cc_words__find_pattern(const char *text, size_t from, size_t to,
                       const char *pattern, size_t *end, size_t *last)
{
    size_t plen = strlen(pattern);
    int first = (unsigned char)pattern[0];
    cand c;

    /* A match starts with the first phrase's first character. */
    if (!first || from >= to)
        return (size_t)-1;
    cand_init(&c, text, from, to, pattern);
    for (size_t i = cand_next(&c, from); i < to; i = cand_next(&c, i + 1)) {
        size_t e, l;
        if ((e = match_pattern(text, i, to, pattern, plen, &l)) != 0) {
            if (end)
                *end = e;
            if (last)
                *last = l;
            return i;
        }
    }
    return (size_t)-1;
}

/* The bit of a letter (0..25) followed by byte c. */
static inline void
add_pair(cc_initials *x, unsigned l, int c)
{
    unsigned h = (l * 31u + (unsigned)c) & 127u;

    x->pairs[h >> 6] |= 1ull << (h & 63u);
}

/* The bit of a letter (0..25) followed by bytes c and d. */
static inline void
add_triple(cc_initials *x, unsigned l, int c, int d)
{
    unsigned h = (l * 961u + (unsigned)c * 31u + (unsigned)d) & 255u;

    x->triples[h >> 6] |= 1ull << (h & 63u);
}

cc_initials
cc_words__initials(const char *text, size_t from, size_t to)
{
    cc_initials x;
    int prev = from > 0 && alnum((unsigned char)text[from - 1]);

    memset(&x, 0, sizeof x);
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)text[i];
        int a = alnum(c);
        if (a && !prev) {
            unsigned l = (unsigned)lower(c) - 'a';
            if (l < 26) {
                x.first |= 1u << l;
                if (i + 1 < to) {
                    int c1 = lower((unsigned char)text[i + 1]);
                    add_pair(&x, l, c1);
                    if (i + 2 < to)
                        add_triple(&x, l, c1,
                                   lower((unsigned char)text[i + 2]));
                }
            }
        }
        prev = a;
    }
    return x;
}

/* Is p[0..) the start of a gap (" * ", " ... ") of a pattern? */
static int
is_gap(const char *p)
{
    return p[0] == ' ' &&
           ((p[1] == '*' && p[2] == ' ') ||
            (p[1] == '.' && p[2] == '.' && p[3] == '.' && p[4] == ' '));
}

/* What a phrase starting at p needs (see cc_words__needs): in `gaps`, a
 * pattern, whose phrases end at a gap. */
static void
add_needs(cc_initials *need, const char *p, int gaps)
{
    unsigned l = (unsigned)(unsigned char)p[0] - 'a';

    if (l >= 26)
        return;
    need->first |= 1u << l;
    if (!cc_words__second(p))
        return;
    add_pair(need, l, (unsigned char)p[1]);
    if (!p[2] || (p[2] == '*' && !p[3]) || (gaps && is_gap(p + 2)))
        return;
    add_triple(need, l, (unsigned char)p[1], (unsigned char)p[2]);
}

cc_initials
cc_words__needs_word(const char *word)
{
    cc_initials need;

    memset(&need, 0, sizeof need);
    add_needs(&need, word, 0);
    return need;
}

cc_initials
cc_words__needs(const char *pattern)
{
    /* Each phrase's start: the pattern's, and those after its gaps
     * (" * ", " ... ").  Other characters are not tested here. */
    const char *p = pattern;
    cc_initials need;

    memset(&need, 0, sizeof need);
    for (;;) {
        add_needs(&need, p, 1);
        for (;;) {
            const char *g = strchr(p, ' ');
            if (!g)
                return need;
            if (g[1] == '*' && g[2] == ' ') {
                p = g + 3;
                break;
            }
            if (g[1] == '.' && g[2] == '.' && g[3] == '.' && g[4] == ' ') {
                p = g + 5;
                break;
            }
            p = g + 1;
        }
    }
}
