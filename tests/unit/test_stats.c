// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "stats.h"

static void odd_count(void **state)
{
	const double x[] = { 5, 1, 3 };
	struct ls_summary s;

	assert_int_equal(ls_summarize(x, 3, &s), 0);
	assert_int_equal(s.n, 3);
	assert_float_equal(s.median, 3, 1e-12);
	assert_float_equal(s.mean, 3, 1e-12);
	assert_float_equal(s.stddev, 2, 1e-12); /* sample stddev: sqrt(8 / 2) */
	assert_float_equal(s.cv, 2.0 / 3, 1e-12);
	assert_float_equal(s.min, 1, 0);
	assert_float_equal(s.max, 5, 0);
}

static void even_count_median_is_midpoint(void **state)
{
	const double x[] = { 4, 10, 1, 2 };
	struct ls_summary s;

	assert_int_equal(ls_summarize(x, 4, &s), 0);
	assert_float_equal(s.median, 3, 1e-12);
	assert_float_equal(s.mean, 4.25, 1e-12);
	assert_float_equal(s.stddev,
			   sqrt(((0.25 * 0.25) + 5.75 * 5.75 + 3.25 * 3.25 + 2.25 * 2.25) / 3),
			   1e-12);
}

static void input_is_not_reordered(void **state)
{
	double x[] = { 3, 1, 2 };
	struct ls_summary s;

	assert_int_equal(ls_summarize(x, 3, &s), 0);
	assert_float_equal(x[0], 3, 0);
	assert_float_equal(x[1], 1, 0);
	assert_float_equal(x[2], 2, 0);
}

static void single_sample_has_no_spread(void **state)
{
	const double x[] = { 42 };
	struct ls_summary s;

	assert_int_equal(ls_summarize(x, 1, &s), 0);
	assert_float_equal(s.median, 42, 0);
	assert_float_equal(s.stddev, 0, 0);
	assert_float_equal(s.cv, 0, 0);
}

static void constant_samples(void **state)
{
	const double x[] = { 7, 7, 7, 7, 7 };
	struct ls_summary s;

	assert_int_equal(ls_summarize(x, 5, &s), 0);
	assert_float_equal(s.stddev, 0, 0);
	assert_float_equal(s.cv, 0, 0);
}

static void rejects_empty_and_non_finite(void **state)
{
	const double bad[] = { 1, NAN, 3 };
	const double inf[] = { INFINITY };
	struct ls_summary s;

	assert_int_equal(ls_summarize(bad, 0, &s), -EINVAL);
	assert_int_equal(ls_summarize(bad, 3, &s), -EINVAL);
	assert_int_equal(ls_summarize(inf, 1, &s), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(odd_count),
		cmocka_unit_test(even_count_median_is_midpoint),
		cmocka_unit_test(input_is_not_reordered),
		cmocka_unit_test(single_sample_has_no_spread),
		cmocka_unit_test(constant_samples),
		cmocka_unit_test(rejects_empty_and_non_finite),
	};

	return cmocka_run_group_tests_name("stats", tests, NULL, NULL);
}
