// SPDX-License-Identifier: GPL-2.0
/* Statistics over rounds: round medians, their spread and an interval. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rounds.h"
#include "stats.h"

/* Student's t, 97.5th percentile, for 1..30 degrees of freedom. */
static const double t975[] = {
	12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
	2.201,	2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
	2.080,	2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
};

double ls_t975(unsigned int df)
{
	const unsigned int n = sizeof(t975) / sizeof(t975[0]);

	if (!df)
		return NAN;
	if (df <= n)
		return t975[df - 1];
	/* Beyond 30: the normal quantile with the first term of its expansion in 1/df. */
	return 1.959964 + (1.959964 * 1.959964 * 1.959964 + 1.959964) / (4.0 * df);
}

/* The t interval of the mean of log(x[0..n)), n >= 2, exponentiated. */
static void log_t_interval(const double *x, size_t n, double *lo, double *hi)
{
	double m = 0, ss = 0, hw;
	size_t i;

	for (i = 0; i < n; i++)
		m += log(x[i]) / n;
	for (i = 0; i < n; i++)
		ss += (log(x[i]) - m) * (log(x[i]) - m);
	hw = ls_t975(n - 1) * sqrt(ss / (n - 1)) / sqrt((double)n);
	*lo = exp(m - hw);
	*hi = exp(m + hw);
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return (x > y) - (x < y);
}

/* The distinct rounds of round[0..n), sorted, into ids; returns how many. */
static size_t distinct_rounds(const unsigned int *round, size_t n, unsigned int *ids)
{
	size_t i, k = 0;

	memcpy(ids, round, n * sizeof(*ids));
	qsort(ids, n, sizeof(*ids), cmp_uint);
	for (i = 0; i < n; i++) {
		if (!k || ids[k - 1] != ids[i])
			ids[k++] = ids[i];
	}
	return k;
}

/* Summarizes the samples of round id into s; buf holds n doubles. */
static int round_summary(const double *x, const unsigned int *round, size_t n, unsigned int id,
			 double *buf, struct ls_summary *s)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		if (round[i] == id)
			buf[k++] = x[i];
	}
	return ls_summarize(buf, k, s);
}

static int summarize_rounds(const double *x, const unsigned int *round, size_t n, unsigned int *ids,
			    double *buf, double *medians, struct ls_round_stats *out)
{
	size_t nr = distinct_rounds(round, n, ids), r;
	struct ls_summary s, all;
	double cv_sum = 0;
	int err;

	for (r = 0; r < nr; r++) {
		err = round_summary(x, round, n, ids[r], buf, &s);
		if (err)
			return err;
		medians[r] = s.median;
		cv_sum += s.cv;
	}
	err = ls_summarize(medians, nr, &all);
	if (err)
		return err;
	out->rounds = nr;
	out->median = all.median;
	out->round_cv = all.cv;
	out->within_cv = cv_sum / nr;
	if (nr >= 2)
		log_t_interval(medians, nr, &out->ci_lo, &out->ci_hi);
	else if (n >= 2)
		log_t_interval(x, n, &out->ci_lo, &out->ci_hi);
	else
		out->ci_lo = out->ci_hi = x[0];
	return 0;
}

int ls_rounds_summarize(const double *x, const unsigned int *round, size_t n,
			struct ls_round_stats *out)
{
	unsigned int *ids;
	double *buf, *medians;
	size_t i;
	int err = -ENOMEM;

	if (!n)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]) || x[i] <= 0)
			return -EINVAL;
	}
	ids = malloc(n * sizeof(*ids));
	buf = malloc(n * sizeof(*buf));
	medians = malloc(n * sizeof(*medians));
	if (ids && buf && medians)
		err = summarize_rounds(x, round, n, ids, buf, medians, out);
	free(ids);
	free(buf);
	free(medians);
	return err;
}
