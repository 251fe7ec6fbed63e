/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside lsbench report: what its files share. report.c writes the page and
 * is the command, rcompare.c the comparisons on it, rplot.c the plots,
 * rseries.c the data series they draw. Not for the rest of analysis/.
 */
#ifndef LSBENCH_REPORT_INT_H
#define LSBENCH_REPORT_INT_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include "csv.h"
#include "rset.h"
#include "report.h"

#define MAX_POINTS 64
#define MAX_TYPES 16

struct report {
	struct ls_report_args a; /* the command line */
	char plots[PATH_MAX]; /* <out>/plots */
	struct ls_rset sets[LS_REPORT_MAX_SETS];
	char labels[LS_REPORT_MAX_SETS][200]; /* "kernel (label NAME)" per set */
	size_t nr_sets;
	const char *types[MAX_TYPES]; /* map types, in order of appearance */
	size_t nr_types;
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

/* The series of one sweep plot, as many as there are. */
struct series_list {
	struct series *s;
	size_t n, cap;
	size_t dropped; /* points past MAX_POINTS of a series */
};

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

/* report.c: the page. Escapes s for HTML text and attributes. */
void ls_report_html_str(struct ls_buf *b, const char *s);
/* Drops a heading (the page since len) when nothing followed it (head_end, plots). */
void ls_report_drop_empty(struct report *r, size_t len, size_t head_end, unsigned int plots);

/* rcompare.c: the comparison of set 0 with set s. 0 or -errno with r->err set. */
int ls_report_compare_section(struct report *r, size_t s);

/* rplot.c: the plots, each added to the page; 0 or -errno with r->err set. */
int ls_report_sweep_plot(struct report *r, const struct sweep *sw);
int ls_report_type_plots(struct report *r, const char *type);
int ls_report_hist_plot(struct report *r);

/* rseries.c: a cell's values, the intervals of set s, the series of a sweep. */
double ls_report_y_mops(const struct ls_rcell *c);
double ls_report_y_ns(const struct ls_rcell *c);
void ls_report_load_ci(struct report *r, size_t s);
int ls_report_collect(const struct report *r, const char *type, const char *mode, int dim,
		      double (*y)(const struct ls_rcell *), struct series_list *out);

#endif /* LSBENCH_REPORT_INT_H */
