/* Fuzz the goalpath binary decoder: a version byte and text, checked as text is. */
#include "fuzz_common.h"
#include "goalpath_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *out = malloc(size + 1);
	size_t		len = 0;
	int			levels = 0;
	ScanError err;

	if (goalpath_decode(data, size, out, &len, &levels, &err) == GOALPATH_OK)
	{
		FUZZ_CHECK(len <= size && levels == goalpath_count_levels(out, len));
		for (size_t i = 0; i < len; i++)
			FUZZ_CHECK(out[i] == 0 || out[i] >= '-');
	}
	free(out);
	return 0;
}
