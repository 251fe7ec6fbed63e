// SPDX-License-Identifier: GPL-2.0
/* Options of `lsbench run`: parsing and checking, with one-line errors. */
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "opts.h"

#define QUICK_WARMUP_S 0.02
#define QUICK_DURATION_S 0.02
#define QUICK_REPETITIONS 2
#define QUICK_ROUNDS 2
/* a smoke run measures nothing worth doing again */
#define QUICK_KEEPS "; disturbed repetitions and rounds kept, not done again"
#define MAX_ROUNDS 1000
#define MAX_SECONDS 3600
#define MAX_REPETITIONS 1000
#define MAX_LOOP_ITERS (1u << 23) /* bpf_loop's own limit */

/* By their bits: LS_MODE_BIT(), LS_SHARING_BIT(). */
static const char *const mode_names[] = { "hook", "loop", "fentry", NULL };
static const char *const sharing_names[] = { "private", "shared", NULL };

/* The value sizes the BPF objects have types for. */
static int parse_value_sizes(const struct ls_cli_opt *opt, const char *s, void *base, char *err,
			     size_t len)
{
	struct ls_run_opts *o = base;
	size_t i;

	(void)err;
	(void)len;
	if (ls_cli_parse_uints(opt, s, base))
		return -EINVAL;
	for (i = 0; i < o->nr_value_sizes; i++) {
		if (o->value_sizes[i] != 8 && o->value_sizes[i] != 64 && o->value_sizes[i] != 4096)
			return -EINVAL;
	}
	return 0;
}

/* One path component of letters, digits, '.', '_' and '-', not all dots. */
static bool label_ok(const char *s)
{
	size_t n = strlen(s);

	return n <= LS_MAX_LABEL &&
	       strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
			 "0123456789._-") == n &&
	       strspn(s, ".") != n;
}

#define RUN(field) LS_CLI_AT(struct ls_run_opts, field)
#define RUN_GIVEN(field) LS_CLI_GIVEN(struct ls_run_opts, field)
#define RUN_LIST(field, nr) RUN(field), .aux = offsetof(struct ls_run_opts, nr), .cap = LS_MAX_LIST
/*
 * The option changes what a round measures: its value is part of the measure
 * key (bench/identity.c), so that runs pool as rounds of one set only when
 * they measured the same thing. Every option that changes a round's figures
 * (what runs, how long, what is instrumented) has it; rounds, budgets, seeds
 * and output folders do not.
 */
#define MEASURES .measures = true

const struct ls_cli_opt ls_run_cli_opts[] = {
	{ "--scenario", 's', "GLOB",
	  "run the scenarios matching GLOB (repeatable; default those of the default matrix, "
	  "every one with --full)",
	  LS_CLI_STRS, RUN(globs), .aux = offsetof(struct ls_run_opts, nr_globs),
	  .cap = LS_MAX_GLOBS, MEASURES },
	{ "--warmup", 'w', "S", "seconds of warm-up per round, not measured", LS_CLI_REAL,
	  RUN(warmup_s), RUN_GIVEN(timing_set), .max = MAX_SECONDS, .def = LS_STR(LS_DEF_WARMUP_S),
	  .def_text = LS_STR(LS_DEF_WARMUP_S) "; under icount " LS_STR(
		  LS_ICOUNT_DEFERRED_WARMUP_S) " where frees wait for RCU, unless -w, -d, -r or --quick",
	  MEASURES },
	{ "--duration", 'd', "S", "seconds per repetition", LS_CLI_REAL, RUN(duration_s),
	  RUN_GIVEN(timing_set), .max = MAX_SECONDS, .above_min = true,
	  .def = LS_STR(LS_DEF_DURATION_S),
	  .def_text = LS_STR(LS_DEF_DURATION_S) "; under icount " LS_STR(
		  LS_ICOUNT_DEFERRED_DURATION_S) " where frees wait for RCU, unless -w, -d, -r or --quick",
	  MEASURES },
	{ "--repetitions", 'r', "N", "repetitions per round", LS_CLI_UINT, RUN(repetitions),
	  RUN_GIVEN(timing_set), .min = 1, .max = MAX_REPETITIONS,
	  .def = LS_STR(LS_DEF_REPETITIONS), MEASURES },
	{ "--rounds", 0, "N",
	  "independent setups per cell, and more where imprecise; each round measures every cell "
	  "once, in a shuffled order; given alone, exactly N",
	  LS_CLI_UINT, RUN(rounds), RUN_GIVEN(rounds_set), .min = 1, .max = MAX_ROUNDS,
	  .def = LS_STR(LS_DEF_ROUNDS) },
	{ "--max-rounds", 0, "N",
	  "rounds at most: cells whose 95% interval is wider than --precision get more rounds, "
	  "first those expected to be within it soonest, up to N",
	  LS_CLI_UINT, RUN(max_rounds), RUN_GIVEN(max_rounds_set), .min = 1, .max = MAX_ROUNDS,
	  .def = LS_STR(LS_DEF_MAX_ROUNDS) },
	{ "--precision", 0, "P", "target half-width of the 95% interval, in %", LS_CLI_REAL,
	  RUN(precision_pct), .max = 100, .above_min = true, .def = LS_STR(LS_DEF_PRECISION_PCT) },
	{ "--time-budget", 0, "S",
	  "start no extra round that would end after S seconds of the run, by the cell's rounds "
	  "so far (but one of a cell with none kept yet)",
	  LS_CLI_REAL, RUN(time_budget_s), .max = MAX_SECONDS, .above_min = true,
	  .def_text = "none" },
	{ "--stall", 0, "S",
	  "end the run, saying where it is stuck, when a cell makes no progress for S seconds; 0: "
	  "never",
	  LS_CLI_REAL, RUN(stall_s), RUN_GIVEN(stall_set), .max = MAX_SECONDS,
	  .def = LS_STR(LS_DEF_STALL_S),
	  .def_text = LS_STR(LS_DEF_STALL_S) ", 5 times that under TCG, none under icount" },
	{ "--seed", 0, "N", "seed of the rounds' shuffles, recorded in meta.txt", LS_CLI_U64,
	  RUN(seed), RUN_GIVEN(seed_set), .def_text = "from the clock" },
	{ "--mode", 'm', "LIST",
	  "hook, loop, fentry (loop's program on fentry of getpgid, as the kernel's bench; task "
	  "scenarios), comma-separated, or all",
	  LS_CLI_BITS, RUN(modes), .names = mode_names, .all = "all", .def = "all", MEASURES },
	{ "--cpus", 0, "LIST", "producer-thread counts, e.g. 1,2", LS_CLI_UINTS,
	  RUN_LIST(cpu_counts, nr_cpu_counts), .min = 1, .max = 4096,
	  .def_text = "1 and powers of two up to all usable CPUs", MEASURES },
	{ "--objects", 0, "LIST", "owner counts for scenarios that sweep them", LS_CLI_UINTS,
	  RUN_LIST(objects, nr_objects), .min = 1, .max = LS_MAX_OBJECTS,
	  .def_text = "each scenario's own: most one per thread (--full: 1,100,10000,100000)",
	  MEASURES },
	{ "--maps", 0, "LIST", "map counts for scenarios that sweep them", LS_CLI_UINTS,
	  RUN_LIST(maps, nr_maps), .min = 1, .max = LS_MAX_MAPS,
	  .def_text = "each scenario's own, e.g. 16,17,100 (--full: 1,10,16,17,24,32,100,1000)",
	  MEASURES },
	{ "--value-size", 0, "LIST", "value sizes for scenarios that sweep them: 8, 64, 4096",
	  LS_CLI_FN, RUN_LIST(value_sizes, nr_value_sizes), .min = 1, .max = 4096,
	  .parse = parse_value_sizes, .def_text = "each scenario's own",
	  .what = "distinct sizes of 8, 64 and 4096 bytes, comma-separated", MEASURES },
	{ "--sharing", 0, "LIST",
	  "private (each thread its own owners), shared (all threads the same owners) or both; "
	  "scenarios whose owners are one or the other by nature keep theirs; unless --sharing or "
	  "--full is given, cells where several threads run a cgroup/getsockopt program on the "
	  "same sockets are left out (they take turns on the socket's lock)",
	  LS_CLI_BITS, RUN(sharings), RUN_GIVEN(sharings_set), .names = sharing_names,
	  .def = "private,shared", MEASURES },
	{ "--loop-iters", 0, "N", "operations per trigger in loop mode", LS_CLI_UINT,
	  RUN(loop_iters), .min = 1, .max = MAX_LOOP_ITERS, .def = LS_STR(LS_DEF_LOOP_ITERS),
	  MEASURES },
	{ "--full", 0, NULL,
	  "the whole matrix: with no -s every scenario, and every sweep's every value (owners, "
	  "maps) where the default keeps fewer (lsbench list marks what only --full runs)",
	  LS_CLI_FLAG, RUN(full), MEASURES },
	{ "--quick", 0, NULL,
	  "a smoke run, not a measurement: -w " LS_STR(QUICK_WARMUP_S) " -d " LS_STR(QUICK_DURATION_S) " -r " LS_STR(
		  QUICK_REPETITIONS) ", and --rounds " LS_STR(QUICK_ROUNDS) " unless given" QUICK_KEEPS,
	  LS_CLI_FLAG, RUN(quick) },
	{ "--output", 'o', "DIR", "results root", LS_CLI_STR, RUN(output), .def = "results",
	  .what = "a folder" },
	{ "--label", 0, "NAME",
	  "a name for this build of the kernel: the run goes to <root>/<release>-NAME, so that "
	  "two builds of one release are two sets; meta.txt records it",
	  LS_CLI_STR, RUN(label), .valid = label_ok, .def_text = "none",
	  .what = "one name of letters, digits, '.', '_' and '-' (at most " LS_STR(
		  LS_MAX_LABEL) ")" },
	{ "--no-bpf-stats", 0, NULL, "do not enable BPF run statistics while measuring",
	  LS_CLI_CLEAR, RUN(bpf_stats), MEASURES },
	{ "--no-latency", 0, NULL, "do not time each trigger (no latency histograms)", LS_CLI_CLEAR,
	  RUN(latency), MEASURES },
	{ "--no-bpf-latency", 0, NULL, "do not time an operation per trigger inside BPF",
	  LS_CLI_CLEAR, RUN(bpf_latency), MEASURES },
	{ "--no-perf", 0, NULL, "do not count with perf_event_open on the producers", LS_CLI_CLEAR,
	  RUN(perf), MEASURES },
	{ "--overhead", 0, NULL,
	  "also measure each cell bare (none of the four above), reporting what the "
	  "instrumentation costs",
	  LS_CLI_FLAG, RUN(overhead), MEASURES },
	{ "--profile", 0, NULL,
	  "perf record -e cpu-clock -g on the producers' CPUs per cell; top kernel symbols in "
	  "profile.csv",
	  LS_CLI_FLAG, RUN(profile), MEASURES },
	{ "--slowdown", 0, "PCT",
	  "power trials only: every loop cell with a map under test costs PCT% more (its "
	  "operations run again on PCT of every 100, 1 to 100; a hook cell: PCT% of its "
	  "operation alone; empty controls as in a benchmark); the set "
	  "is marked a trial, which compare and report refuse without --trial",
	  LS_CLI_UINT, RUN(slowdown_pct), .min = 1, .max = 100, .def_text = "none",
	  .what = "a whole percentage from 1 to 100", MEASURES },
	{ "--verbose", 'v', NULL, "print libbpf and verifier messages", LS_CLI_FLAG, RUN(verbose) },
	{},
};

const struct ls_cli_cmd ls_run_cmd = {
	.name = "run",
	.synopsis = "[options]",
	.desc = "Measures the scenarios, cell by cell, in rounds; results in "
		"<root>/<kernel release>[-<label>]/<UTC time>-<host>/.",
	.opts = ls_run_cli_opts,
	.footer = "Exit status: 0 when every cell ran (ok or unsupported), 1 when a cell failed, 2 "
		  "for bad input or a machine that cannot run the suite, 130 when interrupted.",
};

/* What the options say together; 0 or -EINVAL with why in err. */
static int settle(struct ls_run_opts *o, char *err, size_t len)
{
	if (o->quick && o->timing_set) {
		snprintf(err, len, "--quick sets -w, -d and -r: give one or the other");
		return -EINVAL;
	}
	if (o->quick) {
		o->warmup_s = QUICK_WARMUP_S;
		o->duration_s = QUICK_DURATION_S;
		o->repetitions = QUICK_REPETITIONS;
		if (!o->rounds_set)
			o->rounds = QUICK_ROUNDS;
	}
	/* rounds asked, and no most: that many */
	if (!o->max_rounds_set && (o->rounds_set || o->quick))
		o->max_rounds = o->rounds;
	if (o->max_rounds < o->rounds) {
		snprintf(err, len, "--max-rounds %u is below --rounds %u", o->max_rounds,
			 o->rounds);
		return -EINVAL;
	}
	return 0;
}

int ls_run_opts_parse(int argc, char **argv, struct ls_run_opts *o, char *err, size_t len)
{
	int pos, ret;

	*o = (struct ls_run_opts){};
	ret = ls_cli_parse(&ls_run_cmd, argc, argv, o, &pos, err, len);
	return ret ?: settle(o, err, len);
}

/* The error for a glob that matches no scenario: the closest name when one is close. */
static int no_match(const struct scenario *table, size_t n, const struct ls_run_opts *o,
		    const char *glob, char *err, size_t len)
{
	const char **names = calloc(n, sizeof(*names)), *near;
	size_t i;

	for (i = 0; names && i < n; i++)
		names[i] = table[i].name;
	near = names ? ls_nearest(glob, names, n) : NULL;
	snprintf(err, len, "no scenario matches '%s'%s%s%s%s", glob,
		 o->modes == LS_MODES_ALL ? "" : " in this mode", near ? ": did you mean " : "",
		 near ?: "", near ? "?" : " (see lsbench list)");
	free(names);
	ls_one_line(err);
	return -ENOENT;
}

int ls_select(const struct scenario *table, size_t n, const struct ls_run_opts *o, bool *selected,
	      char *err, size_t len)
{
	size_t g, i;
	int count = 0;

	for (i = 0; i < n; i++)
		selected[i] = !o->nr_globs && (o->full || !table[i].full_only);
	for (g = 0; g < o->nr_globs; g++) {
		bool any = false;

		for (i = 0; i < n; i++) {
			if (!fnmatch(o->globs[g], table[i].name, 0) &&
			    (ls_scenario_modes(&table[i]) & o->modes)) {
				selected[i] = true;
				any = true;
			}
		}
		if (!any)
			return no_match(table, n, o, o->globs[g], err, len);
	}
	for (i = 0; i < n; i++) {
		if (!(ls_scenario_modes(&table[i]) & o->modes))
			selected[i] = false;
		count += selected[i];
	}
	if (!count) {
		snprintf(err, len, "no scenario runs in this mode");
		return -ENOENT;
	}
	return count;
}

int ls_cpu_counts_resolve(struct ls_run_opts *o, unsigned int usable, char *err, size_t len)
{
	unsigned int v;
	size_t i;

	if (!usable) {
		snprintf(err, len, "no usable CPU");
		return -EINVAL;
	}
	if (!o->nr_cpu_counts) {
		for (v = 1; v < usable && o->nr_cpu_counts < LS_MAX_CPU_COUNTS - 1; v *= 2)
			o->cpu_counts[o->nr_cpu_counts++] = v;
		o->cpu_counts[o->nr_cpu_counts++] = usable;
		return 0;
	}
	for (i = 0; i < o->nr_cpu_counts; i++) {
		if (o->cpu_counts[i] > usable) {
			snprintf(err, len, "--cpus %u: only %u CPUs are usable", o->cpu_counts[i],
				 usable);
			return -EINVAL;
		}
	}
	return 0;
}

size_t ls_sweep_for(const struct ls_run_opts *o, const struct scenario *sc, enum ls_dim dim,
		    unsigned int *vals)
{
	const struct {
		const struct ls_sweep *table, *full;
		const unsigned int *opt;
		size_t nr_opt;
	} d[] = {
		[LS_DIM_OBJECTS] = { &sc->objects, &sc->objects_full, o->objects, o->nr_objects },
		[LS_DIM_MAPS] = { &sc->maps, &sc->maps_full, o->maps, o->nr_maps },
		[LS_DIM_VALUE_SIZE] = { &sc->value_sizes, &sc->value_sizes, o->value_sizes,
					o->nr_value_sizes },
	};
	/* a list given applies where the whole matrix sweeps, though the default may not */
	const struct ls_sweep *table = (o->full || d[dim].nr_opt) && d[dim].full->n ? d[dim].full
										    : d[dim].table;

	if (!table->n)
		return 0;
	if (d[dim].nr_opt) {
		memcpy(vals, d[dim].opt, d[dim].nr_opt * sizeof(*vals));
		return d[dim].nr_opt;
	}
	memcpy(vals, table->v, table->n * sizeof(*vals));
	return table->n;
}
