/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A log-linear histogram of nanosecond values, HdrHistogram's idea: values
 * below 128 exactly, above that 128 buckets per power of two, so a bucket's
 * width is at most 1/128 (0.8%) of its values.
 */
#ifndef LSBENCH_HIST_H
#define LSBENCH_HIST_H

#include <stdint.h>

#define LS_HIST_SUB 128
#define LS_HIST_BUCKETS (LS_HIST_SUB + (64 - 7) * LS_HIST_SUB)

struct ls_hist {
	uint64_t count[LS_HIST_BUCKETS];
	uint64_t total;
	uint64_t max;
};

/* The bucket of v, and a bucket's bounds: values lo..hi, both included. */
unsigned int ls_hist_index(uint64_t v);
void ls_hist_bounds(unsigned int idx, uint64_t *lo, uint64_t *hi);

static inline void ls_hist_add(struct ls_hist *h, uint64_t v)
{
	h->count[ls_hist_index(v)]++;
	h->total++;
	if (v > h->max)
		h->max = v;
}

void ls_hist_merge(struct ls_hist *into, const struct ls_hist *h);

/*
 * The value at quantile q (0 < q <= 1): the middle of the bucket that holds
 * the ceil(q * total)-th value; 0 for an empty histogram.
 */
double ls_hist_quantile(const struct ls_hist *h, double q);

#endif /* LSBENCH_HIST_H */
