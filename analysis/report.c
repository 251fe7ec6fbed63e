// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench report: for one or more result sets, gnuplot scripts and data in
 * <out>/plots/, the PNGs gnuplot makes of them, and <out>/report.html that
 * shows them with relative links, with the comparison of the first set with
 * each other one.
 */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "compare.h"
#include "csv.h"
#include "csvread.h"
#include "paths.h"
#include "report.h"
#include "report-int.h"
#include "cmptable.h"
#include "sides.h"
#include "rev.h"

/* Escapes s for HTML text and attributes. */
void ls_report_html_str(struct ls_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<':
			ls_buf_printf(b, "&lt;");
			break;
		case '>':
			ls_buf_printf(b, "&gt;");
			break;
		case '&':
			ls_buf_printf(b, "&amp;");
			break;
		case '"':
			ls_buf_printf(b, "&quot;");
			break;
		default:
			ls_buf_printf(b, "%c", (unsigned char)*s < 0x20 ? ' ' : *s);
		}
	}
}

/*
 * A heading goes to the page when something follows it: drops what the page
 * gained since len (a heading and its introduction) when no plot was made
 * since plots and nothing else was written after head_end.
 */
void ls_report_drop_empty(struct report *r, size_t len, size_t head_end, unsigned int plots)
{
	if (r->nr_plots == plots && r->html.len == head_end && !r->html.err) {
		r->html.len = len;
		r->html.data[len] = 0;
	}
}

static void sets_table(struct report *r)
{
	struct ls_buf *h = &r->html;
	size_t s, i;

	ls_buf_printf(h, "<table><tr><th>set</th><th>kernel</th><th>host</th><th>CPU</th>"
			 "<th>runs</th><th>cells</th><th>schema</th></tr>\n");
	for (s = 0; s < r->nr_sets; s++) {
		const struct ls_rset *set = &r->sets[s];
		char k[256], hosts[256];

		ls_rset_kernels(set, k, sizeof(k));
		ls_rset_hosts(set, hosts, sizeof(hosts));
		ls_buf_printf(h, "<tr><td>%zu</td><td>", s + 1);
		ls_report_html_str(h, k);
		ls_buf_printf(h, "</td><td>");
		ls_report_html_str(h, hosts);
		ls_buf_printf(h, "</td><td>");
		ls_report_html_str(h, set->runs[0].cpu_model);
		ls_buf_printf(h, "</td><td>");
		for (i = 0; i < set->nr_runs; i++) {
			ls_buf_printf(h, "%s", i ? "<br>" : "");
			ls_report_html_str(h, set->runs[i].run_id);
			ls_buf_printf(h, " (");
			ls_report_html_str(h, set->runs[i].state[0] ? set->runs[i].state
								    : "state unknown");
			ls_buf_printf(h, ")");
		}
		ls_buf_printf(h, "</td><td>%zu</td><td>%u</td></tr>\n", set->nr_cells, set->schema);
	}
	ls_buf_printf(h, "</table>\n");
}

/* Labels the sets by kernel and label, with their first run when two would read the same. */
static void set_labels(struct report *r)
{
	size_t s, i, j;

	for (s = 0; s < r->nr_sets; s++) {
		char k[160];

		/* one kernel a set (sides.c): its release, and its label when it has one */
		ls_run_kernel_name(&r->sets[s].runs[0], k, sizeof(k));
		snprintf(r->labels[s], sizeof(r->labels[s]), "%.150s%s", k,
			 r->tcg[s] ? " (TCG: emulated)" : "");
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const char *t = r->sets[s].cells[i].key.map_type;

			for (j = 0; j < r->nr_types && strcmp(r->types[j], t); j++)
				;
			if (j == r->nr_types && r->nr_types < MAX_TYPES)
				r->types[r->nr_types++] = t;
		}
	}
	for (s = 1; s < r->nr_sets; s++) {
		for (i = 0; i < s; i++) {
			if (!strncmp(r->labels[i], r->labels[s], strlen(r->labels[s])))
				break;
		}
		if (i < s) { /* the same kernel twice: told apart by its first run */
			size_t l = strlen(r->labels[s]);

			snprintf(r->labels[s] + l, sizeof(r->labels[s]) - l, ", run %.40s",
				 r->sets[s].runs[0].run_id);
		}
	}
}

static const char page_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
	"<title>lsbench report</title>\n<style>\n"
	"body { font-family: sans-serif; max-width: 1100px; margin: 1em auto; color: #222; }\n"
	"img { max-width: 100%; border: 1px solid #ddd; }\n"
	"table { border-collapse: collapse; margin: 1em 0; font-size: 90%; }\n"
	"td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }\n"
	"td:first-child { text-align: left; font-family: monospace; }\n"
	"tr.slower, span.slower { background: #f8c8c0; }\n"
	"tr.faster, span.faster { background: #c4ecc4; }\n"
	"tr.unsure, span.unsure { background: #f4ecc0; }\n"
	"tr.not_ok, tr.base_only, tr.new_only { color: #777; }\n"
	"p.warn { background: #ffd7a8; border: 2px solid #c60; padding: 0.5em; font-weight: bold; }\n"
	"</style></head><body>\n<h1>lsbench report</h1>\n";

/* Counts the images that loaded when the page did: tests read it from the DOM. */
static const char page_tail[] =
	"<p id=\"imgcheck\" data-ok=\"unknown\">images: not checked (no script)</p>\n"
	"<script>\nwindow.addEventListener('load', function () {\n"
	"\tvar imgs = document.images, ok = 0, i, e = document.getElementById('imgcheck');\n"
	"\tfor (i = 0; i < imgs.length; i++)\n"
	"\t\tif (imgs[i].complete && imgs[i].naturalWidth > 0)\n\t\t\tok++;\n"
	"\te.textContent = 'images loaded: ' + ok + ' of ' + imgs.length;\n"
	"\te.setAttribute('data-ok', ok === imgs.length ? 'yes' : 'no');\n"
	"});\n</script>\n</body></html>\n";

/* Maps (loop mode only) and owners, each mode on its own axis. */
static const struct sweep sweeps[] = {
	{ .name = "maps",
	  .dim = 1,
	  .y = ls_report_y_ns,
	  .min_points = 3,
	  .logx = true,
	  .title = "ns per get against the number of maps (per-owner cache: 16)",
	  .xlabel = "local-storage maps per owner (log)",
	  .ylabel = "ns per operation, bpf_loop harness included (log)" },
	{ .name = "owners",
	  .mode = "loop",
	  .dim = 2,
	  .y = ls_report_y_ns,
	  .min_points = 2,
	  .logx = true,
	  .title = "ns per operation against owners, loop mode",
	  .xlabel = "owners: tasks, sockets, files, cgroups (log)",
	  .ylabel = "ns per operation, bpf_loop harness included (log)" },
	{ .name = "owners-hook",
	  .mode = "hook",
	  .dim = 2,
	  .y = ls_report_y_ns,
	  .min_points = 2,
	  .logx = true,
	  .title = "ns per operation against owners, hook mode (one per trigger)",
	  .xlabel = "owners: tasks, sockets, files, cgroups (log)",
	  .ylabel = "ns per operation, trigger included (log)" },
};

/* A run's meta.txt value for key, or "". */
static void meta_value(const char *dir, const char *key, char *buf, size_t size)
{
	char path[PATH_MAX + 16], line[512];
	size_t n = strlen(key);
	FILE *f;

	buf[0] = 0;
	snprintf(path, sizeof(path), "%s/meta.txt", dir);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = 0;
		if (!strncmp(line, key, n) && line[n] == ':' && line[n + 1] == ' ') {
			snprintf(buf, size, "%s", line + n + 2);
			break;
		}
	}
	if (f)
		fclose(f);
}

/* Which sets ran under TCG; what the loop harness costs: the loop-mode empty controls. */
static void sets_context(struct report *r)
{
	char v[128];
	size_t s, i;

	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_runs; i++) {
			meta_value(r->sets[s].runs[i].dir, "virt", v, sizeof(v));
			r->tcg[s] |= !strcmp(v, "tcg");
		}
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const struct ls_rcell *c = &r->sets[s].cells[i];
			size_t n = strlen(c->key.scenario);

			if (strcmp(c->status, "ok") || strcmp(c->key.mode, "loop") ||
			    c->key.cpus != 1 || n < 6 ||
			    strcmp(c->key.scenario + n - 6, "-empty") || !(c->ns_per_op > 0))
				continue;
			if (!(r->harness_hi > 0) || c->ns_per_op < r->harness_lo)
				r->harness_lo = c->ns_per_op;
			if (c->ns_per_op > r->harness_hi)
				r->harness_hi = c->ns_per_op;
		}
	}
}

/* A warning at the top when the report or a run comes from uncommitted changes. */
static void dirty_warning(struct report *r)
{
	char rev[128], dirty[128];
	size_t s, i;

	if (ls_rev_dirty(LSBENCH_REV))
		ls_buf_printf(&r->html,
			      "<p class=\"warn\">Dirty: this report was written by lsbench %s, "
			      "built from uncommitted changes.</p>\n",
			      LSBENCH_REV);
	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_runs; i++) {
			const char *dir = r->sets[s].runs[i].dir;

			meta_value(dir, "lsbench_revision", rev, sizeof(rev));
			meta_value(dir, "dirty", dirty, sizeof(dirty));
			if (!ls_rev_dirty(rev) && strncmp(dirty, "yes", 3))
				continue;
			ls_buf_printf(&r->html, "<p class=\"warn\">Dirty: run ");
			ls_report_html_str(&r->html, r->sets[s].runs[i].run_id);
			ls_buf_printf(&r->html, " of set [%zu] was measured by lsbench ", s + 1);
			ls_report_html_str(&r->html, rev);
			ls_buf_printf(&r->html, ", built from uncommitted changes.</p>\n");
		}
	}
}

/* The plots, each heading only where a plot (or what it left out) follows it. */
static int plot_sections(struct report *r)
{
	size_t i, len = r->html.len, head_end;
	unsigned int plots = r->nr_plots;
	int ret = 0;

	ls_buf_printf(&r->html, "<h2>Per map type</h2>\n");
	for (i = 0; !ret && i < r->nr_types; i++)
		ret = ls_report_type_plots(r, r->types[i]);
	ls_report_drop_empty(r, len, len + strlen("<h2>Per map type</h2>\n"), plots);
	len = r->html.len;
	plots = r->nr_plots;
	ls_buf_printf(&r->html,
		      "<h2>Sweeps</h2>\n<p>A line per cell that differs only in the swept "
		      "value, a colour per cell and a dash per set; cells of no sweep (one point) "
		      "are in the plots above. A gap in a line: a cell not ok.</p>\n");
	if (r->nr_ci)
		ls_buf_printf(&r->html,
			      "<p>Error bars of ns per operation: the interval summary.csv "
			      "gives (ns_per_op_ci_lo to ns_per_op_ci_hi).</p>\n");
	head_end = r->html.len;
	for (i = 0; !ret && i < sizeof(sweeps) / sizeof(sweeps[0]); i++)
		ret = ls_report_sweep_plot(r, &sweeps[i]);
	ls_report_drop_empty(r, len, head_end, plots);
	len = r->html.len;
	plots = r->nr_plots;
	ls_buf_printf(&r->html, "<h2>Latency histogram</h2>\n");
	ret = ret ?: ls_report_hist_plot(r);
	ls_report_drop_empty(r, len, len + strlen("<h2>Latency histogram</h2>\n"), plots);
	return ret;
}

static int write_report(struct report *r)
{
	char path[PATH_MAX + 16];
	size_t i;
	int ret;

	sets_context(r);
	for (i = 0; i < r->nr_sets; i++)
		ls_report_load_ci(r, i);
	set_labels(r);
	snprintf(r->plots, sizeof(r->plots), "%s/plots", r->a.out);
	if (mkdir(r->a.out, 0755) && errno != EEXIST) {
		snprintf(r->err, sizeof(r->err), "cannot make %s: %s", r->a.out, strerror(errno));
		return -errno;
	}
	if (mkdir(r->plots, 0755) && errno != EEXIST) {
		snprintf(r->err, sizeof(r->err), "cannot make %s: %s", r->plots, strerror(errno));
		return -errno;
	}
	snprintf(path, sizeof(path), "%s/gnuplot.log", r->plots);
	unlink(path);
	ls_buf_printf(&r->html, "%s", page_head);
	dirty_warning(r);
	ls_buf_printf(&r->html,
		      "<p>Written by lsbench %s. The comparisons come first, with compare's "
		      "figures (the geometric mean of each side's units); the plots show "
		      "summary.csv's ns_per_op (the median over rounds of each round's median). "
		      "Every plot names its sets (kernel and label, [N]: set N).</p>\n",
		      LSBENCH_REV);
	sets_table(r);
	for (i = 1, ret = 0; !ret && i < r->nr_sets; i++)
		ret = ls_report_compare_section(r, i);
	ret = ret ?: plot_sections(r);
	if (ret)
		return ret;
	ls_buf_printf(&r->html, "%s", page_tail);
	snprintf(path, sizeof(path), "%s/report.html", r->a.out);
	ret = r->html.err ?: ls_write_atomic(path, r->html.data, r->html.len);
	if (ret)
		snprintf(r->err, sizeof(r->err), "cannot write %s: %s", path, strerror(-ret));
	else
		printf("written: %s (%u plots)\n", path, r->nr_plots);
	return ret;
}

/* --cell names a scenario/mode of some set, or is refused before anything is written. */
static int cell_known(struct report *r)
{
	size_t s, i;
	char sm[160], q[48];

	if (!r->a.cell)
		return 0;
	for (s = 0; s < r->nr_sets; s++) {
		for (i = 0; i < r->sets[s].nr_cells; i++) {
			const struct ls_key *k = &r->sets[s].cells[i].key;

			snprintf(sm, sizeof(sm), "%s/%s", k->scenario, k->mode);
			if (!strcmp(sm, r->a.cell))
				return 0;
		}
	}
	ls_csvr_quote(r->a.cell, q, sizeof(q));
	snprintf(r->err, sizeof(r->err),
		 "--cell '%s': no such SCENARIO/MODE in the sets (%s is one)", q, sm);
	return -EINVAL;
}

#define ARGS(field) LS_CLI_AT(struct ls_report_args, field)

static const struct ls_cli_opt report_opts[] = {
	{ "--output", 'o', "DIR", "where report.html and plots/ go", LS_CLI_STR, ARGS(out),
	  .def_text = "the run folder, when SET is one", .what = "a folder" },
	{ "--cell", 'c', "S/MODE", "the cell of the latency histogram", LS_CLI_STR, ARGS(cell),
	  .def_text = "task-get/hook", .what = "a scenario/mode" },
	{ .kind = LS_CLI_CHILD, ARGS(bound), .child = ls_cmp_bound_opts },
	{ .kind = LS_CLI_CHILD, ARGS(sides), .child = ls_sides_cli_opts },
	{},
};

#define MAX_SETS LS_STR(LS_REPORT_MAX_SETS)

const struct ls_cli_cmd ls_report_cmd = {
	.name = "report",
	.synopsis = "[options] SET [SET...]",
	.desc = "SET: a run folder, a folder of them, or several joined by commas (merged, as "
		"compare's sides); up to " MAX_SETS " sets, each a line in the plots; those after "
		"the first are compared with the first as compare compares them.",
	.opts = report_opts,
	.min_args = 1,
	.max_args = LS_REPORT_MAX_SETS,
};

int ls_report_main(int argc, char **argv)
{
	struct report *r = calloc(1, sizeof(*r));
	int pos, ret;
	size_t i;

	if (!r)
		return 2;
	ret = ls_cli_main(&ls_report_cmd, argc, argv, &r->a, &pos);
	if (ret >= 0) {
		free(r);
		return ret;
	}
	ret = 0;
	for (i = pos; !ret && i < (size_t)argc; i++) {
		r->sets[r->nr_sets].trials_ok = r->a.sides.trials_ok;
		ret = ls_rset_add(&r->sets[r->nr_sets++], argv[i], r->err, sizeof(r->err));
	}
	ret = ret ?: cell_known(r);
	/* each set after the first is compared with it: checked as compare checks its sides */
	for (i = 1; !ret && i < r->nr_sets; i++)
		ret = ls_sides_check("report", &r->sets[0], &r->sets[i], r->a.sides.force, stderr,
				     r->err, sizeof(r->err));
	if (!ret && !r->a.out) {
		if (r->nr_sets == 1 && r->sets[0].nr_runs == 1) {
			r->a.out = r->sets[0].runs[0].dir;
		} else {
			snprintf(r->err, sizeof(r->err),
				 "several runs: name the report folder with -o");
			ret = -EINVAL;
		}
	}
	ret = ret ?: write_report(r);
	if (ret)
		ls_cli_error(&ls_report_cmd, "%s", r->err);
	for (i = 0; i < r->nr_sets; i++)
		ls_rset_free(&r->sets[i]);
	ls_buf_free(&r->html);
	free(r->ci);
	free(r);
	return ret ? 2 : 0;
}
