/*
 * csv.c - styring.csv_rows(text): a CSV document as rows of text[], so that
 * a loader reads a file the user already has in one SQL call (the KOSTRA
 * CSV loaders use it; so can anyone's SQL).
 */
#include "styring.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "core/csv_core.h"

PG_FUNCTION_INFO_V1(csv_rows);

static const char *
csv_error_text(CsvError err)
{
	return err == CSV_UNTERMINATED_QUOTE ? "a quoted field is not closed"
		: "text follows the closing quote of a field";
}

Datum
csv_rows(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	char	   *field = palloc(len + 1);
	CsvReader	r;
	int			capacity = 16;
	Datum	   *fields = palloc(capacity * sizeof(Datum));

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	csv_reader_init(&r, s, len);
	while (csv_has_record(&r))
	{
		int			nfields = 0;
		bool		last = false;
		bool		isnull = false;
		Datum		row;

		CHECK_FOR_INTERRUPTS();
		while (!last)
		{
			size_t		n;
			int			line = r.line;
			CsvError	err = csv_read_field(&r, field, &n, &last);

			if (err != CSV_OK)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
						 errmsg("invalid CSV on line %d: %s", line, csv_error_text(err)),
						 errdetail("At byte %zu of the document.", r.error_pos + 1)));
			if (nfields == capacity)
			{
				capacity *= 2;
				fields = repalloc(fields, capacity * sizeof(Datum));
			}
			fields[nfields++] = PointerGetDatum(cstring_to_text_with_len(field, (int) n));
		}
		row = PointerGetDatum(construct_array(fields, nfields, TEXTOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &row, &isnull);
	}
	return (Datum) 0;
}
