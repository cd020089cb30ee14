/*
 * The recogniser: tests/data/recognise.test (one case per blank-line
 * separated block, see its head), then the reader's and the text layer's
 * behaviour on inputs written here.
 */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"

#define CASES "tests/data/recognise.test"

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

static char *
slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf;
    long n;

    cr_assert(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    buf = malloc((size_t)n + 1);
    cr_assert(buf != NULL);
    cr_assert(eq(sz, fread(buf, 1, (size_t)n, fp), (size_t)n));
    fclose(fp);
    buf[n] = '\0';
    *len = (size_t)n;
    return buf;
}

static const char *
flag_names(unsigned flags, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s",
             flags & CC_MENTION_INFERRED ? "inferred," : "",
             flags & CC_MENTION_RELATIVE ? "relative," : "",
             flags & CC_MENTION_WORKDAYS ? "workdays," : "",
             flags & CC_MENTION_HEADER ? "header," : "",
             flags & CC_MENTION_UNRESOLVED ? "unresolved," : "");
    size_t n = strlen(buf);
    if (n)
        buf[n - 1] = '\0';
    return buf;
}

/* Checks one case: input lines [in, in_end), expected lines after. */
static int
run_case(int first_line, char **lines, size_t nin, char **want, size_t nwant)
{
    char text[4096] = "";
    size_t len = 0;
    cc_doc *doc = NULL;
    cc_error err = {0};
    int ok = 1;

    for (size_t i = 0; i < nin; i++)
        len +=
            (size_t)snprintf(text + len, sizeof text - len, "%s\n", lines[i]);
    cr_assert(lt(sz, len, sizeof text), "%s:%d: case too long", CASES,
              first_line);
    if (cc_doc_read(&doc, ctx, text, len, "case", &err) != CC_OK) {
        cr_expect(0, "%s:%d: %s", CASES, first_line, err.message);
        return 0;
    }
    size_t n = cc_doc_mention_count(doc);
    for (size_t i = 0; i < n || i < nwant; i++) {
        char got[512] = "", exp[512] = "", fl[64];
        if (i < n) {
            const cc_mention *m = cc_doc_mention(doc, i);
            /* the words as the case gives them, through the offset map */
            size_t at = cc_doc_source_offset(doc, m->offset),
                   end = cc_doc_source_offset(doc, m->offset + m->length);
            snprintf(got, sizeof got, "%.*s\t%s\t%s%s%s%s%s", (int)(end - at),
                     text + at, cc_mention_type_name(m->type), m->value,
                     m->mod[0] || m->flags ? "\t" : "", m->mod,
                     m->flags ? "\t" : "", flag_names(m->flags, fl, sizeof fl));
            /* No trailing tabs: "x\tDATE\tv\t" is "x\tDATE\tv". */
            size_t k = strlen(got);
            while (k && got[k - 1] == '\t')
                got[--k] = '\0';
        }
        if (i < nwant)
            snprintf(exp, sizeof exp, "%s", want[i]);
        if (strcmp(got, exp) != 0) {
            cr_expect(0, "%s:%d: mention %zu: want '%s', got '%s'", CASES,
                      first_line, i + 1, exp, got);
            ok = 0;
        }
    }
    cc_doc_free(doc);
    return ok;
}

Test(recognise, cases, .init = setup, .fini = teardown)
{
    size_t len;
    char *data = slurp(CASES, &len);
    char *lines[64], *want[64];
    size_t nin = 0, nwant = 0;
    int lineno = 0, first = 0, ncases = 0;
    char *p = data;

    for (;;) {
        char *nl = p ? strchr(p, '\n') : NULL;
        int end = p == NULL || *p == '\0';
        if (nl)
            *nl = '\0';
        if (!end)
            lineno++;
        if (end || p[0] == '\0') {
            if (nin > 0) {
                run_case(first, lines, nin, want, nwant);
                ncases++;
            }
            nin = nwant = 0;
            if (end)
                break;
        } else if (p[0] != '#') {
            if (nin == 0)
                first = lineno;
            if (strchr(p, '\t')) {
                cr_assert(lt(sz, nwant, 64));
                want[nwant++] = p;
            } else {
                cr_assert(eq(sz, nwant, 0), "%s:%d: text after expected lines",
                          CASES, lineno);
                cr_assert(lt(sz, nin, 64));
                lines[nin++] = p;
            }
        }
        p = nl ? nl + 1 : NULL;
    }
    cr_expect(gt(int, ncases, 50), "only %d cases read", ncases);
    free(data);
}

/* Invalid UTF-8 names line, column (code points) and byte offset. */
Test(recognise, invalid_utf8, .init = setup, .fini = teardown)
{
    static const char text[] = "Line one\n\xC3\xA9t\xC3 bad\n";
    cc_doc *doc = (cc_doc *)1;
    cc_error err = {0};

    cr_assert(eq(int,
                 cc_doc_read(&doc, ctx, text, sizeof text - 1, "x.txt", &err),
                 CC_EINVAL));
    cr_expect(doc == NULL);
    cr_expect(eq(int, err.line, 2));
    cr_expect(eq(int, err.column, 3));
    cr_expect(eq(sz, err.offset, 12));
    cr_expect(eq(str, err.source, "x.txt"));
    cr_expect(strstr(err.message, "UTF-8") != NULL, "%s", err.message);
}

/* A BOM counts in offsets; CRLF and lone CR end lines. */
Test(recognise, bom_and_line_ends, .init = setup, .fini = teardown)
{
    static const char text[] = "\xEF\xBB\xBF"
                               "Harlow Council (20 003 918)\r\n\r\n"
                               "Decision date : 22 Oct 2020\r\r"
                               "On 3\xC2\xA0March 2020 she wrote.\r\n";
    cc_doc *doc;
    cc_error err = {0};
    size_t len;
    const char *s;

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, sizeof text - 1, "x", &err),
                 CC_OK),
              "%s", err.message);
    s = cc_doc_text(doc, &len);
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_AUTHORITY),
                 "Harlow Council"));
    cr_expect(
        eq(str, (char *)cc_doc_field(doc, CC_FIELD_REFERENCE), "20 003 918"));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_DECISION_DATE),
                 "2020-10-22"));
    cr_expect(cc_doc_field(doc, CC_FIELD_CATEGORY) == NULL);
    cr_assert(eq(sz, cc_doc_mention_count(doc), 2));
    const cc_mention *m = cc_doc_mention(doc, 0);
    cr_expect(eq(sz, m->offset, (size_t)(strstr(text, "22 Oct") - text)));
    cr_expect(ne(uint, m->flags & CC_MENTION_HEADER, 0));
    m = cc_doc_mention(doc, 1);
    /* read with the no-break space as a space; reported in the bytes as
     * given */
    cr_expect(eq(int, memcmp(s + m->offset, "3 March 2020", 12), 0));
    cr_expect(eq(sz, m->length, 12));
    size_t at = cc_doc_source_offset(doc, m->offset);
    char src[13];
    cr_expect(eq(sz, cc_doc_source_copy(doc, at, sizeof src, src), 13));
    cr_expect(eq(int, memcmp(src, "3\xC2\xA0March 2020", 13), 0));
    cr_expect(
        eq(sz, cc_doc_source_offset(doc, m->offset + m->length) - at, 13));
    cr_expect(eq(sz, at, (size_t)(strstr(text, "3\xC2\xA0March") - text)));
    cr_expect(eq(str, (char *)m->value, "2020-03-03"));
    cc_doc_free(doc);
}

/* Sentences: abbreviations do not end one; line breaks always do. */
Test(recognise, sentences, .init = setup, .fini = teardown)
{
    static const char text[] =
        "See para. 14 and s. 26 of the Act. Mr. X and No. 3 agreed.\n"
        "Her son, J. She wrote on 3 March 2020.\n";
    cc_doc *doc;
    cc_error err = {0};

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, sizeof text - 1, "x", &err),
                 CC_OK));
    cr_expect(eq(sz, cc_doc_sentence_count(doc), 4));
    const cc_sentence *s = cc_doc_sentence(doc, 1);
    cr_assert(s != NULL);
    cr_expect(
        eq(int, strncmp(text + s->offset, "Mr. X and No. 3 agreed.", s->length),
           0));
    s = cc_doc_sentence(doc, 3);
    cr_assert(s != NULL);
    cr_expect(eq(int, strncmp(text + s->offset, "She wrote", 9), 0));
    cr_assert(eq(sz, cc_doc_mention_count(doc), 1));
    cr_expect(eq(long, cc_doc_mention(doc, 0)->sentence, 3));
    cc_doc_free(doc);
}

/* Header, sections, numbered paragraphs; web page furniture left out. */
Test(recognise, layout, .init = setup, .fini = teardown)
{
    static const char text[] =
        "Privacy settings\n\nRequired cookies\n\n"
        "Somerset Council (23 013 837)\n\n"
        "Category : Children's care services > Other\n\n"
        "Decision : Upheld\n\nDecision date : 28 Nov 2024\n\n"
        "The Ombudsman's final decision:\n\nSummary: It was late.\n\n"
        "The complaint\n\n  1. Mrs X complains.\n  2. She says so.\n\n"
        "Back to top\n\n"
        "The Ombudsman\xE2\x80\x99s role and powers\n\n"
        "  1. We investigate. (Local Government Act 1974, section 26)\n\n"
        "Print this page\n";
    cc_doc *doc;
    cc_error err = {0};

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, sizeof text - 1, "x", &err),
                 CC_OK));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_OUTCOME), "Upheld"));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_CATEGORY),
                 "Children's care services > Other"));
    cr_assert(eq(sz, cc_doc_section_count(doc), 3));
    cr_expect(eq(str, (char *)cc_doc_section(doc, 1)->title, "The complaint"));
    cr_expect(eq(int, cc_doc_section(doc, 2)->legal, 1));
    cr_assert(eq(sz, cc_doc_paragraph_count(doc), 4));
    cr_expect(eq(int, cc_doc_paragraph(doc, 1)->number, 1));
    cr_expect(eq(int, cc_doc_paragraph(doc, 2)->number, 2));
    cr_expect(eq(long, cc_doc_paragraph(doc, 2)->section, 1));
    cr_expect(eq(sz, cc_doc_mention_count(doc), 1), "only the header date");
    cc_doc_free(doc);
}

/* An archive "report summary" page opens with the bare reference and has
 * no authority line; its decision date line still belongs to the header. */
Test(recognise, archive_summary_header, .init = setup, .fini = teardown)
{
    static const char text[] =
        "22 018 245\n\nReport summary\n\nBenefits and tax: council tax\n\n"
        "Decision date : 22 Jul 2022\n\nMiss G complains about the "
        "Council.\n\nWhat happened\n\n  1. Miss G applied on 12 April "
        "2021.\n";
    cc_doc *doc;
    cc_error err = {0};

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, sizeof text - 1, "x", &err),
                 CC_OK));
    cr_expect(cc_doc_field(doc, CC_FIELD_AUTHORITY) == NULL);
    cr_expect(
        eq(str, (char *)cc_doc_field(doc, CC_FIELD_REFERENCE), "22 018 245"));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_DECISION_DATE),
                 "2022-07-22"));
    cr_assert(eq(sz, cc_doc_mention_count(doc), 2));
    cr_expect(eq(str, (char *)cc_doc_mention(doc, 0)->value, "2022-07-22"));
    cr_expect(
        ne(int, (int)(cc_doc_mention(doc, 0)->flags & CC_MENTION_HEADER), 0),
        "the decision date is the header's");
    cc_doc_free(doc);
}

/* A Health case: an NHS trust, and a reference with a letter suffix. */
Test(recognise, health_case_header, .init = setup, .fini = teardown)
{
    static const char text[] =
        "Northmere Hospitals NHS Foundation Trust (17 002 402b)\n\n"
        "Category : Adult care services > Other\n\nDecision date : "
        "14 Feb 2023\n";
    cc_doc *doc;
    cc_error err = {0};

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, sizeof text - 1, "x", &err),
                 CC_OK));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_AUTHORITY),
                 "Northmere Hospitals NHS Foundation Trust"));
    cr_expect(
        eq(str, (char *)cc_doc_field(doc, CC_FIELD_REFERENCE), "17 002 402b"));
    cr_expect(eq(int, cc_doc_authority_kind(doc), CC_AUTHORITY_NHS));
    cc_doc_free(doc);
}

/* Joint complaints print two references; both are the field. */
Test(recognise, two_references, .init = setup, .fini = teardown)
{
    static const char text[] = "Anytown Borough Council (22 012 345 & 22 013 "
                               "456)\n\nDecision : Upheld\n";
    cc_doc *doc;
    cc_error err = {0};

    cr_assert(eq(int, cc_doc_read(&doc, ctx, text, sizeof text - 1, "x", &err),
                 CC_OK));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_AUTHORITY),
                 "Anytown Borough Council"));
    cr_expect(eq(str, (char *)cc_doc_field(doc, CC_FIELD_REFERENCE),
                 "22 012 345 & 22 013 456"));
    cr_expect(cc_doc_field(doc, CC_FIELD_DECISION_DATE) == NULL);
    cc_doc_free(doc);
}
