/*
 * profile.c - styring.profile: a comparison group's values, collected once
 * by the profile() aggregate and then asked where any value stands.
 *
 * The on-disk form is in profile.h. Mean and spread are computed once, from
 * the sorted values, so they do not depend on how a parallel or distributed
 * plan split the group.
 */
#include "profile.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

#include "core/number.h"

static inline ProfileView
view_of(const Profile *p)
{
	ProfileView v = {VALUES(p), (size_t) p->n, p->data};

	return v;
}

/* An empty profile of n values with its header filled in. */
static Profile *
alloc_profile(size_t n)
{
	Profile    *p = MemoryContextAllocHuge(CurrentMemoryContext, PROFILE_SIZE(n));

	memset(p, 0, PROFILE_HEADER_SIZE);
	SET_VARSIZE(p, PROFILE_SIZE(n));
	p->version = PROFILE_FORMAT_VERSION;
	p->n = (int32) n;
	return p;
}

/* Once the values are in place and sorted: the moments and the index. */
static void
finish_profile(Profile *p)
{
	profile_moments(VALUES(p), (size_t) p->n, &p->mean, &p->m2);
	profile_build_index(VALUES(p), (size_t) p->n, p->data);
}

PG_FUNCTION_INFO_V1(profile_in);
PG_FUNCTION_INFO_V1(profile_out);
PG_FUNCTION_INFO_V1(profile_recv);
PG_FUNCTION_INFO_V1(profile_send);
PG_FUNCTION_INFO_V1(profile_eq);
PG_FUNCTION_INFO_V1(profile_ne);
PG_FUNCTION_INFO_V1(profile_trans);
PG_FUNCTION_INFO_V1(profile_union_trans);
PG_FUNCTION_INFO_V1(profile_combine);
PG_FUNCTION_INFO_V1(profile_serial);
PG_FUNCTION_INFO_V1(profile_deserial);
PG_FUNCTION_INFO_V1(profile_final);
PG_FUNCTION_INFO_V1(profile_merge);
PG_FUNCTION_INFO_V1(profile_rank_in);
PG_FUNCTION_INFO_V1(profile_percent_rank_in);
PG_FUNCTION_INFO_V1(profile_cume_dist_in);
PG_FUNCTION_INFO_V1(profile_quantile_of);
PG_FUNCTION_INFO_V1(profile_quartile_band_fn);
PG_FUNCTION_INFO_V1(profile_grade_fn);
PG_FUNCTION_INFO_V1(profile_group_size);
PG_FUNCTION_INFO_V1(profile_group_min);
PG_FUNCTION_INFO_V1(profile_group_max);
PG_FUNCTION_INFO_V1(profile_group_mean);
PG_FUNCTION_INFO_V1(profile_group_median);
PG_FUNCTION_INFO_V1(profile_group_stddev);
PG_FUNCTION_INFO_V1(profile_deviation_from_mean);
PG_FUNCTION_INFO_V1(profile_deviation_from_mean_pct);
PG_FUNCTION_INFO_V1(profile_deviation_from_median);
PG_FUNCTION_INFO_V1(profile_deviation_from_median_pct);
PG_FUNCTION_INFO_V1(profile_z_score);
PG_FUNCTION_INFO_V1(profile_summary);
PG_FUNCTION_INFO_V1(profile_values);

static void
tick(void)
{
	CHECK_FOR_INTERRUPTS();
}

/* ---------- making and reading the on-disk form ---------- */

static void
too_many_values(size_t n)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("a comparison group can hold at most %zu values, not %zu", PROFILE_MAX_VALUES, n)));
}

/* Sorts the values (in place) and wraps them with their moments. */
static Profile *
make_profile(double *values, size_t n)
{
	Profile    *p;
	double	   *tmp;

	if (n > PROFILE_MAX_VALUES)
		too_many_values(n);
	p = alloc_profile(n);
	memcpy(VALUES(p), values, n * sizeof(double));
	tmp = (n >= PROFILE_RADIX_MIN) ? MemoryContextAllocHuge(CurrentMemoryContext, n * sizeof(double)) : NULL;
	profile_sort(VALUES(p), n, tmp, tick);
	if (tmp)
		pfree(tmp);
	finish_profile(p);
	return p;
}

/* A profile read from disk: its format version and its size, checked. */
void
profile_check(const Profile *p)
{
	if (p->version != PROFILE_FORMAT_VERSION)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("unsupported styring.profile format version %d", p->version),
				 errhint("This build reads version %d; update the extension.", PROFILE_FORMAT_VERSION)));
	if (p->n < 1 || (size_t) p->n > PROFILE_MAX_VALUES ||
		VARSIZE(p) != PROFILE_SIZE(p->n) || p->flags != 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("corrupt styring.profile value")));
}

/* ---------- text and binary I/O ---------- */

/* Every ProfileError, as a user sees it. */
static const StyringError profile_errors[] = {
	{PROFILE_ERR_SYNTAX, ERRCODE_INVALID_TEXT_REPRESENTATION,
		"invalid input syntax for type styring.profile: \"%s\"",
		DETAIL_EXPECTED, "a profile", "A profile reads like \"{1.5,2,3.25}\"."},
	{PROFILE_ERR_NUMBER_RANGE, ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE,
		"number out of range in profile \"%s\"", DETAIL_AT_POSITION, "At position %d.", NULL},
	{PROFILE_ERR_NOT_FINITE, ERRCODE_INVALID_PARAMETER_VALUE,
		"profile \"%s\" has a value that is not finite",
		DETAIL_TEXT, "NaN and infinity are not allowed in a comparison group.", NULL},
	{PROFILE_ERR_EMPTY, ERRCODE_INVALID_PARAMETER_VALUE,
		"a profile needs at least one value: \"%s\"",
		DETAIL_TEXT, "An empty comparison group is NULL.", NULL},
	{PROFILE_ERR_TOO_MANY, ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		"too many values in profile \"%s\"",
		DETAIL_TEXT, "A comparison group can hold at most 120000000 values.", NULL},
	{PROFILE_ERR_BINARY, ERRCODE_INVALID_BINARY_REPRESENTATION,
		"invalid binary representation for type styring.profile", DETAIL_TEXT, NULL, NULL},
};

/* The same for binary input, which has no text to show. */
static const StyringError profile_recv_errors[] = {
	{PROFILE_ERR_NOT_FINITE, ERRCODE_INVALID_PARAMETER_VALUE,
		"binary styring.profile value has a value that is not finite",
		DETAIL_TEXT, "NaN and infinity are not allowed in a comparison group.", NULL},
	{PROFILE_ERR_EMPTY, ERRCODE_INVALID_PARAMETER_VALUE,
		"binary styring.profile value has no values", DETAIL_TEXT, "An empty comparison group is NULL.", NULL},
	{PROFILE_ERR_TOO_MANY, ERRCODE_PROGRAM_LIMIT_EXCEEDED,
		"binary styring.profile value has too many values",
		DETAIL_TEXT, "A comparison group can hold at most 120000000 values.", NULL},
	{PROFILE_ERR_BINARY, ERRCODE_INVALID_BINARY_REPRESENTATION,
		"invalid binary representation for type styring.profile", DETAIL_TEXT, NULL, NULL},
};

StaticAssertDecl(PROFILE_MAX_VALUES == 120000000, "the limit in profile_errors[] is 120000000");

Datum
profile_in(PG_FUNCTION_ARGS)
{
	char	   *text = PG_GETARG_CSTRING(0);
	size_t		cap = profile_text_capacity(text);
	double	   *values;
	size_t		n = 0;
	ScanError perr = {0, NULL};
	ProfileError rc;
	Node	   *escontext = NULL;

#if PG_VERSION_NUM >= 160000
	escontext = fcinfo->context;
#endif
	if (cap > PROFILE_MAX_VALUES)
		cap = PROFILE_MAX_VALUES + 1;
	values = MemoryContextAllocHuge(CurrentMemoryContext, cap * sizeof(double));
	rc = profile_parse(text, values, cap, &n, &perr);
	if (rc != PROFILE_OK)
	{
		STYRING_REPORT_ERROR(profile_errors, rc, text, &perr, escontext);
		PG_RETURN_NULL();
	}
	PG_RETURN_POINTER(make_profile(values, n));
}

Datum
profile_out(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	size_t		size = profile_text_size((size_t) p->n);
	char	   *buf = MemoryContextAllocHuge(CurrentMemoryContext, size);

	profile_format(VALUES(p), (size_t) p->n, buf, size);
	PG_RETURN_CSTRING(buf);
}

/* Binary input is untrusted: count, length, finiteness and order are checked. */
Datum
profile_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8_t *bytes = (const uint8_t *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	size_t		n = 0;
	ProfileError rc;
	Profile    *p;

	rc = profile_decode_header(bytes, len, &n);
	if (rc != PROFILE_OK)
		STYRING_REPORT_ERROR(profile_recv_errors, rc, NULL, NULL, NULL);
	p = alloc_profile(n);
	rc = profile_decode(bytes, len, VALUES(p), n, true);
	if (rc != PROFILE_OK)
		STYRING_REPORT_ERROR(profile_recv_errors, rc, NULL, NULL, NULL);
	finish_profile(p);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(p);
}

Datum
profile_send(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	size_t		size = profile_binary_size((size_t) p->n);
	bytea	   *result = MemoryContextAllocHuge(CurrentMemoryContext, VARHDRSZ + size);

	SET_VARSIZE(result, VARHDRSZ + size);
	profile_encode(VALUES(p), (size_t) p->n, (uint8_t *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

static bool
profiles_equal(const Profile *a, const Profile *b)
{
	return a->n == b->n &&
		memcmp(VALUES(a), VALUES(b), (size_t) a->n * sizeof(double)) == 0;
}

Datum
profile_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(profiles_equal(PG_GETARG_PROFILE_P(0), PG_GETARG_PROFILE_P(1)));
}

Datum
profile_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!profiles_equal(PG_GETARG_PROFILE_P(0), PG_GETARG_PROFILE_P(1)));
}

/* ---------- the aggregates: profile(float8) and profile_union(profile) ---------- */

typedef struct ProfileBuilder
{
	size_t		n;
	size_t		cap;
	double	   *buf;
} ProfileBuilder;

static ProfileBuilder *
builder_state(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;
	ProfileBuilder *b;

	aggcontext = styring_agg_context(fcinfo);
	if (!PG_ARGISNULL(0))
		return (ProfileBuilder *) PG_GETARG_POINTER(0);
	b = MemoryContextAllocZero(aggcontext, sizeof(ProfileBuilder));
	b->cap = 64;
	b->buf = MemoryContextAlloc(aggcontext, b->cap * sizeof(double));
	return b;
}

/* Room for `more` values; the buffer lives in the aggregate's context. */
static void
builder_reserve(ProfileBuilder *b, size_t more)
{
	size_t		need = b->n + more;
	size_t		cap = b->cap;

	if (need <= cap)
		return;
	if (need > PROFILE_MAX_VALUES)
		too_many_values(need);
	while (cap < need)
		cap = cap * 2;
	if (cap > PROFILE_MAX_VALUES)
		cap = PROFILE_MAX_VALUES;
	b->buf = repalloc_huge(b->buf, cap * sizeof(double));
	b->cap = cap;
}

void
styring_check_group_value(double v)
{
	if (isnan(v) || isinf(v))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a comparison group cannot hold \"%s\"",
						isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity")),
				 errdetail("Values in a profile must be finite; leave missing values NULL.")));
}

static void
builder_add(ProfileBuilder *b, double v)
{
	styring_check_group_value(v);
	if (b->n == b->cap)
		builder_reserve(b, 1);
	b->buf[b->n++] = (v == 0) ? 0 : v;	/* no -0.0 */
}

/* profile(value): NULLs are left out of the group. */
Datum
profile_trans(PG_FUNCTION_ARGS)
{
	ProfileBuilder *b;

	if (PG_ARGISNULL(1))
	{
		/* No state until the first value: a state never holds zero values. */
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = builder_state(fcinfo);
	builder_add(b, PG_GETARG_FLOAT8(1));
	PG_RETURN_POINTER(b);
}

/* profile_union(profile): the group of all the profiles' values. */
Datum
profile_union_trans(PG_FUNCTION_ARGS)
{
	ProfileBuilder *b;
	Profile    *p;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	b = builder_state(fcinfo);
	p = PG_GETARG_PROFILE_P(1);
	builder_reserve(b, (size_t) p->n);
	memcpy(b->buf + b->n, VALUES(p), (size_t) p->n * sizeof(double));
	b->n += (size_t) p->n;
	PG_RETURN_POINTER(b);
}

Datum
profile_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	ProfileBuilder *a;
	ProfileBuilder *b;

	aggcontext = styring_agg_context(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (ProfileBuilder *) PG_GETARG_POINTER(1);
	if (PG_ARGISNULL(0))
	{
		/* Copy: the second state belongs to someone else. */
		a = MemoryContextAllocZero(aggcontext, sizeof(ProfileBuilder));
		a->cap = Max(b->n, 64);
		a->buf = MemoryContextAllocHuge(aggcontext, a->cap * sizeof(double));
		memcpy(a->buf, b->buf, b->n * sizeof(double));
		a->n = b->n;
		PG_RETURN_POINTER(a);
	}
	a = (ProfileBuilder *) PG_GETARG_POINTER(0);
	builder_reserve(a, b->n);
	memcpy(a->buf + a->n, b->buf, b->n * sizeof(double));
	a->n += b->n;
	PG_RETURN_POINTER(a);
}

/* The state shipped between processes: the binary form, values unsorted. */
Datum
profile_serial(PG_FUNCTION_ARGS)
{
	ProfileBuilder *b = (ProfileBuilder *) PG_GETARG_POINTER(0);
	size_t		size = profile_binary_size(b->n);
	bytea	   *result = MemoryContextAllocHuge(CurrentMemoryContext, VARHDRSZ + size);

	SET_VARSIZE(result, VARHDRSZ + size);
	profile_encode(b->buf, b->n, (uint8_t *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

/* A partial state from another node is checked like any input. */
Datum
profile_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	const uint8_t *bytes = (const uint8_t *) VARDATA_ANY(raw);
	size_t		len = VARSIZE_ANY_EXHDR(raw);
	ProfileBuilder *b;
	size_t		n = 0;
	ProfileError rc;

	(void) styring_agg_context(fcinfo);
	rc = profile_decode_header(bytes, len, &n);
	if (rc == PROFILE_ERR_EMPTY && len == profile_binary_size(0))
		n = 0, rc = PROFILE_OK;
	b = palloc0(sizeof(ProfileBuilder));
	b->cap = Max(n, 64);
	b->buf = MemoryContextAllocHuge(CurrentMemoryContext, b->cap * sizeof(double));
	b->n = n;
	if (rc == PROFILE_OK)
		rc = profile_decode(bytes, len, b->buf, n, false);
	if (rc != PROFILE_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid partial state for styring.profile")));
	PG_RETURN_POINTER(b);
}

/* Sorts a copy, so the state stays usable (window frames call this again). */
Datum
profile_final(PG_FUNCTION_ARGS)
{
	ProfileBuilder *b;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	b = (ProfileBuilder *) PG_GETARG_POINTER(0);
	if (b->n == 0)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(make_profile(b->buf, b->n));
}

/* Two groups built apart (on two servers, two partitions) as one. */
Datum
profile_merge(PG_FUNCTION_ARGS)
{
	Profile    *a = PG_GETARG_PROFILE_P(0);
	Profile    *b = PG_GETARG_PROFILE_P(1);
	size_t		n = (size_t) a->n + (size_t) b->n;
	Profile    *p;

	if (n > PROFILE_MAX_VALUES)
		too_many_values(n);
	p = alloc_profile(n);
	profile_merge_sorted(VALUES(a), (size_t) a->n, VALUES(b), (size_t) b->n, VALUES(p));
	finish_profile(p);
	PG_RETURN_POINTER(p);
}

/* ---------- where a value stands ---------- */

static double
value_arg(FunctionCallInfo fcinfo, int argno)
{
	double		x = PG_GETARG_FLOAT8(argno);

	styring_check_finite(x, "value");
	return x;
}

#define HIGHER_IS_BETTER(argno) (PG_NARGS() > (argno) ? PG_GETARG_BOOL(argno) : true)

Datum
profile_rank_in(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	ProfileView v = view_of(p);

	PG_RETURN_INT64(profile_rank(&v, value_arg(fcinfo, 1), HIGHER_IS_BETTER(2)));
}

Datum
profile_percent_rank_in(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	ProfileView v = view_of(p);

	PG_RETURN_FLOAT8(profile_percent_rank(&v, value_arg(fcinfo, 1), HIGHER_IS_BETTER(2)));
}

Datum
profile_cume_dist_in(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	ProfileView v = view_of(p);

	PG_RETURN_FLOAT8(profile_cume_dist(&v, value_arg(fcinfo, 1), HIGHER_IS_BETTER(2)));
}

static double
checked_fraction(double q)
{
	/* The same check and message as percentile_cont. */
	if (q < 0 || q > 1 || isnan(q))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("percentile value %g is not between 0 and 1", q)));
	return q;
}

Datum
profile_quantile_of(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	ProfileView v = view_of(p);

	PG_RETURN_FLOAT8(profile_quantile(&v, checked_fraction(PG_GETARG_FLOAT8(1))));
}

Datum
profile_quartile_band_fn(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	ProfileView v = view_of(p);
	ProfileBand b = profile_quartile_band(&v, value_arg(fcinfo, 1), HIGHER_IS_BETTER(2));

	PG_RETURN_TEXT_P(cstring_to_text(profile_band_label(b)));
}

Datum
profile_grade_fn(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	ProfileView v = view_of(p);

	PG_RETURN_FLOAT8(profile_grade(&v, value_arg(fcinfo, 1), HIGHER_IS_BETTER(2)));
}

/* ---------- the group's own figures ---------- */

Datum
profile_group_size(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64((int64) PG_GETARG_PROFILE_P(0)->n);
}

Datum
profile_group_min(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);

	PG_RETURN_FLOAT8(VALUES(p)[0]);
}

Datum
profile_group_max(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);

	PG_RETURN_FLOAT8(VALUES(p)[p->n - 1]);
}

Datum
profile_group_mean(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(PG_GETARG_PROFILE_P(0)->mean);
}

static double
median_of(const Profile *p)
{
	ProfileView v = view_of(p);

	return profile_quantile(&v, 0.5);
}

Datum
profile_group_median(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8(median_of(PG_GETARG_PROFILE_P(0)));
}

/* Sample standard deviation, as stddev(); NULL for a group of one. */
static bool
stddev_of(const Profile *p, double *sd)
{
	if (p->n < 2)
		return false;
	*sd = sqrt(p->m2 / (double) (p->n - 1));
	return true;
}

Datum
profile_group_stddev(PG_FUNCTION_ARGS)
{
	double		sd;

	if (!stddev_of(PG_GETARG_PROFILE_P(0), &sd))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(sd);
}

Datum
profile_deviation_from_mean(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);

	PG_RETURN_FLOAT8(value_arg(fcinfo, 1) - p->mean);
}

/* 100 (x - m) / |m|; NULL when the group figure m is 0. */
static Datum
percent_deviation(FunctionCallInfo fcinfo, double x, double m)
{
	if (m == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(100.0 * (x - m) / fabs(m));
}

Datum
profile_deviation_from_mean_pct(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);

	return percent_deviation(fcinfo, value_arg(fcinfo, 1), p->mean);
}

Datum
profile_deviation_from_median(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);

	PG_RETURN_FLOAT8(value_arg(fcinfo, 1) - median_of(p));
}

Datum
profile_deviation_from_median_pct(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);

	return percent_deviation(fcinfo, value_arg(fcinfo, 1), median_of(p));
}

/* (x - mean) / stddev; NULL when the group has no spread. */
Datum
profile_z_score(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	double		x = value_arg(fcinfo, 1);
	double		sd;

	if (!stddev_of(p, &sd) || sd == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((x - p->mean) / sd);
}

/* "key": x (its shortest exact decimal) or "key": null, into a jsonb object being built. */
static void
push_json_number(JsonbParseState **state, const char *key, double x, bool present)
{
	JsonbValue	k;
	JsonbValue	v;
	char		num[DOUBLE_TEXT_MAX];

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = (int) strlen(key);
	(void) pushJsonbValue(state, WJB_KEY, &k);
	if (!present)
		v.type = jbvNull;
	else
	{
		format_double_shortest(x, num, sizeof(num));
		v.type = jbvNumeric;
		v.val.numeric = DatumGetNumeric(DirectFunctionCall3(numeric_in, CStringGetDatum(num),
															ObjectIdGetDatum(InvalidOid),
															Int32GetDatum(-1)));
	}
	(void) pushJsonbValue(state, WJB_VALUE, &v);
}

/* {"n", "min", "q1", "median", "q3", "max", "mean", "stddev"} for BI tools. */
Datum
profile_summary(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	size_t		n = (size_t) p->n;
	ProfileView v = view_of(p);
	JsonbParseState *state = NULL;
	double		sd = 0;
	bool		has_sd = stddev_of(p, &sd);

	(void) pushJsonbValue(&state, WJB_BEGIN_OBJECT, NULL);
	push_json_number(&state, "n", (double) p->n, true);
	push_json_number(&state, "min", VALUES(p)[0], true);
	push_json_number(&state, "q1", profile_quantile(&v, 0.25), true);
	push_json_number(&state, "median", profile_quantile(&v, 0.5), true);
	push_json_number(&state, "q3", profile_quantile(&v, 0.75), true);
	push_json_number(&state, "max", VALUES(p)[n - 1], true);
	push_json_number(&state, "mean", p->mean, true);
	push_json_number(&state, "stddev", sd, has_sd);
	PG_RETURN_JSONB_P(JsonbValueToJsonb(pushJsonbValue(&state, WJB_END_OBJECT, NULL)));
}

/* The values, ascending, as a float8[]. */
Datum
profile_values(PG_FUNCTION_ARGS)
{
	Profile    *p = PG_GETARG_PROFILE_P(0);
	Datum	   *elems = MemoryContextAllocHuge(CurrentMemoryContext, (Size) p->n * sizeof(Datum));

	for (int32 i = 0; i < p->n; i++)
		elems[i] = Float8GetDatum(VALUES(p)[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, p->n, FLOAT8OID, sizeof(float8),
										  FLOAT8PASSBYVAL, TYPALIGN_DOUBLE));
}
