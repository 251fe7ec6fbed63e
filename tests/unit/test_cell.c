// SPDX-License-Identifier: GPL-2.0
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "cellrun.h"
#include "scenario.h"

static const struct scenario get_sc = {
	.name = "get",
	.expect = LS_EXPECT_HITS,
	.primes = true,
};
static const struct scenario cd_sc = {
	.name = "cd",
	.expect = LS_EXPECT_CREATES | LS_EXPECT_DELETES,
};

static const struct cell loop_get = {
	.sc = &get_sc, .mode = LS_MODE_LOOP, .threads = 2, .loop_iters = 100, .nr_maps = 1
};
static const struct cell hook_cd = {
	.sc = &cd_sc, .mode = LS_MODE_HOOK, .threads = 1, .loop_iters = 100, .nr_maps = 1
};

static bool check(const struct cell *c, const struct ls_counters *cnt, __u64 triggers, char *reason)
{
	/* one prime pass per producer */
	return ls_counters_check(c, cnt, triggers, c->threads, reason, 256);
}

static void consistent_counts_pass(void **state)
{
	struct ls_counters g = { .triggers = 10, .primes = 2, .ops = 1000, .hits = 1000 };
	struct ls_counters cd = { .triggers = 5, .ops = 5, .creates = 5, .deletes = 5 };
	char reason[256] = "";

	assert_true(check(&loop_get, &g, 10, reason));
	assert_true(check(&hook_cd, &cd, 5, reason));
}

static void each_mismatch_fails(void **state)
{
	const struct ls_counters good = { .triggers = 10, .primes = 2, .ops = 1000, .hits = 1000 };
	struct {
		size_t off;
		__u64 value;
		const char *says;
	} cases[] = {
		{ offsetof(struct ls_counters, triggers), 11, "triggers" },
		{ offsetof(struct ls_counters, ops), 999, "ops" },
		{ offsetof(struct ls_counters, primes), 1, "primes" },
		{ offsetof(struct ls_counters, hits), 998, "hits" },
		{ offsetof(struct ls_counters, misses), 2, "misses" },
		{ offsetof(struct ls_counters, creates), 1, "creates" },
		{ offsetof(struct ls_counters, deletes), 1, "deletes" },
		{ offsetof(struct ls_counters, failures), 3, "failed" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ls_counters bad = good;
		char reason[256] = "";

		*(__u64 *)((char *)&bad + cases[i].off) = cases[i].value;
		assert_false(check(&loop_get, &bad, 10, reason));
		assert_non_null(strstr(reason, cases[i].says));
	}
}

static void triggers_must_match_the_producers(void **state)
{
	struct ls_counters g = { .triggers = 10, .primes = 2, .ops = 1000, .hits = 1000 };
	char reason[256] = "";

	assert_false(check(&loop_get, &g, 11, reason));
	assert_non_null(strstr(reason, "producers issued 11"));
}

static void unprimed_scenario_must_see_no_primes(void **state)
{
	struct ls_counters cd = { .triggers = 5, .primes = 1, .ops = 5, .creates = 5, .deletes = 5 };
	char reason[256] = "";

	assert_false(check(&hook_cd, &cd, 5, reason));
}

static void map_sweeps_prime_every_map(void **state)
{
	struct cell c = loop_get;
	struct ls_counters g = { .triggers = 10, .primes = 2 * 17, .ops = 1000, .hits = 1000 };
	char reason[256] = "";

	c.nr_maps = 17;
	assert_true(check(&c, &g, 10, reason));
	g.primes = 2;
	assert_false(check(&c, &g, 10, reason));
	assert_non_null(strstr(reason, "expected 34"));
}

/*
 * A map-count step's cell checks its gets of map 0 against the visit order
 * (the runner's count in map0_gets); any other cell must count none.
 */
static void map_steps_check_map0_gets(void **state)
{
	struct scenario steps_sc = get_sc;
	struct cell c = loop_get;
	struct ls_counters g = { .triggers = 10, .primes = 2 * 17, .ops = 1000, .hits = 1000 };
	char reason[256] = "";

	steps_sc.map_steps = true;
	c.sc = &steps_sc;
	c.nr_maps = 17;
	c.map0_gets = 10 * 6; /* 100 steps on 17 maps: map 0 at 0, 17, ..., 85 */
	g.map0_gets = 60;
	assert_true(check(&c, &g, 10, reason));
	g.map0_gets = 59;
	assert_false(check(&c, &g, 10, reason));
	assert_non_null(strstr(reason, "59 gets of map 0, the visit order makes 60"));
	c.sc = &get_sc;
	assert_false(check(&c, &g, 10, reason));
	g.map0_gets = 0;
	assert_true(check(&c, &g, 10, reason));
}

static void retried_prime_passes_add_up(void **state)
{
	/* 2 producers, 17 maps: one pass each, plus a retry after 5 creates failed */
	struct cell c = loop_get;
	struct ls_counters g = {
		.triggers = 10, .primes = 3 * 17 - 5, .prime_fails = 5, .ops = 1000, .hits = 1000
	};
	char reason[256] = "";

	c.nr_maps = 17;
	assert_true(ls_counters_check(&c, &g, 10, 3, reason, sizeof(reason)));
	assert_false(ls_counters_check(&c, &g, 10, 2, reason, sizeof(reason)));
	g.primes++;
	assert_false(ls_counters_check(&c, &g, 10, 3, reason, sizeof(reason)));
}

/*
 * The accept path's self-check: each accepted socket is one operation, a hit
 * when the listener's storage was cloned into every map, a miss when into
 * none. A cell that expects the clone and finds none fails, and the reverse.
 */
static void accept_cells_check_the_clone(void **state)
{
	struct cell clone = { .sc = ls_scenario_find("sk-accept-clone"),
			      .threads = 1,
			      .nr_maps = 16 };
	struct cell noclone = clone;
	struct ls_counters hits = { .triggers = 500, .ops = 500, .hits = 500 };
	struct ls_counters misses = { .triggers = 500, .ops = 500, .misses = 500 };
	struct ls_counters mixed = { .triggers = 500, .ops = 500, .hits = 499, .failures = 1 };
	char reason[256] = "";

	noclone.sc = ls_scenario_find("sk-accept-noclone");
	assert_non_null(clone.sc);
	assert_non_null(noclone.sc);
	assert_true(check(&clone, &hits, 500, reason));
	assert_true(check(&noclone, &misses, 500, reason));
	assert_false(check(&clone, &misses, 500, reason));
	assert_non_null(strstr(reason, "0 hits, expected 500"));
	assert_false(check(&noclone, &hits, 500, reason));
	assert_non_null(strstr(reason, "500 hits, expected 0"));
	assert_false(check(&clone, &mixed, 500, reason));
	assert_non_null(strstr(reason, "1 helper calls failed"));
	/* an accept that the program did not see */
	assert_false(check(&clone, &hits, 501, reason));
}

/*
 * A churn trigger that makes a batch of owners (the kernel's create bench:
 * 32) runs the program once per owner: each run is a trigger and an
 * operation of the BPF side's, and the producers' count is of batches.
 */
static void batch_cells_count_every_owner(void **state)
{
	static const struct scenario batch_sc = { .name = "batch",
						  .expect = LS_EXPECT_CREATES,
						  .batch = 32 };
	const struct cell c = {
		.sc = &batch_sc, .mode = LS_MODE_HOOK, .threads = 1, .loop_iters = 100, .nr_maps = 1
	};
	struct ls_counters cnt = { .triggers = 320, .ops = 320, .creates = 320 };
	char reason[256] = "";

	assert_true(check(&c, &cnt, 10, reason));
	/* a batch short of one owner: the program saw fewer runs than the batches make */
	cnt.triggers = cnt.ops = cnt.creates = 319;
	assert_false(check(&c, &cnt, 10, reason));
	assert_non_null(strstr(reason, "producers issued 320"));
	/* one run per batch is not what a batch of 32 makes */
	cnt.triggers = cnt.ops = cnt.creates = 10;
	assert_false(check(&c, &cnt, 10, reason));
}

/*
 * A trial's slowdown: PCT of every 100 operations run again (per CPU, rounded
 * down), each counting its hit once more; none in a benchmark.
 */
static void slowdown_counts_its_repeats(void **state)
{
	struct cell c = loop_get;
	struct ls_counters g = {
		.triggers = 10, .primes = 2, .ops = 1000, .hits = 1050, .slowed = 50
	};
	char reason[256] = "";

	c.slowdown_pct = 5;
	assert_true(check(&c, &g, 10, reason));
	g.hits = 1000; /* repeats that counted nothing are allowed: a miss-free hit path */
	assert_true(check(&c, &g, 10, reason));
	g.hits = 1101; /* more than two counts per repeat */
	assert_false(check(&c, &g, 10, reason));
	g.hits = 1050;
	g.slowed = 51; /* more repeats than 5% */
	assert_false(check(&c, &g, 10, reason));
	assert_non_null(strstr(reason, "the slowdown ran 51 operations again, expected 50"));
	g.slowed = 49; /* one fewer on a CPU: the rounding */
	assert_true(check(&c, &g, 10, reason));
	g.slowed = 0; /* none at all: not a slowdown */
	assert_false(check(&c, &g, 10, reason));
	c.slowdown_pct = 0; /* a benchmark: no repeat, and no extra count */
	assert_false(check(&c, &g, 10, reason));
	g.hits = 1000;
	assert_true(check(&c, &g, 10, reason));
	g.slowed = 1;
	assert_false(check(&c, &g, 10, reason));
}

/* A trial slows the cells with a map under test; an empty control runs as in a benchmark. */
static void slowdown_spares_controls(void **state)
{
	(void)state;
	assert_int_equal(ls_scenario_slowdown(ls_scenario_find("task-get"), 10), 10);
	assert_int_equal(ls_scenario_slowdown(ls_scenario_find("sk-get"), 100), 100);
	assert_int_equal(ls_scenario_slowdown(ls_scenario_find("task-empty"), 10), 0);
	assert_int_equal(ls_scenario_slowdown(ls_scenario_find("cgrp-churn-empty"), 5), 0);
	assert_int_equal(ls_scenario_slowdown(ls_scenario_find("task-get"), 0), 0);
}

static void names(void **state)
{
	assert_string_equal(ls_mode_name(LS_MODE_HOOK), "hook");
	assert_string_equal(ls_mode_name(LS_MODE_LOOP), "loop");
	assert_string_equal(ls_status_name(LS_OK), "ok");
	assert_string_equal(ls_status_name(LS_UNSUPPORTED), "unsupported");
	assert_string_equal(ls_status_name(LS_FAILED), "failed");
}

/*
 * A cell whose frees wait for RCU (its deletes, its owners' ends) warms up and
 * samples at least the deferred timings where they are set (under icount);
 * the others, and every cell without them, as -w and -d say.
 */
static void deferred_frees_get_longer_repetitions(void **state)
{
	static const struct scenario churn_sc = { .name = "churn", .trigger_kind = LS_TRIG_CHURN };
	struct ls_run_opts o = { .warmup_s = 0.02, .duration_s = 0.02 };

	assert_true(ls_scenario_defers_frees(&cd_sc));
	assert_true(ls_scenario_defers_frees(&churn_sc));
	assert_false(ls_scenario_defers_frees(&get_sc));
	assert_float_equal(ls_cell_duration_s(&cd_sc, &o), 0.02, 0);
	assert_float_equal(ls_cell_warmup_s(&cd_sc, &o), 0.02, 0);
	o.deferred_warmup_s = LS_ICOUNT_DEFERRED_WARMUP_S;
	o.deferred_duration_s = LS_ICOUNT_DEFERRED_DURATION_S;
	assert_float_equal(ls_cell_duration_s(&cd_sc, &o), LS_ICOUNT_DEFERRED_DURATION_S, 0);
	assert_float_equal(ls_cell_warmup_s(&churn_sc, &o), LS_ICOUNT_DEFERRED_WARMUP_S, 0);
	assert_float_equal(ls_cell_duration_s(&get_sc, &o), 0.02, 0);
	assert_float_equal(ls_cell_warmup_s(&get_sc, &o), 0.02, 0);
	o.duration_s = 5; /* longer already: kept */
	assert_float_equal(ls_cell_duration_s(&cd_sc, &o), 5, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(consistent_counts_pass),
		cmocka_unit_test(deferred_frees_get_longer_repetitions),
		cmocka_unit_test(each_mismatch_fails),
		cmocka_unit_test(triggers_must_match_the_producers),
		cmocka_unit_test(unprimed_scenario_must_see_no_primes),
		cmocka_unit_test(map_sweeps_prime_every_map),
		cmocka_unit_test(map_steps_check_map0_gets),
		cmocka_unit_test(retried_prime_passes_add_up),
		cmocka_unit_test(accept_cells_check_the_clone),
		cmocka_unit_test(batch_cells_count_every_owner),
		cmocka_unit_test(slowdown_counts_its_repeats),
		cmocka_unit_test(slowdown_spares_controls),
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests_name("cell", tests, NULL, NULL);
}
