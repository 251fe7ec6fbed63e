/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_OPTS_H
#define LSBENCH_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "cli.h"
#include "scenario.h"

#define LS_MAX_GLOBS 64
#define LS_MAX_LIST 64
#define LS_MAX_CPU_COUNTS LS_MAX_LIST
#define LS_MAX_OBJECTS 1000000
#define LS_MAX_MAPS 1000 /* as the BPF side's arrays of maps */

/*
 * Defaults: short rounds, many of them. The round, a setup of its own, is the
 * unit of evidence: its repetitions only show the spread within it, so a
 * round keeps three, short ones (the spread within a round does not grow with
 * them shorter), and the time goes to more rounds where the interval is wide
 * (first where it buys a cell its precision soonest, plan.h), up to twenty.
 * Three, not two: a round's figure is its repetitions' median, and of two that
 * is their mean, which one repetition a virtual CPU lost time in (unseen by
 * the guest, 7% of a busy host's rounds) moves by half its slip.
 */
#define LS_DEF_WARMUP_S 0.02
#define LS_DEF_DURATION_S 0.02
/* Under icount, unless -w, -d, -r or --quick: a deferred-free cell's warm-up and repetition. */
#define LS_ICOUNT_DEFERRED_WARMUP_S 0.5
#define LS_ICOUNT_DEFERRED_DURATION_S 2.0
#define LS_DEF_REPETITIONS 3
#define LS_DEF_ROUNDS 3
#define LS_DEF_MAX_ROUNDS 20
#define LS_DEF_PRECISION_PCT 2.0
#define LS_DEF_STALL_S 600
#define LS_DEF_LOOP_ITERS 10000 /* as the kernel's bench */
#define LS_MAX_LABEL 64

/* Settings of `lsbench run`, as parsed and checked. */
struct ls_run_opts {
	const char *globs[LS_MAX_GLOBS];
	size_t nr_globs;
	double warmup_s;
	double duration_s;
	unsigned int repetitions; /* per round */
	unsigned int rounds; /* independent setups per cell, at least */
	unsigned int max_rounds; /* ... at most, while the cell is less precise than asked */
	bool rounds_set, max_rounds_set;
	bool timing_set; /* -w, -d or -r given */
	/*
	 * A cell whose deletes free through RCU (ls_scenario_defers_frees): its
	 * warm-up and repetition at least this long; 0: as the others'. Set
	 * under icount (runner.c), where the others' 0.02 s, stretched to 0.2 s
	 * by the triggers a repetition needs, spans a grace period or two.
	 */
	double deferred_warmup_s, deferred_duration_s;
	double precision_pct; /* target half-width of a cell's 95% interval */
	double stall_s; /* the watchdog's limit without progress; 0: off */
	bool stall_set;
	double time_budget_s; /* no round starts after this many seconds; 0: no limit */
	unsigned long long seed; /* of the rounds' shuffles */
	bool seed_set;
	unsigned int cpu_counts[LS_MAX_CPU_COUNTS]; /* producer threads per cell */
	size_t nr_cpu_counts; /* 0: 1 and every power of two up to all usable CPUs */
	/* Sweeps for the scenarios that have them; an empty one: each scenario's own. */
	unsigned int objects[LS_MAX_LIST]; /* owner counts */
	size_t nr_objects;
	unsigned int maps[LS_MAX_LIST]; /* local-storage maps per owner */
	size_t nr_maps;
	unsigned int value_sizes[LS_MAX_LIST]; /* bytes per value: 8, 64, 4096 */
	size_t nr_value_sizes;
	unsigned int modes; /* LS_MODE_BIT()s */
	unsigned int sharings; /* LS_SHARING_BIT()s, for scenarios that can run both */
	bool sharings_set; /* --sharing given */
	unsigned int loop_iters;
	const char *output; /* results root */
	const char *label; /* tells two builds of one release apart: <release>-<label>; NULL: none
			    */
	bool quick;
	bool full; /* the whole matrix: every scenario and every sweep's every value */
	bool bpf_stats; /* read the programs' run statistics (BPF_ENABLE_STATS) */
	bool latency; /* time every trigger into a histogram while measuring */
	bool bpf_latency; /* time an operation per trigger inside BPF (bpf_ktime_get_ns) */
	bool perf; /* perf_event_open counters on the producers */
	bool overhead; /* measure each cell a second time with all of the above off */
	bool profile; /* perf record each cell, keeping its top kernel symbols */
	/* Power trials only: each BPF operation run again on this many of every 100; 0: off. */
	unsigned int slowdown_pct;
	bool verbose;
};

/* `lsbench run`: its options, a table that `lsbench vm` includes as a child. */
extern const struct ls_cli_opt ls_run_cli_opts[];
extern const struct ls_cli_cmd ls_run_cmd;

/*
 * Parses the arguments after `run` (argv[0] is `run`). Returns 0,
 * LS_CLI_HELP, or -EINVAL with a one-line message in err. Nothing is checked
 * against the machine here.
 */
int ls_run_opts_parse(int argc, char **argv, struct ls_run_opts *o, char *err, size_t len);

/*
 * Marks in selected[] the scenarios of table[0..n) that a glob names (all
 * with no globs). Returns the number selected, or -ENOENT with the first
 * glob that matches nothing in err.
 */
int ls_select(const struct scenario *table, size_t n, const struct ls_run_opts *o, bool *selected,
	      char *err, size_t len);

enum ls_dim {
	LS_DIM_OBJECTS,
	LS_DIM_MAPS,
	LS_DIM_VALUE_SIZE,
};

/*
 * The values of one dimension to run scenario sc with: the option's list,
 * else the scenario's own sweep (with --full its whole one); 0 when it has none (then: one
 * owner per thread, one map, 8-byte values). Returns how many.
 */
size_t ls_sweep_for(const struct ls_run_opts *o, const struct scenario *sc, enum ls_dim dim,
		    unsigned int *vals);

/* Fills the default thread counts when none were given; -EINVAL if one exceeds usable. */
int ls_cpu_counts_resolve(struct ls_run_opts *o, unsigned int usable, char *err, size_t len);

#endif /* LSBENCH_OPTS_H */
