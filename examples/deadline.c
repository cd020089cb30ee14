/*
 * deadline: the last permitted day under a statutory timescale, computed
 * with libcaseclock, and the days the count passed over.
 *
 *   deadline [RULE [DATE]]
 *
 * With no arguments: the stage 1 response to a children's social care
 * complaint received on 20 March 2024 (Children Act 1989 representations
 * procedure, 10 working days): 2024-04-05.
 *
 * Build it against an installed caseclock with the Makefile beside it:
 *   cc deadline.c $(pkg-config --cflags --libs caseclock) -o deadline
 */
#include <caseclock.h>
#include <stdio.h>
#include <stdlib.h>

int
main(int argc, char **argv)
{
    const char *id = argc > 1 ? argv[1] : "ca1989.complaints.stage1";
    const char *from_text = argc > 2 ? argv[2] : "2024-03-20";
    cc_ctx *ctx = NULL;
    cc_calendar *cal = NULL;
    const cc_rule *rule;
    cc_calc calc = {0};
    cc_error err = {0};
    cc_date from;
    char a[11], b[11], p[24];
    int rc = EXIT_FAILURE;

    if (argc > 3) {
        fputs("usage: deadline [RULE [DATE]]\n", stderr);
        return 2;
    }
    if (cc_ctx_new(&ctx, &err) != CC_OK ||
        cc_date_parse(&from, from_text, &err) != CC_OK)
        goto fail;
    rule = cc_ctx_rule_find(ctx, id);
    if (!rule) {
        fprintf(stderr, "deadline: unknown rule '%s'\n", id);
        goto done;
    }
    /* Working-day rules count on their division's bank holidays. */
    if (cc_calendar_new(&cal, ctx,
                        *rule->division ? rule->division : "england-and-wales",
                        &err) != CC_OK)
        goto fail;
    if (cc_calc_add(&calc, cal, from, rule->period, &err) != CC_OK)
        goto fail;

    printf("%s: %s (%s)\n", rule->id, rule->title, rule->source);
    printf("%s + %s: %s\n", cc_date_format(calc.from, a),
           cc_period_format(calc.period, p, sizeof p),
           cc_date_format(calc.date, b));
    for (size_t i = 0; i < calc.nskipped; i++)
        printf("skipped %s %s\n", cc_date_format(calc.skipped[i].date, a),
               calc.skipped[i].reason);
    rc = EXIT_SUCCESS;
    goto done;
fail:
    fprintf(stderr, "deadline: %s\n", err.message);
done:
    cc_calc_clear(&calc);
    cc_calendar_free(cal);
    cc_ctx_free(ctx);
    return rc;
}
