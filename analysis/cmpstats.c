// SPDX-License-Identifier: GPL-2.0
/* Mann-Whitney U, a bootstrap of the ratio of medians, geometric means. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cmpstats.h"

uint64_t ls_rng_next(struct ls_rng *g)
{
	uint64_t z = (g->s += 0x9e3779b97f4a7c15ull);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

size_t ls_rng_below(struct ls_rng *g, size_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n, v;

	do
		v = ls_rng_next(g);
	while (v >= limit);
	return v % n;
}

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

struct ranked {
	double v;
	int side; /* 0: a, 1: b */
};

static int cmp_ranked(const void *a, const void *b)
{
	return cmp_double(&((const struct ranked *)a)->v, &((const struct ranked *)b)->v);
}

/*
 * Exact two-sided p: the distribution of the sum of na of the doubled
 * midranks r2[] drawn without replacement, counted by dynamic programming.
 */
static int mwu_exact(const unsigned int *r2, size_t n, size_t na, unsigned long w2, double *p)
{
	unsigned long max = (unsigned long)n * (n + 1), s, mean = na * (n + 1), dev, d;
	double *cnt, total = 0, tail = 0;
	size_t i, k;

	cnt = calloc((na + 1) * (max + 1), sizeof(*cnt));
	if (!cnt)
		return -ENOMEM;
	cnt[0] = 1;
	for (i = 0; i < n; i++) {
		for (k = i + 1 < na ? i + 1 : na; k > 0; k--) {
			for (s = r2[i]; s <= max; s++)
				cnt[k * (max + 1) + s] += cnt[(k - 1) * (max + 1) + s - r2[i]];
		}
	}
	dev = w2 > mean ? w2 - mean : mean - w2;
	for (s = 0; s <= max; s++) {
		double c = cnt[na * (max + 1) + s];

		d = s > mean ? s - mean : mean - s;
		total += c;
		if (d >= dev)
			tail += c;
	}
	free(cnt);
	*p = tail / total;
	return 0;
}

int ls_mwu_p(const double *a, size_t na, const double *b, size_t nb, double *p)
{
	size_t n = na + nb, i, j, k;
	double ties = 0, u, mu, var, z;
	unsigned long w2 = 0;
	struct ranked *v;
	unsigned int *r2;
	int ret = 0;

	if (!na || !nb)
		return -EINVAL;
	v = malloc(n * sizeof(*v));
	r2 = malloc(n * sizeof(*r2));
	if (!v || !r2) {
		ret = -ENOMEM;
		goto out;
	}
	for (i = 0; i < n; i++) {
		v[i].v = i < na ? a[i] : b[i - na];
		v[i].side = i >= na;
		if (!isfinite(v[i].v)) {
			ret = -EINVAL;
			goto out;
		}
	}
	qsort(v, n, sizeof(*v), cmp_ranked);
	/* Doubled midranks: the tie group at 0-based positions i..j-1 ranks i + 1 + j. */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && v[j].v == v[i].v; j++)
			;
		ties += (double)(j - i) * (j - i) * (j - i) - (j - i);
		for (k = i; k < j; k++) {
			r2[k] = i + 1 + j;
			if (!v[k].side)
				w2 += r2[k];
		}
	}
	if (n <= LS_MWU_EXACT_MAX) {
		ret = mwu_exact(r2, n, na, w2, p);
		goto out;
	}
	u = w2 / 2.0 - na * (na + 1) / 2.0;
	mu = na * (double)nb / 2;
	var = na * (double)nb / 12 * ((n + 1) - ties / ((double)n * (n - 1)));
	if (var <= 0) {
		*p = 1;
		goto out;
	}
	z = fabs(u - mu) - 0.5;
	*p = z <= 0 ? 1 : erfc(z / sqrt(var) / sqrt(2));
out:
	free(v);
	free(r2);
	return ret;
}

static double median_of_resample(struct ls_rng *g, const double *x, size_t n, double *scratch)
{
	size_t i;

	for (i = 0; i < n; i++)
		scratch[i] = x[ls_rng_below(g, n)];
	return ls_median_inplace(scratch, n);
}

int ls_boot_ratio_ci(const double *a, size_t na, const double *b, size_t nb, unsigned int iters,
		     uint64_t seed, double level, double *lo, double *hi)
{
	struct ls_rng g = { seed };
	double *scratch, *ratios, ma, mb;
	unsigned int i;

	if (!na || !nb || !iters || !(level > 0 && level < 1))
		return -EINVAL;
	scratch = malloc((na > nb ? na : nb) * sizeof(*scratch));
	ratios = malloc(iters * sizeof(*ratios));
	if (!scratch || !ratios) {
		free(scratch);
		free(ratios);
		return -ENOMEM;
	}
	for (i = 0; i < iters; i++) {
		ma = median_of_resample(&g, a, na, scratch);
		mb = median_of_resample(&g, b, nb, scratch);
		if (!(ma > 0) || !isfinite(mb)) {
			free(scratch);
			free(ratios);
			return -EINVAL;
		}
		ratios[i] = mb / ma;
	}
	qsort(ratios, iters, sizeof(*ratios), cmp_double);
	*lo = ratios[(size_t)floor((1 - level) / 2 * (iters - 1) + 0.5)];
	*hi = ratios[(size_t)floor((1 + level) / 2 * (iters - 1) + 0.5)];
	free(scratch);
	free(ratios);
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

enum ls_verdict ls_verdict_of(double ratio, double p, double alpha, double threshold)
{
	if (!(p < alpha) || !(fabs(ratio - 1) > threshold))
		return LS_SAME;
	return ratio > 1 ? LS_SLOWER : LS_FASTER;
}

const char *ls_verdict_name(enum ls_verdict v)
{
	return v == LS_FASTER ? "faster" : v == LS_SLOWER ? "slower" : "same";
}
