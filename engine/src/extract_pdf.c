/*
 * A PDF's text, with poppler's GLib API: each page's text in reading order
 * (poppler_page_get_text) and where each character sits on the page
 * (poppler_page_get_text_layout), made into the reader's lines.
 *
 *  - Page furniture goes: "Page 3 of 9" and "- 3 -" lines wherever they
 *    are, a bare number at the top or bottom of a page, and a line that
 *    opens or closes most pages (a running header, digits aside).
 *  - The lines of a paragraph become one line.  A paragraph ends where the
 *    gap to the next line is wider than the text's usual line spacing, or
 *    before a line starting with a list number or bullet; across a page,
 *    where the last line stopped short of the right margin, or ended a
 *    sentence and the next line is short or starts elsewhere.  A day number
 *    at a line's end and a month at the next line's start ("9" / "April
 *    2019") are always one paragraph.
 *  - A word hyphenated at a line's end is joined ("investi-" "gation"),
 *    keeping the hyphen when the next line starts with a capital or a
 *    digit, or when the document spells the word with the hyphen
 *    elsewhere ("record-keeping").
 *
 * poppler-glib reports what it finds malformed through g_log at level
 * INFO, which GLib prints only when asked (G_MESSAGES_DEBUG); nothing here
 * changes GLib's or poppler's global handlers.
 *
 * poppler-glib is opened when a PDF is read, not linked (dynlib.h): it
 * brings some forty-five libraries (cairo, NSS, X11, ...).  The functions
 * called are looked up in it (pdf_api); the soname is the one the build
 * found (CC_POPPLER_SONAME, from CMake).
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <poppler.h>

#include "dynlib.h"
#include "error.h"
#include "extract.h"
#include "extract_out.h"

#ifndef CC_POPPLER_SONAME
#error "CC_POPPLER_SONAME names poppler-glib's shared library (CMake sets it)"
#endif

/* The functions of poppler-glib and GLib this reader calls, looked up in
 * the library when a PDF is read; each has the type its header gives. */
#define PDF_FUNCTIONS(X)                                                       \
    X(g_bytes_new_static)                                                      \
    X(g_bytes_unref)                                                           \
    X(g_error_free)                                                            \
    X(g_free)                                                                  \
    X(g_object_unref)                                                          \
    X(poppler_error_quark)                                                     \
    X(poppler_document_new_from_bytes)                                         \
    X(poppler_document_get_n_pages)                                            \
    X(poppler_document_get_page)                                               \
    X(poppler_page_get_text)                                                   \
    X(poppler_page_get_text_layout)

typedef struct pdf_api {
    void *handle; /* cc_dynlib__open's */
#define PDF_FIELD(name) __typeof__(name) *p_##name;
    PDF_FUNCTIONS(PDF_FIELD)
#undef PDF_FIELD
} pdf_api;

static const cc_dynsym PDF_SYMBOLS[] = {
#define PDF_ENTRY(name) {#name, offsetof(pdf_api, p_##name)},
    PDF_FUNCTIONS(PDF_ENTRY)
#undef PDF_ENTRY
};

/* The characters of the valid UTF-8 in [p, e): poppler's text is valid. */
static size_t
utf8_chars(const char *p, const char *e)
{
    size_t n = 0;

    for (; p < e; p++)
        n += ((unsigned char)*p & 0xC0) != 0x80;
    return n;
}

/* The character after the one at p, by its lead byte. */
static const char *
utf8_next(const char *p)
{
    unsigned char c = (unsigned char)*p;

    return p + (c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4);
}

typedef struct pline {
    char *s; /* new (free()); trimmed, NUL-terminated */
    size_t len;
    double x1, y1, x2, y2; /* the line's box on the page, points */
    int page;
    int top, bottom; /* the first (last) lines of the page, from 1 */
    int drop;
} pline;

typedef struct lines {
    pline *v;
    size_t n, cap;
} lines;

static void
lines_free(lines *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        free(ls->v[i].s);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}

static pline *
lines_push(lines *ls)
{
    if (ls->n == ls->cap) {
        size_t ncap = ls->cap ? ls->cap * 2 : 128;
        pline *p = realloc(ls->v, ncap * sizeof *p);
        if (!p)
            return NULL;
        ls->v = p;
        ls->cap = ncap;
    }
    memset(&ls->v[ls->n], 0, sizeof ls->v[ls->n]);
    return &ls->v[ls->n++];
}

static int
is_blank(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* One page's lines onto `ls`; -1 when memory runs out. */
static int
read_page(lines *ls, const pdf_api *api, PopplerPage *page, int pageno)
{
    char *text = api->p_poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    int geometry, rc = 0;
    size_t first = ls->n, ch = 0;
    const char *p;

    if (!text)
        return 0;
    geometry = api->p_poppler_page_get_text_layout(page, &rects, &nrects) &&
               nrects == utf8_chars(text, text + strlen(text));
    p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        const char *b = p, *end = e ? e : p + strlen(p);
        size_t nchars = utf8_chars(p, end);
        double x1 = 1e9, y1 = 1e9, x2 = -1e9, y2 = -1e9;

        if (geometry) {
            const char *q = p;
            for (size_t k = 0; k < nchars && ch + k < nrects; k++) {
                if (!is_blank((unsigned char)*q)) {
                    const PopplerRectangle *r = &rects[ch + k];
                    if (r->x1 < x1)
                        x1 = r->x1;
                    if (r->y1 < y1)
                        y1 = r->y1;
                    if (r->x2 > x2)
                        x2 = r->x2;
                    if (r->y2 > y2)
                        y2 = r->y2;
                }
                q = utf8_next(q);
            }
        }
        ch += nchars + (e ? 1 : 0);
        while (b < end && is_blank((unsigned char)*b))
            b++;
        while (end > b && is_blank((unsigned char)end[-1]))
            end--;
        if (end > b) {
            pline *l = lines_push(ls);
            if (!l || !(l->s = malloc((size_t)(end - b) + 1))) {
                if (l)
                    ls->n--;
                rc = -1;
                break;
            }
            memcpy(l->s, b, (size_t)(end - b));
            l->s[end - b] = '\0';
            l->len = (size_t)(end - b);
            l->page = pageno;
            if (geometry && x2 > x1) {
                l->x1 = x1;
                l->y1 = y1;
                l->x2 = x2;
                l->y2 = y2;
            } else {
                l->y1 = l->y2 = -1; /* unknown */
            }
        }
        if (!e)
            break;
        p = e + 1;
    }
    for (size_t i = first; i < ls->n; i++) {
        ls->v[i].top = (int)(i - first) + 1;
        ls->v[i].bottom = (int)(ls->n - i);
    }
    api->p_g_free(rects);
    api->p_g_free(text);
    return rc;
}

/* "Page 3", "Page 3 of 9", "- 3 -", "3 / 9", "3": *bare for the last. */
static int
page_number(const char *s, int *bare)
{
    const char *p = s;
    int digits = 0;

    *bare = 0;
    if (strncasecmp(p, "page ", 5) == 0) {
        p += 5;
        while (isdigit((unsigned char)*p))
            p++, digits++;
        if (!digits)
            return 0;
        if (!*p)
            return 1;
        if (strncasecmp(p, " of ", 4) != 0)
            return 0;
        p += 4;
        digits = 0;
        while (isdigit((unsigned char)*p))
            p++, digits++;
        return digits && !*p;
    }
    if (*p == '-') {
        p++;
        while (*p == ' ')
            p++;
        while (isdigit((unsigned char)*p))
            p++, digits++;
        while (*p == ' ')
            p++;
        return digits && p[0] == '-' && !p[1];
    }
    while (isdigit((unsigned char)*p))
        p++, digits++;
    if (!digits || digits > 4)
        return 0;
    if (!*p) {
        *bare = 1;
        return 1;
    }
    while (*p == ' ')
        p++;
    if (*p++ != '/')
        return 0;
    while (*p == ' ')
        p++;
    digits = 0;
    while (isdigit((unsigned char)*p))
        p++, digits++;
    return digits && !*p;
}

/* A line as compared across pages: digits as '#', ASCII lower case. */
static void
furniture_key(char *buf, size_t size, const char *s)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        buf[n++] =
            isdigit((unsigned char)*s) ? '#' : (char)tolower((unsigned char)*s);
    buf[n] = '\0';
}

enum { EDGE = 2 }; /* lines at the top or bottom that may be furniture */

static void
mark_furniture(lines *ls, int npages)
{
    char a[128], b[128];

    for (size_t i = 0; i < ls->n; i++) {
        pline *l = &ls->v[i];
        int bare;
        if (page_number(l->s, &bare) &&
            (!bare || l->top <= EDGE || l->bottom <= EDGE))
            l->drop = 1;
    }
    if (npages < 2)
        return;
    for (size_t i = 0; i < ls->n; i++) {
        pline *l = &ls->v[i];
        int pages = 0, last = -1;
        if (l->drop || (l->top > EDGE && l->bottom > EDGE))
            continue;
        furniture_key(a, sizeof a, l->s);
        for (size_t j = 0; j < ls->n; j++) {
            const pline *m = &ls->v[j];
            if ((m->top > EDGE && m->bottom > EDGE) || m->page == last)
                continue;
            furniture_key(b, sizeof b, m->s);
            if (strcmp(a, b) == 0) {
                pages++;
                last = m->page;
            }
        }
        if (pages >= 2 && pages * 2 >= npages)
            l->drop = 1;
    }
}

static const char *const months[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
    "Jan",     "Feb",      "Mar",       "Apr",     "Jun",      "Jul",
    "Aug",     "Sep",      "Sept",      "Oct",     "Nov",      "Dec"};

static int
starts_with_month(const char *s)
{
    for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
        size_t n = strlen(months[i]);
        if (strncmp(s, months[i], n) == 0 && !isalpha((unsigned char)s[n]))
            return 1;
    }
    return 0;
}

static int
ends_with_month(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof months / sizeof *months; i++) {
        size_t n = strlen(months[i]);
        if (len >= n && strcmp(s + len - n, months[i]) == 0 &&
            (len == n || !isalpha((unsigned char)s[len - n - 1])))
            return 1;
    }
    return 0;
}

/* "on 9" / "April 2019", "in April" / "2019": one date over two lines. */
static int
split_date(const pline *prev, const pline *cur)
{
    const char *s = prev->s;
    size_t n = prev->len, d = 0;
    while (d < n && d < 3 && isdigit((unsigned char)s[n - 1 - d]))
        d++;
    if (d >= 1 && d <= 2 && (d == n || s[n - 1 - d] == ' ') &&
        starts_with_month(cur->s))
        return 1;
    if (ends_with_month(s, n) && isdigit((unsigned char)cur->s[0]) &&
        isdigit((unsigned char)cur->s[1]) &&
        isdigit((unsigned char)cur->s[2]) &&
        isdigit((unsigned char)cur->s[3]) && !isdigit((unsigned char)cur->s[4]))
        return 1;
    return 0;
}

/* A list number or bullet opens the line: "3. ", "3) ", "•". */
static int
list_marker(const char *s)
{
    const char *p = s;
    if (strncmp(p, "\xE2\x80\xA2", 3) == 0)
        return 1;
    while (isdigit((unsigned char)*p))
        p++;
    if (p > s && p - s <= 3 && (*p == '.' || *p == ')') &&
        (p[1] == ' ' || p[1] == '\t'))
        return 1;
    return 0;
}

/* The line ends as a sentence or a heading's colon does. */
static int
ends_sentence(const pline *l)
{
    char c = l->s[l->len - 1];
    return c == '.' || c == ':' || c == '?' || c == '!' || c == ')';
}

static int
cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The usual distance between the tops of consecutive lines. */
static double
usual_spacing(const lines *ls)
{
    double *gaps = malloc((ls->n + 1) * sizeof *gaps), median = 0;
    size_t n = 0;
    const pline *prev = NULL;

    if (!gaps)
        return 0;
    for (size_t i = 0; i < ls->n; i++) {
        const pline *l = &ls->v[i];
        if (l->drop || l->y1 < 0)
            continue;
        if (prev && prev->page == l->page && l->y1 > prev->y1)
            gaps[n++] = l->y1 - prev->y1;
        prev = l;
    }
    if (n) {
        qsort(gaps, n, sizeof *gaps, cmp_double);
        median = gaps[n / 2];
    }
    free(gaps);
    return median;
}

/* The document spells `tail-head` with its hyphen on some line. */
static int
spelt_with_hyphen(const lines *ls, const char *tail, size_t tn,
                  const char *head, size_t hn)
{
    char word[96];
    if (tn + hn + 2 > sizeof word || tn == 0 || hn == 0)
        return 0;
    memcpy(word, tail, tn);
    word[tn] = '-';
    memcpy(word + tn + 1, head, hn);
    word[tn + 1 + hn] = '\0';
    for (size_t i = 0; i < ls->n; i++)
        if (!ls->v[i].drop && strstr(ls->v[i].s, word))
            return 1;
    return 0;
}

/* Joins `cur` to the paragraph whose last line is `prev`. */
static void
join(cc_xbuf *out, const lines *ls, const pline *prev, const pline *cur)
{
    const char *s = prev->s;
    size_t n = prev->len;

    if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 &&
        (unsigned char)s[n - 1] == 0xAD) {
        /* a soft hyphen: the printed hyphen of a word broken here */
        out->len -= 2;
        out->space = 0;
        cc_xbuf__cstr(out, cur->s);
        return;
    }
    if (n >= 2 && s[n - 1] == '-' && isalpha((unsigned char)s[n - 2]) &&
        islower((unsigned char)cur->s[0])) {
        size_t tb = n - 1, he = 0;
        while (tb > 0 && isalpha((unsigned char)s[tb - 1]))
            tb--;
        while (isalpha((unsigned char)cur->s[he]))
            he++;
        if (!spelt_with_hyphen(ls, s + tb, n - 1 - tb, cur->s, he)) {
            out->len--; /* the hyphen */
            out->space = 0;
            cc_xbuf__cstr(out, cur->s);
            return;
        }
    }
    if (n >= 2 && s[n - 1] == '-' && isalnum((unsigned char)s[n - 2])) {
        out->space = 0; /* "Anglo-" "Saxon", "2019-" "20": keep it */
        cc_xbuf__cstr(out, cur->s);
        return;
    }
    cc_xbuf__cstr(out, " ");
    cc_xbuf__cstr(out, cur->s);
}

static void
paragraphs(cc_xbuf *out, const lines *ls)
{
    double spacing = usual_spacing(ls), right = 0;
    const pline *prev = NULL;
    int prev_listed = 0;

    for (size_t i = 0; i < ls->n; i++)
        if (!ls->v[i].drop && ls->v[i].x2 > right)
            right = ls->v[i].x2;
    for (size_t i = 0; i < ls->n; i++) {
        const pline *l = &ls->v[i];
        int fresh, listed = list_marker(l->s);

        if (l->drop)
            continue;
        if (!prev)
            fresh = 1;
        else if (listed)
            fresh = 1;
        else if (split_date(prev, l))
            fresh = 0;
        else if (l->y1 < 0 || prev->y1 < 0)
            fresh = 0;
        else if (l->page != prev->page)
            fresh = prev->x2 < right * 0.85 ||
                    (ends_sentence(prev) &&
                     (l->x2 < right * 0.85 || fabs(l->x1 - prev->x1) > 4));
        else
            fresh = spacing > 0 && l->y1 - prev->y1 > spacing * 1.35;
        if (fresh) {
            if (listed && prev_listed)
                cc_xbuf__break(out);
            else
                cc_xbuf__blank(out);
            if (strncmp(l->s, "\xE2\x80\xA2", 3) == 0 && l->s[3] != ' ') {
                /* a bullet set apart by its position alone */
                cc_xbuf__cstr(out, "\xE2\x80\xA2 ");
                cc_xbuf__cstr(out, l->s + 3);
            } else {
                cc_xbuf__cstr(out, l->s);
            }
            prev_listed = listed;
        } else {
            join(out, ls, prev, l);
        }
        prev = l;
    }
}

cc_status
cc_extract__pdf(cc_extracted *out, const char *data, size_t len,
                const char *source, cc_error *err)
{
    pdf_api api;
    GBytes *bytes = NULL;
    GError *gerr = NULL;
    PopplerDocument *doc = NULL;
    lines ls = {NULL, 0, 0};
    cc_xbuf b;
    size_t head = len < 1024 ? len : 1024, tail = len < 2048 ? len : 2048;
    int npages, found = 0;
    cc_status st;

    memset(out, 0, sizeof *out);
    memset(&b, 0, sizeof b);
    for (size_t i = 0; !found && i + 5 <= head; i++)
        found = memcmp(data + i, "%PDF-", 5) == 0;
    if (!found)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "not a PDF (no %%PDF- header)");
    found = 0;
    for (size_t i = len - tail; !found && i + 5 <= len; i++)
        found = memcmp(data + i, "%%EOF", 5) == 0;
    if (!found)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "the PDF is truncated (no %%%%EOF at its end)");
    memset(&api, 0, sizeof api);
    if ((st = cc_dynlib__open(&api.handle, &api, PDF_SYMBOLS,
                              sizeof PDF_SYMBOLS / sizeof PDF_SYMBOLS[0],
                              CC_POPPLER_SONAME, "a PDF", source, err)) !=
        CC_OK)
        return st;
    bytes = api.p_g_bytes_new_static(data, len);
    doc = api.p_poppler_document_new_from_bytes(bytes, NULL, &gerr);
    if (!doc) {
        GQuark domain = api.p_poppler_error_quark();
        if (gerr && gerr->domain == domain &&
            gerr->code == POPPLER_ERROR_ENCRYPTED)
            st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                               "the PDF is encrypted (it needs a password)");
        else if (gerr && gerr->domain == domain &&
                 gerr->code == POPPLER_ERROR_DAMAGED)
            st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                               "the PDF is damaged");
        else
            st = cc_error__set(
                err, CC_EINVAL, source, 0, 0, 0, "the PDF cannot be read: %s",
                gerr && gerr->message ? gerr->message : "poppler refused it");
        goto done;
    }
    npages = api.p_poppler_document_get_n_pages(doc);
    for (int i = 0; i < npages; i++) {
        PopplerPage *page = api.p_poppler_document_get_page(doc, i);
        int rc;
        if (!page)
            continue;
        rc = read_page(&ls, &api, page, i);
        api.p_g_object_unref(page);
        if (rc != 0) {
            st =
                cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
            goto done;
        }
    }
    mark_furniture(&ls, npages);
    paragraphs(&b, &ls);
    st = cc_xbuf__finish(&b, out, source, "PDF (a scanned image?)", err);
done:
    cc_xbuf__free(&b);
    lines_free(&ls);
    if (doc)
        api.p_g_object_unref(doc);
    if (gerr)
        api.p_g_error_free(gerr);
    if (bytes)
        api.p_g_bytes_unref(bytes);
    cc_dynlib__close(&api.handle);
    return st;
}
