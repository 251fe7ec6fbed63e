/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Inside the result sets (rset.h): what their files share. rsetkey.c reads a
 * cell's key, rset.c reads a run, rsetmerge.c walks folders and merges runs.
 * Not for the rest of analysis/.
 */
#ifndef LSBENCH_RSET_INT_H
#define LSBENCH_RSET_INT_H

#include <stdbool.h>
#include <stddef.h>
#include "csvread.h"
#include "rset.h"

/* Column indexes of the key, looked up by name. */
struct key_cols {
	int scenario, map_type, op, hook, mode, sharing;
	int nr_maps, nr_objects, value_size, cpus;
};

/* rsetkey.c: columns and a row's key. */
int ls_rset_key_cols_find(const struct ls_csvr *r, bool with_op, unsigned int schema,
			  struct key_cols *c, char *err, size_t len);
int ls_rset_read_uint(const struct ls_csvr *r, int col, unsigned int *v, char *err, size_t len);
int ls_rset_key_read(const struct ls_csvr *r, const struct key_cols *c, struct ls_key *k, char *err,
		     size_t len);

/* rset.c: a run read into s; a cell's figure from its repetitions. */
int ls_rset_add_run(struct ls_rset *s, const char *dir, char *err, size_t len);
int ls_rset_cell_center(struct ls_rcell *c, unsigned int schema);

/*
 * rsetmerge.c: cells and repetitions added; a run's cells merged into s, its
 * info at s->runs[run_idx] already.
 */
int ls_rset_add_cell(struct ls_rset *s, struct ls_rcell **out);
int ls_rset_add_rep(struct ls_rcell *c, double v, unsigned int round);
int ls_rset_merge(struct ls_rset *s, struct ls_rset *run, size_t run_idx, unsigned int schema);

#endif /* LSBENCH_RSET_INT_H */
