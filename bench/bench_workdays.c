/*
 * Working-day additions per second for N = 10 and N = 5000, measured side
 * by side in one run (the same random dates for both), so their ratio is
 * meaningful on a noisy machine.  Also the month arithmetic through ICU.
 * Not a test: it prints figures.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "caseclock.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Rounds of `iters` additions of n working days; returns additions/s. */
static double
rate(const cc_calendar *cal, const cc_date *from, size_t nfrom, long n,
     size_t iters, long *sink)
{
    double t0 = now();

    for (size_t i = 0; i < iters; i++) {
        cc_date r;
        if (cc_workdays_add(&r, cal, from[i % nfrom], n, NULL) != CC_OK) {
            fprintf(stderr, "bench: addition failed\n");
            exit(70);
        }
        *sink += r;
    }
    return (double)iters / (now() - t0);
}

int
main(int argc, char **argv)
{
    size_t iters = argc > 1 ? strtoul(argv[1], NULL, 10) : 2000000;
    cc_ctx *ctx;
    cc_calendar *cal;
    cc_date first, base, *from;
    uint64_t s = 42;
    long sink = 0;
    enum { NFROM = 4096 };
    double r10 = 0, r5000 = 0, rm;

    if (cc_ctx_new(&ctx, NULL) != CC_OK ||
        cc_calendar_new(&cal, ctx, "england-and-wales", NULL) != CC_OK)
        return 70;
    cc_calendar_coverage(cal, &first, NULL);
    base = first + 1;
    from = malloc(NFROM * sizeof *from);
    for (size_t i = 0; i < NFROM; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        /* 2000-2010: room for 5000 working days (about 20 years). */
        from[i] = base + (cc_date)(s % 3650);
    }
    /* Interleave the two so that drift in machine speed hits both. */
    for (int round = 0; round < 5; round++) {
        r10 += rate(cal, from, NFROM, 10, iters / 5, &sink);
        r5000 += rate(cal, from, NFROM, 5000, iters / 5, &sink);
    }
    r10 /= 5;
    r5000 /= 5;
    {
        double t0 = now();
        size_t m = iters / 20;
        for (size_t i = 0; i < m; i++) {
            cc_date r;
            cc_months_add(&r, from[i % NFROM], 3, NULL);
            sink += r;
        }
        rm = (double)m / (now() - t0);
    }
    printf("%-34s %14s\n", "operation", "per second");
    printf("%-34s %14.0f\n", "add 10wd (england-and-wales)", r10);
    printf("%-34s %14.0f\n", "add 5000wd (england-and-wales)", r5000);
    printf("%-34s %14.2f\n", "ratio 10wd / 5000wd", r10 / r5000);
    printf("%-34s %14.0f\n", "add 3m (ICU calendar)", rm);
    fprintf(stderr, "(checksum %ld)\n", sink);
    free(from);
    cc_calendar_free(cal);
    cc_ctx_free(ctx);
    return 0;
}
