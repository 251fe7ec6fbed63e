/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What compare tests of a cell: its units (round medians, or run medians when
 * a side has several runs), and their pairing when the two sides' runs
 * alternated in time. The statistics themselves are lib/stats.h's.
 */
#ifndef LSBENCH_CMPSTATS_H
#define LSBENCH_CMPSTATS_H

#include <stdbool.h>
#include <stddef.h>
#include "rset.h"
#include "stats.h"

/* The unit of a comparison. */
enum ls_unit {
	LS_UNIT_ROUND, /* one run a side: each round's median */
	LS_UNIT_RUN, /* several runs on a side: each run's median of its round medians */
	LS_UNIT_PAIR, /* runs alternated in time: the log ratio of each pair of runs */
};

const char *ls_unit_name(enum ls_unit u);

/* A cell's units: the logarithm of each, and its run (index in the set's runs). */
struct ls_units {
	double *logs;
	unsigned int *run;
	size_t n;
};

/*
 * Each unit of u less the unit of its control (ctl: the control cell's units, by the same
 * rule) of the same run and, by rounds, the same place among that run's rounds: the log of
 * the cell's ns over its control's, measured close in time. Units without one are dropped.
 * 0 or -ENOMEM (u unchanged).
 */
int ls_units_over(struct ls_units *u, const struct ls_units *ctl);

/* The runs a cell's rounds come from. */
unsigned int ls_cell_nr_runs(const struct ls_rcell *c);

/* A cell's units by round or by run; 0, -EINVAL (a cell without rounds) or -ENOMEM. */
int ls_cell_units(const struct ls_rcell *c, bool by_run, struct ls_units *u);
void ls_units_free(struct ls_units *u);

/*
 * Whether the runs of two sets alternate in time (meta.txt's started_utc):
 * as many on each side (2 or more), and sorted by start each pair of the
 * i-th runs started before either (i+1)-th. slot_a[run] and slot_b[run] get
 * each run's rank in time when they do.
 */
bool ls_runs_alternate(const struct ls_rset *a, const struct ls_rset *b, int *slot_a, int *slot_b);

/*
 * Ranks the runs of a set by start (by the order given where a run lacks
 * started_utc), into slot[run].
 */
void ls_runs_rank(const struct ls_rset *s, int *slot);

/*
 * The pairs of units whose runs share a slot, into la and lb (each holding
 * the smaller n): returns how many.
 */
size_t ls_units_pair(const struct ls_units *a, const int *slot_a, const struct ls_units *b,
		     const int *slot_b, double *la, double *lb);

#endif /* LSBENCH_CMPSTATS_H */
