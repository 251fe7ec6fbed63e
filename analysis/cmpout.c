// SPDX-License-Identifier: GPL-2.0
/* lsbench compare's compare.csv (cmpprint.c: the tables printed). */
#include <math.h>
#include <string.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"

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
	"base_precision_pct",
	"new_precision_pct",
	"base_added_ns_per_op",
	"new_added_ns_per_op",
	"over_control",
	"runs_spread_pct",
	"runs_needed",
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
	char why[LS_CMP_WHY_SIZE];
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
	csv_count(b, r->j.units_needed && !r->j.runs_needed, r->j.units_needed);
	ls_csv_str(b, both ? ls_unit_name(r->unit) : NULL);
	csv_count(b, r->has_test, r->t.na);
	csv_count(b, r->has_test, r->t.nb);
	csv_count(b, both, r->base_noisy);
	csv_count(b, both, r->new_noisy);
	ls_cmp_row_why(r, why, sizeof(why));
	ls_csv_str(b, both ? why : NULL);
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
		ls_csv_double(b, 100 * r->base_hw);
		ls_csv_double(b, 100 * r->new_hw);
		ls_csv_double(b, r->kind == LS_CMP_BOTH ? r->base->added_ns : NAN);
		ls_csv_double(b, r->kind == LS_CMP_BOTH ? r->new->added_ns : NAN);
		csv_count(b, r->kind == LS_CMP_BOTH, r->over_ctl);
		/* the runs' term: how far two runs apart (one standard deviation), and its need */
		ls_csv_double(b, 100 * expm1(sqrt(r->runs_var)));
		csv_count(b, r->j.units_needed && r->j.runs_needed, r->j.units_needed);
		ls_csv_end_row(b);
	}
}
