// SPDX-License-Identifier: GPL-2.0
/*
 * compare's runs term. With one run a side the units are rounds, and rounds
 * of one run agree more closely than two runs do: a machine's speed drifts
 * over minutes (on the 2-CPU development machine runs minutes apart differ
 * by 2 to 6% while their rounds agree within 1%), so a test on rounds alone
 * calls that drift a change. The controls measure it: an empty program that
 * no change to a helper touches, measured in the same runs, moves by what
 * separates the runs. Their squared log ratios beyond what their rounds
 * account for, each weighed by its rounds' precision (lib's ls_runs_spread),
 * estimate the variance by which two runs differ; each cell's
 * test of one run a side takes it in (lib/ttest.c's ls_ttest_add_runs), so
 * its interval is as wide as the runs make it, and a ~ says how many runs a
 * side would settle it. A change that moves the controls too (the hook's
 * path) widens every interval of its mode: one run a side cannot tell it
 * from the machine. Estimated per mode (loop, hook), from every control
 * compared in that mode, or from all when a mode has none. Not under icount
 * (instructions: no machine speed), nor where runs are the units (several
 * runs a side measure their own spread), nor without a control, nor when
 * asked to judge on the rounds alone (opts.rounds_only).
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"

/* A row whose test is of one run a side: the rows the term is for. */
static bool of_rounds(const struct ls_cmp_row *r)
{
	return r->kind == LS_CMP_BOTH && r->has_test && r->unit == LS_UNIT_ROUND;
}

/* A control's row that measures the runs' spread: tested, of one run a side. */
static bool measures(const struct ls_cmp_row *r, const char *mode)
{
	return of_rounds(r) && ls_key_is_control(&r->base->key) && !isnan(r->t.p) &&
	       (!mode || !strcmp(r->base->key.mode, mode));
}

/*
 * The runs' spread from the controls of mode (NULL: all) into *term, their moves and
 * standard errors gathered in d and se (room for every row); false: no control.
 */
static bool estimate(const struct ls_cmp *c, const char *mode, double *d, double *se,
		     struct ls_runs_term *term)
{
	size_t i, k = 0;

	for (i = 0; i < c->nr_rows; i++) {
		if (!measures(&c->rows[i], mode))
			continue;
		d[k] = c->rows[i].t.d;
		se[k++] = c->rows[i].t.se;
	}
	return !ls_runs_spread(d, se, k, &term->s);
}

/* The term of a row's mode: the mode's own, else the one of all controls; NULL: none. */
static struct ls_runs_term *term_of(struct ls_cmp *c, const char *mode, double *d, double *se)
{
	struct ls_runs_term *t;
	size_t i;

	for (i = 0; i < c->nr_terms; i++) {
		if (!strcmp(c->terms[i].mode, mode))
			return &c->terms[i];
	}
	if (c->nr_terms >= LS_CMP_MAX_TERMS)
		return NULL;
	t = &c->terms[c->nr_terms];
	memset(t, 0, sizeof(*t));
	snprintf(t->mode, sizeof(t->mode), "%s", mode);
	if (!estimate(c, mode, d, se, t)) {
		if (!estimate(c, NULL, d, se, t))
			return NULL;
		t->pooled = true;
	}
	c->nr_terms++;
	return t;
}

static void add(struct ls_cmp_row *r, double var, double df)
{
	r->runs_var = var;
	ls_ttest_add_runs(&r->t, var, df);
	r->p = r->t.p;
}

/*
 * --over-control, one run a side: the cell's move less its mode's controls' mean move, which
 * takes out what moved every cell alike (the machine's speed), judged with what is left of
 * the runs' spread: how far a control strays from that mean beyond its rounds, and the mean's
 * own uncertainty; one degree of freedom less than the controls weigh as. Over a single control
 * that cannot be measured: then as measured, counted.
 */
static void over_mean(struct ls_cmp *c, struct ls_cmp_row *r, const struct ls_runs_spread *term)
{
	if (term->k < 2) {
		c->nr_not_over++;
		add(r, term->var, term->df);
		return;
	}
	r->t.d -= term->mean;
	r->over_by = exp(term->mean);
	r->ratio /= r->over_by;
	r->over_ctl = true;
	c->nr_over_mean++;
	add(r, term->var_mean + term->se2_mean, fmax(1, term->df - 1));
}

bool ls_cmp_runs_term_applies(const struct ls_cmp *c)
{
	return !c->opts.rounds_only && !ls_cmp_in_instructions(c);
}

int ls_cmp_runs_term(struct ls_cmp *c)
{
	double *d, *se;
	struct ls_runs_term *term;
	struct ls_cmp_row *r;
	size_t i;

	if (!ls_cmp_runs_term_applies(c))
		return 0;
	d = malloc((c->nr_rows + 1) * sizeof(*d));
	se = malloc((c->nr_rows + 1) * sizeof(*se));
	/* every mode's term first, from the controls' tests as they are: adding changes them */
	for (i = 0; d && se && i < c->nr_rows; i++) {
		if (of_rounds(&c->rows[i]))
			term_of(c, c->rows[i].base->key.mode, d, se);
	}
	for (i = 0; d && se && i < c->nr_rows; i++) {
		r = &c->rows[i];
		if (!of_rounds(r))
			continue;
		term = term_of(c, r->base->key.mode, d, se);
		if (!term) {
			c->nr_unmeasured += !isnan(r->t.p);
			continue;
		}
		if (c->opts.over_control && !ls_key_is_control(&r->base->key))
			over_mean(c, r, &term->s);
		else
			add(r, term->s.var, term->s.df);
	}
	free(d);
	free(se);
	return d && se ? 0 : -ENOMEM;
}

/* " +-1.3%", or " within the rounds' spread" for a variance of 0. */
static void spread_text(double var, char *buf, size_t size)
{
	if (var > 0)
		snprintf(buf, size, " +-%.1f%%", 100 * expm1(sqrt(var)));
	else
		snprintf(buf, size, " within the rounds' spread");
}

/*
 * "loop +-1.3% (4 controls)": one mode's term, one standard deviation; over the controls'
 * mean (--over-control), that mean's move and how far a cell strays from it besides.
 */
static int term_text(const struct ls_cmp *c, const struct ls_runs_term *term, char *buf,
		     size_t size)
{
	const struct ls_runs_spread *t = &term->s;
	char spread[48], over[128] = "";

	spread_text(t->var, spread, sizeof(spread));
	if (c->opts.over_control && t->k > 1) {
		spread_text(t->var_mean, over, sizeof(over));
		snprintf(over + strlen(over), sizeof(over) - strlen(over),
			 " from the controls' mean move (%+.1f%%)", 100 * expm1(t->mean));
	}
	return snprintf(buf, size, "%s%s%s%s (%zu control%s%s)", term->mode, spread,
			*over ? ", a cell" : "", over, t->k, t->k > 1 ? "s" : "",
			term->pooled ? " of every mode" : "");
}

void ls_cmp_runs_text(const struct ls_cmp *c, char *buf, size_t size)
{
	size_t i, n = 0;

	*buf = 0;
	if (c->nr_terms)
		n += snprintf(buf, size,
			      "; one run a side: how far two runs differ, as the controls "
			      "show it, in each test: ");
	for (i = 0; i < c->nr_terms && n < size; i++) {
		n += i ? snprintf(buf + n, size - n, ", ") : 0;
		if (n < size)
			n += term_text(c, &c->terms[i], buf + n, size - n);
	}
	if (c->nr_not_over && n < size)
		n += snprintf(buf + n, size - n,
			      "; %zu cells judged as measured: over the controls with one run a "
			      "side needs two of its mode",
			      c->nr_not_over);
	if (c->nr_unmeasured && n < size)
		snprintf(buf + n, size - n,
			 "; %zu cells of one run a side judged on their rounds alone: no control "
			 "compared to measure how far runs differ",
			 c->nr_unmeasured);
}
