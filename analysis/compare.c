// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench compare: cells matched by key, a test per cell over the family
 * asked about, and one verdict rule (lib/verdict.c).
 */
#include <errno.h>
#include <fnmatch.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"

static int need_rounds(const struct ls_rset *s, const char *side, char *err, size_t len)
{
	if (s->schema >= LS_ROUNDS_SCHEMA)
		return 0;
	snprintf(err, len,
		 "%s/summary.csv: schema_version %u has no rounds; compare reads %d (the %s side)",
		 s->runs[0].dir, s->schema, LS_ROUNDS_SCHEMA, side);
	return -EINVAL;
}

/*
 * The unit of evidence is the round when each side is one run: repetitions
 * of one round share its setup (maps, owners, program, producers), so they
 * are not independent samples; each round gives one value, the median of its
 * repetitions. With several runs on a side (several boots, several days),
 * what differs between runs is a spread of its own that the rounds of one
 * run do not see: then the run is the unit, its median of round medians.
 * The test is on logarithms (effects are ratios, and the spread of ns grows
 * with ns): Welch's t, for the two sides' spreads differ; or, when the runs
 * of the two sides alternated in time (lsbench vm --kernels A,B), the paired
 * t on the log ratios of each pair, which takes the machine's drift out. The
 * same model gives p, the ratio (of geometric means) and its interval; the
 * verdict is lib/verdict.c's. (Rank tests cannot reach small p with 3 to 10
 * units a side, nor a bootstrap see enough distinct resamples.)
 */
/*
 * --over-control: each side's units over those of the cell's control in that side's set
 * (the same run; by rounds, the same round), so that a machine speed that moves a run's
 * cells together cancels. A cell whose control is not ok on both sides is judged as
 * measured. 0 or -ENOMEM.
 */
static int over_control(const struct ls_cmp *c, struct ls_cmp_row *r, bool by_run,
			struct ls_units *ua, struct ls_units *ub)
{
	const struct ls_rcell *cb = ls_cmp_control_cell(c->base, r->base), *cn;
	struct ls_units ca, cu;
	int ret;

	cn = cb ? ls_rset_find(c->new, &cb->key) : NULL; /* the same control on both sides */
	if (!cb || !cn || strcmp(cb->status, "ok") || strcmp(cn->status, "ok"))
		return 0;
	ret = ls_cell_units(cb, by_run, &ca);
	if (ret)
		return ret == -EINVAL ? 0 : ret;
	ret = ls_cell_units(cn, by_run, &cu);
	if (ret) {
		ls_units_free(&ca);
		return ret == -EINVAL ? 0 : ret;
	}
	ret = ls_units_over(ua, &ca) ?: ls_units_over(ub, &cu);
	ls_units_free(&ca);
	ls_units_free(&cu);
	if (ret)
		return ret;
	r->over_ctl = true;
	r->over_by = cn->ns_per_op / cb->ns_per_op;
	r->ratio /= r->over_by;
	return 0;
}

static int test_pair(const struct ls_cmp *c, struct ls_cmp_row *r)
{
	bool by_run = ls_cell_nr_runs(r->base) > 1 || ls_cell_nr_runs(r->new) > 1;
	struct ls_units ua, ub;
	double *la = NULL, *lb = NULL;
	size_t k;
	int ret;

	r->ratio = r->new->ns_per_op / r->base->ns_per_op;
	r->unit = by_run ? LS_UNIT_RUN : LS_UNIT_ROUND;
	ret = ls_cell_units(r->base, by_run, &ua);
	if (ret)
		return ret;
	ret = ls_cell_units(r->new, by_run, &ub);
	if (ret) {
		ls_units_free(&ua);
		return ret;
	}
	/* one run a side with the runs' term: over the controls' mean move instead (cmpruns.c) */
	if (c->opts.over_control && !ls_key_is_control(&r->base->key) &&
	    (by_run || !ls_cmp_runs_term_applies(c)))
		ret = over_control(c, r, by_run, &ua, &ub);
	if (ret) {
		ls_units_free(&ua);
		ls_units_free(&ub);
		return ret;
	}
	/* each side's spread as the test takes it: over the control, trimmed (by run) */
	r->base_hw = ls_half_width(ua.logs, ua.n, by_run, 1 - LS_CMP_LEVEL);
	r->new_hw = ls_half_width(ub.logs, ub.n, by_run, 1 - LS_CMP_LEVEL);
	if (by_run && c->paired) {
		r->unit = LS_UNIT_PAIR;
		la = malloc((ua.n + 1) * sizeof(*la));
		lb = malloc((ua.n + 1) * sizeof(*lb));
		ret = -ENOMEM;
		if (la && lb) {
			k = ls_units_pair(&ua, c->slot_base, &ub, c->slot_new, la, lb);
			ret = k >= LS_MIN_UNITS ? ls_ttest_yuen_paired(la, lb, k, &r->t) : -EINVAL;
		}
	} else if (by_run) {
		ret = ls_ttest_yuen(ua.logs, ua.n, ub.logs, ub.n, &r->t);
	} else {
		ret = ls_ttest_welch(ua.logs, ua.n, ub.logs, ub.n, &r->t);
	}
	free(la);
	free(lb);
	ls_units_free(&ua);
	ls_units_free(&ub);
	if (ret == -EINVAL)
		return 0; /* too few units: ~ */
	if (ret)
		return ret;
	r->has_test = true;
	r->p = r->t.p;
	if (!isnan(r->p))
		r->ratio = exp(r->t.d);
	return 0;
}

/* Order of the classes in the table: effects first, then ~, then same. */
static int row_class(const struct ls_cmp_row *r)
{
	if (r->kind != LS_CMP_BOTH)
		return 3 + r->kind;
	return r->verdict == LS_SLOWER || r->verdict == LS_FASTER ? 0
	       : r->verdict == LS_UNSURE			  ? 1
								  : 2;
}

const struct ls_key *ls_cmp_row_key(const struct ls_cmp_row *r)
{
	return r->base ? &r->base->key : &r->new->key;
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct ls_cmp_row *a = pa, *b = pb;
	int ca = row_class(a), cb = row_class(b);

	if (ca != cb)
		return ca - cb;
	if (a->kind == LS_CMP_BOTH) {
		double ea = fabs(log(a->ratio)), eb = fabs(log(b->ratio));

		if (ea != eb)
			return ea > eb ? -1 : 1;
	}
	return ls_key_cmp(ls_cmp_row_key(a), ls_cmp_row_key(b));
}

static int add_row(struct ls_cmp *c, const struct ls_rcell *base, const struct ls_rcell *new)
{
	struct ls_cmp_row *r = &c->rows[c->nr_rows++];

	memset(r, 0, sizeof(*r));
	r->base = base;
	r->new = new;
	r->ratio = r->p = r->q = r->base_hw = r->new_hw = r->runs_var = NAN;
	if (!new) {
		r->kind = LS_CMP_BASE_ONLY;
		c->nr_base_only++;
	} else if (!base) {
		r->kind = LS_CMP_NEW_ONLY;
		c->nr_new_only++;
	} else if (strcmp(base->status, "ok") || strcmp(new->status, "ok")) {
		r->kind = LS_CMP_NOT_OK;
		c->nr_not_ok++;
	} else {
		r->kind = LS_CMP_BOTH;
		r->base_noisy = base->noisy;
		r->new_noisy = new->noisy;
		if (test_pair(c, r))
			return -ENOMEM;
	}
	return 0;
}

/*
 * The runs' spread in each test of one run a side, Benjamini-Hochberg over the family, each
 * compared cell's verdict, then the control guard.
 */
static int verdicts(struct ls_cmp *c)
{
	double *p = malloc((c->nr_rows + 1) * sizeof(*p));
	double *q = malloc((c->nr_rows + 1) * sizeof(*q));
	struct ls_cmp_row *r;
	bool withhold;
	size_t i;
	int ret = ls_cmp_runs_term(c);

	for (i = 0; !ret && p && i < c->nr_rows; i++) {
		p[i] = c->rows[i].p;
		c->nr_tested += !isnan(p[i]);
	}
	c->rule.family = c->nr_tested;
	if (!ret)
		ret = p && q ? ls_bh(p, c->nr_rows, q) : -ENOMEM;
	for (i = 0; !ret && i < c->nr_rows; i++) {
		r = &c->rows[i];
		r->q = q[i];
		if (r->kind != LS_CMP_BOTH)
			continue;
		/*
		 * A noisy side's rounds cannot stand for its run: with one run a
		 * side no verdict leans on them. With several the run is the
		 * unit and its spread is measured: judged as any cell, `noisy`
		 * said beside the verdict.
		 */
		withhold = r->unit == LS_UNIT_ROUND && ls_cmp_row_noisy(r);
		ls_judge(r->has_test ? &r->t : NULL, r->q, withhold, &c->rule, &r->j);
		if (withhold)
			ls_withhold_noisy(&r->j, &r->t, &c->rule);
		r->verdict = r->j.verdict;
	}
	if (!ret)
		ls_cmp_guard(c);
	for (i = 0; !ret && i < c->nr_rows; i++) {
		r = &c->rows[i];
		if (r->kind != LS_CMP_BOTH)
			continue;
		c->nr_slower += r->verdict == LS_SLOWER;
		c->nr_faster += r->verdict == LS_FASTER;
		c->nr_same += r->verdict == LS_SAME;
		c->nr_unsure += r->verdict == LS_UNSURE;
		c->nr_few += r->j.why == LS_WHY_FEW;
		c->nr_noisy += ls_cmp_row_noisy(r);
	}
	free(p);
	free(q);
	return ret;
}

static bool selected(const struct ls_cmp *c, const struct ls_rcell *cell)
{
	size_t i;

	for (i = 0; i < c->opts.nr_select; i++) {
		if (!fnmatch(c->opts.select[i], cell->key.scenario, 0))
			return true;
	}
	return !c->opts.nr_select;
}

/* Pairs the runs of the two sides as asked; -EINVAL when asked for and impossible. */
static int pair_runs(struct ls_cmp *c, char *err, size_t len)
{
	c->slot_base = calloc(c->base->nr_runs + 1, sizeof(int));
	c->slot_new = calloc(c->new->nr_runs + 1, sizeof(int));
	if (!c->slot_base || !c->slot_new) {
		snprintf(err, len, "out of memory");
		return -ENOMEM;
	}
	if (c->opts.pairing == LS_PAIR_OFF)
		return 0;
	c->paired = ls_runs_alternate(c->base, c->new, c->slot_base, c->slot_new);
	if (c->paired || c->opts.pairing == LS_PAIR_AUTO)
		return 0;
	if (c->base->nr_runs != c->new->nr_runs || c->base->nr_runs < 2) {
		snprintf(err, len,
			 "--paired needs as many runs on each side, 2 or more (%zu and %zu)",
			 c->base->nr_runs, c->new->nr_runs);
		return -EINVAL;
	}
	/* Asked for: the i-th run of each side by start, or as given. */
	ls_runs_rank(c->base, c->slot_base);
	ls_runs_rank(c->new, c->slot_new);
	c->paired = c->paired_asked = true;
	return 0;
}

static int add_rows(struct ls_cmp *c)
{
	const struct ls_rset *base = c->base, *new = c->new;
	size_t i;

	for (i = 0; i < base->nr_cells; i++) {
		if (selected(c, &base->cells[i]) &&
		    add_row(c, &base->cells[i], ls_rset_find(new, &base->cells[i].key)))
			return -ENOMEM;
	}
	for (i = 0; i < new->nr_cells; i++) {
		if (selected(c, &new->cells[i]) && !ls_rset_find(base, &new->cells[i].key) &&
		    add_row(c, NULL, &new->cells[i]))
			return -ENOMEM;
	}
	return 0;
}

int ls_cmp_build(struct ls_cmp *c, const struct ls_rset *base, const struct ls_rset *new,
		 const struct ls_cmp_opts *o, char *err, size_t len)
{
	const struct ls_rule rule = LS_RULE_DEFAULT;
	int ret;

	memset(c, 0, sizeof(*c));
	c->base = base;
	c->new = new;
	c->opts = *o;
	c->rule = rule;
	c->rule.fdr = o->fdr;
	c->rule.bound = o->bound;
	c->rule.level = LS_CMP_LEVEL;
	if (base->schema != new->schema) {
		snprintf(err, len,
			 "%s/summary.csv: schema_version %u, the base side's is %u: not compared",
			 new->runs[0].dir, new->schema, base->schema);
		return -EINVAL;
	}
	ret = need_rounds(base, "base", err, len) ?: need_rounds(new, "new", err, len) ?:
							   pair_runs(c, err, len);
	if (ret)
		goto fail;
	c->rows = calloc(base->nr_cells + new->nr_cells + 1, sizeof(*c->rows));
	if (!c->rows || add_rows(c) || verdicts(c)) {
		snprintf(err, len, "out of memory");
		ret = -ENOMEM;
		goto fail;
	}
	if (!c->nr_rows) {
		snprintf(err, len, "-s selects no cell of either side");
		ret = -EINVAL;
		goto fail;
	}
	qsort(c->rows, c->nr_rows, sizeof(*c->rows), cmp_rows);
	return 0;
fail:
	ls_cmp_free(c);
	return ret;
}

double ls_cmp_geomean(const struct ls_cmp *c, const char *map_type, size_t *n)
{
	double *r = malloc((c->nr_rows + 1) * sizeof(*r)), g;
	size_t i;

	*n = 0;
	if (!r)
		return NAN;
	for (i = 0; i < c->nr_rows; i++) {
		if (c->rows[i].kind == LS_CMP_BOTH &&
		    (!map_type || !strcmp(c->rows[i].base->key.map_type, map_type)))
			r[(*n)++] = c->rows[i].ratio;
	}
	g = ls_geomean(r, *n);
	free(r);
	return g;
}

static const char *const kind_names[] = { "", "not_ok", "base_only", "new_only" };

const char *ls_cmp_row_verdict(const struct ls_cmp_row *r)
{
	return r->kind == LS_CMP_BOTH ? ls_verdict_name(r->verdict) : kind_names[r->kind];
}

const char *ls_cmp_row_class(const struct ls_cmp_row *r)
{
	if (r->kind == LS_CMP_BOTH && r->verdict == LS_UNSURE)
		return "unsure";
	return ls_cmp_row_verdict(r);
}

bool ls_cmp_row_noisy(const struct ls_cmp_row *r)
{
	return r->base_noisy || r->new_noisy;
}

void ls_cmp_row_needed(const struct ls_cmp_row *r, char *buf, size_t size)
{
	unsigned int n = r->j.units_needed;

	*buf = 0;
	if (r->kind != LS_CMP_BOTH || r->verdict != LS_UNSURE || !n)
		return;
	/* the runs' spread in the test: more rounds of these runs would not settle it */
	snprintf(buf, size, "%s%u %s%s", n >= LS_MAX_UNITS ? ">" : "", n,
		 r->j.runs_needed ? "run" : ls_unit_name(r->unit),
		 r->unit == LS_UNIT_PAIR && !r->j.runs_needed ? "s" : "s a side");
}

void ls_cmp_method(const struct ls_cmp *c, char *buf, size_t size)
{
	size_t nb = c->base->nr_runs, nn = c->new->nr_runs;
	char unit[160], trim[96] = "", runs[240];

	if (nb >= LS_TRIM_MIN || nn >= LS_TRIM_MIN)
		snprintf(trim, sizeof(trim),
			 ", %g%% trimmed from each end, Yuen's t, with %d or more", 100 * LS_TRIM,
			 LS_TRIM_MIN);
	if (nb == 1 && nn == 1)
		snprintf(unit, sizeof(unit), "the round (one run a side)");
	else
		snprintf(unit, sizeof(unit),
			 "the run (%zu and %zu runs%s; a cell in one run a side: "
			 "the round)",
			 nb, nn, trim);
	ls_cmp_runs_text(c, runs, sizeof(runs));
	snprintf(buf, size, "unit: %s, %s%s%s; family: %zu tested cells (%s)", unit,
		 !c->paired	   ? "not paired"
		 : c->paired_asked ? "paired as --paired asks (i-th run of each side)"
				   : "paired in time (the runs alternated)",
		 !c->opts.over_control ? ""
		 : c->nr_over_mean ? ", each over its mode's controls' mean move (one run a side)"
				   : ", each over its control's in the same run (round)",
		 runs, c->nr_tested,
		 c->opts.nr_select ? "those -s selects" : "every cell compared");
}

void ls_cmp_free(struct ls_cmp *c)
{
	free(c->rows);
	free(c->slot_base);
	free(c->slot_new);
	c->rows = NULL;
	c->slot_base = c->slot_new = NULL;
	c->nr_rows = 0;
}
