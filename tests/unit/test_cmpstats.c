// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "cmpstats.h"

/* Textbook two-sided 5% critical values: their p is 0.05. */
static void t_p2_textbook_values(void **state)
{
	assert_float_equal(ls_t_p2(2.262157, 9), 0.05, 1e-6);
	assert_float_equal(ls_t_p2(2.776445, 4), 0.05, 1e-6);
	assert_float_equal(ls_t_p2(12.706205, 1), 0.05, 1e-6);
	assert_float_equal(ls_t_p2(2.042272, 30), 0.05, 1e-6);
	assert_float_equal(ls_t_p2(-2.262157, 9), 0.05, 1e-6); /* two-sided: symmetric */
	assert_float_equal(ls_t_p2(3.249836, 9), 0.01, 1e-6);
	assert_float_equal(ls_t_p2(0, 5), 1, 1e-12);
	assert_float_equal(ls_t_p2(INFINITY, 5), 0, 0);
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

static void t_crit_inverts_p2(void **state)
{
	assert_float_equal(ls_t_crit(0.05, 9), 2.262157, 1e-6);
	assert_float_equal(ls_t_crit(0.05, 4), 2.776445, 1e-6);
	assert_float_equal(ls_t_crit(0.05, 1), 12.706205, 1e-5);
	assert_true(ls_t_crit(0.05, 3.5) < 3.182446 && ls_t_crit(0.05, 3.5) > 2.776445);
	assert_float_equal(ls_t_p2(ls_t_crit(0.01, 7.3), 7.3), 0.01, 1e-10);
}

/*
 * a = 1..4 (variance 5/3), b = 2, 4, 6 (variance 4) by hand:
 * se^2 = 5/12 + 16/12 = 7/4; df = (7/4)^2 / ((5/12)^2 / 3 + (4/3)^2 / 2) = 1323 / 409.
 */
static void welch_by_hand(void **state)
{
	const double a[] = { 1, 2, 3, 4 }, b[] = { 2, 4, 6 };
	struct ls_welch w;
	double lo, hi;

	assert_int_equal(ls_welch(a, 4, b, 3, &w), 0);
	assert_float_equal(w.diff, 1.5, 1e-14);
	assert_float_equal(w.se, sqrt(1.75), 1e-14);
	assert_float_equal(w.df, 1323.0 / 409, 1e-12);
	assert_float_equal(w.t, 1.5 / sqrt(1.75), 1e-14);
	assert_float_equal(w.p, ls_t_p2(1.5 / sqrt(1.75), 1323.0 / 409), 1e-14);
	assert_true(w.p > 0.3 && w.p < 0.4);
	ls_welch_ci(&w, 0.95, &lo, &hi);
	assert_float_equal(hi - 1.5, ls_t_crit(0.05, 1323.0 / 409) * sqrt(1.75), 1e-12);
	assert_float_equal(lo + hi, 3, 1e-12);
	assert_true(lo < 0 && hi > 3); /* the p above 0.05 means 0 is inside */
}

/* Equal variances and sizes: Welch's df is 2n - 2, as Student's. */
static void welch_equal_variances(void **state)
{
	const double a[] = { 10, 11, 12, 13, 14 }, b[] = { 15, 16, 17, 18, 19 };
	struct ls_welch w;

	assert_int_equal(ls_welch(a, 5, b, 5, &w), 0);
	assert_float_equal(w.df, 8, 1e-12);
	assert_float_equal(w.t, 5 / 1.0, 1e-12); /* se^2 = 2.5 / 5 * 2 */
	assert_float_equal(w.p, ls_t_p2(5, 8), 1e-14);
	assert_true(w.p < 0.002 && w.p > 0.001); /* t(8) = 5: p 0.00105 */
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
	struct ls_welch w;

	for (trial = 0; trial < 4000; trial++) {
		for (i = 0; i < 5; i++)
			a[i] = 10 + normal(&seed);
		for (i = 0; i < 4; i++)
			b[i] = 12 + 3 * normal(&seed);
		assert_int_equal(ls_welch(a, 5, b, 4, &w), 0);
		ls_welch_ci(&w, 0.95, &lo, &hi);
		covered += lo <= 2 && hi >= 2;
		for (i = 0; i < 4; i++)
			b[i] -= 2;
		assert_int_equal(ls_welch(a, 5, b, 4, &w), 0);
		hits += w.p < 0.05;
	}
	assert_true(hits > 0.04 * 4000 && hits < 0.06 * 4000); /* 226: 5.7% */
	assert_true(covered > 0.935 * 4000 && covered < 0.965 * 4000); /* 3774: 94.4% */
}

static void welch_degenerate_and_bad(void **state)
{
	const double a[] = { 3, 3, 3 }, b[] = { 4, 4 }, c[] = { 1, NAN };
	struct ls_welch w;
	double lo, hi;

	assert_int_equal(ls_welch(a, 3, a, 3, &w), 0);
	assert_float_equal(w.p, 1, 0);
	ls_welch_ci(&w, 0.95, &lo, &hi);
	assert_float_equal(lo, 0, 0);
	assert_float_equal(hi, 0, 0);
	assert_int_equal(ls_welch(a, 3, b, 2, &w), 0);
	assert_float_equal(w.p, 0, 0);
	assert_int_equal(ls_welch(a, 1, b, 2, &w), -EINVAL); /* one round cannot be tested */
	assert_int_equal(ls_welch(a, 3, c, 2, &w), -EINVAL);
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
	const unsigned int r[] = { 1, 2, 1, 2, 3, 1, 2 }, bad[] = { 1, 1, 1, 1, 1, 1, 3 };
	double m[3];

	assert_int_equal(ls_round_medians(x, r, 7, 3, m), 0);
	assert_float_equal(m[0], 7, 0); /* 5 9 7 */
	assert_float_equal(m[1], 3, 0); /* 1 3 4 */
	assert_float_equal(m[2], 2, 0);
	assert_int_equal(ls_round_medians(x, bad, 7, 3, m), -EINVAL); /* round 2 empty */
	assert_int_equal(ls_round_medians(x, bad, 7, 2, m), -EINVAL); /* round 3 of 2 */
}

static void geomean_and_verdicts(void **state)
{
	const double r1[] = { 2, 0.5 }, r2[] = { 1, 4 };

	assert_float_equal(ls_geomean(r1, 2), 1, 1e-12);
	assert_float_equal(ls_geomean(r2, 2), 2, 1e-12);
	assert_true(isnan(ls_geomean(r1, 0)));
	assert_int_equal(ls_verdict_of(1.10, 0.01, 0.05, 0.05), LS_SLOWER);
	assert_int_equal(ls_verdict_of(0.80, 0.01, 0.05, 0.05), LS_FASTER);
	assert_int_equal(ls_verdict_of(1.03, 0.001, 0.05, 0.05), LS_SAME); /* below the threshold */
	assert_int_equal(ls_verdict_of(0.50, 0.1, 0.05, 0.05), LS_SAME); /* not significant */
	assert_int_equal(ls_verdict_of(1.50, NAN, 0.05, 0.05), LS_SAME); /* not tested */
	assert_int_equal(ls_verdict_of(NAN, 0.01, 0.05, 0.05), LS_SAME);
	assert_string_equal(ls_verdict_name(LS_SLOWER), "slower");
}

static void median_inplace(void **state)
{
	double x[] = { 5, 1, 4, 2 }, y[] = { 3, 9, 1 };

	assert_float_equal(ls_median_inplace(x, 4), 3, 0);
	assert_float_equal(ls_median_inplace(y, 3), 3, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_p2_textbook_values),
		cmocka_unit_test(t_p2_closed_forms),
		cmocka_unit_test(betai_known_values),
		cmocka_unit_test(t_crit_inverts_p2),
		cmocka_unit_test(welch_by_hand),
		cmocka_unit_test(welch_equal_variances),
		cmocka_unit_test(welch_size_under_the_null),
		cmocka_unit_test(welch_degenerate_and_bad),
		cmocka_unit_test(bh_by_hand),
		cmocka_unit_test(bh_invariants_and_brute_force),
		cmocka_unit_test(round_medians),
		cmocka_unit_test(geomean_and_verdicts),
		cmocka_unit_test(median_inplace),
	};

	return cmocka_run_group_tests_name("cmpstats", tests, NULL, NULL);
}
