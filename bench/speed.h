/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A speed probe: how fast a CPU runs BPF's loop harness right now. On a
 * virtual machine a CPU can run slow for seconds (another guest on its core,
 * the host's frequency) while the guest sees its thread on its CPU the whole
 * time, unpreempted: only timing a fixed amount of work tells. The work is
 * what the cells run: empty bpf_loop steps, timed inside BPF
 * (bpf/speed.bpf.c). A guest's CPU can run such calls and branches much
 * slower for seconds while plain arithmetic keeps its speed (a core shared
 * with another guest would do that), so arithmetic is the fallback
 * only, where the BPF probe does not load. Each producer times the probe on
 * its CPU before and after each repetition; the run keeps a reference per
 * CPU, a low quantile of every probe so far there, and a round whose
 * repetitions ran more than LS_SPEED_SLOW_PCT slower than it is disturbed
 * (disturb.h).
 */
#ifndef LSBENCH_SPEED_H
#define LSBENCH_SPEED_H

#include <stdbool.h>

/*
 * The probe: LS_SPEED_PARTS parts of LS_SPEED_STEPS bpf_loop steps (or
 * dependent multiply-adds) each, a few tens of µs a part on a current x86
 * CPU; its reading is the median part, so that an interrupt landing in one
 * part does not move it.
 */
#define LS_SPEED_PARTS 7
#define LS_SPEED_STEPS 20000
/* The reference: this quantile of a CPU's probes so far ... */
#define LS_SPEED_REF_Q 0.1
/* ... once it has this many (the run's start probes each CPU as many times). */
#define LS_SPEED_REF_MIN 16
/* A round whose repetitions read more than this (%) slower than the reference is disturbed. */
#define LS_SPEED_SLOW_PCT 15
/*
 * Before a slow round is measured again: probe every LS_SPEED_POLL_S, for at
 * most LS_SPEED_WAIT_S (less after waits that ended still slow: ls_speed_wait_cap).
 */
#define LS_SPEED_POLL_S 0.1
#define LS_SPEED_WAIT_S 3.0

/* Every CPU's probes so far, as histograms of their readings. */
struct ls_speed_ref {
	unsigned int nr_cpus;
	unsigned int **bins; /* [nr_cpus][LS_SPEED_BINS], NULL for a CPU never probed */
	unsigned long *n; /* [nr_cpus]: probes counted */
};

/* The run's reference: the one ls_speed_start fills and the rounds add to. */
extern struct ls_speed_ref ls_speed_run;

/* Whether the run judges rounds by their speed (ls_speed_start; not under plain TCG). */
extern bool ls_speed_judged;

/* What the probe times, as meta.txt says it. */
#define LS_SPEED_BPF "bpf_loop steps, timed in BPF"
#define LS_SPEED_ARITH "user-space arithmetic (the BPF probe did not load)"

/*
 * Loads the BPF probe and checks that it runs: true if it does; false, and
 * the probe times arithmetic, if not.
 */
bool ls_speed_load(void);
void ls_speed_unload(void);

/* One probe on the calling thread's CPU: the median part's time in ns; NAN if it failed. */
double ls_speed_probe(void);

/* One probe on CPU cpu: the calling thread moves there for it, then back; NAN if it cannot. */
double ls_speed_probe_on(int cpu);

/* Adds a reading (ns) of CPU cpu to r; false when out of memory or not a reading. */
bool ls_speed_ref_add(struct ls_speed_ref *r, int cpu, double ns);

/* CPU cpu's reference reading in ns, within 0.25%; NAN before LS_SPEED_REF_MIN probes. */
double ls_speed_ref_ns(const struct ls_speed_ref *r, int cpu);

/* How much slower (%) reading ns on CPU cpu is than its reference; NAN without one. */
double ls_speed_slow_pct(const struct ls_speed_ref *r, int cpu, double ns);

void ls_speed_ref_free(struct ls_speed_ref *r);

/*
 * A repetition's slowdown (%): for each of its n producers, the mean of the
 * slowdowns its probes read before (before[i]) and after it (after[i]); the
 * largest of those. NAN where no producer has both.
 */
double ls_speed_rep_pct(const double *before, const double *after, unsigned int n);

/* The same, and which producer read it into *at (unchanged when NAN). */
double ls_speed_rep_pct_at(const double *before, const double *after, unsigned int n,
			   unsigned int *at);

/*
 * A round's slowdown (%): the median of its n repetitions' (NAN ones left
 * out), as the round's figure is the median of theirs. NAN if none.
 */
double ls_speed_round_pct(const double *rep_pct, unsigned int n);

/*
 * Starts the run's reference: virt is the machine's virtualisation (sysinfo);
 * under plain TCG timings are emulated and move with the host's load, so
 * rounds are not judged by speed there (the slowdown is still recorded).
 * Probes each of cpus[0..n) LS_SPEED_REF_MIN times. False when a CPU could not
 * be probed (or out of memory).
 */
bool ls_speed_start(const char *virt, const int *cpus, unsigned int n);

/*
 * How long a wait for the CPUs' speed may last now: LS_SPEED_WAIT_S, a third
 * of the last cap after each wait that ended still slow, down to one poll
 * (LS_SPEED_POLL_S), and LS_SPEED_WAIT_S again once a wait ends within the
 * bound or a round's first probes read within it (ls_speed_wait_done). A
 * spell that outlasts one wait tends to outlast the next: in a make bench on
 * a 2-CPU EPYC guest whose spells lasted minutes, 182 of 485 waits ended
 * still slow, each after 3 s: at least 546 of its 1080 s.
 */
double ls_speed_wait_cap(void);

/* Counts a wait's end, or a round's first probes read within the bound: back. */
void ls_speed_wait_done(bool back);

/*
 * The wait both callers share: every LS_SPEED_POLL_S, for at most
 * ls_speed_wait_cap(), asks back(arg) whether the CPUs it probes run within
 * LS_SPEED_SLOW_PCT of their reference again; returns the seconds waited,
 * *came_back whether they did, and counts the wait's end (ls_speed_wait_done).
 */
double ls_speed_poll(bool (*back)(void *arg), void *arg, bool *came_back);

/*
 * Waits for CPUs cpus[0..n) to run within LS_SPEED_SLOW_PCT of their
 * reference (each probed from the calling thread, moved there): at once, then
 * as ls_speed_poll. Returns the seconds waited, *back whether they came back.
 */
double ls_speed_wait(const int *cpus, unsigned int n, bool *back);

#endif /* LSBENCH_SPEED_H */
