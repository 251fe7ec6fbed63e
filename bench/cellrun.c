// SPDX-License-Identifier: GPL-2.0
/*
 * One round of one cell: a fresh setup, pinned producers, the warm-up, the
 * repetitions, the cross-check and the teardown.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "bpfutil.h"
#include "cellrun.h"
#include "crew.h"
#include "disturb.h"
#include "scenarios.h"
#include "speed.h"
#include "trigtime.h"
#include "watchdog.h"
#include "window.h"

#define NSEC_PER_SEC 1000000000.0

volatile sig_atomic_t ls_interrupted;

void ls_sleep_s(double s)
{
	struct timespec ts;
	double end_ns = ls_now_ns() + s * NSEC_PER_SEC;

	ts.tv_sec = (time_t)(end_ns / NSEC_PER_SEC);
	ts.tv_nsec = (long)(end_ns - ts.tv_sec * NSEC_PER_SEC);
	while (!ls_interrupted &&
	       clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

/*
 * Every producer's CPU time (ns) and involuntary context switches now; false
 * when a clock or a count cannot be read.
 */
static bool crew_marks(const struct crew *cr, struct ls_noise_mark *m)
{
	struct timespec ts;
	clockid_t clk;
	unsigned int i;

	for (i = 0; i < cr->n; i++) {
		if (pthread_getcpuclockid(cr->p[i].thread, &clk) || clock_gettime(clk, &ts) ||
		    !ls_thread_nvcsw(cr->p[i].tid, &m[i].nvcsw))
			return false;
		m[i].cpu_ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	return true;
}

/* The smallest share of the wall time wall_ns any producer spent on its CPU. */
static double crew_oncpu(const struct crew *cr, const struct ls_noise_mark *m0,
			 const struct ls_noise_mark *m1, double wall_ns)
{
	double least = 1;
	unsigned int i;

	for (i = 0; i < cr->n; i++) {
		double share = (m1[i].cpu_ns - m0[i].cpu_ns) / wall_ns;

		if (share < least)
			least = share;
	}
	return least;
}

/*
 * One repetition's sample: counters, producers' CPU time and preemptions,
 * and the machine's CPU pressure and other CPUs' busy time at both ends; in
 * loop modes where each producer's triggers ended (trigtime.h): the last
 * before the repetition (e0), the first seen after it began (start) and the
 * last before its end (e1).
 */
struct sample {
	struct ls_counters c0, c1;
	double t0, t1;
	struct ls_noise_mark *m0, *m1;
	struct ls_machine_mark x0, x1;
	bool marks_ok;
	struct ls_trig_end *e0, *start, *e1; /* [producers] */
	bool ends_ok;
};

/* The sample's arrays for n producers: 0, or -ENOMEM (then sample_free). */
static int sample_alloc(struct sample *s, unsigned int n)
{
	*s = (struct sample){
		.m0 = calloc(2 * n, sizeof(*s->m0)),
		.e0 = calloc(3 * n, sizeof(*s->e0)),
	};
	if (!s->m0 || !s->e0)
		return -ENOMEM;
	s->m1 = s->m0 + n;
	s->start = s->e0 + n;
	s->e1 = s->start + n;
	return 0;
}

static void sample_free(struct sample *s)
{
	free(s->m0);
	free(s->e0);
}

/* Where the producers' last triggers ended, into e: false in hook mode or when unread. */
static bool sample_ends(const struct cell *c, const struct crew *cr, struct ls_trig_end *e)
{
	return c->trig_ends_fd >= 0 && !ls_trig_ends_read(c->trig_ends_fd, cr->cpus, cr->n, e);
}

/*
 * At a wake of the runner within the repetition: the stamps now (into e1),
 * and, for each producer whose start is not set yet, its first trigger end
 * since the repetition began. The repetition is timed from there, not from
 * e0: between e0 and the next trigger lies the work the runner did before
 * it (its reads of /proc, the counters, the speed probe), on the producer's
 * very CPU where they share one, as in a one-vCPU guest; the clock's window
 * began after it. False when the stamps cannot be read.
 */
static bool sample_starts(const struct cell *c, const struct crew *cr, struct sample *s)
{
	unsigned int i;

	if (!sample_ends(c, cr, s->e1))
		return false;
	for (i = 0; i < cr->n; i++) {
		if (s->start[i].ns == s->e0[i].ns)
			s->start[i] = s->e1[i];
	}
	return true;
}

/*
 * Whether every producer's span, timed between trigger ends, holds a trigger
 * yet: a repetition is drawn out until it does (or LS_REP_STRETCH_MAX).
 * True where the clock times it.
 */
static bool span_holds(const struct crew *cr, const struct sample *s)
{
	unsigned int i;

	for (i = 0; s->ends_ok && i < cr->n; i++) {
		if (s->start[i].ns == s->e0[i].ns || s->e1[i].ops == s->start[i].ops)
			return false;
	}
	return true;
}

double ls_cell_warmup_s(const struct scenario *sc, const struct ls_run_opts *o)
{
	return ls_scenario_defers_frees(sc) ? fmax(o->warmup_s, o->deferred_warmup_s) : o->warmup_s;
}

double ls_cell_duration_s(const struct scenario *sc, const struct ls_run_opts *o)
{
	return ls_scenario_defers_frees(sc) ? fmax(o->duration_s, o->deferred_duration_s)
					    : o->duration_s;
}

static int sample_one(const struct cell *c, const struct crew *cr, const struct ls_run_opts *o,
		      struct sample *s)
{
	double rep_s = ls_cell_duration_s(c->sc, o);
	unsigned int slices;
	int err;

	/* the slower reads first: the counts and the clock as near together as they can be */
	s->marks_ok = crew_marks(cr, s->m0);
	ls_machine_read(cr->cpus, cr->n, &s->x0);
	err = ls_crew_counts(c, cr, &s->c0);
	s->ends_ok = sample_ends(c, cr, s->e0);
	s->t0 = ls_now_ns();
	if (s->ends_ok) {
		memcpy(s->start, s->e0, cr->n * sizeof(*s->start));
		/* a first look, so that short triggers start the span at once */
		ls_sleep_s(rep_s * LS_REP_START_SHARE);
		s->ends_ok = sample_starts(c, cr, s);
	}
	for (slices = 0; !err && slices < LS_REP_STRETCH_MAX && !ls_interrupted; slices++) {
		ls_watchdog_beat("sampling", NULL);
		ls_sleep_s(rep_s);
		err = ls_crew_counts(c, cr, &s->c1);
		s->ends_ok = s->ends_ok && sample_starts(c, cr, s);
		if (s->c1.triggers - s->c0.triggers >= LS_REP_MIN_TRIGGERS && span_holds(cr, s))
			break;
	}
	s->t1 = ls_now_ns();
	ls_machine_read(cr->cpus, cr->n, &s->x1);
	s->marks_ok = s->marks_ok && crew_marks(cr, s->m1);
	return err;
}

/*
 * Whether the producers' time off their CPUs is the machine's business: not
 * for a cell whose frees wait for RCU (ls_scenario_defers_frees). Owner churn
 * waits for the owners it makes (a thread's exit); the other such cells'
 * frees run in part on their producers' CPUs (RCU callbacks where they were
 * queued, the kthreads and kworkers that run them; on a one-CPU guest all of
 * them), which the figure counts on purpose: their producers' preemptions are
 * the cell's own work (judged so, the host's two-thread loop create-delete
 * cells had every round disturbed, and every icount boot of them was noisy).
 */
static bool producers_judged(const struct cell *c)
{
	return !ls_scenario_defers_frees(c->sc);
}

/*
 * Whether a producer was kept off its CPU for part of the repetition: then
 * what it measured is the machine's business, not the cell's.
 */
static bool disturbed(const struct cell *c, const struct crew *cr, const struct sample *s)
{
	if (!s->marks_ok || !producers_judged(c))
		return false;
	return crew_oncpu(cr, s->m0, s->m1, s->t1 - s->t0) < LS_ONCPU_MIN;
}

/*
 * A loop-mode repetition timed between its producers' trigger ends
 * (trigtime.h), from each one's first after the repetition began: false
 * where it cannot be, and the clock times it.
 */
static bool rep_by_triggers(const struct crew *cr, const struct sample *s, struct ls_rep *r)
{
	return s->ends_ok && ls_trig_rep(s->start, s->e1, cr->n, &r->ops, &r->secs);
}

/*
 * Appends a kept repetition to row, and what disturbed it to the round's sums
 * (over the clock's time: what the producers' CPUs did meanwhile).
 */
static void keep_rep(const struct cell *c, const struct crew *cr, struct ls_row *row,
		     const struct sample *s, struct ls_noise_acc *noise)
{
	struct ls_rep *r = &row->reps[row->nr_reps++];
	double wall_s = (s->t1 - s->t0) / NSEC_PER_SEC;

	r->trigger_timed = rep_by_triggers(cr, s, r);
	if (!r->trigger_timed) {
		r->ops = s->c1.ops - s->c0.ops;
		r->secs = wall_s;
	}
	r->round = 1;
	row->ops += r->ops;
	if (s->marks_ok && producers_judged(c))
		ls_noise_add(noise, wall_s, s->m0, s->m1, &s->x0, &s->x1);
}

/* Repetitions without operations that the machine disturbed: how many, and the first's figures. */
struct empty_reps {
	unsigned int n;
	struct ls_noise first;
};

/*
 * A repetition without operations. On a machine that left the producers
 * alone it is lsbench's failure (they ran and nothing was measured): the cell
 * fails, loudly. Disturbed (by the round's rule, disturb.h, over this
 * repetition), the machine kept them from running: it is counted in e, and
 * the caller discards it. Where the producers' time off their CPUs is the
 * cell's (producers_judged), only the CPU pressure judges it, as when the
 * producers' clocks were not read.
 * Returns whether it was disturbed.
 */
static bool empty_rep(struct cell *c, const struct crew *cr, const struct sample *s,
		      struct empty_reps *e)
{
	bool producers = s->marks_ok && producers_judged(c);
	struct ls_noise n;

	if (ls_noise_one(producers ? cr->n : 0, (s->t1 - s->t0) / NSEC_PER_SEC, s->m0, s->m1,
			 &s->x0, &s->x1, &n)) {
		ls_cell_fail(c, 0, "out of memory");
		return false;
	}
	if (!n.disturbed) {
		ls_cell_fail(c, 0,
			     "no operations in a repetition, its producers undisturbed (%llu "
			     "triggers so far, BPF saw %llu)",
			     (unsigned long long)ls_crew_triggers(cr),
			     (unsigned long long)s->c1.triggers);
		return false;
	}
	if (!e->n++)
		e->first = n;
	return true;
}

/*
 * The tests' faults, on a round's first repetition: LSBENCH_FAULT=emptyrep,
 * it counts no operations, its producers on their CPUs throughout, never
 * preempted, the machine's counts unchanged; emptybusy, no operations, its
 * producers never on their CPUs.
 */
static void fault_empty(const struct crew *cr, struct sample *s)
{
	bool busy = ls_fault("emptybusy");
	unsigned int i;

	if (!busy && !ls_fault("emptyrep"))
		return;
	s->c1.ops = s->c0.ops;
	s->marks_ok = true;
	s->x1 = s->x0;
	for (i = 0; i < cr->n; i++) {
		s->m1[i].nvcsw = s->m0[i].nvcsw;
		s->m1[i].cpu_ns = s->m0[i].cpu_ns + (busy ? 0 : s->t1 - s->t0);
	}
}

/*
 * The speed probes (speed.h) around a round's repetitions: each producer's
 * slowdown (%) before the repetition and after it, the last repetition's and
 * those of the repetitions kept.
 */
struct rep_speed {
	double *ns, *before, *after; /* [producers] */
	double last; /* the last repetition's slowdown */
	unsigned int last_at; /* ... read on this producer */
	double *kept; /* [repetitions] */
	unsigned int *kept_at; /* [repetitions] */
	double fault; /* LSBENCH_FAULT=slowcpu: the run's first round reads this much slower */
	double ref_fault; /* LSBENCH_FAULT=slowref: ... and so does the reference it adds to */
	bool fault_start; /* LSBENCH_FAULT=slowstart: the run's first probe reads slow */
};

/* LSBENCH_FAULT=slowref: the run's first round is done */
static bool slowref_done;

static int rep_speed_init(struct rep_speed *sp, unsigned int producers, unsigned int reps)
{
	static bool faulted;

	sp->ref_fault = ls_fault("slowref") && !slowref_done ? 2 : 1;
	sp->fault = ls_fault("slowcpu") && !faulted ? 2 : sp->ref_fault;
	sp->fault_start = ls_fault("slowstart") && !faulted;
	faulted = true;
	sp->ns = calloc(3 * producers + reps + 1, sizeof(double));
	sp->kept_at = calloc(reps + 1, sizeof(*sp->kept_at));
	if (!sp->ns || !sp->kept_at)
		return -ENOMEM;
	sp->before = sp->ns + producers;
	sp->after = sp->before + producers;
	sp->kept = sp->after + producers;
	return 0;
}

/*
 * Every producer's speed probe now, into the reference, and its slowdown into
 * pct (as read fault times slower); returns the largest slowdown, NAN if none
 * could be read.
 */
static double speed_probe(const struct crew *cr, struct rep_speed *sp, double *pct, double fault)
{
	double most = NAN;
	unsigned int i;

	ls_crew_probe(cr, sp->ns);
	for (i = 0; i < cr->n; i++) {
		ls_speed_ref_add(&ls_speed_run, cr->cpus[i], sp->ref_fault * sp->ns[i]);
		pct[i] = ls_speed_slow_pct(&ls_speed_run, cr->cpus[i], fault * sp->ns[i]);
		if (pct[i] > most || isnan(most))
			most = pct[i];
	}
	return most;
}

/* After a repetition: the probes that end it (and start the next), its slowdown. */
static void speed_after(const struct crew *cr, struct rep_speed *sp)
{
	double *t = sp->before;

	speed_probe(cr, sp, sp->after, sp->fault);
	sp->last = ls_speed_rep_pct_at(sp->before, sp->after, cr->n, &sp->last_at);
	sp->before = sp->after;
	sp->after = t;
}

struct producers {
	const struct crew *cr;
	struct rep_speed *sp;
};

/* ls_speed_poll's question, asked of the producers: their probes start the repetition. */
static bool producers_back(void *arg)
{
	struct producers *p = arg;

	return !(speed_probe(p->cr, p->sp, p->sp->before, 1) > LS_SPEED_SLOW_PCT);
}

/*
 * The probes that start a round's first repetition, after its warm-up and
 * before its window opens. Its CPUs running slow (speed.h), slow spells last
 * seconds and a round's setup is worth keeping through one: the producers,
 * still running, probe their CPUs every LS_SPEED_POLL_S until they read
 * within LS_SPEED_SLOW_PCT again, for at most ls_speed_wait_cap(), and the last
 * probes start the repetition. A spell that outlasts the wait, or begins
 * within the round, makes the round slow, and the schedule measures it again
 * or leaves it out (schedule.c). Not in a smoke run (--quick). Returns the
 * seconds waited, and counts the wait in row.
 */
static double speed_start(const struct cell *c, const struct crew *cr, const struct ls_run_opts *o,
			  struct rep_speed *sp, struct ls_row *row)
{
	double slow = speed_probe(cr, sp, sp->before, sp->fault_start ? 2 * sp->fault : sp->fault);
	struct producers p = { cr, sp };
	double waited;
	bool back;

	if (o->quick || !ls_speed_judged)
		return 0;
	if (!(slow > LS_SPEED_SLOW_PCT)) {
		if (!isnan(slow))
			ls_speed_wait_done(true);
		return 0;
	}
	ls_watchdog_beat("waiting for the CPU's speed", NULL);
	waited = ls_speed_poll(producers_back, &p, &back);
	if (o->verbose)
		fprintf(stderr,
			"lsbench: %s: its CPUs ran %.0f%% slow after the warm-up (speed probe); %s "
			"after %.1f s\n",
			c->sc->name, slow,
			back ? "within the bound again" : "still slow, measured anyway", waited);
	row->speed_waits++;
	row->speed_waits_slow += !back;
	return waited;
}

/*
 * The reading a round's slowdown was taken from, for judging it again against
 * the reference the run has later (disturb.h ls_noise_slow_late): the kept
 * repetition nearest the round's figure, its slowest producer's CPU, and what
 * that CPU's probe read, as the reference then and the slowdown give it.
 */
static void speed_reading(const struct crew *cr, const struct rep_speed *sp, struct ls_row *row)
{
	double pct = row->noise.slow_pct, ref;
	unsigned int i, best = row->nr_reps;
	int cpu;

	for (i = 0; !isnan(pct) && i < row->nr_reps; i++) {
		if (!isnan(sp->kept[i]) &&
		    (best == row->nr_reps || fabs(sp->kept[i] - pct) < fabs(sp->kept[best] - pct)))
			best = i;
	}
	if (best == row->nr_reps)
		return;
	cpu = cr->cpus[sp->kept_at[best]];
	ref = ls_speed_ref_ns(&ls_speed_run, cpu);
	if (!isnan(ref))
		ls_noise_speed_at(&row->noise, cpu, ref * (1 + pct / 100));
}

/*
 * Samples the repetitions after the warm-up; threads are running. A
 * repetition in which a producer was kept off its CPU is discarded, counted
 * and done again, up to LS_REDO_MAX times per repetition asked (none in a
 * smoke run, --quick); after that a busy machine's repetitions are kept as
 * they come, and the row says so. One without operations cannot be kept:
 * when the machine disturbed it, it is discarded and done again up to
 * LS_REDO_MAX times per repetition asked, smoke run or not, and makes the
 * round disturbed (the schedule redoes it); when it was not disturbed, the
 * cell fails. What disturbed the kept ones goes to row->noise.
 */
static void cell_sample(struct cell *c, const struct crew *cr, const struct ls_run_opts *o,
			struct ls_row *row)
{
	unsigned int tries_max = o->repetitions * (1 + LS_REDO_MAX), tries;
	unsigned int judged = o->quick ? 0 : tries_max, kept_disturbed = 0;
	struct ls_window_src src = { c, cr->perf, cr->cpus };
	struct ls_noise_acc noise;
	struct ls_window w;
	struct sample s;
	int sample_err = sample_alloc(&s, cr->n);
	struct rep_speed sp;
	int speed_err = rep_speed_init(&sp, cr->n, o->repetitions);
	struct empty_reps empty = {};

	row->reps = calloc(o->repetitions, sizeof(*row->reps));
	if (!row->reps || sample_err || speed_err || ls_noise_acc_init(&noise, cr->n)) {
		sample_free(&s);
		free(sp.ns);
		free(sp.kept_at);
		ls_cell_fail(c, 0, "out of memory");
		return;
	}
	ls_watchdog_beat("warm-up", NULL);
	while (ls_fault("stall") && !ls_interrupted)
		pause(); /* a cell that never ends: the watchdog's test */
	ls_sleep_s(ls_cell_warmup_s(c->sc, o));
	row->speed_wait_s = speed_start(c, cr, o, &sp, row);
	ls_window_begin(&src, &w);
	ls_crew_record(true);
	for (tries = 0; row->nr_reps < o->repetitions && !ls_interrupted; tries++) {
		if (sample_one(c, cr, o, &s)) {
			ls_cell_fail(c, 0, "cannot read counters");
			break;
		}
		speed_after(cr, &sp);
		if (!tries)
			fault_empty(cr, &s);
		if (s.c1.ops == s.c0.ops) {
			if (!empty_rep(c, cr, &s, &empty))
				break;
			row->reps_discarded++;
			if (tries >= tries_max) /* not kept, so done again even in a smoke run */
				break;
			continue;
		}
		if (disturbed(c, cr, &s)) {
			if (tries < judged) {
				row->reps_discarded++;
				continue;
			}
			kept_disturbed++;
		}
		sp.kept[row->nr_reps] = sp.last;
		sp.kept_at[row->nr_reps] = sp.last_at;
		keep_rep(c, cr, row, &s, &noise);
	}
	ls_crew_record(false);
	ls_window_end(&src, &w, row);
	ls_noise_done(&noise, kept_disturbed, &row->noise);
	ls_noise_speed(&row->noise, ls_speed_round_pct(sp.kept, row->nr_reps));
	/*
	 * LSBENCH_FAULT=slowref: the run's first round, its probes and the reference they
	 * added to read twice as long, is kept as a quiet round at the reference then
	 */
	if (sp.ref_fault > 1) {
		ls_noise_quiet(&row->noise, 0);
		slowref_done = true;
	}
	speed_reading(cr, &sp, row);
	free(sp.ns);
	free(sp.kept_at);
	ls_noise_acc_free(&noise);
	sample_free(&s);
	if (empty.n)
		ls_noise_empty(&row->noise, empty.n, &empty.first);
	if (empty.n && !row->nr_reps && c->status == LS_OK && !ls_interrupted)
		ls_cell_fail(
			c, 0,
			"busy machine: no repetition kept; %u without operations, disturbed (%s)",
			empty.n, empty.first.why);
	if (kept_disturbed && c->status == LS_OK)
		snprintf(
			c->reason, sizeof(c->reason),
			"busy machine: %u repetitions kept with a producer off its CPU for over %.0f%% of them",
			kept_disturbed, 100 * (1 - LS_ONCPU_MIN));
}

/* Starts the producers, samples the repetitions, stops them: the triggers issued. */
static __u64 crew_run(struct cell *c, struct crew *cr, const struct ls_run_opts *o,
		      struct ls_row *row, __u64 *prime_passes)
{
	ls_crew_start(c, cr);
	if (c->status == LS_OK)
		cell_sample(c, cr, o, row);
	return ls_crew_stop(cr, prime_passes);
}

/* What a cell must give back: open fds, threads and the cgroup the process is in. */
struct footprint {
	int fds;
	int threads;
	char cgroup[320];
};

static void footprint_read(struct footprint *f)
{
	char line[300];
	DIR *d = opendir("/proc/self/fd");
	FILE *s;

	memset(f, 0, sizeof(*f));
	while (d && readdir(d))
		f->fds++;
	if (d)
		closedir(d);
	s = fopen("/proc/self/status", "r");
	while (s && fgets(line, sizeof(line), s)) {
		if (sscanf(line, "Threads: %d", &f->threads) == 1)
			break;
	}
	if (s)
		fclose(s);
	s = fopen("/proc/self/cgroup", "r");
	while (s && fgets(line, sizeof(line), s)) {
		if (!strncmp(line, "0::", 3))
			snprintf(f->cgroup, sizeof(f->cgroup), "%s", line + 3);
	}
	if (s)
		fclose(s);
}

/* Fails a cell that kept fds or threads, or left the process in another cgroup. */
static void footprint_check(struct cell *c, const struct footprint *before)
{
	struct footprint after;
	int i;

	footprint_read(&after);
	/* A joined thread is counted until the kernel has reaped it: give it a second. */
	for (i = 0; i < 100 && after.threads > before->threads; i++) {
		usleep(10000);
		footprint_read(&after);
	}
	if (c->status == LS_FAILED)
		return;
	if (after.fds != before->fds)
		ls_cell_fail(c, 0, "leak: %d open fds before the cell, %d after", before->fds,
			     after.fds);
	else if (after.threads != before->threads)
		ls_cell_fail(c, 0, "leak: %d threads before the cell, %d after", before->threads,
			     after.threads);
	else if (strcmp(after.cgroup, before->cgroup))
		ls_cell_fail(c, 0, "the process was left in cgroup %s", after.cgroup);
}

/* Private producers with fewer owners than threads would share some: not private. */
static bool owners_too_few(const struct cell *c)
{
	return c->sharing == LS_SHARING_PRIVATE && c->sc->trigger_kind == LS_TRIG_OWNERS &&
	       c->nr_objects < c->threads;
}

/*
 * The cross-check failed. A program that was running on a CPU when a trigger
 * came (another task's syscall hit it and was preempted inside it) skips the
 * trigger, counted only in its recursion misses: say so when that can be why.
 */
static void miscount(struct cell *c, const struct ls_row *row, __u64 triggers)
{
	size_t n = strlen(c->reason);

	c->status = LS_FAILED;
	if (row->bpf_misses && row->cnt.triggers < triggers)
		snprintf(
			c->reason + n, sizeof(c->reason) - n,
			"; the program skipped %llu runs as recursion (it was running on that CPU)",
			(unsigned long long)row->bpf_misses);
}

/* Producers run, counters cross-checked: the measuring part of a set-up cell. */
static void cell_measure(struct cell *c, const struct ls_run_opts *o, const int *cpus,
			 struct ls_row *row)
{
	struct bpf_prog_info info0, info1;
	struct crew cr = {};
	__u64 triggers, prime_passes;
	bool info_ok;

	if (ls_crew_alloc(&cr, c, cpus, o)) {
		ls_crew_free(&cr);
		ls_cell_fail(c, 0, "out of memory for %u producers", c->threads);
		return;
	}
	info_ok = ls_prog_info(c->prog_fd, &info0);
	triggers = crew_run(c, &cr, o, row, &prime_passes);
	if (info_ok && ls_prog_info(c->prog_fd, &info1)) {
		row->bpf_misses_ok = true;
		row->bpf_misses = info1.recursion_misses - info0.recursion_misses;
	}
	if (o->latency)
		ls_crew_latency(&cr, row);
	if (c->status == LS_OK && !ls_interrupted) {
		ls_crew_map_visits(c, &cr);
		if (ls_crew_counts(c, &cr, &row->cnt))
			ls_cell_fail(c, 0, "cannot read counters");
		else if (!ls_counters_check(c, &row->cnt, triggers + ls_fault("miscount"),
					    prime_passes, c->reason, sizeof(c->reason)))
			miscount(c, row, triggers);
	}
	ls_crew_free(&cr);
}

static void cell_init(struct cell *c, const struct ls_cell_key *key, const struct ls_run_opts *o)
{
	*c = (struct cell){
		.sc = key->sc,
		.mode = key->mode,
		.threads = key->threads,
		.loop_iters = o->loop_iters,
		.nr_maps = key->maps,
		.nr_objects = key->objects,
		.value_size = key->value_size,
		.sharing = key->sharing,
		.verbose = o->verbose,
		.slowdown_pct = ls_scenario_slowdown(key->sc, o->slowdown_pct),
		.counters_fd = -1,
		.trig_ends_fd = -1,
		.prog_fd = -1,
		.time_ops = o->bpf_latency,
		.profile = o->profile,
		.bytes_per_elem = NAN,
		.op_hist_fd = -1,
		.timer_hist_fd = -1,
		.stats_fd = -1,
		.map_fd = -1,
		.hash_fd = -1,
		.cgroup_fd = -1,
	};
}

static void row_init(struct ls_row *row, const struct ls_cell_key *key, const struct ls_run_opts *o)
{
	*row = (struct ls_row){
		.sc = key->sc,
		.mode = key->mode,
		.threads = key->threads,
		.nr_maps = key->maps,
		.nr_objects = key->objects,
		.value_size = key->value_size,
		.sharing = key->sharing,
		.loop_iters = o->loop_iters,
		.repetitions = o->repetitions,
		.duration_s = ls_cell_duration_s(key->sc, o),
		.control = -1,
		.bytes_per_elem = NAN,
	};
}

void ls_cell_round(const struct ls_cell_key *key, const struct ls_run_opts *o, const int *cpus,
		   struct ls_row *row)
{
	struct footprint before;
	double t0, t1, t2;
	struct cell c;
	int ret;

	cell_init(&c, key, o);
	row_init(row, key, o);
	if (owners_too_few(&c)) {
		row->status = LS_UNSUPPORTED;
		snprintf(row->reason, sizeof(row->reason),
			 "private owners need one per thread at least: %u owners, %u threads",
			 c.nr_objects, c.threads);
		return;
	}
	footprint_read(&before);
	t0 = ls_now_ns();
	ret = ls_setup(&c);
	t1 = ls_now_ns();
	row->setup_s = (t1 - t0) / 1e9;
	if (!ret) {
		row->census = true; /* taken by setup, and again by teardown */
		/* BPF_ENABLE_STATS: run counts and times of programs while the fd is open. */
		if (o->bpf_stats && c.prog_fd >= 0)
			c.stats_fd = bpf_enable_stats(BPF_STATS_RUN_TIME);
		cell_measure(&c, o, cpus, row);
		if (c.stats_fd >= 0)
			close(c.stats_fd);
		c.stats_fd = -1;
		if (ls_fault("leakfd"))
			open("/dev/null", O_RDONLY);
	}
	t2 = ls_now_ns();
	row->measure_s = (t2 - t1) / 1e9;
	ls_watchdog_beat("tear down", NULL);
	ls_teardown(&c);
	footprint_check(&c, &before);
	row->teardown_s = (ls_now_ns() - t2) / 1e9;
	row->status = c.status;
	snprintf(row->reason, sizeof(row->reason), "%s", c.reason);
	row->bytes_per_elem = c.bytes_per_elem;
	row->type_maps_alive = c.type_maps_alive;
	row->foreign_maps = c.foreign_maps;
	row->cache_slots = c.cache_slots;
}

void ls_row_release(struct ls_row *row)
{
	free(row->hist);
	free(row->bpf_hist);
	free(row->bpf_timer_hist);
	free(row->reps);
	free(row->profile);
	row->hist = row->bpf_hist = row->bpf_timer_hist = NULL;
	row->reps = NULL;
	row->profile = NULL;
}
