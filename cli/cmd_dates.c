/* dates: every temporal mention in a decision statement. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { FMT_JSON, FMT_TEXT };
static const char *const DATES_FORMATS[] = {"json", "text", NULL};

int
cli_dates(int argc, char **argv)
{
    const char *file = NULL, *output = NULL;
    int fmt = FMT_JSON, rc;
    char *data = NULL;
    size_t len = 0;
    cc_ctx *ctx = NULL;
    cc_doc *doc = NULL;
    cc_error err = {0};
    cli_out out;
    cli_read rd = {0};

    for (int i = 1; i < argc; i++) {
        const char *val;
        int m = cli_read_option(&rd, argc, argv, &i);
        if (m < 0)
            return EXIT_USAGE;
        if (m > 0)
            continue;
        m = cli_option(argc, argv, &i, "--format", &val);
        if (m < 0)
            return EXIT_USAGE;
        if (m > 0) {
            if (cli_format(val, DATES_FORMATS, &fmt) != EXIT_DONE)
                return EXIT_USAGE;
            continue;
        }
        m = cli_option(argc, argv, &i, "-o", &val);
        if (m == 0)
            m = cli_option(argc, argv, &i, "--output", &val);
        if (m < 0)
            return EXIT_USAGE;
        if (m > 0) {
            output = val;
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] != '\0')
            return cli_usage_error("unknown option '%s' for '%s'", argv[i],
                                   argv[0]);
        if (file)
            return cli_usage_error("'%s' takes one FILE", argv[0]);
        file = argv[i];
    }
    if (!file)
        return cli_usage_error("'%s' needs a FILE ('-' for stdin)", argv[0]);

    if ((rc = cli_read_file(file, &data, &len)) != EXIT_DONE)
        return rc;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        goto done;
    rc = cli_read_doc(&rd, &doc, ctx, data, len, file);
    data = NULL; /* the document's now */
    if (rc != EXIT_DONE)
        goto done;
    if ((rc = cli_out_open(&out, output)) != EXIT_DONE)
        goto done;
    {
        /* A failed write is cli_out_close()'s to judge: a reader of
         * stdout that has gone is no error. */
        cc_status st =
            (fmt == FMT_JSON ? cc_doc_write_json : cc_doc_write_text)(
                doc, NULL, cli_write_fp, out.fp, &err);
        rc = cli_out_close(&out, st == CC_OK || st == CC_EWRITE);
        if (st == CC_ENOMEM && rc == EXIT_DONE) {
            cli_warn("out of memory");
            rc = EXIT_INTERNAL;
        }
    }
done:
    cc_doc_free(doc);
    cc_ctx_free(ctx);
    free(data);
    return rc;
}
