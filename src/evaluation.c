/*
 * evaluation.c - what evaluations cost and whether they are used (Resultatstyrning 2009, Kvalitetsnätverk Bergslagen):
 * evaluation_cost, the evaluation_summary aggregate and ownership_problem
 * (the eval_usage type itself is in eval_usage.c).
 *
 * Money is numeric all the way: sums are exact, equal to numeric sums to the
 * øre (and beyond) at any size. The hourly rate is always an argument.
 */
#include "eval_usage.h"

#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/float.h"
#include "utils/numeric.h"

#include "core/eval_usage_core.h"

PG_FUNCTION_INFO_V1(evaluation_cost);
PG_FUNCTION_INFO_V1(evaluation_cost_float8);
PG_FUNCTION_INFO_V1(evaluation_summary_trans);
PG_FUNCTION_INFO_V1(evaluation_summary_trans_float8);
PG_FUNCTION_INFO_V1(evaluation_summary_combine);
PG_FUNCTION_INFO_V1(evaluation_summary_serial);
PG_FUNCTION_INFO_V1(evaluation_summary_deserial);
PG_FUNCTION_INFO_V1(evaluation_summary_final);
PG_FUNCTION_INFO_V1(ownership_problem);

/* ---------- money ---------- */

static Numeric
numeric_zero(void)
{
#if PG_VERSION_NUM >= 140000
	return int64_to_numeric(0);
#else
	return DatumGetNumeric(DirectFunctionCall1(int8_numeric, Int64GetDatum(0)));
#endif
}

static Numeric
num_add(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_add, NumericGetDatum(a), NumericGetDatum(b)));
}

static Numeric
num_mul(Numeric a, Numeric b)
{
	return DatumGetNumeric(DirectFunctionCall2(numeric_mul, NumericGetDatum(a), NumericGetDatum(b)));
}

static bool
num_negative(Numeric a)
{
	return DatumGetBool(DirectFunctionCall2(numeric_lt, NumericGetDatum(a),
											NumericGetDatum(numeric_zero())));
}

static bool
num_special(Numeric a)
{
#if PG_VERSION_NUM >= 140000
	return numeric_is_nan(a) || numeric_is_inf(a);
#else
	return numeric_is_nan(a);
#endif
}

/*
 * Amounts bound as double precision (ODBC and JDBC clients send doubles) are
 * read the way PostgreSQL's own float8-to-numeric cast reads them, to 15
 * significant digits, which a double always carries exactly. That is exact
 * to the øre below 10^13; larger amounts could have lost their øre before
 * they reached us, and are refused rather than summed inexactly.
 */
#define DOUBLE_EXACT_AMOUNT_LIMIT 1e13

static Numeric
amount_from_double(double d, const char *what)
{
	if (fabs(d) >= DOUBLE_EXACT_AMOUNT_LIMIT && !isinf(d))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("%s %s is too large to be exact as double precision", what,
						float8out_internal(d)),
				 errhint("Pass amounts of 10^13 or more as numeric.")));
	return DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(d)));
}

/*
 * A cost argument: NULL (not reported), or a finite amount of at least 0;
 * numeric, or double precision for the float8 forms of the functions.
 */
static Numeric
cost_arg(FunctionCallInfo fcinfo, int argno, const char *what, bool from_double)
{
	Numeric		x;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return NULL;
	x = from_double ? amount_from_double(PG_GETARG_FLOAT8(argno), what) : PG_GETARG_NUMERIC(argno);
	if (num_special(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite amount, not %s", what,
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(x))))));
	if (num_negative(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative, not %s", what,
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(x))))));
	return x;
}

/* The costs of one evaluation, read from arguments first .. first + 4. */
typedef struct EvalCosts
{
	Numeric		hours;
	Numeric		staff;			/* hours * rate */
	Numeric		consultant;
	Numeric		material;
	Numeric		other;
	bool		reported;		/* any of hours, consultant, material, other */
} EvalCosts;

static EvalCosts
read_costs(FunctionCallInfo fcinfo, int first, bool from_double)
{
	EvalCosts	c;
	Numeric		rate;

	c.hours = cost_arg(fcinfo, first, "hours", from_double);
	rate = cost_arg(fcinfo, first + 1, "hourly rate", from_double);
	c.consultant = cost_arg(fcinfo, first + 2, "consultant cost", from_double);
	c.material = cost_arg(fcinfo, first + 3, "material cost", from_double);
	c.other = cost_arg(fcinfo, first + 4, "other cost", from_double);
	c.staff = NULL;
	if (c.hours)
	{
		if (rate == NULL)
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("own hours (%s) need an hourly rate to be costed",
							DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(c.hours)))),
					 errhint("Pass the standard rate, e.g. 280 kr/h in the Bergslagen study.")));
		c.staff = num_mul(c.hours, rate);
	}
	c.reported = c.hours || c.consultant || c.material || c.other;
	return c;
}

static Numeric
costs_total(const EvalCosts *c)
{
	Numeric		total = numeric_zero();

	if (c->staff)
		total = num_add(total, c->staff);
	if (c->consultant)
		total = num_add(total, c->consultant);
	if (c->material)
		total = num_add(total, c->material);
	if (c->other)
		total = num_add(total, c->other);
	return total;
}

/*
 * evaluation_cost(hours, rate, consultant, material, other): own hours at the
 * rate plus the other costs, exactly. NULL parts are not reported and count
 * as 0; NULL when nothing is reported.
 */
static Datum
cost_of(FunctionCallInfo fcinfo, bool from_double)
{
	EvalCosts	c = read_costs(fcinfo, 0, from_double);

	if (!c.reported)
		PG_RETURN_NULL();
	PG_RETURN_NUMERIC(costs_total(&c));
}

Datum
evaluation_cost(PG_FUNCTION_ARGS)
{
	return cost_of(fcinfo, false);
}

/* The same, for amounts bound as double precision. */
Datum
evaluation_cost_float8(PG_FUNCTION_ARGS)
{
	return cost_of(fcinfo, true);
}

/* ---------- evaluation_summary ---------- */

enum
{
	SUM_HOURS, SUM_STAFF, SUM_CONSULTANT, SUM_MATERIAL, SUM_OTHER, SUM_UNUSED_COST, SUM_COUNT
};

typedef struct EvalSummary
{
	int64		evaluations;
	int64		costed;
	int64		usage_reported;
	int64		unused;
	int64		uses[USAGE_KINDS];
	int64		survey_reported;
	int64		surveys;
	Numeric		sums[SUM_COUNT];	/* in the aggregate's context */
} EvalSummary;

#define SUMMARY_COUNTS 10		/* the int64 fields above, in order */

static EvalSummary *
new_summary(MemoryContext cxt)
{
	EvalSummary *s = MemoryContextAllocZero(cxt, sizeof(EvalSummary));
	MemoryContext old = MemoryContextSwitchTo(cxt);

	for (int i = 0; i < SUM_COUNT; i++)
		s->sums[i] = numeric_zero();
	MemoryContextSwitchTo(old);
	return s;
}

/* sums[i] += x, keeping the sum in the aggregate's context. */
static void
accumulate(EvalSummary *s, int i, Numeric x, MemoryContext cxt)
{
	Numeric		sum;
	MemoryContext old;

	if (x == NULL)
		return;
	sum = num_add(s->sums[i], x);
	old = MemoryContextSwitchTo(cxt);
	pfree(s->sums[i]);
	s->sums[i] = DatumGetNumeric(datumCopy(NumericGetDatum(sum), false, -1));
	MemoryContextSwitchTo(old);
}

/*
 * evaluation_summary(usage, hours, rate, consultant, material, other, survey):
 * one row of the inventory. NULL usage is "not reported" (neither used nor
 * unused); NULL survey likewise.
 */
static Datum
summary_add_row(FunctionCallInfo fcinfo, bool from_double)
{
	MemoryContext aggcontext;
	EvalSummary *s;
	EvalCosts	c;

	aggcontext = styring_agg_context(fcinfo);
	s = PG_ARGISNULL(0) ? new_summary(aggcontext) : (EvalSummary *) PG_GETARG_POINTER(0);
	c = read_costs(fcinfo, 2, from_double);

	s->evaluations++;
	if (c.reported)
		s->costed++;
	accumulate(s, SUM_HOURS, c.hours, aggcontext);
	accumulate(s, SUM_STAFF, c.staff, aggcontext);
	accumulate(s, SUM_CONSULTANT, c.consultant, aggcontext);
	accumulate(s, SUM_MATERIAL, c.material, aggcontext);
	accumulate(s, SUM_OTHER, c.other, aggcontext);
	if (!PG_ARGISNULL(1))
	{
		uint8		bits = PG_GETARG_EVAL_USAGE(1);

		s->usage_reported++;
		if (bits == 0)
		{
			s->unused++;
			if (c.reported)
				accumulate(s, SUM_UNUSED_COST, costs_total(&c), aggcontext);
		}
		for (int i = 0; i < USAGE_KINDS; i++)
			if (bits & (1u << i))
				s->uses[i]++;
	}
	if (!PG_ARGISNULL(7))
	{
		s->survey_reported++;
		if (PG_GETARG_BOOL(7))
			s->surveys++;
	}
	PG_RETURN_POINTER(s);
}

Datum
evaluation_summary_trans(PG_FUNCTION_ARGS)
{
	return summary_add_row(fcinfo, false);
}

/* The same, for amounts in double precision. */
Datum
evaluation_summary_trans_float8(PG_FUNCTION_ARGS)
{
	return summary_add_row(fcinfo, true);
}

static int64 *
count_field(EvalSummary *s, int i)
{
	int64	   *fields[SUMMARY_COUNTS] = {
		&s->evaluations, &s->costed, &s->usage_reported, &s->unused,
		&s->uses[0], &s->uses[1], &s->uses[2], &s->uses[3],
		&s->survey_reported, &s->surveys
	};

	return fields[i];
}

Datum
evaluation_summary_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	EvalSummary *a;
	EvalSummary *b;

	aggcontext = styring_agg_context(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (EvalSummary *) PG_GETARG_POINTER(1);
	a = PG_ARGISNULL(0) ? new_summary(aggcontext) : (EvalSummary *) PG_GETARG_POINTER(0);
	for (int i = 0; i < SUMMARY_COUNTS; i++)
		*count_field(a, i) += *count_field(b, i);
	for (int i = 0; i < SUM_COUNT; i++)
		accumulate(a, i, b->sums[i], aggcontext);
	PG_RETURN_POINTER(a);
}

/* Serial form: the counts as int8, then each sum as length + numeric_send bytes. */
Datum
evaluation_summary_serial(PG_FUNCTION_ARGS)
{
	EvalSummary *s = (EvalSummary *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	for (int i = 0; i < SUMMARY_COUNTS; i++)
		pq_sendint64(&buf, *count_field(s, i));
	for (int i = 0; i < SUM_COUNT; i++)
	{
		bytea	   *b = DatumGetByteaPP(DirectFunctionCall1(numeric_send, NumericGetDatum(s->sums[i])));

		pq_sendint32(&buf, (int32) VARSIZE_ANY_EXHDR(b));
		pq_sendbytes(&buf, VARDATA_ANY(b), (int) VARSIZE_ANY_EXHDR(b));
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Checks what it reads: lengths, counts that fit together, sums finite and >= 0. */
Datum
evaluation_summary_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	EvalSummary *s;

	(void) styring_agg_context(fcinfo);
	buf.data = VARDATA_ANY(raw);
	buf.len = (int) VARSIZE_ANY_EXHDR(raw);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	s = new_summary(CurrentMemoryContext);
	if (buf.len < SUMMARY_COUNTS * 8)
		goto bad;
	for (int i = 0; i < SUMMARY_COUNTS; i++)
		*count_field(s, i) = pq_getmsgint64(&buf);
	for (int i = 0; i < SUM_COUNT; i++)
	{
		int32		len;
		StringInfoData part;

		if (buf.len - buf.cursor < 4)
			goto bad;
		len = pq_getmsgint(&buf, 4);
		if (len < 0 || buf.len - buf.cursor < len)
			goto bad;
		part.data = buf.data + buf.cursor;
		part.len = len;
		part.maxlen = len;
		part.cursor = 0;
		s->sums[i] = DatumGetNumeric(DirectFunctionCall3(numeric_recv, PointerGetDatum(&part),
														 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
		if (part.cursor != part.len || num_special(s->sums[i]) || num_negative(s->sums[i]))
			goto bad;
		buf.cursor += len;
	}
	if (buf.cursor != buf.len || s->evaluations < 0 || s->costed < 0 || s->costed > s->evaluations ||
		s->usage_reported < 0 || s->usage_reported > s->evaluations ||
		s->unused < 0 || s->unused > s->usage_reported ||
		s->survey_reported < 0 || s->survey_reported > s->evaluations ||
		s->surveys < 0 || s->surveys > s->survey_reported)
		goto bad;
	for (int i = 0; i < USAGE_KINDS; i++)
		if (s->uses[i] < 0 || s->uses[i] > s->usage_reported)
			goto bad;
	PG_RETURN_POINTER(s);
bad:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid partial state for styring.evaluation_summary")));
	PG_RETURN_NULL();
}

static Datum
share(int64 part, int64 whole, bool *isnull)
{
	*isnull = (whole == 0);
	return Float8GetDatum(whole == 0 ? 0 : (double) part / (double) whole);
}

/* One styring.evaluation_report row; the column order is the type's. */
Datum
evaluation_summary_final(PG_FUNCTION_ARGS)
{
	EvalSummary *s;
	TupleDesc	desc;
	Datum		v[22];
	bool		nulls[22] = {0};
	Numeric		total;
	int			k = 0;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (EvalSummary *) PG_GETARG_POINTER(0);
	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "evaluation_summary_final must return a composite type");
	desc = BlessTupleDesc(desc);
	if (desc->natts != lengthof(v))
		elog(ERROR, "styring.evaluation_report must have %d columns", (int) lengthof(v));

	total = num_add(num_add(s->sums[SUM_STAFF], s->sums[SUM_CONSULTANT]),
					num_add(s->sums[SUM_MATERIAL], s->sums[SUM_OTHER]));
	v[k++] = Int64GetDatum(s->evaluations);
	v[k++] = Int64GetDatum(s->costed);
	v[k++] = NumericGetDatum(s->sums[SUM_HOURS]);
	v[k++] = NumericGetDatum(s->sums[SUM_STAFF]);
	v[k++] = NumericGetDatum(s->sums[SUM_CONSULTANT]);
	v[k++] = NumericGetDatum(s->sums[SUM_MATERIAL]);
	v[k++] = NumericGetDatum(s->sums[SUM_OTHER]);
	v[k++] = NumericGetDatum(total);
	v[k++] = Int64GetDatum(s->usage_reported);
	v[k++] = Int64GetDatum(s->unused);
	v[k++] = NumericGetDatum(s->sums[SUM_UNUSED_COST]);
	for (int i = 0; i < USAGE_KINDS; i++)
		v[k++] = Int64GetDatum(s->uses[i]);
	v[k++] = Int64GetDatum(s->surveys);
	v[k] = share(s->unused, s->usage_reported, &nulls[k]);
	k++;
	for (int i = 0; i < USAGE_KINDS; i++, k++)
		v[k] = share(s->uses[i], s->usage_reported, &nulls[k]);
	v[k] = share(s->surveys, s->survey_reported, &nulls[k]);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, v, nulls)));
}

/* ---------- result ownership ---------- */

/*
 * ownership_problem(owner_levels text[]): 'no_owner' when nobody owns the
 * result, 'several_levels' when owners sit at more than one level (the
 * result "falls between the chairs"), NULL when one level owns it.
 */
Datum
ownership_problem(PG_FUNCTION_ARGS)
{
	ArrayType  *arr;
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	char	   *first = NULL;

	if (PG_ARGISNULL(0))
		PG_RETURN_TEXT_P(cstring_to_text("no_owner"));
	arr = PG_GETARG_ARRAYTYPE_P(0);
	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (int i = 0; i < n; i++)
	{
		char	   *level;

		if (nulls[i])
			continue;
		level = TextDatumGetCString(elems[i]);
		if (level[strspn(level, " \t\n\r")] == '\0')
			continue;			/* blank */
		if (first == NULL)
			first = level;
		else if (strcmp(first, level) != 0)
			PG_RETURN_TEXT_P(cstring_to_text("several_levels"));
	}
	if (first == NULL)
		PG_RETURN_TEXT_P(cstring_to_text("no_owner"));
	PG_RETURN_NULL();
}
