/* SPDX-License-Identifier: GPL-2.0 */
/* The plan of a run: its cells and their controls. */
#ifndef LSBENCH_PLAN_H
#define LSBENCH_PLAN_H

#include <stdbool.h>
#include "cellrun.h"

struct plan_cell {
	struct ls_cell_key key;
	long control; /* plan index of its control; -1: none */
	long slot; /* its row in the results; -1: not measured yet */
	bool done; /* precise enough, or not ok */
	/* As measured so far, for the extra rounds (ls_plan_next). */
	unsigned int rounds;
	double precision_pct; /* its 95% interval's half-width */
	double spent_s; /* wall time of its rounds, setups and redone rounds included, waits for the
			   CPUs' speed not */
	unsigned int dropped; /* rounds left out (schedule.c), each owed again */
	/* of those, left out before the cell had a row (its first kept round adds them there) */
	unsigned int dropped_unrowed;
	double dropped_unrowed_s;
	/* ls_plan_next's time to precision, kept with what it was weighed from (t is dear) */
	struct {
		double s, precision_pct, spent_s;
		unsigned int rounds;
	} finish;
};

struct plan {
	struct plan_cell *cells;
	size_t n, cap;
	double start_ns;
	size_t measured; /* cell rounds so far, for the estimate */
	double measuring_ns;
	size_t turns_left_out; /* scenario, mode and thread counts not run shared (plan.c) */
};

/* The plan index of the cell key names, added when new; -ENOMEM. */
long ls_plan_add(struct plan *p, const struct ls_cell_key *key);

/*
 * Every cell of the scenarios selected[] marks in ls_scenarios, as o sweeps
 * them, then the control of each. 0 or -ENOMEM.
 */
int ls_plan_build(struct plan *p, const struct ls_run_opts *o, const bool *selected);

/* The most rounds ls_plan_next looks ahead when it weighs a cell's time to precision. */
#define LS_PLAN_HORIZON 100000

/*
 * The cell the next extra round goes to: first a cell owed a round it had
 * left out (schedule.c) before it had o->rounds, whatever left_s where it has
 * none kept (it has no figure else); else, of the cells not done,
 * measured o->rounds times at least and fewer than o->max_rounds, whose
 * interval is still wider than o->precision_pct and whose next round is
 * expected (its rounds' mean wall time) to end within left_s seconds, the
 * one expected to be within o->precision_pct soonest (the rounds its spread
 * so far needs times its mean round, counted past o->max_rounds too), so
 * that a time budget brings as many cells as it can within it and spends the
 * rest on those nearest, the hopeless last; on a tie, the widest interval.
 * The cell measured last (last) only when no other is left, so that one
 * cell's rounds do not follow each other in the machine's drift. -1: none.
 */
long ls_plan_next(struct plan *p, const struct ls_run_opts *o, double left_s, long last);

#endif /* LSBENCH_PLAN_H */
