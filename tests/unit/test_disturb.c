// SPDX-License-Identifier: GPL-2.0
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "disturb.h"
#include "row.h"

/* A quiet round: a few preemptions, on its CPU, little pressure. */
static const struct ls_noise quiet = {
	.secs = 0.3, .nvcsw_per_s = 10, .oncpu = 0.999, .psi_pct = 1
};

/*
 * The machine's counts: pressure (µs), the other CPUs' ticks busy (all
 * theirs: 100 a second each, from 0 at t 0) and how many.
 */
static const struct ls_machine_mark *mk(double psi_us, double busy, double t, unsigned int others)
{
	static struct ls_machine_mark m[8];
	static unsigned int next;
	struct ls_machine_mark *x = &m[next++ % 8];

	*x = (struct ls_machine_mark){ .psi_us = psi_us,
				       .others_busy = busy,
				       .others_all = 100 * t * others,
				       .others = others };
	return x;
}

static struct ls_noise judged(struct ls_noise n)
{
	ls_noise_judge(&n);
	return n;
}

static void each_rule_disturbs(void **state)
{
	struct ls_noise n = quiet;

	assert_false(judged(n).disturbed);
	assert_string_equal(judged(n).why, "");
	n.nvcsw_per_s = LS_DISTURB_NVCSW_PER_S + 1;
	assert_true(judged(n).disturbed);
	assert_string_equal(judged(n).why, "a producer preempted 251 times a second");
	n = quiet;
	n.nvcsw_per_s = LS_DISTURB_NVCSW_PER_S; /* at the limit: not over it */
	assert_false(judged(n).disturbed);
	n = quiet;
	n.oncpu = 0.9;
	assert_string_equal(judged(n).why, "a producer on its CPU 90.0% of the time");
	n = quiet;
	n.psi_pct = 25;
	assert_string_equal(judged(n).why, "tasks waited for a CPU 25% of the time");
	n.psi_pct = NAN; /* no PSI on the kernel: not judged by it */
	assert_false(judged(n).disturbed);
	n = quiet;
	n.others_pct = 95;
	assert_string_equal(judged(n).why, "the other CPUs busy 95% of the time");
	n.others_pct = LS_DISTURB_OTHERS_PCT; /* at the limit: not over it */
	assert_false(judged(n).disturbed);
	n.others_pct = NAN; /* every CPU has a producer */
	assert_false(judged(n).disturbed);
	n = quiet;
	n.kept_busy = 2;
	assert_string_equal(judged(n).why, "2 repetitions kept with a producer off its CPU");
}

static void nothing_measured_is_not_judged(void **state)
{
	struct ls_noise n = { .psi_pct = NAN };

	assert_false(judged(n).disturbed);
}

/*
 * The round's figures from its repetitions: the most preempted producer per
 * second, the least on-CPU share, the pressure over the whole time.
 */
static void sums_over_kept_repetitions(void **state)
{
	struct ls_noise_mark a0[2] = { { 0, 100 }, { 0, 5 } };
	struct ls_noise_mark a1[2] = { { 0.5e9, 110 }, { 0.445e9, 5 } };
	struct ls_noise_mark b0[2] = { { 1e9, 200 }, { 1e9, 5 } };
	struct ls_noise_mark b1[2] = { { 1.5e9, 200 }, { 1.5e9, 6 } };
	struct ls_noise_acc acc;
	struct ls_noise n;

	assert_int_equal(ls_noise_acc_init(&acc, 2), 0);
	ls_noise_add(&acc, 0.5, a0, a1, mk(1000, 0, 0, 2), mk(51000, 50, 0.5, 2));
	ls_noise_add(&acc, 0.5, b0, b1, mk(90000, 0, 1, 2), mk(90000, 10, 1.5, 2));
	ls_noise_done(&acc, 0, &n);
	assert_float_equal(n.secs, 1, 1e-12);
	assert_float_equal(n.nvcsw_per_s, 10, 1e-9); /* producer 0: 10 in 1 s */
	assert_float_equal(n.oncpu, 0.945, 1e-9); /* producer 1: 0.945 s of 1 */
	assert_float_equal(n.psi_pct, 5, 1e-9); /* 50 ms of 1 s */
	assert_float_equal(n.others_pct, 30, 1e-9); /* 60 ticks busy of 200 */
	assert_true(n.disturbed);
	assert_string_equal(n.why, "a producer on its CPU 94.5% of the time");
	ls_noise_acc_free(&acc);

	/* a pressure that could not be read is no pressure figure; no other CPU, no share */
	assert_int_equal(ls_noise_acc_init(&acc, 1), 0);
	ls_noise_add(&acc, 0.5, a0, a1, mk(NAN, NAN, 0, 0), mk(NAN, NAN, 0, 0));
	ls_noise_done(&acc, 0, &n);
	assert_true(isnan(n.psi_pct));
	assert_true(isnan(n.others_pct));
	assert_false(n.disturbed);
	ls_noise_acc_free(&acc);

	/* a competing load on the other CPU; the CPUs online changed: no share */
	assert_int_equal(ls_noise_acc_init(&acc, 1), 0);
	ls_noise_add(&acc, 0.5, a0, a1, mk(0, 300, 3, 1), mk(0, 348, 3.5, 1));
	ls_noise_done(&acc, 0, &n);
	assert_float_equal(n.others_pct, 96, 1e-9);
	assert_string_equal(n.why, "the other CPUs busy 96% of the time");
	ls_noise_add(&acc, 0.5, a0, a1, mk(0, 300, 3, 1), mk(0, 400, 4, 2));
	ls_noise_done(&acc, 0, &n);
	assert_true(isnan(n.others_pct));
	ls_noise_acc_free(&acc);
}

/* The other CPUs' ticks, as /proc/stat has them: every online CPU's but the producers'. */
static void others_busy_read(void **state)
{
	long online = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned long long key, all_key;
	double busy, all;

	assert_true(online >= 1);
	assert_int_equal(ls_others_ticks((int[]){ 0 }, 1, &busy, &all, &key), online - 1);
	assert_true(busy >= 0 && busy <= all);
	assert_int_equal(ls_others_ticks(NULL, 0, &busy, &all, &all_key), online);
	assert_true(all_key == key + 1); /* CPU 0's part: 1 */
	assert_true(busy > 0 && busy < all); /* this process has run; the machine has idled */
}

/* A row is noisy, and says why, when a round was kept disturbed, or by its spread. */
static void row_noisy_says_why(void **state)
{
	struct ls_row row = { .rounds = 4 };
	char why[256];

	assert_false(ls_row_noisy(&row, why, sizeof(why)));
	assert_string_equal(why, "");
	row.ns_rs.round_cv = 0.08;
	assert_true(ls_row_noisy(&row, why, sizeof(why)));
	assert_string_equal(why, "round_cv 8.0% over 5%");
	row.rounds_disturbed = 1;
	snprintf(row.disturbed_why, sizeof(row.disturbed_why), "round 3: x");
	assert_true(ls_row_noisy(&row, why, sizeof(why)));
	assert_string_equal(why, "1 of 4 rounds disturbed (round 3: x)");
}

/*
 * A repetition without operations has no figure to keep: it is judged alone,
 * as a round is; with no producers to judge (owner churn), by the CPU
 * pressure alone. Empty repetitions that were disturbed mark their round.
 */
/*
 * A round judged against the reference it met, then against the run's now:
 * read 5% slower than a reference formed in a spell twice as slow as the
 * CPU's usual speed, it is slow by 110% against that speed; not when judged
 * slow already, unjudged (TCG), unprobed, on a CPU without a reference, or
 * disturbed otherwise.
 */
static void slow_late_against_the_reference_now(void **state)
{
	struct ls_noise n = judged(quiet);
	double spell[2] = { NAN, 2e5 }, usual[2] = { NAN, 1e5 }, pct = 0;

	(void)state;
	ls_noise_speed(&n, 5);
	ls_noise_speed_at(&n, 1, 2.1e5);
	assert_false(n.disturbed);
	assert_false(ls_noise_slow_late(&n, spell, 2, &pct));
	assert_true(ls_noise_slow_late(&n, usual, 2, &pct));
	assert_float_equal(pct, 110, 1e-9);
	assert_false(ls_noise_slow_late(&n, usual, 1, &pct)); /* CPU 1 has none */
	ls_noise_speed_at(&n, 0, 2.1e5);
	assert_false(ls_noise_slow_late(&n, usual, 2, &pct)); /* NAN: none */
	ls_noise_speed_at(&n, -1, 0);
	assert_false(ls_noise_slow_late(&n, usual, 2, &pct));
	ls_noise_speed_at(&n, 1, 2.1e5);
	ls_noise_speed(&n, 40); /* slow when measured: redone or left out then */
	assert_false(ls_noise_slow_late(&n, usual, 2, &pct));
	n.slow_pct = 5;
	n.slow_unjudged = true;
	assert_false(ls_noise_slow_late(&n, usual, 2, &pct));
	/* kept though something else disturbed it: the load's round, not a spell's */
	n = quiet;
	n.oncpu = 0.5;
	ls_noise_judge(&n);
	ls_noise_speed(&n, 5);
	ls_noise_speed_at(&n, 1, 2.1e5);
	assert_true(n.disturbed);
	assert_false(ls_noise_slow_late(&n, usual, 2, &pct));
}

static void empty_repetition_judged_alone(void **state)
{
	struct ls_noise_mark m0[2] = { { 0, 5 }, { 0, 5 } };
	struct ls_noise_mark m1[2] = { { 0.1e9, 5 }, { 0.1e9, 6 } };
	struct ls_noise n, round = quiet;

	assert_int_equal(ls_noise_one(2, 0.1, m0, m1, mk(1000, 10, 1, 1), mk(1000, 10, 1.1, 1), &n),
			 0);
	assert_false(n.disturbed);
	m1[1].cpu_ns = 0; /* a producer never on its CPU */
	assert_int_equal(ls_noise_one(2, 0.1, m0, m1, mk(1000, 10, 1, 1), mk(1000, 10, 1.1, 1), &n),
			 0);
	assert_true(n.disturbed);
	assert_string_equal(n.why, "a producer on its CPU 0.0% of the time");
	m1[1].nvcsw = 5 + 100; /* preempted 1000 times a second */
	assert_int_equal(ls_noise_one(2, 0.1, m0, m1, mk(1000, 10, 1, 1), mk(1000, 10, 1.1, 1), &n),
			 0);
	assert_string_equal(n.why, "a producer preempted 1000 times a second");
	/* no producers (owner churn): the other CPUs, where its owners run, not judged */
	assert_int_equal(ls_noise_one(0, 0.1, m0, m1, mk(1000, 10, 1, 1), mk(1000, 20, 1.1, 1), &n),
			 0);
	assert_false(n.disturbed);
	assert_true(isnan(n.others_pct));
	/* 50 ms of 100 */
	assert_int_equal(ls_noise_one(0, 0.1, m0, m1, mk(0, 10, 1, 1), mk(50000, 10, 1.1, 1), &n),
			 0);
	assert_true(n.disturbed);
	assert_string_equal(n.why, "tasks waited for a CPU 50% of the time");

	ls_noise_judge(&round);
	assert_false(round.disturbed);
	ls_noise_empty(&round, 2, &n);
	assert_true(round.disturbed);
	assert_string_equal(
		round.why,
		"2 repetitions without operations: tasks waited for a CPU 50% of the time");
	ls_noise_empty(&round, 1, &n);
	assert_string_equal(
		round.why,
		"1 repetition without operations: tasks waited for a CPU 50% of the time");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_rule_disturbs),
		cmocka_unit_test(nothing_measured_is_not_judged),
		cmocka_unit_test(sums_over_kept_repetitions),
		cmocka_unit_test(others_busy_read),
		cmocka_unit_test(row_noisy_says_why),
		cmocka_unit_test(slow_late_against_the_reference_now),
		cmocka_unit_test(empty_repetition_judged_alone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
