/* The timeline's insides, shared by chronology.c and checks.c. */
#ifndef CC_CHRONOLOGY_H
#define CC_CHRONOLOGY_H

#include "caseclock.h"
#include "pool.h"
#include "words.h"

/* What chronology.c knows about an event beyond the public fields. */
typedef struct cc_event_info {
    cc_offset clause_offset, clause_length; /* the words that chose the kind */
    int32_t sentence;                       /* index into the doc's sentences */
    int32_t paragraph; /* index into the doc's paragraphs */
    int negated;       /* "had not completed": the clause denies the act */
} cc_event_info;

struct cc_timeline {
    char *field[CC_FIELD_DECISION_DATE + 1];
    int has_decision;
    cc_date decision;
    size_t undated_actions; /* with no decision date */

    cc_event *events; /* sorted */
    cc_event_info *info;
    size_t nevents;

    cc_deadline *deadlines;
    size_t ndeadlines, capdeadlines;
    cc_finding *findings;
    size_t nfindings, capfindings;

    unsigned char *narrative; /* per doc paragraph: cc_chrono__narrative */
    size_t nparagraphs;

    cc_strpool pool;
};

/* Fills *out for the bytes [offset, offset + length) of the doc. */
void cc_chrono__place(cc_place *out, cc_strpool *pool, const cc_doc *doc,
                      size_t offset, size_t length);

/* Is the paragraph part of the narrative (not the legal framework)? */
int cc_chrono__narrative(const cc_doc *doc, long paragraph);
/* The same, from the answers the timeline keeps for its doc. */
int cc_chrono__narrative_at(const cc_timeline *tl, long paragraph);

/* The kind named by the first keyword in text[from, to), or OTHER. */
cc_event_kind cc_chrono__phrase_kind(const cc_ctx *ctx, const char *text,
                                     size_t from, size_t to);

/*
 * Does the relative date mention i only restate the interval to a date
 * beside it ("replied on 18 August, more than two months later")?  Returns
 * that date's mention index, else (size_t)-1.  Such a mention makes no
 * event; checks.c reads it as a statement of the interval.
 */
size_t cc_chrono__restated(const cc_doc *doc, const char *text, size_t i);

/* Builds the events of tl from doc (chronology.c). */
cc_status cc_chrono__events(cc_timeline *tl, const cc_ctx *ctx,
                            const cc_doc *doc, cc_error *err);

#endif
