/*
 * csv.c - styring.csv_rows(text [, delimiter text]): a CSV document as rows
 * of text[], so that
 * a loader reads a file the user already has in one SQL call (the KOSTRA
 * CSV loaders use it; so can anyone's SQL).
 *
 * Memory is bounded whatever the document: each record is measured first,
 * then copied once, straight into the text[] that becomes its row, in a
 * context that is reset after the row is handed to the tuplestore (which
 * spills to disk past work_mem). A record whose array would pass the 1 GB
 * allocation limit is refused with 54000 before anything is allocated for it,
 * and interrupts are checked every few thousand fields inside a record, so
 * statement_timeout and a cancel work on a record of millions of fields.
 */
#include "styring.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "core/csv_core.h"

PG_FUNCTION_INFO_V1(csv_rows);

/* fields read between two checks for a cancel or a timeout */
#define CSV_INTERRUPT_EVERY 4096

static void
csv_report(CsvError err, int line, const CsvReader *r)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid CSV on line %d: %s", line,
					err == CSV_UNTERMINATED_QUOTE ? "a quoted field is not closed"
					: "text follows the closing quote of a field"),
			 errdetail("At byte %zu of the document.", r->error_pos + 1)));
}

/* A record whose text[] would not fit in one allocation. */
static void
csv_too_large(int line)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("CSV record on line %d is too large", line),
			 errdetail("A record is at most %d fields and 1 GB as a text array.", (int) MaxArraySize)));
}

/*
 * First pass over one record: its number of fields and the bytes its text[]
 * needs (the array header, then each element's 4-byte header and text,
 * int-aligned), refused before anything is allocated when that is more than
 * one allocation may hold. The reader is left after the record; the caller
 * restores it for the copy.
 */
static void
csv_measure_record(CsvReader *r, int line, int64 *nfields, Size *bytes)
{
	bool		last = false;
	int64		n = 0;
	Size		size = ARR_OVERHEAD_NONULLS(1);

	while (!last)
	{
		size_t		len;
		int			field_line = r->line;
		CsvError	err = csv_read_field(r, NULL, &len, &last);

		if (err != CSV_OK)
			csv_report(err, field_line, r);
		n++;
		size += INTALIGN(VARHDRSZ + len);
		/* >=: the copy allocates one byte more */
		if (n > MaxArraySize || size >= MaxAllocSize)
			csv_too_large(line);
		if (n % CSV_INTERRUPT_EVERY == 0)
			CHECK_FOR_INTERRUPTS();
	}
	*nfields = n;
	*bytes = size;
}

/* Second pass: the record's fields written in place into one text[] of the measured size. */
static ArrayType *
csv_copy_record(CsvReader *r, int64 nfields, Size bytes)
{
	ArrayType  *a;
	char	   *p;
	int			dims[1] = {(int) nfields};
	int			lbs[1] = {1};
	bool		last = false;
	int64		n = 0;

	Assert(bytes < MaxAllocSize);
	/* one byte more: the reader ends every field with a NUL */
	a = (ArrayType *) palloc0(bytes + 1);
	SET_VARSIZE(a, bytes);
	a->ndim = 1;
	a->dataoffset = 0;
	a->elemtype = TEXTOID;
	memcpy(ARR_DIMS(a), dims, sizeof(dims));
	memcpy(ARR_LBOUND(a), lbs, sizeof(lbs));
	p = ARR_DATA_PTR(a);
	while (!last)
	{
		size_t		len;
		CsvError	err = csv_read_field(r, VARDATA(p), &len, &last);

		/* the first pass read the same bytes without an error */
		Assert(err == CSV_OK);
		(void) err;
		SET_VARSIZE(p, VARHDRSZ + len);
		p += INTALIGN(VARHDRSZ + len);
		if (++n % CSV_INTERRUPT_EVERY == 0)
			CHECK_FOR_INTERRUPTS();
	}
	Assert(n == nfields && p == (char *) a + bytes);
	return a;
}

/*
 * The delimiter argument: one byte that cannot be part of the quoting or of a
 * line end (a multi-byte character would split a UTF-8 sequence).
 */
static char
csv_delimiter(text *arg)
{
	const char *d = VARDATA_ANY(arg);
	int			len = VARSIZE_ANY_EXHDR(arg);

	if (len != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r' || d[0] == '\0' || IS_HIGHBIT_SET(d[0]))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid CSV delimiter \"%s\"", styring_quote_for_error(text_to_cstring(arg))),
				 errdetail("A delimiter is one ASCII character other than a double quote, CR or LF, such as , or ;.")));
	return d[0];
}

Datum
csv_rows(PG_FUNCTION_ARGS)
{
	text	   *doc = PG_GETARG_TEXT_PP(0);
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	MemoryContext record_ctx;
	CsvReader	r;
	char		delimiter = PG_NARGS() > 1 ? csv_delimiter(PG_GETARG_TEXT_PP(1)) : ',';

	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	record_ctx = AllocSetContextCreate(CurrentMemoryContext, "csv_rows record", ALLOCSET_DEFAULT_SIZES);
	csv_reader_init(&r, VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc));
	r.delimiter = delimiter;
	while (csv_has_record(&r))
	{
		CsvReader	start = r;
		int64		nfields;
		Size		bytes;
		Datum		row;
		bool		isnull = false;
		MemoryContext old;

		CHECK_FOR_INTERRUPTS();
		csv_measure_record(&r, start.line, &nfields, &bytes);
		r = start;
		old = MemoryContextSwitchTo(record_ctx);
		row = PointerGetDatum(csv_copy_record(&r, nfields, bytes));
		MemoryContextSwitchTo(old);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &row, &isnull);
		MemoryContextReset(record_ctx);
	}
	MemoryContextDelete(record_ctx);
	return (Datum) 0;
}
