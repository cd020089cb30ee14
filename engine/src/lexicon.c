/*
 * The chronology's lexicon (calendars/lexicon.json): the words that name
 * each kind of act, the phrases that block them, and the phrases that mark
 * a clause as context.  Parsed with jansson and checked row by row, so a
 * bad row is reported with its file, line and problem.
 */
#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "words.h"

int
cc_lexicon__kind(cc_event_kind *out, const char *name)
{
    for (int k = CC_EVENT_OTHER; k <= CC_EVENT_PLACEMENT; k++)
        if (strcmp(cc_event_kind_name((cc_event_kind)k), name) == 0) {
            *out = (cc_event_kind)k;
            return 1;
        }
    return 0;
}

/* The line on which the n-th `key` (quoted: "\"kind\"") stands, or 0. */
static int
line_of_key(const char *data, size_t len, const char *key, size_t n)
{
    int line = 1;
    size_t seen = 0, k = strlen(key);

    for (size_t i = 0; i + k <= len; i++) {
        line += data[i] == '\n';
        if (memcmp(data + i, key, k) == 0 && seen++ == n)
            return line;
    }
    return 0;
}

static int
line_of_row(const char *data, size_t len, size_t n)
{
    return line_of_key(data, len, "\"kind\"", n);
}

/* The strings of array `arr` (NULL: none) into *out; 0 on a non-string. */
static int
strings(json_t *arr, const char ***out, size_t *n)
{
    size_t i;
    json_t *v;

    *out = NULL;
    *n = 0;
    if (!arr)
        return 1;
    if (!json_is_array(arr))
        return 0;
    if (json_array_size(arr) == 0)
        return 1;
    *out = calloc(json_array_size(arr), sizeof **out);
    if (!*out)
        return -1;
    json_array_foreach(arr, i, v)
    {
        if (!json_is_string(v) || json_string_length(v) == 0) {
            free(*out);
            *out = NULL;
            return 0;
        }
        (*out)[i] = json_string_value(v);
    }
    *n = json_array_size(arr);
    return 1;
}

/* The actor whose JSON name is `name` ("he" and "she": a pronoun). */
static int
actor_named(cc_lexactor *out, const char *name)
{
    out->pronoun = 0;
    out->actor = CC_ACTOR_UNKNOWN;
    if (strcmp(name, "he") == 0 || strcmp(name, "she") == 0) {
        out->pronoun = name[0];
        return 1;
    }
    for (int a = CC_ACTOR_COUNCIL; a <= CC_ACTOR_OTHER; a++)
        if (strcmp(cc_actor_name((cc_actor)a), name) == 0) {
            out->actor = (cc_actor)a;
            return 1;
        }
    return 0;
}

/* Does `w` hold a capital letter (then it matches only as written)? */
static int
has_capital(const char *w)
{
    for (; *w; w++)
        if (*w >= 'A' && *w <= 'Z')
            return 1;
    return 0;
}

/* The "actors" rows into out->actors. */
static cc_status
load_actors(cc_lexicon *out, const char *data, size_t len, const char *source,
            cc_error *err)
{
    json_t *rows = json_object_get(out->json, "actors"), *row, *v;
    size_t i, j, total = 0;

    if (!json_is_array(rows) || json_array_size(rows) == 0)
        return cc_error__set(err, CC_EINVAL, source, 1, 0, 0,
                             "lexicon: \"actors\" must be a non-empty array");
    json_array_foreach(rows, i, row)
    {
        json_t *w = json_object_get(row, "words");
        total += json_is_array(w) ? json_array_size(w) : 0;
    }
    out->actors = calloc(total ? total : 1, sizeof *out->actors);
    if (!out->actors)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    json_array_foreach(rows, i, row)
    {
        json_t *an = json_object_get(row, "actor");
        json_t *w = json_object_get(row, "words");
        int line = line_of_key(data, len, "\"actor\"", i);
        cc_lexactor proto;
        if (!json_is_string(an) || !actor_named(&proto, json_string_value(an)))
            return cc_error__set(
                err, CC_EINVAL, source, line, 0, 0,
                "lexicon actor row %zu: unknown actor '%s'", i + 1,
                json_is_string(an) ? json_string_value(an) : "?");
        if (!json_is_array(w) || json_array_size(w) == 0)
            return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                                 "lexicon actor row %zu: \"words\" must be "
                                 "a non-empty array",
                                 i + 1);
        json_array_foreach(w, j, v)
        {
            cc_lexactor *la = &out->actors[out->nactors];
            const char *word = json_string_value(v);
            size_t n = word ? strlen(word) : 0;
            *la = proto;
            la->word = word;
            la->cased = word && has_capital(word);
            /* A word matched as written has no wildcard. */
            if (n == 0 || (la->cased && word[n - 1] == '*'))
                return cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                                     "lexicon actor row %zu: words must be "
                                     "non-empty strings, a capitalised one "
                                     "without '*'",
                                     i + 1);
            out->nactors++;
        }
    }
    return CC_OK;
}

/* The array of strings `key` (required) into *out. */
static cc_status
load_list(const cc_lexicon *lx, const char *key, const char ***out, size_t *n,
          const char *source, cc_error *err)
{
    json_t *arr = json_object_get(lx->json, key);
    int r = arr ? strings(arr, out, n) : 0;

    if (r < 0)
        return cc_error__fail(err, CC_ENOMEM, "out of memory");
    if (r == 0)
        return cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                             "lexicon: \"%s\" must be an array of non-empty "
                             "strings",
                             key);
    return CC_OK;
}

/* The bytes actor row t can start at (its first character as written for
 * a cased row, else the bytes whose lower case it is): *n of them. */
static void
actor_bytes(const cc_lexactor *t, int b[2], int *n)
{
    int c = (unsigned char)t->word[0];

    *n = 0;
    if (!c)
        return;
    b[(*n)++] = c;
    if (!t->cased && c >= 'a' && c <= 'z')
        b[(*n)++] = c - ('a' - 'A');
}

/* Fills the word_at/word_by and actor_at/actor_by indexes (a counting
 * sort by byte, the rows' order kept within each); -1 when out of
 * memory. */
static int
index_rows(cc_lexicon *lx)
{
    size_t fill[256];
    int b[2], nb;

    lx->word_by = malloc((lx->nwords ? lx->nwords : 1) * sizeof *lx->word_by);
    lx->actor_by =
        malloc((lx->nactors ? 2 * lx->nactors : 1) * sizeof *lx->actor_by);
    if (!lx->word_by || !lx->actor_by)
        return -1;
    /* Words by the first character itself; a byte looks up its lower case. */
    memset(lx->word_at, 0, sizeof lx->word_at);
    for (size_t k = 0; k < lx->nwords; k++)
        lx->word_at[(unsigned char)lx->words[k].word[0] + 1]++;
    for (int c = 0; c < 256; c++)
        lx->word_at[c + 1] += lx->word_at[c];
    for (int c = 0; c < 256; c++)
        fill[c] = lx->word_at[c];
    for (size_t k = 0; k < lx->nwords; k++)
        lx->word_by[fill[(unsigned char)lx->words[k].word[0]]++] = k;
    memset(lx->actor_at, 0, sizeof lx->actor_at);
    for (size_t k = 0; k < lx->nactors; k++) {
        actor_bytes(&lx->actors[k], b, &nb);
        for (int i = 0; i < nb; i++)
            lx->actor_at[b[i] + 1]++;
    }
    for (int c = 0; c < 256; c++)
        lx->actor_at[c + 1] += lx->actor_at[c];
    for (int c = 0; c < 256; c++)
        fill[c] = lx->actor_at[c];
    for (size_t k = 0; k < lx->nactors; k++) {
        actor_bytes(&lx->actors[k], b, &nb);
        for (int i = 0; i < nb; i++)
            lx->actor_by[fill[b[i]]++] = k;
    }
    return 0;
}

cc_status
cc_lexicon__load(cc_lexicon *out, const char *data, size_t len,
                 const char *source, cc_error *err)
{
    json_error_t jerr;
    json_t *kinds, *row;
    size_t i, total = 0, nb = 0;
    cc_status st = CC_OK;
    int r;

    memset(out, 0, sizeof *out);
    out->json = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!out->json)
        return cc_error__set(err, CC_EINVAL, source, jerr.line, jerr.column, 0,
                             "%s", jerr.text);
    kinds = json_object_get(out->json, "kinds");
    if (!json_is_array(kinds)) {
        st = cc_error__set(err, CC_EINVAL, source, 1, 0, 0,
                           "lexicon: \"kinds\" must be an array");
        goto fail;
    }
    /* Every row's words and blocks, counted first. */
    json_array_foreach(kinds, i, row)
    {
        json_t *w = json_object_get(row, "words"), *b;
        if (!json_is_array(w) || json_array_size(w) == 0) {
            st = cc_error__set(err, CC_EINVAL, source,
                               line_of_row(data, len, i), 0, 0,
                               "lexicon row %zu: \"words\" must be a "
                               "non-empty array",
                               i + 1);
            goto fail;
        }
        total += json_array_size(w);
        b = json_object_get(row, "not");
        nb += json_is_array(b) ? json_array_size(b) : 0;
    }
    out->words = calloc(total, sizeof *out->words);
    out->blocks = calloc(nb ? nb : 1, sizeof *out->blocks);
    if (!out->words || !out->blocks) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto fail;
    }
    json_array_foreach(kinds, i, row)
    {
        json_t *kn = json_object_get(row, "kind");
        cc_event_kind kind;
        const char **words, **blocks;
        size_t nw, nbk;
        int line = line_of_row(data, len, i);
        if (!json_is_string(kn) ||
            !cc_lexicon__kind(&kind, json_string_value(kn)) ||
            kind == CC_EVENT_DECISION) {
            st =
                cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                              "lexicon row %zu: unknown kind '%s'", i + 1,
                              json_is_string(kn) ? json_string_value(kn) : "?");
            goto fail;
        }
        r = strings(json_object_get(row, "words"), &words, &nw);
        if (r == 1 &&
            (r = strings(json_object_get(row, "not"), &blocks, &nbk)) != 1)
            free(words); /* the words were read; the "not" list was not */
        if (r != 1) {
            st = r < 0 ? cc_error__fail(err, CC_ENOMEM, "out of memory")
                       : cc_error__set(err, CC_EINVAL, source, line, 0, 0,
                                       "lexicon row %zu: words and \"not\" "
                                       "must be non-empty strings",
                                       i + 1);
            goto fail;
        }
        for (size_t k = 0; k < nbk; k++)
            out->blocks[out->nblocks_all + k] = blocks[k];
        for (size_t k = 0; k < nw; k++) {
            cc_lexword *lw = &out->words[out->nwords++];
            const char *sp = strchr(words[k], ' ');
            lw->word = words[k];
            lw->pattern = strstr(words[k], " * ") != NULL ||
                          strstr(words[k], " ... ") != NULL;
            if (lw->pattern && sp && (size_t)(sp - words[k]) < sizeof lw->first)
                memcpy(lw->first, words[k], (size_t)(sp - words[k]));
            lw->second = (unsigned char)cc_words__second(words[k]);
            lw->kind = kind;
            lw->blocks = out->blocks + out->nblocks_all;
            lw->nblocks = nbk;
        }
        out->nblocks_all += nbk;
        free(words);
        free(blocks);
    }
    r = strings(json_object_get(out->json, "context"), &out->context,
                &out->ncontext);
    if (r != 1) {
        st = r < 0 ? cc_error__fail(err, CC_ENOMEM, "out of memory")
                   : cc_error__set(err, CC_EINVAL, source, 0, 0, 0,
                                   "lexicon: \"context\" must be an array "
                                   "of non-empty strings");
        goto fail;
    }
    if ((st = load_actors(out, data, len, source, err)) != CC_OK ||
        (st = load_list(out, "speech", &out->speech, &out->nspeech, source,
                        err)) != CC_OK ||
        (st = load_list(out, "reports", &out->reports, &out->nreports, source,
                        err)) != CC_OK ||
        (st = load_list(out, "people", &out->people, &out->npeople, source,
                        err)) != CC_OK)
        goto fail;
    if (index_rows(out) != 0) {
        st = cc_error__fail(err, CC_ENOMEM, "out of memory");
        goto fail;
    }
    return CC_OK;
fail:
    cc_lexicon__free(out);
    return st;
}

void
cc_lexicon__free(cc_lexicon *lx)
{
    if (!lx)
        return;
    free(lx->words);
    free((void *)lx->blocks);
    free((void *)lx->context);
    free(lx->actors);
    free((void *)lx->speech);
    free((void *)lx->reports);
    free((void *)lx->people);
    free(lx->word_by);
    free(lx->actor_by);
    json_decref(lx->json);
    memset(lx, 0, sizeof *lx);
}
