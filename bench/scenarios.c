// SPDX-License-Identifier: GPL-2.0
/*
 * The table of scenarios. Controls come before what they control, so a
 * cell's added cost can be shown as soon as it is measured.
 */
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "scenarios.h"

#define SYS_ENTER "tp_btf/sys_enter"

const struct scenario ls_scenarios[] = {
	{
		.name = "task-empty",
		.desc = "control: empty program on sys_enter (the cost of the hook and harness)",
		.map_type = "none",
		.op = "empty",
		.hook = SYS_ENTER,
		.prog = "empty",
		.modes = LS_MODES_ALL,
		.setup = ls_task_setup,
		.teardown = ls_task_teardown,
	},
	{
		.name = "task-get",
		.desc = "bpf_task_storage_get on the current task's existing storage (hit)",
		.map_type = "task_storage",
		.op = "get",
		.hook = SYS_ENTER,
		.prog = "task_get",
		.control = "task-empty",
		.modes = LS_MODES_ALL,
		.expect = LS_EXPECT_HITS,
		.primes = true,
		.setup = ls_task_setup,
		.teardown = ls_task_teardown,
	},
	{
		.name = "task-create-delete",
		.desc = "bpf_task_storage_get with F_CREATE on a task without storage, then delete",
		.map_type = "task_storage",
		.op = "create_delete",
		.hook = SYS_ENTER,
		.prog = "task_create_delete",
		.control = "task-empty",
		.modes = LS_MODES_ALL,
		.expect = LS_EXPECT_CREATES | LS_EXPECT_DELETES,
		.setup = ls_task_setup,
		.teardown = ls_task_teardown,
	},
	{
		.name = "task-hash-get",
		.desc = "control: hash map lookup keyed by thread id (hit)",
		.map_type = "hash",
		.op = "get",
		.hook = SYS_ENTER,
		.prog = "hash_get",
		.control = "task-empty",
		.modes = LS_MODES_ALL,
		.expect = LS_EXPECT_HITS,
		.primes = true,
		.setup = ls_task_setup,
		.teardown = ls_task_teardown,
	},
	{
		.name = "task-hash-update-delete",
		.desc = "control: hash map insert keyed by thread id, then delete",
		.map_type = "hash",
		.op = "create_delete",
		.hook = SYS_ENTER,
		.prog = "hash_update_delete",
		.control = "task-empty",
		.modes = LS_MODES_ALL,
		.expect = LS_EXPECT_CREATES | LS_EXPECT_DELETES,
		.setup = ls_task_setup,
		.teardown = ls_task_teardown,
	},
};

const size_t ls_nr_scenarios = sizeof(ls_scenarios) / sizeof(ls_scenarios[0]);

const struct scenario *ls_scenario_find(const char *name)
{
	size_t i;

	for (i = 0; i < ls_nr_scenarios; i++) {
		if (!strcmp(ls_scenarios[i].name, name))
			return &ls_scenarios[i];
	}
	return NULL;
}

void ls_config_fill(struct ls_config *cfg, const struct cell *c)
{
	cfg->target_tgid = getpid();
	cfg->mode = c->mode;
	cfg->loop_iters = c->loop_iters;
	cfg->trigger_nr = LS_TRIGGER_NR;
	cfg->prime_nr = LS_PRIME_NR;
}
