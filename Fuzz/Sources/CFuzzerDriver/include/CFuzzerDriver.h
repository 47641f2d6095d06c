#ifndef NEARDUP_CFUZZERDRIVER_H
#define NEARDUP_CFUZZERDRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (compiler-rt, linked by -sanitize=fuzzer). SwiftPM renames an executable
/// target's entry point, so libFuzzer's own `main` is not used: each fuzz target's `main` calls
/// this instead.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
