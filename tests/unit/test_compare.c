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
#include "cmpfix.h"

static void assert_counts(const struct ls_cmp *c, size_t slower, size_t faster, size_t same,
			  size_t unsure)
{
	assert_int_equal(c->nr_slower, slower);
	assert_int_equal(c->nr_faster, faster);
	assert_int_equal(c->nr_same, same);
	assert_int_equal(c->nr_unsure, unsure);
}

static void verdicts(void **state)
{
	const struct ls_cmp_row *r;
	struct ls_rset base, new;
	struct ls_cmp c;

	build(&c, &base, &new, "base", "new");
	assert_int_equal(c.nr_rows, 10);
	assert_int_equal(row_of(&c, "same")->verdict, LS_SAME);
	/* A clear 10% slowdown with tight rounds. */
	r = row_of(&c, "slow");
	assert_int_equal(r->verdict, LS_SLOWER);
	assert_float_equal(r->ratio, spec_centre(110, 0.005, 5, 1) / spec_centre(100, 0.005, 5, 0),
			   1e-9);
	assert_float_equal(r->base->ns_per_op, spec_centre(100, 0.005, 5, 0), 1e-6);
	assert_true(r->p < 1e-6 && r->q < 1e-6 && r->q >= r->p);
	assert_true(r->j.ci_lo > 1.09 && r->j.ci_lo < r->ratio && r->j.ci_hi > r->ratio &&
		    r->j.ci_hi < 1.11);
	assert_int_equal(row_of(&c, "fast")->verdict, LS_FASTER);
	/* 3% with rounds 0.2% apart: shown, however small. */
	assert_int_equal(row_of(&c, "small")->verdict, LS_SLOWER);
	assert_true(row_of(&c, "small")->q < 0.001);
	/* 0.2% with rounds 1% apart: the 90% interval within 2%, shown the same. */
	r = row_of(&c, "same");
	assert_true(r->j.tost_lo > 1 / 1.02 && r->j.tost_hi < 1.02);
	/* 10%, but rounds 20% apart: not significant, nor within 2%: ~, and how many rounds */
	r = row_of(&c, "noisy");
	assert_true(r->p > 0.3);
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_WIDE);
	assert_true(r->j.units_needed > 5);
	assert_true(r->j.detectable > 0.2);
	/* p under 0.05, q over it: the false discovery rate holds it back: ~, not same. */
	r = row_of(&c, "border");
	assert_true(r->p > 0.04 && r->p < 0.05 && r->q >= 0.05); /* 0.0447 and 0.0671 */
	assert_int_equal(r->verdict, LS_UNSURE);
	/* One round in base: 1.5 times slower, but not tested: ~ for too few rounds. */
	r = row_of(&c, "one");
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_FEW);
	assert_true(isnan(r->p) && isnan(r->q) && isnan(r->j.ci_lo));
	assert_float_equal(r->ratio, spec_centre(150, 0.01, 5, 1) / spec_centre(100, 0.01, 1, 0),
			   1e-9);
	assert_int_equal(r->base->nr_rounds, 1);
	assert_int_equal(r->new->nr_rounds, 5);
	assert_int_equal(c.nr_tested, 6);
	assert_int_equal(c.nr_few, 1);
	assert_int_equal(row_of(&c, "broken")->kind, LS_CMP_NOT_OK);
	assert_int_equal(row_of(&c, "gone")->kind, LS_CMP_BASE_ONLY);
	assert_int_equal(row_of(&c, "added")->kind, LS_CMP_NEW_ONLY);
	assert_counts(&c, 2, 1, 1, 3);
	/* Sorted by effect: the significant cells first, the biggest change first. */
	assert_string_equal(c.rows[0].base->key.scenario, "fast");
	assert_string_equal(c.rows[1].base->key.scenario, "slow");
	assert_string_equal(c.rows[2].base->key.scenario, "small");
	done(&c, &base, &new);
}

/*
 * The control guard: a cell changed the way its control moved is ~, with the
 * control's move in why; against its control's move, or with it unmoved, the
 * verdict stands; a same cell stays same; controls keep theirs.
 */
static void control_guard(void **state)
{
	static const char *const names[] = { "a-get",	"a-empty", "b-get",   "b-empty", "c-get",
					     "c-empty", "d-get",   "d-empty", "e-get",	 "e-empty" };
	static const double base_ns[] = { 100, 20, 100, 20, 100, 20, 100, 20, 100, 20 };
	static const double new_ns[] = { 110, 22, 110, 20.02, 110, 17, 90, 17, 100.1, 22 };
	char b[2][10][256], why[LS_CMP_WHY_SIZE], dir[128], *out;
	const struct ls_cmp_print_opts po = { .format = LS_CMP_TEXT };
	/* the guard alone: the runs' term (these controls moved by 10 to 15%) would widen all */
	const struct ls_cmp_opts o = { .bound = LS_CMP_BOUND,
				       .fdr = LS_CMP_FDR,
				       .rounds_only = true };
	const struct ls_cmp_row *r;
	struct ls_rset base, new;
	struct ls_cmp c;
	size_t i;

	for (i = 0; i < 10; i++) {
		cell_spec(b[0][i], 256, names[i], base_ns[i], 0.005, 5, 0);
		cell_spec(b[1][i], 256, names[i], new_ns[i], 0.005, 5, 1);
	}
	make_run("gbase", 3, "6.1", b[0][0], b[0][1], b[0][2], b[0][3], b[0][4], b[0][5], b[0][6],
		 b[0][7], b[0][8], b[0][9], NULL);
	make_run("gnew", 3, "6.1", b[1][0], b[1][1], b[1][2], b[1][3], b[1][4], b[1][5], b[1][6],
		 b[1][7], b[1][8], b[1][9], NULL);
	build_with(&c, &base, &new, "gbase", "gnew", &o);
	/* Slower with its control slower: ~, why names the control's move. */
	r = row_of(&c, "a-get");
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_CONTROL);
	assert_int_equal(r->j.units_needed, 0);
	assert_true(r->q < 0.05 && r->j.ci_lo > 1);
	ls_cmp_row_why(r, why, sizeof(why));
	assert_non_null(strstr(why, "its control moved too (+10.0%)"));
	assert_int_equal(row_of(&c, "a-empty")->verdict, LS_SLOWER);
	/* Slower, its control the same: slower. */
	assert_int_equal(row_of(&c, "b-empty")->verdict, LS_SAME);
	assert_int_equal(row_of(&c, "b-get")->verdict, LS_SLOWER);
	/* Slower, its control faster: slower. */
	assert_int_equal(row_of(&c, "c-empty")->verdict, LS_FASTER);
	assert_int_equal(row_of(&c, "c-get")->verdict, LS_SLOWER);
	/* Faster with its control faster: ~. */
	assert_int_equal(row_of(&c, "d-get")->verdict, LS_UNSURE);
	assert_int_equal(row_of(&c, "d-get")->j.why, LS_WHY_CONTROL);
	assert_int_equal(row_of(&c, "d-empty")->verdict, LS_FASTER);
	/* Same, its control slower: same. */
	assert_int_equal(row_of(&c, "e-get")->verdict, LS_SAME);
	assert_int_equal(row_of(&c, "e-empty")->verdict, LS_SLOWER);
	assert_int_equal(c.nr_ctl_moved, 4);
	assert_int_equal(c.nr_withheld, 2);
	assert_counts(&c, 4, 2, 2, 2);
	out = cmp_printed(&c, &po);
	assert_non_null(strstr(out, "2 ~ (2 for a moved control);"));
	assert_non_null(strstr(out, "4 controls moved (the sides ran at different machine speeds"));
	assert_non_null(strstr(out, "): 2 verdicts of their cells withheld"));
	free(out);
	done(&c, &base, &new);
	/* the same sets measured under icount (instructions): nothing withheld */
	for (i = 0; i < 2; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", root, i ? "gnew" : "gbase");
		put(dir, "meta.txt", "schema_version: 3\nvirt: icount\n");
	}
	build_with(&c, &base, &new, "gbase", "gnew", &o);
	assert_int_equal(row_of(&c, "a-get")->verdict, LS_SLOWER);
	assert_int_equal(row_of(&c, "d-get")->verdict, LS_FASTER);
	assert_int_equal(c.nr_withheld, 0);
	out = cmp_printed(&c, &po);
	assert_non_null(strstr(out, "4 controls moved: in instructions (icount) their cells keep"));
	assert_null(strstr(out, "withheld"));
	free(out);
	done(&c, &base, &new);
}

/*
 * The runs' term: one run a side, rounds 0.5% apart, four controls moved by -3 to +5% (the
 * machine at another speed, as runs minutes apart are): a get moved 4% is ~ and says how many
 * runs a side would settle it, where on its rounds alone it is slower; 30% stays slower; the
 * method line says how far runs differ. Under icount no term; without a control none either.
 */
static void runs_term_from_controls(void **state)
{
	static const char *const names[] = { "w-empty", "x-empty", "y-empty",
					     "z-empty", "aa-get",  "big-get" };
	static const double new_ns[] = { 20.8, 19.4, 21, 20.6, 104, 130 };
	static const double alike[] = { 1.04, 1.042, 1.038, 1.04, 1.04, 1.07 };
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	char b[2][6][256], hk[2][256], method[LS_CMP_METHOD_SIZE], need[48], dir[128];
	const struct ls_cmp_row *r;
	struct ls_rset base, new;
	struct ls_buf csv = {};
	struct ls_cmp c;
	size_t i;

	for (i = 0; i < 6; i++) {
		cell_spec(b[0][i], 256, names[i], i < 4 ? 20 : 100, 0.005, 5, 0);
		cell_spec(b[1][i], 256, names[i], new_ns[i], 0.005, 5, 1);
	}
	make_run("rbase", 3, "6.1", b[0][0], b[0][1], b[0][2], b[0][3], b[0][4], b[0][5], NULL);
	make_run("rnew", 3, "6.1", b[1][0], b[1][1], b[1][2], b[1][3], b[1][4], b[1][5], NULL);
	build(&c, &base, &new, "rbase", "rnew");
	assert_int_equal(c.nr_terms, 1);
	assert_string_equal(c.terms[0].mode, "loop");
	assert_int_equal(c.terms[0].s.k, 4);
	/* the controls' squared moves, less their rounds' share: about 3.8% */
	assert_float_equal(sqrt(c.terms[0].s.var), 0.038, 0.003);
	r = row_of(&c, "aa-get");
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_WIDE);
	assert_true(r->j.runs_needed && r->j.units_needed >= 2);
	assert_float_equal(r->runs_var, c.terms[0].s.var, 1e-12);
	assert_true(r->j.ci_lo < 1 && r->j.ci_hi > 1.08);
	ls_cmp_row_needed(r, need, sizeof(need));
	assert_non_null(strstr(need, " runs a side"));
	assert_int_equal(row_of(&c, "big-get")->verdict, LS_SLOWER);
	assert_int_equal(row_of(&c, "y-empty")->verdict, LS_UNSURE);
	ls_cmp_method(&c, method, sizeof(method));
	assert_non_null(strstr(method, "as the controls show it, in each test: loop +-3."));
	assert_non_null(strstr(method, "(4 controls); family"));
	ls_cmp_csv(&c, &csv);
	assert_non_null(strstr(csv.data, ",0,3.8"));
	ls_buf_free(&csv);
	done(&c, &base, &new);
	/* on the rounds alone, the 4% is slower and so are the controls that moved */
	o.rounds_only = true;
	build_with(&c, &base, &new, "rbase", "rnew", &o);
	assert_int_equal(c.nr_terms, 0);
	assert_int_equal(row_of(&c, "aa-get")->verdict, LS_SLOWER);
	assert_int_equal(row_of(&c, "y-empty")->verdict, LS_SLOWER);
	done(&c, &base, &new);
	/* instructions: no machine speed, no term */
	for (i = 0; i < 2; i++) {
		snprintf(dir, sizeof(dir), "%s/%s", root, i ? "rnew" : "rbase");
		put(dir, "meta.txt", "schema_version: 3\nvirt: icount\n");
	}
	build(&c, &base, &new, "rbase", "rnew");
	assert_int_equal(c.nr_terms, 0);
	assert_true(isnan(row_of(&c, "aa-get")->runs_var));
	done(&c, &base, &new);
	/*
	 * A mode without a control of its own (hook) takes the spread of every mode's controls,
	 * estimated from their tests as measured, before any has the term added: the same as
	 * the loop controls' own, wherever its row comes.
	 */
	cell_spec(hk[0], sizeof(hk[0]), "hk-get", 100, 0.005, 5, 0);
	cell_spec(hk[1], sizeof(hk[1]), "hk-get", 101, 0.005, 5, 1);
	make_run("pbase", 3, "6.1", b[0][0], b[0][1], b[0][2], b[0][3], b[0][4], hk[0], NULL);
	make_run("pnew", 3, "6.1", b[1][0], b[1][1], b[1][2], b[1][3], b[1][4], hk[1], NULL);
	build(&c, &base, &new, "pbase", "pnew");
	assert_int_equal(c.nr_terms, 2);
	for (i = 0; i < 2 && strcmp(c.terms[i].mode, "hook"); i++)
		;
	assert_true(i < 2 && c.terms[i].pooled && c.terms[i].s.k == 4);
	assert_float_equal(c.terms[i].s.var, c.terms[1 - i].s.var, 1e-15);
	done(&c, &base, &new);
	/*
	 * --over-control: the controls moved alike (+3.8 to +4.2%: the machine), so over their
	 * mean a get moved with them is the same and one moved 7% is 3% slower, where as
	 * measured both are ~ for the runs' spread; over a single control, as measured.
	 */
	for (i = 0; i < 6; i++) {
		cell_spec(b[0][i], 256, names[i], i < 4 ? 20 : 100, 0.002, 5, 0);
		cell_spec(b[1][i], 256, names[i], (i < 4 ? 20 : 100) * alike[i], 0.002, 5, 1);
	}
	make_run("obase", 3, "6.1", b[0][0], b[0][1], b[0][2], b[0][3], b[0][4], b[0][5], NULL);
	make_run("onew", 3, "6.1", b[1][0], b[1][1], b[1][2], b[1][3], b[1][4], b[1][5], NULL);
	build(&c, &base, &new, "obase", "onew");
	assert_int_equal(row_of(&c, "aa-get")->verdict, LS_UNSURE);
	assert_int_equal(row_of(&c, "big-get")->verdict, LS_UNSURE);
	done(&c, &base, &new);
	o.rounds_only = false;
	o.over_control = true;
	build_with(&c, &base, &new, "obase", "onew", &o);
	assert_float_equal(c.terms[0].s.mean, log(1.04), 0.002);
	r = row_of(&c, "aa-get");
	assert_true(r->over_ctl);
	assert_float_equal(r->ratio, 1, 0.003);
	assert_int_equal(r->verdict, LS_SAME);
	r = row_of(&c, "big-get");
	assert_float_equal(r->ratio, 1.07 / 1.04, 0.003);
	assert_int_equal(r->verdict, LS_SLOWER);
	/* what the guard reads as measured: the ratio times the mean it was judged over */
	assert_float_equal(r->over_by, exp(c.terms[0].s.mean), 1e-12);
	assert_false(row_of(&c, "x-empty")->over_ctl);
	ls_cmp_method(&c, method, sizeof(method));
	assert_non_null(strstr(method, "each over its mode's controls' mean move"));
	assert_non_null(strstr(method, "from the controls' mean move (+4.0%)"));
	done(&c, &base, &new);
	/*
	 * Each control weighs by its rounds' precision: beside three tight controls moved -3 to
	 * +5%, one whose rounds are 40% apart (moved 0) does not hide their moves, as it would
	 * in their plain mean (its rounds' share, subtracted, outweighs the others' moves).
	 */
	cell_spec(b[0][0], 256, names[0], 20, 0.4, 5, 0);
	cell_spec(b[1][0], 256, names[0], 20, 0.4, 5, 0);
	for (i = 1; i < 6; i++) {
		cell_spec(b[0][i], 256, names[i], i < 4 ? 20 : 100, 0.002, 5, 0);
		cell_spec(b[1][i], 256, names[i], new_ns[i], 0.002, 5, 1);
	}
	make_run("wbase", 3, "6.1", b[0][0], b[0][1], b[0][2], b[0][3], b[0][4], b[0][5], NULL);
	make_run("wnew", 3, "6.1", b[1][0], b[1][1], b[1][2], b[1][3], b[1][4], b[1][5], NULL);
	build(&c, &base, &new, "wbase", "wnew");
	assert_int_equal(c.terms[0].s.k, 4);
	assert_true(sqrt(c.terms[0].s.var) > 0.03 && sqrt(c.terms[0].s.var) < 0.05);
	assert_int_equal(row_of(&c, "aa-get")->verdict, LS_UNSURE);
	done(&c, &base, &new);
	/* over a single control, as measured and said */
	make_run("sbase", 3, "6.1", b[0][0], b[0][4], NULL);
	make_run("snew", 3, "6.1", b[1][0], b[1][4], NULL);
	build_with(&c, &base, &new, "sbase", "snew", &o);
	assert_int_equal(c.nr_not_over, 1);
	assert_false(row_of(&c, "aa-get")->over_ctl);
	ls_cmp_method(&c, method, sizeof(method));
	assert_non_null(strstr(method, "1 cells judged as measured: over the controls"));
	done(&c, &base, &new);
	/* no control compared: judged on the rounds, and said */
	build(&c, &base, &new, "base", "new");
	assert_int_equal(c.nr_terms, 0);
	assert_int_equal(c.nr_unmeasured, 6);
	ls_cmp_method(&c, method, sizeof(method));
	assert_non_null(strstr(method, "6 cells of one run a side judged on their rounds alone"));
	done(&c, &base, &new);
}

/* q is Benjamini-Hochberg of the tested cells' p, whatever the order of the rows. */
static void q_is_bh_of_the_tested(void **state)
{
	double p[16], q[16];
	struct ls_rset base, new;
	struct ls_cmp c;
	size_t i, n = 0;

	build(&c, &base, &new, "base", "new");
	for (i = 0; i < c.nr_rows; i++) {
		if (!isnan(c.rows[i].p))
			p[n++] = c.rows[i].p;
	}
	assert_int_equal(n, 6);
	assert_int_equal(ls_bh(p, n, q), 0);
	for (i = n = 0; i < c.nr_rows; i++) {
		if (!isnan(c.rows[i].p))
			assert_float_equal(c.rows[i].q, q[n++], 0);
	}
	done(&c, &base, &new);
}

static void the_same_data_finds_nothing(void **state)
{
	struct ls_rset base, new;
	struct ls_cmp c;
	size_t i;

	build(&c, &base, &new, "base", "base");
	assert_int_equal(c.nr_slower + c.nr_faster, 0);
	for (i = 0; i < c.nr_rows; i++) {
		if (!isnan(c.rows[i].p))
			assert_float_equal(c.rows[i].p, 1, 0);
		assert_true(c.rows[i].kind != LS_CMP_BOTH || c.rows[i].ratio == 1);
	}
	assert_int_equal(c.nr_tested, 8);
	done(&c, &base, &new);
}

static void geomean_per_type(void **state)
{
	struct ls_rset base, new;
	struct ls_cmp c;
	double g, want = 0;
	size_t n, i;

	build(&c, &base, &new, "base", "new");
	for (i = 0; i < c.nr_rows; i++)
		want += c.rows[i].kind == LS_CMP_BOTH ? log(c.rows[i].ratio) : 0;
	g = ls_cmp_geomean(&c, "task_storage", &n);
	assert_int_equal(n, 7);
	assert_float_equal(g, exp(want / 7), 1e-12);
	assert_float_equal(g, pow(1.002 * 1.1 * 0.85 * 1.03 * 1.1 * 1.1 * 1.5, 1.0 / 7), 2e-3);
	ls_cmp_geomean(&c, "sk_storage", &n);
	assert_int_equal(n, 0);
	done(&c, &base, &new);
}

static void csv_has_every_column(void **state)
{
	struct ls_rset base, new;
	struct ls_buf b = {};
	struct ls_cmp c;

	build(&c, &base, &new, "base", "new");
	ls_cmp_csv(&c, &b);
	assert_non_null(strstr(b.data, "schema_version,scenario,map_type,op,hook,mode,nr_maps,"
				       "nr_objects,value_size,cpus,sharing,verdict,base_status,"
				       "new_status,base_reason,new_reason,base_reps,new_reps,"
				       "base_rounds,new_rounds,base_ns_per_op,new_ns_per_op,ratio,"
				       "ci_low,ci_high,p,q,change_pct,tost_low,tost_high,bound_pct,"
				       "detectable_pct,rounds_needed,unit,base_units,new_units,"
				       "base_noisy,new_noisy,why,family,fdr,base_kernel,new_kernel,"
				       "base_precision_pct,new_precision_pct,base_added_ns_per_op,"
				       "new_added_ns_per_op,over_control,runs_spread_pct,"
				       "runs_needed\n"));
	assert_non_null(strstr(b.data, "\n3,slow,task_storage,get,tp_btf/sys_enter,loop,1,1,8,1,"
				       "private,slower,ok,ok,,,15,15,5,5,"));
	/* Not tested: ~, ci, p and q empty, the reason, the family of six. */
	assert_non_null(strstr(b.data, ",~,ok,ok,,,3,15,1,5,"));
	assert_non_null(strstr(b.data, ",round,1,5,0,0,too few rounds,6,0.050000,6.1,6.12,,"));
	assert_non_null(strstr(b.data, ",not_ok,ok,failed,,\"why, \"\"quoted\"\"\","));
	ls_buf_free(&b);
	done(&c, &base, &new);
}

/* Two runs on one side: a comma list or their parent folder; each run's rounds its own. */
static void merged_runs_keep_rounds_apart(void **state)
{
	struct ls_rset s;
	struct ls_rcell *c;
	char dir[128];
	size_t i;

	snprintf(dir, sizeof(dir), "%s/k", root);
	mkdir(dir, 0755);
	make_run("k/a", 3, "6.1", "x:ok:1,2,3/10,11,12", NULL);
	make_run("k/b", 3, "6.1", "x:ok:100,101,102/1000,1001,1002,1003,1004", "y:failed:", NULL);
	load(&s, "k/a,k/b");
	assert_int_equal(s.nr_runs, 2);
	assert_int_equal(s.nr_cells, 2);
	c = ls_rset_find(&s, &s.cells[0].key);
	assert_int_equal(c->nr_reps, 14);
	assert_int_equal(c->nr_rounds, 4);
	for (i = 0; i < c->nr_reps; i++)
		assert_int_equal(c->rep_round[i], i < 3 ? 1 : i < 6 ? 2 : i < 9 ? 3 : 4);
	/* Round medians 2, 11, 101, 1002; pooling rounds by number would mix 1..3 with 100..102. */
	assert_float_equal(c->ns_per_op, pow(2.0 * 11 * 101 * 1002, 0.25), 1e-9);
	ls_rset_free(&s);
	load(&s, "k");
	assert_int_equal(s.nr_runs, 2);
	assert_int_equal(s.cells[0].nr_rounds, 4);
	ls_rset_free(&s);
}

/* A folder under root for runs of a test's own. */
static void subdir(const char *name)
{
	char dir[128];

	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	mkdir(dir, 0755);
}

/* Two runs a side: the run is the unit. */
static void merged_sides_are_tested(void **state)
{
	struct ls_rset base, new;
	struct ls_cmp c;

	subdir("m");
	make_run("m/a1", 3, "6.1", "x:ok:100,100/101,101", NULL);
	make_run("m/a2", 3, "6.1", "x:ok:99,99", NULL);
	make_run("m/b1", 3, "6.2", "x:ok:120,120", NULL);
	make_run("m/b2", 3, "6.2", "x:ok:121,121", NULL);
	build(&c, &base, &new, "m/a1,m/a2", "m/b1,m/b2");
	assert_int_equal(c.rows[0].base->nr_rounds, 3);
	assert_int_equal(c.rows[0].new->nr_rounds, 2);
	/* several runs a side: the run is the unit, two a side; no start times, so unpaired */
	assert_int_equal(c.rows[0].unit, LS_UNIT_RUN);
	assert_int_equal(c.rows[0].t.na, 2);
	assert_int_equal(c.rows[0].t.nb, 2);
	assert_false(c.paired);
	assert_false(isnan(c.rows[0].p));
	assert_int_equal(c.rows[0].verdict, LS_SLOWER);
	/* its ratio: of the geometric means of the run medians 100.5, 99 and 120, 121 */
	assert_float_equal(c.rows[0].ratio, sqrt(120.0 * 121) / sqrt(100.5 * 99), 1e-9);
	done(&c, &base, &new);
}

/*
 * A cell 10% slower in rounds 0.5% apart, its summary noisy on both sides (its
 * setups spread beyond LS_NOISY_CV: a run can land at a level of its own),
 * beside the same cell quiet. One run a side: the quiet one is slower, the
 * noisy one withheld, ~ (LS_WHY_NOISY_RUN), as the rounds cannot stand for the
 * run; a noisy cell unchanged is ~ too, not same. Three runs a side: the run
 * is the unit, the noisy one is slower too, and the unchanged one same.
 */
static void noisy_one_run_withheld(void **state)
{
	struct ls_rset base, new;
	struct ls_cmp c;
	char b[6][256];
	const struct ls_cmp_row *r;
	int i;

	subdir("nz");
	for (i = 1; i <= 3; i++) {
		char a[32], n[32];

		snprintf(a, sizeof(a), "nz/a%d", i);
		snprintf(n, sizeof(n), "nz/b%d", i);
		make_run(a, 3, "6.1", cell_spec(b[0], 256, "quiet", 100 + i * 0.1, 0.005, 5, 0),
			 cell_spec(b[1], 256, "slow-busy", 100 + i * 0.1, 0.005, 5, 0),
			 cell_spec(b[4], 256, "same-busy", 100 + i * 0.1, 0.005, 5, 0), NULL);
		make_run(n, 3, "6.1", cell_spec(b[2], 256, "quiet", 110 + i * 0.1, 0.005, 5, 1),
			 cell_spec(b[3], 256, "slow-busy", 110 + i * 0.1, 0.005, 5, 1),
			 cell_spec(b[5], 256, "same-busy", 100 + i * 0.1, 0.005, 5, 1), NULL);
	}
	build(&c, &base, &new, "nz/a1", "nz/b1");
	assert_int_equal(row_of(&c, "quiet")->unit, LS_UNIT_ROUND);
	assert_int_equal(row_of(&c, "quiet")->verdict, LS_SLOWER);
	r = row_of(&c, "slow-busy");
	assert_true(ls_cmp_row_noisy(r));
	assert_true(r->q < 1e-6 && r->j.ci_lo > 1.05); /* the rounds alone would say slower */
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_NOISY_RUN);
	assert_true(r->j.runs_needed);
	assert_int_equal(c.nr_slower, 1);
	r = row_of(&c, "same-busy");
	assert_true(r->j.tost_lo > 0.98 && r->j.tost_hi < 1.02); /* within the bound */
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_NOISY_RUN);
	assert_true(r->j.runs_needed);
	done(&c, &base, &new);
	build(&c, &base, &new, "nz/a1,nz/a2,nz/a3", "nz/b1,nz/b2,nz/b3");
	r = row_of(&c, "slow-busy");
	assert_int_equal(r->unit, LS_UNIT_RUN);
	assert_int_equal(r->verdict, LS_SLOWER);
	assert_int_equal(c.nr_slower, 2);
	r = row_of(&c, "same-busy");
	assert_true(ls_cmp_row_noisy(r));
	assert_int_equal(r->verdict, LS_SAME);
	assert_int_equal(c.nr_same, 1);
	done(&c, &base, &new);
}

static void started(const char *run, const char *when)
{
	char dir[128], text[128];

	snprintf(dir, sizeof(dir), "%s/%s", root, run);
	snprintf(text, sizeof(text), "schema_version: 3\nstarted_utc: 2026-12-06T10:%s:00Z\n",
		 when);
	put(dir, "meta.txt", text);
}

/*
 * Three runs a side alternated in time (as lsbench vm --kernels A,B runs
 * them), the machine 10% faster or slower from one pair to the next, new 3%
 * slower within each pair: paired, the runs' drift cancels and the change is
 * found; unpaired, it is lost in the drift. Not alternated: not paired.
 */
static void alternated_runs_are_paired(void **state)
{
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	struct ls_rset base, new;
	struct ls_cmp c;

	subdir("p");
	make_run("p/a1", 3, "6.1", "x:ok:100,100/100.1,100.1", NULL);
	make_run("p/b1", 3, "6.2", "x:ok:103,103/103.2,103.2", NULL);
	make_run("p/a2", 3, "6.1", "x:ok:110,110/110.1,110.1", NULL);
	make_run("p/b2", 3, "6.2", "x:ok:113.3,113.3/113.2,113.2", NULL);
	make_run("p/a3", 3, "6.1", "x:ok:90,90/90.1,90.1", NULL);
	make_run("p/b3", 3, "6.2", "x:ok:92.8,92.8/92.6,92.6", NULL);
	started("p/a1", "01");
	started("p/b1", "02");
	started("p/a2", "03");
	started("p/b2", "04");
	started("p/a3", "05");
	started("p/b3", "06");
	build(&c, &base, &new, "p/a1,p/a2,p/a3", "p/b1,p/b2,p/b3");
	assert_true(c.paired);
	assert_int_equal(c.rows[0].unit, LS_UNIT_PAIR);
	assert_int_equal(c.rows[0].t.na, 3);
	assert_int_equal(c.rows[0].verdict, LS_SLOWER);
	assert_float_equal(c.rows[0].ratio, 1.03, 0.002);
	done(&c, &base, &new);
	o.pairing = LS_PAIR_OFF;
	build_with(&c, &base, &new, "p/a1,p/a2,p/a3", "p/b1,p/b2,p/b3", &o);
	assert_false(c.paired);
	assert_int_equal(c.rows[0].unit, LS_UNIT_RUN);
	assert_int_equal(c.rows[0].verdict, LS_UNSURE);
	done(&c, &base, &new);
	/* b1 and b2 swapped in time: pairs are made by time, a1 b2 | a2 b1 | a3 b3 */
	started("p/b1", "04");
	started("p/b2", "02");
	build(&c, &base, &new, "p/a1,p/a2,p/a3", "p/b1,p/b2,p/b3");
	assert_true(c.paired);
	done(&c, &base, &new);
	started("p/b2", "07");
	started("p/b1", "08");
	build(&c, &base, &new, "p/a1,p/a2,p/a3", "p/b1,p/b2,p/b3");
	assert_false(c.paired); /* a1 a2 a3 b3 b2 b1: one side after the other */
	done(&c, &base, &new);
}

/* "NAME:ok:..." of two rounds, at ns and ns * (1 + jitter), two repetitions each. */
static char *two_rounds(char *buf, size_t size, const char *name, double ns, double jitter)
{
	snprintf(buf, size, "%s:ok:%.4f,%.4f/%.4f,%.4f", name, ns, ns, ns * (1 + jitter),
		 ns * (1 + jitter));
	return buf;
}

/*
 * o/NAME: a run in which the machine ran at speed (a factor on every figure): x-get at 100
 * ns (new: 103) over x-empty at 20; z-get at 100 (new: 110) over z-empty at 20 (new: 21.2);
 * y-get as x-get, without a control.
 */
static void speed_run(const char *name, const char *when, double speed, bool new_side,
		      const double *jit)
{
	char x[128], xe[128], y[128], z[128], ze[128];
	double get = new_side ? 103 : 100;

	make_run(name, 3, "6.1", two_rounds(x, sizeof(x), "x-get", get * speed, jit[0]),
		 two_rounds(xe, sizeof(xe), "x-empty", 20 * speed, jit[1]),
		 two_rounds(y, sizeof(y), "y-get", get * speed, jit[0]),
		 two_rounds(z, sizeof(z), "z-get", (new_side ? 110 : 100) * speed, jit[1]),
		 two_rounds(ze, sizeof(ze), "z-empty", (new_side ? 21.2 : 20) * speed, jit[0]),
		 NULL);
	started(name, when);
}

/*
 * --over-control: three runs a side alternated, one base run in a slow spell (every figure
 * 1.4 times), one new run 1.1 times; the new x-get 3% slower in each run. Judged as
 * measured, the spell hides it (~); over its control, the spell cancels and it is slower, by
 * 3%. The control itself, and a cell without one, are judged as measured. Then the machine
 * at one speed: z-get moved 10% and its control 6%, shown: 3.8% over it, but the guard holds
 * over the control too (~, the control moved): a machine speed need not scale a cell and its
 * control alike.
 */
static void over_control_cancels_speed(void **state)
{
	static const double jit[3][2] = { { 0.001, -0.002 }, { -0.001, 0.001 }, { 0.002, 0 } };
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	const struct ls_cmp_row *r;
	struct ls_rset base, new;
	struct ls_cmp c;

	subdir("o");
	speed_run("o/a1", "01", 1, false, jit[0]);
	speed_run("o/b1", "02", 1, true, jit[1]);
	speed_run("o/a2", "03", 1.4, false, jit[2]);
	speed_run("o/b2", "04", 1, true, jit[0]);
	speed_run("o/a3", "05", 1, false, jit[1]);
	speed_run("o/b3", "06", 1.1, true, jit[2]);
	build(&c, &base, &new, "o/a1,o/a2,o/a3", "o/b1,o/b2,o/b3");
	assert_true(c.paired);
	assert_int_equal(row_of(&c, "x-get")->verdict, LS_UNSURE);
	assert_false(row_of(&c, "x-get")->over_ctl);
	done(&c, &base, &new);
	o.over_control = true;
	build_with(&c, &base, &new, "o/a1,o/a2,o/a3", "o/b1,o/b2,o/b3", &o);
	r = row_of(&c, "x-get");
	assert_true(r->over_ctl);
	assert_int_equal(r->unit, LS_UNIT_PAIR);
	assert_int_equal(r->t.na, 3);
	assert_int_equal(r->verdict, LS_SLOWER);
	assert_float_equal(r->ratio, 1.03, 0.003);
	assert_true(r->j.ci_lo > 1.01 && r->j.ci_hi < 1.05);
	/* the control moved with the machine: judged as measured */
	r = row_of(&c, "x-empty");
	assert_false(r->over_ctl);
	assert_int_not_equal(r->verdict, LS_SLOWER);
	r = row_of(&c, "y-get");
	assert_false(r->over_ctl);
	assert_int_equal(r->verdict, LS_UNSURE);
	done(&c, &base, &new);
	subdir("q");
	speed_run("q/a1", "01", 1, false, jit[0]);
	speed_run("q/b1", "02", 1, true, jit[1]);
	speed_run("q/a2", "03", 1, false, jit[2]);
	speed_run("q/b2", "04", 1, true, jit[0]);
	speed_run("q/a3", "05", 1, false, jit[1]);
	speed_run("q/b3", "06", 1, true, jit[2]);
	build_with(&c, &base, &new, "q/a1,q/a2,q/a3", "q/b1,q/b2,q/b3", &o);
	assert_int_equal(row_of(&c, "z-empty")->verdict, LS_SLOWER);
	r = row_of(&c, "z-get");
	assert_true(r->over_ctl);
	assert_float_equal(r->ratio, 110.0 / 106, 0.003);
	assert_true(r->q < 0.05 && r->j.ci_lo > 1);
	assert_int_equal(r->verdict, LS_UNSURE);
	assert_int_equal(r->j.why, LS_WHY_CONTROL);
	assert_int_equal(row_of(&c, "x-get")->verdict, LS_SLOWER); /* its control unmoved */
	done(&c, &base, &new);
}

/* The family: -s selects the cells, and Benjamini-Hochberg spans only those. */
static void family_is_the_selection(void **state)
{
	struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
	struct ls_rset base, new;
	double p[3], q[3];
	struct ls_cmp c;
	char err[256];
	size_t i, n = 0;

	o.select[o.nr_select++] = "s*";
	build_with(&c, &base, &new, "base", "new", &o);
	assert_int_equal(c.nr_rows, 3); /* same, slow, small */
	assert_int_equal(c.nr_tested, 3);
	assert_int_equal(c.rule.family, 3);
	for (i = 0; i < c.nr_rows; i++)
		p[n++] = c.rows[i].p;
	assert_int_equal(ls_bh(p, n, q), 0);
	for (i = 0; i < n; i++)
		assert_float_equal(c.rows[i].q, q[i], 0);
	/* at the level of a family of three, rounds 0.5% apart see a change of a few % */
	assert_true(row_of(&c, "slow")->j.detectable < 0.03);
	ls_cmp_free(&c);
	o.select[0] = "nothing*";
	assert_int_equal(ls_cmp_build(&c, &base, &new, &o, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "-s selects no cell"));
	o.nr_select = 0;
	o.pairing = LS_PAIR_ON;
	assert_int_equal(ls_cmp_build(&c, &base, &new, &o, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "--paired needs as many runs"));
	ls_rset_free(&base);
	ls_rset_free(&new);
}

/* Rounds numbered with gaps or out of order still count once each. */
static void rounds_numbered_sparsely(void **state)
{
	struct ls_rset s;
	char dir[128];

	snprintf(dir, sizeof(dir), "%s/sparse", root);
	put(dir, "summary.csv",
	    SUMMARY_HEADER SUMMARY_HEADER_3 "\n3,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private,"
					    "3,,,,,,,\n");
	put(dir, "reps.csv",
	    REPS_HEADER_3 "3,r,x,t,get,hk,loop,1,1,8,1,private,7,1,1,1,1,4\n"
			  "3,r,x,t,get,hk,loop,1,1,8,1,private,2,1,1,1,1,1\n"
			  "3,r,x,t,get,hk,loop,1,1,8,1,private,7,2,1,1,1,6\n"
			  "3,r,x,t,get,hk,loop,1,1,8,1,private,40,1,1,1,1,2\n");
	load(&s, "sparse");
	assert_int_equal(s.cells[0].nr_rounds, 3);
	assert_int_equal(s.cells[0].rep_round[0], 2); /* 2, 7, 40 become 1, 2, 3 */
	assert_int_equal(s.cells[0].rep_round[3], 3);
	assert_float_equal(s.cells[0].ns_per_op, pow(1.0 * 5 * 2, 1.0 / 3), 1e-12);
	ls_rset_free(&s);
}

/* The command line: sides as BASE NEW or --base and --new, options anywhere, what is refused. */
static void command_line(void **state)
{
	char a1[128], a2[128], b1[128], b2[128], csv[128], none[128];
	char *both[] = {
		"compare", "-o", csv, "--base", a1, "--base", a2, "--new", b1, "--new", b2
	};
	char *pos[] = { "compare", "-o", csv, "-b", "3%", a1, b1, b2 };
	char *after[] = { "compare", a1, b1, "--bound", "3", b2, "-o", csv };
	char *mixed[] = { "compare", "-o", none, "--base", a1, b2 };
	char *empty[] = { "compare", "-o", none, "-s", "nothing*", a1, b1 };
	char *bound[] = { "compare", "-o", none, "--bound", "0", a1, b1 };
	char *one[] = { "compare", "-o", none, "--base", a1 };

	subdir("cl");
	make_run("cl/a1", 3, "6.1", "x:ok:100,100/101,101", NULL);
	make_run("cl/a2", 3, "6.1", "x:ok:99,99/100,100", NULL);
	make_run("cl/b1", 3, "6.2", "x:ok:120,120/121,121", NULL);
	make_run("cl/b2", 3, "6.2", "x:ok:121,121/122,122", NULL);
	snprintf(a1, sizeof(a1), "%s/cl/a1", root);
	snprintf(a2, sizeof(a2), "%s/cl/a2", root);
	snprintf(b1, sizeof(b1), "%s/cl/b1", root);
	snprintf(b2, sizeof(b2), "%s/cl/b2", root);
	snprintf(csv, sizeof(csv), "%s/cl.csv", root);
	snprintf(none, sizeof(none), "%s/none.csv", root);
	assert_int_equal(ls_compare_main(11, both), 0);
	assert_int_equal(access(csv, F_OK), 0);
	unlink(csv);
	assert_int_equal(ls_compare_main(8, pos), 0);
	assert_int_equal(access(csv, F_OK), 0);
	unlink(csv);
	assert_int_equal(ls_compare_main(8, after), 0); /* options anywhere among the folders */
	assert_int_equal(access(csv, F_OK), 0);
	assert_int_equal(ls_compare_main(6, mixed), 2);
	assert_int_equal(ls_compare_main(7, empty), 2);
	assert_int_equal(ls_compare_main(7, bound), 2);
	assert_int_equal(ls_compare_main(5, one), 2);
	assert_int_equal(access(none, F_OK), -1); /* refused: nothing written */
}

static void expect_refused(const char *base_names, const char *new_names, const char *msg)
{
	const struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;
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
		ret = ls_cmp_build(&c, &base, &new, &o, err, sizeof(err));
	assert_true(ret < 0);
	if (!strstr(err, msg) || !strstr(err, root) || strchr(err, '\n'))
		fail_msg("error '%s' lacks '%s'", err, msg);
	ls_rset_free(&base);
	ls_rset_free(&new);
}

static void bad_input_refused(void **state)
{
	char dir[128];

	expect_refused("base", "v2", "v2/summary.csv: schema_version 2, the base side's is 3");
	expect_refused("base,", "v2",
		       "v2/summary.csv: schema_version 2, but 3 in the other results");
	expect_refused("v2", "v2",
		       "v2/summary.csv: schema_version 2 has no rounds; compare reads 3");
	make_run("v4", 4, "6.1", "x:ok:1,2,3", NULL);
	expect_refused("v4", NULL, "v4/summary.csv:2: schema_version 4; this lsbench reads 1 to 3");

	snprintf(dir, sizeof(dir), "%s/bad", root);
	put(dir, "summary.csv",
	    SUMMARY_HEADER "\n3,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,abc,1,private\n");
	put(dir, "reps.csv", REPS_HEADER_3);
	expect_refused("bad", NULL, "bad/summary.csv:2: column ns_per_op: 'abc' is not a number");
	put(dir, "summary.csv",
	    SUMMARY_HEADER "\n3,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: an ok cell without rows in reps.csv");
	put(dir, "reps.csv", REPS_HEADER "3,r,x,t,get,hk,loop,1,1,8,1,private,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:1: no column 'round' in the header");
	put(dir, "reps.csv", REPS_HEADER_3 "3,r,x,t,get,hk,loop,1,1,8,1,private,0,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: column round: 0; rounds count from 1");
	put(dir, "reps.csv", REPS_HEADER_3 "3,r,x,t,get,hk,loop,1,1,8,1,private,-1,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: column round");
	put(dir, "reps.csv", REPS_HEADER_3 "3,r,x,t,get,hk,loop,1,1,8,1,private,1,0,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: column rep: 0; reps count from 1");
	put(dir, "reps.csv",
	    REPS_HEADER_3 "3,r,x,t,get,hk,loop,1,1,8,1,private,2,1,1,1,1,5\n"
			  "3,r,x,t,get,hk,loop,1,1,8,1,private,1,1,1,1,1,5\n"
			  "3,r,x,t,get,hk,loop,1,1,8,1,private,2,2,1,1,1,5\n"
			  "3,r,x,t,get,hk,loop,1,1,8,1,private,2,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:5: round 2 rep 1 of this cell again (line 2)");
	put(dir, "reps.csv", REPS_HEADER_3 "3,r,y,t,get,hk,loop,1,1,8,1,private,1,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: no ok cell in summary.csv for this row");
	put(dir, "reps.csv", REPS_HEADER_3 "3,other,x,t,get,hk,loop,1,1,8,1,private,1,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: run_id 'other' is not the run's (r)");
	put(dir, "reps.csv", REPS_HEADER_3 "3,r,x,t,get,hk,loop,1,1,8,1,private,1,1,1,1,1");
	expect_refused("bad", NULL, "bad/reps.csv:2: truncated");
	put(dir, "reps.csv", REPS_HEADER_3 "2,r,x,t,get,hk,loop,1,1,8,1,private,1,1,1,1,1,5\n");
	expect_refused("bad", NULL, "bad/reps.csv:2: schema_version 2, but 3 elsewhere");
	put(dir, "summary.csv",
	    SUMMARY_HEADER "\n3,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private\n"
			   "3,r,k,h,x,t,get,hk,loop,1,1,8,1,ok,,5,1,private\n");
	expect_refused("bad", NULL, "bad/summary.csv:3: the same cell as line 2");
	put(dir, "summary.csv", "schema_version,run_id\n3,r\n");
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
		cmocka_unit_test(control_guard),
		cmocka_unit_test(runs_term_from_controls),
		cmocka_unit_test(q_is_bh_of_the_tested),
		cmocka_unit_test(the_same_data_finds_nothing),
		cmocka_unit_test(geomean_per_type),
		cmocka_unit_test(csv_has_every_column),
		cmocka_unit_test(merged_runs_keep_rounds_apart),
		cmocka_unit_test(merged_sides_are_tested),
		cmocka_unit_test(noisy_one_run_withheld),
		cmocka_unit_test(alternated_runs_are_paired),
		cmocka_unit_test(over_control_cancels_speed),
		cmocka_unit_test(family_is_the_selection),
		cmocka_unit_test(command_line),
		cmocka_unit_test(rounds_numbered_sparsely),
		cmocka_unit_test(bad_input_refused),
	};

	return cmocka_run_group_tests_name("compare", tests, setup, teardown);
}
