/*
 * Agreed actions (the Ombudsman's remedies) and the promises a decision
 * reports.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/common.h"
#include "error.h"

/* ------------------------------------------------------------------ */
/* 4. Agreed actions                                                   */

/* The closing line of a published decision that records the remedy done:
 * "Ombudsman satisfied with council's response : 3 Apr 2024". */
typedef struct satisfied {
    int found;
    cc_date day;
    size_t at, len; /* the line, for the evidence */
} satisfied;

/* Reads the line (the remedy rule's completion words: "Ombudsman
 * satisfied with ... response") into *out; out->found is 0 when the text
 * has none. */
static void
satisfied_line(satisfied *out, const run *r, const cc_rule *rule)
{
    out->found = 0;
    if (!rule)
        return;
    for (size_t i = 0; i < cc_doc_mention_count(r->doc); i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        size_t a = m->offset, b = m->offset + m->length;
        if (m->type != CC_MENTION_DATE || m->grain != CC_GRAIN_DAY ||
            (m->flags & CC_MENTION_UNRESOLVED))
            continue;
        /* a closing line is short: look no further back than a line of
         * its length could start (a long line is narrative) */
        while (a > 0 && r->text[a - 1] != '\n' && m->offset - a < 256)
            a--;
        if (a > 0 && r->text[a - 1] != '\n')
            continue;
        a = cc_check__skip_space(r->text, a, m->offset);
        for (size_t k = 0; k < rule->engage.completion.n && !out->found; k++)
            out->found = cc_words__find_pattern(
                             r->text, a, m->offset,
                             rule->engage.completion.items[k], NULL, NULL) == a;
        if (out->found) {
            out->day = m->earliest;
            out->at = a;
            out->len = b - a;
            return;
        }
    }
}

/* The text of paragraph i without its number or bullet, one line. */
static const char *
paragraph_words(run *r, size_t i)
{
    const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
    size_t a = p->offset, b = p->offset + p->length;
    char *buf, *o;
    const char *s;

    while (a < b &&
           (r->text[a] == ' ' || (r->text[a] >= '0' && r->text[a] <= '9') ||
            r->text[a] == '.' || r->text[a] == '\t'))
        a++;
    if (b - a >= 3 && memcmp(r->text + a, "\xe2\x80\xa2", 3) == 0) /* • */
        a += 3;
    while (a < b && r->text[a] == ' ')
        a++;
    while (b > a && (r->text[b - 1] == ' ' || r->text[b - 1] == '\n' ||
                     r->text[b - 1] == '\r'))
        b--;
    /* quoted as the document gives it */
    b = cc_doc_source_offset(r->doc, b);
    a = cc_doc_source_offset(r->doc, a);
    buf = malloc(b - a + 1);
    if (!buf)
        return NULL;
    cc_doc_source_copy(r->doc, a, b - a, buf);
    o = buf;
    for (size_t k = 0; k < b - a; k++) {
        char c = buf[k] == '\n' || buf[k] == '\r' ? ' ' : buf[k];
        if (c == ' ' && o > buf && o[-1] == ' ')
            continue;
        *o++ = c;
    }
    *o = '\0';
    s = cc_pool__strndup(&r->tl->pool, buf, (size_t)(o - buf));
    free(buf);
    return s;
}

static int
is_bullet(const run *r, size_t i)
{
    const cc_paragraph *p = cc_doc_paragraph(r->doc, i);
    size_t a = cc_check__skip_space(r->text, p->offset, p->offset + p->length);

    return p->number == 0 && p->offset + p->length - a >= 3 &&
           memcmp(r->text + a, "\xe2\x80\xa2", 3) == 0;
}

/* The kind of action (the rule's first kind whose words the action's
 * text has; "£" anywhere), or NULL. */
static const char *
action_kind(const cc_rule *rule, const char *words)
{
    size_t n = strlen(words);

    for (size_t i = 0; i < rule->engage.nkinds; i++) {
        const cc_words *w = &rule->engage.kinds[i].words;
        for (size_t k = 0; k < w->n; k++) {
            const char *word = w->items[k];
            if ((unsigned char)word[0] >= 0x80
                    ? strstr(words, word) != NULL
                    : cc_words__find(words, 0, n, word) != NONE)
                return rule->engage.kinds[i].id;
        }
    }
    return NULL;
}

static cc_status
action_deadline(run *r, const satisfied *sat, const cc_mention *m, cc_period p,
                size_t para)
{
    cc_timeline *tl = r->tl;
    const cc_rule *rule = cc_check__remedy_rule(r);
    const char *words = paragraph_words(r, para), *kind;
    const cc_paragraph *pp = cc_doc_paragraph(r->doc, para);
    cc_deadline *d;
    char id[64], pbuf[16];

    if (!words)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    kind = action_kind(rule, words);
    snprintf(id, sizeof id, "%s%s%s", rule->id, kind ? "." : "",
             kind ? kind : "");
    d = cc_check__new_deadline(r, CC_CHECK_AGREED_ACTION, rule, id);
    if (!d)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    d->period = p;
    d->action = words;
    cc_check__add_input(r, d, cc_check__decision_evidence(r));
    cc_check__add_input(
        r, d, cc_check__text_evidence(r, m->offset, m->length, "period"));
    cc_check__add_input(
        r, d, cc_check__text_evidence(r, pp->offset, pp->length, "action"));
    if (cc_check__deadline_due_interval(r, d, p, tl->decision, tl->decision) !=
        CC_OK) {
        d->status = CC_STATUS_UNKNOWN;
        d->note = "cannot compute the due date";
        return CC_OK;
    }
    cc_period_format(p, pbuf, sizeof pbuf);
    if (sat->found && sat->day >= tl->decision) {
        /* Done between the decision and the day the Ombudsman recorded
         * being satisfied. */
        char due[11], dec[11], by[11];
        cc_check__add_input(
            r, d, cc_check__text_evidence(r, sat->at, sat->len, "satisfied"));
        cc_check__judge(r, d, 1, tl->decision, sat->day);
        d->note = cc_pool__printf(
            &tl->pool,
            "%s after the decision (%s): due by %s; the Ombudsman recorded "
            "being satisfied with the response on %s, so it was done by "
            "then: %s",
            pbuf, cc_check__iso(tl->decision, dec),
            cc_check__iso(d->due_latest, due), cc_check__iso(sat->day, by),
            d->status == CC_STATUS_MET ? "met"
                                       : "perhaps after the due date: cannot "
                                         "tell");
        return d->note ? CC_OK
                       : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    cc_check__judge(r, d, 0, 0, 0);
    {
        char due[11], dec[11];
        d->note = cc_pool__printf(
            &tl->pool, "%s after the decision (%s): due by %s; %s", pbuf,
            cc_check__iso(tl->decision, dec), cc_check__iso(d->due_latest, due),
            d->status == CC_STATUS_OVERDUE
                ? "today is after the due date and a decision cannot "
                  "record what was done after it"
                : "the decision cannot record what was done after it");
    }
    return d->note ? CC_OK : cc_error__fail(r->err, CC_ENOMEM, "out of memory");
}

/*
 * "Within three months" with no event of its own after it: not "within 20
 * working days of receiving ...", "within a month after the payment".
 */
static int
bare_within(const char *text, const cc_mention *m, size_t len)
{
    static const char *const tied[] = {
        "of",   "from", "after",    "before",    "following", "once",
        "when", "to",   "starting", "beginning", NULL};
    size_t w = m->offset, k = m->offset + m->length;

    while (w > 0 && text[w - 1] == ' ')
        w--;
    if (w < 6 || cc_words__find(text, w - 6, w, "within") != w - 6)
        return 0;
    k = cc_check__skip_space(text, k, len);
    if (k < len && text[k] == ',')
        k = cc_check__skip_space(text, k + 1, len);
    return !cc_check__starts_with_any(text, k, len, tied);
}

/* An agreed action's deadline; with no decision date to count from, the
 * action is counted as undated instead (the writers say so). */
static cc_status
action(run *r, const satisfied *sat, const cc_mention *m, cc_period p,
       size_t para)
{
    if (!r->tl->has_decision) {
        r->tl->undated_actions++;
        return CC_OK;
    }
    return action_deadline(r, sat, m, p, para);
}

cc_status
cc_check__agreed_actions(run *r)
{
    size_t nm = cc_doc_mention_count(r->doc);
    size_t np = cc_doc_paragraph_count(r->doc);
    satisfied sat;

    if (!cc_check__remedy_rule(r))
        return CC_OK;
    /* once: it dates every action */
    satisfied_line(&sat, r, cc_check__remedy_rule(r));
    for (size_t i = 0; i < nm; i++) {
        const cc_mention *m = cc_doc_mention(r->doc, i);
        const cc_sentence *s;
        cc_period p;
        size_t para, a, b, k;
        cc_status st;

        if (m->type != CC_MENTION_DURATION || m->paragraph < 0 ||
            m->sentence < 0 || !cc_check__period_of(m, &p))
            continue;
        /* "of the decision" counts only under an agreed action heading. */
        switch (cc_check__of_decision(r, m->offset + m->length, r->len)) {
        case 1:
            if (!cc_chrono__narrative_at(r->tl, m->paragraph))
                continue;
            break;
        case 2:
            if (!cc_check__action_section(r, m->paragraph))
                continue;
            break;
        default:
            /* "Within three months the Council will review its
             * procedures" under the heading: from the decision too. */
            if (!cc_check__action_section(r, m->paragraph) ||
                !bare_within(r->text, m, r->len))
                continue;
            break;
        }
        para = (size_t)m->paragraph;
        s = cc_doc_sentence(r->doc, (size_t)m->sentence);
        a = s->offset;
        b = s->offset + s->length;
        while (b > a && (r->text[b - 1] == ' ' || r->text[b - 1] == '\n'))
            b--;
        if (b > a && r->text[b - 1] == ':') {
            /* "Within four weeks of this decision, the Council has agreed
             * to:" and the bullets after it. */
            int any = 0;
            for (k = para + 1; k < np && is_bullet(r, k); k++) {
                if ((st = action(r, &sat, m, p, k)) != CC_OK)
                    return st;
                any = 1;
            }
            if (!any && (st = action(r, &sat, m, p, para)) != CC_OK)
                return st;
        } else if (cc_check__has(r->text, a, b, "the above")) {
            /* "The Council should complete the above within ...": the
             * bullets before it. */
            size_t first = para;
            while (first > 0 && is_bullet(r, first - 1))
                first--;
            if (first == para) {
                if ((st = action(r, &sat, m, p, para)) != CC_OK)
                    return st;
            }
            for (k = first; k < para; k++)
                if ((st = action(r, &sat, m, p, k)) != CC_OK)
                    return st;
        } else {
            if ((st = action(r, &sat, m, p, para)) != CC_OK)
                return st;
        }
    }
    return CC_OK;
}

/* ------------------------------------------------------------------ */
/* 5. Promises                                                         */

static const char *const UNDONE_WORDS[] = {"remains incomplete",
                                           "remain incomplete",
                                           "still not",
                                           "has not",
                                           "have not",
                                           "not yet",
                                           "is incomplete",
                                           "not been",
                                           "did not do",
                                           "never did",
                                           NULL};

/* Is event k a completion (done, paid, assessed) that happened? */
static int
completion(const cc_timeline *tl, size_t k)
{
    cc_event_kind c = tl->events[k].kind;

    return (c == CC_EVENT_COMPLETION || c == CC_EVENT_PAYMENT ||
            c == CC_EVENT_ASSESSMENT_COMPLETED) &&
           !tl->info[k].negated;
}

/* The completion said first at or after `at` in paragraph `para`; of
 * those at one offset, the first event.  done[0..n) are the completions
 * in (offset, index) order; paragraphs go with offsets. */
static size_t
done_after(const cc_timeline *tl, const size_t *done, size_t n, size_t at,
           long para)
{
    for (size_t lo = cc_check__offset_bound(tl, done, 0, n, at); lo < n; lo++) {
        long p = tl->info[done[lo]].paragraph;
        if (p == para)
            return done[lo];
        if (para >= 0 && p > para)
            break;
    }
    return NONE;
}

/* The promises' deadlines, the completions done[0..ndone) at hand. */
static cc_status
promises_with(run *r, const size_t *done_list, size_t ndone)
{
    cc_timeline *tl = r->tl;

    for (size_t i = 0; i < tl->nevents; i++) {
        const cc_event *ev = &tl->events[i];
        const cc_place *w = &ev->where;
        size_t done = NONE;
        cc_deadline *d;
        char due[11], act[48];
        int undone;

        if (ev->kind != CC_EVENT_PROMISE)
            continue;
        d = cc_check__new_deadline(r, CC_CHECK_PROMISE, NULL,
                                   "council.promise");
        if (!d)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        d->title = "What the council said it would do, by when";
        d->source = cc_pool__printf(&tl->pool,
                                    "the decision, %s paragraph %d (line %d)",
                                    w->section, w->paragraph, w->line);
        d->confidence = CC_CONF_BELIEVED;
        d->period.n = 0;
        d->period.unit = CC_UNIT_DAY;
        /* "By the end of April": by its last day. */
        d->due_earliest = d->due_latest = ev->latest;
        d->action =
            cc_check__source_dup(&tl->pool, r->doc, w->sentence_offset,
                                 w->sentence_offset + w->sentence_length);
        if (!d->source || !d->action)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
        {
            /* Sentence text on one line. */
            char *s = (char *)d->action;
            for (; *s; s++)
                if (*s == '\n' || *s == '\r')
                    *s = ' ';
        }
        cc_check__add_input(r, d, cc_check__event_evidence(r, i, "promise"));
        undone = cc_check__has_any(r->text, w->sentence_offset,
                                   w->sentence_offset + w->sentence_length,
                                   UNDONE_WORDS);
        if (!undone && tl->info[i].sentence >= 0 &&
            (size_t)tl->info[i].sentence + 1 < cc_doc_sentence_count(r->doc)) {
            /* "... by 30 June 2023. It has still not done so." */
            const cc_sentence *ns =
                cc_doc_sentence(r->doc, (size_t)tl->info[i].sentence + 1);
            if (ns->paragraph == tl->info[i].paragraph)
                undone = cc_check__has_any(
                    r->text, ns->offset, ns->offset + ns->length, UNDONE_WORDS);
        }
        /* Done: a completion later in the same paragraph. */
        if (!undone)
            done = done_after(tl, done_list, ndone, w->offset,
                              tl->info[i].paragraph);
        if (done != NONE) {
            cc_check__add_input(r, d,
                                cc_check__event_evidence(r, done, "actual"));
            cc_check__judge(r, d, 1, tl->events[done].earliest,
                            tl->events[done].latest);
            cc_check__span_text(d->actual_earliest, d->actual_latest, act,
                                sizeof act);
            d->note = cc_pool__printf(&tl->pool, "promised by %s; done %s: %s",
                                      cc_check__iso(ev->latest, due), act,
                                      cc_check__status_words(d));
        } else if (undone && tl->has_decision && tl->decision > ev->latest) {
            cc_check__add_input(r, d, cc_check__decision_evidence(r));
            d->status = CC_STATUS_MISSED;
            d->note = cc_pool__printf(
                &tl->pool,
                "promised by %s; still not done at the decision (%s), "
                "%ld days later",
                cc_check__iso(ev->latest, due),
                cc_check__iso(tl->decision, act),
                (long)tl->decision - (long)ev->latest);
        } else {
            cc_check__judge(r, d, 0, 0, 0);
            d->note = cc_pool__printf(
                &tl->pool,
                "promised by %s; the decision does not say when "
                "it was done",
                cc_check__iso(ev->latest, due));
        }
        if (!d->note)
            return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    }
    return CC_OK;
}

cc_status
cc_check__promises(run *r)
{
    const cc_timeline *tl = r->tl;
    cc_okey *keys = malloc((tl->nevents + 1) * sizeof *keys);
    size_t n = 0, *done;
    cc_status st;

    if (!keys)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    for (size_t k = 0; k < tl->nevents; k++)
        if (completion(tl, k))
            keys[n++] = (cc_okey){(long long)tl->events[k].where.offset, 0, k};
    done = cc_check__sorted_indexes(keys, n);
    free(keys);
    if (!done)
        return cc_error__fail(r->err, CC_ENOMEM, "out of memory");
    st = promises_with(r, done, n);
    free(done);
    return st;
}
