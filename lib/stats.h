/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The statistics of lsbench, in one place: summaries and medians (stats.c),
 * Student's t and the normal distribution (tdist.c), the tests that compare
 * two sets of rounds or runs, their intervals, power and Benjamini-Hochberg
 * (ttest.c), and the verdict drawn from them (verdict.c). The runner's
 * stopping rule, compare, the timeline and report all use these.
 */
#ifndef LSBENCH_STATS_H
#define LSBENCH_STATS_H

#include <stdbool.h>
#include <stddef.h>

/* A cell whose cv or round_cv exceeds this is flagged noisy. */
#define LS_NOISY_CV 0.05

/* Summary of a set of repetitions. stddev is the sample one (n - 1). */
struct ls_summary {
	size_t n;
	double median;
	double mean;
	double stddev;
	double cv; /* stddev / mean; 0 for a single sample */
	double min;
	double max;
};

/* Summarizes n >= 1 samples; returns 0 or -EINVAL for no samples or a non-finite one. */
int ls_summarize(const double *x, size_t n, struct ls_summary *out);

/* The median of n >= 1 values; reorders x. */
double ls_median_inplace(double *x, size_t n);

/* The geometric mean of n > 0 positive values; NAN when n is 0. */
double ls_geomean(const double *x, size_t n);

/* Mean and sample variance of n >= 2 finite values; else -EINVAL. */
int ls_mean_var(const double *x, size_t n, double *mean, double *var);

/*
 * A summary of each round of samples x[i] of round round[i], whatever the
 * round ids (they need not start at 1 nor be contiguous): out[k] summarizes
 * the k-th smallest id, ids[k] (NULL: not wanted) is that id. out and ids
 * hold n entries. Returns the number of rounds, or -EINVAL (no samples, one
 * not finite), -ENOMEM.
 */
int ls_round_summaries(const double *x, const unsigned int *round, size_t n, struct ls_summary *out,
		       unsigned int *ids);

/*
 * Only the medians of the rounds, into med (n entries), in the order of
 * their ids. Returns the number of rounds or -errno as ls_round_summaries.
 */
int ls_round_medians(const double *x, const unsigned int *round, size_t n, double *med);

/* --- Student's t and the normal distribution (tdist.c) --- */

/* The regularized incomplete beta function I_x(a, b), a, b > 0, 0 <= x <= 1. */
double ls_betai(double a, double b, double x);

/* Two-sided p of Student's t with df > 0 degrees of freedom: P(|T| >= |t|). */
double ls_t_p2(double t, double df);

/* P(T <= t). */
double ls_t_cdf(double t, double df);

/* The quantile of Student's t: the x with P(T <= x) = p, 0 < p < 1, df > 0. */
double ls_t_quantile(double p, double df);

/* The t > 0 whose two-sided p is alpha (0 < alpha < 1): the critical value. */
double ls_t_crit(double alpha, double df);

/* The standard normal distribution function. */
double ls_norm_cdf(double z);

/*
 * The power of a two-sided t test at critical value crit with df degrees of
 * freedom when the true shift is lambda standard errors: P(|T'| > crit) for
 * T' noncentral t with noncentrality lambda, integrated numerically.
 */
double ls_t_power(double lambda, double crit, double df);

/* The lambda >= 0 whose power at two-sided level alpha is power (alpha < power < 1). */
double ls_t_power_shift(double alpha, double df, double power);

#define LS_MAX_DF_NODES 8
/*
 * The same when the test's df is itself a random estimate (Welch's), equally
 * likely to be any of the m (at most LS_MAX_DF_NODES) df[i]: the power is
 * the mean of theirs.
 */
double ls_t_power_shift_mix(double alpha, const double *df, size_t m, double power);

/* --- Two sets of units compared on the log scale (ttest.c) --- */

/*
 * A comparison of new against base on the logarithms of their units (round
 * medians, or run medians): Welch's test, or a paired t on the log ratios of
 * units matched in time. d is mean(new) - mean(base), the log of the ratio of
 * geometric means.
 */
struct ls_ttest {
	bool paired;
	size_t na, nb; /* units a side; pairs both when paired */
	double d;
	double va, vb; /* sample variances of the logs; paired: va = vb = var(diffs) / 2 */
	double se; /* of d */
	double df; /* Welch-Satterthwaite; paired n - 1 */
	double t; /* d / se */
	double p; /* two-sided, of no change */
	size_t ga, gb; /* units trimmed from each end of a side (Yuen's tests); 0: none */
	/*
	 * A spread of d that more units cannot reduce, in se and df (ls_ttest_add_runs): the
	 * variance by which two runs of the same kernel differ, when each side is one run and
	 * its units are rounds; dfx its degrees of freedom. 0: none.
	 */
	double vx, dfx;
};

/*
 * Welch's test of lb against la (na, nb >= 2 finite values). When both sides
 * are constant (se 0), p is 1 if the means are equal, else 0, and df is
 * na + nb - 2. With one value on a side and two or more on the other, that
 * side's variance is taken as the other's and p, t and df are NAN: not a
 * test, but the spread to plan more units with. -EINVAL when neither side has
 * two values, or a value is not finite.
 */
int ls_ttest_welch(const double *la, size_t na, const double *lb, size_t nb, struct ls_ttest *t);

/*
 * Adds to a test of one run a side the spread its rounds cannot see: vx, the variance
 * (logs) by which two runs of the same kernel differ, estimated with dfx degrees of
 * freedom. se becomes sqrt(se^2 + vx), df the Welch-Satterthwaite df of the sum (at most
 * the test's own: the term cannot make it surer), and t and p follow; the spread of the rounds
 * stays in va and vb. A test without p (one unit on a side) keeps p NAN. vx <= 0 changes nothing.
 */
void ls_ttest_add_runs(struct ls_ttest *t, double vx, double dfx);

/*
 * How far two runs of one kernel differ, measured by k controls compared between them (one
 * run a side): d[i] a control's log ratio, se[i] its test's standard error (its rounds').
 * A control moves by the runs' difference plus its rounds' noise, and how much of a move the
 * rounds account for differs from control to control, so each weighs by its rounds'
 * precision, as a random-effects meta-analysis weighs studies (DerSimonian and Laird's
 * moments, w = 1 / se^2; an se of 0 weighs as 1e-6).
 */
struct ls_runs_spread {
	size_t k; /* controls */
	double df; /* as many controls as weigh alike: (sum w)^2 / sum w^2 */
	double var; /* the runs' variance (logs), around zero: (sum w d^2 - k) / sum w, >= 0 */
	double mean; /* the controls' mean move, weighed by 1 / (se^2 + var_mean) (k >= 2) */
	double var_mean; /* how far a control strays from that mean beyond its rounds; NAN: k 1 */
	double se2_mean; /* the mean's own squared standard error */
};

/* The spread of k >= 1 controls' moves d with standard errors se into *s; -EINVAL: k 0. */
int ls_runs_spread(const double *d, const double *se, size_t k, struct ls_runs_spread *s);

/* The paired t test of lb[i] - la[i], n >= 2 pairs, else -EINVAL. */
int ls_ttest_paired(const double *la, const double *lb, size_t n, struct ls_ttest *t);

/*
 * Trimmed tests (Yuen's): from each end of a side (of the differences, when paired),
 * floor(LS_TRIM * n) units are set aside, so that a unit or two far from the others (a run
 * in a slow spell) cannot carry the mean nor the spread. d is then the difference of the
 * trimmed means; se comes from the winsorized spread, df from the units kept (h - 1 each).
 * With fewer than 5 units a side nothing is trimmed and they are Welch's test and the
 * paired t, exactly. va and vb hold each side's variance as the untrimmed tests would use
 * it (se_at, planning): n times its squared standard error.
 */
#define LS_TRIM 0.2
#define LS_TRIM_MIN 5 /* the fewest units a side of which floor(LS_TRIM n) sets one aside */
int ls_ttest_yuen(const double *la, size_t na, const double *lb, size_t nb, struct ls_ttest *t);
/*
 * The (1 - alpha) interval of the mean of n >= 2 logs l: its center and half-width (*hw),
 * on the log scale; when trim, of the trimmed mean, as Yuen's test takes a side (from
 * LS_TRIM_MIN units). 0, -EINVAL (fewer than 2 units, a value not finite) or -ENOMEM.
 */
int ls_log_interval(const double *l, size_t n, bool trim, double alpha, double *center, double *hw);
/*
 * The upper half-width, a fraction, of that interval back on the ratio scale. NAN for fewer
 * than 2 units (or a value not finite).
 */
double ls_half_width(const double *l, size_t n, bool trim, double alpha);
/*
 * The units a (1 - alpha) t interval of n units, half-width hw, needs to be
 * within target, the units' spread staying what it is: n when it is, the
 * fewest up to most that are expected to be, 0 when none is (or n < 2).
 */
unsigned int ls_units_to_reach(double hw, unsigned int n, double target, unsigned int most,
			       double alpha);
int ls_ttest_yuen_paired(const double *la, const double *lb, size_t n, struct ls_ttest *t);

/* d -/+ the two-sided (1 - level) critical value of t times se: the level interval of d. */
void ls_ttest_ci(const struct ls_ttest *t, double level, double *lo, double *hi);

/*
 * The two one-sided tests of equivalence at alpha each (0.05): whether the
 * 1 - 2 alpha (90%) interval of d lies within -/+ log(1 + bound).
 */
bool ls_ttest_equivalent(const struct ls_ttest *t, double bound, double alpha);

/*
 * The standard error of the same test with n units a side (pairs) at the spread observed;
 * vx, which more units of the same runs cannot reduce, stays in it.
 */
double ls_ttest_se_at(const struct ls_ttest *t, size_t n);

/*
 * The shift, in standard errors, that the test with na and nb units at the
 * spreads observed finds with probability power at two-sided level alpha,
 * its df taken as Welch's estimate would fall (the paired test's: n - 1).
 */
double ls_ttest_shift(const struct ls_ttest *t, size_t na, size_t nb, double alpha, double power);

/*
 * The smallest change, as a fraction (0.05: 5%), that a test with n units a
 * side (0: the units t has) at the spread observed finds with probability
 * power at two-sided level alpha: exp(shift se) - 1. NAN with fewer than 2
 * units on a side; 0 without a spread.
 */
double ls_ttest_detectable(const struct ls_ttest *t, size_t n, double alpha, double power);

/*
 * Benjamini-Hochberg adjusted p-values (q-values) of the n p-values; NANs
 * are not tests: their q is NAN and they do not count in m. q[i] =
 * min over p[j] >= p[i] of min(1, p[j] m / rank(j)).
 */
int ls_bh(const double *p, size_t n, double *q);

/* --- The verdict (verdict.c) --- */

enum ls_verdict {
	LS_SAME, /* the interval of the ratio lies within the bound: shown the same */
	LS_FASTER,
	LS_SLOWER,
	LS_UNSURE, /* "~": neither shown changed nor shown the same */
};

/* The rule of a comparison: the defaults are LS_RULE_DEFAULT. */
struct ls_rule {
	double fdr; /* false discovery rate of Benjamini-Hochberg: q below it is significant */
	double bound; /* equivalence bound, a fraction: same within -/+ bound */
	double level; /* of the interval reported and checked for slower and faster (0.95) */
	double tost_alpha; /* of each one-sided test of equivalence (0.05: a 90% interval) */
	double power; /* of the detectable change and the units needed (0.8) */
	size_t family; /* tests the correction spans; the detectable change assumes one changed */
};

#define LS_RULE_DEFAULT                                                                            \
	{                                                                                          \
		.fdr = 0.05, .bound = 0.02, .level = 0.95, .tost_alpha = 0.05, .power = 0.8,       \
		.family = 1                                                                        \
	}

/* Fewer units than this on a side cannot be tested. */
#define LS_MIN_UNITS 2
/* units_needed beyond this is reported as this: the cell will not resolve. */
#define LS_MAX_UNITS 10000

/* Why a verdict is ~ (LS_WHY_NONE otherwise). */
enum ls_why {
	LS_WHY_NONE,
	LS_WHY_FEW, /* fewer than LS_MIN_UNITS units on a side */
	LS_WHY_WIDE, /* the interval reaches beyond the bound and the change is not significant */
	LS_WHY_NOISY, /* would be same, but a side is noisy */
	LS_WHY_CONTROL, /* would be slower or faster, but its control moved the same way */
	LS_WHY_NOISY_RUN, /* would be slower or faster, but one run a side and a side is noisy */
};

struct ls_judgement {
	enum ls_verdict verdict;
	enum ls_why why;
	double ci_lo, ci_hi; /* the level interval of the ratio; NAN when not tested */
	double tost_lo, tost_hi; /* the 1 - 2 tost_alpha interval of the ratio */
	double detectable; /* fraction, at the units it has; NAN when unknown */
	unsigned int units_needed; /* a side, to resolve a ~ at the spread seen; 0: not ~ or unknown
				    */
	bool runs_needed; /* units_needed counts runs a side: more rounds would not settle it */
};

/*
 * The one rule: slower or faster when the interval excludes 1 and q < fdr;
 * same when the 1 - 2 tost_alpha interval lies within the bound, unless
 * withhold (a noisy side whose rounds cannot stand for its run: compare.c);
 * else ~. t is NULL when a side has fewer than LS_MIN_UNITS units (then ~);
 * q is t's p adjusted over the family.
 */
void ls_judge(const struct ls_ttest *t, double q, bool withhold, const struct ls_rule *rule,
	      struct ls_judgement *j);

/*
 * With one run a side the rounds stand for the run, and a noisy side's rounds
 * do not: rounds disturbed, or spread between setups beyond LS_NOISY_CV (a cell
 * whose setups land at levels of their own, as a whole run can). A slower or
 * faster j from such rounds, or one ls_judge withheld from same, becomes ~
 * (LS_WHY_NOISY_RUN), with the runs a side that would settle t where its
 * runs' spread says. Returns whether it did.
 */
bool ls_withhold_noisy(struct ls_judgement *j, const struct ls_ttest *t,
		       const struct ls_rule *rule);

/*
 * The units a side that would resolve the comparison with probability
 * rule->power if the ratio and spreads were those observed: significant at
 * the single-change level fdr / family when the change is beyond the bound,
 * else (also) shown within it. LS_MAX_UNITS when neither is reached by then.
 */
unsigned int ls_units_needed(const struct ls_ttest *t, const struct ls_rule *rule);

/*
 * The runs a side that would settle t (ls_units_needed) if each side were that many
 * runs like these: each run's figure as uncertain as a side is now, the rounds' spread
 * and vx together. 0 without vx.
 */
unsigned int ls_runs_needed(const struct ls_ttest *t, const struct ls_rule *rule);

/*
 * The control guard, part of the one rule: a cell judged slower (faster)
 * whose control (the empty program measured beside it) is judged slower
 * (faster) in the same comparison, by at least LS_GUARD_SHARE of the cell's
 * move (on the log scale: ratios as measured), becomes ~ (LS_WHY_CONTROL):
 * the sides may have run at different machine speeds, which the rounds of
 * one run cannot see. A machine speed moves a cell and its control by
 * similar factors; a control that moved by a sliver of the cell's move (an
 * tenth of a percent, beside a helper's 18%) cannot explain it.
 * A cell judged same, or moved against its control, keeps its verdict.
 * Returns whether it withheld the verdict.
 */
#define LS_GUARD_SHARE 0.5
bool ls_guard_control(struct ls_judgement *cell, double cell_ratio, enum ls_verdict control,
		      double ctl_ratio);

const char *ls_verdict_name(enum ls_verdict v);
const char *ls_why_text(enum ls_why w);

#endif /* LSBENCH_STATS_H */
