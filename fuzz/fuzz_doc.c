/* libFuzzer entry point for the "doc" target (fuzz/targets.c). */
#include <stdio.h>
#include <stdlib.h>

#include "targets.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cc_ctx *ctx;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bad;

    if (!ctx && cc_ctx_new(&ctx, NULL) != CC_OK)
        abort();
    bad = cc_fuzz_run("doc", ctx, data, size);
    if (bad) {
        fprintf(stderr, "fuzz_doc: %s\n", bad);
        abort();
    }
    return 0;
}
