/* SPDX-License-Identifier: GPL-2.0 */
#ifndef LSBENCH_WATCHDOG_H
#define LSBENCH_WATCHDOG_H

/*
 * A run that stops making progress says where, instead of hanging until
 * something outside kills it. The runner beats at each step of a cell (set
 * up, each sampling slice, tear down); when no beat comes for stall_s
 * seconds the watchdog prints the step, the cell and, per thread, its state,
 * wait channel and kernel stack, then ends the process with status 1 (the
 * next run cleans what it left, and says so).
 */
int ls_watchdog_start(double stall_s);
void ls_watchdog_stop(void);
/* step and cell are copied; cell NULL keeps the current one. */
void ls_watchdog_beat(const char *step, const char *cell);

#endif /* LSBENCH_WATCHDOG_H */
