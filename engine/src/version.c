/* The library's version, for a program built against another header. */
#include "caseclock.h"

const char *
cc_version(void)
{
    return CASECLOCK_VERSION;
}

int
cc_version_number(void)
{
    return CASECLOCK_VERSION_NUMBER;
}
