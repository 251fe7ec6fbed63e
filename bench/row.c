// SPDX-License-Identifier: GPL-2.0
/* A cell's row over its rounds. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "row.h"

static int hist_add(struct ls_hist **into, const struct ls_hist *h)
{
	if (!h)
		return 0;
	if (!*into) {
		*into = calloc(1, sizeof(**into));
		if (!*into)
			return -ENOMEM;
	}
	ls_hist_merge(*into, h);
	return 0;
}

static void perf_add(struct ls_perf_totals *acc, const struct ls_perf_totals *p, bool first)
{
	unsigned int i;

	for (i = 0; i < LS_PERF_NR; i++) {
		acc->avail[i] = (first || acc->avail[i]) && p->avail[i];
		acc->v[i] += p->v[i];
	}
}

/* A running mean of a figure some rounds may lack (NAN). */
static double mean_in(double acc, unsigned int n, double x)
{
	if (isnan(x))
		return acc;
	if (isnan(acc) || !n)
		return x;
	return acc + (x - acc) / (n + 1);
}

static int reps_add(struct ls_row *acc, const struct ls_row *rnd)
{
	struct ls_rep *reps = realloc(acc->reps, (acc->nr_reps + rnd->nr_reps) * sizeof(*reps));
	unsigned int i;

	if (!reps)
		return -ENOMEM;
	acc->reps = reps;
	for (i = 0; i < rnd->nr_reps; i++) {
		reps[acc->nr_reps] = rnd->reps[i];
		reps[acc->nr_reps].noise = rnd->noise;
		reps[acc->nr_reps++].round = acc->round_ids + 1;
	}
	return 0;
}

static void misses_add(struct ls_row *acc, const struct ls_row *rnd)
{
	if (!rnd->bpf_misses_ok)
		return;
	acc->bpf_misses_ok = true;
	acc->bpf_misses += rnd->bpf_misses;
}

static void take_failure(struct ls_row *acc, const struct ls_row *rnd)
{
	acc->status = rnd->status;
	if (rnd->status == LS_UNSUPPORTED || !acc->rounds)
		snprintf(acc->reason, sizeof(acc->reason), "%s", rnd->reason);
	else
		snprintf(acc->reason, sizeof(acc->reason), "round %u: %.200s", acc->round_ids + 1,
			 rnd->reason);
}

static int add_ok_round(struct ls_row *acc, struct ls_row *rnd)
{
	bool first = !acc->rounds;
	int err = reps_add(acc, rnd) ?: hist_add(&acc->hist, rnd->hist) ?:
		hist_add(&acc->bpf_hist, rnd->bpf_hist) ?:
		hist_add(&acc->bpf_timer_hist, rnd->bpf_timer_hist);

	if (err)
		return err;
	ls_counters_add(&acc->cnt, &rnd->cnt);
	acc->ops += rnd->ops;
	perf_add(&acc->perf, &rnd->perf, first);
	acc->bpf_stats = (first || acc->bpf_stats) && rnd->bpf_stats;
	acc->bpf_run_cnt += rnd->bpf_run_cnt;
	acc->bpf_run_time_ns += rnd->bpf_run_time_ns;
	acc->timer_ns = mean_in(acc->timer_ns, acc->rounds, rnd->timer_ns);
	acc->bytes_per_elem = mean_in(acc->bytes_per_elem, acc->rounds, rnd->bytes_per_elem);
	acc->reps_discarded += rnd->reps_discarded;
	if (rnd->noise.disturbed) {
		acc->rounds_disturbed++;
		snprintf(acc->disturbed_why, sizeof(acc->disturbed_why), "round %u: %s",
			 acc->round_ids + 1, rnd->noise.why);
	}
	/* the first round whose profile has samples: perf record may start too late in one */
	if (!acc->nr_profile && rnd->nr_profile) {
		free(acc->profile);
		acc->profile = rnd->profile;
		acc->nr_profile = rnd->nr_profile;
		rnd->profile = NULL;
	}
	if (rnd->census) {
		acc->census = true;
		if (rnd->type_maps_alive > acc->type_maps_alive)
			acc->type_maps_alive = rnd->type_maps_alive;
		if (rnd->foreign_maps > acc->foreign_maps)
			acc->foreign_maps = rnd->foreign_maps;
	}
	if (rnd->cache_slots && (!acc->cache_slots || rnd->cache_slots < acc->cache_slots))
		acc->cache_slots = rnd->cache_slots;
	acc->rounds++;
	acc->round_ids++;
	ls_row_summarize(acc);
	return 0;
}

bool ls_row_drop_round(struct ls_row *row, unsigned int number)
{
	unsigned int i, k = 0;
	bool disturbed = false;

	if (row->status != LS_OK || row->rounds < 2)
		return false;
	for (i = 0; i < row->nr_reps; i++) {
		if (row->reps[i].round == number)
			disturbed = row->reps[i].noise.disturbed;
		else
			row->reps[k++] = row->reps[i];
	}
	if (k == row->nr_reps)
		return false;
	row->nr_reps = k;
	row->rounds--;
	row->rounds_dropped++;
	row->rounds_redone++; /* owed again, as a round left out when measured */
	row->rounds_disturbed -= disturbed && row->rounds_disturbed;
	ls_row_summarize(row);
	return true;
}

int ls_row_add_round(struct ls_row *acc, struct ls_row *rnd)
{
	misses_add(acc, rnd);
	acc->rounds_redone += rnd->rounds_redone;
	if (acc->status != LS_OK)
		return 0;
	if (rnd->status != LS_OK) {
		take_failure(acc, rnd);
		return 0;
	}
	if (!acc->rounds && *rnd->reason)
		snprintf(acc->reason, sizeof(acc->reason), "%s", rnd->reason);
	return add_ok_round(acc, rnd);
}

void ls_row_add_bare(struct ls_row *acc, const struct ls_row *bare)
{
	if (acc->status != LS_OK)
		return;
	if (bare->status != LS_OK) {
		acc->status = bare->status;
		snprintf(acc->reason, sizeof(acc->reason), "bare twin: %.240s", bare->reason);
		return;
	}
	acc->bare = true;
	acc->bare_sum += bare->ns_per_op.median;
	acc->bare_rounds++;
	acc->bare_ns_per_op = acc->bare_sum / acc->bare_rounds;
}

/* Per repetition: ns per operation per thread, and operations per second. */
static void rep_figures(const struct ls_row *row, double *ns, double *ops_s, unsigned int *rnd)
{
	unsigned int i;

	for (i = 0; i < row->nr_reps; i++) {
		const struct ls_rep *r = &row->reps[i];

		ns[i] = row->threads * r->secs * 1e9 / r->ops;
		ops_s[i] = r->ops / r->secs;
		rnd[i] = r->round;
	}
}

void ls_row_summarize(struct ls_row *row)
{
	unsigned int n = row->nr_reps, *rnd = malloc(n * sizeof(*rnd));
	double *ns = malloc(n * sizeof(*ns)), *ops_s = malloc(n * sizeof(*ops_s));
	struct ls_round_stats ops_rs;

	if (!n || !rnd || !ns || !ops_s)
		goto out;
	rep_figures(row, ns, ops_s, rnd);
	if (ls_rounds_summarize(ns, rnd, n, &row->ns_rs) ||
	    ls_rounds_summarize(ops_s, rnd, n, &ops_rs) || ls_summarize(ns, n, &row->ns_per_op) ||
	    ls_summarize(ops_s, n, &row->ops_per_sec))
		goto out;
	/* the figure is the median of the round medians; cv the spread within rounds */
	row->ns_per_op.median = row->ns_rs.median;
	row->ns_per_op.cv = row->ns_rs.within_cv;
	row->ops_per_sec.median = ops_rs.median;
out:
	free(rnd);
	free(ns);
	free(ops_s);
}

bool ls_row_noisy(const struct ls_row *row, char *why, size_t len)
{
	if (row->rounds_disturbed)
		snprintf(why, len, "%u of %u rounds disturbed (%s)", row->rounds_disturbed,
			 row->rounds, row->disturbed_why);
	else if (row->ns_rs.round_cv > LS_NOISY_CV)
		snprintf(why, len, "round_cv %.1f%% over %.0f%%", 100 * row->ns_rs.round_cv,
			 100 * LS_NOISY_CV);
	else if (row->ns_per_op.cv > LS_NOISY_CV)
		snprintf(why, len, "cv %.1f%% over %.0f%%", 100 * row->ns_per_op.cv,
			 100 * LS_NOISY_CV);
	else if (len)
		*why = 0;
	return len && *why;
}
