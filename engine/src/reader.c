/*
 * The layout of a decision statement as the Ombudsman's web pages print
 * it: a header of "Name (NN NNN NNN)", "Category : ...", "Decision : ..."
 * and "Decision date : ..." lines, then headed sections whose paragraphs
 * are one line each (numbered "  1.", bulleted "- " or plain).  Copies
 * from other sites lack the header or the blank lines; both are handled.
 */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "words.h"

/* A line as compared with the lists below: ASCII lower case, curly
 * apostrophes straightened, runs of white space one space, trimmed. */
static size_t
fold_line(char *buf, size_t size, const char *s, size_t b, size_t e)
{
    size_t n = 0;
    int space = 0;
    while (b < e && n + 1 < size) {
        unsigned char c = (unsigned char)s[b];
        if (c == ' ' || c == '\t' ||
            (c == 0xC2 && b + 1 < e && (unsigned char)s[b + 1] == 0xA0)) {
            space = n > 0;
            b += c == 0xC2 ? 2 : 1;
            continue;
        }
        if (space) {
            buf[n++] = ' ';
            space = 0;
            if (n + 1 >= size)
                break;
        }
        if (c == 0xE2 && b + 2 < e && (unsigned char)s[b + 1] == 0x80 &&
            ((unsigned char)s[b + 2] == 0x98 ||
             (unsigned char)s[b + 2] == 0x99)) {
            buf[n++] = '\'';
            b += 3;
            continue;
        }
        buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        b++;
    }
    buf[n] = '\0';
    return n;
}

/* No line in the lists below (furniture and headings) is longer. */
enum { LISTED_MAX = 56 };

/* Web page furniture: whole lines, or lines starting so. */
static const char *const furniture[] = {"back to top",
                                        "print this page",
                                        "lgo logogram",
                                        "privacy settings",
                                        "review your privacy settings",
                                        "required cookies",
                                        "view required cookies",
                                        "analytical cookies",
                                        "view analytical cookies",
                                        "we recommend you set these 'on'.",
                                        "share this page",
                                        "download this decision",
                                        "report summary"};
static const char *const furniture_prefixes[] = {"these cookies enable",
                                                 "google analytics cookies",
                                                 "in using google analytics"};

/* Most lines are prose longer than any listed line, or start with another
 * letter: the first byte and the length are looked at before strcmp. */
static int
is_furniture(const char *f, size_t n)
{
    if (n <= LISTED_MAX)
        for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
            if (f[0] == furniture[i][0] && strcmp(f, furniture[i]) == 0)
                return 1;
    for (size_t i = 0;
         i < sizeof furniture_prefixes / sizeof *furniture_prefixes; i++)
        if (f[0] == furniture_prefixes[i][0] &&
            strncmp(f, furniture_prefixes[i], strlen(furniture_prefixes[i])) ==
                0)
            return 1;
    return 0;
}

/* Headings the Ombudsman uses; `legal` marks law and powers sections. */
static const struct heading {
    const char *title;
    int legal;
} headings[] = {
    {"the ombudsman's final decision", 0},
    {"the ombudsman's final decision:", 0},
    {"the complaint", 0},
    {"the ombudsman's role and powers", 1},
    {"the ombudsmen's role and powers", 1},
    {"what i have investigated", 0},
    {"what i have and have not investigated", 0},
    {"what i have not investigated", 0},
    {"parts of the complaint that i did not investigate", 0},
    {"how i considered this complaint", 0},
    {"what i found", 0},
    {"my assessment", 0},
    {"assessment", 0},
    {"legal and administrative background", 1},
    {"relevant law and guidance", 1},
    {"law and guidance", 1},
    {"the law", 1},
    {"relevant legislation", 1},
    {"background", 0},
    {"what happened", 0},
    {"analysis", 0},
    {"my findings", 0},
    {"findings", 0},
    {"conclusions", 0},
    {"conclusion", 0},
    {"injustice", 0},
    {"remedy", 0},
    {"agreed action", 0},
    {"agreed actions", 0},
    {"recommended action", 0},
    {"recommendations", 0},
    {"action", 0},
    {"final decision", 0},
    {"decision", 0},
    {"investigator's decision on behalf of the ombudsman", 0},
    {"investigator's decision on behalf of the ombudsmen", 0},
};

static const struct heading *
find_heading(const char *f, size_t n)
{
    if (n <= LISTED_MAX)
        for (size_t i = 0; i < sizeof headings / sizeof *headings; i++)
            if (f[0] == headings[i].title[0] &&
                strcmp(f, headings[i].title) == 0)
                return &headings[i];
    return NULL;
}

/* Bit c - 'a' for each letter c a listed line (furniture, heading or the
 * "summary:" that ends a header) starts with. */
static unsigned long
listed_initials(void)
{
    unsigned long m = 1ul << ('s' - 'a'); /* "summary:" */
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
        m |= 1ul << (furniture[i][0] - 'a');
    for (size_t i = 0;
         i < sizeof furniture_prefixes / sizeof *furniture_prefixes; i++)
        m |= 1ul << (furniture_prefixes[i][0] - 'a');
    for (size_t i = 0; i < sizeof headings / sizeof *headings; i++)
        m |= 1ul << (headings[i].title[0] - 'a');
    return m;
}

/*
 * 0 when the trimmed line starting with byte c cannot fold to a listed
 * line or start with a listed prefix: an ASCII byte that is not white
 * space and not, in lower case, one of the initials.  Its fold is then
 * needed only if the line is taken for a heading.
 */
static int
may_be_listed(unsigned char c, unsigned long initials)
{
    if (c >= 0x80 || c == ' ' || c == '\t')
        return 1;
    c = (unsigned char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return c >= 'a' && c <= 'z' && (initials >> (c - 'a') & 1);
}

/* A heading the list lacks: a short capitalised line with no full stop,
 * standing alone between blank lines. */
static int
looks_like_heading(const char *s, size_t b, size_t e, int blank_before,
                   int blank_after)
{
    size_t n = e - b, words = 1;
    if (!blank_before || !blank_after || n == 0 || n > 70)
        return 0;
    if (!(s[b] >= 'A' && s[b] <= 'Z'))
        return 0;
    switch (s[e - 1]) {
    case '.':
    case ',':
    case ';':
    case '?':
    case '!':
    case ')':
        return 0;
    default:
        break;
    }
    for (size_t i = b; i < e; i++) {
        if (s[i] == ' ')
            words++;
        if (s[i] == ':' && i + 1 < e)
            return 0;
    }
    return words <= 10;
}

static char *
copy_bytes(const char *s, size_t b, size_t e)
{
    char *p = malloc(e - b + 1);
    if (p) {
        memcpy(p, s + b, e - b);
        p[e - b] = '\0';
    }
    return p;
}

static void
trim(const char *s, size_t *b, size_t *e)
{
    while (*b < *e && (s[*b] == ' ' || s[*b] == '\t'))
        (*b)++;
    while (*b + 1 < *e && (unsigned char)s[*b] == 0xC2 &&
           (unsigned char)s[*b + 1] == 0xA0)
        *b += 2;
    while (*e > *b && (s[*e - 1] == ' ' || s[*e - 1] == '\t'))
        (*e)--;
}

/* "Category : X": when the line starts with `key` and a colon, the value's
 * bytes go in [*vb, *ve). */
static int
header_field(const char *s, size_t b, size_t e, const char *key, size_t *vb,
             size_t *ve)
{
    size_t n = strlen(key), i;
    if (b == e || s[b] != key[0] || e - b < n || strncmp(s + b, key, n) != 0)
        return 0;
    i = b + n;
    while (i < e && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (i >= e || s[i] != ':')
        return 0;
    i++;
    *vb = i;
    *ve = e;
    trim(s, vb, ve);
    return *ve > *vb;
}

/* Digits, a space, digits, a space, digits: 2, 3 and 3 of them.
 * Returns the end, or `i` when none. */
static size_t
reference_at(const char *s, size_t i, size_t e)
{
    static const int want[3] = {2, 3, 3};
    size_t j = i;
    for (int g = 0; g < 3; g++) {
        int n = 0;
        if (g > 0) {
            if (j >= e || s[j] != ' ')
                return i;
            j++;
        }
        while (j < e && s[j] >= '0' && s[j] <= '9') {
            n++;
            j++;
        }
        if (n != want[g])
            return i;
    }
    /* A Health case's letter suffix: "17 002 402b". */
    if (j < e && s[j] >= 'a' && s[j] <= 'z' &&
        (j + 1 == e || !cc_words__alnum((unsigned char)s[j + 1])))
        j++;
    return j;
}

/* "Name (19 006 719)", "Name (22 012 345 & 22 013 456)", "Name (17 002
 * 402b)": the references, as printed, are what the brackets hold. */
static int
authority_line(const char *s, size_t b, size_t e, size_t *ae, size_t *rb,
               size_t *re)
{
    size_t open, i;
    if (e - b < 14 || s[e - 1] != ')')
        return 0;
    open = e - 1;
    while (open > b && s[open] != '(')
        open--;
    if (s[open] != '(' || open == b)
        return 0;
    i = open + 1;
    for (;;) {
        size_t j = reference_at(s, i, e - 1);
        if (j == i)
            return 0;
        i = j;
        if (i == e - 1)
            break;
        /* ", ", " & ", " and " between references */
        if (s[i] == ',' && i + 1 < e && s[i + 1] == ' ')
            i += 2;
        else if (e - 1 - i > 3 && strncmp(s + i, " & ", 3) == 0)
            i += 3;
        else if (e - 1 - i > 5 && strncmp(s + i, " and ", 5) == 0)
            i += 5;
        else
            return 0;
    }
    *rb = open + 1;
    *re = e - 1;
    *ae = open;
    while (*ae > b && s[*ae - 1] == ' ')
        (*ae)--;
    return *ae > b;
}

/* A list marker at the start of a line: "3. ", "3) ", "- ", "• ".
 * Returns the printed number (0 for a bullet) or -1. */
static int
list_number(const char *s, size_t b, size_t e)
{
    size_t i = b;
    int n = 0, nd = 0;
    while (i < e && s[i] >= '0' && s[i] <= '9' && nd < 6) {
        n = n * 10 + (s[i] - '0');
        i++;
        nd++;
    }
    if (nd > 0 && i + 1 < e && (s[i] == '.' || s[i] == ')') &&
        (s[i + 1] == ' ' || s[i + 1] == '\t'))
        return n;
    return -1;
}

typedef struct grow {
    void *p;
    size_t n, cap, size;
} grow;

static void *
grow_push(grow *g)
{
    if (g->n == g->cap) {
        size_t ncap = g->cap ? g->cap * 2 : 16;
        void *p = realloc(g->p, ncap * g->size);
        if (!p)
            return NULL;
        g->p = p;
        g->cap = ncap;
    }
    return (char *)g->p + g->size * g->n++;
}

cc_status
cc_reader__read(cc_layout *out, const cc_text *t, const char *source,
                cc_error *err)
{
    const char *s = t->s;
    grow sec = {NULL, 0, 0, sizeof(cc_section)};
    grow par = {NULL, 0, 0, sizeof(cc_paragraph)};
    cc_layout l;
    /* The folded line: long enough for every listed line and for a line
     * looks_like_heading() takes (70 bytes), longer lines cut short. */
    char f[LISTED_MAX + 20];
    unsigned long initials = listed_initials();
    int in_header = 1, blank_before = 1;
    long cur_section = -1;
    /* after the header: the last authority line, where a second decision
     * pasted below the first would start */
    size_t last_authority = (size_t)-1;
    cc_status st = CC_OK;

    memset(&l, 0, sizeof l);
    memset(out, 0, sizeof *out);
    for (size_t li = 0; li < t->nlines; li++) {
        size_t b, e, vb, ve, ae, fn;
        int blank_after, folded;
        const struct heading *h;

        cc_text__line_span(t, li, &b, &e);
        trim(s, &b, &e);
        if (b == e) {
            blank_before = 1;
            continue;
        }
        blank_after = 1;
        if (li + 1 < t->nlines) {
            size_t nb, ne;
            cc_text__line_span(t, li + 1, &nb, &ne);
            trim(s, &nb, &ne);
            blank_after = nb == ne;
        }
        folded = may_be_listed((unsigned char)s[b], initials);
        fn = 0;
        f[0] = '\0';
        /* as far as a listed line can go: a longer fold matches none */
        if (folded)
            fn = fold_line(f, LISTED_MAX + 2, s, b, e);
        if (is_furniture(f, fn)) {
            blank_before = 1;
            continue;
        }
        if (in_header) {
            if (!l.field[CC_FIELD_AUTHORITY] &&
                authority_line(s, b, e, &ae, &vb, &ve)) {
                /* it replaces a bare reference read before it */
                free(l.field[CC_FIELD_REFERENCE]);
                l.field[CC_FIELD_AUTHORITY] = copy_bytes(s, b, ae);
                l.field[CC_FIELD_REFERENCE] = copy_bytes(s, vb, ve);
                if (!l.field[CC_FIELD_AUTHORITY] ||
                    !l.field[CC_FIELD_REFERENCE])
                    goto nomem;
                blank_before = 0;
                continue;
            }
            /* An archive page opens with the bare reference, and no
             * authority line. */
            if (!l.field[CC_FIELD_REFERENCE] && reference_at(s, b, e) == e) {
                if (!(l.field[CC_FIELD_REFERENCE] = copy_bytes(s, b, e)))
                    goto nomem;
                blank_before = 0;
                continue;
            }
            if (header_field(s, b, e, "Category", &vb, &ve)) {
                free(l.field[CC_FIELD_CATEGORY]);
                if (!(l.field[CC_FIELD_CATEGORY] = copy_bytes(s, vb, ve)))
                    goto nomem;
                blank_before = 0;
                continue;
            }
            if (header_field(s, b, e, "Decision date", &vb, &ve)) {
                l.date_offset = vb;
                l.date_length = ve - vb;
                blank_before = 0;
                continue;
            }
            if (header_field(s, b, e, "Decision", &vb, &ve)) {
                free(l.field[CC_FIELD_OUTCOME]);
                if (!(l.field[CC_FIELD_OUTCOME] = copy_bytes(s, vb, ve)))
                    goto nomem;
                blank_before = 0;
                continue;
            }
        }
        if (!in_header) {
            if (authority_line(s, b, e, &ae, &vb, &ve))
                last_authority = li;
            else if (header_field(s, b, e, "Decision date", &vb, &ve) &&
                     l.date_length) {
                /* a second header: its authority line when it has one
                 * just above, else this line */
                size_t at =
                    last_authority != (size_t)-1 && li - last_authority <= 6
                        ? last_authority
                        : li;
                size_t ab, line_end;
                cc_text__line_span(t, at, &ab, &line_end);
                st = cc_error__set(
                    err, CC_EINVAL, source, (int)at + 1, 1, ab,
                    "a second decision starts at line %zu (its \"Decision "
                    "date\" is line %zu): give each decision a file of its "
                    "own (caseclock batch reads many)",
                    at + 1, li + 1);
                goto fail;
            }
        }
        h = find_heading(f, fn);
        if (h || looks_like_heading(s, b, e, blank_before, blank_after)) {
            cc_section *x;
            in_header = 0;
            if (!h) /* the whole title, for the words a legal one has */
                fold_line(f, sizeof f, s, b, e);
            if (!(x = grow_push(&sec)))
                goto nomem;
            memset(x, 0, sizeof *x);
            x->offset = b;
            x->length = e - b;
            x->legal = h ? h->legal
                         : (strstr(f, "law") || strstr(f, "legal") ||
                            strstr(f, "guidance"));
            if (!(x->title = copy_bytes(s, b, e)))
                goto nomem;
            cur_section = (long)sec.n - 1;
            blank_before = 0;
            continue;
        }
        if (in_header && strncmp(f, "summary:", 8) == 0)
            in_header = 0;
        {
            cc_paragraph *p = grow_push(&par);
            int num;
            if (!p)
                goto nomem;
            num = list_number(s, b, e);
            p->number = num > 0 ? num : 0;
            p->section = cur_section;
            p->offset = b;
            p->length = e - b;
        }
        blank_before = 0;
    }
    l.sections = sec.p;
    l.nsections = sec.n;
    l.paragraphs = par.p;
    l.nparagraphs = par.n;
    *out = l;
    return CC_OK;

nomem:
    st = cc_error__fail(err, CC_ENOMEM, "out of memory");
fail:
    l.sections = sec.p;
    l.nsections = sec.n;
    free(par.p);
    cc_reader__clear(&l);
    return st;
}

void
cc_reader__clear(cc_layout *l)
{
    for (size_t i = 0; i < CC_NFIELDS; i++)
        free(l->field[i]);
    for (size_t i = 0; i < l->nsections; i++)
        free((char *)l->sections[i].title);
    free(l->sections);
    free(l->paragraphs);
    memset(l, 0, sizeof *l);
}
