/*
 * Reading the texts people have: the seeds as a web page's copy gives them
 * (no-break spaces, zero-width spaces, soft hyphens, curly quotes), saved
 * as Windows-1252, without their header (a draft) and pasted two to a
 * file.  Each is compared with the seed as published: the same header,
 * the same dates and the same deadlines, with offsets into the text given.
 */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"
#include "doc.h"
#include "read_file.h"

static const char *const seeds[] = {
    "fixtures/seed-18-016-293/input.txt", "fixtures/seed-18-017-259/input.txt",
    "fixtures/seed-19-006-719/input.txt", "fixtures/seed-21-017-982/input.txt",
    "fixtures/seed-21-018-897/input.txt"};
#define NSEEDS (sizeof seeds / sizeof *seeds)

static cc_ctx *ctx;

static void
setup(void)
{
    cr_assert(eq(int, cc_ctx_new(&ctx, NULL), CC_OK));
}

static void
teardown(void)
{
    cc_ctx_free(ctx);
}

/* A growing byte buffer. */
typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static void
put(buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        cr_assert_not_null(b->p);
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = '\0';
}

/*
 * The seed as copied out of a web page: every space in the header lines
 * and the space after a day number a no-break space, a zero-width space
 * after each full stop, a soft hyphen inside "Council", ASCII apostrophes
 * curly.  Line breaks stay where they were.
 */
static char *
web_copy(const char *s, size_t len, size_t *out_len)
{
    buf b = {0};
    int line = 0;

    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\n')
            line++;
        if (c == ' ' &&
            (line < 8 || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
                          i + 1 < len && s[i + 1] >= 'A' && s[i + 1] <= 'Z')))
            put(&b, "\xC2\xA0", 2);
        else if (c == '\'')
            put(&b, "\xE2\x80\x99", 3);
        else if (c == '.' && i + 1 < len && s[i + 1] == ' ') {
            put(&b, ".\xE2\x80\x8B", 4);
        } else if (strncmp(s + i, "Council", 7) == 0) {
            put(&b,
                "Coun\xC2\xAD"
                "cil",
                9);
            i += 6;
        } else
            put(&b, &c, 1);
    }
    *out_len = b.n;
    return b.p;
}

static cc_doc *
read_doc(const char *text, size_t len, const cc_read_opts *opts)
{
    cc_doc *doc = NULL;
    cc_error err = {0};

    cr_assert(eq(int,
                 cc_doc_read_with(&doc, ctx, text, len, "case", opts, &err),
                 CC_OK),
              "%s:%d: %s", err.source, err.line, err.message);
    return doc;
}

static cc_timeline *
timeline_of(const cc_doc *doc)
{
    cc_timeline *tl = NULL;
    cc_error err = {0};

    cr_assert(eq(int, cc_timeline_new(&tl, ctx, doc, &err), CC_OK), "%s",
              err.message);
    return tl;
}

/* The same deadlines: rule, due interval and status, in order. */
static void
same_deadlines(const cc_timeline *a, const cc_timeline *b, const char *what)
{
    cr_assert(
        eq(sz, cc_timeline_deadline_count(b), cc_timeline_deadline_count(a)),
        "%s: deadlines", what);
    for (size_t i = 0; i < cc_timeline_deadline_count(a); i++) {
        const cc_deadline *x = cc_timeline_deadline(a, i),
                          *y = cc_timeline_deadline(b, i);
        cr_expect(eq(str, (char *)y->rule, (char *)x->rule), "%s: %zu", what,
                  i);
        cr_expect(eq(i32, y->due_earliest, x->due_earliest), "%s: %s", what,
                  x->rule);
        cr_expect(eq(i32, y->due_latest, x->due_latest), "%s: %s", what,
                  x->rule);
        cr_expect(eq(int, y->status, x->status), "%s: %s", what, x->rule);
    }
}

/* The same mentions with the same values; the web copy's words, through
 * the offset map, are the seed's words with their look-alikes. */
static void
same_mentions(const cc_doc *a, const cc_doc *b, const char *what)
{
    cr_assert(eq(sz, cc_doc_mention_count(b), cc_doc_mention_count(a)),
              "%s: mentions", what);
    for (size_t i = 0; i < cc_doc_mention_count(a); i++) {
        const cc_mention *x = cc_doc_mention(a, i), *y = cc_doc_mention(b, i);
        size_t at = cc_doc_source_offset(b, y->offset),
               end = cc_doc_source_offset(b, y->offset + y->length);
        cr_expect(eq(str, (char *)y->value, (char *)x->value), "%s: %zu", what,
                  i);
        /* the span starts and ends where the seed's does, in the copy */
        char first = 0;
        cr_expect(eq(sz, cc_doc_source_copy(b, at, 1, &first), 1));
        cr_expect(eq(chr, first, cc_doc_text(a, NULL)[x->offset]),
                  "%s: mention %zu starts elsewhere", what, i);
        cr_expect(ge(sz, end - at, x->length), "%s: mention %zu", what, i);
    }
}

Test(reading, web_copy_reads_as_the_seed, .init = setup, .fini = teardown)
{
    for (size_t k = 0; k < NSEEDS; k++) {
        size_t len, wlen;
        char *text = cc_test_read_file(seeds[k], &len);
        cr_assert_not_null(text, "%s", seeds[k]);
        char *web = web_copy(text, len, &wlen);
        cc_doc *a = read_doc(text, len, NULL), *b = read_doc(web, wlen, NULL);
        cc_timeline *ta = timeline_of(a), *tb = timeline_of(b);

        cr_expect(ne(sz, wlen, len), "%s: the copy changed nothing", seeds[k]);
        for (int f = 0; f <= CC_FIELD_DECISION_DATE; f++) {
            const char *x = cc_doc_field(a, (cc_field)f),
                       *y = cc_doc_field(b, (cc_field)f);
            if (f == CC_FIELD_CATEGORY && x && strchr(x, '\'')) {
                cr_expect_not_null(y, "%s: category", seeds[k]);
                continue; /* the copy's apostrophe, read as ' */
            }
            cr_expect(
                eq(str, (char *)(y ? y : "(none)"), (char *)(x ? x : "(none)")),
                "%s: field %d", seeds[k], f);
        }
        cr_expect(eq(int, cc_doc_format(b), CC_FORMAT_TEXT));
        same_mentions(a, b, seeds[k]);
        same_deadlines(ta, tb, seeds[k]);
        cr_expect(
            eq(sz, cc_timeline_event_count(tb), cc_timeline_event_count(ta)),
            "%s: events", seeds[k]);
        cc_timeline_free(ta);
        cc_timeline_free(tb);
        cc_doc_free(a);
        cc_doc_free(b);
        free(web);
        free(text);
    }
}

/* The cleaned text and its map, on a line that has one of each. */
Test(reading, offsets_map_back, .init = setup, .fini = teardown)
{
    static const char s[] =
        "On\xC2\xA0"
        "9\xE2\x80\xAF"
        "April 2019 the Coun\xC2\xAD"
        "cil\xE2\x80\x99s officer \xE2\x80\x9C"
        "replied\xE2\x80\x9D\xE2\x80\x8B on 3 May 2019 \xE2\x80\x93 late.\n";
    cc_doc *doc = read_doc(s, sizeof s - 1, NULL);
    size_t len;
    const char *t = cc_doc_text(doc, &len);

    cr_expect(eq(str, (char *)t,
                 "On 9 April 2019 the Council's officer \"replied\" on 3 May "
                 "2019 - late.\n"));
    cr_assert(eq(sz, cc_doc_mention_count(doc), 2));
    const cc_mention *m = cc_doc_mention(doc, 0);
    cr_expect(eq(str, (char *)m->value, "2019-04-09"));
    cr_expect(eq(sz, cc_doc_source_offset(doc, m->offset), 4));
    cr_expect(eq(sz, cc_doc_source_offset(doc, m->offset + m->length),
                 4 + 1 + 3 + 10));
    m = cc_doc_mention(doc, 1);
    cr_expect(eq(str, (char *)m->value, "2019-05-03"));
    size_t at = cc_doc_source_offset(doc, m->offset);
    cr_expect(eq(int, memcmp(s + at, "3 May 2019", 10), 0));
    cr_expect(eq(sz, cc_doc_source_offset(doc, len), sizeof s - 1));
    cc_doc_free(doc);
}

/* Every span of a source that cleaning changed, rebuilt from the cleaned
 * text and what cleaning took out, is the input's bytes (n^2 spans). */
static void
same_source(const cc_doc *doc, const char *s, size_t n, size_t step,
            const char *what)
{
    char *got = malloc(n + 1);
    size_t bad = 0;

    cr_assert(got != NULL);
    cr_expect(eq(sz, cc_doc_source_length(doc), n), "%s: length", what);
    cr_expect(eq(sz, cc_doc_source_copy(doc, 0, n + 7, got), n), "%s", what);
    cr_expect(eq(int, memcmp(got, s, n), 0), "%s: the whole source", what);
    for (size_t a = 0; a <= n; a += step)
        for (size_t b = a; b <= n; b += step) {
            memset(got, 0, n + 1);
            if (cc_doc_source_copy(doc, a, b - a, got) != b - a ||
                memcmp(got, s + a, b - a) != 0)
                bad++;
        }
    cr_expect(eq(sz, bad, 0), "%s: spans not rebuilt as given", what);
    cr_expect(eq(sz, cc_doc_source_copy(doc, n + 1, 4, got), 0));
    free(got);
}

Test(reading, source_rebuilt_from_the_cleaned_text, .init = setup,
     .fini = teardown)
{
    static const char s[] =
        "\xEF\xBB\xBFOn\xC2\xA0\xE2\x80\x8B"
        "9\xE2\x80\xAF"
        "April 2019 the Coun\xC2\xAD"
        "cil\xE2\x80\x99s officer \xE2\x80\x9C"
        "replied\xE2\x80\x9D\xE2\x80\x8B on 3 May 2019 \xE2\x80\x93 late."
        "\xEF\xBB\xBF\xE2\x81\xA0\n";
    cc_doc *doc = read_doc(s, sizeof s - 1, NULL);

    cr_assert(doc != NULL);
    same_source(doc, s, sizeof s - 1, 1, "one line");
    cc_doc_free(doc);
    for (size_t k = 0; k < NSEEDS; k++) {
        size_t len, wlen;
        char *text = cc_test_read_file(seeds[k], &len);
        cr_assert_not_null(text, "%s", seeds[k]);
        char *web = web_copy(text, len, &wlen);
        doc = read_doc(web, wlen, NULL);
        same_source(doc, web, wlen, wlen / 97 + 1, seeds[k]);
        cc_doc_free(doc);
        free(web);
        free(text);
    }
}

/* The line of every offset, as a count of the line breaks before it (LF,
 * CRLF, a lone CR) would give it. */
static void
same_lines(const cc_doc *doc, const char *what)
{
    size_t len, bad = 0;
    const char *t = cc_doc_text(doc, &len);
    int line = 1;

    for (size_t i = 0; i <= len + 2; i++) {
        if (i > 0 && i <= len &&
            (t[i - 1] == '\n' ||
             (t[i - 1] == '\r' && (i == len || t[i] != '\n'))))
            line++;
        if (cc_doc__line(doc, i) != line)
            bad++;
    }
    cr_expect(eq(sz, bad, 0), "%s: offsets on the wrong line", what);
}

Test(reading, lines_counted_as_the_reader_counts, .init = setup,
     .fini = teardown)
{
    char mixed[4096];
    size_t n = 0;
    cc_doc *doc;

    /* more lines than one mark covers, ending every way, with characters
     * cleaning takes out between them */
    for (int k = 0; k < 60; k++) {
        static const char *const ends[] = {"\n", "\r\n", "\r", "\n\n",
                                           "\xE2\x80\x8B\r\n"};
        n += (size_t)snprintf(mixed + n, sizeof mixed - n,
                              "Line %d on 9\xC2\xA0"
                              "April 2019%s",
                              k, ends[k % 5]);
    }
    doc = read_doc(mixed, n, NULL);
    cr_assert(doc != NULL);
    same_lines(doc, "mixed line ends");
    cc_doc_free(doc);
    for (size_t k = 0; k < NSEEDS; k++) {
        size_t len;
        char *text = cc_test_read_file(seeds[k], &len);
        cr_assert_not_null(text, "%s", seeds[k]);
        doc = read_doc(text, len, NULL);
        same_lines(doc, seeds[k]);
        cc_doc_free(doc);
        free(text);
    }
}

/* Windows-1252: refused as UTF-8 with the option named, read with it. */
Test(reading, windows_1252, .init = setup, .fini = teardown)
{
    size_t len;
    char *text = cc_test_read_file(seeds[3], &len);
    buf b = {0};
    cc_read_opts opts = {0};
    cc_doc *doc = NULL;
    cc_error err = {0};

    cr_assert_not_null(text);
    static const struct {
        const char *utf8, *cp1252;
    } table[] = {{"\xE2\x80\x98", "\x91"},
                 {"\xE2\x80\x99", "\x92"},
                 {"\xE2\x80\x93", "\x96"},
                 {"\xE2\x80\xA2", "\x95"},
                 {"\xC2\xA3", "\xA3"}};
    for (size_t i = 0; i < len;) {
        size_t k = 0;
        while (k < sizeof table / sizeof *table &&
               strncmp(text + i, table[k].utf8, strlen(table[k].utf8)) != 0)
            k++;
        if (k < sizeof table / sizeof *table) {
            put(&b, table[k].cp1252, 1);
            i += strlen(table[k].utf8);
            continue;
        }
        cr_assert(lt(int, (unsigned char)text[i], 0x80), "offset %zu", i);
        put(&b, text + i, 1);
        i++;
    }
    cr_expect(eq(int,
                 cc_doc_read_with(&doc, ctx, b.p, b.n, "w.txt", NULL, &err),
                 CC_EINVAL));
    cr_expect(doc == NULL);
    cr_expect(strstr(err.message, "--encoding windows-1252") != NULL, "%s",
              err.message);
    opts.encoding = CC_ENCODING_WINDOWS_1252;
    doc = read_doc(b.p, b.n, &opts);
    {
        size_t n = cc_doc_source_length(doc);
        char *src = malloc(n + 1);
        cr_assert(src != NULL);
        cr_expect(eq(sz, cc_doc_source_copy(doc, 0, n + 1, src), n));
        cr_expect(eq(sz, n, len));
        cr_expect(eq(int, memcmp(src, text, len), 0),
                  "the decoded text is the UTF-8 seed");
        free(src);
    }
    cc_doc *utf8 = read_doc(text, len, NULL);
    cc_timeline *ta = timeline_of(utf8), *tb = timeline_of(doc);
    same_deadlines(ta, tb, "windows-1252");
    cc_timeline_free(ta);
    cc_timeline_free(tb);
    cc_doc_free(utf8);
    cc_doc_free(doc);
    free(b.p);
    free(text);
}

/* A draft: the seed without its header.  With the decision date given,
 * the seed's deadlines; without, all but the agreed actions', counted. */
Test(reading, draft_without_header, .init = setup, .fini = teardown)
{
    size_t len;
    char *text = cc_test_read_file(seeds[3], &len);
    const char *body;
    cc_read_opts opts = {0};

    cr_assert_not_null(text);
    body = strstr(text, "The Ombudsman");
    cr_assert_not_null(body);
    cc_doc *seed = read_doc(text, len, NULL);
    cc_timeline *ts = timeline_of(seed);
    size_t blen = len - (size_t)(body - text), remedies = 0;
    for (size_t i = 0; i < cc_timeline_deadline_count(ts); i++)
        remedies +=
            strncmp(cc_timeline_deadline(ts, i)->rule, "lgsco.remedy", 12) == 0;
    cr_assert(gt(sz, remedies, 0));

    cc_doc *draft = read_doc(body, blen, NULL);
    cc_timeline *td = timeline_of(draft);
    cr_expect(cc_doc_field(draft, CC_FIELD_DECISION_DATE) == NULL);
    cr_expect(eq(sz, cc_timeline_undated_actions(td), remedies));
    cr_expect(eq(sz, cc_timeline_deadline_count(td),
                 cc_timeline_deadline_count(ts) - remedies));

    opts.field[CC_FIELD_DECISION_DATE] = "2022-09-21";
    opts.field[CC_FIELD_AUTHORITY] = "Oxfordshire County Council";
    cc_doc *given = read_doc(body, blen, &opts);
    cc_timeline *tg = timeline_of(given);
    cr_expect(eq(str, (char *)cc_doc_field(given, CC_FIELD_DECISION_DATE),
                 "2022-09-21"));
    cr_expect(cc_doc_field_given(given, CC_FIELD_DECISION_DATE));
    cr_expect(cc_doc_field_given(given, CC_FIELD_AUTHORITY));
    cr_expect(eq(int, cc_doc_field_given(given, CC_FIELD_CATEGORY), 0));
    cr_expect(eq(sz, cc_timeline_undated_actions(tg), 0));
    same_deadlines(ts, tg, "draft with its decision date");

    opts.field[CC_FIELD_DECISION_DATE] = "2022-09-31";
    cc_doc *bad = NULL;
    cc_error err = {0};
    cr_expect(eq(int,
                 cc_doc_read_with(&bad, ctx, body, blen, "d.txt", &opts, &err),
                 CC_EINVAL));
    cr_expect(eq(str, err.message,
                 "the decision date given, \"2022-09-31\", is not a date "
                 "(YYYY-MM-DD)"));
    cc_timeline_free(tg);
    cc_timeline_free(td);
    cc_timeline_free(ts);
    cc_doc_free(given);
    cc_doc_free(draft);
    cc_doc_free(seed);
    free(text);
}

/* Two decisions pasted into one file: refused at the second's first line. */
Test(reading, two_decisions_refused, .init = setup, .fini = teardown)
{
    size_t la, lb;
    char *a = cc_test_read_file(seeds[2], &la),
         *b = cc_test_read_file(seeds[3], &lb);
    buf both = {0};
    cc_doc *doc = NULL;
    cc_error err = {0};
    int line = 1;
    char want[160];

    cr_assert_not_null(a);
    cr_assert_not_null(b);
    put(&both, a, la);
    put(&both, "\n", 1);
    for (size_t i = 0; i < both.n; i++)
        line += both.p[i] == '\n';
    put(&both, b, lb);
    cr_expect(eq(
        int, cc_doc_read_with(&doc, ctx, both.p, both.n, "two.txt", NULL, &err),
        CC_EINVAL));
    cr_expect(doc == NULL);
    cr_expect(eq(int, err.line, line));
    snprintf(want, sizeof want,
             "a second decision starts at line %d (its \"Decision date\" is "
             "line %d): give each decision a file of its own (caseclock batch "
             "reads many)",
             line, line + 6);
    cr_expect(eq(str, err.message, want));
    free(both.p);
    free(a);
    free(b);
}

/* What a cc_write_fn received: the pieces, how many, the largest. */
typedef struct pieces {
    buf all;
    int calls, fail_at; /* the call that fails (1-based), or 0 */
    size_t largest;
} pieces;

static int
take_piece(void *userdata, const char *data, size_t len)
{
    pieces *p = userdata;

    p->calls++;
    if (p->fail_at && p->calls >= p->fail_at)
        return -1;
    if (len > p->largest)
        p->largest = len;
    put(&p->all, data, len);
    return 0;
}

/* The JSON of a long decision goes out in pieces of about 64 KiB as it is
 * made, whole once joined; a write that fails stops the writer. */
Test(reading, json_in_pieces, .init = setup, .fini = teardown)
{
    buf text = {0};
    cc_doc *doc;
    cc_timeline *tl;
    pieces got = {0}, tgot = {0}, failing = {0};
    json_t *root;
    json_error_t jerr;
    cc_error err = {0};
    char line[160];

    put(&text, "Decision date : 2 May 2023\n\n", 28);
    for (int i = 0; i < 3000; i++) {
        int n = snprintf(line, sizeof line,
                         "%d. On %d March 2022 the Council wrote to Mr X, "
                         "and it replied within 10 working days.\n\n",
                         i + 1, 1 + i % 28);
        put(&text, line, (size_t)n);
    }
    doc = read_doc(text.p, text.n, NULL);
    cr_assert(
        eq(int, cc_doc_write_json(doc, NULL, take_piece, &got, &err), CC_OK));
    cr_expect(gt(int, got.calls, 4), "%d calls", got.calls);
    cr_expect(lt(sz, got.largest, (size_t)80 * 1024));
    root = json_loads(got.all.p, 0, &jerr);
    cr_assert_not_null(root, "%s", jerr.text);
    cr_expect(eq(sz, json_array_size(json_object_get(root, "mentions")),
                 cc_doc_mention_count(doc)));
    json_decref(root);

    tl = timeline_of(doc);
    cr_assert(eq(int,
                 cc_timeline_write_json(tl, doc, NULL, take_piece, &tgot, &err),
                 CC_OK));
    cr_expect(gt(int, tgot.calls, 4), "%d calls", tgot.calls);
    cr_expect(lt(sz, tgot.largest, (size_t)80 * 1024));
    root = json_loads(tgot.all.p, 0, &jerr);
    cr_assert_not_null(root, "%s", jerr.text);
    cr_expect(eq(sz, json_array_size(json_object_get(root, "events")),
                 cc_timeline_event_count(tl)));
    json_decref(root);

    failing.fail_at = 2;
    cr_expect(eq(int, cc_doc_write_json(doc, NULL, take_piece, &failing, &err),
                 CC_EWRITE));
    cr_expect(eq(int, failing.calls, 2), "no write after the failed one");
    cc_timeline_free(tl);
    cc_doc_free(doc);
    free(text.p);
    free(got.all.p);
    free(tgot.all.p);
    free(failing.all.p);
}
