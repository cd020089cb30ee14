/* The readers' common output: lines of text built up a piece at a time. */
#include "extract_out.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

static int
reserve(cc_xbuf *b, size_t n)
{
    if (b->oom)
        return -1;
    if (b->cap - b->len < n + 1) {
        size_t ncap = b->cap ? b->cap : 256;
        char *p;
        while (ncap - b->len < n + 1) {
            if (ncap > (size_t)-1 / 2) {
                b->oom = 1;
                return -1;
            }
            ncap *= 2;
        }
        p = realloc(b->s, ncap);
        if (!p) {
            b->oom = 1;
            return -1;
        }
        b->s = p;
        b->cap = ncap;
    }
    return 0;
}

static void
put(cc_xbuf *b, char c)
{
    if (reserve(b, 1) == 0)
        b->s[b->len++] = c;
}

static int
is_space(unsigned char c)
{
    return c <= 0x20 || c == 0x7F;
}

void
cc_xbuf__text(cc_xbuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c)) {
            if (b->line)
                b->space = 1;
            continue;
        }
        if (!b->line) {
            if (b->len > 0)
                for (int k = 0; k < (b->sep > 1 ? 2 : 1); k++)
                    put(b, '\n');
            b->sep = 0;
            b->line = 1;
            b->space = 0;
        } else if (b->space) {
            put(b, ' ');
            b->space = 0;
        }
        put(b, (char)c);
    }
}

void
cc_xbuf__cstr(cc_xbuf *b, const char *s)
{
    cc_xbuf__text(b, s, strlen(s));
}

void
cc_xbuf__break(cc_xbuf *b)
{
    if (b->line) {
        b->line = 0;
        b->space = 0;
        if (b->sep < 1)
            b->sep = 1;
    }
}

void
cc_xbuf__blank(cc_xbuf *b)
{
    cc_xbuf__break(b);
    b->sep = 2;
}

void
cc_xbuf__drop_line(cc_xbuf *b)
{
    int n = 0;
    if (!b->line)
        return;
    b->len = cc_xbuf__line_start(b);
    while (b->len > 0 && b->s[b->len - 1] == '\n') {
        b->len--;
        n++;
    }
    b->line = 0;
    b->space = 0;
    b->sep = b->len > 0 ? n : 0; /* the line before ends as it did */
}

size_t
cc_xbuf__line_start(const cc_xbuf *b)
{
    size_t i = b->len;
    if (!b->line)
        return b->len;
    while (i > 0 && b->s[i - 1] != '\n')
        i--;
    return i;
}

/* The length of the well-formed UTF-8 sequence at s[i], or 0. */
static size_t
utf8_at(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    size_t k;
    unsigned cp;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 1, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        k = 2, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        k = 3, cp = c & 0x07;
    else
        return 0;
    if (n - i <= k)
        return 0;
    for (size_t j = 1; j <= k; j++) {
        if ((s[i + j] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i + j] & 0x3F);
    }
    if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return k + 1;
}

/* The libraries pass on bytes a document mislabels (a page that says
 * UTF-8 and is not): each byte that is not UTF-8 becomes U+FFFD. */
static void
repair_utf8(cc_xbuf *b)
{
    const unsigned char *u = (const unsigned char *)b->s;
    size_t i = 0, bad = 0;
    cc_xbuf r;

    while (i < b->len) {
        size_t k = utf8_at(u, i, b->len);
        bad += k == 0;
        i += k ? k : 1;
    }
    if (bad == 0)
        return;
    memset(&r, 0, sizeof r);
    if (reserve(&r, b->len + 2 * bad) != 0) {
        b->oom = 1;
        return;
    }
    for (i = 0; i < b->len;) {
        size_t k = utf8_at(u, i, b->len);
        if (k) {
            memcpy(r.s + r.len, b->s + i, k);
            r.len += k;
            i += k;
        } else {
            memcpy(r.s + r.len, "\xEF\xBF\xBD", 3);
            r.len += 3;
            i++;
        }
    }
    free(b->s);
    b->s = r.s;
    b->len = r.len;
    b->cap = r.cap;
}

cc_status
cc_xbuf__finish(cc_xbuf *b, cc_extracted *out, const char *source,
                const char *what, cc_error *err)
{
    cc_status st;

    memset(out, 0, sizeof *out);
    if (b->len > 0)
        put(b, '\n');
    if (!b->oom)
        repair_utf8(b);
    if (b->oom) {
        st = cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
        goto fail;
    }
    if (b->len == 0) {
        st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0, "no text in the %s",
                           what);
        goto fail;
    }
    b->s[b->len] = '\0';
    out->text = b->s;
    out->len = b->len;
    memset(b, 0, sizeof *b);
    return CC_OK;
fail:
    cc_xbuf__free(b);
    return st;
}

void
cc_xbuf__free(cc_xbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}
