/* What the checks share (engine/src/checks/): the run, deadlines, notes. */
#ifndef CC_CHECKS_COMMON_H
#define CC_CHECKS_COMMON_H

#include "chronology.h"

/* What a check run needs at hand. */
/* The sentences that say an act was not done, for one pair of word lists
 * (cc_check__undone_sentence()). */
typedef struct cc_undone {
    const cc_words *words, *blocks;
    cc_initials *wn, *bn; /* what their patterns need; new */
    size_t lo, hi;        /* the sentences [lo, hi) have been read */
    size_t *sentence;     /* those of them that say so, in order; new */
    size_t n, cap;
} cc_undone;

typedef struct cc_undone_memo {
    cc_undone *v; /* new */
    size_t n, cap;
    unsigned char *sentence_flags; /* per sentence, what is known of it
                                      (common.c); new */
} cc_undone_memo;

typedef struct run {
    cc_timeline *tl;
    const cc_ctx *ctx;
    const cc_doc *doc;
    const char *text;
    size_t len;
    struct {
        const char *division;
        cc_calendar *cal;
    } cals[4]; /* working-day calendars, made as the rules ask (with the
                  context's closure days) */
    size_t ncals;
    int has_today;
    cc_date today;
    cc_error *err;
    unsigned *sentence_events; /* events per doc sentence, while the
                                  timescales run (timescales.c owns it) */
    size_t decision_event;     /* the decision's event, NONE for none */
    const cc_rule *remedy;     /* cc_check__remedy_rule(), once remedy_known */
    int remedy_known;
    struct tindex *tx; /* what the timescales have found of the events, while
                          they run (timescales.c owns it) */
    struct findex *fx; /* the indexes the statements of delay are read
                          with, while they are (findings.c owns it) */
    int nomem;         /* memory ran out where no status could say so */
    cc_undone_memo *undone; /* what cc_check__undone_sentence() has found,
                               while the checks run (cc_checks__run() owns
                               it) */
} run;

#define NONE ((size_t)-1)

/* A sort key: two numbers, then the index (of an event, a deadline) they
 * are of. */
typedef struct cc_okey {
    long long a, b;
    size_t i;
} cc_okey;

/* keys[0..n) sorted by (a, b, i) in place, and their indexes in that
 * order in a new array the caller frees (NULL: out of memory). */
size_t *cc_check__sorted_indexes(cc_okey *keys, size_t n);

/* The source text's bytes of [a, b) of the doc's text, NUL-terminated, in
 * the pool; NULL when out of memory. */
const char *cc_check__source_dup(cc_strpool *pool, const cc_doc *doc, size_t a,
                                 size_t b);

/* The first position in list[lo, hi), events of tl in offset order,
 * whose event is at or after `at` (hi when none is). */
size_t cc_check__offset_bound(const cc_timeline *tl, const size_t *list,
                              size_t lo, size_t hi, size_t at);

int cc_check__has(const char *text, size_t from, size_t to, const char *word);
int cc_check__has_any(const char *text, size_t from, size_t to,
                      const char *const *words);
/* The same, the span's cc_words__initials given. */
int cc_check__has_any_with(const char *text, size_t from, size_t to,
                           const cc_initials *have, const char *const *words);
const char *cc_check__iso(cc_date d, char buf[11]);
const char *cc_check__span_text(cc_date a, cc_date b, char *buf, size_t size);
/* "266 days", "1 day", "52 to 61 days": a count, or a range of counts,
 * in words (`one` and `many`: "day", "days"). */
const char *cc_check__count_text(long lo, long hi, const char *one,
                                 const char *many, char *buf, size_t size);
const char *cc_check__due_text(cc_date a, cc_date b, char *buf, size_t size);
/* The most evidence a deadline keeps (trigger, actual, period, action,
 * discretion, notice, ...). */
#define CC_CHECK__MAX_INPUTS 8
/* The room a new deadline has for it: trigger, actual and one more. */
#define CC_CHECK__FIRST_INPUTS 3
cc_deadline *cc_check__new_deadline(run *r, cc_check_kind check,
                                    const cc_rule *rule, const char *rule_id);
/* Adds e to d's inputs; out of memory sets r->nomem, which fails the
 * checks (cc_checks__run()). */
void cc_check__add_input(run *r, cc_deadline *d, cc_evidence e);
cc_evidence cc_check__event_evidence(const run *r, size_t i, const char *role);
cc_evidence cc_check__text_evidence(run *r, size_t offset, size_t length,
                                    const char *role);
cc_evidence cc_check__decision_evidence(run *r);
cc_status cc_check__deadline_due_interval(run *r, cc_deadline *d, cc_period p,
                                          cc_date from_e, cc_date from_l);
cc_status cc_check__due_interval(run *r, const char *division, cc_period p,
                                 cc_date from_e, cc_date from_l, cc_date *due_e,
                                 cc_date *due_l, int *borderline);
const cc_calendar *cc_check__calendar(run *r, const char *division);
void cc_check__free_calendars(run *r);
void cc_check__judge(run *r, cc_deadline *d, int has_actual, cc_date a_e,
                     cc_date a_l);
void cc_check__soften(cc_deadline *d);
const char *cc_check__status_words(const cc_deadline *d);
void cc_check__note_deadline(run *r, cc_deadline *d, const char *what);
size_t cc_check__find_event(const run *r, cc_event_kind kind,
                            const char *const *words, cc_date after,
                            int allow_planned);
int cc_check__period_of(const cc_mention *m, cc_period *out);
size_t cc_check__skip_space(const char *text, size_t at, size_t to);
int cc_check__starts_with_any(const char *text, size_t at, size_t to,
                              const char *const *words);
/* The remedy rule (engage "remedy"), or NULL. */
const cc_rule *cc_check__remedy_rule(const run *r);
/* 1: the words at `at` run a period from the decision (the remedy rule's
 * trigger: "of my final decision"); 2: they do only in an agreed-action
 * section ("of the decision"); 0: neither. */
int cc_check__of_decision(const run *r, size_t at, size_t to);
int cc_check__action_section(const run *r, long para);
int cc_check__summary_para(const run *r, long para);
/* Is paragraph `para` (-1: none) the case's narrative: not the summary of
 * it, nor the agreed actions? */
int cc_check__narrative_para(const run *r, long para);
int cc_check__care_provider(const run *r);
/* Does the rule bind the document's kind of authority (its engage
 * "authority": "council", "care-provider", or "" for any)? */
int cc_check__binds(const run *r, const cc_rule *rule);

/* Room for a mention's value copied out of a doc that is freed. */
enum { CC_CHECK__VALUE_SIZE = 40 };

/* The duration a relative date restates ("more than two months later"),
 * read from the words before "later" and placed at the mention; 0 when
 * there is none.  out->value is `value`, which holds a copy. */
int cc_check__restated_duration(const run *r, const cc_mention *m,
                                cc_mention *out,
                                char value[CC_CHECK__VALUE_SIZE]);
/* An act the decision dates only by the time it took: "acknowledged the
 * complaint three working days later". */
typedef struct cc_timed_act {
    int found;
    cc_date e, l;   /* the day or days it gives */
    size_t at, len; /* the duration's words */
} cc_timed_act;
/* Reads into *out the first narrative duration after event `from`, in its
 * paragraph or the next (any later one when `starts_before`), followed by
 * "later" or "after", whose sentence names the
 * act by one of `words` (patterns): wholly before the duration, or, when
 * `starts_before`, starting before it and followed by "later" alone
 * ("decided two days later that ... assess"), with none of `blocks`.  Counted
 * from `from` in the duration's own unit. */
void cc_check__timed_act(run *r, size_t from, const cc_words *words,
                         const cc_words *blocks, int starts_before,
                         cc_timed_act *out);

/* The families (one file each), in registry.c's order. */
cc_status cc_check__late_complaint(run *r);
cc_status cc_check__timescales(run *r);
cc_status cc_check__stages(run *r);
cc_status cc_check__council_timescale(run *r);
cc_status cc_check__agreed_actions(run *r);
cc_status cc_check__promises(run *r);
cc_status cc_check__findings(run *r);

/* "didn't", "hasn't": a negation inside a word, in [from, to). */
int cc_check__contracted_not(const char *text, size_t from, size_t to);
/* 1: one of `words` (patterns) matches in text[c0, c1) with none of
 * `blocks`; -1: it matches but a denial stands before it ("has still not
 * issued"); 0: no match.  `mode`: CC_WORDS_UNTIL, a denial does not count
 * ("did not issue it until 3 May"); CC_WORDS_GAP_DENIALS, a denial before
 * a gapped pattern's last part counts too ("the panel has still not met"),
 * for sentences read as saying an act was not done. */
enum { CC_WORDS_UNTIL = 1, CC_WORDS_GAP_DENIALS = 2 };
int cc_check__words_in(const char *text, size_t c0, size_t c1,
                       const cc_words *words, const cc_words *blocks, int mode);
/* The same, the span's cc_words__initials given, and those each pattern
 * needs (cc_words__needs, by item; NULL: worked out here). */
int cc_check__words_in_with(const char *text, size_t c0, size_t c1,
                            const cc_initials *initials, const cc_words *words,
                            const cc_initials *wneeds, const cc_words *blocks,
                            const cc_initials *bneeds, int mode);
/* Judges d, whose act the sentence at [undone, +ulen) says was not done:
 * that sentence is an input, and the act is missed once the decision
 * (which the timeline must have) comes after the last due day. */
void cc_check__judge_undone(run *r, cc_deadline *d, size_t undone, size_t ulen);
/* A sentence of the narrative at or after `after` that says the act named
 * by `words` was not done; its offset (and *len), or NONE. */
size_t cc_check__undone_sentence(const run *r, const cc_words *words,
                                 const cc_words *blocks, size_t after,
                                 size_t *len);
/* What each pattern of words and of blocks needs (cc_words__needs()), in
 * new arrays *wn and *bn the caller frees; 0 when out of memory (both
 * NULL). */
int cc_check__needs_of(const cc_words *words, const cc_words *blocks,
                       cc_initials **wn, cc_initials **bn);
/* Frees what m holds, and empties it. */
void cc_check__free_undone(cc_undone_memo *m);

#endif
