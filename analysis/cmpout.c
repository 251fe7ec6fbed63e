// SPDX-License-Identifier: GPL-2.0
/* lsbench compare's output: compare.csv and the table on the terminal. */
#include <math.h>
#include <string.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"

#define LABEL_WIDTH 44

static const char *const csv_columns[] = {
	"schema_version",
	"scenario",
	"map_type",
	"op",
	"hook",
	"mode",
	"nr_maps",
	"nr_objects",
	"value_size",
	"cpus",
	"sharing",
	"verdict",
	"base_status",
	"new_status",
	"base_reason",
	"new_reason",
	"base_reps",
	"new_reps",
	"base_rounds",
	"new_rounds",
	"base_ns_per_op",
	"new_ns_per_op",
	"ratio",
	"ci_low",
	"ci_high",
	"p",
	"q",
	"change_pct",
	"tost_low",
	"tost_high",
	"bound_pct",
	"detectable_pct",
	"rounds_needed",
	"unit",
	"base_units",
	"new_units",
	"base_noisy",
	"new_noisy",
	"why",
	"family",
	"fdr",
	"base_kernel",
	"new_kernel",
};

/* p and q with 6 significant figures: small ones are what matter. */
static void csv_p(struct ls_buf *b, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.6g", v);
	ls_csv_str(b, isnan(v) ? NULL : buf);
}

static void csv_count(struct ls_buf *b, bool has, size_t n)
{
	if (has)
		ls_csv_u64(b, n);
	else
		ls_csv_str(b, NULL);
}

static void csv_side(struct ls_buf *b, const struct ls_rcell *base, const struct ls_rcell *new)
{
	ls_csv_str(b, base ? base->status : NULL);
	ls_csv_str(b, new ? new->status : NULL);
	ls_csv_str(b, base ? base->reason : NULL);
	ls_csv_str(b, new ? new->reason : NULL);
	csv_count(b, base, base ? base->nr_reps : 0);
	csv_count(b, new, new ? new->nr_reps : 0);
	csv_count(b, base, base ? base->nr_rounds : 0);
	csv_count(b, new, new ? new->nr_rounds : 0);
	ls_csv_double(b, base && !strcmp(base->status, "ok") ? base->ns_per_op : NAN);
	ls_csv_double(b, new && !strcmp(new->status, "ok") ? new->ns_per_op : NAN);
}

/* What the verdict rests on: the intervals, the change, what it could see and would need. */
static void csv_judgement(struct ls_buf *b, const struct ls_cmp *c, const struct ls_cmp_row *r)
{
	bool both = r->kind == LS_CMP_BOTH;

	ls_csv_double(b, r->ratio);
	ls_csv_double(b, r->j.ci_lo);
	ls_csv_double(b, r->j.ci_hi);
	csv_p(b, r->p);
	csv_p(b, r->q);
	ls_csv_double(b, both ? 100 * (r->ratio - 1) : NAN);
	ls_csv_double(b, r->j.tost_lo);
	ls_csv_double(b, r->j.tost_hi);
	ls_csv_double(b, 100 * c->rule.bound);
	ls_csv_double(b, 100 * r->j.detectable);
	csv_count(b, r->j.units_needed, r->j.units_needed);
	ls_csv_str(b, both ? ls_unit_name(r->unit) : NULL);
	csv_count(b, r->has_test, r->t.na);
	csv_count(b, r->has_test, r->t.nb);
	csv_count(b, both, r->base_noisy);
	csv_count(b, both, r->new_noisy);
	ls_csv_str(b, both ? ls_why_text(r->j.why) : NULL);
}

void ls_cmp_csv(const struct ls_cmp *c, struct ls_buf *b)
{
	size_t i;

	for (i = 0; i < sizeof(csv_columns) / sizeof(csv_columns[0]); i++)
		ls_csv_str(b, csv_columns[i]);
	ls_csv_end_row(b);
	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_cmp_row *r = &c->rows[i];

		ls_csv_u64(b, c->base->schema);
		ls_key_csv(b, ls_cmp_row_key(r));
		ls_csv_str(b, ls_cmp_row_verdict(r));
		csv_side(b, r->base, r->new);
		csv_judgement(b, c, r);
		ls_csv_u64(b, c->nr_tested);
		ls_csv_double(b, c->rule.fdr);
		ls_csv_str(b, r->base ? c->base->runs[r->base->run].kernel : NULL);
		ls_csv_str(b, r->new ? c->new->runs[r->new->run].kernel : NULL);
		ls_csv_end_row(b);
	}
}

/* ns with 3 to 4 significant figures in at most 8 columns. */
static void fmt_ns(char *buf, size_t size, double v)
{
	snprintf(buf, size, v >= 1000 ? "%.0f" : v >= 100 ? "%.1f" : "%.2f", v);
}

/* p in 6 columns: 4 decimals, or 1e-05 and the like below 0.001. */
static void fmt_p(char *buf, size_t size, double p)
{
	snprintf(buf, size, p >= 0.001 || p == 0 ? "%.4f" : "%.0e", p);
}

static void print_label(FILE *f, const struct ls_key *k)
{
	char label[160];

	ls_key_label(k, label, sizeof(label));
	if (strlen(label) > LABEL_WIDTH)
		strcpy(label + LABEL_WIDTH - 1, "~");
	fprintf(f, "%-*s", LABEL_WIDTH, label);
}

/* A cell not compared: its statuses and the first reason, cut to the line. */
static void print_unmatched(FILE *f, const struct ls_cmp_row *r)
{
	const struct ls_rcell *why = r->base && strcmp(r->base->status, "ok") ? r->base : r->new;
	char what[64], reason[64];

	if (r->kind == LS_CMP_BASE_ONLY)
		snprintf(what, sizeof(what), "only in base (%s)", r->base->status);
	else if (r->kind == LS_CMP_NEW_ONLY)
		snprintf(what, sizeof(what), "only in new (%s)", r->new->status);
	else
		snprintf(what, sizeof(what), "base %s, new %s", r->base->status, r->new->status);
	if (!why || !strcmp(why->status, "ok"))
		why = r->base ?: r->new;
	ls_csvr_quote(why->reason, reason, sizeof(reason));
	print_label(f, ls_cmp_row_key(r));
	fprintf(f, " %s%s%.*s\n", what, *reason ? ": " : "",
		(int)(100 - LABEL_WIDTH - 3 - strlen(what)), reason);
}

static void print_side(FILE *f, const char *name, const struct ls_rset *s)
{
	char kernels[256], hosts[256];

	ls_rset_kernels(s, kernels, sizeof(kernels));
	ls_rset_hosts(s, hosts, sizeof(hosts));
	fprintf(f, "%-4s: kernel %s, host %s, %zu run%s, %zu cells (%s/...)\n", name, kernels,
		hosts, s->nr_runs, s->nr_runs > 1 ? "s" : "", s->nr_cells, s->runs[0].dir);
}

static void print_head(const struct ls_cmp *c, FILE *f)
{
	char method[256];

	print_side(f, "base", c->base);
	print_side(f, "new", c->new);
	ls_cmp_method(c, method, sizeof(method));
	fprintf(f,
		"ratio: new / base ns per op, the geometric means of the units (above 1: slower); %s\n"
		"p and %d%% CI: Welch's t on the logs of the units (paired t when paired); "
		"q: p adjusted by Benjamini-Hochberg over the family\n"
		"slower/faster: CI excludes 1 and q < %g; same: the %d%% CI (TOST) within -/+%g%%; "
		"else ~, with the units a side that would settle it\n"
		"detect: the change the cell finds with 80%% power at q < %g if it is the only one changed\n",
		method, (int)(LS_CMP_LEVEL * 100), c->rule.fdr,
		(int)lround(100 * (1 - 2 * c->rule.tost_alpha)), 100 * c->rule.bound, c->rule.fdr);
	fprintf(f, "%-*s %8s %8s %6s %13s %6s %6s %7s %6s %s\n", LABEL_WIDTH, "cell", "base ns",
		"new ns", "ratio", "95% CI", "p", "q", "units", "detect", "verdict");
}

static void print_row(const struct ls_cmp_row *r, FILE *f)
{
	char b[16], nw[16], ci[32] = "-", p[16] = "-", q[16] = "-", units[24], det[16] = "-";
	char needed[48];

	fmt_ns(b, sizeof(b), r->base->ns_per_op);
	fmt_ns(nw, sizeof(nw), r->new->ns_per_op);
	if (!isnan(r->p)) {
		snprintf(ci, sizeof(ci), "%.3f-%.3f", r->j.ci_lo, r->j.ci_hi);
		fmt_p(p, sizeof(p), r->p);
		fmt_p(q, sizeof(q), r->q);
	}
	if (r->j.detectable >= 10)
		snprintf(det, sizeof(det), ">999%%");
	else if (isfinite(r->j.detectable))
		snprintf(det, sizeof(det), "%.*f%%", r->j.detectable < 0.1 ? 1 : 0,
			 100 * r->j.detectable);
	if (r->has_test)
		snprintf(units, sizeof(units), "%zu/%zu%s", r->t.na, r->t.nb,
			 r->unit == LS_UNIT_ROUND ? ""
			 : r->unit == LS_UNIT_RUN ? "r"
						  : "p");
	else
		snprintf(units, sizeof(units), "-");
	ls_cmp_row_needed(r, needed, sizeof(needed));
	print_label(f, ls_cmp_row_key(r));
	fprintf(f, " %8s %8s %6.3f %13s %6s %6s %7s %6s %s%s%s%s%s\n", b, nw, r->ratio, ci, p, q,
		units, det, ls_cmp_row_noisy(r) ? "noisy " : "", ls_verdict_name(r->verdict),
		r->j.why == LS_WHY_FEW ? " (too few)" : "", *needed ? " need " : "", needed);
}

static void print_geomeans(const struct ls_cmp *c, FILE *f)
{
	const char *types[32];
	size_t i, j, nt = 0, n;
	double g;

	fprintf(f, "geometric mean of the ratios of compared cells:\n");
	for (i = 0; i < c->nr_rows; i++) {
		const char *t = c->rows[i].kind == LS_CMP_BOTH ? c->rows[i].base->key.map_type
							       : NULL;

		for (j = 0; t && j < nt; j++) {
			if (!strcmp(types[j], t))
				break;
		}
		if (t && j == nt && nt < 32)
			types[nt++] = t;
	}
	for (i = 0; i < nt; i++) {
		g = ls_cmp_geomean(c, types[i], &n);
		fprintf(f, "  %-16s %6.3f  (%zu cells)\n", types[i], g, n);
	}
	g = ls_cmp_geomean(c, NULL, &n);
	fprintf(f, "  %-16s %6.3f  (%zu cells)\n", "all", g, n);
}

void ls_cmp_print(const struct ls_cmp *c, FILE *f)
{
	size_t i;

	print_head(c, f);
	for (i = 0; i < c->nr_rows; i++) {
		if (c->rows[i].kind == LS_CMP_BOTH)
			print_row(&c->rows[i], f);
		else
			print_unmatched(f, &c->rows[i]);
	}
	print_geomeans(c, f);
	fprintf(f,
		"%zu cells: %zu slower, %zu faster, %zu same, %zu ~; %zu not ok on a side, %zu only in base, %zu only in new\n",
		c->nr_rows, c->nr_slower, c->nr_faster, c->nr_same, c->nr_unsure, c->nr_not_ok,
		c->nr_base_only, c->nr_new_only);
	fprintf(f, "Benjamini-Hochberg over %zu tested cells%s\n", c->nr_tested,
		c->opts.nr_select ? " (the cells -s selects)" : "");
	if (c->nr_few)
		fprintf(f,
			"%zu compared cells not tested, for want of units (fewer than %d a side): ~\n",
			c->nr_few, LS_MIN_UNITS);
	if (c->nr_noisy)
		fprintf(f,
			"%zu compared cells noisy on a side (round_cv or cv above %g%%): never same\n",
			c->nr_noisy, 100 * LS_NOISY_CV);
}
