/*
 * The input text: UTF-8 validation, the BOM, the line table, byte offset to
 * line:column, and sentence boundaries.
 *
 * Validation walks the bytes once with ICU's U8_NEXT (a macro: no call per
 * byte), building the line table in the same pass.  Sentence boundaries
 * are found by a forward walk over the bytes applying the rules of ICU's
 * sentence break iterator (UAX #29), so they are byte offsets and cost
 * little more than the walk; bench/sentences_check.c holds them to ICU's.
 */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "error.h"

static const unsigned char utf8_bom[3] = {0xEF, 0xBB, 0xBF};

/* Offsets of line starts grow geometrically: amortised O(1) per line. */
static int
push_line(cc_text *t, size_t *cap, size_t offset)
{
    if (t->nlines == *cap) {
        size_t ncap = *cap ? *cap * 2 : 64;
        size_t *p = realloc(t->lines, ncap * sizeof *p);
        if (!p)
            return -1;
        t->lines = p;
        *cap = ncap;
    }
    t->lines[t->nlines++] = offset;
    return 0;
}

/* Code points from `from` up to `to`: both are on code point boundaries. */
static int
count_code_points(const char *s, size_t from, size_t to)
{
    int n = 0;
    for (size_t i = from; i < to; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* The 1-based line and column of `at` on the last line in the table, the
 * one being read while the table is built. */
static void
position_in(const cc_text *t, size_t at, int *line, int *column)
{
    size_t b = t->lines[t->nlines - 1];
    int col = count_code_points(t->s, b, at);

    if (b == 0 && t->start)
        col--; /* a BOM is not a column */
    *line = (int)t->nlines;
    *column = col + 1;
}

cc_status
cc_text__init(cc_text *t, const char *s, size_t len, const char *source,
              cc_error *err)
{
    size_t cap = 0;
    int32_t i, n;
    cc_status st = CC_OK;

    memset(t, 0, sizeof *t);
    t->s = s;
    t->len = len;
    if (len > INT32_MAX)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "input too large (%zu bytes)", len);
    /* UTF-16 decodes to text whose offsets exist nowhere on disk: refuse
     * it, and say how to convert (the byte order mark is how it shows). */
    if (len >= 2 &&
        (((unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE) ||
         ((unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)))
        return cc_error__set(err, CC_EINVAL, source, 1, 1, 0,
                             "UTF-16 text (byte order mark %02X %02X): "
                             "convert it to UTF-8 first, e.g. with iconv "
                             "-f UTF-16 -t UTF-8",
                             (unsigned char)s[0], (unsigned char)s[1]);
    if (len >= 3 && memcmp(s, utf8_bom, 3) == 0)
        t->start = 3;
    if (push_line(t, &cap, 0) != 0)
        goto nomem;

    n = (int32_t)len;
    i = (int32_t)t->start;
    while (i < n) {
        unsigned char b;

        /* Eight bytes at a time while they are plain ASCII with no line
         * break and no NUL: most of a text. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            /* A byte above 0x7F, or below 0x0E (NUL, CR, LF and the
             * rarer controls): the borrow of the subtraction sets a high
             * bit exactly when one is there. */
            if (((w - 0x0E0E0E0E0E0E0E0Eu) | w) & 0x8080808080808080u)
                break;
            i += 8;
        }
        if (i >= n)
            break;
        b = (unsigned char)s[i];
        if (b == 0) {
            /* Valid UTF-8, but no text: a binary file, or UTF-16
             * without a byte order mark. */
            int line, col;
            position_in(t, (size_t)i, &line, &col);
            st = cc_error__set(err, CC_EINVAL, source, line, col, (size_t)i,
                               "NUL byte at offset %ld: not a text file",
                               (long)i);
            goto fail;
        }
        if (b < 0x80) {
            i++;
            if (b == '\n' || (b == '\r' && (i == n || s[i] != '\n')))
                if (push_line(t, &cap, (size_t)i) != 0)
                    goto nomem;
            continue;
        }
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c < 0) {
            int line, col;
            position_in(t, (size_t)at, &line, &col);
            st = cc_error__set(err, CC_EINVAL, source, line, col, (size_t)at,
                               "invalid UTF-8: byte 0x%02X at offset %ld", b,
                               (long)at);
            goto fail;
        }
    }
    return CC_OK;

nomem:
    st = cc_error__fail(err, CC_ENOMEM, "out of memory");
fail:
    cc_text__clear(t);
    return st;
}

void
cc_text__clear(cc_text *t)
{
    free(t->lines);
    t->lines = NULL;
    t->nlines = 0;
}

size_t
cc_text__last_start(const size_t *starts, size_t n, size_t offset)
{
    size_t lo = 0, hi = n; /* starts[lo] <= offset < starts[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t
cc_text__line_of(const cc_text *t, size_t offset)
{
    return cc_text__last_start(t->lines, t->nlines, offset);
}

void
cc_text__line_span(const cc_text *t, size_t i, size_t *b, size_t *e)
{
    size_t start = t->lines[i];
    size_t end = i + 1 < t->nlines ? t->lines[i + 1] : t->len;
    if (i == 0 && start < t->start)
        start = t->start;
    while (end > start && (t->s[end - 1] == '\n' || t->s[end - 1] == '\r'))
        end--;
    *b = start;
    *e = end;
}

void
cc_text__position(const cc_text *t, size_t offset, int *line, int *column)
{
    size_t i = cc_text__line_of(t, offset);
    size_t b = t->lines[i];
    int col;
    if (i == 0 && b < t->start && offset >= t->start)
        b = t->start;
    col = count_code_points(t->s, b, offset);
    *line = (int)i + 1;
    *column = col + 1;
}

/* ---- Sentences ---- */

/* ASCII white space and U+00A0: what trimming removes. */
static size_t
space_len(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v')
        return 1;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    return 0;
}

/*
 * Abbreviations after which ICU may break but a decision goes on:
 * "para. 14", "s. 26", "No. 3", "Mr. X", "e.g. a", ...  Single letters
 * are not here: "her son, J. She" ends a sentence.
 */
static const char *const abbreviations[] = {
    "approx", "art", "cf",   "ch", "cl",  "co",  "dr", "e.g",  "etc",
    "i.e",    "mr",  "mrs",  "ms", "no",  "nos", "p",  "para", "paras",
    "pp",     "reg", "regs", "s",  "sch", "ss",  "st", "v",    "vs"};

static int
is_letter(char c)
{
    return ((unsigned char)c | 0x20) >= 'a' && ((unsigned char)c | 0x20) <= 'z';
}

static int
ends_with_abbreviation(const char *s, size_t b, size_t e)
{
    size_t w;
    char word[8];
    size_t n;

    if (e <= b || s[e - 1] != '.')
        return 0;
    e--; /* the full stop */
    w = e;
    while (w > b && (is_letter(s[w - 1]) || (s[w - 1] == '.' && w - 1 > b)))
        w--;
    n = e - w;
    if (n == 0 || n >= sizeof word)
        return 0;
    if (w > b && s[w - 1] != ' ' && s[w - 1] != '(' && s[w - 1] != '\t')
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[w + k];
        word[k] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
    }
    word[n] = '\0';
    for (size_t k = 0; k < sizeof abbreviations / sizeof *abbreviations; k++)
        if (word[0] == abbreviations[k][0] &&
            strcmp(word, abbreviations[k]) == 0)
            return 1;
    return 0;
}

/*
 * Sentence boundaries: the rules of UAX #29 (SB1..SB998), the ones ICU's
 * sentence break iterator applies for "en_GB", over the bytes in one
 * forward pass.  Characters are classed by their Sentence_Break property
 * (a table for ASCII, ICU's property lookup beyond it).  A break can come
 * only after a line break (SB4) or after a full stop, ! or ? with the
 * closing brackets, quotes and spaces that follow it (SB11); every other
 * rule only keeps a sentence going, so the scan looks at each full stop's
 * neighbours and otherwise just walks.
 */
enum {
    SB_OTHER = U_SB_OTHER,
    SB_ATERM = U_SB_ATERM,
    SB_CLOSE = U_SB_CLOSE,
    SB_FORMAT = U_SB_FORMAT,
    SB_LOWER = U_SB_LOWER,
    SB_NUMERIC = U_SB_NUMERIC,
    SB_OLETTER = U_SB_OLETTER,
    SB_SEP = U_SB_SEP,
    SB_SP = U_SB_SP,
    SB_STERM = U_SB_STERM,
    SB_UPPER = U_SB_UPPER,
    SB_CR = U_SB_CR,
    SB_EXTEND = U_SB_EXTEND,
    SB_LF = U_SB_LF,
    SB_SCONTINUE = U_SB_SCONTINUE,
    SB_EOT = 100 /* past the end */
};

/* Sentence_Break of the ASCII characters (as ICU has them). */
#define O SB_OTHER
static const unsigned char sb_ascii[128] = {
    O, O, O, O, O, O, O, O, O, SB_SP, SB_LF, SB_SP, SB_SP, SB_CR, O, O, O, O, O,
    O, O, O, O, O, O, O, O, O, O, O, O, O,
    /* space ! " # $ % & ' ( ) * + , - . / */
    SB_SP, SB_STERM, SB_CLOSE, O, O, O, O, SB_CLOSE, SB_CLOSE, SB_CLOSE, O, O,
    SB_SCONTINUE, SB_SCONTINUE, SB_ATERM, O,
    /* 0-9 : ; < = > ? */
    SB_NUMERIC, SB_NUMERIC, SB_NUMERIC, SB_NUMERIC, SB_NUMERIC, SB_NUMERIC,
    SB_NUMERIC, SB_NUMERIC, SB_NUMERIC, SB_NUMERIC, SB_SCONTINUE, O, O, O, O,
    SB_STERM,
    /* @ A-Z [ \ ] ^ _ */
    O, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER,
    SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER,
    SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER,
    SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_UPPER, SB_CLOSE, O, SB_CLOSE, O,
    O,
    /* ` a-z { | } ~ DEL */
    O, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER,
    SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER,
    SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER,
    SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_LOWER, SB_CLOSE, O, SB_CLOSE, O,
    O};
#undef O

/* 1 for the bytes the walk passes by without a rule: ASCII but for the
 * full stop, ! and ?, line breaks and NUL. */
static const unsigned char sb_walk[256] = {
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* 1 when one of the eight bytes of w is c (or the borrow of a lower
 * one that is): exact for "none is". */
static uint64_t
has_byte(uint64_t w, unsigned char c)
{
    uint64_t x = w ^ (0x0101010101010101u * c);
    return (x - 0x0101010101010101u) & ~x & 0x8080808080808080u;
}

/*
 * The first byte from s[i] that sb_walk[] stops at, or len: blocks of
 * eight with no full stop, ! or ?, no byte below 0x0E (line breaks) and
 * none above 0x7F go by in one test; the byte loop finds the stop in the
 * last block.
 */
static size_t
walk_plain(const char *s, size_t i, size_t len)
{
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if ((((w - 0x0E0E0E0E0E0E0E0Eu) | w) & 0x8080808080808080u) ||
            has_byte(w, '.') || has_byte(w, '!') || has_byte(w, '?'))
            break;
        i += 8;
    }
    while (i < len && sb_walk[(unsigned char)s[i]])
        i++;
    return i;
}

/* The class of the code point at s[*i] (not past len), and *i past it. */
static int
sb_code_point(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    int32_t k;
    UChar32 u;

    if (c < 0x80) {
        (*i)++;
        return sb_ascii[c];
    }
    k = (int32_t)*i;
    U8_NEXT(s, k, (int32_t)len, u);
    *i = (size_t)k;
    return u < 0 ? SB_OTHER : u_getIntPropertyValue(u, UCHAR_SENTENCE_BREAK);
}

/*
 * The class of the character at s[*i] and *i past it, with the Extend and
 * Format characters after it (SB5: they take the class of what they
 * follow, except after a line break).  SB_EOT at len.
 */
static int
sb_char(const char *s, size_t len, size_t *i)
{
    int c;

    if (*i >= len)
        return SB_EOT;
    c = sb_code_point(s, len, i);
    if (c == SB_CR || c == SB_LF || c == SB_SEP)
        return c;
    while (*i < len && (unsigned char)s[*i] >= 0x80) {
        size_t k = *i;
        int x = sb_code_point(s, len, &k);
        if (x != SB_EXTEND && x != SB_FORMAT)
            break;
        *i = k;
    }
    return c;
}

/* The class of the character at s[i], without moving. */
static int
sb_peek(const char *s, size_t len, size_t i)
{
    return sb_char(s, len, &i);
}

/* The end of the sentence that starts at `from` (< len): the next break. */
static size_t
sentence_break(const char *s, size_t len, size_t from)
{
    size_t i = from;
    int prev = SB_EOT; /* the class before i, for SB7 */

    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        int cls;
        size_t q, r, p;

        /* Letters, digits, spaces and most punctuation go by without a
         * rule. */
        if (sb_walk[c]) {
            size_t j = walk_plain(s, i + 1, len);
            /* What comes next may be an Extend or Format character that
             * belongs to the last one passed: that one is read by sb_char
             * below. */
            if (j < len && (unsigned char)s[j] >= 0x80)
                j--;
            if (j > i) {
                prev = sb_ascii[(unsigned char)s[j - 1]];
                i = j;
                continue;
            }
        }
        cls = sb_char(s, len, &i);
        if (cls == SB_LF || cls == SB_SEP)
            return i; /* SB4 */
        if (cls == SB_CR) {
            if (i < len && s[i] == '\n')
                i++; /* SB3 */
            return i;
        }
        if (cls != SB_ATERM && cls != SB_STERM) {
            prev = cls;
            continue;
        }
        q = i; /* just after the full stop, ! or ? */
        if (cls == SB_ATERM) {
            int next = sb_peek(s, len, q);
            if (next == SB_NUMERIC ||
                (next == SB_UPPER && (prev == SB_UPPER || prev == SB_LOWER))) {
                prev = cls; /* SB6, SB7 */
                continue;
            }
        }
        /* SATerm Close* Sp* */
        r = q;
        prev = cls;
        for (;;) {
            p = r;
            int x = sb_char(s, len, &p);
            if (x != SB_CLOSE)
                break;
            prev = x;
            r = p;
        }
        for (;;) {
            p = r;
            int x = sb_char(s, len, &p);
            if (x != SB_SP)
                break;
            prev = x;
            r = p;
        }
        p = r;
        switch (sb_char(s, len, &p)) {
        case SB_EOT:
            return len;
        case SB_LF:
        case SB_SEP:
            return p; /* SB9, SB10, SB11 */
        case SB_CR:
            if (p < len && s[p] == '\n')
                p++;
            return p;
        case SB_SCONTINUE:
        case SB_ATERM:
        case SB_STERM:
            i = r; /* SB8a */
            continue;
        default:
            break;
        }
        if (cls == SB_ATERM) {
            /* SB8: a lower-case letter before any other letter, line
             * break or full stop keeps the sentence going. */
            int x;
            p = r;
            while ((x = sb_char(s, len, &p)) != SB_EOT && x != SB_OLETTER &&
                   x != SB_UPPER && x != SB_LOWER && x != SB_SEP &&
                   x != SB_CR && x != SB_LF && x != SB_ATERM && x != SB_STERM)
                ;
            if (x == SB_LOWER) {
                i = r;
                continue;
            }
        }
        return r; /* SB11 */
    }
    return len;
}

cc_status
cc_text__sentences(cc_sentence **out, size_t *n, const cc_text *t,
                   cc_error *err)
{
    cc_sentence *v = NULL;
    size_t nv = 0, cap = 0;
    size_t from;
    const char *s = t->s;

    *out = NULL;
    *n = 0;
    for (from = t->start; from < t->len;) {
        size_t to = sentence_break(s, t->len, from);
        size_t b = from, e = to;
        int hard = 0; /* a line break ends this segment */
        size_t k;

        for (;;) {
            if (e > b && space_len(s, e - 1, to) == 1) {
                if (s[e - 1] == '\n' || s[e - 1] == '\r')
                    hard = 1;
                e--;
            } else if (e >= b + 2 && (unsigned char)s[e - 2] == 0xC2 &&
                       (unsigned char)s[e - 1] == 0xA0) {
                e -= 2; /* U+00A0 */
            } else {
                break;
            }
        }
        while (b < e && (k = space_len(s, b, e)) != 0)
            b += k;
        if (b == e) {
            from = to;
            continue;
        }
        if (nv > 0 && v[nv - 1].paragraph == -2) {
            /* The previous segment ended in an abbreviation: join. */
            v[nv - 1].length = e - v[nv - 1].offset;
            v[nv - 1].paragraph = -1;
        } else {
            if (nv == cap) {
                size_t ncap = cap ? cap * 2 : 64;
                cc_sentence *p = realloc(v, ncap * sizeof *p);
                if (!p) {
                    free(v);
                    return cc_error__fail(err, CC_ENOMEM, "out of memory");
                }
                v = p;
                cap = ncap;
            }
            v[nv].offset = b;
            v[nv].length = e - b;
            v[nv].paragraph = -1;
            nv++;
        }
        /* -2 marks "continues": undone when the next segment joins. */
        if (!hard && to < t->len && ends_with_abbreviation(s, b, e))
            v[nv - 1].paragraph = -2;
        from = to;
    }
    for (size_t i = 0; i < nv; i++)
        v[i].paragraph = -1;

    *out = v;
    *n = nv;
    return CC_OK;
}
