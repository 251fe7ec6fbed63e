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
};

struct plan {
	struct plan_cell *cells;
	size_t n, cap;
	double start_ns;
	size_t measured; /* cell rounds so far, for the estimate */
	double measuring_ns;
};

/* The plan index of the cell key names, added when new; -ENOMEM. */
long ls_plan_add(struct plan *p, const struct ls_cell_key *key);

/*
 * Every cell of the scenarios selected[] marks in ls_scenarios, as o sweeps
 * them, then the control of each. 0 or -ENOMEM.
 */
int ls_plan_build(struct plan *p, const struct ls_run_opts *o, const bool *selected);

#endif /* LSBENCH_PLAN_H */
