/*
 * profile_core.h - a comparison group's values (sammenligningsgruppe,
 * jämförelsegrupp) and where a value stands in them. Plain C.
 *
 * A profile is the group's values sorted ascending. Every question about a
 * value - rank, percent rank, cumulative distribution, band, grade - is a
 * binary search, O(log n); quantiles are O(1). The rules are those of
 * doc/profile.md: they agree with PostgreSQL's
 * rank(), percent_rank(), cume_dist() and percentile_cont().
 */
#ifndef STYRING_PROFILE_CORE_H
#define STYRING_PROFILE_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "scan.h"
#include <string.h>

#define PROFILE_FORMAT_VERSION 1

/* Largest group: the on-disk form must stay below PostgreSQL's 1 GB. */
#define PROFILE_MAX_VALUES ((size_t) 120 * 1000 * 1000)

typedef enum ProfileError
{
	PROFILE_OK = 0,
	PROFILE_ERR_SYNTAX,			/* unparsable text (22P02) */
	PROFILE_ERR_NUMBER_RANGE,	/* a number overflows double (22003) */
	PROFILE_ERR_NOT_FINITE,		/* NaN or infinity (22023) */
	PROFILE_ERR_EMPTY,			/* no values (22023) */
	PROFILE_ERR_TOO_MANY,		/* more than PROFILE_MAX_VALUES (54000) */
	PROFILE_ERR_BINARY			/* malformed binary form (22P03) */
} ProfileError;

/* Called now and then in long loops; PostgreSQL passes its interrupt check. */
typedef void (*ProfileTick) (void);

/* ---------- building ---------- */

/* An unsigned key that sorts like the double: flip all bits of negatives. */
static inline uint64_t
profile_sort_key(double d)
{
	uint64_t	u;

	memcpy(&u, &d, sizeof(u));
	return (u & UINT64_C(0x8000000000000000)) ? ~u : u | UINT64_C(0x8000000000000000);
}

/* Below this many values profile_sort sorts by insertion and needs no tmp buffer. */
#define PROFILE_RADIX_MIN 96

/*
 * Sorts ascending; tmp has room for n doubles (NULL is fine below
 * PROFILE_RADIX_MIN). -0.0 must already be 0.0.
 */
extern void profile_sort(double *values, size_t n, double *tmp, ProfileTick tick);

/*
 * Mean and the sum of squared deviations of sorted values, summed in that
 * order with compensation: the same values give the same bits, however the
 * group was collected.
 */
extern void profile_moments(const double *values, size_t n, double *mean, double *m2);

/* Merges two sorted arrays into out (room for na + nb). */
extern void profile_merge_sorted(const double *a, size_t na, const double *b, size_t nb,
								 double *out);

/* ---------- the search index ---------- */

/*
 * Asking a profile about every row of a table visits thousands of profiles
 * in turn, so a lookup is bound by cache misses, not comparisons: a plain
 * binary search over 10 000 values misses about 14 times. The index is an
 * implicit static B-tree of fan-out 32 over the sorted values: level 1 holds
 * every 32nd value, level 2 every 32nd of level 1, and so on up to a level
 * of at most 32. A lookup scans one block of 32 doubles (four cache lines,
 * read in sequence) per level: 3 levels for 10 000 values. Fan-out 32 was
 * measured against 8, 16, 64 and 128 on 1 000 interleaved groups (8 took
 * a third longer; 64 and 128 longer again).
 */
#define PROFILE_FANOUT 32

/* Number of index entries for n values (0 when n <= PROFILE_FANOUT). */
extern size_t profile_index_size(size_t n);
extern void profile_build_index(const double *values, size_t n, double *index);

/* A profile's sorted values and their index, as the searches see them. */
typedef struct ProfileView
{
	const double *values;
	size_t		n;
	const double *index;		/* profile_index_size(n) entries */
} ProfileView;

/* ---------- questions ---------- */

/* Values < x, and values <= x. */
extern size_t profile_count_below(const ProfileView *p, double x);
extern size_t profile_count_at_or_below(const ProfileView *p, double x);

/* Competition rank, best = 1; a value outside the group as if added. */
extern int64_t profile_rank(const ProfileView *p, double x, bool higher_is_better);
extern double profile_percent_rank(const ProfileView *p, double x, bool higher_is_better);
extern double profile_cume_dist(const ProfileView *p, double x, bool higher_is_better);

/* percentile_cont(q) WITHIN GROUP (ORDER BY v); q in [0, 1]. */
extern double profile_quantile(const ProfileView *p, double q);

typedef enum ProfileBand
{
	BAND_BOTTOM = -1,
	BAND_MIDDLE = 0,
	BAND_TOP = 1
} ProfileBand;

extern ProfileBand profile_quartile_band(const ProfileView *p, double x,
										 bool higher_is_better);
extern const char *profile_band_label(ProfileBand b);
/* The same, from the group's 0.25 and 0.75 quantiles. */
extern ProfileBand profile_band_between(double q1, double q3, double x, bool higher_is_better);

#define GRADE_LOW_QUANTILE 0.05
#define GRADE_HIGH_QUANTILE 0.95
extern double profile_grade(const ProfileView *p, double x, bool higher_is_better);
/* The same, from the group's GRADE_LOW_QUANTILE and GRADE_HIGH_QUANTILE. */
extern double profile_grade_between(double lo, double hi, double x, bool higher_is_better);

/* ---------- text and binary forms ---------- */

/* An upper bound on the number of values in a text form (commas + 1). */
extern size_t profile_text_capacity(const char *text);

/* "{1.5,2,3}" in any order; out has room for cap values. Not sorted here. */
extern ProfileError profile_parse(const char *text, double *out, size_t cap, size_t *n,
								  ScanError *err);

/* Bytes that profile_format needs, with the NUL. */
extern size_t profile_text_size(size_t n);
extern size_t profile_format(const double *v, size_t n, char *buf, size_t buflen);

/*
 * Binary form: version byte, int32 count (big-endian), then the values as
 * big-endian float8: ascending in a profile, in any order in an aggregate's
 * partial state. Decoding checks all of it (order only when asked).
 */
extern size_t profile_binary_size(size_t n);
extern void profile_encode(const double *v, size_t n, uint8_t *buf);
extern ProfileError profile_decode_header(const uint8_t *buf, size_t len, size_t *n);
extern ProfileError profile_decode(const uint8_t *buf, size_t len, double *out, size_t n,
								   bool ascending);

#endif
