/*
 * The caseclock command, run as a user runs it: exit codes, first lines,
 * error messages.  Each expected date was counted by hand.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_run.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static const struct {
    const char *const *argv;
    int status;
    const char *out; /* a part of stdout, or NULL */
    const char *err; /* a part of stderr, or NULL */
} cases[] = {
    {A("add", "2019-04-10", "10wd"), 0, "2019-04-26\n", NULL},
    /* reading a decision: a draft's header from the options */
    {A("check", "fixtures/seed-21-017-982/input.txt", "--decision-date",
       "2022-10-05"),
     0, "(date given, not from the header)", NULL},
    {A("dates", "fixtures/seed-19-006-719/input.txt", "--reference",
       "19 006 720"),
     0, "\"reference\": \"19 006 720\"", NULL},
    {A("dates", "fixtures/seed-19-006-719/input.txt", "--input-format", "rtf"),
     2, NULL, "option --input-format: unknown format 'rtf'"},
    {A("dates", "fixtures/seed-19-006-719/input.txt", "--encoding", "latin9"),
     2, NULL, "option --encoding: unknown encoding 'latin9'"},
    {A("dates", "fixtures/seed-19-006-719/input.txt", "--text-out", "-"), 2,
     NULL, "option --text-out needs a FILE"},
    {A("timeline", "fixtures/seed-19-006-719/input.txt", "--decision-date",
       "2019-02-30"),
     3, NULL, "the decision date given, \"2019-02-30\", is not a date"},
    {A("add", "10 April 2019", "10wd", "--explain"), 0, "Good Friday", NULL},
    {A("add", "2019-03-22", "12m", "--counting", "beginning_with"), 0,
     "2020-03-21\n", NULL},
    {A("add", "2024-02-29", "12m", "--counting=beginning_with", "--explain"), 0,
     "borderline", NULL},
    {A("add", "2019-01-31", "1m"), 0, "2019-02-28\n", NULL},
    {A("add", "2019-04-26", "-10wd"), 0, "2019-04-10\n", NULL},
    /* Scotland keeps Good Friday but works Easter Monday 22 April. */
    {A("add", "2019-04-26", "-10wd", "--calendar", "scotland"), 0,
     "2019-04-11\n", NULL},
    {A("add", "2019-02-29", "1d"), 3, NULL,
     "caseclock: invalid date '2019-02-29': February 2019 has 28 days\n"},
    {A("add", "2030-12-20", "10wd"), 4, NULL, "2000-01-01 to 2030-12-31"},
    {A("add", "2019-04-10", "10x"), 3, NULL, "unknown unit 'x'"},
    {A("add", "2019-04-10"), 2, NULL, "add needs DATE and PERIOD"},
    {A("add", "2019-04-10", "10wd", "--format", "xml"), 2, NULL,
     "option --format: unknown format 'xml'"},
    {A("add", "2019-04-10", "10wd", "--calendar", "wales"), 2, NULL,
     "option --calendar: unknown calendar 'wales'"},
    {A("add", "2019-04-10", "10wd", "--calendar", "missing.ics"), 5, NULL,
     "missing.ics: No such file or directory"},
    {A("add", "2019-04-10", "10wd", "--frobnicate"), 2, NULL,
     "unknown option '--frobnicate'"},
    {A("add", "2019-04-10", "10wd", "--format"), 2, NULL,
     "option --format needs a value"},
    {A("add", "2019-04-10", "10wd", "--counting", "before"), 2, NULL,
     "option --counting"},
    {A("deadline", "--rule", "ca1989.complaints.stage1", "--from",
       "2024-03-20"),
     0, "2024-04-05\n", NULL},
    {A("deadline", "--rule", "ca1989.complaints.stage1", "--from", "2024-03-20",
       "--explain"),
     0, "extended to 20wd: 2024-04-19", NULL},
    {A("deadline", "--rule", "lga1974.s26b.late-complaint", "--from",
       "15 March 2023", "--format", "json"),
     0, "\"date\": \"2024-03-14\"", NULL},
    {A("deadline", "--rule", "nope", "--from", "2024-03-20"), 2, NULL,
     "option --rule: unknown rule 'nope'"},
    {A("deadline", "--rule", "admappeals2022.lodge", "--from", "2024-03-20"), 3,
     NULL, "school days"},
    {A("deadline", "--from", "2024-03-20"), 2, NULL, "--rule ID"},
    {A("workdays", "2024-03-20", "2024-04-05"), 0, "10\n", NULL},
    {A("workdays", "2024-04-05", "2024-03-20"), 0, "-10\n", NULL},
    {A("workdays", "2024-03-20"), 2, NULL, "workdays needs FROM and TO"},
    {A("rules"), 0, "ca1989.complaints.stage1", NULL},
    {A("rules", "--format", "json"), 0, "\"id\": \"wt.icpc\"", NULL},
    {A("calendars"), 0, "scotland", NULL},
    {A("calendars", "--format", "json"), 0, "\"working_days\": 7808", NULL},
    {A("--version"), 0, "2000-01-01 to 2030-12-31", NULL},
    {A("frobnicate"), 2, NULL, "unknown command 'frobnicate'"},
};

Test(cli, table)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_result r;
        char shown[256] = "";

        for (const char *const *a = cases[i].argv; *a; a++) {
            strncat(shown, " ", sizeof shown - strlen(shown) - 1);
            strncat(shown, *a, sizeof shown - strlen(shown) - 1);
        }
        cli_run(&r, cases[i].argv, NULL);
        cr_expect(eq(int, r.status, cases[i].status), "caseclock%s: %s", shown,
                  r.err);
        if (cases[i].out)
            cr_expect(strstr(r.out, cases[i].out) != NULL,
                      "caseclock%s: stdout '%s' lacks '%s'", shown, r.out,
                      cases[i].out);
        if (cases[i].err)
            cr_expect(strstr(r.err, cases[i].err) != NULL,
                      "caseclock%s: stderr '%s' lacks '%s'", shown, r.err,
                      cases[i].err);
        /* Errors are one line. */
        if (cases[i].status != 0)
            cr_expect(strchr(r.err, '\n') == r.err + strlen(r.err) - 1,
                      "caseclock%s: stderr is not one line: '%s'", shown,
                      r.err);
        cli_result_free(&r);
    }
}

/* Every option the commands accept is in --help. */
Test(cli, help_lists_every_option)
{
    static const char *const options[] = {
        "--calendar", "--counting", "--format",  "--explain", "--rule",
        "--from",     "-o FILE",    "--version", "--help",    "add",
        "deadline",   "workdays",   "dates",     "rules",     "calendars"};
    cli_result r;

    cli_run(&r, A("--help"), NULL);
    cr_assert(eq(int, r.status, 0));
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        cr_expect(strstr(r.out, options[i]) != NULL, "--help lacks %s",
                  options[i]);
    cli_result_free(&r);
}

/* ICS output: all-day event on the due date, stable UID, CRLF lines. */
Test(cli, ics)
{
    cli_result r1, r2;

    cli_run(&r1,
            A("deadline", "--rule", "ca1989.complaints.stage1", "--from",
              "2024-03-20", "--format", "ics"),
            NULL);
    cli_run(&r2,
            A("deadline", "--rule", "ca1989.complaints.stage1", "--from",
              "2024-03-20", "--format", "ics"),
            NULL);
    cr_assert(eq(int, r1.status, 0), "%s", r1.err);
    cr_expect(eq(str, r1.out, r2.out), "same input, same bytes");
    cr_expect(strstr(r1.out, "METHOD:PUBLISH\r\n") != NULL);
    cr_expect(strstr(r1.out, "DTSTART;VALUE=DATE:20240405\r\n") != NULL, "%s",
              r1.out);
    cr_expect(strstr(r1.out, "DTEND;VALUE=DATE:20240406\r\n") != NULL);
    cr_expect(strstr(r1.out, "UID:") != NULL);
    cr_expect(strstr(r1.out, "SUMMARY:Due: Stage 1") != NULL);
    cr_expect(strstr(r1.out, "DTSTAMP:20240320T000000Z\r\n") != NULL, "%s",
              r1.out);
    /* libical reads it back with no error properties, one all-day event. */
    icalcomponent *root = icalparser_parse_string(r1.out);
    cr_assert_not_null(root);
    cr_expect_null(
        icalcomponent_get_first_property(root, ICAL_XLICERROR_PROPERTY));
    icalcomponent *ev =
        icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
    cr_assert_not_null(ev);
    cr_expect_null(
        icalcomponent_get_first_property(ev, ICAL_XLICERROR_PROPERTY));
    cr_expect(icalcomponent_get_dtstart(ev).is_date);
    cr_expect(eq(int, icalcomponent_get_dtstart(ev).day, 5));
    icalcomponent_free(root);
    cli_result_free(&r1);
    cli_result_free(&r2);
}

/* --text-out writes the text the offsets index: for a plain text with
 * no-break spaces, the bytes as given; each JSON offset points into it. */
Test(cli, text_out)
{
    static const char in[] = "Decision date :\xC2\xA0"
                             "18 Dec 2019\n\nOn 3\xC2\xA0March 2019 Mr X "
                             "complained.\n";
    char dir[] = "/tmp/caseclock-test-XXXXXX", path[256];
    cli_result r;
    size_t n;
    char *text;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/text.txt", dir);
    cli_run(&r, A("dates", "-", "--text-out", path), in);
    cr_assert(eq(int, r.status, 0), "%s", r.err);
    text = cli_test_read_file(path, &n);
    cr_assert_not_null(text);
    cr_expect(eq(sz, n, sizeof in - 1));
    cr_expect(eq(int, memcmp(text, in, n), 0));
    /* the second mention, "3 March 2019" with its no-break space */
    cr_expect(strstr(r.out, "\"decision_date\": \"2019-12-18\"") != NULL, "%s",
              r.out);
    cr_expect(strstr(r.out, "\"offset\": 33,\n      \"length\": 13") != NULL,
              "%s", r.out);
    cr_expect(eq(int, memcmp(text + 33, "3\xC2\xA0March 2019", 13), 0));
    free(text);
    cli_result_free(&r);
    unlink(path);
    rmdir(dir);
}

/* -o writes whole or not at all, and never clobbers on failure. */
Test(cli, output_is_atomic)
{
    char dir[] = "/tmp/caseclock-test-XXXXXX";
    char path[256], bad[256];
    cli_result r;
    FILE *fp;
    char buf[64] = "";
    struct stat sb;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/out.json", dir);
    cli_run(&r, A("add", "2019-04-10", "10wd", "--format", "json", "-o", path),
            NULL);
    cr_expect(eq(int, r.status, 0), "%s", r.err);
    cr_expect(eq(str, r.out, ""), "nothing on stdout with -o");
    cli_result_free(&r);
    fp = fopen(path, "r");
    cr_assert_not_null(fp);
    cr_expect(fread(buf, 1, sizeof buf - 1, fp) > 0);
    fclose(fp);
    cr_expect(strstr(buf, "\"from\": \"2019-04-10\"") != NULL, "%s", buf);
    /* A failing run leaves the old file as it was. */
    cli_run(&r, A("add", "2030-12-20", "10wd", "-o", path), NULL);
    cr_expect(eq(int, r.status, 4));
    cli_result_free(&r);
    fp = fopen(path, "r");
    memset(buf, 0, sizeof buf);
    cr_expect(fread(buf, 1, sizeof buf - 1, fp) > 0);
    fclose(fp);
    cr_expect(strstr(buf, "\"from\": \"2019-04-10\"") != NULL, "clobbered");
    /* An unwritable place is a clear error, exit 6. */
    snprintf(bad, sizeof bad, "%s/no/such/dir/out.json", dir);
    cli_run(&r, A("add", "2019-04-10", "10wd", "-o", bad), NULL);
    cr_expect(eq(int, r.status, 6), "%s", r.err);
    cr_expect(strstr(r.err, "cannot write") != NULL, "%s", r.err);
    cli_result_free(&r);
    cr_expect(stat(bad, &sb) != 0);
    /* A device is written directly, not replaced. */
    cli_run(&r, A("add", "2019-04-10", "10wd", "-o", "/dev/null"), NULL);
    cr_expect(eq(int, r.status, 0), "%s", r.err);
    cr_expect(stat("/dev/null", &sb) == 0 && S_ISCHR(sb.st_mode));
    cli_result_free(&r);
    unlink(path);
    rmdir(dir);
}
