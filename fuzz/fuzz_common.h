/*
 * fuzz_common.h - helpers for the libFuzzer harnesses over src/core.
 */
#ifndef STYRING_FUZZ_COMMON_H
#define STYRING_FUZZ_COMMON_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The fuzzer's bytes as a NUL-terminated string (text input never holds NUL). */
static inline char *
fuzz_cstring(const uint8_t *data, size_t size)
{
	char	   *s = malloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* A property that must hold: abort so libFuzzer keeps the input. */
#define FUZZ_CHECK(cond) do { if (!(cond)) abort(); } while (0)

#endif
