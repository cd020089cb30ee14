/*
 * The floor for reading a decision: split the bytes into words at ASCII
 * white space and count the words that start with a digit, nothing else.
 * Reads the file named by argv[1] (or standard input) in 1 MB blocks.
 * Prints "words digit-words".  Not part of the engine: bench/all.sh runs it.
 */
#include <stdio.h>

int
main(int argc, char **argv)
{
    static char buf[1 << 20];
    FILE *fp = argc > 1 ? fopen(argv[1], "rb") : stdin;
    unsigned long words = 0, digits = 0;
    int in = 0;
    size_t n;

    if (!fp)
        return 5;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)buf[i];
            int space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (!space && !in) {
                words++;
                digits += c >= '0' && c <= '9';
            }
            in = !space;
        }
    printf("%lu %lu\n", words, digits);
    return fp == stdin || fclose(fp) == 0 ? 0 : 5;
}
