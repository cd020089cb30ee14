/* The chronology's lexicon (calendars/lexicon.json, engine/src/lexicon.c). */
#include <criterion/criterion.h>
#include <criterion/new/assert.h>
#include <stdio.h>
#include <string.h>

#include "caseclock.h"
#include "data.h"
#include "lexicon.h"

/* The built-in lexicon loads, and names every kind the chronology gives
 * from words: all but "other", the Ombudsman's decision (the header's) and
 * a promise (a date after "by" in a clause saying would or will). */
Test(lexicon, builtin_names_every_kind)
{
    cc_lexicon lx;
    cc_error err = {0};
    int seen[CC_EVENT_PLACEMENT + 1] = {0};

    cr_assert(eq(int,
                 cc_lexicon__load(&lx, (const char *)cc_data_lexicon,
                                  cc_data_lexicon_len, "<built-in>", &err),
                 CC_OK),
              "%s", err.message);
    for (size_t i = 0; i < lx.nwords; i++)
        seen[lx.words[i].kind] = 1;
    for (int k = CC_EVENT_COMPLAINT; k <= CC_EVENT_PLACEMENT; k++)
        if (k != CC_EVENT_DECISION && k != CC_EVENT_PROMISE)
            cr_expect(seen[k], "no word for the kind '%s'",
                      cc_event_kind_name((cc_event_kind)k));
    cr_expect(ne(sz, lx.ncontext, 0));
    cc_lexicon__free(&lx);
}

/* A bad row is refused with its line and what is wrong. */
Test(lexicon, bad_rows)
{
    static const struct {
        const char *json;
        int line;
        const char *message;
    } rows[] = {
        {"{\"kinds\": [\n{\"kind\": \"meeting\", \"words\": [\"met\"]}]}", 2,
         "lexicon row 1: unknown kind 'meeting'"},
        {"{\"kinds\": [\n{\"kind\": \"payment\", \"words\": [\"paid\"]},\n"
         "{\"kind\": \"placement\", \"words\": []}]}",
         3, "lexicon row 2: \"words\" must be a non-empty array"},
        {"{\"kinds\": [\n{\"kind\": \"payment\", \"words\": [\"paid\"], "
         "\"not\": [3]}]}",
         2, "lexicon row 1: words and \"not\" must be non-empty strings"},
        {"{\"kinds\": [\n{\"kind\": \"decision\", \"words\": [\"x\"]}]}", 2,
         "lexicon row 1: unknown kind 'decision'"},
        {"{\"kinds\": {}}", 1, "lexicon: \"kinds\" must be an array"},
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        cc_lexicon lx;
        cc_error err = {0};
        cr_expect(eq(int,
                     cc_lexicon__load(&lx, rows[i].json, strlen(rows[i].json),
                                      "lexicon.json", &err),
                     CC_EINVAL),
                  "row %zu accepted", i);
        cr_expect(eq(int, err.line, rows[i].line), "row %zu", i);
        cr_expect(eq(str, err.message, (char *)rows[i].message));
        cr_expect(eq(str, err.source, "lexicon.json"));
        cr_expect(eq(sz, lx.nwords, 0), "nothing left to free");
    }
}

/* The actor rows and the verb lists: a bad one is refused by name. */
Test(lexicon, bad_actor_rows)
{
    static const char head[] =
        "{\"kinds\": [{\"kind\": \"payment\", \"words\": [\"paid\"]}],\n"
        "\"context\": [],\n";
    static const struct {
        const char *json;
        int line;
        const char *message;
    } rows[] = {
        {"\"speech\": [], \"reports\": []}", 1,
         "lexicon: \"actors\" must be a non-empty array"},
        {"\"actors\": [\n{\"actor\": \"landlord\", \"words\": [\"x\"]}],\n"
         "\"speech\": [], \"reports\": []}",
         4, "lexicon actor row 1: unknown actor 'landlord'"},
        {"\"actors\": [\n{\"actor\": \"other\", \"words\": [\"Trust*\"]}],\n"
         "\"speech\": [], \"reports\": []}",
         4,
         "lexicon actor row 1: words must be non-empty strings, a "
         "capitalised one without '*'"},
        {"\"actors\": [{\"actor\": \"he\", \"words\": [\"he\"]}],\n"
         "\"reports\": []}",
         0, "lexicon: \"speech\" must be an array of non-empty strings"},
    };

    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        char json[512];
        cc_lexicon lx;
        cc_error err = {0};
        int n = snprintf(json, sizeof json, "%s%s", head, rows[i].json);
        cr_assert(n > 0 && (size_t)n < sizeof json);
        cr_expect(
            eq(int,
               cc_lexicon__load(&lx, json, (size_t)n, "lexicon.json", &err),
               CC_EINVAL),
            "row %zu accepted", i);
        cr_expect(eq(int, err.line, rows[i].line), "row %zu", i);
        cr_expect(eq(str, err.message, (char *)rows[i].message));
        cr_expect(eq(sz, lx.nactors, 0), "nothing left to free");
    }
}

/* The built-in actor words keep their order and casing: "Council" only
 * as written, "social worker*" in any case, "he" a pronoun. */
Test(lexicon, builtin_actors)
{
    cc_lexicon lx;
    cc_error err = {0};
    int council = 0, worker = 0, he = 0;

    cr_assert(eq(int,
                 cc_lexicon__load(&lx, (const char *)cc_data_lexicon,
                                  cc_data_lexicon_len, "<built-in>", &err),
                 CC_OK),
              "%s", err.message);
    for (size_t i = 0; i < lx.nactors; i++) {
        const cc_lexactor *a = &lx.actors[i];
        if (strcmp(a->word, "Council") == 0)
            council = a->cased && a->actor == CC_ACTOR_COUNCIL;
        else if (strcmp(a->word, "social worker*") == 0)
            worker = !a->cased && a->actor == CC_ACTOR_COUNCIL;
        else if (strcmp(a->word, "he") == 0)
            he = a->pronoun == 'h' && a->actor == CC_ACTOR_UNKNOWN;
    }
    cr_expect(council && worker && he);
    cr_expect(ne(sz, lx.nspeech, 0));
    cr_expect(ne(sz, lx.nreports, 0));
    cc_lexicon__free(&lx);
}
