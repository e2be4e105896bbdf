/*
 * styring.c - module magic and the error reporting the types share.
 */
#include "styring.h"

#include <limits.h>
#include <math.h>

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "styring", .version = STYRING_VERSION);
#else
PG_MODULE_MAGIC;
#endif

/* styring.profile_cache_size: see profile.c, profile_arg(). */
int			styring_profile_cache_kb = STYRING_PROFILE_CACHE_DEFAULT_KB;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("styring.profile_cache_size",
							"Memory a backend may keep, per transaction, for the profiles it read from tables.",
							"Ranking many rows against stored (toasted) profiles reads each profile once "
							"and keeps it, for every function of the query, up to this size in all; "
							"0 turns the cache off.",
							&styring_profile_cache_kb,
							STYRING_PROFILE_CACHE_DEFAULT_KB, 0, INT_MAX / 2,
							PGC_USERSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
	styring_profile_cache_init();
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("styring");
#else
	EmitWarningsOnPlaceholders("styring");
#endif
}

#define ERROR_QUOTE_MAX 100

char *
styring_quote_for_error(const char *text)
{
	size_t		len = strlen(text);
	int			cut;

	if (len <= ERROR_QUOTE_MAX)
		return pstrdup(text);
	cut = pg_mbcliplen(text, (int) len, ERROR_QUOTE_MAX);
	return psprintf("%.*s...", cut, text);
}

void
styring_report_target_error(TargetError rc, const char *text,
							const TargetParseError *perr, Node *escontext)
{
	char	   *shown = styring_quote_for_error(text);

	switch (rc)
	{
		case TARGET_OK:
			return;
		case TARGET_ERR_SYNTAX:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
								 errmsg("invalid input syntax for type styring.target: \"%s\"", shown),
								 errdetail("Expected %s at position %d.",
										   perr ? perr->expected : "a target",
										   perr ? perr->position + 1 : 1),
								 errhint("A target reads like \">= 90 by 2020 from 72 in 2015\", \"<= 4.5\" or \"= 100 ±2\".")));
			return;
		case TARGET_ERR_NUMBER_RANGE:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
								 errmsg("number out of range in target \"%s\"", shown),
								 perr ? errdetail("At position %d.", perr->position + 1) : 0));
			return;
		case TARGET_ERR_YEAR_RANGE:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
								 errmsg("year out of range in target \"%s\"", shown),
								 errdetail("Years run from %d to %d.", TARGET_MIN_YEAR, TARGET_MAX_YEAR)));
			return;
		case TARGET_ERR_NOT_FINITE:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("target \"%s\" has a number that is not finite", shown),
								 errdetail("NaN and infinity are not allowed in a target.")));
			return;
		case TARGET_ERR_TOLERANCE_OP:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("a tolerance goes only with \"=\", not in \"%s\"", shown),
								 errdetail("A \">=\" or \"<=\" target is met by any value on its side.")));
			return;
		case TARGET_ERR_NEGATIVE_TOLERANCE:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("tolerance must not be negative in target \"%s\"", shown)));
			return;
		case TARGET_ERR_YEAR_ORDER:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("baseline year must be before the target year in \"%s\"", shown),
								 errdetail("Expected progress grows from the baseline year to the target year.")));
			return;
		case TARGET_ERR_BASELINE_YEAR_ALONE:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("a baseline year needs a baseline value in target \"%s\"", shown)));
			return;
		case TARGET_ERR_ZERO_SPAN:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("target value equals the baseline in \"%s\"", shown),
								 errdetail("Progress (a - B) / (T - B) would divide by zero.")));
			return;
		case TARGET_ERR_ZERO_TARGET:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("target value is zero and there is no baseline in \"%s\"", shown),
								 errdetail("Progress without a baseline divides by the target value."),
								 errhint("Give a baseline: \"... from 12 in 2015\".")));
			return;
		case TARGET_ERR_NEGATIVE_TARGET:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("negative target value without a baseline in \"%s\"", shown),
								 errdetail("Progress without a baseline is the ratio a / T or T / a, which needs a positive target."),
								 errhint("Give a baseline: \"... from -2 in 2015\".")));
			return;
		case TARGET_ERR_BASELINE_MEETS:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
								 errmsg("the baseline already meets the target in \"%s\"", shown),
								 errdetail("Progress from the baseline towards the target would run backwards."),
								 errhint("Drop the baseline, or use \"=\" to hold a level.")));
			return;
		case TARGET_ERR_BINARY:
			STYRING_INPUT_ERROR(escontext,
								(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
								 errmsg("invalid binary representation for type styring.target")));
			return;
	}
	elog(ERROR, "unknown target error code %d", (int) rc);
}

void
styring_check_finite(double x, const char *what)
{
	if (isnan(x) || isinf(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not \"%s\"", what,
						isnan(x) ? "NaN" : (x > 0 ? "Infinity" : "-Infinity"))));
}

