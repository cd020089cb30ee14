/*
 * libFuzzer entry point, built once per target (fuzz/CMakeLists.txt sets
 * CC_FUZZ_TARGET to "doc", "date", "ics", "rules", "html", "pdf" or "docx";
 * fuzz/targets.c holds what each one checks).
 */
#include <stdio.h>
#include <stdlib.h>

#include "targets.h"

#ifndef CC_FUZZ_TARGET
#error "CC_FUZZ_TARGET names the target: -DCC_FUZZ_TARGET=\"doc\""
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static cc_ctx *ctx;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bad;

    if (!ctx && cc_ctx_new(&ctx, NULL) != CC_OK)
        abort();
    bad = cc_fuzz_run(CC_FUZZ_TARGET, ctx, data, size);
    if (bad) {
        fprintf(stderr, "fuzz_%s: %s\n", CC_FUZZ_TARGET, bad);
        abort();
    }
    return 0;
}
