/*
 * eval_usage.h - the styring.eval_usage type as the fmgr layer sees it: one
 * byte, a bit per use (core/eval_usage_core.h), passed by value, so there is
 * never a copy to free; and how its errors are reported (the table is in
 * evaluation.c).
 */
#ifndef STYRING_EVAL_USAGE_H
#define STYRING_EVAL_USAGE_H

#include "styring.h"
#include "core/eval_usage_core.h"

/* The install scripts declare INTERNALLENGTH = 1, PASSEDBYVALUE, ALIGNMENT = char. */
StaticAssertDecl(USAGE_KINDS <= 8, "styring.eval_usage holds one bit per use in one byte");

#define DatumGetEvalUsage(X)		((uint8) DatumGetChar(X))
#define PG_GETARG_EVAL_USAGE(n)		DatumGetEvalUsage(PG_GETARG_DATUM(n))
#define PG_RETURN_EVAL_USAGE(x)		return CharGetDatum((char) (x))

#endif
