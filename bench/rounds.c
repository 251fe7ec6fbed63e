// SPDX-License-Identifier: GPL-2.0
/* Statistics over rounds: round medians, their spread and an interval. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "rounds.h"
#include "stats.h"

/* The t interval of the mean of log(x[0..n)), n >= 2, exponentiated. */
static void log_t_interval(const double *x, size_t n, double *lo, double *hi)
{
	double *l = malloc(n * sizeof(*l)), center, hw;
	size_t i;

	*lo = *hi = NAN;
	for (i = 0; l && i < n; i++)
		l[i] = log(x[i]);
	if (l && !ls_log_interval(l, n, false, 0.05, &center, &hw)) {
		*lo = exp(center - hw);
		*hi = exp(center + hw);
	}
	free(l);
}

/* What a comparison of a run like this one with another would detect (rounds.h). */
static double against_itself(const double *medians, size_t n)
{
	struct ls_ttest t = { .na = n, .nb = n };
	double *logs = malloc((n + 1) * sizeof(*logs)), mean, d = NAN;
	size_t i;

	for (i = 0; logs && i < n; i++)
		logs[i] = log(medians[i]);
	if (logs && !ls_mean_var(logs, n, &mean, &t.va)) {
		t.vb = t.va;
		d = ls_ttest_detectable(&t, 0, 0.05, 0.8);
	}
	free(logs);
	return d;
}

/* The figures of the n rounds whose summaries are rs; x[0..nx) are the samples. */
static int summarize_rounds(const double *x, size_t nx, const struct ls_summary *rs, size_t n,
			    double *medians, struct ls_round_stats *out)
{
	struct ls_summary all;
	double cv_sum = 0;
	size_t r;
	int err;

	for (r = 0; r < n; r++) {
		medians[r] = rs[r].median;
		cv_sum += rs[r].cv;
	}
	err = ls_summarize(medians, n, &all);
	if (err)
		return err;
	out->rounds = n;
	out->median = all.median;
	out->round_cv = all.cv;
	out->within_cv = cv_sum / n;
	out->detectable = against_itself(medians, n);
	if (n >= 2)
		log_t_interval(medians, n, &out->ci_lo, &out->ci_hi);
	else if (nx >= 2)
		log_t_interval(x, nx, &out->ci_lo, &out->ci_hi);
	else
		out->ci_lo = out->ci_hi = x[0];
	return 0;
}

int ls_rounds_summarize(const double *x, const unsigned int *round, size_t n,
			struct ls_round_stats *out)
{
	struct ls_summary *rs;
	double *medians;
	size_t i;
	int k = -ENOMEM;

	if (!n)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]) || x[i] <= 0)
			return -EINVAL;
	}
	rs = malloc(n * sizeof(*rs));
	medians = malloc(n * sizeof(*medians));
	if (rs && medians)
		k = ls_round_summaries(x, round, n, rs, NULL);
	if (k > 0)
		k = summarize_rounds(x, n, rs, k, medians, out);
	free(rs);
	free(medians);
	return k;
}
