// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench compare's command line, from its option table: the sides, the
 * family, what is printed; and the rule's options (ls_cmp_rule_opts), which
 * report, timeline and export take as compare does.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "csv.h"
#include "sides.h"

/* --bound PCT: a percentage (2 or 2%) above 0 and below 100, into a fraction. */
static int parse_bound(const struct ls_cli_opt *opt, const char *arg, void *base, char *err,
		       size_t len)
{
	char *end;
	double v;

	(void)err;
	(void)len;
	errno = 0;
	v = strtod(arg, &end) / 100;
	if (end != arg && *end == '%')
		end++;
	if (end == arg || *end || errno || !(v > 0 && v < 1))
		return -EINVAL;
	*(double *)((char *)base + opt->off) = v;
	return 0;
}

#define BOUND_WHAT "a percentage above 0 and below 100 (2 or 2%)"

const struct ls_cli_opt ls_cmp_bound_opts[] = {
	{ "--bound", 'b', "PCT",
	  "equivalence bound: a cell (a step) is the same when the 90% interval of its ratio lies "
	  "within -/+PCT",
	  LS_CLI_FN, .parse = parse_bound, .def = LS_STR(LS_CMP_BOUND_PCT), .what = BOUND_WHAT },
	{ "--threshold", 't', "PCT", "the old name of --bound", LS_CLI_FN, .parse = parse_bound,
	  .what = BOUND_WHAT },
	{},
};

const struct ls_cli_opt ls_cmp_rule_opts[] = {
	{ .kind = LS_CLI_CHILD, LS_CLI_AT(struct ls_cmp_opts, bound), .child = ls_cmp_bound_opts },
	{ "--fdr", 'q', "Q",
	  "false discovery rate over the family: slower or faster needs the Benjamini-Hochberg q "
	  "below Q",
	  LS_CLI_REAL, LS_CLI_AT(struct ls_cmp_opts, fdr), .above_min = true, .max = 1,
	  .def = LS_STR(LS_CMP_FDR) },
	{},
};

/* --paired and --unpaired: no value, the pairing their name says. */
static int parse_pairing(const struct ls_cli_opt *opt, const char *arg, void *base, char *err,
			 size_t len)
{
	(void)arg;
	(void)err;
	(void)len;
	*(enum ls_pairing *)((char *)base + opt->off) = strcmp(opt->name, "--paired") ? LS_PAIR_OFF
										      : LS_PAIR_ON;
	return 0;
}

/* By enum ls_cmp_format. */
static const char *const formats[] = { "text", "markdown", "csv", NULL };

#define ARGS(field) LS_CLI_AT(struct ls_compare_args, field)
#define COUNT(field) .aux = offsetof(struct ls_compare_args, field)

static const struct ls_cli_opt compare_opts[] = {
	{ .kind = LS_CLI_CHILD, ARGS(o), .child = ls_cmp_rule_opts },
	{ "--select", 's', "GLOB",
	  "compare only cells of the scenarios GLOB matches (repeatable): the correction spans "
	  "only these",
	  LS_CLI_STRS, ARGS(o.select), COUNT(o.nr_select), .cap = LS_CMP_MAX_SELECT },
	{ "--paired", 0, NULL, "pair the i-th run of each side (by start time): a paired t",
	  LS_CLI_FN, ARGS(o.pairing), .parse = parse_pairing },
	{ "--unpaired", 0, NULL,
	  "never pair (default: pair when the runs alternated in time, as lsbench vm --kernels "
	  "A,B runs them)",
	  LS_CLI_FN, ARGS(o.pairing), .parse = parse_pairing },
	{ "--over-control", 0, NULL,
	  "judge each cell's ns per op over its control's (the empty program on its hook) in the "
	  "same run and round: a machine speed that moves both cancels; for changes that leave "
	  "the hook's path alone (the controls are judged as measured, beside)",
	  LS_CLI_FLAG, ARGS(o.over_control) },
	{ "--base", 0, "DIR", "a folder of the base side (repeatable), instead of BASE",
	  LS_CLI_STRS, ARGS(base), COUNT(nr_base), .cap = LS_CMP_MAX_SIDE },
	{ "--new", 0, "DIR", "a folder of the new side (repeatable), instead of NEW", LS_CLI_STRS,
	  ARGS(new), COUNT(nr_new), .cap = LS_CMP_MAX_SIDE },
	{ "--format", 'f', "FMT",
	  "text, markdown (a table to paste into a patch's cover letter) or csv (compare.csv on "
	  "standard output unless -o)",
	  LS_CLI_CHOICE, ARGS(po.format), .names = formats, .def = "text" },
	{ "--changed", 0, NULL, "show only the slower and faster cells, and how many others",
	  LS_CLI_FLAG, ARGS(po.changed) },
	{ "--output", 'o', "FILE",
	  "write compare.csv to FILE as well, whole or not at all (without -o no file is written)",
	  LS_CLI_STR, ARGS(out), .what = "a file name" },
	{ .kind = LS_CLI_CHILD, ARGS(sides), .child = ls_sides_cli_opts },
	{ "--fail-on-regression", 0, NULL, "exit 1 when a cell is slower (a ~ cell is not)",
	  LS_CLI_FLAG, ARGS(fail) },
	{},
};

/* The sides from --base and --new, or from BASE NEW [NEW...]: argv[pos..argc). */
static int sides(void *base, int argc, char **argv, int pos, char *err, size_t len)
{
	struct ls_compare_args *a = base;
	int i;

	if ((a->nr_base || a->nr_new) && pos < argc) {
		snprintf(err, len, "give the sides as BASE NEW or with --base and --new, not both");
		return -EINVAL;
	}
	if (argc - pos > 1 + LS_CMP_MAX_SIDE) {
		snprintf(err, len, "more than %d folders a side", LS_CMP_MAX_SIDE);
		return -EINVAL;
	}
	for (i = pos; i < argc; i++) {
		if (i == pos)
			a->base[a->nr_base++] = argv[i];
		else
			a->new[a->nr_new++] = argv[i];
	}
	if (!a->nr_base || !a->nr_new) {
		snprintf(err, len, "needs BASE and NEW results folders");
		return -EINVAL;
	}
	return 0;
}

const struct ls_cli_cmd ls_compare_cmd = {
	.name = "compare",
	.synopsis = "[options] BASE NEW [NEW...]\n"
		    "[options] --base DIR [--base DIR...] --new DIR [--new DIR...]",
	.desc = "BASE, NEW, DIR: a run folder (results/<kernel>/<time>-<host>), a folder of them "
		"(results/<kernel>), or several joined by commas; all NEW arguments (all --base, "
		"all --new) make one side. With one run a side the unit is the round; with "
		"several runs on a side, the run (its median of round medians).",
	.opts = compare_opts,
	.footer = "Verdicts: slower or faster (the 95% interval excludes 1 and q < Q), same "
		  "(shown within the bound), ~ (neither: the rounds a side that would settle it "
		  "beside it). Refused: a run on both sides, a side of several kernels; warned: "
		  "sides whose BPF programs differ (meta.txt bpf_sources). Exit status: 0; 1 with "
		  "--fail-on-regression and a slower cell; 2 for bad input.",
	.max_args = -1,
	.check = sides,
};

static int read_side(struct ls_rset *s, const char *const *dirs, size_t n, char *err, size_t len)
{
	size_t i;
	int ret = 0;

	for (i = 0; !ret && i < n; i++)
		ret = ls_rset_add(s, dirs[i], err, len);
	return ret;
}

/* compare.csv to out, or to standard output (out NULL). */
static int write_csv(const struct ls_cmp *c, const char *out)
{
	struct ls_buf b = {};
	int ret;

	ls_cmp_csv(c, &b);
	ret = b.err;
	if (!ret && !out)
		ret = fwrite(b.data, 1, b.len, stdout) == b.len ? 0 : -EIO;
	else if (!ret)
		ret = ls_write_atomic(out, b.data, b.len);
	if (ret)
		ls_cli_error(&ls_compare_cmd, "cannot write %s: %s", out ?: "compare.csv",
			     strerror(-ret));
	ls_buf_free(&b);
	return ret;
}

/* The sides read, checked (sides.c) and compared; 0 or -errno with one line in err. */
static int build(struct ls_cmp *c, struct ls_rset *base, struct ls_rset *new,
		 const struct ls_compare_args *a, char *err, size_t len)
{
	return read_side(base, a->base, a->nr_base, err, len)
		       ?: read_side(new, a->new, a->nr_new, err, len)
		       ?: ls_sides_check("compare", base, new, a->sides.force, stderr, err, len)
		       ?: ls_cmp_build(c, base, new, &a->o, err, len);
}

int ls_compare_main(int argc, char **argv)
{
	struct ls_compare_args a = {};
	struct ls_rset base = {}, new = {};
	struct ls_cmp c;
	char err[512];
	int pos, ret = ls_cli_main(&ls_compare_cmd, argc, argv, &a, &pos);

	if (ret >= 0)
		return ret;
	base.trials_ok = new.trials_ok = a.sides.trials_ok;
	ret = build(&c, &base, &new, &a, err, sizeof(err));
	if (ret) {
		ls_cli_error(&ls_compare_cmd, "%s", err);
		ls_rset_free(&base);
		ls_rset_free(&new);
		return 2;
	}
	if (a.po.format != LS_CMP_CSV)
		ls_cmp_print(&c, &a.po, stdout);
	ret = 0;
	if (a.out || a.po.format == LS_CMP_CSV)
		ret = write_csv(&c, a.out);
	if (!ret && a.out && a.po.format != LS_CMP_MARKDOWN)
		printf("written: %s\n", a.out);
	ret = ret ? 2 : a.fail && c.nr_slower ? 1 : 0;
	ls_cmp_free(&c);
	ls_rset_free(&base);
	ls_rset_free(&new);
	return ret;
}
