// SPDX-License-Identifier: GPL-2.0
/*
 * A run read back from its folder: summary.csv's cells, reps.csv's repetitions
 * and rounds, meta.txt; hist.csv's buckets of a cell.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "csvread.h"
#include "rset-int.h"
#include "stats.h"

/* The schema_version of the current row, checked against the file's and what is read. */
static int row_schema(const struct ls_csvr *r, int col, unsigned int *schema, char *err, size_t len)
{
	unsigned int v;
	int ret = ls_rset_read_uint(r, col, &v, err, len);

	if (ret)
		return ret;
	if (v < LS_READ_SCHEMA_MIN || v > LS_READ_SCHEMA_MAX)
		return ls_csvr_error(r, err, len, "schema_version %u; this lsbench reads %d to %d",
				     v, LS_READ_SCHEMA_MIN, LS_READ_SCHEMA_MAX);
	if (*schema && v != *schema)
		return ls_csvr_error(
			r, err, len,
			"schema_version %u, but %u elsewhere: results of different schemas are not mixed",
			v, *schema);
	*schema = v;
	return 0;
}

static int check_run_id(const struct ls_csvr *r, int col, const char *run_id, char *err, size_t len)
{
	char q[48];

	if (!strcmp(ls_csvr_str(r, col), run_id))
		return 0;
	ls_csvr_quote(ls_csvr_str(r, col), q, sizeof(q));
	return ls_csvr_error(r, err, len, "run_id '%s' is not the run's (%s)", q, run_id);
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned int x = *(const unsigned int *)a, y = *(const unsigned int *)b;

	return (x > y) - (x < y);
}

/* Renumbers a run's rounds of c 1..nr_rounds, in their order: reps.csv may skip numbers. */
static int number_rounds(struct ls_rcell *c)
{
	unsigned int *ids = malloc((c->nr_reps + 1) * sizeof(*ids)), *at;
	size_t i, k = 0;

	if (!ids)
		return -ENOMEM;
	memcpy(ids, c->rep_round, c->nr_reps * sizeof(*ids));
	qsort(ids, c->nr_reps, sizeof(*ids), cmp_uint);
	for (i = 0; i < c->nr_reps; i++) {
		if (!k || ids[k - 1] != ids[i])
			ids[k++] = ids[i];
	}
	for (i = 0; i < c->nr_reps; i++) {
		at = bsearch(&c->rep_round[i], ids, k, sizeof(*ids), cmp_uint);
		c->rep_round[i] = at - ids + 1;
	}
	c->nr_rounds = k;
	free(ids);
	return 0;
}

/* Schema 3: the geometric mean of the round medians; before: the median of all repetitions. */
int ls_rset_cell_center(struct ls_rcell *c, unsigned int schema)
{
	double *tmp = malloc((c->nr_reps + 1) * sizeof(*tmp));
	int n;

	if (!tmp)
		return -ENOMEM;
	if (schema >= LS_ROUNDS_SCHEMA) {
		n = ls_round_medians(c->reps, c->rep_round, c->nr_reps, tmp);
		if (n > 0)
			c->ns_per_op = ls_geomean(tmp, n);
	} else {
		memcpy(tmp, c->reps, c->nr_reps * sizeof(*tmp));
		c->ns_per_op = ls_median_inplace(tmp, c->nr_reps);
		n = 0;
	}
	free(tmp);
	return n < 0 ? n : 0;
}

/* The noisy flag of the current row: its noisy column, else its round_cv. */
static int read_noisy(const struct ls_csvr *r, int c_noisy, int c_rcv, bool *noisy, char *err,
		      size_t len)
{
	double v = NAN;
	int ret;

	*noisy = false;
	if (c_noisy >= 0 || c_rcv >= 0) {
		ret = ls_csvr_double(r, c_noisy >= 0 ? c_noisy : c_rcv, true, &v, err, len);
		if (ret)
			return ret;
	}
	*noisy = c_noisy >= 0 ? v > 0 : v > LS_NOISY_CV;
	return 0;
}

/* A run's cells, read into a set of their own (first) to be merged after. */
static int read_summary(struct ls_rset *run, struct ls_run_info *ri, char *err, size_t len)
{
	static const char *const lat_cols[] = { "lat_p50_ns", "lat_p90_ns", "lat_p99_ns",
						"lat_p999_ns" };
	int c_schema = -1, c_run = -1, c_kernel = -1, c_host = -1, c_status = -1, c_reason = -1;
	int c_ns = -1, c_ops = -1, c_lat[4], c_noisy, c_rcv, c_added, c_trial, c_ctl;
	char path[PATH_MAX + 16];
	struct key_cols kc;
	struct ls_csvr r;
	struct ls_rcell *c, *dup;
	int ret, i;

	snprintf(path, sizeof(path), "%s/summary.csv", ri->dir);
	ret = ls_csvr_open(&r, path, err, len);
	if (ret)
		return ret;
	ret = ls_csvr_need_col(&r, "schema_version", &c_schema, err, len) ?:
		      ls_csvr_need_col(&r, "run_id", &c_run, err, len) ?:
		      ls_csvr_need_col(&r, "kernel", &c_kernel, err, len) ?:
		      ls_csvr_need_col(&r, "host", &c_host, err, len) ?:
		      ls_csvr_need_col(&r, "status", &c_status, err, len) ?:
		      ls_csvr_need_col(&r, "reason", &c_reason, err, len) ?:
		      ls_csvr_need_col(&r, "ns_per_op", &c_ns, err, len) ?:
		      ls_csvr_need_col(&r, "ops_per_sec", &c_ops, err, len);
	for (i = 0; i < 4; i++)
		c_lat[i] = ls_csvr_col(&r, lat_cols[i]);
	c_noisy = ls_csvr_col(&r, "noisy");
	c_rcv = ls_csvr_col(&r, "round_cv");
	c_added = ls_csvr_col(&r, "added_ns_per_op");
	c_trial = ls_csvr_col(&r, "trial");
	c_ctl = ls_csvr_col(&r, "control");
	/* The schema is known from the first row; the header must then fit it. */
	while (!ret && (ret = ls_csvr_next(&r, err, len)) > 0) {
		struct ls_key k;

		ret = row_schema(&r, c_schema, &ri->schema, err, len);
		if (ret)
			break;
		if (!*ri->run_id) {
			ret = ls_rset_key_cols_find(&r, true, ri->schema, &kc, err, len) ?:
				      ls_csvr_copy(&r, c_run, ri->run_id, sizeof(ri->run_id), err,
						   len) ?:
				      ls_csvr_copy(&r, c_kernel, ri->kernel, sizeof(ri->kernel), err,
						   len) ?:
				      ls_csvr_copy(&r, c_host, ri->host, sizeof(ri->host), err, len);
			if (!ret && c_trial >= 0)
				ret = ls_csvr_copy(&r, c_trial, ri->trial, sizeof(ri->trial), err,
						   len);
			if (ret)
				break;
		}
		ret = check_run_id(&r, c_run, ri->run_id, err, len)
			      ?: ls_rset_key_read(&r, &kc, &k, err, len);
		if (ret)
			break;
		dup = ls_rset_find(run, &k);
		if (dup) {
			ret = ls_csvr_error(&r, err, len, "the same cell as line %u", dup->line);
			break;
		}
		ret = ls_rset_add_cell(run, &c);
		if (ret) {
			snprintf(err, len, "%s: out of memory", r.name);
			break;
		}
		c->key = k;
		c->line = r.line;
		c->nr_runs = 1;
		ret = ls_csvr_copy(&r, c_status, c->status, sizeof(c->status), err, len)
			      ?: ls_csvr_copy(&r, c_reason, c->reason, sizeof(c->reason), err, len);
		if (ret)
			break;
		if (strcmp(c->status, "ok") && strcmp(c->status, "failed") &&
		    strcmp(c->status, "unsupported")) {
			ret = ls_csvr_error(&r, err, len,
					    "status is not ok, failed or unsupported");
			break;
		}
		ret = ls_csvr_double(&r, c_ns, true, &c->ns_per_op, err, len)
			      ?: ls_csvr_double(&r, c_ops, true, &c->ops_per_sec, err, len);
		c->summary_ns = c->ns_per_op;
		c->added_ns = NAN;
		if (!ret && c_added >= 0)
			ret = ls_csvr_double(&r, c_added, true, &c->added_ns, err, len);
		c->nr_added = !isnan(c->added_ns);
		c->control_named = c_ctl >= 0;
		if (!ret && c->control_named)
			ret = ls_csvr_copy(&r, c_ctl, c->control, sizeof(c->control), err, len);
		for (i = 0; !ret && i < 4; i++)
			ret = ls_csvr_double(&r, c_lat[i], true, &c->lat[i], err, len);
		if (!ret)
			ret = read_noisy(&r, c_noisy, c_rcv, &c->noisy, err, len);
		if (!ret && !strcmp(c->status, "ok") && !(c->ns_per_op > 0))
			ret = ls_csvr_error(&r, err, len,
					    "an ok cell without a positive ns_per_op");
	}
	if (!ret && !run->nr_cells)
		ret = ls_csvr_error(&r, err, len, "no cells");
	ls_csvr_close(&r);
	return ret < 0 ? ret : 0;
}

/* Where a row of reps.csv belongs: its cell, round and rep (schema 3), and line. */
struct rep_id {
	size_t cell;
	unsigned int round, rep, line;
};

static int read_count(const struct ls_csvr *r, int col, const char *name, unsigned int *v,
		      char *err, size_t len)
{
	int ret = ls_rset_read_uint(r, col, v, err, len);

	if (!ret && !*v)
		ret = ls_csvr_error(r, err, len, "column %s: 0; %ss count from 1", name, name);
	return ret;
}

/* The round and rep of the current row: round 1 before schema 3, which had no rounds. */
static int read_rep_id(const struct ls_csvr *r, int c_round, int c_rep, struct rep_id *id,
		       char *err, size_t len)
{
	id->round = 1;
	id->rep = 0;
	id->line = r->line;
	if (c_round < 0)
		return 0;
	return read_count(r, c_round, "round", &id->round, err, len)
		       ?: read_count(r, c_rep, "rep", &id->rep, err, len);
}

struct rep_ids {
	struct rep_id *v;
	size_t n, cap;
};

static int add_rep_id(struct rep_ids *ids, const struct rep_id *id)
{
	struct rep_id *p;

	if (ids->n == ids->cap) {
		size_t cap = ids->cap ? ids->cap * 2 : 64;

		p = realloc(ids->v, cap * sizeof(*p));
		if (!p)
			return -ENOMEM;
		ids->v = p;
		ids->cap = cap;
	}
	ids->v[ids->n++] = *id;
	return 0;
}

static int cmp_rep_id(const void *pa, const void *pb)
{
	const struct rep_id *a = pa, *b = pb;

	if (a->cell != b->cell)
		return a->cell < b->cell ? -1 : 1;
	if (a->round != b->round)
		return a->round < b->round ? -1 : 1;
	if (a->rep != b->rep)
		return a->rep < b->rep ? -1 : 1;
	return (a->line > b->line) - (a->line < b->line);
}

/* Each round and rep of a cell once: a file written twice into one would double rounds. */
static int check_rep_ids(struct rep_ids *r, const char *name, char *err, size_t len)
{
	struct rep_id *ids = r->v;
	size_t i, n = r->n;

	if (n < 2)
		return 0;
	qsort(ids, n, sizeof(*ids), cmp_rep_id);
	for (i = 1; i < n; i++) {
		if (ids[i].cell == ids[i - 1].cell && ids[i].round == ids[i - 1].round &&
		    ids[i].rep == ids[i - 1].rep) {
			snprintf(err, len, "%s:%u: round %u rep %u of this cell again (line %u)",
				 name, ids[i].line, ids[i].round, ids[i].rep, ids[i - 1].line);
			return -EINVAL;
		}
	}
	return 0;
}

/* After reps.csv: every ok cell has repetitions, its rounds numbered, its figure. */
static int reps_done(struct ls_rset *run, const struct ls_run_info *ri, const char *name, char *err,
		     size_t len)
{
	struct ls_rcell *c;
	size_t i;

	for (i = 0; i < run->nr_cells; i++) {
		c = &run->cells[i];
		if (strcmp(c->status, "ok"))
			continue;
		if (!c->nr_reps) {
			snprintf(err, len, "%s:%u: an ok cell without rows in reps.csv", name,
				 c->line);
			return -EINVAL;
		}
		if (number_rounds(c) ||
		    (ri->schema >= LS_ROUNDS_SCHEMA && ls_rset_cell_center(c, ri->schema))) {
			snprintf(err, len, "%s: out of memory", name);
			return -ENOMEM;
		}
	}
	return 0;
}

static int read_reps(struct ls_rset *run, struct ls_run_info *ri, char *err, size_t len)
{
	int c_schema, c_run, c_ns, c_round = -1, c_rep = -1, ret;
	char path[PATH_MAX + 16];
	struct rep_ids ids = {};
	struct rep_id id;
	struct key_cols kc;
	struct ls_csvr r;
	struct ls_rcell *c;

	snprintf(path, sizeof(path), "%s/reps.csv", ri->dir);
	ret = ls_csvr_open(&r, path, err, len);
	if (ret)
		return ret;
	ret = ls_csvr_need_col(&r, "schema_version", &c_schema, err, len) ?:
		      ls_csvr_need_col(&r, "run_id", &c_run, err, len) ?:
		      ls_csvr_need_col(&r, "ns_per_op", &c_ns, err, len) ?:
		      ls_rset_key_cols_find(&r, true, ri->schema, &kc, err, len);
	if (!ret && ri->schema >= LS_ROUNDS_SCHEMA)
		ret = ls_csvr_need_col(&r, "round", &c_round, err, len)
			      ?: ls_csvr_need_col(&r, "rep", &c_rep, err, len);
	while (!ret && (ret = ls_csvr_next(&r, err, len)) > 0) {
		struct ls_key k;
		double v;

		ret = row_schema(&r, c_schema, &ri->schema, err, len) ?:
			      check_run_id(&r, c_run, ri->run_id, err, len) ?:
			      ls_rset_key_read(&r, &kc, &k, err, len) ?:
			      ls_csvr_double(&r, c_ns, false, &v, err, len) ?:
			      read_rep_id(&r, c_round, c_rep, &id, err, len);
		if (ret)
			break;
		c = ls_rset_find(run, &k);
		if (!c || strcmp(c->status, "ok")) {
			ret = ls_csvr_error(&r, err, len, "no ok cell in summary.csv for this row");
			break;
		}
		if (!(v > 0)) {
			ret = ls_csvr_error(&r, err, len, "ns_per_op is not positive");
			break;
		}
		id.cell = c - run->cells;
		ret = ls_rset_add_rep(c, v, id.round) ?: c_round < 0 ? 0 : add_rep_id(&ids, &id);
		if (ret)
			ret = ls_csvr_error(&r, err, len, "too many repetitions or out of memory");
	}
	ls_csvr_close(&r);
	if (!ret)
		ret = check_rep_ids(&ids, path, err, len) ?: reps_done(run, ri, path, err, len);
	free(ids.v);
	return ret < 0 ? ret : 0;
}

/* A meta.txt line that export reads: its value, unshortened but for the field's size. */
static void meta_field(struct ls_run_info *ri, const char *line)
{
	static const struct {
		const char *name;
		size_t off, size;
	} fields[] = {
#define F(name, field) { name ": ", offsetof(struct ls_run_info, field), sizeof(ri->field) }
		F("lsbench_revision", rev),
		F("started_utc", started),
		F("arch", arch),
		F("virt", virt),
		F("kernel_version", kernel_version),
		F("label", label),
		F("bpf_sources", bpf_sources),
#undef F
	};
	size_t i, n, j;
	char *dst;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		n = strlen(fields[i].name);
		if (strncmp(line, fields[i].name, n))
			continue;
		dst = (char *)ri + fields[i].off;
		for (j = 0; line[n + j] && j < fields[i].size - 1; j++)
			dst[j] = (unsigned char)line[n + j] < 0x20 ? '?' : line[n + j];
		dst[j] = 0;
		return;
	}
}

/* meta.txt is optional: it adds the CPU model, the run's end state and what meta_field reads. */
static void read_meta(struct ls_run_info *ri)
{
	char path[PATH_MAX + 16], line[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/meta.txt", ri->dir);
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, "cpu_model: ", 11))
			ls_csvr_quote(line + 11, ri->cpu_model, sizeof(ri->cpu_model));
		else if (!strncmp(line, "state: ", 7))
			ls_csvr_quote(line + 7, ri->state, sizeof(ri->state));
		else
			meta_field(ri, line);
	}
	fclose(f);
}

int ls_rset_add_run(struct ls_rset *s, const char *dir, char *err, size_t len)
{
	struct ls_rset run = {};
	struct ls_run_info ri = {}, *p;
	size_t i;
	int ret;

	if (snprintf(ri.dir, sizeof(ri.dir), "%s", dir) >= (int)sizeof(ri.dir)) {
		snprintf(err, len, "path too long");
		return -ENAMETOOLONG;
	}
	for (i = 0; i < s->nr_runs; i++) {
		if (!strcmp(s->runs[i].dir, dir))
			return 0; /* named twice: read once */
	}
	ret = read_summary(&run, &ri, err, len);
	if (!ret && *ri.trial && !s->trials_ok) {
		snprintf(err, len, "%s: a trial, not a benchmark (%s): give --trial to read it",
			 dir, ri.trial);
		ret = -EINVAL;
	}
	if (!ret && s->schema && ri.schema != s->schema) {
		snprintf(
			err, len,
			"%s/summary.csv: schema_version %u, but %u in the other results: not mixed",
			dir, ri.schema, s->schema);
		ret = -EINVAL;
	}
	if (!ret && ri.schema >= LS_REPS_SCHEMA)
		ret = read_reps(&run, &ri, err, len);
	if (!ret) {
		read_meta(&ri);
		p = realloc(s->runs, (s->nr_runs + 1) * sizeof(*p));
		if (!p)
			ret = -ENOMEM;
		else
			s->runs = p;
	}
	if (!ret) {
		s->runs[s->nr_runs] = ri; /* before the merge, which reads its kernel */
		ret = ls_rset_merge(s, &run, s->nr_runs, ri.schema);
		s->nr_runs++;
		s->schema = ri.schema;
	}
	if (ret == -ENOMEM)
		snprintf(err, len, "%s: out of memory", dir);
	ls_rset_free(&run);
	return ret;
}

long ls_rset_hist(const struct ls_run_info *run, const struct ls_key *k, struct ls_bucket **out,
		  char *err, size_t len)
{
	int c_schema, c_lo, c_hi, c_cnt, c_src = -1, ret;
	char path[PATH_MAX + 16];
	struct ls_bucket *b = NULL, *p;
	unsigned int schema = run->schema;
	size_t n = 0, cap = 0;
	struct key_cols kc;
	struct ls_csvr r;
	struct ls_key rk;

	*out = NULL;
	/* hist.csv.gz; sets written before it was compressed have hist.csv */
	snprintf(path, sizeof(path), "%s/hist.csv.gz", run->dir);
	if (access(path, F_OK))
		snprintf(path, sizeof(path), "%s/hist.csv", run->dir);
	ret = ls_csvr_open(&r, path, err, len);
	if (ret)
		return ret;
	ret = ls_csvr_need_col(&r, "schema_version", &c_schema, err, len) ?:
		      ls_csvr_need_col(&r, "lower_ns", &c_lo, err, len) ?:
		      ls_csvr_need_col(&r, "upper_ns", &c_hi, err, len) ?:
		      ls_csvr_need_col(&r, "count", &c_cnt, err, len) ?:
		      ls_rset_key_cols_find(&r, false, schema, &kc, err, len);
	/* schema 2: histograms from user space (trigger) and from BPF (bpf_op, bpf_timer) */
	if (!ret && schema >= 2)
		ret = ls_csvr_need_col(&r, "source", &c_src, err, len);
	while (!ret && (ret = ls_csvr_next(&r, err, len)) > 0) {
		struct ls_bucket v;

		ret = row_schema(&r, c_schema, &schema, err, len)
			      ?: ls_rset_key_read(&r, &kc, &rk, err, len);
		if (ret)
			break;
		if (c_src >= 0 && strcmp(ls_csvr_str(&r, c_src), "trigger"))
			continue;
		if (strcmp(rk.scenario, k->scenario) || strcmp(rk.mode, k->mode) ||
		    strcmp(rk.sharing, k->sharing) || rk.cpus != k->cpus ||
		    rk.nr_objects != k->nr_objects || rk.nr_maps != k->nr_maps ||
		    rk.value_size != k->value_size)
			continue;
		ret = ls_csvr_double(&r, c_lo, false, &v.lower_ns, err, len) ?:
			      ls_csvr_double(&r, c_hi, false, &v.upper_ns, err, len) ?:
			      ls_csvr_double(&r, c_cnt, false, &v.count, err, len);
		if (ret)
			break;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			p = realloc(b, cap * sizeof(*p));
			if (!p) {
				ret = -ENOMEM;
				snprintf(err, len, "%s: out of memory", r.name);
				break;
			}
			b = p;
		}
		b[n++] = v;
	}
	ls_csvr_close(&r);
	if (ret < 0) {
		free(b);
		return ret;
	}
	*out = b;
	return n;
}
