/*
 * attainment.c - måloppnåelse: progress, attainment, status and the
 * aggregates over many goals (mean_attainment, status_counts).
 *
 * Both aggregates keep a state of an ordinary type (bytea and int8[]):
 * parallel workers and Citus ship it as a plain value, so no serial/deserial
 * pair is needed, and inside an aggregate the state is updated in place.
 * mean_attainment's state is bytea rather than float8[] because a state
 * shipped as text must be exact whatever extra_float_digits says.
 */
#include "target.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "common/int.h"
#include "port/pg_bswap.h"

#include "core/sum.h"

PG_FUNCTION_INFO_V1(target_attainment_fn);
PG_FUNCTION_INFO_V1(target_progress_fn);
PG_FUNCTION_INFO_V1(target_achieved_fn);
PG_FUNCTION_INFO_V1(target_expected_progress_fn);
PG_FUNCTION_INFO_V1(target_status_fn);
PG_FUNCTION_INFO_V1(goal_status_traffic_light);
PG_FUNCTION_INFO_V1(mean_attainment_trans);
PG_FUNCTION_INFO_V1(mean_attainment_combine);
PG_FUNCTION_INFO_V1(mean_attainment_final);
PG_FUNCTION_INFO_V1(mean_attainment_state_trans);
PG_FUNCTION_INFO_V1(mean_attainment_state_combine);
PG_FUNCTION_INFO_V1(mean_attainment_state_final);
PG_FUNCTION_INFO_V1(status_counts_trans);
PG_FUNCTION_INFO_V1(status_counts_combine);
PG_FUNCTION_INFO_V1(status_counts_final);

#define DEFAULT_MARGIN 0.10

static double
checked_actual(FunctionCallInfo fcinfo, int argno)
{
	double		a = PG_GETARG_FLOAT8(argno);

	styring_check_finite(a, "actual value");
	return a;
}

Datum
target_progress_fn(PG_FUNCTION_ARGS)
{
	StyringTarget *t = PG_GETARG_TARGET_P(0);
	double		a = checked_actual(fcinfo, 1);
	double		p = target_progress(t, a);

	if (!isfinite(p))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("progress of actual value %g towards target is out of range", a)));
	PG_RETURN_FLOAT8(p);
}

Datum
target_attainment_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(target_attainment(PG_GETARG_TARGET_P(0), checked_actual(fcinfo, 1)));
}

Datum
target_achieved_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(target_achieved(PG_GETARG_TARGET_P(0), checked_actual(fcinfo, 1)));
}

Datum
target_expected_progress_fn(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(target_expected_progress(PG_GETARG_TARGET_P(0), PG_GETARG_INT32(1)));
}

/* ---------- goal_status enum values ---------- */

/* The OIDs of the goal_status labels, looked up once per call site. */
typedef struct StatusOids
{
	Oid			label[GOAL_STATUS_COUNT];
} StatusOids;

static StatusOids *
status_oids(FunctionCallInfo fcinfo, Oid enum_type)
{
	StatusOids *cache = (StatusOids *) fcinfo->flinfo->fn_extra;

	if (cache == NULL)
	{
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(StatusOids));
		for (int s = 0; s < GOAL_STATUS_COUNT; s++)
		{
			cache->label[s] = GetSysCacheOid2(ENUMTYPOIDNAME, Anum_pg_enum_oid,
											  ObjectIdGetDatum(enum_type),
											  CStringGetDatum(goal_status_label((GoalStatus) s)));
			if (!OidIsValid(cache->label[s]))
				elog(ERROR, "goal_status label \"%s\" is missing",
					 goal_status_label((GoalStatus) s));
		}
		fcinfo->flinfo->fn_extra = cache;
	}
	return cache;
}

static double
checked_margin(FunctionCallInfo fcinfo, int argno)
{
	double		margin;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return DEFAULT_MARGIN;
	margin = PG_GETARG_FLOAT8(argno);
	if (!(margin >= 0 && margin <= 1))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("margin must be between 0 and 1, not %g", margin)));
	return margin;
}

/*
 * The status of one goal: NULL actual is no_data; NULL year judges against
 * the whole target (expected progress 1).
 */
static GoalStatus
status_of_args(FunctionCallInfo fcinfo, int first)
{
	StyringTarget *t = PG_GETARG_TARGET_P(first);
	double		margin = checked_margin(fcinfo, first + 3);
	bool		has_year = !PG_ARGISNULL(first + 2);

	if (PG_ARGISNULL(first + 1))
		return GOAL_NO_DATA;
	return target_status(t, checked_actual(fcinfo, first + 1), has_year,
						 has_year ? PG_GETARG_INT32(first + 2) : 0, margin);
}

/* status(target, actual, year, margin): not STRICT, a NULL actual has a status. */
Datum
target_status_fn(PG_FUNCTION_ARGS)
{
	GoalStatus	s;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = status_of_args(fcinfo, 0);
	PG_RETURN_OID(status_oids(fcinfo, get_func_rettype(fcinfo->flinfo->fn_oid))->label[s]);
}

Datum
goal_status_traffic_light(PG_FUNCTION_ARGS)
{
	Oid			label_oid = PG_GETARG_OID(0);
	HeapTuple	tup = SearchSysCache1(ENUMOID, ObjectIdGetDatum(label_oid));
	const char *light = NULL;

	if (!HeapTupleIsValid(tup))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid internal value for enum: %u", label_oid)));
	for (int s = 0; s < GOAL_STATUS_COUNT; s++)
		if (strcmp(NameStr(((Form_pg_enum) GETSTRUCT(tup))->enumlabel),
				   goal_status_label((GoalStatus) s)) == 0)
			light = goal_status_light((GoalStatus) s);
	ReleaseSysCache(tup);
	if (light == NULL)
		elog(ERROR, "enum value %u is not a goal_status", label_oid);
	PG_RETURN_TEXT_P(cstring_to_text(light));
}

/* ---------- the aggregate state arrays ---------- */

/*
 * The state argument (an array or a bytea), detoasted and writable: inside an
 * aggregate the state belongs to us and is changed in place; called
 * directly, the function works on a copy, as float8_accum does.
 */
static struct varlena *
writable_state(FunctionCallInfo fcinfo, const char *fn)
{
	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("%s: state must not be NULL", fn)));
	if (AggCheckCallContext(fcinfo, NULL))
		return PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	return PG_DETOAST_DATUM_COPY(PG_GETARG_DATUM(0));
}

/*
 * The data of an aggregate's array state: exactly n elements of elemtype and
 * no NULLs. The functions are callable from SQL, so the array may be anything.
 */
static void *
array_state(ArrayType *state, int n, Oid elemtype, const char *type_name, const char *fn)
{
	if (ARR_NDIM(state) != 1 || ARR_DIMS(state)[0] != n ||
		ARR_HASNULL(state) || ARR_ELEMTYPE(state) != elemtype)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: state must be %s array of %d elements without NULLs", fn, type_name, n)));
	return ARR_DATA_PTR(state);
}

#define float8_state(state, n, fn) ((double *) array_state((state), (n), FLOAT8OID, "a float8", (fn)))

/* ---------- mean_attainment ---------- */

/*
 * State: {rows, sum of weights, its compensation, sum of weight*attainment,
 * its compensation}. Neumaier's compensated sum keeps 10^7 rows exact to
 * about 1e-15, so the order in which parallel workers combine hardly shows.
 */
#define MA_N		0
#define MA_W		1
#define MA_WC		2
#define MA_WX		3
#define MA_WXC		4
#define MA_STATE_LEN 5

static double
checked_weight(FunctionCallInfo fcinfo, int argno)
{
	double		w;

	if (PG_NARGS() <= argno || PG_ARGISNULL(argno))
		return 1.0;
	w = PG_GETARG_FLOAT8(argno);
	styring_check_finite(w, "weight");
	if (w < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("weight must not be negative, not %g", w)));
	return w;
}

/* Adds one row to the sums s; rows without data are skipped. */
static void
mean_attainment_add_row(FunctionCallInfo fcinfo, double *s)
{
	double		w,
				x;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		return;
	w = checked_weight(fcinfo, 3);
	x = target_attainment(PG_GETARG_TARGET_P(1), checked_actual(fcinfo, 2));
	s[MA_N] += 1;
	compensated_add(&s[MA_W], &s[MA_WC], w);
	compensated_add(&s[MA_WX], &s[MA_WXC], w * x);
}

/* Adds the sums o to the sums s. */
static void
mean_attainment_add_state(double *s, const double *o)
{
	s[MA_N] += o[MA_N];
	compensated_add(&s[MA_W], &s[MA_WC], o[MA_W]);
	s[MA_WC] += o[MA_WC];
	compensated_add(&s[MA_WX], &s[MA_WXC], o[MA_WX]);
	s[MA_WXC] += o[MA_WXC];
}

/* The mean of the sums s; false when no row had data or every weight was 0. */
static bool
mean_attainment_of(const double *s, double *mean)
{
	double		w = s[MA_W] + s[MA_WC];

	if (s[MA_N] == 0 || w <= 0)
		return false;
	*mean = (s[MA_WX] + s[MA_WXC]) / w;
	return true;
}

/*
 * The state since 0.2.0: a bytea of a format version byte and the five sums
 * as little-endian float8 (the order of the machines PostgreSQL mostly runs
 * on, so reading and writing a row's state costs no byte swapping there).
 * Its text form (hex) is exact on every server and under every setting, so a
 * partial state that travels as text (Citus) arrives bit for bit.
 */
#define MA_BYTES_VERSION 1
#define MA_BYTES_LEN	(1 + MA_STATE_LEN * (int) sizeof(uint64))

static void
ma_bytes_check_shape(bytea *state, const char *fn)
{
	const uint8 *b = (const uint8 *) VARDATA_ANY(state);

	if (VARSIZE_ANY_EXHDR(state) != MA_BYTES_LEN || b[0] != MA_BYTES_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: not a mean_attainment state", fn),
				 errdetail("A state is %d bytes starting with version byte %d; this one is %d bytes%s.",
						   MA_BYTES_LEN, MA_BYTES_VERSION, (int) VARSIZE_ANY_EXHDR(state),
						   VARSIZE_ANY_EXHDR(state) > 0 && b[0] != MA_BYTES_VERSION ? " with another version" : "")));
}

static void
ma_bytes_decode(bytea *state, double *s)
{
	const uint8 *b = (const uint8 *) VARDATA_ANY(state) + 1;

	for (int i = 0; i < MA_STATE_LEN; i++)
	{
		uint64		u;

		memcpy(&u, b + i * sizeof(uint64), sizeof(uint64));
#ifdef WORDS_BIGENDIAN
		u = pg_bswap64(u);
#endif
		memcpy(&s[i], &u, sizeof(double));
	}
}

/*
 * Reads a state. Where states arrive from elsewhere (combine, final) every
 * sum is checked; the transition function checks the shape only, since a
 * state it builds goes through the final function's check in the end.
 */
static void
ma_bytes_read(bytea *state, double *s, const char *fn, bool check_sums)
{
	ma_bytes_check_shape(state, fn);
	ma_bytes_decode(state, s);
	if (!check_sums)
		return;
	for (int i = 0; i < MA_STATE_LEN; i++)
		if (!isfinite(s[i]) || (i == MA_N && s[i] < 0))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: not a mean_attainment state", fn),
					 errdetail("Its sum %d is %g.", i + 1, s[i])));
}

static void
ma_bytes_write(bytea *state, const double *s)
{
	uint8	   *b = (uint8 *) VARDATA(state);

	b[0] = MA_BYTES_VERSION;
	for (int i = 0; i < MA_STATE_LEN; i++)
	{
		uint64		u;

		memcpy(&u, &s[i], sizeof(double));
#ifdef WORDS_BIGENDIAN
		u = pg_bswap64(u);
#endif
		memcpy(b + 1 + i * sizeof(uint64), &u, sizeof(uint64));
	}
}

/* mean_attainment(target, actual [, weight]): transition. */
Datum
mean_attainment_state_trans(PG_FUNCTION_ARGS)
{
	bytea	   *state = (bytea *) writable_state(fcinfo, "mean_attainment_state_trans");
	double		s[MA_STATE_LEN];

	ma_bytes_read(state, s, "mean_attainment_state_trans", false);
	mean_attainment_add_row(fcinfo, s);
	ma_bytes_write(state, s);
	PG_RETURN_BYTEA_P(state);
}

Datum
mean_attainment_state_combine(PG_FUNCTION_ARGS)
{
	bytea	   *state = (bytea *) writable_state(fcinfo, "mean_attainment_state_combine");
	double		s[MA_STATE_LEN],
				o[MA_STATE_LEN];

	ma_bytes_read(state, s, "mean_attainment_state_combine", true);
	ma_bytes_read(PG_GETARG_BYTEA_PP(1), o, "mean_attainment_state_combine", true);
	mean_attainment_add_state(s, o);
	ma_bytes_write(state, s);
	PG_RETURN_BYTEA_P(state);
}

Datum
mean_attainment_state_final(PG_FUNCTION_ARGS)
{
	double		s[MA_STATE_LEN],
				mean;

	ma_bytes_read(PG_GETARG_BYTEA_PP(0), s, "mean_attainment_state_final", true);
	if (!mean_attainment_of(s, &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/*
 * 0.1.0's float8[] state functions: the shared library serves a 0.1.0
 * catalog until ALTER EXTENSION styring UPDATE replaces them.
 */
Datum
mean_attainment_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = (ArrayType *) writable_state(fcinfo, "mean_attainment_trans");

	mean_attainment_add_row(fcinfo, float8_state(state, MA_STATE_LEN, "mean_attainment_trans"));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
mean_attainment_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = (ArrayType *) writable_state(fcinfo, "mean_attainment_combine");
	double	   *s = float8_state(state, MA_STATE_LEN, "mean_attainment_combine");

	/* STRICT: both states are there */
	mean_attainment_add_state(s, float8_state(PG_GETARG_ARRAYTYPE_P(1), MA_STATE_LEN,
											  "mean_attainment_combine"));
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
mean_attainment_final(PG_FUNCTION_ARGS)
{
	double		mean;

	if (!mean_attainment_of(float8_state(PG_GETARG_ARRAYTYPE_P(0), MA_STATE_LEN,
										 "mean_attainment_final"), &mean))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(mean);
}

/* ---------- status_counts ---------- */

#define int8_state(state, fn) \
	((int64 *) array_state((state), GOAL_STATUS_COUNT, INT8OID, "an int8", (fn)))

/*
 * Adds n to one status's count. A state is an int8[] that anyone can build and
 * pass to the combine function, so the sum is checked: signed overflow is
 * undefined in C, and a wrapped count would be a silently wrong result.
 */
static void
status_count_add(int64 *c, int s, int64 n)
{
	int64		sum;

	Assert(s >= 0 && s < GOAL_STATUS_COUNT);
	if (pg_add_s64_overflow(c[s], n, &sum))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("status count out of range: " INT64_FORMAT " + " INT64_FORMAT, c[s], n)));
	c[s] = sum;
}

/* status_counts(target, actual, year [, margin]); rows without a target are skipped. */
Datum
status_counts_trans(PG_FUNCTION_ARGS)
{
	ArrayType  *state = (ArrayType *) writable_state(fcinfo, "status_counts_trans");
	int64	   *c = int8_state(state, "status_counts_trans");

	if (!PG_ARGISNULL(1))
		status_count_add(c, status_of_args(fcinfo, 1), 1);
	PG_RETURN_ARRAYTYPE_P(state);
}

Datum
status_counts_combine(PG_FUNCTION_ARGS)
{
	ArrayType  *state = (ArrayType *) writable_state(fcinfo, "status_counts_combine");
	int64	   *c = int8_state(state, "status_counts_combine");
	int64	   *o = int8_state(PG_GETARG_ARRAYTYPE_P(1), "status_counts_combine");

	/* STRICT: both states are there */
	for (int s = 0; s < GOAL_STATUS_COUNT; s++)
		status_count_add(c, s, o[s]);
	PG_RETURN_ARRAYTYPE_P(state);
}

/* A styring.status_count row: one column per status, then the total. */
Datum
status_counts_final(PG_FUNCTION_ARGS)
{
	int64	   *c = int8_state(PG_GETARG_ARRAYTYPE_P(0), "status_counts_final");
	TupleDesc	desc;
	Datum		values[GOAL_STATUS_COUNT + 1];
	bool		nulls[GOAL_STATUS_COUNT + 1] = {0};
	int64		total = 0;

	if (get_call_result_type(fcinfo, NULL, &desc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "status_counts_final must return a composite type");
	desc = BlessTupleDesc(desc);
	if (desc->natts != GOAL_STATUS_COUNT + 1)
		elog(ERROR, "styring.status_count must have %d columns", GOAL_STATUS_COUNT + 1);
	for (int s = 0; s < GOAL_STATUS_COUNT; s++)
	{
		values[s] = Int64GetDatum(c[s]);
		total += c[s];
	}
	values[GOAL_STATUS_COUNT] = Int64GetDatum(total);
	PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(desc, values, nulls)));
}
