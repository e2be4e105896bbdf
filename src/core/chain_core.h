/*
 * chain_core.h - the roll-up of values through a goal chain (målkjede,
 * målkedja): the fold behind chain_rollup(). Plain C.
 *
 * The input is one leaf per distinct goal path with the count and weighted
 * sums of the values attached to it. The fold sorts the leaves into tree
 * order and walks them with a stack, closing a node when the walk leaves its
 * subtree: O(g log g + g depth) for g distinct paths. Every node of the
 * result (each path and each of its ancestors) has
 *   n           the number of values in its subtree,
 *   flat mean   the weighted mean of all values in the subtree,
 *   chain mean  the weighted mean over its children, where each value
 *               attached to the node is a child with its own weight and each
 *               direct sub-node with data is a child of weight 1 with its
 *               chain mean as value (doc/goalpath.md, "Rolling up").
 * Sums are compensated (sum.h), so the means do not depend on the order in
 * which a parallel or distributed plan delivered the values, beyond the last
 * bit or so.
 */
#ifndef STYRING_CHAIN_CORE_H
#define STYRING_CHAIN_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "profile_core.h"		/* ProfileTick */
#include "sum.h"

/* A compensated running sum. */
typedef struct ChainSum
{
	double		sum;
	double		comp;
} ChainSum;

static inline void
chain_sum_add(ChainSum *s, double x)
{
	compensated_add(&s->sum, &s->comp, x);
}

static inline void
chain_sum_merge(ChainSum *into, const ChainSum *from)
{
	compensated_add(&into->sum, &into->comp, from->sum);
	compensated_add(&into->sum, &into->comp, from->comp);
}

static inline double
chain_sum_value(const ChainSum *s)
{
	return s->sum + s->comp;
}

/* One distinct path of the input (its internal form) and its values' sums. */
typedef struct ChainLeaf
{
	const uint8_t *path;
	size_t		len;
	int			nlevels;
	int64_t		n;				/* values attached to this path */
	ChainSum	w;				/* their weights */
	ChainSum	wx;				/* weight * value */
} ChainLeaf;

typedef struct ChainNode
{
	const uint8_t *path;		/* a prefix of a leaf's path */
	size_t		len;
	int			level;
	int64_t		n;				/* values in the subtree */
	ChainSum	sub_w;			/* their weights */
	ChainSum	sub_wx;
	ChainSum	own_w;			/* the node's own values */
	ChainSum	own_wx;
	ChainSum	children_sum;	/* chain means of sub-nodes with data */
	int64_t		children;
	bool		has_flat_mean;
	double		flat_mean;
	bool		has_chain_mean;
	double		chain_mean;
} ChainNode;

/* Room the fold needs: every leaf and each of its ancestors, at most. */
extern size_t chain_max_nodes(const ChainLeaf *leaves, size_t n);

/*
 * Folds the leaves into nodes (room for chain_max_nodes), in tree order, and
 * returns the number of nodes. order has room for n pointers: the leaves are
 * sorted there (they stay where they are). Every leaf's nlevels must be
 * 1 .. GOALPATH_MAX_DEPTH and match its path.
 */
extern size_t chain_fold(const ChainLeaf *leaves, size_t n, const ChainLeaf **order,
						 ChainNode *nodes, ProfileTick tick);

#endif
