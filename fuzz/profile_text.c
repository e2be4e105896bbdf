/* Fuzz the profile text parser; what parses prints back to an equal profile. */
#include "fuzz_common.h"
#include "number.h"
#include "profile_core.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = fuzz_cstring(data, size);
	size_t		cap = profile_text_capacity(text);
	double	   *v = malloc(cap * sizeof(double));
	double	   *tmp = malloc(cap * sizeof(double));
	size_t		n = 0;
	ScanError err;

	if (profile_parse(text, v, cap, &n, &err) == PROFILE_OK)
	{
		size_t		len = profile_text_size(n);
		char	   *out = malloc(len);
		double	   *w = malloc(cap * sizeof(double));
		size_t		m = 0;
		double	   *index = malloc((profile_index_size(n) + 1) * sizeof(double));
		ProfileView view;

		FUZZ_CHECK(n >= 1 && n <= cap);
		profile_sort(v, n, tmp, NULL);
		for (size_t i = 1; i < n; i++)
			FUZZ_CHECK(v[i - 1] <= v[i]);
		FUZZ_CHECK(profile_format(v, n, out, len) > 0);
		FUZZ_CHECK(profile_parse(out, w, cap, &m, &err) == PROFILE_OK && m == n);
		FUZZ_CHECK(memcmp(v, w, n * sizeof(double)) == 0);
		/* lookups agree with a linear count */
		profile_build_index(v, n, index);
		view.values = v;
		view.n = n;
		view.index = index;
		for (size_t i = 0; i < n; i++)
		{
			size_t		below = 0;

			for (size_t j = 0; j < n; j++)
				below += v[j] < v[i];
			FUZZ_CHECK(profile_count_below(&view, v[i]) == below);
			(void) profile_grade(&view, v[i], true);
		}
		free(out);
		free(w);
		free(index);
	}
	free(v);
	free(tmp);
	free(text);
	return 0;
}
