// SPDX-License-Identifier: GPL-2.0
/*
 * The verdict on a comparison, one rule for compare, the timeline, report,
 * the exports and --fail-on-regression: slower or faster only when shown
 * changed, same only when shown within the bound, else ~ with the units a
 * side that would settle it; and a cell whose control moved its way is ~.
 */
#include <math.h>
#include "stats.h"

/* The level of one test when it is the only changed one of the family: BH's smallest threshold. */
static double single_change_alpha(const struct ls_rule *rule)
{
	return rule->fdr / (rule->family ? rule->family : 1);
}

/* Whether n units a side would settle it, with probability rule->power, at the spread seen. */
static bool resolves(const struct ls_ttest *t, const struct ls_rule *rule, size_t n)
{
	double se = ls_ttest_se_at(t, n), d = fabs(t->d), b = log1p(rule->bound);

	if (!(se > 0))
		return true;
	if (d >= ls_ttest_shift(t, n, n, single_change_alpha(rule), rule->power) * se)
		return true;
	/* Equivalence: the one-sided test toward the nearer bound, at tost_alpha. */
	return d < b && b - d >= ls_ttest_shift(t, n, n, 2 * rule->tost_alpha, rule->power) * se;
}

unsigned int ls_units_needed(const struct ls_ttest *t, const struct ls_rule *rule)
{
	size_t lo = LS_MIN_UNITS, hi = t->na > t->nb ? t->na : t->nb, mid;

	if (isnan(t->va) || isnan(t->vb) || isnan(t->d))
		return 0;
	/* Doubling from the units it has, then halving: it only gets easier with more units. */
	hi = hi > lo ? hi : lo;
	while (hi < LS_MAX_UNITS && !resolves(t, rule, hi)) {
		lo = hi + 1;
		hi = hi * 2 < LS_MAX_UNITS ? hi * 2 : LS_MAX_UNITS;
	}
	if (hi == LS_MAX_UNITS && !resolves(t, rule, hi))
		return LS_MAX_UNITS;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (resolves(t, rule, mid))
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

unsigned int ls_runs_needed(const struct ls_ttest *t, const struct ls_rule *rule)
{
	/* each side one run now: a run's figure as uncertain as the side is, the spreads shared */
	double v = t->va / t->na + t->vb / t->nb + t->vx;
	struct ls_ttest run = { .na = 1, .nb = 1, .d = t->d, .va = v / 2, .vb = v / 2 };

	return t->vx > 0 ? ls_units_needed(&run, rule) : 0;
}

/* The units a side a ~ needs: runs when the runs' spread is in the test, else its units. */
static void plan(const struct ls_ttest *t, const struct ls_rule *rule, struct ls_judgement *j)
{
	j->runs_needed = t->vx > 0;
	j->units_needed = j->runs_needed ? ls_runs_needed(t, rule) : ls_units_needed(t, rule);
}

static void ratio_interval(const struct ls_ttest *t, double level, double *lo, double *hi)
{
	ls_ttest_ci(t, level, lo, hi);
	*lo = exp(*lo);
	*hi = exp(*hi);
}

void ls_judge(const struct ls_ttest *t, double q, bool withhold, const struct ls_rule *rule,
	      struct ls_judgement *j)
{
	*j = (struct ls_judgement){ .verdict = LS_UNSURE, .why = LS_WHY_FEW };
	j->ci_lo = j->ci_hi = j->tost_lo = j->tost_hi = j->detectable = NAN;
	if (!t)
		return;
	if (t->na < LS_MIN_UNITS || t->nb < LS_MIN_UNITS || isnan(t->p)) {
		plan(t, rule, j);
		return;
	}
	j->detectable = ls_ttest_detectable(t, 0, single_change_alpha(rule), rule->power);
	ratio_interval(t, rule->level, &j->ci_lo, &j->ci_hi);
	ratio_interval(t, 1 - 2 * rule->tost_alpha, &j->tost_lo, &j->tost_hi);
	j->why = LS_WHY_NONE;
	if (q < rule->fdr && (j->ci_lo > 1 || j->ci_hi < 1)) {
		j->verdict = t->d > 0 ? LS_SLOWER : LS_FASTER;
	} else if (ls_ttest_equivalent(t, rule->bound, rule->tost_alpha)) {
		j->verdict = withhold ? LS_UNSURE : LS_SAME;
		j->why = withhold ? LS_WHY_NOISY : LS_WHY_NONE;
	} else {
		j->why = LS_WHY_WIDE;
		plan(t, rule, j);
	}
}

bool ls_withhold_noisy(struct ls_judgement *j, const struct ls_ttest *t, const struct ls_rule *rule)
{
	if (j->verdict != LS_SLOWER && j->verdict != LS_FASTER && j->why != LS_WHY_NOISY)
		return false;
	j->verdict = LS_UNSURE;
	j->why = LS_WHY_NOISY_RUN;
	j->runs_needed = true;
	j->units_needed = ls_runs_needed(t, rule);
	return true;
}

bool ls_guard_control(struct ls_judgement *cell, double cell_ratio, enum ls_verdict control,
		      double ctl_ratio)
{
	double lr = log(cell_ratio), lc = log(ctl_ratio);

	/* the control moved the cell's way, by at least the share of its move */
	if ((cell->verdict != LS_SLOWER && cell->verdict != LS_FASTER) ||
	    control != cell->verdict || !(lr * lc > 0 && fabs(lc) >= LS_GUARD_SHARE * fabs(lr)))
		return false;
	/* More rounds would not settle it: the doubt is between the runs, not within them. */
	cell->verdict = LS_UNSURE;
	cell->why = LS_WHY_CONTROL;
	cell->units_needed = 0;
	cell->runs_needed = false;
	return true;
}

const char *ls_verdict_name(enum ls_verdict v)
{
	static const char *const names[] = { "same", "faster", "slower", "~" };

	return v <= LS_UNSURE ? names[v] : "?";
}

const char *ls_why_text(enum ls_why w)
{
	static const char *const text[] = {
		"",
		"too few rounds",
		"interval across the bound",
		"noisy",
		("its control moved too: the sides ran at different machine speeds, or the hook's "
		 "path changed"),
		("noisy, one run a side: its rounds were disturbed or spread between setups, and "
		 "cannot stand for the run"),
	};

	return w <= LS_WHY_NOISY_RUN ? text[w] : "";
}
