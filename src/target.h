/*
 * target.h - the styring.target type as the fmgr layer sees it: its on-disk
 * struct (StyringTarget, in core/target_core.h) and how to take and return
 * it. Its errors are a table beside its I/O functions in target.c.
 */
#ifndef STYRING_TARGET_H
#define STYRING_TARGET_H

#include "styring.h"
#include "core/target_core.h"

/* The install scripts declare INTERNALLENGTH = 40, ALIGNMENT = double. */
StaticAssertDecl(sizeof(StyringTarget) == 40, "styring.target is 40 bytes on disk");
StaticAssertDecl(offsetof(StyringTarget, value) == 0, "styring.target starts with a double");

/*
 * A target is fixed-length and stored plain, so it is never toasted: an
 * argument is never a copy, and there is nothing to free.
 */
#define DatumGetTargetP(X)		((StyringTarget *) DatumGetPointer(X))
#define PG_GETARG_TARGET_P(n)	DatumGetTargetP(PG_GETARG_DATUM(n))
#define PG_RETURN_TARGET_P(x)	PG_RETURN_POINTER(x)

#endif
