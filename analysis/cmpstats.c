// SPDX-License-Identifier: GPL-2.0
/* Student's t, Welch's test, Benjamini-Hochberg, round medians, geometric means. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cmpstats.h"

#define BETACF_ITERS 500
#define BETACF_EPS 1e-15
#define TINY 1e-300

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

static double not_tiny(double v)
{
	return fabs(v) < TINY ? TINY : v;
}

/* The continued fraction of I_x(a, b), modified Lentz (Numerical Recipes' betacf). */
static double betacf(double a, double b, double x)
{
	double c = 1, d = 1 / not_tiny(1 - (a + b) * x / (a + 1)), h = d, num, del;
	int m;

	for (m = 1; m <= BETACF_ITERS; m++) {
		num = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m));
		d = 1 / not_tiny(1 + num * d);
		c = not_tiny(1 + num / c);
		h *= d * c;
		num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m));
		d = 1 / not_tiny(1 + num * d);
		c = not_tiny(1 + num / c);
		del = d * c;
		h *= del;
		if (fabs(del - 1) < BETACF_EPS)
			break;
	}
	return h;
}

double ls_betai(double a, double b, double x)
{
	double front;

	if (!(x > 0))
		return 0;
	if (!(x < 1))
		return 1;
	front = exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x));
	/* The fraction converges fast below (a + 1) / (a + b + 2); use symmetry above. */
	if (x < (a + 1) / (a + b + 2))
		return front * betacf(a, b, x) / a;
	return 1 - front * betacf(b, a, 1 - x) / b;
}

double ls_t_p2(double t, double df)
{
	if (isinf(t))
		return 0;
	return ls_betai(df / 2, 0.5, df / (df + t * t));
}

double ls_t_crit(double alpha, double df)
{
	double lo = 0, hi = 1, mid;
	int i;

	while (ls_t_p2(hi, df) > alpha && hi < 1e300)
		hi *= 2;
	/* p falls as t grows: bisect to the last bit. */
	for (i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
		mid = (lo + hi) / 2;
		if (ls_t_p2(mid, df) > alpha)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/* Mean and sample variance; -EINVAL for fewer than 2 values or one not finite. */
static int mean_var(const double *x, size_t n, double *mean, double *var)
{
	double s = 0, ss = 0;
	size_t i;

	if (n < 2)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]))
			return -EINVAL;
		s += x[i];
	}
	*mean = s / n;
	for (i = 0; i < n; i++)
		ss += (x[i] - *mean) * (x[i] - *mean);
	*var = ss / (n - 1);
	return 0;
}

int ls_welch(const double *a, size_t na, const double *b, size_t nb, struct ls_welch *w)
{
	double ma, va, mb, vb, ea, eb;
	int ret = mean_var(a, na, &ma, &va) ?: mean_var(b, nb, &mb, &vb);

	if (ret)
		return ret;
	ea = va / na;
	eb = vb / nb;
	w->diff = mb - ma;
	w->se = sqrt(ea + eb);
	if (!(w->se > 0)) {
		w->df = na + nb - 2;
		w->t = w->diff ? copysign(INFINITY, w->diff) : 0;
		w->p = w->diff ? 0 : 1;
		return 0;
	}
	w->df = (ea + eb) * (ea + eb) / (ea * ea / (na - 1) + eb * eb / (nb - 1));
	w->t = w->diff / w->se;
	w->p = ls_t_p2(w->t, w->df);
	return 0;
}

void ls_welch_ci(const struct ls_welch *w, double level, double *lo, double *hi)
{
	double h = w->se > 0 ? ls_t_crit(1 - level, w->df) * w->se : 0;

	*lo = w->diff - h;
	*hi = w->diff + h;
}

struct ranked_p {
	double p;
	size_t i;
};

static int cmp_ranked_p(const void *a, const void *b)
{
	return cmp_double(&((const struct ranked_p *)a)->p, &((const struct ranked_p *)b)->p);
}

int ls_bh(const double *p, size_t n, double *q)
{
	struct ranked_p *v = malloc((n + 1) * sizeof(*v));
	double run = 1, adj;
	size_t i, m = 0;

	if (!v)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		q[i] = NAN;
		if (!isnan(p[i]))
			v[m++] = (struct ranked_p){ p[i], i };
	}
	qsort(v, m, sizeof(*v), cmp_ranked_p);
	/* From the largest p down, the running minimum of p m / rank. */
	for (i = m; i > 0; i--) {
		adj = v[i - 1].p * m / i;
		if (adj < run)
			run = adj;
		q[v[i - 1].i] = run;
	}
	free(v);
	return 0;
}

int ls_round_medians(const double *x, const unsigned int *round, size_t n, unsigned int nr_rounds,
		     double *out)
{
	double *buf = malloc((n + 1) * sizeof(*buf));
	unsigned int r;
	size_t i, k;

	if (!buf)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (round[i] < 1 || round[i] > nr_rounds) {
			free(buf);
			return -EINVAL;
		}
	}
	for (r = 1; r <= nr_rounds; r++) {
		for (i = k = 0; i < n; i++) {
			if (round[i] == r)
				buf[k++] = x[i];
		}
		if (!k) {
			free(buf);
			return -EINVAL;
		}
		out[r - 1] = ls_median_inplace(buf, k);
	}
	free(buf);
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

enum ls_verdict ls_verdict_of(double ratio, double q, double level, double threshold)
{
	if (!(q < level) || !(fabs(ratio - 1) > threshold))
		return LS_SAME;
	return ratio > 1 ? LS_SLOWER : LS_FASTER;
}

const char *ls_verdict_name(enum ls_verdict v)
{
	return v == LS_FASTER ? "faster" : v == LS_SLOWER ? "slower" : "same";
}
