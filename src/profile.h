/*
 * profile.h - the styring.profile type as the fmgr layer sees it: its
 * on-disk form, and how to take it as an argument.
 *
 * On disk a profile is a varlena with a 32-byte header (format version,
 * count, mean and sum of squared deviations), then the search index over the
 * values (see core/profile_core.h), then the n values ascending. The format
 * version names the whole layout, the index's fan-out included: a build that
 * changes PROFILE_FANOUT must write a new version and keep reading version 1
 * with fan-out 32 (the assertion below stops it otherwise). The text and
 * binary forms carry the values only; the index is rebuilt on input.
 */
#ifndef STYRING_PROFILE_H
#define STYRING_PROFILE_H

#include "styring.h"
#include "core/profile_core.h"

typedef struct Profile
{
	int32		vl_len_;		/* varlena header */
	uint8		version;		/* PROFILE_FORMAT_VERSION */
	uint8		flags;			/* 0; reserved */
	uint16		reserved;		/* 0 */
	int32		n;				/* number of values, >= 1 */
	int32		reserved2;		/* 0 */
	double		mean;
	double		m2;				/* sum of squared deviations from the mean */
	double		data[FLEXIBLE_ARRAY_MEMBER];	/* the index, then n values ascending */
} Profile;

#define PROFILE_HEADER_SIZE offsetof(Profile, data)
#define VALUES(p) ((p)->data + profile_index_size((size_t) (p)->n))
#define PROFILE_SIZE(n) \
	(PROFILE_HEADER_SIZE + ((Size) (n) + profile_index_size(n)) * sizeof(double))

StaticAssertDecl(offsetof(Profile, data) == 32, "a profile's header is 32 bytes");
StaticAssertDecl(PROFILE_FORMAT_VERSION == 1 && PROFILE_FANOUT == 32,
				 "profile format version 1 is the fan-out-32 index: a new fan-out needs a new version");

/*
 * A profile argument, detoasted and checked. Stored (toasted) profiles come
 * from the backend's shared cache, so the result must never be modified or
 * freed; it lives at least until the end of the transaction.
 */
extern Profile *profile_arg(FunctionCallInfo fcinfo, int argno);	/* profile_cache.c */
extern void profile_check(const Profile *p);
#define PG_GETARG_PROFILE_P(n) profile_arg(fcinfo, (n))

#endif
