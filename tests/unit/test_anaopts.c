// SPDX-License-Identifier: GPL-2.0
/*
 * The option tables of compare, report, timeline and export: defaults, values,
 * options anywhere among the folders, compare's rule one table for all four,
 * errors in one line naming the option, usage.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "compare.h"
#include "export.h"
#include "report.h"
#include "timeline.h"
#include "cli_check.h"

#define ARGV(...) ((char *[]){ "cmd", __VA_ARGS__, NULL })
#define ARGC(...) ((int)(sizeof((char *[]){ "cmd", __VA_ARGS__ }) / sizeof(char *)))
/* Parses the arguments into s, zeroed first, by the table of command c. */
#define PARSE(c, s, ...) parse(&(c), &(s), sizeof(s), ARGC(__VA_ARGS__), ARGV(__VA_ARGS__))

static char err[512];
static int pos;

static int parse(const struct ls_cli_cmd *c, void *s, size_t size, int argc, char **argv)
{
	int ret;

	memset(s, 0, size);
	memset(err, 0, sizeof(err));
	pos = -1;
	ret = ls_cli_parse(c, argc, argv, s, &pos, err, sizeof(err));
	if (ret && ret != LS_CLI_HELP)
		assert_true(*err && !strchr(err, '\n'));
	return ret;
}

/* The usage text of c; squeezed: every run of spaces and newlines one space. */
static char *usage(const struct ls_cli_cmd *c, bool squeezed)
{
	char *text = NULL, *from, *to;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	assert_non_null(f);
	ls_cli_usage(c, f);
	fclose(f);
	for (from = to = text; squeezed && *from; from++) {
		if (!strchr(" \n", *from) || (to > text && !strchr(" \n", to[-1])))
			*to++ = *from == '\n' ? ' ' : *from;
	}
	if (squeezed)
		*to = 0;
	return text;
}

static void usage_lists_the_tables(void **state)
{
	const struct ls_cli_cmd *cmds[] = { &ls_compare_cmd, &ls_report_cmd, &ls_timeline_cmd,
					    &ls_export_cmd };
	char *text, first[64];
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		check_usage_lists_table(cmds[i]);
		text = usage(cmds[i], false);
		snprintf(first, sizeof(first), "usage: lsbench %s [options] ", cmds[i]->name);
		assert_memory_equal(text, first, strlen(first));
		assert_non_null(strstr(text, "  -b, --bound PCT "));
		free(text);
	}
	text = usage(&ls_compare_cmd, false);
	assert_non_null(strstr(text, "\n       lsbench compare [options] --base DIR"));
	free(text);
	text = usage(&ls_compare_cmd, true);
	assert_non_null(strstr(text, " lies within -/+PCT (default 2) "));
	assert_non_null(strstr(text, " q below Q (default 0.05) "));
	assert_non_null(strstr(text, " --format FMT text, markdown "));
	free(text);
}

/* --bound, --threshold and --fdr are the rows of one table wherever they are options. */
static void the_rule_is_one_table(void **state)
{
	const struct ls_cli_opt *bound = ls_cli_find(ls_cmp_bound_opts, "--bound");
	const struct ls_cli_opt *old = ls_cli_find(ls_cmp_bound_opts, "--threshold");
	const struct ls_cli_opt *fdr = ls_cli_find(ls_cmp_rule_opts, "--fdr");
	const struct ls_cli_cmd *rule_cmds[] = { &ls_compare_cmd, &ls_timeline_cmd,
						 &ls_export_cmd };
	struct ls_compare_args a;
	struct ls_timeline_args t;
	struct ls_export_args e;
	struct ls_report_args r;
	size_t i;

	assert_non_null(bound);
	assert_non_null(old);
	assert_non_null(fdr);
	assert_ptr_equal(ls_cli_find(ls_cmp_rule_opts, "--bound"), bound);
	for (i = 0; i < sizeof(rule_cmds) / sizeof(rule_cmds[0]); i++) {
		assert_ptr_equal(ls_cli_find(rule_cmds[i]->opts, "--bound"), bound);
		assert_ptr_equal(ls_cli_find(rule_cmds[i]->opts, "--threshold"), old);
		assert_ptr_equal(ls_cli_find(rule_cmds[i]->opts, "--fdr"), fdr);
	}
	/* report takes the bound alone, and compare's --force and --trial */
	assert_ptr_equal(ls_cli_find(ls_report_cmd.opts, "--bound"), bound);
	assert_null(ls_cli_find(ls_report_cmd.opts, "--fdr"));
	assert_ptr_equal(ls_cli_find(ls_report_cmd.opts, "--force"),
			 ls_cli_find(ls_compare_cmd.opts, "--force"));
	assert_ptr_equal(ls_cli_find(ls_report_cmd.opts, "--trial"),
			 ls_cli_find(ls_compare_cmd.opts, "--trial"));

	/* one rule, parsed alike into each command's settings */
	assert_int_equal(PARSE(ls_compare_cmd, a, "-b", "3%", "-q", "0.1", "A", "B"), 0);
	assert_float_equal(a.o.bound, 0.03, 1e-12);
	assert_float_equal(a.o.fdr, 0.1, 0);
	assert_int_equal(PARSE(ls_timeline_cmd, t, "-b", "3%", "-q", "0.1", "A"), 0);
	assert_float_equal(t.opts.bound, 0.03, 1e-12);
	assert_float_equal(t.opts.fdr, 0.1, 0);
	assert_int_equal(PARSE(ls_export_cmd, e, "-b", "3%", "-q", "0.1", "A"), 0);
	assert_float_equal(e.cmp.bound, 0.03, 1e-12);
	assert_float_equal(e.cmp.fdr, 0.1, 0);
	assert_int_equal(PARSE(ls_report_cmd, r, "-t", "3", "A"), 0);
	assert_float_equal(r.bound, 0.03, 1e-12);
}

static void compare_defaults_and_sides(void **state)
{
	struct ls_compare_args a;

	assert_int_equal(PARSE(ls_compare_cmd, a, "A", "B", "C"), 0);
	assert_float_equal(a.o.bound, LS_CMP_BOUND, 0);
	assert_float_equal(a.o.fdr, LS_CMP_FDR, 0);
	assert_int_equal(a.o.pairing, LS_PAIR_AUTO);
	assert_int_equal(a.o.nr_select, 0);
	assert_int_equal(a.po.format, LS_CMP_TEXT);
	assert_false(a.po.changed);
	assert_null(a.out);
	assert_false(a.fail);
	assert_false(a.sides.force);
	assert_false(a.sides.trials_ok);
	assert_int_equal(a.nr_base, 1);
	assert_string_equal(a.base[0], "A");
	assert_int_equal(a.nr_new, 2);
	assert_string_equal(a.new[0], "B");
	assert_string_equal(a.new[1], "C");

	assert_int_equal(PARSE(ls_compare_cmd, a, "--new", "B", "--base", "A", "--new=C"), 0);
	assert_int_equal(a.nr_base, 1);
	assert_string_equal(a.base[0], "A");
	assert_int_equal(a.nr_new, 2);
	assert_string_equal(a.new[1], "C");

	/* after --, a folder whose name begins with a dash */
	assert_int_equal(PARSE(ls_compare_cmd, a, "-o", "x.csv", "--", "-A", "B"), 0);
	assert_string_equal(a.base[0], "-A");
	assert_string_equal(a.out, "x.csv");
}

/* Options anywhere among the folders ('compare A B -o x.csv'), each to its field. */
static void compare_options_anywhere(void **state)
{
	struct ls_compare_args a;

	assert_int_equal(PARSE(ls_compare_cmd, a, "A", "-o", "x.csv", "B", "--bound=3%", "-q",
			       "0.1", "--unpaired", "-f", "markdown", "--changed", "--force",
			       "--trial", "--fail-on-regression", "-s", "task-*", "C", "-s", "sk-*",
			       "-t", "4"),
			 0);
	assert_string_equal(a.base[0], "A");
	assert_int_equal(a.nr_new, 2);
	assert_string_equal(a.new[0], "B");
	assert_string_equal(a.new[1], "C");
	assert_string_equal(a.out, "x.csv");
	assert_float_equal(a.o.bound, 0.04, 1e-12); /* --threshold after --bound: the last */
	assert_float_equal(a.o.fdr, 0.1, 0);
	assert_int_equal(a.o.pairing, LS_PAIR_OFF);
	assert_int_equal(a.po.format, LS_CMP_MARKDOWN);
	assert_true(a.po.changed);
	assert_true(a.sides.force);
	assert_true(a.sides.trials_ok);
	assert_true(a.fail);
	assert_int_equal(a.o.nr_select, 2);
	assert_string_equal(a.o.select[1], "sk-*");

	assert_int_equal(PARSE(ls_compare_cmd, a, "A", "B", "--paired", "--format", "csv"), 0);
	assert_int_equal(a.o.pairing, LS_PAIR_ON);
	assert_int_equal(a.po.format, LS_CMP_CSV);
	assert_int_equal(PARSE(ls_compare_cmd, a, "A", "B", "--fdr", "1"), 0);
	assert_float_equal(a.o.fdr, 1, 0);
	assert_int_equal(PARSE(ls_compare_cmd, a, "A", "--help", "B"), LS_CLI_HELP);
}

/* PARSE must fail with the error msg. */
#define REFUSED(c, s, msg, ...)                                                                    \
	do {                                                                                       \
		assert_int_equal(PARSE(c, s, __VA_ARGS__), -EINVAL);                               \
		assert_string_equal(err, msg);                                                     \
	} while (0)

#define PCT_WHAT "is not a percentage above 0 and below 100 (2 or 2%)"

static void compare_refused_in_one_line(void **state)
{
	struct ls_compare_args a;
	char *argv[140], names[70][16];
	unsigned int i;
	int n;

	REFUSED(ls_compare_cmd, a, "--bound: '0' " PCT_WHAT, "--bound", "0", "A", "B");
	REFUSED(ls_compare_cmd, a, "--threshold: '100' " PCT_WHAT, "A", "B", "-t", "100");
	REFUSED(ls_compare_cmd, a, "--bound: '2%%' " PCT_WHAT, "-b", "2%%", "A", "B");
	REFUSED(ls_compare_cmd, a, "--bound: 'nan' " PCT_WHAT, "-b", "nan", "A", "B");
	REFUSED(ls_compare_cmd, a, "--fdr: '0' is not a number above 0, up to 1", "-q", "0", "A",
		"B");
	REFUSED(ls_compare_cmd, a, "--fdr: '1.5' is not a number above 0, up to 1", "A", "B",
		"--fdr=1.5");
	REFUSED(ls_compare_cmd, a, "--format: 'json' is not one of text, markdown or csv", "-f",
		"json", "A", "B");
	REFUSED(ls_compare_cmd, a, "--fdr needs a value", "A", "B", "--fdr");
	REFUSED(ls_compare_cmd, a, "--paired takes no value", "A", "B", "--paired=yes");
	REFUSED(ls_compare_cmd, a, "unknown option '--boud': did you mean --bound?", "--boud", "2",
		"A", "B");
	REFUSED(ls_compare_cmd, a, "give the sides as BASE NEW or with --base and --new, not both",
		"--base", "A", "B");
	REFUSED(ls_compare_cmd, a, "needs BASE and NEW results folders", "--base", "A");
	REFUSED(ls_compare_cmd, a, "needs BASE and NEW results folders", "-o", "x.csv", "A");

	/* 66 folders: one base and 65 new */
	argv[0] = "compare";
	for (i = 0; i < 66; i++) {
		snprintf(names[i], sizeof(names[i]), "d%u", i);
		argv[i + 1] = names[i];
	}
	argv[67] = NULL;
	assert_int_equal(parse(&ls_compare_cmd, &a, sizeof(a), 66, argv), 0);
	assert_int_equal(a.nr_new, LS_CMP_MAX_SIDE);
	assert_int_equal(parse(&ls_compare_cmd, &a, sizeof(a), 67, argv), -EINVAL);
	assert_string_equal(err, "more than 64 folders a side");

	/* 65 --select */
	for (n = 1; n < 1 + 2 * (LS_CMP_MAX_SELECT + 1); n += 2) {
		argv[n] = "-s";
		argv[n + 1] = "x*";
	}
	argv[n++] = "A";
	argv[n++] = "B";
	argv[n] = NULL;
	assert_int_equal(parse(&ls_compare_cmd, &a, sizeof(a), n, argv), -EINVAL);
	assert_string_equal(err, "--select: at most 64 of them");
	/* 64 of them do: the first pair dropped (argv + 2 is "x*" as the command's name) */
	assert_int_equal(parse(&ls_compare_cmd, &a, sizeof(a), n - 2, argv + 2), 0);
	assert_int_equal(a.o.nr_select, LS_CMP_MAX_SELECT);
}

static void timeline_options(void **state)
{
	struct ls_timeline_args t;

	assert_int_equal(PARSE(ls_timeline_cmd, t, "A", "B"), 0);
	assert_string_equal(t.out, "timeline");
	assert_float_equal(t.opts.bound, LS_CMP_BOUND, 0);
	assert_float_equal(t.opts.fdr, LS_CMP_FDR, 0);
	assert_int_equal(t.opts.pairing, LS_PAIR_AUTO);
	assert_int_equal(pos, 1);

	assert_int_equal(PARSE(ls_timeline_cmd, t, "A", "-o", "tl", "B", "-t", "5"), 0);
	assert_string_equal(t.out, "tl");
	assert_float_equal(t.opts.bound, 0.05, 1e-12);
	assert_int_equal(pos, 5); /* the sets moved after the options */

	REFUSED(ls_timeline_cmd, t, "no argument given (usage: lsbench timeline [options] SET...)",
		"-o", "tl");
	REFUSED(ls_timeline_cmd, t, "--bound: '100' " PCT_WHAT, "A", "-b", "100");
	REFUSED(ls_timeline_cmd, t, "--output: an empty value is not a folder", "A", "-o", "");
	REFUSED(ls_timeline_cmd, t, "unknown option '--select'", "A", "B", "--select", "x");
}

/* export's arguments, R1 and R2 among the options */
#define EXPORT_ARGS                                                                                \
	"R1", "-f", "lava", "--origin", "my_lab_2", "--base", "B1", "--base", "B2", "-o", "x", "R2"

static void export_options(void **state)
{
	char **args = ARGV(EXPORT_ARGS);
	struct ls_export_args e;

	assert_int_equal(PARSE(ls_export_cmd, e, "R"), 0);
	assert_int_equal(e.f, LS_EXPORT_KCIDB);
	assert_string_equal(e.origin, "lsbench");
	assert_null(e.out);
	assert_int_equal(e.nr_base, 0);
	assert_float_equal(e.cmp.bound, LS_CMP_BOUND, 0);
	assert_float_equal(e.cmp.fdr, LS_CMP_FDR, 0);

	assert_int_equal(parse(&ls_export_cmd, &e, sizeof(e), ARGC(EXPORT_ARGS), args), 0);
	assert_int_equal(e.f, LS_EXPORT_LAVA);
	assert_string_equal(e.origin, "my_lab_2");
	assert_string_equal(e.out, "x");
	assert_int_equal(e.nr_base, 2);
	assert_string_equal(e.base[1], "B2");
	assert_string_equal(args[pos], "R1");
	assert_string_equal(args[pos + 1], "R2");
	assert_null(args[pos + 2]);

	REFUSED(ls_export_cmd, e, "--origin: 'My-lab' is not [a-z0-9_]+", "--origin", "My-lab",
		"R");
	REFUSED(ls_export_cmd, e, "--format: 'json' is not one of kcidb, ktap or lava", "-f",
		"json", "R");
	REFUSED(ls_export_cmd, e, "no argument given (usage: lsbench export [options] RESULTS...)",
		"-f", "ktap");
}

static void report_options(void **state)
{
	struct ls_report_args r;

	assert_int_equal(PARSE(ls_report_cmd, r, "S"), 0);
	assert_null(r.out);
	assert_null(r.cell);
	assert_float_equal(r.bound, LS_CMP_BOUND, 0);
	assert_false(r.sides.force);
	assert_false(r.sides.trials_ok);

	assert_int_equal(PARSE(ls_report_cmd, r, "S1", "-c", "task-get/loop", "--threshold", "5",
			       "--force", "--trial", "-o", "rep", "S2"),
			 0);
	assert_string_equal(r.cell, "task-get/loop");
	assert_float_equal(r.bound, 0.05, 1e-12);
	assert_true(r.sides.force);
	assert_true(r.sides.trials_ok);
	assert_string_equal(r.out, "rep");

	REFUSED(ls_report_cmd, r, "unknown option '--fdr'", "--fdr", "0.1", "S");
	REFUSED(ls_report_cmd, r, "unexpected argument 'S9'", "S1", "S2", "S3", "S4", "S5", "S6",
		"S7", "S8", "S9");
	REFUSED(ls_report_cmd, r,
		"no argument given (usage: lsbench report [options] SET [SET...])", "--force");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(usage_lists_the_tables),
		cmocka_unit_test(the_rule_is_one_table),
		cmocka_unit_test(compare_defaults_and_sides),
		cmocka_unit_test(compare_options_anywhere),
		cmocka_unit_test(compare_refused_in_one_line),
		cmocka_unit_test(timeline_options),
		cmocka_unit_test(export_options),
		cmocka_unit_test(report_options),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
