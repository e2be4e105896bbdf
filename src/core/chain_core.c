/*
 * chain_core.c - the fold of a goal chain's leaves into its nodes.
 */
#include "chain_core.h"
#include "goalpath_core.h"

#include <stdlib.h>
#include <string.h>

size_t
chain_max_nodes(const ChainLeaf *leaves, size_t n)
{
	size_t		total = 0;

	for (size_t i = 0; i < n; i++)
		total += (size_t) leaves[i].nlevels;
	return total;
}

static int
compare_leaves(const void *a, const void *b)
{
	const ChainLeaf *x = *(const ChainLeaf *const *) a;
	const ChainLeaf *y = *(const ChainLeaf *const *) b;

	return goalpath_compare(x->path, x->len, y->path, y->len);
}

/* The fold's stack of open nodes, from the root down. */
typedef struct Stack
{
	size_t		node[GOALPATH_MAX_DEPTH + 1];
	int			depth;
} Stack;

/* Closes the node on top of the stack and hands its sums to its parent. */
static void
close_node(ChainNode *nodes, Stack *st)
{
	ChainNode  *node = &nodes[st->node[--st->depth]];
	double		w = chain_sum_value(&node->sub_w);
	double		denom = chain_sum_value(&node->own_w) + (double) node->children;

	node->has_flat_mean = w > 0;
	if (node->has_flat_mean)
		node->flat_mean = chain_sum_value(&node->sub_wx) / w;
	node->has_chain_mean = denom > 0;
	if (node->has_chain_mean)
		node->chain_mean = (chain_sum_value(&node->own_wx) +
							chain_sum_value(&node->children_sum)) / denom;
	if (st->depth > 0)
	{
		ChainNode  *parent = &nodes[st->node[st->depth - 1]];

		parent->n += node->n;
		chain_sum_merge(&parent->sub_w, &node->sub_w);
		chain_sum_merge(&parent->sub_wx, &node->sub_wx);
		if (node->has_chain_mean)
		{
			chain_sum_add(&parent->children_sum, node->chain_mean);
			parent->children++;
		}
	}
}

/* Opens the nodes from the level below the top of the stack down to the leaf. */
static size_t
open_nodes(const ChainLeaf *leaf, ChainNode *nodes, size_t nnodes, Stack *st)
{
	int			from = st->depth > 0 ? nodes[st->node[st->depth - 1]].level + 1 : 1;

	for (int level = from; level <= leaf->nlevels; level++)
	{
		ChainNode  *node = &nodes[nnodes];

		memset(node, 0, sizeof(ChainNode));
		node->path = leaf->path;
		node->len = goalpath_prefix_len(leaf->path, leaf->len, level);
		node->level = level;
		st->node[st->depth++] = nnodes++;
	}
	return nnodes;
}

size_t
chain_fold(const ChainLeaf *leaves, size_t n, const ChainLeaf **order, ChainNode *nodes,
		   ProfileTick tick)
{
	Stack		st = {.depth = 0};
	size_t		nnodes = 0;

	/* sorting pointers moves 8 bytes where a leaf has 64 */
	for (size_t i = 0; i < n; i++)
		order[i] = &leaves[i];
	qsort(order, n, sizeof(ChainLeaf *), compare_leaves);
	for (size_t i = 0; i < n; i++)
	{
		const ChainLeaf *leaf = order[i];
		ChainNode  *top;

		if (tick && (i & 0x3FFF) == 0)
			tick();
		/* leave every open node that is not an ancestor of (or) this path */
		while (st.depth > 0 &&
			   !goalpath_is_prefix(nodes[st.node[st.depth - 1]].path,
								   nodes[st.node[st.depth - 1]].len, leaf->path, leaf->len))
			close_node(nodes, &st);
		nnodes = open_nodes(leaf, nodes, nnodes, &st);
		top = &nodes[st.node[st.depth - 1]];
		top->n += leaf->n;
		chain_sum_merge(&top->own_w, &leaf->w);
		chain_sum_merge(&top->own_wx, &leaf->wx);
		chain_sum_merge(&top->sub_w, &leaf->w);
		chain_sum_merge(&top->sub_wx, &leaf->wx);
	}
	while (st.depth > 0)
		close_node(nodes, &st);
	return nnodes;
}
