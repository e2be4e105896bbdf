/*
 * ranking_core.c - sort a group's members once and rank every one of them.
 */
#include "ranking_core.h"

#include <string.h>

uint64_t
rank_value_key(double v)
{
	return profile_sort_key(v == 0 ? 0.0 : v);
}

double
rank_key_value(uint64_t key)
{
	uint64_t	u = (key & UINT64_C(0x8000000000000000)) ? key & ~UINT64_C(0x8000000000000000) : ~key;
	double		d;

	memcpy(&d, &u, sizeof(d));
	return d;
}

/* ---------- labels ---------- */

/* label[7]: how many bytes are inline (0..RANK_LABEL_INLINE), or one of these */
#define TAG_NULL 0xFE
#define TAG_SLICE 0xFF

void
rank_label_set_null(RankEntry *e)
{
	memset(e->label, 0, sizeof(e->label));
	e->label[7] = TAG_NULL;
}

void
rank_label_set(RankEntry *e, const char *bytes, size_t len, uint32_t off)
{
	memset(e->label, 0, sizeof(e->label));
	if (len <= RANK_LABEL_INLINE)
	{
		memcpy(e->label, bytes, len);
		e->label[7] = (uint8_t) len;
		return;
	}
	memcpy(e->label, &off, 4);
	e->label[4] = (uint8_t) (len & 0xFF);
	e->label[5] = (uint8_t) ((len >> 8) & 0xFF);
	e->label[6] = (uint8_t) ((len >> 16) & 0xFF);
	e->label[7] = TAG_SLICE;
}

static void
slice_of(const RankEntry *e, uint32_t *off, size_t *len)
{
	memcpy(off, e->label, 4);
	*len = (size_t) e->label[4] | ((size_t) e->label[5] << 8) | ((size_t) e->label[6] << 16);
}

bool
rank_label_get(const RankEntry *e, const char *buffer, const char **bytes, size_t *len)
{
	uint32_t	off;

	if (e->label[7] == TAG_NULL)
		return false;
	if (e->label[7] != TAG_SLICE)
	{
		*bytes = (const char *) e->label;
		*len = e->label[7];
		return true;
	}
	slice_of(e, &off, len);
	*bytes = buffer + off;
	return true;
}

bool
rank_label_valid(const RankEntry *e, size_t buffer_len)
{
	uint32_t	off;
	size_t		len;

	if (e->label[7] == TAG_NULL)
		return true;
	if (e->label[7] != TAG_SLICE)
		return e->label[7] <= RANK_LABEL_INLINE;
	slice_of(e, &off, &len);
	return len > RANK_LABEL_INLINE && (size_t) off + len <= buffer_len;
}

/* A slice's offset moved on by shift bytes (its buffer was appended to another). */
static void
rank_label_shift(RankEntry *e, uint32_t shift)
{
	uint32_t	off;

	if (e->label[7] != TAG_SLICE || shift == 0)
		return;
	memcpy(&off, e->label, 4);
	off += shift;
	memcpy(e->label, &off, 4);
}

/* ---------- sorting and merging ---------- */

#define RADIX_NAME radix_sort_entries
#define RADIX_ELEMENT RankEntry
#define RADIX_KEY(x) ((x).key)
#define RADIX_SMALL RANK_RADIX_MIN
#include "radix_sort.h"

void
rank_sort(RankEntry *e, size_t n, RankEntry *tmp, ProfileTick tick)
{
	radix_sort_entries(e, n, tmp, tick);
}

bool
rank_is_sorted(const RankEntry *e, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (e[i - 1].key > e[i].key)
			return false;
	return true;
}

void
rank_merge_into(RankEntry *a, size_t na, const RankEntry *b, size_t nb, uint32_t label_shift)
{
	size_t		k = na + nb;

	/* from the back, so that a's entries move only once, into room that is free */
	while (nb > 0)
	{
		if (na > 0 && a[na - 1].key > b[nb - 1].key)
			a[--k] = a[--na];
		else
		{
			a[--k] = b[--nb];
			rank_label_shift(&a[k], label_shift);
		}
	}
}

/* What every member's figures need to know about its group. */
typedef struct GroupShape
{
	ProfileView view;
	double		q1,
				q3;				/* quartile band bounds */
	double		grade_lo,
				grade_hi;
} GroupShape;

/* Figures of the tied run sorted[lo..hi) among m members with a value. */
static void
run_figures(const GroupShape *g, size_t lo, size_t hi, bool higher_is_better, RankFigures *f)
{
	size_t		m = g->view.n;
	double		x = g->view.values[lo];

	f->rank = (int64_t) (higher_is_better ? m - hi : lo) + 1;
	f->percent_rank = (m > 1) ? (double) (f->rank - 1) / (double) (m - 1) : 0.0;
	f->cume_dist = (double) (higher_is_better ? m - lo : hi) / (double) m;
	f->band = profile_band_between(g->q1, g->q3, x, higher_is_better);
	f->grade = profile_grade_between(g->grade_lo, g->grade_hi, x, higher_is_better);
	f->group_size = (int64_t) m;
}

void
rank_walk(const RankEntry *sorted, size_t n, bool higher_is_better, double *values,
		  RankEmit emit, void *arg)
{
	size_t		m = 0;
	GroupShape	group;
	RankFigures f;

	while (m < n && sorted[m].key != RANK_NO_VALUE)
	{
		values[m] = rank_key_value(sorted[m].key);
		m++;
	}
	group.view.values = values;
	group.view.n = m;
	group.view.index = NULL;
	if (m > 0)
	{
		group.q1 = profile_quantile(&group.view, 0.25);
		group.q3 = profile_quantile(&group.view, 0.75);
		group.grade_lo = profile_quantile(&group.view, GRADE_LOW_QUANTILE);
		group.grade_hi = profile_quantile(&group.view, GRADE_HIGH_QUANTILE);
	}
	for (size_t r = 0; r < m;)
	{
		/* the r-th run from the best end: [lo, hi) in ascending order */
		size_t		lo,
					hi;

		if (higher_is_better)
		{
			hi = m - r;
			lo = hi - 1;
			while (lo > 0 && sorted[lo - 1].key == sorted[hi - 1].key)
				lo--;
		}
		else
		{
			lo = r;
			hi = lo + 1;
			while (hi < m && sorted[hi].key == sorted[lo].key)
				hi++;
		}
		run_figures(&group, lo, hi, higher_is_better, &f);
		for (size_t i = lo; i < hi; i++)
			emit(arg, &sorted[i], &f);
		r += hi - lo;
	}
	for (size_t i = m; i < n; i++)
		emit(arg, &sorted[i], NULL);
}
