/*
 * Differential test of the one-pass ranking (ranking_core): a group made from
 * the fuzzer's bytes, split in two parts that are sorted apart (radix and
 * insertion/qsort paths) and merged, as a parallel plan does, must give every
 * member the figures of a brute-force count over the group, and keep every
 * member's label (short ones inline, long ones as slices of the two parts'
 * buffers, which are appended).
 */
#include "fuzz_common.h"
#include "ranking_core.h"

#include <math.h>
#include <stdio.h>

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
	uint64_t	original[1024];
	bool		found[1024] = {false};
	char	   *buffer;
	size_t		used = 0,
				split_used = 0;

	if (n == 0 || n > 1024)
		return 0;
	hib = data[0] & 1;
	split = (data[0] >> 1) % (n + 1);
	a = malloc(n * sizeof(RankEntry));
	tmp = malloc(n * sizeof(RankEntry));
	all = malloc(n * sizeof(RankEntry));
	values = malloc(n * sizeof(double));
	seen = calloc(1, sizeof(Seen));
	buffer = malloc(n * 16);
	for (size_t pass = 0; pass < 2; pass++)
	{
		for (size_t i = (pass ? split : 0); i < (pass ? n : split); i++)
		{
			uint8_t		hi = data[1 + 2 * i],
						lo = data[2 + 2 * i];
			char		label[32];
			int			len;

			/* few distinct values, so ties are common; 0xFF is a NULL value; -0 */
			if (hi == 0xFF)
				a[i].key = RANK_NO_VALUE;
			else
				a[i].key = rank_value_key(hi == 0xFE ? -0.0 : ((int) (hi % 16) - 8) * (lo % 3 ? 1.5 : 1e300));
			if (a[i].key != RANK_NO_VALUE)
				m++;
			original[i] = a[i].key;
			len = snprintf(label, sizeof(label), (lo & 4) ? "member-%06zu" : "%zu", i);
			if (lo == 0x42)
				rank_label_set_null(&a[i]);
			else
			{
				/* a part's slices count from the start of its own buffer */
				rank_label_set(&a[i], label, (size_t) len, (uint32_t) (used - (pass ? split_used : 0)));
				if ((size_t) len > RANK_LABEL_INLINE)
				{
					memcpy(buffer + used, label, (size_t) len);
					used += (size_t) len;
				}
			}
			FUZZ_CHECK(rank_label_valid(&a[i], pass ? used - split_used : used));
		}
		if (pass == 0)
			split_used = used;
	}
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(a[i].key == RANK_NO_VALUE || rank_value_key(rank_key_value(a[i].key)) == a[i].key);
	/* the two parts sorted apart (by insertion or radix, as their sizes say), then merged */
	rank_sort(a, split, tmp, NULL);
	rank_sort(a + split, n - split, tmp, NULL);
	FUZZ_CHECK(rank_is_sorted(a, split) && rank_is_sorted(a + split, n - split));
	memcpy(all, a, split * sizeof(RankEntry));
	rank_merge_into(all, split, a + split, n - split, (uint32_t) split_used);
	FUZZ_CHECK(rank_is_sorted(all, n));
	rank_walk(all, n, hib, values, record, seen);
	FUZZ_CHECK(seen->n == n);
	for (size_t i = 0; i < n; i++)
	{
		const RankEntry *e = &seen->entry[i];
		const RankFigures *f = &seen->fig[i];
		size_t		better = 0,
					not_worse = 0;

		const char *bytes;
		size_t		len;

		FUZZ_CHECK(seen->has_fig[i] == (e->key != RANK_NO_VALUE));
		if (rank_label_get(e, buffer, &bytes, &len))
		{
			char		text[32];
			size_t		member;

			FUZZ_CHECK(len < sizeof(text));
			memcpy(text, bytes, len);
			text[len] = '\0';
			member = (size_t) strtoul(text[0] == 'm' ? text + 7 : text, NULL, 10);
			FUZZ_CHECK(member < n && !found[member] && original[member] == e->key);
			found[member] = true;
		}
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
	free(buffer);
	free(a);
	free(tmp);
	free(all);
	free(values);
	free(seen);
	return 0;
}
