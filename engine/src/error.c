/* Errors belong to the caller; the first one set wins. */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
cc_error__clear(cc_error *err)
{
    if (err)
        memset(err, 0, sizeof *err);
}

cc_status
cc_error__set(cc_error *err, cc_status code, const char *source, int line,
              int column, size_t offset, const char *fmt, ...)
{
    va_list ap;

    if (!err || err->code != CC_OK)
        return code;
    err->code = code;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->line = line;
    err->column = column;
    err->offset = offset;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    /* One line: a newline from a quoted value would break the format. */
    for (char *p = err->message; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    return code;
}
