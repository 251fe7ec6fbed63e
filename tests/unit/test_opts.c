// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "identity.h"
#include "opts.h"
#include "cli_check.h"

#define ARGS(...) ((char *[]){ "run", __VA_ARGS__, NULL })
#define NARGS(...) ((int)(sizeof((char *[]){ "run", __VA_ARGS__ }) / sizeof(char *)))
#define PARSE(o, err, ...)                                                                         \
	ls_run_opts_parse(NARGS(__VA_ARGS__), ARGS(__VA_ARGS__), o, err, sizeof(err))

static void defaults(void **state)
{
	char *argv[] = { "run", NULL };
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(ls_run_opts_parse(1, argv, &o, err, sizeof(err)), 0);
	assert_float_equal(o.warmup_s, LS_DEF_WARMUP_S, 0);
	assert_float_equal(o.duration_s, LS_DEF_DURATION_S, 0);
	assert_int_equal(o.repetitions, LS_DEF_REPETITIONS);
	assert_int_equal(o.rounds, LS_DEF_ROUNDS);
	assert_int_equal(o.max_rounds, LS_DEF_MAX_ROUNDS);
	assert_true(o.max_rounds >= o.rounds && o.rounds >= 3);
	assert_float_equal(o.precision_pct, LS_DEF_PRECISION_PCT, 0);
	assert_false(o.seed_set);
	assert_float_equal(o.stall_s, LS_DEF_STALL_S, 0);
	assert_false(o.stall_set);
	assert_int_equal(o.modes, LS_MODES_ALL);
	assert_int_equal(o.sharings, LS_SHARING_ALL);
	assert_int_equal(o.loop_iters, 10000);
	assert_int_equal(o.nr_cpu_counts, 0);
	assert_int_equal(o.nr_globs, 0);
	assert_string_equal(o.output, "results");
	assert_false(o.quick);
	assert_int_equal(o.slowdown_pct, 0);
}

static void all_options(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-s", "task-*", "--scenario", "x", "-w", "0", "-d", "2.5",
			       "-r", "7", "-m", "loop", "--cpus", "2,1", "--loop-iters", "100",
			       "-o", "/tmp/r", "-v", "--sharing", "shared"),
			 0);
	assert_int_equal(o.sharings, LS_SHARING_BIT(LS_SHARING_SHARED));
	assert_int_equal(o.nr_globs, 2);
	assert_string_equal(o.globs[1], "x");
	assert_float_equal(o.warmup_s, 0, 0);
	assert_float_equal(o.duration_s, 2.5, 0);
	assert_int_equal(o.repetitions, 7);
	assert_int_equal(o.modes, LS_MODE_BIT(LS_MODE_LOOP));
	assert_int_equal(PARSE(&o, err, "-m", "fentry,hook", "--stall", "0"), 0);
	assert_int_equal(o.modes, LS_MODE_BIT(LS_MODE_FENTRY) | LS_MODE_BIT(LS_MODE_HOOK));
	assert_float_equal(o.stall_s, 0, 0);
	assert_true(o.stall_set);
	assert_int_equal(PARSE(&o, err, "--slowdown", "3"), 0);
	assert_int_equal(o.slowdown_pct, 3);
	assert_int_equal(PARSE(&o, err, "--slowdown", "100"), 0);
	assert_int_equal(o.slowdown_pct, 100);
	assert_int_equal(PARSE(&o, err, "-s", "task-*", "--scenario", "x", "-w", "0", "-d", "2.5",
			       "-r", "7", "-m", "loop", "--cpus", "2,1", "--loop-iters", "100",
			       "-o", "/tmp/r", "-v", "--sharing", "shared"),
			 0);
	assert_int_equal(o.nr_cpu_counts, 2);
	assert_int_equal(o.cpu_counts[0], 2);
	assert_int_equal(o.cpu_counts[1], 1);
	assert_int_equal(o.loop_iters, 100);
	assert_string_equal(o.output, "/tmp/r");
	assert_true(o.verbose);
}

static void quick_sets_timing(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "--quick"), 0);
	assert_true(o.quick);
	assert_true(o.duration_s < 1);
	assert_true(o.repetitions >= 2);
	assert_true(o.rounds >= 2);
	assert_int_equal(o.max_rounds, o.rounds);
}

static void rounds(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "--rounds", "5", "--max-rounds", "9", "--precision", "1.5",
			       "--seed", "42", "--time-budget", "60"),
			 0);
	assert_int_equal(o.rounds, 5);
	assert_int_equal(o.max_rounds, 9);
	assert_float_equal(o.precision_pct, 1.5, 0);
	assert_true(o.seed_set);
	assert_int_equal(o.seed, 42);
	assert_float_equal(o.time_budget_s, 60, 0);
	/* rounds given alone: exactly that many */
	assert_int_equal(PARSE(&o, err, "--rounds", "20"), 0);
	assert_int_equal(o.max_rounds, 20);
	assert_int_equal(PARSE(&o, err, "--rounds", "1"), 0);
	assert_int_equal(o.max_rounds, 1);
	assert_int_equal(PARSE(&o, err, "--max-rounds", "9"), 0);
	assert_int_equal(o.rounds, LS_DEF_ROUNDS);
	assert_int_equal(o.max_rounds, 9);
	assert_int_equal(PARSE(&o, err, "--rounds", "5", "--max-rounds", "4"), -EINVAL);
	assert_non_null(strstr(err, "--max-rounds 4 is below --rounds 5"));
	assert_int_equal(PARSE(&o, err, "--rounds", "0"), -EINVAL);
	assert_string_equal(err, "--rounds: '0' is not a whole number from 1 to 1000");
	assert_int_equal(PARSE(&o, err, "--precision", "0"), -EINVAL);
	assert_int_equal(PARSE(&o, err, "--precision", "101"), -EINVAL);
	assert_non_null(strstr(err, "--precision"));
	assert_int_equal(PARSE(&o, err, "--seed", "-1"), -EINVAL);
	assert_int_equal(PARSE(&o, err, "--seed", "x"), -EINVAL);
	assert_string_equal(err, "--seed: 'x' is not a whole number");
	/* --quick's rounds give way to those asked */
	assert_int_equal(PARSE(&o, err, "--quick", "--rounds", "4"), 0);
	assert_int_equal(o.rounds, 4);
	assert_int_equal(o.max_rounds, 4);
}

static void quick_conflicts_with_timing(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "--quick", "-d", "1"), -EINVAL);
	assert_non_null(strstr(err, "--quick"));
	assert_int_equal(PARSE(&o, err, "-r", "3", "--quick"), -EINVAL);
}

/* The long name of run's option opt ("-w" or "--warmup"): "--warmup". */
static const char *long_name(const char *opt)
{
	const struct ls_cli_opt *o;

	for (o = ls_run_cli_opts; opt[1] != '-' && o->name; o++) {
		if (o->short_name == opt[1])
			return o->name;
	}
	return opt;
}

static void bad_values(void **state)
{
	static const char *const cases[][2] = {
		{ "-w", "-1" },
		{ "-w", "abc" },
		{ "-w", "1x" },
		{ "-w", "nan" },
		{ "-w", "4000" },
		{ "-d", "0" },
		{ "-d", "" },
		{ "-r", "0" },
		{ "-r", "1001" },
		{ "-r", "-3" },
		{ "-r", "2.5" },
		{ "-m", "both" },
		{ "-m", "loop,loop" },
		{ "-m", "loop," },
		{ "-m", ",fentry" },
		{ "-m", "fentr" },
		{ "-m", "all,hook" },
		{ "--stall", "-1" },
		{ "--stall", "x" },
		{ "--slowdown", "0" },
		{ "--slowdown", "101" },
		{ "--slowdown", "2.5" },
		{ "--slowdown", "-1" },
		{ "--sharing", "" },
		{ "--sharing", "public" },
		{ "--sharing", "private,private" },
		{ "--sharing", "shared," },
		{ "--sharing", "privateshared" },
		{ "--cpus", "0" },
		{ "--cpus", "1,,2" },
		{ "--cpus", "1,1" },
		{ "--cpus", "1," },
		{ "--cpus", ",1" },
		{ "--cpus", "a" },
		{ "--loop-iters", "0" },
		{ "--loop-iters", "99999999" },
		{ "-o", "" },
		{ "--label", "" },
		{ "--label", "a/b" },
		{ "--label", "a b" },
		{ "--label", ".." },
		{ "--label", "x\n" },
		{ "--label", "12345678901234567890123456789012345678901234567890123456789012345" },
		{ "--rounds", "1001" },
		{ "--precision", "-1" },
		{ "--time-budget", "0" },
		{ "--objects", "1000001" },
		{ "--maps", "0" },
	};
	struct ls_run_opts o;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *argv[] = { "run", (char *)cases[i][0], (char *)cases[i][1], NULL };
		char err[256] = "", name[64];

		if (ls_run_opts_parse(3, argv, &o, err, sizeof(err)) != -EINVAL)
			fail_msg("accepted %s '%s'", cases[i][0], cases[i][1]);
		/* one line that begins with the option's long name */
		assert_null(strchr(err, '\n'));
		snprintf(name, sizeof(name), "%s:", long_name(cases[i][0]));
		if (strncmp(err, name, strlen(name)))
			fail_msg("%s '%s': \"%s\"", cases[i][0], cases[i][1], err);
	}
}

static void unknown_missing_and_extra(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "--bogus"), -EINVAL);
	assert_non_null(strstr(err, "--bogus"));
	assert_int_equal(PARSE(&o, err, "-x"), -EINVAL);
	assert_non_null(strstr(err, "-x"));
	assert_int_equal(PARSE(&o, err, "-d"), -EINVAL);
	assert_non_null(strstr(err, "needs a value"));
	assert_int_equal(PARSE(&o, err, "stray"), -EINVAL);
	assert_non_null(strstr(err, "stray"));
}

static void errors_stay_on_one_line(void **state)
{
	const struct scenario one[] = { { .name = "task-get" } };
	struct ls_run_opts o;
	bool sel[1];
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-m", "loop\n--x"), -EINVAL);
	assert_null(strchr(err, '\n'));
	assert_non_null(strstr(err, "loop?--x"));
	assert_int_equal(PARSE(&o, err, "-s", "a\rb"), 0);
	assert_int_equal(ls_select(one, 1, &o, sel, err, sizeof(err)), -ENOENT);
	assert_null(strchr(err, '\r'));
}

static void help_is_not_an_error(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "--help"), LS_CLI_HELP);
	assert_int_equal(PARSE(&o, err, "-r", "2", "-h"), LS_CLI_HELP);
}

static void labels(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-v"), 0);
	assert_null(o.label);
	assert_int_equal(PARSE(&o, err, "--label", "patched-v2_1.0"), 0);
	assert_string_equal(o.label, "patched-v2_1.0");
	assert_int_equal(PARSE(&o, err, "--label",
			       "1234567890123456789012345678901234567890123456789012345678901234"),
			 0);
}

/* Every option of the table is in the usage, once, and the usage names no other. */
static void usage_lists_the_table(void **state)
{
	check_usage_lists_table(&ls_run_cmd);
}

static const struct scenario table[] = {
	{ .name = "task-get", .modes = LS_MODES_ALL },
	{ .name = "task-empty", .modes = LS_MODES_ALL },
	{ .name = "sk-hook-only", .modes = LS_MODE_BIT(LS_MODE_HOOK) },
};

static void select_by_glob(void **state)
{
	struct ls_run_opts o;
	bool sel[3];
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-s", "task-*"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), 2);
	assert_true(sel[0] && sel[1] && !sel[2]);

	assert_int_equal(PARSE(&o, err, "-m", "hook"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), 3);

	assert_int_equal(PARSE(&o, err, "-m", "loop"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), 2);
	assert_false(sel[2]);
}

static void glob_matching_nothing_is_an_error(void **state)
{
	struct ls_run_opts o;
	bool sel[3];
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-s", "task-get", "-s", "nope*"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "nope*"));

	assert_int_equal(PARSE(&o, err, "-s", "sk-*", "-m", "loop"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), -ENOENT);
}

static void misspelt_scenario_gets_a_suggestion(void **state)
{
	struct ls_run_opts o;
	bool sel[3];
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-s", "task-gte"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), -ENOENT);
	assert_string_equal(err, "no scenario matches 'task-gte': did you mean task-get?");
	assert_int_equal(PARSE(&o, err, "-s", "zzz"), 0);
	assert_int_equal(ls_select(table, 3, &o, sel, err, sizeof(err)), -ENOENT);
	assert_string_equal(err, "no scenario matches 'zzz' (see lsbench list)");
}

static void objects(void **state)
{
	const struct scenario sweeps = { .name = "s", .objects = { 3, { 1, 100, 10000 } } };
	const struct scenario fixed = { .name = "f" };
	unsigned int vals[LS_MAX_LIST];
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-v"), 0);
	assert_int_equal(ls_sweep_for(&o, &fixed, LS_DIM_OBJECTS, vals), 0);
	assert_int_equal(ls_sweep_for(&o, &sweeps, LS_DIM_OBJECTS, vals), 3);
	assert_int_equal(ls_sweep_for(&o, &sweeps, LS_DIM_MAPS, vals), 0);
	assert_int_equal(vals[2], 10000);

	assert_int_equal(PARSE(&o, err, "--objects", "7,5"), 0);
	assert_int_equal(ls_sweep_for(&o, &sweeps, LS_DIM_OBJECTS, vals), 2);
	assert_int_equal(vals[0], 7);
	assert_int_equal(vals[1], 5);
	assert_int_equal(ls_sweep_for(&o, &fixed, LS_DIM_OBJECTS, vals), 0);

	assert_int_equal(PARSE(&o, err, "--objects", "0"), -EINVAL);
	assert_non_null(strstr(err, "--objects"));
	assert_int_equal(PARSE(&o, err, "--objects", "2000000"), -EINVAL);
}

static void maps_and_value_sizes(void **state)
{
	const struct scenario sc = { .name = "s",
				     .maps = { 2, { 1, 17 } },
				     .value_sizes = { 2, { 8, 64 } } };
	unsigned int vals[LS_MAX_LIST];
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-v"), 0);
	assert_int_equal(ls_sweep_for(&o, &sc, LS_DIM_MAPS, vals), 2);
	assert_int_equal(vals[1], 17);
	assert_int_equal(ls_sweep_for(&o, &sc, LS_DIM_VALUE_SIZE, vals), 2);
	assert_int_equal(vals[1], 64);

	assert_int_equal(PARSE(&o, err, "--maps", "1000", "--value-size", "4096,8"), 0);
	assert_int_equal(ls_sweep_for(&o, &sc, LS_DIM_MAPS, vals), 1);
	assert_int_equal(vals[0], 1000);
	assert_int_equal(ls_sweep_for(&o, &sc, LS_DIM_VALUE_SIZE, vals), 2);
	assert_int_equal(vals[0], 4096);

	assert_int_equal(PARSE(&o, err, "--maps", "1001"), -EINVAL);
	assert_int_equal(PARSE(&o, err, "--value-size", "16"), -EINVAL);
	assert_non_null(strstr(err, "--value-size"));
}

static void cpu_counts(void **state)
{
	struct ls_run_opts o;
	char err[256] = "";

	assert_int_equal(PARSE(&o, err, "-v"), 0);
	assert_int_equal(ls_cpu_counts_resolve(&o, 2, err, sizeof(err)), 0);
	assert_int_equal(o.nr_cpu_counts, 2);
	assert_int_equal(o.cpu_counts[0], 1);
	assert_int_equal(o.cpu_counts[1], 2);

	assert_int_equal(PARSE(&o, err, "-v"), 0);
	assert_int_equal(ls_cpu_counts_resolve(&o, 6, err, sizeof(err)), 0);
	assert_int_equal(o.nr_cpu_counts, 4);
	assert_int_equal(o.cpu_counts[2], 4);
	assert_int_equal(o.cpu_counts[3], 6);

	assert_int_equal(PARSE(&o, err, "-v"), 0);
	assert_int_equal(ls_cpu_counts_resolve(&o, 1, err, sizeof(err)), 0);
	assert_int_equal(o.nr_cpu_counts, 1);
	assert_int_equal(o.cpu_counts[0], 1);

	assert_int_equal(PARSE(&o, err, "--cpus", "1,3"), 0);
	assert_int_equal(ls_cpu_counts_resolve(&o, 2, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "--cpus 3"));
}

/* Another value of opt's field in o, of its kind: lists and strings get one item more. */
static void perturb(const struct ls_cli_opt *opt, struct ls_run_opts *o)
{
	char *field = (char *)o + opt->off;
	size_t *n = opt->aux ? (size_t *)((char *)o + opt->aux) : NULL;

	switch (opt->kind) {
	case LS_CLI_FLAG:
	case LS_CLI_CLEAR:
		*(bool *)field = !*(bool *)field;
		break;
	case LS_CLI_REAL:
		*(double *)field += 1;
		break;
	case LS_CLI_U64:
		*(unsigned long long *)field ^= 1;
		break;
	case LS_CLI_STR:
		*(const char **)field = "perturbed";
		break;
	case LS_CLI_STRS:
		((const char **)field)[(*n)++] = "perturbed";
		break;
	case LS_CLI_UINTS:
	case LS_CLI_FN:
		if (!n)
			fail_msg("%s: a function's row without a list", opt->name);
		((unsigned int *)field)[(*n)++] = 4096;
		break;
	default:
		*(unsigned int *)field ^= 1;
		break;
	}
}

struct rows {
	const struct ls_cli_opt *row[128];
	size_t n;
};

static void collect(const struct ls_cli_opt *opt, const void *settings, void *arg)
{
	struct rows *t = arg;

	(void)settings;
	assert_true(t->n < sizeof(t->row) / sizeof(t->row[0]));
	t->row[t->n++] = opt;
}

/*
 * The measure key is made of the table's rows marked measures, and of them
 * only: another value of any marked row (its default, a list one longer, a
 * flag turned) makes another key; of any other row (rounds, seed, output,
 * label, ...), the same key.
 */
static void measure_key_follows_the_marked_rows(void **state)
{
	struct rows t = {};
	struct ls_run_opts o, p;
	char err[256] = "";
	char *argv[] = { "run", NULL };
	unsigned int marked = 0;
	uint64_t key;
	size_t i;

	assert_int_equal(ls_run_opts_parse(1, argv, &o, err, sizeof(err)), 0);
	assert_int_equal(ls_cpu_counts_resolve(&o, 4, err, sizeof(err)), 0);
	key = ls_measure_key(&o);
	ls_cli_each(ls_run_cli_opts, &o, collect, &t);
	assert_int_equal(t.n, ls_cli_count(ls_run_cli_opts));
	for (i = 0; i < t.n; i++) {
		p = o;
		perturb(t.row[i], &p);
		if ((ls_measure_key(&p) != key) != t.row[i]->measures)
			fail_msg("%s: the key %s", t.row[i]->name,
				 t.row[i]->measures ? "stays, though it is marked"
						    : "moves, though it is not marked");
		marked += t.row[i]->measures;
	}
	assert_true(marked >= 10 && marked < t.n);
	assert_true(ls_cli_find(ls_run_cli_opts, "--duration")->measures);
	assert_false(ls_cli_find(ls_run_cli_opts, "--rounds")->measures);
}

/* Settings of a command that gains an option: wait_s. */
struct grown {
	double duration_s;
	unsigned int sizes[4];
	size_t nr_sizes;
	const char *output;
	double wait_s;
};

#define GROWN(field) LS_CLI_AT(struct grown, field)

static const struct ls_cli_opt before[] = {
	{ "--duration", 0, "S", "", LS_CLI_REAL, GROWN(duration_s), .measures = true },
	{ "--sizes", 0, "LIST", "", LS_CLI_UINTS, GROWN(sizes), .cap = 4,
	  .aux = offsetof(struct grown, nr_sizes), .measures = true },
	{ "--output", 0, "DIR", "", LS_CLI_STR, GROWN(output) },
	{},
};

static const struct ls_cli_opt after[] = {
	{ "--duration", 0, "S", "", LS_CLI_REAL, GROWN(duration_s), .measures = true },
	{ "--sizes", 0, "LIST", "", LS_CLI_UINTS, GROWN(sizes), .cap = 4,
	  .aux = offsetof(struct grown, nr_sizes), .measures = true },
	{ "--output", 0, "DIR", "", LS_CLI_STR, GROWN(output) },
	{ "--wait", 0, "S", "", LS_CLI_REAL, GROWN(wait_s), .measures = true },
	{},
};

/*
 * An option that changes what is measured is one row marked measures: the
 * key follows it with nothing else to edit, and while it is off (zero) the
 * keys of runs made before it stay as they were.
 */
static void a_new_option_is_one_marked_row(void **state)
{
	struct grown g = { .duration_s = 0.1, .sizes = { 8, 64 }, .nr_sizes = 2, .output = "r" };
	uint64_t old = ls_measure_hash(1, before, &g), h;

	assert_int_equal(ls_measure_hash(1, after, &g), old);
	g.wait_s = 0.5;
	h = ls_measure_hash(1, after, &g);
	assert_int_not_equal(h, old);
	assert_int_equal(ls_measure_hash(1, before, &g), old);
	g.output = "elsewhere";
	assert_int_equal(ls_measure_hash(1, after, &g), h);
	g.nr_sizes = 1;
	assert_int_not_equal(ls_measure_hash(1, after, &g), h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(defaults),
		cmocka_unit_test(all_options),
		cmocka_unit_test(quick_sets_timing),
		cmocka_unit_test(quick_conflicts_with_timing),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(unknown_missing_and_extra),
		cmocka_unit_test(errors_stay_on_one_line),
		cmocka_unit_test(help_is_not_an_error),
		cmocka_unit_test(labels),
		cmocka_unit_test(usage_lists_the_table),
		cmocka_unit_test(misspelt_scenario_gets_a_suggestion),
		cmocka_unit_test(select_by_glob),
		cmocka_unit_test(glob_matching_nothing_is_an_error),
		cmocka_unit_test(rounds),
		cmocka_unit_test(objects),
		cmocka_unit_test(maps_and_value_sizes),
		cmocka_unit_test(cpu_counts),
		cmocka_unit_test(measure_key_follows_the_marked_rows),
		cmocka_unit_test(a_new_option_is_one_marked_row),
	};

	return cmocka_run_group_tests_name("opts", tests, NULL, NULL);
}
