/* The cc_date value type: internals shared across the engine. */
#ifndef CC_DATE_H
#define CC_DATE_H

#include "caseclock.h"

/* Calendar facts (tz's private.h names them too). */
enum { DAYS_PER_WEEK = 7, MONTHS_PER_YEAR = 12, DAYS_PER_400_YEARS = 146097 };

/* English month names, 1-based ("January"); index 0 is "". */
extern const char *const cc_date__month_names[13];
/* Their three-letter forms ("Jan"); index 0 is "". */
extern const char *const cc_date__month_abbrevs[13];
/* English weekday names, ISO 1-based ("Monday"); index 0 is "". */
extern const char *const cc_date__weekday_names[8];

/* Days since 1970-01-01 for a valid y-m-d (no checks). */
cc_date cc_date__from_ymd_unchecked(int year, int month, int day);

/* 1 if `year` is a Gregorian leap year. */
int cc_date__is_leap(int year);

/* The first and last days a cc_date may hold (years 1..9999). */
#define CC_DATE_FIRST (-719162) /* 0001-01-01 */
#define CC_DATE_LAST  2932896   /* 9999-12-31 */

/*
 * Month number (1..12) for an English month name or abbreviation ("Mar",
 * "Sept", "march"), ASCII case-insensitive, `len` bytes; 0 if none.
 */
int cc_date__month_from_name(const char *s, size_t len);

/* Weekday (1..7) for an English weekday name or abbreviation; 0 if none. */
int cc_date__weekday_from_name(const char *s, size_t len);

#endif
