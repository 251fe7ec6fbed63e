// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the CSV reader that compare and report read results
 * with. The input is a whole file; every field is read as text and as
 * numbers. Errors must be one line naming the file and line.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "csvread.h"

static void check_error(const char *err)
{
	if (strncmp(err, "fuzz.csv:", 9) || strchr(err, '\n'))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ls_csvr r;
	char err[512], copy[64];
	uint64_t u;
	double d;
	size_t i;
	int ret;

	if (ls_csvr_open_mem(&r, "fuzz.csv", data, size, err, sizeof(err))) {
		check_error(err);
		return 0;
	}
	while ((ret = ls_csvr_next(&r, err, sizeof(err))) > 0) {
		if (r.nr_fields != r.nr_cols)
			abort();
		for (i = 0; i < r.nr_cols; i++) {
			if (ls_csvr_u64(&r, i, UINT64_MAX, &u, err, sizeof(err)))
				check_error(err);
			if (ls_csvr_double(&r, i, true, &d, err, sizeof(err)))
				check_error(err);
			if (ls_csvr_copy(&r, i, copy, sizeof(copy), err, sizeof(err)))
				check_error(err);
		}
		ls_csvr_col(&r, "ns_per_op");
	}
	if (ret < 0)
		check_error(err);
	ls_csvr_close(&r);
	return 0;
}
