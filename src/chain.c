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
 * The state sums the values per distinct path (a chain has far fewer goals
 * than measured values); the fold itself is in core/chain_core.c.
 */
#include "row_array.h"

#include <math.h>

#include "access/htup_details.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "lib/stringinfo.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "core/chain_core.h"
#include "core/goalpath_core.h"
#include "goalpath.h"

PG_FUNCTION_INFO_V1(chain_rollup_trans);
PG_FUNCTION_INFO_V1(chain_rollup_combine);
PG_FUNCTION_INFO_V1(chain_rollup_serial);
PG_FUNCTION_INFO_V1(chain_rollup_deserial);
PG_FUNCTION_INFO_V1(chain_rollup_final);

/* A distinct path (its internal form): the key of the state's hash table. */
typedef struct PathKey
{
	const uint8 *path;			/* in the aggregate's memory once entered */
	uint16		len;
} PathKey;

/*
 * The hash table's element: small, because simplehash moves elements as it
 * inserts (robin hood); the paths' sums are in the state's array of leaves,
 * which the fold (core/chain_core.h) reads as they are.
 */
typedef struct PathSlot
{
	PathKey		key;
	uint32		hash;
	int32		entry;			/* index into ChainState.leaves */
	char		status;			/* simplehash's */
} PathSlot;

static inline uint32
path_hash(PathKey k)
{
	return hash_bytes(k.path, (int) k.len);
}

static inline bool
path_equal(PathKey a, PathKey b)
{
	return a.len == b.len && memcmp(a.path, b.path, a.len) == 0;
}

#define SH_PREFIX pathmap
#define SH_ELEMENT_TYPE PathSlot
#define SH_KEY_TYPE PathKey
#define SH_KEY key
#define SH_HASH_KEY(tb, k) path_hash(k)
#define SH_EQUAL(tb, a, b) path_equal(a, b)
#define SH_STORE_HASH
#define SH_GET_HASH(tb, a) ((a)->hash)
#define SH_FILLFACTOR (0.7)
#define SH_SCOPE static inline
#define SH_DECLARE
#define SH_DEFINE
#include "lib/simplehash.h"

typedef struct ChainState
{
	pathmap_hash *map;
	ChainLeaf  *leaves;			/* one per distinct path, in the order first seen */
	size_t		n;
	size_t		cap;
	MemoryContext cxt;			/* where the map, the leaves and the paths live */
} ChainState;

static ChainState *
new_state(MemoryContext cxt)
{
	ChainState *s = MemoryContextAllocZero(cxt, sizeof(ChainState));

	s->cxt = cxt;
	s->map = pathmap_create(cxt, 64, NULL);
	s->cap = 64;
	s->leaves = MemoryContextAlloc(cxt, s->cap * sizeof(ChainLeaf));
	return s;
}

/* The leaf for a path, made (with zero sums) if it is new. */
static ChainLeaf *
leaf_for(ChainState *s, const uint8 *path, size_t len, int nlevels)
{
	PathKey		key = {path, (uint16) len};
	bool		found;
	PathSlot   *slot;
	ChainLeaf  *leaf;
	uint8	   *copy;

	slot = pathmap_insert(s->map, key, &found);
	if (found)
		return &s->leaves[slot->entry];
	if (s->n >= (size_t) PG_INT32_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a goal chain to roll up can have at most %d distinct paths", PG_INT32_MAX)));
	if (s->n == s->cap)
	{
		s->cap *= 2;
		s->leaves = repalloc_huge(s->leaves, s->cap * sizeof(ChainLeaf));
	}
	copy = MemoryContextAlloc(s->cxt, len);
	memcpy(copy, path, len);
	slot->key.path = copy;
	slot->entry = (int32) s->n;
	leaf = &s->leaves[s->n++];
	memset(leaf, 0, sizeof(ChainLeaf));
	leaf->path = copy;
	leaf->len = len;
	leaf->nlevels = nlevels;
	return leaf;
}

/* chain_rollup(path, value [, weight]): rows without a path or value are skipped. */
Datum
chain_rollup_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	ChainState *s;
	ChainLeaf  *leaf;
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
	if (s == NULL)
		s = new_state(aggcontext);
	leaf = leaf_for(s, path.data, path.len, path.nlevels);
	goalpath_free_if_copy(path);
	leaf->n++;
	chain_sum_add(&leaf->w, weight);
	chain_sum_add(&leaf->wx, weight * value);
	PG_RETURN_POINTER(s);
}

static void
add_sums(ChainState *into, const ChainLeaf *from)
{
	ChainLeaf  *leaf = leaf_for(into, from->path, from->len, from->nlevels);

	leaf->n += from->n;
	chain_sum_merge(&leaf->w, &from->w);
	chain_sum_merge(&leaf->wx, &from->wx);
}

Datum
chain_rollup_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	ChainState *a;
	ChainState *b;

	aggcontext = styring_agg_context(fcinfo);
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(PG_ARGISNULL(0) ? NULL : PG_GETARG_POINTER(0));
	b = (ChainState *) PG_GETARG_POINTER(1);
	a = PG_ARGISNULL(0) ? new_state(aggcontext) : (ChainState *) PG_GETARG_POINTER(0);
	for (size_t i = 0; i < b->n; i++)
		add_sums(a, &b->leaves[i]);
	PG_RETURN_POINTER(a);
}

/* Serial form: count, then per path: len (2), nlevels (1), n (8), the sums (4 x 8), path. */
#define SERIAL_ENTRY_HEADER (2 + 1 + 8 + 4 * 8)

Datum
chain_rollup_serial(PG_FUNCTION_ARGS)
{
	ChainState *s = (ChainState *) PG_GETARG_POINTER(0);
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendint64(&buf, (int64) s->n);
	for (size_t i = 0; i < s->n; i++)
	{
		const ChainLeaf *leaf = &s->leaves[i];

		pq_sendint16(&buf, (int16) leaf->len);
		pq_sendbyte(&buf, (uint8) leaf->nlevels);
		pq_sendint64(&buf, leaf->n);
		pq_sendfloat8(&buf, leaf->w.sum);
		pq_sendfloat8(&buf, leaf->w.comp);
		pq_sendfloat8(&buf, leaf->wx.sum);
		pq_sendfloat8(&buf, leaf->wx.comp);
		pq_sendbytes(&buf, (const char *) leaf->path, (int) leaf->len);
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
		else if (p[i] < '-')
			return false;
		/* one byte over the limit only as goalpath_subtree_end makes it: a final '-' */
		else if (++label > GOALPATH_MAX_LABEL &&
				 !(label == GOALPATH_MAX_LABEL + 1 && i == len - 1 && p[i] == GOALPATH_AFTER_SUBTREE))
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
	s = new_state(CurrentMemoryContext);	/* combine copies what it keeps */
	if (buf.len < 8)
		goto bad;
	count = pq_getmsgint64(&buf);
	if (count < 0 || count > (buf.len - buf.cursor) / SERIAL_ENTRY_HEADER)
		goto bad;
	for (int64 i = 0; i < count; i++)
	{
		ChainLeaf	leaf;

		if (buf.len - buf.cursor < SERIAL_ENTRY_HEADER)
			goto bad;
		leaf.len = (size_t) pq_getmsgint(&buf, 2);
		leaf.nlevels = pq_getmsgbyte(&buf);
		leaf.n = pq_getmsgint64(&buf);
		leaf.w.sum = pq_getmsgfloat8(&buf);
		leaf.w.comp = pq_getmsgfloat8(&buf);
		leaf.wx.sum = pq_getmsgfloat8(&buf);
		leaf.wx.comp = pq_getmsgfloat8(&buf);
		leaf.path = (const uint8 *) buf.data + buf.cursor;
		if ((size_t) (buf.len - buf.cursor) < leaf.len || leaf.n < 1 ||
			!isfinite(leaf.w.sum) || !isfinite(leaf.w.comp) || !isfinite(leaf.wx.sum) ||
			!isfinite(leaf.wx.comp) || chain_sum_value(&leaf.w) < 0 ||
			!valid_internal_path(leaf.path, leaf.len, leaf.nlevels))
			goto bad;
		add_sums(s, &leaf);
		buf.cursor += (int) leaf.len;
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

/* ---------- the fold (core/chain_core.c) and the result ---------- */

static void
tick(void)
{
	CHECK_FOR_INTERRUPTS();
}

Datum
chain_rollup_final(PG_FUNCTION_ARGS)
{
	ChainState *s;
	const ChainLeaf **order;
	ChainNode  *nodes;
	size_t		nnodes;
	const StyringRowArray *rows;
	StyringRowArrayBuilder out;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	s = (ChainState *) PG_GETARG_POINTER(0);
	if (s->n == 0)
		PG_RETURN_NULL();

	/* The fold reads the leaves in place and sorts pointers to them. */
	order = MemoryContextAllocHuge(CurrentMemoryContext, s->n * sizeof(ChainLeaf *));
	nodes = MemoryContextAllocHuge(CurrentMemoryContext,
								   chain_max_nodes(s->leaves, s->n) * sizeof(ChainNode));
	nnodes = chain_fold(s->leaves, s->n, order, nodes, tick);

	/* One styring.chain_node per node, in tree order. */
	rows = styring_row_array(fcinfo, 5);
	styring_row_array_begin(&out, rows, nnodes);
	for (size_t i = 0; i < nnodes; i++)
	{
		ChainNode  *node = &nodes[i];
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = goalpath_make(node->path, node->len, node->level);
		values[1] = Int32GetDatum(node->level);
		values[2] = Int64GetDatum(node->n);
		nulls[3] = !node->has_flat_mean;
		values[3] = Float8GetDatum(node->has_flat_mean ? node->flat_mean : 0);
		nulls[4] = !node->has_chain_mean;
		values[4] = Float8GetDatum(node->has_chain_mean ? node->chain_mean : 0);
		styring_row_array_add(&out, values, nulls);
	}
	PG_RETURN_ARRAYTYPE_P(styring_row_array_end(&out));
}
