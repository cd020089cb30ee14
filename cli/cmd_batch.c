/*
 * batch: many decision statements on every core, one JSON line each.
 *
 * The inputs are each PATH; each *.txt file under a directory, walked in
 * byte order of the names; the paths read from standard input or a list
 * file.  Each worker thread in turn takes the next input from the lister
 * into the next slot of a ring of SLOTS_PER_JOB * jobs slots, reads the
 * file and builds its record; the worker that completes the oldest record
 * writes it and every finished one after it, in input order.  A slot is
 * reused only once its record is written, so memory is bounded by the
 * ring, not by the corpus, and the output is the same bytes whatever
 * --jobs says.
 *
 * There is no listing thread and no writing thread to wait for: workers
 * sleep only when the ring is full behind a record still being built.
 * (With a lister and a writer waking the workers, the scheduler kept both
 * workers on one CPU of a busy machine: wake-ups pull the woken thread
 * to the waker's CPU.)
 *
 * A record is the JSON of 'dates', 'timeline' or 'check' on one line with
 * "path" first; an input that fails is {"path", "error", "exit"}, where
 * "error" is the line the single-file command would print (without
 * "caseclock: ") and "exit" its exit status.  The others are unaffected.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

enum { CMD_DATES, CMD_TIMELINE, CMD_CHECK };
static const char *const BATCH_COMMANDS[] = {"dates", "timeline", "check",
                                             NULL};

#define MAX_JOBS      1024
#define SLOTS_PER_JOB 16  /* records in flight per worker */
#define NCLASSES      128 /* exit classes counted: 0..127 */

/* The input limit of the single-file commands (cli/util.c). */

/* A worker keeps a read buffer up to this size for the next input. */
#define KEEP_BUFFER (4u * 1024 * 1024)

/* ------------------------------------------------------------------ */
/* Bytes                                                               */

typedef struct buf {
    char *p;
    size_t n, cap;
} buf;

static int
buf_add(buf *b, const void *s, size_t n)
{
    if (b->n + n > b->cap) {
        size_t ncap = b->cap ? b->cap : 4096;
        char *np;
        while (ncap < b->n + n)
            ncap *= 2;
        np = realloc(b->p, ncap);
        if (!np)
            return -1;
        b->p = np;
        b->cap = ncap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

static int
buf_str(buf *b, const char *s)
{
    return buf_add(b, s, strlen(s));
}

/* The length of the UTF-8 sequence at s[0..n), or 0 when it is not one
 * (RFC 3629: no overlongs, no surrogates, nothing past U+10FFFF). */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t len;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4;
    else
        return 0;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        hi = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        hi = 0x8F;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return len;
}

/* s as UTF-8 in b, NUL-terminated: each byte that is not part of a
 * UTF-8 sequence becomes U+FFFD. */
static int
utf8_path(buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);

    for (size_t i = 0; i < n;) {
        size_t k = utf8_len(p + i, n - i);
        if (k == 0) {
            if (buf_add(b, "\xEF\xBF\xBD", 3) != 0)
                return -1;
            i++;
        } else {
            if (buf_add(b, p + i, k) != 0)
                return -1;
            i += k;
        }
    }
    return buf_add(b, "", 1);
}

/*
 * A failed input's record, {"path":...,"error":...,"exit":N} and a line
 * break, in b (emptied first), written by jansson like every other
 * record; the path with U+FFFD for bytes that are not UTF-8.
 */
static int
error_record(buf *b, const char *path, const char *msg, int exit_code)
{
    buf p = {0};
    json_t *o = NULL;
    char *line = NULL;
    int rc = -1;

    b->n = 0;
    if (utf8_path(&p, path) == 0) {
        /* the message names the path too: made UTF-8 the same way */
        buf m = {0};
        if (utf8_path(&m, msg) == 0 &&
            (o = json_pack("{s:s, s:s, s:i}", "path", p.p, "error", m.p, "exit",
                           exit_code)) != NULL &&
            (line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER)) &&
            buf_str(b, line) == 0 && buf_str(b, "\n") == 0)
            rc = 0;
        free(m.p);
    }
    free(line);
    json_decref(o);
    free(p.p);
    if (rc != 0)
        b->n = 0;
    return rc;
}

/* A cc_write_fn appending to the buf `b`. */
static int
buf_write(void *b, const char *data, size_t len)
{
    return buf_add(b, data, len);
}

/* ------------------------------------------------------------------ */
/* The shared state                                                    */

typedef struct slot {
    char *path;    /* new */
    int listed;    /* 0, or the exit class of a listing error (below) */
    char *message; /* new: the listing error, then the record's error */
    buf record;    /* the JSON line, '\n' included */
    int exit;      /* 0, or the input's exit class */
    int done;      /* the record is ready */
} slot;

typedef struct batch {
    /* Set up before the threads start, then read only. */
    const cc_ctx *ctx;
    int command;
    int has_today;
    cc_date today;
    size_t limit; /* bytes in one input */
    FILE *out;
    int progress; /* stderr is a terminal */
    long total;   /* inputs, when counted first; else -1 */
    struct timespec start;

    /* The lister, and the order of the slots: list_mu, then mu. */
    pthread_mutex_t list_mu;
    struct lister *lister;
    pthread_mutex_t mu;
    pthread_cond_t space; /* a slot was freed, or stop */
    slot *ring;
    size_t nslots;
    uint64_t next_in;  /* the next slot to fill */
    uint64_t next_out; /* the next record to write */
    int listed_all;    /* no more slots will be filled */
    int stop;          /* the output failed, or out of memory: stop */
    int writing;       /* a worker is writing records */
    int list_failed;   /* out of memory while listing */

    /* The writing worker's (read by the main thread after the join). */
    long counts[NCLASSES];
    int write_failed;
    int write_errno; /* errno is the writer thread's own */
    double last_draw;
} batch;

static double
seconds_since(const struct timespec *t0)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* ------------------------------------------------------------------ */
/* One input                                                           */

/* The message cli_report() prints, without "caseclock: ". */
static char *
error_message(const cc_error *err)
{
    char line[512];

    if (err->source[0] && err->line > 0 && err->column > 0)
        snprintf(line, sizeof line, "%s:%d:%d: %s", err->source, err->line,
                 err->column, err->message);
    else if (err->source[0] && err->line > 0)
        snprintf(line, sizeof line, "%s:%d: %s", err->source, err->line,
                 err->message);
    else if (err->source[0])
        snprintf(line, sizeof line, "%s: %s", err->source, err->message);
    else
        snprintf(line, sizeof line, "%s", err->message);
    return strdup(line);
}

static char *
message(const char *path, const char *what)
{
    size_t n = strlen(path) + strlen(what) + 3;
    char *s = malloc(n);

    if (s)
        snprintf(s, n, "%s: %s", path, what);
    return s;
}

/* What a worker keeps from one input to the next. */
typedef struct worker {
    batch *b;
    buf in;
} worker;

/*
 * Reads `path` whole into w->in (NUL-terminated), as cli_read_file() does
 * for the single-file commands.  Returns EXIT_DONE, or the exit class with
 * *msg set to a new message.
 */
static int
read_input(worker *w, const char *path, char **msg)
{
    size_t limit = w->b->limit;
    struct stat sb;
    int fd, rc = EXIT_DONE;
    char what[160];

    *msg = NULL;
    w->in.n = 0;
    fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 || fstat(fd, &sb) != 0) {
        *msg = message(path, strerror(errno));
        rc = EXIT_READ;
        goto done;
    }
    if (S_ISDIR(sb.st_mode)) {
        *msg = message(path, "is a directory, not a file");
        rc = EXIT_READ;
        goto done;
    }
    if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > limit) {
        snprintf(what, sizeof what,
                 "%lld bytes is over the %zu-byte input limit (set %s to "
                 "raise it)",
                 (long long)sb.st_size, limit, CLI_MAX_INPUT_ENV);
        *msg = message(path, what);
        rc = EXIT_INVALID;
        goto done;
    }
    for (;;) {
        ssize_t got;
        if (w->in.n + 1 >= w->in.cap) {
            size_t ncap = w->in.cap ? w->in.cap * 2 : 65536;
            char *np;
            if (ncap > limit + 2)
                ncap = limit + 2;
            np = realloc(w->in.p, ncap);
            if (!np) {
                *msg = message(path, "out of memory");
                rc = EXIT_INTERNAL;
                goto done;
            }
            w->in.p = np;
            w->in.cap = ncap;
        }
        got = read(fd, w->in.p + w->in.n, w->in.cap - w->in.n - 1);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *msg = message(path, strerror(errno));
            rc = EXIT_READ;
            goto done;
        }
        w->in.n += (size_t)got;
        if (w->in.n > limit) {
            snprintf(what, sizeof what,
                     "over the %zu-byte input limit (set %s to raise it)",
                     limit, CLI_MAX_INPUT_ENV);
            *msg = message(path, what);
            rc = EXIT_INVALID;
            goto done;
        }
        if (got == 0)
            break;
    }
    w->in.p[w->in.n] = '\0';
done:
    if (fd >= 0)
        close(fd);
    return rc;
}

/* The record of a read input: the library's compact JSON of 'dates',
 * 'timeline' or 'check', with the input's path as its first member.  The
 * path need not be UTF-8: it is passed as UTF-8, each byte that is not
 * part of a sequence as U+FFFD, as in the error records. */
static int
json_record(buf *r, const batch *b, const char *path, const cc_timeline *tl,
            const cc_doc *doc)
{
    cc_write_opts o = {0};
    buf p = {0};
    cc_status st;

    if (utf8_path(&p, path) != 0) {
        free(p.p);
        return -1;
    }
    o.checks_only = b->command == CMD_CHECK;
    o.has_today = b->has_today;
    o.today = b->today;
    o.compact = 1;
    o.path = p.p;
    st = b->command == CMD_DATES
             ? cc_doc_write_json(doc, &o, buf_write, r, NULL)
             : cc_timeline_write_json(tl, doc, &o, buf_write, r, NULL);
    free(p.p);
    return st != CC_OK ? -1 : buf_add(r, "\n", 1);
}

/* Builds the record of slot `s`: sets s->record, s->exit, s->message. */
static void
process(worker *w, slot *s)
{
    const batch *b = w->b;
    cc_doc *doc = NULL;
    cc_timeline *tl = NULL;
    cc_error err = {0};
    char *msg = NULL;
    int rc = s->listed;

    s->record.n = 0;
    if (rc != EXIT_DONE) {
        msg = s->message;
        s->message = NULL;
        goto fail;
    }
    if ((rc = read_input(w, s->path, &msg)) != EXIT_DONE)
        goto fail;
    /* any format, chosen by content */
    if (cc_doc_read_with(&doc, b->ctx, w->in.p, w->in.n, s->path, NULL, &err) !=
            CC_OK ||
        (b->command != CMD_DATES &&
         cc_timeline_new(&tl, b->ctx, doc, &err) != CC_OK)) {
        rc = cli_exit_code(err.code);
        msg = error_message(&err);
        goto fail;
    }
    if (json_record(&s->record, b, s->path, tl, doc) != 0) {
        rc = EXIT_INTERNAL;
        msg = message(s->path, "out of memory");
        goto fail;
    }
    goto done;
fail:
    if (!msg)
        rc = EXIT_INTERNAL;
    error_record(&s->record, s->path, msg ? msg : "out of memory", rc);
    s->message = msg;
done:
    s->exit = rc;
    cc_timeline_free(tl);
    cc_doc_free(doc);
    if (w->in.cap > KEEP_BUFFER) {
        free(w->in.p);
        memset(&w->in, 0, sizeof w->in);
    }
}

/* ------------------------------------------------------------------ */
/* Listing the inputs                                                  */

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
is_txt(const char *name)
{
    size_t n = strlen(name);

    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

static char *
join(const char *dir, const char *name)
{
    size_t n = strlen(dir), k = strlen(name);
    int slash = n > 0 && dir[n - 1] == '/';
    char *s = malloc(n + k + 2);

    if (s) {
        memcpy(s, dir, n);
        if (!slash)
            s[n++] = '/';
        memcpy(s + n, name, k + 1);
    }
    return s;
}

/* A directory being walked: its names, sorted, and the next one. */
typedef struct dirlist {
    char *dir;
    char **names;
    size_t n, i;
} dirlist;

typedef struct source {
    const char *path; /* a PATH, or the list file's name */
    FILE *list;       /* the open list (stdin for '-'), or NULL */
} source;

/* The inputs in order, one at a time: the sources, and a stack of the
 * directories being walked. */
typedef struct lister {
    source *src;
    size_t nsrc, next; /* the next source */
    dirlist *stack;
    size_t depth, cap;
    char *line; /* getline's buffer */
    size_t linecap;
} lister;

static void
names_free(dirlist *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->names[i]);
    free(d->names);
    free(d->dir);
}

static void
lister_clear(lister *l)
{
    while (l->depth > 0)
        names_free(&l->stack[--l->depth]);
    free(l->stack);
    free(l->line);
    l->stack = NULL;
    l->line = NULL;
    l->cap = l->linecap = 0;
    l->next = 0;
}

/*
 * Pushes `dir` (new; taken over) with its names in byte order, skipping
 * those that start with '.'.  Returns 0; or -1 with *msg set when it
 * cannot be listed (the caller makes it an input with that error), or
 * with *msg NULL when out of memory.
 */
static int
push_dir(lister *l, char *dir, char **msg)
{
    DIR *d;
    struct dirent *e;
    dirlist dl = {dir, NULL, 0, 0};
    size_t cap = 0;

    *msg = NULL;
    if (l->depth == l->cap) {
        size_t ncap = l->cap ? l->cap * 2 : 8;
        dirlist *ns = realloc(l->stack, ncap * sizeof *ns);
        if (!ns)
            goto fail;
        l->stack = ns;
        l->cap = ncap;
    }
    if (!(d = opendir(dir))) {
        *msg = message(dir, strerror(errno));
        goto fail;
    }
    for (;;) {
        errno = 0;
        if (!(e = readdir(d)))
            break;
        if (e->d_name[0] == '.')
            continue;
        if (dl.n == cap) {
            char **nn =
                realloc(dl.names, (cap = cap ? cap * 2 : 64) * sizeof *nn);
            if (!nn)
                break;
            dl.names = nn;
        }
        if (!(dl.names[dl.n] = strdup(e->d_name)))
            break;
        dl.n++;
    }
    if (errno != 0)
        *msg = message(dir, strerror(errno));
    closedir(d);
    if (*msg)
        goto fail;
    if (dl.n > 1)
        qsort(dl.names, dl.n, sizeof *dl.names, by_name);
    l->stack[l->depth++] = dl;
    return 0;
fail:
    dl.dir = NULL; /* the caller's, for the error record */
    names_free(&dl);
    return -1;
}

/*
 * The next input: *path new, *listed the exit class of a listing error
 * (a directory that cannot be read) with *msg new, else 0 and NULL.
 * Returns 1, 0 at the end of the inputs, -1 when out of memory.
 */
static int
lister_next(lister *l, char **path, int *listed, char **msg)
{
    struct stat sb, ls;

    *path = *msg = NULL;
    *listed = 0;
    for (;;) {
        const char *given;
        char *p;
        if (l->depth > 0) {
            dirlist *top = &l->stack[l->depth - 1];
            const char *name;
            if (top->i == top->n) {
                names_free(&l->stack[--l->depth]);
                continue;
            }
            name = top->names[top->i++];
            if (!(p = join(top->dir, name)))
                return -1;
            if (stat(p, &sb) != 0) {
                /* Gone since the listing, or a dangling link: say so. */
                if (is_txt(name)) {
                    *path = p;
                    return 1;
                }
            } else if (S_ISDIR(sb.st_mode)) {
                if (lstat(p, &ls) == 0 && !S_ISLNK(ls.st_mode)) {
                    if (push_dir(l, p, msg) == 0)
                        continue;
                    goto listing_error;
                }
            } else if (S_ISREG(sb.st_mode) && is_txt(name)) {
                *path = p;
                return 1;
            }
            free(p);
            continue;
        }
        if (l->next == l->nsrc)
            return 0;
        if (l->src[l->next].list) {
            ssize_t n = getline(&l->line, &l->linecap, l->src[l->next].list);
            if (n < 0) {
                l->next++;
                continue;
            }
            while (n > 0 && (l->line[n - 1] == '\n' || l->line[n - 1] == '\r'))
                l->line[--n] = '\0';
            if (n == 0)
                continue;
            given = l->line;
        } else {
            given = l->src[l->next++].path;
        }
        /* A PATH given by name: a directory is walked, anything else is
         * an input (one that does not exist gets its error record). */
        if (!(p = strdup(given)))
            return -1;
        if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            if (push_dir(l, p, msg) == 0)
                continue;
            goto listing_error;
        }
        *path = p;
        return 1;
    listing_error:
        if (!*msg) {
            free(p);
            return -1;
        }
        *path = p;
        *listed = EXIT_READ;
        return 1;
    }
}

/* Counts the inputs ahead for the progress bar's ETA: -1 when a list
 * comes from standard input or cannot be read twice. */
static long
count_inputs(source *src, size_t n)
{
    lister l = {src, n, 0, NULL, 0, 0, NULL, 0};
    long total = 0;
    char *path, *msg;
    int listed, rc;

    for (size_t i = 0; i < n; i++)
        if (src[i].list && (src[i].list == stdin || ftell(src[i].list) < 0))
            return -1;
    while ((rc = lister_next(&l, &path, &listed, &msg)) == 1) {
        free(path);
        free(msg);
        total++;
    }
    lister_clear(&l);
    for (size_t i = 0; i < n; i++)
        if (src[i].list && fseek(src[i].list, 0, SEEK_SET) != 0)
            return -1;
    return rc == 0 ? total : -1;
}

/* ------------------------------------------------------------------ */
/* Writing, in order                                                   */

static void
clear_bar(void)
{
    fputs("\r\033[K", stderr);
}

/* "[####......] 1234/10000  812 files/s  ETA 0:11", or without a total
 * "1234 files  812 files/s". */
static void
draw_bar(batch *b, long done, int force)
{
    double t = seconds_since(&b->start), rate;
    char eta[32] = "";

    if (!force && t - b->last_draw < 0.1)
        return;
    b->last_draw = t;
    rate = t > 0 ? (double)done / t : 0;
    if (b->total > 0) {
        const int width = 24;
        int fill = (int)((double)width * (double)done / (double)b->total);
        char bar[32];
        if (fill > width)
            fill = width;
        memset(bar, '#', (size_t)fill);
        memset(bar + fill, '.', (size_t)(width - fill));
        bar[width] = '\0';
        if (rate > 0) {
            long left = (long)((double)(b->total - done) / rate + 0.5);
            snprintf(eta, sizeof eta, "  ETA %ld:%02ld", left / 60, left % 60);
        }
        fprintf(stderr, "\r[%s] %ld/%ld  %.0f files/s%s\033[K", bar, done,
                b->total, rate, eta);
    } else {
        fprintf(stderr, "\r%ld files  %.0f files/s\033[K", done, rate);
    }
    fflush(stderr);
}

/* Writes one record (the writer thread, without the lock: the slot is
 * not reused before next_out passes it) and empties its slot. */
static void
write_record(batch *b, slot *s, long done)
{
    /* An empty record: out of memory even for the error record. */
    if (s->record.n == 0 && s->exit == EXIT_DONE)
        s->exit = EXIT_INTERNAL;
    if (!b->write_failed && s->record.n &&
        fwrite(s->record.p, 1, s->record.n, b->out) != s->record.n) {
        b->write_failed = 1;
        b->write_errno = errno;
    }
    b->counts[s->exit < NCLASSES ? s->exit : EXIT_INTERNAL]++;
    if (s->exit != EXIT_DONE) {
        if (b->progress)
            clear_bar();
        cli_warn("%s", s->message ? s->message : "out of memory");
    }
    if (b->progress)
        draw_bar(b, done, s->exit != EXIT_DONE);
    free(s->path);
    free(s->message);
    free(s->record.p);
    memset(s, 0, sizeof *s);
}

/* Records ready to write in a row from next_out (b->mu held). */
static uint64_t
ready_run(const batch *b)
{
    uint64_t k = b->next_out;

    while (k < b->next_in && b->ring[k % b->nslots].done)
        k++;
    return k - b->next_out;
}

/* Called with b->mu held, after a slot is done: unless another worker is
 * writing, writes every record ready in a row, the lock released while it
 * writes (the slots are not reused before next_out passes them). */
static void
write_ready(batch *b)
{
    uint64_t first, n;

    while (!b->writing && !b->stop && (n = ready_run(b)) > 0) {
        b->writing = 1;
        first = b->next_out;
        pthread_mutex_unlock(&b->mu);
        for (uint64_t k = first; k < first + n; k++)
            write_record(b, &b->ring[k % b->nslots], (long)(k + 1));
        pthread_mutex_lock(&b->mu);
        b->next_out += n;
        /* Nothing else in flight: the inputs come slowly (paths on a
         * pipe), so let what is done be read now. */
        if (b->next_out == b->next_in && !b->write_failed &&
            fflush(b->out) != 0) {
            b->write_failed = 1;
            b->write_errno = errno;
        }
        b->writing = 0;
        if (b->write_failed)
            b->stop = 1;
        pthread_cond_broadcast(&b->space);
    }
}

/* ------------------------------------------------------------------ */
/* Workers                                                             */

/* Takes the next input into the next slot: the slot, or NULL at the end
 * (or on stop). */
static slot *
take(batch *b)
{
    slot *s = NULL;
    char *path, *msg;
    int listed, rc;

    pthread_mutex_lock(&b->list_mu);
    pthread_mutex_lock(&b->mu);
    while (!b->stop && !b->listed_all && b->next_in - b->next_out >= b->nslots)
        pthread_cond_wait(&b->space, &b->mu);
    if (b->stop || b->listed_all) {
        pthread_mutex_unlock(&b->mu);
        pthread_mutex_unlock(&b->list_mu);
        return NULL;
    }
    pthread_mutex_unlock(&b->mu);

    /* Only this thread fills slots: next_in cannot move meanwhile, and
     * next_out only frees more.  Reading a list may block. */
    rc = lister_next(b->lister, &path, &listed, &msg);

    pthread_mutex_lock(&b->mu);
    if (rc == 1) {
        s = &b->ring[b->next_in++ % b->nslots];
        s->path = path;
        s->listed = listed;
        s->message = msg;
    } else {
        b->listed_all = 1;
        if (rc < 0) {
            b->list_failed = 1;
            b->stop = 1;
        }
        pthread_cond_broadcast(&b->space);
    }
    pthread_mutex_unlock(&b->mu);
    pthread_mutex_unlock(&b->list_mu);
    return s;
}

static void *
work(void *arg)
{
    worker *w = arg;
    batch *b = w->b;
    slot *s;

    while ((s = take(b)) != NULL) {
        process(w, s);
        pthread_mutex_lock(&b->mu);
        s->done = 1;
        write_ready(b);
        pthread_mutex_unlock(&b->mu);
    }
    free(w->in.p);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The command                                                         */

static int
default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

static int
parse_jobs(const char *val, int *out)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(val, &end, 10);
    if (end == val || *end || errno || n < 1 || n > MAX_JOBS)
        return cli_usage_error("option --jobs: '%s' is not a number of jobs "
                               "from 1 to %d",
                               val, MAX_JOBS);
    *out = (int)n;
    return EXIT_DONE;
}

/* "batch: 74 inputs in 0.42 s (176/s): 72 done, 2 failed (1 exit 3, 1
 * exit 5)" */
static void
summary(const batch *b)
{
    double t = seconds_since(&b->start);
    long all = 0, failed = 0;
    char detail[256] = "";
    size_t k = 0;

    for (int c = 0; c < NCLASSES; c++) {
        all += b->counts[c];
        if (c == EXIT_DONE || !b->counts[c])
            continue;
        failed += b->counts[c];
        k += (size_t)snprintf(detail + k, sizeof detail - k, "%s%ld exit %d",
                              k ? ", " : " (", b->counts[c], c);
        if (k >= sizeof detail)
            k = sizeof detail - 1;
    }
    if (k && k + 1 < sizeof detail)
        strcat(detail, ")");
    cli_warn("batch: %ld input%s in %.2f s (%.0f/s): %ld done, %ld failed%s",
             all, all == 1 ? "" : "s", t, t > 0 ? (double)all / t : 0.0,
             all - failed, failed, detail);
}

int
cli_batch(int argc, char **argv)
{
    const char *output = NULL, *today = NULL;
    int jobs = default_jobs(), rc = EXIT_DONE, nworkers = 0;
    size_t nsrc = 0;
    source *src = calloc((size_t)argc, sizeof *src);
    lister inputs;
    worker *workers = NULL;
    pthread_t *tids = NULL;
    int out_open = 0;
    cc_ctx *ctx = NULL;
    cc_error err = {0};
    cli_out out;
    batch b;

    memset(&b, 0, sizeof b);
    memset(&inputs, 0, sizeof inputs);
    b.command = CMD_DATES;
    b.total = -1;
    if (!src) {
        cli_warn("out of memory");
        return EXIT_INTERNAL;
    }
    for (int i = 1; i < argc; i++) {
        const char *val;
        int m;
        if ((m = cli_option(argc, argv, &i, "--jobs", &val)) != 0) {
            if (m < 0 || parse_jobs(val, &jobs) != EXIT_DONE) {
                rc = EXIT_USAGE;
                goto done;
            }
        } else if ((m = cli_option(argc, argv, &i, "--command", &val)) != 0) {
            int k;
            for (k = 0; m > 0 && BATCH_COMMANDS[k]; k++)
                if (strcmp(val, BATCH_COMMANDS[k]) == 0)
                    break;
            if (m < 0 || !BATCH_COMMANDS[k]) {
                rc = m < 0 ? EXIT_USAGE
                           : cli_usage_error("option --command: '%s' is not "
                                             "dates, timeline or check",
                                             val);
                goto done;
            }
            b.command = k;
        } else if ((m = cli_option(argc, argv, &i, "--from-list", &val)) != 0) {
            if (m < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            src[nsrc].path = val;
            src[nsrc].list = strcmp(val, "-") == 0 ? stdin : fopen(val, "r");
            if (!src[nsrc].list) {
                cli_warn("%s: %s", val, strerror(errno));
                rc = EXIT_READ;
                goto done;
            }
            nsrc++;
        } else if ((m = cli_option(argc, argv, &i, "-o", &val)) != 0 ||
                   (m = cli_option(argc, argv, &i, "--output", &val)) != 0) {
            if (m < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            output = val;
        } else if ((m = cli_option(argc, argv, &i, "--today", &val)) != 0) {
            if (m < 0) {
                rc = EXIT_USAGE;
                goto done;
            }
            today = val;
        } else if (strcmp(argv[i], "-") == 0) {
            src[nsrc].path = "-";
            src[nsrc++].list = stdin;
        } else if (argv[i][0] == '-') {
            rc = cli_usage_error("unknown option '%s' for '%s'", argv[i],
                                 argv[0]);
            goto done;
        } else {
            src[nsrc++].path = argv[i];
        }
    }
    if (nsrc == 0) {
        rc = cli_usage_error("'%s' needs a PATH, '-' (paths on standard "
                             "input) or --from-list FILE",
                             argv[0]);
        goto done;
    }
    if (today) {
        if (b.command == CMD_DATES) {
            rc = cli_usage_error("option --today is for --command timeline "
                                 "or check");
            goto done;
        }
        if (cc_date_parse(&b.today, today, &err) != CC_OK) {
            cli_warn("option --today: %s", err.message);
            rc = EXIT_USAGE;
            goto done;
        }
        b.has_today = 1;
    }
    if ((rc = cli_max_input(&b.limit)) != EXIT_DONE)
        goto done;
    if ((rc = cli_ctx_new(&ctx)) != EXIT_DONE)
        goto done;
    if (b.has_today)
        cc_ctx_set_today(ctx, b.today);
    b.ctx = ctx;

    b.progress = isatty(STDERR_FILENO);
    if (b.progress)
        b.total = count_inputs(src, nsrc);
    if ((rc = cli_out_open(&out, output)) != EXIT_DONE)
        goto done;
    out_open = 1;
    b.out = out.fp;

    b.nslots = (size_t)jobs * SLOTS_PER_JOB;
    workers = calloc((size_t)jobs, sizeof *workers);
    tids = calloc((size_t)jobs, sizeof *tids);
    if (workers && tids)
        b.ring = calloc(b.nslots, sizeof *b.ring);
    if (!b.ring) {
        cli_warn("out of memory");
        rc = EXIT_INTERNAL;
        goto done;
    }
    inputs.src = src;
    inputs.nsrc = nsrc;
    b.lister = &inputs;
    pthread_mutex_init(&b.list_mu, NULL);
    pthread_mutex_init(&b.mu, NULL);
    pthread_cond_init(&b.space, NULL);
    /* The hash seed is made once, before the threads make objects. */
    json_object_seed(0);
    clock_gettime(CLOCK_MONOTONIC, &b.start);
    for (int k = 0; k < jobs; k++) {
        workers[k].b = &b;
        if (pthread_create(&tids[k], NULL, work, &workers[k]) != 0)
            break;
        nworkers++;
    }
    if (nworkers == 0) {
        cli_warn("cannot start threads: %s", strerror(errno));
        rc = EXIT_INTERNAL;
    }
    for (int k = 0; k < nworkers; k++)
        pthread_join(tids[k], NULL);
    if (b.progress)
        clear_bar();

    if (rc == EXIT_DONE) {
        /* What the writer saw, for cli_out_close() to say (or to see that
         * the reader of a pipe has gone: EPIPE). */
        if (b.write_failed)
            errno = b.write_errno;
        rc = cli_out_close(&out, !b.write_failed && !b.list_failed);
        out_open = 0;
        if (rc == EXIT_DONE && b.list_failed) {
            cli_warn("out of memory");
            rc = EXIT_INTERNAL;
        }
    }
    if (rc == EXIT_DONE)
        for (int c = NCLASSES - 1; c > 0; c--)
            if (b.counts[c]) {
                rc = c;
                break;
            }
    summary(&b);
done:
    if (out_open)
        cli_out_close(&out, 0);
    if (b.ring) {
        /* Slots left when the output failed. */
        for (size_t k = 0; k < b.nslots; k++) {
            free(b.ring[k].path);
            free(b.ring[k].message);
            free(b.ring[k].record.p);
        }
        pthread_mutex_destroy(&b.list_mu);
        pthread_mutex_destroy(&b.mu);
        pthread_cond_destroy(&b.space);
    }
    free(b.ring);
    free(workers);
    free(tids);
    for (size_t k = 0; k < nsrc; k++)
        if (src[k].list && src[k].list != stdin)
            fclose(src[k].list);
    lister_clear(&inputs);
    free(src);
    cc_ctx_free(ctx);
    return rc;
}
