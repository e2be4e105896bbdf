/*
 * goalpath.h - the styring.goalpath type as the fmgr layer sees it: how to
 * take it as an argument (GoalpathRef, read in place), free a detoasted copy,
 * and make one. Its errors are a table beside its I/O functions in
 * goalpath.c; the chain roll-up (chain.c) uses it too.
 *
 * On disk: a varlena of a version byte (GOALPATH_FORMAT_VERSION), the number
 * of levels, and the labels separated by 0x00. The install script declares
 * ALIGNMENT = int4 although the data are bytes; 0.1.0 stored values that way,
 * and a type's alignment is part of how tables on disk are laid out, so it
 * stays (it costs at most 3 bytes of padding per value).
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
