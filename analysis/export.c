// SPDX-License-Identifier: GPL-2.0
/*
 * lsbench export: a result set as KCIDB JSON (schema v5: one checkout and one
 * build per kernel, a test per cell), as KTAP, or as the LAVA test cases the
 * test definition in lava/ reports (one "NAME RESULT VALUE UNIT" line each).
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "csv.h"
#include "csvread.h"
#include "export.h"
#include "rset.h"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: lsbench export [options] RESULTS...\n"
		"  Writes the cells of RESULTS (run folders, or folders of them) in a format\n"
		"  other systems read.\n"
		"  -f, --format F   kcidb (KernelCI's KCIDB JSON, schema %d.%d; default),\n"
		"                   ktap (kselftest's KTAP) or lava (a line per cell: NAME\n"
		"                   RESULT VALUE UNIT, as lava/cells.sh reports them)\n"
		"  -o, --output F   write to F, whole or not at all (default: standard output)\n"
		"      --origin O   KCIDB origin: the submitter, [a-z0-9_]+ (default lsbench)\n"
		"  A cell's figure is ns_per_op, in ns; ok is PASS (ok in KTAP, pass in LAVA),\n"
		"  failed FAIL and unsupported SKIP, with the cell's reason.\n",
		LS_KCIDB_MAJOR, LS_KCIDB_MINOR);
}

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

int ls_export_origin_ok(const char *origin)
{
	const char *p;

	if (!*origin)
		return 0;
	for (p = origin; *p; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_'))
			return 0;
	}
	return 1;
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

static const char *kcidb_status(const struct ls_rcell *c)
{
	if (!strcmp(c->status, "ok"))
		return "PASS";
	return strcmp(c->status, "unsupported") ? "FAIL" : "SKIP";
}

/* Whether run i is the first of the set with its kernel. */
static bool first_of_kernel(const struct ls_rset *s, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (!strcmp(s->runs[j].kernel, s->runs[i].kernel))
			return false;
	}
	return true;
}

/* The kernels of the set: one checkout and one build each, named by release. */
static void kcidb_kernels(const struct ls_rset *s, const char *origin, struct ls_buf *b)
{
	const char *sep = "";
	size_t i;

	ls_buf_printf(b, "  \"checkouts\": [");
	for (i = 0; i < s->nr_runs; i++) {
		if (!first_of_kernel(s, i))
			continue;
		ls_buf_printf(b, "%s\n    {", sep);
		json_id(b, "id", origin, s->runs[i].kernel, NULL);
		ls_buf_printf(
			b, ", \"origin\": \"%s\", \"valid\": true, \"misc\": {\"kernel_release\": ",
			origin);
		json_str(b, s->runs[i].kernel);
		ls_buf_printf(b, "}}");
		sep = ",";
	}
	ls_buf_printf(b, "\n  ],\n  \"builds\": [");
	sep = "";
	for (i = 0; i < s->nr_runs; i++) {
		const struct ls_run_info *r = &s->runs[i];

		if (!first_of_kernel(s, i))
			continue;
		ls_buf_printf(b, "%s\n    {", sep);
		json_id(b, "id", origin, r->kernel, NULL);
		ls_buf_printf(b, ", \"origin\": \"%s\", ", origin);
		json_id(b, "checkout_id", origin, r->kernel, NULL);
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

static void kcidb_test(const struct ls_rset *s, const struct ls_rcell *c, const char *origin,
		       struct ls_buf *b)
{
	const struct ls_run_info *r = cell_run(s, c);
	char path[256];

	ls_export_path(&c->key, path, sizeof(path));
	ls_buf_printf(b, "\n    {");
	json_id(b, "id", origin, r->run_id, path);
	ls_buf_printf(b, ", \"origin\": \"%s\", ", origin);
	json_id(b, "build_id", origin, r->kernel, NULL);
	ls_buf_printf(b, ", \"path\": \"%s\", \"status\": \"%s\"", path, kcidb_status(c));
	if (*r->started && strlen(r->started) == 20) /* 2026-11-29T12:32:37Z */
		ls_buf_printf(b, ", \"start_time\": \"%s\"", r->started);
	if (!strcmp(c->status, "ok") && isfinite(cell_ns(c)))
		ls_buf_printf(
			b,
			", \"number\": {\"value\": %.6f, \"unit\": \"ns\", \"prefix\": \"metric\"}",
			cell_ns(c));
	if (*c->reason) {
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
	ls_buf_printf(b, "}}");
}

static void kcidb(const struct ls_rset *s, const char *origin, struct ls_buf *b)
{
	size_t i;

	ls_buf_printf(b, "{\n  \"version\": {\"major\": %d, \"minor\": %d},\n", LS_KCIDB_MAJOR,
		      LS_KCIDB_MINOR);
	kcidb_kernels(s, origin, b);
	ls_buf_printf(b, "  \"tests\": [");
	for (i = 0; i < s->nr_cells; i++) {
		kcidb_test(s, &s->cells[i], origin, b);
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

static void ktap(const struct ls_rset *s, struct ls_buf *b)
{
	char path[256], kernels[512];
	size_t i;

	ls_rset_kernels(s, kernels, sizeof(kernels));
	ls_buf_printf(b, "KTAP version 1\n# lsbench: kernel %s\n1..%zu\n", kernels, s->nr_cells);
	for (i = 0; i < s->nr_cells; i++) {
		const struct ls_rcell *c = &s->cells[i];

		ls_export_path(&c->key, path, sizeof(path));
		if (!strcmp(c->status, "ok")) {
			ls_buf_printf(b, "# %s: ns_per_op %.6f ns\n", path, cell_ns(c));
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
static void lava(const struct ls_rset *s, struct ls_buf *b)
{
	char path[256];
	size_t i;

	for (i = 0; i < s->nr_cells; i++) {
		const struct ls_rcell *c = &s->cells[i];

		ls_export_path(&c->key, path, sizeof(path));
		if (!strcmp(c->status, "ok"))
			ls_buf_printf(b, "%s pass %.6f ns\n", path, cell_ns(c));
		else
			ls_buf_printf(b, "%s %s\n", path,
				      strcmp(c->status, "unsupported") ? "fail" : "skip");
	}
}

void ls_export(const struct ls_rset *s, enum ls_export_format f, const char *origin,
	       struct ls_buf *b)
{
	switch (f) {
	case LS_EXPORT_KCIDB:
		kcidb(s, origin, b);
		break;
	case LS_EXPORT_KTAP:
		ktap(s, b);
		break;
	case LS_EXPORT_LAVA:
		lava(s, b);
		break;
	}
}

static int parse_format(const char *s, enum ls_export_format *f)
{
	if (!strcmp(s, "kcidb"))
		*f = LS_EXPORT_KCIDB;
	else if (!strcmp(s, "ktap"))
		*f = LS_EXPORT_KTAP;
	else if (!strcmp(s, "lava"))
		*f = LS_EXPORT_LAVA;
	else
		return -EINVAL;
	return 0;
}

static int write_out(const char *out, const struct ls_buf *b)
{
	int ret;

	if (b->err) {
		fprintf(stderr, "lsbench export: out of memory\n");
		return 2;
	}
	if (!out) {
		fwrite(b->data, 1, b->len, stdout);
		return fflush(stdout) ? 2 : 0;
	}
	ret = ls_write_atomic(out, b->data, b->len);
	if (ret) {
		fprintf(stderr, "lsbench export: cannot write %s: %s\n", out, strerror(-ret));
		return 2;
	}
	return 0;
}

int ls_export_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "origin", required_argument, NULL, 'O' },
		{ "help", no_argument, NULL, 'h' },
		{},
	};
	enum ls_export_format f = LS_EXPORT_KCIDB;
	const char *out = NULL, *origin = "lsbench";
	struct ls_rset s = {};
	struct ls_buf b = {};
	char err[512], q[48];
	int opt, i, ret = 0;

	optind = 1;
	opterr = 0;
	while ((opt = getopt_long(argc, argv, "+f:o:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (parse_format(optarg, &f))
				goto bad_value;
			break;
		case 'o':
			out = optarg;
			break;
		case 'O':
			if (!ls_export_origin_ok(optarg))
				goto bad_value;
			origin = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			ls_csvr_quote(argv[optind - 1], q, sizeof(q));
			fprintf(stderr, "lsbench export: unknown option or missing value: '%s'\n",
				q);
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "lsbench export: needs a results folder\n");
		return 2;
	}
	for (i = optind; !ret && i < argc; i++)
		ret = ls_rset_add(&s, argv[i], err, sizeof(err));
	if (ret) {
		fprintf(stderr, "lsbench export: %s\n", err);
		ls_rset_free(&s);
		return 2;
	}
	ls_export(&s, f, origin, &b);
	ret = write_out(out, &b);
	ls_buf_free(&b);
	ls_rset_free(&s);
	return ret;
bad_value:
	ls_csvr_quote(optarg, q, sizeof(q));
	fprintf(stderr, "lsbench export: bad value for --%s: '%s'\n",
		opt == 'f' ? "format" : "origin", q);
	return 2;
}
