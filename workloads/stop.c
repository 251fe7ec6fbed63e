// SPDX-License-Identifier: GPL-2.0
/* The flag that stops the bulk generators: the runner's interrupt. */
#include "workloads.h"

static const volatile sig_atomic_t *stop_flag;

void ls_workloads_stop_on(const volatile sig_atomic_t *flag)
{
	stop_flag = flag;
}

bool ls_workloads_stopped(void)
{
	return stop_flag && *stop_flag;
}
