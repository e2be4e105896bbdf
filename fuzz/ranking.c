/*
 * Differential test of the one-pass ranking (ranking_core): a group made from
 * the fuzzer's bytes, split in two parts that are sorted apart (radix and
 * insertion/qsort paths) and merged, as a parallel plan does, must give every
 * member the figures of a brute-force count over the group.
 */
#include "fuzz_common.h"
#include "ranking_core.h"

#include <math.h>

typedef struct Seen
{
	size_t		n;
	RankEntry	entry[1024];
	RankFigures fig[1024];
	bool		has_fig[1024];
} Seen;

static void
record(void *arg, const RankEntry *e, const RankFigures *f)
{
	Seen	   *s = arg;

	s->entry[s->n] = *e;
	s->has_fig[s->n] = f != NULL;
	if (f)
		s->fig[s->n] = *f;
	s->n++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* byte 0: direction and split point; then 2 bytes per member */
	size_t		n = size > 1 ? (size - 1) / 2 : 0;
	bool		hib;
	size_t		split;
	RankEntry  *a,
			   *tmp,
			   *all;
	double	   *values;
	Seen	   *seen;
	size_t		m = 0;

	if (n == 0 || n > 1024)
		return 0;
	hib = data[0] & 1;
	split = (data[0] >> 1) % (n + 1);
	a = malloc(n * sizeof(RankEntry));
	tmp = malloc(n * sizeof(RankEntry));
	all = malloc(n * sizeof(RankEntry));
	values = malloc(n * sizeof(double));
	seen = calloc(1, sizeof(Seen));
	for (size_t i = 0; i < n; i++)
	{
		uint8_t		hi = data[1 + 2 * i],
					lo = data[2 + 2 * i];

		/* few distinct values, so ties are common; 0xFF is a NULL value; -0 */
		if (hi == 0xFF)
			a[i].key = RANK_NO_VALUE;
		else
			a[i].key = rank_value_key(hi == 0xFE ? -0.0 : ((int) (hi % 16) - 8) * (lo % 3 ? 1.5 : 1e300));
		a[i].label_off = (uint32_t) i;
		a[i].label_len = 1;
		if (a[i].key != RANK_NO_VALUE)
			m++;
	}
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(a[i].key == RANK_NO_VALUE || rank_value_key(rank_key_value(a[i].key)) == a[i].key);
	/* the two parts sorted apart (one with the radix path, one maybe not), then merged */
	rank_sort(a, split, tmp, NULL);
	rank_sort(a + split, n - split, NULL, NULL);
	FUZZ_CHECK(rank_is_sorted(a, split) && rank_is_sorted(a + split, n - split));
	rank_merge(a, split, a + split, n - split, 0, all);
	FUZZ_CHECK(rank_is_sorted(all, n));
	rank_walk(all, n, hib, values, record, seen);
	FUZZ_CHECK(seen->n == n);
	for (size_t i = 0; i < n; i++)
	{
		const RankEntry *e = &seen->entry[i];
		const RankFigures *f = &seen->fig[i];
		size_t		better = 0,
					not_worse = 0;

		FUZZ_CHECK(seen->has_fig[i] == (e->key != RANK_NO_VALUE));
		if (!seen->has_fig[i])
		{
			FUZZ_CHECK(i >= m);	/* members without a value come last */
			continue;
		}
		for (size_t j = 0; j < n; j++)
		{
			double		x,
						y;

			if (seen->entry[j].key == RANK_NO_VALUE)
				continue;
			x = rank_key_value(e->key);
			y = rank_key_value(seen->entry[j].key);
			better += hib ? y > x : y < x;
			not_worse += hib ? y >= x : y <= x;
		}
		FUZZ_CHECK(f->rank == (int64_t) better + 1);
		FUZZ_CHECK(f->group_size == (int64_t) m);
		FUZZ_CHECK(f->cume_dist == (double) not_worse / (double) m);
		FUZZ_CHECK(f->percent_rank == (m > 1 ? (double) better / (double) (m - 1) : 0.0));
		FUZZ_CHECK(f->grade >= 1.0 && f->grade <= 6.0);
		FUZZ_CHECK(i == 0 || !seen->has_fig[i - 1] || seen->fig[i - 1].rank <= f->rank);
	}
	free(a);
	free(tmp);
	free(all);
	free(values);
	free(seen);
	return 0;
}
