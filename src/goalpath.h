/*
 * goalpath.h - what goalpath.c shares with the chain roll-up (chain.c).
 */
#ifndef STYRING_GOALPATH_H
#define STYRING_GOALPATH_H

#include "postgres.h"

/* A goalpath's internal form (labels separated by 0x00), read in place. */
typedef struct GoalpathRef
{
	const uint8 *data;
	size_t		len;
	int			nlevels;
	struct varlena *detoasted;	/* what data points into */
	Pointer		original;		/* the argument as it came */
} GoalpathRef;

/* An argument or a Datum, detoasted (a compressed value is a copy: free it). */
extern GoalpathRef goalpath_ref(Datum d);
#define PG_GETARG_GOALPATH_REF(n) goalpath_ref(PG_GETARG_DATUM(n))

/* PG_FREE_IF_COPY for a GoalpathRef: comparisons in sorts and index builds must not leak. */
static inline void
goalpath_free_if_copy(GoalpathRef r)
{
	if ((Pointer) r.detoasted != r.original)
		pfree(r.detoasted);
}
extern Datum goalpath_make(const uint8 *data, size_t len, int nlevels);
extern char *goalpath_to_cstring(GoalpathRef r);

#endif
