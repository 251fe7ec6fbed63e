/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lsbench timeline: result sets of many kernels, one per kernel, put in the
 * order of their versions: each cell's figure against the kernel with its
 * interval, and the steps between neighbouring kernels that are significant.
 */
#ifndef LSBENCH_TIMELINE_H
#define LSBENCH_TIMELINE_H

#include <stdio.h>

#define LS_TIMELINE_MAX_KERNELS 32

/* Orders kernel releases by version: 6.1.0-50 < 6.12.117+deb13 < 7.3-amd64 < 7.3.4+deb13. */
int ls_release_cmp(const char *a, const char *b);

/* "X.Y" of a release (6.12 of 6.12.117+deb13-amd64); "?" when it has none. */
void ls_release_series(const char *release, char *buf, size_t size);

int ls_timeline_main(int argc, char **argv);
void ls_timeline_usage(FILE *f);

#endif /* LSBENCH_TIMELINE_H */
