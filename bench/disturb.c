// SPDX-License-Identifier: GPL-2.0
/* What disturbed a round: preemptions, time off the CPU, CPU pressure, slow CPUs. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "disturb.h"
#include "speed.h"

bool ls_thread_nvcsw(pid_t tid, unsigned long long *n)
{
	char path[64], line[128];
	bool found = false;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/self/task/%d/status", (int)tid);
	f = fopen(path, "r");
	if (!f)
		return false;
	while (!found && fgets(line, sizeof(line), f))
		found = sscanf(line, "nonvoluntary_ctxt_switches: %llu", n) == 1;
	fclose(f);
	return found;
}

double ls_cpu_pressure_us(void)
{
	FILE *f = fopen("/proc/pressure/cpu", "r");
	unsigned long long total;
	int got;

	if (!f)
		return NAN;
	got = fscanf(f, "some avg10=%*f avg60=%*f avg300=%*f total=%llu", &total);
	fclose(f);
	return got == 1 ? (double)total : NAN;
}

/* Whether cpu is one of cpus[0..n). */
static bool among(int cpu, const int *cpus, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (cpus[i] == cpu)
			return true;
	}
	return false;
}

unsigned int ls_others_ticks(const int *cpus, unsigned int n, double *busy, double *all,
			     unsigned long long *key)
{
	unsigned long long user, nice, sys, idle, iowait, irq, softirq, steal;
	FILE *f = fopen("/proc/stat", "r");
	unsigned int others = 0;
	char line[256];
	int cpu;

	*busy = *all = NAN;
	*key = 0;
	if (!f)
		return 0;
	*busy = *all = 0;
	while (fgets(line, sizeof(line), f)) {
		/* cpuN lines, not the sum over all ("cpu ") */
		if (strncmp(line, "cpu", 3) || line[3] < '0' || line[3] > '9' ||
		    sscanf(line, "cpu%d %llu %llu %llu %llu %llu %llu %llu %llu", &cpu, &user,
			   &nice, &sys, &idle, &iowait, &irq, &softirq, &steal) != 9 ||
		    among(cpu, cpus, n))
			continue;
		*busy += user + nice + sys + irq + softirq + steal;
		*all += user + nice + sys + idle + iowait + irq + softirq + steal;
		*key += (unsigned long long)(cpu + 1) * (cpu + 1);
		others++;
	}
	fclose(f);
	return others;
}

void ls_machine_read(const int *cpus, unsigned int n, struct ls_machine_mark *m)
{
	m->psi_us = ls_cpu_pressure_us();
	m->others = ls_others_ticks(cpus, n, &m->others_busy, &m->others_all, &m->others_key);
}

int ls_noise_acc_init(struct ls_noise_acc *a, unsigned int nr)
{
	*a = (struct ls_noise_acc){ .nr = nr };
	a->cpu_ns = calloc(nr ?: 1, sizeof(*a->cpu_ns));
	a->nvcsw = calloc(nr ?: 1, sizeof(*a->nvcsw));
	if (!a->cpu_ns || !a->nvcsw) {
		ls_noise_acc_free(a);
		return -ENOMEM;
	}
	return 0;
}

void ls_noise_acc_free(struct ls_noise_acc *a)
{
	free(a->cpu_ns);
	free(a->nvcsw);
	a->cpu_ns = NULL;
	a->nvcsw = NULL;
}

void ls_noise_add(struct ls_noise_acc *a, double secs, const struct ls_noise_mark *m0,
		  const struct ls_noise_mark *m1, const struct ls_machine_mark *x0,
		  const struct ls_machine_mark *x1)
{
	unsigned int i;

	a->secs += secs;
	for (i = 0; i < a->nr; i++) {
		a->cpu_ns[i] += m1[i].cpu_ns - m0[i].cpu_ns;
		a->nvcsw[i] += m1[i].nvcsw - m0[i].nvcsw;
	}
	a->psi_us += x1->psi_us - x0->psi_us; /* NAN stays */
	if (!a->nr)
		return; /* the CPU pressure alone (owner churn runs its owners on the others) */
	if (x0->others != x1->others || x0->others_key != x1->others_key) /* CPUs online changed */
		a->others_busy = NAN;
	a->others_busy += x1->others_busy - x0->others_busy; /* NAN stays */
	a->others_all += x1->others_all - x0->others_all;
}

void ls_noise_done(const struct ls_noise_acc *a, unsigned int kept_busy, struct ls_noise *n)
{
	unsigned long long most = 0;
	double least = 1;
	unsigned int i;

	memset(n, 0, sizeof(*n));
	n->secs = a->secs;
	n->kept_busy = kept_busy;
	n->psi_pct = NAN;
	n->others_pct = NAN;
	n->slow_pct = NAN;
	n->speed_cpu = -1;
	if (a->secs > 0) {
		for (i = 0; i < a->nr; i++) {
			if (a->nvcsw[i] > most)
				most = a->nvcsw[i];
			if (a->cpu_ns[i] / 1e9 / a->secs < least)
				least = a->cpu_ns[i] / 1e9 / a->secs;
		}
		n->nvcsw_per_s = most / a->secs;
		n->oncpu = least;
		n->psi_pct = 100 * a->psi_us / 1e6 / a->secs;
		n->others_pct = a->others_all > 0 ? 100 * a->others_busy / a->others_all : NAN;
	}
	ls_noise_judge(n);
}

void ls_noise_speed(struct ls_noise *n, double slow_pct)
{
	n->slow_pct = slow_pct;
	n->slow_unjudged = !ls_speed_judged;
	ls_noise_judge(n);
}

void ls_noise_quiet(struct ls_noise *n, double slow_pct)
{
	n->kept_busy = 0;
	n->nvcsw_per_s = 0;
	n->oncpu = 1;
	n->psi_pct = n->others_pct = NAN;
	ls_noise_speed(n, slow_pct);
}

void ls_noise_speed_at(struct ls_noise *n, int cpu, double ns)
{
	n->speed_cpu = cpu;
	n->speed_ns = ns;
}

bool ls_noise_slow(const struct ls_noise *n)
{
	return !n->slow_unjudged && n->slow_pct > LS_SPEED_SLOW_PCT;
}

bool ls_noise_slow_late(const struct ls_noise *n, const double *ref_ns, unsigned int nr_cpus,
			double *pct)
{
	if (n->slow_unjudged || isnan(n->slow_pct) || n->disturbed || n->speed_cpu < 0 ||
	    (unsigned int)n->speed_cpu >= nr_cpus)
		return false;
	*pct = 100 * (n->speed_ns / ref_ns[n->speed_cpu] - 1);
	return *pct > LS_SPEED_SLOW_PCT;
}

bool ls_noise_slow_spell(const struct ls_noise *n)
{
	struct ls_noise other = *n;

	other.slow_pct = NAN;
	ls_noise_judge(&other);
	return ls_noise_slow(n) && !other.disturbed;
}

int ls_noise_one(unsigned int nr, double secs, const struct ls_noise_mark *m0,
		 const struct ls_noise_mark *m1, const struct ls_machine_mark *x0,
		 const struct ls_machine_mark *x1, struct ls_noise *n)
{
	struct ls_noise_acc a;

	if (ls_noise_acc_init(&a, nr))
		return -ENOMEM;
	ls_noise_add(&a, secs, m0, m1, x0, x1);
	ls_noise_done(&a, 0, n);
	ls_noise_acc_free(&a);
	return 0;
}

void ls_noise_empty(struct ls_noise *n, unsigned int empty, const struct ls_noise *rep)
{
	n->disturbed = true;
	/* 43 characters at most before the repetition's why, which holds a few words */
	snprintf(n->why, sizeof(n->why), "%u repetition%s without operations: %.52s", empty,
		 empty == 1 ? "" : "s", rep->why);
}

void ls_noise_judge(struct ls_noise *n)
{
	n->disturbed = true;
	if (n->kept_busy)
		snprintf(n->why, sizeof(n->why), "%u repetitions kept with a producer off its CPU",
			 n->kept_busy);
	else if (n->secs > 0 && n->nvcsw_per_s > LS_DISTURB_NVCSW_PER_S)
		snprintf(n->why, sizeof(n->why), "a producer preempted %.0f times a second",
			 n->nvcsw_per_s);
	else if (n->secs > 0 && n->oncpu < LS_DISTURB_ONCPU_MIN)
		snprintf(n->why, sizeof(n->why), "a producer on its CPU %.1f%% of the time",
			 100 * n->oncpu);
	else if (n->secs > 0 && n->psi_pct > LS_DISTURB_PSI_PCT)
		snprintf(n->why, sizeof(n->why), "tasks waited for a CPU %.0f%% of the time",
			 n->psi_pct);
	else if (n->secs > 0 && n->others_pct > LS_DISTURB_OTHERS_PCT)
		snprintf(n->why, sizeof(n->why), "the other CPUs busy %.0f%% of the time",
			 n->others_pct);
	else if (ls_noise_slow(n))
		snprintf(n->why, sizeof(n->why), "the CPU ran %.0f%% slow (speed probe)",
			 n->slow_pct);
	else
		n->disturbed = false;
	if (!n->disturbed)
		n->why[0] = 0;
}
