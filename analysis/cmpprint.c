// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench compare's tables: the console's (--format text) and one to paste
 * into a patch's cover letter (--format markdown). Both print the same rows:
 * each side's figure with its spread, the change in percent with its
 * interval, p, q, the units, the smallest change the cell could have seen
 * and the verdict; the cell labels spelled out, what every row shares said
 * once above.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "cmptable.h"
#include "compare.h"
#include "csvread.h"
#include "sides.h"

/* ns with 3 to 4 significant figures. */
static void fmt_ns(char *buf, size_t size, double v)
{
	double a = fabs(v);

	snprintf(buf, size, a >= 999.5 ? "%.0f" : a >= 99.995 ? "%.1f" : "%.2f", v);
}

/* p in 6 columns: 4 decimals, or 1e-05 and the like below 0.001. */
static void fmt_p(char *buf, size_t size, double p)
{
	snprintf(buf, size, p >= 0.001 || p == 0 ? "%.4f" : "%.0e", p);
}

/* A percentage: one decimal below 99.95, none above, >999 beyond. */
static void fmt_pct(char *buf, size_t size, double frac, bool sign)
{
	double v = 100 * frac;

	if (fabs(v) > 999)
		snprintf(buf, size, "%s999%%", v < 0 ? "<-" : sign ? ">+" : ">");
	else
		snprintf(buf, size,
			 sign ? (fabs(v) < 99.95 ? "%+.1f%%" : "%+.0f%%")
			      : (fabs(v) < 99.95 ? "%.1f%%" : "%.0f%%"),
			 v);
}

/* "159.4 ± 3.1%": the figure and the upper half-width of its 95% interval. */
static void fmt_figure(char *buf, size_t size, double ns, double hw)
{
	char n[32], s[32];

	fmt_ns(n, sizeof(n), ns);
	if (isnan(hw)) {
		snprintf(buf, size, "%s", n);
		return;
	}
	fmt_pct(s, sizeof(s), hw, false);
	snprintf(buf, size, "%s ± %s", n, s);
}

/* "-12.3% (-15.1 to -9.4)": the change and its 95% interval, from the ratios. */
static void fmt_change(char *buf, size_t size, const struct ls_cmp_row *r)
{
	char c[32], lo[32], hi[32];

	fmt_pct(c, sizeof(c), r->ratio - 1, true);
	if (isnan(r->j.ci_lo)) {
		snprintf(buf, size, "%s", c);
		return;
	}
	fmt_pct(lo, sizeof(lo), r->j.ci_lo - 1, true);
	fmt_pct(hi, sizeof(hi), r->j.ci_hi - 1, true);
	snprintf(buf, size, "%s (%.*s to %.*s)", c, (int)strlen(lo) - 1, lo, (int)strlen(hi) - 1,
		 hi);
}

static bool shown(const struct ls_cmp_print_opts *po, const struct ls_cmp_row *r)
{
	return !po->changed ||
	       (r->kind == LS_CMP_BOTH && (r->verdict == LS_SLOWER || r->verdict == LS_FASTER));
}

/* Whether some compared row has the cost over the control on both sides. */
static bool has_added(const struct ls_cmp *c)
{
	size_t i;

	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_cmp_row *r = &c->rows[i];

		if (r->kind == LS_CMP_BOTH && r->base->nr_added && r->new->nr_added)
			return true;
	}
	return false;
}

/* The label fields that vary between the rows shown. */
static unsigned int varying(const struct ls_cmp *c, const struct ls_cmp_print_opts *po)
{
	const struct ls_key **keys = malloc((c->nr_rows + 1) * sizeof(*keys));
	unsigned int mask = LS_LBL_ALL;
	size_t i, n = 0;

	if (!keys)
		return mask; /* every field on every row */
	for (i = 0; i < c->nr_rows; i++) {
		if (shown(po, &c->rows[i]))
			keys[n++] = ls_cmp_row_key(&c->rows[i]);
	}
	mask = ls_keys_varying(keys, n);
	free(keys);
	return mask;
}

struct cols {
	unsigned int mask; /* label fields per row */
	bool added;
};

static void add_cols(struct ls_tab *t, const struct cols *k)
{
	ls_tab_col(t, "cell", false);
	ls_tab_col(t, "base ns", true);
	ls_tab_col(t, "new ns", true);
	if (k->added) {
		ls_tab_col(t, "base +ns", true);
		ls_tab_col(t, "new +ns", true);
	}
	ls_tab_col(t, "change (95% CI)", false);
	ls_tab_col(t, "p", true);
	ls_tab_col(t, "q", true);
	ls_tab_col(t, "units", true);
	ls_tab_col(t, "detect", true);
	ls_tab_col(t, "verdict", false);
}

/* The added_ns_per_op of a side, or "-". */
static void fmt_added(char *buf, size_t size, const struct ls_rcell *cell)
{
	if (cell->nr_added)
		fmt_ns(buf, size, cell->added_ns);
	else
		snprintf(buf, size, "-");
}

static void fmt_verdict(char *buf, size_t size, const struct ls_cmp_row *r)
{
	char needed[48];

	ls_cmp_row_needed(r, needed, sizeof(needed));
	snprintf(buf, size, "%s%s%s%s%s", ls_cmp_row_noisy(r) ? "noisy " : "",
		 ls_verdict_name(r->verdict),
		 r->j.why == LS_WHY_FEW	      ? " (too few)"
		 : r->j.why == LS_WHY_CONTROL ? " (control moved)"
					      : "",
		 *needed ? ", need " : "", needed);
}

static void fmt_units(char *buf, size_t size, const struct ls_cmp_row *r)
{
	if (r->has_test)
		snprintf(buf, size, "%zu/%zu%s", r->t.na, r->t.nb,
			 r->unit == LS_UNIT_ROUND ? ""
			 : r->unit == LS_UNIT_RUN ? "r"
						  : "p");
	else
		snprintf(buf, size, "-");
}

static void add_compared(struct ls_tab *t, const struct cols *k, const struct ls_cmp_row *r,
			 const char *label)
{
	char b[80], nw[80], ba[32], na[32], ch[112], p[16] = "-", q[16] = "-", units[24];
	char det[16] = "-", verdict[96];
	const char *cells[LS_TAB_MAX_COLS];
	size_t n = 0;

	fmt_figure(b, sizeof(b), r->base->ns_per_op, r->base_hw);
	fmt_figure(nw, sizeof(nw), r->new->ns_per_op, r->new_hw);
	fmt_added(ba, sizeof(ba), r->base);
	fmt_added(na, sizeof(na), r->new);
	fmt_change(ch, sizeof(ch), r);
	if (!isnan(r->p)) {
		fmt_p(p, sizeof(p), r->p);
		fmt_p(q, sizeof(q), r->q);
	}
	if (isfinite(r->j.detectable))
		fmt_pct(det, sizeof(det), r->j.detectable, false);
	fmt_units(units, sizeof(units), r);
	fmt_verdict(verdict, sizeof(verdict), r);
	cells[n++] = label;
	cells[n++] = b;
	cells[n++] = nw;
	if (k->added) {
		cells[n++] = ba;
		cells[n++] = na;
	}
	cells[n++] = ch;
	cells[n++] = p;
	cells[n++] = q;
	cells[n++] = units;
	cells[n++] = det;
	cells[n++] = verdict;
	ls_tab_row(t, cells);
}

/* A cell not compared: its statuses and the first reason, in the verdict's column. */
static void add_unmatched(struct ls_tab *t, const struct ls_cmp_row *r, const char *label)
{
	const struct ls_rcell *why = r->base && strcmp(r->base->status, "ok") ? r->base : r->new;
	const char *cells[LS_TAB_MAX_COLS];
	char what[400], reason[64];
	size_t i;

	if (!why || !strcmp(why->status, "ok"))
		why = r->base ?: r->new;
	ls_csvr_quote(why->reason, reason, sizeof(reason));
	if (r->kind == LS_CMP_BASE_ONLY)
		snprintf(what, sizeof(what), "only in base (%s)", r->base->status);
	else if (r->kind == LS_CMP_NEW_ONLY)
		snprintf(what, sizeof(what), "only in new (%s)", r->new->status);
	else
		snprintf(what, sizeof(what), "base %s, new %s", r->base->status, r->new->status);
	if (*reason)
		snprintf(what + strlen(what), sizeof(what) - strlen(what), ": %s", reason);
	cells[0] = label;
	for (i = 1; i + 1 < t->nr_cols; i++)
		cells[i] = "-";
	cells[t->nr_cols - 1] = what;
	ls_tab_row(t, cells);
}

static void print_table(const struct ls_cmp *c, const struct ls_cmp_print_opts *po,
			const struct cols *k, FILE *f)
{
	struct ls_tab t = {};
	char label[256];
	size_t i;

	add_cols(&t, k);
	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_cmp_row *r = &c->rows[i];

		if (!shown(po, r))
			continue;
		ls_key_spelled(ls_cmp_row_key(r), k->mask, false, label, sizeof(label));
		if (r->kind == LS_CMP_BOTH)
			add_compared(&t, k, r, label);
		else
			add_unmatched(&t, r, label);
	}
	if (t.nr_rows)
		ls_tab_print(&t, po->format == LS_CMP_MARKDOWN, f);
	else
		fprintf(f, "no cell is slower or faster\n");
	ls_tab_free(&t);
}

/* What every row shown shares, spelled out: "every cell: loop, 1 thread, ...", and end. */
static void print_common(const struct ls_cmp *c, const struct ls_cmp_print_opts *po,
			 unsigned int mask, const char *end, FILE *f)
{
	size_t i;
	char buf[256];

	for (i = 0; i < c->nr_rows && !shown(po, &c->rows[i]); i++)
		;
	if (i == c->nr_rows || mask == LS_LBL_ALL)
		return;
	ls_key_spelled(ls_cmp_row_key(&c->rows[i]), LS_LBL_ALL & ~mask, true, buf, sizeof(buf));
	fprintf(f, "every cell: %s%s", buf, end);
}

static void print_side(FILE *f, const char *name, const struct ls_rset *s)
{
	char kernels[256], hosts[256], machine[200] = "";
	const struct ls_run_info *ri = &s->runs[0];

	ls_rset_kernels(s, kernels, sizeof(kernels));
	ls_rset_hosts(s, hosts, sizeof(hosts));
	if (*ri->cpu_model || *ri->virt)
		snprintf(machine, sizeof(machine), " (%s, virt %s)",
			 *ri->cpu_model ? ri->cpu_model : "CPU model unknown",
			 *ri->virt ? ri->virt : "unknown");
	fprintf(f, "%-4s: kernel %s%s%s, host %s%s, %zu run%s, %zu cells (%s/...)\n", name, kernels,
		*ri->label ? " label " : "", ri->label, hosts, machine, s->nr_runs,
		s->nr_runs > 1 ? "s" : "", s->nr_cells, ri->dir);
}

static void print_text_head(const struct ls_cmp *c, FILE *f)
{
	char method[LS_CMP_METHOD_SIZE];

	print_side(f, "base", c->base);
	print_side(f, "new", c->new);
	ls_cmp_method(c, method, sizeof(method));
	fprintf(f,
		"base ns, new ns: ns per op, the geometric mean of the units ± the upper half of "
		"the 95%% interval of the units as the test takes them (over the control with "
		"--over-control, trimmed from %d runs); +ns: over the control (added_ns_per_op), "
		"where both sides have it\n"
		"change: new / base - 1 and its %d%% CI (above 0: slower); %s\n"
		"p: Welch's t on the logs of the units (paired t when paired; Yuen's trimmed t "
		"from %d runs); "
		"q: p adjusted by Benjamini-Hochberg over the family; units: a side (r: runs, "
		"p: pairs)\n"
		"slower/faster: CI excludes 0 and q < %g; same: the %d%% CI (TOST) within -/+%g%%; "
		"else ~, with the units a side that would settle it\n"
		"detect: the change the cell finds with 80%% power at q < %g if it is the only one "
		"changed\n",
		LS_TRIM_MIN, (int)(LS_CMP_LEVEL * 100), method, LS_TRIM_MIN, c->rule.fdr,
		(int)lround(100 * (1 - 2 * c->rule.tost_alpha)), 100 * c->rule.bound, c->rule.fdr);
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

static void print_counts(const struct ls_cmp *c, const struct ls_cmp_print_opts *po, FILE *f)
{
	size_t i, hidden = 0;
	char withheld[48];

	for (i = 0; i < c->nr_rows; i++)
		hidden += !shown(po, &c->rows[i]);
	snprintf(withheld, sizeof(withheld), " (%zu for a moved control)", c->nr_withheld);
	fprintf(f,
		"%zu cells: %zu slower, %zu faster, %zu same, %zu ~%s; %zu not ok on a side, %zu "
		"only in base, %zu only in new\n",
		c->nr_rows, c->nr_slower, c->nr_faster, c->nr_same, c->nr_unsure,
		c->nr_withheld ? withheld : "", c->nr_not_ok, c->nr_base_only, c->nr_new_only);
	/*
	 * A control's move is information: the whole side may have run at another
	 * speed. In instructions there is no speed to betray: the guard is off
	 * (cmpguard.c) and the footer says so rather than claim a withholding.
	 */
	if (c->nr_ctl_moved && ls_cmp_in_instructions(c))
		fprintf(f,
			"%zu controls moved: in instructions (icount) their cells keep their "
			"verdicts (the hooks' paths changed; no machine speed to guard against)\n",
			c->nr_ctl_moved);
	else if (c->nr_ctl_moved)
		fprintf(f,
			"%zu controls moved (the sides ran at different machine speeds, or the hooks' "
			"paths changed): %zu verdicts of their cells withheld, where the cell moved "
			"with its control\n",
			c->nr_ctl_moved, c->nr_withheld);
	if (po->changed)
		fprintf(f, "%zu cells not shown (same, ~ or not compared): --changed hides them\n",
			hidden);
}

static void print_text(const struct ls_cmp *c, const struct ls_cmp_print_opts *po,
		       const struct cols *k, FILE *f)
{
	print_text_head(c, f);
	print_common(c, po, k->mask, "\n", f);
	print_table(c, po, k, f);
	print_geomeans(c, f);
	print_counts(c, po, f);
	fprintf(f, "Benjamini-Hochberg over %zu tested cells%s\n", c->nr_tested,
		c->opts.nr_select ? " (the cells -s selects)" : "");
	if (c->nr_few)
		fprintf(f,
			"%zu compared cells not tested, for want of units (fewer than %d a side): ~\n",
			c->nr_few, LS_MIN_UNITS);
	if (c->nr_noisy)
		fprintf(f,
			"%zu compared cells noisy on a side (round_cv or cv above %g%%, or a round "
			"kept though disturbed): ~ with one run a side, judged by their runs with "
			"several\n",
			c->nr_noisy, 100 * LS_NOISY_CV);
}

/* The fewest and most rounds of a side's compared cells. */
static void rounds_range(const struct ls_cmp *c, bool new, unsigned int *lo, unsigned int *hi)
{
	size_t i;

	*lo = *hi = 0;
	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_rcell *cell = new ? c->rows[i].new : c->rows[i].base;

		if (c->rows[i].kind != LS_CMP_BOTH)
			continue;
		*lo = !*lo || cell->nr_rounds < *lo ? cell->nr_rounds : *lo;
		*hi = cell->nr_rounds > *hi ? cell->nr_rounds : *hi;
	}
}

/* "2 runs, 4 rounds a cell" or "1 run, 3 to 6 rounds a cell". */
static void fmt_amount(char *buf, size_t size, const struct ls_cmp *c, bool new)
{
	const struct ls_rset *s = new ? c->new : c->base;
	unsigned int lo, hi;
	int n;

	rounds_range(c, new, &lo, &hi);
	n = snprintf(buf, size, "%zu run%s, ", s->nr_runs, s->nr_runs > 1 ? "s" : "");
	if (lo == hi)
		snprintf(buf + n, size - n, "%u round%s a cell", lo, lo == 1 ? "" : "s");
	else
		snprintf(buf + n, size - n, "%u to %u rounds a cell", lo, hi);
}

/* "X" when both sides say X, "X (base), Y (new)" else; "unknown" when neither says. */
static void fmt_machine(char *buf, size_t size, const char *a, const char *b)
{
	if (!strcmp(a, b) || !*b)
		snprintf(buf, size, "%s", *a ? a : *b ? b : "unknown");
	else
		snprintf(buf, size, "%s (base), %s (new)", *a ? a : "unknown", b);
}

static void print_md_head(const struct ls_cmp *c, FILE *f)
{
	const struct ls_run_info *rb = &c->base->runs[0], *rn = &c->new->runs[0];
	char kb[256], kn[256], cpu[300], virt[80], ab[64], an[64];

	ls_run_kernel_name(rb, kb, sizeof(kb));
	ls_run_kernel_name(rn, kn, sizeof(kn));
	fmt_machine(cpu, sizeof(cpu), rb->cpu_model, rn->cpu_model);
	fmt_machine(virt, sizeof(virt), rb->virt, rn->virt);
	if (!strcmp(cpu, "unknown"))
		snprintf(cpu, sizeof(cpu), "CPU model unknown");
	fmt_amount(ab, sizeof(ab), c, false);
	fmt_amount(an, sizeof(an), c, true);
	fprintf(f,
		"lsbench compare: base %s (%s) against new %s (%s); %s, virt %s; ns per op, the "
		"geometric mean of the %s ± its 95%% interval.\n\n",
		kb, ab, kn, an, cpu, virt,
		c->base->nr_runs == 1 && c->new->nr_runs == 1 ? "rounds"
		: c->paired				      ? "runs (paired)"
							      : "runs");
	if (c->base->nr_runs >= LS_TRIM_MIN || c->new->nr_runs >= LS_TRIM_MIN)
		fprintf(f,
			"With %d or more runs (pairs), %g%% of them are set aside from each end "
			"before the test (Yuen's trimmed t): one run in a slow spell cannot carry "
			"it.\n\n",
			LS_TRIM_MIN, 100 * LS_TRIM);
	if (c->opts.over_control)
		fprintf(f,
			"A cell's change is judged over its control's (the empty program on its "
			"hook, measured in the same run and round), which is judged beside it.\n\n");
	fprintf(f,
		"slower/faster: the change's 95%% CI excludes 0 and q < %g (Benjamini-Hochberg over "
		"%zu cells); same: its %d%% CI within ±%g%%; else ~; detect: the change a cell "
		"finds with 80%% power.\n\n",
		c->rule.fdr, c->nr_tested, (int)lround(100 * (1 - 2 * c->rule.tost_alpha)),
		100 * c->rule.bound);
}

static void print_markdown(const struct ls_cmp *c, const struct ls_cmp_print_opts *po,
			   const struct cols *k, FILE *f)
{
	size_t n;
	double g;

	print_md_head(c, f);
	print_common(c, po, k->mask, ".\n\n", f);
	print_table(c, po, k, f);
	g = ls_cmp_geomean(c, NULL, &n);
	fprintf(f, "\ngeometric mean of the ratios new / base: %.3f (%zu cells)\n\n", g, n);
	print_counts(c, po, f);
}

void ls_cmp_print(const struct ls_cmp *c, const struct ls_cmp_print_opts *po, FILE *f)
{
	struct cols k = { .mask = varying(c, po), .added = has_added(c) };

	if (po->format == LS_CMP_MARKDOWN)
		print_markdown(c, po, &k, f);
	else
		print_text(c, po, &k, f);
}
