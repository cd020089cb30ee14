/*
 * The input text: UTF-8 validation, the BOM, the line table, byte offset to
 * line:column, and sentence boundaries.
 *
 * Validation walks the bytes once with ICU's U8_NEXT (a macro: no call per
 * byte), building the line table in the same pass.  Sentences come from
 * one ICU sentence break iterator run over the whole text through a UTF-8
 * UText, so nothing is converted to UTF-16 and boundaries are byte offsets.
 */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>
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
        unsigned char b = (unsigned char)s[i];
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
cc_text__line_of(const cc_text *t, size_t offset)
{
    size_t lo = 0, hi = t->nlines; /* lines[lo] <= offset < lines[hi] */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
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
        if (strcmp(word, abbreviations[k]) == 0)
            return 1;
    return 0;
}

cc_status
cc_text__sentences(cc_sentence **out, size_t *n, const cc_text *t,
                   cc_error *err)
{
    UErrorCode uerr = U_ZERO_ERROR;
    UText *ut = NULL;
    UBreakIterator *bi = NULL;
    cc_sentence *v = NULL;
    size_t nv = 0, cap = 0;
    cc_status st = CC_OK;
    size_t from;
    int32_t brk;
    const char *s = t->s;

    *out = NULL;
    *n = 0;
    ut =
        utext_openUTF8(NULL, s + t->start, (int64_t)(t->len - t->start), &uerr);
    bi = ubrk_open(UBRK_SENTENCE, "en_GB", NULL, 0, &uerr);
    if (U_SUCCESS(uerr))
        ubrk_setUText(bi, ut, &uerr);
    if (U_FAILURE(uerr)) {
        st = cc_error__fail(err, CC_EINTERNAL, "sentence iterator: %s",
                            u_errorName(uerr));
        goto done;
    }

    from = t->start;
    ubrk_first(bi);
    while ((brk = ubrk_next(bi)) != UBRK_DONE) {
        size_t to = t->start + (size_t)brk;
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
                    st = cc_error__fail(err, CC_ENOMEM, "out of memory");
                    goto done;
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
    v = NULL;
done:
    free(v);
    ubrk_close(bi);
    utext_close(ut);
    return st;
}
