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

static char *export(enum ls_export_format f, struct ls_buf *b)
{
	memset(b, 0, sizeof(*b));
	ls_export(&set, f, "lsbench", b);
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(paths_are_dotted_names),
		cmocka_unit_test(origins),
		cmocka_unit_test(kcidb_escapes_and_maps_status),
		cmocka_unit_test(ktap_lines),
		cmocka_unit_test(lava_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
