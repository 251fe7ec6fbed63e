/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_RESULTS_H
#define LSBENCH_RESULTS_H

#include <limits.h>
#include <stdbool.h>
#include "scenario.h"
#include "stats.h"
#include "sysinfo.h"
#include "perf.h"
#include "hist.h"
#include "profile.h"
#include "rounds.h"
#include "disturb.h"

#define LS_SCHEMA_VERSION 3

/* One measured repetition of a cell: its operations over its seconds. */
struct ls_rep {
	__u64 ops;
	double secs;
	bool trigger_timed; /* timed between trigger ends (trigtime.h), else by the clock */
	unsigned int round; /* 1.. */
	struct ls_noise noise; /* what disturbed its round */
};

/* What one cell measured: a summary.csv row. */
struct ls_row {
	const struct scenario *sc;
	enum ls_mode mode;
	unsigned int threads;
	unsigned int nr_maps;
	unsigned int nr_objects;
	unsigned int value_size;
	enum ls_sharing sharing;
	unsigned int loop_iters;
	unsigned int repetitions; /* per round, as asked */
	double duration_s;
	unsigned int rounds; /* rounds measured */
	unsigned int round_ids; /* rounds numbered so far: one left out late leaves its number */
	unsigned int nr_reps; /* repetitions kept, over all rounds */
	unsigned int reps_discarded; /* redone because a producer was kept off its CPU */
	struct ls_noise noise; /* a round's: what disturbed it (ls_cell_round) */
	unsigned int rounds_disturbed; /* rounds kept though disturbed (disturb.h) */
	unsigned int rounds_redone; /* rounds measured again because they were disturbed */
	unsigned int rounds_dropped; /* rounds left out: still slow when measured again, or late */
	char disturbed_why[128]; /* the last disturbed round kept: which, and why */
	double wall_s; /* wall time of its rounds: setups, redone rounds and teardowns included */
	double setup_s, measure_s, teardown_s; /* a round's (ls_cell_round): where its time went */
	double speed_wait_s; /* of a round's measure_s: waiting for its CPUs' speed (cellrun.c) */
	/* a round's waits for its CPUs' speed, and those that ended with a CPU still slow */
	unsigned int speed_waits, speed_waits_slow;
	struct ls_round_stats ns_rs; /* ns per op over rounds, from reps */
	long control; /* index of the control's row in the results; -1: none */
	bool census; /* maps of the cell's type were counted machine-wide */
	unsigned int type_maps_alive, foreign_maps;
	unsigned int cache_slots; /* distinct cache slots of its maps, fewest of its rounds; 0
				     unread */
	enum ls_status status;
	char reason[256];
	struct ls_counters cnt; /* whole cell, warm-up included, as cross-checked */
	__u64 ops; /* operations in the measured repetitions */
	struct ls_summary ops_per_sec; /* across repetitions, all threads */
	struct ls_summary ns_per_op; /* across repetitions, per thread */
	struct ls_perf_totals perf; /* producers' counters over the measured repetitions */
	bool bpf_stats; /* the program's run statistics were read */
	bool bpf_misses_ok; /* recursion misses were read */
	__u64 bpf_misses; /* runs the program skipped as recursion on a CPU, whole cell */
	__u64 bpf_run_cnt; /* runs of the program over the measured repetitions */
	__u64 bpf_run_time_ns;
	struct ls_hist *hist; /* per-trigger latency, owned by the caller; NULL: not taken */
	struct ls_rep *reps; /* [nr_reps] when ok; NULL: none */
	struct ls_sym *profile; /* top kernel symbols (--profile), the caller's; NULL: none */
	size_t nr_profile;
	struct ls_hist *bpf_hist; /* per-operation latency timed in BPF, the caller's; NULL: none */
	struct ls_hist *bpf_timer_hist; /* empty timed regions in BPF, the caller's */
	double timer_ns; /* what timing one trigger costs */
	/* Filled from hist by ls_results_add. */
	bool lat;
	double lat_p50, lat_p90, lat_p99, lat_p999;
	__u64 lat_max, lat_samples;
	bool bare; /* measured a second time without instrumentation (--overhead) */
	double bare_ns_per_op; /* those measurements' median, over rounds */
	double bare_sum; /* of the bare rounds' medians */
	unsigned int bare_rounds;
	double bytes_per_elem; /* slab growth per storage element primed, or NAN */
	/* Filled from bpf_hist and bpf_timer_hist by ls_results_add. */
	bool bpf_lat;
	double bpf_lat_p50, bpf_lat_p90, bpf_lat_p99, bpf_lat_p999, bpf_timer_ns;
	__u64 bpf_lat_max, bpf_lat_samples;
};

/* Where a run's wall time went, in seconds (meta.txt time_split:). */
struct ls_time_split {
	double setup_s; /* waiting for earlier cells' maps freed; programs, maps, owners made */
	double measure_s; /* warm-ups, repetitions and the speed probes beside them, but waits */
	double kept_s; /* of measure_s: the repetitions kept, their measured windows */
	double teardown_s; /* owners, maps and programs undone, the process's threads reaped */
	double redone_s; /* the first go of rounds measured again for a disturbance, whole, and a
			    round an interruption cut off */
	double speed_wait_s; /* waiting for the CPUs' speed to come back: within a round, before its
				next repetition, and before a round is measured again */
	double write_s; /* summary.csv and the rest written */
	/* the waits of speed_wait_s, and those that ended with a CPU still slow */
	unsigned int speed_waits, speed_waits_slow;
};

/* A run's results folder and the rows written to it so far. */
struct ls_results {
	char dir[PATH_MAX];
	char run_id[192];
	char started[32];
	char cmdline[4096];
	const struct ls_sysinfo *si;
	char label[72]; /* lsbench run --label; "": none */
	bool bpf_stats; /* run statistics enabled while measuring */
	char rounds_desc[256]; /* how rounds are scheduled, for meta.txt */
	unsigned long long measure_key; /* ls_measure_key() of the run's options */
	/* What makes the run a trial, not a benchmark (a slowdown, a fault); empty: none. */
	char trial[128];
	const char *speed_probe; /* what the speed probe times (speed.h), once chosen */
	/* the kernel's CRNG (crng.h): checked, seeded at the start, else the seconds waited */
	bool crng_checked, crng_was_ready;
	double crng_wait_s;
	unsigned long long pid_start; /* this process's start, ticks after boot (meta.txt pid:) */
	char boot_id[64];
	struct ls_row *rows;
	size_t nr_rows;
	size_t cap_rows;
	double start_ns; /* ls_now_ns() at ls_results_create */
	struct ls_time_split spent;
	char split[320]; /* the time split meta.txt holds, as last written */
	struct ls_buf *hist_csv; /* every histogram so far, written to hist.csv.gz at the end */
	struct ls_buf *reps_csv; /* every repetition so far, rewritten with summary.csv */
	struct ls_buf *profile_csv; /* every profile so far, rewritten with summary.csv */
};

/*
 * The folder of a kernel's runs under the results root: its release, and
 * -label when a label tells builds of one release apart (NULL: none), made
 * one path component.
 */
void ls_results_set_folder(char *buf, size_t len, const char *release, const char *label);

/*
 * Creates <root>/<kernel>[-<label>]/<UTC time>-<host>/ and its meta.txt
 * (label NULL: none). Returns 0 or -errno with a one-line message in err.
 */
int ls_results_create(struct ls_results *r, const char *root, const char *label,
		      const struct ls_sysinfo *si, bool bpf_stats, int argc, char **argv, char *err,
		      size_t len);

/*
 * The index of the row with keys' cell keys (scenario, mode, threads, maps,
 * owners, value size, sharing), appended as a copy of keys when there is
 * none; -ENOMEM. The results own what their rows hold.
 */
long ls_results_slot(struct ls_results *r, const struct ls_row *keys);

/*
 * Where the run's wall time went so far (meta.txt's time_split: line): "wall
 * W s: setup S s, measuring M s (repetitions kept K s), ...".
 */
void ls_time_split_desc(const struct ls_results *r, char *buf, size_t len);

/*
 * Rewrites summary.csv atomically with every row, and with texts reps.csv and
 * profile.csv too (ls_results_finish writes them all, and hist.csv.gz).
 */
int ls_results_write(struct ls_results *r, bool texts);

/*
 * Writes a text kept in memory (b; nothing when NULL or empty) to the file
 * name in the run's folder, atomically: compressed with gzip when gz, plain
 * otherwise, whatever the name. 0 or -errno.
 */
int ls_results_write_text(const struct ls_results *r, const char *name, const struct ls_buf *b,
			  bool gz);

/* Sets the row of row's keys to row (taking what it holds) and writes. */
int ls_results_add(struct ls_results *r, const struct ls_row *row);

/*
 * The cell's cost above its control (row->control), measured in the same
 * rounds with the same owners, threads and sharing; NAN when there is none
 * or either is not ok.
 */
double ls_results_added_ns(const struct ls_results *r, const struct ls_row *row);

/*
 * The scenario of the cell's control: the row the scheduler measured beside
 * it (row->control) in its mode and threads, whatever its status; NULL when
 * there is none (on a control, or on a cell without one).
 */
const char *ls_results_control_name(const struct ls_results *r, const struct ls_row *row);

/*
 * Scaling efficiency: the cell's throughput over threads times that of the
 * same cell with one thread in this run (1 for one thread), or NAN.
 */
double ls_results_scaling(const struct ls_results *r, const struct ls_row *row);

/* Rewrites meta.txt with the run's end state: complete, or partial with why. */
int ls_results_finish(struct ls_results *r, const char *state);

/* Removes the folder and what the run wrote in it. */
void ls_results_remove(struct ls_results *r);

void ls_results_free(struct ls_results *r);

/* Builds summary.csv's text for rows (header included) into b. Exposed for tests. */
struct ls_buf;
void ls_summary_csv(const struct ls_results *r, struct ls_buf *b);

#endif /* LSBENCH_RESULTS_H */
