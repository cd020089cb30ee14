/*
 * The HTML report, 'caseclock timeline --format html', for every
 * fixtures/seed-* and fixtures/timeline-* case with an expected.json, and
 * for fixtures/html-escape (markup, quotes and control characters in every
 * part of a decision).
 *
 * For each case: the same bytes on a second run; well formed by the strict
 * reader below; nothing that could fetch anything (no http: or https:, no
 * src="...", <link, <script, @import or url() but url(#...)); and every event,
 * deadline and statement of delay of the JSON output is there: its table
 * row with its dates, kind or status and sentence, and its mark in the
 * chart.  tests/browser.sh checks the same in a real browser's DOM.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <ctype.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_run.h"

/* ------------------------------------------------------------------ */
/* Running the command                                                 */

/* Runs "timeline <dir>/input.txt --format FMT" with <dir>/args. */
static void
run_report(cli_result *r, const char *dir, const char *fmt)
{
    char input[512], path[512], store[256] = "", *save = NULL, *tok;
    const char *argv[16];
    size_t n = 0;
    FILE *fp;

    snprintf(input, sizeof input, "%s/input.txt", dir);
    argv[n++] = "timeline";
    argv[n++] = input;
    argv[n++] = "--format";
    argv[n++] = fmt;
    snprintf(path, sizeof path, "%s/args", dir);
    fp = fopen(path, "r");
    if (fp) {
        if (!fgets(store, (int)sizeof store, fp))
            store[0] = '\0';
        fclose(fp);
    }
    for (tok = strtok_r(store, " \t\r\n", &save); tok && n < 14;
         tok = strtok_r(NULL, " \t\r\n", &save))
        argv[n++] = tok;
    argv[n] = NULL;
    cli_run(r, argv, NULL);
    cr_assert(eq(int, r->status, 0), "%s --format %s: %s", dir, fmt, r->err);
}

/* ------------------------------------------------------------------ */
/* A strict reader for the HTML the report writes                      */

/*
 * Stricter than HTML: what a browser would repair, this refuses, so that
 * the DOM a browser builds is the document as written.
 *  - <!DOCTYPE html> first; then one <html> whose elements all close, in
 *    order, except the void ones (meta, br, ...), which must not;
 *    "<x/>" only inside <svg>.
 *  - Attributes: lower-case names (SVG's camelCase ones inside <svg>),
 *    each once, values in double quotes.
 *  - Text and values: no raw <, > or control character; & only as &amp;
 *    &lt; &gt; &quot; &#39;.  <style> holds CSS with none of < > &.
 *  - Nesting the parser would otherwise rearrange: <tr> only in <thead>
 *    or <tbody>, cells only in <tr>, <li> only in <ul>, <dt> and <dd> only
 *    in <dl> or a <div> in it; nothing block-level inside <p>.
 *  - ids unique; every href="#x" and aria-labelledby names an id.
 */

typedef struct reader {
    const char *doc, *p;
    char stack[64][16];
    int depth;
    char **ids, **refs;
    size_t nids, nrefs;
    char error[256];
} reader;

static int
fail(reader *r, const char *what)
{
    long line = 1;

    for (const char *q = r->doc; q < r->p; q++)
        line += *q == '\n';
    if (!r->error[0])
        snprintf(r->error, sizeof r->error, "line %ld: %s near '%.40s'", line,
                 what, r->p);
    return 0;
}

static int
in_element(const reader *r, const char *name)
{
    for (int i = 0; i < r->depth; i++)
        if (strcmp(r->stack[i], name) == 0)
            return 1;
    return 0;
}

static const char *
parent(const reader *r)
{
    return r->depth ? r->stack[r->depth - 1] : "";
}

static int
one_of(const char *name, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(name, *set) == 0)
            return 1;
    return 0;
}

static const char *const VOID_ELEMENTS[] = {"meta", "br",    "hr",  "img",
                                            "link", "input", "wbr", NULL};
static const char *const BLOCK_ELEMENTS[] = {
    "address", "article", "aside", "blockquote", "div",        "dl",
    "figure",  "footer",  "form",  "h1",         "h2",         "h3",
    "header",  "hr",      "main",  "nav",        "ol",         "p",
    "pre",     "section", "table", "ul",         "figcaption", NULL};

/* Checks text (or an attribute value) up to `end`: escapes and bytes. */
static int
check_text(reader *r, const char *end)
{
    static const char *const escapes[] = {"&amp;", "&lt;", "&gt;", "&quot;",
                                          "&#39;"};

    while (r->p < end) {
        unsigned char c = (unsigned char)*r->p;
        if (c == '&') {
            size_t k;
            for (k = 0; k < sizeof escapes / sizeof *escapes; k++)
                if (strncmp(r->p, escapes[k], strlen(escapes[k])) == 0)
                    break;
            if (k == sizeof escapes / sizeof *escapes)
                return fail(r, "a bare & or an unknown entity");
            r->p += strlen(escapes[k]);
            continue;
        }
        if (c == '>' || c == '"')
            return fail(r, "a raw > or \" in text");
        if ((c < 0x20 && c != '\n') || c == 0x7f)
            return fail(r, "a control character");
        if (c == 0xc2 && (unsigned char)r->p[1] >= 0x80 &&
            (unsigned char)r->p[1] <= 0x9f)
            return fail(r, "a C1 control character");
        r->p++;
    }
    return 1;
}

static void
add_word(char ***v, size_t *n, const char *s, size_t len)
{
    *v = realloc(*v, (*n + 1) * sizeof **v);
    cr_assert_not_null(*v);
    (*v)[*n] = strndup(s, len);
    cr_assert_not_null((*v)[*n]);
    (*n)++;
}

/* Reads one start tag at r->p ("<name ...>"); pushes it unless void. */
static int
start_tag(reader *r)
{
    char name[16], seen[24][24];
    size_t n = 0, nseen = 0;
    int svg = in_element(r, "svg");

    r->p++;
    while (isalnum((unsigned char)r->p[n]) && n < sizeof name - 1)
        n++;
    if (n == 0 || n == sizeof name - 1)
        return fail(r, "a bad tag name");
    memcpy(name, r->p, n);
    name[n] = '\0';
    svg |= strcmp(name, "svg") == 0;
    for (size_t i = 0; i < n; i++)
        if (isupper((unsigned char)name[i]) && !svg)
            return fail(r, "an upper-case tag name");
    r->p += n;

    /* Where it may go. */
    if (strcmp(name, "tr") == 0 && strcmp(parent(r), "thead") != 0 &&
        strcmp(parent(r), "tbody") != 0)
        return fail(r, "<tr> outside thead or tbody");
    if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) &&
        strcmp(parent(r), "tr") != 0)
        return fail(r, "a cell outside <tr>");
    if (strcmp(name, "li") == 0 && strcmp(parent(r), "ul") != 0)
        return fail(r, "<li> outside <ul>");
    if ((strcmp(name, "ul") == 0 || strcmp(name, "tbody") == 0) &&
        strcmp(parent(r), "p") == 0)
        return fail(r, "a list or table body in <p>");
    if ((strcmp(name, "dt") == 0 || strcmp(name, "dd") == 0) &&
        strcmp(parent(r), "dl") != 0 &&
        !(strcmp(parent(r), "div") == 0 && r->depth >= 2 &&
          strcmp(r->stack[r->depth - 2], "dl") == 0))
        return fail(r, "<dt> or <dd> outside <dl>");
    if (strcmp(parent(r), "table") == 0 &&
        !one_of(name, (const char *const[]){"caption", "thead", "tbody", NULL}))
        return fail(r, "something other than caption, thead or tbody in "
                       "<table>");
    if (one_of(name, BLOCK_ELEMENTS) && in_element(r, "p"))
        return fail(r, "a block element inside <p>");

    /* Its attributes. */
    for (;;) {
        const char *a = r->p, *v, *end;
        size_t an = 0;
        while (*r->p == ' ')
            r->p++;
        if (*r->p == '>' || (r->p[0] == '/' && r->p[1] == '>'))
            break;
        if (r->p == a)
            return fail(r, "no space before an attribute");
        a = r->p;
        while (isalnum((unsigned char)a[an]) || a[an] == '-')
            an++;
        if (an == 0 || an >= sizeof seen[0] || a[an] != '=' || a[an + 1] != '"')
            return fail(r, "an attribute not written name=\"value\"");
        for (size_t i = 0; i < an; i++)
            if (isupper((unsigned char)a[i]) && !svg)
                return fail(r, "an upper-case attribute name");
        for (size_t i = 0; i < nseen; i++)
            if (strlen(seen[i]) == an && strncmp(seen[i], a, an) == 0)
                return fail(r, "an attribute given twice");
        if (nseen < sizeof seen / sizeof *seen) {
            memcpy(seen[nseen], a, an);
            seen[nseen++][an] = '\0';
        }
        v = a + an + 2;
        end = strchr(v, '"');
        if (!end || memchr(v, '<', (size_t)(end - v)))
            return fail(r, "an unterminated attribute value");
        r->p = v;
        if (!check_text(r, end))
            return 0;
        if (an == 2 && strncmp(a, "id", 2) == 0)
            add_word(&r->ids, &r->nids, v, (size_t)(end - v));
        if (an == 4 && strncmp(a, "href", 4) == 0) {
            if (*v != '#')
                return fail(r, "a link out of the page");
            add_word(&r->refs, &r->nrefs, v + 1, (size_t)(end - v - 1));
        }
        if (an == 15 && strncmp(a, "aria-labelledby", 15) == 0) {
            for (const char *w = v; w < end;) {
                size_t k = strcspn(w, " \"");
                if (k)
                    add_word(&r->refs, &r->nrefs, w, k);
                w += k;
                while (*w == ' ')
                    w++;
            }
        }
        r->p = end + 1;
    }
    if (*r->p == '/') {
        if (!svg)
            return fail(r, "a self-closing tag outside <svg>");
        r->p += 2;
        return 1;
    }
    r->p++;
    if (one_of(name, VOID_ELEMENTS))
        return 1;
    if (r->depth == (int)(sizeof r->stack / sizeof *r->stack))
        return fail(r, "elements nested too deep");
    strcpy(r->stack[r->depth++], name);
    if (strcmp(name, "style") == 0) {
        const char *end = strstr(r->p, "</style>");
        if (!end)
            return fail(r, "an unterminated <style>");
        if (strpbrk(r->p, "<>&") < end)
            return fail(r, "< > or & in the style sheet");
        r->p = end;
    }
    return 1;
}

static int
end_tag(reader *r)
{
    size_t n = 0;

    r->p += 2;
    while (isalnum((unsigned char)r->p[n]))
        n++;
    if (r->depth == 0 || strlen(parent(r)) != n ||
        strncmp(parent(r), r->p, n) != 0 || r->p[n] != '>')
        return fail(r, "an end tag that does not close the open element");
    r->depth--;
    r->p += n + 1;
    return 1;
}

/* Returns 1 when `doc` is well formed, else 0 with the reason in err. */
static int
well_formed(const char *doc, char *err, size_t size)
{
    static const char doctype[] = "<!DOCTYPE html>\n";
    reader r;
    int ok = 1;

    memset(&r, 0, sizeof r);
    r.doc = r.p = doc;
    if (strncmp(doc, doctype, strlen(doctype)) != 0)
        ok = fail(&r, "no <!DOCTYPE html> first");
    else
        r.p += strlen(doctype);
    while (ok && *r.p) {
        const char *lt = strchr(r.p, '<');
        const char *end = lt ? lt : r.p + strlen(r.p);
        if (!check_text(&r, end)) {
            ok = 0;
            break;
        }
        if (!lt)
            break;
        if (r.depth == 0 && strncmp(lt, "<html", 5) != 0)
            ok = fail(&r, "content outside <html>");
        else if (lt[1] == '/')
            ok = end_tag(&r);
        else if (isalpha((unsigned char)lt[1]))
            ok = start_tag(&r);
        else
            ok = fail(&r, "a < that starts no tag");
        if (ok && r.depth == 0 && strcmp(r.p, "\n") != 0 && *r.p)
            ok = fail(&r, "more after </html>");
    }
    if (ok && r.depth != 0)
        ok = fail(&r, "elements left open at the end");
    for (size_t i = 0; ok && i < r.nids; i++)
        for (size_t k = i + 1; k < r.nids; k++)
            if (strcmp(r.ids[i], r.ids[k]) == 0) {
                snprintf(r.error, sizeof r.error, "id '%s' twice", r.ids[i]);
                ok = 0;
            }
    for (size_t i = 0; ok && i < r.nrefs; i++) {
        int found = 0;
        for (size_t k = 0; k < r.nids; k++)
            found |= strcmp(r.refs[i], r.ids[k]) == 0;
        if (!found) {
            snprintf(r.error, sizeof r.error, "'#%s' names no id", r.refs[i]);
            ok = 0;
        }
    }
    snprintf(err, size, "%s", r.error);
    for (size_t i = 0; i < r.nids; i++)
        free(r.ids[i]);
    for (size_t i = 0; i < r.nrefs; i++)
        free(r.refs[i]);
    free(r.ids);
    free(r.refs);
    return ok;
}

/* ------------------------------------------------------------------ */
/* What the report must hold                                           */

/* New: s escaped as the report escapes it (& < > " ', and control
 * characters, C0 and C1, as U+FFFD). */
static char *
escaped(const char *s)
{
    char *out, *o;

    out = o = malloc(6 * strlen(s) + 1);
    cr_assert_not_null(out);
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        const char *e = c == '&'                ? "&amp;"
                        : c == '<'              ? "&lt;"
                        : c == '>'              ? "&gt;"
                        : c == '"'              ? "&quot;"
                        : c == '\''             ? "&#39;"
                        : c < 0x20 || c == 0x7f ? "\xEF\xBF\xBD"
                                                : NULL;
        if (c == 0xc2 && (unsigned char)p[1] >= 0x80 &&
            (unsigned char)p[1] <= 0x9f) {
            e = "\xEF\xBF\xBD";
            p++;
        }
        if (e) {
            strcpy(o, e);
            o += strlen(e);
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}

/* New: the element that starts with `open` (a unique start tag), up to
 * its `close`; its tags removed when `text_only`.  NULL when absent. */
static char *
element(const char *doc, const char *open, const char *close, int text_only)
{
    const char *a = strstr(doc, open), *b;
    char *out, *o;

    if (!a)
        return NULL;
    b = strstr(a, close);
    cr_assert_not_null(b, "'%s' is not closed", open);
    out = o = malloc((size_t)(b - a) + 1);
    cr_assert_not_null(out);
    for (const char *p = a; p < b; p++) {
        if (text_only && *p == '<') {
            p = strchr(p, '>');
            continue;
        }
        *o++ = *p;
    }
    *o = '\0';
    return out;
}

static size_t
count(const char *doc, const char *what)
{
    size_t n = 0;

    for (const char *p = strstr(doc, what); p; p = strstr(p + 1, what))
        n++;
    return n;
}

static const char *
str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);

    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* The row has both ends of an interval as <time datetime>. */
static void
expect_dates(const char *row, json_t *interval, const char *what)
{
    const char *ends[] = {"earliest", "latest"};
    char want[64];

    if (!json_is_object(interval))
        return;
    for (size_t i = 0; i < 2; i++) {
        snprintf(want, sizeof want, "datetime=\"%s\"", str(interval, ends[i]));
        cr_expect(strstr(row, want) != NULL, "%s: no %s in its row", what,
                  want);
    }
}

/* Everything of the JSON document is in the report. */
static void
expect_complete(const char *dir, const char *html, json_t *root)
{
    json_t *events = json_object_get(root, "events");
    json_t *deadlines = json_object_get(root, "deadlines");
    json_t *findings = json_object_get(root, "findings");
    json_t *o;
    size_t i;
    char open[64], what[96];

    cr_expect(eq(sz, count(html, "<tr id=\"e"), json_array_size(events)),
              "%s: event rows", dir);
    cr_expect(eq(sz, count(html, "<tr id=\"d"), json_array_size(deadlines)),
              "%s: deadline rows", dir);
    cr_expect(eq(sz, count(html, "<tr id=\"f"), json_array_size(findings)),
              "%s: finding rows", dir);
    json_array_foreach(events, i, o)
    {
        const char *id = str(o, "id");
        char *row, *text, *want;
        snprintf(what, sizeof what, "%s event %s", dir, id);
        snprintf(open, sizeof open, "<tr id=\"%s\" ", id);
        row = element(html, open, "</tr>", 0);
        cr_assert_not_null(row, "%s: no row", what);
        expect_dates(row, json_object_get(o, "date"), what);
        want = escaped(str(o, "kind"));
        text = element(html, open, "</tr>", 1);
        cr_expect(strstr(text, want) != NULL, "%s: kind '%s' not in its row",
                  what, want);
        free(want);
        if (strcmp(str(o, "kind"), "decision") != 0) {
            want = escaped(str(o, "sentence"));
            cr_expect(strstr(text, want) != NULL,
                      "%s: its sentence is not in its row:\n%s\n%s", what, want,
                      text);
            free(want);
        }
        snprintf(open, sizeof open, "<g id=\"c-%s\" ", id);
        cr_expect(strstr(html, open) != NULL, "%s: not in the chart", what);
        free(text);
        free(row);
    }
    json_array_foreach(deadlines, i, o)
    {
        const char *id = str(o, "id");
        char *row, *want;
        snprintf(what, sizeof what, "%s deadline %s", dir, id);
        snprintf(open, sizeof open, "<tr id=\"%s\" data-status=\"%s\">", id,
                 str(o, "status"));
        row = element(html, open, "</tr>", 0);
        cr_assert_not_null(row, "%s: no row %s", what, open);
        expect_dates(row, json_object_get(o, "due"), what);
        expect_dates(row, json_object_get(o, "actual"), what);
        want = escaped(str(o, "title"));
        cr_expect(strstr(row, want) != NULL, "%s: title not in its row", what);
        free(want);
        want = escaped(str(o, "note"));
        cr_expect(strstr(row, want) != NULL, "%s: note not in its row", what);
        free(want);
        snprintf(open, sizeof open, "<g id=\"c-%s\" class=\"dl st-%s\">", id,
                 str(o, "status"));
        cr_expect(strstr(html, open) != NULL, "%s: not in the chart", what);
        free(row);
    }
    json_array_foreach(findings, i, o)
    {
        const char *id = str(o, "id");
        char *text, *want;
        snprintf(what, sizeof what, "%s finding %s", dir, id);
        snprintf(open, sizeof open, "<tr id=\"%s\" ", id);
        text = element(html, open, "</tr>", 1);
        cr_assert_not_null(text, "%s: no row", what);
        want = escaped(str(o, "verdict"));
        cr_expect(strstr(text, want) != NULL, "%s: verdict", what);
        free(want);
        want = escaped(str(o, "text"));
        cr_expect(strstr(text, want) != NULL, "%s: its words", what);
        free(want);
        free(text);
    }
}

/* Nothing in the page can make a browser fetch anything. */
static void
expect_self_contained(const char *dir, const char *html)
{
    static const char *const never[] = {
        "http:",   "https:",  "//",      " src=\"", "<link",
        "<script", "@import", "<iframe", "<object", "<embed"};
    const char *p;

    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        cr_expect(strstr(html, never[i]) == NULL, "%s: the page has '%s'", dir,
                  never[i]);
    for (p = strstr(html, "url("); p; p = strstr(p + 1, "url("))
        cr_expect(p[4] == '#', "%s: url() of something outside the page: %.30s",
                  dir, p);
    cr_expect(strstr(html, "content=\"default-src 'none'; style-src "
                           "'unsafe-inline'\"") != NULL,
              "%s: no Content-Security-Policy", dir);
}

static void
check_case(const char *dir)
{
    cli_result html, again, json;
    json_error_t jerr;
    json_t *root;
    char err[256];

    run_report(&html, dir, "html");
    run_report(&again, dir, "html");
    cr_expect(html.out_len == again.out_len &&
                  memcmp(html.out, again.out, html.out_len) == 0,
              "%s: two runs, two reports", dir);
    cr_expect(strlen(html.out) == html.out_len, "%s: a NUL in the page", dir);
    cr_expect(well_formed(html.out, err, sizeof err), "%s: %s", dir, err);
    expect_self_contained(dir, html.out);
    run_report(&json, dir, "json");
    root = json_loads(json.out, 0, &jerr);
    cr_assert_not_null(root, "%s: JSON: %s", dir, jerr.text);
    expect_complete(dir, html.out, root);
    json_decref(root);
    cli_result_free(&json);
    cli_result_free(&again);
    cli_result_free(&html);
}

/* ------------------------------------------------------------------ */
/* The cases                                                           */

ParameterizedTestParameters(html, fixture)
{
    size_t n;
    char **names = cli_test_timeline_fixtures(&n);

    return cr_make_param_array(char *, names, n, NULL);
}

ParameterizedTest(char **dirp, html, fixture)
{
    check_case(*dirp);
}

/* Is `what` (lower case) in s, in any case? */
static int
has_nocase(const char *s, const char *what)
{
    size_t n = strlen(what);

    for (; *s; s++) {
        size_t k = 0;
        while (k < n && tolower((unsigned char)s[k]) == what[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* Markup in the header, the sentences, an agreed action and a stated
 * delay is shown as text, never run or parsed. */
Test(html, escaping)
{
    static const char dir[] = "fixtures/html-escape";
    static const char *const never[] = {
        "<script",     "<b>",       "<img",       "<!--",
        "<style>body", "</table><", " onerror=\""};
    static const char *const shown[] = {
        "<h1>Smith &amp; &quot;Jones&quot; &lt;script&gt;alert(&#39;"
        "authority&#39;)&lt;/script&gt; Borough Council</h1>",
        "<dd>Adult care services &gt; Other &lt;b&gt;bold&lt;/b&gt;</dd>",
        "3 January 2022</time>",
        "<mark>3 January 2022</mark> &lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;"
        "&lt;script&gt;alert(1)&lt;/script&gt;.",
        "&quot;too late&quot; &amp; &#39;too short&#39; &lt;!-- comment "
        "--&gt; &lt;img src=x onerror=alert(2)&gt;.",
        /* Text that looks escaped already is escaped again. */
        "\\\\ &amp;amp; &amp;#60;script&amp;#62; \xE2\x80\x93 "
        "\xE2\x80\x98quoted\xE2\x80\x99 caf\xC3\xA9",
        /* Control characters, which HTML does not allow, as U+FFFD. */
        "bell \xEF\xBF\xBD and \xEF\xBF\xBD.",
        "apologise to Mr Q &lt;script&gt;alert(&#39;action&#39;)&lt;/script"
        "&gt;.",
        "late &lt;style&gt;body{display:none}&lt;/style&gt;.",
    };
    cli_result r;

    check_case(dir);
    run_report(&r, dir, "html");
    for (size_t i = 0; i < sizeof never / sizeof *never; i++)
        cr_expect(has_nocase(r.out, never[i]) == 0,
                  "the decision's '%s' is in the page as markup", never[i]);
    for (size_t i = 0; i < sizeof shown / sizeof *shown; i++)
        cr_expect(strstr(r.out, shown[i]) != NULL, "not in the page: %s",
                  shown[i]);
    cli_result_free(&r);
}

/* A text with no dates still gives a whole page. */
Test(html, no_dates)
{
    const char *argv[] = {"timeline", "-", "--format", "html", NULL};
    char err[256];
    cli_result r;

    cli_run(&r, argv, "Nothing here is dated.\n");
    cr_assert(eq(int, r.status, 0), "%s", r.err);
    cr_expect(well_formed(r.out, err, sizeof err), "%s", err);
    cr_expect(strstr(r.out, "gives no dates to draw") != NULL);
    cr_expect(strstr(r.out, "<svg class=\"chart main\"") == NULL);
    cr_expect(strstr(r.out, "The decision dates no events.") != NULL);
    expect_self_contained("<stdin>", r.out);
    cli_result_free(&r);
}

/* --today turns an open deadline overdue, and says so in words. */
Test(html, today)
{
    const char *argv[] = {
        "timeline", "fixtures/timeline-agreed-actions-month-end/input.txt",
        "--format", "html",
        "--today",  "2030-01-01",
        NULL};
    cli_result r;

    cli_run(&r, argv, NULL);
    cr_assert(eq(int, r.status, 0), "%s", r.err);
    cr_expect(strstr(r.out, "<dt>Today (as given)</dt><dd><time "
                            "datetime=\"2030-01-01\">") != NULL);
    cr_expect(strstr(r.out, "data-status=\"overdue\"") != NULL);
    cr_expect(strstr(r.out, ">OVERDUE</span>") != NULL);
    cr_expect(strstr(r.out, "class=\"today-line\"") != NULL);
    cli_result_free(&r);
}

/* The reader above refuses what it should. */
Test(html, reader_refuses)
{
    static const char head[] = "<!DOCTYPE html>\n<html lang=\"en\">";
    static const struct {
        const char *body;
        const char *why;
    } bad[] = {
        {"<p>a & b</p>", "a bare &"},
        {"<p>a <b</p>", "a < that starts no tag"},
        {"<p>a > b</p>", "a raw >"},
        {"<p><div></div></p>", "a block in a paragraph"},
        {"<table><tr><td></td></tr></table>", "a row outside tbody"},
        {"<p id=\"x\"></p><p id=\"x\"></p>", "an id twice"},
        {"<a href=\"#y\"></a>", "a link to no id"},
        {"<a href=\"https://example.invalid/\"></a>", "a link out"},
        {"<p class=x></p>", "an unquoted value"},
        {"<p></span>", "a mismatched end tag"},
        {"<p>", "an unclosed element"},
        {"<br/>", "a self-closing tag outside svg"},
        {"<p>\x01</p>", "a control character"},
    };
    char doc[256], err[256];

    snprintf(doc, sizeof doc,
             "%s<p id=\"x\"><a href=\"#x\">ok</a></p>"
             "<svg><path d=\"M0 0\"/></svg></html>\n",
             head);
    cr_expect(well_formed(doc, err, sizeof err), "%s", err);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        snprintf(doc, sizeof doc, "%s%s</html>\n", head, bad[i].body);
        cr_expect(well_formed(doc, err, sizeof err) == 0, "accepted %s: %s",
                  bad[i].why, bad[i].body);
    }
}
