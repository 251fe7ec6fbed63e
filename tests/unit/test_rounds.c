// SPDX-License-Identifier: GPL-2.0
/* Statistics over rounds, and a cell's row built round by round. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "row.h"
#include "stats.h"

/* Three rounds whose medians are 100, 110 and 121: logs equally spaced. */
static void interval_from_round_medians(void **state)
{
	const double x[] = { 99, 100, 101, 110, 109, 111, 121, 120, 122 };
	const unsigned int r[] = { 1, 1, 1, 2, 2, 2, 3, 3, 3 };
	struct ls_round_stats s;
	double hw = 4.303 * log(1.1) / sqrt(3.0), lo = 110 * exp(-hw), hi = 110 * exp(hw);

	assert_int_equal(ls_rounds_summarize(x, r, 9, &s), 0);
	assert_int_equal(s.rounds, 3);
	assert_float_equal(s.median, 110, 1e-12);
	/* the logs are log 100, log 110, log 121 up to 1e-3: their mean is log 110 */
	assert_float_equal(s.ci_lo, lo, 0.05);
	assert_float_equal(s.ci_hi, hi, 0.05);
	/* round medians 100, 110, 121: sample cv */
	assert_float_equal(s.round_cv,
			   sqrt(((100 - 110.333333) * (100 - 110.333333) +
				 (110 - 110.333333) * (110 - 110.333333) +
				 (121 - 110.333333) * (121 - 110.333333)) /
				2) /
				   110.333333,
			   1e-6);
	/* within each round: 1 / its mean */
	assert_float_equal(s.within_cv, (1 / 100.0 + 1 / 110.0 + 1 / 121.0) / 3, 1e-9);
	assert_float_equal(ls_round_precision_pct(&s), 100 * (hi - lo) / 2 / 110, 0.05);
}

/* The change a run like this finds against another like it: compare's figure for the pair. */
static void detectable_against_a_twin(void **state)
{
	const double x[] = { 99, 100, 101, 110, 109, 111, 121, 120, 122 };
	const unsigned int r[] = { 1, 1, 1, 2, 2, 2, 3, 3, 3 };
	const double logs[] = { log(100), log(110), log(121) };
	struct ls_round_stats s;
	struct ls_ttest t;

	assert_int_equal(ls_rounds_summarize(x, r, 9, &s), 0);
	assert_int_equal(ls_ttest_welch(logs, 3, logs, 3, &t), 0);
	assert_float_equal(s.detectable, ls_ttest_detectable(&t, 0, 0.05, 0.8), 1e-9);
	/* rounds 10% apart, three a side: only a change of some 30% or more is found */
	assert_true(s.detectable > 0.2 && s.detectable < 0.6);
	assert_int_equal(ls_rounds_summarize(x, r, 3, &s), 0); /* one round */
	assert_true(isnan(s.detectable));
}

/* Rounds need not come in order nor be numbered from 1. */
static void rounds_in_any_order(void **state)
{
	const double x[] = { 5, 7, 5, 7, 6 };
	const unsigned int r[] = { 9, 4, 9, 4, 2 };
	struct ls_round_stats s;

	assert_int_equal(ls_rounds_summarize(x, r, 5, &s), 0);
	assert_int_equal(s.rounds, 3);
	assert_float_equal(s.median, 6, 1e-12);
	assert_true(s.ci_lo < 6 && s.ci_hi > 6);
}

/* One round: the interval comes from its repetitions, and there is no spread between rounds. */
static void one_round(void **state)
{
	const double x[] = { 10, 11, 12 };
	const unsigned int r[] = { 1, 1, 1 };
	double m = (log(10) + log(11) + log(12)) / 3, sd, hw;
	struct ls_round_stats s;

	sd = sqrt(((log(10) - m) * (log(10) - m) + (log(11) - m) * (log(11) - m) +
		   (log(12) - m) * (log(12) - m)) /
		  2);
	hw = 4.303 * sd / sqrt(3.0);
	assert_int_equal(ls_rounds_summarize(x, r, 3, &s), 0);
	assert_int_equal(s.rounds, 1);
	assert_float_equal(s.median, 11, 1e-12);
	assert_float_equal(s.round_cv, 0, 0);
	assert_float_equal(s.ci_lo, exp(m - hw), 1e-3);
	assert_float_equal(s.ci_hi, exp(m + hw), 1e-3);
	assert_int_equal(ls_rounds_summarize(x, r, 1, &s), 0);
	assert_float_equal(s.ci_lo, 10, 0);
	assert_float_equal(s.ci_hi, 10, 0);
}

static void refused(void **state)
{
	const double bad[] = { 1, 0 }, inf[] = { 1, INFINITY };
	const unsigned int r[] = { 1, 2 };
	struct ls_round_stats s;

	assert_int_equal(ls_rounds_summarize(bad, r, 0, &s), -EINVAL);
	assert_int_equal(ls_rounds_summarize(bad, r, 2, &s), -EINVAL);
	assert_int_equal(ls_rounds_summarize(inf, r, 2, &s), -EINVAL);
}

/* A round as ls_cell_round gives it: two repetitions of ops over secs. */
static struct ls_row round_of(__u64 ops1, __u64 ops2, enum ls_status st)
{
	struct ls_row r = { .threads = 1, .status = st, .control = -1, .bytes_per_elem = NAN };

	r.reps = calloc(2, sizeof(*r.reps));
	assert_non_null(r.reps);
	r.reps[0] = (struct ls_rep){ .ops = ops1, .secs = 1.0, .round = 1 };
	r.reps[1] = (struct ls_rep){ .ops = ops2, .secs = 1.0, .round = 1 };
	r.nr_reps = 2;
	r.ops = ops1 + ops2;
	r.cnt.ops = r.cnt.hits = r.ops;
	r.cnt.triggers = r.ops / 10;
	r.reps_discarded = 1;
	r.hist = calloc(1, sizeof(*r.hist));
	assert_non_null(r.hist);
	ls_hist_add(r.hist, 100);
	if (st != LS_OK)
		strcpy(r.reason, "cross-check: hits 3 of 4");
	return r;
}

static void row_free(struct ls_row *r)
{
	free(r->reps);
	free(r->hist);
	free(r->profile);
}

/* Rounds add up: repetitions renumbered, counters and histograms summed, figures over rounds. */
static void row_over_rounds(void **state)
{
	struct ls_row acc = { .threads = 1, .control = -1, .bytes_per_elem = NAN };
	struct ls_row r1 = round_of(1000, 1000, LS_OK), r2 = round_of(500, 500, LS_OK);
	struct ls_row r3 = round_of(250, 250, LS_OK);

	assert_int_equal(ls_row_add_round(&acc, &r1), 0);
	assert_int_equal(ls_row_add_round(&acc, &r2), 0);
	assert_int_equal(ls_row_add_round(&acc, &r3), 0);
	assert_int_equal(acc.rounds, 3);
	assert_int_equal(acc.nr_reps, 6);
	assert_int_equal(acc.reps[0].round, 1);
	assert_int_equal(acc.reps[3].round, 2);
	assert_int_equal(acc.reps[5].round, 3);
	assert_int_equal(acc.ops, 3500);
	assert_int_equal(acc.cnt.hits, 3500);
	assert_int_equal(acc.cnt.triggers, 350);
	assert_int_equal(acc.reps_discarded, 3);
	assert_int_equal(acc.hist->total, 3);
	/* 1, 2 and 4 ms per op by round: the median of round medians */
	assert_float_equal(acc.ns_per_op.median, 2e6, 1e-6);
	assert_float_equal(acc.ops_per_sec.median, 500, 1e-9);
	assert_float_equal(acc.ns_per_op.cv, 0, 0); /* no spread within rounds */
	assert_true(acc.ns_rs.round_cv > 0.5);
	assert_int_equal(acc.status, LS_OK);
	row_free(&r1);
	row_free(&r2);
	row_free(&r3);
	row_free(&acc);
}

/*
 * A round left out late (a slow spell's, judged again): its repetitions leave
 * the figures, its number is not given again, what ran stays counted; a row
 * keeps its last round, and a number it does not have is not dropped.
 */
static void round_dropped_late(void **state)
{
	struct ls_row acc = { .threads = 1, .control = -1, .bytes_per_elem = NAN };
	struct ls_row r1 = round_of(1000, 1000, LS_OK), r2 = round_of(500, 500, LS_OK);
	struct ls_row r3 = round_of(250, 250, LS_OK), r4 = round_of(500, 500, LS_OK);

	(void)state;
	assert_int_equal(ls_row_add_round(&acc, &r1), 0);
	assert_int_equal(ls_row_add_round(&acc, &r2), 0);
	assert_int_equal(ls_row_add_round(&acc, &r3), 0);
	assert_true(ls_row_drop_round(&acc, 3)); /* the slow one: 4 ms an op */
	assert_false(ls_row_drop_round(&acc, 3));
	assert_false(ls_row_drop_round(&acc, 9));
	assert_int_equal(acc.rounds, 2);
	assert_int_equal(acc.rounds_dropped, 1);
	assert_int_equal(acc.nr_reps, 4);
	assert_int_equal(acc.ops, 3500); /* what ran, as cross-checked */
	assert_float_equal(acc.ns_per_op.median, 1.5e6, 1e-6); /* 1 and 2 ms: their median */
	assert_int_equal(ls_row_add_round(&acc, &r4), 0);
	assert_int_equal(acc.reps[acc.nr_reps - 1].round, 4); /* not 3 again */
	assert_int_equal(acc.rounds, 3);
	assert_true(ls_row_drop_round(&acc, 1));
	assert_true(ls_row_drop_round(&acc, 2));
	assert_false(ls_row_drop_round(&acc, 4)); /* the last round stays */
	assert_int_equal(acc.rounds, 1);
	assert_float_equal(acc.ns_per_op.median, 2e6, 1e-6);
	row_free(&r1);
	row_free(&r2);
	row_free(&r3);
	row_free(&r4);
	row_free(&acc);
}

/* A failed round fails the cell, naming the round; what follows is not added. */
static void failed_round_fails_the_cell(void **state)
{
	struct ls_row acc = { .threads = 1, .control = -1, .bytes_per_elem = NAN };
	struct ls_row r1 = round_of(1000, 1000, LS_OK), r2 = round_of(1, 1, LS_FAILED);
	struct ls_row r3 = round_of(1000, 1000, LS_OK);

	r2.bpf_misses_ok = true;
	r2.bpf_misses = 5;
	assert_int_equal(ls_row_add_round(&acc, &r1), 0);
	assert_int_equal(ls_row_add_round(&acc, &r2), 0);
	assert_int_equal(ls_row_add_round(&acc, &r3), 0);
	assert_int_equal(acc.status, LS_FAILED);
	assert_string_equal(acc.reason, "round 2: cross-check: hits 3 of 4");
	assert_int_equal(acc.rounds, 1);
	assert_int_equal(acc.nr_reps, 2);
	assert_true(acc.bpf_misses_ok); /* recursion misses are kept for failed cells too */
	assert_int_equal(acc.bpf_misses, 5);
	row_free(&r1);
	row_free(&r2);
	row_free(&r3);
	row_free(&acc);
}

/* The bare twin's medians average over rounds; a failed twin fails the cell. */
static void bare_twin(void **state)
{
	struct ls_row acc = { .threads = 1, .control = -1, .bytes_per_elem = NAN };
	struct ls_row b = { .status = LS_OK };

	b.ns_per_op.median = 10;
	ls_row_add_bare(&acc, &b);
	b.ns_per_op.median = 20;
	ls_row_add_bare(&acc, &b);
	assert_true(acc.bare);
	assert_float_equal(acc.bare_ns_per_op, 15, 1e-12);
	b.status = LS_FAILED;
	strcpy(b.reason, "leak: 1 fd");
	ls_row_add_bare(&acc, &b);
	assert_int_equal(acc.status, LS_FAILED);
	assert_string_equal(acc.reason, "bare twin: leak: 1 fd");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(interval_from_round_medians),
		cmocka_unit_test(detectable_against_a_twin),
		cmocka_unit_test(rounds_in_any_order),
		cmocka_unit_test(one_round),
		cmocka_unit_test(refused),
		cmocka_unit_test(row_over_rounds),
		cmocka_unit_test(round_dropped_late),
		cmocka_unit_test(failed_round_fails_the_cell),
		cmocka_unit_test(bare_twin),
	};

	return cmocka_run_group_tests_name("rounds", tests, NULL, NULL);
}
