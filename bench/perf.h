/* SPDX-License-Identifier: GPL-2.0 */
/*
 * perf_event_open counters on the producer threads: hardware where the PMU
 * has them, software always. A counter the machine lacks stays unavailable
 * and its CSV cells empty, never 0.
 */
#ifndef LSBENCH_PERF_H
#define LSBENCH_PERF_H

#include <stdbool.h>
#include <linux/types.h>

enum ls_perf_counter {
	LS_PERF_CYCLES,
	LS_PERF_INSTRUCTIONS,
	LS_PERF_CACHE_MISSES,
	LS_PERF_BRANCH_MISSES,
	LS_PERF_TASK_CLOCK,
	LS_PERF_CONTEXT_SWITCHES,
	LS_PERF_CPU_MIGRATIONS,
	LS_PERF_PAGE_FAULTS,
	LS_PERF_NR,
};

/* One thread's counters: fds, -1 where the event cannot be opened. */
struct ls_perf {
	int fd[LS_PERF_NR];
};

/* Totals over a window, summed over threads; avail[i] false: not counted. */
struct ls_perf_totals {
	__u64 v[LS_PERF_NR];
	bool avail[LS_PERF_NR];
};

const char *ls_perf_name(enum ls_perf_counter c);

/* Opens the counters for the calling thread. */
void ls_perf_open_self(struct ls_perf *p);
void ls_perf_close(struct ls_perf *p);

/* Reads the current values of n threads' counters. */
void ls_perf_read(const struct ls_perf *p, unsigned int n, struct ls_perf_totals *t);

/* d = b - a, for counters available in both. */
void ls_perf_delta(const struct ls_perf_totals *a, const struct ls_perf_totals *b,
		   struct ls_perf_totals *d);

#endif /* LSBENCH_PERF_H */
