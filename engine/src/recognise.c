/*
 * Finding temporal mentions (docs/annotation.md says what a mention is).
 *
 * One pass splits the text into tokens (words, numbers, punctuation) with
 * byte spans, looking each word up once in a keyword table.  A
 * second pass tries, at each token, a fixed set of hand-written matchers
 * over the tokens that follow, keeps the longest match and resumes after
 * it.  Every matcher looks at a bounded number of tokens, so the scan is
 * linear in the text; nothing backtracks over the input, and the tokens
 * are a fixed window on it.
 *
 * Accepted forms (a leading weekday, and modifier words, are in the span):
 *  DATE  22 March 2019 | 22nd (of) March 2019 | March 22, 2019 |
 *        Monday 3 June 2019 | 22 Mar 2019 | 3 Sept 2019 | 22/03/2019 |
 *        22.03.19 | 22-03-2019 | 2019-03-22 | 22 March (year inferred) |
 *        March '21 | 4 June ’22 (20YY) | on the 29th (the running month) |
 *        November 2021 | in March (year inferred) | 2017 |
 *        2023/24, 2021-22, 2019/2020 (one interval: a financial year, 1
 *        April to 31 March, after "FY", "financial year", council tax or
 *        business rates; a tax year, 6 April to 5 April; a school or
 *        academic year, 1 September to 31 August; else both, APPROX) |
 *        summer 2019 | summer of 2019 | the summer | the 1990s |
 *        Easter 2019 | over Easter (Easter Sunday, APPROX) |
 *        the first half of 2021 (2021-H1) | Q3 2022 | the third quarter
 *        of 2022 (2022-Q3) |
 *        the week commencing 3 June 2019 | w/c 3 June (2019-W23) |
 *        the first|last week of June 2021 (2021-06 START|END) |
 *        early|late|mid(-) <month, year, season or decade> |
 *        (beginning|start|middle|end) of <the same> |
 *        about|around|approximately|roughly|circa <any of these> |
 *        around late 2020 (the inner mod) |
 *        5 (in "5 to 9 June 2019": month and year from the range) |
 *        February (in "between February and May": the year judged with
 *        the range's other end) |
 *        the following|next|same|previous day|morning|week|month|year |
 *        the following Monday | two weeks later | a month earlier |
 *        the following spring (the first to begin after the anchor) |
 *        the week before | the day after (at a clause's end) |
 *        that afternoon | that day | earlier|later that month|year |
 *        on|by|until|since|before|after Monday (the next Monday after
 *        the anchor) |
 *        (the) end|start|middle of the month|year|week (the running
 *        date's) |
 *        two years ago | last|this|next year|month|week (from the
 *        decision date)
 *  TIME  08:00 | 8am | 8.30 pm | 10:15 a.m. | 12 noon | (at) noon, midday
 *        | about 3.45pm
 *  DURATION  four weeks | 12 months | 10 working days | a fortnight |
 *        1 hour and 37 minutes | two and a half years | fourteen-month |
 *        half an hour | an hour and a half |
 *        several months (PXM) | for months | <modifier> <duration> |
 *        <duration> or more | <duration> or less |
 *        six (in "six to eight weeks", "6-8 weeks", "between 3 and 5
 *        months": the unit from the range's other end)
 *  SET   weekly | fortnightly | monthly | every six months | every week |
 *        each week | once a week | three times a week | six-monthly |
 *        twice weekly | annual | (maximum) intervals of six months |
 *        "a day" in "24 hours a day" | per week | per annum |
 *        "a week" in "£50 a week" and "one session a week" |
 *        bi-monthly | biweekly | alternate weeks | intervals of not more
 *        than six months
 *
 * Not mentions: a year naming an Act or document ("Children Act 1989",
 * "Working Together ... (2015)", "the 2014 Act", a year alone in brackets
 * "0 to 25 years (2015)"), SI numbers, "[1981]" citations, section and
 * paragraph numbers, case references, money, telephone numbers, ages
 * ("15 years old", "a 15-year-old", "aged 15", "aged 5 to 11 years", "0 to
 * 25 years"), a season naming a school term ("the autumn half term"),
 * a range of years naming a plan ("Local Plan 2011-2031"), ordinals that
 * rank ("the 3rd meeting"), "the day after the meeting" (an event),
 * days of the week as a schedule ("from Monday to Friday").
 */
#include "recognise.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "error.h"

/* Keyword classes. */
enum {
    C_NONE,
    C_MONTH,
    C_WEEKDAY,
    C_SEASON,
    C_NUMBER,
    C_UNIT,
    C_SETWORD,
    C_ORDINAL,
    C_WORD
};

/* Keyword flags. */
enum { F_ABBR = 1, F_PLURAL = 2 };

enum {
    W_NONE,
    W_THE,
    W_OF,
    W_EARLY,
    W_LATE,
    W_MID,
    W_MIDDLE,
    W_BEGINNING,
    W_START,
    W_END,
    W_OVER,
    W_MORE,
    W_THAN,
    W_IN,
    W_EXCESS,
    W_LONGER,
    W_ALMOST,
    W_NEARLY,
    W_JUST,
    W_UNDER,
    W_LESS,
    W_FEWER,
    W_ABOUT,
    W_AROUND,
    W_APPROXIMATELY,
    W_ROUGHLY,
    W_SOME,
    W_AT,
    W_LEAST,
    W_NO,
    W_NOT,
    W_UP,
    W_TO,
    W_MOST,
    W_MAXIMUM,
    W_MINIMUM,
    W_A,
    W_AN,
    W_AND,
    W_OR,
    W_BETWEEN,
    W_FROM,
    W_UNTIL,
    W_TILL,
    W_BY,
    W_SINCE,
    W_DURING,
    W_BEFORE,
    W_AFTER,
    W_WITHIN,
    W_ON,
    W_FOLLOWING,
    W_NEXT,
    W_SAME,
    W_PREVIOUS,
    W_PRECEDING,
    W_MORNING,
    W_AFTERNOON,
    W_EVENING,
    W_NIGHT,
    W_LATER,
    W_EARLIER,
    W_AGO,
    W_EVERY,
    W_EACH,
    W_ONCE,
    W_TWICE,
    W_TIMES,
    W_PER,
    W_OTHER,
    W_OLD,
    W_AGED,
    W_AGE,
    W_AM,
    W_PM,
    W_WORKING,
    W_BUSINESS,
    W_CALENDAR,
    W_SCHOOL,
    W_CLEAR,
    W_ACT,
    W_ACTS,
    W_REGULATIONS,
    W_REGULATION,
    W_REG,
    W_REGS,
    W_ORDER,
    W_RULES,
    W_RULE,
    W_CODE,
    W_GUIDANCE,
    W_SECTION,
    W_SECTIONS,
    W_PARAGRAPH,
    W_PARAGRAPHS,
    W_PARA,
    W_PARAS,
    W_PAGE,
    W_PAGES,
    W_STAGE,
    W_SCHEDULE,
    W_PART,
    W_CHAPTER,
    W_ARTICLE,
    W_CLAUSE,
    W_ANNEX,
    W_APPENDIX,
    W_NUMBER,
    W_TEL,
    W_TELEPHONE,
    W_PHONE,
    W_ITEM,
    W_POINT,
    W_WELL,
    W_PERIOD,
    W_FOR,
    W_THIS,
    W_THAT,
    W_LAST,
    W_THROUGHOUT,
    W_CENTRE,
    W_CENTER,
    W_CARE,
    W_SERVICE,
    W_SERVICES,
    W_TRIP,
    W_LIVING,
    W_LIFE,
    W_HALF,
    W_COUPLE,
    W_FEW,
    W_SEVERAL,
    W_MANY,
    W_S,
    W_THROUGH,
    W_WEEKEND,
    W_NOON,
    W_MIDDAY,
    W_MIDNIGHT,
    W_CIRCA,
    W_C,
    W_V,
    W_STANDARDS,
    W_BILL,
    W_MEASURE,
    W_DIRECTION,
    W_DIRECTIONS,
    W_STATUTORY,
    W_FRAMEWORK,
    W_POLICY,
    W_PLAN,
    W_INTERVALS,
    W_ANNUM,
    W_COMMENCING,
    W_EASTER,
    W_FIRST,
    W_THIRD,
    W_FOURTH,
    W_FINAL,
    W_QUARTER,
    W_Q,
    W_W,
    W_ALTERNATE,
    W_BI,
};

/* Sorted, for people; found through scan.slots. */
static const struct keyword {
    const char *word;
    unsigned char cls;
    unsigned char flags;
    short val;
} keywords[] = {
    {"a", C_WORD, 0, W_A},
    {"about", C_WORD, 0, W_ABOUT},
    {"act", C_WORD, 0, W_ACT},
    {"acts", C_WORD, 0, W_ACTS},
    {"after", C_WORD, 0, W_AFTER},
    {"afternoon", C_WORD, 0, W_AFTERNOON},
    {"age", C_WORD, 0, W_AGE},
    {"aged", C_WORD, 0, W_AGED},
    {"ago", C_WORD, 0, W_AGO},
    {"almost", C_WORD, 0, W_ALMOST},
    {"alternate", C_WORD, 0, W_ALTERNATE},
    {"am", C_WORD, 0, W_AM},
    {"an", C_WORD, 0, W_AN},
    {"and", C_WORD, 0, W_AND},
    {"annex", C_WORD, 0, W_ANNEX},
    {"annual", C_SETWORD, 0, 1 * 256 + 'Y'},
    {"annually", C_SETWORD, 0, 1 * 256 + 'Y'},
    {"annum", C_WORD, 0, W_ANNUM},
    {"appendix", C_WORD, 0, W_APPENDIX},
    {"approximately", C_WORD, 0, W_APPROXIMATELY},
    {"apr", C_MONTH, F_ABBR, 4},
    {"april", C_MONTH, 0, 4},
    {"around", C_WORD, 0, W_AROUND},
    {"article", C_WORD, 0, W_ARTICLE},
    {"at", C_WORD, 0, W_AT},
    {"aug", C_MONTH, F_ABBR, 8},
    {"august", C_MONTH, 0, 8},
    {"autumn", C_SEASON, 0, 3},
    {"before", C_WORD, 0, W_BEFORE},
    {"beginning", C_WORD, 0, W_BEGINNING},
    {"between", C_WORD, 0, W_BETWEEN},
    {"bi", C_WORD, 0, W_BI},
    {"bill", C_WORD, 0, W_BILL},
    {"bimonthly", C_SETWORD, 0, 2 * 256 + 'M'},
    {"biweekly", C_SETWORD, 0, 2 * 256 + 'W'},
    {"business", C_WORD, 0, W_BUSINESS},
    {"by", C_WORD, 0, W_BY},
    {"c", C_WORD, 0, W_C},
    {"calendar", C_WORD, 0, W_CALENDAR},
    {"care", C_WORD, 0, W_CARE},
    {"center", C_WORD, 0, W_CENTER},
    {"centre", C_WORD, 0, W_CENTRE},
    {"chapter", C_WORD, 0, W_CHAPTER},
    {"circa", C_WORD, 0, W_CIRCA},
    {"clause", C_WORD, 0, W_CLAUSE},
    {"clear", C_WORD, 0, W_CLEAR},
    {"code", C_WORD, 0, W_CODE},
    {"commencing", C_WORD, 0, W_COMMENCING},
    {"couple", C_WORD, 0, W_COUPLE},
    {"daily", C_SETWORD, 0, 1 * 256 + 'D'},
    {"day", C_UNIT, 0, 'D'},
    {"days", C_UNIT, F_PLURAL, 'D'},
    {"dec", C_MONTH, F_ABBR, 12},
    {"decade", C_UNIT, 0, 'E'},
    {"decades", C_UNIT, F_PLURAL, 'E'},
    {"december", C_MONTH, 0, 12},
    {"direction", C_WORD, 0, W_DIRECTION},
    {"directions", C_WORD, 0, W_DIRECTIONS},
    {"during", C_WORD, 0, W_DURING},
    {"each", C_WORD, 0, W_EACH},
    {"earlier", C_WORD, 0, W_EARLIER},
    {"early", C_WORD, 0, W_EARLY},
    {"easter", C_WORD, 0, W_EASTER},
    {"eight", C_NUMBER, 0, 8},
    {"eighteen", C_NUMBER, 0, 18},
    {"eighty", C_NUMBER, 0, 80},
    {"eleven", C_NUMBER, 0, 11},
    {"end", C_WORD, 0, W_END},
    {"evening", C_WORD, 0, W_EVENING},
    {"every", C_WORD, 0, W_EVERY},
    {"excess", C_WORD, 0, W_EXCESS},
    {"feb", C_MONTH, F_ABBR, 2},
    {"february", C_MONTH, 0, 2},
    {"few", C_WORD, 0, W_FEW},
    {"fewer", C_WORD, 0, W_FEWER},
    {"fifteen", C_NUMBER, 0, 15},
    {"fifty", C_NUMBER, 0, 50},
    {"final", C_WORD, 0, W_FINAL},
    {"first", C_WORD, 0, W_FIRST},
    {"five", C_NUMBER, 0, 5},
    {"following", C_WORD, 0, W_FOLLOWING},
    {"for", C_WORD, 0, W_FOR},
    {"fortnight", C_UNIT, 0, 'F'},
    {"fortnightly", C_SETWORD, 0, 2 * 256 + 'W'},
    {"fortnights", C_UNIT, F_PLURAL, 'F'},
    {"forty", C_NUMBER, 0, 40},
    {"four", C_NUMBER, 0, 4},
    {"fourteen", C_NUMBER, 0, 14},
    {"fourth", C_WORD, 0, W_FOURTH},
    {"framework", C_WORD, 0, W_FRAMEWORK},
    {"friday", C_WEEKDAY, 0, 5},
    {"from", C_WORD, 0, W_FROM},
    {"guidance", C_WORD, 0, W_GUIDANCE},
    {"half", C_WORD, 0, W_HALF},
    {"hour", C_UNIT, 0, 'H'},
    {"hourly", C_SETWORD, 0, 1 * 256 + 'H'},
    {"hours", C_UNIT, F_PLURAL, 'H'},
    {"hr", C_UNIT, 0, 'H'},
    {"hrs", C_UNIT, F_PLURAL, 'H'},
    {"in", C_WORD, 0, W_IN},
    {"intervals", C_WORD, 0, W_INTERVALS},
    {"item", C_WORD, 0, W_ITEM},
    {"jan", C_MONTH, F_ABBR, 1},
    {"january", C_MONTH, 0, 1},
    {"jul", C_MONTH, F_ABBR, 7},
    {"july", C_MONTH, 0, 7},
    {"jun", C_MONTH, F_ABBR, 6},
    {"june", C_MONTH, 0, 6},
    {"just", C_WORD, 0, W_JUST},
    {"last", C_WORD, 0, W_LAST},
    {"late", C_WORD, 0, W_LATE},
    {"later", C_WORD, 0, W_LATER},
    {"least", C_WORD, 0, W_LEAST},
    {"less", C_WORD, 0, W_LESS},
    {"life", C_WORD, 0, W_LIFE},
    {"living", C_WORD, 0, W_LIVING},
    {"longer", C_WORD, 0, W_LONGER},
    {"many", C_WORD, 0, W_MANY},
    {"mar", C_MONTH, F_ABBR, 3},
    {"march", C_MONTH, 0, 3},
    {"maximum", C_WORD, 0, W_MAXIMUM},
    {"may", C_MONTH, 0, 5},
    {"measure", C_WORD, 0, W_MEASURE},
    {"mid", C_WORD, 0, W_MID},
    {"midday", C_WORD, 0, W_MIDDAY},
    {"middle", C_WORD, 0, W_MIDDLE},
    {"midnight", C_WORD, 0, W_MIDNIGHT},
    {"minimum", C_WORD, 0, W_MINIMUM},
    {"mins", C_UNIT, F_PLURAL, 'I'},
    {"minute", C_UNIT, 0, 'I'},
    {"minutes", C_UNIT, F_PLURAL, 'I'},
    {"monday", C_WEEKDAY, 0, 1},
    {"month", C_UNIT, 0, 'M'},
    {"monthly", C_SETWORD, 0, 1 * 256 + 'M'},
    {"months", C_UNIT, F_PLURAL, 'M'},
    {"more", C_WORD, 0, W_MORE},
    {"morning", C_WORD, 0, W_MORNING},
    {"most", C_WORD, 0, W_MOST},
    {"nd", C_ORDINAL, 0, 0},
    {"nearly", C_WORD, 0, W_NEARLY},
    {"next", C_WORD, 0, W_NEXT},
    {"night", C_WORD, 0, W_NIGHT},
    {"nine", C_NUMBER, 0, 9},
    {"nineteen", C_NUMBER, 0, 19},
    {"ninety", C_NUMBER, 0, 90},
    {"no", C_WORD, 0, W_NO},
    {"noon", C_WORD, 0, W_NOON},
    {"not", C_WORD, 0, W_NOT},
    {"nov", C_MONTH, F_ABBR, 11},
    {"november", C_MONTH, 0, 11},
    {"number", C_WORD, 0, W_NUMBER},
    {"oct", C_MONTH, F_ABBR, 10},
    {"october", C_MONTH, 0, 10},
    {"of", C_WORD, 0, W_OF},
    {"old", C_WORD, 0, W_OLD},
    {"on", C_WORD, 0, W_ON},
    {"once", C_WORD, 0, W_ONCE},
    {"one", C_NUMBER, 0, 1},
    {"or", C_WORD, 0, W_OR},
    {"order", C_WORD, 0, W_ORDER},
    {"other", C_WORD, 0, W_OTHER},
    {"over", C_WORD, 0, W_OVER},
    {"page", C_WORD, 0, W_PAGE},
    {"pages", C_WORD, 0, W_PAGES},
    {"para", C_WORD, 0, W_PARA},
    {"paragraph", C_WORD, 0, W_PARAGRAPH},
    {"paragraphs", C_WORD, 0, W_PARAGRAPHS},
    {"paras", C_WORD, 0, W_PARAS},
    {"part", C_WORD, 0, W_PART},
    {"per", C_WORD, 0, W_PER},
    {"period", C_WORD, 0, W_PERIOD},
    {"phone", C_WORD, 0, W_PHONE},
    {"plan", C_WORD, 0, W_PLAN},
    {"pm", C_WORD, 0, W_PM},
    {"point", C_WORD, 0, W_POINT},
    {"policy", C_WORD, 0, W_POLICY},
    {"preceding", C_WORD, 0, W_PRECEDING},
    {"previous", C_WORD, 0, W_PREVIOUS},
    {"q", C_WORD, 0, W_Q},
    {"quarter", C_WORD, 0, W_QUARTER},
    {"quarterly", C_SETWORD, 0, 3 * 256 + 'M'},
    {"rd", C_ORDINAL, 0, 0},
    {"reg", C_WORD, 0, W_REG},
    {"regs", C_WORD, 0, W_REGS},
    {"regulation", C_WORD, 0, W_REGULATION},
    {"regulations", C_WORD, 0, W_REGULATIONS},
    {"roughly", C_WORD, 0, W_ROUGHLY},
    {"rule", C_WORD, 0, W_RULE},
    {"rules", C_WORD, 0, W_RULES},
    {"s", C_WORD, 0, W_S},
    {"same", C_WORD, 0, W_SAME},
    {"saturday", C_WEEKDAY, 0, 6},
    {"schedule", C_WORD, 0, W_SCHEDULE},
    {"school", C_WORD, 0, W_SCHOOL},
    {"second", C_UNIT, 0, 'S'},
    {"seconds", C_UNIT, F_PLURAL, 'S'},
    {"section", C_WORD, 0, W_SECTION},
    {"sections", C_WORD, 0, W_SECTIONS},
    {"sep", C_MONTH, F_ABBR, 9},
    {"sept", C_MONTH, F_ABBR, 9},
    {"september", C_MONTH, 0, 9},
    {"service", C_WORD, 0, W_SERVICE},
    {"services", C_WORD, 0, W_SERVICES},
    {"seven", C_NUMBER, 0, 7},
    {"seventeen", C_NUMBER, 0, 17},
    {"seventy", C_NUMBER, 0, 70},
    {"several", C_WORD, 0, W_SEVERAL},
    {"since", C_WORD, 0, W_SINCE},
    {"six", C_NUMBER, 0, 6},
    {"sixteen", C_NUMBER, 0, 16},
    {"sixty", C_NUMBER, 0, 60},
    {"some", C_WORD, 0, W_SOME},
    {"spring", C_SEASON, 0, 1},
    {"st", C_ORDINAL, 0, 0},
    {"stage", C_WORD, 0, W_STAGE},
    {"standards", C_WORD, 0, W_STANDARDS},
    {"start", C_WORD, 0, W_START},
    {"statutory", C_WORD, 0, W_STATUTORY},
    {"summer", C_SEASON, 0, 2},
    {"sunday", C_WEEKDAY, 0, 7},
    {"tel", C_WORD, 0, W_TEL},
    {"telephone", C_WORD, 0, W_TELEPHONE},
    {"ten", C_NUMBER, 0, 10},
    {"th", C_ORDINAL, 0, 0},
    {"than", C_WORD, 0, W_THAN},
    {"that", C_WORD, 0, W_THAT},
    {"the", C_WORD, 0, W_THE},
    {"third", C_WORD, 0, W_THIRD},
    {"thirteen", C_NUMBER, 0, 13},
    {"thirty", C_NUMBER, 0, 30},
    {"this", C_WORD, 0, W_THIS},
    {"three", C_NUMBER, 0, 3},
    {"through", C_WORD, 0, W_THROUGH},
    {"throughout", C_WORD, 0, W_THROUGHOUT},
    {"thursday", C_WEEKDAY, 0, 4},
    {"till", C_WORD, 0, W_TILL},
    {"times", C_WORD, 0, W_TIMES},
    {"to", C_WORD, 0, W_TO},
    {"trip", C_WORD, 0, W_TRIP},
    {"tuesday", C_WEEKDAY, 0, 2},
    {"twelve", C_NUMBER, 0, 12},
    {"twenty", C_NUMBER, 0, 20},
    {"twice", C_WORD, 0, W_TWICE},
    {"two", C_NUMBER, 0, 2},
    {"under", C_WORD, 0, W_UNDER},
    {"until", C_WORD, 0, W_UNTIL},
    {"up", C_WORD, 0, W_UP},
    {"v", C_WORD, 0, W_V},
    {"w", C_WORD, 0, W_W},
    {"wednesday", C_WEEKDAY, 0, 3},
    {"week", C_UNIT, 0, 'W'},
    {"weekend", C_WORD, 0, W_WEEKEND},
    {"weekly", C_SETWORD, 0, 1 * 256 + 'W'},
    {"weeks", C_UNIT, F_PLURAL, 'W'},
    {"well", C_WORD, 0, W_WELL},
    {"winter", C_SEASON, 0, 4},
    {"within", C_WORD, 0, W_WITHIN},
    {"working", C_WORD, 0, W_WORKING},
    {"year", C_UNIT, 0, 'Y'},
    {"yearly", C_SETWORD, 0, 1 * 256 + 'Y'},
    {"years", C_UNIT, F_PLURAL, 'Y'},
    {"yrs", C_UNIT, F_PLURAL, 'Y'},
};

enum { T_WORD, T_NUM, T_PUNCT };

typedef struct tok {
    uint32_t b, e;       /* bytes [b, e): the text is under 2 GiB */
    unsigned char kind;  /* T_* */
    unsigned char cls;   /* C_* for a keyword, else C_NONE */
    unsigned char flags; /* F_* of the keyword */
    unsigned char cap;   /* a word starting with A-Z */
    unsigned char sp;    /* white space before it */
    unsigned char nl;    /* a line break before it */
    unsigned char ndig;  /* T_NUM: digits */
    int val;             /* T_NUM: value (capped); T_PUNCT: code point;
                            keyword: its table value */
    unsigned short on;   /* starts(): the matchers it may start */
} tok;

/* Open addressing over the keyword table, built for each scan (no
 * global state): slot -> index + 1, 0 when empty. */
enum { KEYWORD_SLOTS = 1024 };

/*
 * The tokens are a window on the text: the matchers look at most
 * LOOKBACK tokens behind and LOOKAHEAD ahead of where they start, so the
 * window is refilled, keeping LOOKBACK tokens, whenever fewer than
 * LOOKAHEAD remain.  Memory stays the same whatever the text's length.
 */
enum { LOOKBACK = 8, LOOKAHEAD = 64, WINDOW = 4096 };

typedef struct match {
    size_t end; /* one past the last token; the span starts at the scan */
    cc_raw r;
} match;

typedef struct scan {
    const char *s;
    size_t len;
    size_t pos; /* the next byte to tokenise */
    int sp, nl; /* white space, a line break, before pos */
    tok t[WINDOW];
    size_t nt;
    short slots[KEYWORD_SLOTS];
    unsigned char slot_len[KEYWORD_SLOTS]; /* the length of its keyword */
    match blank;                           /* what match_init() copies */
    /* bit k: matchers[k] may start at a token whose starts() is the
     * index; worked out the first time a scan meets it */
    uint32_t plan[512];
    unsigned char planned[512];
    /* starts() of each keyword, worked out once a scan, not per token */
    unsigned short kw_on[sizeof keywords / sizeof *keywords];
} scan;

/* Numbers longer than this are not times: the value saturates. */
enum { NUM_MAX = 99999999 };

/*
 * The slot a word hashes to, from its length and its first two and last
 * two bytes, A-Z as a-z: no loop over the word, which the tokeniser has
 * just read.  (c | 0x20 is the same for bytes that differ only in the
 * case of a letter, which is all the lookup needs: it compares the whole
 * word.)
 */
static uint32_t
keyword_hash(const char *w, size_t n)
{
    const unsigned char *u = (const unsigned char *)w;
    uint32_t h;

    if (n == 0)
        return 0;
    h = (uint32_t)(u[0] | 0x20) | (uint32_t)(u[n > 1] | 0x20) << 8 |
        (uint32_t)(u[n - 1] | 0x20) << 16 |
        (uint32_t)(u[n > 2 ? n - 2 : 0] | 0x20) << 24;
    return (h ^ (uint32_t)n * 0x9E3779B9u) * 2654435761u >> 22;
}

/* Which matchers may start at a token: most tokens start none. */
enum {
    S_NUM = 1,     /* a number */
    S_MONTH = 2,   /* a month or weekday name */
    S_MOD = 4,     /* early, late, mid, end, ... */
    S_THE = 8,     /* the */
    S_SET = 16,    /* weekly, every, once, ... */
    S_DUR = 32,    /* a number word, a, several, over, ... */
    S_SEASON = 64, /* spring, summer, Easter, ... */
    S_TIME = 128,  /* about, noon, ... */
    S_PART = 256   /* first, last, Q, week, w, ... */
};

static unsigned starts(const tok *t);

static void
keywords_index(scan *sc)
{
    memset(sc->slots, 0, sizeof sc->slots);
    for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++) {
        const char *w = keywords[k].word;
        uint32_t h = keyword_hash(w, strlen(w)) % KEYWORD_SLOTS;
        while (sc->slots[h])
            h = (h + 1) % KEYWORD_SLOTS;
        sc->slots[h] = (short)(k + 1);
        sc->slot_len[h] = (unsigned char)strlen(w);
        for (const char *c = w; *c; c++)
            assert(*c >= 'a' && *c <= 'z'); /* classify_word() needs it */
    }
    for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++) {
        tok t;
        memset(&t, 0, sizeof t);
        t.kind = T_WORD;
        t.cls = keywords[k].cls;
        t.flags = keywords[k].flags;
        t.val = keywords[k].val;
        sc->kw_on[k] = (unsigned short)starts(&t);
    }
}

/* Looks the word up; `h` is keyword_hash() of its bytes. */
static inline void
classify_word(tok *t, const scan *sc, uint32_t h)
{
    const char *w = sc->s + t->b;
    size_t n = t->e - t->b;

    if (n > 14)
        return; /* longer than any keyword */
    h %= KEYWORD_SLOTS;
    while (sc->slots[h]) {
        const struct keyword *k = &keywords[sc->slots[h] - 1];
        size_t i = 0;
        /* The keywords are lower-case ASCII letters: c | 0x20 equals one
         * exactly when c is that letter in either case. */
        if (sc->slot_len[h] == n)
            while (i < n &&
                   ((unsigned char)w[i] | 0x20) == (unsigned char)k->word[i])
                i++;
        if (sc->slot_len[h] == n && i == n) {
            t->cls = k->cls;
            t->on = sc->kw_on[sc->slots[h] - 1];
            t->flags = k->flags;
            t->val = k->val;
            return;
        }
        h = (h + 1) % KEYWORD_SLOTS;
    }
}

/* 1 for A-Z and a-z. */
static const unsigned char ascii_alpha[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/*
 * The end of the run of ASCII letters from s[i]: eight bytes at a time
 * where they fit, the first byte that is not a letter found from a mask
 * rather than by a branch per byte (a word's end is where a byte loop
 * guesses wrong).
 */
static size_t
letters_end(const char *s, size_t i, size_t len)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ &&    \
    (defined(__GNUC__) || defined(__clang__))
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    while (i + 8 <= len) {
        uint64_t w, y, lo, hi, letters;
        memcpy(&w, s + i, 8);
        y = (w | 0x20 * ones) & ~high;    /* lower case, high bit apart */
        lo = y + (0x80 - 'a') * ones;     /* high bit: at least 'a' */
        hi = y + (0x80 - 'z' - 1) * ones; /* high bit: past 'z' */
        letters = lo & ~hi & ~w & high;   /* and not above 0x7F */
        if (letters != high)
            return i + (size_t)__builtin_ctzll(~letters & high) / 8;
        i += 8;
    }
#endif
    while (i < len && ascii_alpha[(unsigned char)s[i]])
        i++;
    return i;
}

static int
ascii_letter(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/*
 * What one code point at s[*i] is: 0 white space, 1 a letter, 2 anything
 * else.  Advances *i past it; *line_break is set for CR and LF.
 */
static int
char_class(const char *s, size_t len, size_t *i, UChar32 *cp, int *line_break)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        *cp = c;
        if (c == '\n' || c == '\r')
            *line_break = 1;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
            c == '\v')
            return 0;
        return ascii_letter(c) ? 1 : 2;
    }
    int32_t k = (int32_t)*i;
    UChar32 u;
    U8_NEXT(s, k, (int32_t)len, u);
    *i = (size_t)k;
    *cp = u;
    if (u < 0)
        return 2; /* cannot happen: the text was validated */
    if (u_isUWhiteSpace(u) || u == 0x00A0 || u == 0x202F || u == 0x2007)
        return 0;
    if (u_isalpha(u))
        return 1;
    return 2;
}

/* Where a word's letters end from i, ASCII or not (char_class 1). */
static size_t
word_end(const char *s, size_t i, size_t len)
{
    while (i < len) {
        size_t k = i;
        UChar32 c;
        int lb = 0;
        if (ascii_letter((unsigned char)s[i])) {
            i++;
            continue;
        }
        if ((unsigned char)s[i] < 0x80 || char_class(s, len, &k, &c, &lb) != 1)
            break;
        i = k;
    }
    return i;
}

static void
tokenise(scan *sc)
{
    const char *s = sc->s;
    size_t len = sc->len;
    size_t i = sc->pos;
    int sp = sc->sp, nl = sc->nl;

    while (i < len && sc->nt < WINDOW) {
        size_t b = i;
        UChar32 cp;
        int lb = 0;
        int cls;
        tok t;
        unsigned char c0 = (unsigned char)s[i];

        /* The common cases first, without a call. */
        if (c0 == ' ') {
            sp = 1;
            i++;
            continue;
        }
        if (c0 == '\n') {
            sp = nl = 1;
            i++;
            continue;
        }
        if (ascii_letter(c0)) {
            /* A word of ASCII letters, the common case: no call per
             * letter. */
            size_t j = letters_end(s, i + 1, len);
            if (j < len && (unsigned char)s[j] >= 0x80)
                j = word_end(s, j, len); /* letters beyond ASCII */
            i = j;
            memset(&t, 0, sizeof t);
            t.kind = T_WORD;
            t.cap = c0 >= 'A' && c0 <= 'Z';
            t.b = (uint32_t)b;
            t.e = (uint32_t)i;
            t.sp = (unsigned char)sp;
            t.nl = (unsigned char)nl;
            classify_word(&t, sc, keyword_hash(s + b, i - b));
            sp = nl = 0;
            sc->t[sc->nt++] = t;
            continue;
        }
        if (c0 >= '0' && c0 <= '9') {
            long v = 0;
            unsigned nd = 0;
            while (i < len && s[i] >= '0' && s[i] <= '9') {
                if (v <= NUM_MAX)
                    v = v * 10 + (s[i] - '0');
                nd++;
                i++;
            }
            memset(&t, 0, sizeof t);
            t.kind = T_NUM;
            t.on = S_NUM;
            t.val = v > NUM_MAX ? NUM_MAX + 1 : (int)v;
            t.ndig = (unsigned char)(nd > 255 ? 255 : nd);
        } else {
            cls = char_class(s, len, &i, &cp, &lb);
            if (cls == 0) {
                sp = 1;
                nl |= lb;
                continue;
            }
            memset(&t, 0, sizeof t);
            if (cls == 1) {
                i = word_end(s, i, len);
                t.kind = T_WORD;
                t.cap = s[b] >= 'A' && s[b] <= 'Z';
            } else {
                t.kind = T_PUNCT;
                t.val = cp;
            }
        }
        t.b = (uint32_t)b;
        t.e = (uint32_t)i;
        t.sp = (unsigned char)sp;
        t.nl = (unsigned char)nl;
        if (t.kind == T_WORD)
            classify_word(&t, sc, keyword_hash(s + t.b, t.e - t.b));
        sp = nl = 0;
        sc->t[sc->nt++] = t;
    }
    sc->pos = i;
    sc->sp = sp;
    sc->nl = nl;
}

/* ---- Token tests ---- */

static const tok *
at(const scan *sc, size_t i)
{
    static const tok none = {0, 0, 0xFF, C_NONE, 0, 0, 1, 1, 0, 0, 0};
    return i < sc->nt ? &sc->t[i] : &none;
}

static int
is_word(const scan *sc, size_t i, int w)
{
    const tok *t = at(sc, i);
    return t->cls == C_WORD && t->val == w;
}

static int
is_punct(const scan *sc, size_t i, int cp)
{
    const tok *t = at(sc, i);
    return t->kind == T_PUNCT && t->val == cp;
}

static int
is_dash_cp(int cp)
{
    return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013 ||
           cp == 0x2014 || cp == 0x2212;
}

static int
is_dash(const scan *sc, size_t i)
{
    const tok *t = at(sc, i);
    return t->kind == T_PUNCT && is_dash_cp(t->val);
}

/* Token i touches token i - 1: no white space between them. */
static int
glued(const scan *sc, size_t i)
{
    return i > 0 && i < sc->nt && !sc->t[i].sp;
}

/* The word's bytes equal `w` (ASCII, case-insensitive). */
static int
word_is(const scan *sc, size_t i, const char *w)
{
    const tok *t = at(sc, i);
    size_t n = strlen(w);
    if (t->kind != T_WORD || t->e - t->b != n)
        return 0;
    for (size_t k = 0; k < n; k++)
        if ((sc->s[t->b + k] | 0x20) != w[k])
            return 0;
    return 1;
}

static int
is_close_quote(int cp)
{
    return cp == 0x2019 || cp == 0x201D || cp == '\'' || cp == '"';
}

/* Token i begins a sentence: the text's start, a line, or after . ? ! : */
static int
sentence_initial(const scan *sc, size_t i)
{
    if (i == 0 || sc->t[i].nl)
        return 1;
    const tok *p = &sc->t[i - 1];
    return p->kind == T_PUNCT &&
           (p->val == '.' || p->val == '?' || p->val == '!' || p->val == ':');
}

/* Words before a number that make it a label, not a time. */
static int
label_word(const scan *sc, size_t i)
{
    const tok *t = at(sc, i);
    if (t->cls != C_WORD)
        return word_is(sc, i, "pt") || word_is(sc, i, "art") ||
               word_is(sc, i, "cl") || word_is(sc, i, "sch") ||
               word_is(sc, i, "ss");
    switch (t->val) {
    case W_SECTION:
    case W_SECTIONS:
    case W_PARAGRAPH:
    case W_PARAGRAPHS:
    case W_PARA:
    case W_PARAS:
    case W_PAGE:
    case W_PAGES:
    case W_STAGE:
    case W_SCHEDULE:
    case W_PART:
    case W_CHAPTER:
    case W_ARTICLE:
    case W_CLAUSE:
    case W_ANNEX:
    case W_APPENDIX:
    case W_NUMBER:
    case W_NO:
    case W_ITEM:
    case W_POINT:
    case W_REG:
    case W_REGS:
    case W_REGULATION:
    case W_REGULATIONS:
    case W_RULE:
    case W_RULES:
    case W_TEL:
    case W_TELEPHONE:
    case W_PHONE:
        return 1;
    case W_S:
        /* "s 26", but not the possessive in "the plan's 56 days" */
        return !(glued(sc, i) && at(sc, i - 1)->kind == T_PUNCT &&
                 (at(sc, i - 1)->val == '\'' || at(sc, i - 1)->val == 0x2019));
    default:
        return 0;
    }
}

/* A number at i is money, a label, or part of a longer number. */
static int
number_in_other_use(const scan *sc, size_t i)
{
    if (i == 0)
        return 0;
    const tok *p = &sc->t[i - 1];
    if (p->kind == T_PUNCT &&
        (p->val == 0xA3 || p->val == '$' || p->val == 0x20AC || p->val == '#' ||
         p->val == '+'))
        return 1;
    if (p->kind == T_PUNCT && !sc->t[i].sp &&
        (p->val == '.' || p->val == ',' || p->val == '/' || p->val == ':') &&
        i >= 2 && sc->t[i - 2].kind == T_NUM && !p->sp)
        return 1;
    if (p->kind == T_PUNCT && p->val == '.' && i >= 2 &&
        (word_is(sc, i - 2, "no") || word_is(sc, i - 2, "s") ||
         label_word(sc, i - 2)))
        return 1;
    if (p->kind == T_WORD && !sc->t[i].sp && !p->cap)
        return 1; /* "s26", "para4" */
    return label_word(sc, i - 1);
}

/* ---- Parts of dates ---- */

/* "22", "22nd", "3rd": returns the end, or i when none. */
static size_t
p_day(const scan *sc, size_t i, int *day)
{
    const tok *t = at(sc, i);
    if (t->kind != T_NUM || t->ndig > 2 || t->val < 1 || t->val > 31)
        return i;
    *day = t->val;
    if (at(sc, i + 1)->cls == C_ORDINAL && glued(sc, i + 1))
        return i + 2;
    if (at(sc, i + 1)->kind == T_WORD && glued(sc, i + 1))
        return i; /* "24A" */
    return i + 1;
}

static size_t
p_year(const scan *sc, size_t i, int *year)
{
    const tok *t = at(sc, i);
    if (t->kind != T_NUM || t->ndig != 4 || t->val < 1000 || t->val > 2999)
        return i;
    if (at(sc, i + 1)->kind == T_WORD && glued(sc, i + 1))
        return i; /* "2019s", "1974A" */
    if (at(sc, i + 1)->kind == T_NUM && !glued(sc, i + 1) &&
        at(sc, i + 1)->ndig >= 3)
        return i; /* a number group */
    *year = t->val;
    return i + 1;
}

/* A month name (abbreviated: "Mar", "Sept.") */
static size_t
p_month(const scan *sc, size_t i, int *month, int *abbr)
{
    const tok *t = at(sc, i);
    if (t->cls != C_MONTH)
        return i;
    *month = t->val;
    *abbr = (t->flags & F_ABBR) != 0;
    if (*abbr && is_punct(sc, i + 1, '.') && glued(sc, i + 1) &&
        at(sc, i + 2)->kind == T_NUM)
        return i + 2;
    return i + 1;
}

/* "2019", ", 2019" after a day and month. */
static size_t
p_trailing_year(const scan *sc, size_t i, int *year)
{
    size_t e;
    if (is_punct(sc, i, ',')) {
        e = p_year(sc, i + 1, year);
        return e > i + 1 ? e : i;
    }
    if (is_word(sc, i, W_OF)) {
        e = p_year(sc, i + 1, year);
        return e > i + 1 ? e : i;
    }
    /* "March '21", "4 June ’22": 20YY */
    if ((is_punct(sc, i, '\'') || is_punct(sc, i, 0x2019)) && at(sc, i)->sp &&
        at(sc, i + 1)->kind == T_NUM && at(sc, i + 1)->ndig == 2 &&
        glued(sc, i + 1) &&
        !(at(sc, i + 2)->kind != T_PUNCT && glued(sc, i + 2))) {
        *year = 2000 + at(sc, i + 1)->val;
        return i + 2;
    }
    return p_year(sc, i, year);
}

/* Words after which a bare month name is a month: "in March". */
static int
month_context(const scan *sc, size_t i, int month)
{
    if (i == 0)
        return 0;
    const tok *p = &sc->t[i - 1];
    if (p->kind == T_PUNCT && is_dash_cp(p->val) && glued(sc, i) &&
        is_word(sc, i - 2, W_MID))
        return 1;
    if (p->kind == T_PUNCT && p->val == ',' && i >= 2 &&
        sc->t[i - 2].cls == C_MONTH)
        return 1; /* "in September, October and December" */
    if (p->cls != C_WORD)
        return 0;
    switch (p->val) {
    case W_IN:
    case W_OF:
    case W_FOR:
    case W_SINCE:
    case W_UNTIL:
    case W_TILL:
    case W_BY:
    case W_FROM:
    case W_DURING:
    case W_BEFORE:
    case W_AFTER:
    case W_BETWEEN:
    case W_EARLY:
    case W_LATE:
    case W_MID:
    case W_THROUGHOUT:
    case W_THROUGH:
    case W_LAST:
    case W_THIS:
    case W_THAT:
        return 1;
    case W_AND:
    case W_TO:
    case W_OR:
        /* "and May" may be a name, but not after a month: "between
         * February and May", "from March to May" */
        return month != 5 || (i >= 2 && sc->t[i - 2].cls == C_MONTH);
    default:
        return 0;
    }
}

static int
connector(const scan *sc, size_t i)
{
    return is_word(sc, i, W_AND) || is_word(sc, i, W_TO) ||
           is_word(sc, i, W_UNTIL) || is_word(sc, i, W_TILL) ||
           is_word(sc, i, W_OR) || is_word(sc, i, W_THROUGH) || is_dash(sc, i);
}

/*
 * A match is made ready for each matcher tried at a token: a copy of the
 * scan's blank one (all zero but the time), which compilers write as a
 * few wide moves, where memset of the same bytes, or a copy of a constant
 * they can see, became a slow string instruction.
 */
static void
match_init(const scan *sc, match *m, size_t i)
{
    *m = sc->blank;
    m->end = i;
}

static size_t calendar_date(const scan *sc, size_t i, cc_raw *r, int ranged);

/*
 * After a date missing its year (or month) at [.., i): "22 November and
 * 15 December 2016", "April and May 2019" take them from the other end.
 */
static void
complete_from_range(const scan *sc, size_t i, cc_raw *r)
{
    cc_raw o;
    if (!connector(sc, i))
        return;
    memset(&o, 0, sizeof o);
    if (calendar_date(sc, i + 1, &o, 0) == i + 1)
        return;
    if (o.year == 0) {
        /* "between February and May": the normaliser judges the two
         * months' year together */
        if (o.month && !o.weekday)
            r->to_month = o.month;
        return;
    }
    if (r->day && !o.day)
        return; /* "3 March to April 2019" */
    if (r->month == 0)
        r->month = o.month;
    if (r->month > o.month && o.month)
        r->year = o.year - 1; /* "December to January 2020" */
    else
        r->year = o.year;
    r->from_range = 1;
}

/*
 * Dates written with words: "22 March 2019", "Monday 3 June", "March 22,
 * 2019", "March 2019", "in March".  Returns the end, or i when none.
 * `ranged` allows "5" in "5 to 9 June 2019".
 */
static size_t
calendar_date(const scan *sc, size_t i, cc_raw *r, int ranged)
{
    size_t j = i, e, k;
    int wd = 0, d = 0, mo = 0, y = 0, abbr = 0;

    if (at(sc, i)->cls == C_WEEKDAY && at(sc, i)->cap) {
        wd = at(sc, i)->val;
        j = i + 1;
        if (is_punct(sc, j, ','))
            j++;
        if (is_word(sc, j, W_THE))
            j++;
    }
    /* Day first. */
    e = p_day(sc, j, &d);
    if (e > j && (wd || !number_in_other_use(sc, j))) {
        k = e;
        if (is_word(sc, k, W_OF))
            k++;
        size_t em = p_month(sc, k, &mo, &abbr);
        if (em > k) {
            size_t ey = p_trailing_year(sc, em, &y);
            if (!at(sc, k)->cap && ey == em)
                return i; /* "3 may be", "2 march" */
            if (d > cc_days_in_month(y ? y : 2000, mo))
                return i;
            r->weekday = wd;
            r->day = d;
            r->month = mo;
            r->year = ey > em ? y : 0;
            if (!r->year)
                complete_from_range(sc, em, r);
            return ey > em ? ey : em;
        }
        /* "5" in "5 to 9 June 2019" */
        if (ranged && !wd && connector(sc, e)) {
            cc_raw o;
            memset(&o, 0, sizeof o);
            if (calendar_date(sc, e + 1, &o, 0) > e + 1 && o.day && o.month &&
                !o.weekday && o.day > d) {
                r->day = d;
                r->month = o.month;
                r->year = o.year;
                r->from_range = 1;
                return e;
            }
        }
        if (wd)
            return i;
    }
    /* Month first. */
    e = p_month(sc, j, &mo, &abbr);
    if (e == j)
        return i;
    k = p_day(sc, e, &d);
    if (k > e && at(sc, j)->cap && !(is_punct(sc, k, ':') && glued(sc, k)) &&
        !(is_punct(sc, k, '.') && glued(sc, k) &&
          at(sc, k + 1)->kind == T_NUM)) {
        size_t ey = p_trailing_year(sc, k, &y);
        /* "March 22, 2019"; without a year only after a weekday or "on" */
        if (ey > k || wd || is_word(sc, i - 1, W_ON)) {
            if (d > cc_days_in_month(y ? y : 2000, mo))
                return i;
            r->weekday = wd;
            r->day = d;
            r->month = mo;
            r->year = ey > k ? y : 0;
            return ey > k ? ey : k;
        }
    }
    if (wd)
        return i;
    k = p_trailing_year(sc, e, &y);
    if (k > e) {
        r->month = mo;
        r->year = y;
        return k;
    }
    if (abbr || !at(sc, j)->cap || !month_context(sc, j, mo))
        return i;
    r->month = mo;
    complete_from_range(sc, e, r);
    return e;
}

static int
m_date(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    if (t->kind != T_NUM && t->cls != C_MONTH && t->cls != C_WEEKDAY)
        return 0;
    /* "'School transport guidance', July 2014" dates a document's title */
    if (is_punct(sc, i - 1, ',') && i >= 2 && sc->t[i - 2].kind == T_PUNCT &&
        is_close_quote(sc->t[i - 2].val))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->end = calendar_date(sc, i, &m->r, 1);
    return m->end > i;
}

/* "22/03/2019", "22.03.19", "22-03-2019", "2019-03-22" */
static int
m_numeric_date(const scan *sc, size_t i, match *m)
{
    const tok *a = at(sc, i), *b = at(sc, i + 2), *c = at(sc, i + 4);
    int sep, y, mo, d;

    if (a->kind != T_NUM || b->kind != T_NUM || c->kind != T_NUM ||
        at(sc, i + 1)->kind != T_PUNCT || !glued(sc, i + 1) ||
        !glued(sc, i + 2) || !glued(sc, i + 3) || !glued(sc, i + 4))
        return 0;
    sep = at(sc, i + 1)->val;
    if ((sep != '/' && sep != '.' && sep != '-') || !is_punct(sc, i + 3, sep))
        return 0;
    /* Part of something longer: "1.2.3.4", "s.2.3.4" */
    if ((at(sc, i + 5)->kind == T_PUNCT && glued(sc, i + 5) &&
         (at(sc, i + 5)->val == sep || at(sc, i + 5)->val == '/') &&
         at(sc, i + 6)->kind == T_NUM && glued(sc, i + 6)) ||
        (at(sc, i + 5)->kind != T_PUNCT && glued(sc, i + 5)) ||
        number_in_other_use(sc, i))
        return 0;
    if (a->ndig == 4 && sep == '-' && b->ndig == 2 && c->ndig == 2) {
        y = a->val;
        mo = b->val;
        d = c->val;
    } else if (a->ndig <= 2 && b->ndig <= 2 && (c->ndig == 4 || c->ndig == 2)) {
        d = a->val;
        mo = b->val;
        y = c->ndig == 4 ? c->val : (c->val < 70 ? 2000 : 1900) + c->val;
    } else {
        return 0;
    }
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > cc_days_in_month(y, mo))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.year = y;
    m->r.month = mo;
    m->r.day = d;
    m->end = i + 5;
    return 1;
}

/* Capitalised words that may stand before a year without naming a title. */
static int
year_lead_word(const scan *sc, size_t i)
{
    const tok *t = at(sc, i);
    if (t->cls == C_MONTH || t->cls == C_SEASON || t->cls == C_WEEKDAY)
        return 1;
    if (word_is(sc, i, "fy"))
        return 1; /* "FY 2021/22" */
    if (t->cls != C_WORD)
        return 0;
    switch (t->val) {
    case W_IN:
    case W_BY:
    case W_FROM:
    case W_SINCE:
    case W_UNTIL:
    case W_TILL:
    case W_DURING:
    case W_BEFORE:
    case W_AFTER:
    case W_BETWEEN:
    case W_AND:
    case W_TO:
    case W_OR:
    case W_EARLY:
    case W_LATE:
    case W_MID:
    case W_OF:
    case W_THE:
    case W_THIS:
    case W_THAT:
    case W_THROUGHOUT:
    case W_AROUND:
    case W_ABOUT:
    case W_CIRCA:
    case W_OVER:
    case W_WITHIN:
    case W_END:
    case W_START:
    case W_BEGINNING:
    case W_MIDDLE:
    case W_ON:
    case W_AT:
    case W_FOR:
        return 1;
    default:
        return 0;
    }
}

/* Words after a year that make it a title's: "the 2014 Act". */
static int
title_word(const scan *sc, size_t i)
{
    const tok *t = at(sc, i);
    if (!t->cap || t->cls != C_WORD)
        return 0;
    switch (t->val) {
    case W_ACT:
    case W_ACTS:
    case W_REGULATIONS:
    case W_REGS:
    case W_ORDER:
    case W_RULES:
    case W_CODE:
    case W_GUIDANCE:
    case W_BILL:
    case W_MEASURE:
    case W_DIRECTIONS:
    case W_STANDARDS:
    case W_STATUTORY:
    case W_FRAMEWORK:
        return 1;
    default:
        return 0;
    }
}

/* A year at i that names a document or is part of another number. */
static int
year_in_other_use(const scan *sc, size_t i)
{
    const tok *p = i > 0 ? &sc->t[i - 1] : NULL;
    if (number_in_other_use(sc, i))
        return 1;
    if (p && p->kind == T_NUM)
        return 1; /* "0161 234 2000" */
    if (at(sc, i + 1)->kind == T_NUM && !glued(sc, i + 1))
        return 1;
    if (p && p->kind == T_PUNCT && p->val == '[')
        return 1; /* "[1981] 1 WLR 1027" */
    if (p && p->kind == T_PUNCT && p->val == '(' && is_punct(sc, i + 1, ')'))
        return 1; /* "Code of Practice: 0 to 25 years (2015)" */
    if (title_word(sc, i + 1))
        return 1;
    if (p && is_dash_cp(p->val) && p->kind == T_PUNCT && glued(sc, i) &&
        glued(sc, i - 1) && at(sc, i - 2)->kind == T_NUM &&
        at(sc, i - 2)->ndig == 4 && year_in_other_use(sc, i - 2))
        return 1; /* "Local Plan 2011-2031" */
    if (p && p->kind == T_WORD && p->cap && !year_lead_word(sc, i - 1) &&
        !sentence_initial(sc, i - 1))
        return 1; /* "Children Act 1989", "Children 2018" */
    if (p && p->kind == T_PUNCT && p->val == '(' && i >= 2) {
        const tok *q = &sc->t[i - 2];
        if ((q->kind == T_WORD && q->cap && !year_lead_word(sc, i - 2)) ||
            (q->kind == T_PUNCT && is_close_quote(q->val)))
            return 1; /* "Working Together (2015)" */
    }
    if (p && p->kind == T_PUNCT && p->val == ',' && i >= 2 &&
        sc->t[i - 2].kind == T_PUNCT && is_close_quote(sc->t[i - 2].val))
        return 1; /* "'School Transport Issues', 2017" */
    return 0;
}

/* The second year of "2023/24", "2014/5", "2013-14", "2019/2020": a
 * mention of its own (the range rule of docs/annotation.md). */
static int
m_short_year(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    int y, end;
    if (t->kind != T_NUM || (t->ndig > 2 && t->ndig != 4) || i < 2 ||
        !glued(sc, i) || !glued(sc, i - 1) || at(sc, i - 1)->kind != T_PUNCT ||
        (at(sc, i - 1)->val != '/' && !is_dash_cp(at(sc, i - 1)->val)) ||
        p_year(sc, i - 2, &y) == i - 2)
        return 0;
    if (t->ndig == 4) {
        if (at(sc, i - 1)->val != '/')
            return 0; /* "2013-2016": m_year takes the second */
        end = t->val; /* "2019/2020" */
    } else {
        end = y - y % (t->ndig == 2 ? 100 : 10) + t->val;
    }
    if (end != y + 1 || (glued(sc, i + 1) && at(sc, i + 1)->kind != T_PUNCT))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.year = end;
    m->end = i + 1;
    return 1;
}

/* "2017"; in "2023/24", "2014/5", "2013-14" the first year */
static int
m_year(const scan *sc, size_t i, match *m)
{
    int y;
    size_t e = p_year(sc, i, &y);
    if (e == i || y < 1900 || y > 2099 || year_in_other_use(sc, i))
        return 0;
    if (i > 0 && sc->t[i - 1].cls == C_MONTH)
        return 0; /* the month and year were judged together */
    if (at(sc, e)->kind == T_PUNCT && glued(sc, e) &&
        (at(sc, e)->val == '/' || is_dash_cp(at(sc, e)->val)) &&
        at(sc, e + 1)->kind == T_NUM && glued(sc, e + 1) &&
        at(sc, e + 1)->ndig > 2) {
        const tok *n = at(sc, e + 1);
        if (n->ndig != 4 ||
            (at(sc, e)->val == '/' ? n->val != y + 1
                                   : n->val <= y || n->val > y + 50))
            return 0; /* "SI 2006/1738", "FOI 2019-1234" */
    }
    m->r.type = CC_MENTION_DATE;
    m->r.year = y;
    m->end = e;
    return 1;
}

/* Which year "2021/22" at [i, e) is, from the words around it: 'F', 'T',
 * 'A', or 'U' when they do not say. */
static char
year_pair_kind(const scan *sc, size_t i, size_t e)
{
    /* After it: "the 2021-22 school year", "2021/22 council tax". */
    if (word_is(sc, e, "council") && word_is(sc, e + 1, "tax"))
        return 'F';
    if ((word_is(sc, e, "financial") || word_is(sc, e, "business")) &&
        (word_is(sc, e + 1, "year") || word_is(sc, e + 1, "rates")))
        return 'F';
    if (word_is(sc, e, "tax") && word_is(sc, e + 1, "year"))
        return 'T';
    if ((word_is(sc, e, "school") || word_is(sc, e, "academic")) &&
        word_is(sc, e + 1, "year"))
        return 'A';
    /* Just before it: "FY 2021/22", "financial year 2021/22". */
    if (i >= 1 && word_is(sc, i - 1, "fy"))
        return 'F';
    if (i >= 2 && word_is(sc, i - 1, "year")) {
        if (word_is(sc, i - 2, "financial"))
            return 'F';
        if (word_is(sc, i - 2, "tax"))
            return 'T';
        if (word_is(sc, i - 2, "school") || word_is(sc, i - 2, "academic"))
            return 'A';
    }
    /* Council tax and business rates are charged for financial years
     * (Local Government Finance Act 1992, s.1 and s.69; 1988, s.43):
     * "council tax for 2021/22", "her council tax account for 2021/22". */
    for (size_t k = 2; k <= LOOKBACK && k <= i; k++) {
        const tok *t = &sc->t[i - k];
        if (t->kind == T_PUNCT && (t->val == '.' || t->val == ';'))
            break;
        if ((word_is(sc, i - k, "council") && word_is(sc, i - k + 1, "tax")) ||
            (word_is(sc, i - k, "business") && word_is(sc, i - k + 1, "rates")))
            return 'F';
    }
    return 'U';
}

/*
 * "2021/22", "2021-22", "2019/2020": a financial, tax or school year, one
 * interval from the first year into the next (docs/annotation.md,
 * "Financial and school years").  "2021-2022" is a range of two years
 * unless the words around it name such a year.
 */
static int
m_year_pair(const scan *sc, size_t i, match *m)
{
    match first;
    const tok *n;
    int y, end, sep;
    size_t e = i + 1;

    match_init(sc, &first, i);
    if (!m_year(sc, i, &first) || first.end != e)
        return 0;
    y = first.r.year;
    n = at(sc, e + 1);
    if (at(sc, e)->kind != T_PUNCT || !glued(sc, e) || n->kind != T_NUM ||
        !glued(sc, e + 1))
        return 0;
    sep = at(sc, e)->val;
    if (sep != '/' && !is_dash_cp(sep))
        return 0;
    if (n->ndig == 4)
        end = n->val;
    else if (n->ndig <= 2)
        end = y - y % (n->ndig == 2 ? 100 : 10) + n->val;
    else
        return 0;
    if (end != y + 1 || (glued(sc, e + 2) && at(sc, e + 2)->kind != T_PUNCT) ||
        (glued(sc, e + 2) && glued(sc, e + 3) && at(sc, e + 3)->kind == T_NUM))
        return 0; /* "2021/22A", "2021/22/23" */
    m->r.year_of = year_pair_kind(sc, i, e + 2);
    if (n->ndig == 4 && sep != '/' && m->r.year_of == 'U')
        return 0; /* "2013-2014": two years, as "2013-2016" is */
    /* Not knowing which year it is, the reader knows only that it is one
     * of them: the days from the first's start to the last's end. */
    if (m->r.year_of == 'U')
        m->r.mod = "APPROX";
    m->r.type = CC_MENTION_DATE;
    m->r.year = y;
    m->end = e + 2;
    return 1;
}

/* "the 1990s", "1990s" */
static int
m_decade(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    if (t->kind != T_NUM || t->ndig != 4 || t->val % 10 != 0 || t->val < 1900 ||
        t->val > 2090 || !word_is(sc, i + 1, "s") || !glued(sc, i + 1))
        return 0;
    if (number_in_other_use(sc, i))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.decade = t->val / 10;
    m->end = i + 2;
    return 1;
}

/* Words before a season with no year that make it a time: "the summer". */
static int
season_context(const scan *sc, size_t i)
{
    if (i == 0 || sc->t[i - 1].cls != C_WORD)
        return 0;
    switch (sc->t[i - 1].val) {
    case W_THE:
    case W_IN:
    case W_DURING:
    case W_LAST:
    case W_THIS:
    case W_THAT:
    case W_EARLY:
    case W_LATE:
    case W_MID:
    case W_OVER:
    case W_BY:
    case W_UNTIL:
    case W_SINCE:
    case W_FROM:
    case W_OF:
    case W_THROUGHOUT:
        return 1;
    default:
        return 0;
    }
}

/* "summer 2019", "summer of 2019", "the summer" */
static int
m_season(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    int y = 0;
    size_t e;
    if (t->cls != C_SEASON)
        return 0;
    /* "the autumn term", "the spring half term": a school term's name */
    if (word_is(sc, i + 1, "term") || word_is(sc, i + 1, "terms") ||
        (is_word(sc, i + 1, W_HALF) &&
         (word_is(sc, i + 2, "term") ||
          (is_dash(sc, i + 2) && word_is(sc, i + 3, "term")))))
        return 0;
    e = p_trailing_year(sc, i + 1, &y);
    if (e == i + 1 && !season_context(sc, i))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.season = t->val;
    m->r.year = y;
    m->end = e;
    return 1;
}

/* "Easter 2019", "after the Easter holidays": Easter Sunday, give or take
 * the holiday around it */
static int
m_easter(const scan *sc, size_t i, match *m)
{
    int y = 0;
    size_t e;
    if (!is_word(sc, i, W_EASTER) || !at(sc, i)->cap)
        return 0;
    e = p_trailing_year(sc, i + 1, &y);
    if (e == i + 1 &&
        ((!season_context(sc, i) && !is_word(sc, i - 1, W_AT) &&
          !is_word(sc, i - 1, W_AFTER) && !is_word(sc, i - 1, W_BEFORE)) ||
         (at(sc, i + 1)->kind == T_WORD && at(sc, i + 1)->cap)))
        return 0; /* not "Easter Road"; "Easter Monday" is not attempted */
    m->r.type = CC_MENTION_DATE;
    m->r.easter = 1;
    m->r.year = y;
    m->r.mod = "APPROX";
    m->end = e;
    return 1;
}

/* "the week commencing 3 June 2019", "w/c 3 June": the week from that day */
static int
m_week(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    size_t j, e;

    if (t->cls == C_UNIT && t->val == 'W' && !(t->flags & F_PLURAL) &&
        (is_word(sc, i + 1, W_COMMENCING) || is_word(sc, i + 1, W_BEGINNING)))
        j = i + 2;
    else if (is_word(sc, i, W_W) && is_punct(sc, i + 1, '/') &&
             glued(sc, i + 1) && is_word(sc, i + 2, W_C) && glued(sc, i + 2))
        j = i + 3;
    else
        return 0;
    e = calendar_date(sc, j, &m->r, 0);
    if (e == j || !m->r.day) {
        memset(&m->r, 0, sizeof m->r);
        return 0;
    }
    m->r.type = CC_MENTION_DATE;
    m->r.week_of = 1;
    m->end = e;
    return 1;
}

/* "the first half of 2021", "the last quarter of 2019", "Q3 2022" */
static int
m_part_year(const scan *sc, size_t i, match *m)
{
    int n, y, quarter;
    size_t e;

    if (is_word(sc, i, W_Q) && at(sc, i)->cap && glued(sc, i + 1) &&
        at(sc, i + 1)->kind == T_NUM && at(sc, i + 1)->ndig == 1 &&
        at(sc, i + 1)->val >= 1 && at(sc, i + 1)->val <= 4) {
        e = p_trailing_year(sc, i + 2, &y);
        if (e == i + 2)
            return 0;
        m->r.quarter = at(sc, i + 1)->val;
    } else {
        if (is_word(sc, i, W_FIRST))
            n = 1;
        else if (at(sc, i)->cls == C_UNIT && word_is(sc, i, "second"))
            n = 2;
        else if (is_word(sc, i, W_THIRD))
            n = 3;
        else if (is_word(sc, i, W_FOURTH))
            n = 4;
        else if (is_word(sc, i, W_LAST) || is_word(sc, i, W_FINAL))
            n = -1;
        else
            return 0;
        quarter = is_word(sc, i + 1, W_QUARTER);
        if (!quarter && !is_word(sc, i + 1, W_HALF))
            return 0;
        if (n == -1)
            n = quarter ? 4 : 2;
        if (n > (quarter ? 4 : 2) || !is_word(sc, i + 2, W_OF))
            return 0;
        e = p_year(sc, i + 3, &y);
        if (e == i + 3)
            return 0;
        if (quarter)
            m->r.quarter = n;
        else
            m->r.half = n;
    }
    m->r.type = CC_MENTION_DATE;
    m->r.year = y;
    m->end = e;
    return 1;
}

/* early/late/mid/the end of ... in front of a month, year, season. */
static int
m_modified_date(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    const char *mod;
    int approx = 0;
    size_t j = i + 1;
    int of = 0; /* "the end of": the word needs "of" */
    match core;

    if (t->cls != C_WORD)
        return 0;
    switch (t->val) {
    case W_EARLY:
        mod = "START";
        break;
    case W_LATE:
        mod = "END";
        break;
    case W_MID:
        mod = "MID";
        if (is_dash(sc, j) && glued(sc, j))
            j++;
        break;
    case W_BEGINNING:
    case W_START:
        mod = "START";
        of = 1;
        break;
    case W_MIDDLE:
        mod = "MID";
        of = 1;
        break;
    case W_END:
        mod = "END";
        of = 1;
        break;
    case W_ABOUT:
    case W_AROUND:
    case W_APPROXIMATELY:
    case W_ROUGHLY:
    case W_CIRCA:
        mod = "APPROX";
        approx = 1; /* "around March 2020", "about 3 June" */
        break;
    default:
        return 0;
    }
    if (of) {
        if (!is_word(sc, j, W_OF))
            return 0;
        j++;
    }
    if (of && is_word(sc, j, W_THE) && at(sc, j + 1)->cls == C_SEASON)
        j++; /* "the end of the summer" */
    if (of && is_word(sc, j, W_THE) && at(sc, j + 1)->cls == C_UNIT &&
        !(at(sc, j + 1)->flags & F_PLURAL) && !is_word(sc, j + 2, W_OF) &&
        (at(sc, j + 1)->val == 'M' || at(sc, j + 1)->val == 'Y' ||
         at(sc, j + 1)->val == 'W')) {
        /* "the end of the month": the running date's month */
        m->r.type = CC_MENTION_DATE;
        m->r.rel = (char)at(sc, j + 1)->val;
        m->r.rel_n = 0;
        m->r.rel_calendar = 1;
        m->r.rel_running = m->r.rel != 'W';
        m->r.mod = mod;
        m->end = j + 2;
        return 1;
    }
    match_init(sc, &core, j);
    if (approx && at(sc, j)->cls == C_WORD && at(sc, j)->val != W_ABOUT &&
        at(sc, j)->val != W_AROUND && at(sc, j)->val != W_APPROXIMATELY &&
        at(sc, j)->val != W_ROUGHLY && at(sc, j)->val != W_CIRCA &&
        m_modified_date(sc, j, &core)) {
        /* "(in or) around late 2020": the inner word gives the mod */
        m->r = core.r;
        m->end = core.end;
        return 1;
    }
    if (!(m_date(sc, j, &core) || m_season(sc, j, &core) ||
          m_easter(sc, j, &core) || m_decade(sc, j, &core) ||
          m_year(sc, j, &core)))
        return 0;
    if ((core.r.day && strcmp(mod, "APPROX") != 0) ||
        core.r.type != CC_MENTION_DATE || core.r.rel ||
        (core.r.easter && strcmp(mod, "APPROX") != 0))
        return 0;
    m->r = core.r;
    m->end = core.end;
    m->r.mod = mod;
    return 1;
}

/* "am", "pm", "a.m.", "p.m." at i: returns the end, or i. */
static size_t
p_meridiem(const scan *sc, size_t i, int *pm)
{
    if (is_word(sc, i, W_AM) || is_word(sc, i, W_PM)) {
        *pm = is_word(sc, i, W_PM);
        return i + 1;
    }
    if ((word_is(sc, i, "a") || word_is(sc, i, "p")) &&
        is_punct(sc, i + 1, '.') && glued(sc, i + 1) &&
        word_is(sc, i + 2, "m") && glued(sc, i + 2)) {
        *pm = word_is(sc, i, "p");
        if (is_punct(sc, i + 3, '.') && glued(sc, i + 3))
            return i + 4;
        return i + 3;
    }
    return i;
}

/* "08:00", "8am", "8.30 pm", "10:15 a.m.", "at noon" */
static int
m_time(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    int h, mi = 0, pm = 0;
    size_t e, em;

    if (is_word(sc, i, W_ABOUT) || is_word(sc, i, W_AROUND) ||
        is_word(sc, i, W_APPROXIMATELY) || is_word(sc, i, W_ROUGHLY)) {
        if (at(sc, i + 1)->kind != T_NUM || !m_time(sc, i + 1, m))
            return 0;
        m->r.mod = "APPROX";
        return 1;
    }
    if (t->kind == T_WORD) {
        if ((word_is(sc, i, "noon") || word_is(sc, i, "midday")) &&
            (is_word(sc, i - 1, W_AT) || is_word(sc, i - 1, W_BY) ||
             is_word(sc, i - 1, W_BEFORE) || is_word(sc, i - 1, W_AFTER) ||
             is_word(sc, i - 1, W_AROUND) || is_word(sc, i - 1, W_UNTIL))) {
            m->r.type = CC_MENTION_TIME;
            m->r.hour = 12;
            m->r.minute = 0;
            m->end = i + 1;
            return 1;
        }
        return 0;
    }
    if (t->kind != T_NUM || t->ndig > 2 || t->val > 23 ||
        number_in_other_use(sc, i))
        return 0;
    h = t->val;
    e = i + 1;
    if (h == 12 && (is_word(sc, e, W_NOON) || is_word(sc, e, W_MIDDAY) ||
                    is_word(sc, e, W_MIDNIGHT))) {
        m->r.type = CC_MENTION_TIME;
        m->r.hour = is_word(sc, e, W_MIDNIGHT) ? 0 : 12;
        m->r.minute = 0;
        m->end = e + 1;
        return 1; /* "12 noon" */
    }
    if (at(sc, e)->kind == T_PUNCT && glued(sc, e) &&
        (at(sc, e)->val == ':' || at(sc, e)->val == '.') &&
        at(sc, e + 1)->kind == T_NUM && glued(sc, e + 1) &&
        at(sc, e + 1)->ndig == 2 && at(sc, e + 1)->val <= 59) {
        int colon = at(sc, e)->val == ':';
        mi = at(sc, e + 1)->val;
        e += 2;
        if (at(sc, e)->kind == T_PUNCT && glued(sc, e) &&
            at(sc, e + 1)->kind == T_NUM && glued(sc, e + 1))
            return 0; /* "1.30.2", "10:15:20" is not worth guessing */
        em = p_meridiem(sc, e, &pm);
        if (em == e && !colon &&
            !(is_word(sc, i - 1, W_AT) || is_word(sc, i - 1, W_BY) ||
              is_word(sc, i - 1, W_UNTIL) || is_word(sc, i - 1, W_BEFORE) ||
              is_word(sc, i - 1, W_AFTER) || is_word(sc, i - 1, W_FROM)))
            return 0; /* "8.30" alone may be a number; "at 17.00" is not */
    } else {
        em = p_meridiem(sc, e, &pm);
        if (em == e)
            return 0;
    }
    if (em > e) {
        if (h < 1 || h > 12)
            return 0;
        if (pm && h < 12)
            h += 12;
        else if (!pm && h == 12)
            h = 0;
        e = em;
    }
    m->r.type = CC_MENTION_TIME;
    m->r.hour = h;
    m->r.minute = mi;
    m->end = e;
    return 1;
}

/* ---- Durations, sets and relative dates ---- */

/* A quantity: "4", "1.5", "four", "twenty-one", "two and a half", "a",
 * "several" ("X").  *single is set when the unit must be singular. */
typedef struct qty {
    char n[12];
    int value; /* 0 for "X" */
    int half;
    int single;
    int vague;
} qty;

/*
 * "%d" of v in 0..9999 into q->n, then `tail` (0, or '5' for ".5"): a
 * number is tried as a quantity at most tokens that hold one, and
 * snprintf cost more than the rest of the test.
 */
static void
qty_digits(char n[12], int v, int tail)
{
    char d[4];
    int k = 0, j = 0;

    if (v < 0) {
        snprintf(n, 12, tail ? "%d.%c" : "%d", v, tail);
        return;
    }
    do {
        d[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v && k < 4);
    while (k > 0)
        n[j++] = d[--k];
    if (tail) {
        n[j++] = '.';
        n[j++] = (char)tail;
    }
    n[j] = '\0';
}

static void
qty_set(qty *q, int v, int half)
{
    memset(q, 0, sizeof *q);
    q->value = v;
    q->half = half;
    qty_digits(q->n, v % 10000, half ? '5' : 0);
}

static size_t
p_and_a_half(const scan *sc, size_t i)
{
    if (is_word(sc, i, W_AND) && is_word(sc, i + 1, W_A) &&
        is_word(sc, i + 2, W_HALF))
        return i + 3;
    return i;
}

static size_t
p_qty(const scan *sc, size_t i, qty *q)
{
    const tok *t = at(sc, i);
    size_t e;

    if (t->kind == T_NUM) {
        if (t->ndig > 4 || t->val == 0 || number_in_other_use(sc, i))
            return i;
        if (is_punct(sc, i + 1, ',') && glued(sc, i + 1) &&
            at(sc, i + 2)->kind == T_NUM && glued(sc, i + 2))
            return i; /* "1,000" */
        if (is_punct(sc, i + 1, '.') && glued(sc, i + 1) &&
            at(sc, i + 2)->kind == T_NUM && glued(sc, i + 2)) {
            const tok *f = at(sc, i + 2);
            if (f->ndig != 1)
                return i;
            memset(q, 0, sizeof *q);
            q->value = t->val;
            qty_digits(q->n, t->val % 10000, '0' + f->val);
            return i + 3;
        }
        e = p_and_a_half(sc, i + 1);
        qty_set(q, t->val, e > i + 1);
        return e > i + 1 ? e : i + 1;
    }
    if (t->cls == C_NUMBER) {
        int v = t->val;
        e = i + 1;
        if (v >= 20 && v % 10 == 0 && at(sc, e)->cls == C_NUMBER &&
            at(sc, e)->val < 10) {
            v += at(sc, e)->val; /* "twenty one" */
            e++;
        } else if (v >= 20 && v % 10 == 0 && is_dash(sc, e) && glued(sc, e) &&
                   at(sc, e + 1)->cls == C_NUMBER && at(sc, e + 1)->val < 10 &&
                   glued(sc, e + 1)) {
            v += at(sc, e + 1)->val; /* "twenty-one" */
            e += 2;
        }
        size_t h = p_and_a_half(sc, e);
        qty_set(q, v, h > e);
        return h;
    }
    if (t->cls != C_WORD)
        return i;
    switch (t->val) {
    case W_A:
    case W_AN:
        if (is_word(sc, i + 1, W_FEW) || is_word(sc, i + 1, W_COUPLE) ||
            (is_word(sc, i + 1, W_NUMBER) && is_word(sc, i + 2, W_OF))) {
            if (is_word(sc, i + 1, W_COUPLE)) {
                if (!is_word(sc, i + 2, W_OF))
                    return i;
                qty_set(q, 2, 0);
                return i + 3;
            }
            memset(q, 0, sizeof *q);
            snprintf(q->n, sizeof q->n, "X");
            q->vague = 1;
            return is_word(sc, i + 1, W_FEW) ? i + 2 : i + 3;
        }
        qty_set(q, 1, 0);
        q->single = 1;
        return i + 1;
    case W_SEVERAL:
    case W_MANY:
    case W_FEW:
        memset(q, 0, sizeof *q);
        snprintf(q->n, sizeof q->n, "X");
        q->vague = 1;
        return i + 1;
    default:
        return i;
    }
}

/* A unit with its qualifiers: "weeks", "working days", "calendar months". */
static size_t
p_unit(const scan *sc, size_t i, int *unit, int *plural, int *workdays)
{
    size_t j = i;
    *workdays = 0;
    if (is_word(sc, j, W_WORKING) || is_word(sc, j, W_BUSINESS)) {
        if (at(sc, j + 1)->cls != C_UNIT || at(sc, j + 1)->val != 'D')
            return i;
        *workdays = 1;
        j++;
    } else if (is_word(sc, j, W_CALENDAR) || is_word(sc, j, W_SCHOOL) ||
               is_word(sc, j, W_CLEAR)) {
        if (at(sc, j + 1)->cls != C_UNIT ||
            (at(sc, j + 1)->val != 'D' && at(sc, j + 1)->val != 'M' &&
             at(sc, j + 1)->val != 'W'))
            return i;
        j++;
    }
    if (at(sc, j)->cls != C_UNIT)
        return i;
    *unit = at(sc, j)->val;
    *plural = (at(sc, j)->flags & F_PLURAL) != 0;
    if (*unit == 'S' && !*plural)
        return i; /* "a second assessment" */
    return j + 1;
}

/* Modifier words in front of a duration. */
static size_t
p_duration_mod(const scan *sc, size_t i, const char **mod)
{
    const tok *t = at(sc, i);
    if (t->cls != C_WORD)
        return i;
    switch (t->val) {
    case W_OVER:
        *mod = "MORE_THAN";
        return i + 1;
    case W_MORE:
    case W_LONGER:
        if (!is_word(sc, i + 1, W_THAN))
            return i;
        *mod = "MORE_THAN";
        return i + 2;
    case W_IN:
        if (!is_word(sc, i + 1, W_EXCESS) || !is_word(sc, i + 2, W_OF))
            return i;
        *mod = "MORE_THAN";
        return i + 3;
    case W_WELL:
        if (!is_word(sc, i + 1, W_OVER))
            return i;
        *mod = "MORE_THAN";
        return i + 2;
    case W_JUST:
        if (is_word(sc, i + 1, W_OVER)) {
            *mod = "MORE_THAN";
            return i + 2;
        }
        if (is_word(sc, i + 1, W_UNDER)) {
            *mod = "LESS_THAN";
            return i + 2;
        }
        return i;
    case W_ALMOST:
    case W_NEARLY:
    case W_UNDER:
        *mod = "LESS_THAN";
        return i + 1;
    case W_LESS:
    case W_FEWER:
        if (!is_word(sc, i + 1, W_THAN))
            return i;
        *mod = "LESS_THAN";
        return i + 2;
    case W_ABOUT:
    case W_AROUND:
    case W_APPROXIMATELY:
    case W_ROUGHLY:
    case W_SOME:
        *mod = "APPROX";
        return i + 1;
    case W_AT:
        if (is_word(sc, i + 1, W_LEAST)) {
            *mod = "EQUAL_OR_MORE";
            return i + 2;
        }
        if (is_word(sc, i + 1, W_MOST)) {
            *mod = "EQUAL_OR_LESS";
            return i + 2;
        }
        return i;
    case W_NO:
    case W_NOT:
        if ((is_word(sc, i + 1, W_LESS) || is_word(sc, i + 1, W_FEWER)) &&
            is_word(sc, i + 2, W_THAN)) {
            *mod = "EQUAL_OR_MORE";
            return i + 3;
        }
        if ((is_word(sc, i + 1, W_MORE) || is_word(sc, i + 1, W_LONGER)) &&
            is_word(sc, i + 2, W_THAN)) {
            *mod = "EQUAL_OR_LESS";
            return i + 3;
        }
        return i;
    case W_UP:
        if (!is_word(sc, i + 1, W_TO))
            return i;
        *mod = "EQUAL_OR_LESS";
        return i + 2;
    case W_A:
        if (is_word(sc, i + 1, W_MAXIMUM) && is_word(sc, i + 2, W_OF)) {
            *mod = "EQUAL_OR_LESS";
            return i + 3;
        }
        if (is_word(sc, i + 1, W_MINIMUM) && is_word(sc, i + 2, W_OF)) {
            *mod = "EQUAL_OR_MORE";
            return i + 3;
        }
        return i;
    default:
        return i;
    }
}

static void
add_part(cc_raw *r, const qty *q, int unit)
{
    cc_raw_part *p;
    if (r->nparts >= 3)
        return;
    p = &r->part[r->nparts++];
    if (unit == 'F') { /* a fortnight is two weeks */
        unit = 'W';
        if (q->vague)
            snprintf(p->n, sizeof p->n, "X");
        else if (q->half)
            snprintf(p->n, sizeof p->n, "%d", q->value % 10000 * 2 + 1);
        else
            snprintf(p->n, sizeof p->n, "%d", q->value % 10000 * 2);
    } else {
        memcpy(p->n, q->n, sizeof p->n);
    }
    p->unit = (char)unit;
}

/* Unit sizes, to accept "1 hour and 37 minutes" but not "5 minutes and
 * 2 hours". */
static int
unit_rank(int unit)
{
    switch (unit) {
    case 'E':
        return 8;
    case 'Y':
        return 7;
    case 'M':
        return 6;
    case 'F':
    case 'W':
        return 5;
    case 'D':
        return 4;
    case 'H':
        return 3;
    case 'I':
        return 2;
    default:
        return 1;
    }
}

/* Nouns after "a day" that make it a kind of service: "a day centre". */
static int
day_noun(const scan *sc, size_t i)
{
    return is_word(sc, i, W_CENTRE) || is_word(sc, i, W_CENTER) ||
           is_word(sc, i, W_CARE) || is_word(sc, i, W_SERVICE) ||
           is_word(sc, i, W_SERVICES) || is_word(sc, i, W_TRIP) ||
           is_word(sc, i, W_SCHOOL);
}

/*
 * After a first quantity at j ending at i: "to", "or", a dash (or "and"
 * after "between") and a larger quantity with a unit, as in "six to eight
 * weeks", "6-8 weeks".  Returns the end of that unit, or 0.
 */
static size_t
range_unit(const scan *sc, size_t j, size_t i, const qty *q, int *unit,
           int *wdays)
{
    size_t k = i, e, eu;
    qty q2;
    int plural;

    if (q->single || q->vague || q->half)
        return 0;
    if (is_dash(sc, k) && glued(sc, k) && glued(sc, k + 1))
        k++;
    else if (is_word(sc, k, W_TO) || is_word(sc, k, W_OR) ||
             (is_word(sc, k, W_AND) && is_word(sc, j - 1, W_BETWEEN)))
        k++;
    else
        return 0;
    e = p_qty(sc, k, &q2);
    if (e == k || q2.single || q2.vague || q2.value <= q->value)
        return 0;
    eu = p_unit(sc, e, unit, &plural, wdays);
    if (eu == e || !plural || is_word(sc, eu, W_OLD) ||
        (is_dash(sc, eu) && is_word(sc, eu + 1, W_OLD)) ||
        (is_word(sc, eu, W_OF) && is_word(sc, eu + 1, W_AGE)))
        return 0;
    return eu;
}

/* The "a" at i is a rate's: "24 hours a day", "£50 a week", "one session
 * a month" (a count, one word, then the rate). */
static int
rate_article(const scan *sc, size_t i)
{
    const tok *p;
    if (i == 0)
        return 0;
    p = &sc->t[i - 1];
    if (p->cls == C_UNIT || p->kind == T_NUM)
        return 1;
    return i >= 2 && p->kind == T_WORD && p->cls == C_NONE &&
           (sc->t[i - 2].kind == T_NUM || sc->t[i - 2].cls == C_NUMBER);
}

/* A duration; "two weeks later" becomes a relative DATE. */
static int
m_duration(const scan *sc, size_t i, match *m)
{
    const char *mod = "";
    size_t j, e;
    qty q;
    int unit = 0, plural = 0, wdays = 0, hyphen = 0;

    j = p_duration_mod(sc, i, &mod);
    e = p_qty(sc, j, &q);
    if (e == j && is_word(sc, j, W_HALF) &&
        (is_word(sc, j + 1, W_A) || is_word(sc, j + 1, W_AN)) &&
        at(sc, j + 2)->cls == C_UNIT && !(at(sc, j + 2)->flags & F_PLURAL) &&
        at(sc, j + 2)->val != 'S') {
        /* "half an hour", "half a day" */
        cc_raw_part *p = &m->r.part[m->r.nparts++];
        if (at(sc, j + 2)->val == 'H') {
            snprintf(p->n, sizeof p->n, "30");
            p->unit = 'I';
        } else {
            snprintf(p->n, sizeof p->n, "0.5");
            p->unit = (char)at(sc, j + 2)->val;
            if (p->unit == 'F') {
                snprintf(p->n, sizeof p->n, "1");
                p->unit = 'W';
            }
        }
        m->r.type = CC_MENTION_DURATION;
        m->r.mod = mod;
        m->end = j + 3;
        return 1;
    }
    if (e == j) {
        /* "for months", "for years": an unspecified number */
        if (j != i || !is_word(sc, i - 1, W_FOR))
            return 0;
        e = p_unit(sc, j, &unit, &plural, &wdays);
        if (e == j || !plural || unit == 'S' || unit == 'I' ||
            at(sc, e)->kind == T_NUM)
            return 0;
        memset(&q, 0, sizeof q);
        snprintf(q.n, sizeof q.n, "X");
        q.vague = 1;
    } else {
        size_t u = e;
        /* "0 to 25 years", "aged 5 to 11 years": a band of ages */
        if (j >= 2 && (is_word(sc, j - 1, W_TO) || is_dash(sc, j - 1)) &&
            at(sc, j - 2)->kind == T_NUM &&
            (at(sc, j - 2)->val == 0 || is_word(sc, j - 3, W_AGED) ||
             is_word(sc, j - 3, W_AGE)))
            return 0;
        if (range_unit(sc, j, e, &q, &unit, &wdays) &&
            !is_word(sc, j - 1, W_AGED) && !is_word(sc, j - 1, W_AGE)) {
            /* "six" in "six to eight weeks": the unit of the other end */
            add_part(&m->r, &q, unit);
            m->r.workdays = wdays;
            m->r.type = CC_MENTION_DURATION;
            m->r.mod = mod;
            m->end = e;
            return 1;
        }
        if (is_dash(sc, u) && glued(sc, u) && glued(sc, u + 1) && !q.single &&
            !q.vague) {
            u++; /* "fourteen-month", "12-week" */
            hyphen = 1;
        }
        e = p_unit(sc, u, &unit, &plural, &wdays);
        if (e == u)
            return 0;
        if (q.single && plural)
            return 0;
        if (q.vague && !plural)
            return 0;
        if (hyphen && plural)
            return 0;
        if (q.single && unit == 'D' && day_noun(sc, e))
            return 0;
    }
    /* Ages: "15 years old", "a 15-year-old", "aged 15 years", "18 years
     * of age"; school years: "Year 7". */
    if (unit == 'Y' || unit == 'M' || unit == 'W') {
        if (is_word(sc, e, W_OLD) ||
            (is_dash(sc, e) && glued(sc, e) && is_word(sc, e + 1, W_OLD)) ||
            (is_word(sc, e, W_OF) && is_word(sc, e + 1, W_AGE)) ||
            is_word(sc, j - 1, W_AGED) || is_word(sc, j - 1, W_AGE))
            return 0;
        if (at(sc, e - 1)->cap && at(sc, e)->kind == T_NUM)
            return 0;
    }
    if (is_word(sc, e, W_OF) && is_word(sc, e + 1, W_AGE))
        return 0;
    if (is_word(sc, i - 1, W_AGED))
        return 0;
    /* The same-number "a" is the article in front of a set ("once a
     * week") or a rate ("£50 a week"): the set matcher takes the first;
     * leave the second. */
    if (q.single && i > 0 &&
        (is_word(sc, i - 1, W_ONCE) || is_word(sc, i - 1, W_TWICE) ||
         is_word(sc, i - 1, W_TIMES)))
        return 0;
    if (!q.half && !q.vague && !hyphen && p_and_a_half(sc, e) > e) {
        qty_set(&q, q.value, 1); /* "an hour and a half" */
        e = p_and_a_half(sc, e);
    }
    /* "24 hours a day", "£50 a week": the rate is a set of its own */
    if (q.single && j == i && rate_article(sc, i) && !is_word(sc, e, W_LATER) &&
        !is_word(sc, e, W_EARLIER) && !is_word(sc, e, W_AGO)) {
        add_part(&m->r, &q, unit);
        m->r.type = CC_MENTION_SET;
        m->end = e;
        return 1;
    }
    add_part(&m->r, &q, unit);
    m->r.workdays = wdays;
    /* "1 hour and 37 minutes", "2 years, 3 months" */
    while (!hyphen && m->r.nparts < 3 &&
           (is_word(sc, e, W_AND) || is_punct(sc, e, ','))) {
        qty q2;
        int u2, pl2, wd2;
        size_t k = p_qty(sc, e + 1, &q2), k2;
        if (k == e + 1 || q2.vague)
            break;
        k2 = p_unit(sc, k, &u2, &pl2, &wd2);
        if (k2 == k || wd2 || unit_rank(u2) >= unit_rank(unit) ||
            (q2.single && pl2))
            break;
        add_part(&m->r, &q2, u2);
        unit = u2;
        e = k2;
    }
    /* "two years ago": counted back from the decision date */
    if (m->r.nparts == 1 && !wdays && is_word(sc, e, W_AGO) &&
        unit_rank(unit) >= unit_rank('D') && unit != 'E') {
        int n = q.vague || q.half ? CC_REL_UNKNOWN : -q.value;
        m->r.type = CC_MENTION_DATE;
        m->r.rel = m->r.part[0].unit;
        m->r.rel_n = unit == 'F' && n != CC_REL_UNKNOWN ? 2 * n : n;
        m->r.rel_calendar = 1;
        m->r.rel_decision = 1;
        m->r.nparts = 0;
        m->r.mod = mod;
        m->end = e + 1;
        return 1;
    }
    /* "two weeks later", "a month earlier" */
    if (m->r.nparts == 1 && !wdays &&
        (is_word(sc, e, W_LATER) || is_word(sc, e, W_EARLIER))) {
        int n = q.vague || q.half ? CC_REL_UNKNOWN : q.value;
        if (n != CC_REL_UNKNOWN && is_word(sc, e, W_EARLIER))
            n = -n;
        m->r.type = CC_MENTION_DATE;
        m->r.rel = m->r.part[0].unit;
        m->r.rel_n = n;
        if (unit == 'F' && n != CC_REL_UNKNOWN)
            m->r.rel_n = 2 * n;
        m->r.nparts = 0;
        m->r.mod = mod;
        m->end = e + 1;
        return 1;
    }
    if (!*mod && is_word(sc, e, W_OR) &&
        (is_word(sc, e + 1, W_MORE) || is_word(sc, e + 1, W_LONGER))) {
        mod = "EQUAL_OR_MORE";
        e += 2;
    } else if (!*mod && is_word(sc, e, W_OR) &&
               (is_word(sc, e + 1, W_LESS) || is_word(sc, e + 1, W_FEWER))) {
        mod = "EQUAL_OR_LESS";
        e += 2;
    }
    m->r.type = CC_MENTION_DURATION;
    m->r.mod = mod;
    m->end = e;
    return 1;
}

/* "weekly", "every six months", "once a week", "six-monthly" */
static int
m_set(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    qty q;
    size_t e, k;
    int unit, plural, wd;

    /* "twice weekly", "three times monthly" */
    if ((is_word(sc, i, W_ONCE) || is_word(sc, i, W_TWICE)) &&
        at(sc, i + 1)->cls == C_SETWORD) {
        t = at(sc, i + 1);
        qty_set(&q, t->val / 256, 0);
        add_part(&m->r, &q, t->val % 256);
        m->r.type = CC_MENTION_SET;
        m->end = i + 2;
        return 1;
    }
    e = p_qty(sc, i, &q);
    if (e > i && !q.single && !q.vague && is_word(sc, e, W_TIMES) &&
        at(sc, e + 1)->cls == C_SETWORD) {
        t = at(sc, e + 1);
        qty_set(&q, t->val / 256, 0);
        add_part(&m->r, &q, t->val % 256);
        m->r.type = CC_MENTION_SET;
        m->end = e + 2;
        return 1;
    }
    /* "per week", "per calendar month", "per annum" */
    if (is_word(sc, i, W_PER)) {
        if (is_word(sc, i + 1, W_ANNUM)) {
            unit = 'Y';
            e = i + 2;
        } else {
            e = p_unit(sc, i + 1, &unit, &plural, &wd);
            if (e == i + 1 || plural || unit == 'E')
                return 0;
        }
        qty_set(&q, 1, 0);
        add_part(&m->r, &q, unit);
        m->r.type = CC_MENTION_SET;
        m->end = e;
        return 1;
    }
    t = at(sc, i);
    if (t->cls == C_SETWORD) {
        if (is_word(sc, i + 1, W_LIVING) || is_word(sc, i + 1, W_LIFE))
            return 0; /* "daily living" */
        qty_set(&q, t->val / 256, 0);
        add_part(&m->r, &q, t->val % 256);
        m->r.type = CC_MENTION_SET;
        m->end = i + 1;
        return 1;
    }
    /* "bi-monthly", "bi-weekly": every two */
    if (is_word(sc, i, W_BI) && is_dash(sc, i + 1) && glued(sc, i + 1) &&
        at(sc, i + 2)->cls == C_SETWORD && glued(sc, i + 2) &&
        at(sc, i + 2)->val / 256 == 1) {
        qty_set(&q, 2, 0);
        add_part(&m->r, &q, at(sc, i + 2)->val % 256);
        m->r.type = CC_MENTION_SET;
        m->end = i + 3;
        return 1;
    }
    /* "on alternate weeks": every other week */
    if (is_word(sc, i, W_ALTERNATE)) {
        e = p_unit(sc, i + 1, &unit, &plural, &wd);
        if (e == i + 1 || !plural ||
            (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y'))
            return 0;
        qty_set(&q, 2, 0);
        add_part(&m->r, &q, unit);
        m->r.type = CC_MENTION_SET;
        m->end = e;
        return 1;
    }
    /* "intervals of six months", "maximum intervals of a year",
     * "intervals of not more than six months" */
    {
        const char *mod = "";
        k = i;
        if (is_word(sc, k, W_MAXIMUM)) {
            mod = "EQUAL_OR_LESS";
            k++;
        } else if (is_word(sc, k, W_MINIMUM)) {
            mod = "EQUAL_OR_MORE";
            k++;
        }
        if (is_word(sc, k, W_INTERVALS) && is_word(sc, k + 1, W_OF)) {
            size_t kq = k + 2;
            if (!*mod)
                kq = p_duration_mod(sc, k + 2, &mod);
            e = p_qty(sc, kq, &q);
            if (e == kq || q.vague)
                return 0;
            size_t eu = p_unit(sc, e, &unit, &plural, &wd);
            if (eu == e || (q.single && plural))
                return 0;
            add_part(&m->r, &q, unit);
            m->r.mod = mod;
            m->r.type = CC_MENTION_SET;
            m->end = eu;
            return 1;
        }
    }
    /* "six-monthly", "6-weekly" */
    e = p_qty(sc, i, &q);
    if (e > i && !q.single && !q.vague && is_dash(sc, e) && glued(sc, e) &&
        at(sc, e + 1)->cls == C_SETWORD && glued(sc, e + 1) &&
        at(sc, e + 1)->val / 256 == 1) {
        add_part(&m->r, &q, at(sc, e + 1)->val % 256);
        m->r.type = CC_MENTION_SET;
        m->end = e + 2;
        return 1;
    }
    /* "once a week", "twice a month", "three times a week" */
    k = i;
    if (is_word(sc, i, W_ONCE) || is_word(sc, i, W_TWICE))
        k = i + 1;
    else if (e > i && !q.vague && is_word(sc, e, W_TIMES))
        k = e + 1;
    if (k > i) {
        if (is_word(sc, k, W_A) || is_word(sc, k, W_AN) ||
            is_word(sc, k, W_PER) || is_word(sc, k, W_EACH) ||
            is_word(sc, k, W_EVERY)) {
            size_t eu = p_unit(sc, k + 1, &unit, &plural, &wd);
            if (eu > k + 1 && !plural) {
                qty_set(&q, 1, 0);
                add_part(&m->r, &q, unit);
                m->r.type = CC_MENTION_SET;
                m->end = eu;
                return 1;
            }
        }
        return 0;
    }
    /* "every six months", "every other week", "each week" */
    if (is_word(sc, i, W_EVERY) || is_word(sc, i, W_EACH)) {
        int other = 0;
        k = i + 1;
        if (is_word(sc, i, W_EVERY) && is_word(sc, k, W_OTHER)) {
            other = 1;
            k++;
        }
        e = p_qty(sc, k, &q);
        if (e == k || q.single) {
            qty_set(&q, 1, 0);
            e = e == k ? k : e;
            if (e > k && is_word(sc, i, W_EACH))
                return 0;
        } else if (other || is_word(sc, i, W_EACH)) {
            return 0;
        }
        size_t eu = p_unit(sc, e, &unit, &plural, &wd);
        if (eu == e || (q.value == 1 && plural) || (q.value > 1 && !plural))
            return 0;
        if (other)
            qty_set(&q, 2, 0);
        add_part(&m->r, &q, unit);
        m->r.workdays = wd;
        m->r.type = CC_MENTION_SET;
        m->end = eu;
        return 1;
    }
    return 0;
}

/* "that afternoon", "that day", "earlier that month", "later that year":
 * the anchor's day, month or year */
static int
m_that(const scan *sc, size_t i, match *m)
{
    const tok *x;
    size_t j = i;
    int unit;

    if ((is_word(sc, i, W_EARLIER) || is_word(sc, i, W_LATER)) &&
        is_word(sc, i + 1, W_THAT))
        j = i + 1;
    if (!is_word(sc, j, W_THAT))
        return 0;
    x = at(sc, j + 1);
    if (x->cls == C_UNIT && !(x->flags & F_PLURAL) &&
        (x->val == 'D' || x->val == 'W' || x->val == 'M' || x->val == 'Y'))
        unit = x->val;
    else if (is_word(sc, j + 1, W_MORNING) || is_word(sc, j + 1, W_AFTERNOON) ||
             is_word(sc, j + 1, W_EVENING) || is_word(sc, j + 1, W_NIGHT))
        unit = 'D';
    else
        return 0;
    /* "that day centre", "that day-to-day care", "that month's rent" */
    x = at(sc, j + 2);
    if (is_word(sc, j + 2, W_CENTRE) || is_word(sc, j + 2, W_CENTER) ||
        is_word(sc, j + 2, W_CARE) || is_word(sc, j + 2, W_SERVICE) ||
        is_word(sc, j + 2, W_SERVICES) || is_word(sc, j + 2, W_TRIP) ||
        (x->kind == T_PUNCT && glued(sc, j + 2) &&
         (is_dash_cp(x->val) || is_close_quote(x->val))))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.rel = (char)unit;
    m->r.rel_n = 0;
    m->r.rel_calendar = 1;
    m->end = j + 2;
    return 1;
}

/* "the following day", "the next month", "the same day", "the following
 * Monday", "the previous week", "the following spring"; "the week before"
 * and "the day after" at the end of a clause (not "the day after the
 * meeting", which counts from an event) */
static int
m_relative(const scan *sc, size_t i, match *m)
{
    int n, unit = 0;
    const tok *x;

    if (!is_word(sc, i, W_THE))
        return 0;
    x = at(sc, i + 1);
    if (x->cls == C_UNIT && !(x->flags & F_PLURAL) &&
        (x->val == 'D' || x->val == 'W' || x->val == 'M' || x->val == 'Y') &&
        (is_word(sc, i + 2, W_BEFORE) || is_word(sc, i + 2, W_AFTER))) {
        const tok *nx = at(sc, i + 3);
        if ((nx->kind == T_WORD || nx->kind == T_NUM) &&
            !is_word(sc, i + 3, W_AND) && !is_word(sc, i + 3, W_OR) &&
            !word_is(sc, i + 3, "but"))
            return 0;
        if (nx->kind == T_PUNCT && (nx->val == '(' || is_dash_cp(nx->val) ||
                                    nx->val == 0x2018 || nx->val == 0x201C))
            return 0;
        m->r.type = CC_MENTION_DATE;
        m->r.rel = (char)x->val;
        m->r.rel_n = is_word(sc, i + 2, W_AFTER) ? 1 : -1;
        m->r.rel_calendar = 1;
        m->end = i + 3;
        return 1;
    }
    if (is_word(sc, i + 1, W_FOLLOWING) || is_word(sc, i + 1, W_NEXT))
        n = 1;
    else if (is_word(sc, i + 1, W_SAME))
        n = 0;
    else if (is_word(sc, i + 1, W_PREVIOUS) || is_word(sc, i + 1, W_PRECEDING))
        n = -1;
    else
        return 0;
    x = at(sc, i + 2);
    if (x->cls == C_SEASON && n == 1) {
        /* "the following spring": the first to begin after the anchor */
        m->r.type = CC_MENTION_DATE;
        m->r.rel = 'Y';
        m->r.rel_n = 1;
        m->r.rel_season = x->val;
        m->r.rel_calendar = 1;
        m->end = i + 3;
        return 1;
    }
    if (x->cls == C_WEEKDAY) {
        if (n == 0)
            return 0;
        m->r.rel_weekday = x->val;
        unit = 'D';
    } else if (x->cls == C_UNIT && !(x->flags & F_PLURAL)) {
        unit = x->val;
        if (unit != 'D' && unit != 'W' && unit != 'M' && unit != 'Y')
            return 0;
    } else if (is_word(sc, i + 2, W_MORNING) ||
               is_word(sc, i + 2, W_AFTERNOON) ||
               is_word(sc, i + 2, W_EVENING) || is_word(sc, i + 2, W_NIGHT)) {
        unit = 'D';
    } else {
        return 0;
    }
    m->r.type = CC_MENTION_DATE;
    m->r.rel = (char)unit;
    m->r.rel_n = n;
    m->r.rel_calendar = 1;
    m->end = i + 3;
    return 1;
}

/* "on the 29th", "by the 3rd": a day of the running month; not "the 3rd
 * meeting", "on the 2nd floor" */
static int
m_day_alone(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i), *nx = at(sc, i + 2);

    if (t->kind != T_NUM || t->ndig > 2 || t->val < 1 || t->val > 31 ||
        at(sc, i + 1)->cls != C_ORDINAL || !glued(sc, i + 1) || i < 2 ||
        !is_word(sc, i - 1, W_THE))
        return 0;
    if (!is_word(sc, i - 2, W_ON) && !is_word(sc, i - 2, W_BY) &&
        !is_word(sc, i - 2, W_UNTIL) && !is_word(sc, i - 2, W_TILL) &&
        !is_word(sc, i - 2, W_SINCE) && !is_word(sc, i - 2, W_FROM) &&
        !is_word(sc, i - 2, W_BEFORE) && !is_word(sc, i - 2, W_AFTER))
        return 0;
    if ((nx->kind == T_WORD || nx->kind == T_NUM) &&
        !is_word(sc, i + 2, W_AND) && !is_word(sc, i + 2, W_OR) &&
        !is_word(sc, i + 2, W_TO) && !is_word(sc, i + 2, W_AT))
        return 0;
    if (nx->kind == T_PUNCT && glued(sc, i + 2) &&
        (is_dash_cp(nx->val) || nx->val == '/'))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.day = t->val;
    m->end = i + 2;
    return 1;
}

/* "the first week of June 2021", "the last week of July": its start or
 * end */
static int
m_month_week(const scan *sc, size_t i, match *m)
{
    const char *mod;
    const tok *w = at(sc, i + 1);
    size_t e;

    if (is_word(sc, i, W_FIRST))
        mod = "START";
    else if (is_word(sc, i, W_LAST) || is_word(sc, i, W_FINAL))
        mod = "END";
    else
        return 0;
    if (w->cls != C_UNIT || w->val != 'W' || (w->flags & F_PLURAL) ||
        !is_word(sc, i + 2, W_OF))
        return 0;
    e = calendar_date(sc, i + 3, &m->r, 0);
    if (e == i + 3 || m->r.day || m->r.weekday || !m->r.month) {
        match_init(sc, m, i);
        return 0;
    }
    m->r.type = CC_MENTION_DATE;
    m->r.mod = mod;
    m->end = e;
    return 1;
}

/* "on Monday": the next such day after the anchor */
static int
m_weekday(const scan *sc, size_t i, match *m)
{
    const tok *t = at(sc, i);
    if (t->cls != C_WEEKDAY || !t->cap || i == 0)
        return 0;
    if (!is_word(sc, i - 1, W_ON) && !is_word(sc, i - 1, W_BY) &&
        !is_word(sc, i - 1, W_UNTIL) && !is_word(sc, i - 1, W_TILL) &&
        !is_word(sc, i - 1, W_SINCE) && !is_word(sc, i - 1, W_BEFORE) &&
        !is_word(sc, i - 1, W_AFTER))
        return 0;
    /* "from Monday to Friday", "Monday until Friday": days of the week */
    if ((connector(sc, i + 1) && at(sc, i + 2)->cls == C_WEEKDAY) ||
        (i >= 2 && connector(sc, i - 1) && sc->t[i - 2].cls == C_WEEKDAY))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.rel = 'D';
    m->r.rel_n = 1;
    m->r.rel_weekday = t->val;
    m->r.rel_calendar = 1;
    m->end = i + 1;
    return 1;
}

/* "last year", "this month", "next week": counted from the decision date;
 * not "the last year", "her last year" or "the last year of her life" */
static int
m_this_last(const scan *sc, size_t i, match *m)
{
    const tok *u = at(sc, i + 1);
    int n;

    if (is_word(sc, i, W_LAST))
        n = -1;
    else if (is_word(sc, i, W_THIS))
        n = 0;
    else if (is_word(sc, i, W_NEXT))
        n = 1;
    else
        return 0;
    if (u->cls != C_UNIT || (u->flags & F_PLURAL) ||
        (u->val != 'Y' && u->val != 'M' && u->val != 'W'))
        return 0;
    if (is_word(sc, i - 1, W_THE) || word_is(sc, i - 1, "her") ||
        word_is(sc, i - 1, "his") || word_is(sc, i - 1, "their") ||
        word_is(sc, i - 1, "its") || word_is(sc, i - 1, "my") ||
        word_is(sc, i - 1, "our") || word_is(sc, i - 1, "your") ||
        is_word(sc, i + 2, W_OF))
        return 0;
    m->r.type = CC_MENTION_DATE;
    m->r.rel = (char)u->val;
    m->r.rel_n = n;
    m->r.rel_calendar = 1;
    m->r.rel_decision = 1;
    m->end = i + 2;
    return 1;
}

/* ---- The scan ---- */

typedef int (*matcher)(const scan *, size_t, match *);

static unsigned
starts(const tok *t)
{
    switch (t->cls) {
    case C_NONE:
        return t->kind == T_NUM ? S_NUM : 0;
    case C_MONTH:
    case C_WEEKDAY:
        return S_MONTH;
    case C_SEASON:
        return S_SEASON;
    case C_NUMBER:
        return S_DUR | S_SET;
    case C_SETWORD:
        return S_SET;
    case C_UNIT:
        return t->val == 'W' || t->val == 'S' ? S_DUR | S_PART : S_DUR;
    case C_WORD:
        break;
    default:
        return 0;
    }
    switch (t->val) {
    case W_THE:
    case W_THAT:
    case W_EARLIER:
    case W_LATER:
        return S_THE;
    case W_BI:
    case W_ALTERNATE:
        return S_SET;
    case W_EARLY:
    case W_LATE:
    case W_MID:
    case W_BEGINNING:
    case W_START:
    case W_MIDDLE:
    case W_END:
        return S_MOD;
    case W_ABOUT:
    case W_AROUND:
    case W_APPROXIMATELY:
    case W_ROUGHLY:
        return S_DUR | S_TIME | S_MOD;
    case W_NOON:
    case W_MIDDAY:
        return S_TIME;
    case W_EASTER:
        return S_SEASON;
    case W_FIRST:
    case W_THIRD:
    case W_FOURTH:
    case W_FINAL:
    case W_LAST:
    case W_THIS:
    case W_NEXT:
    case W_Q:
    case W_W:
        return S_PART;
    case W_PER:
        return S_SET;
    case W_CIRCA:
        return S_DUR | S_MOD;
    case W_A:
    case W_AN:
        return S_DUR | S_SET;
    case W_ONCE:
    case W_TWICE:
    case W_EVERY:
    case W_EACH:
    case W_INTERVALS:
        return S_SET;
    case W_MAXIMUM:
    case W_MINIMUM:
        return S_SET | S_DUR;
    case W_SEVERAL:
    case W_MANY:
    case W_FEW:
    case W_HALF:
    case W_OVER:
    case W_MORE:
    case W_LONGER:
    case W_IN:
    case W_WELL:
    case W_JUST:
    case W_ALMOST:
    case W_NEARLY:
    case W_UNDER:
    case W_LESS:
    case W_FEWER:
    case W_SOME:
    case W_AT:
    case W_NO:
    case W_NOT:
    case W_UP:
        return S_DUR;
    default:
        return 0;
    }
}

/* In order of preference when two give spans of the same length. */
static const struct {
    matcher run;
    unsigned on; /* the S_* tokens it may start at */
} matchers[] = {
    {m_numeric_date, S_NUM},
    {m_time, S_NUM | S_TIME},
    {m_date, S_NUM | S_MONTH},
    {m_modified_date, S_MOD},
    {m_relative, S_THE},
    {m_that, S_THE}, /* "that afternoon", "earlier that month" */
    {m_set, S_SET | S_NUM},
    {m_duration, S_DUR | S_NUM},
    {m_decade, S_NUM},
    {m_season, S_SEASON},
    {m_year, S_NUM},
    {m_year_pair, S_NUM},
    {m_short_year, S_NUM},
    {m_easter, S_SEASON},
    {m_week, S_PART},
    {m_part_year, S_PART},
    {m_weekday, S_MONTH},
    {m_day_alone, S_NUM},   /* "on the 29th" */
    {m_month_week, S_PART}, /* "the first week of June" */
    {m_this_last, S_PART},
};

/* A scan's plan has a bit for each matcher. */
typedef char
    cc_matchers_fit_a_plan[sizeof matchers / sizeof *matchers <= 32 ? 1 : -1];

/* The index of the lowest set bit of a nonzero x. */
static int
lowest_bit(uint32_t x)
{
    int k = 0;
#if defined(__GNUC__) || defined(__clang__)
    k = __builtin_ctz(x);
#else
    while (!(x & 1)) {
        x >>= 1;
        k++;
    }
#endif
    return k;
}

cc_status
cc_recognise__scan(cc_raw **out, size_t *n, const char *s, size_t start,
                   size_t len, cc_error *err)
{
    scan *sc = NULL;
    cc_raw *v = NULL;
    size_t nv = 0, cap = 0;
    cc_status st = CC_OK;

    *out = NULL;
    *n = 0;
    if (len > UINT32_MAX)
        return cc_error__fail(err, CC_EINVAL, "input too large");
    sc = malloc(sizeof *sc);
    if (!sc)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    sc->s = s;
    sc->len = len;
    sc->pos = start;
    sc->sp = sc->nl = 1;
    sc->nt = 0;
    memset(sc->planned, 0, sizeof sc->planned);
    memset(&sc->blank, 0, sizeof sc->blank);
    sc->blank.r.hour = sc->blank.r.minute = -1;
    keywords_index(sc);
    for (size_t i = 0;;) {
        if (i + LOOKAHEAD > sc->nt && sc->pos < len) {
            if (i > LOOKBACK) {
                size_t drop = i - LOOKBACK;
                memmove(sc->t, sc->t + drop, (sc->nt - drop) * sizeof *sc->t);
                sc->nt -= drop;
                i -= drop;
            }
            tokenise(sc);
        }
        if (i >= sc->nt)
            break;
        match m[2]; /* the best so far, and the next candidate */
        int best = -1;
        size_t best_end = i;
        unsigned on = sc->t[i].on;
        if (!on) {
            i++;
            continue;
        }
        if (!sc->planned[on]) {
            uint32_t bits = 0;
            for (size_t k = 0; k < sizeof matchers / sizeof *matchers; k++)
                if (matchers[k].on & on)
                    bits |= (uint32_t)1 << k;
            sc->plan[on] = bits;
            sc->planned[on] = 1;
        }
        /* the matchers this token may start, in the table's order */
        for (uint32_t bits = sc->plan[on]; bits; bits &= bits - 1) {
            int k = lowest_bit(bits);
            int c = best == 0;
            match_init(sc, &m[c], i);
            if (matchers[k].run(sc, i, &m[c]) && m[c].end > best_end) {
                best = c;
                best_end = m[c].end;
            }
        }
        if (best < 0) {
            i++;
            continue;
        }
        if (nv == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            cc_raw *p = realloc(v, ncap * sizeof *p);
            if (!p) {
                st = cc_error__fail(err, CC_ENOMEM, "out of memory");
                goto done;
            }
            v = p;
            cap = ncap;
        }
        m[best].r.offset = sc->t[i].b;
        m[best].r.length = sc->t[best_end - 1].e - sc->t[i].b;
        v[nv++] = m[best].r;
        i = best_end;
    }
    *out = v;
    *n = nv;
    v = NULL;
done:
    free(v);
    free(sc);
    return st;
}
