// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench report's plots: for each, a gnuplot script and its data in
 * <out>/plots/, the PNG gnuplot makes of them, and its figure on the page:
 * sweeps, latency percentiles per map type, the latency histogram overlay.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmptable.h"
#include "csv.h"
#include "gnuplot.h"
#include "report-int.h"

#define SERIES_PER_PLOT 24 /* more, and the key outgrows the plot */

static int write_file(struct report *r, const char *name, struct ls_buf *b)
{
	char path[PATH_MAX + 64];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", r->plots, name);
	ret = b->err ?: ls_write_atomic(path, b->data ?: "", b->len);
	if (ret)
		snprintf(r->err, sizeof(r->err), "cannot write %s: %s", path, strerror(-ret));
	return ret;
}

/* Runs gnuplot on plots/<name>.gp, its messages into plots/gnuplot.log. */
static int run_gnuplot(struct report *r, const char *name)
{
	return ls_gnuplot(r->plots, name, r->err, sizeof(r->err));
}

/* The kernels and hosts of every set, for plot titles. */
static void sets_line(const struct report *r, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = 0;
	for (i = 0; i < r->nr_sets && n < size; i++)
		n += snprintf(buf + n, size - n, "%s[%zu] %s", i ? "\n" : "", i + 1, r->labels[i]);
	if (r->nr_sets == 1)
		snprintf(buf, size, "%s", r->labels[0]);
}

static void gp_header(struct report *r, struct ls_buf *b, const char *name, const char *title,
		      const char *xlabel, const char *ylabel)
{
	char sets[1024], t[1400];

	sets_line(r, sets, sizeof(sets));
	snprintf(t, sizeof(t), "%s\n%s", title, sets);
	ls_buf_printf(b,
		      "set terminal pngcairo size 1000,640 noenhanced font 'DejaVu Sans,10'\n"
		      "set output '%s/%s.png'\n"
		      "set title ",
		      r->plots, name);
	ls_gp_str(b, t);
	ls_buf_printf(b, "\nset xlabel ");
	ls_gp_str(b, xlabel);
	ls_buf_printf(b, "\nset ylabel ");
	ls_gp_str(b, ylabel);
	/* the key below: beside the plot it takes the width the title and the data need */
	ls_buf_printf(b, "\nset grid\nset key below\nset datafile separator ','\n");
}

/* Writes plots/<name>.png from the script in b and adds it to the page. */
static int plot_finish(struct report *r, const char *name, struct ls_buf *script,
		       struct ls_buf *data, const char *caption)
{
	char file[128];
	int ret;

	snprintf(file, sizeof(file), "%s.csv", name);
	ret = write_file(r, file, data);
	snprintf(file, sizeof(file), "%s.gp", name);
	ret = ret ?: write_file(r, file, script);
	ret = ret ?: run_gnuplot(r, name);
	if (ret)
		return ret;
	ls_buf_printf(&r->html, "<figure><img src=\"plots/%s.png\" alt=\"", name);
	ls_report_html_str(&r->html, caption);
	ls_buf_printf(&r->html, "\"><figcaption>");
	ls_report_html_str(&r->html, caption);
	ls_buf_printf(&r->html, "</figcaption></figure>\n");
	r->nr_plots++;
	return 0;
}

/* Points of a series that are measured (not gaps). */
static size_t measured(const struct series *s)
{
	size_t p, n = 0;

	for (p = 0; p < s->n; p++)
		n += !isnan(s->y[p]);
	return n;
}
/* The title, and what the values include: the loop harness, emulation. */
static void plot_caption(const struct report *r, const char *mode, const char *title, char *buf,
			 size_t size)
{
	size_t n, s;

	n = snprintf(buf, size, "%s.", title);
	if ((!mode || !strcmp(mode, "loop")) && r->harness_hi > 0 && n < size)
		n += snprintf(buf + n, size - n,
			      " Loop-mode values include the bpf_loop harness: the loop-mode empty "
			      "controls (one thread) measured %.2f to %.2f ns per operation here.",
			      r->harness_lo, r->harness_hi);
	else if (!mode || !strcmp(mode, "loop"))
		n += snprintf(buf + n, size - n,
			      " Loop-mode values include the bpf_loop harness (no loop-mode empty "
			      "control in these sets says how much).");
	for (s = 0; s < r->nr_sets && n < size; s++) {
		if (r->tcg[s])
			n += snprintf(buf + n, size - n,
				      " Set [%zu] ran under TCG: its times are emulated.", s + 1);
	}
}

static void sort_points(struct series *s)
{
	size_t i, j;

	for (i = 1; i < s->n; i++) {
		for (j = i; j > 0 && s->x[j - 1] > s->x[j]; j--) {
			double tx = s->x[j], ty = s->y[j], tl = s->lo[j], th = s->hi[j];

			s->x[j] = s->x[j - 1];
			s->y[j] = s->y[j - 1];
			s->lo[j] = s->lo[j - 1];
			s->hi[j] = s->hi[j - 1];
			s->x[j - 1] = tx;
			s->y[j - 1] = ty;
			s->lo[j - 1] = tl;
			s->hi[j - 1] = th;
		}
	}
}

/* Series of one scenario together, then by the rest of the key, then by set. */
static int series_cmp(const void *a, const void *b)
{
	const struct series *x = a, *y = b;
	int d = ls_key_cmp(&x->sig, &y->sig);

	return d ?: (x->set > y->set) - (x->set < y->set);
}

static void series_title(const struct report *r, const struct series *s, int dim, char *buf,
			 size_t size)
{
	const struct ls_key *k = &s->sig;
	int n;

	n = snprintf(buf, size, "%s/%s", k->scenario, k->mode);
	if (dim != 0)
		n += snprintf(buf + n, size - n, " c%u", k->cpus);
	if (dim != 2 && k->nr_objects > 1)
		n += snprintf(buf + n, size - n, " o%u", k->nr_objects);
	if (dim != 1 && k->nr_maps > 1)
		n += snprintf(buf + n, size - n, " m%u", k->nr_maps);
	if (k->value_size != 8)
		n += snprintf(buf + n, size - n, " v%u", k->value_size);
	if (!strcmp(k->sharing, "shared"))
		n += snprintf(buf + n, size - n, " shared");
	if (r->nr_sets > 1)
		snprintf(buf + n, size - n, " [%zu]", s->set + 1);
}

static int double_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Every x of the series, each labelled once: the swept values are few. */
static void sweep_xtics(struct ls_buf *b, const struct series *ser, size_t n)
{
	double xs[MAX_POINTS * 4];
	size_t i, p, k, nx = 0;
	bool low;

	for (i = 0; i < n; i++) {
		for (p = 0; p < ser[i].n; p++) {
			for (k = 0; k < nx && xs[k] != ser[i].x[p]; k++)
				;
			if (k == nx && nx < sizeof(xs) / sizeof(xs[0]))
				xs[nx++] = ser[i].x[p];
		}
	}
	qsort(xs, nx, sizeof(xs[0]), double_cmp);
	/* a label close to the one before it (16, 17) goes a line lower */
	ls_buf_printf(b, "set xtics (");
	for (k = 0, low = false; k < nx; k++) {
		low = k && !low && xs[k] < xs[k - 1] * 1.3 && xs[k] - xs[k - 1] < 3;
		ls_buf_printf(b, "%s\"%s%g\" %g", k ? ", " : "", low ? "\\n" : "", xs[k], xs[k]);
	}
	ls_buf_printf(b, ")\nset xlabel offset 0,-0.8\n");
}

/*
 * One picture of n series. Colours repeat every 8 series: dash and point
 * types tell them apart beyond. A cell not ok leaves a gap in its line.
 */
static int sweep_one(struct report *r, const struct sweep *sw, const char *name, const char *title,
		     const char *caption, struct series *ser, size_t n)
{
	/* a colour per cell, told apart from the next by its point too; a dash per set */
	static const char *const colours[] = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd",
					       "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
					       "#7f7f7f", "#bcbd22", "#000080", "#008000" };
	struct ls_buf script = {}, data = {};
	size_t i, p, cell = 0;
	char t[256];
	int ret;

	gp_header(r, &script, name, title, sw->xlabel, sw->ylabel);
	ls_buf_printf(&script, "set logscale y\n%s", sw->logx ? "set logscale x\n" : "");
	if (sw->y == ls_report_y_ns)
		ls_gp_time_tics(&script, "y");
	if (n > 6) /* a long key (two columns) needs a taller picture */
		ls_buf_printf(
			&script,
			"set terminal pngcairo size 1000,%zu noenhanced font 'DejaVu Sans,10'\n",
			600 + (n + 1) / 2 * 17);
	sweep_xtics(&script, ser, n);
	ls_buf_printf(&script, "plot ");
	for (i = 0; i < n; i++) {
		bool ci = false;

		for (p = 0; p < ser[i].n; p++)
			ci |= !isnan(ser[i].lo[p]);
		for (p = 0; p < ser[i].n; p++) {
			if (isnan(ser[i].y[p]))
				ls_buf_printf(&data, "\n"); /* a blank line breaks the line */
			else if (ci && !isnan(ser[i].lo[p]))
				ls_buf_printf(&data, "%g,%.6g,%.6g,%.6g\n", ser[i].x[p],
					      ser[i].y[p], ser[i].lo[p], ser[i].hi[p]);
			else /* no interval: a bar of no height */
				ls_buf_printf(&data, "%g,%.6g,%.6g,%.6g\n", ser[i].x[p],
					      ser[i].y[p], ser[i].y[p], ser[i].y[p]);
		}
		ls_buf_printf(&data, "\n\n");
		series_title(r, &ser[i], sw->dim, t, sizeof(t));
		/* sorted by cell, then set: the sets of one cell are adjacent */
		cell += i && ls_key_cmp(&ser[i].sig, &ser[i - 1].sig);
		ls_buf_printf(&script,
			      "%s'%s/%s.csv' index %zu using 1:2%s with %s lw 1.5 lc rgb '%s' "
			      "dt %zu pt %zu title ",
			      i ? ", \\\n     " : "", r->plots, name, i, ci ? ":3:4" : "",
			      ci ? "yerrorlines" : "linespoints",
			      colours[cell % (sizeof(colours) / sizeof(colours[0]))],
			      ser[i].set % 5 + 1, cell % 13 + 1);
		ls_gp_str(&script, t);
	}
	ls_buf_printf(&script, "\n");
	ret = plot_finish(r, name, &script, &data, caption);
	ls_buf_free(&script);
	ls_buf_free(&data);
	return ret;
}

/* The series not drawn, by name, so that nothing is left out unsaid. */
static void sweep_left_out(struct report *r, const struct sweep *sw, const struct series *ser,
			   size_t n, size_t nr_left, size_t dropped)
{
	struct ls_buf *h = &r->html;
	char t[256];
	size_t i;

	if (dropped)
		ls_buf_printf(h, "<p>%zu points past %d per series are not drawn.</p>\n", dropped,
			      MAX_POINTS);
	if (!nr_left)
		return;
	ls_buf_printf(h,
		      "<details><summary>Not drawn in %s: %zu series with fewer than %zu "
		      "measured points (cells not ok)</summary><p>",
		      sw->name, nr_left, sw->min_points);
	for (i = 0; i < n; i++) {
		if (ser[i].n < 2 || measured(&ser[i]) >= sw->min_points)
			continue;
		series_title(r, &ser[i], sw->dim, t, sizeof(t));
		ls_report_html_str(h, t);
		ls_buf_printf(h, "; ");
	}
	ls_buf_printf(h, "</p></details>\n");
}

/* The series with min_points measured points, SERIES_PER_PLOT to a picture. */
int ls_report_sweep_plot(struct report *r, const struct sweep *sw)
{
	struct series_list l = {};
	struct series *drawn;
	size_t i, nd = 0, k, parts, nr_left = 0;
	char name[128], title[512], caption[1024];
	int ret;

	ret = ls_report_collect(r, sw->type, sw->mode, sw->dim, sw->y, &l);
	drawn = calloc(l.n + 1, sizeof(*drawn));
	if (ret || !drawn) {
		free(l.s);
		free(drawn);
		snprintf(r->err, sizeof(r->err), "out of memory for the series of %s", sw->name);
		return -ENOMEM;
	}
	if (l.n) /* qsort of NULL, even of nothing, is undefined */
		qsort(l.s, l.n, sizeof(*l.s), series_cmp);
	for (i = 0; i < l.n; i++) {
		sort_points(&l.s[i]);
		if (measured(&l.s[i]) >= sw->min_points)
			drawn[nd++] = l.s[i];
		else if (l.s[i].n >= 2) /* a sweep with too few measured points */
			nr_left++;
	}
	parts = (nd + SERIES_PER_PLOT - 1) / SERIES_PER_PLOT;
	for (k = 0; !ret && k < parts; k++) {
		size_t first = k * SERIES_PER_PLOT;
		size_t cnt = nd - first < SERIES_PER_PLOT ? nd - first : SERIES_PER_PLOT;

		if (k)
			snprintf(name, sizeof(name), "%s-%zu", sw->name, k + 1);
		else
			snprintf(name, sizeof(name), "%s", sw->name);
		if (parts > 1)
			snprintf(title, sizeof(title), "%s (part %zu of %zu)", sw->title, k + 1,
				 parts);
		else
			snprintf(title, sizeof(title), "%s", sw->title);
		plot_caption(r, sw->mode, title, caption, sizeof(caption));
		ret = sweep_one(r, sw, name, title, caption, drawn + first, cnt);
	}
	if (!ret)
		sweep_left_out(r, sw, l.s, l.n, nr_left, l.dropped);
	free(drawn);
	free(l.s);
	return ret;
}

static const char *type_title(const char *t, char *buf, size_t size)
{
	snprintf(buf, size, "map type %s", t);
	return buf;
}

/*
 * Latency percentiles of the one-thread cells with no sweep of one map type
 * and mode: a hook-mode trigger is one operation, a loop-mode one
 * --loop-iters, so the two never share an axis.
 */
static int latency_plot(struct report *r, const char *type, const char *safe, const char *tt,
			const char *mode)
{
	struct ls_buf script = {}, data = {};
	char name[128], title[256], caption[1024];
	size_t s, i, rows = 0, longest = 0, len;
	bool loop = !strcmp(mode, "loop");
	int ret;

	snprintf(name, sizeof(name), "latency-%s-%s", safe, mode);
	snprintf(title, sizeof(title), "%s: per-trigger latency percentiles, one thread, %s mode%s",
		 tt, mode,
		 loop ? " (a trigger: --loop-iters operations)" : " (a trigger: one operation)");
	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const struct ls_rcell *c = &r->sets[s].cells[i];
			const struct ls_key *k = &c->key;

			if (strcmp(k->map_type, type) || strcmp(k->mode, mode) ||
			    strcmp(c->status, "ok") || k->cpus != 1 || k->nr_objects > 1 ||
			    k->nr_maps > 1 || k->value_size != 8 || !(c->lat[0] > 0))
				continue;
			len = strlen(k->scenario) + (r->nr_sets > 1 ? 5 : 0);
			longest = len > longest ? len : longest;
			ls_buf_printf(&data, "\"%s", k->scenario);
			if (r->nr_sets > 1)
				ls_buf_printf(&data, " [%zu]", s + 1);
			ls_buf_printf(&data, "\",%.1f,%.1f,%.1f,%.1f\n", c->lat[0], c->lat[1],
				      c->lat[2], c->lat[3]);
			rows++;
		}
	}
	gp_header(r, &script, name, title, "cell ([N]: set N)",
		  loop ? "latency per trigger of --loop-iters operations (log)"
		       : "latency per trigger (log)");
	ls_gp_time_tics(&script, "y");
	/* labels slant down-left from their tic: room below and on the left for the longest */
	ls_buf_printf(
		&script,
		"set logscale y\nset style data histogram\nset style histogram cluster gap 1\n"
		"set style fill solid 0.8 border -1\nset xtics rotate by 35 right\n"
		"set bmargin %zu\nset lmargin %zu\n"
		"plot '%s/%s.csv' using 2:xtic(1) title 'p50', '' using 3 title 'p90', "
		"'' using 4 title 'p99', '' using 5 title 'p99.9'\n",
		4 + longest * 5 / 10, 10 + longest * 7 / 10, r->plots, name);
	plot_caption(r, mode, title, caption, sizeof(caption));
	ret = rows ? plot_finish(r, name, &script, &data, caption) : 0;
	ls_buf_free(&script);
	ls_buf_free(&data);
	return ret;
}

/* Per map type: throughput against threads, latency percentiles of one-thread cells. */
int ls_report_type_plots(struct report *r, const char *type)
{
	char name[96], safe[48], title[256], tt[64];
	struct sweep sw = { .name = name,
			    .type = type,
			    .y = ls_report_y_mops,
			    .min_points = 2,
			    .title = title,
			    .xlabel = "producer threads (CPUs)",
			    .ylabel = "throughput, all threads (million operations/s, log)" };
	size_t len = r->html.len, head_end;
	unsigned int plots = r->nr_plots;
	int ret;

	ls_safe_name(type, safe, sizeof(safe));
	type_title(type, tt, sizeof(tt));
	ls_buf_printf(&r->html, "<h3>");
	ls_report_html_str(&r->html, tt);
	ls_buf_printf(&r->html, "</h3>\n");
	head_end = r->html.len;
	snprintf(name, sizeof(name), "throughput-%s", safe);
	snprintf(title, sizeof(title), "%s: throughput against producer threads", tt);
	ret = ls_report_sweep_plot(r, &sw);
	ret = ret ?: latency_plot(r, type, safe, tt, "hook");
	ret = ret ?: latency_plot(r, type, safe, tt, "loop");
	ls_report_drop_empty(r, len, head_end, plots);
	return ret;
}

/* The cell of the overlay: --cell, else task-get/hook, else the first with a latency. */
static const struct ls_rcell *overlay_cell(const struct report *r)
{
	const char *want = r->a.cell ?: "task-get/hook";
	const struct ls_rcell *first = NULL;
	size_t i;

	for (i = 0; i < r->sets[0].nr_cells; i++) {
		const struct ls_rcell *c = &r->sets[0].cells[i];
		char sm[96];

		if (strcmp(c->status, "ok") || !(c->lat[0] > 0) || c->key.cpus != 1)
			continue;
		snprintf(sm, sizeof(sm), "%s/%s", c->key.scenario, c->key.mode);
		if (!strcmp(sm, want))
			return c;
		if (!first)
			first = c;
	}
	return r->a.cell ? NULL : first;
}

/* The latency histograms of one cell in every set, as fractions of the samples. */
int ls_report_hist_plot(struct report *r)
{
	const struct ls_rcell *cell = overlay_cell(r);
	struct ls_buf script = {}, data = {};
	char title[256], label[160];
	size_t s, i, block = 0;
	int ret = 0;

	if (!cell)
		return 0; /* no cell with a latency histogram: no heading either */
	ls_key_spelled(&cell->key, LS_LBL_ALL, false, label, sizeof(label));
	snprintf(title, sizeof(title), "latency histogram of %s, per set", label);
	gp_header(r, &script, "hist", title, "latency per trigger (log)",
		  "share of the triggers per bucket (%, log)");
	ls_gp_time_tics(&script, "x");
	ls_buf_printf(&script, "set logscale x\nset logscale y\nset format y \"%%g\"\nplot ");
	for (s = 0; s < r->nr_sets; s++) {
		const struct ls_rcell *c = ls_rset_find(&r->sets[s], &cell->key);
		struct ls_bucket *b;
		double total = 0;
		long n;

		if (!c || strcmp(c->status, "ok"))
			continue;
		n = ls_rset_hist(&r->sets[s].runs[c->run], &c->key, &b, r->err, sizeof(r->err));
		if (n < 0) {
			ret = n;
			goto out;
		}
		for (i = 0; i < (size_t)n; i++)
			total += b[i].count;
		for (i = 0; i < (size_t)n; i++)
			ls_buf_printf(&data, "%.1f,%.6g\n", (b[i].lower_ns + b[i].upper_ns) / 2,
				      100 * b[i].count / total);
		free(b);
		if (!n)
			continue;
		ls_buf_printf(&data, "\n\n");
		ls_buf_printf(&script, "%s'%s/hist.csv' index %zu using 1:2 with steps lw 2 title ",
			      block ? ", \\\n     " : "", r->plots, block);
		ls_gp_str(&script, r->labels[s]);
		block++;
	}
	ls_buf_printf(&script, "\n");
	if (block)
		ret = plot_finish(r, "hist", &script, &data, title);
out:
	ls_buf_free(&script);
	ls_buf_free(&data);
	return ret;
}
