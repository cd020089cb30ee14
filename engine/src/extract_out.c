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

cc_status
cc_xbuf__finish(cc_xbuf *b, cc_extracted *out, const char *source,
                const char *what, cc_error *err)
{
    cc_status st;

    memset(out, 0, sizeof *out);
    if (b->len > 0)
        put(b, '\n');
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
