/*
 * caseclock: dates, working days and statutory timescales in Local
 * Government and Social Care Ombudsman decision statements.
 *
 * Conventions
 *  - Text crosses this interface as UTF-8.  Offsets and lengths are bytes
 *    into the document's text (cc_doc_text()); cc_doc_source_offset()
 *    maps them into the text as the caller gave it.
 *  - Fallible functions return cc_status and take a `cc_error *err` last;
 *    `err` may be NULL.  On failure the out-parameter is set to NULL (or
 *    left unspecified for plain values) and nothing is leaked.  A cc_error
 *    belongs to the caller: zero it before the call (`cc_error err = {0};`);
 *    the first error set in it wins, so a stale one hides later ones.
 *  - Ownership is stated on each function: "new" (the caller frees it with
 *    the named function), "borrowed" (valid until the named object is
 *    freed), "copied" (the callee keeps its own copy), "read during the call
 *    only".
 *  - The library has no mutable global state: everything lives in a cc_ctx.
 *    A cc_ctx is read-only after set-up and may be shared between threads.
 */
#ifndef CASECLOCK_H
#define CASECLOCK_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; cc_version() gives the library's. */
#define CASECLOCK_VERSION_MAJOR 0
#define CASECLOCK_VERSION_MINOR 1
#define CASECLOCK_VERSION_PATCH 0
#define CASECLOCK_VERSION       "0.1.0"
/* 100 * 100 * major + 100 * minor + patch: 100 for 0.1.0. */
#define CASECLOCK_VERSION_NUMBER                                               \
    (CASECLOCK_VERSION_MAJOR * 10000 + CASECLOCK_VERSION_MINOR * 100 +         \
     CASECLOCK_VERSION_PATCH)

/* The library's interface: the shared library exports these and nothing
 * else (it is built with -fvisibility=hidden). */
#if defined(__GNUC__)
#define CC_API __attribute__((visibility("default")))
#else
#define CC_API
#endif

/* Status codes, the library's own (a program maps them to exit codes as
 * it likes: the caseclock command's are in docs/errors.md).  Each is
 * distinct. */
typedef enum cc_status {
    CC_OK = 0,
    CC_EINVAL = 1,    /* invalid input, data or argument: a bad date, text
                         that is not UTF-8, no calendar for working days */
    CC_ECOVERAGE = 2, /* a date outside the calendar data's coverage */
    CC_EIO = 3,       /* an input cannot be opened or read */
    CC_EWRITE = 4,    /* an output cannot be written (a cc_write_fn failed) */
    CC_ENOMEM = 5,    /* out of memory */
    CC_EINTERNAL = 6  /* a bug */
} cc_status;

/* The library's version, "0.1.0" (a static string), and as a number like
 * CASECLOCK_VERSION_NUMBER: a program built against one header can tell
 * which library it runs with. */
CC_API const char *cc_version(void);
CC_API int cc_version_number(void);

/*
 * A byte offset or length in a document's text.  A document is under 2 GiB
 * (cc_doc_read refuses a longer one), so 32 bits hold it: the spans a long
 * document is made of (sentences, mentions, places) take half the memory
 * they would as size_t.
 */
typedef uint32_t cc_offset;

typedef struct cc_error {
    cc_status code;
    char source[128];  /* file name, "<stdin>", "<built-in calendars>", "" */
    int line;          /* 1-based; 0 when the error has no position */
    int column;        /* 1-based, in code points; 0 when unknown */
    size_t offset;     /* bytes from the start of the input */
    char message[256]; /* one line, no trailing newline */
} cc_error;

/* ------------------------------------------------------------------ */
/* Dates                                                               */

/* Days since 1970-01-01, proleptic Gregorian.  A plain value. */
typedef int32_t cc_date;

/* The range of years cc_date accepts in text form. */
#define CC_YEAR_MIN 1
#define CC_YEAR_MAX 9999

/*
 * Makes a date from its parts.  Fails with CC_EINVAL and a message such as
 * "invalid date '2019-02-29': February 2019 has 28 days" when the day does
 * not exist; it never rolls over.
 */
CC_API cc_status cc_date_from_ymd(cc_date *out, int year, int month, int day,
                                  cc_error *err);

/* Splits a date into its parts (any out pointer may be NULL). */
CC_API void cc_date_to_ymd(cc_date d, int *year, int *month, int *day);

/* 1 = Monday ... 7 = Sunday (ISO 8601). */
CC_API int cc_date_weekday(cc_date d);

/*
 * Parses "2019-03-22", "22 March 2019", "22 Mar 2019", "22nd March 2019"
 * or "Friday 22 March 2019".  `text` is NUL-terminated, read during the call
 * only.
 */
CC_API cc_status cc_date_parse(cc_date *out, const char *text, cc_error *err);

/* Writes "YYYY-MM-DD" and a NUL into buf[11] ("XXXX-XX-XX" for a value
 * outside years 1..9999).  Returns buf. */
CC_API char *cc_date_format(cc_date d, char buf[11]);

/* Writes "Friday 22 March 2019" (UK style) into buf, at most `size` bytes. */
CC_API char *cc_date_format_long(cc_date d, char *buf, size_t size);

/* Days in the month of `year`: 28..31. */
CC_API int cc_days_in_month(int year, int month);

/* ------------------------------------------------------------------ */
/* Periods                                                             */

typedef enum cc_unit {
    CC_UNIT_DAY,
    CC_UNIT_WEEK,
    CC_UNIT_MONTH,
    CC_UNIT_YEAR,
    CC_UNIT_WORKDAY
} cc_unit;

typedef enum cc_counting {
    /* "within N ... of X", "N ... after X": day X is not counted */
    CC_COUNT_AFTER,
    /* "N ... beginning with X": day X is day 1 */
    CC_COUNT_BEGINNING_WITH
} cc_counting;

typedef struct cc_period {
    int n; /* may be negative: counts backwards */
    cc_unit unit;
    cc_counting counting;
} cc_period;

/*
 * Parses "10d", "4w", "3m", "1y", "10wd", "-5wd"; an optional "+" or "-"
 * sign.  Counting is CC_COUNT_AFTER.  `text` is read during the call only.
 */
CC_API cc_status cc_period_parse(cc_period *out, const char *text,
                                 cc_error *err);

/* Writes the short form ("10wd") into buf, at most `size` bytes. */
CC_API char *cc_period_format(cc_period p, char *buf, size_t size);

/* The unit in words for a count of n: "week" for 1, "working days" else
 * (a static string). */
CC_API const char *cc_unit_words(cc_unit unit, long n);

/* ------------------------------------------------------------------ */
/* Context: calendars, rules, options                                  */

typedef struct cc_ctx cc_ctx;
typedef struct cc_calendar cc_calendar;

/*
 * New: a context holding the built-in bank holiday data (three divisions,
 * 2000-01-01 to 2030-12-31) and the built-in timescale rules.  Free it with
 * cc_ctx_free().  The rules (and the chronology's lexicon) are parsed at
 * their first use, by a rule getter or cc_timeline_new(), not here: reading
 * a decision's dates needs neither.  Threads may share a context for
 * reading decisions, building timelines and getting rules, that first use
 * included; the calls that change it (cc_ctx_set_today, cc_ctx_add_closures,
 * cc_ctx_load_rules) must not run while another thread uses it.
 */
CC_API cc_status cc_ctx_new(cc_ctx **out, cc_error *err);
CC_API void cc_ctx_free(cc_ctx *ctx);

/*
 * Pins "today" (used only to say whether an open deadline is pending or
 * overdue).  Until set, today is unknown and such statuses are "pending".
 */
CC_API void cc_ctx_set_today(cc_ctx *ctx, cc_date today);

/*
 * Adds an authority's closure days (an iCalendar file's text, read as by
 * cc_calendar_add_ics) to every working-day calendar the checks of
 * cc_timeline_new() count in, whatever the rule's division.  `data` and
 * `source` are copied; may be called more than once.  A file that cannot be
 * read fails here, naming source and line, and the context is unchanged.
 */
CC_API cc_status cc_ctx_add_closures(cc_ctx *ctx, const char *data, size_t len,
                                     const char *source, cc_error *err);
/* Returns 1 and sets *out when today has been set, else 0. */
CC_API int cc_ctx_today(cc_date *out, const cc_ctx *ctx);

/* Number of built-in divisions, and the i-th one's name (borrowed). */
CC_API size_t cc_ctx_division_count(const cc_ctx *ctx);
CC_API const char *cc_ctx_division_name(const cc_ctx *ctx, size_t i);

/*
 * New: a working-day calendar for a division ("england-and-wales",
 * "scotland", "northern-ireland"); free it with cc_calendar_free().  Fails
 * with CC_EINVAL naming the division if it is unknown.
 */
CC_API cc_status cc_calendar_new(cc_calendar **out, const cc_ctx *ctx,
                                 const char *division, cc_error *err);
CC_API void cc_calendar_free(cc_calendar *cal);

/*
 * Adds extra non-working days (a council's closure days) from an iCalendar
 * file's text: each VEVENT's dates from DTSTART up to, not including, DTEND
 * (one day when DTEND is absent).  `data` is read during the call only;
 * `source` names it in messages.  A line libical cannot read, a missing
 * END, or a value of the wrong type is an error naming source and line.
 */
CC_API cc_status cc_calendar_add_ics(cc_calendar *cal, const char *data,
                                     size_t len, const char *source,
                                     cc_error *err);

/* Borrowed: the division name, e.g. "england-and-wales". */
CC_API const char *cc_calendar_division(const cc_calendar *cal);

/* The first and last day the bank holiday data covers. */
CC_API void cc_calendar_coverage(cc_date *first, cc_date *last,
                                 const cc_calendar *cal);

/*
 * Is `d` a working day: not a Saturday or Sunday, not a bank holiday of the
 * division, not an added closure day?  Fails with CC_ECOVERAGE outside the
 * coverage.  *reason (may be NULL) is set to NULL for a working day, or to
 * a borrowed name ("Saturday", "Good Friday", a closure's SUMMARY).
 */
CC_API cc_status cc_calendar_is_workday(int *out, const char **reason,
                                        const cc_calendar *cal, cc_date d,
                                        cc_error *err);

/*
 * Working days in (from, to]; negative when to < from (then it is minus the
 * working days in (to, from]).  O(log n) in the number of holidays.
 */
CC_API cc_status cc_workdays_between(long *out, const cc_calendar *cal,
                                     cc_date from, cc_date to, cc_error *err);

/*
 * The n-th working day after `from` (n > 0), before it (n < 0), or `from`
 * itself (n == 0).  Cost does not grow with |n|.
 */
CC_API cc_status cc_workdays_add(cc_date *out, const cc_calendar *cal,
                                 cc_date from, long n, cc_error *err);

/*
 * The corresponding date n calendar months after `d`, or the last day of
 * that month when it is shorter (Interpretation Act 1978 Sch 1; Dodds v
 * Walker [1981] 1 WLR 1027).  n may be negative.
 */
CC_API cc_status cc_months_add(cc_date *out, cc_date d, int n, cc_error *err);

/* ------------------------------------------------------------------ */
/* Computations with an audit trail                                    */

typedef struct cc_skip {
    cc_date date;
    const char *reason; /* borrowed from the calendar: "Saturday", ... */
} cc_skip;

typedef struct cc_calc {
    cc_date from;
    cc_period period;
    cc_date date;     /* the last permitted day (or the n-th day) */
    int borderline;   /* beginning_with + months, no corresponding date */
    cc_date alt;      /* formula A's answer when borderline */
    cc_skip *skipped; /* non-working days passed over (working-day counts) */
    size_t nskipped;
    char calendar[64]; /* the division, or "calendar" for plain days */
} cc_calc;

/*
 * Applies `period` to `from`.  `cal` may be NULL unless the unit is
 * CC_UNIT_WORKDAY.  New: out->skipped; free it with cc_calc_clear().
 * Months with CC_COUNT_BEGINNING_WITH end the day before the corresponding
 * date (add_months(from, n) - 1 day, formula A).  Where the target month
 * has no corresponding date the reading is unsettled: the result is
 * add_months(from - 1 day, n) (formula B), `borderline` is set and `alt`
 * holds formula A when the two differ.
 */
CC_API cc_status cc_calc_add(cc_calc *out, const cc_calendar *cal, cc_date from,
                             cc_period period, cc_error *err);
CC_API void cc_calc_clear(cc_calc *calc);

/* ------------------------------------------------------------------ */
/* Timescale rules                                                     */

typedef enum cc_confidence {
    CC_CONF_CONFIRMED, /* C: wording confirmed against the legal text */
    CC_CONF_BELIEVED,  /* B: believed correct */
    CC_CONF_UNCERTAIN  /* U: a soft rule: warn, never "breach" */
} cc_confidence;

typedef struct cc_extension {
    cc_period period;         /* the longest extended period */
    const char *condition;    /* when it applies */
    const char *const *words; /* words in the text that engage it, or none */
    size_t nwords;
} cc_extension;

/* A list of words or phrases (lower case; a trailing '*' matches any
 * ending), borrowed like the rule that holds it. */
typedef struct cc_words {
    const char *const *items;
    size_t n;
} cc_words;

/*
 * How a complaint-stage rule finds an event (rules.json "engage" "act" and
 * "start"): the event's kind, and the words that name it.
 */
typedef struct cc_stage_act {
    int kind;        /* a cc_event_kind, or -1 for any kind */
    const char *in;  /* where the words are: "before-date" (the clause up
                        to the date; the default), "clause" or "sentence" */
    cc_words words;  /* one of them there (none: any event of the kind) */
    cc_words blocks; /* none of them in the event's clause */
    int later_day;   /* the event comes after the day it is searched from */
    int timing;      /* without such an event, dated by the time the
                        decision says the act took ("acknowledged it three
                        working days later") */
} cc_stage_act;

/* One kind of agreed action (rules.json "engage" "kinds"): its id, the
 * last part of the deadline's rule id ("apology"), and the words of an
 * action's text that make it that kind. */
typedef struct cc_action_kind {
    const char *id;
    cc_words words;
} cc_action_kind;

/*
 * What engages a rule (rules.json "engage"): which family of checks applies
 * it, where it applies, and the words that name its trigger and the act
 * that completes it.  docs/timescales.md has the table for every rule.
 */
typedef struct cc_engage {
    /* "timescale": a trigger event, a due date, the completing event;
     * "minimum": a period that must pass before the completing act;
     * "late-complaint", "complaint-stage", "remedy": the
     * families with checks of their own; "none": not computed (`reason`). */
    const char *check;
    const char *procedure;   /* the procedure that must be engaged, or "" */
    const char *authority;   /* "council", "care-provider", or "" for any */
    cc_words context;        /* words one of which the text must have, or
                                none */
    cc_words trigger;        /* words in the trigger event's clause; "a ...
                                b" is a, then b later in the clause */
    cc_words trigger_blocks; /* words that, in the clause, rule it out */
    cc_words completion;     /* words in the completing event's clause */
    cc_words completion_blocks;
    cc_words ends;          /* words of an event that ends the procedure
                               ("stopped being looked after"): an act due
                               after it is no longer owed */
    int needs_completion;   /* the rule is engaged only when the decision
                               dates its completion (the applicant's own
                               time limits) */
    cc_period span;         /* chained reviews stop once a trigger is this
                               long after the first (n == 0: no limit) */
    cc_words names;         /* words that name the deadline in the decision's
                               statements of delay ("the final plan") */
    const char *trigger_is; /* "" (an event), or "completion-of RULE" /
                               "trigger-of RULE": that rule's completing or
                               triggering event */
    const char *next;       /* the rule that runs from this one's completion
                               (reviews at intervals), or "" */
    int last_trigger;       /* the trigger is the last one before the
                               completion, not the first */
    cc_date from, until;    /* trigger dates the rule covers (editions) */
    const char *reason;     /* why the rule is not computed, or "" */
    /* Complaint stages: the act that completes the stage (searched from
     * the trigger, or from the trigger of the rule `search_from` names as
     * "trigger-of RULE"); an event that, when dated, starts the stage in
     * place of the trigger (`start`; `start_missing_role` is the trigger's
     * role when it does not); `entry`: when the chain before it is
     * undated, its act is still searched for, from the last dated step;
     * `label`: what notes call the act ("stage 1 response"). */
    cc_stage_act act, start;
    const char *search_from;
    const char *start_missing_role;
    int entry;
    const char *label;
    /* Remedies: `trigger` are the words after a period that run it from
     * the decision ("of my final decision"), `trigger_in_section` those
     * that do only in an agreed-action section ("of the decision");
     * `completion` the closing line that records it done; `kinds` the
     * kinds of action, the first whose words an action has. */
    cc_words trigger_in_section;
    const cc_action_kind *kinds;
    size_t nkinds;
} cc_engage;

/* A named procedure (rules.json "procedures"): a document engages it when
 * its category starts with one of `categories` or its text names it, and
 * it engages none of the procedures `unless` lists (a disabled facilities
 * grant filed under adult care is not a social care complaint). */
typedef struct cc_procedure {
    const char *id;    /* "send" */
    const char *title; /* "Special educational needs (SEND Regulations
                          2014)" */
    cc_words categories;
    cc_words words;
    cc_words unless; /* procedure ids */
} cc_procedure;

/* Borrowed from the context; every string is UTF-8 and NUL-terminated. */
typedef struct cc_rule {
    const char *id;      /* "ca1989.complaints.stage1" */
    const char *title;   /* "Stage 1 response to a children's complaint" */
    const char *source;  /* "SI 2006/1738 reg 14" */
    const char *words;   /* the legal wording, or "" */
    const char *trigger; /* "representations received" */
    cc_period period;
    const char *calendar; /* "wd.ca2006", "wd.ew", "calendar", "school" */
    const char *division; /* the working-day calendar's division, or "" */
    cc_confidence confidence;
    const char *discretion; /* who may disapply the limit, or "" */
    const char *qualifier;  /* "or as soon as reasonably practicable", "" */
    const cc_extension *extensions;
    size_t nextensions;
    cc_engage engage;
} cc_rule;

CC_API size_t cc_ctx_rule_count(const cc_ctx *ctx);
/* Borrowed, valid until ctx is freed or cc_ctx_load_rules() is called on
 * it (that frees the rules it replaces); NULL when i is out of range. */
CC_API const cc_rule *cc_ctx_rule(const cc_ctx *ctx, size_t i);
/* Borrowed, valid as cc_ctx_rule's; NULL when no rule has that id. */
CC_API const cc_rule *cc_ctx_rule_find(const cc_ctx *ctx, const char *id);

CC_API size_t cc_ctx_procedure_count(const cc_ctx *ctx);
/* Borrowed, valid until ctx is freed or its rules loaded again; NULL when
 * i is out of range or no procedure has that id. */
CC_API const cc_procedure *cc_ctx_procedure(const cc_ctx *ctx, size_t i);
CC_API const cc_procedure *cc_ctx_procedure_find(const cc_ctx *ctx,
                                                 const char *id);

/*
 * Loads rules from JSON text (the shape of calendars/rules.json) in place of
 * the built-in ones.  `data` is read during the call only.  Errors name the
 * source, line and problem.  On CC_OK every cc_rule and cc_procedure
 * pointer taken from ctx before the call is invalid (they are freed); on
 * failure the rules held before stay as they were.
 */
CC_API cc_status cc_ctx_load_rules(cc_ctx *ctx, const char *data, size_t len,
                                   const char *source, cc_error *err);

/* ------------------------------------------------------------------ */
/* Decision statements and their temporal mentions                     */

typedef struct cc_doc cc_doc;

typedef enum cc_mention_type {
    CC_MENTION_DATE,
    CC_MENTION_TIME,
    CC_MENTION_DURATION,
    CC_MENTION_SET
} cc_mention_type;

/* How much of a DATE the text gives. */
typedef enum cc_grain {
    CC_GRAIN_NONE, /* not a date, or nothing known */
    CC_GRAIN_DAY,
    CC_GRAIN_WEEK, /* "the following week": an ISO week */
    CC_GRAIN_MONTH,
    CC_GRAIN_SEASON,
    CC_GRAIN_YEAR,
    CC_GRAIN_DECADE
} cc_grain;

/* cc_mention.flags */
#define CC_MENTION_INFERRED   0x01u /* the year came from the narrative */
#define CC_MENTION_RELATIVE   0x02u /* resolved against an earlier date */
#define CC_MENTION_WORKDAYS   0x04u /* a duration in working days */
#define CC_MENTION_HEADER     0x08u /* the header's decision date */
#define CC_MENTION_UNRESOLVED 0x10u /* some parts unknown ("XXXX-04-10") */
#define CC_MENTION_FROM_DECISION                                               \
    0x20u /* with INFERRED: no year stated                                     \
             before it, so the year is the                                     \
             last one on or before the                                         \
             decision date */

typedef struct cc_mention {
    cc_offset offset;  /* bytes into cc_doc_text() */
    cc_offset length;  /* bytes */
    const char *value; /* TIMEX3 value: "2019-03-22", "2019-SU", "P4W";
                          borrowed from the doc */
    const char *mod;   /* "" or START, MID, END, MORE_THAN, LESS_THAN, ...;
                          a static string */
    cc_mention_type type;
    unsigned flags;
    cc_grain grain;    /* for DATE: the precision */
    cc_date earliest;  /* for resolved DATEs (grain not CC_GRAIN_NONE, no
                          CC_MENTION_UNRESOLVED): the first day it may
                          mean; for a TIME, its day when known */
    cc_date latest;    /* ... and the last; equal for a day */
    int32_t paragraph; /* index into the paragraphs, or -1 */
    int32_t sentence;  /* index into the sentences, or -1 */
} cc_mention;

/* A header field of the statement; NULL when the text lacks it. */
typedef enum cc_field {
    CC_FIELD_AUTHORITY,
    CC_FIELD_REFERENCE,
    CC_FIELD_CATEGORY,
    CC_FIELD_OUTCOME,
    CC_FIELD_DECISION_DATE /* ISO form, "2019-12-18" */
} cc_field;

typedef struct cc_section {
    const char *title; /* borrowed from the doc: "What I found" */
    cc_offset offset, length;
    int legal; /* 1 for role and powers, law and guidance sections */
} cc_section;

typedef struct cc_paragraph {
    int32_t number;  /* as printed ("3." is 3); 0 when unnumbered */
    int32_t section; /* index into the sections, or -1 before the first */
    cc_offset offset, length;
} cc_paragraph;

typedef struct cc_sentence {
    cc_offset offset, length;
    int32_t paragraph; /* or -1 */
} cc_sentence;

/*
 * Reads one decision statement and finds every date and duration in it.
 * `text` is UTF-8 (a leading BOM is skipped; offsets still count it), `len`
 * bytes, need not be NUL-terminated; it is copied.  `source` names the
 * input in messages.  On CC_OK *out is new: free it with cc_doc_free().
 * Invalid UTF-8 and a NUL byte are CC_EINVAL naming the line, column and
 * byte offset; so is UTF-16 with a byte order mark, at 1:1.
 */
CC_API cc_status cc_doc_read(cc_doc **out, const cc_ctx *ctx, const char *text,
                             size_t len, const char *source, cc_error *err);

/* The formats a decision statement comes in. */
typedef enum cc_format {
    CC_FORMAT_AUTO, /* chosen by content: magic bytes, then markup */
    CC_FORMAT_TEXT, /* plain text */
    CC_FORMAT_HTML, /* a saved web page, or any HTML */
    CC_FORMAT_PDF,
    CC_FORMAT_DOCX /* a Word document */
} cc_format;

/* "auto", "text", "html", "pdf", "docx": a static string. */
CC_API const char *cc_format_name(cc_format format);
/* Sets *out and returns 1 for one of those names, else returns 0. */
CC_API int cc_format_parse(cc_format *out, const char *name);

typedef enum cc_encoding {
    CC_ENCODING_UTF8,        /* the default: anything else is refused */
    CC_ENCODING_WINDOWS_1252 /* what Word's plain-text save gives */
} cc_encoding;

/*
 * How to read a document.  Zeroed, it reads any format, as UTF-8, with
 * the header as the document gives it.  Each non-NULL `field` supplies or
 * overrides that header field (a draft has no header); the decision date
 * is given as "YYYY-MM-DD".  All strings are read during the call only.
 */
typedef struct cc_read_opts {
    cc_format format;
    cc_encoding encoding; /* for plain text */
    const char *field[CC_FIELD_DECISION_DATE + 1];
} cc_read_opts;

/*
 * cc_doc_read() for any format: `data` is the document's bytes.  The text
 * taken out of it (cc_doc_source_copy()) is what offsets refer to; a web
 * page's markup, a PDF's page furniture and a Word document's container
 * are not in it.  Besides cc_doc_read()'s errors: a document of the format
 * that cannot be read (a truncated or encrypted PDF, a DOCX that is not a
 * zip), text that is Windows-1252 when UTF-8 was asked for (the message
 * names --encoding), two decisions in one text (naming the line where the
 * second starts), and a bad override (a decision date that is not a date)
 * are CC_EINVAL.  opts may be NULL.
 */
CC_API cc_status cc_doc_read_with(cc_doc **out, const cc_ctx *ctx,
                                  const char *data, size_t len,
                                  const char *source, const cc_read_opts *opts,
                                  cc_error *err);
/*
 * cc_doc_read_with() of bytes the doc takes over, which saves the copy
 * cc_doc_read_with() makes: the caller's buffer and the doc's text are not
 * held at once.  `data` comes from malloc(), len + 1 bytes at least (the
 * doc writes a NUL at data[len]), and is the doc's from the call on, on
 * error too: it is freed as soon as the doc has no use for it (once the
 * text is normalised, or taken out of a web page, PDF or Word document),
 * else with the doc.
 */
CC_API cc_status cc_doc_read_taking(cc_doc **out, const cc_ctx *ctx, char *data,
                                    size_t len, const char *source,
                                    const cc_read_opts *opts, cc_error *err);
/* The format that was read (never CC_FORMAT_AUTO). */
CC_API cc_format cc_doc_format(const cc_doc *doc);
/* 1 when the reading options supplied the field (cc_read_opts.field). */
CC_API int cc_doc_field_given(const cc_doc *doc, cc_field field);
/*
 * The source text: the text taken out of the document, before
 * normalisation (for plain text, the bytes given).  The offsets the
 * writers print (JSON, CSV) index it, and `caseclock --text-out` writes
 * it.  The doc keeps it as cc_doc_text() and the characters normalisation
 * took out, not as a second copy: cc_doc_source_length() is its length in
 * bytes, and cc_doc_source_copy() copies bytes [offset, offset + length)
 * of it to buf, as many as lie in the text, and returns their number.
 */
CC_API size_t cc_doc_source_length(const cc_doc *doc);
CC_API size_t cc_doc_source_copy(const cc_doc *doc, size_t offset,
                                 size_t length, char *buf);
/*
 * The offset in the source text of `offset` in cc_doc_text().  The
 * structs' offsets index cc_doc_text(), the text as the library read it:
 * no-break and other wide spaces as spaces, zero-width characters and soft
 * hyphens dropped, dashes as '-', curly quotes as straight ones.  A
 * character the normalisation replaced maps to its first byte; an offset
 * just after one, to just after it.  O(log n) in the characters replaced;
 * the identity when none were.
 */
CC_API size_t cc_doc_source_offset(const cc_doc *doc, size_t offset);
CC_API void cc_doc_free(cc_doc *doc);

/* Borrowed, valid until doc is freed: the copied input. */
CC_API const char *cc_doc_text(const cc_doc *doc, size_t *len);
/* Borrowed, valid until doc is freed; NULL when the text lacks the field. */
CC_API const char *cc_doc_field(const cc_doc *doc, cc_field field);
/* Returns 1 and sets *out when the header gives a decision date. */
CC_API int cc_doc_decision_date(cc_date *out, const cc_doc *doc);

CC_API size_t cc_doc_mention_count(const cc_doc *doc);
/*
 * Borrowed: the i-th mention in text order (none overlap); valid until doc
 * is freed; NULL when i is out of range.  The same holds for the i-th
 * section, paragraph (one a line, in text order) and sentence (in text
 * order, white space trimmed).
 */
CC_API const cc_mention *cc_doc_mention(const cc_doc *doc, size_t i);
CC_API size_t cc_doc_section_count(const cc_doc *doc);
CC_API const cc_section *cc_doc_section(const cc_doc *doc, size_t i);
CC_API size_t cc_doc_paragraph_count(const cc_doc *doc);
CC_API const cc_paragraph *cc_doc_paragraph(const cc_doc *doc, size_t i);
CC_API size_t cc_doc_sentence_count(const cc_doc *doc);
CC_API const cc_sentence *cc_doc_sentence(const cc_doc *doc, size_t i);

/* The kind of body complained about, read from the header's authority. */
typedef enum cc_authority_kind {
    CC_AUTHORITY_UNKNOWN,       /* no authority line */
    CC_AUTHORITY_COUNCIL,       /* a council, borough or other authority */
    CC_AUTHORITY_CARE_PROVIDER, /* an adult care provider (Part 3A) */
    CC_AUTHORITY_NHS,           /* an NHS body */
    CC_AUTHORITY_OTHER          /* a school, an admission appeal panel ... */
} cc_authority_kind;

/* How the reader classified the document, once, for the checks. */
CC_API cc_authority_kind cc_doc_authority_kind(const cc_doc *doc);
/* 1 when the document engages the procedure with that id (its category,
 * or its text naming it), else 0. */
CC_API int cc_doc_engages(const cc_doc *doc, const char *procedure);

/* "DATE", "TIME", "DURATION", "SET": a static string. */
CC_API const char *cc_mention_type_name(cc_mention_type type);

/* ------------------------------------------------------------------ */
/* Chronology and checks                                               */

/*
 * A timeline is what one decision statement says happened, in date order,
 * and what the statutory timescales, the agreed actions and the decision's
 * own statements of delay make of those dates.  docs/chronology.md says
 * how kinds and actors are chosen and what each check does.
 */
typedef struct cc_timeline cc_timeline;

/* What an event is.  Unknown is CC_EVENT_OTHER, never a guess. */
typedef enum cc_event_kind {
    CC_EVENT_OTHER,
    CC_EVENT_COMPLAINT,           /* complaint to the council */
    CC_EVENT_RESPONSE,            /* council response */
    CC_EVENT_ESCALATION,          /* complaint escalated: stage 2, panel */
    CC_EVENT_OMBUDSMAN_COMPLAINT, /* complaint to the Ombudsman */
    CC_EVENT_ASSESSMENT,
    CC_EVENT_MEETING, /* meeting or visit */
    CC_EVENT_REFERRAL,
    CC_EVENT_STRATEGY, /* strategy discussion */
    CC_EVENT_ICPC,     /* initial child protection conference */
    CC_EVENT_RCPC,     /* review child protection conference */
    CC_EVENT_AGREEMENT,
    CC_EVENT_PROMISE, /* "said it would ... by": the date promised */
    CC_EVENT_COMPLETION,
    CC_EVENT_DECISION, /* the Ombudsman's decision: closes the chronology */
    CC_EVENT_REQUEST,  /* a request or application to the council */
    CC_EVENT_COUNCIL_DECISION, /* the council decided, refused, approved */
    CC_EVENT_PLAN_ISSUED,      /* a plan (EHC, care, housing) issued */
    CC_EVENT_REVIEW_HELD,      /* a review of a plan, care or decision held */
    CC_EVENT_REVIEW_REQUEST,   /* a review of a decision asked for */
    CC_EVENT_ASSESSMENT_STARTED,
    CC_EVENT_ASSESSMENT_COMPLETED,
    CC_EVENT_PAYMENT,  /* paid, refunded */
    CC_EVENT_PLACEMENT /* placed in a home, with carers, in accommodation */
} cc_event_kind;

/* Who acted. */
typedef enum cc_actor {
    CC_ACTOR_UNKNOWN,
    CC_ACTOR_COUNCIL,
    CC_ACTOR_COMPLAINANT,
    CC_ACTOR_OMBUDSMAN,
    CC_ACTOR_OTHER /* police, school, court, another body */
} cc_actor;

/* Where in the statement something was said.  Offsets are bytes. */
typedef struct cc_place {
    cc_offset offset, length;                   /* the words themselves */
    cc_offset sentence_offset, sentence_length; /* their sentence */
    int32_t line;                               /* 1-based line of `offset` */
    int32_t paragraph;   /* as printed ("3." is 3); 0 when unnumbered */
    const char *section; /* the section's title, or "" */
} cc_place;

/* Every string is borrowed from the timeline, valid until it is freed. */
typedef struct cc_event {
    cc_event_kind kind;
    cc_actor actor;
    cc_date earliest; /* "June 2022": 2022-06-01 */
    cc_date latest;   /* ... 2022-06-30; equal for a day */
    cc_grain grain;
    const char *value; /* TIMEX3 value of the date: "2022-06" */
    const char *mod;   /* "", "START", "MID", "END" */
    int inferred;      /* the year came from the narrative */
    int relative;      /* "the following day" */
    int planned;       /* booked or arranged, not (yet) held */
    cc_place where;
    size_t mention; /* index of the date's cc_mention in the doc */
} cc_event;

typedef enum cc_check_kind {
    CC_CHECK_LATE_COMPLAINT,    /* LGA 1974 s26B / s34D */
    CC_CHECK_COMPLAINT_STAGE,   /* Children Act 1989, adult social care */
    CC_CHECK_COUNCIL_TIMESCALE, /* a council's own stated timescale */
    CC_CHECK_AGREED_ACTION,
    CC_CHECK_PROMISE,
    CC_CHECK_TIMESCALE /* every other statutory timescale of rules.json,
                          child protection conferences included */
} cc_check_kind;

typedef enum cc_check_status {
    CC_STATUS_MET,     /* done by the due date on every reading */
    CC_STATUS_MISSED,  /* done, or known undone, after it on every reading */
    CC_STATUS_OVERDUE, /* open, and today is after the last due day */
    CC_STATUS_PENDING, /* open, and not yet due (or today is not set) */
    CC_STATUS_UNKNOWN  /* the dates given do not settle it */
} cc_check_status;

/* One input to a check, with the words it came from. */
typedef struct cc_evidence {
    const char *role; /* "trigger", "actual", "notice", "discretion", ... */
    int dated;        /* earliest/latest hold a date */
    cc_date earliest, latest;
    cc_place where;
    long event; /* index into the timeline's events, or -1 */
} cc_evidence;

typedef struct cc_deadline {
    cc_check_kind check;
    const char *rule;   /* "wt.rcpc.first", "lgsco.remedy.apology" */
    const char *title;  /* the rule's title */
    const char *source; /* its legal source, or where the decision says it */
    cc_confidence confidence;
    cc_period period; /* as applied (the extension when one was used) */
    int extended;     /* an extension was applied */
    cc_date due_earliest, due_latest; /* equal unless the trigger is vague */
    int borderline;         /* months beginning_with at a missing day: see
                               cc_calc_add */
    int approximate;        /* a school-day rule counted in weekdays (no term
                               dates): the true last day is on or after it */
    cc_date due_alt;        /* formula A's last day when borderline, else
                               due_latest */
    const char *calendar;   /* the working days counted: a division
                               ("england-and-wales"), or "" for calendar
                               days */
    const cc_skip *skipped; /* the non-working days passed over from the
                               latest trigger day to due_latest, reasons
                               included ("Good Friday", "Council closed") */
    size_t nskipped;
    int has_actual;
    cc_date actual_earliest, actual_latest;
    long late_min, late_max; /* days from due to actual (has_actual) */
    cc_check_status status;
    const char *discretion; /* late complaints: "exercised", "declined",
                               "not stated"; otherwise "" */
    const char *action;     /* agreed actions, promises: the words; or "" */
    const char *note;       /* what can and cannot be concluded */
    const cc_evidence *inputs;
    size_t ninputs;
} cc_deadline;

typedef enum cc_verdict {
    CC_VERDICT_CONSISTENT,
    CC_VERDICT_INCONSISTENT,
    CC_VERDICT_CANNOT_TELL
} cc_verdict;

/* A statement of delay ("two months late") checked against the dates. */
typedef struct cc_finding {
    const char *stated;  /* the duration's value: "P2M", "P18D" */
    const char *mod;     /* "", "MORE_THAN", "LESS_THAN", ... */
    int workdays;        /* the duration counts working days */
    const char *measure; /* "late", "after", "for", "took", "between" */
    cc_place where;      /* the duration's words */
    int has_interval;
    long min_days, max_days;     /* the computed interval (working days when
                                    `workdays`), shortest and longest reading */
    double min_units, max_units; /* ... in the stated unit */
    cc_evidence from, to;        /* the ends, when found */
    cc_verdict verdict;
    const char *note;
} cc_finding;

/*
 * New: the chronology and checks of `doc`; free it with cc_timeline_free().
 * `ctx` gives the rules, calendars and today (cc_ctx_today; never the
 * clock); `ctx` and `doc` are read during the call only: the timeline
 * copies what it keeps, and its offsets point into cc_doc_text(doc).
 */
CC_API cc_status cc_timeline_new(cc_timeline **out, const cc_ctx *ctx,
                                 const cc_doc *doc, cc_error *err);
CC_API void cc_timeline_free(cc_timeline *tl);

/* Borrowed, valid until tl is freed; NULL when the header lacks them. */
CC_API const char *cc_timeline_field(const cc_timeline *tl, cc_field field);
/* Returns 1 and sets *out when the decision date is known. */
CC_API int cc_timeline_decision_date(cc_date *out, const cc_timeline *tl);
/* With no decision date (a draft, and no cc_read_opts date): how many
 * agreed actions are timed from the decision and so have no due date;
 * 0 when the decision date is known. */
CC_API size_t cc_timeline_undated_actions(const cc_timeline *tl);

/* Events sorted by earliest, ties in text order (the decision last). */
CC_API size_t cc_timeline_event_count(const cc_timeline *tl);
/* Borrowed, valid until tl is freed; NULL when i is out of range. */
CC_API const cc_event *cc_timeline_event(const cc_timeline *tl, size_t i);
CC_API size_t cc_timeline_deadline_count(const cc_timeline *tl);
CC_API const cc_deadline *cc_timeline_deadline(const cc_timeline *tl, size_t i);
CC_API size_t cc_timeline_finding_count(const cc_timeline *tl);
CC_API const cc_finding *cc_timeline_finding(const cc_timeline *tl, size_t i);

/* Static names, as in the JSON: "council response", "council", "met";
 * a grain is "none", "day" ... "decade", a confidence "C", "B" or "U".
 * Every output of the library and of the command takes its names from
 * these. */
CC_API const char *cc_grain_name(cc_grain grain);
CC_API const char *cc_confidence_name(cc_confidence confidence);
CC_API const char *cc_event_kind_name(cc_event_kind kind);
CC_API const char *cc_actor_name(cc_actor actor);
CC_API const char *cc_check_kind_name(cc_check_kind kind);
CC_API const char *cc_check_status_name(cc_check_status status);
CC_API const char *cc_verdict_name(cc_verdict verdict);

/* ------------------------------------------------------------------ */
/* Output                                                              */

/*
 * Receives output: `len` bytes at `data`, read during the call only (not
 * NUL-terminated).  Returns 0, or non-zero when they could not be written.
 * The JSON writers (cc_doc_write_json, cc_timeline_write_json) call `write`
 * with their output in pieces of about 64 KiB as they make it, so their
 * memory does not grow with the output; the others build their whole
 * output first and call `write` once.  After an error (CC_ENOMEM,
 * CC_EWRITE) the pieces already written are not the whole output: to leave
 * nothing half written in a file, write to a temporary file and rename it
 * on CC_OK, as the command does.
 */
typedef int (*cc_write_fn)(void *userdata, const char *data, size_t len);

/* What a writer shows; NULL means all zero. */
typedef struct cc_write_opts {
    int checks_only; /* deadlines and findings alone, no events */
    int has_today;   /* `today` is the day the output is written for */
    cc_date today;
    int compact;      /* JSON: one line, no white space, no final newline */
    const char *path; /* JSON: a first member "path" with this UTF-8 value
                         (the records of 'caseclock batch'), or NULL */
} cc_write_opts;

/*
 * Writes the timeline of `doc` (the doc it was made from: its text gives
 * the quoted sentences) as iCalendar (RFC 5545, CRLF lines folded at 75
 * octets): an all-day event for each event and each deadline, under
 * METHOD:PUBLISH with an ORGANIZER.  UIDs are stable across runs and
 * differ between decisions (the reference, or a hash of the text when the
 * decision has none); with opts->today later than the decision date,
 * LAST-MODIFIED and DTSTAMP are that day and SEQUENCE the days between, so
 * an update replaces the earlier import.  Control characters are left out.
 * A timeline with nothing to put in a calendar is CC_EINVAL.  tl, doc and
 * opts are read during the call only.
 */
CC_API cc_status cc_timeline_write_ics(const cc_timeline *tl, const cc_doc *doc,
                                       const cc_write_opts *opts,
                                       cc_write_fn write, void *userdata,
                                       cc_error *err);

/*
 * Writes the timeline of `doc` as JSON, the document docs/timeline.schema.json
 * describes (keys in its order; with opts->checks_only "events" is empty):
 * indented, with a final newline, or one compact line.  tl, doc and opts
 * are read during the call only.
 */
CC_API cc_status cc_timeline_write_json(const cc_timeline *tl,
                                        const cc_doc *doc,
                                        const cc_write_opts *opts,
                                        cc_write_fn write, void *userdata,
                                        cc_error *err);

/*
 * Writes the timeline of `doc` as text for a terminal (the chronology,
 * deadlines and statements of delay, wrapped at 76 columns), or as CSV
 * (RFC 4180: one row per event and per deadline, CRLF lines).  With
 * opts->checks_only the text leaves the chronology out.  Read during the
 * call only.
 */
CC_API cc_status cc_timeline_write_text(const cc_timeline *tl,
                                        const cc_doc *doc,
                                        const cc_write_opts *opts,
                                        cc_write_fn write, void *userdata,
                                        cc_error *err);
CC_API cc_status cc_timeline_write_csv(const cc_timeline *tl, const cc_doc *doc,
                                       const cc_write_opts *opts,
                                       cc_write_fn write, void *userdata,
                                       cc_error *err);

/*
 * The HTML report: one self-contained page (inline CSS and SVG, no script,
 * no request out of it) with the header, a timeline chart, and the
 * chronology, deadlines and statements of delay as tables.  Built whole,
 * then handed to `write` in one call.
 */
CC_API cc_status cc_timeline_write_html(const cc_timeline *tl,
                                        const cc_doc *doc,
                                        const cc_write_opts *opts,
                                        cc_write_fn write, void *userdata,
                                        cc_error *err);

/*
 * The mentions of `doc`, as 'caseclock dates' writes them: JSON
 * ({"decision": {the header fields}, "mentions": [...]}, indented with a
 * final newline, or one compact line; opts->path first when given), or a
 * table for a terminal.  Read during the call only.
 */
CC_API cc_status cc_doc_write_json(const cc_doc *doc, const cc_write_opts *opts,
                                   cc_write_fn write, void *userdata,
                                   cc_error *err);
CC_API cc_status cc_doc_write_text(const cc_doc *doc, const cc_write_opts *opts,
                                   cc_write_fn write, void *userdata,
                                   cc_error *err);
/* The doc's source text (cc_doc_source_copy()), whole, in pieces of 8 KiB
 * at most: what `caseclock --text-out` writes.  CC_OK, or CC_EWRITE. */
CC_API cc_status cc_doc_write_source(const cc_doc *doc, cc_write_fn write,
                                     void *userdata, cc_error *err);

/*
 * Writes one computed deadline as an iCalendar file with one all-day event
 * on calc->date; `rule` (may be NULL) is the rule it was computed for.
 * Read during the call only.
 */
CC_API cc_status cc_calc_write_ics(const cc_calc *calc, const cc_rule *rule,
                                   cc_write_fn write, void *userdata,
                                   cc_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CASECLOCK_H */
