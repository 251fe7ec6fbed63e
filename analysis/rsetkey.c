// SPDX-License-Identifier: GPL-2.0
/* A cell's key: read from a CSV row by its columns' names, ordered, written and labelled. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "csv.h"
#include "csvread.h"
#include "rset-int.h"

/* hist.csv has no map_type, op or hook: with_op false skips them. */
int ls_rset_key_cols_find(const struct ls_csvr *r, bool with_op, unsigned int schema,
			  struct key_cols *c, char *err, size_t len)
{
	int ret;

	c->map_type = c->op = c->hook = c->sharing = -1;
	ret = ls_csvr_need_col(r, "scenario", &c->scenario, err, len);
	if (!ret && with_op)
		ret = ls_csvr_need_col(r, "map_type", &c->map_type, err, len) ?:
			      ls_csvr_need_col(r, "op", &c->op, err, len) ?:
			      ls_csvr_need_col(r, "hook", &c->hook, err, len);
	if (!ret && schema >= 2)
		ret = ls_csvr_need_col(r, "sharing", &c->sharing, err, len);
	return ret ?: ls_csvr_need_col(r, "mode", &c->mode, err, len) ?:
		      ls_csvr_need_col(r, "nr_maps", &c->nr_maps, err, len) ?:
		      ls_csvr_need_col(r, "nr_objects", &c->nr_objects, err, len) ?:
		      ls_csvr_need_col(r, "value_size", &c->value_size, err, len) ?:
		      ls_csvr_need_col(r, "cpus", &c->cpus, err, len);
}

int ls_rset_read_uint(const struct ls_csvr *r, int col, unsigned int *v, char *err, size_t len)
{
	uint64_t x;
	int ret = ls_csvr_u64(r, col, UINT32_MAX, &x, err, len);

	*v = x;
	return ret;
}

int ls_rset_key_read(const struct ls_csvr *r, const struct key_cols *c, struct ls_key *k, char *err,
		     size_t len)
{
	int ret;

	memset(k, 0, sizeof(*k));
	ret = ls_csvr_copy(r, c->scenario, k->scenario, sizeof(k->scenario), err, len) ?:
		      ls_csvr_copy(r, c->map_type, k->map_type, sizeof(k->map_type), err, len) ?:
		      ls_csvr_copy(r, c->op, k->op, sizeof(k->op), err, len) ?:
		      ls_csvr_copy(r, c->hook, k->hook, sizeof(k->hook), err, len) ?:
		      ls_csvr_copy(r, c->mode, k->mode, sizeof(k->mode), err, len) ?:
		      ls_csvr_copy(r, c->sharing, k->sharing, sizeof(k->sharing), err, len) ?:
		      ls_rset_read_uint(r, c->nr_maps, &k->nr_maps, err, len) ?:
		      ls_rset_read_uint(r, c->nr_objects, &k->nr_objects, err, len) ?:
		      ls_rset_read_uint(r, c->value_size, &k->value_size, err, len) ?:
		      ls_rset_read_uint(r, c->cpus, &k->cpus, err, len);
	if (ret)
		return ret;
	if (!*k->scenario || !*k->mode)
		return ls_csvr_error(r, err, len, "empty scenario or mode");
	if (c->sharing < 0)
		strcpy(k->sharing, "private");
	else if (strcmp(k->sharing, "private") && strcmp(k->sharing, "shared"))
		return ls_csvr_error(r, err, len, "column sharing: not private or shared");
	return 0;
}

int ls_key_cmp(const struct ls_key *a, const struct ls_key *b)
{
	int d;

	if ((d = strcmp(a->scenario, b->scenario)) || (d = strcmp(a->mode, b->mode)) ||
	    (d = strcmp(a->sharing, b->sharing)))
		return d;
	if (a->cpus != b->cpus)
		return a->cpus < b->cpus ? -1 : 1;
	if (a->nr_objects != b->nr_objects)
		return a->nr_objects < b->nr_objects ? -1 : 1;
	if (a->nr_maps != b->nr_maps)
		return a->nr_maps < b->nr_maps ? -1 : 1;
	if (a->value_size != b->value_size)
		return a->value_size < b->value_size ? -1 : 1;
	if ((d = strcmp(a->map_type, b->map_type)) || (d = strcmp(a->op, b->op)))
		return d;
	return strcmp(a->hook, b->hook);
}

void ls_key_label(const struct ls_key *k, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s c%u o%u m%u v%u%s", k->scenario, k->mode, k->cpus, k->nr_objects,
		 k->nr_maps, k->value_size, strcmp(k->sharing, "shared") ? "" : " shared");
}

void ls_key_csv(struct ls_buf *b, const struct ls_key *k)
{
	ls_csv_str(b, k->scenario);
	ls_csv_str(b, k->map_type);
	ls_csv_str(b, k->op);
	ls_csv_str(b, k->hook);
	ls_csv_str(b, k->mode);
	ls_csv_u64(b, k->nr_maps);
	ls_csv_u64(b, k->nr_objects);
	ls_csv_u64(b, k->value_size);
	ls_csv_u64(b, k->cpus);
	ls_csv_str(b, k->sharing);
}
