/*
 * Which format a document is, and plain text in Windows-1252.  The readers
 * of the other formats are extract_html.c, extract_pdf.c, extract_docx.c.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"

void
cc_extract__clear(cc_extracted *x)
{
    free(x->text);
    memset(x, 0, sizeof *x);
}

/* 1 when s[0..n) starts with the ASCII `word`, whatever its case. */
static int
starts_nocase(const char *s, size_t n, const char *word)
{
    size_t k = strlen(word);

    if (n < k)
        return 0;
    for (size_t i = 0; i < k; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[i])
            return 0;
    }
    return 1;
}

/* A zip archive (its first local file header) naming word/document.xml in
 * its first 64 KiB, where Word puts it among the first entries. */
static int
is_docx(const char *data, size_t len)
{
    static const char name[] = "word/document.xml";
    size_t n = len < 65536 ? len : 65536;

    if (len < 4 || memcmp(data, "PK\x03\x04", 4) != 0)
        return 0;
    for (size_t i = 0; i + sizeof name - 1 <= n; i++)
        if (data[i] == 'w' && memcmp(data + i, name, sizeof name - 1) == 0)
            return 1;
    return 0;
}

/* Markup near the start: after white space (and a byte order mark), a
 * doctype, a comment or one of the elements a page opens with. */
static int
is_html(const char *data, size_t len)
{
    static const char *const opens[] = {
        "<!doctype html", "<html",  "<head",   "<body",
        "<meta",          "<title", "<p>",     "<p ",
        "<div",           "<h1",    "<article"};
    size_t i = 0, n = len < 4096 ? len : 4096;

    if (n >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        while (i < n && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
                         data[i] == '\n'))
            i++;
        if (i + 4 <= n && memcmp(data + i, "<!--", 4) == 0) {
            const char *end = NULL;
            for (size_t k = i + 4; k + 3 <= n && !end; k++)
                if (memcmp(data + k, "-->", 3) == 0)
                    end = data + k + 3;
            if (!end)
                return 0;
            i = (size_t)(end - data);
            continue;
        }
        if (i + 5 <= n && memcmp(data + i, "<?xml", 5) == 0) {
            const char *q = memchr(data + i, '>', n - i);
            if (!q)
                return 0;
            i = (size_t)(q - data) + 1;
            continue;
        }
        break;
    }
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
        if (starts_nocase(data + i, n - i, opens[k]))
            return 1;
    return 0;
}

cc_format
cc_extract__sniff(const char *data, size_t len)
{
    if (len >= 5 && memcmp(data, "%PDF-", 5) == 0)
        return CC_FORMAT_PDF;
    if (is_docx(data, len))
        return CC_FORMAT_DOCX;
    if (is_html(data, len))
        return CC_FORMAT_HTML;
    return CC_FORMAT_TEXT;
}

/* Windows-1252's 0x80..0x9F; 0 where it defines no character. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The code point Windows-1252 gives byte b, or 0 for none. */
static unsigned
cp1252(unsigned char b)
{
    return b >= 0x80 && b < 0xA0 ? cp1252_high[b - 0x80] : b;
}

cc_status
cc_extract__windows_1252(cc_extracted *out, const char *data, size_t len,
                         const char *source, cc_error *err)
{
    char *t;
    size_t o = 0;
    int line = 1;
    size_t line_start = 0;

    memset(out, 0, sizeof *out);
    if (len > (((size_t)-1) - 1) / 3 || !(t = malloc(3 * len + 1)))
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    for (size_t i = 0; i < len; i++) {
        unsigned char b = (unsigned char)data[i];
        unsigned cp = cp1252(b);
        if (b == '\n') {
            line++;
            line_start = i + 1;
        }
        if (b == 0 || (b >= 0x80 && cp == 0)) {
            int col = (int)(i - line_start) + 1;
            free(t);
            if (!b)
                return cc_error__set(err, CC_EINVAL, source, line, col, i,
                                     "NUL byte at offset %zu: not a text file",
                                     i);
            return cc_error__set(err, CC_EINVAL, source, line, col, i,
                                 "byte 0x%02X at offset %zu is not a "
                                 "Windows-1252 character",
                                 (unsigned)b, i);
        }
        if (cp < 0x80) {
            t[o++] = (char)cp;
        } else if (cp < 0x800) {
            t[o++] = (char)(0xC0 | (cp >> 6));
            t[o++] = (char)(0x80 | (cp & 0x3F));
        } else {
            t[o++] = (char)(0xE0 | (cp >> 12));
            t[o++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            t[o++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    t[o] = '\0';
    out->text = t;
    out->len = o;
    return CC_OK;
}
