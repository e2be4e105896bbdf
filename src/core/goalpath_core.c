/*
 * goalpath_core.c - parse, print and compare goal paths.
 */
#include "goalpath_core.h"
#include "scan.h"
#include "unicode_labels.h"

#include <string.h>

bool
goalpath_label_char(uint32_t cp)
{
	size_t		lo = 0,
				hi = UNICODE_LABEL_RANGE_COUNT;

	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
			(cp >= '0' && cp <= '9') || cp == '_' || cp == '-';
	while (lo < hi)
	{
		size_t		mid = lo + (hi - lo) / 2;

		if (cp < unicode_label_ranges[mid][0])
			hi = mid;
		else if (cp > unicode_label_ranges[mid][1])
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/*
 * Decodes one UTF-8 character at s (n bytes left), strictly: no overlong
 * forms, no surrogates, nothing above U+10FFFF. Returns its length, 0 if
 * the bytes are not valid UTF-8.
 */
static size_t
utf8_decode(const uint8_t *s, size_t n, uint32_t *cp)
{
	uint32_t	c = s[0];
	size_t		len;
	uint32_t	min;

	if (c < 0x80)
	{
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		len = 2, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4, c &= 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++)
	{
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* A failure at character position, naming the offending character cp (or 0). */
static GoalpathError
goalpath_fail(ScanError *err, int position, uint32_t cp, GoalpathError code)
{
	scan_error_at(err, position, NULL);
	if (err)
		err->codepoint = cp;
	return code;
}

GoalpathError
goalpath_parse(const char *text, size_t len, uint8_t *out, size_t *outlen, int *nlevels,
			   ScanError *err)
{
	const uint8_t *s = (const uint8_t *) text;
	size_t		start = 0,
				end = len,
				o = 0,
				label_bytes = 0;
	int			levels = 1;
	int			chars = 0;

	while (start < end && scan_is_space((char) s[start]))
		start++, chars++;
	while (end > start && scan_is_space((char) s[end - 1]))
		end--;
	if (start == end)
		return goalpath_fail(err, chars, 0, GOALPATH_ERR_EMPTY);

	for (size_t i = start; i < end;)
	{
		uint32_t	cp;
		size_t		n = utf8_decode(s + i, end - i, &cp);

		if (n == 0)
			return goalpath_fail(err, chars, s[i], GOALPATH_ERR_BAD_UTF8);
		if (cp == '.')
		{
			if (label_bytes == 0)
				return goalpath_fail(err, chars, cp, GOALPATH_ERR_EMPTY_LABEL);
			if (++levels > GOALPATH_MAX_DEPTH)
				return goalpath_fail(err, chars, cp, GOALPATH_ERR_TOO_DEEP);
			out[o++] = GOALPATH_SEP;
			label_bytes = 0;
		}
		else
		{
			if (!goalpath_label_char(cp))
				return goalpath_fail(err, chars, cp, GOALPATH_ERR_BAD_CHAR);
			label_bytes += n;
			/*
			 * One '-' more than the limit ends the last label of
			 * goalpath_subtree_end(p) when p's last label is as long as a
			 * label may be: that value is read back too, as every value is.
			 */
			if (label_bytes > GOALPATH_MAX_LABEL &&
				!(label_bytes == GOALPATH_MAX_LABEL + 1 && cp == '-' && i + n == end))
				return goalpath_fail(err, chars, cp, GOALPATH_ERR_LABEL_TOO_LONG);
			memcpy(out + o, s + i, n);
			o += n;
		}
		i += n;
		chars++;
	}
	if (label_bytes == 0)
		return goalpath_fail(err, chars, 0, GOALPATH_ERR_EMPTY_LABEL);
	*outlen = o;
	*nlevels = levels;
	return GOALPATH_OK;
}

void
goalpath_format(const uint8_t *data, size_t len, char *out)
{
	for (size_t i = 0; i < len; i++)
		out[i] = data[i] == GOALPATH_SEP ? '.' : (char) data[i];
	out[len] = '\0';
}

int
goalpath_compare(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	int			c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (alen > blen) - (alen < blen);
}

bool
goalpath_is_prefix(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	if (alen > blen || memcmp(a, b, alen) != 0)
		return false;
	return alen == blen || b[alen] == GOALPATH_SEP;
}

int
goalpath_count_levels(const uint8_t *data, size_t len)
{
	int			levels = len > 0 ? 1 : 0;

	for (size_t i = 0; i < len; i++)
		if (data[i] == GOALPATH_SEP)
			levels++;
	return levels;
}

size_t
goalpath_prefix_len(const uint8_t *data, size_t len, int k)
{
	int			seen = 0;

	if (k <= 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (data[i] == GOALPATH_SEP && ++seen == k)
			return i;
	return len;
}

bool
goalpath_label_at(const uint8_t *data, size_t len, int idx, size_t *start, size_t *label_len)
{
	size_t		s = 0;
	int			level = 0;

	for (size_t i = 0; i <= len; i++)
	{
		if (i == len || data[i] == GOALPATH_SEP)
		{
			if (level == idx)
			{
				*start = s;
				*label_len = i - s;
				return true;
			}
			level++;
			s = i + 1;
		}
	}
	return false;
}

size_t
goalpath_common_len(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	size_t		n = alen < blen ? alen : blen;
	size_t		last_boundary = 0;
	size_t		i;

	for (i = 0; i < n && a[i] == b[i]; i++)
		if (a[i] == GOALPATH_SEP)
			last_boundary = i;
	/* A whole label in common when both end there or both separate there. */
	if ((i == alen || a[i] == GOALPATH_SEP) && (i == blen || b[i] == GOALPATH_SEP))
		return i;
	return last_boundary;
}

GoalpathError
goalpath_decode(const uint8_t *buf, size_t len, uint8_t *out, size_t *outlen, int *nlevels,
				ScanError *err)
{
	if (len < 1 || buf[0] != GOALPATH_FORMAT_VERSION)
		return GOALPATH_ERR_BINARY;
	/* The text may hold any bytes, NUL included: the parser checks them all. */
	return goalpath_parse((const char *) buf + 1, len - 1, out, outlen, nlevels, err);
}
