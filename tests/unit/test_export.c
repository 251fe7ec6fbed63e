// SPDX-License-Identifier: GPL-2.0
/* lsbench export: cell names, origins, and the three formats of a small set. */
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "compare.h"
#include "csv.h"
#include "export.h"
#include "rset.h"

static struct ls_run_info run = {
	.run_id = "20261129T120000Z-host",
	.kernel = "6.1.0-50-amd64",
	.host = "host",
	.cpu_model = "cpu",
	.rev = "abc1234",
	.started = "2026-11-29T12:00:00Z",
	.arch = "x86_64",
	.virt = "tcg",
	.kernel_version = "#1 SMP \"Debian\"",
	.schema = 3,
};

static struct ls_rcell cells[3] = {
	{ .key = { .scenario = "task-get",
		   .mode = "loop",
		   .sharing = "private",
		   .nr_maps = 1,
		   .nr_objects = 1,
		   .value_size = 8,
		   .cpus = 1 },
	  .nr_runs = 1,
	  .status = "ok",
	  .summary_ns = 12.5,
	  .ns_per_op = 99,
	  .ops_per_sec = 8e7,
	  .lat = { NAN, NAN, NAN, NAN },
	  .nr_rounds = 3 },
	{ .key = { .scenario = "cgrp-get",
		   .mode = "hook",
		   .sharing = "shared",
		   .nr_maps = 16,
		   .nr_objects = 1,
		   .value_size = 64,
		   .cpus = 2 },
	  .nr_runs = 1,
	  .status = "unsupported",
	  .reason = "kernel lacks map type # cgrp_storage",
	  .lat = { NAN, NAN, NAN, NAN } },
	{ .key = { .scenario = "sk/odd name",
		   .mode = "loop",
		   .sharing = "private",
		   .nr_maps = 1,
		   .nr_objects = 100,
		   .value_size = 8,
		   .cpus = 1 },
	  .nr_runs = 1,
	  .status = "failed",
	  .reason = "ops \"7\" != 8\nsecond line",
	  .lat = { NAN, NAN, NAN, NAN } },
};

static struct ls_rset set = { .runs = &run, .nr_runs = 1, .cells = cells, .nr_cells = 3 };

static struct ls_run_info base_run = { .kernel = "6.0-base", .schema = 3 };
static struct ls_rcell base_cells[2];
static struct ls_rset base_set = {
	.runs = &base_run, .nr_runs = 1, .cells = base_cells, .nr_cells = 2
};

/* A comparison with a base of task-get alone whose verdict is v. */
static void compared(struct ls_cmp *c, struct ls_cmp_row *row, enum ls_verdict v)
{
	memset(c, 0, sizeof(*c));
	memset(row, 0, sizeof(*row));
	base_cells[0] = cells[0];
	c->base = &base_set;
	c->new = &set;
	c->rows = row;
	c->nr_rows = 1;
	row->base = &base_cells[0];
	row->new = &cells[0];
	row->kind = LS_CMP_BOTH;
	row->verdict = v;
	row->unit = LS_UNIT_ROUND;
	row->ratio = 1.012;
	row->q = 0.4;
	row->j = (struct ls_judgement){ .verdict = v,
					.ci_lo = 0.981,
					.ci_hi = 1.044,
					.detectable = 0.07,
					.tost_lo = NAN,
					.tost_hi = NAN };
	if (v == LS_UNSURE) {
		row->j.why = LS_WHY_WIDE;
		row->j.units_needed = 9;
	}
}

static char *export_cmp(enum ls_export_format f, const struct ls_cmp *c, struct ls_buf *b)
{
	memset(b, 0, sizeof(*b));
	ls_export(&set, c, f, "lsbench", b);
	assert_int_equal(b->err, 0);
	ls_buf_printf(b, "%c", 0);
	return b->data;
}

static char *export(enum ls_export_format f, struct ls_buf *b)
{
	memset(b, 0, sizeof(*b));
	ls_export(&set, NULL, f, "lsbench", b);
	assert_int_equal(b->err, 0);
	ls_buf_printf(b, "%c", 0);
	return b->data;
}

static int count(const char *s, const char *what)
{
	int n = 0;

	for (; (s = strstr(s, what)); s++)
		n++;
	return n;
}

static void paths_are_dotted_names(void **state)
{
	char p[256];

	(void)state;
	ls_export_path(&cells[0].key, p, sizeof(p));
	assert_string_equal(p, "lsbench.task-get.loop.private.c1.o1.m1.v8");
	ls_export_path(&cells[2].key, p, sizeof(p));
	assert_string_equal(p, "lsbench.sk_odd_name.loop.private.c1.o100.m1.v8");
}

static void origins(void **state)
{
	(void)state;
	assert_true(ls_export_origin_ok("lsbench"));
	assert_true(ls_export_origin_ok("my_lab_2"));
	assert_false(ls_export_origin_ok(""));
	assert_false(ls_export_origin_ok("My-lab"));
	assert_false(ls_export_origin_ok("a:b"));
}

static void kcidb_escapes_and_maps_status(void **state)
{
	struct ls_buf b;
	char *s = export(LS_EXPORT_KCIDB, &b);

	(void)state;
	assert_non_null(strstr(s, "\"version\": {\"major\": 5, \"minor\": 0}"));
	/* one checkout and one build for the one kernel */
	assert_non_null(strstr(s, "{\"id\": \"lsbench:6.1.0-50-amd64\", \"origin\": \"lsbench\", "
				  "\"valid\": true"));
	assert_null(strstr(strstr(s, "\"builds\"") + 1, "\"valid\""));
	assert_non_null(strstr(s, "\"kernel_version\": \"#1 SMP \\\"Debian\\\"\""));
	/* the figure of summary.csv, not the pooled one */
	assert_non_null(strstr(s, "\"status\": \"PASS\", \"start_time\": \"2026-11-29T12:00:00Z\", "
				  "\"number\": {\"value\": 12.500000, \"unit\": \"ns\""));
	assert_non_null(strstr(s, "\"status\": \"SKIP\""));
	assert_non_null(strstr(s, "\"status\": \"FAIL\""));
	assert_non_null(strstr(s, "\"comment\": \"ops \\\"7\\\" != 8\\u000asecond line\""));
	/* no figure for a cell that has none, no latency that was not measured */
	assert_int_equal(count(s, "\"number\""), 1);
	assert_null(strstr(s, "lat_p50_ns"));
	ls_buf_free(&b);
}

static void ktap_lines(void **state)
{
	struct ls_buf b;
	char *s = export(LS_EXPORT_KTAP, &b);

	(void)state;
	assert_string_equal(
		s, "KTAP version 1\n"
		   "# lsbench: kernel 6.1.0-50-amd64\n"
		   "1..3\n"
		   "# lsbench.task-get.loop.private.c1.o1.m1.v8: ns_per_op 12.500000 ns\n"
		   "ok 1 lsbench.task-get.loop.private.c1.o1.m1.v8\n"
		   "ok 2 lsbench.cgrp-get.hook.shared.c2.o1.m16.v64 # SKIP kernel lacks "
		   "map type   cgrp_storage\n"
		   "# lsbench.sk_odd_name.loop.private.c1.o100.m1.v8: ops \"7\" != 8 second "
		   "line\n"
		   "not ok 3 lsbench.sk_odd_name.loop.private.c1.o100.m1.v8 # ops \"7\" != 8 "
		   "second line\n");
	ls_buf_free(&b);
}

static void lava_lines(void **state)
{
	struct ls_buf b;
	char *s = export(LS_EXPORT_LAVA, &b);

	(void)state;
	assert_string_equal(s, "lsbench.task-get.loop.private.c1.o1.m1.v8 pass 12.500000 ns\n"
			       "lsbench.cgrp-get.hook.shared.c2.o1.m16.v64 skip\n"
			       "lsbench.sk_odd_name.loop.private.c1.o100.m1.v8 fail\n");
	ls_buf_free(&b);
}

/*
 * Against a base: a ~ cell is KCIDB's DONE, KTAP's SKIP and LAVA's unknown,
 * with the verdict, interval and rounds needed in its comment; a slower one
 * fails; same passes. Cells not compared keep their own status.
 */
static void verdicts_against_a_base(void **state)
{
	struct ls_cmp_row row;
	struct ls_cmp c;
	struct ls_buf b;
	char *s;

	(void)state;
	compared(&c, &row, LS_UNSURE);
	s = export_cmp(LS_EXPORT_KCIDB, &c, &b);
	assert_non_null(strstr(s, "\"status\": \"DONE\""));
	assert_non_null(strstr(s, "\"comment\": \"~ against 6.0-base: 1.012 (0.981 to 1.044), "
				  "inconclusive: interval across the bound; would tell with 9 "
				  "rounds a side\""));
	assert_non_null(strstr(s, "\"verdict\": \"~\", \"ratio\": 1.012000"));
	assert_non_null(strstr(s, "\"rounds_needed\": 9"));
	assert_non_null(strstr(s, "\"status\": \"SKIP\"")); /* the unsupported cell, as before */
	ls_buf_free(&b);
	s = export_cmp(LS_EXPORT_KTAP, &c, &b);
	assert_non_null(strstr(s, "# compared with kernel 6.0-base: slower is not ok, ~ "
				  "(inconclusive) SKIP\n1..3\n"));
	assert_non_null(strstr(s, "\nok 1 lsbench.task-get.loop.private.c1.o1.m1.v8 # SKIP "
				  "inconclusive\n"));
	ls_buf_free(&b);
	s = export_cmp(LS_EXPORT_LAVA, &c, &b);
	assert_non_null(
		strstr(s, "lsbench.task-get.loop.private.c1.o1.m1.v8 unknown 12.500000 ns\n"));
	ls_buf_free(&b);

	compared(&c, &row, LS_SLOWER);
	s = export_cmp(LS_EXPORT_KTAP, &c, &b);
	assert_non_null(strstr(s, "\nnot ok 1 lsbench.task-get.loop.private.c1.o1.m1.v8\n"));
	ls_buf_free(&b);
	s = export_cmp(LS_EXPORT_KCIDB, &c, &b);
	assert_non_null(strstr(s, "\"path\": \"lsbench.task-get.loop.private.c1.o1.m1.v8\", "
				  "\"status\": \"FAIL\""));
	ls_buf_free(&b);
	s = export_cmp(LS_EXPORT_LAVA, &c, &b);
	assert_non_null(strstr(s, "v8 fail 12.500000 ns\n"));
	ls_buf_free(&b);

	compared(&c, &row, LS_SAME);
	s = export_cmp(LS_EXPORT_LAVA, &c, &b);
	assert_non_null(strstr(s, "v8 pass 12.500000 ns\n"));
	ls_buf_free(&b);
}

/* Two labelled builds of one release (lsbench run --label), a cell each. */
static struct ls_run_info labelled_runs[2] = {
	{ .run_id = "20261206T100000Z-host", .kernel = "6.19.0", .label = "base", .schema = 3 },
	{ .run_id = "20261206T110000Z-host", .kernel = "6.19.0", .label = "patched", .schema = 3 },
};
static struct ls_rcell labelled_cells[2];
static struct ls_rset labelled = {
	.runs = labelled_runs, .nr_runs = 2, .cells = labelled_cells, .nr_cells = 2
};

/* A base of the first build's run alone (its cells are base_cells, as compared() sets them). */
static struct ls_rset labelled_base = {
	.runs = labelled_runs, .nr_runs = 1, .cells = base_cells, .nr_cells = 1
};

static char *export_labelled(enum ls_export_format f, const struct ls_cmp *c, struct ls_buf *b)
{
	labelled_cells[0] = cells[0];
	labelled_cells[1] = cells[1];
	labelled_cells[1].run = 1;
	memset(b, 0, sizeof(*b));
	ls_export(&labelled, c, f, "lsbench", b);
	assert_int_equal(b->err, 0);
	ls_buf_printf(b, "%c", 0);
	return b->data;
}

/*
 * Two labelled builds of one release are two kernels, named as compare names
 * them: a checkout and a build each, each cell's test in its own build, both in
 * KTAP's header; a base's label in the verdict.
 */
static void labelled_builds_are_two_kernels(void **state)
{
	struct ls_cmp_row row;
	struct ls_cmp c;
	struct ls_buf b;
	char *s;

	(void)state;
	s = export_labelled(LS_EXPORT_KCIDB, NULL, &b);
	assert_non_null(strstr(s, "{\"id\": \"lsbench:6.19.0 (label base)\", \"origin\": "
				  "\"lsbench\", \"valid\": true, \"misc\": {\"kernel_release\": "
				  "\"6.19.0\", \"label\": \"base\"}}"));
	assert_non_null(strstr(s, "{\"id\": \"lsbench:6.19.0 (label patched)\", \"origin\": "
				  "\"lsbench\", \"valid\": true, \"misc\": {\"kernel_release\": "
				  "\"6.19.0\", \"label\": \"patched\"}}"));
	assert_non_null(strstr(s, "\"checkout_id\": \"lsbench:6.19.0 (label base)\""));
	assert_non_null(strstr(s, "\"checkout_id\": \"lsbench:6.19.0 (label patched)\""));
	assert_non_null(strstr(s, "\"build_id\": \"lsbench:6.19.0 (label base)\", \"path\": "
				  "\"lsbench.task-get."));
	assert_non_null(strstr(s, "\"build_id\": \"lsbench:6.19.0 (label patched)\", \"path\": "
				  "\"lsbench.cgrp-get."));
	assert_int_equal(count(s, "\"kernel_release\""), 2);
	ls_buf_free(&b);
	s = export_labelled(LS_EXPORT_KTAP, NULL, &b);
	assert_non_null(strstr(s, "KTAP version 1\n# lsbench: kernel 6.19.0 (label base), 6.19.0 "
				  "(label patched)\n1..2\n"));
	ls_buf_free(&b);

	/* against a labelled base: the verdict and KTAP's header name its label */
	compared(&c, &row, LS_SAME);
	c.base = &labelled_base;
	c.new = &labelled;
	row.new = &labelled_cells[0];
	s = export_labelled(LS_EXPORT_KTAP, &c, &b);
	assert_non_null(strstr(s, "\n# compared with kernel 6.19.0 (label base): "));
	assert_non_null(strstr(s, "\n# lsbench.task-get.loop.private.c1.o1.m1.v8: same against "
				  "6.19.0 (label base): 1.012 (0.981 to 1.044)\nok 1 "));
	ls_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paths_are_dotted_names),
		cmocka_unit_test(origins),
		cmocka_unit_test(kcidb_escapes_and_maps_status),
		cmocka_unit_test(ktap_lines),
		cmocka_unit_test(lava_lines),
		cmocka_unit_test(verdicts_against_a_base),
		cmocka_unit_test(labelled_builds_are_two_kernels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
