/*
 * chain.c - roll-up of values (attainment, say) through a goal chain.
 *
 * chain_rollup(path, value [, weight]) returns one row per node of the chain:
 * every path in the input and every ancestor of one, in tree order, with
 *   n           the number of values in the node's subtree,
 *   flat_mean   the weighted mean of all values in the subtree,
 *   chain_mean  the weighted mean over the node's children, where each value
 *               attached to the node is a child with its own weight and each
 *               direct sub-node that has data is a child of weight 1, with its
 *               chain_mean as value - so every branch of the chain counts once
 *               at its level, however many goals it holds.
 *
 * The state sums the values per distinct path; the final function sorts the
 * paths into tree order and folds them bottom up with a stack, O(g log g +
 * g depth) for g distinct paths.
 */
#include "styring.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

#include "core/goalpath_core.h"
#include "goalpath.h"

PG_FUNCTION_INFO_V1(chain_rollup_trans);
PG_FUNCTION_INFO_V1(chain_rollup_combine);
PG_FUNCTION_INFO_V1(chain_rollup_serial);
PG_FUNCTION_INFO_V1(chain_rollup_deserial);
PG_FUNCTION_INFO_V1(chain_rollup_final);

/*
 * The state holds one entry per distinct path, with the count and weighted
 * sums of the values attached to it: a chain has far fewer goals than
 * measured values, so the final sort handles goals, not values. Entries sit
 * in insertion order; an open-addressing table of entry numbers finds them.
 */
typedef struct ChainEntry
{
	size_t		offset;			/* of the path in the arena */
	uint32		hash;
	uint16		len;			/* bytes of the path's internal form */
	uint8		nlevels;
	int64		n;				/* values attached to this path */
	double		w;				/* their weights */
	double		wx;				/* weight * value */
} ChainEntry;

typedef struct ChainState
{
	ChainEntry *entries;
	size_t		n;
	size_t		cap;
	int32	   *slots;			/* entry numbers, -1 for empty; size is a power of 2 */
	size_t		nslots;
	uint8	   *arena;			/* the paths, one after another */
	size_t		arena_len;
	size_t		arena_cap;
} ChainState;

static ChainState *
new_state(MemoryContext cxt)
{
	ChainState *s = MemoryContextAllocZero(cxt, sizeof(ChainState));

	s->cap = 64;
	s->entries = MemoryContextAlloc(cxt, s->cap * sizeof(ChainEntry));
	s->nslots = 128;
	s->slots = MemoryContextAlloc(cxt, s->nslots * sizeof(int32));
	memset(s->slots, 0xFF, s->nslots * sizeof(int32));
	s->arena_cap = 4096;
	s->arena = MemoryContextAlloc(cxt, s->arena_cap);
	return s;
}

static void
rehash(ChainState *s)
{
	size_t		mask;

	s->nslots *= 2;
	s->slots = repalloc_huge(s->slots, s->nslots * sizeof(int32));
	memset(s->slots, 0xFF, s->nslots * sizeof(int32));
	mask = s->nslots - 1;
	for (size_t e = 0; e < s->n; e++)
	{
		size_t		i = s->entries[e].hash & mask;

		while (s->slots[i] >= 0)
			i = (i + 1) & mask;
		s->slots[i] = (int32) e;
	}
}

/* The entry for a path, made (with zero sums) if it is new. */
static ChainEntry *
entry_for(ChainState *s, const uint8 *path, size_t len, int nlevels)
{
	uint32		hash = hash_bytes(path, (int) len);
	size_t		mask = s->nslots - 1;
	size_t		i = hash & mask;
	ChainEntry *e;

	for (; s->slots[i] >= 0; i = (i + 1) & mask)
	{
		e = &s->entries[s->slots[i]];
		if (e->hash == hash && e->len == len && memcmp(s->arena + e->offset, path, len) == 0)
			return e;
	}
	if (s->n >= (size_t) PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("chain_rollup can hold at most %d distinct paths", PG_INT32_MAX)));
	if (s->n == s->cap)
	{
		s->cap *= 2;
		s->entries = repalloc_huge(s->entries, s->cap * sizeof(ChainEntry));
	}
	if (s->arena_len + len > s->arena_cap)
	{
		while (s->arena_len + len > s->arena_cap)
			s->arena_cap *= 2;
		s->arena = repalloc_huge(s->arena, s->arena_cap);
	}
	e = &s->entries[s->n];
	memset(e, 0, sizeof(ChainEntry));
	e->offset = s->arena_len;
	e->hash = hash;
	e->len = (uint16) len;
	e->nlevels = (uint8) nlevels;
	memcpy(s->arena + s->arena_len, path, len);
	s->arena_len += len;
	s->slots[i] = (int32) s->n++;
	if (s->n * 10 > s->nslots * 7)
		rehash(s);
	return &s->entries[s->n - 1];
}

/* chain_rollup(path, value [, weight]): rows without a path or value are skipped. */
Datum
chain_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	MemoryContext old;
	ChainState *s;
	ChainEntry *e;
	GoalpathRef path;
	double		value,
				weight = 1.0;

	aggcontext = styring_agg_context(fcinfo);
	s = PG_ARGISNULL(0) ? NULL : (ChainState *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (s == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(s);
	}
	value = PG_GETARG_FLOAT8(2);
	styring_check_finite(value, "value");
	if (PG_NARGS() > 3 && !PG_ARGISNULL(3))
	{
		weight = PG_GETARG_FLOAT8(3);
		styring_check_finite(weight, "weight");
		if (weight < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("weight must not be negative, not %g", weight)));
	}
	path = PG_GETARG_GOALPATH_REF(1);
	old = MemoryContextSwitchTo(aggcontext);
	if (s == NULL)
		s = new_state(aggcontext);
	e = entry_for(s, path.data, path.len, path.nlevels);
	MemoryContextSwitchTo(old);
	e->n++;
	e->w += weight;
	e->wx += weight * value;
	PG_RETURN_POINTER(s);
}

static void
add_sums(ChainState *into, const uint8 *path, size_t len, int nlevels,
		 int64 n, double w, double wx)
{
	ChainEntry *e = entry_for(into, path, len, nlevels);

	e->n += n;
	e->w += w;
	e->wx += wx;
}

Datum
chain_rollup_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	ChainState *a;
	ChainState *b;
	MemoryContext old;

	aggcontext = styring_agg_context(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (ChainState *) PG_GETARG_POINTER(1);
	old = MemoryContextSwitchTo(aggcontext);
	a = PG_ARGISNULL(0) ? new_state(aggcontext) : (ChainState *) PG_GETARG_POINTER(0);
	for (size_t i = 0; i < b->n; i++)
	{
		ChainEntry *e = &b->entries[i];

		add_sums(a, b->arena + e->offset, e->len, e->nlevels, e->n, e->w, e->wx);
	}
	MemoryContextSwitchTo(old);
	PG_RETURN_POINTER(a);
}

/* Serial form: count, then per path: len (2), nlevels (1), n (8), w, wx, path. */
#define SERIAL_ENTRY_HEADER (2 + 1 + 8 + 8 + 8)

Datum
chain_rollup_serial(PG_FUNCTION_ARGS)
{
	ChainState *s = (ChainState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, (int64) s->n);
	for (size_t i = 0; i < s->n; i++)
	{
		ChainEntry *e = &s->entries[i];

		pq_sendint16(&buf, e->len);
		pq_sendbyte(&buf, e->nlevels);
		pq_sendint64(&buf, e->n);
		pq_sendfloat8(&buf, e->w);
		pq_sendfloat8(&buf, e->wx);
		pq_sendbytes(&buf, (const char *) s->arena + e->offset, e->len);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* The labels' structure, as the fold relies on it: non-empty labels, no bytes below '-'. */
static bool
valid_internal_path(const uint8 *p, size_t len, int nlevels)
{
	int			levels = 1;
	size_t		label = 0;

	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
	{
		if (p[i] == GOALPATH_SEP)
		{
			if (label == 0)
				return false;
			levels++;
			label = 0;
		}
		else if (p[i] < '-' || ++label > GOALPATH_MAX_LABEL)
			return false;
	}
	return label > 0 && levels == nlevels;
}

Datum
chain_rollup_deserial(PG_FUNCTION_ARGS)
{
	bytea	   *raw = PG_GETARG_BYTEA_PP(0);
	StringInfoData buf;
	ChainState *s;
	int64		count;

	(void) styring_agg_context(fcinfo);
	/* A read-only view of the bytes (initReadOnlyStringInfo from PostgreSQL 17 on). */
	buf.data = VARDATA_ANY(raw);
	buf.len = (int) VARSIZE_ANY_EXHDR(raw);
	buf.maxlen = buf.len;
	buf.cursor = 0;
	s = new_state(CurrentMemoryContext);
	if (buf.len < 8)
		goto bad;
	count = pq_getmsgint64(&buf);
	if (count < 0 || count > (buf.len - buf.cursor) / SERIAL_ENTRY_HEADER)
		goto bad;
	for (int64 i = 0; i < count; i++)
	{
		int			len,
					nlevels;
		int64		n;
		double		w,
					wx;

		if (buf.len - buf.cursor < SERIAL_ENTRY_HEADER)
			goto bad;
		len = pq_getmsgint(&buf, 2);
		nlevels = pq_getmsgbyte(&buf);
		n = pq_getmsgint64(&buf);
		w = pq_getmsgfloat8(&buf);
		wx = pq_getmsgfloat8(&buf);
		if (buf.len - buf.cursor < len || n < 1 || !isfinite(w) || !isfinite(wx) || w < 0 ||
			!valid_internal_path((const uint8 *) buf.data + buf.cursor, len, nlevels))
			goto bad;
		add_sums(s, (const uint8 *) buf.data + buf.cursor, len, nlevels, n, w, wx);
		buf.cursor += len;
	}
	if (buf.cursor != buf.len)
		goto bad;
	PG_RETURN_POINTER(s);
bad:
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid partial state for styring.chain_rollup")));
	PG_RETURN_NULL();
}

/* ---------- the fold ---------- */

static int
compare_entries(const void *a, const void *b, void *arg)
{
	const ChainEntry *x = a;
	const ChainEntry *y = b;
	const uint8 *arena = arg;

	return goalpath_compare(arena + x->offset, x->len, arena + y->offset, y->len);
}

typedef struct ChainNode
{
	const uint8 *path;			/* into the arena; a prefix of an entry's path */
	size_t		len;
	int			level;
	int64		n;				/* values in the subtree */
	double		sub_w;			/* their weights */
	double		sub_wx;
	double		own_w;			/* the node's own values */
	double		own_wx;
	double		children_sum;	/* chain_means of sub-nodes with data */
	int64		children;
	bool		has_chain_mean;
	double		chain_mean;
} ChainNode;

/* Closes the node on top of the stack and hands its sums to its parent. */
static void
pop_node(ChainNode *nodes, int *stack, int *depth)
{
	ChainNode  *node = &nodes[stack[--(*depth)]];
	double		denom = node->own_w + (double) node->children;

	node->has_chain_mean = denom > 0;
	if (node->has_chain_mean)
		node->chain_mean = (node->own_wx + node->children_sum) / denom;
	if (*depth > 0)
	{
		ChainNode  *parent = &nodes[stack[*depth - 1]];

		parent->n += node->n;
		parent->sub_w += node->sub_w;
		parent->sub_wx += node->sub_wx;
		if (node->has_chain_mean)
		{
			parent->children_sum += node->chain_mean;
			parent->children++;
		}
	}
}

Datum
chain_rollup_final(PG_FUNCTION_ARGS)
{
	ChainState *s;
	ChainNode  *nodes;
	size_t		nnodes = 0,
				max_nodes;
	int			stack[GOALPATH_MAX_DEPTH + 1];
	int			depth = 0;
	Oid			array_type = get_func_rettype(fcinfo->flinfo->fn_oid);
	Oid			row_type = get_element_type(array_type);
	TupleDesc	desc;
	Datum	   *rows;
	int16		typlen;
	bool		typbyval;
	char		typalign;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (ChainState *) PG_GETARG_POINTER(0);
	if (s->n == 0)
		PG_RETURN_NULL();

	/* Sort a copy: the state must stay usable if the final function runs again. */
	{
		ChainEntry *sorted = MemoryContextAllocHuge(CurrentMemoryContext, s->n * sizeof(ChainEntry));

		memcpy(sorted, s->entries, s->n * sizeof(ChainEntry));
		qsort_arg(sorted, s->n, sizeof(ChainEntry), compare_entries, s->arena);

		/* At most every entry and every one of its ancestors is a node. */
		max_nodes = 0;
		for (size_t i = 0; i < s->n; i++)
			max_nodes += sorted[i].nlevels;
		nodes = MemoryContextAllocHuge(CurrentMemoryContext, max_nodes * sizeof(ChainNode));

		for (size_t i = 0; i < s->n; i++)
		{
			ChainEntry *e = &sorted[i];
			const uint8 *path = s->arena + e->offset;
			int			from;

			if ((i & 0x3FFF) == 0)
				CHECK_FOR_INTERRUPTS();
			while (depth > 0 &&
				   !goalpath_is_prefix(nodes[stack[depth - 1]].path, nodes[stack[depth - 1]].len,
									   path, e->len))
				pop_node(nodes, stack, &depth);
			from = depth > 0 ? nodes[stack[depth - 1]].level + 1 : 1;
			for (int level = from; level <= e->nlevels; level++)
			{
				ChainNode  *node = &nodes[nnodes];

				memset(node, 0, sizeof(ChainNode));
				node->path = path;
				node->len = goalpath_prefix_len(path, e->len, level);
				node->level = level;
				stack[depth++] = (int) nnodes++;
			}
			{
				ChainNode  *node = &nodes[stack[depth - 1]];

				node->n += e->n;
				node->own_w += e->w;
				node->own_wx += e->wx;
				node->sub_w += e->w;
				node->sub_wx += e->wx;
			}
		}
		while (depth > 0)
			pop_node(nodes, stack, &depth);
	}

	/* One styring.chain_node per node, in tree order. */
	desc = lookup_rowtype_tupdesc_copy(row_type, -1);
	desc = BlessTupleDesc(desc);
	rows = MemoryContextAllocHuge(CurrentMemoryContext, nnodes * sizeof(Datum));
	for (size_t i = 0; i < nnodes; i++)
	{
		ChainNode  *node = &nodes[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = goalpath_make(node->path, node->len, node->level);
		values[1] = Int32GetDatum(node->level);
		values[2] = Int64GetDatum(node->n);
		nulls[3] = !(node->sub_w > 0);
		values[3] = Float8GetDatum(nulls[3] ? 0 : node->sub_wx / node->sub_w);
		nulls[4] = !node->has_chain_mean;
		values[4] = Float8GetDatum(node->has_chain_mean ? node->chain_mean : 0);
		rows[i] = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
	}
	get_typlenbyvalalign(row_type, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(rows, (int) nnodes, row_type, typlen, typbyval, typalign));
}
