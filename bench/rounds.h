/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Statistics over rounds. A round is one independent setup of a cell (its
 * maps, owners, program and producers made afresh) measured for a few
 * repetitions. Repetitions of one round share whatever that setup happened
 * to be (memory placement, cache slots, the minute of the machine's life),
 * so the round, not the repetition, is the unit of evidence: a cell's figure
 * and its confidence interval come from its round medians.
 */
#ifndef LSBENCH_ROUNDS_H
#define LSBENCH_ROUNDS_H

#include <stddef.h>

struct ls_round_stats {
	unsigned int rounds; /* distinct rounds among the samples */
	double median; /* median of the round medians */
	double ci_lo, ci_hi; /* 95% interval of the cell's central value */
	double round_cv; /* cv of the round medians: spread between setups; 0 for one round */
	double within_cv; /* mean over rounds of the cv of their repetitions */
	/*
	 * The change (a fraction) that compare of this run against another like
	 * it (as many rounds, the same spread of log round medians) finds with
	 * 80% power at p < 0.05, one cell alone; NAN with fewer than two rounds.
	 */
	double detectable;
};

/*
 * Summarizes n > 0 positive samples x[i], each from round round[i]. With two
 * rounds or more, the interval is Student's t interval of the mean of the
 * logarithms of the round medians (exponentiated): it needs no more than the
 * rounds being independent, and it is wide when they are few, as it should
 * be. With one round it comes from that round's repetitions alone, and says
 * nothing of what differs between setups: rounds tells which.
 * Returns 0, or -EINVAL (no samples, a sample not finite or not above 0),
 * -ENOMEM.
 */
int ls_rounds_summarize(const double *x, const unsigned int *round, size_t n,
			struct ls_round_stats *out);

/* Half the interval's width over the median, in percent. */
static inline double ls_round_precision_pct(const struct ls_round_stats *s)
{
	return 100 * (s->ci_hi - s->ci_lo) / 2 / s->median;
}

#endif /* LSBENCH_ROUNDS_H */
