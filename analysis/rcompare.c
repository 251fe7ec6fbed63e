// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench report's comparisons: each set after the first against it, as
 * compare judges them: the method, geometric means per map type, every cell.
 */
#include <errno.h>
#include <math.h>
#include <string.h>
#include "cmptable.h"
#include "compare.h"
#include "csv.h"
#include "report-int.h"

static void html_ns(struct ls_buf *b, double v)
{
	ls_buf_printf(b, "<td>%.*f</td>", v >= 1000 ? 0 : v >= 100 ? 1 : 2, v);
}

/* What compare did, as compare says it: units, test, correction, the four verdicts. */
static void compare_method(struct ls_buf *h, const struct ls_cmp *c)
{
	char method[LS_CMP_METHOD_SIZE];

	ls_cmp_method(c, method, sizeof(method));
	ls_buf_printf(
		h,
		"<p>Ratio: ns per operation, new / base (above 1: slower), the ratio of the "
		"geometric means of the units (%s); its 95%% interval and p from Welch's t on the "
		"logarithms of the units (the paired t when the runs are paired); q: p adjusted by "
		"Benjamini-Hochberg over the %zu cells tested. A cell is "
		"<span class=\"slower\">slower</span> or <span class=\"faster\">faster</span> "
		"when its interval excludes 1 and q &lt; %g; <span class=\"same\">same</span> only "
		"when its 90%% interval (two one-sided tests) lies within &plusmn;%g%% and, with "
		"one run a side, neither side is noisy (with one run a side a noisy cell is ~); "
		"else <span class=\"unsure\">~</span>: not shown either way, with the rounds or "
		"runs a side that would settle it at the spread seen. Detectable: the change "
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
		      ls_cmp_row_verdict(row),
		      row->j.why == LS_WHY_FEW	     ? " (too few units)"
		      : row->j.why == LS_WHY_CONTROL ? " (its control moved too)"
						     : "",
		      *needed ? ": needs " : "", needed);
}

/* The comparison of set 0 with set s: geometric means, then every cell, effects first. */
int ls_report_compare_section(struct report *r, size_t s)
{
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	struct ls_buf *h = &r->html;
	struct ls_cmp c;
	size_t i, n;
	double g;
	int ret;

	ls_buf_printf(h, "<h2>Comparison: ");
	ls_report_html_str(h, r->labels[s]);
	ls_buf_printf(h, " against ");
	ls_report_html_str(h, r->labels[0]);
	ls_buf_printf(h, "</h2>\n");
	o.bound = r->a.bound;
	ret = ls_cmp_build(&c, &r->sets[0], &r->sets[s], &o, r->err, sizeof(r->err));
	if (ret == -EINVAL) {
		ls_buf_printf(h, "<p>Not compared: ");
		ls_report_html_str(h, r->err);
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
		ls_report_html_str(h, t ?: "all");
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
		ls_report_html_str(h, label);
		ls_buf_printf(h, "</td>");
		if (row->kind == LS_CMP_BOTH) {
			compared_cells(h, row);
			continue;
		}
		ls_buf_printf(h, "<td colspan=\"6\">base %s, new %s: ",
			      row->base ? row->base->status : "absent",
			      row->new ? row->new->status : "absent");
		ls_report_html_str(h, row->base && strcmp(row->base->status, "ok")
					      ? row->base->reason
				      : row->new ? row->new->reason
						 : "");
		ls_buf_printf(h, "</td><td>%s</td></tr>\n", ls_cmp_row_verdict(row));
	}
	ls_buf_printf(h, "</table>\n");
	ls_cmp_free(&c);
	return 0;
}
