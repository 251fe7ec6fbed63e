// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench export: a result set as KCIDB JSON (schema v5: one checkout and one
 * build per kernel, a test per cell and kernel, each under its kernel's build
 * with the figure of that kernel's runs alone), as KTAP, or as the LAVA test
 * cases the test definition in lava/ reports (one "NAME RESULT VALUE UNIT"
 * line each); KTAP and LAVA report one kernel and refuse a set of several.
 * With a base set, each cell compared with it carries compare's verdict: a
 * slower cell fails, a ~ (inconclusive) one is KCIDB's DONE (ran, no
 * verdict), KTAP's SKIP and LAVA's unknown. A kernel is named as compare
 * names it: its release, with its label (lsbench run --label) when it has one,
 * so that two labelled builds of one release stay two kernels.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csv.h"
#include "compare.h"
#include "export.h"
#include "rset.h"
#include "sides.h"

static void name_part(struct ls_buf *b, const char *s)
{
	for (; *s; s++) {
		char c = *s;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '_' || c == '-';

		ls_buf_printf(b, "%c", ok ? c : '_');
	}
}

void ls_export_path(const struct ls_key *k, char *buf, size_t size)
{
	struct ls_buf b = {};

	ls_buf_printf(&b, "lsbench.");
	name_part(&b, k->scenario);
	ls_buf_printf(&b, ".");
	name_part(&b, k->mode);
	ls_buf_printf(&b, ".");
	name_part(&b, k->sharing);
	ls_buf_printf(&b, ".c%u.o%u.m%u.v%u", k->cpus, k->nr_objects, k->nr_maps, k->value_size);
	snprintf(buf, size, "%s", b.err ? "lsbench" : b.data);
	ls_buf_free(&b);
}

bool ls_export_origin_ok(const char *origin)
{
	const char *p;

	if (!*origin)
		return false;
	for (p = origin; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return false;
	}
	return true;
}

/* A JSON string: quotes, backslashes and control characters escaped. */
static void json_str(struct ls_buf *b, const char *s)
{
	ls_buf_printf(b, "\"");
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			ls_buf_printf(b, "\\%c", c);
		else if (c < 0x20)
			ls_buf_printf(b, "\\u%04x", c);
		else
			ls_buf_printf(b, "%c", c);
	}
	ls_buf_printf(b, "\"");
}

/* "key": "origin:a[:b]", escaped: the parts come from the files read. */
static void json_id(struct ls_buf *b, const char *key, const char *origin, const char *a,
		    const char *c)
{
	char id[512];

	snprintf(id, sizeof(id), "%s:%s%s%s", origin, a, c ? ":" : "", c ? c : "");
	ls_buf_printf(b, "\"%s\": ", key);
	json_str(b, id);
}

/* "name": value, for a figure that may not have been measured (NAN: left out). */
static void json_num(struct ls_buf *b, const char *name, double v)
{
	if (isfinite(v))
		ls_buf_printf(b, ", \"%s\": %.6f", name, v);
}

static const struct ls_run_info *cell_run(const struct ls_rset *s, const struct ls_rcell *c)
{
	return &s->runs[c->run];
}

/* The cell's figure: summary.csv's, or the pooled one of a cell merged from several runs. */
static double cell_ns(const struct ls_rcell *c)
{
	return c->nr_runs > 1 ? c->ns_per_op : c->summary_ns;
}

/* The cell's comparison with the base set; NULL without one or when not compared. */
static const struct ls_cmp_row *cell_row(const struct ls_cmp *cmp, const struct ls_rcell *c)
{
	size_t i;

	for (i = 0; cmp && i < cmp->nr_rows; i++) {
		if (cmp->rows[i].kind == LS_CMP_BOTH && cmp->rows[i].new == c)
			return &cmp->rows[i];
	}
	return NULL;
}

/* "~ against K: 1.012 (0.981 to 1.044); 9 rounds a side would tell", on one line. */
static void verdict_text(const struct ls_cmp *cmp, const struct ls_cmp_row *r, char *buf,
			 size_t size)
{
	char needed[48], kernel[256], why[LS_CMP_WHY_SIZE];
	int n;

	ls_run_kernel_name(&cmp->base->runs[r->base->run], kernel, sizeof(kernel));
	n = snprintf(buf, size, "%s%s against %s: %.3f", ls_cmp_row_noisy(r) ? "noisy, " : "",
		     ls_verdict_name(r->verdict), kernel, r->ratio);
	if (isfinite(r->j.ci_lo) && n > 0 && (size_t)n < size)
		n += snprintf(buf + n, size - n, " (%.3f to %.3f)", r->j.ci_lo, r->j.ci_hi);
	ls_cmp_row_needed(r, needed, sizeof(needed));
	ls_cmp_row_why(r, why, sizeof(why));
	if (r->verdict == LS_UNSURE && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - n, ", inconclusive: %s%s%s", why,
			 *needed ? "; would tell with " : "", needed);
}

static const char *kcidb_status(const struct ls_rcell *c, const struct ls_cmp_row *r)
{
	if (r)
		return r->verdict == LS_SLOWER ? "FAIL" : r->verdict == LS_UNSURE ? "DONE" : "PASS";
	if (!strcmp(c->status, "ok"))
		return "PASS";
	return strcmp(c->status, "unsupported") ? "FAIL" : "SKIP";
}

/* The comparison's figures in a KCIDB test's misc. */
static void kcidb_verdict(struct ls_buf *b, const struct ls_cmp_row *r)
{
	ls_buf_printf(b, ", \"verdict\": \"%s\"", ls_verdict_name(r->verdict));
	json_num(b, "ratio", r->ratio);
	json_num(b, "ci_low", r->j.ci_lo);
	json_num(b, "ci_high", r->j.ci_hi);
	json_num(b, "q", r->q);
	json_num(b, "detectable_pct", 100 * r->j.detectable);
	if (r->j.units_needed)
		ls_buf_printf(b, ", \"rounds_needed\": %u", r->j.units_needed);
}

/* Whether run i is the first of the set with its kernel (release and label). */
static bool first_of_kernel(const struct ls_rset *s, size_t i)
{
	char a[256], k[256];
	size_t j;

	ls_run_kernel_name(&s->runs[i], k, sizeof(k));
	for (j = 0; j < i; j++) {
		ls_run_kernel_name(&s->runs[j], a, sizeof(a));
		if (!strcmp(a, k))
			return false;
	}
	return true;
}

/* How many kernels the set's runs are of. */
static size_t nr_kernels(const struct ls_rset *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nr_runs; i++)
		n += first_of_kernel(s, i);
	return n;
}

/*
 * The kernels of the set: one checkout and one build each, named by release
 * and label ("6.19.0 (label patched)"); the release, and the label where there
 * is one, in the checkout's misc.
 */
static void kcidb_kernels(const struct ls_rset *s, const char *origin, struct ls_buf *b)
{
	const char *sep = "";
	char k[256];
	size_t i;

	ls_buf_printf(b, "  \"checkouts\": [");
	for (i = 0; i < s->nr_runs; i++) {
		if (!first_of_kernel(s, i))
			continue;
		ls_run_kernel_name(&s->runs[i], k, sizeof(k));
		ls_buf_printf(b, "%s\n    {", sep);
		json_id(b, "id", origin, k, NULL);
		ls_buf_printf(
			b, ", \"origin\": \"%s\", \"valid\": true, \"misc\": {\"kernel_release\": ",
			origin);
		json_str(b, s->runs[i].kernel);
		if (*s->runs[i].label) {
			ls_buf_printf(b, ", \"label\": ");
			json_str(b, s->runs[i].label);
		}
		ls_buf_printf(b, "}}");
		sep = ",";
	}
	ls_buf_printf(b, "\n  ],\n  \"builds\": [");
	sep = "";
	for (i = 0; i < s->nr_runs; i++) {
		const struct ls_run_info *r = &s->runs[i];

		if (!first_of_kernel(s, i))
			continue;
		ls_run_kernel_name(r, k, sizeof(k));
		ls_buf_printf(b, "%s\n    {", sep);
		json_id(b, "id", origin, k, NULL);
		ls_buf_printf(b, ", \"origin\": \"%s\", ", origin);
		json_id(b, "checkout_id", origin, k, NULL);
		ls_buf_printf(b, ", \"status\": \"PASS\"");
		if (*r->arch) {
			ls_buf_printf(b, ", \"architecture\": ");
			json_str(b, r->arch);
		}
		ls_buf_printf(b, ", \"misc\": {\"kernel_version\": ");
		json_str(b, r->kernel_version);
		ls_buf_printf(b, "}}");
		sep = ",";
	}
	ls_buf_printf(b, "\n  ],\n");
}

static void kcidb_test(const struct ls_rset *s, const struct ls_cmp *cmp, const struct ls_rcell *c,
		       const char *origin, struct ls_buf *b)
{
	const struct ls_run_info *r = cell_run(s, c);
	const struct ls_cmp_row *row = cell_row(cmp, c);
	char path[256], text[320], k[256];

	ls_export_path(&c->key, path, sizeof(path));
	ls_run_kernel_name(r, k, sizeof(k));
	ls_buf_printf(b, "\n    {");
	json_id(b, "id", origin, r->run_id, path);
	ls_buf_printf(b, ", \"origin\": \"%s\", ", origin);
	json_id(b, "build_id", origin, k, NULL);
	ls_buf_printf(b, ", \"path\": \"%s\", \"status\": \"%s\"", path, kcidb_status(c, row));
	if (*r->started && strlen(r->started) == 20) /* 2026-11-29T12:32:37Z */
		ls_buf_printf(b, ", \"start_time\": \"%s\"", r->started);
	if (!strcmp(c->status, "ok") && isfinite(cell_ns(c)))
		ls_buf_printf(
			b,
			", \"number\": {\"value\": %.6f, \"unit\": \"ns\", \"prefix\": \"metric\"}",
			cell_ns(c));
	if (row) {
		verdict_text(cmp, row, text, sizeof(text));
		ls_buf_printf(b, ", \"comment\": ");
		json_str(b, text);
	} else if (*c->reason) {
		ls_buf_printf(b, ", \"comment\": ");
		json_str(b, c->reason);
	}
	ls_buf_printf(b, ", \"environment\": {\"comment\": ");
	json_str(b, r->host);
	ls_buf_printf(b, ", \"misc\": {\"host\": ");
	json_str(b, r->host);
	ls_buf_printf(b, ", \"cpu_model\": ");
	json_str(b, r->cpu_model);
	ls_buf_printf(b, ", \"virt\": ");
	json_str(b, r->virt);
	ls_buf_printf(b, "}}, \"misc\": {\"run_id\": ");
	json_str(b, r->run_id);
	ls_buf_printf(b, ", \"lsbench_revision\": ");
	json_str(b, r->rev);
	ls_buf_printf(b, ", \"hook\": ");
	json_str(b, c->key.hook);
	ls_buf_printf(b, ", \"rounds\": %u", c->nr_rounds);
	json_num(b, "ops_per_sec", c->ops_per_sec);
	json_num(b, "lat_p50_ns", c->lat[0]);
	json_num(b, "lat_p99_ns", c->lat[2]);
	if (row)
		kcidb_verdict(b, row);
	ls_buf_printf(b, "}}");
}

static void kcidb(const struct ls_rset *s, const struct ls_cmp *cmp, const char *origin,
		  struct ls_buf *b)
{
	size_t i;

	ls_buf_printf(b, "{\n  \"version\": {\"major\": %d, \"minor\": %d},\n", LS_KCIDB_MAJOR,
		      LS_KCIDB_MINOR);
	kcidb_kernels(s, origin, b);
	ls_buf_printf(b, "  \"tests\": [");
	for (i = 0; i < s->nr_cells; i++) {
		kcidb_test(s, cmp, &s->cells[i], origin, b);
		if (i + 1 < s->nr_cells)
			ls_buf_printf(b, ",");
	}
	ls_buf_printf(b, "\n  ]\n}\n");
}

/* A reason on a KTAP line: no line breaks, no '#' (it starts a directive). */
static void ktap_text(struct ls_buf *b, const char *s)
{
	for (; *s; s++)
		ls_buf_printf(b, "%c", *s == '\n' || *s == '\r' || *s == '#' ? ' ' : *s);
}

/* An ok cell judged against the base: slower is not ok, ~ a SKIP that says why. */
static void ktap_verdict(const struct ls_cmp *cmp, const struct ls_cmp_row *r, size_t i,
			 const char *path, struct ls_buf *b)
{
	char text[320];

	verdict_text(cmp, r, text, sizeof(text));
	ls_buf_printf(b, "# %s: ", path);
	ktap_text(b, text);
	if (r->verdict == LS_SLOWER)
		ls_buf_printf(b, "\nnot ok %zu %s\n", i + 1, path);
	else if (r->verdict == LS_UNSURE)
		ls_buf_printf(b, "\nok %zu %s # SKIP inconclusive\n", i + 1, path);
	else
		ls_buf_printf(b, "\nok %zu %s\n", i + 1, path);
}

static void ktap(const struct ls_rset *s, const struct ls_cmp *cmp, struct ls_buf *b)
{
	char path[256], kernels[512];
	size_t i;

	ls_rset_kernel_names(s, kernels, sizeof(kernels));
	ls_buf_printf(b, "KTAP version 1\n# lsbench: kernel %s\n", kernels);
	if (cmp) {
		ls_rset_kernel_names(cmp->base, kernels, sizeof(kernels));
		ls_buf_printf(b,
			      "# compared with kernel %s: slower is not ok, ~ (inconclusive) "
			      "SKIP\n",
			      kernels);
	}
	ls_buf_printf(b, "1..%zu\n", s->nr_cells);
	for (i = 0; i < s->nr_cells; i++) {
		const struct ls_rcell *c = &s->cells[i];
		const struct ls_cmp_row *row = cell_row(cmp, c);

		ls_export_path(&c->key, path, sizeof(path));
		if (!strcmp(c->status, "ok")) {
			ls_buf_printf(b, "# %s: ns_per_op %.6f ns\n", path, cell_ns(c));
			if (row)
				ktap_verdict(cmp, row, i, path, b);
			else
				ls_buf_printf(b, "ok %zu %s\n", i + 1, path);
			continue;
		}
		if (!strcmp(c->status, "unsupported")) {
			ls_buf_printf(b, "ok %zu %s # SKIP ", i + 1, path);
		} else {
			ls_buf_printf(b, "# %s: ", path);
			ktap_text(b, c->reason);
			ls_buf_printf(b, "\nnot ok %zu %s", i + 1, path);
			if (*c->reason)
				ls_buf_printf(b, " # ");
		}
		ktap_text(b, c->reason);
		ls_buf_printf(b, "\n");
	}
}

/* LAVA: lava-test-case's result words; a figure only for cells that have one. */
static const char *lava_result(const struct ls_cmp_row *r)
{
	if (!r)
		return "pass";
	return r->verdict == LS_SLOWER ? "fail" : r->verdict == LS_UNSURE ? "unknown" : "pass";
}

static void lava(const struct ls_rset *s, const struct ls_cmp *cmp, struct ls_buf *b)
{
	char path[256];
	size_t i;

	for (i = 0; i < s->nr_cells; i++) {
		const struct ls_rcell *c = &s->cells[i];

		ls_export_path(&c->key, path, sizeof(path));
		if (!strcmp(c->status, "ok"))
			ls_buf_printf(b, "%s %s %.6f ns\n", path, lava_result(cell_row(cmp, c)),
				      cell_ns(c));
		else
			ls_buf_printf(b, "%s %s\n", path,
				      strcmp(c->status, "unsupported") ? "fail" : "skip");
	}
}

/* By enum ls_export_format. */
static const char *const formats[] = { "kcidb", "ktap", "lava", NULL };

int ls_export(const struct ls_rset *s, const struct ls_cmp *cmp, enum ls_export_format f,
	      const char *origin, struct ls_buf *b, char *err, size_t len)
{
	char kernels[512];
	size_t n = nr_kernels(s);

	if (f != LS_EXPORT_KCIDB && n > 1) {
		ls_rset_kernel_names(s, kernels, sizeof(kernels));
		snprintf(err, len,
			 "%s reports one kernel, the results hold %zu (%s): export each alone, "
			 "or all as kcidb",
			 formats[f], n, kernels);
		return -EINVAL;
	}
	switch (f) {
	case LS_EXPORT_KCIDB:
		kcidb(s, cmp, origin, b);
		break;
	case LS_EXPORT_KTAP:
		ktap(s, cmp, b);
		break;
	case LS_EXPORT_LAVA:
		lava(s, cmp, b);
		break;
	}
	return 0;
}

static int write_out(const char *out, const struct ls_buf *b)
{
	int ret;

	if (b->err)
		return ls_cli_error(&ls_export_cmd, "out of memory");
	if (!out) {
		fwrite(b->data, 1, b->len, stdout);
		return fflush(stdout) ? 2 : 0;
	}
	ret = ls_write_atomic(out, b->data, b->len);
	return ret ? ls_cli_error(&ls_export_cmd, "cannot write %s: %s", out, strerror(-ret)) : 0;
}

#define ARGS(field) LS_CLI_AT(struct ls_export_args, field)

/* The KCIDB schema written, as text for the usage: "5.0". */
#define KCIDB_SCHEMA LS_STR(LS_KCIDB_MAJOR) "." LS_STR(LS_KCIDB_MINOR)

static const struct ls_cli_opt export_opts[] = {
	{ "--format", 'f', "F",
	  "kcidb (KernelCI's KCIDB JSON, schema " KCIDB_SCHEMA "), ktap (kselftest's KTAP) or "
	  "lava (a line per cell: NAME RESULT VALUE UNIT, as lava/cells.sh reports them)",
	  LS_CLI_CHOICE, ARGS(f), .names = formats, .def = "kcidb" },
	{ "--output", 'o', "F", "write to F, whole or not at all", LS_CLI_STR, ARGS(out),
	  .def_text = "standard output", .what = "a file name" },
	{ "--origin", 0, "O", "KCIDB origin: the submitter, [a-z0-9_]+", LS_CLI_STR, ARGS(origin),
	  .valid = ls_export_origin_ok, .def = "lsbench", .what = "[a-z0-9_]+" },
	{ "--base", 0, "DIR",
	  "judge each cell against the cells of DIR (repeatable: one side) as lsbench compare "
	  "does, by the rule below",
	  LS_CLI_STRS, ARGS(base), .aux = offsetof(struct ls_export_args, nr_base),
	  .cap = LS_CMP_MAX_SIDE },
	{ .kind = LS_CLI_CHILD, ARGS(cmp), .child = ls_cmp_rule_opts },
	{},
};

const struct ls_cli_cmd ls_export_cmd = {
	.name = "export",
	.synopsis = "[options] RESULTS...",
	.desc = "Writes the cells of RESULTS (run folders, or folders of them) in a format other "
		"systems read.",
	.opts = export_opts,
	.footer = "A cell's figure is ns_per_op, in ns; ok is PASS (ok in KTAP, pass in LAVA), "
		  "failed FAIL and unsupported SKIP, with the cell's reason. Against a base, an ok "
		  "cell compare finds slower is FAIL (not ok, fail); one it finds ~, neither shown "
		  "changed nor shown the same (inconclusive: more rounds would tell), is DONE in "
		  "KCIDB (ran, no verdict), SKIP in KTAP and unknown in LAVA; faster and same are "
		  "PASS. The verdict, ratio and interval go in each cell's comment. A kernel is "
		  "its release, with its label (lsbench run --label) where it has one: KCIDB "
		  "writes each kernel's cells under its own build, each with the figures of that "
		  "kernel's runs alone; KTAP and LAVA report one kernel and refuse RESULTS of "
		  "several, as --base refuses a side of several.",
	.min_args = 1,
	.max_args = -1,
};

/*
 * Reads the set, its kernels apart, and the base; compares them when there is
 * a base, each side of one kernel; writes the format.
 */
static int export_sets(struct ls_export_args *a, char **dirs, int n)
{
	struct ls_rset s = { .by_kernel = true }, base = {};
	struct ls_buf b = {};
	struct ls_cmp c = {};
	char err[1024];
	int i, ret = 0;

	for (i = 0; !ret && i < n; i++)
		ret = ls_rset_add(&s, dirs[i], err, sizeof(err));
	for (i = 0; !ret && (size_t)i < a->nr_base; i++)
		ret = ls_rset_add(&base, a->base[i], err, sizeof(err));
	if (!ret && a->nr_base)
		ret = ls_sides_one_kernel("base", &base, err, sizeof(err)) ?:
		      ls_sides_one_kernel("new", &s, err, sizeof(err)) ?:
		      ls_cmp_build(&c, &base, &s, &a->cmp, err, sizeof(err));
	if (!ret)
		ret = ls_export(&s, a->nr_base ? &c : NULL, a->f, a->origin, &b, err, sizeof(err));
	if (ret)
		ret = ls_cli_error(&ls_export_cmd, "%s", err);
	else
		ret = write_out(a->out, &b);
	ls_buf_free(&b);
	ls_cmp_free(&c);
	ls_rset_free(&base);
	ls_rset_free(&s);
	return ret;
}

int ls_export_main(int argc, char **argv)
{
	struct ls_export_args a = {};
	int pos, ret = ls_cli_main(&ls_export_cmd, argc, argv, &a, &pos);

	return ret >= 0 ? ret : export_sets(&a, argv + pos, argc - pos);
}
