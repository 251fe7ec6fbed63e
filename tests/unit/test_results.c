// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <zlib.h>
#include "csv.h"
#include "results.h"

/* The columns issue #2 fixes, in this order, at the start of every summary.csv. */
#define REQUIRED_HEADER                                                                            \
	"schema_version,run_id,kernel,host,virt,scenario,map_type,op,hook,mode,nr_maps,"           \
	"nr_objects,value_size,cpus,repetitions,duration_s,ops,ops_per_sec,ns_per_op,"             \
	"ns_per_op_stddev,cv,status,reason,"

static const struct scenario ctl = {
	.name = "ctl", .map_type = "none", .op = "empty", .hook = "tp_btf/sys_enter"
};
static const struct scenario subj = { .name = "subj",
				      .map_type = "task_storage",
				      .op = "get",
				      .hook = "tp_btf/sys_enter",
				      .control = "ctl" };

static const struct ls_sysinfo si = { .kernel = "6.1.0-test", .host = "box", .virt = "none" };

static struct ls_row row_of(const struct scenario *sc, enum ls_status st, double ns)
{
	struct ls_row r = {
		.sc = sc,
		.mode = LS_MODE_HOOK,
		.threads = 1,
		.nr_maps = 1,
		.nr_objects = 1,
		.value_size = 8,
		.loop_iters = 10,
		.repetitions = 3,
		.duration_s = 1,
		.status = st,
		.ops = 1000,
		.bytes_per_elem = NAN,
		.control = -1,
	};

	r.ns_per_op.median = ns;
	r.ops_per_sec.median = 1e9 / ns;
	if (st != LS_OK)
		snprintf(r.reason, sizeof(r.reason), "kernel said no, twice");
	return r;
}

static bool starts_with(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

static char *slurp(const char *path)
{
	static char buf[16384];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, sizeof(buf) - 1, f);
	buf[n] = 0;
	fclose(f);
	return buf;
}

/* A gzip file's text (the first 16 KiB), checking that it is gzip. */
static char *slurp_gz(const char *path)
{
	static char buf[16384];
	unsigned char magic[2] = { 0 };
	FILE *f = fopen(path, "r");
	gzFile z;
	int n;

	assert_non_null(f);
	assert_int_equal(fread(magic, 1, 2, f), 2);
	fclose(f);
	assert_true(magic[0] == 0x1f && magic[1] == 0x8b);
	z = gzopen(path, "rb");
	assert_non_null(z);
	n = gzread(z, buf, sizeof(buf) - 1);
	assert_true(n >= 0);
	buf[n] = 0;
	gzclose(z);
	return buf;
}

/* Whether line n (from 0) of text ends with suffix. */
static bool line_ends_with(const char *text, int n, const char *suffix)
{
	const char *end;

	for (; n > 0 && text; n--) {
		text = strchr(text, '\n');
		text = text ? text + 1 : NULL;
	}
	end = text ? strchr(text, '\n') : NULL;
	return end && end - text >= (long)strlen(suffix) &&
	       !strncmp(end - strlen(suffix), suffix, strlen(suffix));
}

static void header_starts_with_required_columns(void **state)
{
	struct ls_results r = { .si = &si };
	struct ls_buf b = {};

	ls_summary_csv(&r, &b);
	assert_int_equal(strncmp(b.data, REQUIRED_HEADER, strlen(REQUIRED_HEADER)), 0);
	ls_buf_free(&b);
}

static void rows_statuses_and_added_cost(void **state)
{
	char root[] = "/tmp/lsbench-res-XXXXXX", path[PATH_MAX + 32], cmd[PATH_MAX + 16];
	char *argv[] = { "lsbench", "run", "-s", "x" };
	struct ls_results r;
	struct ls_row a = row_of(&ctl, LS_OK, 100), b = row_of(&subj, LS_OK, 130.5);
	struct ls_row c = row_of(&subj, LS_UNSUPPORTED, 0);
	char err[256] = "", *text;

	c.threads = 2;
	b.control = 0;
	c.control = 0;
	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&r, root, NULL, &si, true, 4, argv, err, sizeof(err)),
			 0);
	assert_non_null(strstr(r.dir, "/6.1.0-test/"));
	assert_non_null(strstr(r.dir, "-box"));

	/* A fresh folder already holds a valid, header-only CSV. */
	snprintf(path, sizeof(path), "%s/summary.csv", r.dir);
	text = slurp(path);
	assert_non_null(strchr(text, '\n'));
	assert_null(strchr(strchr(text, '\n') + 1, '\n'));

	assert_int_equal(ls_results_add(&r, &a), 0);
	assert_int_equal(ls_results_add(&r, &b), 0);
	assert_int_equal(ls_results_add(&r, &c), 0);
	assert_float_equal(ls_results_added_ns(&r, &r.rows[1]), 30.5, 1e-9);
	assert_true(isnan(ls_results_added_ns(&r, &r.rows[0])));
	assert_true(isnan(ls_results_added_ns(&r, &r.rows[2])));

	text = slurp(path);
	assert_non_null(strstr(text, ",subj,task_storage,get,tp_btf/sys_enter,hook,1,1,8,1,3,"));
	assert_non_null(strstr(text, "ok,,30.500000,"));
	/* Not measured: empty figures, the status and a quoted reason. */
	assert_non_null(strstr(text, ",2,3,1.000000,,,,,,unsupported,\"kernel said no, twice\","));
	/* The last column names the control measured beside: none on the control itself, nor
	 * beside the two-thread cell (its control ran on one). */
	assert_true(line_ends_with(text, 0, ",control"));
	assert_true(line_ends_with(text, 1, ","));
	assert_true(line_ends_with(text, 2, ",ctl"));
	assert_true(line_ends_with(text, 3, ","));

	assert_int_equal(ls_results_finish(&r, "complete"), 0);
	snprintf(path, sizeof(path), "%s/meta.txt", r.dir);
	text = slurp(path);
	assert_non_null(strstr(text, "state: complete\n"));
	assert_non_null(strstr(text, "command_line: lsbench run -s x\n"));
	assert_non_null(strstr(text, "kernel_release: 6.1.0-test\n"));
	assert_null(strstr(text, "label:")); /* none given: none written, as before labels */
	assert_non_null(strstr(text, "cells: 3\n"));

	ls_results_free(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

/* The control is the row the schedule measured beside the cell, when ok and alike. */
static void control_is_the_row_measured_beside(void **state)
{
	struct ls_results r = { .si = &si };
	struct ls_row rows[5];

	rows[0] = row_of(&ctl, LS_OK, 100);
	rows[1] = row_of(&ctl, LS_OK, 300);
	rows[1].nr_objects = 1000;
	rows[2] = row_of(&subj, LS_OK, 350);
	rows[2].nr_objects = 1000;
	rows[2].control = 1;
	rows[3] = row_of(&subj, LS_OK, 150);
	rows[3].control = 0;
	rows[4] = row_of(&subj, LS_OK, 160);
	rows[4].mode = LS_MODE_LOOP; /* a control of another mode is no control */
	rows[4].control = 0;
	r.rows = rows;
	r.nr_rows = 5;
	assert_float_equal(ls_results_added_ns(&r, &rows[2]), 50, 1e-9);
	assert_float_equal(ls_results_added_ns(&r, &rows[3]), 50, 1e-9);
	assert_true(isnan(ls_results_added_ns(&r, &rows[4])));
	assert_string_equal(ls_results_control_name(&r, &rows[3]), "ctl");
	assert_null(ls_results_control_name(&r, &rows[4]));
	assert_null(ls_results_control_name(&r, &rows[0]));
	rows[0].status = LS_FAILED; /* a failed control gives no added cost, but is named */
	assert_true(isnan(ls_results_added_ns(&r, &rows[3])));
	assert_string_equal(ls_results_control_name(&r, &rows[3]), "ctl");
	rows[3].control = 7; /* out of range */
	assert_true(isnan(ls_results_added_ns(&r, &rows[3])));
	assert_null(ls_results_control_name(&r, &rows[3]));
}

static void counters_absent_stay_empty(void **state)
{
	struct ls_results r = { .si = &si };
	struct ls_row row = row_of(&subj, LS_OK, 100);
	struct ls_buf b = {};
	char *line, *f;
	int i, field = 0, cyc = -1, ins = -1, tclk = -1, runs = -1, noisy = -1;

	row.ops = 1000;
	row.ns_per_op.cv = 0.2;
	row.perf.avail[LS_PERF_INSTRUCTIONS] = true;
	row.perf.v[LS_PERF_INSTRUCTIONS] = 5000;
	row.perf.avail[LS_PERF_TASK_CLOCK] = true;
	row.perf.v[LS_PERF_TASK_CLOCK] = 123456;
	r.rows = &row;
	r.nr_rows = 1;
	ls_summary_csv(&r, &b);
	line = strchr(b.data, '\n') + 1;
	/* header positions */
	for (f = b.data, i = 0; f < line; i++) {
		size_t n = strcspn(f, ",\n");

		if (!strncmp(f, "cycles_per_op", n) && n == 13)
			cyc = i;
		if (!strncmp(f, "instructions_per_op", n) && n == 19)
			ins = i;
		if (!strncmp(f, "task_clock_ns", n) && n == 13)
			tclk = i;
		if (!strncmp(f, "bpf_run_cnt", n) && n == 11)
			runs = i;
		if (!strncmp(f, "noisy", n) && n == 5)
			noisy = i;
		f += n + 1;
	}
	assert_true(cyc > 0 && ins > 0 && tclk > 0 && runs > 0 && noisy > 0);
	for (f = line; *f && *f != '\n'; field++) {
		size_t n = strcspn(f, ",\n");

		if (field == cyc || field == runs)
			assert_int_equal(n, 0); /* not counted: empty, never 0 */
		if (field == ins)
			assert_memory_equal(f, "5.000000", n);
		if (field == tclk)
			assert_memory_equal(f, "123456", n);
		if (field == noisy)
			assert_memory_equal(f, "1", n);
		f += n + (f[n] == ',');
	}
	ls_buf_free(&b);
}

static void latency_percentiles_and_hist_csv(void **state)
{
	char root[] = "/tmp/lsbench-res-XXXXXX", path[PATH_MAX + 32], cmd[64];
	char *argv[] = { "lsbench" };
	struct ls_row row = row_of(&subj, LS_OK, 100);
	struct ls_results r;
	char err[256], *text;
	int i;

	row.hist = calloc(1, sizeof(*row.hist));
	assert_non_null(row.hist);
	for (i = 1; i <= 1000; i++)
		ls_hist_add(row.hist, 1000 + i); /* 1001..2000 ns */
	row.timer_ns = 21.5;
	row.bpf_hist = calloc(1, sizeof(*row.bpf_hist));
	row.bpf_timer_hist = calloc(1, sizeof(*row.bpf_timer_hist));
	assert_non_null(row.bpf_hist);
	assert_non_null(row.bpf_timer_hist);
	for (i = 0; i < 100; i++)
		ls_hist_add(row.bpf_hist, 30);
	for (i = 0; i < 10; i++)
		ls_hist_add(row.bpf_timer_hist, 20);
	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&r, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	assert_int_equal(ls_results_add(&r, &row), 0);
	assert_true(r.rows[0].lat);
	assert_true(fabs(r.rows[0].lat_p50 - 1500) <= 1500 / 128.0);
	assert_true(fabs(r.rows[0].lat_p99 - 1990) <= 1990 / 128.0);
	assert_int_equal(r.rows[0].lat_max, 2000);
	assert_int_equal(r.rows[0].lat_samples, 1000);
	snprintf(path, sizeof(path), "%s/summary.csv", r.dir);
	text = slurp(path);
	assert_non_null(strstr(text, ",2000,1000,21.500000,"));
	/*
	 * bpf_lat_p50..p999, max, samples, bpf_timer_ns; no bare twin, weight or misses: empty;
	 * no rounds: no interval; none discarded; no census of maps, no cache slots read, no
	 * detectable change; not a trial; no round disturbed, redone or left out, so no noise;
	 * no round timed; no control
	 */
	assert_non_null(strstr(text, ",private,30.000000,30.000000,30.000000,30.000000,30,100,"
				     "20.000000,,,,,0,,,,,0,,,,,,0,0,0,,,\n"));
	assert_int_equal(ls_results_finish(&r, "complete"), 0);
	snprintf(path, sizeof(path), "%s/hist.csv.gz", r.dir);
	text = slurp_gz(path);
	assert_true(starts_with(text, "schema_version,run_id,scenario,map_type,op,hook,mode,"
				      "nr_maps,nr_objects,value_size,cpus,sharing,source,"
				      "lower_ns,upper_ns,count\n3,"));
	assert_non_null(strstr(
		text,
		",subj,task_storage,get,tp_btf/sys_enter,hook,1,1,8,1,private,trigger,1992,1999,8\n"));
	/* the BPF side's: 100 ops of 30 ns, 10 empty regions of 20 ns */
	assert_non_null(strstr(text, ",private,bpf_op,30,30,100\n"));
	assert_non_null(strstr(text, ",private,bpf_timer,20,20,10\n"));
	ls_results_free(&r); /* and the histograms the row handed it */
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

/* reps.csv: one row per repetition of an ok cell, with its round and its own ns per operation. */
static void repetitions_in_reps_csv(void **state)
{
	/*
	 * round 1's disturbance not measured, round 2 preempted, under pressure and slow; the
	 * first repetition timed between trigger ends, the others by the clock
	 */
	static const struct ls_rep reps[3] = {
		{ .ops = 1000,
		  .secs = 0.5,
		  .round = 1,
		  .noise = { .slow_pct = NAN },
		  .trigger_timed = true },
		{ .ops = 2000, .secs = 0.5, .round = 1, .noise = { .slow_pct = NAN } },
		{ .ops = 500,
		  .secs = 1.0,
		  .round = 2,
		  .noise = { .secs = 1,
			     .nvcsw_per_s = 120,
			     .oncpu = 0.97,
			     .psi_pct = 12.5,
			     .others_pct = 60,
			     .slow_pct = 23,
			     .disturbed = true } },
	};
	char root[] = "/tmp/lsbench-res-XXXXXX", path[PATH_MAX + 32], cmd[64];
	char *argv[] = { "lsbench" };
	struct ls_row row = row_of(&subj, LS_OK, 100), bad = row_of(&subj, LS_FAILED, 0);
	struct ls_results r;
	char err[256], *text, *p;
	int lines = 0;

	row.threads = 2;
	row.sharing = LS_SHARING_SHARED;
	row.reps = malloc(sizeof(reps));
	bad.reps = malloc(sizeof(reps)); /* a failed cell's repetitions are not written */
	assert_non_null(row.reps);
	assert_non_null(bad.reps);
	memcpy(row.reps, reps, sizeof(reps));
	memcpy(bad.reps, reps, sizeof(reps));
	row.nr_reps = bad.nr_reps = 3;
	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&r, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	assert_int_equal(ls_results_add(&r, &row), 0);
	assert_int_equal(ls_results_add(&r, &bad), 0);
	snprintf(path, sizeof(path), "%s/reps.csv", r.dir);
	text = slurp(path);
	assert_true(starts_with(text, "schema_version,run_id,scenario,map_type,op,hook,mode,"
				      "nr_maps,nr_objects,value_size,cpus,sharing,round,rep,ops,"
				      "duration_s,ops_per_sec,ns_per_op,round_disturbed,"
				      "round_preempt_per_s,round_oncpu,round_cpu_pressure_pct,"
				      "round_slow_pct,round_others_busy_pct,trigger_timed\n3,"));
	/* ns per op is per thread: 2 threads x 0.5 s / 1000 ops; reps counted within rounds */
	assert_non_null(strstr(text, ",hook,1,1,8,2,shared,1,1,1000,0.500000,2000.000000,"
				     "1000000.000000,0,,,,,,1\n"));
	assert_non_null(
		strstr(text, ",shared,1,2,2000,0.500000,4000.000000,500000.000000,0,,,,,,0\n"));
	assert_non_null(strstr(text, ",shared,2,1,500,1.000000,500.000000,4000000.000000,1,"
				     "120.000000,0.970000,12.500000,23.000000,60.000000,0\n"));
	for (p = text; (p = strchr(p, '\n')); p++)
		lines++;
	assert_int_equal(lines, 4); /* the header and three rows: the failed cell none */
	assert_int_equal(ls_results_finish(&r, "complete"), 0);
	ls_results_free(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

static void perf_delta_keeps_only_what_both_counted(void **state)
{
	struct ls_perf_totals a = {}, b = {}, d;

	a.avail[LS_PERF_CYCLES] = b.avail[LS_PERF_CYCLES] = true;
	a.v[LS_PERF_CYCLES] = 10;
	b.v[LS_PERF_CYCLES] = 25;
	b.avail[LS_PERF_PAGE_FAULTS] = true;
	ls_perf_delta(&a, &b, &d);
	assert_true(d.avail[LS_PERF_CYCLES]);
	assert_int_equal(d.v[LS_PERF_CYCLES], 15);
	assert_false(d.avail[LS_PERF_PAGE_FAULTS]);
}

static void scaling_efficiency_against_one_thread(void **state)
{
	struct ls_results r = { .si = &si };
	struct ls_row rows[3];

	rows[0] = row_of(&subj, LS_OK, 100); /* 1 thread, 10 Mops/s */
	rows[1] = row_of(&subj, LS_OK, 100);
	rows[1].threads = rows[1].nr_objects = 2;
	rows[1].ops_per_sec.median = 15e6; /* 2 threads: 75% of twice one */
	rows[2] = rows[1];
	rows[2].mode = LS_MODE_LOOP; /* no one-thread cell in loop mode */
	r.rows = rows;
	r.nr_rows = 3;
	assert_float_equal(ls_results_scaling(&r, &rows[0]), 1, 1e-12);
	assert_float_equal(ls_results_scaling(&r, &rows[1]), 0.75, 1e-12);
	assert_true(isnan(ls_results_scaling(&r, &rows[2])));
}

static void two_runs_in_one_second_get_two_folders(void **state)
{
	char root[] = "/tmp/lsbench-res-XXXXXX", cmd[64];
	struct ls_results r1, r2;
	char *argv[] = { "lsbench" };
	char err[256];

	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&r1, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	assert_int_equal(ls_results_create(&r2, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	assert_string_not_equal(r1.dir, r2.dir);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

/* Two builds of one release, labelled, are two folders; meta.txt says which. */
static void a_label_makes_a_set_of_its_own(void **state)
{
	char root[] = "/tmp/lsbench-res-XXXXXX", cmd[64], path[PATH_MAX + 16];
	struct ls_results base, patched;
	char *argv[] = { "lsbench" };
	char err[256];

	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&base, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	assert_int_equal(ls_results_create(&patched, root, "patch.v2", &si, true, 1, argv, err,
					   sizeof(err)),
			 0);
	assert_non_null(strstr(base.dir, "/6.1.0-test/"));
	assert_non_null(strstr(patched.dir, "/6.1.0-test-patch.v2/"));
	snprintf(path, sizeof(path), "%s/meta.txt", patched.dir);
	assert_non_null(strstr(slurp(path), "\nlabel: patch.v2\n"));
	ls_results_free(&base);
	ls_results_free(&patched);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

/* A trial (a slowdown, a test's fault) says so in meta.txt and on every row of summary.csv. */
static void trial_is_marked(void **state)
{
	char root[] = "/tmp/lsbench-res-XXXXXX", cmd[64], path[PATH_MAX + 16];
	struct ls_row row = row_of(&subj, LS_OK, 100);
	char *argv[] = { "lsbench" }, *text;
	struct ls_results r;
	char err[256];

	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&r, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	snprintf(path, sizeof(path), "%s/meta.txt", r.dir);
	assert_null(strstr(slurp(path), "trial"));
	snprintf(r.trial, sizeof(r.trial), "slowdown 5%%");
	assert_int_equal(ls_results_add(&r, &row), 0);
	assert_int_equal(ls_results_finish(&r, "complete"), 0);
	text = slurp(path);
	assert_non_null(strstr(text, "\nstate: complete\n"));
	assert_non_null(strstr(text, "\ntrial: slowdown 5%: not a benchmark"));
	snprintf(path, sizeof(path), "%s/summary.csv", r.dir);
	text = slurp(path);
	assert_non_null(strstr(text, ",trial,"));
	assert_non_null(strstr(text, ",slowdown 5%,"));
	ls_results_free(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

static void unwritable_root_is_one_line_error(void **state)
{
	char *argv[] = { "lsbench" };
	struct ls_results r;
	char err[256] = "";

	assert_true(ls_results_create(&r, "/proc/lsbench-cannot-be-here", NULL, &si, true, 1, argv,
				      err, sizeof(err)) < 0);
	assert_non_null(strstr(err, "/proc/lsbench-cannot-be-here"));
	assert_null(strchr(err, '\n'));
}

/* The caller says which text is gzip, not the file's name: a name ending in .gz is no sign. */
static void gzip_by_the_caller_not_the_name(void **state)
{
	char root[] = "/tmp/lsbench-res-XXXXXX", path[PATH_MAX + 32], cmd[64];
	char *argv[] = { "lsbench" };
	struct ls_buf b = {}, empty = {};
	struct ls_results r;
	char err[256];

	assert_non_null(mkdtemp(root));
	assert_int_equal(ls_results_create(&r, root, NULL, &si, true, 1, argv, err, sizeof(err)),
			 0);
	ls_buf_printf(&b, "a,b\n1,2\n");
	assert_int_equal(ls_results_write_text(&r, "plain.gz", &b, false), 0);
	assert_int_equal(ls_results_write_text(&r, "packed.csv", &b, true), 0);
	assert_int_equal(ls_results_write_text(&r, "none.csv", &empty, false), 0);
	assert_int_equal(ls_results_write_text(&r, "none.gz", NULL, true), 0);
	snprintf(path, sizeof(path), "%s/plain.gz", r.dir);
	assert_string_equal(slurp(path), "a,b\n1,2\n");
	snprintf(path, sizeof(path), "%s/packed.csv", r.dir);
	assert_string_equal(slurp_gz(path), "a,b\n1,2\n");
	snprintf(path, sizeof(path), "%s/none.csv", r.dir);
	assert_int_equal(access(path, F_OK), -1);
	snprintf(path, sizeof(path), "%s/none.gz", r.dir);
	assert_int_equal(access(path, F_OK), -1);
	ls_buf_free(&b);
	ls_results_free(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_starts_with_required_columns),
		cmocka_unit_test(rows_statuses_and_added_cost),
		cmocka_unit_test(control_is_the_row_measured_beside),
		cmocka_unit_test(counters_absent_stay_empty),
		cmocka_unit_test(perf_delta_keeps_only_what_both_counted),
		cmocka_unit_test(latency_percentiles_and_hist_csv),
		cmocka_unit_test(scaling_efficiency_against_one_thread),
		cmocka_unit_test(repetitions_in_reps_csv),
		cmocka_unit_test(two_runs_in_one_second_get_two_folders),
		cmocka_unit_test(a_label_makes_a_set_of_its_own),
		cmocka_unit_test(trial_is_marked),
		cmocka_unit_test(unwritable_root_is_one_line_error),
		cmocka_unit_test(gzip_by_the_caller_not_the_name),
	};

	return cmocka_run_group_tests_name("results", tests, NULL, NULL);
}
