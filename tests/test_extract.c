/*
 * The document readers on real documents: tests/formats/SEED/seed.html,
 * .pdf and .docx (made from the seeds by tests/formats/make.py) each give
 * the seed's own lines: the header fields, the section headings, every
 * numbered paragraph and bullet, in order, word for word (white space and
 * no-break spaces aside).  Then what each reader must do on small
 * documents, and the documents each must refuse, with their messages.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "extract.h"
#include "read_file.h"

typedef cc_status (*reader)(cc_extracted *, const char *, size_t, const char *,
                            cc_error *);

/* ------------------------------------------------------------------ */
/* Lines compared                                                      */

typedef struct lineset {
    char **v;
    size_t n, cap;
} lineset;

/* A line with runs of white space (and U+00A0) one space, trimmed. */
static char *
normal_line(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t k = 0;
    int space = 0;
    cr_assert(out != NULL);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            space = 1;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            space = 1;
            i++;
            continue;
        }
        if (space && k > 0)
            out[k++] = ' ';
        space = 0;
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return out;
}

static void
push(lineset *ls, char *s)
{
    if (ls->n == ls->cap) {
        ls->cap = ls->cap ? ls->cap * 2 : 64;
        ls->v = realloc(ls->v, ls->cap * sizeof *ls->v);
        cr_assert(ls->v != NULL);
    }
    ls->v[ls->n++] = s;
}

/* The non-blank lines of text[0..len), up to a line `stop` (not kept),
 * leaving out lines equal to `skip`. */
static void
split_lines(lineset *ls, const char *text, size_t len, const char *stop,
            const char *skip)
{
    size_t b = 0;
    while (b < len) {
        const char *nl = memchr(text + b, '\n', len - b);
        size_t e = nl ? (size_t)(nl - text) : len;
        char *l = normal_line(text + b, e - b);
        b = e + 1;
        if (stop && strcmp(l, stop) == 0) {
            free(l);
            break;
        }
        if (l[0] == '\0' || (skip && strcmp(l, skip) == 0)) {
            free(l);
            continue;
        }
        push(ls, l);
    }
}

static void
lineset_free(lineset *ls)
{
    for (size_t i = 0; i < ls->n; i++)
        free(ls->v[i]);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}

static int
has_line(const lineset *ls, const char *want)
{
    for (size_t i = 0; i < ls->n; i++)
        if (strcmp(ls->v[i], want) == 0)
            return 1;
    return 0;
}

/* ------------------------------------------------------------------ */
/* The seeds in each format                                            */

static const char *const seeds[] = {"seed-18-016-293", "seed-18-017-259",
                                    "seed-19-006-719", "seed-21-017-982",
                                    "seed-21-018-897"};

/* Every seed of fixtures/ has its documents here (a new seed needs
 * tests/formats/make.py run again). */
Test(extract, every_seed_has_documents)
{
    DIR *d = opendir("fixtures");
    struct dirent *e;
    size_t found = 0;
    cr_assert(d != NULL, "run from the source root");
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, "seed-", 5) != 0)
            continue;
        found++;
        int listed = 0;
        for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++)
            listed |= strcmp(seeds[i], e->d_name) == 0;
        cr_expect(listed, "fixtures/%s is not in test_extract.c's seeds",
                  e->d_name);
    }
    closedir(d);
    cr_expect(eq(sz, found, sizeof seeds / sizeof *seeds));
}

/* The seed's lines: the decision up to the page furniture after it
 * ("Print this page" and the cookie banner), without "Back to top". */
static void
seed_lines(lineset *ls, const char *seed)
{
    char path[256];
    size_t len;
    char *text;
    snprintf(path, sizeof path, "fixtures/%s/input.txt", seed);
    text = cc_test_read_file(path, &len);
    cr_assert(text != NULL, "%s cannot be read", path);
    split_lines(ls, text, len, "Print this page", "Back to top");
    free(text);
    cr_assert(gt(sz, ls->n, 20), "%s: too few lines", path);
}

static void
extract_file(cc_extracted *x, reader read, const char *path)
{
    cc_error err;
    size_t len;
    char *data = cc_test_read_file(path, &len);
    cr_assert(data != NULL, "%s cannot be read", path);
    memset(&err, 0, sizeof err);
    cr_assert(eq(int, read(x, data, len, path, &err), CC_OK), "%s: %s", path,
              err.message);
    free(data);
    cr_assert(x->text != NULL && x->len == strlen(x->text), "%s", path);
    cr_assert(x->text[x->len - 1] == '\n', "%s: no final newline", path);
}

/* The document's lines equal the seed's, one for one. */
static void
same_as_seed(reader read, const char *ext)
{
    for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
        lineset want = {0}, got = {0};
        cc_extracted x;
        char path[256];
        size_t n;

        seed_lines(&want, seeds[i]);
        snprintf(path, sizeof path, "tests/formats/%s/seed.%s", seeds[i], ext);
        extract_file(&x, read, path);
        split_lines(&got, x.text, x.len, NULL, NULL);
        n = want.n < got.n ? want.n : got.n;
        for (size_t k = 0; k < n; k++)
            cr_expect(eq(str, got.v[k], want.v[k]), "%s, line %zu", path,
                      k + 1);
        cr_expect(eq(sz, got.n, want.n), "%s: lines", path);
        /* the header as the reader reads it, each field on its own line */
        cr_expect(has_line(&got, want.v[0]), "%s: authority line", path);
        for (size_t k = 1; k <= 3; k++)
            cr_expect(eq(int, strncmp(got.v[k], want.v[k], 5), 0),
                      "%s: header field %zu", path, k);
        free(x.text);
        lineset_free(&want);
        lineset_free(&got);
    }
}

Test(extract, html_seeds)
{
    same_as_seed(cc_extract__html, "html");
}

Test(extract, pdf_seeds)
{
    same_as_seed(cc_extract__pdf, "pdf");
}

Test(extract, docx_seeds)
{
    same_as_seed(cc_extract__docx, "docx");
}

/* What the page had besides the decision is not in the text; the
 * no-break spaces of its dates are (normalisation reads them). */
Test(extract, html_furniture)
{
    cc_extracted x;
    extract_file(&x, cc_extract__html,
                 "tests/formats/seed-19-006-719/seed.html");
    static const char *const absent[] = {"Skip to main content",
                                         "Make a complaint",
                                         "Not the decision",
                                         "Back to top",
                                         "Print this page",
                                         "These cookies",
                                         "window.dataLayer",
                                         "LGO logogram",
                                         "Local Government and",
                                         "&rsquo;",
                                         "Search"};
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++)
        cr_expect(eq(ptr, strstr(x.text, absent[i]), NULL), "%s", absent[i]);
    cr_expect(strstr(x.text, "22\xC2\xA0March 2019") != NULL ||
              strstr(x.text, "18\xC2\xA0"
                             "Dec") != NULL);
    cr_expect(strstr(x.text, "J\xE2\x80\x99s file") != NULL, "&rsquo; decoded");
    free(x.text);
}

/* The PDF's running header and page numbers are gone, the hyphenated
 * words whole, the split date one line. */
Test(extract, pdf_furniture)
{
    cc_extracted x;
    extract_file(&x, cc_extract__pdf, "tests/formats/seed-19-006-719/seed.pdf");
    cr_expect(eq(ptr, strstr(x.text, "Page 1 of"), NULL));
    cr_expect(eq(ptr, strstr(x.text, "Final decision: Gloucestershire"), NULL));
    cr_expect(strstr(x.text, "On 22 March 2019, a new social worker") != NULL);
    cr_expect(strstr(x.text, "although it acknowledged an assessment") != NULL);
    cr_expect(strstr(x.text, "we normally consider it reasonable to expect") !=
              NULL);
    free(x.text);
}

/* ------------------------------------------------------------------ */
/* Small documents                                                     */

static void
expect_text(reader read, const char *doc, size_t len, const char *want)
{
    cc_extracted x;
    cc_error err;
    memset(&err, 0, sizeof err);
    cr_assert(eq(int, read(&x, doc, len, "<test>", &err), CC_OK), "%s",
              err.message);
    cr_expect(eq(str, x.text, (char *)want));
    free(x.text);
}

Test(extract, html_blocks)
{
    static const char page[] =
        "<p>One&nbsp;two\n   three</p><div>Four<br>Five</div>"
        "<ol start=\"7\"><li>Seven</li><li></li><li value=\"12\">Twelve"
        "<ul><li>a &amp; b</li></ul></li></ol>"
        "<table><tr><th>Date</th><td>9 April 2019</td></tr></table>"
        "<h2>Heading</h2><pre>a\n  b</pre>";
    expect_text(cc_extract__html, page, sizeof page - 1,
                "One\xC2\xA0two three\n\nFour\nFive\n\n7. Seven\n12. "
                "Twelve\n\xE2\x80\xA2 a & b\n\nDate | 9 April 2019\n\n"
                "Heading\n\na\nb\n");
}

/* A page that says it is UTF-8 and is not: libxml2 reads the byte as
 * Latin-1 here, and passes it on in longer pages (fuzz/regressions/html),
 * where the reader replaces it; either way the text is UTF-8. */
Test(extract, html_mislabelled_utf8)
{
    static const char page[] = "<meta charset=\"utf-8\"><p>a\xB2"
                               "b &rsquo;</p>";
    cc_extracted x;
    cc_error err;
    memset(&err, 0, sizeof err);
    cr_assert(
        eq(int, cc_extract__html(&x, page, sizeof page - 1, "p", &err), CC_OK));
    cr_expect(strcmp(x.text, "a\xC2\xB2"
                             "b \xE2\x80\x99\n") == 0 ||
                  strcmp(x.text, "a\xEF\xBF\xBD"
                                 "b \xE2\x80\x99\n") == 0,
              "%s", x.text);
    free(x.text);
}

Test(extract, html_ordinary_body)
{
    static const char page[] =
        "<html><body><header><nav>Menu</nav>Site</header>"
        "<p>Text</p><footer>Footer</footer></body></html>";
    expect_text(cc_extract__html, page, sizeof page - 1, "Text\n");
}

/* A zip file made here with libzip, each part's name and content. */
static char *
make_zip(size_t *len, const char *const *parts, size_t nparts)
{
    char path[] = "/tmp/cc-test-extract-XXXXXX";
    int fd = mkstemp(path);
    zip_t *z;
    char *data;
    cr_assert(fd >= 0);
    close(fd);
    z = zip_open(path, ZIP_TRUNCATE, NULL);
    cr_assert(z != NULL);
    for (size_t i = 0; i < nparts; i++) {
        zip_source_t *s =
            zip_source_buffer(z, parts[2 * i + 1], strlen(parts[2 * i + 1]), 0);
        cr_assert(s != NULL);
        cr_assert(zip_file_add(z, parts[2 * i], s, ZIP_FL_OVERWRITE) >= 0);
    }
    cr_assert(eq(int, zip_close(z), 0));
    data = cc_test_read_file(path, len);
    unlink(path);
    cr_assert(data != NULL);
    return data;
}

#define W                                                                      \
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

Test(extract, docx_blocks)
{
    static const char *const parts[] = {
        "word/document.xml",
        "<?xml version=\"1.0\"?><w:document " W "><w:body>"
        "<w:p><w:r><w:t>Decision date :</w:t><w:tab/><w:t>9 April "
        "2019</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/>"
        "</w:numPr></w:pPr><w:r><w:t xml:space=\"preserve\">First </w:t>"
        "</w:r><w:r><w:t>item</w:t></w:r></w:p>"
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"5\"/>"
        "</w:numPr></w:pPr><w:r><w:t>Second</w:t><w:br/><w:t>line</w:t>"
        "<w:del><w:r><w:delText>gone</w:delText></w:r></w:del></w:r></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p><w:p><w:r>"
        "<w:t>b</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>c</w:t></w:r>"
        "</w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p>"
        "</w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:instrText>PAGE</w:instrText><w:t>End</w:t></w:r></w:p>"
        "</w:body></w:document>",
        "word/numbering.xml",
        "<?xml version=\"1.0\"?><w:numbering " W "><w:abstractNum "
        "w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"3\"/>"
        "<w:numFmt w:val=\"decimal\"/></w:lvl></w:abstractNum><w:num "
        "w:numId=\"5\"><w:abstractNumId w:val=\"1\"/></w:num></w:numbering>"};
    size_t len;
    char *zip = make_zip(&len, parts, 2);
    expect_text(cc_extract__docx, zip, len,
                "Decision date : 9 April 2019\n\n3. First item\n4. Second\n"
                "line\n\na b | c\nd\n\nEnd\n");
    free(zip);
}

/* ------------------------------------------------------------------ */
/* Documents refused                                                   */

static void
expect_refused(reader read, const char *data, size_t len, const char *want)
{
    cc_extracted x;
    cc_error err;
    memset(&err, 0, sizeof err);
    x.text = (char *)"not cleared";
    x.len = 3;
    cr_assert(eq(int, read(&x, data, len, "doc.in", &err), CC_EINVAL));
    cr_expect(eq(ptr, x.text, NULL));
    cr_expect(eq(sz, x.len, 0));
    cr_expect(eq(int, err.code, CC_EINVAL));
    cr_expect(eq(str, err.source, "doc.in"));
    cr_expect(eq(str, err.message, (char *)want));
}

static void
expect_refused_file(reader read, const char *path, const char *want)
{
    size_t len;
    char *data = cc_test_read_file(path, &len);
    cr_assert(data != NULL, "%s", path);
    expect_refused(read, data, len, want);
    free(data);
}

Test(extract, html_no_text)
{
    static const char page[] =
        "<html><head><title>Decision</title><script>var a = 1;</script>"
        "</head><body><nav><a href=\"/\">Home</a></nav><p>  </p>"
        "<p><a href=\"#top\">Back to top</a></p></body></html>";
    expect_refused(cc_extract__html, page, sizeof page - 1,
                   "no text in the page");
    expect_refused(cc_extract__html, "", 0, "no text in the page");
}

Test(extract, pdf_not_a_pdf)
{
    expect_refused(cc_extract__pdf, "hello\n", 6,
                   "not a PDF (no %PDF- header)");
}

Test(extract, pdf_truncated)
{
    size_t len;
    char *data =
        cc_test_read_file("tests/formats/seed-19-006-719/seed.pdf", &len);
    cr_assert(data != NULL);
    expect_refused(cc_extract__pdf, data, len / 2,
                   "the PDF is truncated (no %%EOF at its end)");
    free(data);
}

/* A header and an end, nothing poppler can read between them. */
Test(extract, pdf_damaged)
{
    static const char pdf[] = "%PDF-1.4\ngarbage xref trailer <<>> "
                              "startxref 99999\n%%EOF\n";
    expect_refused(cc_extract__pdf, pdf, sizeof pdf - 1, "the PDF is damaged");
}

Test(extract, pdf_encrypted)
{
    expect_refused_file(cc_extract__pdf, "tests/formats/bad/encrypted.pdf",
                        "the PDF is encrypted (it needs a password)");
}

Test(extract, docx_not_a_zip)
{
    expect_refused(cc_extract__docx, "Mr X complained on 9 April 2019.\n", 33,
                   "not a Word document (not a zip archive)");
    expect_refused(cc_extract__docx, "", 0,
                   "not a Word document (not a zip archive)");
}

Test(extract, docx_without_document)
{
    static const char *const parts[] = {"content.xml", "<office/>"};
    size_t len;
    char *zip = make_zip(&len, parts, 1);
    expect_refused(cc_extract__docx, zip, len,
                   "not a Word document (no word/document.xml in the zip "
                   "archive)");
    free(zip);
}

Test(extract, docx_bad_xml)
{
    static const char *const parts[] = {
        "word/document.xml",
        "<?xml version=\"1.0\"?>\n<w:document " W ">\n<w:body><w:p>"};
    size_t len;
    char *zip = make_zip(&len, parts, 1);
    cc_extracted x;
    cc_error err;
    memset(&err, 0, sizeof err);
    cr_assert(
        eq(int, cc_extract__docx(&x, zip, len, "d.docx", &err), CC_EINVAL));
    cr_expect(eq(ptr, x.text, NULL));
    cr_expect(strncmp(err.message,
                      "word/document.xml is not well-formed XML (line ",
                      47) == 0,
              "%s", err.message);
    cr_expect(eq(ptr, strchr(err.message, '\n'), NULL));
    free(zip);
}

Test(extract, docx_zip_bomb)
{
    expect_refused_file(cc_extract__docx, "tests/formats/bad/bomb.docx",
                        "word/document.xml is 83886080 bytes uncompressed, "
                        "over the limit of 64 MiB (a zip bomb?)");
}
