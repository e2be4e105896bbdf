/* Fuzz the target text parser: whatever parses prints back to text that parses equal. */
#include "fuzz_common.h"
#include "target_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = fuzz_cstring(data, size);
	StyringTarget t,
				u;
	ScanError err;
	char		buf[TARGET_TEXT_MAX];

	if (target_parse(text, &t, &err) == TARGET_OK)
	{
		FUZZ_CHECK(target_validate(&t) == TARGET_OK);
		FUZZ_CHECK(target_format(&t, size % 2 == 0, buf, sizeof(buf)) < sizeof(buf));
		FUZZ_CHECK(target_parse(buf, &u, &err) == TARGET_OK);
		FUZZ_CHECK(target_compare(&t, &u) == 0);
		FUZZ_CHECK(memcmp(&t, &u, sizeof(t)) == 0);
		/* the formulas never fault on any finite actual value */
		(void) target_status(&t, t.value * 0.5, true, 2000, 0.1);
	}
	else
		FUZZ_CHECK(err.position >= 0 && (size_t) err.position <= size);
	free(text);
	return 0;
}
