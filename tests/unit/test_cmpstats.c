// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "cmpstats.h"

/*
 * a = 1..4 (variance 5/3), b = 2, 4, 6 (variance 4) by hand:
 * se^2 = 5/12 + 16/12 = 7/4; df = (7/4)^2 / ((5/12)^2 / 3 + (4/3)^2 / 2) = 1323 / 409.
 */
static void welch_by_hand(void **state)
{
	const double a[] = { 1, 2, 3, 4 }, b[] = { 2, 4, 6 };
	struct ls_ttest w;
	double lo, hi;

	assert_int_equal(ls_ttest_welch(a, 4, b, 3, &w), 0);
	assert_float_equal(w.d, 1.5, 1e-14);
	assert_float_equal(w.se, sqrt(1.75), 1e-14);
	assert_float_equal(w.df, 1323.0 / 409, 1e-12);
	assert_float_equal(w.t, 1.5 / sqrt(1.75), 1e-14);
	assert_float_equal(w.p, ls_t_p2(1.5 / sqrt(1.75), 1323.0 / 409), 1e-14);
	assert_true(w.p > 0.3 && w.p < 0.4);
	ls_ttest_ci(&w, 0.95, &lo, &hi);
	assert_float_equal(hi - 1.5, ls_t_crit(0.05, 1323.0 / 409) * sqrt(1.75), 1e-12);
	assert_float_equal(lo + hi, 3, 1e-12);
	assert_true(lo < 0 && hi > 3); /* the p above 0.05 means 0 is inside */
}

/* Equal variances and sizes: Welch's df is 2n - 2, as Student's. */
static void welch_equal_variances(void **state)
{
	const double a[] = { 10, 11, 12, 13, 14 }, b[] = { 15, 16, 17, 18, 19 };
	struct ls_ttest w;

	assert_int_equal(ls_ttest_welch(a, 5, b, 5, &w), 0);
	assert_float_equal(w.df, 8, 1e-12);
	assert_float_equal(w.t, 5 / 1.0, 1e-12); /* se^2 = 2.5 / 5 * 2 */
	assert_float_equal(w.p, ls_t_p2(5, 8), 1e-14);
	assert_true(w.p < 0.002 && w.p > 0.001); /* t(8) = 5: p 0.00105 */
}

static void welch_degenerate_and_bad(void **state)
{
	const double a[] = { 3, 3, 3 }, b[] = { 4, 4 }, c[] = { 1, NAN };
	struct ls_ttest w;
	double lo, hi;

	assert_int_equal(ls_ttest_welch(a, 3, a, 3, &w), 0);
	assert_float_equal(w.p, 1, 0);
	ls_ttest_ci(&w, 0.95, &lo, &hi);
	assert_float_equal(lo, 0, 0);
	assert_float_equal(hi, 0, 0);
	assert_int_equal(ls_ttest_welch(a, 3, b, 2, &w), 0);
	assert_float_equal(w.p, 0, 0);
	/* one round against two: not a test, but the spread of the two plans more rounds */
	assert_int_equal(ls_ttest_welch(a, 1, b, 2, &w), 0);
	assert_true(isnan(w.p));
	assert_int_equal(ls_ttest_welch(a, 1, b, 1, &w), -EINVAL);
	assert_int_equal(ls_ttest_welch(a, 3, c, 2, &w), -EINVAL);
}

/*
 * By hand, m = 5: sorted p 0.005 0.01 0.03 0.04 0.5 times 5/rank give
 * 0.025 0.025 0.05 0.05 0.5, already monotone. The NAN is no test.
 */
static void bh_by_hand(void **state)
{
	const double p[] = { 0.01, 0.04, NAN, 0.03, 0.005, 0.5 };
	const double want[] = { 0.025, 0.05, NAN, 0.05, 0.025, 0.5 };
	const double p2[] = { 0.02, 0.021, 0.022, 0.9 };
	double q[6];
	int i;

	assert_int_equal(ls_bh(p, 6, q), 0);
	for (i = 0; i < 6; i++) {
		if (isnan(want[i]))
			assert_true(isnan(q[i]));
		else
			assert_float_equal(q[i], want[i], 1e-15);
	}
	/* m = 4: 0.08, 0.042, 0.02933, 0.9; the minimum from above makes the first two 0.02933. */
	assert_int_equal(ls_bh(p2, 4, q), 0);
	assert_float_equal(q[0], 0.022 * 4 / 3, 1e-15);
	assert_float_equal(q[1], 0.022 * 4 / 3, 1e-15);
	assert_float_equal(q[2], 0.022 * 4 / 3, 1e-15);
	assert_float_equal(q[3], 0.9, 1e-15);
	assert_int_equal(ls_bh(p2, 0, q), 0);
}

/* Fixed-seed random p-values: q against the definition, and its invariants. */
static void bh_invariants_and_brute_force(void **state)
{
	double p[40], q[40], best;
	unsigned int seed = 12345;
	size_t n, i, j, k, rank;

	for (n = 1; n <= 40; n += 3) {
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245 + 12345;
			p[i] = ((seed >> 8) & 0xffff) / 65536.0;
			p[i] = i % 4 ? p[i] : p[i] * p[i] * p[i] * 0.01; /* some small ones */
		}
		assert_int_equal(ls_bh(p, n, q), 0);
		for (i = 0; i < n; i++) {
			best = 1;
			for (j = 0; j < n; j++) {
				if (p[j] < p[i])
					continue;
				for (rank = 0, k = 0; k < n; k++)
					rank += p[k] <= p[j];
				if (p[j] * n / rank < best)
					best = p[j] * n / rank;
			}
			assert_float_equal(q[i], best, 1e-12);
			assert_true(q[i] >= p[i] && q[i] <= 1);
			for (j = 0; j < n; j++)
				assert_true(!(p[j] <= p[i]) || q[j] <= q[i]);
		}
	}
}

static void round_medians(void **state)
{
	const double x[] = { 5, 1, 9, 3, 2, 7, 4 };
	const unsigned int r[] = { 1, 2, 1, 2, 3, 1, 2 }, gaps[] = { 9, 4, 9, 4, 2, 9, 4 };
	double m[7];

	assert_int_equal(ls_round_medians(x, r, 7, m), 3);
	assert_float_equal(m[0], 7, 0); /* 5 9 7 */
	assert_float_equal(m[1], 3, 0); /* 1 3 4 */
	assert_float_equal(m[2], 2, 0);
	/* ids in any order, with gaps: in the order of the ids, 2 4 9 */
	assert_int_equal(ls_round_medians(x, gaps, 7, m), 3);
	assert_float_equal(m[0], 2, 0);
	assert_float_equal(m[1], 3, 0);
	assert_float_equal(m[2], 7, 0);
	assert_int_equal(ls_round_medians(x, r, 0, m), -EINVAL);
}

static void geomean_and_median(void **state)
{
	const double r1[] = { 2, 0.5 }, r2[] = { 1, 4 };
	double x[] = { 5, 1, 4, 2 }, y[] = { 3, 9, 1 };

	assert_float_equal(ls_geomean(r1, 2), 1, 1e-12);
	assert_float_equal(ls_geomean(r2, 2), 2, 1e-12);
	assert_true(isnan(ls_geomean(r1, 0)));
	assert_float_equal(ls_median_inplace(x, 4), 3, 0);
	assert_float_equal(ls_median_inplace(y, 3), 3, 0);
	assert_string_equal(ls_verdict_name(LS_SLOWER), "slower");
	assert_string_equal(ls_verdict_name(LS_UNSURE), "~");
}

/* Logs of round medians around 100 ns times ratio, spread by the offsets given (in %). */
static void rounds_of(double *l, double ratio, const double *pct, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		l[i] = log(100 * ratio * (1 + pct[i] / 100));
}

static enum ls_verdict judge(const double *la, size_t na, const double *lb, size_t nb, bool noisy,
			     struct ls_judgement *j)
{
	struct ls_rule rule = LS_RULE_DEFAULT;
	struct ls_ttest t;

	if (ls_ttest_welch(la, na, lb, nb, &t)) {
		ls_judge(NULL, NAN, noisy, &rule, j);
		return j->verdict;
	}
	/* one cell: q is p */
	ls_judge(&t, t.p, noisy, &rule, j);
	return j->verdict;
}

/*
 * The four verdicts on fixtures of five rounds a side: the interval inside
 * the 2% bound (same), across it (~), wholly outside (slower, faster); too
 * few rounds (~, with a reason); a noisy side never same.
 */
static void four_verdicts(void **state)
{
	const double tight[] = { -0.2, 0.1, 0, 0.2, -0.1 }, wide[] = { -4, 3, 0, 4, -3 };
	const double other[] = { 0.3, -0.4, 0.1, -0.2, 0.4 };
	double la[5], lb[5];
	struct ls_judgement j;

	rounds_of(la, 1, tight, 5);
	rounds_of(lb, 1.001, other, 5);
	assert_int_equal(judge(la, 5, lb, 5, false, &j), LS_SAME);
	assert_true(j.tost_lo > 1 / 1.02 && j.tost_hi < 1.02);
	assert_int_equal(j.units_needed, 0);
	/* the same cell noisy on a side: ~, for that reason */
	assert_int_equal(judge(la, 5, lb, 5, true, &j), LS_UNSURE);
	assert_int_equal(j.why, LS_WHY_NOISY);
	/* spread of a few %: the interval reaches across the bound: ~, with rounds that would do */
	rounds_of(la, 1, wide, 5);
	rounds_of(lb, 1.01, wide, 5);
	assert_int_equal(judge(la, 5, lb, 5, false, &j), LS_UNSURE);
	assert_int_equal(j.why, LS_WHY_WIDE);
	assert_true(j.ci_lo < 1 && j.ci_hi > 1.02);
	assert_true(j.units_needed > 5 && j.units_needed < LS_MAX_UNITS);
	/* outside: 10% slower, 10% faster */
	rounds_of(lb, 1.10, tight, 5);
	rounds_of(la, 1, tight, 5);
	assert_int_equal(judge(la, 5, lb, 5, false, &j), LS_SLOWER);
	assert_true(j.ci_lo > 1);
	assert_int_equal(judge(la, 5, lb, 5, true, &j), LS_SLOWER); /* noisy: still computed */
	rounds_of(lb, 0.9, tight, 5);
	assert_int_equal(judge(la, 5, lb, 5, false, &j), LS_FASTER);
	assert_true(j.ci_hi < 1);
	/* one round on a side: ~ for too few, and the rounds the other side's spread asks */
	assert_int_equal(judge(la, 1, lb, 5, false, &j), LS_UNSURE);
	assert_int_equal(j.why, LS_WHY_FEW);
	assert_true(j.units_needed >= LS_MIN_UNITS);
	assert_true(isnan(j.ci_lo));
	assert_int_equal(judge(la, 1, lb, 1, false, &j), LS_UNSURE);
	assert_int_equal(j.why, LS_WHY_FEW);
	assert_int_equal(j.units_needed, 0);
}

/* Significance is after the correction: the same cell is ~ when q, not p, is what it has. */
static void verdict_follows_q(void **state)
{
	const double wide[] = { -4, 3, 0, 4, -3 };
	struct ls_rule rule = LS_RULE_DEFAULT;
	struct ls_judgement j;
	double la[5], lb[5];
	struct ls_ttest t;
	unsigned int one;

	rounds_of(la, 1, wide, 5);
	rounds_of(lb, 1.06, wide, 5);
	assert_int_equal(ls_ttest_welch(la, 5, lb, 5, &t), 0);
	assert_true(t.p < 0.05);
	ls_judge(&t, t.p, false, &rule, &j);
	assert_int_equal(j.verdict, LS_SLOWER);
	ls_judge(&t, 0.2, false, &rule, &j); /* q of a family of many */
	assert_int_equal(j.verdict, LS_UNSURE);
	assert_true(j.units_needed > 0);
	/* a bigger family asks more rounds to detect the same change */
	one = ls_units_needed(&t, &rule);
	rule.family = 800;
	assert_true(ls_units_needed(&t, &rule) > one);
	assert_true(ls_ttest_detectable(&t, 0, 0.05 / 800, 0.8) >
		    ls_ttest_detectable(&t, 0, 0.05, 0.8));
}

/* The paired t: the machine's drift common to both sides of a pair cancels. */
static void paired_against_unpaired(void **state)
{
	const double drift[] = { 0, 8, -6, 12, -10, 4 };
	const double jitter[] = { 0.1, -0.2, 0.15, -0.1, 0.05, 0 };
	struct ls_rule rule = LS_RULE_DEFAULT;
	double la[6], lb[6];
	struct ls_judgement j;
	struct ls_ttest t;
	size_t i;

	for (i = 0; i < 6; i++) {
		la[i] = log(100 * (1 + drift[i] / 100));
		lb[i] = la[i] + log(1.03) + jitter[i] / 100;
	}
	assert_int_equal(ls_ttest_paired(la, lb, 6, &t), 0);
	assert_true(t.paired);
	assert_float_equal(t.df, 5, 0);
	ls_judge(&t, t.p, false, &rule, &j);
	assert_int_equal(j.verdict, LS_SLOWER);
	assert_float_equal(exp(t.d), 1.03, 0.002);
	assert_int_equal(ls_ttest_welch(la, 6, lb, 6, &t), 0);
	ls_judge(&t, t.p, false, &rule, &j);
	assert_int_equal(j.verdict, LS_UNSURE); /* the drift hides it from Welch */
	assert_int_equal(ls_ttest_paired(la, lb, 1, &t), -EINVAL);
}

/*
 * Yuen's trimmed tests by hand. Paired, differences 1, 2, 3, 4, 100: one set aside from each
 * end, trimmed mean 3, winsorized 2, 2, 3, 4, 4 (sum of squares 4): se^2 = 4 / (3 * 2), df 2.
 * Two sides 1..5 and 2, 3, 4, 5, 60: trimmed means 3 and 4, each se^2 2/3, df 4. Under five
 * units a side they are the paired t and Welch's test, exactly.
 */
static void yuen_by_hand(void **state)
{
	const double zero[] = { 0, 0, 0, 0, 0 }, d[] = { 1, 2, 3, 4, 100 };
	const double a[] = { 5, 1, 4, 2, 3 }, b[] = { 60, 2, 3, 4, 5 };
	struct ls_ttest t, u;

	assert_int_equal(ls_ttest_yuen_paired(zero, d, 5, &t), 0);
	assert_true(t.paired);
	assert_int_equal(t.ga, 1);
	assert_float_equal(t.d, 3, 1e-14);
	assert_float_equal(t.se, sqrt(4.0 / 6), 1e-14);
	assert_float_equal(t.df, 2, 0);
	assert_float_equal(t.p, ls_t_p2(3 / sqrt(4.0 / 6), 2), 1e-14);
	assert_float_equal(ls_ttest_se_at(&t, 5), t.se, 1e-14);
	assert_int_equal(ls_ttest_yuen(a, 5, b, 5, &t), 0);
	assert_false(t.paired);
	assert_int_equal(t.ga, 1);
	assert_int_equal(t.gb, 1);
	assert_float_equal(t.d, 1, 1e-14);
	assert_float_equal(t.se, sqrt(4.0 / 3), 1e-14);
	assert_float_equal(t.df, 4, 1e-12);
	/* four units: nothing trimmed, the paired t and Welch's */
	assert_int_equal(ls_ttest_yuen_paired(zero, d, 4, &t), 0);
	assert_int_equal(ls_ttest_paired(zero, d, 4, &u), 0);
	assert_int_equal(t.ga, 0);
	assert_float_equal(t.se, u.se, 0);
	assert_float_equal(t.p, u.p, 0);
	assert_int_equal(ls_ttest_yuen(a, 4, b, 4, &t), 0);
	assert_int_equal(ls_ttest_welch(a, 4, b, 4, &u), 0);
	assert_float_equal(t.p, u.p, 0);
	assert_float_equal(t.df, u.df, 0);
	/* one unit on a side: Welch's planning spread, not a test */
	assert_int_equal(ls_ttest_yuen(a, 5, b, 1, &t), 0);
	assert_true(isnan(t.p));
}

/*
 * A side's half-width by hand: 2, 3, 4, 5, 60 trimmed is 3, 4, 5 kept, winsorized 3, 3, 4,
 * 5, 5 (sum of squares 4): se^2 = 4 / (3 * 2), t on 2 df; untrimmed, or under five units,
 * the t interval of the mean on n - 1 df. One unit: none.
 */
static void half_width_by_hand(void **state)
{
	const double b[] = { 60, 2, 3, 4, 5 }, c[] = { 1, 2, 3, 4 };
	double m, v;

	assert_float_equal(ls_half_width(b, 5, true, 0.05),
			   expm1(ls_t_crit(0.05, 2) * sqrt(4.0 / 6)), 1e-12);
	assert_int_equal(ls_mean_var(b, 5, &m, &v), 0);
	assert_float_equal(ls_half_width(b, 5, false, 0.05),
			   expm1(ls_t_crit(0.05, 4) * sqrt(v / 5)), 1e-12);
	assert_int_equal(ls_mean_var(c, 4, &m, &v), 0);
	assert_float_equal(ls_half_width(c, 4, true, 0.05), expm1(ls_t_crit(0.05, 3) * sqrt(v / 4)),
			   1e-12);
	assert_true(isnan(ls_half_width(c, 1, true, 0.05)));
	/* the interval's center: the trimmed mean (3, 4, 5 kept), or the mean */
	assert_int_equal(ls_log_interval(b, 5, true, 0.05, &m, &v), 0);
	assert_float_equal(m, 4, 1e-14);
	assert_float_equal(v, ls_t_crit(0.05, 2) * sqrt(4.0 / 6), 1e-12);
	assert_int_equal(ls_log_interval(b, 5, false, 0.05, &m, &v), 0);
	assert_float_equal(m, 14.8, 1e-12);
	assert_int_equal(ls_log_interval(c, 1, false, 0.05, &m, &v), -EINVAL);
}

/*
 * The units an interval needs: at 3 units (t(2) / sqrt 3 = 2.484), 3% is 1.92% at 4 (t(3) /
 * 2 = 1.591), 3.9% 1.95% at 5 (t(4) / sqrt 5 = 1.242) and 2.5% at 4; 9% is 3.8% at 6.
 */
static void units_to_reach_by_hand(void **state)
{
	(void)state;
	assert_int_equal(ls_units_to_reach(3, 3, 2, 6, 0.05), 4);
	assert_int_equal(ls_units_to_reach(3.9, 3, 2, 6, 0.05), 5);
	assert_int_equal(ls_units_to_reach(3.9, 3, 2, 4, 0.05), 0);
	assert_int_equal(ls_units_to_reach(9, 3, 2, 6, 0.05), 0);
	assert_int_equal(ls_units_to_reach(2, 3, 2, 6, 0.05), 3); /* within: no more */
	assert_int_equal(ls_units_to_reach(3, 1, 2, 6, 0.05), 0); /* no spread to go by */
	assert_int_equal(ls_units_to_reach(NAN, 3, 2, 6, 0.05), 0);
}

/*
 * Ten pairs 3% apart, one of them in a slow spell (1.5 times on one side): the paired t is
 * carried by it and finds nothing; the trimmed t sets it aside and finds the 3%.
 */
static void yuen_sets_a_slow_run_aside(void **state)
{
	const double jitter[] = { 0.1, -0.2, 0.15, -0.1, 0.05, 0, -0.05, 0.2, -0.15, 0.1 };
	double la[10], lb[10];
	struct ls_ttest t, u;
	size_t i;

	for (i = 0; i < 10; i++) {
		la[i] = log(100);
		lb[i] = log(103) + jitter[i] / 100;
	}
	lb[6] = log(150);
	assert_int_equal(ls_ttest_paired(la, lb, 10, &t), 0);
	assert_true(t.p > 0.05);
	assert_int_equal(ls_ttest_yuen_paired(la, lb, 10, &t), 0);
	assert_int_equal(t.ga, 2);
	assert_true(t.p < 0.001);
	assert_float_equal(exp(t.d), 1.03, 0.002);
	/* it plans on the six pairs it keeps (df 5), not ten: a larger detectable change */
	u = t;
	u.ga = u.gb = 0;
	assert_true(ls_ttest_detectable(&t, 0, 0.05, 0.8) > ls_ttest_detectable(&u, 0, 0.05, 0.8));
}

/*
 * The guard withholds a verdict its control's move could explain: a control moved its way by
 * at least half the cell's move (log scale). A sliver (an instruction in 20 beside 18%), a move
 * against it, or a same cell: the verdict stands.
 */
static void guard_needs_a_share(void **state)
{
	struct ls_judgement j = { .verdict = LS_FASTER };

	assert_false(ls_guard_control(&j, 0.82, LS_FASTER, 0.999));
	assert_int_equal(j.verdict, LS_FASTER);
	assert_false(ls_guard_control(&j, 0.82, LS_SLOWER, 1.2));
	assert_true(ls_guard_control(&j, 0.82, LS_FASTER, 0.88));
	assert_int_equal(j.verdict, LS_UNSURE);
	assert_int_equal(j.why, LS_WHY_CONTROL);
	j = (struct ls_judgement){ .verdict = LS_SLOWER };
	assert_true(ls_guard_control(&j, 1.4, LS_SLOWER, 1.2)); /* a slow spell: 1.4x and 1.2x */
	j = (struct ls_judgement){ .verdict = LS_SAME };
	assert_false(ls_guard_control(&j, 1.001, LS_SLOWER, 1.1));
	/* no move of the cell, or none known: nothing to explain */
	j = (struct ls_judgement){ .verdict = LS_SLOWER };
	assert_false(ls_guard_control(&j, 1, LS_SLOWER, 1.1));
	assert_false(ls_guard_control(&j, NAN, LS_SLOWER, 1.1));
	assert_false(ls_guard_control(&j, 1.2, LS_SLOWER, NAN));
	assert_int_equal(j.verdict, LS_SLOWER);
}

/* Units over their control's: matched by run and by place among the run's units. */
static void units_over_control(void **state)
{
	static const double logs[] = { 1, 2, 3, 4 };
	static const unsigned int run[] = { 0, 0, 1, 1 };
	double clogs[] = { 0.5, 1, 1.5 };
	unsigned int crun[] = { 0, 1, 1 };
	struct ls_units u = { malloc(sizeof(logs)), malloc(sizeof(run)), 4 };
	struct ls_units ctl = { clogs, crun, 3 };

	assert_non_null(u.logs);
	assert_non_null(u.run);
	memcpy(u.logs, logs, sizeof(logs));
	memcpy(u.run, run, sizeof(run));
	assert_int_equal(ls_units_over(&u, &ctl), 0);
	assert_int_equal(u.n, 3); /* run 0's second unit has no control unit: dropped */
	assert_float_equal(u.logs[0], 0.5, 0);
	assert_float_equal(u.logs[1], 2, 0);
	assert_float_equal(u.logs[2], 2.5, 0);
	assert_int_equal(u.run[0], 0);
	assert_int_equal(u.run[1], 1);
	assert_int_equal(u.run[2], 1);
	ls_units_free(&u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(welch_by_hand),
		cmocka_unit_test(welch_equal_variances),
		cmocka_unit_test(welch_degenerate_and_bad),
		cmocka_unit_test(bh_by_hand),
		cmocka_unit_test(bh_invariants_and_brute_force),
		cmocka_unit_test(round_medians),
		cmocka_unit_test(geomean_and_median),
		cmocka_unit_test(four_verdicts),
		cmocka_unit_test(verdict_follows_q),
		cmocka_unit_test(paired_against_unpaired),
		cmocka_unit_test(units_over_control),
		cmocka_unit_test(guard_needs_a_share),
		cmocka_unit_test(yuen_by_hand),
		cmocka_unit_test(units_to_reach_by_hand),
		cmocka_unit_test(half_width_by_hand),
		cmocka_unit_test(yuen_sets_a_slow_run_aside),
	};

	return cmocka_run_group_tests_name("cmpstats", tests, NULL, NULL);
}
