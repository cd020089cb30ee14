/*
 * A Word document's text: word/document.xml out of the zip (libzip, in
 * memory), read with libxml2's streaming XML reader.
 *
 * Paragraphs are lines, between blank lines; a numbered list paragraph
 * (w:numPr, or a "List Number" style) is "N. text", counted per list in
 * document order from the list's start (word/numbering.xml, when there);
 * a bulleted one is "• text"; a table row is one line, its cells joined by
 * " | ".  Tabs are spaces, breaks end the line; deleted text, field codes
 * and the fallback copies of text boxes are left out.
 *
 * The archive is read only as far as it must be: a part larger than
 * CC_DOCX_MAX_PART uncompressed is refused, whatever its header claims.
 *
 * libzip is opened when a Word document is read, not linked (dynlib.h): it
 * brings OpenSSL's libcrypto, whose relocations were half of the
 * dynamic loader's work at every start.  The functions called are looked
 * up in it (zip_api); the soname is the one the build found
 * (CC_LIBZIP_SONAME, from CMake).
 */
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "dynlib.h"
#include "error.h"
#include "extract.h"
#include "extract_out.h"

#ifndef CC_LIBZIP_SONAME
#error "CC_LIBZIP_SONAME names libzip's shared library (CMake sets it)"
#endif

/* The functions of libzip this reader calls, looked up when a Word
 * document is read; each has the type its header gives. */
#define ZIP_FUNCTIONS(X)                                                       \
    X(zip_discard)                                                             \
    X(zip_error_code_zip)                                                      \
    X(zip_error_fini)                                                          \
    X(zip_error_init)                                                          \
    X(zip_error_strerror)                                                      \
    X(zip_fclose)                                                              \
    X(zip_file_get_error)                                                      \
    X(zip_fopen)                                                               \
    X(zip_fread)                                                               \
    X(zip_get_error)                                                           \
    X(zip_open_from_source)                                                    \
    X(zip_source_buffer_create)                                                \
    X(zip_source_free)                                                         \
    X(zip_stat)                                                                \
    X(zip_stat_init)

typedef struct zip_api {
    void *handle; /* cc_dynlib__open's */
#define ZIP_FIELD(name) __typeof__(name) *p_##name;
    ZIP_FUNCTIONS(ZIP_FIELD)
#undef ZIP_FIELD
} zip_api;

static const cc_dynsym ZIP_SYMBOLS[] = {
#define ZIP_ENTRY(name) {#name, offsetof(zip_api, p_##name)},
    ZIP_FUNCTIONS(ZIP_ENTRY)
#undef ZIP_ENTRY
};

#define CC_DOCX_MAX_PART (64u * 1024 * 1024) /* 64 MiB: no real document */
#define CC_DOCX_LISTS    64                  /* numbering ids remembered */
#define CC_DOCX_LEVELS   9                   /* w:ilvl 0..8 (ECMA-376) */

static const char wml[] =
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/* One list (w:num) of word/numbering.xml, and its counters. */
typedef struct list {
    long id;       /* w:numId */
    long abstract; /* w:abstractNumId */
    long start[CC_DOCX_LEVELS];
    int bullet[CC_DOCX_LEVELS];
    long next[CC_DOCX_LEVELS]; /* 0: not started */
} list;

typedef struct abstract_num {
    long id;
    long start[CC_DOCX_LEVELS];
    int bullet[CC_DOCX_LEVELS];
} abstract_num;

typedef struct numbering {
    list lists[CC_DOCX_LISTS];
    size_t nlists;
    abstract_num abstracts[CC_DOCX_LISTS];
    size_t nabstracts;
    long style_next; /* "List Number" paragraphs without w:numPr */
} numbering;

typedef struct xml_error {
    int line;
    char message[160];
} xml_error;

static void
on_xml_error(void *arg, xmlErrorPtr e)
{
    xml_error *x = arg;
    if (x->line == 0 && e) {
        size_t n;
        x->line = e->line > 0 ? e->line : 1;
        snprintf(x->message, sizeof x->message, "%s",
                 e->message ? e->message : "malformed");
        n = strlen(x->message);
        while (n > 0 && (x->message[n - 1] == '\n' || x->message[n - 1] == ' '))
            x->message[--n] = '\0';
    }
}

/* Reads a part into *out, a new buffer (free()); *out is NULL when the
 * archive has no such part. */
static cc_status
read_part(char **out, size_t *len, const zip_api *api, zip_t *za,
          const char *name, const char *source, cc_error *err)
{
    zip_stat_t zs;
    zip_file_t *f = NULL;
    char *buf = NULL;
    size_t cap, n = 0;
    cc_status st;

    *out = NULL;
    *len = 0;
    api->p_zip_stat_init(&zs);
    if (api->p_zip_stat(za, name, 0, &zs) != 0)
        return CC_OK;
    if ((zs.valid & ZIP_STAT_SIZE) && zs.size > CC_DOCX_MAX_PART) {
        return cc_error__set(
            err, CC_EINVAL, source, 0, 0, 0,
            "%s is %llu bytes uncompressed, over the limit of %u "
            "MiB (a zip bomb?)",
            name, (unsigned long long)zs.size,
            CC_DOCX_MAX_PART / (1024 * 1024));
    }
    if (!(f = api->p_zip_fopen(za, name, 0)))
        return cc_error__set(
            err, CC_EINVAL, source, 0, 0, 0, "%s cannot be read: %s", name,
            api->p_zip_error_strerror(api->p_zip_get_error(za)));
    cap =
        (zs.valid & ZIP_STAT_SIZE) && zs.size > 0 ? (size_t)zs.size + 1 : 65536;
    for (;;) {
        zip_int64_t got;
        if (cap - n < 2) {
            size_t ncap = cap * 2;
            char *p;
            if (ncap > CC_DOCX_MAX_PART + 2)
                ncap = CC_DOCX_MAX_PART + 2;
            if (!(p = realloc(buf, ncap)))
                goto nomem;
            buf = p;
            cap = ncap;
        } else if (!buf && !(buf = malloc(cap))) {
            goto nomem;
        }
        got = api->p_zip_fread(f, buf + n, cap - n - 1);
        if (got < 0) {
            st = cc_error__set(
                err, CC_EINVAL, source, 0, 0, 0, "%s cannot be read: %s", name,
                api->p_zip_error_strerror(api->p_zip_file_get_error(f)));
            goto fail;
        }
        if (got == 0)
            break;
        n += (size_t)got;
        if (n > CC_DOCX_MAX_PART) {
            st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                               "%s is over the limit of %u MiB uncompressed (a "
                               "zip bomb?)",
                               name, CC_DOCX_MAX_PART / (1024 * 1024));
            goto fail;
        }
    }
    api->p_zip_fclose(f);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return CC_OK;
nomem:
    st = cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
fail:
    api->p_zip_fclose(f);
    free(buf);
    return st;
}

/* The reader's element is w:NAME. */
static int
w_is(xmlTextReaderPtr r, const char *name)
{
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    const xmlChar *ln = xmlTextReaderConstLocalName(r);
    return ns && ln && strcmp((const char *)ns, wml) == 0 &&
           strcmp((const char *)ln, name) == 0;
}

/* The w:val (or other w:) attribute as a number; `def` when absent. */
static long
w_long(xmlTextReaderPtr r, const char *attr, long def)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)attr,
                                             (const xmlChar *)wml);
    long n = def;
    if (v) {
        char *end;
        long x = strtol((const char *)v, &end, 10);
        if (end != (char *)v && x >= -1000000 && x <= 1000000)
            n = x;
        xmlFree(v);
    }
    return n;
}

static int
w_val_is(xmlTextReaderPtr r, const char *want)
{
    xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"val",
                                             (const xmlChar *)wml);
    int same = v && strcmp((const char *)v, want) == 0;
    xmlFree(v);
    return same;
}

static int
clamp_level(long l)
{
    return l < 0 ? 0 : l >= CC_DOCX_LEVELS ? CC_DOCX_LEVELS - 1 : (int)l;
}

static xmlTextReaderPtr
open_xml(const char *buf, size_t len, const char *url, xml_error *xe)
{
    xmlTextReaderPtr r =
        xmlReaderForMemory(buf, (int)len, url, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR |
                               XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    if (r)
        xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, xe);
    return r;
}

/* word/numbering.xml: each list's format and start per level.  A part
 * that does not parse leaves lists numbered from 1, as decimals. */
static void
read_numbering(numbering *nb, const char *buf, size_t len)
{
    xml_error xe = {0, ""};
    xmlTextReaderPtr r = open_xml(buf, len, "word/numbering.xml", &xe);
    abstract_num *an = NULL;
    list *li = NULL;
    int level = 0;

    if (!r)
        return;
    while (xmlTextReaderRead(r) == 1) {
        if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT)
            continue;
        if (w_is(r, "abstractNum")) {
            li = NULL;
            an = NULL;
            if (nb->nabstracts < CC_DOCX_LISTS) {
                an = &nb->abstracts[nb->nabstracts++];
                memset(an, 0, sizeof *an);
                an->id = w_long(r, "abstractNumId", -1);
                for (int i = 0; i < CC_DOCX_LEVELS; i++)
                    an->start[i] = 1;
            }
        } else if (w_is(r, "num")) {
            an = NULL;
            li = NULL;
            if (nb->nlists < CC_DOCX_LISTS) {
                li = &nb->lists[nb->nlists++];
                memset(li, 0, sizeof *li);
                li->id = w_long(r, "numId", -1);
                li->abstract = -1;
                for (int i = 0; i < CC_DOCX_LEVELS; i++)
                    li->start[i] = -1;
            }
        } else if (w_is(r, "lvl") || w_is(r, "lvlOverride")) {
            level = clamp_level(w_long(r, "ilvl", 0));
        } else if (w_is(r, "start") && an) {
            an->start[level] = w_long(r, "val", 1);
        } else if (w_is(r, "numFmt") && an) {
            an->bullet[level] = w_val_is(r, "bullet") || w_val_is(r, "none");
        } else if (w_is(r, "abstractNumId") && li) {
            li->abstract = w_long(r, "val", -1);
        } else if (w_is(r, "startOverride") && li) {
            li->start[level] = w_long(r, "val", 1);
        }
    }
    xmlFreeTextReader(r);
    /* each list takes its abstract definition's formats and starts */
    for (size_t i = 0; i < nb->nlists; i++) {
        list *l = &nb->lists[i];
        const abstract_num *a = NULL;
        for (size_t j = 0; j < nb->nabstracts; j++)
            if (nb->abstracts[j].id == l->abstract)
                a = &nb->abstracts[j];
        for (int k = 0; k < CC_DOCX_LEVELS; k++) {
            if (l->start[k] < 0)
                l->start[k] = a ? a->start[k] : 1;
            l->bullet[k] = a ? a->bullet[k] : 0;
        }
    }
}

static list *
find_list(numbering *nb, long id)
{
    for (size_t i = 0; i < nb->nlists; i++)
        if (nb->lists[i].id == id)
            return &nb->lists[i];
    if (nb->nlists < CC_DOCX_LISTS) {
        list *l = &nb->lists[nb->nlists++];
        memset(l, 0, sizeof *l);
        l->id = id;
        for (int k = 0; k < CC_DOCX_LEVELS; k++)
            l->start[k] = 1;
        return l;
    }
    return NULL;
}

/* The paragraph being read. */
typedef struct para {
    long num_id, level; /* num_id -1: none */
    int style_number;   /* a "List Number" style */
    int style_bullet;   /* a "List Bullet" style */
    int heading;
} para;

/* The paragraph's marker: "3. ", "• " or nothing. */
static void
marker(numbering *nb, const para *p, char *buf, size_t size)
{
    buf[0] = '\0';
    if (p->num_id > 0) {
        list *l = find_list(nb, p->num_id);
        int k = clamp_level(p->level);
        if (!l || l->bullet[k] || k > 0) {
            snprintf(buf, size, "\xE2\x80\xA2 ");
            return;
        }
        if (l->next[0] == 0)
            l->next[0] = l->start[0];
        for (int j = 1; j < CC_DOCX_LEVELS; j++)
            l->next[j] = 0;
        snprintf(buf, size, "%ld. ", l->next[0]++);
    } else if (p->style_number) {
        snprintf(buf, size, "%ld. ", ++nb->style_next);
    } else if (p->style_bullet) {
        snprintf(buf, size, "\xE2\x80\xA2 ");
    }
}

static int
starts_with(const xmlChar *s, const char *prefix)
{
    return s && strncmp((const char *)s, prefix, strlen(prefix)) == 0;
}

/* Elements whose text is not the document's. */
static int
skip_element(xmlTextReaderPtr r)
{
    const xmlChar *ln = xmlTextReaderConstLocalName(r);
    const xmlChar *ns = xmlTextReaderConstNamespaceUri(r);
    static const char *const names[] = {
        "del",       "delText",     "instrText",
        "pPrChange", "rPrChange",   "footnotePr",
        "endnotePr", "sectPr",      "commentReference",
        "moveFrom",  "delInstrText"};
    if (ln && ns && strcmp((const char *)ln, "Fallback") == 0 &&
        starts_with(ns, "http://schemas.openxmlformats.org/markup-compat"))
        return 1;
    if (!ns || strcmp((const char *)ns, wml) != 0)
        return 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp((const char *)ln, names[i]) == 0)
            return 1;
    return 0;
}

typedef struct docx {
    cc_xbuf out;  /* the document's lines */
    cc_xbuf cell; /* the paragraph or table cell being read */
    numbering nb;
    para p;
    int table; /* depth of w:tbl */
    int cells; /* cells so far in the outermost table's row */
    int in_ppr;
} docx;

/* The end of a paragraph outside tables: its line, with its marker. */
static void
end_paragraph(docx *d)
{
    char mark[32];
    int listed;

    cc_xbuf__break(&d->cell);
    if (d->cell.len == 0 || d->cell.oom) {
        d->out.oom |= d->cell.oom;
        d->cell.len = 0;
        d->cell.sep = 0;
        return;
    }
    marker(&d->nb, &d->p, mark, sizeof mark);
    listed = mark[0] != '\0';
    if (listed)
        cc_xbuf__break(&d->out);
    else
        cc_xbuf__blank(&d->out);
    cc_xbuf__cstr(&d->out, mark);
    /* the paragraph's own breaks stay line breaks */
    for (size_t i = 0; i < d->cell.len;) {
        const char *nl = memchr(d->cell.s + i, '\n', d->cell.len - i);
        size_t e = nl ? (size_t)(nl - d->cell.s) : d->cell.len;
        cc_xbuf__text(&d->out, d->cell.s + i, e - i);
        cc_xbuf__break(&d->out);
        i = e + 1;
    }
    if (listed)
        cc_xbuf__break(&d->out);
    else
        cc_xbuf__blank(&d->out);
    d->cell.len = 0;
    d->cell.sep = 0;
}

static void
start_element(docx *d, xmlTextReaderPtr r, int empty)
{
    if (w_is(r, "p")) {
        memset(&d->p, 0, sizeof d->p);
        d->p.num_id = -1;
        if (empty && d->table == 0)
            end_paragraph(d);
    } else if (w_is(r, "pPr")) {
        d->in_ppr = !empty;
    } else if (d->in_ppr && w_is(r, "pStyle")) {
        xmlChar *v = xmlTextReaderGetAttributeNs(r, (const xmlChar *)"val",
                                                 (const xmlChar *)wml);
        if (v) {
            d->p.style_number = starts_with(v, "ListNumber");
            d->p.style_bullet = starts_with(v, "ListBullet");
            d->p.heading = starts_with(v, "Heading") || starts_with(v, "Title");
            xmlFree(v);
        }
    } else if (d->in_ppr && w_is(r, "ilvl")) {
        d->p.level = w_long(r, "val", 0);
    } else if (d->in_ppr && w_is(r, "numId")) {
        d->p.num_id = w_long(r, "val", -1);
    } else if (d->in_ppr) {
        return; /* the paragraph's properties: no text */
    } else if (w_is(r, "tab")) {
        cc_xbuf__cstr(&d->cell, " ");
    } else if (w_is(r, "br") || w_is(r, "cr")) {
        cc_xbuf__break(&d->cell);
    } else if (w_is(r, "noBreakHyphen")) {
        cc_xbuf__cstr(&d->cell, "-");
    } else if (w_is(r, "tbl")) {
        if (d->table++ == 0)
            cc_xbuf__blank(&d->out);
    } else if (w_is(r, "tr") && d->table == 1) {
        d->cells = 0;
        cc_xbuf__break(&d->out);
    } else if (w_is(r, "tc") && d->table == 1) {
        if (d->cells++ > 0)
            cc_xbuf__cstr(&d->out, " | ");
    }
}

static void
end_element(docx *d, xmlTextReaderPtr r)
{
    if (w_is(r, "pPr")) {
        d->in_ppr = 0;
    } else if (w_is(r, "p")) {
        if (d->table == 0) {
            end_paragraph(d);
        } else {
            /* the paragraphs of a cell are words of one line */
            d->cell.space = d->cell.line;
        }
    } else if (w_is(r, "tc") && d->table == 1) {
        for (size_t i = 0; i < d->cell.len; i++)
            if (d->cell.s[i] == '\n')
                d->cell.s[i] = ' ';
        if (d->cell.len)
            cc_xbuf__text(&d->out, d->cell.s, d->cell.len);
        d->out.oom |= d->cell.oom;
        d->cell.len = 0;
        d->cell.line = 0;
        d->cell.sep = 0;
    } else if (w_is(r, "tr") && d->table == 1) {
        cc_xbuf__break(&d->out);
    } else if (w_is(r, "tbl") && d->table > 0) {
        if (--d->table == 0)
            cc_xbuf__blank(&d->out);
    }
}

static cc_status
read_document(docx *d, const char *buf, size_t len, const char *source,
              cc_error *err)
{
    xml_error xe = {0, ""};
    xmlTextReaderPtr r = open_xml(buf, len, "word/document.xml", &xe);
    int rc, skip_depth = -1;

    if (!r)
        return cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
    while ((rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        if (skip_depth >= 0) {
            /* inside deleted text, a field code, a fallback copy */
            if (type == XML_READER_TYPE_END_ELEMENT &&
                xmlTextReaderDepth(r) == skip_depth)
                skip_depth = -1;
            continue;
        }
        if (type == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(r);
            if (skip_element(r)) {
                if (!empty)
                    skip_depth = xmlTextReaderDepth(r);
                continue;
            }
            start_element(d, r, empty);
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            end_element(d, r);
        } else if ((type == XML_READER_TYPE_TEXT ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
                   !d->in_ppr) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                cc_xbuf__cstr(&d->cell, (const char *)v);
        }
    }
    xmlFreeTextReader(r);
    if (rc != 0 || xe.line)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "word/document.xml is not well-formed XML "
                             "(line %d: %s)",
                             xe.line ? xe.line : 1,
                             xe.line ? xe.message : "malformed");
    return CC_OK;
}

cc_status
cc_extract__docx(cc_extracted *out, const char *data, size_t len,
                 const char *source, cc_error *err)
{
    zip_api zips;
    const zip_api *api = &zips;
    zip_error_t ze;
    zip_source_t *src = NULL;
    zip_t *za = NULL;
    char *xml = NULL, *num = NULL;
    size_t xml_len = 0, num_len = 0;
    docx *d = NULL;
    cc_status st;

    memset(out, 0, sizeof *out);
    if (len < 22) /* shorter than a zip's end of central directory */
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "not a Word document (not a zip archive)");
    memset(&zips, 0, sizeof zips);
    if ((st = cc_dynlib__open(&zips.handle, &zips, ZIP_SYMBOLS,
                              sizeof ZIP_SYMBOLS / sizeof ZIP_SYMBOLS[0],
                              CC_LIBZIP_SONAME, "a Word document", source,
                              err)) != CC_OK)
        return st;
    api->p_zip_error_init(&ze);
    if (!(d = calloc(1, sizeof *d))) {
        st = cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
        goto done;
    }
    src = api->p_zip_source_buffer_create(data, len, 0, &ze);
    if (!src) {
        st = cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
        goto done;
    }
    za = api->p_zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!za) {
        int code = api->p_zip_error_code_zip(&ze);
        api->p_zip_source_free(src);
        if (code == ZIP_ER_NOZIP || code == ZIP_ER_INVAL)
            st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                               "not a Word document (not a zip archive)");
        else if (code == ZIP_ER_MEMORY)
            st =
                cc_error__set(err, CC_ENOMEM, source, 0, 0, 0, "out of memory");
        else
            st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                               "the zip archive is damaged: %s",
                               api->p_zip_error_strerror(&ze));
        goto done;
    }
    st = read_part(&xml, &xml_len, api, za, "word/document.xml", source, err);
    if (st != CC_OK)
        goto done;
    if (!xml) {
        st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                           "not a Word document (no word/document.xml in the "
                           "zip archive)");
        goto done;
    }
    if (xml_len > INT_MAX) {
        st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                           "word/document.xml is too large");
        goto done;
    }
    st = read_part(&num, &num_len, api, za, "word/numbering.xml", source, err);
    if (st != CC_OK)
        goto done;
    if (num)
        read_numbering(&d->nb, num, num_len);
    st = read_document(d, xml, xml_len, source, err);
    if (st != CC_OK)
        goto done;
    d->out.oom |= d->cell.oom;
    st = cc_xbuf__finish(&d->out, out, source, "document", err);
done:
    if (za)
        api->p_zip_discard(za);
    if (d) {
        cc_xbuf__free(&d->out);
        cc_xbuf__free(&d->cell);
    }
    free(d);
    free(xml);
    free(num);
    api->p_zip_error_fini(&ze);
    cc_dynlib__close(&zips.handle);
    return st;
}
