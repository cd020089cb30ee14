/*
 * Checks the engine's own sentence boundaries (engine/src/text.c) against
 * ICU's sentence break iterator ("en_GB") run over the whole text, which
 * they must equal break for break: on the files named, and on random texts
 * made of the characters the rules tell apart (ASCII and beyond).  Prints
 * the first difference of each input that differs; exit status 1 if any.
 * ctest runs it as test_sentences on every fixture and 100000 random texts
 * (tests/CMakeLists.txt); by hand:
 *
 *   build/tests/sentences_check [-r ROUNDS] [FILE...]
 */
#include "../engine/src/text.c"

#include <stdio.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

static int
compare(const char *s, size_t len, const char *name)
{
    UErrorCode uerr = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s, (int64_t)len, &uerr);
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en_GB", NULL, 0, &uerr);
    size_t from = 0;
    int32_t brk;
    int bad = 0;

    ubrk_setUText(bi, ut, &uerr);
    if (U_FAILURE(uerr)) {
        fprintf(stderr, "icu: %s\n", u_errorName(uerr));
        exit(2);
    }
    ubrk_first(bi);
    while ((brk = ubrk_next(bi)) != UBRK_DONE) {
        size_t mine = sentence_break(s, len, from);
        if (mine != (size_t)brk) {
            size_t a = from, b = mine > (size_t)brk ? mine : (size_t)brk;
            printf("%s: from %zu icu %d mine %zu: \"", name, from, brk, mine);
            for (size_t k = a; k < b && k < a + 200; k++)
                printf(s[k] == '\n'   ? "\\n"
                       : s[k] == '\r' ? "\\r"
                                      : "%c",
                       s[k]);
            printf("\"\n");
            bad = 1;
            break;
        }
        from = (size_t)brk;
    }
    if (!bad && from != len) {
        printf("%s: icu ends at %zu of %zu\n", name, from, len);
        bad = 1;
    }
    ubrk_close(bi);
    utext_close(ut);
    return bad;
}

/* Pieces the random texts are made of: one of each class and some more. */
static const char *const pieces[] = {"a",
                                     "b",
                                     "x",
                                     "A",
                                     "B",
                                     "Q",
                                     "1",
                                     "2",
                                     ".",
                                     ".",
                                     ".",
                                     "!",
                                     "?",
                                     " ",
                                     " ",
                                     "  ",
                                     "\t",
                                     "\n",
                                     "\r",
                                     "\r\n",
                                     "\f",
                                     "\v",
                                     "\"",
                                     "'",
                                     "(",
                                     ")",
                                     "[",
                                     "]",
                                     "{",
                                     "}",
                                     ",",
                                     ";",
                                     ":",
                                     "-",
                                     "/",
                                     "#",
                                     "&",
                                     "*",
                                     "_",
                                     "@",
                                     "\xC3\xA9",     /* é Lower */
                                     "\xC3\x89",     /* É Upper */
                                     "\xCC\x81",     /* U+0301 Extend */
                                     "\xC2\xAD",     /* U+00AD Format */
                                     "\xE2\x80\x8D", /* U+200D Extend */
                                     "\xC2\xA0",     /* U+00A0 Sp */
                                     "\xC2\xA3",     /* £ */
                                     "\xE2\x80\xA2", /* • */
                                     "\xE2\x80\x99", /* ’ Close */
                                     "\xE2\x80\x9C", /* “ Close */
                                     "\xC2\xAB",     /* « Close */
                                     "\xE2\x80\x93", /* – SContinue */
                                     "\xE2\x80\xA6", /* … */
                                     "\xE2\x80\xA4", /* U+2024 ATerm */
                                     "\xEF\xBC\x8E", /* U+FF0E ATerm */
                                     "\xE3\x80\x82", /* 。 STerm */
                                     "\xD8\x9F",     /* ؟ STerm */
                                     "\xC2\x85",     /* U+0085 Sep */
                                     "\xE2\x80\xA8", /* U+2028 Sep */
                                     "\xE2\x80\xA9", /* U+2029 Sep */
                                     "\xE4\xB8\xAD", /* 中 OLetter */
                                     "\xC2\xAA",     /* ª Lower */
                                     "\xD9\xA3",     /* ٣ Numeric */
                                     "\xEF\xBC\x8C", /* ， SContinue */
                                     "Mr",
                                     "para",
                                     "e.g",
                                     "the",
                                     "The",
                                     "No",
                                     "St",
                                     "2019",
                                     "U.K",
                                     "etc"};

int
main(int argc, char **argv)
{
    long rounds = 0;
    int bad = 0, files = 0;
    unsigned long seed = 12345;

    /* Every ASCII class as ICU has it. */
    for (int c = 1; c < 128; c++)
        if (sb_ascii[c] != u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK)) {
            printf("class of 0x%02X: table %d icu %d\n", c, sb_ascii[c],
                   u_getIntPropertyValue(c, UCHAR_SENTENCE_BREAK));
            bad = 1;
        }
    for (int a = 1; a < argc; a++) {
        if (strcmp(argv[a], "-r") == 0 && a + 1 < argc) {
            rounds = atol(argv[++a]);
            continue;
        }
        FILE *fp = fopen(argv[a], "rb");
        char *buf;
        long n;
        if (!fp || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0) {
            perror(argv[a]);
            return 2;
        }
        rewind(fp);
        buf = malloc((size_t)n + 1);
        if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n)
            return 2;
        fclose(fp);
        bad |= compare(buf, (size_t)n, argv[a]);
        free(buf);
        files++;
    }
    for (long r = 0; r < rounds; r++) {
        char buf[512];
        size_t len = 0;
        int k;
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        k = 1 + (int)((seed >> 33) % 24);
        while (k-- > 0) {
            const char *p;
            seed = seed * 6364136223846793005ul + 1442695040888963407ul;
            p = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
            memcpy(buf + len, p, strlen(p));
            len += strlen(p);
        }
        if (compare(buf, len, "random"))
            if (++bad > 20)
                break;
    }
    printf("sentences: %d files and %ld random texts against ICU: %s\n", files,
           rounds, bad ? "they differ" : "every break the same");
    return bad != 0;
}
