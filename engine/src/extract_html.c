/*
 * A web page's text: a decision page saved from lgo.org.uk, or any HTML.
 *
 * libxml2's HTML parser builds the tree (no network, no messages); the
 * walk takes the main content (<main>, role="main", <article>, else
 * <body>), leaves out what a reader does not read as the decision (scripts,
 * styles, navigation, forms, cookie banners, "Back to top" links, the
 * site's header and footer) and writes one block a line: headings and
 * paragraphs between blank lines, list items one a line ("3. text" in an
 * <ol>, "• text" in a <ul>), "Term : value" for a <dl>'s pairs (the
 * decision page's "Category : ..." fields), " | " between table cells.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "error.h"
#include "extract.h"
#include "extract_out.h"

/* Elements whose content is never the decision's text. */
static const char *const dropped[] = {
    "script", "style",    "noscript", "nav",    "form",   "button",
    "select", "textarea", "template", "svg",    "iframe", "object",
    "embed",  "canvas",   "aside",    "dialog", "head",   "title",
    "input",  "label",    "video",    "audio",  "map",    "img"};

/* Elements that end the line before and after them. */
static const char *const blocks[] = {
    "div",     "section", "article",    "main",     "header",  "footer",
    "address", "figure",  "figcaption", "fieldset", "details", "summary",
    "center",  "body",    "html",       "tbody",    "thead",   "tfoot",
    "caption", "hr",      "dd",         "dt"};

/* Blocks with a blank line before and after. */
static const char *const spaced[] = {"p",  "h1", "h2",         "h3",  "h4",
                                     "h5", "h6", "blockquote", "pre", "ol",
                                     "ul", "dl", "table"};

typedef struct walk {
    cc_xbuf out;
    int site;  /* walking <body>: its <header> and <footer> are the site's */
    int pre;   /* inside <pre> */
    int lists; /* depth of <ol> and <ul> */
} walk;

static int
is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, name) == 0;
}

static int
in_list(const xmlNode *n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (is(n, list[i]))
            return 1;
    return 0;
}

#define IN(n, list) in_list((n), (list), sizeof(list) / sizeof *(list))

/* An attribute's value contains `word` (ASCII case ignored). */
static int
attr_has(const xmlNode *n, const char *attr, const char *word)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
    int found = 0;
    if (v) {
        size_t wl = strlen(word);
        for (const xmlChar *p = v; *p && !found; p++)
            found = strncasecmp((const char *)p, word, wl) == 0;
        xmlFree(v);
    }
    return found;
}

/* The element's text, white space collapsed, compared with `want`. */
static int
text_is(const xmlNode *n, const char *want)
{
    xmlChar *v = xmlNodeGetContent(n);
    int same = 0;
    if (v) {
        const char *b = (const char *)v, *e = b + strlen(b);
        while (b < e && (unsigned char)*b <= ' ')
            b++;
        while (e > b && (unsigned char)e[-1] <= ' ')
            e--;
        same = (size_t)(e - b) == strlen(want) &&
               strncasecmp(b, want, strlen(want)) == 0;
        xmlFree(v);
    }
    return same;
}

static int
skipped(const walk *w, const xmlNode *n)
{
    if (IN(n, dropped))
        return 1;
    if (w->site && (is(n, "header") || is(n, "footer")))
        return 1;
    if (xmlHasProp(n, (const xmlChar *)"hidden") ||
        attr_has(n, "aria-hidden", "true") ||
        attr_has(n, "role", "navigation") || attr_has(n, "role", "banner") ||
        attr_has(n, "role", "contentinfo"))
        return 1;
    if (attr_has(n, "class", "cookie") || attr_has(n, "id", "cookie") ||
        attr_has(n, "class", "breadcrumb") ||
        attr_has(n, "class", "back-to-top") ||
        attr_has(n, "class", "skip-link"))
        return 1;
    if (is(n, "a") && (text_is(n, "back to top") || text_is(n, "top")))
        return 1;
    return 0;
}

static void walk_children(walk *w, const xmlNode *n);

static void
text_node(walk *w, const xmlNode *n)
{
    const char *s = (const char *)n->content;
    if (!s)
        return;
    if (!w->pre) {
        cc_xbuf__cstr(&w->out, s);
        return;
    }
    while (*s) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        cc_xbuf__text(&w->out, s, len);
        if (!nl)
            break;
        cc_xbuf__break(&w->out);
        s = nl + 1;
    }
}

/* The number an <ol> gives its first item. */
static long
list_start(const xmlNode *ol)
{
    xmlChar *v = xmlGetProp(ol, (const xmlChar *)"start");
    long n = 1;
    if (v) {
        char *end;
        long x = strtol((const char *)v, &end, 10);
        if (end != (char *)v && x >= 0 && x < 1000000)
            n = x;
        xmlFree(v);
    }
    return n;
}

static void
list(walk *w, const xmlNode *l)
{
    long number = list_start(l);
    int ordered = is(l, "ol");

    if (w->lists++ == 0)
        cc_xbuf__blank(&w->out);
    else
        cc_xbuf__break(&w->out); /* a list in an item: no blank lines */
    for (const xmlNode *c = l->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (!is(c, "li")) {
            if (!skipped(w, c))
                walk_children(w, c);
            continue;
        }
        if (skipped(w, c))
            continue;
        if (ordered) {
            xmlChar *v = xmlGetProp(c, (const xmlChar *)"value");
            char mark[32];
            size_t at;
            if (v) {
                char *end;
                long x = strtol((const char *)v, &end, 10);
                if (end != (char *)v && x >= 0 && x < 1000000)
                    number = x;
                xmlFree(v);
            }
            cc_xbuf__break(&w->out);
            snprintf(mark, sizeof mark, "%ld. ", number++);
            cc_xbuf__cstr(&w->out, mark);
            at = w->out.len;
            walk_children(w, c);
            /* an empty item leaves no bare number */
            if (w->out.line && w->out.len == at)
                cc_xbuf__drop_line(&w->out);
        } else {
            size_t at;
            cc_xbuf__break(&w->out);
            cc_xbuf__cstr(&w->out, "\xE2\x80\xA2 ");
            at = w->out.len;
            walk_children(w, c);
            if (w->out.line && w->out.len == at)
                cc_xbuf__drop_line(&w->out);
        }
        cc_xbuf__break(&w->out);
    }
    if (--w->lists == 0)
        cc_xbuf__blank(&w->out);
}

/* <dl>: "Term : value", the decision page's header fields. */
static void
definitions(walk *w, const xmlNode *dl)
{
    int after_term = 0;

    cc_xbuf__blank(&w->out);
    for (const xmlNode *c = dl->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(w, c))
            continue;
        if (is(c, "dt")) {
            cc_xbuf__blank(&w->out);
            walk_children(w, c);
            after_term = w->out.line;
        } else if (is(c, "dd")) {
            if (after_term)
                cc_xbuf__cstr(&w->out, " : ");
            else
                cc_xbuf__blank(&w->out);
            walk_children(w, c);
            after_term = 0;
        } else {
            walk_children(w, c);
        }
    }
    cc_xbuf__blank(&w->out);
}

static void
row(walk *w, const xmlNode *tr)
{
    int cells = 0;

    cc_xbuf__break(&w->out);
    for (const xmlNode *c = tr->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || skipped(w, c))
            continue;
        if (!is(c, "td") && !is(c, "th"))
            continue;
        if (cells++ > 0)
            cc_xbuf__cstr(&w->out, " | ");
        walk_children(w, c);
    }
    cc_xbuf__break(&w->out);
}

static void
element(walk *w, const xmlNode *n)
{
    if (skipped(w, n))
        return;
    if (is(n, "br")) {
        cc_xbuf__break(&w->out);
        return;
    }
    if (is(n, "ol") || is(n, "ul")) {
        list(w, n);
        return;
    }
    if (is(n, "dl")) {
        definitions(w, n);
        return;
    }
    if (is(n, "tr")) {
        row(w, n);
        return;
    }
    if (IN(n, spaced)) {
        int pre = w->pre;
        cc_xbuf__blank(&w->out);
        w->pre = pre || is(n, "pre");
        walk_children(w, n);
        w->pre = pre;
        cc_xbuf__blank(&w->out);
        return;
    }
    if (IN(n, blocks) || is(n, "li")) {
        cc_xbuf__break(&w->out);
        walk_children(w, n);
        cc_xbuf__break(&w->out);
        return;
    }
    walk_children(w, n); /* inline: <span>, <a>, <strong>, ... */
}

static void
walk_children(walk *w, const xmlNode *n)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
            text_node(w, c);
        else if (c->type == XML_ELEMENT_NODE)
            element(w, c);
        else if (c->type == XML_ENTITY_REF_NODE)
            walk_children(w, c);
    }
}

/* The first element, depth first, that `pick` accepts. */
static const xmlNode *
find(const xmlNode *n, int (*pick)(const xmlNode *))
{
    for (; n; n = n->next) {
        const xmlNode *f;
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (pick(n))
            return n;
        if (IN(n, dropped))
            continue;
        if ((f = find(n->children, pick)))
            return f;
    }
    return NULL;
}

static int
pick_main(const xmlNode *n)
{
    return is(n, "main") || attr_has(n, "role", "main");
}

static int
pick_article(const xmlNode *n)
{
    return is(n, "article");
}

static int
pick_body(const xmlNode *n)
{
    return is(n, "body");
}

/* A declared character set near the start (else the page is UTF-8). */
static int
declares_charset(const char *data, size_t len)
{
    size_t n = len < 2048 ? len : 2048;
    static const char key[] = "charset";
    for (size_t i = 0; i + sizeof key - 1 <= n; i++)
        if (strncasecmp(data + i, key, sizeof key - 1) == 0)
            return 1;
    return 0;
}

cc_status
cc_extract__html(cc_extracted *out, const char *data, size_t len,
                 const char *source, cc_error *err)
{
    htmlDocPtr doc = NULL;
    const xmlNode *root, *top;
    walk w;
    cc_status st;

    memset(out, 0, sizeof *out);
    memset(&w, 0, sizeof w);
    if (len > INT_MAX)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "the page is too large (%zu bytes)", len);
    doc = htmlReadMemory(
        data, (int)len, NULL, declares_charset(data, len) ? NULL : "UTF-8",
        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc || !(root = xmlDocGetRootElement(doc))) {
        st = cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                           "no text in the page");
        goto done;
    }
    top = find(root, pick_main);
    if (!top)
        top = find(root, pick_article);
    if (!top) {
        top = find(root, pick_body);
        w.site = 1;
    }
    if (top) {
        element(&w, top);
    } else {
        /* a fragment: no <body> */
        w.site = 1;
        for (const xmlNode *n = root; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE)
                element(&w, n);
            else if (n->type == XML_TEXT_NODE)
                text_node(&w, n);
    }
    st = cc_xbuf__finish(&w.out, out, source, "page", err);
done:
    cc_xbuf__free(&w.out);
    xmlFreeDoc(doc);
    return st;
}
