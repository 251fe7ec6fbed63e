// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench report: for one or more result sets, gnuplot scripts and data in
 * <out>/plots/, the PNGs gnuplot makes of them, and <out>/report.html that
 * shows them with relative links, with the comparison of the first set with
 * each other one.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"
#include "gnuplot.h"
#include "paths.h"
#include "report.h"
#include "cmptable.h"
#include "sides.h"
#include "rev.h"

#define MAX_POINTS 64
#define SERIES_PER_PLOT 24 /* more, and the key outgrows the plot */
#define MAX_TYPES 16

struct report {
	const char *out; /* folder of report.html */
	char plots[PATH_MAX]; /* <out>/plots */
	struct ls_rset sets[LS_REPORT_MAX_SETS];
	char labels[LS_REPORT_MAX_SETS][200]; /* "kernel (label NAME)" per set */
	size_t nr_sets;
	const char *types[MAX_TYPES]; /* map types, in order of appearance */
	size_t nr_types;
	const char *cell; /* "scenario/mode" of the histogram overlay */
	double bound; /* compare's equivalence bound, a fraction */
	bool force; /* compare sets of different CPU models or virtualisation */
	struct ls_buf html;
	unsigned int nr_plots;
	bool tcg[LS_REPORT_MAX_SETS]; /* a run of the set ran under TCG: emulated times */
	double harness_lo, harness_hi; /* loop-mode empty controls, ns per operation; 0: none */
	struct cell_ci *ci; /* intervals of ns_per_op, of sets of one run only */
	size_t nr_ci;
	char err[4 * PATH_MAX];
};

struct series {
	size_t set;
	struct ls_key sig; /* the key with the swept dimension zeroed */
	size_t n;
	double x[MAX_POINTS], y[MAX_POINTS];
	double lo[MAX_POINTS], hi[MAX_POINTS]; /* y's interval, NAN when not known */
};

/* A cell's interval of ns_per_op, from summary.csv's ns_per_op_ci_lo and _hi where it has them. */
struct cell_ci {
	size_t set;
	struct ls_key key;
	double lo, hi;
};

/* Escapes s for HTML text and attributes. */
static void html_str(struct ls_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<':
			ls_buf_printf(b, "&lt;");
			break;
		case '>':
			ls_buf_printf(b, "&gt;");
			break;
		case '&':
			ls_buf_printf(b, "&amp;");
			break;
		case '"':
			ls_buf_printf(b, "&quot;");
			break;
		default:
			ls_buf_printf(b, "%c", (unsigned char)*s < 0x20 ? ' ' : *s);
		}
	}
}

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

/*
 * A heading goes to the page when something follows it: drops what the page
 * gained since len (a heading and its introduction) when no plot was made
 * since plots and nothing else was written after head_end.
 */
static void drop_empty(struct report *r, size_t len, size_t head_end, unsigned int plots)
{
	if (r->nr_plots == plots && r->html.len == head_end && !r->html.err) {
		r->html.len = len;
		r->html.data[len] = 0;
	}
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
	html_str(&r->html, caption);
	ls_buf_printf(&r->html, "\"><figcaption>");
	html_str(&r->html, caption);
	ls_buf_printf(&r->html, "</figcaption></figure>\n");
	r->nr_plots++;
	return 0;
}

static double dim_of(const struct ls_key *k, int dim)
{
	return dim == 0 ? k->cpus : dim == 1 ? k->nr_maps : k->nr_objects;
}

static double y_mops(const struct ls_rcell *c)
{
	return c->ops_per_sec / 1e6;
}

static double y_ns(const struct ls_rcell *c)
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
static void load_ci(struct report *r, size_t s)
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

/* The series of one sweep plot, as many as there are. */
struct series_list {
	struct series *s;
	size_t n, cap;
	size_t dropped; /* points past MAX_POINTS of a series */
};

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
static int collect(const struct report *r, const char *type, const char *mode, int dim,
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
			if (ok && y == y_ns)
				find_ci(r, s, &c->key, &t->lo[t->n], &t->hi[t->n]);
			t->y[t->n++] = v;
		}
	}
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

/* A sweep plot: what it shows, and over what. */
struct sweep {
	const char *name; /* of the first picture; the next ones add -2, -3, ... */
	const char *type; /* map type, or NULL: all */
	const char *mode; /* hook or loop, or NULL: both */
	int dim; /* 0: cpus, 1: maps, 2: owners */
	double (*y)(const struct ls_rcell *);
	size_t min_points; /* measured points a series needs to be drawn */
	const char *title, *xlabel, *ylabel;
	bool logx;
};

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
	if (sw->y == y_ns)
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
		html_str(h, t);
		ls_buf_printf(h, "; ");
	}
	ls_buf_printf(h, "</p></details>\n");
}

/* The series with min_points measured points, SERIES_PER_PLOT to a picture. */
static int sweep_plot(struct report *r, const struct sweep *sw)
{
	struct series_list l = {};
	struct series *drawn;
	size_t i, nd = 0, k, parts, nr_left = 0;
	char name[128], title[512], caption[1024];
	int ret;

	ret = collect(r, sw->type, sw->mode, sw->dim, sw->y, &l);
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
static int type_plots(struct report *r, const char *type)
{
	char name[96], safe[48], title[256], tt[64];
	struct sweep sw = { .name = name,
			    .type = type,
			    .y = y_mops,
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
	html_str(&r->html, tt);
	ls_buf_printf(&r->html, "</h3>\n");
	head_end = r->html.len;
	snprintf(name, sizeof(name), "throughput-%s", safe);
	snprintf(title, sizeof(title), "%s: throughput against producer threads", tt);
	ret = sweep_plot(r, &sw);
	ret = ret ?: latency_plot(r, type, safe, tt, "hook");
	ret = ret ?: latency_plot(r, type, safe, tt, "loop");
	drop_empty(r, len, head_end, plots);
	return ret;
}

/* The cell of the overlay: --cell, else task-get/hook, else the first with a latency. */
static const struct ls_rcell *overlay_cell(const struct report *r)
{
	const char *want = r->cell ?: "task-get/hook";
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
	return r->cell ? NULL : first;
}

/* The latency histograms of one cell in every set, as fractions of the samples. */
static int hist_plot(struct report *r)
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

static void html_ns(struct ls_buf *b, double v)
{
	ls_buf_printf(b, "<td>%.*f</td>", v >= 1000 ? 0 : v >= 100 ? 1 : 2, v);
}

/* What compare did, as compare says it: units, test, correction, the four verdicts. */
static void compare_method(struct ls_buf *h, const struct ls_cmp *c)
{
	char method[256];

	ls_cmp_method(c, method, sizeof(method));
	ls_buf_printf(
		h,
		"<p>Ratio: ns per operation, new / base (above 1: slower), the ratio of the "
		"geometric means of the units (%s); its 95%% interval and p from Welch's t on the "
		"logarithms of the units (the paired t when the runs are paired); q: p adjusted by "
		"Benjamini-Hochberg over the %zu cells tested. A cell is "
		"<span class=\"slower\">slower</span> or <span class=\"faster\">faster</span> "
		"when its interval excludes 1 and q &lt; %g; <span class=\"same\">same</span> only "
		"when its 90%% interval (two one-sided tests) lies within &plusmn;%g%% and neither "
		"side is noisy; else <span class=\"unsure\">~</span>: not shown either way, with "
		"the rounds a side that would settle it at the spread seen. Detectable: the change "
		"the cell would find with 80%% power at q &lt; %g were it the only one changed. "
		"%zu slower, %zu faster, %zu the same, %zu ~, %zu not ok on a side, %zu only in "
		"base, %zu only in new.</p>\n"
		"<table><tr><th>map type</th><th>geometric mean of ratios</th><th>cells</th></tr>\n",
		method, c->nr_tested, c->rule.fdr, 100 * c->rule.bound, c->rule.fdr, c->nr_slower,
		c->nr_faster, c->nr_same, c->nr_unsure, c->nr_not_ok, c->nr_base_only,
		c->nr_new_only);
}

/* A compared row's figures: ns, ratio, interval, q, the change it could see, its verdict. */
static void compared_cells(struct ls_buf *h, const struct ls_cmp_row *row)
{
	char needed[48];

	html_ns(h, row->base->ns_per_op);
	html_ns(h, row->new->ns_per_op);
	ls_buf_printf(h, "<td>%.3f</td>", row->ratio);
	if (isnan(row->p))
		ls_buf_printf(h, "<td>-</td><td>-</td>");
	else
		ls_buf_printf(h, "<td>%.3f&ndash;%.3f</td><td>%.4f</td>", row->j.ci_lo,
			      row->j.ci_hi, row->q);
	if (isfinite(row->j.detectable))
		ls_buf_printf(h, "<td>%.1f%%</td>", 100 * row->j.detectable);
	else
		ls_buf_printf(h, "<td>-</td>");
	ls_cmp_row_needed(row, needed, sizeof(needed));
	ls_buf_printf(h, "<td>%s%s%s%s%s</td></tr>\n", ls_cmp_row_noisy(row) ? "noisy " : "",
		      ls_cmp_row_verdict(row), row->j.why == LS_WHY_FEW ? " (too few units)" : "",
		      *needed ? ": needs " : "", needed);
}

/* The comparison of set 0 with set s: geometric means, then every cell, effects first. */
static int compare_section(struct report *r, size_t s)
{
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	struct ls_buf *h = &r->html;
	struct ls_cmp c;
	size_t i, n;
	double g;
	int ret;

	ls_buf_printf(h, "<h2>Comparison: ");
	html_str(h, r->labels[s]);
	ls_buf_printf(h, " against ");
	html_str(h, r->labels[0]);
	ls_buf_printf(h, "</h2>\n");
	o.bound = r->bound;
	ret = ls_cmp_build(&c, &r->sets[0], &r->sets[s], &o, r->err, sizeof(r->err));
	if (ret == -EINVAL) {
		ls_buf_printf(h, "<p>Not compared: ");
		html_str(h, r->err);
		ls_buf_printf(h, "</p>\n");
		return 0;
	}
	if (ret)
		return ret;
	if (r->tcg[0] || r->tcg[s])
		ls_buf_printf(h, "<p class=\"warn\">Under TCG the CPU is emulated: these times are "
				 "emulated, comparable only with other TCG runs.</p>\n");
	compare_method(h, &c);
	for (i = 0; i <= r->nr_types; i++) {
		const char *t = i < r->nr_types ? r->types[i] : NULL;

		g = ls_cmp_geomean(&c, t, &n);
		if (!n)
			continue;
		ls_buf_printf(h, "<tr><td>");
		html_str(h, t ?: "all");
		ls_buf_printf(h, "</td><td>%.3f</td><td>%zu</td></tr>\n", g, n);
	}
	ls_buf_printf(h, "</table>\n<table class=\"cmp\"><tr><th>cell</th><th>base ns/op</th>"
			 "<th>new ns/op</th><th>ratio</th><th>95%% CI</th><th>q</th>"
			 "<th>detectable</th><th>verdict</th></tr>\n");
	for (i = 0; i < c.nr_rows; i++) {
		const struct ls_cmp_row *row = &c.rows[i];
		const struct ls_rcell *any = row->base ?: row->new;
		char label[256];

		ls_key_spelled(&any->key, LS_LBL_ALL, false, label, sizeof(label));
		ls_buf_printf(h, "<tr class=\"%s\"><td>", ls_cmp_row_class(row));
		html_str(h, label);
		ls_buf_printf(h, "</td>");
		if (row->kind == LS_CMP_BOTH) {
			compared_cells(h, row);
			continue;
		}
		ls_buf_printf(h, "<td colspan=\"6\">base %s, new %s: ",
			      row->base ? row->base->status : "absent",
			      row->new ? row->new->status : "absent");
		html_str(h, row->base && strcmp(row->base->status, "ok") ? row->base->reason
			    : row->new					 ? row->new->reason
									 : "");
		ls_buf_printf(h, "</td><td>%s</td></tr>\n", ls_cmp_row_verdict(row));
	}
	ls_buf_printf(h, "</table>\n");
	ls_cmp_free(&c);
	return 0;
}

static void sets_table(struct report *r)
{
	struct ls_buf *h = &r->html;
	size_t s, i;

	ls_buf_printf(h, "<table><tr><th>set</th><th>kernel</th><th>host</th><th>CPU</th>"
			 "<th>runs</th><th>cells</th><th>schema</th></tr>\n");
	for (s = 0; s < r->nr_sets; s++) {
		const struct ls_rset *set = &r->sets[s];
		char k[256], hosts[256];

		ls_rset_kernels(set, k, sizeof(k));
		ls_rset_hosts(set, hosts, sizeof(hosts));
		ls_buf_printf(h, "<tr><td>%zu</td><td>", s + 1);
		html_str(h, k);
		ls_buf_printf(h, "</td><td>");
		html_str(h, hosts);
		ls_buf_printf(h, "</td><td>");
		html_str(h, set->runs[0].cpu_model);
		ls_buf_printf(h, "</td><td>");
		for (i = 0; i < set->nr_runs; i++) {
			ls_buf_printf(h, "%s", i ? "<br>" : "");
			html_str(h, set->runs[i].run_id);
			ls_buf_printf(h, " (");
			html_str(h, set->runs[i].state[0] ? set->runs[i].state : "state unknown");
			ls_buf_printf(h, ")");
		}
		ls_buf_printf(h, "</td><td>%zu</td><td>%u</td></tr>\n", set->nr_cells, set->schema);
	}
	ls_buf_printf(h, "</table>\n");
}

/* Labels the sets by kernel and label, with their first run when two would read the same. */
static void set_labels(struct report *r)
{
	size_t s, i, j;

	for (s = 0; s < r->nr_sets; s++) {
		char k[160];

		/* one kernel a set (sides.c): its release, and its label when it has one */
		ls_run_kernel_name(&r->sets[s].runs[0], k, sizeof(k));
		snprintf(r->labels[s], sizeof(r->labels[s]), "%.150s%s", k,
			 r->tcg[s] ? " (TCG: emulated)" : "");
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const char *t = r->sets[s].cells[i].key.map_type;

			for (j = 0; j < r->nr_types && strcmp(r->types[j], t); j++)
				;
			if (j == r->nr_types && r->nr_types < MAX_TYPES)
				r->types[r->nr_types++] = t;
		}
	}
	for (s = 1; s < r->nr_sets; s++) {
		for (i = 0; i < s; i++) {
			if (!strncmp(r->labels[i], r->labels[s], strlen(r->labels[s])))
				break;
		}
		if (i < s) { /* the same kernel twice: told apart by its first run */
			size_t l = strlen(r->labels[s]);

			snprintf(r->labels[s] + l, sizeof(r->labels[s]) - l, ", run %.40s",
				 r->sets[s].runs[0].run_id);
		}
	}
}

static const char page_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	"<title>lsbench report</title>\n<style>\n"
	"body { font-family: sans-serif; max-width: 1100px; margin: 1em auto; color: #222; }\n"
	"img { max-width: 100%; border: 1px solid #ddd; }\n"
	"table { border-collapse: collapse; margin: 1em 0; font-size: 90%; }\n"
	"td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }\n"
	"td:first-child { text-align: left; font-family: monospace; }\n"
	"tr.slower, span.slower { background: #f8c8c0; }\n"
	"tr.faster, span.faster { background: #c4ecc4; }\n"
	"tr.unsure, span.unsure { background: #f4ecc0; }\n"
	"tr.not_ok, tr.base_only, tr.new_only { color: #777; }\n"
	"p.warn { background: #ffd7a8; border: 2px solid #c60; padding: 0.5em; font-weight: bold; }\n"
	"</style></head><body>\n<h1>lsbench report</h1>\n";

/* Counts the images that loaded when the page did: tests read it from the DOM. */
static const char page_tail[] =
	"<p id=\"imgcheck\" data-ok=\"unknown\">images: not checked (no script)</p>\n"
	"<script>\nwindow.addEventListener('load', function () {\n"
	"\tvar imgs = document.images, ok = 0, i, e = document.getElementById('imgcheck');\n"
	"\tfor (i = 0; i < imgs.length; i++)\n"
	"\t\tif (imgs[i].complete && imgs[i].naturalWidth > 0)\n\t\t\tok++;\n"
	"\te.textContent = 'images loaded: ' + ok + ' of ' + imgs.length;\n"
	"\te.setAttribute('data-ok', ok === imgs.length ? 'yes' : 'no');\n"
	"});\n</script>\n</body></html>\n";

/* Maps (loop mode only) and owners, each mode on its own axis. */
static const struct sweep sweeps[] = {
	{ .name = "maps",
	  .dim = 1,
	  .y = y_ns,
	  .min_points = 3,
	  .logx = true,
	  .title = "ns per get against the number of maps (per-owner cache: 16)",
	  .xlabel = "local-storage maps per owner (log)",
	  .ylabel = "ns per operation, bpf_loop harness included (log)" },
	{ .name = "owners",
	  .mode = "loop",
	  .dim = 2,
	  .y = y_ns,
	  .min_points = 2,
	  .logx = true,
	  .title = "ns per operation against owners, loop mode",
	  .xlabel = "owners: tasks, sockets, files, cgroups (log)",
	  .ylabel = "ns per operation, bpf_loop harness included (log)" },
	{ .name = "owners-hook",
	  .mode = "hook",
	  .dim = 2,
	  .y = y_ns,
	  .min_points = 2,
	  .logx = true,
	  .title = "ns per operation against owners, hook mode (one per trigger)",
	  .xlabel = "owners: tasks, sockets, files, cgroups (log)",
	  .ylabel = "ns per operation, trigger included (log)" },
};

/* A run's meta.txt value for key, or "". */
static void meta_value(const char *dir, const char *key, char *buf, size_t size)
{
	char path[PATH_MAX + 16], line[512];
	size_t n = strlen(key);
	FILE *f;

	buf[0] = 0;
	snprintf(path, sizeof(path), "%s/meta.txt", dir);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, key, n) && line[n] == ':' && line[n + 1] == ' ') {
			snprintf(buf, size, "%s", line + n + 2);
			break;
		}
	}
	if (f)
		fclose(f);
}

/* Which sets ran under TCG; what the loop harness costs: the loop-mode empty controls. */
static void sets_context(struct report *r)
{
	char v[128];
	size_t s, i;

	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_runs; i++) {
			meta_value(r->sets[s].runs[i].dir, "virt", v, sizeof(v));
			r->tcg[s] |= !strcmp(v, "tcg");
		}
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const struct ls_rcell *c = &r->sets[s].cells[i];
			size_t n = strlen(c->key.scenario);

			if (strcmp(c->status, "ok") || strcmp(c->key.mode, "loop") ||
			    c->key.cpus != 1 || n < 6 ||
			    strcmp(c->key.scenario + n - 6, "-empty") || !(c->ns_per_op > 0))
				continue;
			if (!(r->harness_hi > 0) || c->ns_per_op < r->harness_lo)
				r->harness_lo = c->ns_per_op;
			if (c->ns_per_op > r->harness_hi)
				r->harness_hi = c->ns_per_op;
		}
	}
}

/* A warning at the top when the report or a run comes from uncommitted changes. */
static void dirty_warning(struct report *r)
{
	char rev[128], dirty[128];
	size_t s, i;

	if (ls_rev_dirty(LSBENCH_REV))
		ls_buf_printf(&r->html,
			      "<p class=\"warn\">Dirty: this report was written by lsbench %s, "
			      "built from uncommitted changes.</p>\n",
			      LSBENCH_REV);
	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_runs; i++) {
			const char *dir = r->sets[s].runs[i].dir;

			meta_value(dir, "lsbench_revision", rev, sizeof(rev));
			meta_value(dir, "dirty", dirty, sizeof(dirty));
			if (!ls_rev_dirty(rev) && strncmp(dirty, "yes", 3))
				continue;
			ls_buf_printf(&r->html, "<p class=\"warn\">Dirty: run ");
			html_str(&r->html, r->sets[s].runs[i].run_id);
			ls_buf_printf(&r->html, " of set [%zu] was measured by lsbench ", s + 1);
			html_str(&r->html, rev);
			ls_buf_printf(&r->html, ", built from uncommitted changes.</p>\n");
		}
	}
}

/* The plots, each heading only where a plot (or what it left out) follows it. */
static int plot_sections(struct report *r)
{
	size_t i, len = r->html.len, head_end;
	unsigned int plots = r->nr_plots;
	int ret = 0;

	ls_buf_printf(&r->html, "<h2>Per map type</h2>\n");
	for (i = 0; !ret && i < r->nr_types; i++)
		ret = type_plots(r, r->types[i]);
	drop_empty(r, len, len + strlen("<h2>Per map type</h2>\n"), plots);
	len = r->html.len;
	plots = r->nr_plots;
	ls_buf_printf(&r->html,
		      "<h2>Sweeps</h2>\n<p>A line per cell that differs only in the swept "
		      "value, a colour per cell and a dash per set; cells of no sweep (one point) "
		      "are in the plots above. A gap in a line: a cell not ok.</p>\n");
	if (r->nr_ci)
		ls_buf_printf(&r->html,
			      "<p>Error bars of ns per operation: the interval summary.csv "
			      "gives (ns_per_op_ci_lo to ns_per_op_ci_hi).</p>\n");
	head_end = r->html.len;
	for (i = 0; !ret && i < sizeof(sweeps) / sizeof(sweeps[0]); i++)
		ret = sweep_plot(r, &sweeps[i]);
	drop_empty(r, len, head_end, plots);
	len = r->html.len;
	plots = r->nr_plots;
	ls_buf_printf(&r->html, "<h2>Latency histogram</h2>\n");
	ret = ret ?: hist_plot(r);
	drop_empty(r, len, len + strlen("<h2>Latency histogram</h2>\n"), plots);
	return ret;
}

static int write_report(struct report *r)
{
	char path[PATH_MAX + 16];
	size_t i;
	int ret;

	sets_context(r);
	for (i = 0; i < r->nr_sets; i++)
		load_ci(r, i);
	set_labels(r);
	snprintf(r->plots, sizeof(r->plots), "%s/plots", r->out);
	if (mkdir(r->out, 0755) && errno != EEXIST) {
		snprintf(r->err, sizeof(r->err), "cannot make %s: %s", r->out, strerror(errno));
		return -errno;
	}
	if (mkdir(r->plots, 0755) && errno != EEXIST) {
		snprintf(r->err, sizeof(r->err), "cannot make %s: %s", r->plots, strerror(errno));
		return -errno;
	}
	snprintf(path, sizeof(path), "%s/gnuplot.log", r->plots);
	unlink(path);
	ls_buf_printf(&r->html, "%s", page_head);
	dirty_warning(r);
	ls_buf_printf(&r->html,
		      "<p>Written by lsbench %s. The comparisons come first, with compare's "
		      "figures (the geometric mean of each side's units); the plots show "
		      "summary.csv's ns_per_op (the median over rounds of each round's median). "
		      "Every plot names its sets (kernel and label, [N]: set N).</p>\n",
		      LSBENCH_REV);
	sets_table(r);
	for (i = 1, ret = 0; !ret && i < r->nr_sets; i++)
		ret = compare_section(r, i);
	ret = ret ?: plot_sections(r);
	if (ret)
		return ret;
	ls_buf_printf(&r->html, "%s", page_tail);
	snprintf(path, sizeof(path), "%s/report.html", r->out);
	ret = r->html.err ?: ls_write_atomic(path, r->html.data, r->html.len);
	if (ret)
		snprintf(r->err, sizeof(r->err), "cannot write %s: %s", path, strerror(-ret));
	else
		printf("written: %s (%u plots)\n", path, r->nr_plots);
	return ret;
}

/* --cell names a scenario/mode of some set, or is refused before anything is written. */
static int cell_known(struct report *r)
{
	size_t s, i;
	char sm[160], q[48];

	if (!r->cell)
		return 0;
	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const struct ls_key *k = &r->sets[s].cells[i].key;

			snprintf(sm, sizeof(sm), "%s/%s", k->scenario, k->mode);
			if (!strcmp(sm, r->cell))
				return 0;
		}
	}
	ls_csvr_quote(r->cell, q, sizeof(q));
	snprintf(r->err, sizeof(r->err),
		 "--cell '%s': no such SCENARIO/MODE in the sets (%s is one)", q, sm);
	return -EINVAL;
}

void ls_report_usage(FILE *f)
{
	fprintf(f,
		"usage: lsbench report [options] SET [SET...]\n"
		"  SET                a run folder, a folder of them, or several joined by\n"
		"                     commas (merged, as compare's sides); up to %d sets,\n"
		"                     each a line in the plots; sets after the first are\n"
		"                     compared with it\n"
		"  -o, --output DIR   where report.html and plots/ go (default: the run\n"
		"                     folder, when SET is one)\n"
		"  -c, --cell S/MODE  the cell of the latency histogram (default task-get/hook)\n"
		"  -b, --bound PCT    compare's equivalence bound: same within -/+PCT (default\n"
		"                     %g; -t, --threshold: its old name)\n"
		"      --force        compare sets of different CPU models or virtualisation\n"
		"                     (refused otherwise, as compare refuses them)\n"
		"      --trial        read runs marked a trial (lsbench run --slowdown, a test's\n"
		"                     fault), which are refused otherwise\n",
		LS_REPORT_MAX_SETS, LS_CMP_BOUND * 100);
}

int ls_report_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "cell", required_argument, NULL, 'c' },
		{ "bound", required_argument, NULL, 'b' },
		{ "threshold", required_argument, NULL, 't' },
		{ "force", no_argument, NULL, 'F' },
		{ "trial", no_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{},
	};
	struct report *r = calloc(1, sizeof(*r));
	bool trials_ok = false;
	int opt, ret = 0;
	char q[48];
	size_t i;

	if (!r)
		return 2;
	r->bound = LS_CMP_BOUND;
	optind = 1;
	opterr = 0;
	while (!ret && (opt = getopt_long(argc, argv, "+o:c:b:t:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'o':
			r->out = optarg;
			break;
		case 'c':
			r->cell = optarg;
			break;
		case 'b':
		case 't':
			if (ls_cmp_parse_pct(optarg, 1, &r->bound)) {
				ls_csvr_quote(optarg, q, sizeof(q));
				snprintf(r->err, sizeof(r->err), "bad bound: '%s'", q);
				ret = -EINVAL;
			}
			break;
		case 'F':
			r->force = true;
			break;
		case 'T':
			trials_ok = true;
			break;
		case 'h':
			ls_report_usage(stdout);
			free(r);
			return 0;
		default:
			ls_csvr_quote(argv[optind - 1], q, sizeof(q));
			snprintf(r->err, sizeof(r->err), "unknown option or missing value: '%s'",
				 q);
			ret = -EINVAL;
		}
	}
	if (!ret && (optind == argc || argc - optind > LS_REPORT_MAX_SETS)) {
		snprintf(r->err, sizeof(r->err), "needs 1 to %d result sets", LS_REPORT_MAX_SETS);
		ret = -EINVAL;
	}
	for (i = optind; !ret && i < (size_t)argc; i++) {
		r->sets[r->nr_sets].trials_ok = trials_ok;
		ret = ls_rset_add(&r->sets[r->nr_sets++], argv[i], r->err, sizeof(r->err));
	}
	ret = ret ?: cell_known(r);
	/* each set after the first is compared with it: checked as compare checks its sides */
	for (i = 1; !ret && i < r->nr_sets; i++)
		ret = ls_sides_check("report", &r->sets[0], &r->sets[i], r->force, stderr, r->err,
				     sizeof(r->err));
	if (!ret && !r->out) {
		if (r->nr_sets == 1 && r->sets[0].nr_runs == 1) {
			r->out = r->sets[0].runs[0].dir;
		} else {
			snprintf(r->err, sizeof(r->err),
				 "several runs: name the report folder with -o");
			ret = -EINVAL;
		}
	}
	ret = ret ?: write_report(r);
	if (ret)
		fprintf(stderr, "lsbench report: %s\n", r->err);
	for (i = 0; i < r->nr_sets; i++)
		ls_rset_free(&r->sets[i]);
	ls_buf_free(&r->html);
	free(r->ci);
	free(r);
	return ret ? 2 : 0;
}
