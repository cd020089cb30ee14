/* TIMEX3-style values for recognised mentions. */
#ifndef CC_NORMALISE_H
#define CC_NORMALISE_H

#include <stddef.h>

#include "caseclock.h"
#include "recognise.h"

/* What the narrative around the mentions says. */
typedef struct cc_narrative {
    const long *sentence;  /* sentence index of each raw mention, or NULL */
    const long *paragraph; /* paragraph index of each, or NULL */
    size_t header;         /* index of the header's decision date, or
                              (size_t)-1 */
    const unsigned char *action; /* 1 for each raw mention in an agreed
                                    action section, or NULL */
    int has_decision;
    cc_date decision; /* the decision date: no inferred date in the
                         narrative is later */
} cc_narrative;

/*
 * Fills out[0..n) from raw[0..n): type, value, mod, flags, grain,
 * earliest and latest (offset, length, paragraph and sentence are copied
 * or left for the caller).  Years missing from the text are inferred in
 * text order (docs/annotation.md "Values that need the narrative");
 * relative dates are resolved against the last date in the same
 * paragraph or the previous sentence.  The values are packed into one
 * block, *values, which the caller owns (free()) and every out[i].value
 * points into; mods are static strings.  CC_ENOMEM leaves *values unset.
 */
cc_status cc_normalise__run(cc_mention *out, char **values, const cc_raw *raw,
                            size_t n, const cc_narrative *nar);

#endif
