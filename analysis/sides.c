// SPDX-License-Identifier: GPL-2.0
/*
 * The checks before a comparison: figures of different machines, of one
 * run against itself, or of a side that pools several kernels say nothing
 * about a kernel change, however the test comes out.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "sides.h"

const struct ls_cli_opt ls_sides_cli_opts[] = {
	{ "--force", 0, NULL,
	  "compare sides of different CPU models or virtualisation, with a warning (refused "
	  "otherwise)",
	  LS_CLI_FLAG, LS_CLI_AT(struct ls_sides_opts, force) },
	{ "--trial", 0, NULL,
	  "read runs marked a trial (lsbench run --slowdown, a test's fault), which are refused "
	  "otherwise: power trials only",
	  LS_CLI_FLAG, LS_CLI_AT(struct ls_sides_opts, trials_ok) },
	{},
};

/* The run of both sides that is one folder, by its real path; NULL when none. */
static const char *same_run(const struct ls_rset *base, const struct ls_rset *new)
{
	char a[PATH_MAX], b[PATH_MAX];
	size_t i, j;

	for (i = 0; i < base->nr_runs; i++) {
		if (!realpath(base->runs[i].dir, a))
			snprintf(a, sizeof(a), "%s", base->runs[i].dir);
		for (j = 0; j < new->nr_runs; j++) {
			if (!realpath(new->runs[j].dir, b))
				snprintf(b, sizeof(b), "%s", new->runs[j].dir);
			if (!strcmp(a, b))
				return base->runs[i].dir;
		}
	}
	return NULL;
}

int ls_sides_one_kernel(const char *name, const struct ls_rset *s, char *err, size_t len)
{
	char k0[256], k[256];
	size_t i;

	ls_run_kernel_name(&s->runs[0], k0, sizeof(k0));
	for (i = 1; i < s->nr_runs; i++) {
		ls_run_kernel_name(&s->runs[i], k, sizeof(k));
		if (strcmp(k, k0)) {
			snprintf(err, len,
				 "the %s side mixes kernels %s and %s: give the runs of one kernel "
				 "a side",
				 name, k0, k);
			return -EINVAL;
		}
	}
	return 0;
}

/* The first run of s (base, then new) with a value at off, and its side's name. */
static const char *first_of(const struct ls_rset *const sides[2], size_t off, size_t *side,
			    size_t *run)
{
	const char *v;

	for (*side = 0; *side < 2; (*side)++) {
		for (*run = 0; *run < sides[*side]->nr_runs; (*run)++) {
			v = (const char *)&sides[*side]->runs[*run] + off;
			if (*v)
				return v;
		}
	}
	return NULL;
}

/* A run of either side whose value at off is set and differs from ref; NULL when none. */
static const char *other_of(const struct ls_rset *const sides[2], size_t off, const char *ref,
			    size_t *side)
{
	const char *v;
	size_t i;

	for (*side = 0; *side < 2; (*side)++) {
		for (i = 0; i < sides[*side]->nr_runs; i++) {
			v = (const char *)&sides[*side]->runs[i] + off;
			if (*v && strcmp(v, ref))
				return v;
		}
	}
	return NULL;
}

static const char *const side_names[] = { "base", "new" };

/* Different CPU models or virtualisation: refused, or with force a warning. */
static int one_machine(const char *cmd, const struct ls_rset *const sides[2], size_t off,
		       const char *what, const char *whats, bool force, FILE *warn, char *err,
		       size_t len)
{
	const char *ref, *other;
	size_t s0, s1, run;

	ref = first_of(sides, off, &s0, &run);
	other = ref ? other_of(sides, off, ref, &s1) : NULL;
	if (!other)
		return 0;
	snprintf(err, len,
		 "%s on %s '%s', %s on '%s': figures of different %s are not comparable%s",
		 side_names[s0], what, ref, side_names[s1], other, whats,
		 force ? "; compared as --force asks" : " (--force compares them anyway)");
	if (!force)
		return -EINVAL;
	fprintf(warn, "lsbench %s: warning: %s\n", cmd, err);
	*err = 0;
	return 0;
}

/* Both sides name their BPF sources and they differ: the programs measured are not one. */
static void same_programs(const char *cmd, const struct ls_rset *const sides[2], FILE *warn)
{
	size_t off = offsetof(struct ls_run_info, bpf_sources), s0, s1, run;
	const char *ref = first_of(sides, off, &s0, &run), *other;

	if (!ref || s0 != 0)
		return; /* the base side names none: an older set */
	other = other_of(sides, off, ref, &s1);
	if (other)
		fprintf(warn,
			"lsbench %s: warning: the BPF programs differ (bpf_sources %s in %s, %s in "
			"%s): a change may be lsbench's, not the kernel's\n",
			cmd, ref, side_names[s0], other, side_names[s1]);
}

int ls_sides_check(const char *cmd, const struct ls_rset *base, const struct ls_rset *new,
		   bool force, FILE *warn, char *err, size_t len)
{
	const struct ls_rset *const sides[2] = { base, new };
	const char *dir = same_run(base, new);
	int ret;

	if (dir) {
		snprintf(err, len, "%s is on both sides: a run compared with itself means nothing",
			 dir);
		return -EINVAL;
	}
	ret = ls_sides_one_kernel("base", base, err, len) ?:
		ls_sides_one_kernel("new", new, err, len) ?:
		one_machine(cmd, sides, offsetof(struct ls_run_info, cpu_model), "CPU model",
			    "CPU models",
			    force, warn, err, len) ?:
		one_machine(cmd, sides, offsetof(struct ls_run_info, virt), "virtualisation",
			    "virtualisations",
			    force, warn, err, len);
	if (!ret)
		same_programs(cmd, sides, warn);
	return ret;
}
