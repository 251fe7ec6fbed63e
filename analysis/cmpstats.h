/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Statistics that compare two sets of rounds: Student's t distribution,
 * Welch's test, Benjamini-Hochberg, round medians, geometric means.
 */
#ifndef LSBENCH_CMPSTATS_H
#define LSBENCH_CMPSTATS_H

#include <stddef.h>

/* The median of n >= 1 values; reorders x. */
double ls_median_inplace(double *x, size_t n);

/* The regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1. */
double ls_betai(double a, double b, double x);

/* Two-sided p of Student's t with df > 0 degrees of freedom: P(|T| >= |t|). */
double ls_t_p2(double t, double df);

/* The t > 0 whose two-sided p is alpha (0 < alpha < 1): the critical value. */
double ls_t_crit(double alpha, double df);

/* Welch's two-sample t-test of b against a. */
struct ls_welch {
	double diff; /* mean(b) - mean(a) */
	double se; /* sqrt(var(a)/na + var(b)/nb), sample variances */
	double df; /* Welch-Satterthwaite */
	double t; /* diff / se */
	double p; /* two-sided */
};

/*
 * Fills w; both sides need 2 or more finite values, else -EINVAL. When both
 * sides are constant (se 0), p is 1 if the means are equal, else 0, and df is
 * na + nb - 2.
 */
int ls_welch(const double *a, size_t na, const double *b, size_t nb, struct ls_welch *w);

/* [*lo, *hi]: diff -/+ the level (0.95) critical value of t times se. */
void ls_welch_ci(const struct ls_welch *w, double level, double *lo, double *hi);

/*
 * Benjamini-Hochberg adjusted p-values (q-values) of the n p-values; NANs
 * are not tests: their q is NAN and they do not count in m. q[i] =
 * min over p[j] >= p[i] of min(1, p[j] m / rank(j)).
 */
int ls_bh(const double *p, size_t n, double *q);

/*
 * The median of the values of each round: round[i] (1..nr_rounds) is the
 * round of x[i]; out[r - 1] gets round r's median. Returns 0, -EINVAL for a
 * round out of range or without values, -ENOMEM.
 */
int ls_round_medians(const double *x, const unsigned int *round, size_t n, unsigned int nr_rounds,
		     double *out);

/* The geometric mean of n > 0 positive values; NAN when n is 0. */
double ls_geomean(const double *x, size_t n);

enum ls_verdict {
	LS_SAME,
	LS_FASTER,
	LS_SLOWER,
};

/*
 * new/base ratio of ns per op: faster or slower only when q (the adjusted p)
 * < level and the ratio is off 1 by more than threshold (0.05: 5%), else the
 * same.
 */
enum ls_verdict ls_verdict_of(double ratio, double q, double level, double threshold);
const char *ls_verdict_name(enum ls_verdict v);

#endif /* LSBENCH_CMPSTATS_H */
