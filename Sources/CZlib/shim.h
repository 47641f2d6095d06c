#ifndef NEARDUP_CZLIB_SHIM_H
#define NEARDUP_CZLIB_SHIM_H
#include <zlib.h>

/* inflateInit2 is a macro (it passes the library version and the stream's size): Swift cannot
   call it, so this wrapper does. */
static inline int neardup_inflate_init2(z_stream *stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
