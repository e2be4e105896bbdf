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
} GoalpathRef;

extern GoalpathRef goalpath_ref(Datum d);
extern Datum goalpath_make(const uint8 *data, size_t len, int nlevels);
extern char *goalpath_to_cstring(GoalpathRef r);

#endif
