/* The data in calendars/, turned into C by cmake/gen_data.c (data.c). */
#ifndef CC_DATA_H
#define CC_DATA_H

#include <stddef.h>

#include "caseclock.h"

typedef struct cc_data_holiday {
    cc_date date;
    const char *title;
} cc_data_holiday;

typedef struct cc_data_division {
    const char *name;
    const cc_data_holiday *days; /* sorted, unique weekdays */
    size_t ndays;
} cc_data_division;

/* calendars/bank-holidays.json: GOV.UK feed shape, checked at build time. */
extern const cc_data_division cc_data_divisions[];
extern const size_t cc_data_ndivisions;
extern const cc_date cc_data_coverage_first, cc_data_coverage_last;

/* calendars/rules.json, as bytes: parsed and checked on first use
 * (cc_ctx__ready). */
extern const unsigned char cc_data_rules[];
extern const size_t cc_data_rules_len;

/* {"procedures": ...} of calendars/rules.json alone, compact: parsed at
 * start-up, for the reader to classify a decision by. */
extern const unsigned char cc_data_procedures[];
extern const size_t cc_data_procedures_len;

/* calendars/lexicon.json, as bytes: parsed and checked on first use. */
extern const unsigned char cc_data_lexicon[];
extern const size_t cc_data_lexicon_len;

#endif
