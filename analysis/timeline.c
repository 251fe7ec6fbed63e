// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench timeline: one result set per kernel, ordered by version. For each
 * cell: its figure on every kernel with the 95% interval of its round medians
 * (timeline.csv), the step from each kernel to the next tested as compare
 * tests two sets, Benjamini-Hochberg over the cells of each step (steps.csv),
 * a table (timeline.md) and a plot per cell (plots/).
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "compare.h"
#include "csv.h"
#include "gnuplot.h"
#include "sides.h"
#include "timeline.h"

struct tl_kernel {
	char release[200]; /* the kernel, with its label when it has one */
	char series[16];
	char path[PATH_MAX];
	struct ls_rset set;
};

struct timeline {
	struct tl_kernel k[LS_TIMELINE_MAX_KERNELS];
	size_t n;
	struct ls_key *cells; /* every cell of any kernel, in ls_key_cmp's order */
	size_t nr_cells;
	struct ls_cmp steps[LS_TIMELINE_MAX_KERNELS - 1]; /* kernel i to i + 1 */
	size_t nr_steps; /* built so far */
	struct ls_timeline_args a;
	char plots[PATH_MAX];
	char err[768];
};

#define ARGS(field) LS_CLI_AT(struct ls_timeline_args, field)

static const struct ls_cli_opt timeline_opts[] = {
	{ "--output", 'o', "DIR", "where timeline.csv, steps.csv, timeline.md and plots/ go",
	  LS_CLI_STR, ARGS(out), .def = "timeline", .what = "a folder" },
	{ .kind = LS_CLI_CHILD, ARGS(opts), .child = ls_cmp_rule_opts },
	{},
};

const struct ls_cli_cmd ls_timeline_cmd = {
	.name = "timeline",
	.synopsis = "[options] SET...",
	.desc = "Puts result sets of one kernel each in the order of their versions: each cell's "
		"figure against the kernel, with the 95% interval of its round medians, and the "
		"steps between neighbouring kernels that are significant. SET: one kernel's "
		"results (a run folder, a folder of them, several joined by commas), or a results "
		"root whose folders are kernels (lsbench vm's -o): every kernel in it but compare/ "
		"and timeline/.",
	.opts = timeline_opts,
	.footer = "A step is judged as lsbench compare judges: slower, faster, same or ~; the "
		  "family of each step's tests is its cells.",
	.min_args = 1,
	.max_args = -1,
};

int ls_release_cmp(const char *a, const char *b)
{
	return strverscmp(a, b);
}

void ls_release_series(const char *release, char *buf, size_t size)
{
	unsigned int x, y;

	if (sscanf(release, "%u.%u", &x, &y) == 2)
		snprintf(buf, size, "%u.%u", x, y);
	else
		snprintf(buf, size, "?");
}

static int kernel_add(struct timeline *t, const char *path)
{
	char other[sizeof(t->k[0].release)];
	struct tl_kernel *k;
	size_t i;
	int ret;

	if (t->n == LS_TIMELINE_MAX_KERNELS) {
		snprintf(t->err, sizeof(t->err), "more than %d kernels", LS_TIMELINE_MAX_KERNELS);
		return -E2BIG;
	}
	k = &t->k[t->n];
	memset(k, 0, sizeof(*k));
	snprintf(k->path, sizeof(k->path), "%s", path);
	ret = ls_rset_add(&k->set, path, t->err, sizeof(t->err));
	if (ret)
		return ret;
	/* a kernel is a release, or a labelled build of one (lsbench run --label) */
	ls_run_kernel_name(&k->set.runs[0], k->release, sizeof(k->release));
	for (i = 1; i < k->set.nr_runs; i++) {
		ls_run_kernel_name(&k->set.runs[i], other, sizeof(other));
		if (strcmp(other, k->release)) {
			snprintf(t->err, sizeof(t->err),
				 "%.200s holds kernels %.100s and %.100s: "
				 "one kernel per set",
				 path, k->release, other);
			ls_rset_free(&k->set);
			return -EINVAL;
		}
	}
	ls_release_series(k->release, k->series, sizeof(k->series));
	for (i = 0; i < t->n; i++) {
		if (!strcmp(t->k[i].release, k->release)) {
			snprintf(t->err, sizeof(t->err),
				 "kernel %.100s twice: in %.200s and %.200s", k->release,
				 t->k[i].path, path);
			ls_rset_free(&k->set);
			return -EINVAL;
		}
	}
	t->n++;
	return 0;
}

static bool has_summary(const char *dir)
{
	char p[PATH_MAX * 2 + 16];
	struct stat st;

	snprintf(p, sizeof(p), "%s/summary.csv", dir);
	return !stat(p, &st);
}

/* Whether dir holds run folders (folders with summary.csv) or, deep, folders that do. */
static bool holds(const char *dir, int depth)
{
	char p[PATH_MAX * 2];
	struct dirent *e;
	bool found = false;
	DIR *d = opendir(dir);

	while (d && !found && (e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		found = depth > 1 ? holds(p, depth - 1) : has_summary(p);
	}
	if (d)
		closedir(d);
	return found;
}

/* Every kernel folder of a results root, but compare/ and timeline/. */
static int root_add(struct timeline *t, const char *dir)
{
	char p[PATH_MAX + 256];
	struct dirent **names;
	int i, n, ret = 0;

	n = scandir(dir, &names, NULL, alphasort);
	if (n < 0) {
		snprintf(t->err, sizeof(t->err), "cannot read %.300s: %s", dir, strerror(errno));
		return -errno;
	}
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;

		snprintf(p, sizeof(p), "%s/%s", dir, name);
		if (!ret && name[0] != '.' && strcmp(name, "compare") && strcmp(name, "timeline") &&
		    holds(p, 1))
			ret = kernel_add(t, p);
		free(names[i]);
	}
	free(names);
	return ret;
}

/* The 95% interval of a cell's figure: exp of the t interval of its log round medians. */
static void cell_ci(const struct ls_rcell *c, double *lo, double *hi)
{
	struct ls_units u;
	double center, h;

	*lo = *hi = NAN;
	if (c->nr_rounds < 2 || ls_cell_units(c, false, &u))
		return;
	if (!ls_log_interval(u.logs, u.n, false, 1 - LS_CMP_LEVEL, &center, &h)) {
		*lo = exp(center - h);
		*hi = exp(center + h);
	}
	ls_units_free(&u);
}

static int key_sort(const void *a, const void *b)
{
	return ls_key_cmp(a, b);
}

/* The union of every kernel's cells. */
static int collect_cells(struct timeline *t)
{
	size_t i, j, cap = 0;

	for (i = 0; i < t->n; i++)
		cap += t->k[i].set.nr_cells;
	t->cells = calloc(cap ?: 1, sizeof(*t->cells));
	if (!t->cells)
		return -ENOMEM;
	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->k[i].set.nr_cells; j++) {
			const struct ls_key *k = &t->k[i].set.cells[j].key;
			size_t x;

			for (x = 0; x < t->nr_cells && ls_key_cmp(&t->cells[x], k); x++)
				;
			if (x == t->nr_cells)
				t->cells[t->nr_cells++] = *k;
		}
	}
	qsort(t->cells, t->nr_cells, sizeof(*t->cells), key_sort);
	return 0;
}

static int kernel_sort(const void *a, const void *b)
{
	return ls_release_cmp(((const struct tl_kernel *)a)->release,
			      ((const struct tl_kernel *)b)->release);
}

/* Each neighbouring pair compared as lsbench compare does. */
static int build_steps(struct timeline *t)
{
	size_t i;
	int ret;

	for (i = 0; i + 1 < t->n; i++) {
		ret = ls_cmp_build(&t->steps[i], &t->k[i].set, &t->k[i + 1].set, &t->a.opts, t->err,
				   sizeof(t->err));
		if (ret)
			return ret;
		t->nr_steps++;
	}
	return 0;
}

/* The row of cell k in step i, when both kernels have it ok. */
static const struct ls_cmp_row *step_row(const struct timeline *t, size_t i, const struct ls_key *k)
{
	size_t r;

	for (r = 0; r < t->steps[i].nr_rows; r++) {
		const struct ls_cmp_row *row = &t->steps[i].rows[r];

		if (row->kind == LS_CMP_BOTH && !ls_key_cmp(&row->base->key, k))
			return row;
	}
	return NULL;
}

static int write_out(struct timeline *t, const char *name, struct ls_buf *b)
{
	char path[PATH_MAX + 64];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", t->a.out, name);
	ret = b->err ?: ls_write_atomic(path, b->data ?: "", b->len);
	if (ret)
		snprintf(t->err, sizeof(t->err), "cannot write %.300s: %s", path, strerror(-ret));
	ls_buf_free(b);
	return ret;
}

static int timeline_csv(struct timeline *t)
{
	struct ls_buf b = {};
	double lo, hi;
	size_t c, i;

	ls_buf_printf(&b, LS_KEY_CSV_HEADER
		      ",series,kernel,status,ns_per_op,ci_lo,ci_hi,rounds,reason\n");
	for (c = 0; c < t->nr_cells; c++) {
		for (i = 0; i < t->n; i++) {
			const struct ls_rcell *r = ls_rset_find(&t->k[i].set, &t->cells[c]);
			bool ok = r && !strcmp(r->status, "ok");

			ls_key_csv(&b, &t->cells[c]);
			ls_csv_str(&b, t->k[i].series);
			ls_csv_str(&b, t->k[i].release);
			ls_csv_str(&b, r ? r->status : "absent");
			lo = hi = NAN;
			if (ok)
				cell_ci(r, &lo, &hi);
			ls_csv_double(&b, ok ? r->ns_per_op : NAN);
			ls_csv_double(&b, lo);
			ls_csv_double(&b, hi);
			ls_csv_u64(&b, r ? r->nr_rounds : 0);
			ls_csv_str(&b, r ? r->reason : "");
			ls_csv_end_row(&b);
		}
	}
	return write_out(t, "timeline.csv", &b);
}

/* What a step's verdict rests on, as compare.csv has it. */
static void step_judgement(struct ls_buf *b, const struct ls_cmp_row *row)
{
	char why[LS_CMP_WHY_SIZE];

	ls_csv_double(b, 100 * (row->ratio - 1));
	ls_csv_double(b, row->j.tost_lo);
	ls_csv_double(b, row->j.tost_hi);
	ls_csv_double(b, 100 * row->j.detectable);
	if (row->j.units_needed)
		ls_csv_u64(b, row->j.units_needed);
	else
		ls_csv_str(b, NULL);
	ls_csv_str(b, ls_unit_name(row->unit));
	ls_csv_u64(b, row->base_noisy);
	ls_csv_u64(b, row->new_noisy);
	ls_cmp_row_why(row, why, sizeof(why));
	ls_csv_str(b, why);
}

static int steps_csv(struct timeline *t)
{
	struct ls_buf b = {};
	size_t c, i;

	ls_buf_printf(&b, LS_KEY_CSV_HEADER
		      ",from_series,from_kernel,to_series,to_kernel,ratio,ci_lo,"
		      "ci_hi,p,q,verdict,change_pct,tost_lo,tost_hi,detectable_pct,"
		      "rounds_needed,unit,from_noisy,to_noisy,why\n");
	for (c = 0; c < t->nr_cells; c++) {
		for (i = 0; i + 1 < t->n; i++) {
			const struct ls_cmp_row *row = step_row(t, i, &t->cells[c]);

			if (!row)
				continue;
			ls_key_csv(&b, &t->cells[c]);
			ls_csv_str(&b, t->k[i].series);
			ls_csv_str(&b, t->k[i].release);
			ls_csv_str(&b, t->k[i + 1].series);
			ls_csv_str(&b, t->k[i + 1].release);
			ls_csv_double(&b, row->ratio);
			ls_csv_double(&b, row->j.ci_lo);
			ls_csv_double(&b, row->j.ci_hi);
			ls_csv_double(&b, row->p);
			ls_csv_double(&b, row->q);
			ls_csv_str(&b, ls_cmp_row_verdict(row));
			step_judgement(&b, row);
			ls_csv_end_row(&b);
		}
	}
	return write_out(t, "steps.csv", &b);
}

static bool significant(const struct ls_cmp_row *row)
{
	return row && (row->verdict == LS_SLOWER || row->verdict == LS_FASTER);
}

static bool unsure(const struct ls_cmp_row *row)
{
	return row && row->verdict == LS_UNSURE;
}

/* timeline.md: a row per cell, a column per kernel; a significant step's ratio beside its figure.
 */
static int timeline_md(struct timeline *t, FILE *echo)
{
	struct ls_buf b = {};
	char label[160];
	size_t c, i;

	ls_buf_printf(&b, "| cell |");
	for (i = 0; i < t->n; i++)
		ls_buf_printf(&b, " %s |", t->k[i].series);
	ls_buf_printf(&b, "\n|---|");
	for (i = 0; i < t->n; i++)
		ls_buf_printf(&b, "---:|");
	ls_buf_printf(&b, "\n");
	for (c = 0; c < t->nr_cells; c++) {
		ls_key_label(&t->cells[c], label, sizeof(label));
		ls_buf_printf(&b, "| %s |", label);
		for (i = 0; i < t->n; i++) {
			const struct ls_rcell *r = ls_rset_find(&t->k[i].set, &t->cells[c]);
			const struct ls_cmp_row *row = i ? step_row(t, i - 1, &t->cells[c]) : NULL;

			if (!r || strcmp(r->status, "ok"))
				ls_buf_printf(&b, " %s |", r ? r->status : "");
			else if (significant(row))
				ls_buf_printf(&b, " **%.1f** (%.2fx) |", r->ns_per_op, row->ratio);
			else if (unsure(row))
				ls_buf_printf(&b, " %.1f (~%.2fx) |", r->ns_per_op, row->ratio);
			else
				ls_buf_printf(&b, " %.1f |", r->ns_per_op);
		}
		ls_buf_printf(&b, "\n");
	}
	ls_buf_printf(&b,
		      "\nns per operation, geometric mean of the round medians. **Bold** (ratio): "
		      "a step from the kernel before, slower or faster (its 95%% interval "
		      "excludes 1, q < %g). (~ratio): a step that cannot be told: neither that "
		      "nor shown within -/+%g%% (steps.csv: the rounds that would tell). "
		      "Plain: the same, within -/+%g%%.\n"
		      "Kernels (the lsbench revision that measured them):",
		      t->a.opts.fdr, t->a.opts.bound * 100, t->a.opts.bound * 100);
	for (i = 0; i < t->n; i++)
		ls_buf_printf(&b, "%s %s (%s)", i ? "," : "", t->k[i].release,
			      *t->k[i].set.runs[0].rev ? t->k[i].set.runs[0].rev : "?");
	ls_buf_printf(&b, ".\n");
	if (echo && !b.err)
		fwrite(b.data, 1, b.len, echo);
	return write_out(t, "timeline.md", &b);
}

/* plots/<cell>.png: the figure against the kernel, its interval, significant steps labelled. */
static int cell_plot(struct timeline *t, size_t c)
{
	struct ls_buf dat = {}, gp = {};
	char label[160], name[200], path[PATH_MAX + 256];
	size_t i, n = 0;
	double lo, hi;
	int ret;

	ls_key_label(&t->cells[c], label, sizeof(label));
	ls_safe_name(label, name, sizeof(name));
	for (i = 0; i < t->n; i++) {
		const struct ls_rcell *r = ls_rset_find(&t->k[i].set, &t->cells[c]);
		const struct ls_cmp_row *row = i ? step_row(t, i - 1, &t->cells[c]) : NULL;

		if (!r || strcmp(r->status, "ok"))
			continue;
		cell_ci(r, &lo, &hi);
		ls_buf_printf(&dat, "%zu %.6f %.6f %.6f \"%s\" \"%s\"\n", i, r->ns_per_op,
			      isfinite(lo) ? lo : r->ns_per_op, isfinite(hi) ? hi : r->ns_per_op,
			      t->k[i].series, significant(row) ? "step" : "");
		n++;
	}
	if (!n) {
		ls_buf_free(&dat);
		return 0;
	}
	snprintf(path, sizeof(path), "%s/%s.dat", t->plots, name);
	ret = dat.err ?: ls_write_atomic(path, dat.data, dat.len);
	ls_buf_free(&dat);
	if (ret) {
		snprintf(t->err, sizeof(t->err), "cannot write %.300s: %s", path, strerror(-ret));
		return ret;
	}
	ls_buf_printf(&gp, "cd ");
	ls_gp_str(&gp, t->plots);
	ls_buf_printf(&gp, "\nset terminal pngcairo size 900,420\nset output '%s.png'\nset title ",
		      name);
	ls_gp_str(&gp, label);
	ls_buf_printf(&gp,
		      "\nset ylabel 'ns per operation'\nset xlabel 'kernel series'\n"
		      "set xrange [-0.5:%zu.5]\nset logscale y\nset grid ytics\n"
		      "set key top left\nplot '%s.dat' using 1:2:3:4:xtic(5) with yerrorlines "
		      "lw 2 pt 7 title 'figure, 95%% interval', "
		      "'' using 1:2:(strlen(strcol(6)) ? 'step' : '') with labels offset 0,1.2 "
		      "notitle\n",
		      t->n - 1, name);
	snprintf(path, sizeof(path), "%s/%s.gp", t->plots, name);
	ret = gp.err ?: ls_write_atomic(path, gp.data, gp.len);
	ls_buf_free(&gp);
	if (ret) {
		snprintf(t->err, sizeof(t->err), "cannot write %.300s: %s", path, strerror(-ret));
		return ret;
	}
	return ls_gnuplot(t->plots, name, t->err, sizeof(t->err));
}

static int write_all(struct timeline *t)
{
	size_t c;
	int ret;

	snprintf(t->plots, sizeof(t->plots), "%s/plots", t->a.out);
	if ((mkdir(t->a.out, 0755) && errno != EEXIST) ||
	    (mkdir(t->plots, 0755) && errno != EEXIST)) {
		snprintf(t->err, sizeof(t->err), "cannot create %.300s: %s", t->plots,
			 strerror(errno));
		return -errno;
	}
	ret = timeline_csv(t) ?: steps_csv(t) ?: timeline_md(t, stdout);
	for (c = 0; !ret && c < t->nr_cells; c++)
		ret = cell_plot(t, c);
	return ret;
}

static void timeline_free(struct timeline *t)
{
	size_t i;

	for (i = 0; i < t->nr_steps; i++)
		ls_cmp_free(&t->steps[i]);
	for (i = 0; i < t->n; i++)
		ls_rset_free(&t->k[i].set);
	free(t->cells);
}

int ls_timeline_main(int argc, char **argv)
{
	static struct timeline t;
	int pos, i, ret;

	memset(&t, 0, sizeof(t));
	ret = ls_cli_main(&ls_timeline_cmd, argc, argv, &t.a, &pos);
	if (ret >= 0)
		return ret;
	ret = 0;
	for (i = pos; !ret && i < argc; i++)
		ret = holds(argv[i], 2) && !holds(argv[i], 1) ? root_add(&t, argv[i])
							      : kernel_add(&t, argv[i]);
	if (!ret && t.n < 2) {
		snprintf(t.err, sizeof(t.err), "%zu kernel%s: a timeline needs two or more", t.n,
			 t.n == 1 ? "" : "s");
		ret = -EINVAL;
	}
	if (!ret) {
		qsort(t.k, t.n, sizeof(t.k[0]), kernel_sort);
		ret = collect_cells(&t) ?: build_steps(&t);
	}
	if (ret) {
		ls_cli_error(&ls_timeline_cmd, "%s", t.err);
		timeline_free(&t);
		return 2;
	}
	ret = write_all(&t);
	if (ret)
		ls_cli_error(&ls_timeline_cmd, "%s", t.err);
	else
		printf("written: %s/timeline.csv, steps.csv, timeline.md, plots/\n", t.a.out);
	timeline_free(&t);
	return ret ? 2 : 0;
}
