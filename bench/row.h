/* SPDX-License-Identifier: GPL-2.0 */
/* A cell's row over its rounds: each round's measurements added in, and summarized. */
#ifndef LSBENCH_ROW_H
#define LSBENCH_ROW_H

#include "results.h"

/*
 * Adds round rnd (as ls_cell_round measured it) to the cell's row acc, taking
 * what rnd holds: its repetitions become acc's next round (numbered from 1,
 * past any left out), its counters and histograms are summed in. A round that is not ok makes the
 * cell not ok, with the round named in the reason. Returns 0 or -ENOMEM.
 */
int ls_row_add_round(struct ls_row *acc, struct ls_row *rnd);

/* Adds the bare twin's round (--overhead) to acc, or makes acc fail with its reason. */
void ls_row_add_bare(struct ls_row *acc, const struct ls_row *bare);

/*
 * Leaves round number out of the row's figures, when it has a round besides:
 * its repetitions go, the row counts it dropped and is summarized again. Its
 * counts and histograms stay summed in (what ran, as cross-checked). Returns
 * whether it did.
 */
bool ls_row_drop_round(struct ls_row *row, unsigned int number);

/* The row's figures from its repetitions: medians of round medians and their interval. */
void ls_row_summarize(struct ls_row *row);

/*
 * Whether an ok cell is noisy, and why into why (len > 0): rounds kept
 * though disturbed, a spread between rounds (round_cv) or within them (cv)
 * above LS_NOISY_CV.
 */
bool ls_row_noisy(const struct ls_row *row, char *why, size_t len);

#endif /* LSBENCH_ROW_H */
