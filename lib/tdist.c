// SPDX-License-Identifier: GPL-2.0
/* Student's t (through the incomplete beta function), the normal distribution, t tests' power. */
#include <math.h>
#include "stats.h"

#define BETACF_ITERS 500
#define BETACF_EPS 1e-15
#define TINY 1e-300
#define POWER_STEPS 128 /* Simpson intervals over the spread's distribution */

static double not_tiny(double v)
{
	return fabs(v) < TINY ? TINY : v;
}

/* The continued fraction of I_x(a, b), modified Lentz (as Numerical Recipes' betacf). */
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

double ls_t_cdf(double t, double df)
{
	double tail = ls_t_p2(t, df) / 2;

	return t < 0 ? tail : 1 - tail;
}

/* Student's t density. */
static double t_pdf(double t, double df)
{
	return exp(lgamma((df + 1) / 2) - lgamma(df / 2) - (df + 1) / 2 * log1p(t * t / df)) /
	       sqrt(df * M_PI);
}

double ls_t_crit(double alpha, double df)
{
	double lo = 0, hi = 1, x, p, target = alpha / 2;
	int i;

	while (ls_t_p2(hi, df) > alpha && hi < 1e300)
		hi *= 2;
	/* Newton's steps on the upper tail, kept in a shrinking bracket: the tail falls as t grows.
	 */
	x = hi / 2;
	for (i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
		p = ls_t_p2(x, df) / 2;
		if (p > target)
			lo = x;
		else
			hi = x;
		if (fabs(p - target) <= 1e-15 * target)
			break;
		x += (p - target) / t_pdf(x, df);
		if (!(x > lo && x < hi))
			x = (lo + hi) / 2;
	}
	return x;
}

double ls_t_quantile(double p, double df)
{
	if (p == 0.5)
		return 0;
	return p > 0.5 ? ls_t_crit(2 * (1 - p), df) : -ls_t_crit(2 * p, df);
}

double ls_norm_cdf(double z)
{
	return 0.5 * erfc(-z / M_SQRT2);
}

/*
 * The density of u = s / sigma, the estimated standard error over the true
 * one: sqrt(X / df) for X chi-squared with df degrees of freedom.
 */
static double spread_density(double u, double df, double lognorm)
{
	double x = df * u * u;

	if (!(u > 0))
		return df == 1 ? sqrt(2 / M_PI) : 0; /* df < 1 does not occur: 2 units a side */
	return exp(log(2 * df * u) + (df / 2 - 1) * log(x) - x / 2 + lognorm);
}

/*
 * The power at shift lambda and its derivative in lambda: T' = (Z + lambda) / u
 * rejects when |T'| > crit, that is Z > crit u - lambda or Z < -crit u - lambda;
 * Simpson's rule over u.
 */
static double power_and_slope(double lambda, double crit, double df, double *slope)
{
	double sd = 1 / sqrt(2 * df), bottom = fmax(0, 1 - 12 * sd), top = 1 + 12 * sd;
	double h = (top - bottom) / POWER_STEPS, p = 0, s = 0, u, w, f, a, b;
	double lognorm = -df / 2 * M_LN2 - lgamma(df / 2);
	int i;

	for (i = 0; i <= POWER_STEPS; i++) {
		u = bottom + i * h;
		w = (i == 0 || i == POWER_STEPS) ? 1 : i % 2 ? 4 : 2;
		f = spread_density(u, df, lognorm);
		if (!(f > 0))
			continue;
		a = lambda - crit * u;
		b = -lambda - crit * u;
		p += w * f * (ls_norm_cdf(a) + ls_norm_cdf(b));
		s += w * f * (exp(-a * a / 2) - exp(-b * b / 2)) / sqrt(2 * M_PI);
	}
	if (slope)
		*slope = s * h / 3;
	return p * h / 3;
}

double ls_t_power(double lambda, double crit, double df)
{
	return power_and_slope(lambda, crit, df, NULL);
}

/* The mean power over m df, crit[i] the critical value of df[i], and its slope. */
static double mix_power(double lambda, const double *crit, const double *df, size_t m,
			double *slope)
{
	double p = 0, s = 0, si;
	size_t i;

	for (i = 0; i < m; i++) {
		p += power_and_slope(lambda, crit[i], df[i], &si) / m;
		s += si / m;
	}
	*slope = s;
	return p;
}

double ls_t_power_shift_mix(double alpha, const double *df, size_t m, double power)
{
	double crit[LS_MAX_DF_NODES], lo = 0, hi, x, p, slope, approx = 0;
	size_t i;
	int k;

	if (m > LS_MAX_DF_NODES)
		m = LS_MAX_DF_NODES;
	for (i = 0; i < m; i++) {
		crit[i] = ls_t_crit(alpha, df[i]);
		/* a normal approximation to start from and bracket with */
		approx += (crit[i] + ls_t_quantile(power, df[i]) *
					     sqrt(1 + crit[i] * crit[i] / (2 * df[i]))) /
			  m;
	}
	hi = approx > 0 ? 2 * approx : crit[0] + 1;
	while (mix_power(hi, crit, df, m, &slope) < power && hi < 1e6)
		hi *= 2;
	x = approx > lo && approx < hi ? approx : (lo + hi) / 2;
	/* Newton's steps, kept inside a shrinking bracket: power grows with lambda. */
	for (k = 0; k < 100 && hi - lo > 1e-9 * hi; k++) {
		p = mix_power(x, crit, df, m, &slope);
		if (p < power)
			lo = x;
		else
			hi = x;
		if (fabs(p - power) < 1e-10)
			break;
		x = slope > 0 ? x + (power - p) / slope : NAN;
		if (!(x > lo && x < hi))
			x = (lo + hi) / 2;
	}
	return x;
}

double ls_t_power_shift(double alpha, double df, double power)
{
	return ls_t_power_shift_mix(alpha, &df, 1, power);
}
