/* caseclock: the command line. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h> /* mallopt */
#endif

#include "cli.h"

static const char USAGE[] =
    "usage: caseclock COMMAND [ARGS...]\n"
    "\n"
    "Dates, working days and statutory timescales in Local Government and\n"
    "Social Care Ombudsman decision statements.\n"
    "\n"
    "Commands:\n"
    "  add DATE PERIOD [--calendar DIV|FILE.ics]... [--counting "
    "after|beginning_with]\n"
    "        [--format text|json|ics] [--explain] [-o FILE]\n"
    "      the date PERIOD after DATE; PERIOD is 10d, 4w, 3m, 1y or 10wd\n"
    "      (working days), negative to count back\n"
    "  deadline --rule ID --from DATE [--calendar DIV|FILE.ics]...\n"
    "        [--format text|json|ics] [--explain] [-o FILE]\n"
    "      the last permitted day under a timescale rule (see 'rules')\n"
    "  workdays FROM TO [--calendar DIV|FILE.ics]... [--format text|json]\n"
    "      working days in (FROM, TO]; negative when TO is before FROM\n"
    "  dates FILE [--format json|text] [-o FILE] [READING]\n"
    "      every date, time, duration and set in a decision statement\n"
    "  timeline FILE [--format text|json|ics|csv|html] [-o FILE]\n"
    "        [--today DATE] [--calendar FILE.ics]... [READING]\n"
    "      the decision's chronology, its deadlines and its statements of\n"
    "      delay checked against its dates\n"
    "  check FILE [--format text|json] [-o FILE] [--today DATE] [--strict]\n"
    "        [--calendar FILE.ics]... [READING]\n"
    "      the deadlines and delay checks alone; --strict exits 1 when a\n"
    "      deadline was missed or is overdue\n"
    "  batch [PATH...|-] [--jobs N] [--command dates|timeline|check]\n"
    "        [--from-list FILE] [--today DATE] [-o FILE]\n"
    "      one JSON line per decision statement, in input order: each PATH,\n"
    "      each *.txt under a directory, the paths on standard input (-) or\n"
    "      in FILE; N threads (default: one per core).  A failed input is a\n"
    "      record with its error; the exit status is then the highest of\n"
    "      theirs\n"
    "  rules [--format text|json|markdown]\n"
    "                                 the timescale rules\n"
    "  calendars                      the bank holiday calendars and coverage\n"
    "  --help, --version\n"
    "\n"
    "READING: [--input-format auto|text|html|pdf|docx]\n"
    "  [--encoding utf-8|windows-1252] [--text-out FILE]\n"
    "  [--decision-date DATE] [--authority NAME] [--reference REF]\n"
    "  [--category CATEGORY] [--outcome OUTCOME]\n"
    "      the format (by content by default) and encoding of FILE; the\n"
    "      text every offset indexes, written to FILE; header fields a draft\n"
    "      lacks, or overriding the header's\n"
    "\n"
    "DATE is 2019-03-22, 22 March 2019 or 22 Mar 2019.  DIV is\n"
    "england-and-wales (the default), scotland or northern-ireland; a\n"
    "FILE.ics adds a council's closure days.  -o FILE writes FILE whole or\n"
    "not at all.\n"
    "\n"
    "Exit status:\n"
    "  0   done\n"
    "  1   --strict, and a timescale check failed\n"
    "  2   usage: unknown option, missing or bad argument\n"
    "  3   invalid input or data: not UTF-8, bad date, malformed calendar or\n"
    "      rules\n"
    "  4   a date outside the calendar data's coverage\n"
    "  5   an input file cannot be opened or read\n"
    "  6   the output cannot be written\n"
    "  70  internal error\n";

static const struct {
    const char *name;
    cli_command run;
} commands[] = {
    {"add", cli_add},           {"deadline", cli_deadline},
    {"workdays", cli_workdays}, {"dates", cli_dates},
    {"rules", cli_rules},       {"calendars", cli_calendars},
    {"timeline", cli_timeline}, {"check", cli_check},
    {"batch", cli_batch},
};

static int
version(void)
{
    cc_ctx *ctx;
    cc_calendar *cal;
    cc_error err = {0};
    cc_date first, last;
    char a[11], b[11];
    int rc = cli_ctx_new(&ctx);

    if (rc != EXIT_DONE)
        return rc;
    printf("caseclock %s\n", CASECLOCK_VERSION);
    for (size_t i = 0; i < cc_ctx_division_count(ctx); i++) {
        if (cc_calendar_new(&cal, ctx, cc_ctx_division_name(ctx, i), &err) !=
            CC_OK) {
            rc = cli_report(&err);
            break;
        }
        cc_calendar_coverage(&first, &last, cal);
        printf("bank holidays: %s %s to %s\n", cc_ctx_division_name(ctx, i),
               cc_date_format(first, a), cc_date_format(last, b));
        cc_calendar_free(cal);
    }
    printf("timescale rules: %zu\n", cc_ctx_rule_count(ctx));
    cc_ctx_free(ctx);
    return rc == EXIT_DONE ? cli_flush_stdout() : rc;
}

int
main(int argc, char **argv)
{
    /* A closed pipe ends the output quietly: writes fail with EPIPE. */
    signal(SIGPIPE, SIG_IGN);
#if defined(M_MMAP_THRESHOLD)
    /* A long document's arrays (the file as read, the mentions before
     * their values are worked out, ...) are mapped on their own and given
     * back when freed.  By default glibc raises this threshold to the size
     * of the first such block freed, after which the later ones are cut
     * from the heap, whose freed pages stay resident: the timeline of a
     * 10 MB input then peaks 4 MB higher. */
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
    if (argc < 2)
        return cli_usage_error("no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(USAGE, stdout);
        return cli_flush_stdout();
    }
    if (strcmp(argv[1], "--version") == 0)
        return version();
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    return cli_usage_error("unknown command '%s'", argv[1]);
}
