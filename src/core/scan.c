/*
 * scan.c - the scanning helpers of scan.h that are not inline.
 */
#include "scan.h"

int
utf8_char_offset(const char *start, const char *at)
{
	int			chars = 0;

	for (const char *c = start; c < at; c++)
		if (((unsigned char) *c & 0xC0) != 0x80)
			chars++;
	return chars;
}

bool
scan_keyword(const char *p, const char *kw, const char **end)
{
	size_t		n = strlen(kw);
	char		next;

	for (size_t i = 0; i < n; i++)
	{
		char		c = p[i];

		if (c >= 'A' && c <= 'Z')
			c = (char) (c - 'A' + 'a');
		if (c != kw[i])
			return false;
	}
	next = p[n];
	if (scan_is_alpha(next) || scan_is_digit(next) || next == '_')
		return false;
	if (end)
		*end = p + n;
	return true;
}
