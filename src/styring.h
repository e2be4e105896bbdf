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

/* styring.profile_cache_size, in kB */
extern int	styring_profile_cache_kb;

/* A value shown in an error message, cut to a readable length. */
extern char *styring_quote_for_error(const char *text);

/*
 * Reports a target error (never returns for ERROR-level contexts; with a
 * soft-error context it records the error and returns).
 */
extern void styring_report_target_error(TargetError rc, const char *text,
										const TargetParseError *perr,
										Node *escontext);

/*
 * The implicit casts from text and varchar to each of our types: the string
 * through the type's input function, so a client that binds a styring value
 * as a string (pgJDBC's varchar, ODBC's SQL_VARCHAR) gets what a literal gets.
 */
extern Datum styring_text_to(FunctionCallInfo fcinfo, PGFunction input);

/* Refuses NaN and infinities in an argument, naming it (22023). */
extern void styring_check_finite(double x, const char *what);

#endif
