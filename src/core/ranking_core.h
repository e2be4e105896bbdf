/*
 * ranking_core.h - every member of a comparison group ranked in one pass.
 * Plain C.
 *
 * The ranks() aggregate collects each member's label (a unit code, say) and
 * value, sorts the members once, and gives every one of them the figures that
 * rank_in, percent_rank_in, cume_dist_in, quartile_band and grade would give
 * it against the group's profile. A member without a value (NULL) keeps its
 * label and gets no figures; it is not part of the group.
 */
#ifndef STYRING_RANKING_CORE_H
#define STYRING_RANKING_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "profile_core.h"

/*
 * One member. The value is held as a key that sorts like it (see
 * rank_value_key), so sorting compares integers; a member without a value
 * has the key RANK_NO_VALUE and sorts last. The label is a slice of a byte
 * buffer that the caller keeps beside the entries.
 */
typedef struct RankEntry
{
	uint64_t	key;
	uint32_t	label_off;
	int32_t		label_len;		/* RANK_NO_LABEL: NULL label */
} RankEntry;

#define RANK_NO_VALUE UINT64_MAX
#define RANK_NO_LABEL (-1)

/* A finite double's key (-0.0 as 0.0), and back. */
extern uint64_t rank_value_key(double v);
extern double rank_key_value(uint64_t key);

/* Ascending by key; tmp has room for n entries (NULL is fine below PROFILE_RADIX_MIN). */
extern void rank_sort(RankEntry *e, size_t n, RankEntry *tmp, ProfileTick tick);
extern bool rank_is_sorted(const RankEntry *e, size_t n);

/*
 * Merges two sorted runs into out (room for na + nb); b's labels are moved
 * label_shift bytes on, because the caller appends b's label bytes to a's.
 */
extern void rank_merge(const RankEntry *a, size_t na, const RankEntry *b, size_t nb,
					   uint32_t label_shift, RankEntry *out);

/* What ranks() reports about one member with a value. */
typedef struct RankFigures
{
	int64_t		rank;			/* competition rank, best = 1 */
	double		percent_rank;
	double		cume_dist;
	ProfileBand band;
	double		grade;
	int64_t		group_size;		/* members with a value */
} RankFigures;

/* Called for each member, best first; f is NULL for members without a value (last). */
typedef void (*RankEmit) (void *arg, const RankEntry *e, const RankFigures *f);

/*
 * Walks sorted entries and emits every member, best first. values has room
 * for n doubles (the group's values, ascending, for its quantiles).
 */
extern void rank_walk(const RankEntry *sorted, size_t n, bool higher_is_better,
					  double *values, RankEmit emit, void *arg);

#endif
