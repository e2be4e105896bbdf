/* Fuzz the eval_usage parser; round trip through the canonical text. */
#include "fuzz_common.h"
#include "eval_usage_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = fuzz_cstring(data, size);
	uint8_t		bits = 0,
				again = 0;
	ScanError err;
	char		buf[USAGE_TEXT_MAX];

	if (usage_parse(text, &bits, &err) == USAGE_OK)
	{
		FUZZ_CHECK((bits & ~USAGE_ALL) == 0);
		FUZZ_CHECK(usage_format(bits, buf, sizeof(buf)) < sizeof(buf));
		FUZZ_CHECK(usage_parse(buf, &again, &err) == USAGE_OK && again == bits);
	}
	free(text);
	return 0;
}
