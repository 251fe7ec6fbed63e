/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The instrumentation window: what the measured repetitions of a cell span
 * beside its operations. Perf counters of the producers, the program's run
 * statistics, the BPF-side histograms and, with --profile, perf record.
 */
#ifndef LSBENCH_WINDOW_H
#define LSBENCH_WINDOW_H

#include <stdbool.h>
#include <bpf/bpf.h>
#include "perf.h"
#include "profile.h"
#include "results.h"

struct ls_window {
	struct ls_perf_totals perf;
	struct bpf_prog_info info;
	bool info_ok;
	struct ls_hist *op0, *timer0; /* the BPF histograms as the window opened */
	struct ls_profile prof;
};

/* What the instrumentation needs of the producers: their counters and CPUs. */
struct ls_window_src {
	const struct cell *cell;
	const struct ls_perf *perf; /* [cell->threads] */
	const int *cpus; /* [cell->threads] */
};

void ls_window_begin(const struct ls_window_src *src, struct ls_window *w);

/* Closes the window into row: counters, run statistics, histograms, profile. */
void ls_window_end(const struct ls_window_src *src, struct ls_window *w, struct ls_row *row);

/* The program's info (run counts, recursion misses); false when it cannot be read. */
bool ls_prog_info(int fd, struct bpf_prog_info *info);

#endif /* LSBENCH_WINDOW_H */
