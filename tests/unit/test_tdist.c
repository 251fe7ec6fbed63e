// SPDX-License-Identifier: GPL-2.0
/*
 * Student's t against table values, Welch's test under the null, and the
 * detectable change against a brute-force simulation of the test itself.
 */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>
#include "stats.h"

/* The 97.5th percentile of Student's t for df 1..100, to 4 decimals (a printed table's). */
static const double t975[100] = {
	12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281,
	2.2010,	 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860,
	2.0796,	 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423,
	2.0395,	 2.0369, 2.0345, 2.0322, 2.0301, 2.0281, 2.0262, 2.0244, 2.0227, 2.0211,
	2.0195,	 2.0181, 2.0167, 2.0154, 2.0141, 2.0129, 2.0117, 2.0106, 2.0096, 2.0086,
	2.0076,	 2.0066, 2.0057, 2.0049, 2.0040, 2.0032, 2.0025, 2.0017, 2.0010, 2.0003,
	1.9996,	 1.9990, 1.9983, 1.9977, 1.9971, 1.9966, 1.9960, 1.9955, 1.9949, 1.9944,
	1.9939,	 1.9935, 1.9930, 1.9925, 1.9921, 1.9917, 1.9913, 1.9908, 1.9905, 1.9901,
	1.9897,	 1.9893, 1.9890, 1.9886, 1.9883, 1.9879, 1.9876, 1.9873, 1.9870, 1.9867,
	1.9864,	 1.9861, 1.9858, 1.9855, 1.9853, 1.9850, 1.9847, 1.9845, 1.9842, 1.9840,
};

static void t_quantile_table(void **state)
{
	int df;

	for (df = 1; df <= 100; df++) {
		assert_float_equal(ls_t_quantile(0.975, df), t975[df - 1], 5e-5);
		assert_float_equal(ls_t_quantile(0.025, df), -t975[df - 1], 5e-5);
		assert_float_equal(ls_t_crit(0.05, df), t975[df - 1], 5e-5);
	}
}

/* Other columns of the table. */
static void t_quantile_other_levels(void **state)
{
	static const struct {
		double p, df, x;
	} v[] = {
		{ 0.95, 1, 6.3138 },   { 0.95, 2, 2.9200 },    { 0.95, 5, 2.0150 },
		{ 0.95, 10, 1.8125 },  { 0.95, 30, 1.6973 },   { 0.95, 100, 1.6602 },
		{ 0.995, 1, 63.6567 }, { 0.995, 2, 9.9248 },   { 0.995, 5, 4.0321 },
		{ 0.995, 10, 3.1693 }, { 0.995, 30, 2.7500 },  { 0.995, 100, 2.6259 },
		{ 0.8, 1, 1.3764 },    { 0.8, 4, 0.9410 },     { 0.8, 30, 0.8538 },
		{ 0.8, 100, 0.8452 },  { 0.9995, 3, 12.9240 }, { 0.9995, 50, 3.4960 },
	};
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		assert_float_equal(ls_t_quantile(v[i].p, v[i].df), v[i].x, 5e-5);
	assert_float_equal(ls_t_quantile(0.5, 7), 0, 0);
	/* fractional df (Welch's) fall between their neighbours */
	assert_true(ls_t_quantile(0.975, 3.5) < t975[2] && ls_t_quantile(0.975, 3.5) > t975[3]);
	assert_float_equal(ls_t_cdf(ls_t_quantile(0.9, 7.3), 7.3), 0.9, 1e-10);
}

/* df 1 (Cauchy) and df 2 have closed forms: an independent check over a range of t. */
static void t_p2_closed_forms(void **state)
{
	double t;

	for (t = 0.05; t < 200; t *= 1.37) {
		assert_float_equal(ls_t_p2(t, 1), 1 - 2 / M_PI * atan(t), 1e-12);
		assert_float_equal(ls_t_p2(t, 2), 1 - t / sqrt(2 + t * t), 1e-12);
	}
	/* Many degrees of freedom: the normal distribution's erfc. */
	assert_float_equal(ls_t_p2(1.959964, 1e7), 0.05, 1e-6);
	assert_float_equal(ls_t_p2(0, 5), 1, 1e-12);
	assert_float_equal(ls_t_p2(INFINITY, 5), 0, 0);
	assert_float_equal(ls_norm_cdf(1.959964), 0.975, 1e-7);
}

static void betai_known_values(void **state)
{
	assert_float_equal(ls_betai(1, 1, 0.3), 0.3, 1e-14); /* uniform */
	assert_float_equal(ls_betai(2, 1, 0.5), 0.25, 1e-14); /* x^2 */
	assert_float_equal(ls_betai(1, 3, 0.2), 1 - pow(0.8, 3), 1e-14);
	assert_float_equal(ls_betai(3, 3, 0.5), 0.5, 1e-14); /* symmetric */
	assert_float_equal(ls_betai(2, 5, 0), 0, 0);
	assert_float_equal(ls_betai(2, 5, 1), 1, 0);
}

/* Power: alpha with no shift, growing with it, and the shift found gives the power asked. */
static void power_and_its_inverse(void **state)
{
	double crit = ls_t_crit(0.05, 4), lambda;

	assert_float_equal(ls_t_power(0, crit, 4), 0.05, 1e-4);
	assert_true(ls_t_power(1, crit, 4) < ls_t_power(2, crit, 4));
	/* many df: the normal test, power 0.8 at 1.96 + 0.8416 */
	assert_float_equal(ls_t_power_shift(0.05, 1e5, 0.8), 1.959964 + 0.841621, 2e-3);
	lambda = ls_t_power_shift(0.001, 3.3, 0.8);
	assert_float_equal(ls_t_power(lambda, ls_t_crit(0.001, 3.3), 3.3), 0.8, 1e-6);
}

/* A normal deviate from a fixed-seed generator (xorshift64, Box-Muller). */
static double normal(uint64_t *s)
{
	double u1, u2;

	*s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
	u1 = ((*s >> 11) + 0.5) / 9007199254740992.0;
	*s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
	u2 = ((*s >> 11) + 0.5) / 9007199254740992.0;
	return sqrt(-2 * log(u1)) * cos(2 * M_PI * u2);
}

/*
 * 5 rounds against 4, spreads 1 and 3, 4000 fixed-seed trials (binomial sd
 * 0.34%): the interval covers the true difference of 2 about 95% of the time,
 * and with no difference p < 0.05 about 5% of the time.
 */
static void welch_size_under_the_null(void **state)
{
	double a[5], b[4], lo, hi;
	int trial, i, hits = 0, covered = 0;
	uint64_t seed = 0x5eed;
	struct ls_ttest w;

	for (trial = 0; trial < 4000; trial++) {
		for (i = 0; i < 5; i++)
			a[i] = 10 + normal(&seed);
		for (i = 0; i < 4; i++)
			b[i] = 12 + 3 * normal(&seed);
		assert_int_equal(ls_ttest_welch(a, 5, b, 4, &w), 0);
		ls_ttest_ci(&w, 0.95, &lo, &hi);
		covered += lo <= 2 && hi >= 2;
		for (i = 0; i < 4; i++)
			b[i] -= 2;
		assert_int_equal(ls_ttest_welch(a, 5, b, 4, &w), 0);
		hits += w.p < 0.05;
	}
	assert_true(hits > 0.04 * 4000 && hits < 0.06 * 4000);
	assert_true(covered > 0.935 * 4000 && covered < 0.965 * 4000);
}

/*
 * The runs' spread from controls: two of se 1% that moved +3% and -3% (logs) put the runs
 * sqrt((2 * 9 - 2) / 2) = 2.8% apart around zero, on 2 df, their mean 0 straying 4.1%. A
 * third whose rounds agree exactly (se 0) and moved +1% outweighs them around zero (var its
 * 1e-4, df 1); around their mean they stray by 18 / 4e4 = 4.5e-4, and weighed by 1 / (se^2 +
 * that) (1818, 1818 and 2222) the mean is 22.22 / 5858.6 = 0.3793%, its variance 1 / 5858.6.
 * Moves within their rounds' noise give 0; none: -EINVAL.
 */
static void runs_spread_fixtures(void **state)
{
	double d[3] = { 0.03, -0.03, 0 }, se[3] = { 0.01, 0.01, 0 };
	struct ls_runs_spread s;

	(void)state;
	assert_int_equal(ls_runs_spread(d, se, 2, &s), 0);
	assert_int_equal(s.k, 2);
	assert_float_equal(s.var, 8e-4, 1e-12);
	assert_float_equal(s.df, 2, 1e-12);
	assert_float_equal(s.mean, 0, 1e-12);
	assert_float_equal(s.var_mean, 1.7e-3, 1e-12);
	d[2] = 0.01;
	assert_int_equal(ls_runs_spread(d, se, 3, &s), 0);
	assert_float_equal(s.df, 1, 1e-6);
	assert_float_equal(s.var, 1e-4, 1e-9);
	assert_float_equal(s.var_mean, 4.5e-4, 1e-8);
	assert_float_equal(s.mean, 22.2222 / 5858.59, 1e-6);
	assert_float_equal(s.se2_mean, 1 / 5858.59, 1e-8);
	/* one control, moved within its rounds: no spread beyond them, no spread around a mean */
	d[0] = 0.005;
	assert_int_equal(ls_runs_spread(d, se, 1, &s), 0);
	assert_true(s.var == 0 && isnan(s.var_mean));
	assert_int_equal(ls_runs_spread(d, se, 0, &s), -EINVAL);
}

/* One cell's test of 3 rounds a side, spread 0.5%, of runs whose levels differ by sd run. */
static void one_run_a_side(uint64_t *seed, double run, struct ls_ttest *w)
{
	double a[3], b[3], ua = run * normal(seed), ub = run * normal(seed);
	int i;

	for (i = 0; i < 3; i++) {
		a[i] = ua + 0.005 * normal(seed);
		b[i] = ub + 0.005 * normal(seed);
	}
	assert_int_equal(ls_ttest_welch(a, 3, b, 3, w), 0);
}

/*
 * The runs' term (compare's, from the controls): runs whose levels differ by 2% and rounds
 * 0.5% apart, one run a side, 4000 fixed-seed A/As. On its rounds alone a cell is "changed"
 * most of the time; with the variance four controls measured in the same runs estimate
 * (ls_runs_spread, as compare estimates it) added, at most about 5% of the time at p < 0.05,
 * and its 95% interval covers no change about 95% of the time.
 */
static void runs_term_size_under_the_null(void **state)
{
	int trial, k, alone = 0, hits = 0, covered = 0;
	uint64_t seed = 0x7a0;
	const struct ls_rule rule = LS_RULE_DEFAULT;
	struct ls_runs_spread runs;
	struct ls_ttest w, ctl;
	double d[4], sd[4], lo, hi, se, p;

	for (trial = 0; trial < 4000; trial++) {
		for (k = 0; k < 4; k++) {
			one_run_a_side(&seed, 0.02, &ctl);
			d[k] = ctl.d;
			sd[k] = ctl.se;
		}
		assert_int_equal(ls_runs_spread(d, sd, 4, &runs), 0);
		one_run_a_side(&seed, 0.02, &w);
		alone += w.p < 0.05;
		p = w.p;
		ls_ttest_add_runs(&w, runs.var, runs.df);
		assert_true(w.p >= p); /* the term never makes a test surer */
		hits += w.p < 0.05;
		ls_ttest_ci(&w, 0.95, &lo, &hi);
		covered += lo <= 0 && hi >= 0;
	}
	assert_true(alone > 0.5 * 4000);
	assert_true(hits > 0.02 * 4000 && hits < 0.08 * 4000);
	assert_true(covered > 0.92 * 4000 && covered < 0.98 * 4000);
	/* nothing to add, nothing changed; without the term, no runs to plan */
	se = w.se;
	ls_ttest_add_runs(&w, 0, 4);
	assert_true(w.se == se);
	one_run_a_side(&seed, 0.02, &w);
	assert_int_equal(ls_runs_needed(&w, &rule), 0);
	printf("# runs' term: p < 0.05 in %d of 4000 A/As on the rounds alone, %d with it\n", alone,
	       hits);
}

#define TRIALS 4000
#define MAX_N 8

struct design {
	size_t na, nb;
	double sa, sb; /* true spreads of the logs */
	bool paired;
	double alpha;
};

/* How often the test finds a shift of the logs, over TRIALS draws of one fixed seed. */
static double simulated_power(const struct design *d, double shift)
{
	double a[MAX_N], b[MAX_N];
	uint64_t seed = 0xdecade;
	struct ls_ttest t;
	int trial, hits = 0;
	size_t i;

	for (trial = 0; trial < TRIALS; trial++) {
		for (i = 0; i < d->na; i++)
			a[i] = d->sa * normal(&seed);
		for (i = 0; i < d->nb; i++)
			b[i] = (d->paired ? a[i] : 0) + shift + d->sb * normal(&seed);
		if (d->paired)
			assert_int_equal(ls_ttest_paired(a, b, d->na, &t), 0);
		else
			assert_int_equal(ls_ttest_welch(a, d->na, b, d->nb, &t), 0);
		hits += t.p < d->alpha;
	}
	return (double)hits / TRIALS;
}

/* The shift the simulation finds with 80% power: the same draws each time, bisected. */
static double simulated_detectable(const struct design *d)
{
	double lo = 0, hi = 1, mid;
	int i;

	for (i = 0; i < 30; i++) {
		mid = (lo + hi) / 2;
		if (simulated_power(d, mid) < 0.8)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

/* The test as lsbench sees it when the spreads observed are the true ones. */
static double claimed_detectable(const struct design *d)
{
	struct ls_ttest t = { .paired = d->paired, .na = d->na, .nb = d->nb };

	/* paired: b - a has variance sb^2, va = vb = half of it */
	t.va = d->paired ? d->sb * d->sb / 2 : d->sa * d->sa;
	t.vb = d->paired ? d->sb * d->sb / 2 : d->sb * d->sb;
	return log1p(ls_ttest_detectable(&t, 0, d->alpha, 0.8));
}

/*
 * The detectable change against brute force: 4000 seeded trials of the very
 * test for each shift; within 15% of the simulated shift (the simulation's
 * own error at 80% power is about 2%; Welch's estimated df and the
 * integration's approximations account for the rest).
 */
static void detectable_against_simulation(void **state)
{
	static const struct design designs[] = {
		{ 3, 3, 0.02, 0.02, false, 0.05 }, /* three rounds a side, one cell */
		{ 3, 3, 0.02, 0.02, false, 0.05 / 20 }, /* BH's single-change level of 20 */
		{ 4, 6, 0.01, 0.03, false, 0.01 }, /* unequal rounds and spreads */
		{ 5, 5, 0.0, 0.02, true, 0.05 }, /* five pairs */
		{ 8, 8, 0.05, 0.05, false, 0.001 },
		{ 3, 3, 0.02, 0.02, false, 0.05 / 800 }, /* a whole matrix, one cell changed */
		{ 6, 6, 0.02, 0.01, false, 0.05 / 100 },
		{ 2, 2, 0.02, 0.02, false, 0.05 },
	};
	double sim, claim;
	size_t i;

	for (i = 0; i < sizeof(designs) / sizeof(designs[0]); i++) {
		sim = simulated_detectable(&designs[i]);
		claim = claimed_detectable(&designs[i]);
		print_message("design %zu: claimed %.4f, simulated %.4f\n", i, claim, sim);
		assert_true(claim > 0.85 * sim && claim < 1.15 * sim);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_quantile_table),
		cmocka_unit_test(t_quantile_other_levels),
		cmocka_unit_test(t_p2_closed_forms),
		cmocka_unit_test(betai_known_values),
		cmocka_unit_test(power_and_its_inverse),
		cmocka_unit_test(welch_size_under_the_null),
		cmocka_unit_test(runs_spread_fixtures),
		cmocka_unit_test(runs_term_size_under_the_null),
		cmocka_unit_test(detectable_against_simulation),
	};

	return cmocka_run_group_tests_name("tdist", tests, NULL, NULL);
}
