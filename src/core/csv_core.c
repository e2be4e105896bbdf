/*
 * csv_core.c - CSV records and fields (RFC 4180): fields separated by commas
 * (or the reader's delimiter),
 * records by LF or CRLF, a field in double quotes may hold commas, newlines
 * and doubled quotes. An unquoted field is taken as it is, quotes and all.
 */
#include "csv_core.h"

#include <string.h>

void
csv_reader_init(CsvReader *r, const char *text, size_t len)
{
	r->text = text;
	r->len = len;
	r->pos = 0;
	r->line = 1;
	r->error_pos = 0;
	r->delimiter = ',';
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		r->pos = 3;
}

bool
csv_has_record(const CsvReader *r)
{
	return r->pos < r->len;
}

/* Consumes a record end (LF, CRLF or the end of the text) if one is at pos. */
static bool
at_record_end(CsvReader *r)
{
	if (r->pos >= r->len)
		return true;
	if (r->text[r->pos] == '\n')
	{
		r->pos++;
		r->line++;
		return true;
	}
	if (r->text[r->pos] == '\r' && r->pos + 1 < r->len && r->text[r->pos + 1] == '\n')
	{
		r->pos += 2;
		r->line++;
		return true;
	}
	/* a CR that ends the text: a CRLF whose LF was cut off (psql's backticks cut it) */
	if (r->text[r->pos] == '\r' && r->pos + 1 == r->len)
	{
		r->pos++;
		return true;
	}
	return false;
}

/* out may be NULL: then the field is only measured, as the caller's first pass does. */
#define PUT(c) do { if (out) out[*n] = (c); (*n)++; } while (0)

static CsvError
read_quoted(CsvReader *r, char *out, size_t *n)
{
	size_t		start = r->pos;

	r->pos++;					/* the opening quote */
	for (;;)
	{
		char		c;

		if (r->pos >= r->len)
		{
			r->error_pos = start;
			return CSV_UNTERMINATED_QUOTE;
		}
		c = r->text[r->pos++];
		if (c == '"')
		{
			if (r->pos < r->len && r->text[r->pos] == '"')
			{
				PUT('"');
				r->pos++;
				continue;
			}
			return CSV_OK;
		}
		if (c == '\n')
			r->line++;
		PUT(c);
	}
}

CsvError
csv_read_field(CsvReader *r, char *out, size_t *outlen, bool *last)
{
	size_t		n = 0;

	if (r->pos < r->len && r->text[r->pos] == '"')
	{
		CsvError	err = read_quoted(r, out, &n);

		if (err != CSV_OK)
			return err;
	}
	else
	{
		while (r->pos < r->len && r->text[r->pos] != r->delimiter && r->text[r->pos] != '\n' &&
			   !(r->text[r->pos] == '\r' && (r->pos + 1 == r->len || r->text[r->pos + 1] == '\n')))
		{
			if (out)
				out[n] = r->text[r->pos];
			n++;
			r->pos++;
		}
	}
	if (out)
		out[n] = '\0';
	*outlen = n;
	if (r->pos < r->len && r->text[r->pos] == r->delimiter)
	{
		r->pos++;
		*last = false;
		return CSV_OK;
	}
	if (at_record_end(r))
	{
		*last = true;
		return CSV_OK;
	}
	r->error_pos = r->pos;
	return CSV_TEXT_AFTER_QUOTE;
}
