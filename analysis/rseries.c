// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench report's data series: the cells of a sweep, one series per set and
 * key but the swept dimension, each point a value and, where summary.csv
 * gives it, its interval.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csvread.h"
#include "report-int.h"

static double dim_of(const struct ls_key *k, int dim)
{
	return dim == 0 ? k->cpus : dim == 1 ? k->nr_maps : k->nr_objects;
}

double ls_report_y_mops(const struct ls_rcell *c)
{
	return c->ops_per_sec / 1e6;
}

double ls_report_y_ns(const struct ls_rcell *c)
{
	return c->ns_per_op;
}

static void find_ci(const struct report *r, size_t set, const struct ls_key *k, double *lo,
		    double *hi)
{
	size_t i;

	for (i = 0; i < r->nr_ci; i++) {
		if (r->ci[i].set == set && !ls_key_cmp(&r->ci[i].key, k)) {
			*lo = r->ci[i].lo;
			*hi = r->ci[i].hi;
			return;
		}
	}
}

/* The columns of a cell's key in summary.csv; sharing may be missing (schema 1). */
static bool ci_row(const struct ls_csvr *c, const int *col, struct ls_key *k, double *lo,
		   double *hi)
{
	static const size_t str_off[] = {
		offsetof(struct ls_key, scenario), offsetof(struct ls_key, map_type),
		offsetof(struct ls_key, op),	   offsetof(struct ls_key, hook),
		offsetof(struct ls_key, mode),	   offsetof(struct ls_key, sharing)
	};
	static const size_t str_size[] = { sizeof(k->scenario), sizeof(k->map_type),
					   sizeof(k->op),	sizeof(k->hook),
					   sizeof(k->mode),	sizeof(k->sharing) };
	unsigned int *num[] = { &k->nr_maps, &k->nr_objects, &k->value_size, &k->cpus };
	char err[64];
	uint64_t v;
	size_t i;

	memset(k, 0, sizeof(*k));
	snprintf(k->sharing, sizeof(k->sharing), "private");
	for (i = 0; i < 6; i++) {
		if (col[i] >= 0 &&
		    ls_csvr_copy(c, col[i], (char *)k + str_off[i], str_size[i], err, sizeof(err)))
			return false;
	}
	for (i = 0; i < 4; i++) {
		if (ls_csvr_u64(c, col[6 + i], UINT32_MAX, &v, err, sizeof(err)))
			return false;
		*num[i] = v;
	}
	return !ls_csvr_double(c, col[10], true, lo, err, sizeof(err)) &&
	       !ls_csvr_double(c, col[11], true, hi, err, sizeof(err)) && *lo > 0 && *hi >= *lo;
}

/*
 * The intervals of set s, when it is one run whose summary.csv has them
 * (pooled runs have no interval of their pooled median). Best effort: the
 * set's reader has already checked the file.
 */
void ls_report_load_ci(struct report *r, size_t s)
{
	static const char *const names[] = {
		"scenario",	   "map_type",	     "op",	   "hook",	 "mode",
		"sharing",	   "nr_maps",	     "nr_objects", "value_size", "cpus",
		"ns_per_op_ci_lo", "ns_per_op_ci_hi"
	};
	char path[PATH_MAX + 16], err[256];
	struct ls_csvr c;
	struct cell_ci *t;
	int col[12];
	size_t i;

	if (r->sets[s].nr_runs != 1)
		return;
	snprintf(path, sizeof(path), "%s/summary.csv", r->sets[s].runs[0].dir);
	if (ls_csvr_open(&c, path, err, sizeof(err)))
		return;
	for (i = 0; i < 12; i++) {
		col[i] = ls_csvr_col(&c, names[i]);
		if (col[i] < 0 && i != 5)
			goto out;
	}
	while (ls_csvr_next(&c, err, sizeof(err)) > 0) {
		t = realloc(r->ci, (r->nr_ci + 1) * sizeof(*t));
		if (!t)
			break;
		r->ci = t;
		t = &r->ci[r->nr_ci];
		t->set = s;
		if (ci_row(&c, col, &t->key, &t->lo, &t->hi))
			r->nr_ci++;
	}
out:
	ls_csvr_close(&c);
}

/* The series of set s with signature sig, added when new; NULL without memory. */
static struct series *series_get(struct series_list *l, size_t set, const struct ls_key *sig)
{
	struct series *t;
	size_t j;

	for (j = 0; j < l->n; j++) {
		if (l->s[j].set == set && !ls_key_cmp(&l->s[j].sig, sig))
			return &l->s[j];
	}
	if (l->n == l->cap) {
		t = realloc(l->s, (l->cap * 2 + 16) * sizeof(*t));
		if (!t)
			return NULL;
		l->s = t;
		l->cap = l->cap * 2 + 16;
	}
	t = &l->s[l->n++];
	memset(t, 0, sizeof(*t));
	t->set = set;
	t->sig = *sig;
	return t;
}

/* The cell's key with the swept dimension zeroed; false when the cell is not of the sweep. */
static bool sweep_sig(const struct ls_rcell *c, int dim, struct ls_key *sig)
{
	*sig = c->key;
	/* Against threads: the cells of no map or value-size sweep. */
	if (dim == 0 && (c->key.nr_maps > 1 || c->key.value_size != 8))
		return false;
	if (dim == 0 && sig->nr_objects == sig->cpus)
		sig->nr_objects = 0;
	if (dim == 0)
		sig->cpus = 0;
	else if (dim == 1)
		sig->nr_maps = 0;
	else
		sig->nr_objects = 0;
	return true;
}

/*
 * The series of a sweep over dim (0: cpus, 1: maps, 2: owners) of the cells
 * of one map type (NULL: any) and mode (NULL: any), one per set and
 * remaining key, each point a value y, or NAN where the cell is not ok (a gap
 * in its line). Owners that follow the thread count (one per thread) are
 * not a dimension of their own when cpus is swept.
 */
int ls_report_collect(const struct report *r, const char *type, const char *mode, int dim,
		      double (*y)(const struct ls_rcell *), struct series_list *out)
{
	size_t s, i;

	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const struct ls_rcell *c = &r->sets[s].cells[i];
			bool ok = !strcmp(c->status, "ok");
			double v = ok ? y(c) : NAN;
			struct series *t;
			struct ls_key sig;

			if ((ok && !(isfinite(v) && v > 0)) ||
			    (type && strcmp(c->key.map_type, type)) ||
			    (mode && strcmp(c->key.mode, mode)) || !sweep_sig(c, dim, &sig))
				continue;
			t = series_get(out, s, &sig);
			if (!t)
				return -ENOMEM;
			if (t->n == MAX_POINTS) {
				out->dropped++;
				continue;
			}
			t->x[t->n] = dim_of(&c->key, dim);
			t->lo[t->n] = t->hi[t->n] = NAN;
			if (ok && y == ls_report_y_ns)
				find_ci(r, s, &c->key, &t->lo[t->n], &t->hi[t->n]);
			t->y[t->n++] = v;
		}
	}
	return 0;
}
