/* Finding temporal mentions: one pass over the tokens of the text. */
#ifndef CC_RECOGNISE_H
#define CC_RECOGNISE_H

#include <stddef.h>

#include "caseclock.h"

/* Units of durations, sets and relative dates. */
enum {
    CC_U_SECOND = 'S',
    CC_U_MINUTE = 'I',
    CC_U_HOUR = 'H',
    CC_U_DAY = 'D',
    CC_U_WEEK = 'W',
    CC_U_MONTH = 'M',
    CC_U_YEAR = 'Y',
    CC_U_DECADE = 'E'
};

/* One number and unit of a duration: "1 hour", "37 minutes". */
typedef struct cc_raw_part {
    char n[12]; /* "4", "1.5", or "X" when unspecified ("several") */
    char unit;  /* CC_U_* */
} cc_raw_part;

/* Unknown: the relative offset is not a number ("a few days later"). */
#define CC_REL_UNKNOWN (-9999)

/*
 * What the text says, before any value is worked out.  DATE parts are 0
 * when the text does not give them.
 */
typedef struct cc_raw {
    uint32_t offset, length; /* bytes into the input (under 2 GiB) */
    const char *mod; /* NULL, or a static string: START, MID, END, APPROX,
                        MORE_THAN, LESS_THAN, EQUAL_OR_MORE, ... */
    cc_mention_type type;
    /* The fields below other than `year` and `rel_n` hold small numbers
     * that are checked before they are stored: 16 bits each, so that the
     * raw mentions of a long document, all kept until they are
     * normalised, take a third less room. */

    /* DATE */
    int year;
    int16_t month, day, weekday;
    int16_t season;     /* 1 spring, 2 summer, 3 autumn, 4 winter */
    int16_t decade;     /* 201 for "the 2010s" */
    int16_t from_range; /* year (or month) copied from a range's other end */
    int16_t to_month;   /* the first end of a range whose other end has no
                           year: its month ("between February and May": 5) */
    int16_t easter;     /* "Easter 2019": Easter Sunday of the year */
    int16_t half;       /* "the first half of 2021": 1 or 2 */
    int16_t quarter;    /* "Q3 2022", "the third quarter of 2022": 1..4 */
    int16_t week_of;    /* "the week commencing 3 June 2019": the week from
                           the day given */
    char year_of;       /* "2021/22" from `year`: 'F' a financial year (1
                           April to 31 March), 'T' a tax year (6 April to 5
                           April), 'A' a school or academic year (1
                           September to 31 August), 'U' the text does not
                           say which */

    /* relative DATE: "the following day", "two weeks later" */
    char rel;             /* 0, or the CC_U_* unit */
    int rel_n;            /* +1 following, 0 same, -1 previous, or N later */
    int16_t rel_weekday;  /* "the following Monday": 1..7 */
    int16_t rel_calendar; /* "the next month" (a calendar unit), not "a month
                             later" (a shift) */
    int16_t rel_decision; /* counted from the decision date: "two years ago",
                             "last year" */
    int16_t rel_running;  /* the running date's month or year: "the end of
                             the month" */
    int16_t rel_season;   /* "the following spring": 1..4 (rel is 'Y') */

    /* DURATION, SET */
    int16_t nparts;
    int16_t workdays; /* "working days" */
    cc_raw_part part[3];

    /* TIME */
    int16_t hour, minute; /* -1 when absent */
} cc_raw;

/*
 * New (free() it): every mention in s[start..len), in text order, none
 * overlapping.  `s` is valid UTF-8.
 */
cc_status cc_recognise__scan(cc_raw **out, size_t *n, const char *s,
                             size_t start, size_t len, cc_error *err);

#endif
