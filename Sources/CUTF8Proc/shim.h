#ifndef NEARDUP_CUTF8PROC_SHIM_H
#define NEARDUP_CUTF8PROC_SHIM_H
#include <utf8proc.h>
#endif
