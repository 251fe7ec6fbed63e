// SPDX-License-Identifier: GPL-2.0
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "disturb.h"
#include "speed.h"

#define BASE_NS 150000.0

/* Adds n readings of CPU cpu at f times BASE_NS, spread by a few tenths of a percent. */
static void add(struct ls_speed_ref *r, int cpu, unsigned int n, double f)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		assert_true(ls_speed_ref_add(r, cpu, f * BASE_NS * (1 + 0.001 * (i % 5))));
}

/* A repetition on one producer, its probes f0 and f1 times BASE_NS: its slowdown. */
static double rep(const struct ls_speed_ref *r, int cpu, double f0, double f1)
{
	double before = ls_speed_slow_pct(r, cpu, f0 * BASE_NS);
	double after = ls_speed_slow_pct(r, cpu, f1 * BASE_NS);

	return ls_speed_rep_pct(&before, &after, 1);
}

/* No reference before LS_SPEED_REF_MIN probes; bad readings are refused. */
static void no_reference_too_soon(void **state)
{
	struct ls_speed_ref r = {};

	(void)state;
	assert_true(isnan(ls_speed_ref_ns(&r, 0)));
	add(&r, 3, LS_SPEED_REF_MIN - 1, 1);
	assert_true(isnan(ls_speed_ref_ns(&r, 3)));
	assert_true(isnan(ls_speed_slow_pct(&r, 3, BASE_NS)));
	add(&r, 3, 1, 1);
	assert_float_equal(ls_speed_ref_ns(&r, 3), BASE_NS, BASE_NS * 0.003);
	assert_true(isnan(ls_speed_ref_ns(&r, 0))); /* a CPU never probed */
	assert_true(isnan(ls_speed_ref_ns(&r, 7)));
	assert_false(ls_speed_ref_add(&r, 3, NAN));
	assert_false(ls_speed_ref_add(&r, 3, 0));
	assert_false(ls_speed_ref_add(&r, -1, BASE_NS));
	ls_speed_ref_free(&r);
}

/* Steady probes: every repetition reads within a percent, no round is slow. */
static void steady_probes(void **state)
{
	struct ls_speed_ref r = {};
	double reps[3];
	unsigned int i;

	(void)state;
	add(&r, 0, 100, 1);
	for (i = 0; i < 3; i++) {
		reps[i] = rep(&r, 0, 1.002, 1.004);
		assert_true(fabs(reps[i]) < 1);
	}
	assert_false(ls_speed_round_pct(reps, 3) > LS_SPEED_SLOW_PCT);
	ls_speed_ref_free(&r);
}

/*
 * One slow window: the reference stays at the usual speed; a round with two
 * of three repetitions in it is slow by the window's slowdown, one with a
 * single repetition in it is not (its figure, the median, is not moved).
 */
static void one_slow_window(void **state)
{
	struct ls_speed_ref r = {};
	double reps[3];

	(void)state;
	add(&r, 1, 100, 1);
	add(&r, 1, 8, 1.4); /* the window's probes join the reference */
	assert_float_equal(ls_speed_ref_ns(&r, 1), BASE_NS, BASE_NS * 0.003);
	reps[0] = rep(&r, 1, 1, 1);
	reps[1] = rep(&r, 1, 1.4, 1.4);
	reps[2] = rep(&r, 1, 1.4, 1.4);
	assert_float_equal(reps[1], 40, 1);
	assert_float_equal(ls_speed_round_pct(reps, 3), 40, 1);
	reps[2] = rep(&r, 1, 1, 1);
	assert_true(fabs(ls_speed_round_pct(reps, 3)) < 1);
	/* a window that ends within a repetition slows it by half */
	assert_float_equal(rep(&r, 1, 1.4, 1), 20, 1);
	ls_speed_ref_free(&r);
}

/*
 * A slow start: while the first probes are all the CPU has run, they are the
 * reference; once the usual speed has been seen often enough the reference
 * is that, and the slow speed is seen as slow.
 */
static void slow_start(void **state)
{
	struct ls_speed_ref r = {};

	(void)state;
	add(&r, 0, LS_SPEED_REF_MIN, 1.5);
	assert_float_equal(ls_speed_ref_ns(&r, 0), 1.5 * BASE_NS, BASE_NS * 0.005);
	assert_true(rep(&r, 0, 1.5, 1.5) < 1);
	add(&r, 0, 4 * LS_SPEED_REF_MIN, 1);
	assert_float_equal(ls_speed_ref_ns(&r, 0), BASE_NS, BASE_NS * 0.003);
	assert_float_equal(rep(&r, 0, 1.5, 1.5), 50, 1);
	ls_speed_ref_free(&r);
}

/* CPUs apart: each its own reference; a repetition is as slow as its slowest producer. */
static void cpus_apart(void **state)
{
	struct ls_speed_ref r = {};
	double before[2], after[2];

	(void)state;
	add(&r, 0, 50, 1);
	add(&r, 1, 50, 2);
	assert_float_equal(ls_speed_ref_ns(&r, 1), 2 * BASE_NS, 2 * BASE_NS * 0.003);
	before[0] = ls_speed_slow_pct(&r, 0, BASE_NS);
	after[0] = ls_speed_slow_pct(&r, 0, BASE_NS);
	before[1] = ls_speed_slow_pct(&r, 1, 2.3 * BASE_NS);
	after[1] = ls_speed_slow_pct(&r, 1, 2.5 * BASE_NS);
	assert_float_equal(ls_speed_rep_pct(before, after, 2), 20, 1);
	after[1] = NAN; /* a producer that did not answer is left out */
	assert_float_equal(ls_speed_rep_pct(before, after, 2), 0, 1);
	after[0] = NAN;
	assert_true(isnan(ls_speed_rep_pct(before, after, 2)));
	ls_speed_ref_free(&r);
}

/* The round's slowdown: the median of its repetitions', those without one left out. */
static void round_median(void **state)
{
	double reps[4] = { 3, NAN, 30, 12 };

	(void)state;
	assert_float_equal(ls_speed_round_pct(reps, 4), 12, 1e-12);
	assert_float_equal(ls_speed_round_pct(reps, 1), 3, 1e-12);
	reps[0] = NAN;
	assert_float_equal(ls_speed_round_pct(reps, 4), 21, 1e-12);
	assert_true(isnan(ls_speed_round_pct(reps, 2)));
	assert_true(isnan(ls_speed_round_pct(reps, 0)));
}

/* The round's rule: over LS_SPEED_SLOW_PCT disturbed, with why; under plain TCG only recorded. */
static void slow_round_disturbed(void **state)
{
	struct ls_noise n = { .secs = 0.3, .nvcsw_per_s = 10, .oncpu = 1, .psi_pct = 1 };

	(void)state;
	ls_noise_speed(&n, LS_SPEED_SLOW_PCT);
	assert_false(n.disturbed);
	ls_noise_speed(&n, 23.4);
	assert_true(n.disturbed);
	assert_true(ls_noise_slow(&n));
	assert_true(ls_noise_slow_spell(&n)); /* slow, and nothing else: the machine's spell */
	assert_string_equal(n.why, "the CPU ran 23% slow (speed probe)");
	n.oncpu = 0.5; /* beside a task on its CPU the probe reads slow too: the load's */
	ls_noise_judge(&n);
	assert_true(ls_noise_slow(&n));
	assert_false(ls_noise_slow_spell(&n));
	n.oncpu = 1;
	ls_noise_speed(&n, NAN);
	assert_false(ls_noise_slow_spell(&n));
	assert_false(n.disturbed);
	/* owner churn has no figures of its producers: its speed still judges it */
	n = (struct ls_noise){ .psi_pct = NAN };
	ls_noise_speed(&n, 30);
	assert_true(n.disturbed);
	ls_speed_judged = false;
	ls_noise_speed(&n, 30);
	assert_false(n.disturbed);
	assert_false(ls_noise_slow(&n));
	assert_float_equal(n.slow_pct, 30, 1e-12);
	ls_speed_judged = true;
}

/*
 * A wait that ends still slow makes the next one a third as long, down to one
 * poll; one that ends within the bound, or a round that starts within it,
 * makes it whole again.
 */
static void wait_cap_backs_off(void **state)
{
	ls_speed_wait_done(true);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_WAIT_S, 1e-9);
	ls_speed_wait_done(false);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_WAIT_S / 3, 1e-9);
	ls_speed_wait_done(false);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_WAIT_S / 9, 1e-9);
	ls_speed_wait_done(false);
	ls_speed_wait_done(false);
	ls_speed_wait_done(false);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_POLL_S, 1e-9);
	ls_speed_wait_done(true);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_WAIT_S, 1e-9);
}

/* A back() that answers yes from its yes_from'th call on (never if 0), counting calls. */
struct asks {
	unsigned int calls, yes_from;
};

static bool back_from(void *arg)
{
	struct asks *a = arg;

	a->calls++;
	return a->yes_from && a->calls >= a->yes_from;
}

/*
 * The shared wait: asks after each poll until back() says yes, for at most
 * the cap; a wait that ends still slow makes the next cap a third, one that
 * ends back makes it whole.
 */
static void poll_until_back_or_cap(void **state)
{
	struct asks a = { 0, 3 };
	double waited;
	bool back;

	ls_speed_wait_done(true);
	waited = ls_speed_poll(back_from, &a, &back);
	assert_true(back);
	assert_int_equal(a.calls, 3);
	assert_true(waited >= 3 * LS_SPEED_POLL_S * 0.99 && waited < LS_SPEED_WAIT_S);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_WAIT_S, 1e-9);
	/* from a cap of one poll, never back: one ask, and the cap stays at a poll */
	for (int i = 0; i < 6; i++)
		ls_speed_wait_done(false);
	a = (struct asks){ 0, 0 };
	waited = ls_speed_poll(back_from, &a, &back);
	assert_false(back);
	assert_int_equal(a.calls, 1);
	assert_true(waited >= LS_SPEED_POLL_S * 0.99);
	assert_float_equal(ls_speed_wait_cap(), LS_SPEED_POLL_S, 1e-9);
	ls_speed_wait_done(true);
}

/* Under plain TCG rounds are not judged by speed; elsewhere they are. */
static void start_by_virt(void **state)
{
	int cpu = 0;

	(void)state;
	assert_true(ls_speed_start("tcg", &cpu, 0));
	assert_false(ls_speed_judged);
	assert_true(ls_speed_start("icount", &cpu, 0));
	assert_true(ls_speed_judged);
	assert_true(ls_speed_start("none", &cpu, 0));
	assert_true(ls_speed_judged);
}

/* The probe reads a time; on a CPU the thread may not use, nothing. */
static void probe_reads(void **state)
{
	double ns = ls_speed_probe();

	(void)state;
	assert_true(isfinite(ns) && ns > 0);
	assert_true(isnan(ls_speed_probe_on(-1)));
}

/* As root, the BPF probe loads, runs and reads; unloaded, the arithmetic probe reads again. */
static void bpf_probe_reads(void **state)
{
	double ns;

	(void)state;
	if (geteuid())
		skip();
	assert_true(ls_speed_load());
	ns = ls_speed_probe();
	ls_speed_unload();
	assert_true(isfinite(ns) && ns > 0);
	ns = ls_speed_probe();
	assert_true(isfinite(ns) && ns > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_reference_too_soon),
		cmocka_unit_test(steady_probes),
		cmocka_unit_test(one_slow_window),
		cmocka_unit_test(slow_start),
		cmocka_unit_test(cpus_apart),
		cmocka_unit_test(round_median),
		cmocka_unit_test(slow_round_disturbed),
		cmocka_unit_test(wait_cap_backs_off),
		cmocka_unit_test(poll_until_back_or_cap),
		cmocka_unit_test(start_by_virt),
		cmocka_unit_test(probe_reads),
		cmocka_unit_test(bpf_probe_reads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
