// SPDX-License-Identifier: GPL-2.0
/* A cell's units for compare: round or run medians, and their pairing in time. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cmpstats.h"

const char *ls_unit_name(enum ls_unit u)
{
	return u == LS_UNIT_PAIR ? "pair" : u == LS_UNIT_RUN ? "run" : "round";
}

unsigned int ls_cell_nr_runs(const struct ls_rcell *c)
{
	unsigned int r, n = 0;

	/* Merged runs append their rounds after the rounds of the runs before. */
	for (r = 0; r < c->nr_rounds; r++)
		n += !r || c->round_run[r] != c->round_run[r - 1];
	return n;
}

/* Which of its run's units u's i-th is: 0 for the run's first. */
static size_t nth_of_run(const struct ls_units *u, size_t i)
{
	size_t j, n = 0;

	for (j = 0; j < i; j++)
		n += u->run[j] == u->run[i];
	return n;
}

int ls_units_over(struct ls_units *u, const struct ls_units *ctl)
{
	double *logs = malloc((u->n + 1) * sizeof(*logs));
	unsigned int *run = malloc((u->n + 1) * sizeof(*run));
	size_t i, j, k = 0;

	if (!logs || !run) {
		free(logs);
		free(run);
		return -ENOMEM;
	}
	for (i = 0; i < u->n; i++) {
		for (j = 0; j < ctl->n; j++) {
			if (ctl->run[j] == u->run[i] && nth_of_run(ctl, j) == nth_of_run(u, i))
				break;
		}
		if (j < ctl->n) {
			logs[k] = u->logs[i] - ctl->logs[j];
			run[k++] = u->run[i];
		}
	}
	ls_units_free(u);
	u->logs = logs;
	u->run = run;
	u->n = k;
	return 0;
}

void ls_units_free(struct ls_units *u)
{
	free(u->logs);
	free(u->run);
	memset(u, 0, sizeof(*u));
}

/* The median of each run's round medians med[0..nr_rounds), into u. */
static void by_runs(const struct ls_rcell *c, double *med, struct ls_units *u)
{
	unsigned int r, start;

	for (start = 0; start < c->nr_rounds; start = r) {
		for (r = start; r < c->nr_rounds && c->round_run[r] == c->round_run[start]; r++)
			;
		u->run[u->n] = c->round_run[start];
		u->logs[u->n++] = log(ls_median_inplace(med + start, r - start));
	}
}

int ls_cell_units(const struct ls_rcell *c, bool by_run, struct ls_units *u)
{
	double *med = malloc((c->nr_reps + 1) * sizeof(*med));
	int k = -ENOMEM, i;

	memset(u, 0, sizeof(*u));
	u->logs = malloc((c->nr_rounds + 1) * sizeof(*u->logs));
	u->run = malloc((c->nr_rounds + 1) * sizeof(*u->run));
	if (med && u->logs && u->run)
		k = ls_round_medians(c->reps, c->rep_round, c->nr_reps, med);
	if (k >= 0 && (unsigned int)k != c->nr_rounds)
		k = -EINVAL; /* rounds are numbered 1..nr_rounds, each with repetitions */
	if (k > 0 && by_run) {
		by_runs(c, med, u);
	} else if (k > 0) {
		for (i = 0; i < k; i++) {
			u->logs[i] = log(med[i]);
			u->run[i] = c->round_run[i];
		}
		u->n = k;
	}
	free(med);
	if (k <= 0) {
		ls_units_free(u);
		return k ?: -EINVAL;
	}
	return 0;
}

struct run_start {
	const char *started;
	size_t run;
};

static int cmp_start(const void *pa, const void *pb)
{
	const struct run_start *a = pa, *b = pb;
	int d = strcmp(a->started, b->started);

	return d ?: (a->run > b->run) - (a->run < b->run);
}

/* Sorts the runs of s by start into rs; whether every run has a start. */
static bool sort_starts(const struct ls_rset *s, struct run_start *rs)
{
	bool all = true;
	size_t i;

	for (i = 0; i < s->nr_runs; i++) {
		rs[i] = (struct run_start){ s->runs[i].started, i };
		all &= *s->runs[i].started != 0;
	}
	if (all)
		qsort(rs, s->nr_runs, sizeof(*rs), cmp_start);
	return all;
}

void ls_runs_rank(const struct ls_rset *s, int *slot)
{
	struct run_start *rs = malloc((s->nr_runs + 1) * sizeof(*rs));
	size_t i;

	if (!rs) {
		for (i = 0; i < s->nr_runs; i++)
			slot[i] = i;
		return;
	}
	sort_starts(s, rs);
	for (i = 0; i < s->nr_runs; i++)
		slot[rs[i].run] = i;
	free(rs);
}

static const char *later(const char *x, const char *y)
{
	return strcmp(x, y) > 0 ? x : y;
}

static const char *earlier(const char *x, const char *y)
{
	return strcmp(x, y) < 0 ? x : y;
}

bool ls_runs_alternate(const struct ls_rset *a, const struct ls_rset *b, int *slot_a, int *slot_b)
{
	size_t n = a->nr_runs, i;
	struct run_start *ra, *rb;
	bool ok;

	if (n < 2 || b->nr_runs != n)
		return false;
	ra = malloc(n * sizeof(*ra));
	rb = malloc(n * sizeof(*rb));
	ok = ra && rb && sort_starts(a, ra) && sort_starts(b, rb);
	/* Pair i wholly before pair i + 1: the later of its two before the earlier of the next. */
	for (i = 0; ok && i + 1 < n; i++)
		ok = strcmp(later(ra[i].started, rb[i].started),
			    earlier(ra[i + 1].started, rb[i + 1].started)) < 0;
	for (i = 0; ok && i < n; i++) {
		slot_a[ra[i].run] = i;
		slot_b[rb[i].run] = i;
	}
	free(ra);
	free(rb);
	return ok;
}

size_t ls_units_pair(const struct ls_units *a, const int *slot_a, const struct ls_units *b,
		     const int *slot_b, double *la, double *lb)
{
	size_t i, j, k = 0;

	for (i = 0; i < a->n; i++) {
		for (j = 0; j < b->n; j++) {
			if (slot_a[a->run[i]] == slot_b[b->run[j]]) {
				la[k] = a->logs[i];
				lb[k++] = b->logs[j];
				break;
			}
		}
	}
	return k;
}
