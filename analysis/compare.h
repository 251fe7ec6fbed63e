/* SPDX-License-Identifier: GPL-2.0 */
/* lsbench compare: two result sets, cell by cell. */
#ifndef LSBENCH_COMPARE_H
#define LSBENCH_COMPARE_H

#include <stdio.h>
#include "cmpstats.h"
#include "rset.h"

#define LS_CMP_THRESHOLD 0.05
#define LS_CMP_FDR 0.05 /* Benjamini-Hochberg's false discovery rate */
#define LS_CMP_ALPHA LS_CMP_FDR /* its older name */
#define LS_CMP_LEVEL 0.95
#define LS_CMP_MIN_ROUNDS 2 /* per side, for a test */

enum ls_cmp_kind {
	LS_CMP_BOTH, /* ok on both sides: compared */
	LS_CMP_NOT_OK, /* on both sides, not ok on one or both */
	LS_CMP_BASE_ONLY,
	LS_CMP_NEW_ONLY,
};

struct ls_cmp_row {
	const struct ls_rcell *base; /* NULL: only in new */
	const struct ls_rcell *new; /* NULL: only in base */
	enum ls_cmp_kind kind;
	enum ls_verdict verdict; /* LS_CMP_BOTH only; the rest are NAN */
	/* ns_per_op new / base: of the geometric means of round medians; above 1 is slower */
	double ratio;
	double ci_lo, ci_hi; /* NAN when not tested */
	double p; /* Welch's t on the logs of the round medians; NAN: not tested */
	double q; /* p adjusted by Benjamini-Hochberg over the tested cells */
};

struct ls_cmp {
	const struct ls_rset *base, *new;
	double threshold;
	double alpha; /* the false discovery rate Q that q is held to */
	struct ls_cmp_row *rows; /* sorted by effect */
	size_t nr_rows;
	size_t nr_slower, nr_faster, nr_same, nr_not_ok, nr_base_only, nr_new_only;
	size_t nr_tested; /* compared cells with LS_CMP_MIN_ROUNDS rounds on both sides */
	size_t nr_untested; /* compared cells without: same, p NAN */
};

/*
 * Matches the cells of two sets by key and tests every pair ok on both: the
 * rounds of a cell are its samples (see compare.c). A verdict needs q < fdr
 * and a change above threshold. Both sets must have rounds (schema >= 3) and
 * the same schema; else -EINVAL with one line naming the file in err.
 */
int ls_cmp_build(struct ls_cmp *c, const struct ls_rset *base, const struct ls_rset *new,
		 double threshold, double fdr, char *err, size_t len);

/* Geometric mean of the ratios of compared cells of one map type (NULL: all); *n cells. */
double ls_cmp_geomean(const struct ls_cmp *c, const char *map_type, size_t *n);

/* The verdict's word: faster, slower, same, not_ok, base_only, new_only. */
const char *ls_cmp_row_verdict(const struct ls_cmp_row *r);

struct ls_buf;
void ls_cmp_csv(const struct ls_cmp *c, struct ls_buf *b);
void ls_cmp_print(const struct ls_cmp *c, FILE *f);
void ls_cmp_free(struct ls_cmp *c);

/* `lsbench compare`, argv after the command name. Returns the exit status. */
int ls_compare_main(int argc, char **argv);
void ls_compare_usage(FILE *f);

#endif /* LSBENCH_COMPARE_H */
