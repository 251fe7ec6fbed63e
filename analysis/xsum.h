/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lsbench crosscheck-summary: the verdicts of crosscheck/crosscheck.sh. Its
 * rounds.csv holds one row per run: each round runs every pair (a cell of
 * lsbench's beside a benchmark of the kernel's bench) back to back, so each
 * round gives a pair one ratio lsbench / kernel in which the machine's drift
 * cancels. A pair that measures the same thing is judged on its rounds'
 * ratios as an equivalence test within a bound; crosscheck.csv has, per pair,
 * both medians, the ratio and its 95% interval, both spreads and the verdict,
 * and a last row, all-same, that pools the same-thing pairs round by round.
 * The statistics are lib/'s (the paired t, its interval, equivalence).
 */
#ifndef LSBENCH_XSUM_H
#define LSBENCH_XSUM_H

#include <stdbool.h>
#include <stddef.h>
#include "stats.h"

struct ls_buf;
struct ls_csvr;

/* A pair's sides; "again" (A/A, crosscheck --aa: the kernel's bench run twice) is lsbench's. */
enum ls_xsum_side {
	LS_XSUM_KERNEL,
	LS_XSUM_LSBENCH,
	LS_XSUM_SIDES,
};

enum ls_xsum_verdict {
	LS_XSUM_AGREES, /* the whole 95% interval within [1 / (1 + bound), 1 + bound] */
	LS_XSUM_DISAGREES, /* wholly outside it */
	LS_XSUM_INCONCLUSIVE, /* across a bound */
	LS_XSUM_ONE_PAIR, /* inconclusive: one round with both sides, no interval */
	LS_XSUM_DIFFERS, /* measures another thing by design: reported, not judged */
	LS_XSUM_UNSUPPORTED, /* the kernel refused its bench; lsbench ran or was refused too */
	LS_XSUM_FAILED, /* a side without a figure, or no round with both */
};

/* A run that gave a figure. */
struct ls_xsum_run {
	unsigned int round;
	double ns;
};

struct ls_xsum_side_runs {
	struct ls_xsum_run *runs;
	size_t n, cap;
	char *why; /* the status of its first run without a figure; NULL: none */
};

/* The rounds' ratios lsbench / kernel: their geometric mean and its 95% interval. */
struct ls_xsum_ratio {
	size_t pairs;
	double ratio; /* NAN without a pair */
	double lo, hi; /* NAN below two pairs */
	struct ls_ttest t; /* the paired t on the logarithms, from two pairs */
};

struct ls_xsum_cell {
	char *name, *note;
	bool same; /* column same: "same" (judged) or "differs" */
	struct ls_xsum_side_runs side[LS_XSUM_SIDES];
	unsigned int shared_slot_runs; /* runs whose maps shared cache slots: no figure */
	struct ls_xsum_ratio r; /* ls_xsum_judge's */
	enum ls_xsum_verdict verdict;
};

struct ls_xsum {
	struct ls_xsum_cell *cells; /* in the order of their first row */
	size_t nr_cells, cap;
	bool aa; /* the second side is "again" */
	/* ls_xsum_judge's: the same-thing pairs not unsupported, pooled */
	size_t nr_pooled;
	struct ls_xsum_ratio pooled;
	enum ls_xsum_verdict pooled_verdict;
};

/*
 * Reads a rounds.csv (columns cell, round, side, ns_per_op, status, same and
 * note; others ignored) into x (zeroed first). Returns 0, or -EINVAL (-ENOMEM)
 * with "FILE:LINE: what" in err: a column missing, a side other than kernel,
 * lsbench or again (or both lsbench and again), a run of status ok without a
 * positive figure, a side's round twice, a cell both same and differs, no run.
 */
int ls_xsum_read(struct ls_csvr *r, struct ls_xsum *x, char *err, size_t len);

/* Every pair's ratio and verdict, and the pooled row's, at bound (a fraction: 0.05). */
int ls_xsum_judge(struct ls_xsum *x, double bound);

/* crosscheck.csv: its header, a row per pair, then all-same when a pair is pooled. */
void ls_xsum_csv(const struct ls_xsum *x, struct ls_buf *b);

/* 1 when a judged pair disagrees or one failed, 3 when none does but one is inconclusive, else 0.
 */
int ls_xsum_status(const struct ls_xsum *x);

const char *ls_xsum_verdict_name(enum ls_xsum_verdict v);

void ls_xsum_free(struct ls_xsum *x);

int ls_xsum_main(int argc, char **argv);

#endif /* LSBENCH_XSUM_H */
