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
 * has the key RANK_NO_VALUE and sorts last. A label of up to
 * RANK_LABEL_INLINE bytes (a unit code) is held in the entry itself; a longer
 * one is a slice of a byte buffer that the caller keeps beside the entries.
 * Read and write labels only through the rank_label_* functions.
 */
typedef struct RankEntry
{
	uint64_t	key;
	uint8_t		label[8];		/* inline bytes and their count, or a slice */
} RankEntry;

#define RANK_NO_VALUE UINT64_MAX
#define RANK_LABEL_INLINE 7
#define RANK_LABEL_MAX ((size_t) 0xFFFFFF)	/* a slice's length has 24 bits */

extern void rank_label_set_null(RankEntry *e);
/* Inline when len <= RANK_LABEL_INLINE, else the slice buffer[off, off + len). */
extern void rank_label_set(RankEntry *e, const char *bytes, size_t len, uint32_t off);
/* False for a NULL label; else its bytes (in the entry or in buffer) and length. */
extern bool rank_label_get(const RankEntry *e, const char *buffer, const char **bytes,
						   size_t *len);
/* Whether a label (from untrusted bytes) is well formed and inside a buffer of buffer_len. */
extern bool rank_label_valid(const RankEntry *e, size_t buffer_len);

/* A finite double's key (-0.0 as 0.0), and back. */
extern uint64_t rank_value_key(double v);
extern double rank_key_value(uint64_t key);

/* From this many entries on, rank_sort radix-sorts and needs its tmp buffer. */
#define RANK_RADIX_MIN 96

/* Ascending by key; tmp has room for n entries (NULL is fine below RANK_RADIX_MIN). */
extern void rank_sort(RankEntry *e, size_t n, RankEntry *tmp, ProfileTick tick);
extern bool rank_is_sorted(const RankEntry *e, size_t n);

/*
 * Merges the sorted run b into the sorted run a, which has room for na + nb
 * entries; b's slices move label_shift bytes on, because the caller appends
 * b's label buffer to a's.
 */
extern void rank_merge_into(RankEntry *a, size_t na, const RankEntry *b, size_t nb,
							uint32_t label_shift);

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
