// SPDX-License-Identifier: GPL-2.0
/* A speed probe per CPU, the run's reference per CPU and a round's slowdown from them. */
#include <math.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "cellrun.h"
#include "crew.h"
#include "speed.h"
#include "speed.skel.h"

/* Histogram bins: LS_SPEED_BIN_RATIO apart from LS_SPEED_BIN_LO ns, up to about a second. */
#define LS_SPEED_BIN_LO 100.0
#define LS_SPEED_BIN_RATIO 1.0025
#define LS_SPEED_BINS 6500

struct ls_speed_ref ls_speed_run;
bool ls_speed_judged = true;

/* The BPF probe (bpf/speed.bpf.c) once loaded; NULL: the arithmetic probe. */
static struct speed_bpf *probe_skel;

/* One arithmetic part: dependent multiply-adds the compiler may neither fold nor reorder. */
static double lcg_part(void)
{
	double t0 = ls_now_ns();
	uint64_t x = 1;
	unsigned int i;

	for (i = 0; i < LS_SPEED_STEPS; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		__asm__ volatile("" : "+r"(x));
	}
	return ls_now_ns() - t0;
}

/* One BPF part on the calling thread's CPU, as the program timed it; NAN if it could not run. */
static double bpf_part(void)
{
	LIBBPF_OPTS(bpf_test_run_opts, opts);

	if (bpf_prog_test_run_opts(bpf_program__fd(probe_skel->progs.speed_probe), &opts) ||
	    !opts.retval)
		return NAN;
	return opts.retval;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double ls_speed_probe(void)
{
	double part[LS_SPEED_PARTS];
	unsigned int i;

	for (i = 0; i < LS_SPEED_PARTS; i++) {
		part[i] = probe_skel ? bpf_part() : lcg_part();
		if (isnan(part[i]))
			return NAN;
	}
	qsort(part, LS_SPEED_PARTS, sizeof(part[0]), cmp_double);
	return part[LS_SPEED_PARTS / 2];
}

bool ls_speed_load(void)
{
	struct speed_bpf *skel = speed_bpf__open();

	if (skel) {
		skel->rodata->steps = LS_SPEED_STEPS;
		if (!speed_bpf__load(skel)) {
			probe_skel = skel;
			if (!isnan(bpf_part()))
				return true;
			probe_skel = NULL;
		}
	}
	speed_bpf__destroy(skel);
	return false;
}

void ls_speed_unload(void)
{
	speed_bpf__destroy(probe_skel);
	probe_skel = NULL;
}

double ls_speed_probe_on(int cpu)
{
	cpu_set_t was, on;
	double ns;

	if (cpu < 0 || cpu >= CPU_SETSIZE || sched_getaffinity(0, sizeof(was), &was))
		return NAN;
	CPU_ZERO(&on);
	CPU_SET(cpu, &on);
	if (sched_setaffinity(0, sizeof(on), &on))
		return NAN;
	ns = ls_speed_probe();
	sched_setaffinity(0, sizeof(was), &was);
	return ns;
}

static int bin_of(double ns)
{
	double b = floor(log(ns / LS_SPEED_BIN_LO) / log(LS_SPEED_BIN_RATIO));

	return b < 0 ? 0 : b >= LS_SPEED_BINS ? LS_SPEED_BINS - 1 : (int)b;
}

/* Makes room for CPU cpu's histogram: false when out of memory. */
static bool ref_grow(struct ls_speed_ref *r, int cpu)
{
	unsigned int n = cpu + 1, **bins;
	unsigned long *cnt;

	if ((unsigned int)cpu < r->nr_cpus)
		return r->bins[cpu] || (r->bins[cpu] = calloc(LS_SPEED_BINS, sizeof(unsigned int)));
	bins = realloc(r->bins, n * sizeof(*bins));
	if (bins)
		r->bins = bins;
	cnt = bins ? realloc(r->n, n * sizeof(*cnt)) : NULL;
	if (!cnt)
		return false;
	r->n = cnt;
	memset(bins + r->nr_cpus, 0, (n - r->nr_cpus) * sizeof(*bins));
	memset(cnt + r->nr_cpus, 0, (n - r->nr_cpus) * sizeof(*cnt));
	r->nr_cpus = n;
	return (r->bins[cpu] = calloc(LS_SPEED_BINS, sizeof(unsigned int)));
}

bool ls_speed_ref_add(struct ls_speed_ref *r, int cpu, double ns)
{
	if (cpu < 0 || !(ns > 0) || !isfinite(ns) || !ref_grow(r, cpu))
		return false;
	r->bins[cpu][bin_of(ns)]++;
	r->n[cpu]++;
	return true;
}

double ls_speed_ref_ns(const struct ls_speed_ref *r, int cpu)
{
	unsigned long seen = 0, want;
	int i;

	if (cpu < 0 || (unsigned int)cpu >= r->nr_cpus || r->n[cpu] < LS_SPEED_REF_MIN)
		return NAN;
	want = (unsigned long)ceil(LS_SPEED_REF_Q * r->n[cpu]);
	for (i = 0; i < LS_SPEED_BINS; i++) {
		seen += r->bins[cpu][i];
		if (seen >= want)
			break;
	}
	/* the bin's middle, on the log scale */
	return LS_SPEED_BIN_LO * pow(LS_SPEED_BIN_RATIO, i + 0.5);
}

double ls_speed_slow_pct(const struct ls_speed_ref *r, int cpu, double ns)
{
	return 100 * (ns / ls_speed_ref_ns(r, cpu) - 1);
}

void ls_speed_ref_free(struct ls_speed_ref *r)
{
	unsigned int i;

	for (i = 0; i < r->nr_cpus; i++)
		free(r->bins[i]);
	free(r->bins);
	free(r->n);
	memset(r, 0, sizeof(*r));
}

double ls_speed_rep_pct_at(const double *before, const double *after, unsigned int n,
			   unsigned int *at)
{
	double most = NAN, pct;
	unsigned int i;

	for (i = 0; i < n; i++) {
		pct = (before[i] + after[i]) / 2;
		if (!isnan(pct) && (isnan(most) || pct > most)) {
			most = pct;
			*at = i;
		}
	}
	return most;
}

double ls_speed_rep_pct(const double *before, const double *after, unsigned int n)
{
	unsigned int at;

	return ls_speed_rep_pct_at(before, after, n, &at);
}

double ls_speed_round_pct(const double *rep_pct, unsigned int n)
{
	double *x = malloc((n ?: 1) * sizeof(*x)), med = NAN;
	unsigned int i, k = 0;

	for (i = 0; x && i < n; i++) {
		if (!isnan(rep_pct[i]))
			x[k++] = rep_pct[i];
	}
	if (k) {
		qsort(x, k, sizeof(*x), cmp_double);
		med = k % 2 ? x[k / 2] : (x[k / 2 - 1] + x[k / 2]) / 2;
	}
	free(x);
	return med;
}

bool ls_speed_start(const char *virt, const int *cpus, unsigned int n)
{
	/* LSBENCH_FAULT=slowref: the start's probes read twice as long, as in a slow spell */
	double f = ls_fault("slowref") ? 2 : 1;
	unsigned int i, k;

	ls_speed_judged = strcmp(virt, "tcg") != 0;
	for (i = 0; i < n; i++) {
		for (k = 0; k < LS_SPEED_REF_MIN; k++) {
			if (!ls_speed_ref_add(&ls_speed_run, cpus[i],
					      f * ls_speed_probe_on(cpus[i])))
				return false;
		}
	}
	return true;
}

struct cpu_list {
	const int *cpus;
	unsigned int n;
};

/* Whether every CPU of the cpu_list arg reads within LS_SPEED_SLOW_PCT of its reference now. */
static bool all_back(void *arg)
{
	const struct cpu_list *l = arg;
	double ns;
	unsigned int i;
	bool back = true;

	for (i = 0; i < l->n; i++) {
		ns = ls_speed_probe_on(l->cpus[i]);
		ls_speed_ref_add(&ls_speed_run, l->cpus[i], ns);
		back = back &&
		       !(ls_speed_slow_pct(&ls_speed_run, l->cpus[i], ns) > LS_SPEED_SLOW_PCT);
	}
	return back;
}

static double wait_cap = LS_SPEED_WAIT_S;

double ls_speed_wait_cap(void)
{
	return wait_cap;
}

void ls_speed_wait_done(bool back)
{
	wait_cap = back ? LS_SPEED_WAIT_S : fmax(wait_cap / 3, LS_SPEED_POLL_S);
}

double ls_speed_poll(bool (*back)(void *arg), void *arg, bool *came_back)
{
	double t0 = ls_now_ns(), waited = 0, cap = ls_speed_wait_cap();

	*came_back = false;
	while (!*came_back && waited < cap && !ls_interrupted) {
		ls_sleep_s(LS_SPEED_POLL_S);
		*came_back = back(arg);
		waited = (ls_now_ns() - t0) / 1e9;
	}
	ls_speed_wait_done(*came_back);
	return waited;
}

double ls_speed_wait(const int *cpus, unsigned int n, bool *back)
{
	struct cpu_list l = { cpus, n };

	if ((*back = all_back(&l))) {
		ls_speed_wait_done(true);
		return 0;
	}
	return ls_speed_poll(all_back, &l, back);
}
