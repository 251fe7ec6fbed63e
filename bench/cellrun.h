/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One round of one cell: set it up afresh, start pinned producers, drop the
 * warm-up, sample the repetitions (redoing those a producer spent off its
 * CPU), stop, cross-check the counters and tear everything down.
 */
#ifndef LSBENCH_CELLRUN_H
#define LSBENCH_CELLRUN_H

#include <signal.h>
#include "opts.h"
#include "results.h"

/* What tells one cell of a scenario from the others. */
struct ls_cell_key {
	const struct scenario *sc;
	enum ls_mode mode;
	unsigned int threads;
	unsigned int objects;
	unsigned int maps;
	unsigned int value_size;
	enum ls_sharing sharing;
};

/* A producer on its CPU for less than this share of a repetition was disturbed. */
#define LS_ONCPU_MIN 0.95
/*
 * A repetition spans at least this many triggers, so that a trigger's
 * operations, counted only when it completes (loop mode: loop_iters of them),
 * cannot move its figure by more than 2% where the clock times it; it is
 * drawn out, -d at a time, up to LS_REP_STRETCH_MAX times -d, until it does.
 * Timed between trigger ends (trigtime.h), it holds whole triggers anyway,
 * and more of them average more of the deferred work a trigger leaves.
 */
#define LS_REP_MIN_TRIGGERS 50
#define LS_REP_STRETCH_MAX 10
/*
 * Timed between trigger ends, a repetition starts at each producer's first
 * trigger end after it began: the runner first looks this share of -d in,
 * then at every -d.
 */
#define LS_REP_START_SHARE 0.1
/* Repetitions a round may redo, per repetition asked, before it keeps what it has. */
#define LS_REDO_MAX 3

/* Set by the signal handler: the run stops as soon as it can. */
extern volatile sig_atomic_t ls_interrupted;

/* Sleeps for s seconds unless ls_interrupted is set first. */
void ls_sleep_s(double s);

/* The warm-up and the repetition of a cell of scenario sc, in seconds (opts.h). */
double ls_cell_warmup_s(const struct scenario *sc, const struct ls_run_opts *o);
double ls_cell_duration_s(const struct scenario *sc, const struct ls_run_opts *o);

/*
 * Measures one round of the cell key names, on CPUs cpus[0..threads), with
 * o's timings and instrumentation, into row (initialized here; its reps are
 * numbered round 1, the caller renumbers).
 */
void ls_cell_round(const struct ls_cell_key *key, const struct ls_run_opts *o, const int *cpus,
		   struct ls_row *row);

/* Frees what a round's row holds. */
void ls_row_release(struct ls_row *row);

#endif /* LSBENCH_CELLRUN_H */
