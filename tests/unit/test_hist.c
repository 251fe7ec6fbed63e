// SPDX-License-Identifier: GPL-2.0
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>
#include "hist.h"

static void small_values_are_exact(void **state)
{
	uint64_t lo, hi, v;

	for (v = 0; v < 128; v++) {
		ls_hist_bounds(ls_hist_index(v), &lo, &hi);
		assert_int_equal(lo, v);
		assert_int_equal(hi, v);
	}
}

/* Every value falls in its bucket, buckets tile the line, widths stay under 1%. */
static void buckets_hold_their_values_within_one_percent(void **state)
{
	uint64_t lo, hi, prev_hi = 127, v;
	unsigned int i;

	for (i = 128; i < LS_HIST_BUCKETS; i++) {
		ls_hist_bounds(i, &lo, &hi);
		assert_int_equal(lo, prev_hi + 1);
		assert_true((double)(hi - lo + 1) / lo <= 1.0 / 128);
		assert_int_equal(ls_hist_index(lo), i);
		assert_int_equal(ls_hist_index(hi), i);
		prev_hi = hi;
	}
	assert_int_equal(prev_hi, UINT64_MAX);
	for (v = 1; v < (1ULL << 40); v = v * 3 + 1) {
		ls_hist_bounds(ls_hist_index(v), &lo, &hi);
		assert_true(lo <= v && v <= hi);
	}
}

static void quantiles_of_a_known_distribution(void **state)
{
	struct ls_hist *h = calloc(1, sizeof(*h));
	uint64_t v;

	/* 1..10000 ns, once each: the q-quantile is q * 10000 within the bucket error */
	for (v = 1; v <= 10000; v++)
		ls_hist_add(h, v);
	assert_int_equal(h->total, 10000);
	assert_int_equal(h->max, 10000);
	assert_true(fabs(ls_hist_quantile(h, 0.5) - 5000) <= 5000 / 128.0);
	assert_true(fabs(ls_hist_quantile(h, 0.99) - 9900) <= 9900 / 128.0);
	assert_true(ls_hist_quantile(h, 1.0) <= 10000);
	free(h);
}

static void constant_values_give_that_value(void **state)
{
	struct ls_hist *h = calloc(1, sizeof(*h));
	int i;

	for (i = 0; i < 1000; i++)
		ls_hist_add(h, 1234);
	assert_true(fabs(ls_hist_quantile(h, 0.5) - 1234) <= 1234 / 128.0);
	assert_true(fabs(ls_hist_quantile(h, 0.999) - 1234) <= 1234 / 128.0);
	free(h);
}

static void merge_adds_counts(void **state)
{
	struct ls_hist *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));

	ls_hist_add(a, 10);
	ls_hist_add(b, 1000000);
	ls_hist_merge(a, b);
	assert_int_equal(a->total, 2);
	assert_int_equal(a->max, 1000000);
	assert_true(ls_hist_quantile(a, 0.5) == 10);
	assert_true(ls_hist_quantile(a, 1.0) > 990000);
	assert_true(ls_hist_quantile(b, 0.5) <= 1000000);
	free(a);
	free(b);
}

static void empty_is_zero(void **state)
{
	struct ls_hist *h = calloc(1, sizeof(*h));

	assert_true(ls_hist_quantile(h, 0.5) == 0);
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(small_values_are_exact),
		cmocka_unit_test(buckets_hold_their_values_within_one_percent),
		cmocka_unit_test(quantiles_of_a_known_distribution),
		cmocka_unit_test(constant_values_give_that_value),
		cmocka_unit_test(merge_adds_counts),
		cmocka_unit_test(empty_is_zero),
	};

	return cmocka_run_group_tests_name("hist", tests, NULL, NULL);
}
