/*
 * Chronologies and checks: every fixtures/seed-* and fixtures/timeline-*
 * case with an expected.json, run as a user runs it.
 *
 * For each case: the JSON, text and iCalendar outputs equal the expected
 * files byte for byte (and are the same on a second run); the JSON meets
 * docs/timeline.schema.json; every fact in VERIFIED (each checked by hand
 * against the decision, with the paragraph it comes from) is in the JSON;
 * events are in date order with the decision last among its equals; the
 * iCalendar parses with libical and with the small RFC 5545 reader below;
 * the CSV is RFC 4180.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <criterion/parameterized.h>
#include <dirent.h>
#include <jansson.h>
#include <libical/ical.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_run.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

/* ------------------------------------------------------------------ */
/* Files                                                               */

/* The extra arguments in fixtures/<case>/args (one line, split at spaces;
 * at most 8), into argv[*n...]. */
static void
add_args(const char *dir, const char **argv, size_t *n, char *store,
         size_t size)
{
    char path[512];
    FILE *fp;
    char *tok, *save = NULL;

    snprintf(path, sizeof path, "%s/args", dir);
    fp = fopen(path, "r");
    if (!fp)
        return;
    if (!fgets(store, (int)size, fp))
        store[0] = '\0';
    fclose(fp);
    for (tok = strtok_r(store, " \t\r\n", &save); tok && *n < 14;
         tok = strtok_r(NULL, " \t\r\n", &save))
        argv[(*n)++] = tok;
}

/* Runs "timeline <dir>/input.txt --format FMT [args]". */
static void
run_timeline(cli_result *r, const char *dir, const char *fmt)
{
    char input[512], store[256];
    const char *argv[16];
    size_t n = 0;

    snprintf(input, sizeof input, "%s/input.txt", dir);
    argv[n++] = "timeline";
    argv[n++] = input;
    argv[n++] = "--format";
    argv[n++] = fmt;
    add_args(dir, argv, &n, store, sizeof store);
    argv[n] = NULL;
    cli_run(r, argv, NULL);
    cr_assert(eq(int, r->status, 0), "%s: %s", dir, r->err);
}

/* ------------------------------------------------------------------ */
/* A JSON Schema validator for the subset docs/timeline.schema.json uses:
 * type (a name or a list), properties, required, additionalProperties
 * (false), items, enum, pattern, minimum, and $ref to "#/$defs/NAME".
 * Each keyword applies only to instances of its type, as the standard
 * says, so {"type": ["string", "null"], "pattern": ...} accepts null. */

static int
type_is(const json_t *v, const char *t)
{
    if (strcmp(t, "object") == 0)
        return json_is_object(v);
    if (strcmp(t, "array") == 0)
        return json_is_array(v);
    if (strcmp(t, "string") == 0)
        return json_is_string(v);
    if (strcmp(t, "integer") == 0)
        return json_is_integer(v);
    if (strcmp(t, "number") == 0)
        return json_is_number(v);
    if (strcmp(t, "boolean") == 0)
        return json_is_boolean(v);
    if (strcmp(t, "null") == 0)
        return json_is_null(v);
    cr_fail("schema: unknown type '%s'", t);
    return 0;
}

/* A failure: reported when `report`, always counted. */
#define FAIL(...)                                                              \
    do {                                                                       \
        if (report)                                                            \
            cr_expect(0, __VA_ARGS__);                                         \
    } while (0)

static void
schema_check(const json_t *root, const json_t *s, const json_t *v,
             const char *path, int report, int *errors)
{
    const json_t *k;
    const char *key;
    json_t *val;

    if (report && *errors > 5)
        return;
    if ((k = json_object_get(s, "$ref")) != NULL) {
        const char *ref = json_string_value(k);
        cr_assert(ref && strncmp(ref, "#/$defs/", 8) == 0, "bad $ref");
        s = json_object_get(json_object_get(root, "$defs"), ref + 8);
        cr_assert_not_null(s, "schema: no $defs entry for %s", ref);
    }
    if ((k = json_object_get(s, "type")) != NULL) {
        int ok = 0;
        if (json_is_string(k)) {
            ok = type_is(v, json_string_value(k));
        } else {
            size_t i;
            json_t *t;
            json_array_foreach(k, i, t) ok |= type_is(v, json_string_value(t));
        }
        if (!ok) {
            FAIL("%s: wrong type", path);
            (*errors)++;
            return;
        }
    }
    if ((k = json_object_get(s, "enum")) != NULL) {
        int ok = 0;
        size_t i;
        json_t *e;
        json_array_foreach(k, i, e) ok |= json_equal(e, (json_t *)v);
        if (!ok) {
            char *d = json_dumps(v, JSON_ENCODE_ANY);
            FAIL("%s: %s is not in the enum", path, d);
            free(d);
            (*errors)++;
        }
    }
    if (json_is_string(v) && (k = json_object_get(s, "pattern")) != NULL) {
        regex_t re;
        cr_assert(
            regcomp(&re, json_string_value(k), REG_EXTENDED | REG_NOSUB) == 0,
            "schema: bad pattern %s", json_string_value(k));
        if (regexec(&re, json_string_value(v), 0, NULL, 0) != 0) {
            FAIL("%s: '%s' does not match %s", path, json_string_value(v),
                 json_string_value(k));
            (*errors)++;
        }
        regfree(&re);
    }
    if (json_is_number(v) && (k = json_object_get(s, "minimum")) != NULL &&
        json_number_value(v) < json_number_value(k)) {
        FAIL("%s: below the minimum", path);
        (*errors)++;
    }
    if (json_is_object(v)) {
        const json_t *props = json_object_get(s, "properties");
        size_t i;
        json_t *r;
        json_array_foreach(json_object_get(s, "required"), i, r)
        {
            if (!json_object_get(v, json_string_value(r))) {
                FAIL("%s: '%s' is required", path, json_string_value(r));
                (*errors)++;
            }
        }
        json_object_foreach((json_t *)v, key, val)
        {
            const json_t *ps = props ? json_object_get(props, key) : NULL;
            char sub[256];
            snprintf(sub, sizeof sub, "%s.%s", path, key);
            if (ps)
                schema_check(root, ps, val, sub, report, errors);
            else if (json_is_false(
                         json_object_get(s, "additionalProperties"))) {
                FAIL("%s: unexpected property", sub);
                (*errors)++;
            }
        }
    }
    if (json_is_array(v) && (k = json_object_get(s, "items")) != NULL) {
        size_t i;
        json_t *item;
        json_array_foreach((json_t *)v, i, item)
        {
            char sub[256];
            snprintf(sub, sizeof sub, "%s[%zu]", path, i);
            schema_check(root, k, item, sub, report, errors);
        }
    }
}

static void
validate(const char *what, const json_t *doc)
{
    json_error_t e;
    json_t *schema = json_load_file("docs/timeline.schema.json", 0, &e);
    int errors = 0;

    cr_assert_not_null(schema, "docs/timeline.schema.json:%d: %s", e.line,
                       e.text);
    schema_check(schema, schema, doc, what, 1, &errors);
    json_decref(schema);
}

/* The validator itself: what it must refuse. */
Test(timeline, schema_refuses)
{
    static const char *const bad[] = {
        "{}",
        "{\"decision\": {}, \"events\": [], \"deadlines\": [], "
        "\"findings\": []}",
        "{\"decision\": {\"authority\": null, \"reference\": null, "
        "\"category\": null, \"outcome\": null, \"date\": \"2019-1-1\", "
        "\"today\": null}, \"events\": [], \"deadlines\": [], "
        "\"findings\": []}",
        "{\"decision\": {\"authority\": null, \"reference\": null, "
        "\"category\": null, \"outcome\": null, \"date\": null, "
        "\"today\": null}, \"events\": [{\"id\": \"x\"}], "
        "\"deadlines\": [], \"findings\": []}",
        "{\"decision\": {\"authority\": null, \"reference\": null, "
        "\"category\": null, \"outcome\": null, \"date\": null, "
        "\"today\": null}, \"events\": [], \"deadlines\": [], "
        "\"findings\": [], \"extra\": 1}",
    };
    static const char good[] =
        "{\"decision\": {\"authority\": null, \"reference\": null, "
        "\"category\": null, \"outcome\": null, \"date\": null, "
        "\"today\": \"2024-01-31\", \"format\": \"text\", \"given\": [], "
        "\"undated_actions\": 0}, \"events\": [], \"deadlines\": [], "
        "\"findings\": []}";
    json_error_t e;
    json_t *schema = json_load_file("docs/timeline.schema.json", 0, &e);
    json_t *doc;
    int errors = 0;

    cr_assert_not_null(schema);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        errors = 0;
        doc = json_loads(bad[i], 0, &e);
        cr_assert_not_null(doc, "case %zu: %s", i, e.text);
        schema_check(schema, schema, doc, "bad", 0, &errors);
        cr_expect(errors > 0, "case %zu passed the schema", i);
        json_decref(doc);
    }
    errors = 0;
    doc = json_loads(good, 0, &e);
    schema_check(schema, schema, doc, "good", 1, &errors);
    cr_expect(eq(int, errors, 0));
    json_decref(doc);
    json_decref(schema);
}

/* ------------------------------------------------------------------ */
/* VERIFIED: the hand-checked facts                                    */

static int
has_event(const json_t *events, const char *e, const char *l, const char *kind,
          const char *actor)
{
    size_t i;
    json_t *ev;

    json_array_foreach(events, i, ev)
    {
        const json_t *d = json_object_get(ev, "date");
        if (strcmp(json_string_value(json_object_get(d, "earliest")), e) == 0 &&
            strcmp(json_string_value(json_object_get(d, "latest")), l) == 0 &&
            strcmp(json_string_value(json_object_get(ev, "kind")), kind) == 0 &&
            strcmp(json_string_value(json_object_get(ev, "actor")), actor) == 0)
            return 1;
    }
    return 0;
}

static int
has_deadline(const json_t *deadlines, const char *rule, const char *e,
             const char *l, const char *status, const char *discretion)
{
    size_t i;
    json_t *d;

    json_array_foreach(deadlines, i, d)
    {
        const json_t *due = json_object_get(d, "due");
        const char *disc = json_string_value(json_object_get(d, "discretion"));
        if (strcmp(json_string_value(json_object_get(d, "rule")), rule) == 0 &&
            strcmp(json_string_value(json_object_get(due, "earliest")), e) ==
                0 &&
            strcmp(json_string_value(json_object_get(due, "latest")), l) == 0 &&
            strcmp(json_string_value(json_object_get(d, "status")), status) ==
                0 &&
            (!discretion || (disc && strcmp(disc, discretion) == 0)))
            return 1;
    }
    return 0;
}

static int
has_finding(const json_t *findings, const char *value, const char *text,
            const char *verdict)
{
    size_t i;
    json_t *f;

    json_array_foreach(findings, i, f)
    {
        const json_t *st = json_object_get(f, "stated");
        if (strcmp(json_string_value(json_object_get(st, "value")), value) ==
                0 &&
            strcmp(json_string_value(json_object_get(f, "text")), text) == 0 &&
            strcmp(json_string_value(json_object_get(f, "verdict")), verdict) ==
                0)
            return 1;
    }
    return 0;
}

/* Is `want` (dates separated by spaces) a subsequence of the events'
 * earliest dates? */
static int
in_order(const json_t *events, char *want)
{
    size_t i = 0;
    char *save = NULL;

    for (char *d = strtok_r(want, " ", &save); d;
         d = strtok_r(NULL, " ", &save)) {
        for (;; i++) {
            const json_t *ev = json_array_get(events, i);
            if (!ev)
                return 0;
            if (strcmp(json_string_value(json_object_get(
                           json_object_get(ev, "date"), "earliest")),
                       d) == 0) {
                i++;
                break;
            }
        }
    }
    return 1;
}

/*
 * Fact lines, tab-separated, then "# paragraph: why":
 *   event     EARLIEST LATEST KIND ACTOR
 *   deadline  RULE DUE_EARLIEST DUE_LATEST STATUS [DISCRETION]
 *   finding   VALUE TEXT VERDICT
 *   order     DATE DATE ...     (earliest dates, a subsequence in order)
 *   count     events|deadlines|findings N
 */
static void
check_facts(const char *dir, const json_t *out)
{
    char path[512], *text, *line, *save = NULL;
    int nfacts = 0;

    snprintf(path, sizeof path, "%s/VERIFIED", dir);
    text = cli_test_read_file(path, NULL);
    cr_assert_not_null(text, "%s: no VERIFIED", dir);
    for (line = strtok_r(text, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        char *f[8] = {0}, *hash = strstr(line, "\t#"), *s2 = NULL;
        int n = 0;
        if (hash)
            *hash = '\0';
        for (char *t = strtok_r(line, "\t", &s2); t && n < 8;
             t = strtok_r(NULL, "\t", &s2))
            f[n++] = t;
        if (n == 0)
            continue;
        if (strcmp(f[0], "event") == 0 && n == 5) {
            cr_expect(has_event(json_object_get(out, "events"), f[1], f[2],
                                f[3], f[4]),
                      "%s: no event %s..%s %s by %s", dir, f[1], f[2], f[3],
                      f[4]);
        } else if (strcmp(f[0], "deadline") == 0 && (n == 5 || n == 6)) {
            cr_expect(has_deadline(json_object_get(out, "deadlines"), f[1],
                                   f[2], f[3], f[4], n == 6 ? f[5] : NULL),
                      "%s: no deadline %s due %s..%s %s", dir, f[1], f[2], f[3],
                      f[4]);
        } else if (strcmp(f[0], "finding") == 0 && n == 4) {
            cr_expect(
                has_finding(json_object_get(out, "findings"), f[1], f[2], f[3]),
                "%s: no finding %s '%s' %s", dir, f[1], f[2], f[3]);
        } else if (strcmp(f[0], "order") == 0 && n == 2) {
            cr_expect(in_order(json_object_get(out, "events"), f[1]),
                      "%s: events out of the verified order", dir);
        } else if (strcmp(f[0], "count") == 0 && n == 3) {
            cr_expect(eq(sz, json_array_size(json_object_get(out, f[1])),
                         (size_t)atol(f[2])),
                      "%s: %s", dir, f[1]);
        } else {
            continue; /* prose */
        }
        nfacts++;
    }
    cr_expect(nfacts > 0, "%s: VERIFIED lists no facts", dir);
    free(text);
}

/* ------------------------------------------------------------------ */
/* A second iCalendar reader, independent of libical (RFC 5545 3.1):   */
/* CRLF lines of at most 75 octets, folded with a leading space;       */
/* BEGIN/END nested; VEVENTs with UID, DTSTAMP, all-day DTSTART and    */
/* DTEND (VALUE=DATE, DTEND after DTSTART).  Returns the VEVENT count. */

static int
ymd_ok(const char *v)
{
    int y, m, d;
    static const int dim[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    if (strlen(v) != 8 || sscanf(v, "%4d%2d%2d", &y, &m, &d) != 3)
        return 0;
    if (m < 1 || m > 12 || d < 1 || d > dim[m - 1])
        return 0;
    return !(m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 || y % 400 == 0)));
}

static size_t
ics_reader(const char *dir, const char *ics, size_t len)
{
    char logical[8192], stack[8][32], uids[512][64];
    size_t nl = 0, depth = 0, nevents = 0, nuids = 0;
    int in_event = 0, has_uid = 0, has_stamp = 0, method = 0;
    char start[16] = "", end[16] = "";

    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e + 1 < len && !(ics[e] == '\r' && ics[e + 1] == '\n'))
            e++;
        cr_assert(e + 1 < len, "%s: a line without CRLF at byte %zu", dir, i);
        cr_expect(e - i <= 75, "%s: a line of %zu octets", dir, e - i);
        if (ics[i] == ' ' || ics[i] == '\t') { /* a folded continuation */
            cr_assert(nl > 0 && nl + (e - i - 1) < sizeof logical);
            memcpy(logical + nl, ics + i + 1, e - i - 1);
            nl += e - i - 1;
        } else {
            nl = e - i;
            cr_assert(nl < sizeof logical);
            memcpy(logical, ics + i, nl);
        }
        logical[nl] = '\0';
        i = e + 2;
        if (i < len && (ics[i] == ' ' || ics[i] == '\t'))
            continue; /* the logical line goes on */
        {
            char *colon = strchr(logical, ':');
            char name[64];
            size_t k = 0;
            cr_assert_not_null(colon, "%s: no ':' in '%s'", dir, logical);
            while (logical[k] && logical[k] != ':' && logical[k] != ';' &&
                   k < sizeof name - 1) {
                int ok = (logical[k] >= 'A' && logical[k] <= 'Z') ||
                         logical[k] == '-' ||
                         (logical[k] >= '0' && logical[k] <= '9');
                cr_assert(ok, "%s: bad name in '%s'", dir, logical);
                name[k] = logical[k];
                k++;
            }
            name[k] = '\0';
            if (strcmp(name, "BEGIN") == 0) {
                cr_assert(depth < 8);
                snprintf(stack[depth++], sizeof stack[0], "%s", colon + 1);
                if (strcmp(colon + 1, "VEVENT") == 0) {
                    in_event = 1;
                    has_uid = has_stamp = 0;
                    start[0] = end[0] = '\0';
                }
            } else if (strcmp(name, "END") == 0) {
                cr_assert(depth > 0 && strcmp(stack[depth - 1], colon + 1) == 0,
                          "%s: END:%s does not close BEGIN", dir, colon + 1);
                depth--;
                if (strcmp(colon + 1, "VEVENT") == 0) {
                    cr_expect(has_uid && has_stamp,
                              "%s: VEVENT lacks UID or "
                              "DTSTAMP",
                              dir);
                    cr_expect(ymd_ok(start) && ymd_ok(end) &&
                                  strcmp(start, end) < 0,
                              "%s: DTSTART %s, DTEND %s", dir, start, end);
                    in_event = 0;
                    nevents++;
                }
            } else if (strcmp(name, "METHOD") == 0) {
                method = strcmp(colon + 1, "PUBLISH") == 0;
            } else if (in_event && strcmp(name, "UID") == 0) {
                has_uid = 1;
                for (size_t u = 0; u < nuids; u++)
                    cr_expect(strcmp(uids[u], colon + 1) != 0,
                              "%s: UID %s twice", dir, colon + 1);
                if (nuids < 512)
                    snprintf(uids[nuids++], sizeof uids[0], "%s", colon + 1);
            } else if (in_event && strcmp(name, "DTSTAMP") == 0) {
                has_stamp = 1;
            } else if (in_event && (strcmp(name, "DTSTART") == 0 ||
                                    strcmp(name, "DTEND") == 0)) {
                cr_expect(strncmp(logical + k, ";VALUE=DATE:", 12) == 0,
                          "%s: %s is not all-day", dir, logical);
                snprintf(strcmp(name, "DTSTART") == 0 ? start : end, 16, "%s",
                         colon + 1);
            }
        }
    }
    cr_expect(depth == 0, "%s: unclosed BEGIN", dir);
    cr_expect(method, "%s: no METHOD:PUBLISH", dir);
    return nevents;
}

static size_t
libical_events(const char *dir, const char *ics)
{
    icalcomponent *cal = icalparser_parse_string(ics), *ev;
    size_t n = 0;

    cr_assert_not_null(cal, "%s: libical cannot parse the calendar", dir);
    cr_expect(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT);
    cr_expect(icalcomponent_get_method(cal) == ICAL_METHOD_PUBLISH);
    for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
         ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        struct icaltimetype s = icalcomponent_get_dtstart(ev);
        struct icaltimetype e = icalcomponent_get_dtend(ev);
        cr_expect(icalcomponent_count_errors(ev) == 0,
                  "%s: libical marks an error in a VEVENT", dir);
        cr_expect(s.is_date && e.is_date, "%s: not all-day", dir);
        cr_expect(icaltime_compare(s, e) < 0, "%s: DTEND before DTSTART", dir);
        cr_expect_not_null(icalcomponent_get_uid(ev));
        n++;
    }
    cr_expect(icalcomponent_count_errors(cal) == 0, "%s: libical errors", dir);
    icalcomponent_free(cal);
    return n;
}

/* ------------------------------------------------------------------ */
/* RFC 4180: records end in CRLF, quoted fields double their quotes;   */
/* every record has the header's number of fields.                     */

static void
csv_check(const char *dir, const char *csv, size_t len)
{
    size_t i = 0, fields = 1, want = 0, records = 0;
    int quoted = 0, at_start = 1;

    while (i < len) {
        char c = csv[i];
        if (quoted) {
            if (c == '"' && i + 1 < len && csv[i + 1] == '"') {
                i += 2;
                continue;
            }
            if (c == '"') {
                quoted = 0;
                cr_assert(i + 1 == len || csv[i + 1] == ',' ||
                              csv[i + 1] == '\r',
                          "%s: text after a closing quote at %zu", dir, i);
            }
            i++;
            continue;
        }
        if (c == '"') {
            cr_assert(at_start, "%s: a quote inside a bare field at %zu", dir,
                      i);
            quoted = 1;
        } else if (c == ',') {
            fields++;
            at_start = 1;
            i++;
            continue;
        } else if (c == '\r') {
            cr_assert(i + 1 < len && csv[i + 1] == '\n',
                      "%s: CR without LF at %zu", dir, i);
            if (records == 0)
                want = fields;
            cr_expect(eq(sz, fields, want), "%s: record %zu", dir, records);
            records++;
            fields = 1;
            i += 2;
            at_start = 1;
            continue;
        } else {
            cr_assert(c != '\n', "%s: LF without CR at %zu", dir, i);
        }
        at_start = 0;
        i++;
    }
    cr_expect(at_start && !quoted, "%s: the last record is unfinished", dir);
    cr_expect(records > 1, "%s: no rows", dir);
}

/* ------------------------------------------------------------------ */
/* The fixtures                                                        */

ParameterizedTestParameters(timeline, fixture)
{
    size_t n;
    char **names = cli_test_timeline_fixtures(&n);

    return cr_make_param_array(char *, names, n, NULL);
}

static void
same_as_file(const char *dir, const char *file, const cli_result *r)
{
    char path[512];
    size_t len;
    char *want;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    want = cli_test_read_file(path, &len);
    cr_assert_not_null(want, "%s missing", path);
    if (len != r->out_len || memcmp(want, r->out, len) != 0) {
        char *d = cli_test_diff(path, r->out, r->out_len);
        cr_expect(0,
                  "%s differs from the output (the command's options are "
                  "in %s/args):\n%s",
                  path, dir, d);
        free(d);
    }
    free(want);
}

ParameterizedTest(char **dirp, timeline, fixture)
{
    const char *dir = *dirp;
    cli_result json, json2, text, ics, csv;
    json_error_t e;
    json_t *out, *events;
    size_t nev, ndl, i;
    json_t *ev;
    const char *prev = "";

    run_timeline(&json, dir, "json");
    run_timeline(&json2, dir, "json");
    cr_expect(json.out_len == json2.out_len &&
                  memcmp(json.out, json2.out, json.out_len) == 0,
              "%s: two runs differ", dir);
    same_as_file(dir, "expected.json", &json);
    out = json_loads(json.out, 0, &e);
    cr_assert_not_null(out, "%s: output is not JSON: %s", dir, e.text);
    validate(dir, out);
    check_facts(dir, out);

    /* Date order, ties in text order, the decision last among equals. */
    events = json_object_get(out, "events");
    json_array_foreach(events, i, ev)
    {
        const char *d = json_string_value(
            json_object_get(json_object_get(ev, "date"), "earliest"));
        cr_expect(strcmp(prev, d) <= 0, "%s: event %zu out of order", dir, i);
        if (strcmp(json_string_value(json_object_get(ev, "kind")),
                   "decision") == 0 &&
            i + 1 < json_array_size(events)) {
            const char *next = json_string_value(json_object_get(
                json_object_get(json_array_get(events, i + 1), "date"),
                "earliest"));
            cr_expect(strcmp(next, d) > 0,
                      "%s: the decision is not last on "
                      "its day",
                      dir);
        }
        prev = d;
    }
    nev = json_array_size(events);
    ndl = json_array_size(json_object_get(out, "deadlines"));

    run_timeline(&text, dir, "text");
    same_as_file(dir, "expected.txt", &text);
    run_timeline(&ics, dir, "ics");
    same_as_file(dir, "expected.ics", &ics);
    cr_expect(eq(sz, libical_events(dir, ics.out), nev + ndl),
              "%s: one VEVENT per event and per deadline", dir);
    cr_expect(eq(sz, ics_reader(dir, ics.out, ics.out_len), nev + ndl), "%s",
              dir);
    run_timeline(&csv, dir, "csv");
    csv_check(dir, csv.out, csv.out_len);

    json_decref(out);
    cli_result_free(&json);
    cli_result_free(&json2);
    cli_result_free(&text);
    cli_result_free(&ics);
    cli_result_free(&csv);
}

/* ------------------------------------------------------------------ */
/* The commands' options and exit codes                                */

static const struct {
    const char *const *argv;
    int status;
    const char *out; /* a part of stdout, or NULL */
    const char *err; /* a part of stderr, or NULL */
} cases[] = {
    /* Agreed actions from 31 Jan 2024 (timescales.md worked example 7). */
    {A("check", "fixtures/timeline-agreed-actions-month-end/input.txt",
       "--today", "2024-03-15"),
     0,
     "[OVERDUE] Action agreed in an Ombudsman decision: due Thursday 29 "
     "February 2024",
     NULL},
    {A("check", "fixtures/timeline-agreed-actions-month-end/input.txt",
       "--today", "2024-02-01"),
     0,
     "[pending] Action agreed in an Ombudsman decision: due Tuesday 30 "
     "April 2024",
     NULL},
    /* --strict: a missed deadline fails the run. */
    {A("check", "fixtures/timeline-icpc-christmas/input.txt", "--strict"), 1,
     "[MISSED]", NULL},
    {A("check", "fixtures/timeline-late-complaint-last-day/input.txt",
       "--strict"),
     0, "[met]", NULL},
    {A("check", "fixtures/seed-21-018-897/input.txt", "--format", "json"), 0,
     "\"rule\": \"wt.rcpc.first\"", NULL},
    {A("check", "fixtures/seed-21-018-897/input.txt", "--today", "nope"), 2,
     NULL, "option --today"},
    {A("timeline", "fixtures/seed-21-018-897/input.txt", "--format", "xml"), 2,
     NULL, "unknown format 'xml'"},
    {A("check", "fixtures/seed-21-018-897/input.txt", "--format", "ics"), 2,
     NULL, "unknown format 'ics'"},
    {A("timeline", "fixtures/seed-21-018-897/input.txt", "--strict"), 2, NULL,
     "unknown option '--strict'"},
    {A("timeline"), 2, NULL, "needs a FILE"},
    {A("timeline", "missing.txt"), 5, NULL, "missing.txt"},
    {A("timeline", "fixtures/seed-21-018-897/input.txt", "-o",
       "/nonexistent/out.ics", "--format", "ics"),
     6, NULL, "/nonexistent/out.ics"},
};

Test(timeline, options)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_result r;
        cli_run(&r, cases[i].argv, NULL);
        cr_expect(eq(int, r.status, cases[i].status), "case %zu: %s", i, r.err);
        if (cases[i].out)
            cr_expect(strstr(r.out, cases[i].out) != NULL,
                      "case %zu: stdout lacks '%s'", i, cases[i].out);
        if (cases[i].err)
            cr_expect(strstr(r.err, cases[i].err) != NULL,
                      "case %zu: stderr lacks '%s': %s", i, cases[i].err,
                      r.err);
        cli_result_free(&r);
    }
}

/* -o writes the file whole; stdin works as '-'. */
Test(timeline, output_file)
{
    char path[] = "/tmp/caseclock-timeline-XXXXXX";
    int fd = mkstemp(path);
    cli_result r, s;
    size_t len;
    char *got, *input;

    cr_assert(fd >= 0);
    close(fd);
    cli_run(&r,
            A("timeline", "fixtures/seed-21-017-982/input.txt", "--format",
              "ics", "-o", path),
            NULL);
    cr_assert(eq(int, r.status, 0), "%s", r.err);
    got = cli_test_read_file(path, &len);
    cr_assert_not_null(got);
    cr_expect(strncmp(got, "BEGIN:VCALENDAR\r\n", 17) == 0);
    input = cli_test_read_file("fixtures/seed-21-017-982/input.txt", NULL);
    cli_run(&s, A("timeline", "-", "--format", "ics"), input);
    cr_expect(eq(int, s.status, 0));
    cr_expect(s.out_len == len && memcmp(s.out, got, len) == 0,
              "stdin and the file give different calendars");
    unlink(path);
    free(got);
    free(input);
    cli_result_free(&r);
    cli_result_free(&s);
}

/* Unfolds an iCalendar file's content lines into one string, LF between. */
static char *
unfold(const char *ics)
{
    char *s = malloc(strlen(ics) + 1), *o = s;

    cr_assert_not_null(s);
    for (const char *p = ics; *p; p++) {
        if (p[0] == '\r' && p[1] == '\n' && (p[2] == ' ' || p[2] == '\t')) {
            p += 2;
            continue;
        }
        if (p[0] == '\r' && p[1] == '\n')
            continue;
        *o++ = *p;
    }
    *o = '\0';
    return s;
}

/*
 * What calendar clients refuse or mishandle: control characters copied
 * from the text, a long name cut inside a UTF-8 character, an unescaped
 * X-WR-CALNAME, UIDs shared by two decisions that have no reference, a
 * calendar with no event, and no ORGANIZER, SEQUENCE or LAST-MODIFIED.
 */
Test(timeline, ics_for_clients)
{
    char head[1200], text[2400], text2[2400], *o = head, *u, *u2;
    const char *body =
        "\n\nCategory : Adult care services > Assessment and care plan\n\n"
        "Decision : Upheld\n\nDecision date : 14 Mar 2023\n\n"
        "The Ombudsman's final decision:\n\n"
        "1. Mrs X complained to the Council on 3 January 2022 \a\x1b\x7f"
        "about the care plan.\n";
    cli_result r, r2, e;

    /* An authority of 300 two-byte characters, a comma and a semicolon:
     * a fixed buffer of 256 bytes would cut one in half. */
    for (int i = 0; i < 300; i++)
        o += snprintf(o, 3, "\xc3\xa9");
    snprintf(o, sizeof head - (size_t)(o - head),
             ", Sud; Council (21 017 982)");
    snprintf(text, sizeof text, "%s%s", head, body);
    cli_run(&r, A("timeline", "-", "--format", "ics"), text);
    cr_assert(eq(int, r.status, 0), "%s", r.err);
    u = unfold(r.out);
    cr_expect(
        strstr(u, "\nX-WR-CALNAME:\xc3\xa9\xc3\xa9") != NULL &&
            strstr(u, "\xc3\xa9\xc3\xa9\\, Sud\\; Council (21 017 982)\n") !=
                NULL,
        "X-WR-CALNAME is cut or not escaped: %.80s", u);
    for (const char *p = r.out; *p; p++) {
        int control = ((unsigned char)*p < 0x20 && *p != '\r' && *p != '\n') ||
                      *p == 0x7f;
        cr_expect(eq(int, control, 0), "control character 0x%02x at byte %td",
                  *p, p - r.out);
    }
    cr_expect(strstr(u, "January 2022 about the care plan") != NULL, "%s", u);
    cr_expect(strstr(u, "\nORGANIZER;CN=caseclock:mailto:") != NULL);
    cr_expect(strstr(u, "\nSEQUENCE:0\n") != NULL);
    cr_expect(strstr(u, "\nLAST-MODIFIED:20230314T000000Z\n") != NULL);

    cli_result_free(&r);
    free(u);

    /* Two decisions with no reference line: no UID of the one is in the
     * other. */
    snprintf(text, sizeof text, "%s", body);
    cli_run(&r, A("timeline", "-", "--format", "ics"), text);
    cr_assert(eq(int, r.status, 0), "%s", r.err);
    u = unfold(r.out);
    snprintf(text2, sizeof text2, "%s", body);
    memcpy(strstr(text2, "3 January"), "4 January", 9);
    cli_run(&r2, A("timeline", "-", "--format", "ics", "--today", "2023-04-01"),
            text2);
    cr_assert(eq(int, r2.status, 0), "%s", r2.err);
    u2 = unfold(r2.out);
    cr_expect(strstr(u2, "\nUID:") != NULL);
    for (const char *p = strstr(u, "\nUID:"); p; p = strstr(p + 1, "\nUID:")) {
        char uid[40];
        snprintf(uid, sizeof uid, "%.*s", (int)strcspn(p + 1, "\n"), p + 1);
        cr_expect(strstr(u2, uid) == NULL, "%s in both calendars", uid);
    }
    /* A later --today: later LAST-MODIFIED and a higher SEQUENCE (18 days
     * from 14 March to 1 April 2023). */
    cr_expect(strstr(u2, "\nSEQUENCE:18\n") != NULL);
    cr_expect(strstr(u2, "\nLAST-MODIFIED:20230401T000000Z\n") != NULL);

    /* Nothing dated: no calendar, a clear message, exit 3. */
    cli_run(&e, A("timeline", "-", "--format", "ics"), "No dates here.\n");
    cr_expect(eq(int, e.status, 3));
    cr_expect(eq(sz, e.out_len, 0));
    cr_expect(strstr(e.err, "caseclock: <stdin>: no dated event or deadline: "
                            "a calendar of it would be empty\n") != NULL,
              "%s", e.err);
    free(u);
    free(u2);
    cli_result_free(&r);
    cli_result_free(&r2);
    cli_result_free(&e);
}
