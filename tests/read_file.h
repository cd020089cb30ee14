#ifndef CC_TESTS_READ_FILE_H
#define CC_TESTS_READ_FILE_H

#include <stddef.h>

/* New (free()): the bytes of `path`, NUL-terminated, their number in *len;
 * NULL when the file cannot be opened or read, or memory runs out. */
char *cc_test_read_file(const char *path, size_t *len);

#endif
