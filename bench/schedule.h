/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The schedule of a run: which cells, in which order, how many rounds. Each
 * round measures every cell still owed one, in an order shuffled afresh, so
 * the machine's drift spreads over all cells; controls are cells of the plan
 * like the others, with the owners, threads and sharing of what they control.
 */
#ifndef LSBENCH_SCHEDULE_H
#define LSBENCH_SCHEDULE_H

#include <stdbool.h>
#include "cellrun.h"

/* Measures the selected scenarios in rounds into res. Returns 0, or -errno
 * when results cannot be written. */
int ls_schedule_run(const struct ls_run_opts *o, const bool *selected, const int *cpus,
		    struct ls_results *res);

/* The seed the run's shuffles use: o's, or one from the clock. */
unsigned long long ls_schedule_seed(const struct ls_run_opts *o);

#endif /* LSBENCH_SCHEDULE_H */
