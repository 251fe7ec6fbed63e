// SPDX-License-Identifier: GPL-2.0
/* lsbench compare: cells matched by key, a test per cell, geometric means. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"

#define LABEL_WIDTH 44

static int need_rounds(const struct ls_rset *s, const char *side, char *err, size_t len)
{
	if (s->schema >= LS_ROUNDS_SCHEMA)
		return 0;
	snprintf(err, len,
		 "%s/summary.csv: schema_version %u has no rounds; compare reads %d (the %s side)",
		 s->runs[0].dir, s->schema, LS_ROUNDS_SCHEMA, side);
	return -EINVAL;
}

/* The logarithms of a cell's round medians, into a malloc'd array of nr_rounds. */
static double *log_round_medians(const struct ls_rcell *c)
{
	double *m = malloc((c->nr_rounds + 1) * sizeof(*m));
	unsigned int i;

	if (!m)
		return NULL;
	if (ls_round_medians(c->reps, c->rep_round, c->nr_reps, c->nr_rounds, m)) {
		free(m);
		return NULL;
	}
	for (i = 0; i < c->nr_rounds; i++)
		m[i] = log(m[i]);
	return m;
}

/*
 * The unit of evidence is the round: repetitions of one round share its
 * setup (maps, owners, program, producers) and whatever differs between
 * setups, so they are not independent samples of the cell. Each round gives
 * one value, the median of its repetitions, and the test is Welch's t on the
 * logarithms of those: logarithms because effects are ratios and the spread
 * of ns grows with ns; Welch because the two sides' spreads differ (other
 * kernels, other noise). With 3 to 10 rounds a side a rank test cannot reach
 * small p (Mann-Whitney's least two-sided p is 0.1 at 3 + 3, 0.029 at 4 + 4),
 * so it could never pass Benjamini-Hochberg over dozens of cells; the t-test
 * gives continuous p, and medians of repetitions are close to normal. Its
 * interval, exp(diff +/- t se), is that of the ratio of the geometric means
 * of the round medians, the ratio reported: the same model gives p, ratio and
 * interval, so the interval excludes 1 exactly when p < 0.05. (A bootstrap
 * over 3 to 10 rounds sees too few distinct resamples to be trusted.)
 */
static int test_pair(struct ls_cmp_row *r)
{
	const struct ls_rcell *a = r->base, *b = r->new;
	double *la, *lb, lo, hi;
	struct ls_welch w;
	int ret;

	r->ratio = b->ns_per_op / a->ns_per_op;
	if (a->nr_rounds < LS_CMP_MIN_ROUNDS || b->nr_rounds < LS_CMP_MIN_ROUNDS)
		return 0;
	la = log_round_medians(a);
	lb = log_round_medians(b);
	ret = la && lb ? ls_welch(la, a->nr_rounds, lb, b->nr_rounds, &w) : -ENOMEM;
	free(la);
	free(lb);
	if (ret)
		return ret;
	ls_welch_ci(&w, LS_CMP_LEVEL, &lo, &hi);
	r->p = w.p;
	r->ci_lo = exp(lo);
	r->ci_hi = exp(hi);
	return 0;
}

/* Order of the classes in the table: effects first. */
static int row_class(const struct ls_cmp_row *r)
{
	if (r->kind != LS_CMP_BOTH)
		return 2 + r->kind;
	return r->verdict == LS_SLOWER ? 0 : r->verdict == LS_FASTER ? 0 : 1;
}

static const struct ls_key *row_key(const struct ls_cmp_row *r)
{
	return r->base ? &r->base->key : &r->new->key;
}

static int cmp_rows(const void *pa, const void *pb)
{
	const struct ls_cmp_row *a = pa, *b = pb;
	int ca = row_class(a), cb = row_class(b);

	if (ca != cb)
		return ca - cb;
	if (a->kind == LS_CMP_BOTH) {
		double ea = fabs(log(a->ratio)), eb = fabs(log(b->ratio));

		if (ea != eb)
			return ea > eb ? -1 : 1;
	}
	return ls_key_cmp(row_key(a), row_key(b));
}

static int add_row(struct ls_cmp *c, const struct ls_rcell *base, const struct ls_rcell *new)
{
	struct ls_cmp_row *r = &c->rows[c->nr_rows++];

	memset(r, 0, sizeof(*r));
	r->base = base;
	r->new = new;
	r->ratio = r->ci_lo = r->ci_hi = r->p = r->q = NAN;
	if (!new) {
		r->kind = LS_CMP_BASE_ONLY;
		c->nr_base_only++;
	} else if (!base) {
		r->kind = LS_CMP_NEW_ONLY;
		c->nr_new_only++;
	} else if (strcmp(base->status, "ok") || strcmp(new->status, "ok")) {
		r->kind = LS_CMP_NOT_OK;
		c->nr_not_ok++;
	} else {
		r->kind = LS_CMP_BOTH;
		if (test_pair(r))
			return -ENOMEM;
	}
	return 0;
}

/* Benjamini-Hochberg over the tested cells, then each compared cell's verdict. */
static int verdicts(struct ls_cmp *c)
{
	double *p = malloc((c->nr_rows + 1) * sizeof(*p));
	double *q = malloc((c->nr_rows + 1) * sizeof(*q));
	struct ls_cmp_row *r;
	size_t i;
	int ret = -ENOMEM;

	for (i = 0; p && i < c->nr_rows; i++)
		p[i] = c->rows[i].p;
	if (p && q)
		ret = ls_bh(p, c->nr_rows, q);
	for (i = 0; !ret && i < c->nr_rows; i++) {
		r = &c->rows[i];
		r->q = q[i];
		if (r->kind != LS_CMP_BOTH)
			continue;
		r->verdict = ls_verdict_of(r->ratio, r->q, c->alpha, c->threshold);
		c->nr_slower += r->verdict == LS_SLOWER;
		c->nr_faster += r->verdict == LS_FASTER;
		c->nr_same += r->verdict == LS_SAME;
		c->nr_tested += !isnan(r->p);
		c->nr_untested += isnan(r->p);
	}
	free(p);
	free(q);
	return ret;
}

int ls_cmp_build(struct ls_cmp *c, const struct ls_rset *base, const struct ls_rset *new,
		 double threshold, double fdr, char *err, size_t len)
{
	size_t i;
	int ret;

	memset(c, 0, sizeof(*c));
	c->base = base;
	c->new = new;
	c->threshold = threshold;
	c->alpha = fdr;
	if (base->schema != new->schema) {
		snprintf(err, len,
			 "%s/summary.csv: schema_version %u, the base side's is %u: not compared",
			 new->runs[0].dir, new->schema, base->schema);
		return -EINVAL;
	}
	ret = need_rounds(base, "base", err, len) ?: need_rounds(new, "new", err, len);
	if (ret)
		return ret;
	c->rows = calloc(base->nr_cells + new->nr_cells + 1, sizeof(*c->rows));
	if (!c->rows)
		goto nomem;
	for (i = 0; i < base->nr_cells; i++) {
		if (add_row(c, &base->cells[i], ls_rset_find(new, &base->cells[i].key)))
			goto nomem;
	}
	for (i = 0; i < new->nr_cells; i++) {
		if (!ls_rset_find(base, &new->cells[i].key) && add_row(c, NULL, &new->cells[i]))
			goto nomem;
	}
	if (verdicts(c))
		goto nomem;
	qsort(c->rows, c->nr_rows, sizeof(*c->rows), cmp_rows);
	return 0;
nomem:
	snprintf(err, len, "out of memory");
	ls_cmp_free(c);
	return -ENOMEM;
}

double ls_cmp_geomean(const struct ls_cmp *c, const char *map_type, size_t *n)
{
	double *r = malloc((c->nr_rows + 1) * sizeof(*r)), g;
	size_t i;

	*n = 0;
	if (!r)
		return NAN;
	for (i = 0; i < c->nr_rows; i++) {
		if (c->rows[i].kind == LS_CMP_BOTH &&
		    (!map_type || !strcmp(c->rows[i].base->key.map_type, map_type)))
			r[(*n)++] = c->rows[i].ratio;
	}
	g = ls_geomean(r, *n);
	free(r);
	return g;
}

const char *ls_cmp_row_verdict(const struct ls_cmp_row *r)
{
	static const char *const kinds[] = { "", "not_ok", "base_only", "new_only" };

	return r->kind == LS_CMP_BOTH ? ls_verdict_name(r->verdict) : kinds[r->kind];
}

static const char *const csv_columns[] = {
	"schema_version",
	"scenario",
	"map_type",
	"op",
	"hook",
	"mode",
	"nr_maps",
	"nr_objects",
	"value_size",
	"cpus",
	"sharing",
	"verdict",
	"base_status",
	"new_status",
	"base_reason",
	"new_reason",
	"base_reps",
	"new_reps",
	"base_rounds",
	"new_rounds",
	"base_ns_per_op",
	"new_ns_per_op",
	"ratio",
	"ci_low",
	"ci_high",
	"p",
	"q",
	"threshold",
	"fdr",
	"base_kernel",
	"new_kernel",
};

/* p and q with 6 significant figures: small ones are what matter. */
static void csv_p(struct ls_buf *b, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.6g", v);
	ls_csv_str(b, isnan(v) ? NULL : buf);
}

static void csv_count(struct ls_buf *b, const struct ls_rcell *c, size_t n)
{
	if (c)
		ls_csv_u64(b, n);
	else
		ls_csv_str(b, NULL);
}

static void csv_side(struct ls_buf *b, const struct ls_rcell *base, const struct ls_rcell *new)
{
	ls_csv_str(b, base ? base->status : NULL);
	ls_csv_str(b, new ? new->status : NULL);
	ls_csv_str(b, base ? base->reason : NULL);
	ls_csv_str(b, new ? new->reason : NULL);
	csv_count(b, base, base ? base->nr_reps : 0);
	csv_count(b, new, new ? new->nr_reps : 0);
	csv_count(b, base, base ? base->nr_rounds : 0);
	csv_count(b, new, new ? new->nr_rounds : 0);
	ls_csv_double(b, base && !strcmp(base->status, "ok") ? base->ns_per_op : NAN);
	ls_csv_double(b, new && !strcmp(new->status, "ok") ? new->ns_per_op : NAN);
}

void ls_cmp_csv(const struct ls_cmp *c, struct ls_buf *b)
{
	size_t i;

	for (i = 0; i < sizeof(csv_columns) / sizeof(csv_columns[0]); i++)
		ls_csv_str(b, csv_columns[i]);
	ls_csv_end_row(b);
	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_cmp_row *r = &c->rows[i];
		const struct ls_key *k = row_key(r);

		ls_csv_u64(b, c->base->schema);
		ls_key_csv(b, k);
		ls_csv_str(b, ls_cmp_row_verdict(r));
		csv_side(b, r->base, r->new);
		ls_csv_double(b, r->ratio);
		ls_csv_double(b, r->ci_lo);
		ls_csv_double(b, r->ci_hi);
		csv_p(b, r->p);
		csv_p(b, r->q);
		ls_csv_double(b, c->threshold);
		ls_csv_double(b, c->alpha);
		ls_csv_str(b, r->base ? c->base->runs[r->base->run].kernel : NULL);
		ls_csv_str(b, r->new ? c->new->runs[r->new->run].kernel : NULL);
		ls_csv_end_row(b);
	}
}

/* ns with 3 to 4 significant figures in at most 8 columns. */
static void fmt_ns(char *buf, size_t size, double v)
{
	snprintf(buf, size, v >= 1000 ? "%.0f" : v >= 100 ? "%.1f" : "%.2f", v);
}

/* p in 6 columns: 4 decimals, or 1e-05 and the like below 0.001. */
static void fmt_p(char *buf, size_t size, double p)
{
	snprintf(buf, size, p >= 0.001 || p == 0 ? "%.4f" : "%.0e", p);
}

static void print_label(FILE *f, const struct ls_key *k)
{
	char label[160];

	ls_key_label(k, label, sizeof(label));
	if (strlen(label) > LABEL_WIDTH)
		strcpy(label + LABEL_WIDTH - 1, "~");
	fprintf(f, "%-*s", LABEL_WIDTH, label);
}

/* A cell not compared: its statuses and the first reason, cut to the line. */
static void print_unmatched(FILE *f, const struct ls_cmp_row *r)
{
	const struct ls_rcell *why = r->base && strcmp(r->base->status, "ok") ? r->base : r->new;
	char what[64], reason[64];

	if (r->kind == LS_CMP_BASE_ONLY)
		snprintf(what, sizeof(what), "only in base (%s)", r->base->status);
	else if (r->kind == LS_CMP_NEW_ONLY)
		snprintf(what, sizeof(what), "only in new (%s)", r->new->status);
	else
		snprintf(what, sizeof(what), "base %s, new %s", r->base->status, r->new->status);
	if (!why || !strcmp(why->status, "ok"))
		why = r->base ?: r->new;
	ls_csvr_quote(why->reason, reason, sizeof(reason));
	print_label(f, row_key(r));
	fprintf(f, " %s%s%.*s\n", what, *reason ? ": " : "",
		(int)(100 - LABEL_WIDTH - 3 - strlen(what)), reason);
}

static void print_side(FILE *f, const char *name, const struct ls_rset *s)
{
	char kernels[256], hosts[256];

	ls_rset_kernels(s, kernels, sizeof(kernels));
	ls_rset_hosts(s, hosts, sizeof(hosts));
	fprintf(f, "%-4s: kernel %s, host %s, %zu run%s, %zu cells (%s/...)\n", name, kernels,
		hosts, s->nr_runs, s->nr_runs > 1 ? "s" : "", s->nr_cells, s->runs[0].dir);
}

static void print_head(const struct ls_cmp *c, FILE *f)
{
	print_side(f, "base", c->base);
	print_side(f, "new", c->new);
	fprintf(f,
		"ratio: new / base ns per op, each the geometric mean over rounds of the round's median (above 1: slower)\n"
		"p and %d%% CI: Welch's t-test on the logs of the round medians: rounds are the samples, not repetitions\n"
		"verdicts: q (p adjusted by Benjamini-Hochberg over the %zu tested cells) < %g and a change above %g%%\n",
		(int)(LS_CMP_LEVEL * 100), c->nr_tested, c->alpha, c->threshold * 100);
	fprintf(f, "%-*s %8s %8s %6s %13s %6s %6s %7s %s\n", LABEL_WIDTH, "cell", "base ns",
		"new ns", "ratio", "95% CI", "p", "q", "rounds", "verdict");
}

static void print_row(const struct ls_cmp_row *r, FILE *f)
{
	char b[16], nw[16], ci[32] = "-", p[16] = "-", q[16] = "-", rounds[24];

	fmt_ns(b, sizeof(b), r->base->ns_per_op);
	fmt_ns(nw, sizeof(nw), r->new->ns_per_op);
	if (!isnan(r->p)) {
		snprintf(ci, sizeof(ci), "%.3f-%.3f", r->ci_lo, r->ci_hi);
		fmt_p(p, sizeof(p), r->p);
		fmt_p(q, sizeof(q), r->q);
	}
	snprintf(rounds, sizeof(rounds), "%u/%u", r->base->nr_rounds, r->new->nr_rounds);
	print_label(f, row_key(r));
	fprintf(f, " %8s %8s %6.3f %13s %6s %6s %7s %s\n", b, nw, r->ratio, ci, p, q, rounds,
		ls_verdict_name(r->verdict));
}

static void print_geomeans(const struct ls_cmp *c, FILE *f)
{
	const char *types[32];
	size_t i, j, nt = 0, n;
	double g;

	fprintf(f, "geometric mean of the ratios of compared cells:\n");
	for (i = 0; i < c->nr_rows; i++) {
		const char *t = c->rows[i].kind == LS_CMP_BOTH ? c->rows[i].base->key.map_type
							       : NULL;

		for (j = 0; t && j < nt; j++) {
			if (!strcmp(types[j], t))
				break;
		}
		if (t && j == nt && nt < 32)
			types[nt++] = t;
	}
	for (i = 0; i < nt; i++) {
		g = ls_cmp_geomean(c, types[i], &n);
		fprintf(f, "  %-16s %6.3f  (%zu cells)\n", types[i], g, n);
	}
	g = ls_cmp_geomean(c, NULL, &n);
	fprintf(f, "  %-16s %6.3f  (%zu cells)\n", "all", g, n);
}

void ls_cmp_print(const struct ls_cmp *c, FILE *f)
{
	size_t i;

	print_head(c, f);
	for (i = 0; i < c->nr_rows; i++) {
		if (c->rows[i].kind == LS_CMP_BOTH)
			print_row(&c->rows[i], f);
		else
			print_unmatched(f, &c->rows[i]);
	}
	print_geomeans(c, f);
	fprintf(f,
		"%zu cells: %zu slower, %zu faster, %zu same; %zu not ok on a side, %zu only in base, %zu only in new\n",
		c->nr_rows, c->nr_slower, c->nr_faster, c->nr_same, c->nr_not_ok, c->nr_base_only,
		c->nr_new_only);
	if (c->nr_untested)
		fprintf(f,
			"%zu compared cells not tested, for want of rounds (fewer than %d on a side): counted same, p empty\n",
			c->nr_untested, LS_CMP_MIN_ROUNDS);
}

void ls_cmp_free(struct ls_cmp *c)
{
	free(c->rows);
	c->rows = NULL;
	c->nr_rows = 0;
}

void ls_compare_usage(FILE *f)
{
	fprintf(f,
		"usage: lsbench compare [options] BASE NEW [NEW...]\n"
		"  BASE, NEW          a run folder (results/<kernel>/<time>-<host>), a folder of\n"
		"                     them (results/<kernel>), or several joined by commas; all\n"
		"                     NEW arguments are merged into one side, as are the runs\n"
		"                     of a folder: each run's rounds are rounds of their own\n"
		"  -t, --threshold P  smallest change in %% that counts (default %g)\n"
		"  -q, --fdr Q        false discovery rate over the tested cells: a verdict\n"
		"                     needs the Benjamini-Hochberg q below Q (default %g)\n"
		"  -o, --output FILE  where compare.csv goes (default ./compare.csv)\n"
		"      --fail-on-regression  exit 1 when a cell is slower\n"
		"exit status: 0; 1 with --fail-on-regression and a slower cell; 2 for bad input\n",
		LS_CMP_THRESHOLD * 100, LS_CMP_FDR);
}

static int parse_fraction(const char *s, double scale, double max, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(s, &end) / scale;
	if (end != s && *end == '%' && scale == 100)
		end++;
	return end == s || *end || errno || !(*v >= 0 && *v <= max) ? -EINVAL : 0;
}

int ls_compare_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "threshold", required_argument, NULL, 't' },
		{ "fdr", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "fail-on-regression", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{},
	};
	double threshold = LS_CMP_THRESHOLD, fdr = LS_CMP_FDR;
	struct ls_rset base = {}, new = {};
	const char *out = "compare.csv";
	struct ls_buf b = {};
	bool fail = false;
	struct ls_cmp c;
	char err[512], q[48];
	int opt, i, ret;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+t:q:o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 't':
			if (parse_fraction(optarg, 100, 10, &threshold))
				goto bad_value;
			break;
		case 'q':
			if (parse_fraction(optarg, 1, 1, &fdr) || !(fdr > 0))
				goto bad_value;
			break;
		case 'o':
			out = optarg;
			break;
		case 'F':
			fail = true;
			break;
		case 'h':
			ls_compare_usage(stdout);
			return 0;
		default:
			ls_csvr_quote(argv[optind - 1], q, sizeof(q));
			fprintf(stderr, "lsbench compare: unknown option or missing value: '%s'\n",
				q);
			return 2;
		}
	}
	if (argc - optind < 2) {
		fprintf(stderr, "lsbench compare: needs BASE and NEW results folders\n");
		return 2;
	}
	ret = ls_rset_add(&base, argv[optind], err, sizeof(err));
	for (i = optind + 1; !ret && i < argc; i++)
		ret = ls_rset_add(&new, argv[i], err, sizeof(err));
	if (!ret)
		ret = ls_cmp_build(&c, &base, &new, threshold, fdr, err, sizeof(err));
	if (ret) {
		fprintf(stderr, "lsbench compare: %s\n", err);
		ls_rset_free(&base);
		ls_rset_free(&new);
		return 2;
	}
	ls_cmp_print(&c, stdout);
	ls_cmp_csv(&c, &b);
	ret = b.err ?: ls_write_atomic(out, b.data, b.len);
	if (ret)
		fprintf(stderr, "lsbench compare: cannot write %s: %s\n", out, strerror(-ret));
	else
		printf("written: %s\n", out);
	ret = ret ? 2 : fail && c.nr_slower ? 1 : 0;
	ls_buf_free(&b);
	ls_cmp_free(&c);
	ls_rset_free(&base);
	ls_rset_free(&new);
	return ret;
bad_value:
	ls_csvr_quote(optarg, q, sizeof(q));
	fprintf(stderr, "lsbench compare: bad value for -%c: '%s'\n", opt, q);
	return 2;
}
