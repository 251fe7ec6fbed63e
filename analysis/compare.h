/* SPDX-License-Identifier: GPL-2.0 */
/* lsbench compare: two result sets, cell by cell. */
#ifndef LSBENCH_COMPARE_H
#define LSBENCH_COMPARE_H

#include <stdio.h>
#include "cli.h"
#include "cmpstats.h"
#include "rset.h"
#include "sides.h"

#define LS_CMP_BOUND_PCT 2 /* equivalence bound: same within -/+ 2% */
#define LS_CMP_BOUND (LS_CMP_BOUND_PCT / 100.0)
#define LS_CMP_FDR 0.05 /* Benjamini-Hochberg's false discovery rate */
#define LS_CMP_LEVEL 0.95 /* of the interval reported and checked */
#define LS_CMP_MAX_SELECT 64 /* -s patterns */
#define LS_CMP_MAX_SIDE 64 /* folders a side */

enum ls_cmp_kind {
	LS_CMP_BOTH, /* ok on both sides: compared */
	LS_CMP_NOT_OK, /* on both sides, not ok on one or both */
	LS_CMP_BASE_ONLY,
	LS_CMP_NEW_ONLY,
};

/* Whether runs of the two sides are paired: when they alternated in time, always, never. */
enum ls_pairing {
	LS_PAIR_AUTO,
	LS_PAIR_ON,
	LS_PAIR_OFF,
};

struct ls_cmp_opts {
	double bound; /* fraction */
	double fdr;
	enum ls_pairing pairing;
	/* judge each cell's units over its control's (the same run, the same round) */
	bool over_control;
	/* one run a side judged on its rounds alone, without the runs' term (cmpruns.c) */
	bool rounds_only;
	const char *select[LS_CMP_MAX_SELECT]; /* scenario globs: the family; none: every cell */
	size_t nr_select;
};

#define LS_CMP_OPTS_DEFAULT                                                                        \
	{                                                                                          \
		.bound = LS_CMP_BOUND, .fdr = LS_CMP_FDR, .pairing = LS_PAIR_AUTO                  \
	}

struct ls_cmp_row {
	const struct ls_rcell *base; /* NULL: only in new */
	const struct ls_rcell *new; /* NULL: only in base */
	enum ls_cmp_kind kind;
	enum ls_verdict verdict; /* LS_CMP_BOTH only */
	enum ls_unit unit;
	/* new / base: the ratio of the geometric means of the units; above 1 is slower */
	double ratio;
	bool has_test; /* t holds the test (or, with one unit on a side, its spreads) */
	struct ls_ttest t;
	double p; /* of t; NAN: not a test (fewer than 2 units on a side) */
	double q; /* p adjusted by Benjamini-Hochberg over the family */
	struct ls_judgement j; /* intervals, detectable change, units needed */
	bool base_noisy, new_noisy;
	/* Each side's spread: the upper half-width of its figure's 95% interval, a fraction */
	double base_hw, new_hw;
	/* Its control's ratio and verdict, when its control is compared too; else NAN */
	double ctl_ratio;
	enum ls_verdict ctl_verdict;
	/* judged over its control (--over-control): ratio and test are of cell / control */
	bool over_ctl;
	/* the ratio divided out: its control's, or the controls' mean move (cmpruns.c) */
	double over_by;
	/* the runs' variance (logs) in its test, one run a side (cmpruns.c); NAN: none */
	double runs_var;
};

/* The runs' spread of one mode's cells, from its controls (cmpruns.c, lib's ls_runs_spread). */
struct ls_runs_term {
	char mode[16];
	bool pooled; /* the mode has no control: estimated from every mode's */
	struct ls_runs_spread s;
};
#define LS_CMP_MAX_TERMS 4

struct ls_cmp {
	const struct ls_rset *base, *new;
	struct ls_cmp_opts opts;
	struct ls_rule rule;
	bool paired; /* the two sides' runs are paired */
	bool paired_asked; /* by --paired, not found alternated */
	int *slot_base, *slot_new; /* each run's pair, when paired */
	struct ls_cmp_row *rows; /* sorted by verdict, then effect */
	size_t nr_rows;
	size_t nr_slower, nr_faster, nr_same, nr_unsure, nr_not_ok, nr_base_only, nr_new_only;
	size_t nr_tested; /* the family: compared cells with 2 units a side or more */
	size_t nr_few; /* compared cells with fewer: ~ */
	size_t nr_noisy; /* compared cells noisy on a side */
	size_t nr_ctl_moved; /* compared controls judged slower or faster */
	size_t nr_withheld; /* cells made ~ for their control moved their way (cmpguard.c) */
	struct ls_runs_term terms[LS_CMP_MAX_TERMS]; /* the runs' spread by mode (cmpruns.c) */
	size_t nr_terms;
	size_t nr_unmeasured; /* cells of one run a side judged without it: no control */
	size_t nr_not_over; /* --over-control asked, one run a side, a single control: as measured
			     */
	size_t nr_over_mean; /* cells of one run a side judged over their mode's controls' mean */
};

/*
 * Matches the cells of two sets by key (those whose scenario matches a glob
 * of o->select, or all) and judges every pair ok on both (see compare.c).
 * Both sets must have rounds (schema >= 3) and the same schema; else -EINVAL
 * with one line naming the file in err; -EINVAL too when -s selects nothing
 * or pairing is asked for runs that cannot pair.
 */
int ls_cmp_build(struct ls_cmp *c, const struct ls_rset *base, const struct ls_rset *new,
		 const struct ls_cmp_opts *o, char *err, size_t len);

/* Geometric mean of the ratios of compared cells of one map type (NULL: all); *n cells. */
double ls_cmp_geomean(const struct ls_cmp *c, const char *map_type, size_t *n);

/* The verdict's word: faster, slower, same, ~, not_ok, base_only, new_only. */
const char *ls_cmp_row_verdict(const struct ls_cmp_row *r);

/* The same as a word for a CSS class or a file: ~ is "unsure". */
const char *ls_cmp_row_class(const struct ls_cmp_row *r);

/* Whether the row is noisy on either side. */
bool ls_cmp_row_noisy(const struct ls_cmp_row *r);

/* "12 rounds a side", "5 runs a side", "5 pairs" for a ~ row's units needed; "" else. */
void ls_cmp_row_needed(const struct ls_cmp_row *r, char *buf, size_t size);

/* One line saying what a comparison did: units, pairing, the family, the rule. */
#define LS_CMP_METHOD_SIZE 640
void ls_cmp_method(const struct ls_cmp *c, char *buf, size_t size);

/* Whether a key is a control's: an empty program (map_type none, op empty). */
bool ls_key_is_control(const struct ls_key *k);

/* The control cell in s of cell, a cell of s (cmpguard.c says how it is found); NULL: none. */
const struct ls_rcell *ls_cmp_control_cell(const struct ls_rset *s, const struct ls_rcell *cell);

/*
 * The control guard over the judged rows: each cell's control (cmpguard.c
 * says how it is found), and lib/verdict.c's ls_guard_control on it, over
 * the control or not: a machine speed need not scale a cell and its control
 * alike, so what is left of it over the control is not a finding either.
 * Sides wholly measured under icount (meta.txt virt) are not guarded: their
 * figures count instructions, which no machine speed moves.
 */
void ls_cmp_guard(struct ls_cmp *c);

/* Whether both sides were wholly measured under icount: figures in instructions. */
bool ls_cmp_in_instructions(const struct ls_cmp *c);

/*
 * The runs' term of cmpruns.c: with one run a side, each tested cell's test
 * takes in the variance by which two runs differ, as the controls measured it
 * (their mode's, else every mode's). Not under icount, nor by runs, nor
 * without a control (nr_unmeasured counts those cells).
 */
int ls_cmp_runs_term(struct ls_cmp *c);

/* Whether the runs' term is for this comparison: not on the rounds alone, nor under icount. */
bool ls_cmp_runs_term_applies(const struct ls_cmp *c);

/* The runs' term as words for the method line ("; one run a side: ..."); "" when none. */
void ls_cmp_runs_text(const struct ls_cmp *c, char *buf, size_t size);

/* Why a row is ~, as words: ls_why_text, with the control's move for LS_WHY_CONTROL. */
#define LS_CMP_WHY_SIZE 160
void ls_cmp_row_why(const struct ls_cmp_row *r, char *buf, size_t size);

/* The row's key. */
const struct ls_key *ls_cmp_row_key(const struct ls_cmp_row *r);

/* What compare prints: the console's table, a markdown one to paste, or compare.csv. */
enum ls_cmp_format {
	LS_CMP_TEXT,
	LS_CMP_MARKDOWN,
	LS_CMP_CSV,
};

struct ls_cmp_print_opts {
	enum ls_cmp_format format; /* LS_CMP_TEXT or LS_CMP_MARKDOWN */
	bool changed; /* only slower and faster rows, and how many are not shown */
};

struct ls_buf;
void ls_cmp_csv(const struct ls_cmp *c, struct ls_buf *b);
void ls_cmp_print(const struct ls_cmp *c, const struct ls_cmp_print_opts *po, FILE *f);
void ls_cmp_free(struct ls_cmp *c);

/*
 * compare's rule as options (cmpmain.c), a child table of every command that
 * judges as compare does: ls_cmp_rule_opts, --bound (its old name --threshold)
 * and --fdr of a struct ls_cmp_opts; ls_cmp_bound_opts, --bound and
 * --threshold alone, of a double (a fraction).
 */
extern const struct ls_cli_opt ls_cmp_rule_opts[];
extern const struct ls_cli_opt ls_cmp_bound_opts[];

/* lsbench compare's settings, as its table (ls_compare_cmd) parses them. */
struct ls_compare_args {
	struct ls_cmp_opts o;
	struct ls_cmp_print_opts po;
	struct ls_sides_opts sides;
	const char *out; /* compare.csv's path; NULL: no file */
	bool fail; /* --fail-on-regression */
	const char *base[LS_CMP_MAX_SIDE], *new[LS_CMP_MAX_SIDE]; /* --base, --new or BASE NEW */
	size_t nr_base, nr_new;
};

extern const struct ls_cli_cmd ls_compare_cmd;

/* `lsbench compare`, argv after the command name. Returns the exit status. */
int ls_compare_main(int argc, char **argv);

#endif /* LSBENCH_COMPARE_H */
