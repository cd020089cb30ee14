/*
 * A decision's timeline as iCalendar (or JSON, or the HTML report) through
 * the library alone: the same bytes as `caseclock timeline FILE --format
 * ics`.
 *
 *   ./timeline FILE [ics|json|html] [YYYY-MM-DD]
 *
 * The third argument is "today", as `--today` gives it.  Exit status 0, or
 * 1 with a message on standard error.
 */
#include <caseclock.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cc_write_fn for a FILE *. */
static int
write_file(void *fp, const char *data, size_t len)
{
    return fwrite(data, 1, len, fp) == len ? 0 : -1;
}

/* New (free()): the whole file, its size in *len; NULL when unreadable. */
static char *
read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *data = NULL, *more;
    size_t n = 0, cap = 0, got;

    if (!fp)
        return NULL;
    do {
        if (n == cap) {
            cap = cap ? 2 * cap : 65536;
            if (!(more = realloc(data, cap))) {
                free(data);
                fclose(fp);
                return NULL;
            }
            data = more;
        }
        got = fread(data + n, 1, cap - n, fp);
        n += got;
    } while (got > 0);
    if (ferror(fp)) {
        free(data);
        data = NULL;
    }
    fclose(fp);
    *len = n;
    return data;
}

int
main(int argc, char **argv)
{
    const char *format = argc > 2 ? argv[2] : "ics";
    cc_write_opts opts = {0};
    cc_error err = {0};
    cc_ctx *ctx = NULL;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;
    cc_status st = CC_EINVAL;
    size_t len = 0;
    char *data;

    if (argc < 2 || argc > 4 ||
        (strcmp(format, "ics") != 0 && strcmp(format, "json") != 0 &&
         strcmp(format, "html") != 0)) {
        fprintf(stderr, "usage: %s FILE [ics|json|html] [YYYY-MM-DD]\n",
                argv[0]);
        return 1;
    }
    if (!(data = read_file(argv[1], &len))) {
        fprintf(stderr, "%s: cannot be read\n", argv[1]);
        return 1;
    }
    if (argc > 3 && cc_date_parse(&opts.today, argv[3], &err) != CC_OK)
        goto done;
    opts.has_today = argc > 3;
    if (cc_ctx_new(&ctx, &err) != CC_OK)
        goto done;
    if (opts.has_today)
        cc_ctx_set_today(ctx, opts.today);
    if (cc_doc_read(&doc, ctx, data, len, argv[1], &err) != CC_OK ||
        cc_timeline_new(&tl, ctx, doc, &err) != CC_OK)
        goto done;
    st = (strcmp(format, "ics") == 0    ? cc_timeline_write_ics
          : strcmp(format, "html") == 0 ? cc_timeline_write_html
                                        : cc_timeline_write_json)(
        tl, doc, &opts, write_file, stdout, &err);
done:
    if (st != CC_OK)
        fprintf(stderr, "%s%s%s (caseclock %s)\n", err.source,
                *err.source ? ": " : "", err.message, cc_version());
    cc_timeline_free(tl);
    cc_doc_free(doc);
    cc_ctx_free(ctx);
    free(data);
    return st == CC_OK && fflush(stdout) == 0 ? 0 : 1;
}
