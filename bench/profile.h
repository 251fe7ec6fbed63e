/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --profile: perf record -e cpu-clock -g on the producers' CPUs while a cell
 * is measured, reduced to its top kernel symbols and their share.
 */
#ifndef LSBENCH_PROFILE_H
#define LSBENCH_PROFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#define LS_PROFILE_TOP 20

struct ls_sym {
	char name[128];
	double pct; /* share of the samples on those CPUs, % */
};

struct ls_profile {
	pid_t pid; /* perf record, or 0 */
	char data[64]; /* its output file */
};

/* True when perf(1) can be run. */
bool ls_profile_available(void);

/* Starts perf record on cpus[0..n). Returns 0 or -errno. */
int ls_profile_start(struct ls_profile *p, const int *cpus, unsigned int n);

/*
 * Stops perf record, keeps up to max kernel symbols by share in syms and
 * removes the data. Returns how many, or -errno. Safe when not started.
 */
int ls_profile_stop(struct ls_profile *p, struct ls_sym *syms, size_t max);

/* Parses perf report --stdio lines ("  12.02%  [k] name"): kernel symbols only. */
int ls_profile_parse(const char *text, struct ls_sym *syms, size_t max);

#endif /* LSBENCH_PROFILE_H */
