/*
 * Fuzz the shortest-decimal printer: for every double the fuzzer makes (its
 * bytes taken as IEEE bits), the fast path (Ryu where it is exact) prints
 * byte for byte what the reference search prints, and the text reads back
 * to the same double.
 */
#include "fuzz_common.h"
#include "number.h"

#include <math.h>

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (size_t at = 0; at + sizeof(double) <= size; at += sizeof(double))
	{
		double		x;
		char		fast[DOUBLE_TEXT_MAX];
		char		slow[DOUBLE_TEXT_MAX];
		const char *end;
		double		back;

		memcpy(&x, data + at, sizeof(double));
		if (!isfinite(x))
			continue;
		format_double_shortest(x, fast, sizeof(fast));
		format_double_by_search(x, slow, sizeof(slow));
		FUZZ_CHECK(strcmp(fast, slow) == 0);
		FUZZ_CHECK(scan_double(fast, &back, &end) == NUMBER_OK && *end == '\0');
		FUZZ_CHECK(back == x || (x == 0 && back == 0));
	}
	return 0;
}
