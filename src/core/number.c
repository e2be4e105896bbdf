/*
 * number.c - decimal numbers in text, shared by every styring parser.
 */
#include "number.h"

/* Ryu, from PostgreSQL's libpgcommon: plain C, no server state. */
#include "common/shortest_dec.h"

#include <errno.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool
is_nonfinite_word(const char *p)
{
	if (*p == '+' || *p == '-')
		p++;
	return scan_keyword(p, "nan", NULL) || scan_keyword(p, "infinity", NULL) ||
		scan_keyword(p, "inf", NULL);
}

/*
 * Our own scanner decides the token's extent; strtod only converts it, and
 * must stop exactly there (it would read "0x1p3" as hexadecimal).
 */
NumberScan
scan_double(const char *p, double *out, const char **end)
{
	const char *q = p;
	char	   *strtod_end;
	bool		digits = false;

	if (is_nonfinite_word(p))
		return NUMBER_NOT_FINITE;
	if (*q == '+' || *q == '-')
		q++;
	while (scan_is_digit(*q))
		q++, digits = true;
	if (*q == '.')
	{
		q++;
		while (scan_is_digit(*q))
			q++, digits = true;
	}
	if (!digits)
		return NUMBER_SYNTAX;
	if ((*q == 'e' || *q == 'E') &&
		(scan_is_digit(q[1]) || ((q[1] == '+' || q[1] == '-') && scan_is_digit(q[2]))))
	{
		q += 2;
		while (scan_is_digit(*q))
			q++;
	}

	errno = 0;
	*out = strtod(p, &strtod_end);
	if (strtod_end != q)
		return NUMBER_SYNTAX;
	if (errno == ERANGE && (*out == 0 || isinf(*out)))
		return NUMBER_RANGE;
	if (*out == 0)
		*out = 0;				/* no -0: equal values print and hash alike */
	*end = q;
	return NUMBER_OK;
}

/*
 * The reference: the fewest significant digits (1..17) whose correctly rounded
 * %.*e form strtod reads back to x, laid out in fixed notation for decimal
 * exponents -4..14 and scientific notation outside, as float8out does.
 * Exact but slow (up to 17 snprintf and strtod calls).
 */
size_t
format_double_by_search(double x, char *buf, size_t buflen)
{
	char		sci[40];
	char		digits[20];
	int			ndigits = 0;
	int			exponent;
	char		out[DOUBLE_TEXT_MAX + 8];
	size_t		len = 0;
	const char *p;

	if (x == 0)
		return (size_t) snprintf(buf, buflen, "0");
	if (!isfinite(x))
		return (size_t) snprintf(buf, buflen, "%s",
								 isnan(x) ? "NaN" : (x > 0 ? "Infinity" : "-Infinity"));

	for (int prec = 1; prec <= 17; prec++)
	{
		snprintf(sci, sizeof(sci), "%.*e", prec - 1, x);
		if (strtod(sci, NULL) == x)
			break;
	}

	p = sci;
	if (*p == '-')
	{
		out[len++] = '-';
		p++;
	}
	for (; *p && *p != 'e'; p++)
		if (scan_is_digit(*p))
			digits[ndigits++] = *p;
	exponent = atoi(p + 1);
	while (ndigits > 1 && digits[ndigits - 1] == '0')
		ndigits--;

	if (exponent >= -4 && exponent < 15)
	{
		if (exponent < 0)
		{
			out[len++] = '0';
			out[len++] = '.';
			for (int i = -1; i > exponent; i--)
				out[len++] = '0';
			for (int i = 0; i < ndigits; i++)
				out[len++] = digits[i];
		}
		else
		{
			for (int i = 0; i <= exponent; i++)
				out[len++] = i < ndigits ? digits[i] : '0';
			if (ndigits > exponent + 1)
			{
				out[len++] = '.';
				for (int i = exponent + 1; i < ndigits; i++)
					out[len++] = digits[i];
			}
		}
		out[len] = '\0';
	}
	else
	{
		out[len++] = digits[0];
		if (ndigits > 1)
		{
			out[len++] = '.';
			for (int i = 1; i < ndigits; i++)
				out[len++] = digits[i];
		}
		snprintf(out + len, sizeof(out) - len, "e%c%02d",
				 exponent < 0 ? '-' : '+', abs(exponent));
	}
	return (size_t) snprintf(buf, buflen, "%s", out);
}

/*
 * Ryu (PostgreSQL's common/d2s.c, what float8out uses) gives the same text as
 * the search above, in the same layout, wherever the rounding interval of x is
 * symmetric and no decimal of 17 digits or fewer can fall exactly on its edge:
 * that is, x is not a power of two (whose lower neighbour is nearer than its
 * upper one) and |x| < 2^53 (above, the interval's edges are integers, and Ryu
 * and strtod settle an exact tie differently). There we take Ryu's answer,
 * about 20 times faster; elsewhere the search. fuzz/number_format.c checks the
 * two against each other on every input it makes.
 */
size_t
format_double_shortest(double x, char *buf, size_t buflen)
{
	char		ryu[DOUBLE_SHORTEST_DECIMAL_LEN];
	uint64_t	bits;
	int			len;

	memcpy(&bits, &x, sizeof(bits));
	if (x == 0 || !isfinite(x) || fabs(x) >= 9007199254740992.0 ||
		(bits & UINT64_C(0x000FFFFFFFFFFFFF)) == 0)
		return format_double_by_search(x, buf, buflen);
	len = double_to_shortest_decimal_buf(x, ryu);
	if ((size_t) len >= buflen)
		return format_double_by_search(x, buf, buflen);
	memcpy(buf, ryu, (size_t) len + 1);
	return (size_t) len;
}
