/* Deadlines and checks of stated delays, from a timeline's events. */
#ifndef CC_CHECKS_H
#define CC_CHECKS_H

#include "chronology.h"

/*
 * Adds to tl the deadlines (late complaint, child protection conferences,
 * complaint stages, a council's own timescales, agreed actions, promises)
 * and the findings (statements of delay) that doc's text supports.  The
 * events must be built first.
 */
cc_status cc_checks__run(cc_timeline *tl, const cc_ctx *ctx, const cc_doc *doc,
                         cc_error *err);

#endif
