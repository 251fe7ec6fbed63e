/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_STATS_H
#define LSBENCH_STATS_H

#include <stddef.h>

/* Summary of a set of repetitions. stddev is the sample one (n - 1). */
struct ls_summary {
	size_t n;
	double median;
	double mean;
	double stddev;
	double cv; /* stddev / mean; 0 for a single sample */
	double min;
	double max;
};

/* Summarizes n >= 1 samples; returns 0 or -EINVAL for no samples or a non-finite one. */
int ls_summarize(const double *x, size_t n, struct ls_summary *out);

#endif /* LSBENCH_STATS_H */
