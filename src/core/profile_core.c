/*
 * profile_core.c - sort, summarise, search and (de)serialise a group's values.
 */
#include "profile_core.h"
#include "number.h"
#include "sum.h"

#include <math.h>
#include <string.h>

/* ---------- building ---------- */

static inline size_t
Min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

#define RADIX_NAME radix_sort_doubles
#define RADIX_ELEMENT double
#define RADIX_KEY(x) profile_sort_key(x)
#define RADIX_SMALL PROFILE_RADIX_MIN
#include "radix_sort.h"

void
profile_sort(double *values, size_t n, double *tmp, ProfileTick tick)
{
	radix_sort_doubles(values, n, tmp, tick);
}

void
profile_moments(const double *v, size_t n, double *mean, double *m2)
{
	double		sum = 0,
				comp = 0,
				sq = 0,
				sqcomp = 0;
	double		m;

	for (size_t i = 0; i < n; i++)
		compensated_add(&sum, &comp, v[i]);
	m = (sum + comp) / (double) n;
	/* Two passes: deviations from the mean do not cancel catastrophically. */
	for (size_t i = 0; i < n; i++)
		compensated_add(&sq, &sqcomp, (v[i] - m) * (v[i] - m));
	*mean = m;
	*m2 = sq + sqcomp;
}

void
profile_merge_sorted(const double *a, size_t na, const double *b, size_t nb, double *out)
{
	size_t		i = 0,
				j = 0,
				k = 0;

	while (i < na && j < nb)
		out[k++] = (b[j] < a[i]) ? b[j++] : a[i++];
	while (i < na)
		out[k++] = a[i++];
	while (j < nb)
		out[k++] = b[j++];
}

/* ---------- the search index ---------- */

static size_t
level_size(size_t below)
{
	return (below + PROFILE_FANOUT - 1) / PROFILE_FANOUT;
}

size_t
profile_index_size(size_t n)
{
	size_t		total = 0;

	for (size_t s = n; s > PROFILE_FANOUT; s = level_size(s))
		total += level_size(s);
	return total;
}

/*
 * The levels' sizes, level 1 (every PROFILE_FANOUT-th value) first; returns the number of
 * levels. 64 levels would index more values than a size_t can count.
 */
static int
level_sizes(size_t n, size_t size[64])
{
	int			depth = 0;

	for (size_t s = n; s > PROFILE_FANOUT; s = level_size(s))
		size[depth++] = level_size(s);
	return depth;
}

/*
 * Levels are stored top down: the smallest level first, level 1 last. The
 * upper levels are what every lookup reads, so keeping them together (and
 * next to the profile's header) keeps them in cache.
 */
void
profile_build_index(const double *values, size_t n, double *index)
{
	size_t		size[64];
	size_t		offset[64];
	int			depth = level_sizes(n, size);
	size_t		at = 0;

	for (int j = depth - 1; j >= 0; j--)
	{
		offset[j] = at;
		at += size[j];
	}
	for (int j = 0; j < depth; j++)
	{
		const double *below = (j == 0) ? values : index + offset[j - 1];

		for (size_t i = 0; i < size[j]; i++)
			index[offset[j] + i] = below[i * PROFILE_FANOUT];
	}
}

/* Entries of blk[0..len) below x (or at or below x), without branches. */
static inline size_t
count_in_block(const double *blk, size_t len, double x, bool inclusive)
{
	size_t		c = 0;

	if (inclusive)
		for (size_t i = 0; i < len; i++)
			c += blk[i] <= x;
	else
		for (size_t i = 0; i < len; i++)
			c += blk[i] < x;
	return c;
}

/*
 * The number of values below x (or at or below it). Invariant: cnt entries
 * of the current level are below x, so the answer one level down lies in
 * the block that starts at the last of them.
 */
static size_t
indexed_count(const ProfileView *p, double x, bool inclusive)
{
	size_t		size[64];
	int			depth = level_sizes(p->n, size);
	const double *level = p->index;	/* the top level comes first */
	size_t		cnt;

	if (depth == 0)
		return count_in_block(p->values, p->n, x, inclusive);
	cnt = count_in_block(level, size[depth - 1], x, inclusive);
	for (int j = depth - 1; j >= 0; j--)
	{
		const double *below = (j == 0) ? p->values : level + size[j];
		size_t		below_size = (j == 0) ? p->n : size[j - 1];
		size_t		start;

		if (cnt == 0)
			return 0;			/* even the first entry is not below x */
		start = (cnt - 1) * PROFILE_FANOUT;
		cnt = start + count_in_block(below + start,
									 Min_size(PROFILE_FANOUT, below_size - start), x, inclusive);
		level = below;
	}
	return cnt;
}

size_t
profile_count_below(const ProfileView *p, double x)
{
	return indexed_count(p, x, false);
}

size_t
profile_count_at_or_below(const ProfileView *p, double x)
{
	return indexed_count(p, x, true);
}

/* ---------- questions ---------- */

/* Values that rank strictly better than x. */
static size_t
count_better(const ProfileView *p, double x, bool higher_is_better)
{
	return higher_is_better ? p->n - profile_count_at_or_below(p, x)
		: profile_count_below(p, x);
}

/* A value equal to a member is that member; any other is added to the group. */
static bool
is_member(const ProfileView *p, size_t below, double x)
{
	return below < p->n && p->values[below] == x;
}

int64_t
profile_rank(const ProfileView *p, double x, bool higher_is_better)
{
	return (int64_t) count_better(p, x, higher_is_better) + 1;
}

/* (rank - 1) / (N - 1), as percent_rank() computes it; 0 for a group of one. */
double
profile_percent_rank(const ProfileView *p, double x, bool higher_is_better)
{
	size_t		below = profile_count_below(p, x);
	size_t		at_or_below = profile_count_at_or_below(p, x);
	int64_t		total = (int64_t) p->n + (is_member(p, below, x) ? 0 : 1);
	int64_t		rank = (int64_t) (higher_is_better ? p->n - at_or_below : below) + 1;

	if (total <= 1)
		return 0.0;
	return (double) (rank - 1) / (double) (total - 1);
}

/* Rows before x or tied with it, over N, as cume_dist() computes it. */
double
profile_cume_dist(const ProfileView *p, double x, bool higher_is_better)
{
	size_t		below = profile_count_below(p, x);
	bool		member = is_member(p, below, x);
	int64_t		total = (int64_t) p->n + (member ? 0 : 1);
	size_t		not_worse = higher_is_better ? p->n - below : profile_count_at_or_below(p, x);

	return (double) ((int64_t) not_worse + (member ? 0 : 1)) / (double) total;
}

/* The same arithmetic as percentile_cont's float8 path (orderedsetaggs.c). */
double
profile_quantile(const ProfileView *p, double q)
{
	const double *v = p->values;
	size_t		n = p->n;
	double		pos = q * (double) (n - 1);
	size_t		first = (size_t) floor(pos);
	size_t		second = (size_t) ceil(pos);
	double		proportion = pos - (double) first;

	if (second >= n)
		second = n - 1;
	if (first >= n)
		first = n - 1;
	if (first == second)
		return v[first];
	return v[first] + (proportion * (v[second] - v[first]));
}

ProfileBand
profile_quartile_band(const ProfileView *p, double x, bool higher_is_better)
{
	return profile_band_between(profile_quantile(p, 0.25), profile_quantile(p, 0.75),
								x, higher_is_better);
}

ProfileBand
profile_band_between(double q1, double q3, double x, bool higher_is_better)
{
	if (q1 == q3)
		return BAND_MIDDLE;
	if (higher_is_better)
		return x >= q3 ? BAND_TOP : (x <= q1 ? BAND_BOTTOM : BAND_MIDDLE);
	return x <= q1 ? BAND_TOP : (x >= q3 ? BAND_BOTTOM : BAND_MIDDLE);
}

const char *
profile_band_label(ProfileBand b)
{
	return b == BAND_TOP ? "top" : (b == BAND_BOTTOM ? "bottom" : "middle");
}

/*
 * Grade 1-6 in the style of Kommunebarometeret: at or past the 95th
 * percentile (the best 5 %) is 6, at or past the 5th (the worst 5 %) is 1,
 * and in between the grade is linear in the value's distance between the
 * two; mirrored when lower is better. Without spread (p5 = p95) every value
 * at it gets the middle grade 3.5, better values 6 and worse 1.
 */
double
profile_grade(const ProfileView *p, double x, bool higher_is_better)
{
	return profile_grade_between(profile_quantile(p, GRADE_LOW_QUANTILE),
								 profile_quantile(p, GRADE_HIGH_QUANTILE), x, higher_is_better);
}

double
profile_grade_between(double lo, double hi, double x, bool higher_is_better)
{
	double		g;

	if (hi == lo)
		g = x > hi ? 6.0 : (x < lo ? 1.0 : 3.5);
	else if (x >= hi)
		g = 6.0;
	else if (x <= lo)
		g = 1.0;
	else
		g = 1.0 + 5.0 * ((x - lo) / (hi - lo));
	return higher_is_better ? g : 7.0 - g;
}

/* ---------- text ---------- */

size_t
profile_text_capacity(const char *text)
{
	size_t		commas = 0;

	for (const char *p = text; *p; p++)
		if (*p == ',')
			commas++;
	return commas + 1;
}

ProfileError
profile_parse(const char *text, double *out, size_t cap, size_t *n, ScanError *err)
{
	const char *p = scan_skip_space(text);
	const char *end;
	size_t		count = 0;

	if (*p != '{')
		return scan_error_here(err, text, p, "\"{\""), PROFILE_ERR_SYNTAX;
	p = scan_skip_space(p + 1);
	if (*p == '}')
		return scan_error_here(err, text, p, "a number"), PROFILE_ERR_EMPTY;
	for (;;)
	{
		double		d;

		switch (scan_double(p, &d, &end))
		{
			case NUMBER_OK:
				break;
			case NUMBER_RANGE:
				return scan_error_here(err, text, p, "a number"), PROFILE_ERR_NUMBER_RANGE;
			case NUMBER_NOT_FINITE:
				return scan_error_here(err, text, p, "a finite number"), PROFILE_ERR_NOT_FINITE;
			default:
				return scan_error_here(err, text, p, "a number"), PROFILE_ERR_SYNTAX;
		}
		if (count >= cap || count >= PROFILE_MAX_VALUES)
			return scan_error_here(err, text, p, NULL), PROFILE_ERR_TOO_MANY;
		out[count++] = d;
		p = scan_skip_space(end);
		if (*p == ',')
		{
			p = scan_skip_space(p + 1);
			continue;
		}
		if (*p == '}')
			break;
		return scan_error_here(err, text, p, "\",\" or \"}\""), PROFILE_ERR_SYNTAX;
	}
	p = scan_skip_space(p + 1);
	if (*p != '\0')
		return scan_error_here(err, text, p, "end of input"), PROFILE_ERR_SYNTAX;
	*n = count;
	return PROFILE_OK;
}

size_t
profile_text_size(size_t n)
{
	return n * (DOUBLE_TEXT_MAX + 1) + 3;
}

size_t
profile_format(const double *v, size_t n, char *buf, size_t buflen)
{
	size_t		len = 0;

	if (buflen < profile_text_size(n))
		return 0;
	buf[len++] = '{';
	for (size_t i = 0; i < n; i++)
	{
		if (i > 0)
			buf[len++] = ',';
		len += format_double_shortest(v[i], buf + len, buflen - len);
	}
	buf[len++] = '}';
	buf[len] = '\0';
	return len;
}

/* ---------- binary ---------- */

size_t
profile_binary_size(size_t n)
{
	return 1 + 4 + 8 * n;
}

void
profile_encode(const double *v, size_t n, uint8_t *buf)
{
	size_t		pos = 0;

	buf[pos++] = PROFILE_FORMAT_VERSION;
	put_be32(buf + pos, (uint32_t) n);
	pos += 4;
	for (size_t i = 0; i < n; i++, pos += 8)
		put_be_double(buf + pos, v[i]);
}

ProfileError
profile_decode_header(const uint8_t *buf, size_t len, size_t *n)
{
	uint32_t	count;

	if (len < 5 || buf[0] != PROFILE_FORMAT_VERSION)
		return PROFILE_ERR_BINARY;
	count = get_be32(buf + 1);
	if (count == 0)
		return PROFILE_ERR_EMPTY;
	if (count > PROFILE_MAX_VALUES)
		return PROFILE_ERR_TOO_MANY;
	if ((len - 5) / 8 != count || (len - 5) % 8 != 0)
		return PROFILE_ERR_BINARY;
	*n = count;
	return PROFILE_OK;
}

/* Every value finite, -0.0 refused (we never send it), ascending if asked. */
ProfileError
profile_decode(const uint8_t *buf, size_t len, double *out, size_t n, bool ascending)
{
	size_t		pos = 5;

	if (profile_binary_size(n) != len)
		return PROFILE_ERR_BINARY;
	for (size_t i = 0; i < n; i++, pos += 8)
	{
		uint64_t	u = get_be64(buf + pos);

		memcpy(&out[i], &u, sizeof(u));
		if (!isfinite(out[i]))
			return PROFILE_ERR_NOT_FINITE;
		if (u == UINT64_C(0x8000000000000000) || (ascending && i > 0 && out[i] < out[i - 1]))
			return PROFILE_ERR_BINARY;
	}
	return PROFILE_OK;
}
