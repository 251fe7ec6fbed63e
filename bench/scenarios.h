/* SPDX-License-Identifier: GPL-2.0 */
/* Setup and teardown of each map type's scenarios, and what they share. */
#ifndef LSBENCH_SCENARIOS_H
#define LSBENCH_SCENARIOS_H

#include "scenario.h"

/* The syscalls the producers issue: one to prime, then one per trigger. */
#define LS_PRIME_NR __NR_getppid
#define LS_TRIGGER_NR __NR_getpgid

/* Writes the cell's settings into an object's .rodata before load. */
void ls_config_fill(struct ls_config *cfg, const struct cell *c);

int ls_task_setup(struct cell *c);
void ls_task_teardown(struct cell *c);

#endif /* LSBENCH_SCENARIOS_H */
