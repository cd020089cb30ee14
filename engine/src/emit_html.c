/*
 * The HTML report of 'caseclock timeline --format html': one page a person
 * can open, print on A4 or send on, made of the decision's header, a
 * timeline chart, and the chronology, deadlines and statements of delay as
 * tables (the chart's text equivalent).
 *
 * Self-contained: inline CSS and SVG, no script, no fonts, no images, no
 * link out of the page; its Content-Security-Policy (default-src 'none')
 * has a browser refuse any request all the same.  Every string from the
 * decision or the engine is escaped (& < > " ') on the way out, and
 * control characters, which HTML does not allow, become U+FFFD.  Same
 * input, same bytes: no clock, no locale, coordinates printed with one
 * decimal in the C locale.
 *
 * The chart is one row per event and per deadline on a shared date axis,
 * so no two marks or labels share a row.  A label goes right of its marks,
 * or left when the right edge is nearer; its width is estimated from DejaVu
 * Sans' advance widths, the widest font the style names, and a label that
 * fits neither side is cut short (the tables have it whole).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caseclock.h"
#include "date.h"
#include "emit.h"

typedef struct rpt {
    FILE *fp;
    const cc_timeline *tl;
    const cc_doc *doc; /* offsets index its text, */
    size_t len;        /* the source text's, which is quoted */
    cc_out *scratch;   /* its bytes, when not in the doc's text */
    int has_today;
    cc_date today;
    int has_decision;
    cc_date decision;
} rpt;

/* Month names are the library's (date.c); the chart's axis is short. */
#define MON cc_date__month_abbrevs

/* ------------------------------------------------------------------ */
/* Escaped text                                                        */

/*
 * Writes the character at s (at most `avail` bytes, valid UTF-8) escaped
 * for HTML text or a quoted attribute; returns the bytes it used.
 */
static size_t
put_char(FILE *fp, const char *s, size_t avail)
{
    unsigned char c = (unsigned char)s[0];

    switch (c) {
    case '&':
        fputs("&amp;", fp);
        return 1;
    case '<':
        fputs("&lt;", fp);
        return 1;
    case '>':
        fputs("&gt;", fp);
        return 1;
    case '"':
        fputs("&quot;", fp);
        return 1;
    case '\'':
        fputs("&#39;", fp);
        return 1;
    case '\t':
    case '\n':
    case '\r':
        fputc(' ', fp);
        return 1;
    default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
        fputs("\xEF\xBF\xBD", fp); /* U+FFFD */
        return 1;
    }
    /* C1 controls, U+0080 to U+009F: C2 80 to C2 9F. */
    if (c == 0xc2 && avail > 1 && (unsigned char)s[1] >= 0x80 &&
        (unsigned char)s[1] <= 0x9f) {
        fputs("\xEF\xBF\xBD", fp);
        return 2;
    }
    fputc(c, fp);
    return 1;
}

static void
esc_n(FILE *fp, const char *s, size_t n)
{
    size_t i = 0;

    while (i < n)
        i += put_char(fp, s + i, n - i);
}

static void
esc(FILE *fp, const char *s)
{
    esc_n(fp, s, s ? strlen(s) : 0);
}

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Writes the decision's words at [off, off + n), each run of white space
 * as one space, trimmed, escaped; the part [m, m + mn) inside them (the
 * date, or the stated delay) in <mark>, when it lies wholly inside.
 */
static void
put_words(const rpt *r, size_t off, size_t n, size_t m, size_t mn)
{
    size_t end, i;
    const char *text;
    int space = 0, any = 0, open = 0, marking;

    /* into the source text */
    end = cc_doc_source_offset(r->doc, off + n);
    off = cc_doc_source_offset(r->doc, off);
    n = end - off;
    end = cc_doc_source_offset(r->doc, m + mn);
    m = cc_doc_source_offset(r->doc, m);
    mn = end - m;
    if (off > r->len)
        return;
    if (n > r->len - off)
        n = r->len - off;
    end = off + n;
    if (!(text = cc_emit__source(r->scratch, r->doc, off, n))) {
        r->scratch->failed = 1;
        return;
    }
    text -= off; /* indexed by source offsets */
    marking = mn > 0 && m >= off && m + mn <= end;
    for (i = off; i < end;) {
        if (marking && i == m) {
            if (space && any)
                fputc(' ', r->fp);
            space = 0;
            fputs("<mark>", r->fp);
            open = 1;
        }
        if (open && i >= m + mn) {
            fputs("</mark>", r->fp);
            open = 0;
            marking = 0;
        }
        if (is_space(text[i])) {
            space = 1;
            i++;
            continue;
        }
        if (space && any)
            fputc(' ', r->fp);
        space = 0;
        any = 1;
        i += put_char(r->fp, text + i, end - i);
    }
    if (open)
        fputs("</mark>", r->fp);
}

/* ------------------------------------------------------------------ */
/* Dates, UK style                                                     */

/* The library's words for a date interval (cc_emit__when), in buf: for
 * the tables, or for the chart when `brief`. */
static void
when_text(char *buf, size_t size, cc_date a, cc_date b, cc_grain g,
          const char *mod, const char *value, int brief)
{
    cc_out o = {0};

    cc_emit__when(&o, a, b, g, mod, value,
                  brief ? CC_WHEN_BRIEF : CC_WHEN_FULL);
    snprintf(buf, size, "%s", o.failed || !o.len ? "" : cc_out__str(&o));
    cc_out__free(&o);
}

/* "21 Sep 2022", for the chart. */
static char *
brief_text(char *buf, size_t size, cc_date d)
{
    when_text(buf, size, d, d, CC_GRAIN_DAY, "", NULL, 1);
    return buf;
}

/* <time datetime="2022-09-21">Wednesday 21 September 2022</time> */
static void
put_day(const rpt *r, cc_date d)
{
    char iso[11], buf[48];

    fprintf(r->fp, "<time datetime=\"%s\">%s</time>", cc_date_format(d, iso),
            cc_date_format_long(d, buf, sizeof buf));
}

/*
 * An interval in words, and for more than a day its two ends in ISO form
 * beneath (what the JSON and the chart use).
 */
static void
put_when(const rpt *r, cc_date a, cc_date b, cc_grain g, const char *mod,
         const char *value)
{
    char buf[160], ia[11], ib[11];

    if (a == b) {
        put_day(r, a);
        return;
    }
    when_text(buf, sizeof buf, a, b, g, mod, value, 0);
    esc(r->fp, buf);
    fprintf(r->fp,
            "<span class=\"iso\"><time datetime=\"%s\">%s</time> to "
            "<time datetime=\"%s\">%s</time></span>",
            cc_date_format(a, ia), ia, cc_date_format(b, ib), ib);
}

/* ------------------------------------------------------------------ */
/* Names                                                               */

/* The status as the text output writes it: capitals for a breach. */
static const char *
status_label(cc_check_status s)
{
    switch (s) {
    case CC_STATUS_MET:
        return "met";
    case CC_STATUS_MISSED:
        return "MISSED";
    case CC_STATUS_OVERDUE:
        return "OVERDUE";
    case CC_STATUS_PENDING:
        return "pending";
    case CC_STATUS_UNKNOWN:
        break;
    }
    return "unknown";
}

static const char *
verdict_class(cc_verdict v)
{
    return v == CC_VERDICT_CONSISTENT     ? "consistent"
           : v == CC_VERDICT_INCONSISTENT ? "inconsistent"
                                          : "cannot-tell";
}

static const char *
confidence_words(cc_confidence c)
{
    return c == CC_CONF_CONFIRMED ? "C: confirmed against the legal text"
           : c == CC_CONF_BELIEVED
               ? "B: believed correct"
               : "U: uncertain, a soft rule (warns, never a breach)";
}

/* A short name for a deadline, for the chart and the table's first line. */
static void
deadline_name(char *buf, size_t size, const cc_deadline *d)
{
    static const struct {
        const char *rule;
        const char *name;
    } names[] = {
        {"lga1974.s26b.late-complaint", "complaint within 12 months"},
        {"lga1974.s34d.late-complaint", "complaint within 12 months"},
        {"wt.icpc", "initial conference"},
        {"wt.rcpc.first", "first review conference"},
        {"wt.rcpc.subsequent", "later review conference"},
        {"ca1989.complaints.stage1", "stage 1 response"},
        {"ca1989.complaints.stage2-request", "stage 2 request"},
        {"ca1989.complaints.stage2", "stage 2 response"},
        {"ca1989.complaints.panel-request", "review panel request"},
        {"ca1989.complaints.panel-meets", "review panel meeting"},
        {"ca1989.complaints.panel-report", "review panel findings"},
        {"ca1989.complaints.la-response", "response to the panel"},
        {"lassnhs2009.response", "complaint response"},
        {"council.complaint-response", "council's own timescale"},
        {"council.promise", "council's promise"},
    };
    const char *prefix = "lgsco.remedy";

    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (strcmp(d->rule, names[i].rule) == 0) {
            snprintf(buf, size, "%s", names[i].name);
            return;
        }
    }
    if (strncmp(d->rule, prefix, strlen(prefix)) == 0) {
        const char *kind = d->rule + strlen(prefix);
        snprintf(buf, size, "agreed action%s%s", *kind == '.' ? ": " : "",
                 *kind == '.' ? kind + 1 : "");
        return;
    }
    snprintf(buf, size, "%s", d->title);
}

/* The input a deadline is counted from, or NULL. */
static const cc_evidence *
deadline_start(const cc_deadline *d)
{
    /* What the due date is counted from; a late complaint's notice is
     * the other reading, told in the note. */
    static const char *const roles[] = {"trigger", "matter", "decision",
                                        "notice"};

    for (size_t k = 0; k < sizeof roles / sizeof *roles; k++)
        for (size_t i = 0; i < d->ninputs; i++)
            if (d->inputs[i].dated && strcmp(d->inputs[i].role, roles[k]) == 0)
                return &d->inputs[i];
    return NULL;
}

/* "52 days late", "52 to 61 days late", or "" when not late. */
static void
late_text(char *buf, size_t size, const rpt *r, const cc_deadline *d)
{
    buf[0] = '\0';
    if (d->status == CC_STATUS_MISSED && d->has_actual && d->late_max > 0) {
        if (d->late_min == d->late_max)
            snprintf(buf, size, "%ld day%s late", d->late_max,
                     d->late_max == 1 ? "" : "s");
        else
            snprintf(buf, size, "%ld to %ld days late",
                     d->late_min < 1 ? 1 : d->late_min, d->late_max);
    } else if (d->status == CC_STATUS_MISSED && !d->has_actual &&
               r->has_decision && r->decision > d->due_latest) {
        long n = (long)r->decision - d->due_latest;
        snprintf(buf, size, "still not done %ld day%s later, at the decision",
                 n, n == 1 ? "" : "s");
    } else if (d->status == CC_STATUS_OVERDUE && r->has_today &&
               r->today > d->due_latest) {
        long n = (long)r->today - d->due_latest;
        snprintf(buf, size, "%ld day%s overdue", n, n == 1 ? "" : "s");
    }
}

/* ------------------------------------------------------------------ */
/* The chart                                                           */

/* The drawing, in viewBox units (CSS pixels at its natural size). */
#define CHART_W     760.0 /* A4's printable width at 96 dpi */
#define PLOT_X0     40.0  /* left of this: the row's reference */
#define PLOT_X1     748.0
#define AXIS_H      40.0 /* month and year labels above the rows */
#define GROUP_H     24.0 /* "Events", "Deadlines" */
#define EVENT_H     22.0
#define DEADLINE_H  40.0 /* a caption line over the marks */
#define LABEL_GAP   7.0
#define FONT_PX     12.0
#define MIN_TICK_PX 44.0 /* "Sep" over "2022", with room */

typedef struct chart {
    cc_date t0, t1; /* the first and last day drawn */
    double top;     /* y of the first row */
} chart;

/* x of day d plus `frac` of it. */
static double
xpos(const chart *c, cc_date d, double frac)
{
    return PLOT_X0 + (PLOT_X1 - PLOT_X0) * ((double)(d - c->t0) + frac) /
                         (double)(c->t1 - c->t0 + 1);
}

/*
 * Estimated width of UTF-8 text at FONT_PX: DejaVu Sans' advance widths
 * by class (lower case 0.61 em on average over English text, capitals
 * 0.72, digits 0.64, space 0.32), 10% more in bold.
 */
static double
text_width(const char *s, int bold)
{
    double w = 0;

    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c & 0xc0) == 0x80)
            continue; /* a continuation byte */
        w += c == ' '               ? 0.32
             : c >= '0' && c <= '9' ? 0.64
             : c >= 'A' && c <= 'Z' ? 0.72
             : c >= 'a' && c <= 'z' ? 0.61
             : c >= 0x80            ? 0.7
                                    : 0.45;
    }
    return w * FONT_PX * (bold ? 1.1 : 1.0);
}

/* Copies src into dst[size], cut at a character boundary if it is longer
 * (a label is cut short for the chart anyway; the tables have it whole). */
static void
copy_label(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);

    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Cuts s (UTF-8, in a buffer of `size`) to fit `width` with a trailing
 * ellipsis. */
static void
fit_text(char *s, size_t size, double width)
{
    size_t n = strlen(s);

    if (text_width(s, 0) <= width)
        return;
    while (n > 0) {
        do
            n--;
        while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80);
        s[n] = '\0';
        while (n > 0 && s[n - 1] == ' ')
            s[--n] = '\0';
        if (text_width(s, 0) + 0.7 * FONT_PX <= width && n + 4 <= size)
            break;
    }
    memcpy(s + n, "\xE2\x80\xA6", 4); /* the ellipsis and its NUL */
}

/*
 * Where a label of `width` goes beside marks spanning [left, right]:
 * sets *x and *anchor_end, and returns the width it may take.
 */
static double
place_label(double left, double right, double width, double *x, int *anchor_end)
{
    double room_right = CHART_W - 4 - (right + LABEL_GAP);
    double room_left = left - LABEL_GAP - (PLOT_X0 - 6);

    if (width <= room_right || room_right >= room_left) {
        *x = right + LABEL_GAP;
        *anchor_end = 0;
        return room_right;
    }
    *x = left - LABEL_GAP;
    *anchor_end = 1;
    return room_left;
}

static void
chart_range(chart *c, const rpt *r)
{
    cc_date lo = 0, hi = 0;
    int any = 0, y, m;

#define SEE(d)                                                                 \
    do {                                                                       \
        cc_date d_ = (d);                                                      \
        if (!any || d_ < lo)                                                   \
            lo = d_;                                                           \
        if (!any || d_ > hi)                                                   \
            hi = d_;                                                           \
        any = 1;                                                               \
    } while (0)
    for (size_t i = 0; i < cc_timeline_event_count(r->tl); i++) {
        const cc_event *ev = cc_timeline_event(r->tl, i);
        SEE(ev->earliest);
        SEE(ev->latest);
    }
    for (size_t i = 0; i < cc_timeline_deadline_count(r->tl); i++) {
        const cc_deadline *d = cc_timeline_deadline(r->tl, i);
        const cc_evidence *start = deadline_start(d);
        SEE(d->due_earliest);
        SEE(d->due_latest);
        if (d->has_actual) {
            SEE(d->actual_earliest);
            SEE(d->actual_latest);
        }
        if (start)
            SEE(start->earliest);
    }
    if (r->has_decision)
        SEE(r->decision);
    if (r->has_today)
        SEE(r->today);
#undef SEE
    /* Whole months, so that the axis starts and ends on a tick. */
    cc_date_to_ymd(lo, &y, &m, NULL);
    cc_date_from_ymd(&c->t0, y, m, 1, NULL);
    cc_date_to_ymd(hi, &y, &m, NULL);
    cc_date_from_ymd(&c->t1, y, m, cc_days_in_month(y, m), NULL);
}

/* Month ticks, every 1, 2, 3, 6 or 12 months (or years), from January. */
static void
chart_axis(const rpt *r, const chart *c, double bottom)
{
    static const int steps[] = {1, 2, 3, 6, 12, 24, 60, 120};
    int y0, m0, y1, m1, months, step = steps[0], first = 1;

    cc_date_to_ymd(c->t0, &y0, &m0, NULL);
    cc_date_to_ymd(c->t1, &y1, &m1, NULL);
    months = (y1 - y0) * 12 + (m1 - m0) + 1;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        step = steps[i];
        if ((PLOT_X1 - PLOT_X0) * step / months >= MIN_TICK_PX)
            break;
    }
    fputs("<g class=\"axis\">\n", r->fp);
    for (int k = 0; k < months; k++) {
        int y = y0 + (m0 - 1 + k) / 12, m = (m0 - 1 + k) % 12 + 1;
        cc_date d;
        double x;
        if (step < 12 ? (m - 1) % step != 0
                      : m != 1 || (step > 12 && y % (step / 12) != 0))
            continue;
        cc_date_from_ymd(&d, y, m, 1, NULL);
        x = xpos(c, d, 0);
        fprintf(r->fp,
                "<line class=\"tick\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
                "y2=\"%.1f\"/>\n",
                x, AXIS_H - 8, x, bottom);
        if (x + 30 > CHART_W)
            continue; /* no room for its label */
        if (step < 12) {
            fprintf(r->fp, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", x + 3,
                    AXIS_H - 26, MON[m]);
            if (m == 1 || first)
                fprintf(
                    r->fp,
                    "<text class=\"year\" x=\"%.1f\" y=\"%.1f\">%d</text>\n",
                    x + 3, AXIS_H - 12, y);
        } else {
            fprintf(r->fp,
                    "<text class=\"year\" x=\"%.1f\" y=\"%.1f\">%d</text>\n",
                    x + 3, AXIS_H - 12, y);
        }
        first = 0;
    }
    fputs("</g>\n", r->fp);
}

/* An event's label, beside its marks at [left, right]. */
static void
chart_label(const rpt *r, double left, double right, double cy,
            const char *label)
{
    char text[512];
    double x, room;
    int end;

    copy_label(text, sizeof text, label);
    room = place_label(left, right, text_width(text, 0), &x, &end);
    fit_text(text, sizeof text, room);
    fprintf(r->fp, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\"%s>", x, cy + 4,
            end ? " text-anchor=\"end\"" : "");
    esc(r->fp, text);
    fputs("</text>\n", r->fp);
}

/* A deadline's caption: its status in bold, then `rest`, over its marks. */
static void
chart_caption(const rpt *r, double y, const char *status, const char *rest)
{
    char text[512];
    double bw = text_width(status, 1);

    copy_label(text, sizeof text, rest);
    fit_text(text, sizeof text, CHART_W - 4 - PLOT_X0 - bw);
    fprintf(r->fp, "<text class=\"label\" x=\"%.1f\" y=\"%.1f\">", PLOT_X0, y);
    fputs("<tspan class=\"sw\">", r->fp);
    esc(r->fp, status);
    fputs("</tspan>", r->fp);
    esc(r->fp, text);
    fputs("</text>\n", r->fp);
}

static void
chart_event(const rpt *r, const chart *c, size_t i, double y)
{
    const cc_event *ev = cc_timeline_event(r->tl, i);
    double cy = y + EVENT_H / 2, left, right;
    char when[96], label[320], tip[400];
    /* "other" is another body: not to be read as the kind "other". */
    const char *actor =
        ev->actor == CC_ACTOR_OTHER ? "another body" : cc_actor_name(ev->actor);

    when_text(when, sizeof when, ev->earliest, ev->latest, ev->grain, ev->mod,
              ev->value, 1);
    snprintf(
        label, sizeof label, "%s \xC2\xB7 %s%s%s%s%s%s", when,
        cc_event_kind_name(ev->kind),
        ev->actor == CC_ACTOR_UNKNOWN || ev->kind == CC_EVENT_DECISION ? ""
                                                                       : " (",
        ev->actor == CC_ACTOR_UNKNOWN || ev->kind == CC_EVENT_DECISION ? ""
                                                                       : actor,
        ev->actor == CC_ACTOR_UNKNOWN || ev->kind == CC_EVENT_DECISION ? ""
                                                                       : ")",
        ev->inferred ? " \xC2\xB7 year inferred" : "",
        ev->planned ? " \xC2\xB7 planned" : "");
    snprintf(tip, sizeof tip, "e%zu: %s", i + 1, label);
    fprintf(r->fp, "<g id=\"c-e%zu\" class=\"ev%s%s%s\"><title>", i + 1,
            ev->inferred ? " inferred" : "", ev->planned ? " planned" : "",
            ev->kind == CC_EVENT_DECISION ? " decision" : "");
    esc(r->fp, tip);
    fputs("</title>\n", r->fp);
    fprintf(r->fp, "<text class=\"ref\" x=\"4\" y=\"%.1f\">e%zu</text>\n",
            cy + 4, i + 1);
    if (ev->kind == CC_EVENT_DECISION && ev->earliest == ev->latest) {
        double x = xpos(c, ev->earliest, 0.5);
        fprintf(r->fp,
                "<rect class=\"mark\" x=\"%.1f\" y=\"%.1f\" width=\"10\" "
                "height=\"10\"/>\n",
                x - 5, cy - 5);
        left = x - 5;
        right = x + 5;
    } else if (ev->earliest == ev->latest) {
        double x = xpos(c, ev->earliest, 0.5);
        if (ev->inferred)
            fprintf(r->fp,
                    "<circle class=\"ring\" cx=\"%.1f\" cy=\"%.1f\" "
                    "r=\"8\"/>\n",
                    x, cy);
        fprintf(r->fp,
                "<circle class=\"mark\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"/>\n", x,
                cy);
        left = x - (ev->inferred ? 8 : 5);
        right = x + (ev->inferred ? 8 : 5);
    } else {
        double x0 = xpos(c, ev->earliest, 0), x1 = xpos(c, ev->latest, 1);
        if (x1 - x0 < 6) {
            double mid = (x0 + x1) / 2;
            x0 = mid - 3;
            x1 = mid + 3;
        }
        fprintf(r->fp,
                "<rect class=\"span\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"10\" rx=\"2\"/>\n",
                x0, cy - 5, x1 - x0);
        left = x0;
        right = x1;
    }
    chart_label(r, left, right, cy, label);
    fputs("</g>\n", r->fp);
}

static void
chart_deadline(const rpt *r, const chart *c, size_t i, double y)
{
    const cc_deadline *d = cc_timeline_deadline(r->tl, i);
    const cc_evidence *start = deadline_start(d);
    const char *st = cc_check_status_name(d->status);
    double cy = y + 28, xd0, xd1;
    char name[160], when[96], late[96], label[400], tip[480];
    int breach_to_ok = 0;
    cc_date breach_to = 0;

    deadline_name(name, sizeof name, d);
    when_text(when, sizeof when, d->due_earliest, d->due_latest, CC_GRAIN_DAY,
              "", "", 1);
    late_text(late, sizeof late, r, d);
    snprintf(label, sizeof label, " \xC2\xB7 %s, due %s%s%s", name, when,
             *late ? " \xC2\xB7 " : "", late);
    snprintf(tip, sizeof tip, "d%zu: %s%s", i + 1, status_label(d->status),
             label);
    fprintf(r->fp, "<g id=\"c-d%zu\" class=\"dl st-%s\"><title>", i + 1, st);
    esc(r->fp, tip);
    fputs("</title>\n", r->fp);
    fprintf(r->fp, "<text class=\"ref\" x=\"4\" y=\"%.1f\">d%zu</text>\n",
            y + 15, i + 1);
    chart_caption(r, y + 15, status_label(d->status), label);
    xd0 = xpos(c, d->due_earliest, d->due_earliest == d->due_latest ? 0.5 : 0);
    xd1 = xpos(c, d->due_latest, d->due_earliest == d->due_latest ? 0.5 : 1);

    /* The period: from what it counts from to the due date. */
    if (start && start->earliest < d->due_earliest) {
        double xs = xpos(c, start->latest, 0.5);
        if (start->earliest < start->latest) {
            /* A trigger known to the month or year: the days it can be. */
            double x0 = xpos(c, start->earliest, 0);
            xs = xpos(c, start->latest, 1);
            fprintf(r->fp,
                    "<rect class=\"from\" x=\"%.1f\" y=\"%.1f\" "
                    "width=\"%.1f\" height=\"8\"/>\n",
                    x0, cy - 4, xs - x0);
        }
        if (xs < xd0)
            fprintf(r->fp,
                    "<path class=\"period\" "
                    "d=\"M%.1f %.1fV%.1fM%.1f %.1fH%.1f\"/>\n",
                    xs, cy - 5, cy + 5, xs, cy, xd0);
    }

    /* The breach: from the due date to when it was done, or to the
     * decision or today when it was not. */
    if (d->status == CC_STATUS_MISSED && d->has_actual) {
        breach_to = d->actual_earliest;
        breach_to_ok = 1;
    } else if (d->status == CC_STATUS_MISSED && r->has_decision) {
        breach_to = r->decision;
        breach_to_ok = 1;
    } else if (d->status == CC_STATUS_OVERDUE && r->has_today) {
        breach_to = r->today;
        breach_to_ok = 1;
    }
    if (breach_to_ok && breach_to > d->due_latest) {
        double xb = xpos(c, breach_to, 0.5);
        if (xb - xd1 < 4)
            xb = xd1 + 4;
        fprintf(r->fp,
                "<rect class=\"breach\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"14\"/>\n",
                xd1, cy - 7, xb - xd1);
    }

    /* The due date: a diamond, or a bar for an interval. */
    if (d->due_earliest == d->due_latest)
        fprintf(r->fp, "<path class=\"due\" d=\"M%.1f %.1fl7 7-7 7-7-7z\"/>\n",
                xd0, cy - 7);
    else
        fprintf(r->fp,
                "<rect class=\"due\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
                "height=\"12\"/>\n",
                xd0, cy - 6, xd1 - xd0 < 4 ? 4 : xd1 - xd0);

    /* When it was done. */
    if (d->has_actual) {
        double xa0 = xpos(c, d->actual_earliest, 0.5),
               xa1 = xpos(c, d->actual_latest, 0.5);
        if (d->actual_earliest == d->actual_latest)
            fprintf(r->fp,
                    "<circle class=\"done\" cx=\"%.1f\" cy=\"%.1f\" "
                    "r=\"4.5\"/>\n",
                    xa0, cy);
        else
            fprintf(r->fp,
                    "<rect class=\"done\" x=\"%.1f\" y=\"%.1f\" "
                    "width=\"%.1f\" height=\"8\" rx=\"2\"/>\n",
                    xa0 - 3, cy - 4, xa1 - xa0 + 6);
    }
    fputs("</g>\n", r->fp);
}

/* A vertical line across the rows, labelled under them. */
static void
chart_line(const rpt *r, const chart *c, const char *cls, cc_date d,
           const char *what, double bottom, double label_y)
{
    char text[96], day[48];
    double x = xpos(c, d, 0.5), w, lx;

    snprintf(text, sizeof text, "%s %s", what, brief_text(day, sizeof day, d));
    w = text_width(text, 0);
    lx = x - w / 2;
    if (lx < 4)
        lx = 4;
    if (lx + w > CHART_W - 4)
        lx = CHART_W - 4 - w;
    fprintf(r->fp,
            "<g class=\"%s\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
            "y2=\"%.1f\"/><text x=\"%.1f\" y=\"%.1f\">",
            cls, x, AXIS_H - 8, x, bottom + 4, lx, label_y);
    esc(r->fp, text);
    fputs("</text></g>\n", r->fp);
}

/* ": 2 missed, 1 pending" for the deadlines, in that order of concern. */
static void
put_status_counts(const rpt *r)
{
    static const cc_check_status order[] = {CC_STATUS_MISSED, CC_STATUS_OVERDUE,
                                            CC_STATUS_UNKNOWN,
                                            CC_STATUS_PENDING, CC_STATUS_MET};
    size_t count[5] = {0};
    int first = 1;

    for (size_t i = 0; i < cc_timeline_deadline_count(r->tl); i++)
        count[cc_timeline_deadline(r->tl, i)->status]++;
    for (size_t k = 0; k < sizeof order / sizeof *order; k++) {
        if (!count[order[k]])
            continue;
        fprintf(r->fp, "%s%zu %s", first ? ": " : ", ", count[order[k]],
                cc_check_status_name(order[k]));
        first = 0;
    }
}

static void
chart_desc(const rpt *r)
{
    size_t ne = cc_timeline_event_count(r->tl),
           nd = cc_timeline_deadline_count(r->tl);
    char a[96], b[96];

    fprintf(r->fp, "%zu event%s", ne, ne == 1 ? "" : "s");
    if (ne) {
        const cc_event *e0 = cc_timeline_event(r->tl, 0);
        const cc_event *e1 = cc_timeline_event(r->tl, ne - 1);
        when_text(a, sizeof a, e0->earliest, e0->latest, e0->grain, e0->mod,
                  e0->value, 0);
        when_text(b, sizeof b, e1->earliest, e1->latest, e1->grain, e1->mod,
                  e1->value, 0);
        fputs(", from ", r->fp);
        esc(r->fp, a);
        fputs(" to ", r->fp);
        esc(r->fp, b);
    }
    fprintf(r->fp, "; %zu deadline%s", nd, nd == 1 ? "" : "s");
    put_status_counts(r);
    fputs(". Each event and deadline is a row: a dot for a day, a bar for a "
          "date known only to the month, season or year, a diamond for a due "
          "date, a hatched band for the time past a missed or overdue one. "
          "The tables below give every date in words.",
          r->fp);
}

static void
emit_chart(const rpt *r)
{
    size_t ne = cc_timeline_event_count(r->tl),
           nd = cc_timeline_deadline_count(r->tl);
    chart c;
    double y, bottom, height, label_y;
    char title[400];
    const char *auth = cc_timeline_field(r->tl, CC_FIELD_AUTHORITY);
    const char *ref = cc_timeline_field(r->tl, CC_FIELD_REFERENCE);

    if (ne + nd == 0) {
        fputs("<p>The decision gives no dates to draw.</p>\n", r->fp);
        return;
    }
    chart_range(&c, r);
    c.top = AXIS_H;
    bottom = c.top + (ne ? GROUP_H + EVENT_H * (double)ne : 0) +
             (nd ? GROUP_H + DEADLINE_H * (double)nd : 0);
    label_y = bottom + 18;
    height = bottom + (r->has_decision || r->has_today ? 24 : 8);
    if (r->has_decision && r->has_today) {
        char x[96], t[96], day[48];
        snprintf(x, sizeof x, "decision %s",
                 brief_text(day, sizeof day, r->decision));
        snprintf(t, sizeof t, "today %s",
                 brief_text(day, sizeof day, r->today));
        double gap = xpos(&c, r->today, 0.5) - xpos(&c, r->decision, 0.5);
        if (gap < 0)
            gap = -gap;
        if (gap < (text_width(x, 0) + text_width(t, 0)) / 2 + 8)
            height += 16; /* the two labels on two lines */
    }
    snprintf(title, sizeof title, "Timeline of %s%s%s%s",
             auth ? auth : "the decision", ref ? " (" : "", ref ? ref : "",
             ref ? ")" : "");
    fprintf(r->fp,
            "<svg class=\"chart main\" role=\"img\" "
            "aria-labelledby=\"chart-title chart-desc\" "
            "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\">\n"
            "<title id=\"chart-title\">",
            CHART_W, height, CHART_W, height);
    esc(r->fp, title);
    fputs("</title>\n<desc id=\"chart-desc\">", r->fp);
    chart_desc(r);
    fputs("</desc>\n", r->fp);
    fputs("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
          "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
          "<rect width=\"6\" height=\"6\" class=\"hatch-bg\"/>"
          "<rect width=\"2.5\" height=\"6\" class=\"hatch-fg\"/>"
          "</pattern></defs>\n",
          r->fp);

    /* Stripes under everything, then the axis, then the rows. */
    y = c.top;
    fputs("<g class=\"stripes\">\n", r->fp);
    if (ne) {
        y += GROUP_H;
        for (size_t i = 0; i < ne; i++, y += EVENT_H)
            if (i % 2 == 1)
                fprintf(r->fp,
                        "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" "
                        "height=\"%.0f\"/>\n",
                        y, CHART_W, EVENT_H);
    }
    if (nd) {
        y += GROUP_H;
        for (size_t i = 0; i < nd; i++, y += DEADLINE_H)
            if (i % 2 == 1)
                fprintf(r->fp,
                        "<rect x=\"0\" y=\"%.1f\" width=\"%.0f\" "
                        "height=\"%.0f\"/>\n",
                        y, CHART_W, DEADLINE_H);
    }
    fputs("</g>\n", r->fp);
    chart_axis(r, &c, bottom);
    if (r->has_decision)
        chart_line(r, &c, "decision-line", r->decision, "decision", bottom,
                   label_y);
    if (r->has_today)
        chart_line(r, &c, "today-line", r->today, "today", bottom,
                   height > bottom + 30 ? label_y + 16 : label_y);

    y = c.top;
    if (ne) {
        fprintf(
            r->fp,
            "<text class=\"group\" x=\"4\" y=\"%.1f\">Events (%zu)</text>\n",
            y + 16, ne);
        y += GROUP_H;
        for (size_t i = 0; i < ne; i++, y += EVENT_H)
            chart_event(r, &c, i, y);
    }
    if (nd) {
        fprintf(r->fp,
                "<text class=\"group\" x=\"4\" y=\"%.1f\">Deadlines (%zu), "
                "each from what it counts from to its due date</text>\n",
                y + 16, nd);
        y += GROUP_H;
        for (size_t i = 0; i < nd; i++, y += DEADLINE_H)
            chart_deadline(r, &c, i, y);
    }
    fputs("</svg>\n", r->fp);
}

/* The key to the chart's marks: each a small drawing and its words. */
static void
emit_key(const rpt *r)
{
    size_t nd = cc_timeline_deadline_count(r->tl);
    static const struct {
        const char *svg;
        const char *words;
    } keys[] = {
        {"<circle class=\"mark\" cx=\"12\" cy=\"8\" r=\"5\"/>",
         "event on a day"},
        {"<rect class=\"span\" x=\"2\" y=\"3\" width=\"20\" height=\"10\" "
         "rx=\"2\"/>",
         "event known only to a month, season or year: the days it can mean"},
        {"<circle class=\"ring\" cx=\"12\" cy=\"8\" r=\"7\"/><circle "
         "class=\"mark\" cx=\"12\" cy=\"8\" r=\"4\"/>",
         "dashed: year inferred from the narrative"},
        {"<path class=\"period\" d=\"M2 3V13M2 8H16\"/><path class=\"due\" "
         "d=\"M16 1l7 7-7 7-7-7z\"/>",
         "period counted and due date"},
        {"<circle class=\"done\" cx=\"12\" cy=\"8\" r=\"4.5\"/>", "done"},
        {"<rect class=\"breach\" x=\"2\" y=\"1\" width=\"20\" height=\"14\"/>",
         "late: past a due date"},
    };
    static const cc_check_status statuses[] = {
        CC_STATUS_MET, CC_STATUS_MISSED, CC_STATUS_OVERDUE, CC_STATUS_PENDING,
        CC_STATUS_UNKNOWN};

    fputs("<div class=\"key\">\n<ul aria-label=\"Key to the chart's marks\">\n",
          r->fp);
    /* The last three are about deadlines: only when there are some. */
    size_t nkeys = sizeof keys / sizeof *keys - (nd ? 0 : 3);

    for (size_t i = 0; i < nkeys; i++)
        fprintf(r->fp,
                "<li><svg class=\"chart\" width=\"24\" height=\"16\" "
                "viewBox=\"0 0 24 16\" aria-hidden=\"true\">%s</svg> %s</li>\n",
                keys[i].svg, keys[i].words);
    if (!nd) {
        fputs("</ul>\n</div>\n", r->fp);
        return;
    }
    fputs("</ul>\n<ul aria-label=\"Key to the status of a deadline\">\n"
          "<li>Due dates by status:</li>\n",
          r->fp);
    for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++)
        fprintf(r->fp,
                "<li><svg class=\"chart\" width=\"24\" height=\"16\" "
                "viewBox=\"0 0 24 16\" aria-hidden=\"true\"><g "
                "class=\"dl st-%s\"><path class=\"due\" "
                "d=\"M12 1l7 7-7 7-7-7z\"/></g></svg> <span "
                "class=\"st st-%s\">%s</span></li>\n",
                cc_check_status_name(statuses[i]),
                cc_check_status_name(statuses[i]), status_label(statuses[i]));
    fputs("</ul>\n</div>\n", r->fp);
}

/* ------------------------------------------------------------------ */
/* The tables                                                          */

/* "Actions agreed following Ms B’s complaint, paragraph 6, line 64" */
static void
put_place(const rpt *r, const cc_place *w)
{
    fputs("<span class=\"where\">", r->fp);
    if (*w->section) {
        esc(r->fp, w->section);
        fputs(", ", r->fp);
    }
    if (w->paragraph)
        fprintf(r->fp, "paragraph %d, ", w->paragraph);
    fprintf(r->fp, "line %d</span>", w->line);
}

/* The sentence of `w`, its words marked, and where it is. */
static void
put_source(const rpt *r, const cc_place *w)
{
    fputs("<blockquote>", r->fp);
    put_words(r, w->sentence_offset, w->sentence_length, w->offset, w->length);
    fputs("</blockquote>", r->fp);
    put_place(r, w);
}

static void
emit_events(const rpt *r)
{
    size_t n = cc_timeline_event_count(r->tl);

    fputs("<section id=\"chronology\" aria-labelledby=\"h-chronology\">\n"
          "<h2 id=\"h-chronology\">Chronology</h2>\n",
          r->fp);
    if (!n) {
        fputs("<p>The decision dates no events.</p>\n</section>\n", r->fp);
        return;
    }
    fprintf(r->fp,
            "<div class=\"scroll\">\n<table class=\"events\">\n"
            "<caption>%zu event%s in date order, each with the sentence it "
            "comes from (its date marked). A date without its day is the "
            "range of days it can mean.</caption>\n"
            "<thead><tr><th scope=\"col\" class=\"c-ref\">Ref</th>"
            "<th scope=\"col\">Date</th>"
            "<th scope=\"col\">Event</th><th scope=\"col\">Source</th>"
            "</tr></thead>\n<tbody>\n",
            n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const cc_event *ev = cc_timeline_event(r->tl, i);
        fprintf(r->fp,
                "<tr id=\"e%zu\" data-kind=\"%s\"><td class=\"ref\">e%zu</td>"
                "<th scope=\"row\">",
                i + 1, cc_event_kind_name(ev->kind), i + 1);
        put_when(r, ev->earliest, ev->latest, ev->grain, ev->mod, ev->value);
        if (ev->inferred)
            fputs("<span class=\"flag\">year inferred</span>", r->fp);
        if (ev->relative)
            fputs("<span class=\"flag\">relative</span>", r->fp);
        if (ev->planned)
            fputs("<span class=\"flag\">planned</span>", r->fp);
        fputs("</th><td>", r->fp);
        esc(r->fp, cc_event_kind_name(ev->kind));
        fprintf(r->fp, "<span class=\"by\">by %s</span></td><td>",
                cc_actor_name(ev->actor));
        if (ev->kind == CC_EVENT_DECISION && ev->where.length == 0)
            fprintf(r->fp,
                    "The decision date, in the header<span "
                    "class=\"where\">line %d</span>",
                    ev->where.line);
        else
            put_source(r, &ev->where);
        fputs("</td></tr>\n", r->fp);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", r->fp);
}

/* One input of a check, on one line: role, date, event, words, place. */
static void
put_evidence(const rpt *r, const cc_evidence *e)
{
    char when[96], iso[11];

    fputs("<li>", r->fp);
    esc(r->fp, e->role);
    fputs(": ", r->fp);
    if (e->dated) {
        when_text(when, sizeof when, e->earliest, e->latest, CC_GRAIN_DAY, "",
                  "", 1);
        fprintf(r->fp, "<time datetime=\"%s\">",
                cc_date_format(e->earliest, iso));
        esc(r->fp, when);
        fputs("</time> ", r->fp);
    }
    if (e->event >= 0)
        fprintf(r->fp, "(<a href=\"#e%ld\">e%ld</a>) ", e->event + 1,
                e->event + 1);
    if (e->where.length) {
        fputs("<q>", r->fp);
        put_words(r, e->where.offset, e->where.length, 0, 0);
        fputs("</q>, ", r->fp);
    }
    if (*e->where.section) {
        esc(r->fp, e->where.section);
        fputs(", ", r->fp);
    }
    if (e->where.paragraph)
        fprintf(r->fp, "paragraph %d, ", e->where.paragraph);
    fprintf(r->fp, "line %d</li>", e->where.line);
}

static void
emit_deadlines(const rpt *r)
{
    size_t n = cc_timeline_deadline_count(r->tl);

    fputs("<section id=\"deadlines\" aria-labelledby=\"h-deadlines\">\n"
          "<h2 id=\"h-deadlines\">Deadlines</h2>\n",
          r->fp);
    if (!n) {
        fputs("<p>No statutory timescale, agreed action or promise could be "
              "checked against the decision's dates.</p>\n</section>\n",
              r->fp);
        return;
    }
    fprintf(r->fp,
            "<div class=\"scroll\">\n<table class=\"deadlines\">\n"
            "<caption>%zu deadline%s: the timescales, agreed actions and "
            "promises the decision's dates engage, and whether they were "
            "met</caption>\n"
            "<thead><tr><th scope=\"col\" class=\"c-ref\">Ref</th>"
            "<th scope=\"col\" class=\"c-name\">Deadline and status</th>"
            "<th scope=\"col\" class=\"c-dates\">Due and done</th>"
            "<th scope=\"col\">What the dates settle</th></tr></thead>\n"
            "<tbody>\n",
            n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const cc_deadline *d = cc_timeline_deadline(r->tl, i);
        const char *st = cc_check_status_name(d->status);
        char name[160], late[96], per[24];

        deadline_name(name, sizeof name, d);
        late_text(late, sizeof late, r, d);
        fprintf(r->fp,
                "<tr id=\"d%zu\" data-status=\"%s\"><td class=\"ref\">d%zu</td>"
                "<th scope=\"row\"><strong>",
                i + 1, st, i + 1);
        esc(r->fp, name);
        fprintf(r->fp, "</strong> <span class=\"st st-%s\">%s</span>", st,
                status_label(d->status));
        if (*late) {
            fputs("<span class=\"late\">", r->fp);
            esc(r->fp, late);
            fputs("</span>", r->fp);
        }
        fputs("<span class=\"sub\">", r->fp);
        esc(r->fp, d->title);
        fputs("</span></th><td><span class=\"what\">Due</span>", r->fp);
        put_when(r, d->due_earliest, d->due_latest, CC_GRAIN_DAY, "", "");
        if (d->period.n)
            fprintf(r->fp, "<span class=\"sub\">%s: %d %s %s%s</span>",
                    cc_period_format(d->period, per, sizeof per),
                    d->period.n < 0 ? -d->period.n : d->period.n,
                    cc_unit_words(d->period.unit, d->period.n),
                    d->period.counting == CC_COUNT_BEGINNING_WITH
                        ? "beginning with the day it counts from"
                        : "after the day it counts from",
                    d->extended ? ", extended" : "");
        if (d->borderline) {
            fputs("<span class=\"sub\">borderline: the other reading "
                  "(formula A) gives ",
                  r->fp);
            put_day(r, d->due_alt);
            fputs("</span>", r->fp);
        }
        fputs("<span class=\"what\">Done</span>", r->fp);
        if (d->has_actual)
            put_when(r, d->actual_earliest, d->actual_latest, CC_GRAIN_DAY, "",
                     "");
        else
            fputs("<span class=\"none\">not dated in the decision</span>",
                  r->fp);
        fputs("</td><td>", r->fp);
        if (*d->action) {
            fputs("<p class=\"action\">Action: ", r->fp);
            esc(r->fp, d->action);
            fputs("</p>", r->fp);
        }
        fputs("<p>", r->fp);
        esc(r->fp, d->note);
        fputs("</p>", r->fp);
        if (*d->discretion) {
            fputs("<p>Discretion: ", r->fp);
            esc(r->fp, d->discretion);
            fputs("</p>", r->fp);
        }
        fputs("<p class=\"sub\">Rule <code>", r->fp);
        esc(r->fp, d->rule);
        fputs("</code>, ", r->fp);
        esc(r->fp, d->source);
        fputs("; confidence ", r->fp);
        esc(r->fp, confidence_words(d->confidence));
        fputs("</p>", r->fp);
        if (d->ninputs) {
            fputs("<ul class=\"evidence\" aria-label=\"From the "
                  "decision\">",
                  r->fp);
            for (size_t k = 0; k < d->ninputs; k++)
                put_evidence(r, &d->inputs[k]);
            fputs("</ul>", r->fp);
        }
        fputs("</td></tr>\n", r->fp);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", r->fp);
}

/* One end of a measured delay: "From 1–28 Feb 2022 (start, e2)". */
static void
put_end(const rpt *r, const char *label, const cc_evidence *e)
{
    char when[96], iso[11];

    fprintf(r->fp, "<span class=\"what\">%s</span>", label);
    if (!e->role) {
        fputs("<span class=\"none\">not found</span>", r->fp);
        return;
    }
    if (e->dated) {
        when_text(when, sizeof when, e->earliest, e->latest, CC_GRAIN_DAY, "",
                  "", 1);
        fprintf(r->fp, "<time datetime=\"%s\">",
                cc_date_format(e->earliest, iso));
        esc(r->fp, when);
        fputs("</time>", r->fp);
    } else {
        fputs("<span class=\"none\">no date</span>", r->fp);
    }
    fputs(" <span class=\"role\">(", r->fp);
    esc(r->fp, e->role);
    if (e->event >= 0)
        fprintf(r->fp, ", <a href=\"#e%ld\">e%ld</a>", e->event + 1,
                e->event + 1);
    fputs(")</span>", r->fp);
}

static void
emit_findings(const rpt *r)
{
    size_t n = cc_timeline_finding_count(r->tl);

    fputs("<section id=\"delays\" aria-labelledby=\"h-delays\">\n"
          "<h2 id=\"h-delays\">Statements of delay</h2>\n",
          r->fp);
    if (!n) {
        fputs("<p>The decision states no delay to check.</p>\n</section>\n",
              r->fp);
        return;
    }
    fprintf(r->fp,
            "<div class=\"scroll\">\n<table class=\"findings\">\n"
            "<caption>%zu statement%s of delay in the decision, each "
            "measured against its dates</caption>\n"
            "<thead><tr><th scope=\"col\" class=\"c-ref\">Ref</th>"
            "<th scope=\"col\" class=\"c-statement\">Statement</th>"
            "<th scope=\"col\" class=\"c-verdict\">Verdict and dates</th>"
            "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n",
            n, n == 1 ? "" : "s");
    for (size_t i = 0; i < n; i++) {
        const cc_finding *f = cc_timeline_finding(r->tl, i);
        fprintf(
            r->fp,
            "<tr id=\"f%zu\" data-verdict=\"%s\"><td class=\"ref\">f%zu</td>"
            "<th scope=\"row\"><q>",
            i + 1, verdict_class(f->verdict), i + 1);
        put_words(r, f->where.offset, f->where.length, 0, 0);
        fputs("</q><blockquote>", r->fp);
        put_words(r, f->where.sentence_offset, f->where.sentence_length,
                  f->where.offset, f->where.length);
        fputs("</blockquote>", r->fp);
        put_place(r, &f->where);
        fprintf(r->fp, "</th><td><span class=\"vd vd-%s\">%s</span>",
                verdict_class(f->verdict), cc_verdict_name(f->verdict));
        put_end(r, "From", &f->from);
        put_end(r, "To", &f->to);
        fputs("</td><td>", r->fp);
        esc(r->fp, f->note);
        fputs("</td></tr>\n", r->fp);
    }
    fputs("</tbody>\n</table>\n</div>\n</section>\n", r->fp);
}

/* ------------------------------------------------------------------ */
/* The page                                                            */

/* One string a rule: C17 promises string literals of 4095 bytes only. */
static const char *const STYLE[] = {
    ":root{color-scheme:light}\n", "*{box-sizing:border-box}\n",
    "body{margin:0;background:#fff;color:#1f2328;font:16px/1.5 \"DejaVu "
    "Sans\",Verdana,\"Liberation Sans\",Arial,sans-serif;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact}\n",
    "header,nav,main,footer{max-width:64rem;margin:0 auto;padding:0 1rem}\n",
    "header{padding-top:1rem;border-bottom:2px solid #1f2328}\n",
    ".kicker{margin:0;color:#57606a;font-size:.875rem}\n",
    "h1{margin:.1rem 0 .5rem;font-size:1.6rem;line-height:1.25}\n",
    "h2{margin:1.75rem 0 .5rem;font-size:1.3rem;border-bottom:1px solid "
    "#d0d7de}\n",
    ".facts{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:0 0 .75rem}\n",
    ".facts div{min-width:8rem}\n",
    ".facts dt{color:#57606a;font-size:.8rem}\n",
    ".facts dd{margin:0;font-weight:bold}\n", ".summary{margin:0 0 1rem}\n",
    "nav ul{list-style:none;margin:.5rem auto 0;padding:0;display:flex;"
    "flex-wrap:wrap;gap:1.25rem;font-size:.875rem}\n",
    "a{color:#0550ae}\n", "figure{margin:0}\n",
    "svg.chart{display:block;max-width:100%;height:auto}\n",
    "svg.chart.main{width:100%}\n",
    "svg.chart text{font:12px \"DejaVu Sans\",Verdana,\"Liberation "
    "Sans\",Arial,sans-serif;fill:#1f2328}\n",
    "svg.chart .axis text{fill:#424a53}\n",
    "svg.chart .axis .year{font-weight:bold}\n",
    "svg.chart .tick{stroke:#d0d7de}\n",
    "svg.chart .stripes rect{fill:#f6f8fa}\n",
    "svg.chart .group{font-weight:bold}\n",
    /* A halo keeps labels legible where they cross a grid or date line. */
    "svg.chart .label,svg.chart .decision-line text,svg.chart .today-line "
    "text{paint-order:stroke;stroke:#fff;stroke-width:3px;"
    "stroke-linejoin:round}\n",
    "svg.chart .ref{fill:#57606a;font-size:11px}\n",
    "svg.chart .mark{fill:#24292f}\n",
    "svg.chart .planned .mark{fill:#fff;stroke:#24292f;stroke-width:2}\n",
    "svg.chart .ring{fill:none;stroke:#24292f;stroke-width:1.5;"
    "stroke-dasharray:2.5 2}\n",
    "svg.chart .span{fill:#afb8c1;stroke:#24292f;stroke-width:1}\n",
    "svg.chart .inferred .span{stroke-dasharray:3 2;stroke-width:1.5}\n",
    "svg.chart .planned .span{fill:#fff}\n",
    "svg.chart .from{fill:#fff;stroke:#6e7781;stroke-width:1.5}\n",
    "svg.chart .period{fill:none;stroke:#6e7781;stroke-width:1.5}\n",
    "svg.chart .done{fill:#24292f;stroke:#fff;stroke-width:1}\n",
    "svg.chart .breach{fill:url(#hatch);stroke:#a40e26;stroke-width:1}\n",
    "svg.chart .hatch-bg{fill:#ffebe9}\n",
    "svg.chart .hatch-fg{fill:#a40e26}\n", "svg.chart .due{stroke-width:1.5}\n",
    "svg.chart rect.due{fill-opacity:.3}\n",
    "svg.chart .st-met .due{fill:#116329;stroke:#116329}\n",
    "svg.chart .st-missed .due{fill:#a40e26;stroke:#a40e26}\n",
    "svg.chart .st-overdue .due{fill:#953800;stroke:#953800}\n",
    "svg.chart .st-pending .due{fill:#fff;stroke:#0550ae;stroke-width:2}\n",
    "svg.chart .st-unknown .due{fill:#fff;stroke:#57606a;stroke-width:2;"
    "stroke-dasharray:2 1.5}\n",
    "svg.chart tspan.sw{font-weight:bold}\n",
    "svg.chart .st-met tspan.sw{fill:#116329}\n",
    "svg.chart .st-missed tspan.sw{fill:#a40e26}\n",
    "svg.chart .st-overdue tspan.sw{fill:#953800}\n",
    "svg.chart .st-pending tspan.sw{fill:#0550ae}\n",
    "svg.chart .st-unknown tspan.sw{fill:#57606a}\n",
    "svg.chart .decision-line line{stroke:#1f2328;stroke-width:1.5}\n",
    "svg.chart .today-line line{stroke:#0550ae;stroke-width:1.5;"
    "stroke-dasharray:5 3}\n",
    "svg.chart .today-line text{fill:#0550ae}\n",
    "figcaption{font-size:.875rem;margin-top:.5rem}\n",
    ".key ul{list-style:none;padding:0;margin:.5rem 0 0;display:flex;"
    "flex-wrap:wrap;gap:.25rem 1.25rem;font-size:.8rem}\n",
    ".key li{display:flex;align-items:center;gap:.35rem}\n",
    ".key svg.chart{display:inline-block;flex:none}\n",
    ".scroll{overflow-x:auto}\n",
    "table{border-collapse:collapse;width:100%;font-size:.875rem}\n",
    "caption{text-align:left;padding:0 0 .5rem;color:#424a53}\n",
    "th,td{border:1px solid #d0d7de;padding:.4rem .5rem;text-align:left;"
    "vertical-align:top}\n",
    "thead th{background:#f6f8fa}\n", "tbody th{font-weight:normal}\n",
    "td.ref{color:#57606a;white-space:nowrap}\n",
    "table.events tbody th{width:11rem}\n", ".c-ref{width:2.8em}\n",
    "table.deadlines .c-name{width:24%}\n",
    "table.deadlines .c-dates{width:24%}\n",
    "table.findings .c-statement{width:40%}\n",
    "table.findings .c-verdict{width:24%}\n",
    ".role{font-size:.8rem;color:#57606a}\n",
    ".what{display:block;font-size:.75rem;font-weight:bold;color:#57606a;"
    "text-transform:uppercase;letter-spacing:.03em}\n",
    ".what~.what{margin-top:.35rem}\n",
    "blockquote{margin:0 0 .25rem;font-style:italic}\n",
    "mark{background:#fff8c5;color:inherit;font-style:normal;"
    "font-weight:bold}\n",
    ".where,.by,.sub,.iso,.late{display:block;font-size:.8rem;color:#57606a}\n",
    ".iso time{white-space:nowrap}\n",
    ".late{color:#1f2328;font-weight:bold}\n",
    ".flag{display:inline-block;margin:.2rem .3rem 0 0;padding:0 .3rem;"
    "border:1px solid #57606a;border-radius:.2rem;font-size:.75rem}\n",
    ".none{color:#57606a}\n", "td p{margin:0 0 .4rem}\n",
    ".evidence{margin:0;padding-left:1.1rem;font-size:.8rem}\n",
    ".evidence .where{display:inline}\n",
    ".st,.vd{display:inline-block;padding:0 .4rem;border-radius:.2rem;"
    "font-weight:bold;color:#fff;white-space:nowrap}\n",
    ".st-met{background:#116329}\n", ".st-missed{background:#a40e26}\n",
    ".st-overdue{background:#953800}\n", ".st-pending{background:#0550ae}\n",
    ".st-unknown{background:#57606a}\n", ".vd-consistent{background:#116329}\n",
    ".vd-inconsistent{background:#a40e26}\n",
    ".vd-cannot-tell{background:#57606a}\n",
    "footer{margin-top:2rem;padding-top:.5rem;padding-bottom:1rem;"
    "border-top:1px solid #d0d7de;font-size:.8rem;color:#57606a}\n",
    "@page{size:A4;margin:14mm 12mm}\n", "@media print{\n",
    "body{font-size:9.5pt}\n",
    "header,nav,main,footer{max-width:none;padding-left:0;padding-right:0}\n",
    "nav{display:none}\n", "a{color:inherit;text-decoration:none}\n",
    ".scroll{overflow:visible}\n",
    "h2,caption{break-after:avoid;page-break-after:avoid}\n",
    "figure,tr,.key{break-inside:avoid;page-break-inside:avoid}\n",
    "thead{display:table-header-group}\n",
    "tbody tr:first-child{break-before:avoid;page-break-before:avoid}\n",

    "}\n", NULL};

static void
emit_header(const rpt *r)
{
    static const struct {
        cc_field field;
        const char *label;
    } facts[] = {{CC_FIELD_REFERENCE, "Reference"},
                 {CC_FIELD_CATEGORY, "Category"},
                 {CC_FIELD_OUTCOME, "Outcome"}};
    const char *auth = cc_timeline_field(r->tl, CC_FIELD_AUTHORITY);
    size_t nd = cc_timeline_deadline_count(r->tl),
           nf = cc_timeline_finding_count(r->tl),
           ne = cc_timeline_event_count(r->tl);

    fputs("<header>\n<p class=\"kicker\">Ombudsman decision: chronology and "
          "timescales</p>\n<h1>",
          r->fp);
    esc(r->fp, auth ? auth : "Decision statement (no authority given)");
    fputs("</h1>\n<dl class=\"facts\">\n", r->fp);
    for (size_t i = 0; i < sizeof facts / sizeof *facts; i++) {
        const char *v = cc_timeline_field(r->tl, facts[i].field);
        if (!v)
            continue;
        fprintf(r->fp, "<div><dt>%s</dt><dd>", facts[i].label);
        esc(r->fp, v);
        fputs("</dd></div>\n", r->fp);
    }
    if (r->has_decision) {
        fputs("<div><dt>Decision date</dt><dd>", r->fp);
        put_day(r, r->decision);
        fputs("</dd></div>\n", r->fp);
    }
    if (r->has_today) {
        fputs("<div><dt>Today (as given)</dt><dd>", r->fp);
        put_day(r, r->today);
        fputs("</dd></div>\n", r->fp);
    }
    fputs("</dl>\n", r->fp);
    fprintf(r->fp, "<p class=\"summary\">%zu dated event%s; ", ne,
            ne == 1 ? "" : "s");
    if (nd) {
        fprintf(r->fp, "%zu deadline%s", nd, nd == 1 ? "" : "s");
        put_status_counts(r);
        fputs("; ", r->fp);
    } else
        fputs("no deadlines; ", r->fp);
    if (nf) {
        static const cc_verdict order[] = {CC_VERDICT_INCONSISTENT,
                                           CC_VERDICT_CANNOT_TELL,
                                           CC_VERDICT_CONSISTENT};
        fprintf(r->fp, "%zu statement%s of delay", nf, nf == 1 ? "" : "s");
        for (size_t k = 0, first = 1; k < sizeof order / sizeof *order; k++) {
            size_t c = 0;
            for (size_t i = 0; i < nf; i++)
                c += cc_timeline_finding(r->tl, i)->verdict == order[k];
            if (!c)
                continue;
            fprintf(r->fp, "%s%zu %s", first ? ": " : ", ", c,
                    cc_verdict_name(order[k]));
            first = 0;
        }
        fputs(".</p>\n</header>\n", r->fp);
    } else
        fputs("no statements of delay.</p>\n</header>\n", r->fp);
}

static int
html_report(FILE *fp, const cc_timeline *tl, const cc_doc *doc,
            const cc_date *today)
{
    rpt r;
    const char *auth = cc_timeline_field(tl, CC_FIELD_AUTHORITY);
    const char *ref = cc_timeline_field(tl, CC_FIELD_REFERENCE);
    cc_out scratch = {0};
    int failed;

    memset(&r, 0, sizeof r);
    r.fp = fp;
    r.tl = tl;
    r.doc = doc;
    r.len = cc_doc_source_length(doc);
    r.scratch = &scratch;
    if (today) {
        r.has_today = 1;
        r.today = *today;
    }
    r.has_decision = cc_timeline_decision_date(&r.decision, tl);

    fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
          "<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
          "'none'; style-src 'unsafe-inline'\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"caseclock " CASECLOCK_VERSION
          "\">\n<title>",
          fp);
    esc(fp, auth ? auth : "Decision statement");
    if (ref) {
        fputs(" (", fp);
        esc(fp, ref);
        fputc(')', fp);
    }
    fputs(": chronology and timescales</title>\n<style>\n", fp);
    for (size_t i = 0; STYLE[i]; i++)
        fputs(STYLE[i], fp);
    fputs("</style>\n</head>\n<body>\n", fp);
    emit_header(&r);
    fputs("<nav aria-label=\"Contents\"><ul>"
          "<li><a href=\"#timeline\">Timeline</a></li>"
          "<li><a href=\"#chronology\">Chronology</a></li>"
          "<li><a href=\"#deadlines\">Deadlines</a></li>"
          "<li><a href=\"#delays\">Statements of delay</a></li>"
          "</ul></nav>\n<main>\n"
          "<section id=\"timeline\" aria-labelledby=\"h-timeline\">\n"
          "<h2 id=\"h-timeline\">Timeline</h2>\n<figure>\n",
          fp);
    emit_chart(&r);
    fputs("<figcaption>Events above, deadlines below, on one date axis. The "
          "tables under the chart give the same dates in words: "
          "<a href=\"#chronology\">chronology</a>, "
          "<a href=\"#deadlines\">deadlines</a> and "
          "<a href=\"#delays\">statements of delay</a>.</figcaption>\n",
          fp);
    if (cc_timeline_event_count(tl) + cc_timeline_deadline_count(tl))
        emit_key(&r);
    fputs("</figure>\n</section>\n", fp);
    emit_events(&r);
    emit_deadlines(&r);
    emit_findings(&r);
    fputs("</main>\n<footer>\n<p>Made by caseclock " CASECLOCK_VERSION
          " from the decision's own words. Dates without a day are shown as "
          "the range of days they can mean; the checks read the decision and "
          "decide nothing about fault.</p>\n</footer>\n</body>\n</html>\n",
          fp);
    failed = scratch.failed;
    cc_out__free(&scratch);
    return ferror(fp) || failed ? -1 : 0;
}

cc_status
cc_timeline_write_html(const cc_timeline *tl, const cc_doc *doc,
                       const cc_write_opts *opts, cc_write_fn write,
                       void *userdata, cc_error *err)
{
    char *buf = NULL;
    size_t n = 0;
    cc_out o = {0};
    /* The report is written with stdio into memory, then handed over in
     * one piece, like every other writer's output. */
    FILE *fp = open_memstream(&buf, &n);
    int bad;

    if (!fp)
        o.failed = 1;
    else {
        bad = html_report(fp, tl, doc,
                          opts && opts->has_today ? &opts->today : NULL);
        if (fclose(fp) != 0 || bad)
            o.failed = 1;
        else
            cc_out__add(&o, buf, n);
    }
    free(buf);
    return cc_out__finish(&o, write, userdata, err);
}
