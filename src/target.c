/*
 * target.c - the styring.target type: I/O, comparison, hashing, the
 * constructor and the accessors. The formulas are in attainment.c.
 */
#include "target.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

PG_FUNCTION_INFO_V1(target_in);
PG_FUNCTION_INFO_V1(target_out);
PG_FUNCTION_INFO_V1(target_recv);
PG_FUNCTION_INFO_V1(target_send);
PG_FUNCTION_INFO_V1(target_cmp);
PG_FUNCTION_INFO_V1(target_eq);
PG_FUNCTION_INFO_V1(target_ne);
PG_FUNCTION_INFO_V1(target_lt);
PG_FUNCTION_INFO_V1(target_le);
PG_FUNCTION_INFO_V1(target_gt);
PG_FUNCTION_INFO_V1(target_ge);
PG_FUNCTION_INFO_V1(target_hash);
PG_FUNCTION_INFO_V1(target_hash_extended);
PG_FUNCTION_INFO_V1(target_smaller);
PG_FUNCTION_INFO_V1(target_larger);
PG_FUNCTION_INFO_V1(make_target);
PG_FUNCTION_INFO_V1(target_op);
PG_FUNCTION_INFO_V1(target_value);
PG_FUNCTION_INFO_V1(target_tolerance);
PG_FUNCTION_INFO_V1(target_year);
PG_FUNCTION_INFO_V1(target_baseline);
PG_FUNCTION_INFO_V1(target_baseline_year);
PG_FUNCTION_INFO_V1(target_higher_is_better);

/* Every TargetError, as a user sees it. */
static const StyringError target_errors[] = {
	{TARGET_ERR_SYNTAX, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"invalid input syntax for type styring.target: \"%s\"",
		DETAIL_EXPECTED, "a target",
	"A target reads like \">= 90 by 2020 from 72 in 2015\", \"<= 4.5\" or \"= 100 ±2\"."},
	{TARGET_ERR_NUMBER_RANGE, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
		"number out of range in target \"%s\"", DETAIL_AT_POSITION, "At position %d.", NULL},
	{TARGET_ERR_YEAR_RANGE, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
		"year out of range in target \"%s\"",
		DETAIL_TEXT, "Years run from " CppAsString2(TARGET_MIN_YEAR) " to " CppAsString2(TARGET_MAX_YEAR) ".", NULL},
	{TARGET_ERR_NOT_FINITE, ERRCODE_INVALID_PARAMETER_VALUE,
		"target \"%s\" has a number that is not finite",
		DETAIL_TEXT, "NaN and infinity are not allowed in a target.", NULL},
	{TARGET_ERR_TOLERANCE_OP, ERRCODE_INVALID_PARAMETER_VALUE,
		"a tolerance goes only with \"=\", not in \"%s\"",
		DETAIL_TEXT, "A \">=\" or \"<=\" target is met by any value on its side.", NULL},
	{TARGET_ERR_NEGATIVE_TOLERANCE, ERRCODE_INVALID_PARAMETER_VALUE,
		"tolerance must not be negative in target \"%s\"", DETAIL_TEXT, NULL, NULL},
	{TARGET_ERR_YEAR_ORDER, ERRCODE_INVALID_PARAMETER_VALUE,
		"baseline year must be before the target year in \"%s\"",
		DETAIL_TEXT, "Expected progress grows from the baseline year to the target year.", NULL},
	{TARGET_ERR_BASELINE_YEAR_ALONE, ERRCODE_INVALID_PARAMETER_VALUE,
		"a baseline year needs a baseline value in target \"%s\"", DETAIL_TEXT, NULL, NULL},
	{TARGET_ERR_ZERO_SPAN, ERRCODE_INVALID_PARAMETER_VALUE,
		"target value equals the baseline in \"%s\"",
		DETAIL_TEXT, "Progress (a - B) / (T - B) would divide by zero.", NULL},
	{TARGET_ERR_ZERO_TARGET, ERRCODE_INVALID_PARAMETER_VALUE,
		"target value is zero and there is no baseline in \"%s\"",
		DETAIL_TEXT, "Progress without a baseline divides by the target value.",
	"Give a baseline: \"... from 12 in 2015\"."},
	{TARGET_ERR_NEGATIVE_TARGET, ERRCODE_INVALID_PARAMETER_VALUE,
		"negative target value without a baseline in \"%s\"",
		DETAIL_TEXT, "Progress without a baseline is the ratio a / T or T / a, which needs a positive target.",
	"Give a baseline: \"... from -2 in 2015\"."},
	{TARGET_ERR_BASELINE_MEETS, ERRCODE_INVALID_PARAMETER_VALUE,
		"the baseline already meets the target in \"%s\"",
		DETAIL_TEXT, "Progress from the baseline towards the target would run backwards.",
	"Drop the baseline, or use \"=\" to hold a level."},
	{TARGET_ERR_BINARY, ERRCODE_INVALID_BINARY_REPRESENTATION,
		"invalid binary representation for type styring.target", DETAIL_TEXT, NULL, NULL},
};

static StyringTarget *
copy_target(const StyringTarget *t)
{
	StyringTarget *result = palloc(sizeof(StyringTarget));

	memcpy(result, t, sizeof(StyringTarget));
	return result;
}

static char *
format_target(const StyringTarget *t)
{
	char	   *buf = palloc(TARGET_TEXT_MAX);

	target_format(t, GetDatabaseEncoding() == PG_UTF8, buf, TARGET_TEXT_MAX);
	return buf;
}

/* The parser reads UTF-8 ("±", "≥", "≤"); other encodings are converted. */
Datum
target_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	char	   *utf8 = text;
	StyringTarget t;
	ScanError perr = {0};
	TargetError rc;

	if (GetDatabaseEncoding() != PG_UTF8)
		utf8 = pg_server_to_any(text, (int) strlen(text), PG_UTF8);
	rc = target_parse(utf8, &t, &perr);
	if (rc != TARGET_OK)
	{
#if PG_VERSION_NUM >= 160000
		STYRING_REPORT_ERROR(target_errors, rc, text, &perr, fcinfo->context);
		PG_RETURN_NULL();
#else
		STYRING_REPORT_ERROR(target_errors, rc, text, &perr, NULL);
#endif
	}
	PG_RETURN_TARGET_P(copy_target(&t));
}

Datum
target_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(format_target(PG_GETARG_TARGET_P(0)));
}

/* Binary input is untrusted: the core decoder checks every byte. */
Datum
target_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	StyringTarget t;
	TargetError rc;
	size_t		len = (size_t) (buf->len - buf->cursor);

	memset(&t, 0, sizeof(t));
	rc = target_decode((const uint8_t *) buf->data + buf->cursor, len, &t);
	if (rc == TARGET_ERR_BINARY)
		STYRING_REPORT_ERROR(target_errors, rc, "", NULL, NULL);
	else if (rc != TARGET_OK)
		STYRING_REPORT_ERROR(target_errors, rc, format_target(&t), NULL, NULL);
	buf->cursor = buf->len;
	PG_RETURN_TARGET_P(copy_target(&t));
}

Datum
target_send(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);
	uint8_t		bytes[TARGET_BINARY_MAX];
	size_t		n = target_encode(t, bytes);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, (int) n);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* ---------- comparison and hashing ---------- */

#define TARGET_CMP(a, b) target_compare(PG_GETARG_TARGET_P(a), PG_GETARG_TARGET_P(b))

Datum
target_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(TARGET_CMP(0, 1));
}

Datum
target_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TARGET_CMP(0, 1) == 0);
}

Datum
target_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TARGET_CMP(0, 1) != 0);
}

Datum
target_lt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TARGET_CMP(0, 1) < 0);
}

Datum
target_le(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TARGET_CMP(0, 1) <= 0);
}

Datum
target_gt(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TARGET_CMP(0, 1) > 0);
}

Datum
target_ge(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(TARGET_CMP(0, 1) >= 0);
}

/* min() and max(): the transition and combine function of each. */
Datum
target_smaller(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(TARGET_CMP(0, 1) <= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

Datum
target_larger(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(TARGET_CMP(0, 1) >= 0 ? PG_GETARG_DATUM(0) : PG_GETARG_DATUM(1));
}

/*
 * Hash the canonical bytes: every constructor canonicalizes (absent fields
 * and reserved bytes zero, no -0.0), so equal targets have equal bytes.
 */
Datum
target_hash(PG_FUNCTION_ARGS)
{
	StyringTarget t = *PG_GETARG_TARGET_P(0);

	target_canonicalize(&t);
	return hash_any((const unsigned char *) &t, sizeof(t));
}

Datum
target_hash_extended(PG_FUNCTION_ARGS)
{
	StyringTarget t = *PG_GETARG_TARGET_P(0);

	target_canonicalize(&t);
	return hash_any_extended((const unsigned char *) &t, sizeof(t),
							 PG_GETARG_INT64(1));
}

/* ---------- constructor ---------- */

static int
parse_op_argument(text *op)
{
	char	   *s = text_to_cstring(op);

	if (strcmp(s, ">=") == 0 || strcmp(s, "\xE2\x89\xA5") == 0)
		return TARGET_OP_GE;
	if (strcmp(s, "<=") == 0 || strcmp(s, "\xE2\x89\xA4") == 0)
		return TARGET_OP_LE;
	if (strcmp(s, "=") == 0)
		return TARGET_OP_EQ;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid target operator \"%s\"", styring_quote_for_error(s)),
			 errhint("Use \">=\" (higher is better), \"<=\" (lower is better) or \"=\".")));
	return 0;
}

/*
 * make_target(op, value, by_year, baseline, baseline_year, tolerance):
 * NULL op or value gives NULL; the other NULLs mean "not given".
 */
Datum
make_target(PG_FUNCTION_ARGS)
{
	StyringTarget t;
	TargetError rc;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	memset(&t, 0, sizeof(t));
	t.version = TARGET_FORMAT_VERSION;
	t.op = (uint8_t) parse_op_argument(PG_GETARG_TEXT_PP(0));
	t.value = PG_GETARG_FLOAT8(1);
	if (!PG_ARGISNULL(2))
	{
		t.year = PG_GETARG_INT32(2);
		t.flags |= TARGET_HAS_YEAR;
	}
	if (!PG_ARGISNULL(3))
	{
		t.baseline = PG_GETARG_FLOAT8(3);
		t.flags |= TARGET_HAS_BASELINE;
	}
	if (!PG_ARGISNULL(4))
	{
		t.baseline_year = PG_GETARG_INT32(4);
		t.flags |= TARGET_HAS_BASELINE_YEAR;
	}
	if (!PG_ARGISNULL(5))
	{
		t.tolerance = PG_GETARG_FLOAT8(5);
		t.flags |= TARGET_HAS_TOLERANCE;
	}
	rc = target_validate(&t);
	if (rc != TARGET_OK)
		STYRING_REPORT_ERROR(target_errors, rc, format_target(&t), NULL, NULL);
	target_canonicalize(&t);
	PG_RETURN_TARGET_P(copy_target(&t));
}

/* ---------- accessors ---------- */

Datum
target_op(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(target_op_symbol(PG_GETARG_TARGET_P(0)->op)));
}

Datum
target_value(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_TARGET_P(0)->value);
}

/* Every "=" target has a tolerance (0 unless given); others have none. */
Datum
target_tolerance(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);

	if (t->op != TARGET_OP_EQ)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(t->tolerance);
}

Datum
target_year(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);

	if (!(t->flags & TARGET_HAS_YEAR))
		PG_RETURN_NULL();
	PG_RETURN_INT32(t->year);
}

Datum
target_baseline(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);

	if (!(t->flags & TARGET_HAS_BASELINE))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(t->baseline);
}

Datum
target_baseline_year(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);

	if (!(t->flags & TARGET_HAS_BASELINE_YEAR))
		PG_RETURN_NULL();
	PG_RETURN_INT32(t->baseline_year);
}

/* true for ">=", false for "<=", NULL for "=" (neither direction). */
Datum
target_higher_is_better(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);

	if (t->op == TARGET_OP_EQ)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(t->op == TARGET_OP_GE);
}
