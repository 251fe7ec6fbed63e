// SPDX-License-Identifier: GPL-2.0
/* lsbench compare's command line: the sides, the rule, the family. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"
#include "sides.h"

#define MAX_SIDE_ARGS 64

enum {
	OPT_FAIL = 0x100,
	OPT_BASE,
	OPT_NEW,
	OPT_PAIRED,
	OPT_UNPAIRED,
	OPT_FORMAT,
	OPT_CHANGED,
	OPT_FORCE,
	OPT_TRIAL,
};

void ls_compare_usage(FILE *f)
{
	fprintf(f,
		"usage: lsbench compare [options] BASE NEW [NEW...]\n"
		"       lsbench compare [options] --base DIR [--base DIR...] --new DIR [--new DIR...]\n"
		"  BASE, NEW, DIR     a run folder (results/<kernel>/<time>-<host>), a folder of\n"
		"                     them (results/<kernel>), or several joined by commas; all\n"
		"                     NEW arguments (all --base, all --new) make one side. With one\n"
		"                     run a side the unit is the round; with several runs on a\n"
		"                     side, the run (its median of round medians)\n"
		"  -b, --bound PCT    equivalence bound: same when the 90%% interval of the ratio\n"
		"                     lies within -/+PCT (default %g; -t, --threshold: its old name)\n"
		"  -q, --fdr Q        false discovery rate over the family: slower or faster needs\n"
		"                     the Benjamini-Hochberg q below Q (default %g)\n"
		"  -s, --select GLOB  compare only cells of the scenarios GLOB matches (repeatable):\n"
		"                     the correction spans only these\n"
		"      --paired       pair the i-th run of each side (by start time): a paired t\n"
		"      --unpaired     never pair (default: pair when the runs alternated in time,\n"
		"                     as lsbench vm --kernels A,B runs them)\n"
		"  -f, --format FMT   text (default), markdown (a table to paste into a patch's\n"
		"                     cover letter) or csv (compare.csv on standard output\n"
		"                     unless -o)\n"
		"      --changed      show only the slower and faster cells, and how many others\n"
		"  -o, --output FILE  write compare.csv to FILE as well (without -o no file is\n"
		"                     written)\n"
		"      --force        compare sides of different CPU models or virtualisation\n"
		"                     (refused otherwise)\n"
		"      --fail-on-regression  exit 1 when a cell is slower (a ~ cell is not)\n"
		"      --trial        read runs marked a trial (lsbench run --slowdown, a test's\n"
		"                     fault), which are refused otherwise: power trials only\n"
		"verdicts: slower or faster (the 95%% interval excludes 1 and q < Q), same (shown\n"
		"within the bound), ~ (neither: the rounds a side that would settle it beside it)\n"
		"refused: a run on both sides, a side of several kernels; warned: sides whose\n"
		"BPF programs differ (meta.txt bpf_sources)\n"
		"exit status: 0; 1 with --fail-on-regression and a slower cell; 2 for bad input\n",
		LS_CMP_BOUND * 100, LS_CMP_FDR);
}

struct cmp_args {
	struct ls_cmp_opts o;
	struct ls_cmp_print_opts po;
	const char *out;
	bool fail, force;
	bool trials_ok; /* --trial */
	const char *base[MAX_SIDE_ARGS], *new[MAX_SIDE_ARGS];
	size_t nr_base, nr_new;
};

static int add_side(const char **side, size_t *n, const char *arg)
{
	if (*n == MAX_SIDE_ARGS)
		return -E2BIG;
	side[(*n)++] = arg;
	return 0;
}

static int set_opt(void *ctx, int opt, const char *arg)
{
	struct cmp_args *a = ctx;
	double fdr;
	char *end;

	switch (opt) {
	case 't':
	case 'b':
		return ls_cmp_parse_pct(arg, 1, &a->o.bound);
	case 'q':
		errno = 0;
		fdr = strtod(arg, &end);
		if (errno || end == arg || *end || !(fdr > 0 && fdr <= 1))
			return -EINVAL;
		a->o.fdr = fdr;
		return 0;
	case 's':
		if (a->o.nr_select == LS_CMP_MAX_SELECT)
			return -E2BIG;
		a->o.select[a->o.nr_select++] = arg;
		return 0;
	case 'o':
		a->out = arg;
		return 0;
	case OPT_FAIL:
		a->fail = true;
		return 0;
	case 'f':
		if (!strcmp(arg, "text"))
			a->po.format = LS_CMP_TEXT;
		else if (!strcmp(arg, "markdown"))
			a->po.format = LS_CMP_MARKDOWN;
		else if (!strcmp(arg, "csv"))
			a->po.format = LS_CMP_CSV;
		else
			return -EINVAL;
		return 0;
	case OPT_CHANGED:
		a->po.changed = true;
		return 0;
	case OPT_FORCE:
		a->force = true;
		return 0;
	case OPT_TRIAL:
		a->trials_ok = true;
		return 0;
	case OPT_BASE:
		return add_side(a->base, &a->nr_base, arg);
	case OPT_NEW:
		return add_side(a->new, &a->nr_new, arg);
	case OPT_PAIRED:
	case OPT_UNPAIRED:
		a->o.pairing = opt == OPT_PAIRED ? LS_PAIR_ON : LS_PAIR_OFF;
		return 0;
	}
	return -EINVAL;
}

/* The sides from --base and --new, or from BASE NEW [NEW...]. */
static int sides(struct cmp_args *a, int argc, char **argv)
{
	int i;

	if (a->nr_base || a->nr_new) {
		if (optind < argc) {
			fprintf(stderr,
				"lsbench compare: give the sides as BASE NEW or with --base "
				"and --new, not both\n");
			return -EINVAL;
		}
	} else {
		for (i = optind; i < argc; i++) {
			if (i == optind ? add_side(a->base, &a->nr_base, argv[i])
					: add_side(a->new, &a->nr_new, argv[i])) {
				fprintf(stderr, "lsbench compare: more than %d folders a side\n",
					MAX_SIDE_ARGS);
				return -E2BIG;
			}
		}
	}
	if (!a->nr_base || !a->nr_new) {
		fprintf(stderr, "lsbench compare: needs BASE and NEW results folders\n");
		return -EINVAL;
	}
	return 0;
}

int ls_getopt_each(const char *cmd, int argc, char **argv, const char *shortopts,
		   const struct option *opts, int (*set)(void *ctx, int opt, const char *arg),
		   void *ctx, void (*usage)(FILE *f))
{
	const struct option *o;
	char q[48];
	int opt;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, shortopts, opts, NULL)) != -1) {
		if (opt == 'h') {
			usage(stdout);
			return 1;
		}
		if (opt == '?' || opt == ':') {
			ls_csvr_quote(argv[optind - 1], q, sizeof(q));
			fprintf(stderr, "lsbench %s: unknown option or missing value: '%s'\n", cmd,
				q);
			return -EINVAL;
		}
		if (set(ctx, opt, optarg)) {
			for (o = opts; o->name && o->val != opt; o++)
				;
			ls_csvr_quote(optarg, q, sizeof(q));
			fprintf(stderr, "lsbench %s: bad value for --%s: '%s'\n", cmd,
				o->name ?: "?", q);
			return -EINVAL;
		}
	}
	return 0;
}

static int parse(struct cmp_args *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "bound", required_argument, NULL, 'b' },
		{ "threshold", required_argument, NULL, 't' },
		{ "fdr", required_argument, NULL, 'q' },
		{ "select", required_argument, NULL, 's' },
		{ "output", required_argument, NULL, 'o' },
		{ "base", required_argument, NULL, OPT_BASE },
		{ "new", required_argument, NULL, OPT_NEW },
		{ "paired", no_argument, NULL, OPT_PAIRED },
		{ "unpaired", no_argument, NULL, OPT_UNPAIRED },
		{ "fail-on-regression", no_argument, NULL, OPT_FAIL },
		{ "format", required_argument, NULL, 'f' },
		{ "changed", no_argument, NULL, OPT_CHANGED },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "trial", no_argument, NULL, OPT_TRIAL },
		{ "help", no_argument, NULL, 'h' },
		{},
	};
	int ret = ls_getopt_each("compare", argc, argv, "+b:t:q:s:o:f:h", opts, set_opt, a,
				 ls_compare_usage);

	if (ret)
		return ret;
	return sides(a, argc, argv);
}

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
		fprintf(stderr, "lsbench compare: cannot write %s: %s\n", out ?: "compare.csv",
			strerror(-ret));
	ls_buf_free(&b);
	return ret;
}

/* The sides read, checked (sides.c) and compared; 0 or -errno with one line in err. */
static int build(struct ls_cmp *c, struct ls_rset *base, struct ls_rset *new,
		 const struct cmp_args *a, char *err, size_t len)
{
	return read_side(base, a->base, a->nr_base, err, len)
		       ?: read_side(new, a->new, a->nr_new, err, len)
		       ?: ls_sides_check("compare", base, new, a->force, stderr, err, len)
		       ?: ls_cmp_build(c, base, new, &a->o, err, len);
}

int ls_compare_main(int argc, char **argv)
{
	struct cmp_args a = { .o = LS_CMP_OPTS_DEFAULT };
	struct ls_rset base = {}, new = {};
	struct ls_cmp c;
	char err[512];
	int ret = parse(&a, argc, argv);

	if (ret)
		return ret > 0 ? 0 : 2;
	base.trials_ok = new.trials_ok = a.trials_ok;
	ret = build(&c, &base, &new, &a, err, sizeof(err));
	if (ret) {
		fprintf(stderr, "lsbench compare: %s\n", err);
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
