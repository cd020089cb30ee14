/*
 * Word matching (engine/src/words.c) on real text: every phrase and
 * pattern of calendars/rules.json against every sentence and paragraph of
 * the seeds.  cc_words__find() is compared with a plain byte-by-byte
 * search (a word start, then cc_words__match()), through both of its
 * paths: the eight-bytes-at-a-time scan of short spans and the memchr()
 * scans of long ones.  And the filter the checks read spans with never
 * rules out a match: when a word or pattern matches in a span, the span's
 * initials cover what it needs.
 */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"
#include "read_file.h"
#include "words.h"

static const char *const seeds[] = {
    "fixtures/seed-18-016-293/input.txt", "fixtures/seed-18-017-259/input.txt",
    "fixtures/seed-19-006-719/input.txt", "fixtures/seed-21-017-982/input.txt",
    "fixtures/seed-21-018-897/input.txt"};
#define NSEEDS (sizeof seeds / sizeof *seeds)

#define NONE ((size_t)-1)

/* The strings of rules.json that read as words or patterns: lower case
 * letters, digits, spaces and the pattern marks. */
static int
is_pattern(const char *s)
{
    size_t n = strlen(s);

    if (n < 2)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
              strchr(" *.'-", s[i])))
            return 0;
    return 1;
}

static void
collect(json_t *v, const char ***out, size_t *n, size_t *cap)
{
    size_t i;
    const char *key;
    json_t *x;

    if (json_is_string(v) && is_pattern(json_string_value(v))) {
        if (*n == *cap) {
            *cap = *cap ? 2 * *cap : 256;
            const char **grown = realloc(*out, *cap * sizeof **out);
            cr_assert(grown != NULL);
            *out = grown;
        }
        (*out)[(*n)++] = json_string_value(v);
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, x) collect(x, out, n, cap);
    } else if (json_is_object(v)) {
        json_object_foreach(v, key, x) collect(x, out, n, cap);
    }
}

/* The first word start in [from, to) where cc_words__match() matches. */
static size_t
plain_find(const char *text, size_t from, size_t to, const char *word)
{
    if (!word[0] || (word[0] == '*' && !word[1]))
        return NONE;
    for (size_t i = from; i < to; i++) {
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        if (cc_words__match(text, i, to, word))
            return i;
    }
    return NONE;
}

/* Seed k read with ctx: the doc (new), and its bytes in *data (new). */
static cc_doc *
read_seed(cc_ctx *ctx, size_t k, char **data)
{
    size_t len;
    cc_doc *doc = NULL;
    cc_error err = {0};

    char *bytes = cc_test_read_file(seeds[k], &len);
    cr_assert(bytes != NULL, "%s", seeds[k]);
    *data = bytes;
    cr_assert(
        eq(int, cc_doc_read(&doc, ctx, *data, len, seeds[k], &err), CC_OK),
        "%s: %s", seeds[k], err.message);
    return doc;
}

typedef struct tally {
    size_t spans, finds, found, wrong, uncovered;
} tally;

static void
try_span(tally *t, const char *text, size_t a, size_t b,
         const char *const *pats, size_t npats)
{
    cc_initials have = cc_words__initials(text, a, b);

    t->spans++;
    for (size_t k = 0; k < npats; k++) {
        const char *p = pats[k];
        int gaps = strstr(p, " * ") || strstr(p, " ... ");
        size_t at;
        if (!gaps) {
            cc_initials need = cc_words__needs_word(p);
            at = cc_words__find(text, a, b, p);
            t->finds++;
            if (at != plain_find(text, a, b, p))
                t->wrong++;
            if (at != NONE) {
                t->found++;
                if (!cc_words__covers(&have, &need))
                    t->uncovered++;
            }
        }
        at = cc_words__find_pattern(text, a, b, p, NULL, NULL);
        if (at != NONE && !cc_words__may_match(&have, p))
            t->uncovered++;
    }
}

Test(words, rule_words_on_the_seeds)
{
    json_error_t jerr;
    json_t *rules = json_load_file("calendars/rules.json", 0, &jerr);
    const char **pats = NULL;
    size_t npats = 0, cap = 0;
    tally t = {0};
    cc_ctx *ctx = NULL;
    cc_error err = {0};

    cr_assert(rules != NULL, "calendars/rules.json: %s", jerr.text);
    collect(rules, &pats, &npats, &cap);
    cr_assert(gt(sz, npats, 300), "only %zu words in rules.json", npats);
    cr_assert(eq(int, cc_ctx_new(&ctx, &err), CC_OK));
    for (size_t s = 0; s < NSEEDS; s++) {
        size_t len;
        char *data;
        cc_doc *doc = read_seed(ctx, s, &data);
        const char *text = cc_doc_text(doc, &len);
        for (size_t i = 0; i < cc_doc_sentence_count(doc); i++) {
            const cc_sentence *x = cc_doc_sentence(doc, i);
            try_span(&t, text, x->offset, x->offset + x->length, pats, npats);
        }
        /* paragraphs: the long spans, read with memchr() */
        for (size_t i = 0; i < cc_doc_paragraph_count(doc); i++) {
            const cc_paragraph *x = cc_doc_paragraph(doc, i);
            try_span(&t, text, x->offset, x->offset + x->length, pats, npats);
        }
        try_span(&t, text, 0, len, pats, npats);
        cc_doc_free(doc);
        free(data);
    }
    /* the rules' words are met in the seeds, or the test proves little */
    cr_expect(gt(sz, t.found, 1000), "%zu matches in %zu searches", t.found,
              t.finds);
    cr_expect(eq(sz, t.wrong, 0), "%zu of %zu searches differ from a plain one",
              t.wrong, t.finds);
    cr_expect(eq(sz, t.uncovered, 0),
              "%zu matches in spans whose initials rule them out", t.uncovered);
    free(pats);
    json_decref(rules);
    cc_ctx_free(ctx);
}

/* Which words a text has, all looked for in one pass, as each looked for
 * alone: the seeds whole (longer than the part read in one pass), and
 * each paragraph of them on its own. */
Test(words, every_word_in_one_pass)
{
    json_error_t jerr;
    json_t *rules = json_load_file("calendars/rules.json", 0, &jerr);
    const char **pats = NULL;
    size_t npats = 0, cap = 0, wrong = 0, found_any = 0, texts = 0;
    unsigned char *found;
    size_t *group;
    cc_ctx *ctx = NULL;
    cc_error err = {0};

    cr_assert(rules != NULL, "calendars/rules.json: %s", jerr.text);
    collect(rules, &pats, &npats, &cap);
    cr_assert(eq(int, cc_ctx_new(&ctx, &err), CC_OK));
    found = malloc(npats);
    group = malloc(npats * sizeof *group);
    cr_assert(found != NULL && group != NULL);
    for (size_t k = 0; k < npats; k++)
        group[k] = k - k % 5;
    for (size_t s = 0; s < NSEEDS; s++) {
        size_t len;
        char *data;
        cc_doc *doc = read_seed(ctx, s, &data);
        const char *text = cc_doc_text(doc, &len);
        for (size_t i = 0; i <= cc_doc_paragraph_count(doc); i++) {
            const cc_paragraph *x = i < cc_doc_paragraph_count(doc)
                                        ? cc_doc_paragraph(doc, i)
                                        : NULL;
            size_t a = x ? x->offset : 0, n = x ? x->length : len;
            char *copy = malloc(n + 1);
            cr_assert(copy != NULL);
            memcpy(copy, text + a, n);
            copy[n] = '\0';
            cr_assert(cc_words__find_each(copy, n, pats, npats, NULL, found));
            texts++;
            for (size_t k = 0; k < npats; k++) {
                int alone = cc_words__find(copy, 0, n, pats[k]) != NONE;
                found_any += found[k];
                if (found[k] != alone)
                    wrong++;
            }
            /* in groups of five words: a group has one found exactly when
             * one of its words is in the text */
            cr_assert(cc_words__find_each(copy, n, pats, npats, group, found));
            for (size_t g = 0; g < npats; g += 5) {
                int any = 0, alone = 0;
                for (size_t k = g; k < npats && k < g + 5; k++) {
                    any |= found[k];
                    alone |= cc_words__find(copy, 0, n, pats[k]) != NONE;
                }
                if (any != alone)
                    wrong++;
            }
            free(copy);
        }
        cc_doc_free(doc);
        free(data);
    }
    cr_expect(gt(sz, found_any, 500), "%zu words found in %zu texts", found_any,
              texts);
    cr_expect(eq(sz, wrong, 0), "%zu of %zu answers differ", wrong,
              texts * npats);
    free(found);
    free(group);
    free(pats);
    json_decref(rules);
    cc_ctx_free(ctx);
}

/* Both cases of a letter, and the bytes that fold onto the same one
 * ('\x01' | 0x20 is '!'), at every place of a span of every length up to
 * past two blocks of eight. */
Test(words, every_place_and_length)
{
    char buf[40];
    size_t wrong = 0;

    for (size_t n = 1; n <= 24; n++)
        for (size_t at = 0; at < n; at++)
            for (int c = 0; c < 4; c++) {
                static const char *const words[] = {"ab", "ab", "!x", "!x"};
                static const char lead[] = {'a', 'A', '!', '\x01'};
                memset(buf, '.', sizeof buf);
                buf[at] = lead[c];
                buf[at + 1] = c < 2 ? 'b' : 'x';
                size_t want = c == 3 ? NONE : at;
                if (at + 2 > n)
                    want = NONE;
                if (cc_words__find(buf, 0, n, words[c]) != want)
                    wrong++;
            }
    cr_expect(eq(sz, wrong, 0));
}
