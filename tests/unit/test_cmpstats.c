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

static void mwu_complete_separation_5_vs_5(void **state)
{
	const double a[] = { 1, 2, 3, 4, 5 }, b[] = { 6, 7, 8, 9, 10 };
	double p;

	assert_int_equal(ls_mwu_p(a, 5, b, 5, &p), 0);
	assert_float_equal(p, 2.0 / 252, 1e-12); /* 0.00794: the smallest two-sided p */
	assert_int_equal(ls_mwu_p(b, 5, a, 5, &p), 0);
	assert_float_equal(p, 2.0 / 252, 1e-12);
}

static void mwu_3_vs_3_cannot_reach_5_percent(void **state)
{
	const double a[] = { 1, 2, 3 }, b[] = { 4, 5, 6 };
	double p;

	assert_int_equal(ls_mwu_p(a, 3, b, 3, &p), 0);
	assert_float_equal(p, 0.1, 1e-12);
}

static void mwu_identical_samples(void **state)
{
	const double a[] = { 7, 7, 7, 7 }, b[] = { 7, 7, 7 };
	double p;

	assert_int_equal(ls_mwu_p(a, 4, b, 3, &p), 0);
	assert_float_equal(p, 1, 1e-12);
}

/* Brute force over every split of the pooled values: a check independent of the DP. */
static double brute_p(const double *a, size_t na, const double *b, size_t nb)
{
	double v[16], r[16], stat, obs = 0, mean, hits = 0, total = 0;
	size_t n = na + nb, i, j;
	unsigned int mask;

	for (i = 0; i < n; i++)
		v[i] = i < na ? a[i] : b[i - na];
	for (i = 0; i < n; i++) {
		double less = 0, eq = 0;

		for (j = 0; j < n; j++) {
			less += v[j] < v[i];
			eq += v[j] == v[i];
		}
		r[i] = less + (eq + 1) / 2;
	}
	for (i = 0; i < na; i++)
		obs += r[i];
	mean = na * (n + 1) / 2.0;
	for (mask = 0; mask < 1u << n; mask++) {
		if ((size_t)__builtin_popcount(mask) != na)
			continue;
		for (stat = 0, i = 0; i < n; i++)
			stat += mask & (1u << i) ? r[i] : 0;
		total++;
		hits += fabs(stat - mean) >= fabs(obs - mean) - 1e-9;
	}
	return hits / total;
}

static void mwu_ties_match_brute_force(void **state)
{
	const double a[] = { 1, 2, 2, 3, 5, 5 }, b[] = { 2, 3, 5, 6, 6, 7, 8 };
	const double c[] = { 10, 10, 11 }, d[] = { 10, 12, 12, 12 };
	double p;

	assert_int_equal(ls_mwu_p(a, 6, b, 7, &p), 0);
	assert_float_equal(p, brute_p(a, 6, b, 7), 1e-12);
	assert_true(p > 0.05 && p < 1);
	assert_int_equal(ls_mwu_p(c, 3, d, 4, &p), 0);
	assert_float_equal(p, brute_p(c, 3, d, 4), 1e-12);
}

static void mwu_normal_approximation(void **state)
{
	double a[40], b[40], p;
	int i;

	for (i = 0; i < 40; i++) {
		a[i] = i;
		b[i] = 100 + i;
	}
	assert_int_equal(ls_mwu_p(a, 40, b, 40, &p), 0);
	assert_true(p > 0 && p < 1e-12);
	for (i = 0; i < 40; i++)
		b[i] = i + 0.5 * (i % 2 ? 1 : -1);
	assert_int_equal(ls_mwu_p(a, 40, b, 40, &p), 0);
	assert_true(p > 0.8);
}

static void mwu_rejects_bad_input(void **state)
{
	const double a[] = { 1, NAN };
	double p;

	assert_int_equal(ls_mwu_p(a, 0, a, 1, &p), -EINVAL);
	assert_int_equal(ls_mwu_p(a, 2, a, 1, &p), -EINVAL);
}

static void bootstrap_constant_input(void **state)
{
	const double a[] = { 10, 10, 10, 10, 10 }, b[] = { 20, 20, 20, 20, 20 };
	double lo, hi;

	assert_int_equal(ls_boot_ratio_ci(a, 5, b, 5, 1000, 1, 0.95, &lo, &hi), 0);
	assert_float_equal(lo, 2, 0);
	assert_float_equal(hi, 2, 0);
}

static void bootstrap_covers_the_ratio_and_is_reproducible(void **state)
{
	const double a[] = { 100, 102, 98, 101, 99 }, b[] = { 150, 153, 147, 151.5, 148.5 };
	double lo, hi, lo2, hi2;

	assert_int_equal(ls_boot_ratio_ci(a, 5, b, 5, LS_BOOT_ITERS, LS_BOOT_SEED, 0.95, &lo, &hi),
			 0);
	assert_true(lo <= 1.5 && hi >= 1.5);
	assert_true(lo > 1.4 && hi < 1.6);
	assert_int_equal(
		ls_boot_ratio_ci(a, 5, b, 5, LS_BOOT_ITERS, LS_BOOT_SEED, 0.95, &lo2, &hi2), 0);
	assert_float_equal(lo, lo2, 0);
	assert_float_equal(hi, hi2, 0);
	assert_int_equal(ls_boot_ratio_ci(a, 0, b, 5, 10, 1, 0.95, &lo, &hi), -EINVAL);
}

static void rng_is_seeded_and_bounded(void **state)
{
	struct ls_rng g = { 42 }, h = { 42 };
	int i;

	for (i = 0; i < 100; i++) {
		assert_true(ls_rng_next(&g) == ls_rng_next(&h));
		assert_true(ls_rng_below(&g, 7) < 7);
		ls_rng_below(&h, 7);
	}
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
		cmocka_unit_test(mwu_complete_separation_5_vs_5),
		cmocka_unit_test(mwu_3_vs_3_cannot_reach_5_percent),
		cmocka_unit_test(mwu_identical_samples),
		cmocka_unit_test(mwu_ties_match_brute_force),
		cmocka_unit_test(mwu_normal_approximation),
		cmocka_unit_test(mwu_rejects_bad_input),
		cmocka_unit_test(bootstrap_constant_input),
		cmocka_unit_test(bootstrap_covers_the_ratio_and_is_reproducible),
		cmocka_unit_test(rng_is_seeded_and_bounded),
		cmocka_unit_test(geomean_and_verdicts),
		cmocka_unit_test(median_inplace),
	};

	return cmocka_run_group_tests_name("cmpstats", tests, NULL, NULL);
}
