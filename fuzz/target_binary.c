/* Fuzz the target binary decoder: what decodes encodes back to the same bytes. */
#include "fuzz_common.h"
#include "target_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	StyringTarget t,
				u;
	uint8_t		out[TARGET_BINARY_MAX];
	char		text[TARGET_TEXT_MAX];
	ScanError err;

	if (target_decode(data, size, &t) == TARGET_OK)
	{
		size_t		n = target_encode(&t, out);

		FUZZ_CHECK(n <= TARGET_BINARY_MAX);
		FUZZ_CHECK(target_decode(out, n, &u) == TARGET_OK && memcmp(&t, &u, sizeof(t)) == 0);
		target_format(&t, true, text, sizeof(text));
		FUZZ_CHECK(target_parse(text, &u, &err) == TARGET_OK && target_compare(&t, &u) == 0);
	}
	return 0;
}
