// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench export: cell names, origins, the three formats of a small set, and
 * sets of several kernels read from fixture folders.
 */
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
#include "export.h"
#include "rset.h"
#include "cmpfix.h"

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

/* s in format f (against c when not NULL), as a string in b. */
static char *export_set(const struct ls_rset *s, enum ls_export_format f, const struct ls_cmp *c,
			struct ls_buf *b)
{
	char err[512] = "";

	memset(b, 0, sizeof(*b));
	assert_int_equal(ls_export(s, c, f, "lsbench", b, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_int_equal(b->err, 0);
	ls_buf_printf(b, "%c", 0);
	return b->data;
}

static char *export_cmp(enum ls_export_format f, const struct ls_cmp *c, struct ls_buf *b)
{
	return export_set(&set, f, c, b);
}

static char *export(enum ls_export_format f, struct ls_buf *b)
{
	return export_set(&set, f, NULL, b);
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

/* The second build's run alone, with its task-get cell: a new side of one kernel. */
static struct ls_rset labelled_new = {
	.runs = &labelled_runs[1], .nr_runs = 1, .cells = labelled_cells, .nr_cells = 1
};

static void labelled_fill(void)
{
	labelled_cells[0] = cells[0];
	labelled_cells[1] = cells[1];
	labelled_cells[1].run = 1;
}

/*
 * Two labelled builds of one release are two kernels, named as compare names
 * them: a checkout and a build each, each cell's test in its own build; KTAP,
 * which reports one kernel, refuses them, naming both; a base's label in the
 * verdict.
 */
static void labelled_builds_are_two_kernels(void **state)
{
	struct ls_cmp_row row;
	struct ls_cmp c;
	struct ls_buf b;
	char err[512];
	char *s;

	(void)state;
	labelled_fill();
	s = export_set(&labelled, LS_EXPORT_KCIDB, NULL, &b);
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
	memset(&b, 0, sizeof(b));
	assert_int_equal(ls_export(&labelled, NULL, LS_EXPORT_KTAP, "lsbench", &b, err,
				   sizeof(err)),
			 -EINVAL);
	assert_string_equal(err, "ktap reports one kernel, the results hold 2 (6.19.0 (label "
				 "base), 6.19.0 (label patched)): export each alone, or all as "
				 "kcidb");
	assert_int_equal(b.len, 0);

	/* against a labelled base: the verdict and KTAP's header name its label */
	compared(&c, &row, LS_SAME);
	c.base = &labelled_base;
	c.new = &labelled_new;
	row.new = &labelled_cells[0];
	s = export_set(&labelled_new, LS_EXPORT_KTAP, &c, &b);
	assert_non_null(strstr(s, "KTAP version 1\n# lsbench: kernel 6.19.0 (label patched)\n# "
				  "compared with kernel 6.19.0 (label base): "));
	assert_non_null(strstr(s, "\n# lsbench.task-get.loop.private.c1.o1.m1.v8: same against "
				  "6.19.0 (label base): 1.012 (0.981 to 1.044)\nok 1 "));
	ls_buf_free(&b);
}

/*
 * Fixture folders under root: kernel 6.1 in two runs (a and b), 7.2 in one (c),
 * and two labelled builds of 6.19.0 (base, patched), each with cell x. 6.1's
 * rounds have medians 100, 110 and 121 (pooled: 110), 7.2's 50, base's 200 and
 * patched's 300: pooled across kernels, no figure would be any kernel's.
 */
static int fixtures(void **state)
{
	char dir[128];

	(void)state;
	snprintf(root, sizeof(root), "/tmp/lsbench-ut.XXXXXX");
	if (!mkdtemp(root))
		return -1;
	snprintf(dir, sizeof(dir), "%s/k61", root);
	mkdir(dir, 0755);
	make_run("k61/a", 3, "6.1", "x:ok:100,100,100/110,110,110", NULL);
	make_run("k61/b", 3, "6.1", "x:ok:121,121,121", NULL);
	make_run("c", 3, "7.2", "x:ok:50,50,50/50,50,50", NULL);
	make_run("base", 3, "6.19.0", "x:ok:200,200,200/200,200,200", NULL);
	make_run("patched", 3, "6.19.0", "x:ok:300,300,300/300,300,300", NULL);
	snprintf(dir, sizeof(dir), "%s/base", root);
	put(dir, "meta.txt", "label: base\n");
	snprintf(dir, sizeof(dir), "%s/patched", root);
	put(dir, "meta.txt", "label: patched\n");
	return 0;
}

/*
 * lsbench export -f format -o out ARGS..., NULL-terminated: options ("-...")
 * as given, other words fixture folders under root. Its exit status.
 */
static int export_main(const char *out, const char *format, ...)
{
	char paths[8][160], *argv[16] = { "export", "-f", (char *)format, "-o", (char *)out };
	const char *a;
	int argc = 5, n = 0;
	va_list ap;

	va_start(ap, format);
	while ((a = va_arg(ap, const char *))) {
		if (a[0] == '-') {
			argv[argc++] = (char *)a;
			continue;
		}
		snprintf(paths[n], sizeof(paths[n]), "%s/%s", root, a);
		argv[argc++] = paths[n++];
	}
	va_end(ap);
	unlink(out);
	return ls_export_main(argc, argv);
}

/* What export_main wrote to out, NUL-terminated; NULL when it wrote nothing. */
static char *slurp(const char *out)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = fopen(out, "r");

	if (!f)
		return NULL;
	assert_true(getdelim(&text, &len, 0, f) > 0);
	fclose(f);
	return text;
}

#define X_TEST "\"path\": \"lsbench.x.loop.private.c1.o1.m1.v8\", \"status\": \"PASS\", "

/*
 * Two kernels in one KCIDB export: cell x once per kernel, under that kernel's
 * build, with the figure of that kernel's runs alone (6.1's two runs pooled,
 * even when another kernel's run is read between them); the labelled builds of
 * 6.19.0 likewise.
 */
static void kcidb_files_each_kernel_apart(void **state)
{
	char out[128], *s;

	(void)state;
	snprintf(out, sizeof(out), "%s/kcidb.json", root);
	assert_int_equal(export_main(out, "kcidb", "k61/a", "c", "k61/b", NULL), 0);
	s = slurp(out);
	assert_non_null(s);
	assert_int_equal(count(s, "\"path\": "), 2);
	assert_int_equal(count(s, "\"checkout_id\": "), 2);
	assert_non_null(strstr(s, "\"build_id\": \"lsbench:6.1\", " X_TEST
				  "\"number\": {\"value\": 110.000000, "));
	assert_non_null(strstr(s, "\"build_id\": \"lsbench:7.2\", " X_TEST
				  "\"number\": {\"value\": 50.000000, "));
	assert_non_null(strstr(s, "\"id\": \"lsbench:run-k61/a:lsbench.x."));
	assert_non_null(strstr(s, "\"id\": \"lsbench:run-c:lsbench.x."));
	assert_non_null(strstr(s, "\"rounds\": 3")); /* 6.1's runs, pooled */
	free(s);

	assert_int_equal(export_main(out, "kcidb", "base", "patched", NULL), 0);
	s = slurp(out);
	assert_non_null(s);
	assert_int_equal(count(s, "\"path\": "), 2);
	assert_non_null(strstr(s, "\"build_id\": \"lsbench:6.19.0 (label base)\", " X_TEST
				  "\"number\": {\"value\": 200.000000, "));
	assert_non_null(strstr(s, "\"build_id\": \"lsbench:6.19.0 (label patched)\", " X_TEST
				  "\"number\": {\"value\": 300.000000, "));
	free(s);
}

/*
 * KTAP and LAVA report one kernel: results of several are refused, nothing
 * written; so is a side of several kernels against a base. One kernel a side
 * is exported.
 */
static void one_kernel_formats_refuse_several(void **state)
{
	static const char *const formats[] = { "ktap", "lava" };
	char out[128], *s;
	size_t i;

	(void)state;
	snprintf(out, sizeof(out), "%s/out", root);
	for (i = 0; i < 2; i++) {
		assert_int_equal(export_main(out, formats[i], "k61", "c", NULL), 2);
		assert_null(slurp(out));
		assert_int_equal(export_main(out, formats[i], "base", "patched", NULL), 2);
		assert_null(slurp(out));
		assert_int_equal(export_main(out, formats[i], "k61", NULL), 0);
		s = slurp(out);
		assert_non_null(strstr(s, "lsbench.x.loop.private.c1.o1.m1.v8"));
		free(s);
	}
	assert_int_equal(export_main(out, "kcidb", "--base", "k61", "c", "patched", NULL), 2);
	assert_null(slurp(out));
	assert_int_equal(
		export_main(out, "kcidb", "--base", "base", "--base", "c", "patched", NULL), 2);
	assert_null(slurp(out));
	assert_int_equal(export_main(out, "ktap", "--base", "base", "patched", NULL), 0);
	s = slurp(out);
	assert_non_null(strstr(s, "\n# compared with kernel 6.19.0 (label base): "));
	free(s);
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
		cmocka_unit_test(kcidb_files_each_kernel_apart),
		cmocka_unit_test(one_kernel_formats_refuse_several),
	};

	return cmocka_run_group_tests(tests, fixtures, teardown);
}
