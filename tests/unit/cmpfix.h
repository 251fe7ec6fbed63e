/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture result sets for compare's unit tests: run folders made from specs, loaded, compared. */
#ifndef LSBENCH_TEST_CMPFIX_H
#define LSBENCH_TEST_CMPFIX_H

/* Included after cmocka.h, compare.h and csv.h. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SUMMARY_HEADER                                                                             \
	"schema_version,run_id,kernel,host,scenario,map_type,op,hook,mode,nr_maps,nr_objects,"     \
	"value_size,cpus,status,reason,ns_per_op,ops_per_sec,sharing"
#define SUMMARY_HEADER_3                                                                           \
	",rounds,ns_per_op_ci_lo,ns_per_op_ci_hi,precision_pct,round_cv,reps_discarded,"           \
	"type_maps_alive,foreign_maps"
#define REPS_KEYS                                                                                  \
	"schema_version,run_id,scenario,map_type,op,hook,mode,nr_maps,nr_objects,value_size,"      \
	"cpus,sharing,"
#define REPS_TAIL "rep,ops,duration_s,ops_per_sec,ns_per_op\n"
#define REPS_HEADER REPS_KEYS REPS_TAIL
#define REPS_HEADER_3 REPS_KEYS "round," REPS_TAIL

static char root[64] __attribute__((unused));

static inline void put(const char *dir, const char *name, const char *text)
{
	char path[256];
	FILE *f;

	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A cell's map_type and op: an empty control's for a scenario named *-empty. */
static inline const char *fix_type(const char *sc)
{
	size_t n = strlen(sc);

	return n > 6 && !strcmp(sc + n - 6, "-empty") ? "none,empty" : "task_storage,get";
}

/* A cell's mode: hook for a scenario named hk-*, else loop. */
static inline const char *fix_mode(const char *sc)
{
	return strncmp(sc, "hk-", 3) ? "loop" : "hook";
}

/* ctl: the control column's field; NULL: the set has no such column. */
static inline void summary_row(struct ls_buf *sum, unsigned int schema, const char *run_id,
			       const char *kernel, const char *sc, const char *st, double ns,
			       int rounds, const char *ctl)
{
	ls_buf_printf(sum, "%u,%s,%s,h,%s,%s,tp_btf/sys_enter,%s,1,1,8,1,%s,%s,", schema, run_id,
		      kernel, sc, fix_type(sc), fix_mode(sc), st,
		      strcmp(st, "ok") ? "\"why, \"\"quoted\"\"\"" : "");
	if (!strcmp(st, "ok"))
		ls_buf_printf(sum, "%f,%f,private", ns, 1e9 / ns);
	else
		ls_buf_printf(sum, ",,private");
	/* a scenario named *-busy: its rounds spread beyond LS_NOISY_CV, the cell noisy */
	if (schema >= 3 && !strcmp(st, "ok"))
		ls_buf_printf(sum, ",%d,%f,%f,1.0,%s,0,1,0", rounds, ns * 0.99, ns * 1.01,
			      strstr(sc, "-busy") ? "0.2" : "0.01");
	else if (schema >= 3)
		ls_buf_printf(sum, ",,,,,,,,");
	ls_buf_printf(sum, "%s%s\n", ctl ? "," : "", ctl ?: "");
}

/* Whether a NULL-ended list of cell specs names a control ("scenario>control:..."). */
static inline bool names_control(va_list ap)
{
	const char *cell;

	while ((cell = va_arg(ap, const char *))) {
		if (strchr(cell, '>'))
			return true;
	}
	return false;
}

/*
 * A run folder root/name whose cells are "scenario:status:ns,ns/ns,ns,ns/...":
 * ns per repetition, rounds separated by '/' (schema 3; before, one round).
 * summary.csv's ns_per_op is the first repetition's: compare must not use it.
 * "scenario>control:..." names the cell's control; summary.csv has a control
 * column when a cell does so.
 */
static inline void make_run(const char *name, unsigned int schema, const char *kernel, ...)
{
	struct ls_buf sum = {}, reps = {};
	char dir[128], run_id[64];
	const char *cell;
	va_list ap;
	bool with_ctl;

	snprintf(dir, sizeof(dir), "%s/%s", root, name);
	snprintf(run_id, sizeof(run_id), "run-%s", name);
	va_start(ap, kernel);
	with_ctl = names_control(ap);
	va_end(ap);
	ls_buf_printf(&sum, "%s%s%s\n", SUMMARY_HEADER, schema >= 3 ? SUMMARY_HEADER_3 : "",
		      with_ctl ? ",control" : "");
	ls_buf_printf(&reps, "%s", schema >= 3 ? REPS_HEADER_3 : REPS_HEADER);
	va_start(ap, kernel);
	while ((cell = va_arg(ap, const char *))) {
		char sc[64], st[16], ns[1024] = "", *tok, *save, *rsave, *rtok, *ctl;
		int rep, round = 0;

		assert_true(sscanf(cell, "%63[^:]:%15[^:]:%1023s", sc, st, ns) >= 2);
		ctl = strchr(sc, '>');
		if (ctl)
			*ctl++ = 0;
		summary_row(&sum, schema, run_id, kernel, sc, st, atof(ns),
			    1 + (int)(strchr(ns, '/') != NULL), with_ctl ? ctl ?: "" : NULL);
		for (rtok = strtok_r(ns, "/", &rsave); rtok && !strcmp(st, "ok");
		     rtok = strtok_r(NULL, "/", &rsave)) {
			round++;
			rep = 0;
			for (tok = strtok_r(rtok, ",", &save); tok;
			     tok = strtok_r(NULL, ",", &save)) {
				ls_buf_printf(&reps,
					      "%u,%s,%s,%s,tp_btf/sys_enter,%s,1,1,8,1,private,",
					      schema, run_id, sc, fix_type(sc), fix_mode(sc));
				if (schema >= 3)
					ls_buf_printf(&reps, "%d,", round);
				ls_buf_printf(&reps, "%d,1000,1.0,1000,%s\n", ++rep, tok);
			}
		}
	}
	va_end(ap);
	put(dir, "summary.csv", sum.data);
	if (schema >= 2)
		put(dir, "reps.csv", reps.data);
	ls_buf_free(&sum);
	ls_buf_free(&reps);
}

/* The offsets of round medians from the cell's centre, in units of its spread. */
static const double offsets[2][5]
	__attribute__((unused)) = { { -1, -0.5, 0, 0.5, 1 }, { 0.5, -1, 1, 0, -0.5 } };

/*
 * "name:ok:..." with nr_rounds rounds whose medians are centre * (1 + spread *
 * offset), each of three repetitions 1% apart around it.
 */
static inline char *cell_spec(char *buf, size_t size, const char *name, double centre,
			      double spread, int nr_rounds, int order)
{
	int r, n = snprintf(buf, size, "%s:ok:", name);

	for (r = 0; r < nr_rounds; r++) {
		double m = centre * (1 + spread * offsets[order][r]);

		n += snprintf(buf + n, size - n, "%s%.6f,%.6f,%.6f", r ? "/" : "", m * 1.01, m,
			      m * 0.99);
	}
	return buf;
}

/* What ls_cmp_print prints for c with po (free it). */
static inline char *cmp_printed(const struct ls_cmp *c, const struct ls_cmp_print_opts *po)
{
	char *text = NULL;
	size_t len;
	FILE *f = open_memstream(&text, &len);

	assert_non_null(f);
	ls_cmp_print(c, po, f);
	fclose(f);
	return text;
}

/* The geometric mean of the round medians cell_spec makes. */
static inline double spec_centre(double centre, double spread, int nr_rounds, int order)
{
	double s = 0;
	int r;

	for (r = 0; r < nr_rounds; r++)
		s += log(centre * (1 + spread * offsets[order][r]));
	return exp(s / nr_rounds);
}

static inline int setup(void **state)
{
	char b[8][256];

	snprintf(root, sizeof(root), "/tmp/lsbench-ut.XXXXXX");
	if (!mkdtemp(root))
		return -1;
	make_run("base", 3, "6.1", cell_spec(b[0], 256, "same", 100, 0.01, 5, 0),
		 cell_spec(b[1], 256, "slow", 100, 0.005, 5, 0),
		 cell_spec(b[2], 256, "fast", 100, 0.005, 5, 0),
		 cell_spec(b[3], 256, "small", 100, 0.002, 5, 0),
		 cell_spec(b[4], 256, "noisy", 100, 0.2, 5, 0),
		 cell_spec(b[5], 256, "border", 100, 0.08, 5, 0),
		 cell_spec(b[6], 256, "one", 100, 0.01, 1, 0), "gone:ok:5,5,5/5,5,5",
		 "broken:ok:3,3/3,3", NULL);
	make_run("new", 3, "6.12", cell_spec(b[0], 256, "same", 100.2, 0.01, 5, 1),
		 cell_spec(b[1], 256, "slow", 110, 0.005, 5, 1),
		 cell_spec(b[2], 256, "fast", 85, 0.005, 5, 1),
		 cell_spec(b[3], 256, "small", 103, 0.002, 5, 1),
		 cell_spec(b[4], 256, "noisy", 110, 0.2, 5, 1),
		 cell_spec(b[5], 256, "border", 110, 0.08, 5, 1),
		 cell_spec(b[6], 256, "one", 150, 0.01, 5, 1), "broken:failed:", "added:ok:1,1/1,1",
		 NULL);
	make_run("v2", 2, "6.1", "x:ok:1,2,3", NULL);
	return 0;
}

static inline int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
	return system(cmd);
}

static inline const struct ls_cmp_row *row_of(const struct ls_cmp *c, const char *scenario)
{
	size_t i;

	for (i = 0; i < c->nr_rows; i++) {
		const struct ls_cmp_row *r = &c->rows[i];

		if (!strcmp((r->base ?: r->new)->key.scenario, scenario))
			return r;
	}
	fail_msg("no row %s", scenario);
	return NULL;
}

static inline void load(struct ls_rset *s, const char *names)
{
	char path[512], err[1024], *p = path;
	const char *n = names;

	/* names: comma-separated folders under root. */
	while (*n) {
		size_t l = strcspn(n, ",");

		p += sprintf(p, "%s%s/%.*s", p == path ? "" : ",", root, (int)l, n);
		n += l + !!n[l];
	}
	memset(s, 0, sizeof(*s));
	if (ls_rset_add(s, path, err, sizeof(err)))
		fail_msg("%s", err);
}

static inline void build_with(struct ls_cmp *c, struct ls_rset *base, struct ls_rset *new,
			      const char *b, const char *n, const struct ls_cmp_opts *o)
{
	char err[512];

	load(base, b);
	load(new, n);
	if (ls_cmp_build(c, base, new, o, err, sizeof(err)))
		fail_msg("%s", err);
}

static inline void build(struct ls_cmp *c, struct ls_rset *base, struct ls_rset *new, const char *b,
			 const char *n)
{
	const struct ls_cmp_opts o = LS_CMP_OPTS_DEFAULT;

	build_with(c, base, new, b, n, &o);
}

static inline void done(struct ls_cmp *c, struct ls_rset *base, struct ls_rset *new)
{
	ls_cmp_free(c);
	ls_rset_free(base);
	ls_rset_free(new);
}

#endif /* LSBENCH_TEST_CMPFIX_H */
