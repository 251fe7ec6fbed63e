// SPDX-License-Identifier: GPL-2.0
/* The log-linear latency histogram. */
#include <math.h>
#include "hist.h"

unsigned int ls_hist_index(uint64_t v)
{
	unsigned int m, shift;

	if (v < LS_HIST_SUB)
		return v;
	m = 63 - __builtin_clzll(v); /* 7..63 */
	shift = m - 7;
	return LS_HIST_SUB + shift * LS_HIST_SUB + (unsigned int)((v >> shift) - LS_HIST_SUB);
}

void ls_hist_bounds(unsigned int idx, uint64_t *lo, uint64_t *hi)
{
	unsigned int shift, sub;

	if (idx < LS_HIST_SUB) {
		*lo = *hi = idx;
		return;
	}
	shift = (idx - LS_HIST_SUB) / LS_HIST_SUB;
	sub = (idx - LS_HIST_SUB) % LS_HIST_SUB;
	*lo = (uint64_t)(LS_HIST_SUB + sub) << shift;
	*hi = *lo + ((uint64_t)1 << shift) - 1;
}

void ls_hist_merge(struct ls_hist *into, const struct ls_hist *h)
{
	unsigned int i;

	for (i = 0; i < LS_HIST_BUCKETS; i++)
		into->count[i] += h->count[i];
	into->total += h->total;
	if (h->max > into->max)
		into->max = h->max;
}

double ls_hist_quantile(const struct ls_hist *h, double q)
{
	uint64_t rank, seen = 0, lo, hi;
	unsigned int i;

	if (!h->total)
		return 0;
	rank = (uint64_t)ceil(q * h->total);
	if (rank < 1)
		rank = 1;
	for (i = 0; i < LS_HIST_BUCKETS; i++) {
		seen += h->count[i];
		if (seen >= rank)
			break;
	}
	ls_hist_bounds(i, &lo, &hi);
	if (hi > h->max)
		hi = h->max; /* the top bucket holds nothing above the largest value */
	return (lo + hi) / 2.0;
}
