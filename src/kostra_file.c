/*
 * kostra_file.c - styring.kostra_file_rows(text): Statistics Norway's KOSTRA
 * accounts file (fixed positions, 48 characters a record) cut into its
 * fields, one row per record, in one pass over the document.
 *
 * Positions count characters, as the file description and the control
 * program do (a record may hold a name with an ø); a record shorter than 48
 * characters gives shorter or empty fields, and its length is returned so
 * that the caller can report it (the program's control 001); the last three
 * fields also as integers, as the program reads them. Lines end in
 * LF or CRLF; empty lines are no records. The SQL layer (src/sql/
 * 78_kostra_file.sql) holds the controls.
 */
#include "styring.h"

#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/tuplestore.h"

#include "core/scan.h"

PG_FUNCTION_INFO_V1(kostra_file_rows);

#define KOSTRA_RECORD_CHARS 48
#define KOSTRA_FIELDS 10
#define KOSTRA_NUMBERS 3		/* funksjon_kapittel, art_sektor, belop as numbers */
#define KOSTRA_COLUMNS (2 + KOSTRA_FIELDS + KOSTRA_NUMBERS)	/* line, length, the fields, their numbers */
#define KOSTRA_INTERRUPT_EVERY 4096

/* The fields' first character (1-based) and width, as the file description has them. */
static const struct
{
	int			from;
	int			size;
}			kostra_fields[KOSTRA_FIELDS] =
{
	{1, 2},						/* skjema */
	{3, 4},						/* aargang */
	{7, 1},						/* kvartal */
	{8, 6},						/* region */
	{14, 9},					/* orgnr */
	{23, 9},					/* foretaksnr */
	{32, 1},					/* kontoklasse */
	{33, 4},					/* funksjon_kapittel */
	{37, 3},					/* art_sektor */
	{40, 9}						/* belop */
};

/*
 * A field's integer as the control program reads it: spaces around it, an
 * optional sign and 1 to 9 digits; false when it is anything else (the
 * checks count such a field as 0). Done here because the checks need it for
 * every record, where a regular expression per field costs more than the rest.
 */
static bool
kostra_field_number(const char *s, int len, int32 *value)
{
	int			i = 0;
	int			end = len;
	int			digits;
	bool		negative = false;
	int32		v = 0;

	while (i < end && s[i] == ' ')
		i++;
	while (end > i && s[end - 1] == ' ')
		end--;
	if (i < end && (s[i] == '+' || s[i] == '-'))
		negative = s[i++] == '-';
	digits = end - i;
	if (digits < 1 || digits > 9)
		return false;
	for (; i < end; i++)
	{
		if (!scan_is_digit(s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*value = negative ? -v : v;
	return true;
}

/*
 * One record: the byte offset of each character position up to 48 (and the
 * end), then each field as the text between its first and its last position.
 */
static void
kostra_put_record(Tuplestorestate *store, TupleDesc desc, int64 line, const char *rec, int len)
{
	int			at[KOSTRA_RECORD_CHARS + 2];
	int			chars = 0;
	int			pos = 0;
	Datum		values[KOSTRA_COLUMNS];
	bool		nulls[KOSTRA_COLUMNS] = {false};

	while (pos < len)
	{
		if (chars <= KOSTRA_RECORD_CHARS)
			at[chars] = pos;
		pos += pg_mblen(rec + pos);
		chars++;
	}
	/* positions past the end of a short record all point at its end */
	for (int c = Min(chars, KOSTRA_RECORD_CHARS + 1); c <= KOSTRA_RECORD_CHARS + 1; c++)
		at[c] = len;
	Assert(pos == len);

	values[0] = Int64GetDatum(line);
	values[1] = Int32GetDatum(chars);
	for (int f = 0; f < KOSTRA_FIELDS; f++)
	{
		int			first = at[kostra_fields[f].from - 1];
		int			end = at[kostra_fields[f].from - 1 + kostra_fields[f].size];

		values[2 + f] = PointerGetDatum(cstring_to_text_with_len(rec + first, Max(end - first, 0)));
		if (f >= KOSTRA_FIELDS - KOSTRA_NUMBERS)
		{
			int			col = 2 + KOSTRA_FIELDS + f - (KOSTRA_FIELDS - KOSTRA_NUMBERS);
			int32		v;

			nulls[col] = !kostra_field_number(rec + first, Max(end - first, 0), &v);
			values[col] = nulls[col] ? (Datum) 0 : Int32GetDatum(v);
		}
	}
	tuplestore_putvalues(store, desc, values, nulls);
	for (int f = 0; f < KOSTRA_FIELDS; f++)
		pfree(DatumGetPointer(values[2 + f]));
}

Datum
kostra_file_rows(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	const char *p = VARDATA_ANY(doc);
	const char *end = p + VARSIZE_ANY_EXHDR(doc);
	int64		line = 0;

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	while (p < end)
	{
		const char *nl = memchr(p, '\n', end - p);
		const char *stop = nl ? nl : end;
		int			len;

		line++;
		if ((line % KOSTRA_INTERRUPT_EVERY) == 0)
			CHECK_FOR_INTERRUPTS();
		if (stop > p && stop[-1] == '\r')
			stop--;
		len = (int) (stop - p);
		if (len > 0)
			kostra_put_record(rsinfo->setResult, rsinfo->setDesc, line, p, len);
		p = nl ? nl + 1 : end;
	}
	return (Datum) 0;
}
