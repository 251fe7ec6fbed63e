// SPDX-License-Identifier: GPL-2.0
/* Summaries, medians, round medians, geometric means. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "stats.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double ls_median_inplace(double *x, size_t n)
{
	qsort(x, n, sizeof(*x), cmp_double);
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/* Summarizes n >= 1 finite values, reordering them. */
static void summarize_inplace(double *x, size_t n, struct ls_summary *out)
{
	double sum = 0, sq = 0;
	size_t i;

	out->median = ls_median_inplace(x, n);
	for (i = 0; i < n; i++)
		sum += x[i];
	out->n = n;
	out->mean = sum / n;
	for (i = 0; i < n; i++)
		sq += (x[i] - out->mean) * (x[i] - out->mean);
	out->stddev = n > 1 ? sqrt(sq / (n - 1)) : 0;
	out->cv = out->mean != 0 ? out->stddev / out->mean : 0;
	out->min = x[0];
	out->max = x[n - 1];
}

static int all_finite(const double *x, size_t n)
{
	size_t i;

	if (!n)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]))
			return -EINVAL;
	}
	return 0;
}

int ls_summarize(const double *x, size_t n, struct ls_summary *out)
{
	double *sorted;
	int ret = all_finite(x, n);

	if (ret)
		return ret;
	sorted = malloc(n * sizeof(*sorted));
	if (!sorted)
		return -ENOMEM;
	memcpy(sorted, x, n * sizeof(*sorted));
	summarize_inplace(sorted, n, out);
	free(sorted);
	return 0;
}

int ls_mean_var(const double *x, size_t n, double *mean, double *var)
{
	double s = 0, ss = 0;
	size_t i;

	if (n < 2 || all_finite(x, n))
		return -EINVAL;
	for (i = 0; i < n; i++)
		s += x[i];
	*mean = s / n;
	for (i = 0; i < n; i++)
		ss += (x[i] - *mean) * (x[i] - *mean);
	*var = ss / (n - 1);
	return 0;
}

double ls_geomean(const double *x, size_t n)
{
	double sum = 0;
	size_t i;

	if (!n)
		return NAN;
	for (i = 0; i < n; i++)
		sum += log(x[i]);
	return exp(sum / n);
}

struct sample {
	unsigned int round;
	double v;
};

static int cmp_sample(const void *pa, const void *pb)
{
	const struct sample *a = pa, *b = pb;

	if (a->round != b->round)
		return a->round < b->round ? -1 : 1;
	return cmp_double(&a->v, &b->v);
}

int ls_round_summaries(const double *x, const unsigned int *round, size_t n, struct ls_summary *out,
		       unsigned int *ids)
{
	struct sample *s;
	double *buf;
	size_t i, start, k = 0, j;
	int ret = all_finite(x, n);

	if (ret)
		return ret;
	s = malloc(n * sizeof(*s));
	buf = malloc(n * sizeof(*buf));
	if (!s || !buf) {
		free(s);
		free(buf);
		return -ENOMEM;
	}
	for (i = 0; i < n; i++)
		s[i] = (struct sample){ round[i], x[i] };
	qsort(s, n, sizeof(*s), cmp_sample);
	/* Each run of one id, in id order, is a round. */
	for (start = 0; start < n; start = i, k++) {
		for (i = start; i < n && s[i].round == s[start].round; i++)
			buf[i - start] = s[i].v;
		j = i - start;
		summarize_inplace(buf, j, &out[k]);
		if (ids)
			ids[k] = s[start].round;
	}
	free(s);
	free(buf);
	return k;
}

int ls_round_medians(const double *x, const unsigned int *round, size_t n, double *med)
{
	struct ls_summary *s = malloc((n + 1) * sizeof(*s));
	int k, i;

	if (!s)
		return -ENOMEM;
	k = ls_round_summaries(x, round, n, s, NULL);
	for (i = 0; i < k; i++)
		med[i] = s[i].median;
	free(s);
	return k;
}
