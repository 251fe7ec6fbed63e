// SPDX-License-Identifier: GPL-2.0
/*
 * compare's output and what it refuses before comparing: the markdown table
 * against the fixture's, --changed, --format csv, nothing written without
 * -o, the cost over the control, and the sides' checks (sides.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <unistd.h>
#include <cmocka.h>
#include "compare.h"
#include "csv.h"
#include "cmpfix.h"
#include "report.h"
#include "sides.h"

/* What ls_cmp_print prints for the fixture's base and new. */
static char *printed(const char *b, const char *n, const struct ls_cmp_print_opts *po)
{
	struct ls_rset base, new;
	struct ls_cmp c;
	char *text;

	build(&c, &base, &new, b, n);
	text = cmp_printed(&c, po);
	done(&c, &base, &new);
	return text;
}

/* The fixture's comparison as it pastes into a cover letter (a golden copy: change it with the
 * output). */
static const char markdown[] =
	"lsbench compare: base 6.1 (1 run, 1 to 5 rounds a cell) against new 6.12 (1 run, 5 rounds a cell); CPU model unknown, virt unknown; ns per op, the geometric mean of the rounds ± its 95% interval.\n"
	"\n"
	"slower/faster: the change's 95% CI excludes 0 and q < 0.05 (Benjamini-Hochberg over 6 cells); same: its 90% CI within ±2%; else ~; detect: the change a cell finds with 80% power.\n"
	"\n"
	"every cell: loop, 1 thread, 1 owner, 1 map, 8 B, private.\n"
	"\n"
	"| cell | base ns | new ns | change (95% CI) | p | q | units | detect | verdict |\n"
	"|:---|---:|---:|:---|---:|---:|---:|---:|:---|\n"
	"| fast | 100.0 ± 0.5% | 85.00 ± 0.5% | -15.0% (-15.5 to -14.5) | 3e-12 | 2e-11 | 5/5 | 1.2% | faster |\n"
	"| slow | 100.0 ± 0.5% | 110.0 ± 0.5% | +10.0% (+9.4 to +10.6) | 2e-10 | 7e-10 | 5/5 | 1.2% | slower |\n"
	"| small | 100.0 ± 0.2% | 103.0 ± 0.2% | +3.0% (+2.8 to +3.2) | 2e-09 | 4e-09 | 5/5 | 0.5% | slower |\n"
	"| one | 99.00 | 150.0 ± 1.0% | +51.5% | - | - | 1/5 | - | ~ (too few), need 2 rounds a side |\n"
	"| border | 99.84 ± 8.2% | 109.8 ± 8.2% | +10.0% (+0.3 to +20.7) | 0.0447 | 0.0671 | 5/5 | 20.9% | ~, need 13 rounds a side |\n"
	"| noisy | 98.99 ± 22.0% | 108.9 ± 22.0% | +10.0% (-12.9 to +39.0) | 0.3745 | 0.4494 | 5/5 | 61.7% | ~, need 71 rounds a side |\n"
	"| same | 100.0 ± 1.0% | 100.2 ± 1.0% | +0.2% (-0.9 to +1.4) | 0.6999 | 0.6999 | 5/5 | 2.4% | same |\n"
	"| broken | - | - | - | - | - | - | - | base ok, new failed: why, \"quoted\" |\n"
	"| gone | - | - | - | - | - | - | - | only in base (ok) |\n"
	"| added | - | - | - | - | - | - | - | only in new (ok) |\n"
	"\n"
	"geometric mean of the ratios new / base: 1.085 (7 cells)\n"
	"\n"
	"10 cells: 2 slower, 1 faster, 1 same, 3 ~; 1 not ok on a side, 1 only in base, 1 only in new\n";

static void markdown_table(void **state)
{
	const struct ls_cmp_print_opts po = { .format = LS_CMP_MARKDOWN };
	char *text = printed("base", "new", &po);

	if (strcmp(text, markdown)) {
		FILE *f = fopen("/tmp/lsbench-cmpout.md", "w");

		if (f) {
			fputs(text, f);
			fclose(f);
		}
		fail_msg("markdown differs: see /tmp/lsbench-cmpout.md");
	}
	free(text);
}

/* --changed: the slower and faster rows alone, and how many others there are. */
static void changed_only(void **state)
{
	const struct ls_cmp_print_opts po = { .format = LS_CMP_TEXT, .changed = true };
	char *text = printed("base", "new", &po);

	assert_non_null(strstr(text, "\nfast "));
	assert_non_null(strstr(text, "\nslow "));
	assert_non_null(strstr(text, "\nsmall "));
	assert_null(strstr(text, "\nsame "));
	assert_null(strstr(text, "\nnoisy "));
	assert_null(strstr(text, "\ngone "));
	assert_non_null(strstr(text, "\n7 cells not shown (same, ~ or not compared)"));
	/* every row shown shares its keys: said once, the rows labelled by scenario */
	assert_non_null(
		strstr(text, "\nevery cell: loop, 1 thread, 1 owner, 1 map, 8 B, private\n"));
	free(text);
}

/* Runs cmd with its output fd (1 or 2) into out (a file); its exit status. */
static int cmd_to(int (*cmd)(int, char **), int to, const char *out, int argc, char **argv)
{
	int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644), saved = dup(to), ret;

	assert_true(fd >= 0 && saved >= 0);
	fflush(to == 1 ? stdout : stderr);
	dup2(fd, to);
	close(fd);
	ret = cmd(argc, argv);
	fflush(to == 1 ? stdout : stderr);
	dup2(saved, to);
	close(saved);
	return ret;
}

static int main_to(const char *out, int argc, char **argv)
{
	return cmd_to(ls_compare_main, 1, out, argc, argv);
}

static char *slurp(const char *path)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = fopen(path, "r");

	assert_non_null(f);
	assert_int_equal(getdelim(&text, &len, 0, f) > 0, 1);
	fclose(f);
	return text;
}

/*
 * --format csv: compare.csv on standard output, or to -o alone; text and
 * markdown write no file unless -o names one.
 */
static void csv_and_nothing_unasked(void **state)
{
	char b[128], n[128], out[128], csv[128], cwd[512], *text;
	char *as_csv[] = { "compare", "-f", "csv", b, n };
	char *to_file[] = { "compare", "--format", "csv", "-o", csv, b, n };
	char *md[] = { "compare", "--format=markdown", b, n };
	char *bad[] = { "compare", "-f", "html", b, n };

	snprintf(b, sizeof(b), "%s/base", root);
	snprintf(n, sizeof(n), "%s/new", root);
	snprintf(out, sizeof(out), "%s/stdout", root);
	snprintf(csv, sizeof(csv), "%s/to.csv", root);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(root), 0);
	assert_int_equal(main_to(out, 5, as_csv), 0);
	text = slurp(out);
	assert_int_equal(strncmp(text, "schema_version,scenario,", 24), 0);
	assert_non_null(strstr(text, ",over_control,runs_spread_pct,runs_needed\n3,fast,"));
	free(text);
	assert_int_equal(main_to(out, 7, to_file), 0);
	text = slurp(csv);
	assert_int_equal(strncmp(text, "schema_version,scenario,", 24), 0);
	free(text);
	text = slurp(out);
	assert_null(strstr(text, "schema_version"));
	free(text);
	assert_int_equal(main_to(out, 4, md), 0);
	text = slurp(out);
	assert_non_null(strstr(text, "\n| fast | 100.0 ± 0.5% |"));
	free(text);
	assert_int_equal(main_to(out, 5, bad), 2);
	assert_int_equal(access("compare.csv", F_OK), -1); /* none in the current folder */
	assert_int_equal(chdir(cwd), 0);
}

/* Appends a column to every line of a run's summary.csv: its name, then value on each row. */
static void add_column(const char *run, const char *name, const char *value)
{
	char path[256], dir[128], *text, *line, *save;
	struct ls_buf b = {};

	snprintf(path, sizeof(path), "%s/%s/summary.csv", root, run);
	text = slurp(path);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		ls_buf_printf(&b, "%s,%s\n", line, b.len ? value : name);
	snprintf(dir, sizeof(dir), "%s/%s", root, run);
	put(dir, "summary.csv", b.data);
	ls_buf_free(&b);
	free(text);
}

/* The cost over the control beside the raw figure, when both sides have it. */
static void added_beside(void **state)
{
	const struct ls_cmp_print_opts po = { .format = LS_CMP_TEXT };
	char spec[2][256], *text;

	make_run("add-a", 3, "6.1", cell_spec(spec[0], 256, "x", 100, 0.01, 3, 0), NULL);
	make_run("add-b", 3, "6.1", cell_spec(spec[1], 256, "x", 120, 0.01, 3, 1), NULL);
	add_column("add-a", "added_ns_per_op", "40.5");
	text = printed("add-a", "add-b", &po);
	assert_null(strstr(text, "base +ns")); /* one side only: not shown */
	free(text);
	add_column("add-b", "added_ns_per_op", "61.25");
	text = printed("add-a", "add-b", &po);
	assert_non_null(strstr(text, "base +ns  new +ns"));
	assert_non_null(strstr(text, "     40.50    61.25  +20.8% (+18.2 to +23.5)"));
	free(text);
}

/* A run folder root/name of one cell, with a meta.txt of the lines given. */
static void meta_run(const char *name, const char *kernel, const char *meta)
{
	char spec[256], dir[128];

	make_run(name, 3, kernel, cell_spec(spec, sizeof(spec), "x", 100, 0.01, 3, 0), NULL);
	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	put(dir, "meta.txt", meta);
}

/* ls_sides_check of two sides (folders under root, comma-separated): its return, err, warnings. */
static int check(const char *b, const char *n, bool force, char *err, char **warned)
{
	struct ls_rset base, new;
	size_t len;
	FILE *w = open_memstream(warned, &len);
	int ret;

	assert_non_null(w);
	load(&base, b);
	load(&new, n);
	*err = 0;
	ret = ls_sides_check("compare", &base, &new, force, w, err, 512);
	fclose(w);
	ls_rset_free(&base);
	ls_rset_free(&new);
	return ret;
}

static void expect_sides(const char *b, const char *n, bool force, int ret, const char *err_has,
			 const char *warn_has)
{
	char err[512], *warned;

	assert_int_equal(check(b, n, force, err, &warned), ret);
	if (err_has ? !strstr(err, err_has) || strchr(err, '\n') : *err != 0)
		fail_msg("%s against %s: error '%s', not '%s'", b, n, err, err_has ?: "");
	if (warn_has ? !strstr(warned, warn_has) : *warned != 0)
		fail_msg("%s against %s: warned '%s', not '%s'", b, n, warned, warn_has ?: "");
	free(warned);
}

static void sides_refused_or_warned(void **state)
{
	char a[128], x[128], none[128];
	char *refused[] = { "compare", "-o", none, a, x };
	char *forced[] = { "compare", "--force", "-o", none, a, x };

	meta_run("m-amd", "6.1", "cpu_model: AMD EPYC 7B13\nvirt: kvm\nbpf_sources: 1111\n");
	meta_run("m-amd2", "6.2", "cpu_model: AMD EPYC 7B13\nvirt: kvm\nbpf_sources: 1111\n");
	meta_run("m-intel", "6.2", "cpu_model: Intel Xeon\nvirt: kvm\nbpf_sources: 1111\n");
	meta_run("m-tcg", "6.2", "cpu_model: AMD EPYC 7B13\nvirt: tcg\n");
	meta_run("m-src", "6.2", "cpu_model: AMD EPYC 7B13\nvirt: kvm\nbpf_sources: 2222\n");
	meta_run("m-old", "6.2", "cpu_model: AMD EPYC 7B13\nvirt: kvm\n");
	meta_run("m-label", "6.1", "cpu_model: AMD EPYC 7B13\nlabel: patched\n");
	expect_sides("m-amd", "m-amd2", false, 0, NULL, NULL);
	expect_sides("m-amd", "m-intel", false, -EINVAL,
		     "base on CPU model 'AMD EPYC 7B13', new on 'Intel Xeon': figures of "
		     "different CPU models are not comparable (--force compares them anyway)",
		     NULL);
	expect_sides("m-amd", "m-intel", true, 0, NULL,
		     "lsbench compare: warning: base on CPU model 'AMD EPYC 7B13', new on 'Intel "
		     "Xeon': figures of different CPU models are not comparable; compared as "
		     "--force asks\n");
	expect_sides("m-amd", "m-tcg", false, -EINVAL, "base on virtualisation 'kvm', new on 'tcg'",
		     NULL);
	expect_sides("m-amd,m-amd2", "m-intel", true, -EINVAL,
		     "the base side mixes kernels 6.1 and 6.2: give the runs of one kernel a side",
		     NULL);
	expect_sides("m-amd", "m-amd2,m-label", false, -EINVAL,
		     "the new side mixes kernels 6.2 and 6.1 (label patched)", NULL);
	expect_sides("m-amd", "m-amd/.", true, -EINVAL,
		     "/m-amd is on both sides: a run compared with itself means nothing", NULL);
	expect_sides("m-amd", "m-src", false, 0, NULL,
		     "lsbench compare: warning: the BPF programs differ (bpf_sources 1111 in "
		     "base, 2222 in new)");
	expect_sides("m-old", "m-src", false, 0, NULL, NULL); /* an older set: no warning */
	expect_sides("base", "new", false, 0, NULL, NULL); /* without meta.txt: nothing known */

	/* The command line: refused in one line, nothing written; --force compares. */
	snprintf(a, sizeof(a), "%s/m-amd", root);
	snprintf(x, sizeof(x), "%s/m-intel", root);
	snprintf(none, sizeof(none), "%s/none.csv", root);
	assert_int_equal(ls_compare_main(5, refused), 2);
	assert_int_equal(access(none, F_OK), -1);
	assert_int_equal(ls_compare_main(6, forced), 0);
	assert_int_equal(access(none, F_OK), 0);
}

/* report refuses a --cell no set has, in one line, before it writes anything. */
static void report_unknown_cell(void **state)
{
	char b[128], n[128], out[128], err[128], *text;
	char *bad[] = { "report", "-c", "nosuch/hook", "-o", out, b, n };

	snprintf(b, sizeof(b), "%s/base", root);
	snprintf(n, sizeof(n), "%s/new", root);
	snprintf(out, sizeof(out), "%s/report", root);
	snprintf(err, sizeof(err), "%s/report.err", root);
	assert_int_equal(cmd_to(ls_report_main, 2, err, 7, bad), 2);
	text = slurp(err);
	assert_string_equal(text, "lsbench report: --cell 'nosuch/hook': no such SCENARIO/MODE in "
				  "the sets (added/loop is one)\n");
	free(text);
	assert_int_equal(access(out, F_OK), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(markdown_table),	   cmocka_unit_test(changed_only),
		cmocka_unit_test(csv_and_nothing_unasked), cmocka_unit_test(added_beside),
		cmocka_unit_test(sides_refused_or_warned), cmocka_unit_test(report_unknown_cell),
	};

	return cmocka_run_group_tests_name("cmpout", tests, setup, teardown);
}
