/*
 * Reading a decision, as dates, timeline and check do: the format and
 * encoding options, the header a draft lacks, and --text-out, the text
 * every offset in the output indexes.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    cc_field field;
} given_options[] = {
    {"--authority", CC_FIELD_AUTHORITY},
    {"--reference", CC_FIELD_REFERENCE},
    {"--category", CC_FIELD_CATEGORY},
    {"--outcome", CC_FIELD_OUTCOME},
    {"--decision-date", CC_FIELD_DECISION_DATE},
};

int
cli_read_option(cli_read *r, int argc, char **argv, int *i)
{
    const char *val;
    int m;

    if ((m = cli_option(argc, argv, i, "--input-format", &val)) != 0) {
        if (m < 0)
            return -1;
        if (!cc_format_parse(&r->opts.format, val)) {
            cli_usage_error("option --input-format: unknown format '%s' (use "
                            "auto, text, html, pdf or docx)",
                            val);
            return -1;
        }
        return 1;
    }
    if ((m = cli_option(argc, argv, i, "--encoding", &val)) != 0) {
        if (m < 0)
            return -1;
        if (strcmp(val, "utf-8") == 0 || strcmp(val, "UTF-8") == 0)
            r->opts.encoding = CC_ENCODING_UTF8;
        else if (strcmp(val, "windows-1252") == 0 || strcmp(val, "cp1252") == 0)
            r->opts.encoding = CC_ENCODING_WINDOWS_1252;
        else {
            cli_usage_error("option --encoding: unknown encoding '%s' (use "
                            "utf-8 or windows-1252)",
                            val);
            return -1;
        }
        return 1;
    }
    if ((m = cli_option(argc, argv, i, "--text-out", &val)) != 0) {
        if (m < 0)
            return -1;
        if (strcmp(val, "-") == 0) {
            cli_usage_error("option --text-out needs a FILE: the output "
                            "goes to stdout");
            return -1;
        }
        r->text_out = val;
        return 1;
    }
    for (size_t k = 0; k < sizeof given_options / sizeof *given_options; k++) {
        if ((m = cli_option(argc, argv, i, given_options[k].name, &val)) == 0)
            continue;
        if (m < 0)
            return -1;
        r->opts.field[given_options[k].field] = val;
        return 1;
    }
    return 0;
}

int
cli_read_doc(cli_read *r, cc_doc **doc, const cc_ctx *ctx, char *data,
             size_t len, const char *file)
{
    cc_error err = {0};
    cli_out out;
    int rc;

    if (cc_doc_read_taking(doc, ctx, data, len,
                           strcmp(file, "-") == 0 ? "<stdin>" : file, &r->opts,
                           &err) != CC_OK)
        return cli_report(&err);
    if (!r->text_out)
        return EXIT_DONE;
    if ((rc = cli_out_open(&out, r->text_out)) != EXIT_DONE)
        return rc;
    return cli_out_close(
        &out, cc_doc_write_source(*doc, cli_write_fp, out.fp, &err) == CC_OK);
}
