/*
 * styring.c - module magic and the error reporting the types share.
 */
#include "styring.h"

#include <limits.h>
#include <math.h>

#include "access/htup_details.h"
#include "funcapi.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#if PG_VERSION_NUM >= 180000
PG_MODULE_MAGIC_EXT(.name = "styring", .version = STYRING_VERSION);
#else
PG_MODULE_MAGIC;
#endif

/* styring.profile_cache_size: see profile.c, profile_arg(). */
int			styring_profile_cache_kb = STYRING_PROFILE_CACHE_DEFAULT_KB;

void		_PG_init(void);

void
_PG_init(void)
{
	DefineCustomIntVariable("styring.profile_cache_size",
							"Memory a backend may keep, per transaction, for the profiles it read from tables.",
							"Ranking many rows against stored (toasted) profiles reads each profile once "
							"and keeps it, for every function of the query, up to this size in all; "
							"0 turns the cache off.",
							&styring_profile_cache_kb,
							STYRING_PROFILE_CACHE_DEFAULT_KB, 0, INT_MAX / 2,
							PGC_USERSET, GUC_UNIT_KB,
							NULL, NULL, NULL);
	styring_profile_cache_init();
#if PG_VERSION_NUM >= 150000
	MarkGUCPrefixReserved("styring");
#else
	EmitWarningsOnPlaceholders("styring");
#endif
}

#define ERROR_QUOTE_MAX 100

char *
styring_quote_for_error(const char *text)
{
	size_t		len = strlen(text);
	int			cut;

	if (len <= ERROR_QUOTE_MAX)
		return pstrdup(text);
	cut = pg_mbcliplen(text, (int) len, ERROR_QUOTE_MAX);
	return psprintf("%.*s...", cut, text);
}

/* The detail of an entry, for the position and character in perr. */
static int
error_detail(const StyringError *e, const ScanError *perr)
{
	int			pos = perr ? perr->position + 1 : 1;

	switch (e->detail_kind)
	{
		case DETAIL_TEXT:
			return e->detail ? errdetail("%s", e->detail) : 0;
		case DETAIL_EXPECTED:
			return errdetail("Expected %s at position %d.",
							 perr && perr->expected ? perr->expected : e->detail, pos);
		case DETAIL_AT_POSITION:
			return perr ? errdetail(e->detail, pos) : 0;
		case DETAIL_CHARACTER:
			{
				uint32		cp = perr ? perr->codepoint : 0;
				char		ch[8] = {0};

				/* the character itself only where the database can show it */
				if (cp >= 0x20 && cp < 0x110000 && GetDatabaseEncoding() == PG_UTF8)
					unicode_to_utf8((pg_wchar) cp, (unsigned char *) ch);
				return errdetail(e->detail,
								 psprintf("U+%04X%s%s%s", cp, ch[0] ? " (\"" : "", ch, ch[0] ? "\")" : ""),
								 pos);
			}
	}
	return 0;
}

void
styring_report_error(const StyringError *table, int entries, int code, const char *text,
					 const ScanError *perr, Node *escontext)
{
	const StyringError *e = NULL;
	char	   *shown;

	if (code == 0)
		return;
	for (int i = 0; i < entries && e == NULL; i++)
		if (table[i].code == code)
			e = &table[i];
	if (e == NULL)
		elog(ERROR, "unknown styring error code %d", code);
	shown = styring_quote_for_error(text ? text : "");
	STYRING_INPUT_ERROR(escontext,
						(errcode(e->sqlstate),
						 errmsg_internal(e->message, shown),
						 error_detail(e, perr),
						 e->hint ? errhint("%s", e->hint) : 0));
}

void
styring_check_finite(double x, const char *what)
{
	if (isnan(x) || isinf(x))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must be a finite number, not \"%s\"", what,
						isnan(x) ? "NaN" : (x > 0 ? "Infinity" : "-Infinity"))));
}

MemoryContext
styring_agg_context(FunctionCallInfo fcinfo)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("%s called in non-aggregate context",
						get_func_name(fcinfo->flinfo->fn_oid))));
	return aggcontext;
}

const StyringRowArray *
styring_row_array(FunctionCallInfo fcinfo, int natts)
{
	StyringRowArray *rows = fcinfo->flinfo->fn_extra;
	MemoryContext old;

	if (rows)
		return rows;
	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	rows = palloc(sizeof(StyringRowArray));
	rows->row_type = get_element_type(get_func_rettype(fcinfo->flinfo->fn_oid));
	if (!OidIsValid(rows->row_type))
		elog(ERROR, "%s must return an array of rows", get_func_name(fcinfo->flinfo->fn_oid));
	rows->desc = BlessTupleDesc(lookup_rowtype_tupdesc_copy(rows->row_type, -1));
	if (rows->desc->natts != natts)
		elog(ERROR, "%s has %d columns, expected %d", format_type_be(rows->row_type),
			 rows->desc->natts, natts);
	get_typlenbyvalalign(rows->row_type, &rows->typlen, &rows->typbyval, &rows->typalign);
	MemoryContextSwitchTo(old);
	fcinfo->flinfo->fn_extra = rows;
	return rows;
}

/* What a row of n columns takes besides its data: header and null bitmap. */
static Size
row_header_size(int natts, bool hasnull)
{
	return MAXALIGN(SizeofHeapTupleHeader + (hasnull ? BITMAPLEN(natts) : 0));
}

static void
reserve_row_bytes(StyringRowArrayBuilder *b, Size more)
{
	Size		need = b->used + more;

	if (need <= b->cap)
		return;
	if (need > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("the result would take more than %zu bytes", (Size) MaxAllocSize)));
	b->cap = Min(Max(need, b->cap * 2), MaxAllocSize);
	b->buf = repalloc_huge(b->buf, b->cap);
}

void
styring_row_array_begin(StyringRowArrayBuilder *b, const StyringRowArray *rows, size_t expected_rows)
{
	/* a guess at a row's size; the buffer grows if it is short */
	Size		row_guess = row_header_size(rows->desc->natts, true) + 8 * rows->desc->natts + 8;

	b->rows = rows;
	b->used = ARR_OVERHEAD_NONULLS(1);
	b->cap = b->used + Min(Max(expected_rows, 1) * row_guess, MaxAllocSize / 2);
	b->buf = palloc_extended(b->cap, MCXT_ALLOC_HUGE);
	b->n = 0;
}

void
styring_row_array_add(StyringRowArrayBuilder *b, Datum *values, bool *nulls)
{
	TupleDesc	desc = b->rows->desc;
	bool		hasnull = false;
	Size		hoff;
	Size		data_len;
	Size		len;
	Size		room;
	HeapTupleHeader td;

	for (int i = 0; i < desc->natts; i++)
		hasnull |= nulls[i];
	hoff = row_header_size(desc->natts, hasnull);
	data_len = heap_compute_data_size(desc, values, nulls);
	len = hoff + data_len;
	/* every element of an array starts at its type's alignment */
	room = att_align_nominal(len, b->rows->typalign);
	reserve_row_bytes(b, room);
	td = (HeapTupleHeader) (b->buf + b->used);
	memset(td, 0, room);
	/* as heap_form_tuple does it; versioned builds stamp natts' version */
	HeapTupleHeaderSetNatts(td, desc->natts);
#ifdef VersionedDatumOffsetNumber
	heap_tuple_set_datum(td, desc, (uint32) len);
#else
	HeapTupleHeaderSetDatumLength(td, len);
	HeapTupleHeaderSetTypeId(td, desc->tdtypeid);
	HeapTupleHeaderSetTypMod(td, desc->tdtypmod);
	ItemPointerSetInvalid(&td->t_ctid);
#endif
	td->t_hoff = hoff;
	heap_fill_tuple(desc, values, nulls, (char *) td + hoff, data_len, &td->t_infomask,
					hasnull ? td->t_bits : NULL);
	/* a row inside an array must hold its values, not pointers to toast */
	if (td->t_infomask & HEAP_HASEXTERNAL)
		elog(ERROR, "a row of %s refers to a toasted value", format_type_be(b->rows->row_type));
	b->used += room;
	b->n++;
}

ArrayType *
styring_row_array_end(StyringRowArrayBuilder *b)
{
	ArrayType  *a = (ArrayType *) b->buf;

	SET_VARSIZE(a, b->used);
	a->ndim = 1;
	a->dataoffset = 0;			/* no NULL elements */
	a->elemtype = b->rows->row_type;
	ARR_DIMS(a)[0] = b->n;
	ARR_LBOUND(a)[0] = 1;
	if (b->n == 0)
	{
		pfree(b->buf);
		return construct_empty_array(b->rows->row_type);
	}
	return a;
}
