// SPDX-License-Identifier: GPL-2.0
/*
 * A result set: the run folders below the paths named, each read (rset.c) and
 * merged in, cells found in several runs pooled, each run's rounds kept apart.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csvread.h"
#include "rset-int.h"

#define MAX_REPS_PER_CELL 100000
#define MAX_WALK_RUNS 4096

struct ls_rcell *ls_rset_find(const struct ls_rset *s, const struct ls_key *k)
{
	size_t i;

	for (i = 0; i < s->nr_cells; i++) {
		if (!ls_key_cmp(&s->cells[i].key, k))
			return &s->cells[i];
	}
	return NULL;
}

int ls_rset_add_cell(struct ls_rset *s, struct ls_rcell **out)
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

int ls_rset_add_rep(struct ls_rcell *c, double v, unsigned int round)
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

/*
 * The cell of s that the cell of key k of run run_idx (in s->runs already)
 * pools into: the one of its key, and of its kernel when s->by_kernel; NULL
 * when none.
 */
static struct ls_rcell *pool_of(const struct ls_rset *s, const struct ls_key *k, size_t run_idx)
{
	char kernel[256], other[256];
	size_t i;

	if (!s->by_kernel)
		return ls_rset_find(s, k);
	ls_run_kernel_name(&s->runs[run_idx], kernel, sizeof(kernel));
	for (i = 0; i < s->nr_cells; i++) {
		if (ls_key_cmp(&s->cells[i].key, k))
			continue;
		ls_run_kernel_name(&s->runs[s->cells[i].run], other, sizeof(other));
		if (!strcmp(kernel, other))
			return &s->cells[i];
	}
	return NULL;
}

/* Moves run's cells into s, pooling the repetitions of cells s already has. */
int ls_rset_merge(struct ls_rset *s, struct ls_rset *run, size_t run_idx, unsigned int schema)
{
	struct ls_rcell *to, *from;
	size_t i, j;
	int ret;

	for (i = 0; i < run->nr_cells; i++) {
		from = &run->cells[i];
		to = pool_of(s, &from->key, run_idx);
		if (!to) {
			ret = ls_rset_add_cell(s, &to) ?: take_cell(to, from, run_idx);
			if (ret)
				return ret;
			continue;
		}
		to->nr_runs++;
		/*
		 * the control any run names (older runs have no column; a run cut off
		 * before the control was measured leaves it empty), whichever run's
		 * cell is kept
		 */
		if (!to->control_named || (!*to->control && *from->control)) {
			memcpy(to->control, from->control, sizeof(to->control));
			to->control_named = from->control_named;
		}
		memcpy(from->control, to->control, sizeof(from->control));
		from->control_named = to->control_named;
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
			ret = ls_rset_add_rep(to, from->reps[j],
					      to->nr_rounds + from->rep_round[j]);
			if (ret)
				return ret;
		}
		ret = set_round_runs(to, to->nr_rounds, from->nr_rounds, run_idx);
		if (ret)
			return ret;
		to->nr_rounds += from->nr_rounds;
		to->noisy |= from->noisy;
		if (from->nr_added) {
			to->added_ns = to->nr_added
					       ? (to->added_ns * to->nr_added + from->added_ns) /
							 (to->nr_added + 1)
					       : from->added_ns;
			to->nr_added++;
		}
		ret = ls_rset_cell_center(to, schema);
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
		return ls_rset_add_run(s, dir, err, len);
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

void ls_run_kernel_name(const struct ls_run_info *ri, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s", ri->kernel, *ri->label ? " (label " : "", ri->label,
		 *ri->label ? ")" : "");
}

static void run_release(const struct ls_run_info *ri, char *buf, size_t size)
{
	snprintf(buf, size, "%s", ri->kernel);
}

static void run_host(const struct ls_run_info *ri, char *buf, size_t size)
{
	snprintf(buf, size, "%s", ri->host);
}

/* Joins the distinct names of the runs, as name gives them. */
static void join_runs(const struct ls_rset *s,
		      void (*name)(const struct ls_run_info *, char *, size_t), char *buf,
		      size_t size)
{
	char v[256], w[256];
	size_t i, j, n = 0;

	buf[0] = 0;
	for (i = 0; i < s->nr_runs; i++) {
		name(&s->runs[i], v, sizeof(v));
		for (j = 0; j < i; j++) {
			name(&s->runs[j], w, sizeof(w));
			if (!strcmp(v, w))
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
	join_runs(s, run_release, buf, size);
}

void ls_rset_kernel_names(const struct ls_rset *s, char *buf, size_t size)
{
	join_runs(s, ls_run_kernel_name, buf, size);
}

void ls_rset_hosts(const struct ls_rset *s, char *buf, size_t size)
{
	join_runs(s, run_host, buf, size);
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
