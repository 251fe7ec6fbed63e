// SPDX-License-Identifier: GPL-2.0
/* perf_event_open counters on the producer threads. */
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/perf_event.h>
#include "perf.h"

static const struct {
	const char *name;
	__u32 type;
	__u64 config;
} events[LS_PERF_NR] = {
	[LS_PERF_CYCLES] = { "cycles", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CPU_CYCLES },
	[LS_PERF_INSTRUCTIONS] = { "instructions", PERF_TYPE_HARDWARE, PERF_COUNT_HW_INSTRUCTIONS },
	[LS_PERF_CACHE_MISSES] = { "cache_misses", PERF_TYPE_HARDWARE, PERF_COUNT_HW_CACHE_MISSES },
	[LS_PERF_BRANCH_MISSES] = { "branch_misses", PERF_TYPE_HARDWARE,
				    PERF_COUNT_HW_BRANCH_MISSES },
	[LS_PERF_TASK_CLOCK] = { "task_clock_ns", PERF_TYPE_SOFTWARE, PERF_COUNT_SW_TASK_CLOCK },
	[LS_PERF_CONTEXT_SWITCHES] = { "context_switches", PERF_TYPE_SOFTWARE,
				       PERF_COUNT_SW_CONTEXT_SWITCHES },
	[LS_PERF_CPU_MIGRATIONS] = { "cpu_migrations", PERF_TYPE_SOFTWARE,
				     PERF_COUNT_SW_CPU_MIGRATIONS },
	[LS_PERF_PAGE_FAULTS] = { "page_faults", PERF_TYPE_SOFTWARE, PERF_COUNT_SW_PAGE_FAULTS },
};

const char *ls_perf_name(enum ls_perf_counter c)
{
	return events[c].name;
}

void ls_perf_open_self(struct ls_perf *p)
{
	int i;

	for (i = 0; i < LS_PERF_NR; i++) {
		struct perf_event_attr attr = {
			.size = sizeof(attr),
			.type = events[i].type,
			.config = events[i].config,
		};

		/* this thread, any CPU; kernel and user time alike */
		p->fd[i] = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
	}
}

void ls_perf_close(struct ls_perf *p)
{
	int i;

	for (i = 0; i < LS_PERF_NR; i++) {
		if (p->fd[i] >= 0)
			close(p->fd[i]);
		p->fd[i] = -1;
	}
}

void ls_perf_read(const struct ls_perf *p, unsigned int n, struct ls_perf_totals *t)
{
	unsigned int k;
	int i;

	memset(t, 0, sizeof(*t));
	for (i = 0; i < LS_PERF_NR; i++)
		t->avail[i] = n > 0;
	for (k = 0; k < n; k++) {
		for (i = 0; i < LS_PERF_NR; i++) {
			__u64 v;

			if (p[k].fd[i] < 0 || read(p[k].fd[i], &v, sizeof(v)) != sizeof(v))
				t->avail[i] = false;
			else
				t->v[i] += v;
		}
	}
}

void ls_perf_delta(const struct ls_perf_totals *a, const struct ls_perf_totals *b,
		   struct ls_perf_totals *d)
{
	int i;

	for (i = 0; i < LS_PERF_NR; i++) {
		d->avail[i] = a->avail[i] && b->avail[i];
		d->v[i] = d->avail[i] ? b->v[i] - a->v[i] : 0;
	}
}
