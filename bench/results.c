// SPDX-License-Identifier: GPL-2.0
/* A run's results folder: meta.txt and summary.csv, always whole on disk. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include "clean.h"
#include "columns.h"
#include "crew.h"
#include "csv.h"
#include "identity.h"
#include "paths.h"
#include "results.h"
#include "rev.h"
#include "speed.h"

/* The columns that tell a scenario's cells apart, first in hist.csv.gz and reps.csv. */
#define CELL_COLUMNS                                                                               \
	"schema_version", "run_id", "scenario", "map_type", "op", "hook", "mode", "nr_maps",       \
		"nr_objects", "value_size", "cpus", "sharing"

static const char *const hist_columns[] = { CELL_COLUMNS, "source", "lower_ns", "upper_ns",
					    "count" };

static const char *const profile_columns[] = { CELL_COLUMNS, "rank", "symbol", "share_pct" };

/* reps.csv's: the keys, then its table's (columns.h). */
static const char *const reps_keys[] = { CELL_COLUMNS };

static int write_summary(struct ls_results *r);

/* Folder names from kernel and host: keep them to one path component. */
static void sanitize(char *s)
{
	for (; *s; s++) {
		if (*s == '/' || *s == ' ')
			*s = '_';
	}
}

void ls_time_split_desc(const struct ls_results *r, char *buf, size_t len)
{
	const struct ls_time_split *s = &r->spent;
	double wall = (ls_now_ns() - r->start_ns) / 1e9;
	double other = wall - s->setup_s - s->measure_s - s->teardown_s - s->redone_s -
		       s->speed_wait_s - s->write_s;

	snprintf(buf, len,
		 "wall %.1f s: setup %.1f s, measuring %.1f s (repetitions kept %.1f s), teardown "
		 "%.1f s, rounds redone %.1f s, waiting for the CPUs' speed %.1f s (%u waits, %u "
		 "ended still slow), writing %.1f s, the rest %.1f s",
		 wall, s->setup_s, s->measure_s, s->kept_s, s->teardown_s, s->redone_s,
		 s->speed_wait_s, s->speed_waits, s->speed_waits_slow, s->write_s, other);
}

/*
 * The run's speed reference (speed.h) of each CPU probed, in ns a probe's
 * part: what the run judged its rounds' speed against, so that runs of one
 * machine can be told apart by it (a run that starts in a slow state has a
 * slow reference). Nothing before any CPU has one.
 */
static void speed_reference(struct ls_buf *b)
{
	unsigned int cpu, n = 0;
	double ns;

	for (cpu = 0; cpu < ls_speed_run.nr_cpus; cpu++) {
		ns = ls_speed_ref_ns(&ls_speed_run, cpu);
		if (isnan(ns))
			continue;
		ls_buf_printf(b, "%scpu%u %.0f ns", n++ ? ", " : "speed_reference: ", cpu, ns);
	}
	if (n)
		ls_buf_printf(b, "\n");
}

static int write_meta(struct ls_results *r, const char *state)
{
	const struct ls_sysinfo *si = r->si;
	struct ls_buf b = {};
	char path[PATH_MAX + 16], now[32];
	time_t t = time(NULL);
	int err;

	strftime(now, sizeof(now), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	ls_buf_printf(&b, "schema_version: %d\n", LS_SCHEMA_VERSION);
	ls_buf_printf(&b, "run_id: %s\n", r->run_id);
	ls_buf_printf(&b, "state: %s\n", state);
	ls_buf_printf(&b, "lsbench_revision: %s\n", LSBENCH_REV);
	ls_buf_printf(&b, "dirty: %s\n",
		      ls_rev_dirty(LSBENCH_REV) ? "yes (built from uncommitted changes)" : "no");
	ls_buf_printf(&b, "pid: %d start %llu boot %s\n", (int)getpid(), r->pid_start, r->boot_id);
	ls_buf_printf(&b, "command_line: %s\n", r->cmdline);
	ls_buf_printf(&b, "kernel_release: %s\n", si->kernel);
	if (*r->label)
		ls_buf_printf(&b, "label: %s\n", r->label);
	ls_buf_printf(&b, "kernel_version: %s\n", si->kernel_version);
	ls_buf_printf(&b, "kernel_cmdline: %s\n", si->cmdline);
	ls_buf_printf(&b, "arch: %s\n", si->arch);
	ls_buf_printf(&b, "host: %s\n", si->host);
	ls_buf_printf(&b, "cpu_model: %s\n", si->cpu_model);
	ls_buf_printf(&b, "online_cpus: %u (%s)\n", si->nr_online, si->online_cpus);
	ls_buf_printf(&b, "virt: %s\n", si->virt);
	ls_buf_printf(&b, "clocksource: %s\n", si->clocksource);
	ls_buf_printf(&b, "cpufreq_governor: %s\n", si->governor);
	ls_buf_printf(&b, "smt_active: %s\n", si->smt);
	ls_buf_printf(&b, "turbo: %s\n", si->turbo);
	ls_buf_printf(&b, "bpf_stats: %s\n", r->bpf_stats ? "on (BPF_ENABLE_STATS)" : "off");
	if (r->speed_probe)
		ls_buf_printf(&b, "speed_probe: %s\n", r->speed_probe);
	if (r->crng_checked && r->crng_was_ready)
		ls_buf_printf(&b, "crng: seeded before the run\n");
	else if (r->crng_checked)
		ls_buf_printf(&b, "crng: seeded after waiting %.1f s\n", r->crng_wait_s);
	speed_reference(&b);
	ls_buf_printf(&b, "rounds: %s\n", r->rounds_desc);
	ls_buf_printf(&b, "bpf_sources: %s\n", ls_bpf_sources());
	ls_buf_printf(&b, "measure_key: %016llx\n", r->measure_key);
	if (*r->trial)
		ls_buf_printf(&b,
			      "trial: %s: not a benchmark (compare and report refuse it "
			      "without --trial)\n",
			      r->trial);
	ls_buf_printf(&b, "started_utc: %s\n", r->started);
	ls_buf_printf(&b, "updated_utc: %s\n", now);
	ls_buf_printf(&b, "cells: %zu\n", r->nr_rows);
	ls_time_split_desc(r, r->split, sizeof(r->split));
	ls_buf_printf(&b, "time_split: %s\n", r->split);
	if (b.err) {
		ls_buf_free(&b);
		return b.err;
	}
	snprintf(path, sizeof(path), "%s/meta.txt", r->dir);
	err = ls_write_atomic(path, b.data, b.len);
	ls_buf_free(&b);
	return err;
}

void ls_results_set_folder(char *buf, size_t len, const char *release, const char *label)
{
	snprintf(buf, len, "%s%s%s", release, label ? "-" : "", label ?: "");
	sanitize(buf);
}

int ls_results_create(struct ls_results *r, const char *root, const char *label,
		      const struct ls_sysinfo *si, bool bpf_stats, int argc, char **argv, char *err,
		      size_t len)
{
	char kernel[sizeof(si->kernel) + sizeof(r->label)], host[sizeof(si->host)], stamp[32];
	size_t off = 0;
	time_t t = time(NULL);
	int i, ret;

	memset(r, 0, sizeof(*r));
	r->start_ns = ls_now_ns();
	r->si = si;
	r->bpf_stats = bpf_stats;
	ls_proc_start(getpid(), &r->pid_start);
	ls_boot_id(r->boot_id, sizeof(r->boot_id));
	for (i = 0; i < argc && off < sizeof(r->cmdline); i++)
		off += snprintf(r->cmdline + off, sizeof(r->cmdline) - off, "%s%s", i ? " " : "",
				argv[i]);
	strftime(r->started, sizeof(r->started), "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
	strftime(stamp, sizeof(stamp), "%Y%m%dT%H%M%SZ", gmtime(&t));
	snprintf(r->label, sizeof(r->label), "%s", label ?: "");
	ls_results_set_folder(kernel, sizeof(kernel), si->kernel, label);
	snprintf(host, sizeof(host), "%s", si->host);
	sanitize(host);
	snprintf(r->run_id, sizeof(r->run_id), "%s-%s", stamp, host);

	if (snprintf(r->dir, sizeof(r->dir), "%s/%s", root, kernel) >= (int)sizeof(r->dir)) {
		snprintf(err, len, "output folder name too long: %s", root);
		return -ENAMETOOLONG;
	}
	ret = ls_mkdir_p(r->dir);
	if (ret) {
		snprintf(err, len, "cannot create output folder %s: %s", r->dir, strerror(-ret));
		return ret;
	}
	/* Two runs in one second on one host: the later one takes a suffix. */
	for (i = 1; i < 100; i++) {
		if (i > 1)
			snprintf(r->run_id, sizeof(r->run_id), "%s-%s-%d", stamp, host, i);
		snprintf(r->dir, sizeof(r->dir), "%s/%s/%s", root, kernel, r->run_id);
		if (!mkdir(r->dir, 0755))
			break;
		if (errno != EEXIST) {
			snprintf(err, len, "cannot create output folder %s: %s", r->dir,
				 strerror(errno));
			return -errno;
		}
	}
	/* A header-only summary.csv, so the folder holds a valid CSV from the start. */
	ret = write_summary(r);
	if (!ret)
		ret = write_meta(r, "running");
	if (ret) {
		snprintf(err, len, "cannot write to %s: %s", r->dir, strerror(-ret));
		ls_results_remove(r);
		return ret;
	}
	return 0;
}

/* The control row for row: the one the scheduler measured beside it, ok or not. */
static const struct ls_row *control_beside(const struct ls_results *r, const struct ls_row *row)
{
	const struct ls_row *c;

	if (row->control < 0 || (size_t)row->control >= r->nr_rows)
		return NULL;
	c = &r->rows[row->control];
	return c->mode == row->mode && c->threads == row->threads ? c : NULL;
}

/* The control row for row, when ok. */
static const struct ls_row *control_of(const struct ls_results *r, const struct ls_row *row)
{
	const struct ls_row *c = control_beside(r, row);

	return c && c->status == LS_OK ? c : NULL;
}

const char *ls_results_control_name(const struct ls_results *r, const struct ls_row *row)
{
	const struct ls_row *c = control_beside(r, row);

	return c ? c->sc->name : NULL;
}

double ls_results_added_ns(const struct ls_results *r, const struct ls_row *row)
{
	const struct ls_row *c;

	if (row->status != LS_OK)
		return NAN;
	c = control_of(r, row);
	return c ? row->ns_per_op.median - c->ns_per_op.median : NAN;
}

double ls_results_scaling(const struct ls_results *r, const struct ls_row *row)
{
	size_t i;

	if (row->status != LS_OK)
		return NAN;
	for (i = 0; i < r->nr_rows; i++) {
		const struct ls_row *one = &r->rows[i];

		if (one->sc == row->sc && one->mode == row->mode && one->threads == 1 &&
		    one->nr_objects == (row->sc->objects.n ? row->nr_objects : 1) &&
		    one->nr_maps == row->nr_maps && one->value_size == row->value_size &&
		    one->loop_iters == row->loop_iters && one->status == LS_OK)
			return row->ops_per_sec.median / (row->threads * one->ops_per_sec.median);
	}
	return NAN;
}

/* One row of summary.csv, as the column table says: figures only for ok cells. */
static void summary_row(const struct ls_results *r, const struct ls_row *row, struct ls_buf *b)
{
	bool ok = row->status == LS_OK;
	struct ls_field v;
	size_t i;

	for (i = 0; i < ls_nr_summary_columns; i++) {
		const struct ls_column *c = &ls_summary_columns[i];

		v = c->figure && !ok ? (struct ls_field){ .kind = LS_FIELD_NONE } : c->get(r, row);
		if (v.kind == LS_FIELD_STR)
			ls_csv_str(b, v.s);
		else if (v.kind == LS_FIELD_U64)
			ls_csv_u64(b, v.u);
		else if (v.kind == LS_FIELD_DBL)
			ls_csv_double(b, v.d);
		else
			ls_csv_str(b, NULL);
	}
	ls_csv_end_row(b);
}

/* The cell's keys, as hist.csv.gz and reps.csv begin their rows. */
static void cell_keys(const struct ls_results *r, const struct ls_row *row, struct ls_buf *b)
{
	ls_csv_u64(b, LS_SCHEMA_VERSION);
	ls_csv_str(b, r->run_id);
	ls_csv_str(b, row->sc->name);
	ls_csv_str(b, row->sc->map_type);
	ls_csv_str(b, row->sc->op);
	ls_csv_str(b, ls_mode_hook(row->sc, row->mode));
	ls_csv_str(b, ls_mode_name(row->mode));
	ls_csv_u64(b, row->nr_maps);
	ls_csv_u64(b, row->nr_objects);
	ls_csv_u64(b, row->value_size);
	ls_csv_u64(b, row->threads);
	ls_csv_str(b, ls_sharing_name(row->sharing));
}

/* A CSV text with its header row, made on first use. */
/* The file's text, begun with its header: cols[0..n), then more[0..nmore) names. */
static struct ls_buf *csv_with_header(struct ls_buf **b, const char *const *cols, size_t n,
				      const struct ls_file_column *more, size_t nmore)
{
	size_t i;

	if (*b)
		return *b;
	*b = calloc(1, sizeof(**b));
	if (!*b)
		return NULL;
	for (i = 0; i < n; i++)
		ls_csv_str(*b, cols[i]);
	for (i = 0; i < nmore; i++)
		ls_csv_str(*b, more[i].name);
	ls_csv_end_row(*b);
	return *b;
}

/* The row's top kernel symbols appended to profile.csv's text. */
static int add_profile(struct ls_results *r, struct ls_row *row)
{
	const struct ls_sym *syms = row->profile;
	struct ls_buf *b;
	size_t i;

	if (!syms || row->status != LS_OK)
		return 0;
	b = csv_with_header(&r->profile_csv, profile_columns,
			    sizeof(profile_columns) / sizeof(profile_columns[0]), NULL, 0);
	if (!b)
		return -ENOMEM;
	for (i = 0; i < row->nr_profile; i++) {
		cell_keys(r, row, b);
		ls_csv_u64(b, i + 1);
		ls_csv_str(b, syms[i].name);
		ls_csv_double(b, syms[i].pct);
		ls_csv_end_row(b);
	}
	return b->err;
}

/* A round's disturbance as reps.csv's last fields: empty where not measured. */
static void noise_fields(struct ls_buf *b, const struct ls_noise *n)
{
	bool measured = n->secs > 0;

	ls_csv_u64(b, n->disturbed);
	if (measured) {
		ls_csv_double(b, n->nvcsw_per_s);
		ls_csv_double(b, n->oncpu);
	} else {
		ls_csv_str(b, NULL);
		ls_csv_str(b, NULL);
	}
	if (measured && isfinite(n->psi_pct))
		ls_csv_double(b, n->psi_pct);
	else
		ls_csv_str(b, NULL);
	if (isfinite(n->slow_pct))
		ls_csv_double(b, n->slow_pct);
	else
		ls_csv_str(b, NULL);
	if (measured && isfinite(n->others_pct))
		ls_csv_double(b, n->others_pct);
	else
		ls_csv_str(b, NULL);
}

/* The row's repetitions appended to reps.csv's text. */
static int add_reps(struct ls_results *r, struct ls_row *row)
{
	const struct ls_rep *reps = row->reps;
	unsigned int i, rep = 0;
	struct ls_buf *b;

	if (!reps || row->status != LS_OK)
		return 0;
	b = csv_with_header(&r->reps_csv, reps_keys, sizeof(reps_keys) / sizeof(reps_keys[0]),
			    ls_reps_columns, ls_nr_reps_columns);
	if (!b)
		return -ENOMEM;
	for (i = 0; i < row->nr_reps; i++) {
		cell_keys(r, row, b);
		ls_csv_u64(b, reps[i].round);
		ls_csv_u64(b, i && reps[i - 1].round == reps[i].round ? ++rep : (rep = 1));
		ls_csv_u64(b, reps[i].ops);
		ls_csv_double(b, reps[i].secs);
		ls_csv_double(b, reps[i].ops / reps[i].secs);
		ls_csv_double(b, row->threads * reps[i].secs * 1e9 / reps[i].ops);
		noise_fields(b, &reps[i].noise);
		ls_csv_u64(b, reps[i].trigger_timed);
		ls_csv_end_row(b);
	}
	return b->err;
}

/* The non-empty buckets of h, from source, appended to hist.csv.gz's text. */
static int hist_rows(struct ls_results *r, const struct ls_row *row, const char *source,
		     const struct ls_hist *h)
{
	struct ls_buf *b;
	unsigned int i;
	uint64_t lo, hi;

	b = csv_with_header(&r->hist_csv, hist_columns,
			    sizeof(hist_columns) / sizeof(hist_columns[0]), NULL, 0);
	if (!b)
		return -ENOMEM;
	for (i = 0; i < LS_HIST_BUCKETS; i++) {
		if (!h->count[i])
			continue;
		ls_hist_bounds(i, &lo, &hi);
		cell_keys(r, row, b);
		ls_csv_str(b, source);
		ls_csv_u64(b, lo);
		ls_csv_u64(b, hi);
		ls_csv_u64(b, h->count[i]);
		ls_csv_end_row(b);
	}
	return b->err;
}

/*
 * The row's percentiles, per trigger from user space and per operation from
 * BPF, and their histograms appended to hist.csv.gz's text.
 */
static int add_hist(struct ls_results *r, struct ls_row *row, bool text)
{
	const struct ls_hist *h = row->hist, *bh = row->bpf_hist, *bt = row->bpf_timer_hist;
	int err = 0;

	if (row->status != LS_OK)
		return 0;
	if (h && h->total) {
		row->lat = true;
		row->lat_p50 = ls_hist_quantile(h, 0.5);
		row->lat_p90 = ls_hist_quantile(h, 0.9);
		row->lat_p99 = ls_hist_quantile(h, 0.99);
		row->lat_p999 = ls_hist_quantile(h, 0.999);
		row->lat_max = h->max;
		row->lat_samples = h->total;
		err = text ? hist_rows(r, row, "trigger", h) : 0;
	}
	if (!err && bh && bh->total && bt && bt->total) {
		row->bpf_lat = true;
		row->bpf_lat_p50 = ls_hist_quantile(bh, 0.5);
		row->bpf_lat_p90 = ls_hist_quantile(bh, 0.9);
		row->bpf_lat_p99 = ls_hist_quantile(bh, 0.99);
		row->bpf_lat_p999 = ls_hist_quantile(bh, 0.999);
		row->bpf_lat_max = bh->max;
		row->bpf_lat_samples = bh->total;
		row->bpf_timer_ns = ls_hist_quantile(bt, 0.5);
		if (text)
			err = hist_rows(r, row, "bpf_op", bh) ?: hist_rows(r, row, "bpf_timer", bt);
	}
	return err;
}

void ls_summary_csv(const struct ls_results *r, struct ls_buf *b)
{
	size_t i;

	for (i = 0; i < ls_nr_summary_columns; i++)
		ls_csv_str(b, ls_summary_columns[i].name);
	ls_csv_end_row(b);
	for (i = 0; i < r->nr_rows; i++)
		summary_row(r, &r->rows[i], b);
}

int ls_results_write_text(const struct ls_results *r, const char *name, const struct ls_buf *b,
			  bool gz)
{
	char path[PATH_MAX + 16];

	if (!b || !b->len)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", r->dir, name);
	return gz ? ls_write_atomic_gz(path, b->data, b->len)
		  : ls_write_atomic(path, b->data, b->len);
}

/* The run's plain CSV texts, rewritten with summary.csv: repetitions and profiles. */
static int write_texts(const struct ls_results *r)
{
	return ls_results_write_text(r, "reps.csv", r->reps_csv, false)
		       ?: ls_results_write_text(r, "profile.csv", r->profile_csv, false);
}

static int write_summary(struct ls_results *r)
{
	char path[PATH_MAX + 16];
	struct ls_buf b = {};
	int err;

	ls_summary_csv(r, &b);
	err = b.err;
	if (!err) {
		snprintf(path, sizeof(path), "%s/summary.csv", r->dir);
		err = ls_write_atomic(path, b.data, b.len);
	}
	ls_buf_free(&b);
	return err;
}

/* Drops the CSV texts kept in memory: each write makes them again from the rows. */
static void texts_free(struct ls_results *r)
{
	struct ls_buf **bufs[] = { &r->hist_csv, &r->reps_csv, &r->profile_csv };
	size_t i;

	for (i = 0; i < sizeof(bufs) / sizeof(bufs[0]); i++) {
		if (*bufs[i]) {
			ls_buf_free(*bufs[i]);
			free(*bufs[i]);
			*bufs[i] = NULL;
		}
	}
}

/*
 * Every row's percentiles; with texts, its repetitions and profile as CSV
 * text too, and with hist its histograms.
 */
static int texts_make(struct ls_results *r, bool texts, bool hist)
{
	size_t i;
	int err = 0;

	texts_free(r);
	for (i = 0; i < r->nr_rows && !err; i++) {
		err = add_hist(r, &r->rows[i], hist);
		if (!err && texts)
			err = add_reps(r, &r->rows[i]) ?: add_profile(r, &r->rows[i]);
	}
	return err;
}

int ls_results_write(struct ls_results *r, bool texts)
{
	double t0 = ls_now_ns();
	int err = texts_make(r, texts, false) ?: write_summary(r);

	if (!err && texts)
		err = write_texts(r);
	r->spent.write_s += (ls_now_ns() - t0) / 1e9;
	return err ?: write_meta(r, "running");
}

long ls_results_slot(struct ls_results *r, const struct ls_row *keys)
{
	size_t i;

	for (i = 0; i < r->nr_rows; i++) {
		const struct ls_row *x = &r->rows[i];

		if (x->sc == keys->sc && x->mode == keys->mode && x->threads == keys->threads &&
		    x->nr_maps == keys->nr_maps && x->nr_objects == keys->nr_objects &&
		    x->value_size == keys->value_size && x->sharing == keys->sharing)
			return i;
	}
	if (r->nr_rows == r->cap_rows) {
		size_t cap = r->cap_rows ? 2 * r->cap_rows : 16;
		struct ls_row *rows = realloc(r->rows, cap * sizeof(*rows));

		if (!rows)
			return -ENOMEM;
		r->rows = rows;
		r->cap_rows = cap;
	}
	r->rows[r->nr_rows] = *keys;
	return r->nr_rows++;
}

int ls_results_add(struct ls_results *r, const struct ls_row *row)
{
	long i = ls_results_slot(r, row);

	if (i < 0)
		return i;
	r->rows[i] = *row;
	return ls_results_write(r, true);
}

int ls_results_finish(struct ls_results *r, const char *state)
{
	double t0 = ls_now_ns();
	int err = texts_make(r, true, true) ?: write_summary(r) ?: write_texts(r) ?:
		ls_results_write_text(r, "hist.csv.gz", r->hist_csv, true);

	r->spent.write_s += (ls_now_ns() - t0) / 1e9;
	return write_meta(r, state) ?: err;
}

void ls_results_remove(struct ls_results *r)
{
	static const char *const files[] = { "summary.csv", "meta.txt", "hist.csv.gz", "reps.csv",
					     "profile.csv" };
	char path[PATH_MAX + 16];
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", r->dir, files[i]);
		unlink(path);
	}
	rmdir(r->dir);
}

void ls_results_free(struct ls_results *r)
{
	size_t i;

	texts_free(r);
	for (i = 0; i < r->nr_rows; i++) {
		struct ls_row *row = &r->rows[i];

		free(row->hist);
		free(row->bpf_hist);
		free(row->bpf_timer_hist);
		free(row->reps);
		free(row->profile);
	}
	free(r->rows);
	r->rows = NULL;
	r->nr_rows = r->cap_rows = 0;
}
