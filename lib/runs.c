// SPDX-License-Identifier: GPL-2.0
/*
 * How far two runs of one kernel differ, from the controls compared between
 * them (stats.h, ls_runs_spread): what compare adds to each test of one run
 * a side (analysis/cmpruns.c), and what the unit tests simulate.
 */
#include <errno.h>
#include <math.h>
#include "stats.h"

/* A control's weight: the inverse of its squared standard error; se 0 weighs as 1e-6. */
static double weight(double se)
{
	return 1 / fmax(se * se, 1e-12);
}

/*
 * var around zero (a cell judged as measured moves with the machine too); var_mean the same
 * around the weighted mean ((Q - (k - 1)) / (sum w - sum w^2 / sum w)); mean and se2_mean
 * that mean weighed by 1 / (se^2 + var_mean) and its variance, for cells judged over it.
 */
int ls_runs_spread(const double *d, const double *se, size_t k, struct ls_runs_spread *s)
{
	double sw = 0, sw2 = 0, swd = 0, swd2 = 0, w, re = 0, red = 0;
	size_t i;

	if (!k)
		return -EINVAL;
	for (i = 0; i < k; i++) {
		w = weight(se[i]);
		sw += w;
		sw2 += w * w;
		swd += w * d[i];
		swd2 += w * d[i] * d[i];
	}
	s->k = k;
	s->df = sw * sw / sw2;
	s->var = fmax(0, (swd2 - k) / sw);
	s->var_mean = NAN;
	s->mean = swd / sw;
	s->se2_mean = 1 / sw;
	if (k < 2)
		return 0;
	/* the weighted squares around the weighted mean */
	s->var_mean = fmax(0, (swd2 - swd * swd / sw - (k - 1)) / (sw - sw2 / sw));
	for (i = 0; i < k; i++) {
		w = 1 / (1 / weight(se[i]) + s->var_mean);
		re += w;
		red += w * d[i];
	}
	s->mean = red / re;
	s->se2_mean = 1 / re;
	return 0;
}
