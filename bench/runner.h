/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_RUNNER_H
#define LSBENCH_RUNNER_H

#include "opts.h"

/*
 * Runs the selected scenarios with options o; argc/argv are recorded in
 * meta.txt. Returns the process exit status: 0 when every cell ran (ok or
 * unsupported), 1 when a cell failed, 2 for bad input or a machine that
 * cannot run the suite, 130 when interrupted.
 */
int ls_run(struct ls_run_opts *o, int argc, char **argv);

#endif /* LSBENCH_RUNNER_H */
