/*
 * The fuzz targets: one input, one entry point, and the promises of
 * caseclock.h checked on what comes back.
 */
#include "targets.h"

#include "extract.h"

#include <stdlib.h>
#include <string.h>

/* A status the header documents. */
static int
known_status(cc_status st)
{
    return st == CC_OK || st == CC_EINVAL || st == CC_ECOVERAGE ||
           st == CC_EIO || st == CC_EWRITE || st == CC_ENOMEM ||
           st == CC_EINTERNAL;
}

/* A failed call's error: its code, one line of message, sane position. */
static const char *
check_error(cc_status st, const cc_error *err, size_t size)
{
    if (!known_status(st))
        return "status is not one of cc_status";
    if (err->code != st)
        return "err.code differs from the returned status";
    if (!memchr(err->message, '\0', sizeof err->message) ||
        !memchr(err->source, '\0', sizeof err->source))
        return "error strings are not NUL-terminated";
    if (err->message[0] == '\0')
        return "error message is empty";
    if (strchr(err->message, '\n') || strchr(err->message, '\r'))
        return "error message is more than one line";
    if (err->line < 0 || err->column < 0)
        return "negative line or column";
    if (err->offset > size)
        return "error offset is past the end of the input";
    return NULL;
}

/* A NUL-terminated copy of data[0..n) (stops at an embedded NUL). */
static char *
copy_string(const uint8_t *data, size_t n)
{
    char *s = malloc(n + 1);

    if (s) {
        memcpy(s, data, n);
        s[n] = '\0';
    }
    return s;
}

static int
is_continuation(uint8_t b)
{
    return (b & 0xC0) == 0x80;
}

/* [offset, offset + length) lies in the input on UTF-8 boundaries. */
static int
span_ok(const uint8_t *data, size_t size, size_t offset, size_t length)
{
    if (offset > size || length > size - offset)
        return 0;
    if (offset < size && is_continuation(data[offset]))
        return 0;
    if (offset + length < size && is_continuation(data[offset + length]))
        return 0;
    return 1;
}

/* s ends within its first max bytes; none past its NUL is read. */
static int
shorter_than(const char *s, size_t max)
{
    for (size_t i = 0; i < max; i++)
        if (!s[i])
            return 1;
    return 0;
}

static const char *
check_mention(const cc_mention *m, const uint8_t *data, size_t size,
              size_t start, const cc_doc *doc)
{
    if (m->length == 0)
        return "empty mention";
    if (m->offset < start)
        return "mention inside the byte order mark";
    if (!span_ok(data, size, m->offset, m->length))
        return "mention is not on UTF-8 boundaries inside the input";
    if (!m->value || !m->mod)
        return "mention value or mod is NULL";
    if (!shorter_than(m->value, 40) || !shorter_than(m->mod, 16))
        return "mention value or mod is longer than any TIMEX3 value";
    if (m->type > CC_MENTION_SET)
        return "mention type out of range";
    if (m->paragraph < -1 ||
        (m->paragraph >= 0 &&
         (size_t)m->paragraph >= cc_doc_paragraph_count(doc)))
        return "mention paragraph index out of range";
    if (m->sentence < -1 ||
        (m->sentence >= 0 && (size_t)m->sentence >= cc_doc_sentence_count(doc)))
        return "mention sentence index out of range";
    if (m->type == CC_MENTION_DATE && m->grain != CC_GRAIN_NONE &&
        !(m->flags & CC_MENTION_UNRESOLVED)) {
        if (m->earliest > m->latest)
            return "DATE mention ends before it starts";
        if (m->grain == CC_GRAIN_DAY) {
            cc_date d;
            char want[11];
            if (m->earliest != m->latest)
                return "DATE of grain day spans more than a day";
            /* The value starts with the day it stands for. */
            if (strncmp(m->value, cc_date_format(m->earliest, want), 10) != 0)
                return "DATE of grain day: value and earliest disagree";
            memcpy(want, m->value, 10);
            want[10] = '\0';
            if (cc_date_parse(&d, want, NULL) != CC_OK || d != m->earliest)
                return "DATE of grain day is not a real day";
        }
    }
    return NULL;
}

static const char *
check_place(const cc_place *w, const uint8_t *data, size_t size)
{
    if (!span_ok(data, size, w->offset, w->length) ||
        !span_ok(data, size, w->sentence_offset, w->sentence_length))
        return "a place is not on UTF-8 boundaries inside the input";
    /* The sentence is the one the words start in (an agreed action's
     * words may run on into the next). */
    if (w->length && w->sentence_length &&
        (w->offset < w->sentence_offset ||
         w->offset >= w->sentence_offset + w->sentence_length))
        return "a place's words do not start in its sentence";
    if (w->length && w->line < 1)
        return "a place has no line";
    if (!w->section)
        return "a place has a NULL section";
    return NULL;
}

/* The chronology: sorted by earliest day, ties in text order with the
 * decision last; every place inside the input. */
static const char *
check_timeline(const cc_timeline *tl, const cc_doc *doc, const uint8_t *data,
               size_t size)
{
    const cc_event *prev = NULL;
    const char *bad = NULL;

    for (size_t i = 0; !bad && i < cc_timeline_event_count(tl); i++) {
        const cc_event *e = cc_timeline_event(tl, i);
        if (!e)
            return "cc_timeline_event(i) is NULL below the count";
        if (e->earliest > e->latest)
            return "an event ends before it starts";
        if (e->mention >= cc_doc_mention_count(doc))
            return "an event's mention index is out of range";
        if (!e->value || !e->mod)
            return "an event has a NULL string";
        if (prev &&
            (prev->earliest > e->earliest ||
             (prev->earliest == e->earliest &&
              prev->kind == CC_EVENT_DECISION && e->kind != CC_EVENT_DECISION)))
            return "events are not in date order, the decision last";
        bad = check_place(&e->where, data, size);
        prev = e;
    }
    for (size_t i = 0; !bad && i < cc_timeline_deadline_count(tl); i++) {
        const cc_deadline *d = cc_timeline_deadline(tl, i);
        if (!d)
            return "cc_timeline_deadline(i) is NULL below the count";
        if (d->due_earliest > d->due_latest)
            return "a deadline's due days are the wrong way round";
        if (d->has_actual && d->actual_earliest > d->actual_latest)
            return "a deadline's actual days are the wrong way round";
        if (d->has_actual && d->late_min > d->late_max)
            return "a deadline's lateness is the wrong way round";
        if (!d->rule || !d->title || !d->source || !d->discretion ||
            !d->action || !d->note || (d->ninputs && !d->inputs))
            return "a deadline has a NULL string";
        for (size_t k = 0; !bad && k < d->ninputs; k++) {
            const cc_evidence *ev = &d->inputs[k];
            if (ev->dated && ev->earliest > ev->latest)
                return "evidence ends before it starts";
            if (ev->event < -1 ||
                (ev->event >= 0 &&
                 (size_t)ev->event >= cc_timeline_event_count(tl)))
                return "evidence points past the events";
            bad = check_place(&ev->where, data, size);
        }
    }
    for (size_t i = 0; !bad && i < cc_timeline_finding_count(tl); i++) {
        const cc_finding *f = cc_timeline_finding(tl, i);
        if (!f)
            return "cc_timeline_finding(i) is NULL below the count";
        if (f->has_interval && f->min_days > f->max_days)
            return "a finding's interval is the wrong way round";
        if (!f->stated || !f->mod || !f->measure || !f->note)
            return "a finding has a NULL string";
        bad = check_place(&f->where, data, size);
    }
    return bad;
}

static const char *
doc_checks(const cc_ctx *ctx, const uint8_t *data, size_t size)
{
    cc_doc *doc = NULL;
    cc_error err = {0};
    const char *bad = NULL;
    const char *text;
    char chunk[61]; /* an odd size, to cut through replaced characters */
    size_t len, start, end = 0;
    cc_status st;

    st = cc_doc_read(&doc, ctx, (const char *)data, size, "<fuzz>", &err);
    if (st != CC_OK) {
        if (doc)
            return "an error and a document";
        return check_error(st, &err, size);
    }
    if (!doc)
        return "CC_OK and no document";
    start = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    len = cc_doc_source_length(doc);
    if (len != size)
        return "the source's length is not the input's";
    for (size_t at = 0; at < size; at += sizeof chunk) {
        size_t n = cc_doc_source_copy(doc, at, sizeof chunk, chunk);
        if (n != (size - at < sizeof chunk ? size - at : sizeof chunk) ||
            memcmp(chunk, data + at, n) != 0)
            return "the source rebuilt is not the input";
    }
    /* the spans index the cleaned text, which maps back onto the input's
     * character boundaries, in order */
    text = cc_doc_text(doc, &len);
    if (len > size)
        return "the cleaned text is longer than the input";
    for (size_t i = 0, last = 0; i <= len; i++) {
        size_t at = cc_doc_source_offset(doc, i);
        if (at < last || at > size || at < i)
            bad = "cc_doc_source_offset is not monotonic inside the input";
        else if (i < len && ((const uint8_t *)text)[i] < 0x80 &&
                 ((const uint8_t *)text)[i] != data[at] && data[at] < 0x80)
            bad = "an ASCII byte of the cleaned text is not the input's";
        if (bad)
            break;
        last = at;
    }
    for (size_t i = 0; !bad && i < cc_doc_mention_count(doc); i++) {
        const cc_mention *m = cc_doc_mention(doc, i);
        if (!m)
            bad = "cc_doc_mention(i) is NULL below the count";
        else if (m->offset < end)
            bad = "mentions overlap or are out of text order";
        else
            bad = check_mention(m, (const uint8_t *)text, len, start, doc);
        if (m)
            end = m->offset + m->length;
    }
    for (size_t i = 0; !bad && i < cc_doc_sentence_count(doc); i++) {
        const cc_sentence *s = cc_doc_sentence(doc, i);
        if (!span_ok((const uint8_t *)text, len, s->offset, s->length))
            bad = "sentence is not on UTF-8 boundaries inside the input";
    }
    for (size_t i = 0; !bad && i < cc_doc_paragraph_count(doc); i++) {
        const cc_paragraph *p = cc_doc_paragraph(doc, i);
        if (!span_ok((const uint8_t *)text, len, p->offset, p->length))
            bad = "paragraph is not on UTF-8 boundaries inside the input";
    }
    for (size_t i = 0; !bad && i < cc_doc_section_count(doc); i++) {
        const cc_section *s = cc_doc_section(doc, i);
        if (!span_ok((const uint8_t *)text, len, s->offset, s->length) ||
            !s->title)
            bad = "section is not on UTF-8 boundaries inside the input";
    }
    if (!bad && cc_doc_field(doc, CC_FIELD_DECISION_DATE)) {
        cc_date d, dd;
        if (cc_date_parse(&d, cc_doc_field(doc, CC_FIELD_DECISION_DATE),
                          NULL) != CC_OK ||
            !cc_doc_decision_date(&dd, doc) || d != dd)
            bad = "decision date field is not the decision date";
    }
    if (!bad) {
        cc_timeline *tl = NULL;
        memset(&err, 0, sizeof err);
        st = cc_timeline_new(&tl, ctx, doc, &err);
        if (st != CC_OK)
            bad = tl ? "an error and a timeline" : check_error(st, &err, size);
        else
            bad = tl ? check_timeline(tl, doc, (const uint8_t *)text, len)
                     : "CC_OK and no timeline";
        cc_timeline_free(tl);
    }
    cc_doc_free(doc);
    return bad;
}

/*
 * The reader refuses a NUL byte (not text).  So that inputs with one still
 * reach the recogniser and the timeline, that refusal is checked first and
 * the checks then run again on a copy with each NUL made a space.
 */
const char *
cc_fuzz_doc(const cc_ctx *ctx, const uint8_t *data, size_t size)
{
    cc_doc *doc = NULL;
    cc_error err = {0};
    uint8_t *copy;
    const char *bad;
    cc_status st;

    if (!size || !memchr(data, '\0', size))
        return doc_checks(ctx, data, size);
    st = cc_doc_read(&doc, ctx, (const char *)data, size, "<fuzz>", &err);
    if (st == CC_OK) {
        cc_doc_free(doc);
        return "a NUL byte was read as text";
    }
    if ((bad = check_error(st, &err, size)) != NULL)
        return bad;
    copy = malloc(size);
    if (!copy)
        return NULL;
    for (size_t i = 0; i < size; i++)
        copy[i] = data[i] ? data[i] : ' ';
    bad = doc_checks(ctx, copy, size);
    free(copy);
    return bad;
}

static const char *
check_calc(const cc_calendar *cal, cc_date from, cc_period p)
{
    cc_calc calc;
    cc_error err = {0};
    cc_status st = cc_calc_add(&calc, cal, from, p, &err);
    const char *bad = NULL;
    int y;

    if (st != CC_OK)
        return check_error(st, &err, 0);
    cc_date_to_ymd(calc.date, &y, NULL, NULL);
    if (y < CC_YEAR_MIN || y > CC_YEAR_MAX)
        bad = "cc_calc_add left years 1-9999";
    else if (p.counting == CC_COUNT_AFTER &&
             (p.unit == CC_UNIT_DAY || p.unit == CC_UNIT_WEEK) &&
             calc.date - from !=
                 (cc_date)p.n * (p.unit == CC_UNIT_WEEK ? 7 : 1))
        bad = "N days after X is not X + N";
    else if (p.unit == CC_UNIT_WORKDAY && p.counting == CC_COUNT_AFTER) {
        long n = 0;
        int work = 0;
        /* N > 0: N working days in (X, result]; N < 0: -N working days
         * in [result, X). */
        cc_status st2 =
            p.n >= 0
                ? cc_workdays_between(&n, cal, from, calc.date, NULL)
                : cc_workdays_between(&n, cal, calc.date - 1, from - 1, NULL);
        if (st2 != CC_OK || n != (p.n >= 0 ? p.n : -(long)p.n))
            bad = "N working days from X: the days between do not hold N";
        else if (p.n != 0 && (cc_calendar_is_workday(
                                  &work, NULL, cal, calc.date, NULL) != CC_OK ||
                              !work))
            bad = "N working days after X lands on a non-working day";
    }
    cc_calc_clear(&calc);
    return bad;
}

const char *
cc_fuzz_date(const cc_ctx *ctx, const uint8_t *data, size_t size)
{
    const uint8_t *nl = memchr(data, '\n', size);
    size_t dlen = nl ? (size_t)(nl - data) : size;
    char *dtext = copy_string(data, dlen);
    char *ptext = nl ? copy_string(nl + 1, size - dlen - 1) : NULL;
    cc_calendar *cal = NULL;
    cc_error err = {0};
    cc_date d = 0, back;
    cc_period p = {0}, pback;
    int date_ok = 0, period_ok = 0;
    const char *bad = NULL;
    char buf[11], longd[64], pbuf[32];
    cc_status st;

    if (!dtext || (nl && !ptext)) {
        bad = NULL; /* out of memory: nothing to check */
        goto done;
    }
    st = cc_date_parse(&d, dtext, &err);
    if (st != CC_OK) {
        if ((bad = check_error(st, &err, 0)) != NULL)
            goto done;
    } else {
        date_ok = 1;
        if (cc_date_parse(&back, cc_date_format(d, buf), NULL) != CC_OK ||
            back != d) {
            bad = "a parsed date does not survive YYYY-MM-DD and back";
            goto done;
        }
        cc_date_format_long(d, longd, sizeof longd);
        if (cc_date_parse(&back, longd, NULL) != CC_OK || back != d) {
            bad = "a parsed date does not survive the long form and back";
            goto done;
        }
    }
    if (ptext) {
        memset(&err, 0, sizeof err);
        st = cc_period_parse(&p, ptext, &err);
        if (st != CC_OK) {
            if ((bad = check_error(st, &err, 0)) != NULL)
                goto done;
        } else {
            period_ok = 1;
            if (cc_period_parse(&pback, cc_period_format(p, pbuf, sizeof pbuf),
                                NULL) != CC_OK ||
                pback.n != p.n || pback.unit != p.unit) {
                bad = "a parsed period does not survive formatting";
                goto done;
            }
        }
    }
    if (date_ok && period_ok &&
        cc_calendar_new(&cal, ctx, "england-and-wales", NULL) == CC_OK) {
        if ((bad = check_calc(cal, d, p)) != NULL)
            goto done;
        p.counting = CC_COUNT_BEGINNING_WITH;
        bad = check_calc(cal, d, p);
    }
done:
    cc_calendar_free(cal);
    free(dtext);
    free(ptext);
    return bad;
}

const char *
cc_fuzz_ics(const cc_ctx *ctx, const uint8_t *data, size_t size)
{
    cc_calendar *cal = NULL, *plain = NULL;
    cc_error err = {0};
    cc_date first, last;
    long with = 0, without = 0;
    const char *bad = NULL;
    cc_status st;

    if (cc_calendar_new(&cal, ctx, "england-and-wales", NULL) != CC_OK ||
        cc_calendar_new(&plain, ctx, "england-and-wales", NULL) != CC_OK)
        goto done;
    st = cc_calendar_add_ics(cal, (const char *)data, size, "<fuzz>", &err);
    if (st != CC_OK) {
        bad = check_error(st, &err, size);
        goto done;
    }
    /* Closure days can only take working days away. */
    cc_calendar_coverage(&first, &last, cal);
    if (cc_workdays_between(&with, cal, first - 1, last, NULL) != CC_OK ||
        cc_workdays_between(&without, plain, first - 1, last, NULL) != CC_OK)
        bad = "working days over the whole coverage cannot be counted";
    else if (with > without)
        bad = "closure days added working days";
done:
    cc_calendar_free(cal);
    cc_calendar_free(plain);
    return bad;
}

const char *
cc_fuzz_rules(cc_ctx *ctx, const uint8_t *data, size_t size)
{
    cc_error err = {0};
    const char *bad = NULL;
    size_t before = cc_ctx_rule_count(ctx);
    cc_status st;

    st = cc_ctx_load_rules(ctx, (const char *)data, size, "<fuzz>", &err);
    if (st != CC_OK) {
        /* A failed load leaves the rules as they were. */
        if (cc_ctx_rule_count(ctx) != before)
            return "a failed load changed the rules";
        return check_error(st, &err, size);
    }
    for (size_t i = 0; !bad && i < cc_ctx_rule_count(ctx); i++) {
        const cc_rule *r = cc_ctx_rule(ctx, i);
        if (!r || !r->id || !r->title || !r->source || !r->words ||
            !r->trigger || !r->calendar || !r->division || !r->discretion ||
            !r->qualifier)
            bad = "a loaded rule has a NULL string";
        else if (cc_ctx_rule_find(ctx, r->id) != r)
            bad = "a loaded rule is not found by its id";
        else if (r->nextensions && !r->extensions)
            bad = "extensions counted but missing";
        for (size_t k = 0; !bad && r && k < r->nextensions; k++)
            if (!r->extensions[k].condition)
                bad = "an extension has no condition";
    }
    return bad;
}

/* Valid UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF). */
static int
valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        size_t k;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            k = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            k = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            k = 3, cp = c & 0x07;
        else
            return 0;
        if (n - i <= k)
            return 0;
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = cp << 6 | (s[i + j] & 0x3F);
        }
        if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += k + 1;
    }
    return 1;
}

typedef cc_status (*extract_fn)(cc_extracted *, const char *, size_t,
                                const char *, cc_error *);

static const char *
fuzz_extract(extract_fn read, const uint8_t *data, size_t size)
{
    cc_extracted x;
    cc_error err;
    cc_status st;
    const char *bad = NULL;

    memset(&err, 0, sizeof err);
    st = read(&x, (const char *)data, size, "fuzz.in", &err);
    if (st != CC_OK) {
        if (x.text || x.len)
            return "a refused document left text in *out";
        if ((bad = check_error(st, &err, size)))
            return bad;
        if (strcmp(err.source, "fuzz.in") != 0)
            return "a refusal does not name the source";
        return NULL;
    }
    if (!x.text || x.len == 0)
        bad = "CC_OK with no text";
    else if (x.text[x.len] != '\0' || strlen(x.text) != x.len)
        bad = "the text is not NUL-terminated at its length";
    else if (x.text[x.len - 1] != '\n')
        bad = "the text does not end with a newline";
    else if (!valid_utf8((const unsigned char *)x.text, x.len))
        bad = "the text is not UTF-8";
    free(x.text);
    return bad;
}

const char *
cc_fuzz_html(const uint8_t *data, size_t size)
{
    return fuzz_extract(cc_extract__html, data, size);
}

const char *
cc_fuzz_pdf(const uint8_t *data, size_t size)
{
    return fuzz_extract(cc_extract__pdf, data, size);
}

const char *
cc_fuzz_docx(const uint8_t *data, size_t size)
{
    return fuzz_extract(cc_extract__docx, data, size);
}

const char *
cc_fuzz_run(const char *name, cc_ctx *ctx, const uint8_t *data, size_t size)
{
    if (strcmp(name, "doc") == 0)
        return cc_fuzz_doc(ctx, data, size);
    if (strcmp(name, "date") == 0)
        return cc_fuzz_date(ctx, data, size);
    if (strcmp(name, "ics") == 0)
        return cc_fuzz_ics(ctx, data, size);
    if (strcmp(name, "rules") == 0)
        return cc_fuzz_rules(ctx, data, size);
    if (strcmp(name, "html") == 0)
        return cc_fuzz_html(data, size);
    if (strcmp(name, "pdf") == 0)
        return cc_fuzz_pdf(data, size);
    if (strcmp(name, "docx") == 0)
        return cc_fuzz_docx(data, size);
    return "no such fuzz target";
}
