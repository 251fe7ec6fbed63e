// SPDX-License-Identifier: GPL-2.0
/* Result sets read from fixture folders, matched and compared. */
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

#define SUMMARY_HEADER                                                                             \
	"schema_version,run_id,kernel,host,scenario,map_type,op,hook,mode,nr_maps,nr_objects,"     \
	"value_size,cpus,status,reason,ns_per_op,ops_per_sec,sharing\n"
#define REPS_HEADER                                                                                \
	"schema_version,run_id,scenario,map_type,op,hook,mode,nr_maps,nr_objects,value_size,"      \
	"cpus,sharing,rep,ops,duration_s,ops_per_sec,ns_per_op\n"

static char root[64];

static void put(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/*
 * A run folder root/name whose cells are "scenario:status:ns0,ns1,..." (ns
 * per repetition; the median is the summary's ns_per_op).
 */
static void make_run(const char *name, unsigned int schema, const char *kernel, ...)
{
	struct ls_buf sum = {}, reps = {};
	char dir[128], run_id[64];
	const char *cell;
	va_list ap;

	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	snprintf(run_id, sizeof(run_id), "run-%s", name);
	ls_buf_printf(&sum, "%s", SUMMARY_HEADER);
	ls_buf_printf(&reps, "%s", REPS_HEADER);
	va_start(ap, kernel);
	while ((cell = va_arg(ap, const char *))) {
		char sc[64], st[16], ns[256] = "", *tok, *save;
		double v[16];
		int n = 0, rep = 0;

		assert_true(sscanf(cell, "%63[^:]:%15[^:]:%255s", sc, st, ns) >= 2);
		for (tok = strtok_r(ns, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
			v[n++] = atof(tok);
		ls_buf_printf(&sum,
			      "%u,%s,%s,h,%s,task_storage,get,tp_btf/sys_enter,loop,1,1,8,1,%s,%s,",
			      schema, run_id, kernel, sc, st,
			      strcmp(st, "ok") ? "\"why, \"\"quoted\"\"\"" : "");
		if (!strcmp(st, "ok"))
			ls_buf_printf(&sum, "%f,%f,private\n", ls_median_inplace(v, n), 1e9 / v[0]);
		else
			ls_buf_printf(&sum, ",,private\n");
		for (rep = 0; !strcmp(st, "ok") && rep < n; rep++)
			ls_buf_printf(
				&reps,
				"%u,%s,%s,task_storage,get,tp_btf/sys_enter,loop,1,1,8,1,private,%d,"
				"1000,1.0,1000,%f\n",
				schema, run_id, sc, rep, v[rep]);
	}
	va_end(ap);
	put(dir, "summary.csv", sum.data);
	if (schema >= 2)
		put(dir, "reps.csv", reps.data);
	ls_buf_free(&sum);
	ls_buf_free(&reps);
}

static int setup(void **state)
{
	snprintf(root, sizeof(root), "/tmp/lsbench-ut.XXXXXX");
	if (!mkdtemp(root))
		return -1;
	make_run("base", 2, "6.1", "same:ok:10,10.1,9.9,10.05,9.95", "slow:ok:10,10.1,9.9,10.2,9.8",
		 "fast:ok:10,10.1,9.9,10.2,9.8", "small:ok:10,10.1,9.9,10.2,9.8",
		 "gone:ok:5,5,5,5,5", "broken:ok:3,3,3,3,3", NULL);
	make_run("new", 2, "6.12", "same:ok:10.02,9.98,10.1,9.9,10",
		 "slow:ok:12,12.1,11.9,12.2,11.8", "fast:ok:8.5,8.6,8.4,8.7,8.3",
		 "small:ok:10.3,10.4,10.2,10.5,10.1", "broken:failed:", "added:ok:1,1,1,1,1", NULL);
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd);
}

static const struct ls_cmp_row *row_of(const struct ls_cmp *c, const char *scenario)
{
	size_t i;

	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_cmp_row *r = &c->rows[i];

		if (!strcmp((r->base ?: r->new)->key.scenario, scenario))
			return r;
	}
	fail_msg("no row %s", scenario);
	return NULL;
}

static void load(struct ls_rset *s, const char *names)
{
	char path[512], err[1024], *p = path;
	const char *n = names;

	/* names: comma-separated folders under root. */
	while (*n) {
		size_t l = strcspn(n, ",");

		p += sprintf(p, "%s%s/%.*s", p == path ? "" : ",", root, (int)l, n);
		n += l + !!n[l];
	}
	memset(s, 0, sizeof(*s));
	if (ls_rset_add(s, path, err, sizeof(err)))
		fail_msg("%s", err);
}

static void verdicts(void **state)
{
	struct ls_rset base, new;
	struct ls_cmp c;
	char err[512];

	load(&base, "base");
	load(&new, "new");
	assert_int_equal(ls_cmp_build(&c, &base, &new, 0.05, 0.05, err, sizeof(err)), 0);
	assert_int_equal(c.nr_rows, 7);
	assert_int_equal(row_of(&c, "same")->verdict, LS_SAME);
	assert_int_equal(row_of(&c, "slow")->verdict, LS_SLOWER);
	assert_float_equal(row_of(&c, "slow")->ratio, 1.2, 1e-9);
	assert_float_equal(row_of(&c, "slow")->p, 2.0 / 252, 1e-12);
	assert_true(row_of(&c, "slow")->ci_lo <= 1.2 && row_of(&c, "slow")->ci_hi >= 1.2);
	assert_int_equal(row_of(&c, "fast")->verdict, LS_FASTER);
	/* Significant, but 3% is under the threshold. */
	assert_int_equal(row_of(&c, "small")->verdict, LS_SAME);
	assert_true(row_of(&c, "small")->p < 0.05);
	assert_int_equal(row_of(&c, "broken")->kind, LS_CMP_NOT_OK);
	assert_int_equal(row_of(&c, "gone")->kind, LS_CMP_BASE_ONLY);
	assert_int_equal(row_of(&c, "added")->kind, LS_CMP_NEW_ONLY);
	assert_int_equal(c.nr_slower, 1);
	assert_int_equal(c.nr_faster, 1);
	/* Sorted by effect: the two significant cells first, the biggest change first. */
	assert_string_equal(c.rows[0].base->key.scenario, "slow");
	assert_string_equal(c.rows[1].base->key.scenario, "fast");
	ls_cmp_free(&c);
	ls_rset_free(&base);
	ls_rset_free(&new);
}

static void geomean_per_type(void **state)
{
	struct ls_rset base, new;
	struct ls_cmp c;
	char err[512];
	size_t n;
	double g;

	load(&base, "base");
	load(&new, "new");
	assert_int_equal(ls_cmp_build(&c, &base, &new, 0.05, 0.05, err, sizeof(err)), 0);
	g = ls_cmp_geomean(&c, "task_storage", &n);
	assert_int_equal(n, 4);
	assert_float_equal(g, pow(1.0 * 1.2 * 0.85 * 1.03, 0.25), 1e-3);
	ls_cmp_geomean(&c, "sk_storage", &n);
	assert_int_equal(n, 0);
	ls_cmp_free(&c);
	ls_rset_free(&base);
	ls_rset_free(&new);
}

static void csv_has_every_column(void **state)
{
	struct ls_rset base, new;
	struct ls_buf b = {};
	struct ls_cmp c;
	char err[512];

	load(&base, "base");
	load(&new, "new");
	assert_int_equal(ls_cmp_build(&c, &base, &new, 0.05, 0.05, err, sizeof(err)), 0);
	ls_cmp_csv(&c, &b);
	assert_non_null(strstr(b.data, "schema_version,scenario,map_type,op,hook,mode,nr_maps,"
				       "nr_objects,value_size,cpus,sharing,verdict,base_status,"
				       "new_status,base_reason,new_reason,base_reps,new_reps,"
				       "base_ns_per_op,new_ns_per_op,ratio,ci_low,ci_high,p_value,"
				       "threshold,base_kernel,new_kernel\n"));
	assert_non_null(strstr(b.data, "\n2,slow,task_storage,get,tp_btf/sys_enter,loop,1,1,8,1,"
				       "private,slower,ok,ok,,,5,5,10.000000,12.000000,1.200000,"));
	assert_non_null(strstr(b.data, ",not_ok,ok,failed,,\"why, \"\"quoted\"\"\","));
	ls_buf_free(&b);
	ls_cmp_free(&c);
	ls_rset_free(&base);
	ls_rset_free(&new);
}

/* Two runs on one side: a comma list or their parent folder; repetitions pooled. */
static void merged_runs_pool_repetitions(void **state)
{
	struct ls_rset s;
	char dir[128];

	snprintf(dir, sizeof(dir), "%s/k", root);
	mkdir(dir, 0755);
	make_run("k/a", 2, "6.1", "x:ok:1,2,3", NULL);
	make_run("k/b", 2, "6.1", "x:ok:4,5,6,7", "y:failed:", NULL);
	load(&s, "k/a,k/b");
	assert_int_equal(s.nr_runs, 2);
	assert_int_equal(s.nr_cells, 2);
	assert_int_equal(ls_rset_find(&s, &s.cells[0].key)->nr_reps, 7);
	assert_float_equal(s.cells[0].ns_per_op, 4, 0);
	ls_rset_free(&s);
	load(&s, "k");
	assert_int_equal(s.nr_runs, 2);
	assert_int_equal(s.cells[0].nr_reps, 7);
	ls_rset_free(&s);
}

static void expect_refused(const char *base_names, const char *new_names, const char *msg)
{
	struct ls_rset base = {}, new = {};
	char path[512], err[1024] = "";
	struct ls_cmp c;
	int ret;

	snprintf(path, sizeof(path), "%s/%s", root, base_names);
	ret = ls_rset_add(&base, path, err, sizeof(err));
	if (!ret && new_names && base_names[strlen(base_names) - 1] == ',') {
		/* "base," : the new folder joins the base side. */
		snprintf(path, sizeof(path), "%s/%s", root, new_names);
		ret = ls_rset_add(&base, path, err, sizeof(err));
	} else if (!ret && new_names) {
		snprintf(path, sizeof(path), "%s/%s", root, new_names);
		ret = ls_rset_add(&new, path, err, sizeof(err));
	}
	if (!ret && new_names)
		ret = ls_cmp_build(&c, &base, &new, 0.05, 0.05, err, sizeof(err));
	assert_true(ret < 0);
	if (!strstr(err, msg) || !strstr(err, root) || strchr(err, '\n'))
		fail_msg("error '%s' lacks '%s'", err, msg);
	ls_rset_free(&base);
	ls_rset_free(&new);
}

static void bad_input_refused(void **state)
{
	char dir[128];

	make_run("v1", 1, "6.1", "x:ok:1,2,3", NULL);
	expect_refused("base", "v1", "v1/summary.csv: schema_version 1, the base side's is 2");
	expect_refused("base,", "v1",
		       "v1/summary.csv: schema_version 1, but 2 in the other results");
	expect_refused("v1", "v1", "v1/summary.csv: schema_version 1 has no reps.csv");
	make_run("v3", 3, "6.1", "x:ok:1,2,3", NULL);
	expect_refused("v3", NULL, "v3/summary.csv:2: schema_version 3; this lsbench reads 1 to 2");

	snprintf(dir, sizeof(dir), "%s/bad", root);
	put(dir, "summary.csv",
	    SUMMARY_HEADER "2,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,abc,1,private\n");
	put(dir, "reps.csv", REPS_HEADER);
	expect_refused("bad", NULL, "bad/summary.csv:2: column ns_per_op: 'abc' is not a number");
	put(dir, "summary.csv", SUMMARY_HEADER "2,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: an ok cell without rows in reps.csv");
	put(dir, "reps.csv", REPS_HEADER "2,r,y,t,get,hk,loop,1,1,8,1,private,0,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: no ok cell in summary.csv for this row");
	put(dir, "reps.csv", REPS_HEADER "2,other,x,t,get,hk,loop,1,1,8,1,private,0,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: run_id 'other' is not the run's (r)");
	put(dir, "reps.csv", REPS_HEADER "2,r,x,t,get,hk,loop,1,1,8,1,private,0,1,1,1");
	expect_refused("bad", NULL, "bad/reps.csv:2: truncated");
	put(dir, "summary.csv",
	    SUMMARY_HEADER "2,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private\n"
			   "2,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private\n");
	expect_refused("bad", NULL, "bad/summary.csv:3: the same cell as line 2");
	put(dir, "summary.csv", "schema_version,run_id\n2,r\n");
	expect_refused("bad", NULL, "bad/summary.csv:1: no column 'kernel' in the header");
	expect_refused("nothing-here", NULL, "nothing-here: No such file or directory");
	snprintf(dir, sizeof(dir), "%s/empty", root);
	mkdir(dir, 0755);
	expect_refused("empty", NULL, "empty: no results");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdicts),
		cmocka_unit_test(geomean_per_type),
		cmocka_unit_test(csv_has_every_column),
		cmocka_unit_test(merged_runs_pool_repetitions),
		cmocka_unit_test(bad_input_refused),
	};

	return cmocka_run_group_tests_name("compare", tests, setup, teardown);
}
