/* SPDX-License-Identifier: GPL-2.0 */
/* Statistics that compare two sets of repetitions. */
#ifndef LSBENCH_CMPSTATS_H
#define LSBENCH_CMPSTATS_H

#include <stddef.h>
#include <stdint.h>

/* Above this many samples in all, Mann-Whitney's p is the normal approximation. */
#define LS_MWU_EXACT_MAX 50
#define LS_BOOT_ITERS 2000
#define LS_BOOT_SEED 0x6c7362656e6368ull

/* A small reproducible PRNG (splitmix64): the same seed, the same stream. */
struct ls_rng {
	uint64_t s;
};

uint64_t ls_rng_next(struct ls_rng *g);
/* A uniform integer in [0, n), n > 0. */
size_t ls_rng_below(struct ls_rng *g, size_t n);

/* The median of n >= 1 values; reorders x. */
double ls_median_inplace(double *x, size_t n);

/*
 * Two-sided p-value of the Mann-Whitney U test of a against b (midranks for
 * ties). Exact (the permutation distribution of the rank sum, ties included)
 * when na + nb <= LS_MWU_EXACT_MAX, else the normal approximation with tie
 * and continuity corrections. Returns 0, or -EINVAL for an empty side or a
 * non-finite value, -ENOMEM.
 */
int ls_mwu_p(const double *a, size_t na, const double *b, size_t nb, double *p);

/*
 * Percentile bootstrap of median(b) / median(a): iters resamples of each side
 * with replacement from a PRNG seeded with seed; [*lo, *hi] holds the central
 * level (0.95) of the ratios. Returns 0, -EINVAL (empty side, a median <= 0),
 * -ENOMEM.
 */
int ls_boot_ratio_ci(const double *a, size_t na, const double *b, size_t nb, unsigned int iters,
		     uint64_t seed, double level, double *lo, double *hi);

/* The geometric mean of n > 0 positive values; NAN when n is 0. */
double ls_geomean(const double *x, size_t n);

enum ls_verdict {
	LS_SAME,
	LS_FASTER,
	LS_SLOWER,
};

/*
 * new/base ratio of ns per op: faster or slower only when p < alpha and the
 * ratio is off 1 by more than threshold (0.05: 5%), else the same.
 */
enum ls_verdict ls_verdict_of(double ratio, double p, double alpha, double threshold);
const char *ls_verdict_name(enum ls_verdict v);

#endif /* LSBENCH_CMPSTATS_H */
