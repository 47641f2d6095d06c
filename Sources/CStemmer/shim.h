#ifndef NEARDUP_CSTEMMER_SHIM_H
#define NEARDUP_CSTEMMER_SHIM_H
// Snowball stemmers (Debian's libstemmer-dev; Homebrew's snowball). No pkg-config file ships
// with it: the header is <libstemmer.h> and the library is -lstemmer.
#include <libstemmer.h>
#endif
