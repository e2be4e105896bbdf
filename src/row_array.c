/*
 * row_array.c - arrays of rows written in place (see row_array.h).
 *
 * ranks() returns one row per member of a group, millions in a national
 * ranking, so the cost of forming a row is most of its final step. Each row
 * is written straight into the array: by heap_fill_tuple in general, and by
 * a shorter path (plain_fill) for a row without NULLs whose columns are all
 * 4- or 8-byte values by value or varlenas, as the row types of ranks() and
 * chain_rollup() are. The shorter path lays the row out by heap_fill_tuple's
 * rules; the first row of every array is also laid out by heap_fill_tuple
 * and compared, so that a server whose rules differ gets an error, not wrong
 * rows.
 */
#include "row_array.h"

#include "access/htup_details.h"
#include "access/tupmacs.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

typedef struct RowColumn
{
	int16		len;
	uint8		align;
	bool		packable;
} RowColumn;

/*
 * The plain path's plan of a row type: every column's length (4 or 8 by
 * value, or -1 for a varlena), alignment in bytes and whether a varlena may
 * be stored with a 1-byte header; NULL when a column is of another kind.
 */
static RowColumn *
plain_columns(TupleDesc desc, MemoryContext cxt)
{
	RowColumn  *cols = MemoryContextAlloc(cxt, Max(desc->natts, 1) * sizeof(RowColumn));

	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);

		if (att->attisdropped)
			return NULL;
		if (att->attlen != -1 && (!att->attbyval || (att->attlen != 4 && att->attlen != 8)))
			return NULL;
		cols[i].len = att->attlen;
		cols[i].align = (uint8) att_align_nominal(1, att->attalign);
		cols[i].packable = att->attlen == -1 && att->attstorage != TYPSTORAGE_PLAIN;
	}
	return cols;
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
	rows->columns = plain_columns(rows->desc, fcinfo->flinfo->fn_mcxt);
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

/* off rounded up to align (a power of two) */
static inline Size
align_up(Size off, uint8 align)
{
	return (off + align - 1) & ~((Size) align - 1);
}

/*
 * The data size of a row without NULLs, as heap_compute_data_size counts it;
 * false if a value is a toast pointer or expanded (heap_fill_tuple's case).
 */
static bool
plain_data_size(const RowColumn *cols, int natts, const Datum *values, Size *size)
{
	Size		off = 0;

	for (int i = 0; i < natts; i++)
	{
		if (cols[i].len == -1)
		{
			Pointer		v = DatumGetPointer(values[i]);

			if (VARATT_IS_EXTERNAL(v))
				return false;
			if (VARATT_IS_SHORT(v))
				off += VARSIZE_SHORT(v);
			else if (cols[i].packable && VARATT_CAN_MAKE_SHORT(v))
				off += VARATT_CONVERTED_SHORT_SIZE(v);
			else
				off = align_up(off, cols[i].align) + VARSIZE(v);
		}
		else
			off = align_up(off, cols[i].align) + cols[i].len;
	}
	*size = off;
	return true;
}

/*
 * Writes such a row's data as heap_fill_tuple would, into zeroed memory
 * (the alignment padding stays zero); returns the infomask bits.
 */
static uint16
plain_fill(const RowColumn *cols, int natts, const Datum *values, char *data)
{
	uint16		infomask = 0;
	Size		off = 0;

	for (int i = 0; i < natts; i++)
	{
		if (cols[i].len == -1)
		{
			Pointer		v = DatumGetPointer(values[i]);
			Size		len;

			infomask |= HEAP_HASVARWIDTH;
			if (VARATT_IS_SHORT(v))
			{
				len = VARSIZE_SHORT(v);
				memcpy(data + off, v, len);
			}
			else if (cols[i].packable && VARATT_CAN_MAKE_SHORT(v))
			{
				len = VARATT_CONVERTED_SHORT_SIZE(v);
				SET_VARSIZE_SHORT(data + off, len);
				memcpy(data + off + 1, VARDATA(v), len - 1);
			}
			else
			{
				off = align_up(off, cols[i].align);
				len = VARSIZE(v);
				memcpy(data + off, v, len);
			}
			off += len;
		}
		else
		{
			off = align_up(off, cols[i].align);
			if (cols[i].len == 8)
				memcpy(data + off, &values[i], 8);
			else
			{
				int32		x = DatumGetInt32(values[i]);

				memcpy(data + off, &x, 4);
			}
			off += cols[i].len;
		}
	}
	return infomask;
}

/* The check described at the top: plain_fill's row is heap_fill_tuple's. */
static void
check_plain_fill(TupleDesc desc, Datum *values, bool *nulls, const char *data, Size len,
				 uint16 infomask)
{
	char	   *expected = palloc0(len);
	uint16		expected_infomask = 0;

	heap_fill_tuple(desc, values, nulls, expected, len, &expected_infomask, NULL);
	if (memcmp(expected, data, len) != 0 || expected_infomask != infomask)
		elog(ERROR, "a row of %s is laid out differently by this server", format_type_be(desc->tdtypeid));
	pfree(expected);
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
	bool		plain;
	Size		hoff;
	Size		data_len;
	Size		len;
	Size		room;
	HeapTupleHeader td;
	char	   *data;

	for (int i = 0; i < desc->natts; i++)
		hasnull |= nulls[i];
	plain = !hasnull && b->rows->columns &&
		plain_data_size(b->rows->columns, desc->natts, values, &data_len);
	if (!plain)
		data_len = heap_compute_data_size(desc, values, nulls);
	hoff = row_header_size(desc->natts, hasnull);
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
	data = (char *) td + hoff;
	if (plain)
	{
		uint16		infomask = plain_fill(b->rows->columns, desc->natts, values, data);

		if (b->n == 0)
			check_plain_fill(desc, values, nulls, data, data_len, infomask);
		td->t_infomask |= infomask;
	}
	else
	{
		heap_fill_tuple(desc, values, nulls, data, data_len, &td->t_infomask,
						hasnull ? td->t_bits : NULL);
		/* a row inside an array must hold its values, not pointers to toast */
		if (td->t_infomask & HEAP_HASEXTERNAL)
			elog(ERROR, "a row of %s refers to a toasted value", format_type_be(b->rows->row_type));
	}
	b->used += room;
	b->n++;
}

ArrayType *
styring_row_array_end(StyringRowArrayBuilder *b)
{
	ArrayType  *a = (ArrayType *) b->buf;

	if (b->n == 0)
	{
		pfree(b->buf);
		return construct_empty_array(b->rows->row_type);
	}
	SET_VARSIZE(a, b->used);
	a->ndim = 1;
	a->dataoffset = 0;			/* no NULL elements */
	a->elemtype = b->rows->row_type;
	ARR_DIMS(a)[0] = b->n;
	ARR_LBOUND(a)[0] = 1;
	return a;
}
