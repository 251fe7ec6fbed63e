/* SPDX-License-Identifier: GPL-2.0 */
/*
 * summary.csv's columns, each with its meaning and unit and what writes it,
 * in one table: the writer, `lsbench columns` and results/README.md follow it;
 * and reps.csv's, each with its meaning and unit.
 */
#ifndef LSBENCH_COLUMNS_H
#define LSBENCH_COLUMNS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct ls_results;
struct ls_row;

/* One field's value: none (an empty field: not measured, never 0), text or a number. */
struct ls_field {
	enum { LS_FIELD_NONE, LS_FIELD_STR, LS_FIELD_U64, LS_FIELD_DBL } kind;
	const char *s;
	uint64_t u;
	double d;
};

struct ls_column {
	const char *name;
	const char *doc; /* unit and meaning, Markdown */
	bool figure; /* measured: empty unless the cell is ok */
	struct ls_field (*get)(const struct ls_results *r, const struct ls_row *row);
};

extern const struct ls_column ls_summary_columns[];
extern const size_t ls_nr_summary_columns;

/* The columns as a Markdown table: what `lsbench columns` prints. */
void ls_columns_markdown(FILE *f);

/* A column of a file other than summary.csv: its name, unit and meaning (Markdown). */
struct ls_file_column {
	const char *name;
	const char *doc;
};

/*
 * reps.csv's columns after the cell keys, one row per kept repetition: the
 * writer (results.c) and `lsbench columns --file reps.csv` follow this table.
 */
extern const struct ls_file_column ls_reps_columns[];
extern const size_t ls_nr_reps_columns;

/* reps.csv's columns as a Markdown table: `lsbench columns --file reps.csv`. */
void ls_reps_columns_markdown(FILE *f);

#endif /* LSBENCH_COLUMNS_H */
