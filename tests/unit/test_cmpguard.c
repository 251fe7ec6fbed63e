// SPDX-License-Identifier: GPL-2.0
/* compare's control found by summary.csv's control column, and by the prefix without it. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include "compare.h"
#include "csv.h"
#include "cmpfix.h"

/*
 * root/NAME: p-get (new: 10% slower) beside q-empty (new: 10% slower too) and p-empty
 * (unmoved), p-put and p-miss (10% slower); with named, summary.csv names p-get's control
 * q-empty, p-put's z-empty, which the run does not have, and none for p-miss.
 */
static void guard_run(const char *name, bool named, bool new_side)
{
	double f = new_side ? 1.1 : 1;
	int order = new_side;
	char b[5][256];

	make_run(name, 3, "6.1",
		 cell_spec(b[0], 256, named ? "p-get>q-empty" : "p-get", 100 * f, 0.005, 5, order),
		 cell_spec(b[1], 256, "q-empty", 20 * f, 0.005, 5, order),
		 cell_spec(b[2], 256, "p-empty", 20, 0.005, 5, order),
		 cell_spec(b[3], 256, named ? "p-put>z-empty" : "p-put", 100 * f, 0.005, 5, order),
		 cell_spec(b[4], 256, "p-miss", 100 * f, 0.005, 5, order), NULL);
}

static const char *control_of(const struct ls_rset *s, const struct ls_cmp *c, const char *sc)
{
	const struct ls_rcell *ctl = ls_cmp_control_cell(s, row_of(c, sc)->base);

	return ctl ? ctl->key.scenario : "(none)";
}

/*
 * A control named by the column though it shares no prefix with its cell
 * (cgroup-storage-get: cgstore-empty): p-get's is q-empty, which moved with
 * it, so p-get is ~ by the guard, and over it (--over-control) unchanged. A
 * named control the set lacks is none, not one guessed by the prefix, and so
 * is an empty field where the set has the column (p-miss: no p-empty).
 */
static void named_control_is_used(void **state)
{
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	const struct ls_cmp_row *r;
	struct ls_rset base, new;
	struct ls_cmp c;

	guard_run("nbase", true, false);
	guard_run("nnew", true, true);
	o.rounds_only = true; /* the guard alone: the runs' term would widen every test */
	build_with(&c, &base, &new, "nbase", "nnew", &o);
	assert_string_equal(row_of(&c, "p-get")->base->control, "q-empty");
	assert_string_equal(row_of(&c, "q-empty")->base->control, "");
	assert_string_equal(control_of(&base, &c, "p-get"), "q-empty");
	assert_string_equal(control_of(&base, &c, "p-put"), "(none)");
	assert_string_equal(control_of(&base, &c, "p-miss"), "(none)");
	assert_true(isnan(row_of(&c, "p-miss")->ctl_ratio));
	r = row_of(&c, "p-get");
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_CONTROL);
	assert_float_equal(r->ctl_ratio, 1.1, 0.005);
	r = row_of(&c, "p-put");
	assert_int_equal(r->verdict, LS_SLOWER);
	assert_true(isnan(r->ctl_ratio));
	done(&c, &base, &new);
	o.over_control = true;
	build_with(&c, &base, &new, "nbase", "nnew", &o);
	r = row_of(&c, "p-get");
	assert_true(r->over_ctl);
	assert_float_equal(r->ratio, 1, 0.005);
	assert_false(row_of(&c, "p-put")->over_ctl);
	done(&c, &base, &new);
}

/*
 * The same runs without the column (as published before it): p-get's control
 * is the empty program sharing its prefix, p-empty, unmoved, so p-get is
 * slower, and 10% slower over it; p-put's is p-empty too.
 */
static void without_the_column_the_prefix(void **state)
{
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	const struct ls_cmp_row *r;
	struct ls_rset base, new;
	struct ls_cmp c;

	guard_run("hbase", false, false);
	guard_run("hnew", false, true);
	o.rounds_only = true; /* the guard alone */
	build_with(&c, &base, &new, "hbase", "hnew", &o);
	assert_string_equal(row_of(&c, "p-get")->base->control, "");
	assert_string_equal(control_of(&base, &c, "p-get"), "p-empty");
	assert_string_equal(control_of(&base, &c, "p-put"), "p-empty");
	assert_string_equal(control_of(&base, &c, "p-miss"), "p-empty");
	r = row_of(&c, "p-get");
	assert_int_equal(r->verdict, LS_SLOWER);
	assert_float_equal(r->ctl_ratio, 1, 0.005);
	done(&c, &base, &new);
	o.over_control = true;
	build_with(&c, &base, &new, "hbase", "hnew", &o);
	r = row_of(&c, "p-get");
	assert_true(r->over_ctl);
	assert_float_equal(r->ratio, 1.1, 0.005);
	done(&c, &base, &new);
}

/* Runs merged: a run that names the control names it for the set, whichever run is first. */
static void merged_runs_keep_the_name(void **state)
{
	struct ls_rset s;
	size_t i;

	guard_run("mold", false, false);
	guard_run("mnew", true, false);
	load(&s, "mold,mnew");
	for (i = 0; i < s.nr_cells && strcmp(s.cells[i].key.scenario, "p-get"); i++)
		;
	assert_true(i < s.nr_cells);
	assert_int_equal(s.cells[i].nr_runs, 2);
	assert_string_equal(s.cells[i].control, "q-empty");
	ls_rset_free(&s);
}

/*
 * A run cut off before p-get's control was measured has the column but leaves p-get's field
 * empty; merged with a run that names it, the set keeps the name, whichever run is first.
 */
static void cut_off_run_keeps_the_name(void **state)
{
	struct ls_rset s;
	char b[2][256];
	size_t i;

	make_run("mpart", 3, "6.1", cell_spec(b[0], 256, "p-get", 100, 0.005, 5, 0),
		 cell_spec(b[1], 256, "p-put>z-empty", 100, 0.005, 5, 0), NULL);
	guard_run("mfull", true, false);
	load(&s, "mpart,mfull");
	for (i = 0; i < s.nr_cells && strcmp(s.cells[i].key.scenario, "p-get"); i++)
		;
	assert_true(i < s.nr_cells);
	assert_int_equal(s.cells[i].nr_runs, 2);
	assert_true(s.cells[i].control_named);
	assert_string_equal(s.cells[i].control, "q-empty");
	ls_rset_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(named_control_is_used),
		cmocka_unit_test(without_the_column_the_prefix),
		cmocka_unit_test(merged_runs_keep_the_name),
		cmocka_unit_test(cut_off_run_keeps_the_name),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
