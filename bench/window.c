// SPDX-License-Identifier: GPL-2.0
/* The instrumentation window of a cell's measured repetitions. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bpfutil.h"
#include "window.h"

/*
 * The BPF histogram at fd now, less what it held at the start (before); NULL
 * if not kept. The BPF side keeps counts only: the max is the top of the
 * highest bucket counted.
 */
static struct ls_hist *bpf_hist_since(int fd, const struct ls_hist *before)
{
	struct ls_hist *h;
	uint64_t lo, hi;
	unsigned int i;

	if (fd < 0 || !before)
		return NULL;
	h = calloc(1, sizeof(*h));
	if (!h || ls_bpf_hist_read(fd, h)) {
		free(h);
		return NULL;
	}
	h->total = h->max = 0;
	for (i = 0; i < LS_HIST_BUCKETS; i++) {
		h->count[i] -= before->count[i];
		h->total += h->count[i];
		if (h->count[i]) {
			ls_hist_bounds(i, &lo, &hi);
			h->max = hi;
		}
	}
	return h;
}

static struct ls_hist *bpf_hist_now(int fd)
{
	static const struct ls_hist zero;

	return bpf_hist_since(fd, &zero);
}

bool ls_prog_info(int fd, struct bpf_prog_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return fd >= 0 && !bpf_obj_get_info_by_fd(fd, info, &len);
}

static void profile_stop(struct ls_window *w, struct ls_row *row)
{
	int n;

	row->profile = calloc(LS_PROFILE_TOP, sizeof(*row->profile));
	if (!row->profile)
		return;
	n = ls_profile_stop(&w->prof, row->profile, LS_PROFILE_TOP);
	row->nr_profile = n > 0 ? n : 0;
}

void ls_window_begin(const struct ls_window_src *src, struct ls_window *w)
{
	const struct cell *c = src->cell;

	ls_perf_read(src->perf, c->threads, &w->perf);
	w->info_ok = c->stats_fd >= 0 && ls_prog_info(c->prog_fd, &w->info);
	w->op0 = c->time_ops ? bpf_hist_now(c->op_hist_fd) : NULL;
	w->timer0 = c->time_ops ? bpf_hist_now(c->timer_hist_fd) : NULL;
	w->prof.pid = 0;
	if (c->profile && ls_profile_start(&w->prof, src->cpus, c->threads))
		fprintf(stderr, "lsbench: cannot start perf record: %s\n", strerror(errno));
}

void ls_window_end(const struct ls_window_src *src, struct ls_window *w, struct ls_row *row)
{
	const struct cell *c = src->cell;
	struct ls_perf_totals now;
	struct bpf_prog_info info;

	row->bpf_hist = bpf_hist_since(c->op_hist_fd, w->op0);
	row->bpf_timer_hist = bpf_hist_since(c->timer_hist_fd, w->timer0);
	free(w->op0);
	free(w->timer0);
	if (c->profile)
		profile_stop(w, row);
	ls_perf_read(src->perf, c->threads, &now);
	ls_perf_delta(&w->perf, &now, &row->perf);
	if (w->info_ok && ls_prog_info(c->prog_fd, &info)) {
		row->bpf_stats = true;
		row->bpf_run_cnt = info.run_cnt - w->info.run_cnt;
		row->bpf_run_time_ns = info.run_time_ns - w->info.run_time_ns;
	}
}
