/*
 * Libraries opened when a document needs them, not linked: the PDF reader's
 * poppler-glib and the Word reader's libzip bring libraries (cairo, NSS,
 * OpenSSL's libcrypto, ...) whose loading and relocation at every start
 * cost more than reading a decision.  Each reader lists the functions it
 * calls in a table of its own (name, offset of the pointer in its struct);
 * cc_dynlib__open fills them.  The library is opened with RTLD_NODELETE, so
 * the first document loads it and later ones find it loaded; nothing is
 * kept between calls.
 */
#ifndef CC_DYNLIB_H
#define CC_DYNLIB_H

#include <stddef.h>

#include "caseclock.h"

/* A function a reader calls: its name, and where its pointer goes in the
 * reader's struct of functions. */
typedef struct cc_dynsym {
    const char *name;
    size_t offset;
} cc_dynsym;

/*
 * Opens `soname` into *handle and stores each of the n functions of
 * `syms` into `api` at its offset.  On failure, a CC_EIO error that says
 * reading `what` ("a PDF") needs the library, *handle NULL.
 */
cc_status cc_dynlib__open(void **handle, void *api, const cc_dynsym *syms,
                          size_t n, const char *soname, const char *what,
                          const char *source, cc_error *err);

/* Closes what cc_dynlib__open opened (the library stays loaded); *handle
 * becomes NULL.  NULL or a NULL *handle is nothing to close. */
void cc_dynlib__close(void **handle);

#endif
