/*
 * The fuzz targets, shared by the libFuzzer harness (fuzz/fuzz_main.c) and
 * by the test that replays fuzz/regressions/ (tests/test_badinput.c).
 *
 * Each target feeds one input to one entry point of the library and checks
 * what came back: a status and a well-formed error, or a result that keeps
 * the header's promises.  It returns NULL when all is well, or a static
 * string naming the broken promise (the harness then aborts, so libFuzzer
 * keeps the input).
 */
#ifndef CC_FUZZ_TARGETS_H
#define CC_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>

#include "caseclock.h"

/* cc_doc_read over the bytes as a decision statement, then its timeline
 * (cc_timeline_new). */
const char *cc_fuzz_doc(const cc_ctx *ctx, const uint8_t *data, size_t size);

/* cc_date_parse and cc_period_parse over "DATE\nPERIOD", then cc_calc_add
 * with the england-and-wales calendar when both parse. */
const char *cc_fuzz_date(const cc_ctx *ctx, const uint8_t *data, size_t size);

/* cc_calendar_add_ics over the bytes, then a working-day count. */
const char *cc_fuzz_ics(const cc_ctx *ctx, const uint8_t *data, size_t size);

/* cc_ctx_load_rules over the bytes into `ctx` (which keeps the last rules
 * that loaded: the checks look only at what this input loaded). */
const char *cc_fuzz_rules(cc_ctx *ctx, const uint8_t *data, size_t size);

/* The document readers over the bytes as a web page, a PDF or a Word
 * document (cc_extract__html, __pdf, __docx): a refusal is one line naming
 * the source; text that comes back is NUL-terminated UTF-8 of its length,
 * ending with a newline. */
const char *cc_fuzz_html(const uint8_t *data, size_t size);
const char *cc_fuzz_pdf(const uint8_t *data, size_t size);
const char *cc_fuzz_docx(const uint8_t *data, size_t size);

/* The target named "doc", "date", "ics", "rules", "html", "pdf" or "docx"
 * (the names of the directories under fuzz/regressions/). */
const char *cc_fuzz_run(const char *name, cc_ctx *ctx, const uint8_t *data,
                        size_t size);

#endif
