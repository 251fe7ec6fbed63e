/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lsbench timeline: result sets of many kernels, one per kernel, put in the
 * order of their versions: each cell's figure against the kernel with its
 * interval, and the steps between neighbouring kernels that are significant.
 */
#ifndef LSBENCH_TIMELINE_H
#define LSBENCH_TIMELINE_H

#include "compare.h"

#define LS_TIMELINE_MAX_KERNELS 32

/* Orders kernel releases by version: 6.1.0-50 < 6.12.117+deb13 < 7.3-amd64 < 7.3.4+deb13. */
int ls_release_cmp(const char *a, const char *b);

/* "X.Y" of a release (6.12 of 6.12.117+deb13-amd64); "?" when it has none. */
void ls_release_series(const char *release, char *buf, size_t size);

/* lsbench timeline's settings, as its table (ls_timeline_cmd) parses them. */
struct ls_timeline_args {
	const char *out; /* the folder of timeline.csv, steps.csv, timeline.md and plots/ */
	struct ls_cmp_opts opts; /* the rule each step is judged by */
};

extern const struct ls_cli_cmd ls_timeline_cmd;

/* `lsbench timeline`, argv after the command name. Returns the exit status. */
int ls_timeline_main(int argc, char **argv);

#endif /* LSBENCH_TIMELINE_H */
