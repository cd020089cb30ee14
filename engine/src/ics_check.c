/*
 * libical reads what it can and skips the rest, leaving at most an
 * X-LIC-ERROR property behind.  A council's closure-day file with a broken
 * line would then lose a closure day without a word, and a deadline would
 * come out a day early.  So the text is checked here first, line by line.
 */
#include "ics_check.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utf8.h>

#include "error.h"

enum { MAX_DEPTH = 8, MAX_NAME = 64 };

typedef struct checker {
    const char *source;
    cc_error *err;
    char stack[MAX_DEPTH][MAX_NAME];
    int stack_line[MAX_DEPTH];
    int depth;
    int seen_calendar; /* a top-level VCALENDAR has ended */
    int *events;
    size_t nevents, cap;
} checker;

/* Does s[0..n) contain the NUL-terminated `needle`? */
static int
contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);

    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return 1;
    return 0;
}

static int
is_name_char(int c)
{
    return isalnum(c) || c == '-';
}

/* DATE: 8 digits; DATE-TIME: 8 digits, 'T', 6 digits, optional 'Z'. */
static int
valid_date_value(const char *v, size_t n, int date_only)
{
    for (size_t i = 0; i < 8; i++)
        if (i >= n || !isdigit((unsigned char)v[i]))
            return 0;
    if (n == 8)
        return 1;
    if (date_only || v[8] != 'T' || (n != 15 && n != 16))
        return 0;
    for (size_t i = 9; i < 15; i++)
        if (!isdigit((unsigned char)v[i]))
            return 0;
    /* HHMMSS: hour 00-23, minute 00-59, second 00-60 (RFC 5545 3.3.12). */
    if ((v[9] - '0') * 10 + (v[10] - '0') > 23 || v[11] > '5' || v[13] > '6' ||
        (v[13] == '6' && v[14] != '0'))
        return 0;
    return n == 15 || v[15] == 'Z';
}

static cc_status
push_event_line(checker *ck, int line)
{
    if (ck->nevents == ck->cap) {
        size_t cap = ck->cap ? ck->cap * 2 : 16;
        int *ev = realloc(ck->events, cap * sizeof *ev);
        if (!ev)
            return cc_error__fail(ck->err, CC_ENOMEM, "out of memory");
        ck->events = ev;
        ck->cap = cap;
    }
    ck->events[ck->nevents++] = line;
    return CC_OK;
}

/* One unfolded content line, `n` bytes, starting on physical line `line`. */
static cc_status
check_line(checker *ck, const char *s, size_t n, int line)
{
    size_t i = 0, name_len;
    int in_quotes = 0, date_only = 0;
    const char *value;
    size_t value_len;
    char name[MAX_NAME];

    while (i < n && is_name_char((unsigned char)s[i]))
        i++;
    name_len = i;
    if (name_len == 0 || name_len >= MAX_NAME)
        return cc_error__set(ck->err, CC_EINVAL, ck->source, line, 1, 0,
                             "not an iCalendar content line (NAME:VALUE "
                             "expected)");
    memcpy(name, s, name_len);
    name[name_len] = '\0';
    for (size_t k = 0; k < name_len; k++)
        name[k] = (char)toupper((unsigned char)name[k]);
    /* Parameters up to the first ':' outside double quotes. */
    for (; i < n; i++) {
        if (s[i] == '"')
            in_quotes = !in_quotes;
        else if (!in_quotes && s[i] == ':')
            break;
    }
    if (i == n || (s[name_len] != ':' && s[name_len] != ';'))
        return cc_error__set(
            ck->err, CC_EINVAL, ck->source, line, (int)name_len + 1, 0,
            "content line '%s' has no ':' before its value", name);
    if (contains(s + name_len, i - name_len, ";VALUE=DATE") &&
        !contains(s + name_len, i - name_len, ";VALUE=DATE-TIME"))
        date_only = 1;
    value = s + i + 1;
    value_len = n - i - 1;

    if (strcmp(name, "BEGIN") == 0) {
        if (ck->depth == 0 &&
            (value_len != 9 || strncmp(value, "VCALENDAR", 9) != 0))
            return cc_error__set(ck->err, CC_EINVAL, ck->source, line, 1, 0,
                                 "expected BEGIN:VCALENDAR");
        if (ck->depth == 0 && ck->seen_calendar)
            return cc_error__set(ck->err, CC_EINVAL, ck->source, line, 1, 0,
                                 "more than one VCALENDAR in the file");
        if (ck->depth == MAX_DEPTH || value_len == 0 || value_len >= MAX_NAME)
            return cc_error__set(ck->err, CC_EINVAL, ck->source, line, 1, 0,
                                 "bad or too deeply nested BEGIN");
        if (ck->depth == 1 && value_len == 6 &&
            strncmp(value, "VEVENT", 6) == 0 &&
            push_event_line(ck, line) != CC_OK)
            return CC_ENOMEM;
        memcpy(ck->stack[ck->depth], value, value_len);
        ck->stack[ck->depth][value_len] = '\0';
        ck->stack_line[ck->depth] = line;
        ck->depth++;
    } else if (strcmp(name, "END") == 0) {
        if (ck->depth == 0 || strlen(ck->stack[ck->depth - 1]) != value_len ||
            strncmp(ck->stack[ck->depth - 1], value, value_len) != 0)
            return cc_error__set(ck->err, CC_EINVAL, ck->source, line, 1, 0,
                                 "END:%.*s does not close %s%s", (int)value_len,
                                 value, ck->depth ? "BEGIN:" : "anything",
                                 ck->depth ? ck->stack[ck->depth - 1] : "");
        ck->depth--;
        if (ck->depth == 0)
            ck->seen_calendar = 1;
    } else if (ck->depth == 0) {
        return cc_error__set(ck->err, CC_EINVAL, ck->source, line, 1, 0,
                             "'%s' outside BEGIN:VCALENDAR ... END:VCALENDAR",
                             name);
    } else if ((strcmp(name, "DTSTART") == 0 || strcmp(name, "DTEND") == 0) &&
               !valid_date_value(value, value_len, date_only)) {
        return cc_error__set(ck->err, CC_EINVAL, ck->source, line, (int)i + 2,
                             0, "%s value '%.*s' is not a %s", name,
                             (int)(value_len > 40 ? 40 : value_len), value,
                             date_only ? "date (YYYYMMDD)"
                                       : "date or date-time");
    }
    return CC_OK;
}

/* The 1-based line and column (in code points) of byte `at` in s. */
static void
position(const char *s, size_t at, int *line, int *column)
{
    size_t start = 0;

    *line = 1;
    for (size_t i = 0; i < at; i++)
        if (s[i] == '\n') {
            (*line)++;
            start = i + 1;
        }
    *column = 1;
    for (size_t i = start; i < at; i++)
        *column += ((unsigned char)s[i] & 0xC0) != 0x80;
}

cc_status
cc_ics__text(char **out, size_t *outlen, const char *data, size_t len,
             const char *source, cc_error *err)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t skip = 0, n;
    char *text;
    int line, column;

    *out = NULL;
    *outlen = 0;
    if (len >= 2 &&
        ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
        return cc_error__set(err, CC_EINVAL, source, 1, 1, 0,
                             "UTF-16 text (byte order mark %02X %02X): "
                             "convert it to UTF-8 first, e.g. with iconv "
                             "-f UTF-16 -t UTF-8",
                             u[0], u[1]);
    if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        skip = 3;
    n = len - skip;
    if (n > INT32_MAX) /* U8_NEXT counts in int32_t */
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "iCalendar file too large (%zu bytes)", len);
    text = malloc(n + 1);
    if (!text)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        char c = data[skip + i];
        text[i] =
            c == '\r' && (i + 1 == n || data[skip + i + 1] != '\n') ? '\n' : c;
    }
    text[n] = '\0';
    /* ICU's U8_NEXT decides what is well-formed, as for decisions. */
    for (int32_t i = 0, end = (int32_t)n; i < end;) {
        int32_t at = i;
        UChar32 c;

        U8_NEXT(text, i, end, c);
        if (c <= 0) {
            position(text, (size_t)at, &line, &column);
            free(text);
            if (c == 0)
                return cc_error__set(err, CC_EINVAL, source, line, column,
                                     skip + (size_t)at,
                                     "NUL byte at offset %zu: not a text "
                                     "file",
                                     skip + (size_t)at);
            return cc_error__set(err, CC_EINVAL, source, line, column,
                                 skip + (size_t)at,
                                 "invalid UTF-8: byte 0x%02X at offset %zu",
                                 u[skip + (size_t)at], skip + (size_t)at);
        }
    }
    *out = text;
    *outlen = n;
    return CC_OK;
}

cc_status
cc_ics__check(const char *data, size_t len, const char *source,
              int **event_lines, size_t *nevents, cc_error *err)
{
    checker ck = {.source = source, .err = err};
    char *logical = NULL;
    size_t nlogical = 0, pos = 0;
    int line = 0, logical_line = 0;
    cc_status st = CC_OK;

    *event_lines = NULL;
    *nevents = 0;
    if (memchr(data, '\0', len))
        return cc_error__set(
            err, CC_EINVAL, source, 0, 0,
            (size_t)((const char *)memchr(data, '\0', len) - data),
            "NUL byte in an iCalendar file");
    logical = malloc(len + 1);
    if (!logical)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    while (pos < len && st == CC_OK) {
        const char *s = data + pos;
        const char *nl = memchr(s, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - s) : len - pos;

        pos += n + (nl != NULL);
        line++;
        if (n > 0 && s[n - 1] == '\r')
            n--;
        if (n > 0 && (s[0] == ' ' || s[0] == '\t') && nlogical > 0) {
            /* A folded line continues the one before (RFC 5545 3.1). */
            memcpy(logical + nlogical, s + 1, n - 1);
            nlogical += n - 1;
            continue;
        }
        if (nlogical > 0)
            st = check_line(&ck, logical, nlogical, logical_line);
        nlogical = 0;
        if (n == 0)
            continue; /* blank lines are tolerated */
        memcpy(logical, s, n);
        nlogical = n;
        logical_line = line;
    }
    if (st == CC_OK && nlogical > 0)
        st = check_line(&ck, logical, nlogical, logical_line);
    if (st == CC_OK && ck.depth > 0)
        st = cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                           "missing END:%s for the BEGIN on line %d",
                           ck.stack[ck.depth - 1], ck.stack_line[ck.depth - 1]);
    if (st == CC_OK && !ck.seen_calendar)
        st = cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                           "no VCALENDAR in the file");
    free(logical);
    if (st != CC_OK) {
        free(ck.events);
        return st;
    }
    *event_lines = ck.events;
    *nevents = ck.nevents;
    return CC_OK;
}

static cc_status
find_error(icalcomponent *c, const char *source, cc_error *err)
{
    icalproperty *p =
        icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
    icalcomponent *sub;

    if (p)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "iCalendar error: %s",
                             icalproperty_get_xlicerror(p));
    for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
         sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT)) {
        cc_status st = find_error(sub, source, err);
        if (st != CC_OK)
            return st;
    }
    return CC_OK;
}

cc_status
cc_ics__check_parsed(icalcomponent *root, const char *source, cc_error *err)
{
    return find_error(root, source, err);
}
