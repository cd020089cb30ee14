/* Compiles the public header alone: it must need nothing else. */
#include "caseclock.h"

int cc_header_test_symbol(void);

int
cc_header_test_symbol(void)
{
    return CC_OK;
}
