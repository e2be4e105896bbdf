/* Fuzz the goalpath parser (any bytes, invalid UTF-8 included); round trip through text. */
#include "fuzz_common.h"
#include "goalpath_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t    *out = malloc(size + 1);
	size_t		len = 0;
	int			levels = 0;
	ScanError err;

	/* The parser takes a length, so NUL bytes reach it too. */
	if (goalpath_parse((const char *) data, size, out, &len, &levels, &err) == GOALPATH_OK)
	{
		char	   *text = malloc(len + 1);
		uint8_t    *again = malloc(len + 1);
		size_t		len2 = 0;
		int			levels2 = 0;

		FUZZ_CHECK(levels >= 1 && levels <= GOALPATH_MAX_DEPTH);
		FUZZ_CHECK(goalpath_count_levels(out, len) == levels);
		goalpath_format(out, len, text);
		FUZZ_CHECK(goalpath_parse(text, len, again, &len2, &levels2, &err) == GOALPATH_OK);
		FUZZ_CHECK(len2 == len && levels2 == levels && memcmp(out, again, len) == 0);
		FUZZ_CHECK(goalpath_is_prefix(out, len, out, len));
		FUZZ_CHECK(goalpath_common_len(out, len, out, len) == len);
		free(text);
		free(again);
	}
	free(out);
	return 0;
}
