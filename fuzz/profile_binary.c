/* Fuzz the profile binary decoder (values ascending) and partial-state form. */
#include "fuzz_common.h"
#include "profile_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t		n = 0;

	if (profile_decode_header(data, size, &n) == PROFILE_OK)
	{
		double	   *v = malloc(n * sizeof(double));

		FUZZ_CHECK(profile_binary_size(n) == size);
		if (profile_decode(data, size, v, n, true) == PROFILE_OK)
		{
			uint8_t    *out = malloc(size);

			for (size_t i = 1; i < n; i++)
				FUZZ_CHECK(v[i - 1] <= v[i]);
			profile_encode(v, n, out);
			FUZZ_CHECK(memcmp(out, data, size) == 0);
			free(out);
		}
		(void) profile_decode(data, size, v, n, false);
		free(v);
	}
	return 0;
}
