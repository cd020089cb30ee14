/* dates: every temporal mention in a decision statement. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { FMT_JSON, FMT_TEXT };
static const char *const DATES_FORMATS[] = {"json", "text", NULL};

/* The mention's grain: "" for none, as the dates schema has it. */
static const char *
grain_name(cc_grain g)
{
    return g == CC_GRAIN_NONE ? "" : cc_grain_name(g);
}

static int
resolved(const cc_mention *m)
{
    if (m->flags & CC_MENTION_UNRESOLVED)
        return 0;
    return m->grain != CC_GRAIN_NONE ||
           (m->type == CC_MENTION_TIME && m->value[0] != 'T');
}

static json_t *
field_json(const cc_doc *doc, cc_field f)
{
    const char *v = cc_doc_field(doc, f);
    return v ? json_string(v) : json_null();
}

json_t *
cli_dates_decision_json(const cc_doc *doc)
{
    json_t *d = json_object();
    json_object_set_new(d, "authority", field_json(doc, CC_FIELD_AUTHORITY));
    json_object_set_new(d, "reference", field_json(doc, CC_FIELD_REFERENCE));
    json_object_set_new(d, "category", field_json(doc, CC_FIELD_CATEGORY));
    json_object_set_new(d, "outcome", field_json(doc, CC_FIELD_OUTCOME));
    json_object_set_new(d, "decision_date",
                        field_json(doc, CC_FIELD_DECISION_DATE));
    return d;
}

json_t *
cli_dates_mention_json(const cc_doc *doc, const cc_mention *m)
{
    json_t *o = json_object();
    const char *text = cc_doc_text(doc, NULL);
    char buf[11];

    json_object_set_new(o, "text", json_stringn(text + m->offset, m->length));
    json_object_set_new(o, "offset", json_integer((json_int_t)m->offset));
    json_object_set_new(o, "length", json_integer((json_int_t)m->length));
    json_object_set_new(o, "type", json_string(cc_mention_type_name(m->type)));
    json_object_set_new(o, "value", json_string(m->value));
    if (m->mod[0])
        json_object_set_new(o, "mod", json_string(m->mod));
    if (m->flags & CC_MENTION_INFERRED)
        json_object_set_new(o, "inferred", json_true());
    if (m->flags & CC_MENTION_FROM_DECISION)
        json_object_set_new(o, "year_from", json_string("decision date"));
    if (m->flags & CC_MENTION_RELATIVE)
        json_object_set_new(o, "relative", json_true());
    if (m->flags & CC_MENTION_WORKDAYS)
        json_object_set_new(o, "workdays", json_true());
    if (m->flags & CC_MENTION_HEADER)
        json_object_set_new(o, "header", json_true());
    if (m->flags & CC_MENTION_UNRESOLVED)
        json_object_set_new(o, "unresolved", json_true());
    if (m->grain != CC_GRAIN_NONE)
        json_object_set_new(o, "grain", json_string(grain_name(m->grain)));
    if (resolved(m)) {
        json_object_set_new(o, "earliest",
                            json_string(cc_date_format(m->earliest, buf)));
        json_object_set_new(o, "latest",
                            json_string(cc_date_format(m->latest, buf)));
    }
    if (m->paragraph >= 0)
        json_object_set_new(o, "paragraph", json_integer(m->paragraph));
    if (m->sentence >= 0)
        json_object_set_new(o, "sentence", json_integer(m->sentence));
    return o;
}

/* jansson's output gathered in memory and written with one fwrite: many
 * small writes through stdio cost more than building the document. */
typedef struct membuf {
    char *p;
    size_t n, cap;
    size_t shift; /* spaces added after each line break jansson writes */
} membuf;

static int
membuf_add(membuf *b, const char *buffer, size_t size)
{
    if (b->n + size > b->cap) {
        size_t ncap = b->cap ? b->cap : 65536;
        while (ncap < b->n + size)
            ncap *= 2;
        char *np = realloc(b->p, ncap);
        if (!np)
            return -1;
        b->p = np;
        b->cap = ncap;
    }
    memcpy(b->p + b->n, buffer, size);
    b->n += size;
    return 0;
}

/* jansson's dump callback: a value dumped at depth 0 lands indented as
 * if nested `shift` spaces deep (strings hold no raw line breaks). */
static int
membuf_put(const char *buffer, size_t size, void *data)
{
    static const char spaces[] = "        ";
    membuf *b = data;
    if (membuf_add(b, buffer, size) != 0)
        return -1;
    if (b->shift && size && buffer[size - 1] == '\n')
        return membuf_add(b, spaces, b->shift);
    return 0;
}

static int
put_str(membuf *b, const char *s)
{
    return membuf_add(b, s, strlen(s)) == 0;
}

static int
put_json(membuf *b, json_t *v, size_t shift)
{
    int ok;
    b->shift = shift;
    ok = v && json_dump_callback(v, membuf_put, b,
                                 JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0;
    b->shift = 0;
    json_decref(v);
    return ok;
}

/*
 * The layout of json_dumps(JSON_INDENT(2) | JSON_PRESERVE_ORDER) on
 * {"decision": {...}, "mentions": [...]}, written one mention at a time:
 * a jansson tree of the whole document cost as much as the recognising.
 * Returns 0 when the document could not be built (out of memory); a
 * failed write stays in ferror(fp) for cli_out_close() to judge, as a
 * reader of stdout that has gone is no error.
 */
static int
write_json(FILE *fp, const cc_doc *doc)
{
    membuf b = {NULL, 0, 0, 0};
    size_t n = cc_doc_mention_count(doc);
    int ok = put_str(&b, "{\n  \"decision\": ") &&
             put_json(&b, cli_dates_decision_json(doc), 2) &&
             put_str(&b, ",\n  \"mentions\": [");

    for (size_t i = 0; ok && i < n; i++)
        ok = put_str(&b, i ? ",\n    " : "\n    ") &&
             put_json(&b, cli_dates_mention_json(doc, cc_doc_mention(doc, i)),
                      4);
    ok = ok && put_str(&b, n ? "\n  ]\n}\n" : "]\n}\n");
    if (ok)
        fwrite(b.p, 1, b.n, fp);
    free(b.p);
    return ok;
}

/* One line: the text with line breaks shown as spaces. */
static void
print_text(FILE *fp, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fputc(s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i], fp);
}

static void
doc_text(FILE *fp, const cc_doc *doc)
{
    static const struct {
        cc_field f;
        const char *name;
    } fields[] = {{CC_FIELD_AUTHORITY, "authority"},
                  {CC_FIELD_REFERENCE, "reference"},
                  {CC_FIELD_CATEGORY, "category"},
                  {CC_FIELD_OUTCOME, "outcome"},
                  {CC_FIELD_DECISION_DATE, "decision date"}};
    size_t len;
    const char *text = cc_doc_text(doc, &len);

    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *v = cc_doc_field(doc, fields[i].f);
        fprintf(fp, "%-14s %s\n", fields[i].name, v ? v : "-");
    }
    fprintf(fp, "\n%7s %4s  %-8s %-18s %-13s %-9s %s\n", "offset", "len",
            "type", "value", "mod", "flags", "text");
    for (size_t i = 0; i < cc_doc_mention_count(doc); i++) {
        const cc_mention *m = cc_doc_mention(doc, i);
        char flags[8];
        size_t k = 0;
        if (m->flags & CC_MENTION_HEADER)
            flags[k++] = 'H';
        if (m->flags & CC_MENTION_INFERRED)
            flags[k++] = 'I';
        if (m->flags & CC_MENTION_RELATIVE)
            flags[k++] = 'R';
        if (m->flags & CC_MENTION_WORKDAYS)
            flags[k++] = 'W';
        if (m->flags & CC_MENTION_UNRESOLVED)
            flags[k++] = 'U';
        if (k == 0)
            flags[k++] = '-';
        flags[k] = '\0';
        fprintf(fp, "%7zu %4zu  %-8s %-18s %-13s %-9s ", m->offset, m->length,
                cc_mention_type_name(m->type), m->value,
                m->mod[0] ? m->mod : "-", flags);
        print_text(fp, text + m->offset, m->length);
        fputc('\n', fp);
    }
    fprintf(fp,
            "\n%zu mentions; flags: H header, I year inferred, "
            "R relative, W working days, U unresolved\n",
            cc_doc_mention_count(doc));
}

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

    for (int i = 1; i < argc; i++) {
        const char *val;
        int m = cli_option(argc, argv, &i, "--format", &val);
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
    if (cc_doc_read(&doc, ctx, data, len,
                    strcmp(file, "-") == 0 ? "<stdin>" : file, &err) != CC_OK) {
        rc = cli_report(&err);
        goto done;
    }
    if ((rc = cli_out_open(&out, output)) != EXIT_DONE)
        goto done;
    if (fmt == FMT_JSON) {
        int ok = write_json(out.fp, doc);
        rc = cli_out_close(&out, ok);
        if (!ok && rc == EXIT_DONE) {
            cli_warn("out of memory");
            rc = EXIT_INTERNAL;
        }
    } else {
        doc_text(out.fp, doc);
        rc = cli_out_close(&out, 1);
    }
done:
    cc_doc_free(doc);
    cc_ctx_free(ctx);
    free(data);
    return rc;
}
