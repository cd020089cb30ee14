/* Libraries opened when a document needs them (dynlib.h). */
#include "dynlib.h"

#include <dlfcn.h>
#include <string.h>

#include "error.h"

cc_status
cc_dynlib__open(void **handle, void *api, const cc_dynsym *syms, size_t n,
                const char *soname, const char *what, const char *source,
                cc_error *err)
{
    const char *why;

    *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
    if (!*handle) {
        why = dlerror();
        return cc_error__set(err, CC_EIO, source, 0, 0, 0,
                             "reading %s needs %s, which cannot be loaded (%s)",
                             what, soname, why ? why : "no reason given");
    }
    for (size_t i = 0; i < n; i++) {
        void *sym = dlsym(*handle, syms[i].name);
        if (!sym) {
            cc_dynlib__close(handle);
            return cc_error__set(err, CC_EIO, source, 0, 0, 0,
                                 "reading %s needs %s, which has no %s", what,
                                 soname, syms[i].name);
        }
        /* a function pointer stored as the bytes dlsym gives */
        memcpy((char *)api + syms[i].offset, &sym, sizeof sym);
    }
    return CC_OK;
}

void
cc_dynlib__close(void **handle)
{
    if (handle && *handle) {
        dlclose(*handle);
        *handle = NULL;
    }
}
