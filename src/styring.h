/*
 * styring.h - what the fmgr-layer files of styring share.
 */
#ifndef STYRING_H
#define STYRING_H

#include "postgres.h"
#include "fmgr.h"
#include "nodes/nodes.h"
#include "utils/array.h"

#include "core/scan.h"

/* Soft input errors (pg_input_is_valid) exist from PostgreSQL 16 on. */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define STYRING_INPUT_ERROR(escontext, ...) errsave(escontext, __VA_ARGS__)
#else
#define STYRING_INPUT_ERROR(escontext, ...) ereport(ERROR, __VA_ARGS__)
#endif

/* Registration of a capability's settings and callbacks; _PG_init calls each once. */
extern void styring_profile_cache_register(void);	/* profile_cache.c */

/* A value shown in an error message, cut to a readable length. */
extern char *styring_quote_for_error(const char *text);

/*
 * How one error code of a type's parser or binary codec is reported: each
 * type keeps a table of these beside its I/O functions (see target.c).
 */
typedef enum StyringDetail
{
	DETAIL_TEXT,				/* detail is fixed text, or NULL for none */
	DETAIL_EXPECTED,			/* "Expected <what the parser wanted> at position N." */
	DETAIL_AT_POSITION,			/* detail is a format with one %d: the position */
	DETAIL_CHARACTER			/* detail is a format with %s, the offending character, and %d */
} StyringDetail;

typedef struct StyringError
{
	int			code;			/* the core's error code */
	int			sqlstate;		/* ERRCODE_... */
	const char *message;		/* a format whose one %s is the input, quoted */
	StyringDetail detail_kind;
	const char *detail;
	const char *hint;			/* NULL for none */
} StyringError;

/*
 * Reports error code `code` of a type from its table (the input text, cut to
 * a readable length, goes into the message). Never returns for ERROR-level
 * contexts; with a soft-error context it records the error and returns.
 */
extern void styring_report_error(const StyringError *table, int entries, int code,
								 const char *text, const ScanError *perr,
								 Node *escontext);
#define STYRING_REPORT_ERROR(table, code, text, perr, escontext) \
	styring_report_error((table), lengthof(table), (code), (text), (perr), (escontext))

/*
 * The memory context of the aggregate that called an aggregate support
 * function; a call from anywhere else is refused (0A000).
 */
extern MemoryContext styring_agg_context(FunctionCallInfo fcinfo);

/* Refuses NaN and infinities as members of a comparison group (22023). */
extern void styring_check_group_value(double v);

/* Refuses NaN and infinities in an argument, naming it (22023). */
extern void styring_check_finite(double x, const char *what);

#endif
