// SPDX-License-Identifier: GPL-2.0
/*
 * Two sets of units compared on the log scale: Welch's test, the paired t,
 * their intervals, equivalence (two one-sided tests), the change they can
 * detect, and Benjamini-Hochberg over a family of them.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "stats.h"

/* The units a trimmed test keeps of n: n less floor(LS_TRIM n) from each end. */
static double kept(size_t n)
{
	return n - 2 * floor(LS_TRIM * n);
}

/* t and p from d, se and df; se 0 (constant sides) gives p 1 or 0. */
static void t_and_p(struct ls_ttest *t)
{
	if (!(t->se > 0)) {
		t->t = t->d ? copysign(INFINITY, t->d) : 0;
		t->p = t->d ? 0 : 1;
		return;
	}
	t->t = t->d / t->se;
	t->p = ls_t_p2(t->t, t->df);
}

/* Welch-Satterthwaite's df when the two sides' squared standard errors are in ratio r = eb / ea. */
static double welch_df_at(double r, size_t na, size_t nb)
{
	return (1 + r) * (1 + r) / (1.0 / (na - 1) + r * r / (nb - 1));
}

/* The F(d1, d2) distribution function. */
static double f_cdf(double x, double d1, double d2)
{
	return ls_betai(d1 / 2, d2 / 2, d1 * x / (d1 * x + d2));
}

/* The p quantile of F(d1, d2), bisected on its logarithm. */
static double f_quantile(double p, double d1, double d2)
{
	double lo = -60, hi = 60, mid;
	int i;

	for (i = 0; i < 40; i++) {
		mid = (lo + hi) / 2;
		if (f_cdf(exp(mid), d1, d2) < p)
			lo = mid;
		else
			hi = mid;
	}
	return exp((lo + hi) / 2);
}

/*
 * The df Welch's test would estimate, as m equally likely values, when the
 * true variances are va and vb: the estimated ratio of the squared standard
 * errors is the true one times an F(nb - 1, na - 1) variable, taken at m
 * equally spaced quantiles. A test whose df is estimated from few units has
 * less power than one with the df of the true variances, at small levels
 * much less; tests/unit/test_tdist.c checks the result against simulation.
 */
static size_t planned_df(const struct ls_ttest *t, size_t na, size_t nb, double *df)
{
	double c;
	size_t i;

	/* with the runs' spread, whose df no unit adds to: the df of the test as it is */
	if (t->vx > 0) {
		df[0] = t->df;
		return 1;
	}
	/* a trimmed test's df: of the units it keeps (Yuen's), planned at those kept of n */
	if ((t->ga || t->gb) && t->paired) {
		df[0] = kept(na) - 1;
		return 1;
	}
	if (t->ga || t->gb) {
		df[0] = kept(na) + kept(nb) - 2;
		return 1;
	}
	if (t->paired || !(t->va > 0 && t->vb > 0)) {
		df[0] = t->paired ? na - 1.0 : na + nb - 2.0;
		return 1;
	}
	c = (t->vb / nb) / (t->va / na);
	for (i = 0; i < LS_MAX_DF_NODES; i++)
		df[i] = welch_df_at(c * f_quantile((i + 0.5) / LS_MAX_DF_NODES, nb - 1.0, na - 1.0),
				    na, nb);
	return LS_MAX_DF_NODES;
}

double ls_ttest_shift(const struct ls_ttest *t, size_t na, size_t nb, double alpha, double power)
{
	double df[LS_MAX_DF_NODES];
	size_t m = planned_df(t, na, nb, df);

	return ls_t_power_shift_mix(alpha, df, m, power);
}

double ls_ttest_se_at(const struct ls_ttest *t, size_t n)
{
	return sqrt((t->va + t->vb) / n + t->vx);
}

void ls_ttest_add_runs(struct ls_ttest *t, double vx, double dfx)
{
	double w = t->se * t->se, wdf = t->df;

	if (!(vx > 0) || !(dfx > 0))
		return;
	t->vx = vx;
	t->dfx = dfx;
	t->se = sqrt(w + vx);
	if (isnan(t->p))
		return; /* not a test: only the spread, for planning */
	/*
	 * Welch-Satterthwaite over the rounds' part (its df) and the runs' (dfx), but never
	 * more than the rounds' own: a spread added cannot make the test surer than it was
	 */
	t->df = fmin((w + vx) * (w + vx) / (w * w / wdf + vx * vx / dfx), wdf);
	t_and_p(t);
}

/*
 * With one unit on a side, its variance is borrowed from the other, so that
 * the units needed can be planned; p stays NAN: that is not a test.
 */
int ls_ttest_welch(const double *la, size_t na, const double *lb, size_t nb, struct ls_ttest *t)
{
	double ma, mb, ea, eb;
	int ra = ls_mean_var(la, na, &ma, &t->va), rb = ls_mean_var(lb, nb, &mb, &t->vb);

	if ((ra && (na != 1 || !isfinite(la[0]))) || (rb && (nb != 1 || !isfinite(lb[0]))) ||
	    (ra && rb))
		return -EINVAL;
	if (ra) {
		ma = la[0];
		t->va = t->vb;
	}
	if (rb) {
		mb = lb[0];
		t->vb = t->va;
	}
	t->paired = false;
	t->na = na;
	t->nb = nb;
	t->ga = t->gb = 0;
	t->vx = t->dfx = 0;
	t->d = mb - ma;
	ea = t->va / na;
	eb = t->vb / nb;
	t->se = sqrt(ea + eb);
	t->df = ea + eb > 0 ? (ea + eb) * (ea + eb) / (ea * ea / (na - 1) + eb * eb / (nb - 1))
			    : na + nb - 2.0;
	t_and_p(t);
	if (ra || rb) {
		t->df = NAN;
		t->t = t->p = NAN;
	}
	return 0;
}

/* lb[i] - la[i] for the n pairs, allocated; NULL: out of memory. */
static double *pair_diffs(const double *la, const double *lb, size_t n)
{
	double *diff = malloc((n + 1) * sizeof(*diff));
	size_t i;

	for (i = 0; diff && i < n; i++)
		diff[i] = lb[i] - la[i];
	return diff;
}

int ls_ttest_paired(const double *la, const double *lb, size_t n, struct ls_ttest *t)
{
	double *diff = pair_diffs(la, lb, n), var;
	int ret;

	if (!diff)
		return -ENOMEM;
	ret = ls_mean_var(diff, n, &t->d, &var);
	free(diff);
	if (ret)
		return ret;
	t->paired = true;
	t->na = t->nb = n;
	t->ga = t->gb = 0;
	t->vx = t->dfx = 0;
	t->va = t->vb = var / 2;
	t->se = sqrt(var / n);
	t->df = n - 1.0;
	t_and_p(t);
	return 0;
}

static int cmp_double(const void *pa, const void *pb)
{
	double a = *(const double *)pa, b = *(const double *)pb;

	return (a > b) - (a < b);
}

/* x[i] of x sorted, winsorized: the g at each end taken as the nearest kept unit. */
static double winsorized(const double *x, size_t n, size_t g, size_t i)
{
	return i < g ? x[g] : i >= n - g ? x[n - g - 1] : x[i];
}

/*
 * x sorted in place, floor(LS_TRIM n) set aside from each end (*g): its trimmed mean, and
 * the squared standard error of it, the winsorized sum of squares over h (h - 1), h the
 * units kept. -EINVAL for fewer than 2 units kept or a value not finite.
 */
static int trimmed(double *x, size_t n, size_t *g, double *mean, double *se2)
{
	double s = 0, m = 0, w;
	size_t i, h;

	for (i = 0; i < n; i++) {
		if (!isfinite(x[i]))
			return -EINVAL;
	}
	qsort(x, n, sizeof(*x), cmp_double);
	*g = (size_t)floor(LS_TRIM * n);
	h = n - 2 * *g;
	if (h < 2)
		return -EINVAL;
	for (i = *g; i < n - *g; i++)
		*mean += x[i];
	*mean /= h;
	for (i = 0; i < n; i++)
		m += winsorized(x, n, *g, i);
	m /= n;
	for (i = 0; i < n; i++) {
		w = winsorized(x, n, *g, i) - m;
		s += w * w;
	}
	*se2 = s / ((double)h * (h - 1));
	return 0;
}

int ls_ttest_yuen_paired(const double *la, const double *lb, size_t n, struct ls_ttest *t)
{
	double *diff, se2;
	size_t h;
	int ret;

	if (n < LS_TRIM_MIN)
		return ls_ttest_paired(la, lb, n, t);
	diff = pair_diffs(la, lb, n);
	if (!diff)
		return -ENOMEM;
	t->d = 0;
	ret = trimmed(diff, n, &t->ga, &t->d, &se2);
	free(diff);
	if (ret)
		return ret;
	h = n - 2 * t->ga;
	t->gb = t->ga;
	t->vx = t->dfx = 0;
	t->paired = true;
	t->na = t->nb = n;
	t->va = t->vb = se2 * n / 2;
	t->se = sqrt(se2);
	t->df = h - 1.0;
	t_and_p(t);
	return 0;
}

int ls_ttest_yuen(const double *la, size_t na, const double *lb, size_t nb, struct ls_ttest *t)
{
	double *x, ma = 0, mb = 0, ea, eb;
	size_t ha, hb;
	int ret;

	if ((na < LS_TRIM_MIN && nb < LS_TRIM_MIN) || na < 2 || nb < 2)
		return ls_ttest_welch(la, na, lb, nb, t);
	x = malloc((na + nb) * sizeof(*x));
	if (!x)
		return -ENOMEM;
	memcpy(x, la, na * sizeof(*x));
	memcpy(x + na, lb, nb * sizeof(*x));
	ret = trimmed(x, na, &t->ga, &ma, &ea) ?: trimmed(x + na, nb, &t->gb, &mb, &eb);
	free(x);
	if (ret)
		return ret;
	ha = na - 2 * t->ga;
	hb = nb - 2 * t->gb;
	t->vx = t->dfx = 0;
	t->paired = false;
	t->na = na;
	t->nb = nb;
	t->d = mb - ma;
	t->va = ea * na;
	t->vb = eb * nb;
	t->se = sqrt(ea + eb);
	t->df = ea + eb > 0 ? (ea + eb) * (ea + eb) / (ea * ea / (ha - 1) + eb * eb / (hb - 1))
			    : ha + hb - 2.0;
	t_and_p(t);
	return 0;
}

void ls_ttest_ci(const struct ls_ttest *t, double level, double *lo, double *hi)
{
	double h = t->se > 0 ? ls_t_crit(1 - level, t->df) * t->se : 0;

	*lo = t->d - h;
	*hi = t->d + h;
}

bool ls_ttest_equivalent(const struct ls_ttest *t, double bound, double alpha)
{
	double lo, hi, b = log1p(bound);

	if (isnan(t->p))
		return false;
	ls_ttest_ci(t, 1 - 2 * alpha, &lo, &hi);
	return lo > -b && hi < b;
}

double ls_ttest_detectable(const struct ls_ttest *t, size_t n, double alpha, double power)
{
	size_t na = n ?: t->na, nb = n ?: t->nb;
	double se = sqrt(t->va / na + t->vb / nb + t->vx);

	if (isnan(se) || na < 2 || nb < 2)
		return NAN;
	if (!(se > 0))
		return 0;
	return expm1(ls_ttest_shift(t, na, nb, alpha, power) * se);
}

struct ranked_p {
	double p;
	size_t i;
};

static int cmp_ranked_p(const void *pa, const void *pb)
{
	double a = ((const struct ranked_p *)pa)->p, b = ((const struct ranked_p *)pb)->p;

	return (a > b) - (a < b);
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

int ls_log_interval(const double *l, size_t n, bool trim, double alpha, double *center, double *hw)
{
	double *x, v, se2;
	size_t g;
	int ret;

	if (n < 2)
		return -EINVAL;
	/* (trimmed() sets nothing aside below LS_TRIM_MIN: the same interval) */
	if (!trim) {
		ret = ls_mean_var(l, n, center, &v);
		if (!ret)
			*hw = ls_t_crit(alpha, n - 1.0) * sqrt(v / n);
		return ret;
	}
	x = malloc(n * sizeof(*x));
	if (!x)
		return -ENOMEM;
	memcpy(x, l, n * sizeof(*x));
	*center = 0;
	ret = trimmed(x, n, &g, center, &se2);
	free(x);
	if (!ret)
		*hw = ls_t_crit(alpha, n - 2.0 * g - 1) * sqrt(se2);
	return ret;
}

/* The t interval's half-width at n units over their spread (t / sqrt(n)). */
static double width_at(unsigned int n, double alpha)
{
	return ls_t_crit(alpha, n - 1.0) / sqrt(n);
}

unsigned int ls_units_to_reach(double hw, unsigned int n, double target, unsigned int most,
			       double alpha)
{
	unsigned int lo = n, hi = most, mid;
	double need;

	if (hw <= target)
		return n;
	if (n < 2 || !isfinite(hw) || most <= n)
		return 0;
	/* the width over the spread m units must come to; it shrinks as units are added */
	need = target / hw * width_at(n, alpha);
	if (width_at(most, alpha) > need)
		return 0;
	while (hi - lo > 1) { /* width_at(lo) > need >= width_at(hi) */
		mid = lo + (hi - lo) / 2;
		if (width_at(mid, alpha) <= need)
			hi = mid;
		else
			lo = mid;
	}
	return hi;
}

double ls_half_width(const double *l, size_t n, bool trim, double alpha)
{
	double center, hw;

	return ls_log_interval(l, n, trim, alpha, &center, &hw) ? NAN : expm1(hw);
}
