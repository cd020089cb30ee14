/* The chronology's lexicon (calendars/lexicon.json), read by lexicon.c. */
#ifndef CC_LEXICON_H
#define CC_LEXICON_H

#include <jansson.h>
#include <stddef.h>

#include "caseclock.h"

/* One word or phrase and the kind of act it names.  The strings are
 * borrowed from the lexicon's JSON, valid while the context lives. */
typedef struct cc_lexword {
    const char *word;
    int pattern; /* holds " * " or " ... ": cc_words__find_pattern reads it */
    char first[32];       /* a pattern's first word, "" when longer than this */
    unsigned char second; /* the byte the text must have after the first
                             for it to match (cc_words__second()), or 0 */
    cc_event_kind kind;
    const char *const *blocks; /* phrases that stop it ("met the threshold") */
    size_t nblocks;
} cc_lexword;

/* One actor word ("Council", "social worker*"), in the lexicon's order. */
typedef struct cc_lexactor {
    const char *word; /* borrowed, like cc_lexword's */
    cc_actor actor;   /* CC_ACTOR_UNKNOWN for a pronoun, resolved later */
    int cased;        /* has a capital letter: matches only as written */
    char pronoun;     /* 'h' for a "he" row, 's' for "she", else 0 */
} cc_lexactor;

typedef struct cc_lexicon {
    json_t *json; /* owns every string below */
    cc_lexword *words;
    size_t nwords;
    const char **blocks; /* every row's "not" list, end to end */
    size_t nblocks_all;
    const char **context; /* phrases marking a clause's dates as context */
    size_t ncontext;
    cc_lexactor *actors; /* who acted, tried in this order */
    size_t nactors;
    const char **speech; /* verbs of reported speech ("says") */
    size_t nspeech;
    const char **reports; /* verbs after "I" or "we" that report ("am") */
    size_t nreports;
    const char **people; /* another person: "father", "neighbour" */
    size_t npeople;
    /* The rows that can match at a byte, in the lexicon's order: the words
     * whose first character is the byte's lower case (word_by[word_at[b]]
     * to word_by[word_at[b + 1]]), and the actors whose first character is
     * the byte (a cased row) or its lower case.  A clause is read against
     * these few rows at each word start, not against every row. */
    size_t word_at[257], *word_by;
    size_t actor_at[257], *actor_by;
} cc_lexicon;

/*
 * Fills `out` from JSON text (`source` names it in messages).  On error
 * `out` holds nothing to free and `err` says where and why; on CC_OK free
 * it with cc_lexicon__free().
 */
cc_status cc_lexicon__load(cc_lexicon *out, const char *data, size_t len,
                           const char *source, cc_error *err);
void cc_lexicon__free(cc_lexicon *lx);

/* The kind whose JSON name is `name`; 0 when there is none. */
int cc_lexicon__kind(cc_event_kind *out, const char *name);

#endif
