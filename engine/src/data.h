/* The data in calendars/, embedded by cmake/embed.cmake into data.c. */
#ifndef CC_DATA_H
#define CC_DATA_H

#include <stddef.h>

/* calendars/bank-holidays.json: GOV.UK feed shape, three divisions. */
extern const unsigned char cc_data_bank_holidays[];
extern const size_t cc_data_bank_holidays_len;

/* calendars/rules.json: the timescale rules. */
extern const unsigned char cc_data_rules[];
extern const size_t cc_data_rules_len;

#endif
