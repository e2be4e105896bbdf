/*
 * kostra_code.c - styring.kostra_region(text) and styring.kostra_code(text):
 * KOSTRA codes of digits with the leading zeros that R and spreadsheets drop,
 * as Statistics Norway's FixRegionkode does for regions. In C because a
 * loader calls them for every line of a country's accounts (millions of
 * calls, where a SQL function's call costs more than the work).
 */
#include "styring.h"

#include "utils/builtins.h"

#include "core/scan.h"

PG_FUNCTION_INFO_V1(kostra_region);
PG_FUNCTION_INFO_V1(kostra_code);

/* true when the text is 1 or more ASCII digits and nothing else */
static bool
all_digits(const char *s, int len)
{
	if (len == 0)
		return false;
	for (int i = 0; i < len; i++)
		if (!scan_is_digit(s[i]))
			return false;
	return true;
}

/* The code padded with zeros on the left to width characters. */
static text *
zero_padded(const char *s, int len, int width)
{
	text	   *out = (text *) palloc(VARHDRSZ + width);

	Assert(len < width);
	SET_VARSIZE(out, VARHDRSZ + width);
	memset(VARDATA(out), '0', width - len);
	memcpy(VARDATA(out) + width - len, s, len);
	return out;
}

/* 301 -> 0301, 30101 -> 030101; any other code unchanged */
Datum
kostra_region(PG_FUNCTION_ARGS)
{
	text	   *code = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(code);
	int			len = VARSIZE_ANY_EXHDR(code);

	if (len <= 3 && all_digits(s, len))
		PG_RETURN_TEXT_P(zero_padded(s, len, 4));
	if (len == 5 && all_digits(s, len))
		PG_RETURN_TEXT_P(zero_padded(s, len, 6));
	PG_RETURN_TEXT_P(code);
}

/* 10 -> 010; codes of letters (FGK7, AGD9) and of three digits unchanged */
Datum
kostra_code(PG_FUNCTION_ARGS)
{
	text	   *code = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(code);
	int			len = VARSIZE_ANY_EXHDR(code);

	if (len <= 2 && all_digits(s, len))
		PG_RETURN_TEXT_P(zero_padded(s, len, 3));
	PG_RETURN_TEXT_P(code);
}
