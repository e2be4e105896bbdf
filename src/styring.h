/*
 * styring.h - what the fmgr-layer files of styring share.
 */
#ifndef STYRING_H
#define STYRING_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/array.h"

#include "core/target_core.h"

/* Soft input errors (pg_input_is_valid) exist from PostgreSQL 16 on. */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define STYRING_INPUT_ERROR(escontext, ...) errsave(escontext, __VA_ARGS__)
#else
#define STYRING_INPUT_ERROR(escontext, ...) ereport(ERROR, __VA_ARGS__)
#endif

#define DatumGetTargetP(X)		((StyringTarget *) DatumGetPointer(X))
#define PG_GETARG_TARGET_P(n)	DatumGetTargetP(PG_GETARG_DATUM(n))
#define PG_RETURN_TARGET_P(x)	PG_RETURN_POINTER(x)

/*
 * styring.profile_cache_size, in kB: the backend's cache of stored profiles,
 * one for all the functions of a transaction. 128 MB holds a national
 * ranking's profiles (1 000 groups of 10 000 values take 80 MB detoasted);
 * a query that needs more reads the rest again for every row, which is slow,
 * so the bound is generous: 20 dashboard sessions at it take 2.5 GB.
 */
#define STYRING_PROFILE_CACHE_DEFAULT_KB (128 * 1024)
extern int	styring_profile_cache_kb;

/* Sets up that cache (profile.c); called once by _PG_init. */
extern void styring_profile_cache_init(void);

/* A value shown in an error message, cut to a readable length. */
extern char *styring_quote_for_error(const char *text);

/*
 * Reports a target error (never returns for ERROR-level contexts; with a
 * soft-error context it records the error and returns).
 */
extern void styring_report_target_error(TargetError rc, const char *text,
										const TargetParseError *perr,
										Node *escontext);

/* Refuses NaN and infinities as members of a comparison group (22023). */
extern void styring_check_group_value(double v);

/* Refuses NaN and infinities in an argument, naming it (22023). */
extern void styring_check_finite(double x, const char *what);

#endif
