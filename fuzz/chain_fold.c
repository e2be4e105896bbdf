/*
 * Differential test of the goal-chain fold (chain_core): leaves made from the
 * fuzzer's bytes (up to 64 distinct paths of up to 4 levels over labels
 * a..d, small whole-number weights and values) must fold into exactly the
 * set of their paths and ancestors, in tree order, with the counts, flat
 * means and chain means of a brute-force computation over those nodes.
 */
#include "fuzz_common.h"
#include "chain_core.h"
#include "goalpath_core.h"

#include <math.h>

#define MAX_LEAVES 64
#define MAX_PATH 8				/* 4 one-byte labels and 3 separators */

typedef struct Path
{
	uint8_t		bytes[MAX_PATH];
	size_t		len;
	int			nlevels;
} Path;

static Path
make_path(uint8_t shape, uint8_t labels, int upto)
{
	Path		p = {{0}, 0, 0};
	int			depth = 1 + shape % 4;

	if (upto > 0 && upto < depth)
		depth = upto;
	for (int l = 0; l < depth; l++)
	{
		if (l > 0)
			p.bytes[p.len++] = GOALPATH_SEP;
		p.bytes[p.len++] = (uint8_t) ('a' + ((labels >> (2 * l)) & 3));
	}
	p.nlevels = depth;
	return p;
}

static bool
same_path(const uint8_t *a, size_t alen, const uint8_t *b, size_t blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

static bool
close_enough(double x, double y)
{
	return fabs(x - y) <= 1e-9 * fmax(1.0, fmax(fabs(x), fabs(y)));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ChainLeaf	leaves[MAX_LEAVES];
	Path		paths[MAX_LEAVES];
	size_t		nleaves = 0;
	ChainNode  *nodes;
	const ChainLeaf **order;
	size_t		nnodes;
	Path		want[MAX_LEAVES * 4];
	size_t		nwant = 0;

	/* 4 bytes a leaf: shape, labels, weight and value */
	for (size_t i = 0; i + 3 < size && nleaves < MAX_LEAVES; i += 4)
	{
		Path		p = make_path(data[i], data[i + 1], 0);
		bool		dup = false;

		for (size_t j = 0; j < nleaves; j++)
			dup |= same_path(paths[j].bytes, paths[j].len, p.bytes, p.len);
		if (dup)
			continue;
		paths[nleaves] = p;
		memset(&leaves[nleaves], 0, sizeof(ChainLeaf));
		leaves[nleaves].path = paths[nleaves].bytes;
		leaves[nleaves].len = p.len;
		leaves[nleaves].nlevels = p.nlevels;
		leaves[nleaves].n = 1 + data[i + 2] % 3;
		chain_sum_add(&leaves[nleaves].w, (double) (data[i + 2] % 4));
		chain_sum_add(&leaves[nleaves].wx, (double) (data[i + 2] % 4) * ((int) data[i + 3] - 128));
		nleaves++;
	}
	/* the nodes the fold must make: every leaf and every ancestor, once */
	for (size_t i = 0; i < nleaves; i++)
		for (int l = 1; l <= paths[i].nlevels; l++)
		{
			Path		a = make_path((uint8_t) (paths[i].nlevels - 1), 0, l);
			bool		dup = false;

			a.len = goalpath_prefix_len(paths[i].bytes, paths[i].len, l);
			memcpy(a.bytes, paths[i].bytes, a.len);
			a.nlevels = l;
			for (size_t j = 0; j < nwant; j++)
				dup |= same_path(want[j].bytes, want[j].len, a.bytes, a.len);
			if (!dup)
				want[nwant++] = a;
		}

	nodes = malloc((chain_max_nodes(leaves, nleaves) + 1) * sizeof(ChainNode));
	order = malloc((nleaves + 1) * sizeof(ChainLeaf *));
	nnodes = chain_fold(leaves, nleaves, order, nodes, NULL);
	FUZZ_CHECK(nnodes == nwant);
	for (size_t i = 0; i < nnodes; i++)
	{
		const ChainNode *node = &nodes[i];
		int64_t		n = 0;
		double		w = 0,
					wx = 0;
		bool		found = false;

		FUZZ_CHECK(i == 0 || goalpath_compare(nodes[i - 1].path, nodes[i - 1].len,
											  node->path, node->len) < 0);
		for (size_t j = 0; j < nwant; j++)
			found |= same_path(want[j].bytes, want[j].len, node->path, node->len) &&
				want[j].nlevels == node->level;
		FUZZ_CHECK(found);
		for (size_t j = 0; j < nleaves; j++)
			if (goalpath_is_prefix(node->path, node->len, leaves[j].path, leaves[j].len))
			{
				n += leaves[j].n;
				w += chain_sum_value(&leaves[j].w);
				wx += chain_sum_value(&leaves[j].wx);
			}
		FUZZ_CHECK(node->n == n);
		FUZZ_CHECK(node->has_flat_mean == (w > 0));
		if (w > 0)
			FUZZ_CHECK(close_enough(node->flat_mean, wx / w));
	}
	/* chain means bottom up: nodes of a deeper level first */
	for (int level = 4; level >= 1; level--)
		for (size_t i = 0; i < nnodes; i++)
		{
			const ChainNode *node = &nodes[i];
			double		sum = 0,
						denom = 0;

			if (node->level != level)
				continue;
			for (size_t j = 0; j < nleaves; j++)
				if (same_path(leaves[j].path, leaves[j].len, node->path, node->len))
				{
					sum += chain_sum_value(&leaves[j].wx);
					denom += chain_sum_value(&leaves[j].w);
				}
			for (size_t c = 0; c < nnodes; c++)
				if (nodes[c].level == level + 1 && nodes[c].has_chain_mean &&
					goalpath_is_prefix(node->path, node->len, nodes[c].path, nodes[c].len))
				{
					sum += nodes[c].chain_mean;
					denom += 1;
				}
			FUZZ_CHECK(node->has_chain_mean == (denom > 0));
			if (denom > 0)
				FUZZ_CHECK(close_enough(node->chain_mean, sum / denom));
		}
	free(nodes);
	free(order);
	return 0;
}
