/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What disturbed a round: its producers taken off their CPUs (involuntary
 * context switches, on-CPU time against wall time), the machine's CPU
 * pressure (/proc/pressure/cpu), the machine's other CPUs kept busy (a
 * competing load shares the caches, the memory and, on a virtual machine,
 * perhaps the core), over the repetitions it kept, and its CPUs running slow
 * (speed.h). A disturbed
 * round measured the machine as much as the cell: the schedule redoes it
 * once, and keeps the second with a mark.
 */
#ifndef LSBENCH_DISTURB_H
#define LSBENCH_DISTURB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * A round is disturbed when, over its kept repetitions, a producer was
 * preempted more often than this per second (where the runner's own thread
 * shares its CPU, as on a one-CPU guest, it and the kernel's threads take it
 * off some tens of times a second) ...
 */
#define LS_DISTURB_NVCSW_PER_S 250.0
/* ... or was on its CPU for less than this share of the wall time ... */
#define LS_DISTURB_ONCPU_MIN 0.95
/* ... or some task waited for a CPU for more than this share (%) of the time ... */
#define LS_DISTURB_PSI_PCT 10.0
/*
 * ... or the CPUs without a producer were busy more than this share (%) of
 * their clock ticks (a round's few: a tick is 10 ms, counted whole to what
 * ran at it, so a CPU half busy can read 60 or 75%; a competing load reads
 * 100) ...
 */
#define LS_DISTURB_OTHERS_PCT 90
/* ... or its CPUs ran more than LS_SPEED_SLOW_PCT slow (speed.h). */

/* A round's disturbance, over the wall time of its kept repetitions. */
struct ls_noise {
	double secs; /* the repetitions' wall time */
	double nvcsw_per_s; /* the most preempted producer's involuntary switches per second */
	double oncpu; /* the least share of the wall time a producer spent on its CPU */
	double psi_pct; /* CPU pressure, `some`: % of the time a task waited; NAN: no PSI */
	double others_pct; /* % of their ticks the CPUs without a producer were busy; NAN: none */
	unsigned int kept_busy; /* repetitions kept with a producer off its CPU (cellrun.c) */
	double slow_pct; /* how much slower (%) its CPUs ran than usual (speed.h); NAN: unprobed */
	int speed_cpu; /* the CPU slow_pct was read on, for judging it again; -1: none */
	double speed_ns; /* that CPU's probe reading then (ns): the reference then, slow_pct slower
			  */
	bool slow_unjudged; /* slow_pct recorded, not judged: under plain TCG */
	bool disturbed;
	char why[96]; /* what disturbed it, when it was */
};

/* One producer's counts at an instant. */
struct ls_noise_mark {
	double cpu_ns; /* its thread's CPU time */
	unsigned long long nvcsw; /* its involuntary context switches */
};

/* The machine's counts at an instant. */
struct ls_machine_mark {
	double psi_us; /* CPU pressure, `some` total (µs); NAN without PSI */
	double others_busy, others_all; /* the CPUs without a producer: clock ticks busy, in all */
	unsigned int others; /* how many such CPUs */
	unsigned long long others_key; /* which: a sum over their numbers, to tell a change */
};

/* Running sums over a round's kept repetitions, for nr producers. */
struct ls_noise_acc {
	unsigned int nr;
	double secs;
	double *cpu_ns; /* [nr] */
	unsigned long long *nvcsw; /* [nr] */
	double psi_us; /* NAN once a read failed */
	double others_busy, others_all; /* the other CPUs' clock ticks busy, in all; NAN: unread */
};

/* The involuntary context switches of thread tid of this process; false if unread. */
bool ls_thread_nvcsw(pid_t tid, unsigned long long *n);

/* The machine's CPU pressure so far, `some` total in µs; NAN without PSI. */
double ls_cpu_pressure_us(void);

/*
 * The clock ticks so far of the online CPUs not in cpus[0..n), from
 * /proc/stat: busy (all but idle and iowait) into *busy, in all into *all
 * (NAN when unread), a key of which they are into *key; returns how many.
 */
unsigned int ls_others_ticks(const int *cpus, unsigned int n, double *busy, double *all,
			     unsigned long long *key);

/* The machine's counts now (the others: the CPUs not in cpus[0..n)). */
void ls_machine_read(const int *cpus, unsigned int n, struct ls_machine_mark *m);

/* 0, or -ENOMEM. */
int ls_noise_acc_init(struct ls_noise_acc *a, unsigned int nr);
void ls_noise_acc_free(struct ls_noise_acc *a);

/*
 * Adds a kept repetition: secs of wall time, producer i's counts at its start
 * (m0[i]) and end (m1[i]), the machine's at both ends (x0, x1).
 */
void ls_noise_add(struct ls_noise_acc *a, double secs, const struct ls_noise_mark *m0,
		  const struct ls_noise_mark *m1, const struct ls_machine_mark *x0,
		  const struct ls_machine_mark *x1);

/* The round's figures from what was added, and whether they disturbed it (ls_noise_judge). */
void ls_noise_done(const struct ls_noise_acc *a, unsigned int kept_busy, struct ls_noise *n);

/*
 * The round's slowdown (speed.h), and whether that disturbed it (judged again);
 * under plain TCG (ls_speed_judged false) it is recorded, not judged.
 */
void ls_noise_speed(struct ls_noise *n, double slow_pct);

/*
 * The faults' (LSBENCH_FAULT): n as a quiet round, on its CPUs and unpressed,
 * slow_pct slow, judged again; whatever the machine did.
 */
void ls_noise_quiet(struct ls_noise *n, double slow_pct);

/* ... and the reading it was taken from: CPU cpu's probe read ns (ls_noise_slow_late). */
void ls_noise_speed_at(struct ls_noise *n, int cpu, double ns);

/* Whether n's CPUs ran slow enough to disturb it. */
bool ls_noise_slow(const struct ls_noise *n);

/*
 * Whether n, judged undisturbed against the reference it met (nothing else
 * disturbed it either: a round kept for a load is the load's), reads slow against
 * ref_ns[cpu] (ns, the run's reference now per CPU, nr_cpus of them; NAN:
 * none), its slowdown against it into *pct: a reference formed in a slow
 * spell at a run's start judges its first rounds by the spell's speed.
 */
bool ls_noise_slow_late(const struct ls_noise *n, const double *ref_ns, unsigned int nr_cpus,
			double *pct);

/*
 * Whether n's CPUs ran slow and nothing else disturbed it: a slow spell of
 * the machine's. Beside a task sharing a producer's CPU the probe reads slow
 * too, and that round is the load's, not a spell's.
 */
bool ls_noise_slow_spell(const struct ls_noise *n);

/*
 * One repetition's figures, judged as a round's are (ls_noise_judge): nr
 * producers' counts at its start (m0) and end (m1) and the machine's (x0,
 * x1), nr 0 for the CPU pressure alone; for a repetition that has no figure
 * of its own to keep. 0, or -ENOMEM.
 */
int ls_noise_one(unsigned int nr, double secs, const struct ls_noise_mark *m0,
		 const struct ls_noise_mark *m1, const struct ls_machine_mark *x0,
		 const struct ls_machine_mark *x1, struct ls_noise *n);

/*
 * Marks round n disturbed by empty repetitions without operations, each
 * disturbed (rep: the first one's figures, ls_noise_one), and says so in n->why.
 */
void ls_noise_empty(struct ls_noise *n, unsigned int empty, const struct ls_noise *rep);

/*
 * Whether n's figures disturbed the round, by the rule of the constants above
 * and any repetition kept busy; sets n->disturbed and n->why. No figures
 * (secs 0, as in owner churn): judged by its speed alone.
 */
void ls_noise_judge(struct ls_noise *n);

#endif /* LSBENCH_DISTURB_H */
