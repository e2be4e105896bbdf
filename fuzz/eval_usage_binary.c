/* Fuzz the eval_usage binary decoder. */
#include "fuzz_common.h"
#include "eval_usage_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t		bits = 0;

	if (usage_decode(data, size, &bits) == USAGE_OK)
		FUZZ_CHECK(size == 2 && (bits & ~USAGE_ALL) == 0);
	return 0;
}
