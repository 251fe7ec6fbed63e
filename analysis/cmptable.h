/* SPDX-License-Identifier: GPL-2.0 */
/* A table of strings printed aligned for the console or as markdown, and cell labels spelled out.
 */
#ifndef LSBENCH_CMPTABLE_H
#define LSBENCH_CMPTABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "rset.h"

#define LS_TAB_MAX_COLS 16

struct ls_tab {
	const char *head[LS_TAB_MAX_COLS];
	bool right[LS_TAB_MAX_COLS]; /* aligned right (figures) */
	size_t nr_cols;
	char **cells; /* row by row, nr_cols a row */
	size_t nr_rows, cap;
	int err; /* -ENOMEM once a cell could not be added */
};

/* Adds a column (before the first row). */
void ls_tab_col(struct ls_tab *t, const char *head, bool right);

/* Adds a row of nr_cols strings, copied. */
void ls_tab_row(struct ls_tab *t, const char *const *cells);

/*
 * Prints the table: aligned with two spaces between columns, nothing cut
 * (the last column unpadded), or as a markdown table ('|' escaped).
 */
void ls_tab_print(const struct ls_tab *t, bool markdown, FILE *f);
void ls_tab_free(struct ls_tab *t);

/* The key fields a label spells out, each a bit. */
enum {
	LS_LBL_MODE = 1 << 0,
	LS_LBL_CPUS = 1 << 1,
	LS_LBL_OWNERS = 1 << 2,
	LS_LBL_MAPS = 1 << 3,
	LS_LBL_VALUE = 1 << 4,
	LS_LBL_SHARING = 1 << 5,
	LS_LBL_ALL = (1 << 6) - 1,
};

/* The fields of the label that differ between any two of the n keys. */
unsigned int ls_keys_varying(const struct ls_key *const *keys, size_t n);

/*
 * The fields of k in mask spelled out and joined by ", ", after the scenario
 * unless no_scenario: "task-get, loop, 1 thread, 1 owner, 16 maps, 8 B, private".
 */
void ls_key_spelled(const struct ls_key *k, unsigned int mask, bool no_scenario, char *buf,
		    size_t size);

#endif /* LSBENCH_CMPTABLE_H */
