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

int
cc_chrono__narrative(const cc_doc *doc, long paragraph)
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
    find_complainant(&c, text, len);
    return c.name[0] && named_in(text, len, p->offset, p->length, c.name);
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
    for (size_t k = 0; k < lx->ncontext; k++)
        if (cc_words__find_pattern(text, c0, c1, lx->context[k], NULL, NULL) !=
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
            size_t k = strlen(BOUNDS[b]);
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
    if (word_count(text, *c0, m0) + word_count(text, m1, *c1) <= 1) {
        if (k == 0 && last + 1 < n)
            *c1 = ends[last + 1];
        else if (k > 0)
            *c0 = starts[k - 1];
    }
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
        for (size_t k = 0; k < lx->nwords; k++) {
            const cc_lexword *lw = &lx->words[k];
            size_t n = lex_match(text, i, c1, lw), dist;
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

/* Actor words; checked at each position of the clause in turn. */
static const struct {
    const char *word;
    cc_actor actor;
    int cased; /* must match with this capitalisation ("Council") */
} ACTORS[] = {
    {"Council", CC_ACTOR_COUNCIL, 1},
    {"the local authority", CC_ACTOR_COUNCIL, 0},
    {"social worker*", CC_ACTOR_COUNCIL, 0},
    {"occupational therapist*", CC_ACTOR_COUNCIL, 0},
    {"educational psychologist*", CC_ACTOR_COUNCIL, 0},
    {"investigating officer*", CC_ACTOR_COUNCIL, 0},
    {"officer*", CC_ACTOR_COUNCIL, 0},
    {"manager*", CC_ACTOR_COUNCIL, 0},
    {"director", CC_ACTOR_COUNCIL, 0},
    {"panel", CC_ACTOR_COUNCIL, 0},
    {"it", CC_ACTOR_COUNCIL, 0},
    {"the complainant", CC_ACTOR_COMPLAINANT, 0},
    {"the Ombudsman", CC_ACTOR_OMBUDSMAN, 1},
    {"Ombudsman", CC_ACTOR_OMBUDSMAN, 1},
    {"I", CC_ACTOR_OMBUDSMAN, 1},
    {"we", CC_ACTOR_OMBUDSMAN, 0},
    {"police", CC_ACTOR_OTHER, 0},
    {"school", CC_ACTOR_OTHER, 0},
    {"court", CC_ACTOR_OTHER, 0},
    {"judge", CC_ACTOR_OTHER, 0},
    {"tribunal", CC_ACTOR_OTHER, 0},
    {"CAFCASS", CC_ACTOR_OTHER, 1},
    {"counsellor", CC_ACTOR_OTHER, 0},
    {"GP", CC_ACTOR_OTHER, 1},
    {"hospital", CC_ACTOR_OTHER, 0},
    {"NHS", CC_ACTOR_OTHER, 1},
    {"Ofsted", CC_ACTOR_OTHER, 1},
    {"Information Commissioner", CC_ACTOR_OTHER, 1},
    {"solicitor*", CC_ACTOR_OTHER, 0},
    {"Trust", CC_ACTOR_OTHER, 1},
    {"landlord*", CC_ACTOR_OTHER, 0},
    {"contractor*", CC_ACTOR_OTHER, 0},
    {"builder*", CC_ACTOR_OTHER, 0},
    {"enforcement agent*", CC_ACTOR_OTHER, 0},
    {"magistrates", CC_ACTOR_OTHER, 0},
    {"care provider", CC_ACTOR_OTHER, 0},
    {"care home", CC_ACTOR_OTHER, 0},
    {"he", CC_ACTOR_UNKNOWN, 0},  /* resolved below */
    {"she", CC_ACTOR_UNKNOWN, 0}, /* resolved below */
};

/* Does a reporting verb ("am satisfied", "found") follow `at`? */
static int
reporting_verb(const char *text, size_t at, size_t to)
{
    static const char *const verbs[] = {
        "am",      "find",   "found",   "consider*",  "think",
        "accept*", "note*",  "believe", "have",       "understand",
        "do",      "cannot", "would",   "should",     "could",
        "asked",   "made",   "sent",    "recommend*", "expect*",
        "decided", "will",   "can",     "may",        NULL};

    while (at < to && text[at] == ' ')
        at++;
    for (const char *const *v = verbs; *v; v++)
        if (cc_words__match(text, at, to, *v))
            return 1;
    return 0;
}

/* Does "'s" (or "’s") follow at `at`? */
static int
possessive(const char *text, size_t at, size_t to)
{
    return (at + 2 <= to && strncmp(text + at, "'s", 2) == 0) ||
           (at + 4 <= to && strncmp(text + at, "\xe2\x80\x99s", 4) == 0);
}

/* Does a verb of reported speech follow at `at`, with a clause of its own
 * after it ("Ms X says the Council did not reply until 3 May")? */
static int
reported(const char *text, size_t at, size_t to)
{
    static const char *const verbs[] = {
        "says",      "said",     "complains", "told us", "explained",
        "states",    "believes", "considers", "argues",  "feels",
        "thinks",    "recalls",  "disputes",  "told me", "stated",
        "maintains", "reports",  NULL};

    while (at < to && text[at] == ' ')
        at++;
    for (const char *const *v = verbs; *v; v++) {
        size_t n = cc_words__match(text, at, to, *v);
        if (n && at + n + 2 < to)
            return 1;
    }
    return 0;
}

/*
 * The first actor word in [from, to); *pronoun is 'h', 's' or 0.  After a
 * speaker ("Ms X says ..."), the reported clause's subject: the first
 * actor word after the speaker, or the last "he" or "she" before `stop`,
 * the date ("Mr J complains the Council did nothing about a leak he
 * reported on 3 October": he reported it).
 */
static int
first_actor(const char *text, size_t from, size_t to, size_t stop,
            const complainant *c, cc_actor *out, char *pronoun)
{
    int speech = 0, found = 0;

    *pronoun = 0;
    for (size_t i = from; i < to; i++) {
        const char *nm = NULL;
        cc_actor a = CC_ACTOR_UNKNOWN;
        char p = 0;
        size_t e = i;
        if (i > 0 && cc_words__alnum((unsigned char)text[i - 1]))
            continue;
        if (found && i >= stop)
            break;
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
            size_t k;
            for (k = 0; k < sizeof ACTORS / sizeof *ACTORS; k++) {
                size_t n = strlen(ACTORS[k].word);
                if (ACTORS[k].cased) {
                    if (i + n > to ||
                        strncmp(text + i, ACTORS[k].word, n) != 0 ||
                        (i + n < to &&
                         cc_words__alnum((unsigned char)text[i + n])))
                        continue;
                } else if (!(n = cc_words__match(text, i, to,
                                                 ACTORS[k].word))) {
                    continue;
                }
                /* "I am satisfied the Council did ...": the Ombudsman
                 * reports; the act is someone else's. */
                if (ACTORS[k].actor == CC_ACTOR_OMBUDSMAN &&
                    reporting_verb(text, i + n, to))
                    continue;
                /* "it was not reviewed": "it" is the thing acted on;
                 * "it appears the review was ...": nobody */
                if (strcmp(ACTORS[k].word, "it") == 0 &&
                    (cc_words__match(text, i + n + 1, to, "was") ||
                     cc_words__match(text, i + n + 1, to, "were") ||
                     cc_words__match(text, i + n + 1, to, "appears") ||
                     cc_words__match(text, i + n + 1, to, "seems")))
                    continue;
                break;
            }
            if (k == sizeof ACTORS / sizeof *ACTORS)
                continue;
            e = i + strlen(ACTORS[k].word);
            a = ACTORS[k].actor;
            if (strcmp(ACTORS[k].word, "he") == 0)
                p = 'h';
            else if (strcmp(ACTORS[k].word, "she") == 0)
                p = 's';
        }
        /* "Ms X says the Council ...": the act is the reported clause's. */
        if (reported(text, e, to)) {
            speech = 1;
            continue;
        }
        /* After a speaker, the first actor is the reported clause's
         * subject, unless a subject pronoun ("he", "she") comes later
         * before the date: that begins a clause of its own. */
        if (!found || p) {
            *out = a;
            *pronoun = p;
        }
        found = 1;
        if (!speech)
            return 1;
        i = e - 1;
    }
    return found;
}

static cc_actor
resolve_pronoun(char pronoun, const complainant *c, cc_actor last_other)
{
    int female = pronoun == 's';

    if (c->female == female)
        return CC_ACTOR_COMPLAINANT;
    return last_other;
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
    if (!tl->events || !tl->info)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");

    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(doc, i);
        cc_event *ev = &tl->events[n];
        cc_event_info *inf = &tl->info[n];
        size_t s0 = m->offset, s1 = m->offset + m->length, c0, c1;
        const cc_sentence *s;
        cc_actor actor = CC_ACTOR_UNKNOWN;
        char pronoun = 0;

        if (!dated(m) || cc_chrono__restated(doc, text, i) != (size_t)-1)
            continue;
        if (m->flags & CC_MENTION_HEADER) {
            if (have_decision_event)
                continue;
            have_decision_event = 1;
            ev->kind = CC_EVENT_DECISION;
            ev->actor = CC_ACTOR_OMBUDSMAN;
        } else if (!cc_chrono__narrative(doc, m->paragraph)) {
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
            last_sentence = m->sentence;
            sentence_actor = CC_ACTOR_UNKNOWN;
            /* The subject comes before the date. */
            if (first_actor(text, s0, m->offset, m->offset, &c, &a, &p))
                sentence_actor = p ? resolve_pronoun(p, &c, last_other) : a;
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
                    !relative_clause(text, s0, c0))
                    ev->kind =
                        kind_of(lx, text, s0, m->offset + m->length, m->offset,
                                m->offset + m->length, cp_context, &neg);
            }
            inf->negated = neg;
            if (first_actor(text, c0, c1, m->offset, &c, &actor, &pronoun)) {
                if (pronoun)
                    actor = resolve_pronoun(pronoun, &c, last_other);
            } else if (!adjunct_clause(text, c0, m->offset, 1)) {
                actor = sentence_actor;
            } /* "after a fall on 2 January": not the subject's act */
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
        for (size_t k = 0; k < lx->nwords; k++)
            if (lex_match(text, i, to, &lx->words[k]) &&
                !lex_blocked(text, from, to, i, &lx->words[k]) &&
                !cc_words__match(text, i, to, "complainant*"))
                return lx->words[k].kind;
        /* Naming what an interval counts from, the noun is the act: "six
         * weeks after her complaint". */
        if (cc_words__match(text, i, to, "complaint*"))
            return CC_EVENT_COMPLAINT;
    }
    return CC_EVENT_OTHER;
}
