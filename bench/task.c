// SPDX-License-Identifier: GPL-2.0
/* Task storage scenarios and their controls: the task BPF object's glue. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <bpf/libbpf.h>
#include "bpfutil.h"
#include "scenarios.h"
#include "task.skel.h"

#ifndef BPF_MAP_TYPE_TASK_STORAGE_ID
#define BPF_MAP_TYPE_TASK_STORAGE_ID 29 /* BPF_MAP_TYPE_TASK_STORAGE, kernel 5.11 */
#endif

int ls_task_setup(struct cell *c)
{
	struct task_bpf *skel;

	if (!ls_map_type_check(c, BPF_MAP_TYPE_TASK_STORAGE_ID, "task_storage"))
		return -EOPNOTSUPP;
	skel = task_bpf__open();
	if (!skel) {
		c->status = LS_FAILED;
		snprintf(c->reason, sizeof(c->reason), "cannot open the task BPF object: %s",
			 strerror(errno));
		return -errno;
	}
	c->skel = skel;
	ls_config_fill((struct ls_config *)&skel->rodata->cfg, c);
	return ls_obj_load_attach(c, skel->obj);
}

void ls_task_teardown(struct cell *c)
{
	bpf_link__destroy(c->link);
	c->link = NULL;
	task_bpf__destroy(c->skel);
	c->skel = NULL;
}
