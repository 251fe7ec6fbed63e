// SPDX-License-Identifier: GPL-2.0
/* Result sets read back from results folders: summary.csv, reps.csv, meta.txt. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csv.h"
#include "csvread.h"
#include "rset.h"
#include "stats.h"

#define MAX_REPS_PER_CELL 100000
#define MAX_WALK_RUNS 4096

/* Column indexes of the key, looked up by name. */
struct key_cols {
	int scenario, map_type, op, hook, mode, sharing;
	int nr_maps, nr_objects, value_size, cpus;
};

static int need_col(const struct ls_csvr *r, const char *name, int *col, char *err, size_t len)
{
	*col = ls_csvr_col(r, name);
	if (*col >= 0)
		return 0;
	snprintf(err, len, "%s:1: no column '%s' in the header", r->name, name);
	return -EINVAL;
}

/* hist.csv has no map_type, op or hook: with_op false skips them. */
static int key_cols_find(const struct ls_csvr *r, bool with_op, unsigned int schema,
			 struct key_cols *c, char *err, size_t len)
{
	int ret;

	c->map_type = c->op = c->hook = c->sharing = -1;
	ret = need_col(r, "scenario", &c->scenario, err, len);
	if (!ret && with_op)
		ret = need_col(r, "map_type", &c->map_type, err, len) ?:
			      need_col(r, "op", &c->op, err, len) ?:
			      need_col(r, "hook", &c->hook, err, len);
	if (!ret && schema >= 2)
		ret = need_col(r, "sharing", &c->sharing, err, len);
	return ret ?: need_col(r, "mode", &c->mode, err, len) ?:
		      need_col(r, "nr_maps", &c->nr_maps, err, len) ?:
		      need_col(r, "nr_objects", &c->nr_objects, err, len) ?:
		      need_col(r, "value_size", &c->value_size, err, len) ?:
		      need_col(r, "cpus", &c->cpus, err, len);
}

static int read_uint(const struct ls_csvr *r, int col, unsigned int *v, char *err, size_t len)
{
	uint64_t x;
	int ret = ls_csvr_u64(r, col, UINT32_MAX, &x, err, len);

	*v = x;
	return ret;
}

static int key_read(const struct ls_csvr *r, const struct key_cols *c, struct ls_key *k, char *err,
		    size_t len)
{
	int ret;

	memset(k, 0, sizeof(*k));
	ret = ls_csvr_copy(r, c->scenario, k->scenario, sizeof(k->scenario), err, len) ?:
		      ls_csvr_copy(r, c->map_type, k->map_type, sizeof(k->map_type), err, len) ?:
		      ls_csvr_copy(r, c->op, k->op, sizeof(k->op), err, len) ?:
		      ls_csvr_copy(r, c->hook, k->hook, sizeof(k->hook), err, len) ?:
		      ls_csvr_copy(r, c->mode, k->mode, sizeof(k->mode), err, len) ?:
		      ls_csvr_copy(r, c->sharing, k->sharing, sizeof(k->sharing), err, len) ?:
		      read_uint(r, c->nr_maps, &k->nr_maps, err, len) ?:
		      read_uint(r, c->nr_objects, &k->nr_objects, err, len) ?:
		      read_uint(r, c->value_size, &k->value_size, err, len) ?:
		      read_uint(r, c->cpus, &k->cpus, err, len);
	if (ret)
		return ret;
	if (!*k->scenario || !*k->mode)
		return ls_csvr_error(r, err, len, "empty scenario or mode");
	if (c->sharing < 0)
		strcpy(k->sharing, "private");
	else if (strcmp(k->sharing, "private") && strcmp(k->sharing, "shared"))
		return ls_csvr_error(r, err, len, "column sharing: not private or shared");
	return 0;
}

int ls_key_cmp(const struct ls_key *a, const struct ls_key *b)
{
	int d;

	if ((d = strcmp(a->scenario, b->scenario)) || (d = strcmp(a->mode, b->mode)) ||
	    (d = strcmp(a->sharing, b->sharing)))
		return d;
	if (a->cpus != b->cpus)
		return a->cpus < b->cpus ? -1 : 1;
	if (a->nr_objects != b->nr_objects)
		return a->nr_objects < b->nr_objects ? -1 : 1;
	if (a->nr_maps != b->nr_maps)
		return a->nr_maps < b->nr_maps ? -1 : 1;
	if (a->value_size != b->value_size)
		return a->value_size < b->value_size ? -1 : 1;
	if ((d = strcmp(a->map_type, b->map_type)) || (d = strcmp(a->op, b->op)))
		return d;
	return strcmp(a->hook, b->hook);
}

void ls_key_label(const struct ls_key *k, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s c%u o%u m%u v%u%s", k->scenario, k->mode, k->cpus, k->nr_objects,
		 k->nr_maps, k->value_size, strcmp(k->sharing, "shared") ? "" : " shared");
}

void ls_key_csv(struct ls_buf *b, const struct ls_key *k)
{
	ls_csv_str(b, k->scenario);
	ls_csv_str(b, k->map_type);
	ls_csv_str(b, k->op);
	ls_csv_str(b, k->hook);
	ls_csv_str(b, k->mode);
	ls_csv_u64(b, k->nr_maps);
	ls_csv_u64(b, k->nr_objects);
	ls_csv_u64(b, k->value_size);
	ls_csv_u64(b, k->cpus);
	ls_csv_str(b, k->sharing);
}

struct ls_rcell *ls_rset_find(const struct ls_rset *s, const struct ls_key *k)
{
	size_t i;

	for (i = 0; i < s->nr_cells; i++) {
		if (!ls_key_cmp(&s->cells[i].key, k))
			return &s->cells[i];
	}
	return NULL;
}

/* The schema_version of the current row, checked against the file's and what is read. */
static int row_schema(const struct ls_csvr *r, int col, unsigned int *schema, char *err, size_t len)
{
	unsigned int v;
	int ret = read_uint(r, col, &v, err, len);

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

static int add_cell(struct ls_rset *s, struct ls_rcell **out)
{
	struct ls_rcell *p;

	if (s->nr_cells == s->cap_cells) {
		size_t cap = s->cap_cells ? s->cap_cells * 2 : 256;

		p = realloc(s->cells, cap * sizeof(*p));
		if (!p)
			return -ENOMEM;
		s->cells = p;
		s->cap_cells = cap;
	}
	*out = &s->cells[s->nr_cells++];
	memset(*out, 0, sizeof(**out));
	return 0;
}

static int add_rep(struct ls_rcell *c, double v, unsigned int round)
{
	unsigned int *r;
	double *p;

	if (c->nr_reps == c->cap_reps) {
		size_t cap = c->cap_reps ? c->cap_reps * 2 : 8;

		if (cap > MAX_REPS_PER_CELL)
			return -E2BIG;
		p = realloc(c->reps, cap * sizeof(*p));
		if (p)
			c->reps = p;
		r = p ? realloc(c->rep_round, cap * sizeof(*r)) : NULL;
		if (!r)
			return -ENOMEM;
		c->rep_round = r;
		c->cap_reps = cap;
	}
	c->rep_round[c->nr_reps] = round;
	c->reps[c->nr_reps++] = v;
	return 0;
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
static int cell_center(struct ls_rcell *c, unsigned int schema)
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
	int c_ns = -1, c_ops = -1, c_lat[4], c_noisy, c_rcv;
	char path[PATH_MAX + 16];
	struct key_cols kc;
	struct ls_csvr r;
	struct ls_rcell *c, *dup;
	int ret, i;

	snprintf(path, sizeof(path), "%s/summary.csv", ri->dir);
	ret = ls_csvr_open(&r, path, err, len);
	if (ret)
		return ret;
	ret = need_col(&r, "schema_version", &c_schema, err, len) ?:
		      need_col(&r, "run_id", &c_run, err, len) ?:
		      need_col(&r, "kernel", &c_kernel, err, len) ?:
		      need_col(&r, "host", &c_host, err, len) ?:
		      need_col(&r, "status", &c_status, err, len) ?:
		      need_col(&r, "reason", &c_reason, err, len) ?:
		      need_col(&r, "ns_per_op", &c_ns, err, len) ?:
		      need_col(&r, "ops_per_sec", &c_ops, err, len);
	for (i = 0; i < 4; i++)
		c_lat[i] = ls_csvr_col(&r, lat_cols[i]);
	c_noisy = ls_csvr_col(&r, "noisy");
	c_rcv = ls_csvr_col(&r, "round_cv");
	/* The schema is known from the first row; the header must then fit it. */
	while (!ret && (ret = ls_csvr_next(&r, err, len)) > 0) {
		struct ls_key k;

		ret = row_schema(&r, c_schema, &ri->schema, err, len);
		if (ret)
			break;
		if (!*ri->run_id) {
			ret = key_cols_find(&r, true, ri->schema, &kc, err, len) ?:
				      ls_csvr_copy(&r, c_run, ri->run_id, sizeof(ri->run_id), err,
						   len) ?:
				      ls_csvr_copy(&r, c_kernel, ri->kernel, sizeof(ri->kernel), err,
						   len) ?:
				      ls_csvr_copy(&r, c_host, ri->host, sizeof(ri->host), err, len);
			if (ret)
				break;
		}
		ret = check_run_id(&r, c_run, ri->run_id, err, len)
			      ?: key_read(&r, &kc, &k, err, len);
		if (ret)
			break;
		dup = ls_rset_find(run, &k);
		if (dup) {
			ret = ls_csvr_error(&r, err, len, "the same cell as line %u", dup->line);
			break;
		}
		ret = add_cell(run, &c);
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
	int ret = read_uint(r, col, v, err, len);

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
		    (ri->schema >= LS_ROUNDS_SCHEMA && cell_center(c, ri->schema))) {
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
	ret = need_col(&r, "schema_version", &c_schema, err, len) ?:
		      need_col(&r, "run_id", &c_run, err, len) ?:
		      need_col(&r, "ns_per_op", &c_ns, err, len) ?:
		      key_cols_find(&r, true, ri->schema, &kc, err, len);
	if (!ret && ri->schema >= LS_ROUNDS_SCHEMA)
		ret = need_col(&r, "round", &c_round, err, len)
			      ?: need_col(&r, "rep", &c_rep, err, len);
	while (!ret && (ret = ls_csvr_next(&r, err, len)) > 0) {
		struct ls_key k;
		double v;

		ret = row_schema(&r, c_schema, &ri->schema, err, len) ?:
			      check_run_id(&r, c_run, ri->run_id, err, len) ?:
			      key_read(&r, &kc, &k, err, len) ?:
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
		ret = add_rep(c, v, id.round) ?: c_round < 0 ? 0 : add_rep_id(&ids, &id);
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

static void cell_free(struct ls_rcell *c)
{
	free(c->reps);
	free(c->rep_round);
	free(c->round_run);
	c->reps = NULL;
	c->rep_round = NULL;
	c->round_run = NULL;
	c->nr_reps = c->cap_reps = 0;
}

/* Records that rounds first + 1 .. first + n of c are run's. */
static int set_round_runs(struct ls_rcell *c, unsigned int first, unsigned int n, size_t run)
{
	unsigned int *p = realloc(c->round_run, (first + n + 1) * sizeof(*p)), i;

	if (!p)
		return -ENOMEM;
	c->round_run = p;
	for (i = 0; i < n; i++)
		p[first + i] = run;
	return 0;
}

/* Takes from (a run's cell) as to, the set's cell of its key. */
static int take_cell(struct ls_rcell *to, struct ls_rcell *from, size_t run_idx)
{
	*to = *from;
	to->run = run_idx;
	memset(from, 0, sizeof(*from));
	return set_round_runs(to, 0, to->nr_rounds, run_idx);
}

/* Moves run's cells into s, pooling the repetitions of cells s already has. */
static int merge(struct ls_rset *s, struct ls_rset *run, size_t run_idx, unsigned int schema)
{
	struct ls_rcell *to, *from;
	size_t i, j;
	int ret;

	for (i = 0; i < run->nr_cells; i++) {
		from = &run->cells[i];
		to = ls_rset_find(s, &from->key);
		if (!to) {
			ret = add_cell(s, &to) ?: take_cell(to, from, run_idx);
			if (ret)
				return ret;
			continue;
		}
		to->nr_runs++;
		if (strcmp(from->status, "ok"))
			continue;
		if (strcmp(to->status, "ok")) {
			cell_free(to);
			ret = take_cell(to, from, run_idx);
			if (ret)
				return ret;
			continue;
		}
		/* Another run's rounds are other rounds: numbered after to's. */
		for (j = 0; j < from->nr_reps; j++) {
			ret = add_rep(to, from->reps[j], to->nr_rounds + from->rep_round[j]);
			if (ret)
				return ret;
		}
		ret = set_round_runs(to, to->nr_rounds, from->nr_rounds, run_idx);
		if (ret)
			return ret;
		to->nr_rounds += from->nr_rounds;
		to->noisy |= from->noisy;
		ret = cell_center(to, schema);
		if (ret)
			return ret;
	}
	return 0;
}

static bool is_run_dir(const char *dir)
{
	char path[PATH_MAX + 16];

	snprintf(path, sizeof(path), "%s/summary.csv", dir);
	return !access(path, F_OK);
}

static int add_run(struct ls_rset *s, const char *dir, char *err, size_t len)
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
		ret = merge(s, &run, s->nr_runs, ri.schema);
		s->runs[s->nr_runs++] = ri;
		s->schema = ri.schema;
	}
	if (ret == -ENOMEM)
		snprintf(err, len, "%s: out of memory", dir);
	ls_rset_free(&run);
	return ret;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds dir if it is a run folder, else the run folders below it, depth levels down. */
static int walk(struct ls_rset *s, const char *dir, int depth, unsigned int *found, char *err,
		size_t len)
{
	char **names = NULL, **p, sub[PATH_MAX];
	size_t n = 0, i;
	struct dirent *d;
	struct stat st;
	int ret = 0;
	DIR *dp;

	if (is_run_dir(dir)) {
		if (++*found > MAX_WALK_RUNS) {
			snprintf(err, len, "%s: more than %d run folders", dir, MAX_WALK_RUNS);
			return -E2BIG;
		}
		return add_run(s, dir, err, len);
	}
	if (!depth)
		return 0;
	dp = opendir(dir);
	if (!dp) {
		ret = -errno;
		snprintf(err, len, "%s: %s", dir, strerror(errno));
		return ret;
	}
	/* In name order, so that merged sets and their output do not depend on the file system. */
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.')
			continue;
		if (snprintf(sub, sizeof(sub), "%s/%s", dir, d->d_name) >= (int)sizeof(sub) ||
		    stat(sub, &st) || !S_ISDIR(st.st_mode))
			continue;
		p = realloc(names, (n + 1) * sizeof(*p));
		if (!p || !(p[n] = strdup(sub))) {
			names = p ?: names;
			ret = -ENOMEM;
			snprintf(err, len, "%s: out of memory", dir);
			break;
		}
		names = p;
		n++;
	}
	closedir(dp);
	if (!ret && n)
		qsort(names, n, sizeof(*names), cmp_name);
	for (i = 0; !ret && i < n; i++)
		ret = walk(s, names[i], depth - 1, found, err, len);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return ret;
}

int ls_rset_add(struct ls_rset *s, const char *path, char *err, size_t len)
{
	char *copy = strdup(path), *tok, *save = NULL;
	unsigned int found;
	int ret = 0;

	if (!copy)
		return -ENOMEM;
	for (tok = strtok_r(copy, ",", &save); tok && !ret; tok = strtok_r(NULL, ",", &save)) {
		size_t l = strlen(tok);

		while (l > 1 && tok[l - 1] == '/')
			tok[--l] = 0;
		found = 0;
		ret = walk(s, tok, 2, &found, err, len);
		if (!ret && !found) {
			char q[48];

			ls_csvr_quote(tok, q, sizeof(q));
			snprintf(err, len, "%s: no results: no summary.csv in it or its subfolders",
				 q);
			ret = -ENOENT;
		}
	}
	if (!ret && !s->nr_runs) {
		snprintf(err, len, "no results folder named");
		ret = -ENOENT;
	}
	free(copy);
	return ret;
}

/* Joins the distinct values of one field of the runs. */
static void join_runs(const struct ls_rset *s, size_t off, char *buf, size_t size)
{
	size_t i, j, n = 0;

	buf[0] = 0;
	for (i = 0; i < s->nr_runs; i++) {
		const char *v = (const char *)&s->runs[i] + off;

		for (j = 0; j < i; j++) {
			if (!strcmp(v, (const char *)&s->runs[j] + off))
				break;
		}
		if (j < i)
			continue;
		n += snprintf(buf + n, n < size ? size - n : 0, "%s%s", n ? ", " : "", v);
		if (n >= size)
			return;
	}
}

void ls_rset_kernels(const struct ls_rset *s, char *buf, size_t size)
{
	join_runs(s, offsetof(struct ls_run_info, kernel), buf, size);
}

void ls_rset_hosts(const struct ls_rset *s, char *buf, size_t size)
{
	join_runs(s, offsetof(struct ls_run_info, host), buf, size);
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
	ret = need_col(&r, "schema_version", &c_schema, err, len) ?:
		      need_col(&r, "lower_ns", &c_lo, err, len) ?:
		      need_col(&r, "upper_ns", &c_hi, err, len) ?:
		      need_col(&r, "count", &c_cnt, err, len) ?:
		      key_cols_find(&r, false, schema, &kc, err, len);
	/* schema 2: histograms from user space (trigger) and from BPF (bpf_op, bpf_timer) */
	if (!ret && schema >= 2)
		ret = need_col(&r, "source", &c_src, err, len);
	while (!ret && (ret = ls_csvr_next(&r, err, len)) > 0) {
		struct ls_bucket v;

		ret = row_schema(&r, c_schema, &schema, err, len)
			      ?: key_read(&r, &kc, &rk, err, len);
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

void ls_rset_free(struct ls_rset *s)
{
	size_t i;

	for (i = 0; i < s->nr_cells; i++)
		cell_free(&s->cells[i]);
	free(s->cells);
	free(s->runs);
	memset(s, 0, sizeof(*s));
}
