// SPDX-License-Identifier: GPL-2.0
/* lsbench crosscheck-summary: crosscheck.csv written from the verdicts of xsum.c, and the command.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"
#include "csv.h"
#include "csvread.h"
#include "xsum.h"

const char *ls_xsum_verdict_name(enum ls_xsum_verdict v)
{
	static const char *const names[] = {
		"agrees",  "DISAGREES",	  "inconclusive", "inconclusive (one pair)",
		"differs", "unsupported", "failed",
	};

	return v <= LS_XSUM_FAILED ? names[v] : "?";
}

/* A side's median and spread (coefficient of variation between rounds; from two runs). */
static void side_fields(const struct ls_xsum_side_runs *sr, double *median, double *spread)
{
	double *ns = malloc((sr->n + 1) * sizeof(*ns));
	struct ls_summary s;
	size_t i;

	*median = *spread = NAN;
	for (i = 0; ns && i < sr->n; i++)
		ns[i] = sr->runs[i].ns;
	if (ns && sr->n && !ls_summarize(ns, sr->n, &s)) {
		*median = s.median;
		*spread = sr->n > 1 ? s.cv : NAN;
	}
	free(ns);
}

static void ratio_fields(struct ls_buf *b, const struct ls_xsum_ratio *r)
{
	ls_csv_fixed(b, r->ratio, 4);
	ls_csv_fixed(b, r->lo, 4);
	ls_csv_fixed(b, r->hi, 4);
	ls_csv_u64(b, r->pairs);
}

static void cell_row(struct ls_buf *b, const struct ls_xsum_cell *c)
{
	double med[LS_XSUM_SIDES], spread[LS_XSUM_SIDES];
	int s;

	for (s = 0; s < LS_XSUM_SIDES; s++)
		side_fields(&c->side[s], &med[s], &spread[s]);
	ls_csv_str(b, c->name);
	ls_csv_fixed(b, med[LS_XSUM_KERNEL], 3);
	ls_csv_fixed(b, med[LS_XSUM_LSBENCH], 3);
	ratio_fields(b, &c->r);
	ls_csv_fixed(b, spread[LS_XSUM_KERNEL], 4);
	ls_csv_fixed(b, spread[LS_XSUM_LSBENCH], 4);
	ls_csv_str(b, ls_xsum_verdict_name(c->verdict));
	ls_csv_u64(b, c->shared_slot_runs);
	ls_csv_quoted(b, c->note);
	ls_csv_end_row(b);
}

void ls_xsum_csv(const struct ls_xsum *x, struct ls_buf *b)
{
	const char *second = x->aa ? "again" : "lsbench";
	char note[128];
	size_t i;

	ls_buf_printf(b,
		      "cell,kernel_ns_median,%s_ns_median,ratio,ratio_ci_lo,ratio_ci_hi,pairs,"
		      "kernel_spread,%s_spread,verdict,shared_slot_runs,note\n",
		      second, second);
	for (i = 0; i < x->nr_cells; i++)
		cell_row(b, &x->cells[i]);
	if (!x->nr_pooled)
		return;
	ls_csv_str(b, "all-same");
	ls_csv_str(b, NULL);
	ls_csv_str(b, NULL);
	ratio_fields(b, &x->pooled);
	ls_csv_str(b, NULL);
	ls_csv_str(b, NULL);
	ls_csv_str(b, ls_xsum_verdict_name(x->pooled_verdict));
	ls_csv_str(b, NULL);
	snprintf(note, sizeof(note),
		 "the %zu cells that measure the same thing pooled: per round the mean of their "
		 "log ratios",
		 x->nr_pooled);
	ls_csv_quoted(b, note);
	ls_csv_end_row(b);
}

/* A verdict into the exit status's flags. */
static void tally(enum ls_xsum_verdict v, bool *failed, bool *open)
{
	*failed |= v == LS_XSUM_DISAGREES || v == LS_XSUM_FAILED;
	*open |= v == LS_XSUM_INCONCLUSIVE || v == LS_XSUM_ONE_PAIR;
}

int ls_xsum_status(const struct ls_xsum *x)
{
	bool failed = false, open = false;
	size_t i;

	for (i = 0; i < x->nr_cells; i++)
		tally(x->cells[i].verdict, &failed, &open);
	if (x->nr_pooled)
		tally(x->pooled_verdict, &failed, &open);
	return failed ? 1 : open ? 3 : 0;
}

struct xsum_opts {
	double threshold_pct;
	const char *output;
};

static const struct ls_cli_opt xsum_opts[] = {
	{ "--threshold", 't', "PCT",
	  "the equivalence bound, in %: a same-thing pair agrees when its ratio's whole 95% "
	  "interval lies within [1 / (1 + PCT/100), 1 + PCT/100]",
	  LS_CLI_REAL, LS_CLI_AT(struct xsum_opts, threshold_pct), .max = 1000, .def = "5" },
	{ "--output", 'o', "FILE", "write crosscheck.csv to FILE, whole or not at all", LS_CLI_STR,
	  LS_CLI_AT(struct xsum_opts, output), .def_text = "standard output" },
	{},
};

static const struct ls_cli_cmd xsum_cmd = {
	.name = "crosscheck-summary",
	.synopsis = "[options] ROUNDS.CSV",
	.desc = "The verdicts of crosscheck/crosscheck.sh from its rounds.csv: per pair of an "
		"lsbench cell and a kernel bench, both medians, the geometric mean of the rounds' "
		"ratios lsbench / kernel with its 95% interval (a paired t on their logarithms), "
		"both spreads, and a verdict: a pair that measures the same thing agrees, "
		"DISAGREES or is inconclusive; all-same pools those pairs round by round. "
		"Writes crosscheck.csv.",
	.opts = xsum_opts,
	.footer = "exit status: 0 when every same-thing pair agrees, 1 when one disagrees or a "
		  "pair failed, 3 when none does but one is inconclusive, 2 for bad input",
	.min_args = 1,
	.max_args = 1,
};

/* The summary of path into b: 0, 1 or 3 as ls_xsum_status, or -errno with err said. */
static int summarize(const char *path, double bound, struct ls_buf *b, char *err, size_t len)
{
	struct ls_xsum x = {};
	struct ls_csvr r;
	int ret = ls_csvr_open(&r, path, err, len);

	if (ret)
		return ret;
	ret = ls_xsum_read(&r, &x, err, len);
	ls_csvr_close(&r);
	if (!ret && ls_xsum_judge(&x, bound))
		ret = -ENOMEM;
	if (!ret)
		ls_xsum_csv(&x, b);
	if (!ret && b->err)
		ret = b->err;
	if (ret == -ENOMEM)
		snprintf(err, len, "out of memory");
	if (!ret)
		ret = ls_xsum_status(&x);
	ls_xsum_free(&x);
	return ret;
}

/* b to path atomically, or to the standard output (path NULL); -errno. */
static int write_out(const char *path, const struct ls_buf *b)
{
	if (path)
		return ls_write_atomic(path, b->data, b->len);
	if (fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout))
		return -EIO;
	return 0;
}

int ls_xsum_main(int argc, char **argv)
{
	struct xsum_opts o = {};
	struct ls_buf b = {};
	char err[512];
	int pos, wret, ret = ls_cli_main(&xsum_cmd, argc, argv, &o, &pos);

	if (ret >= 0)
		return ret;
	ret = summarize(argv[pos], o.threshold_pct / 100, &b, err, sizeof(err));
	if (ret >= 0) {
		wret = write_out(o.output, &b);
		if (wret) {
			snprintf(err, sizeof(err), "cannot write %s: %s", o.output ?: "the output",
				 strerror(-wret));
			ret = wret;
		}
	}
	ls_buf_free(&b);
	return ret < 0 ? ls_cli_error(&xsum_cmd, "%s", err) : ret;
}
