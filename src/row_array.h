/*
 * row_array.h - the results that are arrays of rows (ranks() returns
 * styring.ranked[], chain_rollup() styring.chain_node[]), written in place.
 */
#ifndef STYRING_ROW_ARRAY_H
#define STYRING_ROW_ARRAY_H

#include "styring.h"

#include "access/tupdesc.h"

/*
 * The row type of a function that returns an array of a composite type,
 * looked up once per query and kept in the function's fn_extra.
 */
typedef struct StyringRowArray
{
	Oid			row_type;
	TupleDesc	desc;			/* blessed */
	int16		typlen;
	bool		typbyval;
	char		typalign;
	struct RowColumn *columns;	/* the plan of row_array.c's plain path, or NULL */
} StyringRowArray;

extern const StyringRowArray *styring_row_array(FunctionCallInfo fcinfo, int natts);

/*
 * An array of such rows, written in place: each row is formed straight into
 * the array's memory, as heap_form_tuple would form it, rather than formed on
 * its own and then copied in by construct_array. Begin, add every row, end.
 */
typedef struct StyringRowArrayBuilder
{
	const StyringRowArray *rows;
	char	   *buf;			/* the array being written */
	Size		used;
	Size		cap;
	int			n;
} StyringRowArrayBuilder;

extern void styring_row_array_begin(StyringRowArrayBuilder *b, const StyringRowArray *rows,
									size_t expected_rows);
extern void styring_row_array_add(StyringRowArrayBuilder *b, Datum *values, bool *nulls);
extern ArrayType *styring_row_array_end(StyringRowArrayBuilder *b);

#endif
