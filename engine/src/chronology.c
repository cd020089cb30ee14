/*
 * Chronology: each dated mention in the narrative becomes an event, with
 * its interval, its sentence, a kind and an actor.
 *
 * Kinds come from the words of the clause holding the date: the keyword
 * nearest the date wins, ties going to the earlier row of the lexicon
 * (calendars/lexicon.json, loaded by lexicon.c).  A date
 * after "until", "since", "before", "after", "from" or "by" is not the
 * time of the act the clause names ("nobody told her until 14 August"), so
 * its event stays CC_EVENT_OTHER, except a promise ("said it would do it by
 * the end of April").  Actors come from the first actor word of the clause,
 * else of the sentence; "he" and "she" are the complainant when the title
 * (Mr, Ms, Mrs, Miss) agrees, else whoever else acted last.  Anything not
 * matched stays "other" or "unknown": docs/chronology.md has the lists.
 */
#include "chronology.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "doc.h"
#include "error.h"
#include "words.h"

void
cc_chrono__place(cc_place *out, cc_strpool *pool, const cc_doc *doc,
                 size_t offset, size_t length)
{
    long si = cc_doc__sentence_at(doc, offset);
    long pi = cc_doc__paragraph_at(doc, offset);

    memset(out, 0, sizeof *out);
    out->offset = offset;
    out->length = length;
    out->sentence_offset = offset;
    out->sentence_length = length;
    out->section = "";
    out->line = cc_doc__line(doc, offset);
    if (si >= 0) {
        const cc_sentence *s = cc_doc_sentence(doc, (size_t)si);
        out->sentence_offset = s->offset;
        out->sentence_length = s->length;
    }
    if (pi >= 0) {
        const cc_paragraph *p = cc_doc_paragraph(doc, (size_t)pi);
        const cc_section *sec =
            p->section >= 0 ? cc_doc_section(doc, (size_t)p->section) : NULL;
        out->paragraph = p->number;
        if (sec && sec->title) {
            const char *t =
                cc_pool__strndup(pool, sec->title, strlen(sec->title));
            out->section = t ? t : "";
        }
    }
}

/* The complainant's designation ("Ms B") and the pronoun that fits it. */
typedef struct complainant {
    char name[16];
    char name2[16]; /* "Mrs V" of "Mr and Mrs V", else "" */
    int female;     /* 1 she, 0 he, -1 unknown */
} complainant;

static void
find_complainant(complainant *c, const char *text, size_t len)
{
    static const struct {
        const char *title;
        int female;
    } titles[] = {{"Mr ", 0},   {"Mrs ", 1}, {"Ms ", 1},
                  {"Miss ", 1}, {"Dr ", -1}, {"Mx ", -1}};

    c->name[0] = c->name2[0] = '\0';
    c->female = -1;
    for (size_t i = 0; i < len; i++) {
        /* Every title starts with 'M' or 'D'. */
        if ((text[i] != 'M' && text[i] != 'D') ||
            (i > 0 && cc_words__alnum((unsigned char)text[i - 1])))
            continue;
        /* "Mr and Mrs V": both are the complainant. */
        if (i + 13 < len && strncmp(text + i, "Mr and Mrs ", 11) == 0 &&
            text[i + 11] >= 'A' && text[i + 11] <= 'Z' &&
            !cc_words__alnum((unsigned char)text[i + 12])) {
            snprintf(c->name, sizeof c->name, "Mr %c", text[i + 11]);
            snprintf(c->name2, sizeof c->name2, "Mrs %c", text[i + 11]);
            return;
        }
        for (size_t t = 0; t < sizeof titles / sizeof *titles; t++) {
            size_t k = strlen(titles[t].title);
            if (i + k + 1 < len && strncmp(text + i, titles[t].title, k) == 0 &&
                text[i + k] >= 'A' && text[i + k] <= 'Z' &&
                !cc_words__alnum((unsigned char)text[i + k + 1])) {
                snprintf(c->name, sizeof c->name, "%.*s", (int)(k + 1),
                         text + i);
                c->female = titles[t].female;
                return;
            }
        }
    }
}

/* Does `name` start in text[at, at + n) (it may run past at + n)?  A
 * search bounded by the paragraph, not the rest of the text. */
static int
named_in(const char *text, size_t len, size_t at, size_t n, const char *name)
{
    size_t k = strlen(name), end = at + n;
    const char *p;

    while (at < end && at + k <= len &&
           (p = memchr(text + at, name[0], end - at)) != NULL) {
        at = (size_t)(p - text);
        if (at + k <= len && memcmp(p, name, k) == 0)
            return 1;
        at++;
    }
    return 0;
}

/* Is the paragraph part of the narrative, for the complainant c (found
 * when NULL)? */
static int
narrative_with(const cc_doc *doc, long paragraph, const complainant *known)
{
    const cc_paragraph *p;
    const cc_section *sec;
    size_t len;
    const char *text = cc_doc_text(doc, &len);
    complainant c;

    if (paragraph < 0)
        return 0;
    p = cc_doc_paragraph(doc, (size_t)paragraph);
    if (!p || p->section < 0)
        return p != NULL;
    sec = cc_doc_section(doc, (size_t)p->section);
    if (!sec || !sec->legal)
        return 1;
    /*
     * A paragraph of a legal section that names the complainant is about
     * the case ("Mr X first complained to the Ombudsman in January 2019").
     */
    if (!known) {
        find_complainant(&c, text, len);
        known = &c;
    }
    return known->name[0] &&
           named_in(text, len, p->offset, p->length, known->name);
}

int
cc_chrono__narrative(const cc_doc *doc, long paragraph)
{
    return narrative_with(doc, paragraph, NULL);
}

int
cc_chrono__narrative_at(const cc_timeline *tl, long paragraph)
{
    return paragraph >= 0 && (size_t)paragraph < tl->nparagraphs &&
           tl->narrative[paragraph];
}

/*
 * Does the lexicon word `lw` match text at `at`, not past `to`?  Returns
 * the matched length or 0.
 */
static size_t
lex_match(const char *text, size_t at, size_t to, const cc_lexword *lw)
{
    size_t end;

    if (at >= to ||
        cc_words__lower((unsigned char)text[at]) != (unsigned char)lw->word[0])
        return 0;
    if (!lw->pattern)
        return cc_words__match(text, at, to, lw->word);
    /* A pattern can only start here when its first word does. */
    if (lw->first[0] && !cc_words__match(text, at, to, lw->first))
        return 0;
    return cc_words__find_pattern(text, at, to, lw->word, &end, NULL) == at
               ? end - at
               : 0;
}

/* Is the word at `at` inside one of the phrases that block `lw` in
 * [c0, c1) ("met the threshold" for "met")? */
static int
lex_blocked(const char *text, size_t c0, size_t c1, size_t at,
            const cc_lexword *lw)
{
    for (size_t b = 0; b < lw->nblocks; b++) {
        size_t from = c0, end, hit;
        while (from < c1 &&
               (hit = cc_words__find_pattern(text, from, c1, lw->blocks[b],
                                             &end, NULL)) != (size_t)-1 &&
               hit <= at) {
            if (at < end)
                return 1;
            from = hit + 1;
        }
    }
    return 0;
}

/* Is [c0, c1) context of the case, not an event of it ("came into force
 * on 1 April 2015", "was born on ...", "investigated events from ...")? */
static int
lex_context(const cc_lexicon *lx, const char *text, size_t c0, size_t c1)
{
    /* The clause read once; a phrase whose starts it lacks cannot be in
     * it. */
    cc_initials have = cc_words__initials(text, c0, c1);

    for (size_t k = 0; k < lx->ncontext; k++)
        if (cc_words__may_match(&have, lx->context[k]) &&
            cc_words__find_pattern(text, c0, c1, lx->context[k], NULL, NULL) !=
                (size_t)-1)
            return 1;
    return 0;
}

/* Words that, just before a keyword, deny or defer the act it names. */
static const char *const DENIALS[] = {
    "not ",        "n't ",        "never ",       "without ",   "should have ",
    "would have ", "could have ", "asked for a ", "asked for ", "requested a ",
    "asked if ",   "would ",      "will ",        "to ",
};

/*
 * Is the keyword at `at` denied or deferred?  `until` is set for a date
 * after "until" in a denied clause ("was not completed until 30 May"):
 * the act did happen, on that date, so "not" does not deny it.
 */
static int
denied(const char *text, size_t from, size_t at, cc_event_kind kind, int until)
{
    /* Asking for a stage 2 investigation is the escalation itself. */
    if (kind == CC_EVENT_ESCALATION || kind == CC_EVENT_OMBUDSMAN_COMPLAINT)
        return 0;
    for (size_t d = 0; d < sizeof DENIALS / sizeof *DENIALS; d++) {
        size_t k = strlen(DENIALS[d]);
        if (until && (d == 0 || d == 1))
            continue; /* "not ", "n't " */
        /* The denial may sit up to one word ("not yet completed") back. */
        for (size_t back = k; back <= k + 12 && back <= at - from; back++) {
            if (cc_words__match(text, at - back, at, DENIALS[d]) &&
                (at - back == 0 ||
                 !cc_words__alnum((unsigned char)text[at - back - 1]))) {
                const char *gap = text + at - back + k;
                size_t glen = back - k;
                /* At most one word between the denial and the keyword. */
                if (memchr(gap, ' ', glen) == NULL ||
                    memchr(gap, ' ', glen) == gap + glen - 1)
                    return 1;
            }
        }
    }
    return 0;
}

/* The last word before `at` (skipping "the"), lower-cased into buf. */
static void
word_before(const char *text, size_t from, size_t at, char *buf, size_t size)
{
    size_t end = at, start;

    buf[0] = '\0';
    for (int pass = 0; pass < 2; pass++) {
        while (end > from && !cc_words__alnum((unsigned char)text[end - 1]))
            end--;
        start = end;
        while (start > from && cc_words__alnum((unsigned char)text[start - 1]))
            start--;
        if (end - start == 3 && cc_words__match(text, start, end, "the")) {
            end = start;
            continue;
        }
        break;
    }
    if (end > start && end - start < size) {
        for (size_t i = 0; i < end - start; i++)
            buf[i] = (char)cc_words__lower((unsigned char)text[start + i]);
        buf[end - start] = '\0';
    }
}

/* Clause boundaries: where one clause ends and the next begins.  Each
 * starts with ';', ' ' or ',': clause_split tests that byte first. */
static const char *const BOUNDS[] = {
    "; ",          " – ",   " - ",      ", and ",   " and ",
    ", but ",      " but ", ", which ", ", when ",  " when ",
    ", although ", ", so ", ", then ",  ", while ", " while ",
    ", who ",      " who ", " that ",   ", ",
};

/*
 * Clauses of [s0, s1), at most `max`: clause k runs from starts[k] to
 * ends[k] (where the boundary words begin).
 */
static size_t
clause_split(const char *text, size_t s0, size_t s1, size_t *starts,
             size_t *ends, size_t max)
{
    size_t n = 0;

    starts[n++] = s0;
    for (size_t i = s0; i < s1 && n < max; i++) {
        /* Every boundary starts with ';', ' ' or ','. */
        if (text[i] != ' ' && text[i] != ',' && text[i] != ';')
            continue;
        for (size_t b = 0; b < sizeof BOUNDS / sizeof *BOUNDS; b++) {
            size_t k;
            /* Every boundary has two characters or more: test them
             * before the rest. */
            if (BOUNDS[b][0] != text[i] || i + 1 >= s1 ||
                BOUNDS[b][1] != text[i + 1])
                continue;
            k = strlen(BOUNDS[b]);
            if (i + k <= s1 && strncmp(text + i, BOUNDS[b], k) == 0) {
                ends[n - 1] = i;
                starts[n++] = i + k;
                i += k - 1;
                break;
            }
        }
    }
    ends[n - 1] = s1;
    return n;
}

static int
word_count(const char *text, size_t from, size_t to)
{
    int n = 0, in = 0;

    for (size_t i = from; i < to; i++) {
        int a = cc_words__alnum((unsigned char)text[i]);
        n += a && !in;
        in = a;
    }
    return n;
}

/* Is [from, to) only capitalised words (a name: "Ms X")? */
static int
names_only(const char *text, size_t from, size_t to)
{
    int names = 0;

    for (size_t i = from; i < to; i++) {
        if (text[i] == ' ')
            continue;
        if (!(text[i] >= 'A' && text[i] <= 'Z') ||
            (i > from && text[i - 1] != ' '))
            return 0;
        names++;
        while (i + 1 < to && cc_words__alnum((unsigned char)text[i + 1]))
            i++;
    }
    return names > 0;
}

/* Is [from, to) only a name and the date's preposition ("the Council on",
 * "Ms X on"): "the", "its", "her", "his" and capitalised words, then one
 * of on, in, at? */
static int
noun_phrase(const char *text, size_t from, size_t to)
{
    static const char *const dets[] = {"the", "its", "her", "his", "their"};
    static const char *const preps[] = {"on", "in", "at"};
    size_t i = from, names = 0;

    while (i < to) {
        size_t e = i, k;
        int ok = 0;
        while (i < to && text[i] == ' ')
            i++;
        e = i;
        while (e < to && cc_words__alnum((unsigned char)text[e]))
            e++;
        if (e == i)
            return 0;
        if (e == to || text[e] == ' ') {
            for (k = 0; k < sizeof preps / sizeof *preps; k++)
                if (e - i == strlen(preps[k]) &&
                    strncmp(text + i, preps[k], e - i) == 0) {
                    while (e < to && text[e] == ' ')
                        e++;
                    return e == to && names > 0;
                }
        }
        for (k = 0; k < sizeof dets / sizeof *dets; k++)
            ok |= e - i == strlen(dets[k]) &&
                  strncmp(text + i, dets[k], e - i) == 0;
        if (text[i] >= 'A' && text[i] <= 'Z') {
            ok = 1;
            names++;
        }
        if (!ok)
            return 0;
        i = e;
    }
    return 0;
}

/*
 * The clause holding [m0, m1) within the sentence [s0, s1): from one
 * boundary to the next.  A clause that is only the date and a preposition
 * ("On 5 June,") joins its neighbour: the next at the start of a sentence,
 * else the previous.
 */
static void
clause_of(const char *text, size_t s0, size_t s1, size_t m0, size_t m1,
          size_t *c0, size_t *c1)
{
    size_t starts[64], ends[64];
    size_t n = clause_split(text, s0, s1, starts, ends, 64), k = 0, last;

    while (k + 1 < n && starts[k + 1] <= m0)
        k++;
    last = k;
    while (last + 1 < n && starts[last + 1] < m1) /* a boundary inside */
        last++;
    *c0 = starts[k];
    *c1 = ends[last];
    /* "On 19 July 2022 Ms X and two officers met ...": a subject of two,
     * not a clause; the verb is the next clause's. */
    if (k == last && last + 1 < n && word_count(text, *c0, m0) <= 1 &&
        starts[last + 1] >= 5 &&
        strncmp(text + starts[last + 1] - 5, " and ", 5) == 0 &&
        names_only(text, m1, *c1)) {
        *c1 = ends[last + 1];
        return;
    }
    /* "We sent a draft decision to Ms X and the Council on 2 May 2023":
     * a second object, not a clause; the act is the first clause's. */
    if (k > 0 && k == last && word_count(text, m1, *c1) == 0 &&
        starts[k] >= s0 + 5 && strncmp(text + starts[k] - 5, " and ", 5) == 0 &&
        noun_phrase(text, *c0, m0)) {
        *c0 = starts[k - 1];
        return;
    }
    if (word_count(text, *c0, m0) + word_count(text, m1, *c1) <= 1) {
        if (k == 0 && last + 1 < n)
            *c1 = ends[last + 1];
        else if (k > 0 &&
                 !(starts[k - 1] >= s0 + 7 &&
                   strncmp(text + starts[k - 1] - 7, ", when ", 7) == 0))
            *c0 = starts[k - 1]; /* not a gloss of an earlier date */
    }
}

/*
 * The clause that `lead` opens at `at` in the sentence [s0, s1): after the
 * date that ends there (", when " in "between 21 June 2021, when Ms L
 * returned the form, and ..."), or where the clause holding the date ends
 * (" that ").  [*g0, *g1); 0 when there is none.
 */
static int
clause_after(const char *text, size_t s0, size_t s1, size_t at,
             const char *lead, size_t *g0, size_t *g1)
{
    size_t starts[64], ends[64], k = strlen(lead);
    size_t n = clause_split(text, s0, s1, starts, ends, 64);

    if (at + k > s1 || strncmp(text + at, lead, k) != 0)
        return 0;
    for (size_t c = 0; c < n; c++)
        if (starts[c] == at + k) {
            *g0 = starts[c];
            *g1 = ends[c];
            return 1;
        }
    return 0;
}

/* Does [c0, m0) tell someone something ("told", "informed", "wrote to",
 * "notified", "confirmed")? */
static int
telling(const char *text, size_t c0, size_t m0)
{
    static const char *const verbs[] = {"told", "informed", "wrote to",
                                        "notified", "confirmed"};

    for (size_t k = 0; k < sizeof verbs / sizeof *verbs; k++)
        if (cc_words__find(text, c0, m0, verbs[k]) != (size_t)-1)
            return 1;
    return 0;
}

/* Is the date at m0 a bound ("between 21 June 2021", "until 14
 * August"), not the time of its clause's act? */
static int
bound_date(const char *text, size_t c0, size_t m0)
{
    static const char *const words[] = {"between", "until", "since", "before",
                                        "after",   "from",  "by"};
    char prev[24];

    word_before(text, c0, m0, prev, sizeof prev);
    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (strcmp(prev, words[k]) == 0)
            return 1;
    return 0;
}

/* Does [g0, g1) describe a state, not an act ("when the Ombudsman was
 * already investigating")? */
static int
stative(const char *text, size_t g0, size_t g1)
{
    static const char *const words[] = {"was", "were", "had", "already"};

    for (size_t k = 0; k < sizeof words / sizeof *words; k++)
        if (cc_words__find(text, g0, g1, words[k]) != (size_t)-1)
            return 1;
    return 0;
}

/* Where a gloss of an earlier date opens in [s0, m0) (", when " after a
 * year), else m0: the text before the date the sentence's subject may
 * come from. */
static size_t
before_gloss(const char *text, size_t s0, size_t m0)
{
    for (size_t i = s0 + 1; i + 7 <= m0; i++)
        if (strncmp(text + i, ", when ", 7) == 0 && text[i - 1] >= '0' &&
            text[i - 1] <= '9')
            return i;
    return m0;
}

/* Does text[from, to) say "not", "n't" or "n’t"? */
static int
has_negation(const char *text, size_t from, size_t to)
{
    if (cc_words__find(text, from, to, "not") != (size_t)-1)
        return 1;
    for (size_t i = from; i + 3 <= to; i++)
        if (strncmp(text + i, "n't", 3) == 0 ||
            (i + 5 <= to && strncmp(text + i, "n\xe2\x80\x99t", 5) == 0))
            return 1;
    return 0;
}

/* Is there a time preposition in text[from, to) that puts a keyword and
 * a date in different happenings? */
static int
barrier(const char *text, size_t from, size_t to)
{
    static const char *const preps[] = {"after", "before", "following", "since",
                                        "prior to"};

    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (cc_words__find(text, from, to, preps[k]) != (size_t)-1)
            return 1;
    return 0;
}

/* Does a content clause ("that ...", "the Council failed ...") start at
 * `at`, before the date at m0? */
static int
content_follows(const char *text, size_t at, size_t m0)
{
    static const char *const starts[] = {"that", "the",  "it",  "its", "he",
                                         "she",  "they", "her", "his", "their"};

    while (at < m0 && text[at] == ' ')
        at++;
    if (at >= m0)
        return 0;
    for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
        if (cc_words__match(text, at, m0, starts[k]))
            return 1;
    return 0;
}

/* Conference and strategy nouns name the meeting itself, not "the minutes
 * of the initial conference". */
static int
names_meeting(cc_event_kind k)
{
    return k == CC_EVENT_STRATEGY || k == CC_EVENT_ICPC || k == CC_EVENT_RCPC;
}

static cc_event_kind
kind_of(const cc_lexicon *lx, const char *text, size_t c0, size_t c1, size_t m0,
        size_t m1, int cp_context, int *negated)
{
    char prev[24];
    cc_event_kind best = CC_EVENT_OTHER;
    size_t bestdist = (size_t)-1;
    int promise_words, until = 0;

    *negated = 0;
    word_before(text, c0, m0, prev, sizeof prev);
    /* "The assessment was not completed until 30 May 2023": completed on
     * 30 May.  Only a denial before "until" makes the date the act's. */
    if (strcmp(prev, "until") == 0 && has_negation(text, c0, m0))
        until = 1;
    promise_words = cc_words__find(text, c0, c1, "would") != (size_t)-1 ||
                    cc_words__find(text, c0, c1, "will") != (size_t)-1 ||
                    cc_words__find(text, c0, c1, "promised") != (size_t)-1 ||
                    cc_words__find(text, c0, c1, "undertook") != (size_t)-1;
    if (strcmp(prev, "by") == 0 && promise_words)
        return CC_EVENT_PROMISE;
    if ((strcmp(prev, "until") == 0 && !until) || strcmp(prev, "since") == 0 ||
        strcmp(prev, "before") == 0 || strcmp(prev, "after") == 0 ||
        strcmp(prev, "from") == 0 || strcmp(prev, "by") == 0)
        return CC_EVENT_OTHER;
    for (size_t i = c0; i < c1; i++) {
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        if (i >= m0 && i < m1)
            continue;
        /* Only the rows starting with this byte can match here. */
        int b = cc_words__lower((unsigned char)text[i]);
        int b2 = i + 1 < c1 ? cc_words__lower((unsigned char)text[i + 1]) : 0;
        for (size_t q = lx->word_at[b]; q < lx->word_at[b + 1]; q++) {
            const cc_lexword *lw = &lx->words[lx->word_by[q]];
            size_t n, dist;
            if (lw->second && lw->second != b2)
                continue;
            n = lex_match(text, i, c1, lw);
            if (!n || lex_blocked(text, c0, c1, i, lw))
                continue;
            /* "complainant" is a person, not a complaint. */
            if (lw->kind == CC_EVENT_COMPLAINT &&
                cc_words__match(text, i, c1, "complainant*"))
                continue;
            dist = i + n <= m0 ? m0 - (i + n) : i >= m1 ? i - m1 : 0;
            /* "The final response apologised for the delay after a
             * review held in October 2023": the date is the review's. */
            if (i + n <= m0 ? barrier(text, i + n, m0)
                            : i >= m1 && barrier(text, m1, i))
                continue;
            /* "Miss X complained the Council issued a draft plan in July
             * 2024": the date is in what she complained of. */
            if (lw->kind == CC_EVENT_COMPLAINT && i + n < m0 &&
                content_follows(text, i + n, m0))
                continue;
            if (names_meeting(lw->kind)) {
                char w[24];
                word_before(text, c0, i, w, sizeof w);
                if (strcmp(w, "of") == 0)
                    break;
            }
            if (denied(text, c0, i, lw->kind, until)) {
                if (dist < bestdist)
                    *negated = 1;
                continue;
            }
            if (dist < bestdist) {
                bestdist = dist;
                best = lw->kind;
                *negated = 0;
            }
            break; /* the first row matching here is the most specific */
        }
        /* In a child protection case "the review" is a review conference. */
        if (cp_context && best != CC_EVENT_RCPC &&
            (cc_words__match(text, i, c1, "review took place") ||
             cc_words__match(text, i, c1, "review was held") ||
             cc_words__match(text, i, c1, "review meeting"))) {
            size_t dist = i >= m1 ? i - m1 : m0 > i + 6 ? m0 - (i + 6) : 0;
            if (dist < bestdist) {
                bestdist = dist;
                best = CC_EVENT_RCPC;
                *negated = 0;
            }
        }
    }
    return best;
}

/* Does a reporting verb ("am satisfied", "found": the lexicon's
 * "reports") follow `at`? */
static int
reporting_verb(const cc_lexicon *lx, const char *text, size_t at, size_t to)
{
    while (at < to && text[at] == ' ')
        at++;
    for (size_t k = 0; k < lx->nreports; k++)
        if (cc_words__match(text, at, to, lx->reports[k]))
            return 1;
    return 0;
}

static int possessive(const char *text, size_t at, size_t to);

/*
 * The sender of what the clause [c0, c1) says was received: the
 * complainant for "received Ms X's complaint", "received her application"
 * (the pronoun fitting the title) or "received a complaint from Ms X";
 * another body for "received a safeguarding referral"; else unknown (the
 * receiver's act stands).
 */
static cc_actor
sender(const char *text, size_t c0, size_t c1, const complainant *c)
{
    size_t r = cc_words__find(text, c0, c1, "received"), at;
    size_t n = c->name[0] ? strlen(c->name) : 0;
    size_t n2 = c->name2[0] ? strlen(c->name2) : 0;

    if (r == (size_t)-1)
        return CC_ACTOR_UNKNOWN;
    at = r + strlen("received");
    while (at < c1 && text[at] == ' ')
        at++;
    if ((n && at + n <= c1 && strncmp(text + at, c->name, n) == 0 &&
         possessive(text, at + n, c1)) ||
        (n2 && at + n2 <= c1 && strncmp(text + at, c->name2, n2) == 0 &&
         possessive(text, at + n2, c1)) ||
        (c->female == 1 && cc_words__match(text, at, c1, "her ")) ||
        (c->female == 0 && cc_words__match(text, at, c1, "his ")))
        return CC_ACTOR_COMPLAINANT;
    for (size_t i = at; i < c1; i++) {
        size_t f = cc_words__match(text, i, c1, "from ");
        if (!f || (i > 0 && cc_words__alnum((unsigned char)text[i - 1])))
            continue;
        if ((n && i + f + n <= c1 && strncmp(text + i + f, c->name, n) == 0) ||
            (n2 && i + f + n2 <= c1 &&
             strncmp(text + i + f, c->name2, n2) == 0))
            return CC_ACTOR_COMPLAINANT;
        return CC_ACTOR_UNKNOWN; /* from someone we cannot name here */
    }
    /* "received a safeguarding referral": from someone else; an unnamed
     * complaint or application may be the complainant's. */
    if ((cc_words__match(text, at, c1, "a ") ||
         cc_words__match(text, at, c1, "an ")) &&
        cc_words__find(text, at, c1, "complaint") == (size_t)-1 &&
        cc_words__find(text, at, c1, "application") == (size_t)-1)
        return CC_ACTOR_OTHER;
    return CC_ACTOR_UNKNOWN;
}

/* Does "'s" (or "’s") follow at `at`? */
static int
possessive(const char *text, size_t at, size_t to)
{
    return (at + 2 <= to && strncmp(text + at, "'s", 2) == 0) ||
           (at + 4 <= to && strncmp(text + at, "\xe2\x80\x99s", 4) == 0);
}

/* Does a verb of reported speech (the lexicon's "speech") follow at `at`,
 * with a clause of its own after it ("Ms X says the Council did not reply
 * until 3 May")? */
static int
reported(const cc_lexicon *lx, const char *text, size_t at, size_t to)
{
    while (at < to && text[at] == ' ')
        at++;
    for (size_t k = 0; k < lx->nspeech; k++) {
        size_t n = cc_words__match(text, at, to, lx->speech[k]);
        if (n && at + n + 2 < to)
            return 1;
    }
    return 0;
}

/* The position after `n` more words from `at` (past "'s"), at most `to`. */
static size_t
words_after(const char *text, size_t at, size_t to, int n)
{
    while (at < to && !cc_words__alnum((unsigned char)text[at]) &&
           text[at] != ' ')
        at++; /* "'s" */
    while (at < to && cc_words__alnum((unsigned char)text[at]))
        at++;
    for (int k = 0; k < n && at < to; k++) {
        while (at < to && !cc_words__alnum((unsigned char)text[at]))
            at++;
        while (at < to && cc_words__alnum((unsigned char)text[at]))
            at++;
    }
    return at;
}

/*
 * A clause of its own between the subject and the date, opened by a time
 * conjunction and a pronoun ("the Council did not complete her father's
 * assessment after he moved into a care home in May 2021"): the act
 * dated is the pronoun's.  Sets *out, *pronoun and *where when there is
 * one in [from, stop).
 */
static void
late_pronoun(const char *text, size_t from, size_t stop, cc_actor *out,
             char *pronoun, size_t *where)
{
    static const char *const conj[] = {"after ", "before ", "when ",
                                       "until ", "once ",   "since "};

    for (size_t i = from; i < stop; i++) {
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        for (size_t k = 0; k < sizeof conj / sizeof *conj; k++) {
            size_t n = cc_words__match(text, i, stop, conj[k]), j;
            if (!n)
                continue;
            j = i + n;
            if (cc_words__match(text, j, stop, "he ") ||
                cc_words__match(text, j, stop, "she ")) {
                *out = CC_ACTOR_UNKNOWN;
                *pronoun = cc_words__lower((unsigned char)text[j]);
                *where = j;
            }
        }
    }
}

/*
 * The first actor word in [from, to); *pronoun is 'h', 's' or 0.  After a
 * speaker ("Ms X says ..."), the reported clause's subject: the first
 * actor word after the speaker, or the last "he" or "she" before `stop`,
 * the date ("Mr J complains the Council did nothing about a leak he
 * reported on 3 October": he reported it).
 */
static int
first_actor(const cc_lexicon *lx, const char *text, size_t from, size_t to,
            size_t stop, const complainant *c, cc_actor *out, char *pronoun,
            size_t *where)
{
    int speech = 0, found = 0;
    cc_actor owner = CC_ACTOR_UNKNOWN;
    size_t owner_lim = to;

    *pronoun = 0;
    *where = from;
    for (size_t i = from; i < to; i++) {
        const char *nm = NULL;
        cc_actor a = CC_ACTOR_UNKNOWN;
        char p = 0;
        size_t e = i;
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        if (found && i >= stop)
            break;
        /* Only the possessed noun names another actor: "the Council's
         * letter dated ... told Miss W" is the council's letter. */
        if (owner && !found && i > owner_lim) {
            *out = owner;
            return 1;
        }
        if (c->name[0] && i + strlen(c->name) <= to &&
            strncmp(text + i, c->name, strlen(c->name)) == 0)
            nm = c->name;
        else if (c->name2[0] && i + strlen(c->name2) <= to &&
                 strncmp(text + i, c->name2, strlen(c->name2)) == 0)
            nm = c->name2;
        if (nm) {
            e = i + strlen(nm);
            /* "Mr R's landlord": the possessor is not the subject. */
            if (possessive(text, e, to))
                continue;
            a = CC_ACTOR_COMPLAINANT;
        } else {
            const cc_lexactor *la = NULL;
            int b = (unsigned char)text[i];
            for (size_t q = lx->actor_at[b]; q < lx->actor_at[b + 1]; q++) {
                const cc_lexactor *t = &lx->actors[lx->actor_by[q]];
                size_t n = strlen(t->word);
                if (t->cased) {
                    if (i + n > to || strncmp(text + i, t->word, n) != 0 ||
                        (i + n < to &&
                         cc_words__alnum((unsigned char)text[i + n])))
                        continue;
                } else if (!(n = cc_words__match(text, i, to, t->word))) {
                    continue;
                }
                /* "I am satisfied the Council did ...": the Ombudsman
                 * reports; the act is someone else's. */
                if (t->actor == CC_ACTOR_OMBUDSMAN &&
                    reporting_verb(lx, text, i + n, to))
                    continue;
                /* "it was not reviewed": "it" is the thing acted on;
                 * "it appears the review was ...": nobody */
                if (strcmp(t->word, "it") == 0 &&
                    (cc_words__match(text, i + n + 1, to, "was") ||
                     cc_words__match(text, i + n + 1, to, "were") ||
                     cc_words__match(text, i + n + 1, to, "appears") ||
                     cc_words__match(text, i + n + 1, to, "seems")))
                    continue;
                la = t;
                break;
            }
            if (!la)
                continue;
            e = i + strlen(la->word);
            a = la->actor;
            p = la->pronoun;
            /* "The Council's contractor started ...": the possessor acts
             * only when nobody else in the clause does ("The Council's
             * decision of 23 February"). */
            if (!p && possessive(text, e, to)) {
                if (!owner) {
                    owner = a;
                    owner_lim = words_after(text, e, to, 3);
                }
                continue;
            }
        }
        /* "Ms X says the Council ...": the act is the reported clause's. */
        if (reported(lx, text, e, to)) {
            speech = 1;
            continue;
        }
        /* After a speaker, the first actor is the reported clause's
         * subject, unless a subject pronoun ("he", "she") comes later
         * before the date: that begins a clause of its own. */
        if (!found || p) {
            *out = a;
            *pronoun = p;
            *where = i;
        }
        found = 1;
        if (!speech) {
            late_pronoun(text, e, stop, out, pronoun, where);
            return 1;
        }
        i = e - 1;
    }
    if (!found && owner) {
        *out = owner;
        return 1;
    }
    return found;
}

/* The word ending before `at` (after spaces), within [from, at): its
 * start, and `at` moved to it; 0 when there is none. */
static int
prev_word(const char *text, size_t from, size_t *at, size_t *start)
{
    size_t e = *at, b;

    while (e > from && text[e - 1] == ' ')
        e--;
    b = e;
    while (b > from && cc_words__alnum((unsigned char)text[b - 1]))
        b--;
    if (b == e)
        return 0;
    *start = b;
    *at = b;
    return e - b > 0;
}

/*
 * Is the date at m0 that of a past participle straight after a noun, a
 * passive naming no agent ("failed to repair a leaking roof reported in
 * October 2022", "the form returned on 4 May")?  Not after its subject
 * ("Mr J reported on"), an auxiliary ("was reported on"), a pronoun or an
 * adverb ("first reported on"), nor a verb that has no passive ("the
 * package started on").
 */
static int
agentless_participle(const cc_lexicon *lx, const char *text, size_t c0,
                     size_t m0)
{
    static const char *const preps[] = {"in", "on", "at", "during"};
    static const char *const not_subject[] = {
        "was",  "were",    "been",       "be",      "is",    "are",   "being",
        "had",  "has",     "have",       "he",      "she",   "it",    "they",
        "we",   "i",       "you",        "who",     "which", "that",  "and",
        "not",  "first",   "then",       "also",    "never", "again", "later",
        "just", "already", "eventually", "finally", "only",  "once"};
    static const char *const intransitive[] = {
        "started",  "ended",     "happened", "arrived", "occurred", "expired",
        "stopped",  "lapsed",    "died",     "moved",   "lived",    "stayed",
        "remained", "continued", "worked",   "waited",  "opened",   "closed",
        "changed",  "restarted", "resumed",  "ceased"};
    size_t at = m0, b1, b2, b3, e3, n;
    int ok = 0;

    if (!prev_word(text, c0, &at, &b1))
        return 0;
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        ok |= cc_words__match(text, b1, m0, preps[k]) == strlen(preps[k]);
    if (!ok || !prev_word(text, c0, &at, &b2))
        return 0;
    n = b1;
    while (n > b2 && text[n - 1] == ' ')
        n--;
    n -= b2; /* the participle's length */
    if (n < 4 || text[b2 + n - 2] != 'e' || text[b2 + n - 1] != 'd')
        return 0;
    for (size_t k = 0; k < sizeof intransitive / sizeof *intransitive; k++)
        if (cc_words__match(text, b2, b2 + n, intransitive[k]) == n)
            return 0;
    if (!prev_word(text, c0, &at, &b3) || text[b3] < 'a' || text[b3] > 'z')
        return 0;
    e3 = b2;
    while (e3 > b3 && text[e3 - 1] == ' ')
        e3--;
    if (e3 - b3 >= 3 && text[e3 - 2] == 'l' && text[e3 - 1] == 'y')
        return 0; /* an adverb: "finally replied on" */
    for (size_t k = 0; k < sizeof not_subject / sizeof *not_subject; k++)
        if (cc_words__match(text, b3, b2, not_subject[k]) ==
            strlen(not_subject[k]))
            return 0;
    /* A person or an actor word ending at it: "the social worker
     * visited on". */
    for (size_t i = b3 > c0 + 40 ? b3 - 40 : c0; i <= b3; i++) {
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        for (size_t k = 0; k < lx->npeople; k++)
            if (i + cc_words__match(text, i, b2, lx->people[k]) >= e3)
                return 0;
        for (size_t k = 0; k < lx->nactors; k++)
            if (!lx->actors[k].cased &&
                i + cc_words__match(text, i, b2, lx->actors[k].word) >= e3)
                return 0;
    }
    return 1;
}

/*
 * Who "he" or "she" at `at` is: the complainant when the title agrees;
 * else the person the sentence [s0, at) named last when that is one of
 * the lexicon's "people" ("her father ... after he moved": another
 * person); else whoever else acted last.
 */
static cc_actor
resolve_pronoun(const cc_lexicon *lx, const char *text, size_t s0, size_t at,
                char pronoun, const complainant *c, cc_actor last_other)
{
    int female = pronoun == 's', person = 0;

    if (c->female == female)
        return CC_ACTOR_COMPLAINANT;
    for (size_t i = s0; i < at; i++) {
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        for (size_t k = 0; k < lx->npeople; k++)
            if (cc_words__match(text, i, at, lx->people[k]))
                person = 1;
        for (size_t k = 0; k < lx->nactors; k++) {
            const cc_lexactor *t = &lx->actors[k];
            size_t n = strlen(t->word);
            if (t->pronoun ||
                (t->actor != CC_ACTOR_COUNCIL && t->actor != CC_ACTOR_OTHER))
                continue;
            if (t->cased ? i + n <= at && strncmp(text + i, t->word, n) == 0 &&
                               (i + n == at ||
                                !cc_words__alnum((unsigned char)text[i + n]))
                         : cc_words__match(text, i, at, t->word) != 0)
                person = 0;
        }
    }
    return person ? CC_ACTOR_OTHER : last_other;
}

static int
planned_words(const char *text, size_t c0, size_t c1)
{
    static const char *const words[] = {
        "booked",          "scheduled",  "planned for",
        "arranged for",    "is due",     "will be held",
        "will take place", "will be on", "is to be held",
    };

    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (cc_words__find(text, c0, c1, words[i]) != (size_t)-1)
            return 1;
    return 0;
}

static int
event_order(const void *a, const void *b)
{
    const cc_event *x = a, *y = b;
    int xd = x->kind == CC_EVENT_DECISION, yd = y->kind == CC_EVENT_DECISION;

    if (x->earliest != y->earliest)
        return x->earliest < y->earliest ? -1 : 1;
    if (xd != yd)
        return xd - yd;
    if (x->where.offset != y->where.offset)
        return x->where.offset < y->where.offset ? -1 : 1;
    return 0;
}

/* Does the mention give a date we can place in the chronology? */
static int
dated(const cc_mention *m)
{
    return m->type == CC_MENTION_DATE && m->grain != CC_GRAIN_NONE &&
           !(m->flags & CC_MENTION_UNRESOLVED);
}

/*
 * Is the clause from c0 a time adjunct ("after a fall on 2 January 2023",
 * "following her discharge on 16 January", "from 1 June")?  Its date is
 * not the act of the sentence's verb.  With `other`, only the adjuncts
 * that name another happening, whose actor the sentence does not give.
 */
static int
adjunct_clause(const char *text, size_t c0, size_t at, int other)
{
    /* The first four name another happening; the rest may also bound the
     * subject's own state ("left the damp unrepaired ..., from March
     * 2022"), so they say nothing of who acted. */
    static const char *const preps[] = {"after",    "before", "following",
                                        "prior to", "since",  "until",
                                        "during",   "from"};
    size_t n = other ? 4 : sizeof preps / sizeof *preps;

    while (c0 < at && !cc_words__alnum((unsigned char)text[c0]))
        c0++;
    for (size_t k = 0; k < n; k++)
        if (cc_words__match(text, c0, at, preps[k]))
            return 1;
    return 0;
}

/* Does the clause at c0 follow "that", "which" or "who" ("complained
 * about events that began in 2019")?  It has a verb of its own. */
static int
relative_clause(const char *text, size_t s0, size_t c0)
{
    char prev[24];

    word_before(text, s0, c0, prev, sizeof prev);
    return strcmp(prev, "that") == 0 || strcmp(prev, "which") == 0 ||
           strcmp(prev, "who") == 0;
}

/*
 * Does the relative date i only restate the interval to a date beside it
 * ("replied on 18 August, more than two months later"; "Two weeks later, on
 * 3 May, ...")?  The date beside it is the event; the phrase is a statement
 * of the interval, which checks.c reads.
 */
size_t
cc_chrono__restated(const cc_doc *doc, const char *text, size_t i)
{
    const cc_mention *m = cc_doc_mention(doc, i);
    size_t nm = cc_doc_mention_count(doc);

    if (m->type != CC_MENTION_DATE || !(m->flags & CC_MENTION_RELATIVE))
        return (size_t)-1;
    for (int side = -1; side <= 1; side += 2) {
        const cc_mention *o;
        size_t a, b;
        if ((side < 0 && i == 0) || (side > 0 && i + 1 >= nm))
            continue;
        o = cc_doc_mention(doc, side < 0 ? i - 1 : i + 1);
        if (o->type != CC_MENTION_DATE || (o->flags & CC_MENTION_RELATIVE) ||
            o->sentence != m->sentence)
            continue;
        a = side < 0 ? o->offset + o->length : m->offset + m->length;
        b = side < 0 ? m->offset : o->offset;
        if (b < a || b - a > 6)
            continue;
        /* A comma between them, and nothing else but spaces, a dash or
         * "on". */
        if (!memchr(text + a, ',', b - a))
            continue;
        for (size_t k = a; k < b; k++) {
            if (cc_words__match(text, k, b, "on"))
                k++;
            else if (text[k] != ',' && text[k] != ' ' && text[k] != '-')
                break;
            if (k + 1 >= b)
                return side < 0 ? i - 1 : i + 1;
        }
    }
    return (size_t)-1;
}

cc_status
cc_chrono__events(cc_timeline *tl, const cc_ctx *ctx, const cc_doc *doc,
                  cc_error *err)
{
    size_t len, nm = cc_doc_mention_count(doc), n = 0;
    const char *text = cc_doc_text(doc, &len);
    complainant c;
    cc_actor last_other = CC_ACTOR_UNKNOWN;
    long last_sentence = -2;
    cc_actor sentence_actor = CC_ACTOR_UNKNOWN;
    int have_decision_event = 0, cp_context;
    const cc_lexicon *lx = &ctx->lexicon;

    find_complainant(&c, text, len);
    cp_context = cc_words__find(text, 0, len, "child protection conference") !=
                 (size_t)-1;
    tl->events = calloc(nm + 1, sizeof *tl->events);
    tl->info = calloc(nm + 1, sizeof *tl->info);
    /* Whether each paragraph is narrative, once: the checks ask it of
     * every event and sentence they look at. */
    tl->nparagraphs = cc_doc_paragraph_count(doc);
    tl->narrative = malloc(tl->nparagraphs ? tl->nparagraphs : 1);
    if (!tl->events || !tl->info || !tl->narrative)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    for (size_t p = 0; p < tl->nparagraphs; p++)
        tl->narrative[p] = (unsigned char)narrative_with(doc, (long)p, &c);

    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(doc, i);
        cc_event *ev = &tl->events[n];
        cc_event_info *inf = &tl->info[n];
        size_t s0 = m->offset, s1 = m->offset + m->length, c0, c1;
        const cc_sentence *s;
        cc_actor actor = CC_ACTOR_UNKNOWN;
        char pronoun = 0;
        size_t pw, g0, g1;

        if (!dated(m) || cc_chrono__restated(doc, text, i) != (size_t)-1)
            continue;
        if (m->flags & CC_MENTION_HEADER) {
            if (have_decision_event)
                continue;
            have_decision_event = 1;
            ev->kind = CC_EVENT_DECISION;
            ev->actor = CC_ACTOR_OMBUDSMAN;
        } else if (!cc_chrono__narrative_at(tl, m->paragraph)) {
            continue;
        }
        if (m->sentence >= 0 &&
            (s = cc_doc_sentence(doc, (size_t)m->sentence)) != NULL) {
            s0 = s->offset;
            s1 = s->offset + s->length;
        }
        if (m->sentence != last_sentence) {
            cc_actor a;
            char p;
            size_t spw;
            last_sentence = m->sentence;
            sentence_actor = CC_ACTOR_UNKNOWN;
            /* The subject comes before the date. */
            if (first_actor(lx, text, s0, m->offset, m->offset, &c, &a, &p,
                            &spw))
                sentence_actor =
                    p ? resolve_pronoun(lx, text, s0, spw, p, &c, last_other)
                      : a;
        }
        clause_of(text, s0, s1, m->offset, m->offset + m->length, &c0, &c1);
        if (ev->kind != CC_EVENT_DECISION) {
            int neg;
            if (lex_context(lx, text, c0, c1))
                continue;
            ev->kind = kind_of(lx, text, c0, c1, m->offset,
                               m->offset + m->length, cp_context, &neg);
            /* Nothing in the clause: the sentence up to the date ("The
             * panel sent its findings to Ms R and the Council on ..."). */
            if (ev->kind == CC_EVENT_OTHER && !neg && c0 > s0) {
                char prev[24];
                word_before(text, c0, m->offset, prev, sizeof prev);
                if (strcmp(prev, "until") != 0 && strcmp(prev, "since") != 0 &&
                    strcmp(prev, "before") != 0 && strcmp(prev, "after") != 0 &&
                    strcmp(prev, "from") != 0 && strcmp(prev, "by") != 0 &&
                    !adjunct_clause(text, c0, m->offset, 0) &&
                    !relative_clause(text, s0, c0)) {
                    size_t lim = before_gloss(text, s0, m->offset);
                    ev->kind = kind_of(
                        lx, text, s0,
                        lim < m->offset ? lim : m->offset + m->length,
                        m->offset, m->offset + m->length, cp_context, &neg);
                }
            }
            /* "The Council told Ms X on 20 October 2022 that it had decided
             * ...": the decision told is the act dated. */
            if (ev->kind == CC_EVENT_OTHER && !neg &&
                telling(text, c0, m->offset) &&
                clause_after(text, s0, s1, c1, " that ", &g0, &g1)) {
                int tneg;
                if (kind_of(lx, text, g0, g1, m->offset, m->offset + m->length,
                            cp_context, &tneg) == CC_EVENT_COUNCIL_DECISION)
                    ev->kind = CC_EVENT_COUNCIL_DECISION;
            }
            inf->negated = neg;
            if (first_actor(lx, text, c0, c1, m->offset, &c, &actor, &pronoun,
                            &pw)) {
                if (pronoun)
                    actor = resolve_pronoun(lx, text, s0, pw, pronoun, &c,
                                            last_other);
            } else if (!adjunct_clause(text, c0, m->offset, 1)) {
                actor = sentence_actor;
            } /* "after a fall on 2 January": not the subject's act */
            /* "between 21 June 2021, when Ms L returned the form, ...":
             * the gloss says what happened then, and who did it. */
            if ((ev->kind == CC_EVENT_OTHER || actor == CC_ACTOR_UNKNOWN) &&
                bound_date(text, c0, m->offset) &&
                clause_after(text, s0, s1, m->offset + m->length, ", when ",
                             &g0, &g1) &&
                !stative(text, g0, g1)) {
                cc_actor ga;
                char gp;
                size_t gw;
                int gneg;
                if (ev->kind == CC_EVENT_OTHER && !neg)
                    ev->kind =
                        kind_of(lx, text, g0, g1, m->offset,
                                m->offset + m->length, cp_context, &gneg);
                if (actor == CC_ACTOR_UNKNOWN &&
                    first_actor(lx, text, g0, g1, g1, &c, &ga, &gp, &gw))
                    actor = gp ? resolve_pronoun(lx, text, s0, gw, gp, &c,
                                                 last_other)
                               : ga;
            }
            /* "a leaking roof reported in October 2022": nobody named. */
            if (agentless_participle(lx, text, c0, m->offset))
                actor = CC_ACTOR_UNKNOWN;
            /* "The Council received Ms X's complaint on 5 April 2022": the
             * act is the sender's; one received by us is a complaint to
             * the Ombudsman. */
            if (actor == CC_ACTOR_COUNCIL || actor == CC_ACTOR_OMBUDSMAN) {
                cc_actor from = sender(text, c0, c1, &c);
                if (from != CC_ACTOR_UNKNOWN) {
                    if (actor == CC_ACTOR_OMBUDSMAN &&
                        ev->kind == CC_EVENT_COMPLAINT)
                        ev->kind = CC_EVENT_OMBUDSMAN_COMPLAINT;
                    actor = from;
                }
            }
            /* "Ms X's daughter complained on her behalf": a representative
             * acts for the complainant. */
            if ((c.female == 1 &&
                 cc_words__find(text, c0, c1, "on her behalf") != (size_t)-1) ||
                (c.female == 0 &&
                 cc_words__find(text, c0, c1, "on his behalf") != (size_t)-1) ||
                (c.name2[0] &&
                 cc_words__find(text, c0, c1, "on their behalf") != (size_t)-1))
                actor = CC_ACTOR_COMPLAINANT;
            /* "The referral met the criteria ...": a council decision with
             * nobody named is the council's. */
            if (ev->kind == CC_EVENT_COUNCIL_DECISION &&
                actor == CC_ACTOR_UNKNOWN)
                actor = CC_ACTOR_COUNCIL;
            /* "telling Ms B that it would ...": the promise is the
             * council's. */
            if (ev->kind == CC_EVENT_PROMISE &&
                (cc_words__find(text, c0, c1, "it would") != (size_t)-1 ||
                 cc_words__find(text, c0, c1, "it will") != (size_t)-1))
                actor = CC_ACTOR_COUNCIL;
            ev->actor = actor;
            if (actor == CC_ACTOR_COUNCIL || actor == CC_ACTOR_OTHER)
                last_other = actor;
            ev->planned = planned_words(text, c0, c1);
        }
        ev->earliest = m->earliest;
        ev->latest = m->latest;
        ev->grain = m->grain;
        ev->value = cc_pool__strndup(&tl->pool, m->value, strlen(m->value));
        ev->mod = cc_pool__strndup(&tl->pool, m->mod, strlen(m->mod));
        if (!ev->value || !ev->mod)
            return cc_error__fail(err, CC_ENOMEM, "out of memory");
        ev->inferred = (m->flags & CC_MENTION_INFERRED) != 0;
        ev->relative = (m->flags & CC_MENTION_RELATIVE) != 0;
        ev->mention = i;
        cc_chrono__place(&ev->where, &tl->pool, doc, m->offset, m->length);
        inf->clause_offset = c0;
        inf->clause_length = c1 - c0;
        inf->sentence = m->sentence;
        inf->paragraph = m->paragraph;
        n++;
    }
    if (!have_decision_event && tl->has_decision) {
        cc_event *ev = &tl->events[n];
        ev->kind = CC_EVENT_DECISION;
        ev->actor = CC_ACTOR_OMBUDSMAN;
        ev->earliest = ev->latest = tl->decision;
        ev->grain = CC_GRAIN_DAY;
        ev->value = cc_pool__strndup(&tl->pool, "", 0);
        ev->mod = ev->value;
        ev->mention = (size_t)-1;
        ev->where.section = "";
        tl->info[n].sentence = -1;
        tl->info[n].paragraph = -1;
        if (!ev->value)
            return cc_error__fail(err, CC_ENOMEM, "out of memory");
        n++;
    }
    tl->nevents = n;
    /* Sort events and their infos together. */
    {
        struct pair {
            cc_event ev;
            cc_event_info inf;
        } *pairs = malloc((n ? n : 1) * sizeof *pairs);
        if (!pairs)
            return cc_error__fail(err, CC_ENOMEM, "out of memory");
        for (size_t i = 0; i < n; i++) {
            pairs[i].ev = tl->events[i];
            pairs[i].inf = tl->info[i];
        }
        /* cc_event is the first member, so event_order sees it. */
        qsort(pairs, n, sizeof *pairs, event_order);
        for (size_t i = 0; i < n; i++) {
            tl->events[i] = pairs[i].ev;
            tl->info[i] = pairs[i].inf;
        }
        free(pairs);
    }
    return CC_OK;
}

cc_event_kind
cc_chrono__phrase_kind(const cc_ctx *ctx, const char *text, size_t from,
                       size_t to)
{
    const cc_lexicon *lx = &ctx->lexicon;
    static const struct {
        const char *word;
        cc_event_kind kind;
    } extra[] = {
        {"request*", CC_EVENT_ESCALATION},
        {"asked for stage*", CC_EVENT_ESCALATION},
        {"first letter", CC_EVENT_COMPLAINT},
        {"received the complaint", CC_EVENT_COMPLAINT},
    };

    for (size_t i = from; i < to; i++) {
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        for (size_t k = 0; k < sizeof extra / sizeof *extra; k++)
            if (cc_words__match(text, i, to, extra[k].word))
                return extra[k].kind;
        int b = cc_words__lower((unsigned char)text[i]);
        int b2 = i + 1 < to ? cc_words__lower((unsigned char)text[i + 1]) : 0;
        for (size_t q = lx->word_at[b]; q < lx->word_at[b + 1]; q++) {
            const cc_lexword *lw = &lx->words[lx->word_by[q]];
            if ((!lw->second || lw->second == b2) &&
                lex_match(text, i, to, lw) &&
                !lex_blocked(text, from, to, i, lw) &&
                !cc_words__match(text, i, to, "complainant*"))
                return lw->kind;
        }
        /* Naming what an interval counts from, the noun is the act: "six
         * weeks after her complaint". */
        if (cc_words__match(text, i, to, "complaint*"))
            return CC_EVENT_COMPLAINT;
    }
    return CC_EVENT_OTHER;
}
