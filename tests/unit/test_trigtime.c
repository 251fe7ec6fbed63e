// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "trigtime.h"

#define ITERS 10000 /* operations per trigger, as loop mode's */

/*
 * A producer whose triggers each take trig_ns, the first ending at first_ns:
 * its stamp as a read at time t_ns sees it (the last trigger ended by then).
 */
static struct ls_trig_end stamp_at(double first_ns, double trig_ns, double t_ns)
{
	struct ls_trig_end e = {};
	__u64 done;

	if (t_ns < first_ns)
		return e;
	done = (__u64)((t_ns - first_ns) / trig_ns) + 1;
	e.ops = done * ITERS;
	e.ns = (__u64)(first_ns + (done - 1) * trig_ns);
	return e;
}

/*
 * Timed between trigger ends, a repetition reads a trigger's own time per
 * operation wherever its reads fall; counted by the clock from read to read,
 * it is off by up to a trigger (here 7 or 8 in a window of 7.5).
 */
static void exact_wherever_the_reads_fall(void **state)
{
	const double trig_ns = 30e6, window_ns = 7.5 * trig_ns;
	double secs, t0, clock_lo = 1e9, clock_hi = 0;
	struct ls_trig_end e0, e1;
	unsigned int k;
	__u64 ops;

	(void)state;
	for (k = 0; k < 100; k++) {
		t0 = 1e9 + k * trig_ns / 37; /* reads at every phase of a trigger */
		e0 = stamp_at(1e8, trig_ns, t0);
		e1 = stamp_at(1e8, trig_ns, t0 + window_ns);
		assert_true(ls_trig_rep(&e0, &e1, 1, &ops, &secs));
		assert_true(ops == 7 * ITERS || ops == 8 * ITERS);
		assert_float_equal(secs * 1e9 / ops, trig_ns / ITERS, 1e-6);
		/* what the clock would have read: the same operations over the window */
		if (window_ns / ops < clock_lo)
			clock_lo = window_ns / ops;
		if (window_ns / ops > clock_hi)
			clock_hi = window_ns / ops;
	}
	assert_true(clock_hi / clock_lo > 1.1);
}

/*
 * Two producers at different speeds: ops / secs is their summed rate, and
 * threads x secs / ops the time an operation takes a thread on average
 * (the harmonic mean of theirs).
 */
static void producers_add_their_rates(void **state)
{
	const struct ls_trig_end e0[2] = { { 50 * ITERS, 1000 }, { 70 * ITERS, 5000 } };
	/* producer 0: 10 triggers in 10 ms; producer 1: 5 triggers in 12 ms */
	const struct ls_trig_end e1[2] = { { 60 * ITERS, 1000 + 10000000 },
					   { 75 * ITERS, 5000 + 12000000 } };
	double secs, rate0 = 10.0 * ITERS / 10e6, rate1 = 5.0 * ITERS / 12e6;
	__u64 ops;

	(void)state;
	assert_true(ls_trig_rep(e0, e1, 2, &ops, &secs));
	assert_int_equal(ops, 15 * ITERS);
	assert_float_equal(ops / secs, (rate0 + rate1) * 1e9, 1e-3);
	assert_float_equal(2 * secs * 1e9 / ops, 2 / (rate0 + rate1), 1e-9);
}

/* No stamp at the start, or no trigger ended within: the clock's. */
static void refused_where_it_cannot_time(void **state)
{
	const struct ls_trig_end start = { 5 * ITERS, 1000 }, none = { 0, 0 };
	const struct ls_trig_end same = start, later = { 6 * ITERS, 1000 + 30000000 };
	const struct ls_trig_end both0[2] = { start, start }, both1[2] = { later, same };
	double secs = -1;
	__u64 ops = 7;

	(void)state;
	assert_false(ls_trig_rep(&none, &later, 1, &ops, &secs));
	assert_false(ls_trig_rep(&start, &same, 1, &ops, &secs));
	assert_false(ls_trig_rep(both0, both1, 2, &ops, &secs));
	assert_false(ls_trig_rep(&start, &later, 0, &ops, &secs));
	/* nothing written when refused */
	assert_int_equal(ops, 7);
	assert_float_equal(secs, -1, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_wherever_the_reads_fall),
		cmocka_unit_test(producers_add_their_rates),
		cmocka_unit_test(refused_where_it_cannot_time),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
