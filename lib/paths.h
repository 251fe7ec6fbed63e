/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_PATHS_H
#define LSBENCH_PATHS_H

#include <stdbool.h>

/* mkdir -p: 0, or -errno of the first component that could not be made. */
int ls_mkdir_p(const char *path);

/* Where temporary folders go: $TMPDIR when set and not empty, else /tmp. */
const char *ls_tmpdir(void);

/*
 * The number the first line of the file at path that fmt reads (one %lf:
 * "btime %lf" for /proc/stat) holds; 0 when none does or it cannot be read.
 */
double ls_file_scan(const char *path, const char *fmt);

/* Whether a revision (git describe --dirty) has uncommitted changes. */
bool ls_rev_dirty(const char *rev);

#endif
