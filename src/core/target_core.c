/*
 * target_core.c - parse, print, encode and evaluate targets. Plain C.
 *
 * Grammar (keywords case-insensitive, white space free between tokens):
 *
 *   target := op number [tolerance] ["by" year] ["from" number ["in" year]]
 *   op     := ">=" | "≥" | "<=" | "≤" | "="
 *   tolerance := ("±" | "+-") number          (only with "=")
 *   number := [+-] digits [. digits] [e [+-] digits]   (decimal only)
 *   year   := digits, 1 .. 9999
 */
#include "target_core.h"
#include "number.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const goal_status_labels[GOAL_STATUS_COUNT] = {
	"no_data", "achieved", "on_track", "at_risk", "off_track"
};
static const char *const goal_status_lights[GOAL_STATUS_COUNT] = {
	"grey", "green", "green", "yellow", "red"
};

const char *
goal_status_label(GoalStatus s)
{
	return (s >= 0 && s < GOAL_STATUS_COUNT) ? goal_status_labels[s] : NULL;
}

const char *
goal_status_light(GoalStatus s)
{
	return (s >= 0 && s < GOAL_STATUS_COUNT) ? goal_status_lights[s] : NULL;
}

const char *
target_op_symbol(int op)
{
	switch (op)
	{
		case TARGET_OP_GE:
			return ">=";
		case TARGET_OP_LE:
			return "<=";
		case TARGET_OP_EQ:
			return "=";
	}
	return NULL;
}

/* ---------- validation ---------- */

static bool
year_in_range(int32_t y)
{
	return y >= TARGET_MIN_YEAR && y <= TARGET_MAX_YEAR;
}

TargetError
target_validate(const StyringTarget *t)
{
	bool		has_baseline = (t->flags & TARGET_HAS_BASELINE) != 0;

	if (t->version != TARGET_FORMAT_VERSION ||
		t->op < TARGET_OP_GE || t->op > TARGET_OP_EQ ||
		(t->flags & ~TARGET_KNOWN_FLAGS) != 0)
		return TARGET_ERR_BINARY;
	for (size_t i = 0; i < sizeof(t->reserved); i++)
		if (t->reserved[i] != 0)
			return TARGET_ERR_BINARY;

	if (!isfinite(t->value) || !isfinite(t->tolerance) || !isfinite(t->baseline))
		return TARGET_ERR_NOT_FINITE;
	if ((t->flags & TARGET_HAS_TOLERANCE) && t->op != TARGET_OP_EQ)
		return TARGET_ERR_TOLERANCE_OP;
	if (t->tolerance < 0)
		return TARGET_ERR_NEGATIVE_TOLERANCE;
	if (((t->flags & TARGET_HAS_YEAR) && !year_in_range(t->year)) ||
		((t->flags & TARGET_HAS_BASELINE_YEAR) && !year_in_range(t->baseline_year)))
		return TARGET_ERR_YEAR_RANGE;
	if ((t->flags & TARGET_HAS_BASELINE_YEAR) && !has_baseline)
		return TARGET_ERR_BASELINE_YEAR_ALONE;
	if ((t->flags & TARGET_HAS_YEAR) && (t->flags & TARGET_HAS_BASELINE_YEAR) &&
		t->baseline_year >= t->year)
		return TARGET_ERR_YEAR_ORDER;

	if (has_baseline)
	{
		if (t->value == t->baseline)
			return TARGET_ERR_ZERO_SPAN;
		if (!isfinite(t->value - t->baseline))
			return TARGET_ERR_NUMBER_RANGE;
		if ((t->op == TARGET_OP_GE && t->value < t->baseline) ||
			(t->op == TARGET_OP_LE && t->value > t->baseline))
			return TARGET_ERR_BASELINE_MEETS;
	}
	else
	{
		if (t->value == 0)
			return TARGET_ERR_ZERO_TARGET;
		if (t->op != TARGET_OP_EQ && t->value < 0)
			return TARGET_ERR_NEGATIVE_TARGET;
	}
	return TARGET_OK;
}

void
target_canonicalize(StyringTarget *t)
{
	if (!(t->flags & TARGET_HAS_TOLERANCE))
		t->tolerance = 0;
	if (!(t->flags & TARGET_HAS_YEAR))
		t->year = 0;
	if (!(t->flags & TARGET_HAS_BASELINE))
		t->baseline = 0;
	if (!(t->flags & TARGET_HAS_BASELINE_YEAR))
		t->baseline_year = 0;
	/* -0.0 == 0.0, so store one of them: equality and hashing stay bytewise. */
	if (t->value == 0)
		t->value = 0;
	if (t->tolerance == 0)
		t->tolerance = 0;
	if (t->baseline == 0)
		t->baseline = 0;
	memset(t->reserved, 0, sizeof(t->reserved));
}

/* ---------- the text parser ---------- */

static bool
match_prefix(const char *p, const char *prefix, const char **end)
{
	size_t		n = strlen(prefix);

	if (strncmp(p, prefix, n) != 0)
		return false;
	*end = p + n;
	return true;
}

static TargetError
scan_number(const char *p, double *out, const char **end)
{
	switch (scan_double(p, out, end))
	{
		case NUMBER_OK:
			return TARGET_OK;
		case NUMBER_RANGE:
			return TARGET_ERR_NUMBER_RANGE;
		case NUMBER_NOT_FINITE:
			return TARGET_ERR_NOT_FINITE;
		default:
			return TARGET_ERR_SYNTAX;
	}
}

static TargetError
scan_year(const char *p, int32_t *out, const char **end)
{
	int64_t		v = 0;
	const char *q = p;

	if (!scan_is_digit(*q))
		return TARGET_ERR_SYNTAX;
	while (scan_is_digit(*q))
	{
		if (v <= TARGET_MAX_YEAR)
			v = v * 10 + (*q - '0');
		q++;
	}
	if (scan_is_alpha(*q) || *q == '.')
		return TARGET_ERR_SYNTAX;
	if (v < TARGET_MIN_YEAR || v > TARGET_MAX_YEAR)
		return TARGET_ERR_YEAR_RANGE;
	*out = (int32_t) v;
	*end = q;
	return TARGET_OK;
}

TargetError
target_parse(const char *text, StyringTarget *out, ScanError *err)
{
	const char *p = scan_skip_space(text);
	const char *end;
	TargetError rc;
	StyringTarget t;

	memset(&t, 0, sizeof(t));
	t.version = TARGET_FORMAT_VERSION;

	if (match_prefix(p, ">=", &end) || match_prefix(p, "\xE2\x89\xA5", &end))
		t.op = TARGET_OP_GE;
	else if (match_prefix(p, "<=", &end) || match_prefix(p, "\xE2\x89\xA4", &end))
		t.op = TARGET_OP_LE;
	else if (match_prefix(p, "=", &end))
		t.op = TARGET_OP_EQ;
	else
		return scan_error_here(err, text, p, "\">=\", \"<=\" or \"=\""), TARGET_ERR_SYNTAX;
	p = scan_skip_space(end);

	if ((rc = scan_number(p, &t.value, &end)) != TARGET_OK)
		return scan_error_here(err, text, p, "a number"), rc;
	p = scan_skip_space(end);

	if (match_prefix(p, "\xC2\xB1", &end) || match_prefix(p, "+-", &end))
	{
		const char *at = p;

		p = scan_skip_space(end);
		if ((rc = scan_number(p, &t.tolerance, &end)) != TARGET_OK)
			return scan_error_here(err, text, p, "a tolerance"), rc;
		t.flags |= TARGET_HAS_TOLERANCE;
		if (t.op != TARGET_OP_EQ)
			return scan_error_here(err, text, at, "no tolerance"), TARGET_ERR_TOLERANCE_OP;
		p = scan_skip_space(end);
	}

	if (scan_keyword(p, "by", &end))
	{
		p = scan_skip_space(end);
		if ((rc = scan_year(p, &t.year, &end)) != TARGET_OK)
			return scan_error_here(err, text, p, "a year"), rc;
		t.flags |= TARGET_HAS_YEAR;
		p = scan_skip_space(end);
	}

	if (scan_keyword(p, "from", &end))
	{
		p = scan_skip_space(end);
		if ((rc = scan_number(p, &t.baseline, &end)) != TARGET_OK)
			return scan_error_here(err, text, p, "a baseline number"), rc;
		t.flags |= TARGET_HAS_BASELINE;
		p = scan_skip_space(end);
		if (scan_keyword(p, "in", &end))
		{
			p = scan_skip_space(end);
			if ((rc = scan_year(p, &t.baseline_year, &end)) != TARGET_OK)
				return scan_error_here(err, text, p, "a baseline year"), rc;
			t.flags |= TARGET_HAS_BASELINE_YEAR;
			p = scan_skip_space(end);
		}
	}

	if (*p != '\0')
	{
		const char *expected = (t.flags & TARGET_HAS_BASELINE) ?
			((t.flags & TARGET_HAS_BASELINE_YEAR) ? "end of input" : "\"in\" or end of input") :
			(t.flags & TARGET_HAS_YEAR) ? "\"from\" or end of input" :
			"\"by\", \"from\" or end of input";

		return scan_error_here(err, text, p, expected), TARGET_ERR_SYNTAX;
	}

	target_canonicalize(&t);
	if ((rc = target_validate(&t)) != TARGET_OK)
		return scan_error_here(err, text, text, NULL), rc;
	*out = t;
	return TARGET_OK;
}

/* ---------- the printer ---------- */

size_t
target_format(const StyringTarget *t, bool utf8, char *buf, size_t buflen)
{
	char		num[32];
	size_t		len;

	format_double_shortest(t->value, num, sizeof(num));
	len = (size_t) snprintf(buf, buflen, "%s %s", target_op_symbol(t->op), num);

#define APPEND(...) \
	do { if (len < buflen) len += (size_t) snprintf(buf + len, buflen - len, __VA_ARGS__); } while (0)

	if (t->flags & TARGET_HAS_TOLERANCE)
	{
		format_double_shortest(t->tolerance, num, sizeof(num));
		APPEND(" %s%s", utf8 ? "\xC2\xB1" : "+-", num);
	}
	if (t->flags & TARGET_HAS_YEAR)
		APPEND(" by %d", (int) t->year);
	if (t->flags & TARGET_HAS_BASELINE)
	{
		format_double_shortest(t->baseline, num, sizeof(num));
		APPEND(" from %s", num);
	}
	if (t->flags & TARGET_HAS_BASELINE_YEAR)
		APPEND(" in %d", (int) t->baseline_year);
#undef APPEND
	return len;
}

/* ---------- the binary form ---------- */

static size_t
put_double(uint8_t *buf, double d)
{
	put_be_double(buf, d);
	return 8;
}

static size_t
put_int32(uint8_t *buf, int32_t i)
{
	put_be32(buf, (uint32_t) i);
	return 4;
}

size_t
target_encode(const StyringTarget *t, uint8_t *buf)
{
	size_t		n = 0;

	buf[n++] = t->version;
	buf[n++] = t->op;
	buf[n++] = t->flags;
	n += put_double(buf + n, t->value);
	if (t->flags & TARGET_HAS_TOLERANCE)
		n += put_double(buf + n, t->tolerance);
	if (t->flags & TARGET_HAS_YEAR)
		n += put_int32(buf + n, t->year);
	if (t->flags & TARGET_HAS_BASELINE)
		n += put_double(buf + n, t->baseline);
	if (t->flags & TARGET_HAS_BASELINE_YEAR)
		n += put_int32(buf + n, t->baseline_year);
	return n;
}

static bool
get_double(const uint8_t *buf, size_t len, size_t *pos, double *out)
{
	if (len - *pos < 8)
		return false;
	*out = get_be_double(buf + *pos);
	*pos += 8;
	return true;
}

static bool
get_int32(const uint8_t *buf, size_t len, size_t *pos, int32_t *out)
{
	if (len - *pos < 4)
		return false;
	*out = (int32_t) get_be32(buf + *pos);
	*pos += 4;
	return true;
}

TargetError
target_decode(const uint8_t *buf, size_t len, StyringTarget *out)
{
	StyringTarget t;
	size_t		pos = 3;

	memset(&t, 0, sizeof(t));
	if (len < 3)
		return TARGET_ERR_BINARY;
	t.version = buf[0];
	t.op = buf[1];
	t.flags = buf[2];
	if (t.version != TARGET_FORMAT_VERSION || (t.flags & ~TARGET_KNOWN_FLAGS))
		return TARGET_ERR_BINARY;
	if (!get_double(buf, len, &pos, &t.value))
		return TARGET_ERR_BINARY;
	if ((t.flags & TARGET_HAS_TOLERANCE) && !get_double(buf, len, &pos, &t.tolerance))
		return TARGET_ERR_BINARY;
	if ((t.flags & TARGET_HAS_YEAR) && !get_int32(buf, len, &pos, &t.year))
		return TARGET_ERR_BINARY;
	if ((t.flags & TARGET_HAS_BASELINE) && !get_double(buf, len, &pos, &t.baseline))
		return TARGET_ERR_BINARY;
	if ((t.flags & TARGET_HAS_BASELINE_YEAR) && !get_int32(buf, len, &pos, &t.baseline_year))
		return TARGET_ERR_BINARY;
	if (pos != len)
		return TARGET_ERR_BINARY;
	target_canonicalize(&t);
	*out = t;
	return target_validate(&t);
}

/* ---------- ordering ---------- */

static int
cmp_double(double a, double b)
{
	return (a < b) ? -1 : (a > b) ? 1 : 0;
}

static int
cmp_optional_double(bool ha, double a, bool hb, double b)
{
	if (ha != hb)
		return ha ? 1 : -1;		/* absent sorts first */
	return ha ? cmp_double(a, b) : 0;
}

static int
cmp_optional_int(bool ha, int32_t a, bool hb, int32_t b)
{
	if (ha != hb)
		return ha ? 1 : -1;
	return ha ? ((a > b) - (a < b)) : 0;
}

/* Total order: op, value, tolerance, year, baseline, baseline year. */
int
target_compare(const StyringTarget *a, const StyringTarget *b)
{
	int			c;

	if (a->op != b->op)
		return a->op < b->op ? -1 : 1;
	if ((c = cmp_double(a->value, b->value)) != 0)
		return c;
	if ((c = cmp_optional_double(a->flags & TARGET_HAS_TOLERANCE, a->tolerance,
								 b->flags & TARGET_HAS_TOLERANCE, b->tolerance)) != 0)
		return c;
	if ((c = cmp_optional_int(a->flags & TARGET_HAS_YEAR, a->year,
							  b->flags & TARGET_HAS_YEAR, b->year)) != 0)
		return c;
	if ((c = cmp_optional_double(a->flags & TARGET_HAS_BASELINE, a->baseline,
								 b->flags & TARGET_HAS_BASELINE, b->baseline)) != 0)
		return c;
	return cmp_optional_int(a->flags & TARGET_HAS_BASELINE_YEAR, a->baseline_year,
							b->flags & TARGET_HAS_BASELINE_YEAR, b->baseline_year);
}

/* ---------- the formulas (doc/concepts.md, "Targets and attainment") ---------- */

double
target_progress(const StyringTarget *t, double a)
{
	double		T = t->value;

	if (t->flags & TARGET_HAS_BASELINE)
	{
		double		B = t->baseline;

		switch (t->op)
		{
			case TARGET_OP_GE:
				return (a - B) / (T - B);
			case TARGET_OP_LE:
				return (B - a) / (B - T);
			default:
				return 1.0 - fabs(a - T) / fabs(B - T);
		}
	}
	switch (t->op)
	{
		case TARGET_OP_GE:
			return a / T;
		case TARGET_OP_LE:
			/* Nothing left at all (a <= 0) counts as reached. */
			return a <= 0 ? 1.0 : T / a;
		default:
			return 1.0 - fabs(a - T) / fabs(T);
	}
}

static double
clamp01(double x)
{
	return x < 0 ? 0 : (x > 1 ? 1 : x);
}

double
target_attainment(const StyringTarget *t, double actual)
{
	return clamp01(target_progress(t, actual));
}

/*
 * Binary doubles cannot hold most decimals: 82.8 - 72 is 10.799999999999997,
 * so 60 % of the way from 72 to 90 would come out just short of 0.6. The
 * comparisons below allow for that rounding, and no more: a billionth of
 * the way for progress, and 1e-12 of the numbers' size for distances.
 */
#define PROGRESS_SLACK 1e-9
#define RELATIVE_SLACK 1e-12

bool
target_achieved(const StyringTarget *t, double a)
{
	switch (t->op)
	{
		case TARGET_OP_GE:
			return a >= t->value;
		case TARGET_OP_LE:
			return a <= t->value;
		default:
			return fabs(a - t->value) <=
				t->tolerance + RELATIVE_SLACK * fmax(fabs(a), fabs(t->value));
	}
}

double
target_expected_progress(const StyringTarget *t, int32_t year)
{
	if (!(t->flags & TARGET_HAS_YEAR) || !(t->flags & TARGET_HAS_BASELINE_YEAR))
		return 1.0;
	return clamp01((double) (year - t->baseline_year) /
				   (double) (t->year - t->baseline_year));
}

GoalStatus
target_status(const StyringTarget *t, double actual, bool has_year,
			  int32_t year, double margin)
{
	double		p,
				expected;

	if (target_achieved(t, actual))
		return GOAL_ACHIEVED;
	p = target_progress(t, actual);
	expected = has_year ? target_expected_progress(t, year) : 1.0;
	if (p >= expected - PROGRESS_SLACK)
		return GOAL_ON_TRACK;
	if (p >= expected - margin - PROGRESS_SLACK)
		return GOAL_AT_RISK;
	return GOAL_OFF_TRACK;
}
