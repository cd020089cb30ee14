/*
 * The documentation against the program (curl's test1139, jq's man.test):
 *  - every command, option and exit status in `caseclock --help` is in
 *    cli/caseclock.1, and the other way round;
 *  - each command's options and --format values agree between --help and
 *    the man page's SYNOPSIS;
 *  - the bash completion knows every command and option in --help;
 *  - each "$ caseclock ..." example in the man page's EXAMPLES prints the
 *    lines shown under it ("..." ends the comparison; an example whose
 *    output starts "caseclock: " is an error and must fail with it).
 *
 * A command the man page documents that the binary does not know yet
 * (`caseclock CMD` says "unknown command") is reported as pending and
 * skipped, with the options only it has; once it exists it is checked.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_run.h"

#define A(...) ((const char *const[]){__VA_ARGS__, NULL})

static const char MAN_PAGE[] = "cli/caseclock.1";
static const char COMPLETION[] = "completion/caseclock.bash";

/* ------------------------------------------------------------------ */
/* Sets of words                                                       */

typedef struct strset {
    char **v;
    size_t n, cap;
} strset;

static int
set_has(const strset *s, const char *w)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i], w) == 0)
            return 1;
    return 0;
}

static void
set_addn(strset *s, const char *w, size_t len)
{
    char *copy = strndup(w, len);

    cr_assert_not_null(copy);
    if (set_has(s, copy)) {
        free(copy);
        return;
    }
    if (s->n == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->v = realloc(s->v, s->cap * sizeof *s->v);
        cr_assert_not_null(s->v);
    }
    s->v[s->n++] = copy;
}

static void
set_add(strset *s, const char *w)
{
    set_addn(s, w, strlen(w));
}

static void
set_free(strset *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* "a b c" for messages, into buf. */
static const char *
set_show(const strset *s, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < s->n; i++) {
        if (i)
            strncat(buf, " ", size - strlen(buf) - 1);
        strncat(buf, s->v[i], size - strlen(buf) - 1);
    }
    return buf;
}

static int
set_equal(const strset *a, const strset *b)
{
    if (a->n != b->n)
        return 0;
    for (size_t i = 0; i < a->n; i++)
        if (!set_has(b, a->v[i]))
            return 0;
    return 1;
}

/* ------------------------------------------------------------------ */
/* Text                                                                */

static char *
read_all(const char *path)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, n;
    char chunk[4096];

    cr_assert_not_null(fp, "cannot open %s (tests run from the source root)",
                       path);
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        buf = realloc(buf, len + n + 1);
        cr_assert_not_null(buf);
        memcpy(buf + len, chunk, n);
        len += n;
    }
    cr_assert(ferror(fp) == 0, "cannot read %s", path);
    fclose(fp);
    if (!buf)
        buf = calloc(1, 1);
    buf[len] = '\0';
    return buf;
}

static int
optchar(int c)
{
    return islower(c) || isdigit(c) || c == '-' || c == '_';
}

/*
 * Adds each option in `text` to `out`: "--name" or "-x" where the dash
 * starts a word (after a space, a bracket, a bar, a comma, a quote or the
 * start), "--name" stopping at '=' or any character not in a name.  "-10wd"
 * and "england-and-wales" are not options.
 */
static void
options_in(const char *text, strset *out)
{
    for (const char *p = text; *p; p++) {
        const char *q;

        if (*p != '-' || (p > text && !strchr(" \t\n[(|,\"'", p[-1])))
            continue;
        if (p[1] == '-' && islower((unsigned char)p[2])) {
            for (q = p + 2; optchar((unsigned char)*q); q++)
                ;
            set_addn(out, p, (size_t)(q - p));
            p = q - 1;
        } else if (islower((unsigned char)p[1]) &&
                   !optchar((unsigned char)p[2])) {
            set_addn(out, p, 2);
            p++;
        }
    }
}

/* The values of the first "--format a|b|c" in text. */
static void
formats_in(const char *text, strset *out)
{
    const char *p = strstr(text, "--format ");

    if (!p)
        return;
    p += strlen("--format ");
    while (islower((unsigned char)*p)) {
        size_t n = 0;
        while (islower((unsigned char)p[n]))
            n++;
        set_addn(out, p, n);
        p += n;
        if (*p == '|')
            p++;
    }
}

/* Splits text in place into lines; returns the count (array in *out). */
static size_t
split_lines(char *text, char ***out)
{
    size_t n = 0, cap = 64;
    char **v = malloc(cap * sizeof *v);

    cr_assert_not_null(v);
    for (char *p = text; *p;) {
        char *nl = strchr(p, '\n');
        if (n == cap) {
            cap *= 2;
            v = realloc(v, cap * sizeof *v);
            cr_assert_not_null(v);
        }
        v[n++] = p;
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    *out = v;
    return n;
}

/* ------------------------------------------------------------------ */
/* roff                                                                */

/* New: one line of roff text with its escapes turned into plain text. */
static char *
roff_unescape(const char *s)
{
    static const struct {
        const char *name;
        const char *text;
    } specials[] = {{"aq", "'"},  {"lq", "\""}, {"rq", "\""},
                    {"em", "--"}, {"en", "-"},  {"dq", "\""}};
    char *out = malloc(strlen(s) + 1), *o = out;

    cr_assert_not_null(out);
    while (*s) {
        if (*s != '\\') {
            *o++ = *s++;
            continue;
        }
        s++;
        switch (*s) {
        case '\0':
            break;
        case 'f': /* \fB, \f(BI, \f[B]: a font change */
            s++;
            if (*s == '(')
                s += *s && s[1] ? 3 : 1;
            else if (*s == '[')
                s = strchr(s, ']') ? strchr(s, ']') + 1 : s + strlen(s);
            else if (*s)
                s++;
            break;
        case '(': {
            const char *text = "?";
            for (size_t i = 0; i < sizeof specials / sizeof specials[0]; i++)
                if (strncmp(s + 1, specials[i].name, 2) == 0)
                    text = specials[i].text;
            strcpy(o, text);
            o += strlen(text);
            s += s[1] && s[2] ? 3 : 1;
            break;
        }
        case 'e':
            *o++ = '\\';
            s++;
            break;
        case '&':
        case '%':
        case ':':
            s++;
            break;
        default: /* \- \  \. \' and the like: the character itself */
            *o++ = *s++;
            break;
        }
    }
    *o = '\0';
    return out;
}

/*
 * New: the text a roff line shows.  Font macros join their arguments: .B
 * and .I with spaces, the alternating ones (.BR, .IR, ...) without.  Other
 * requests and comments show nothing; text lines show themselves.
 */
static char *
roff_text(const char *line)
{
    static const char *const alternating[] = {"BR", "RB", "BI",
                                              "IB", "IR", "RI"};
    char macro[4] = "", *raw, *out;
    const char *p = line;
    size_t len = 0;
    int alt = 0;

    if (line[0] != '.' && line[0] != '\'')
        return roff_unescape(line);
    p++;
    while (*p && !isspace((unsigned char)*p) && len < sizeof macro - 1)
        macro[len++] = *p++;
    macro[len] = '\0';
    if (strcmp(macro, "B") != 0 && strcmp(macro, "I") != 0) {
        for (size_t i = 0; i < sizeof alternating / sizeof *alternating; i++)
            alt |= strcmp(macro, alternating[i]) == 0;
        if (!alt)
            return calloc(1, 1);
    }
    raw = malloc(strlen(p) + 1);
    cr_assert_not_null(raw);
    len = 0;
    for (int first = 1;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        if (!first && !alt)
            raw[len++] = ' ';
        first = 0;
        if (*p == '"') {
            for (p++; *p && *p != '"'; p++)
                raw[len++] = *p;
            if (*p)
                p++;
        } else {
            while (*p && *p != ' ' && *p != '\t')
                raw[len++] = *p++;
        }
    }
    raw[len] = '\0';
    out = roff_unescape(raw);
    free(raw);
    return out;
}

/* The man page, parsed once per test. */
typedef struct man_page {
    char *src;   /* the file (split into lines in place) */
    char **line; /* its lines */
    size_t nline;
} man_page;

static void
man_load(man_page *m)
{
    m->src = read_all(MAN_PAGE);
    m->nline = split_lines(m->src, &m->line);
}

static void
man_free(man_page *m)
{
    free(m->line);
    free(m->src);
}

/* The line range [*first, *end) of section `name` (.SH name). */
static void
man_section(const man_page *m, const char *name, size_t *first, size_t *end)
{
    size_t i = 0;

    while (i < m->nline && !(strncmp(m->line[i], ".SH ", 4) == 0 &&
                             strcmp(m->line[i] + 4, name) == 0))
        i++;
    cr_assert(i < m->nline, "%s has no %s section", MAN_PAGE, name);
    *first = ++i;
    while (i < m->nline && strncmp(m->line[i], ".SH ", 4) != 0)
        i++;
    *end = i;
}

/* New: the shown text of lines [first, end), one space between lines. */
static char *
man_text(const man_page *m, size_t first, size_t end)
{
    size_t cap = 1, len = 0;
    char *out;

    for (size_t i = first; i < end; i++)
        cap += strlen(m->line[i]) + 1;
    out = malloc(cap);
    cr_assert_not_null(out);
    out[0] = '\0';
    for (size_t i = first; i < end; i++) {
        char *t = roff_text(m->line[i]);
        if (*t) {
            if (len)
                out[len++] = ' ';
            strcpy(out + len, t);
            len += strlen(t);
        }
        free(t);
    }
    return out;
}

/* The commands of the COMMANDS section: the first word after each .TP. */
static void
man_commands(const man_page *m, strset *out)
{
    size_t first, end;

    man_section(m, "COMMANDS", &first, &end);
    for (size_t i = first; i + 1 < end; i++) {
        char *t;
        size_t n = 0;
        if (strcmp(m->line[i], ".TP") != 0)
            continue;
        t = roff_text(m->line[i + 1]);
        while (islower((unsigned char)t[n]))
            n++;
        if (n)
            set_addn(out, t, n);
        free(t);
    }
}

/* The numbers of the EXIT STATUS section: ".B N" after each .TP. */
static void
man_exit_codes(const man_page *m, strset *out)
{
    size_t first, end;

    man_section(m, "EXIT STATUS", &first, &end);
    for (size_t i = first; i + 1 < end; i++)
        if (strncmp(m->line[i], ".TP", 3) == 0 &&
            strncmp(m->line[i + 1], ".B ", 3) == 0)
            set_add(out, m->line[i + 1] + 3);
}

/*
 * New: the SYNOPSIS line of `cmd` ("caseclock add DATE PERIOD [...]"), or
 * NULL.  The synopsis is one "caseclock CMD ..." per .br.
 */
static char *
man_synopsis(const man_page *m, const char *cmd)
{
    size_t first, end, n = strlen(cmd);
    char *text, *p, *result = NULL;

    man_section(m, "SYNOPSIS", &first, &end);
    text = man_text(m, first, end);
    for (p = strstr(text, "caseclock "); p; p = strstr(p + 1, "caseclock ")) {
        const char *c = p + strlen("caseclock ");
        if (strncmp(c, cmd, n) == 0 && (c[n] == ' ' || c[n] == '\0')) {
            char *next = strstr(c, "caseclock ");
            result = strndup(p, next ? (size_t)(next - p) : strlen(p));
            break;
        }
    }
    free(text);
    return result;
}

/* ------------------------------------------------------------------ */
/* --help                                                              */

typedef struct help {
    char *text;
    strset commands;
    strset options;
    strset exit_codes;
} help;

static void
help_load(help *h)
{
    cli_result r;
    char *copy, **line;
    size_t n;
    int in_commands = 0, in_exit = 0;

    memset(h, 0, sizeof *h);
    cli_run(&r, A("--help"), NULL);
    cr_assert(eq(int, r.status, 0), "caseclock --help: %s", r.err);
    h->text = r.out;
    free(r.err);
    options_in(h->text, &h->options);
    copy = strdup(h->text);
    n = split_lines(copy, &line);
    for (size_t i = 0; i < n; i++) {
        const char *l = line[i];
        if (strcmp(l, "Commands:") == 0 || strcmp(l, "Exit status:") == 0) {
            in_commands = l[0] == 'C';
            in_exit = l[0] == 'E';
            continue;
        }
        if (!*l)
            in_commands = in_exit = 0;
        if (strncmp(l, "  ", 2) != 0)
            continue;
        if (in_commands && islower((unsigned char)l[2])) {
            size_t k = 2;
            while (islower((unsigned char)l[k]))
                k++;
            set_addn(&h->commands, l + 2, k - 2);
        }
        if (in_exit && isdigit((unsigned char)l[2])) {
            size_t k = 2;
            while (isdigit((unsigned char)l[k]))
                k++;
            set_addn(&h->exit_codes, l + 2, k - 2);
        }
    }
    free(line);
    free(copy);
}

static void
help_free(help *h)
{
    free(h->text);
    set_free(&h->commands);
    set_free(&h->options);
    set_free(&h->exit_codes);
}

/* New: the lines of --help about `cmd`: its line and the ones indented
 * under it. */
static char *
help_block(const help *h, const char *cmd)
{
    size_t n = strlen(cmd);
    const char *p = h->text, *end;

    for (;;) {
        p = strstr(p, "\n  ");
        if (!p)
            return NULL;
        p += 3;
        if (strncmp(p, cmd, n) == 0 && (p[n] == ' ' || p[n] == '\n'))
            break;
    }
    /* Up to the next line indented by exactly two spaces, or a blank. */
    for (end = p; (end = strchr(end, '\n')) != NULL; end++)
        if (end[1] == '\n' || (end[1] == ' ' && end[2] == ' ' && end[3] != ' '))
            break;
    return strndup(p, end ? (size_t)(end - p) : strlen(p));
}

/* Is `cmd` unknown to the binary (documented ahead of its arrival)? */
static int
pending(const char *cmd)
{
    cli_result r;
    int unknown;

    cli_run(&r, A(cmd), NULL);
    unknown = r.status == 2 && strstr(r.err, "unknown command") != NULL;
    cli_result_free(&r);
    return unknown;
}

/* ------------------------------------------------------------------ */
/* Commands, options and exit statuses                                 */

Test(docs, commands)
{
    man_page m;
    help h;
    strset man = {0};

    man_load(&m);
    help_load(&h);
    man_commands(&m, &man);
    cr_assert(man.n >= 6, "found %zu commands in COMMANDS", man.n);
    for (size_t i = 0; i < h.commands.n; i++)
        cr_expect(set_has(&man, h.commands.v[i]),
                  "'%s' is in --help but not in %s's COMMANDS", h.commands.v[i],
                  MAN_PAGE);
    for (size_t i = 0; i < man.n; i++) {
        if (set_has(&h.commands, man.v[i]))
            continue;
        if (pending(man.v[i]))
            cr_log_info("'%s' is documented but not built yet", man.v[i]);
        else
            cr_expect(0, "'%s' is in %s's COMMANDS but not in --help", man.v[i],
                      MAN_PAGE);
    }
    set_free(&man);
    help_free(&h);
    man_free(&m);
}

Test(docs, options)
{
    man_page m;
    help h;
    strset man = {0}, only_pending = {0}, cmds = {0};
    char *text;

    man_load(&m);
    help_load(&h);
    for (size_t i = 0; i < m.nline; i++) {
        if (strcmp(m.line[i], ".SH SEE ALSO") == 0)
            break; /* other programs' options from here on */
        if (strncmp(m.line[i], ".\\\"", 3) == 0)
            continue; /* a comment */
        text = roff_text(m.line[i]);
        options_in(text, &man);
        free(text);
    }
    /* Options of commands not built yet need not be in --help yet. */
    man_commands(&m, &cmds);
    for (size_t i = 0; i < cmds.n; i++) {
        char *syn;
        if (set_has(&h.commands, cmds.v[i]) || !pending(cmds.v[i]))
            continue;
        syn = man_synopsis(&m, cmds.v[i]);
        if (syn)
            options_in(syn, &only_pending);
        free(syn);
    }
    cr_assert(h.options.n >= 8, "found %zu options in --help", h.options.n);
    for (size_t i = 0; i < h.options.n; i++)
        cr_expect(set_has(&man, h.options.v[i]),
                  "%s is in --help but not in %s", h.options.v[i], MAN_PAGE);
    for (size_t i = 0; i < man.n; i++) {
        if (set_has(&h.options, man.v[i]))
            continue;
        if (set_has(&only_pending, man.v[i]))
            cr_log_info("%s: documented for a command not built yet", man.v[i]);
        else
            cr_expect(0, "%s is in %s but not in --help", man.v[i], MAN_PAGE);
    }
    set_free(&cmds);
    set_free(&only_pending);
    set_free(&man);
    help_free(&h);
    man_free(&m);
}

/* Each command's options and --format values, --help against SYNOPSIS. */
Test(docs, synopsis)
{
    man_page m;
    help h;
    char a[256], b[256];

    man_load(&m);
    help_load(&h);
    for (size_t i = 0; i < h.commands.n; i++) {
        const char *cmd = h.commands.v[i];
        char *block = help_block(&h, cmd), *syn = man_synopsis(&m, cmd);
        strset hopt = {0}, mopt = {0}, hfmt = {0}, mfmt = {0};

        cr_assert_not_null(block);
        cr_expect_not_null(syn, "%s has no SYNOPSIS line for '%s'", MAN_PAGE,
                           cmd);
        if (syn) {
            options_in(block, &hopt);
            options_in(syn, &mopt);
            formats_in(block, &hfmt);
            formats_in(syn, &mfmt);
            cr_expect(set_equal(&hopt, &mopt),
                      "%s: --help has options {%s}, the SYNOPSIS {%s}", cmd,
                      set_show(&hopt, a, sizeof a),
                      set_show(&mopt, b, sizeof b));
            cr_expect(set_equal(&hfmt, &mfmt),
                      "%s: --help has formats {%s}, the SYNOPSIS {%s}", cmd,
                      set_show(&hfmt, a, sizeof a),
                      set_show(&mfmt, b, sizeof b));
        }
        set_free(&hopt);
        set_free(&mopt);
        set_free(&hfmt);
        set_free(&mfmt);
        free(block);
        free(syn);
    }
    help_free(&h);
    man_free(&m);
}

Test(docs, exit_codes)
{
    man_page m;
    help h;
    strset man = {0};
    char a[128], b[128];

    man_load(&m);
    help_load(&h);
    man_exit_codes(&m, &man);
    cr_assert(h.exit_codes.n >= 8, "found %zu exit codes in --help",
              h.exit_codes.n);
    cr_expect(set_equal(&h.exit_codes, &man),
              "exit codes: --help has {%s}, %s {%s}",
              set_show(&h.exit_codes, a, sizeof a), MAN_PAGE,
              set_show(&man, b, sizeof b));
    set_free(&man);
    help_free(&h);
    man_free(&m);
}

/* The completion offers every command and option --help lists. */
Test(docs, completion)
{
    char *comp = read_all(COMPLETION);
    help h;

    help_load(&h);
    for (int pass = 0; pass < 2; pass++) {
        const strset *s = pass ? &h.options : &h.commands;
        for (size_t i = 0; i < s->n; i++) {
            const char *w = s->v[i], *p = comp;
            size_t n = strlen(w);
            int found = 0;
            while (!found && (p = strstr(p, w)) != NULL) {
                found = (p == comp || !optchar((unsigned char)p[-1])) &&
                        !optchar((unsigned char)p[n]);
                p += n;
            }
            cr_expect(found, "%s does not complete '%s'", COMPLETION, w);
        }
    }
    help_free(&h);
    free(comp);
}

/* ------------------------------------------------------------------ */
/* The man page's examples                                             */

/* Splits a shell command line into words: spaces separate, '...' and
 * "..." quote.  Returns the count; words are new (free each). */
static size_t
shell_words(const char *s, char **words, size_t max)
{
    size_t n = 0;

    for (;;) {
        char *w;
        size_t len = 0;
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        cr_assert(n < max, "too many words in '%s'", s);
        w = malloc(strlen(s) + 1);
        cr_assert_not_null(w);
        while (*s && *s != ' ') {
            if (*s == '\'' || *s == '"') {
                char q = *s++;
                while (*s && *s != q)
                    w[len++] = *s++;
                cr_assert(s[0] == q, "unterminated quote in an example");
                s++;
            } else {
                cr_assert(strchr("|<>;&$`", *s) == NULL,
                          "an example uses shell syntax: '%s'", s);
                w[len++] = *s++;
            }
        }
        w[len] = '\0';
        words[n++] = w;
    }
    return n;
}

/* Runs one example; `want` is its output lines joined by '\n'. */
static void
run_example(const char *cmdline, const char *want)
{
    char *words[32];
    const char *argv[33];
    size_t n = shell_words(cmdline, words, 32);
    size_t wlen = strlen(want);
    int prefix = 0, error;
    const char *got;
    cli_result r;

    cr_assert(n >= 1 && strcmp(words[0], "caseclock") == 0);
    for (size_t i = 1; i < n; i++)
        argv[i - 1] = words[i];
    argv[n - 1] = NULL;
    /* "..." as the last line: the output begins with the lines above. */
    if (wlen >= 4 && strcmp(want + wlen - 4, "...\n") == 0) {
        prefix = 1;
        wlen -= 4;
    }
    error = strncmp(want, "caseclock: ", 11) == 0;
    cli_run(&r, argv, NULL);
    got = error ? r.err : r.out;
    if (error) {
        cr_expect(r.status != 0 && r.status != 70,
                  "$ %s\nexits %d, the man page shows an error", cmdline,
                  r.status);
    } else {
        cr_expect(eq(int, r.status, 0), "$ %s\nexits %d: %s", cmdline, r.status,
                  r.err);
        cr_expect(eq(str, r.err, ""), "$ %s\nwrites to stderr: %s", cmdline,
                  r.err);
    }
    if (prefix)
        cr_expect(strncmp(got, want, wlen) == 0,
                  "$ %s\nprints:\n%s\nthe man page shows:\n%s", cmdline, got,
                  want);
    else
        cr_expect(strcmp(got, want) == 0,
                  "$ %s\nprints:\n%s\nthe man page shows:\n%s", cmdline, got,
                  want);
    cli_result_free(&r);
    for (size_t i = 0; i < n; i++)
        free(words[i]);
}

/* Removes the files the examples wrote, then the directory. */
static void
remove_dir(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;

    cr_assert_not_null(d);
    while ((e = readdir(d)) != NULL) {
        char file[512];
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(file, sizeof file, "%s/%s", path, e->d_name);
        cr_expect(unlink(file) == 0, "cannot remove %s", file);
    }
    closedir(d);
    cr_expect(chdir("/") == 0 && rmdir(path) == 0, "cannot remove %s", path);
}

Test(docs, examples)
{
    man_page m;
    size_t first, end, ran = 0;
    char dir[] = "/tmp/caseclock-docs.XXXXXX";
    char *cmd = NULL, *want = NULL;
    size_t want_len = 0;
    int in_block = 0;

    man_load(&m);
    man_section(&m, "EXAMPLES", &first, &end);
    /* Examples that write files write them here. */
    cr_assert_not_null(mkdtemp(dir));
    cr_assert(chdir(dir) == 0);
    for (size_t i = first; i <= end; i++) {
        const char *l = i < end ? m.line[i] : ".fi";
        int is_cmd;
        char *t;

        if (strcmp(l, ".nf") == 0) {
            in_block = 1;
            continue;
        }
        if (!in_block)
            continue;
        t = roff_unescape(l);
        /* A line ending in a backslash goes on in the next line. */
        while (strlen(t) && t[strlen(t) - 1] == '\\' && i + 1 < end) {
            char *next = roff_unescape(m.line[++i]), *joined;
            t[strlen(t) - 1] = '\0';
            joined = malloc(strlen(t) + strlen(next) + 1);
            cr_assert_not_null(joined);
            strcpy(joined, t);
            strcat(joined, next);
            free(t);
            free(next);
            t = joined;
        }
        is_cmd = strncmp(t, "$ ", 2) == 0;
        if (is_cmd || strcmp(l, ".fi") == 0) {
            if (cmd) {
                run_example(cmd + 2, want ? want : "");
                ran++;
            }
            free(cmd);
            free(want);
            cmd = is_cmd ? t : NULL;
            want = NULL;
            want_len = 0;
            if (!is_cmd) {
                free(t);
                in_block = 0;
            }
            continue;
        }
        if (cmd) {
            want = realloc(want, want_len + strlen(t) + 2);
            cr_assert_not_null(want);
            strcpy(want + want_len, t);
            want_len += strlen(t);
            want[want_len++] = '\n';
            want[want_len] = '\0';
        }
        free(t);
    }
    cr_expect(ran >= 5, "ran %zu examples from EXAMPLES", ran);
    cr_log_info("ran %zu examples from %s", ran, MAN_PAGE);
    remove_dir(dir);
    man_free(&m);
}
