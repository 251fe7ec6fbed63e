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
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "bpfutil.h"
#include "cellrun.h"
#include "disturb.h"
#include "mapseq.h"
#include "scenarios.h"
#include "watchdog.h"
#include "window.h"

#define NSEC_PER_SEC 1000000000.0
#define TIMER_SAMPLES 1001
#define PRIME_PASSES_MAX 100

volatile sig_atomic_t ls_interrupted;
static atomic_int producers_stop;
static atomic_int recording; /* producers time their triggers: the measured repetitions */

/*
 * Where producers wait until all are ready: the runner then opens it (go) or,
 * when not every producer could be started, closes it (the started ones
 * return without triggering).
 */
struct gate {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	unsigned int ready;
	int state; /* 0: waiting, 1: go, -1: abort */
};

struct producer {
	struct ls_thread t;
	struct ls_perf *perf;
	pthread_t thread;
	struct gate *gate;
	bool (*trigger)(struct ls_thread *t);
	int counters_fd;
	int cpu;
	pid_t tid; /* its thread id, for its context switches */
	int err;
	bool prime_incomplete;
	bool fentry; /* primes with getpgid(LS_PRIME_PID), the fentry program's way */
	bool perf_on; /* count with perf_event_open */
	struct ls_hist *hist; /* per-trigger latency while recording; NULL: off */
	double timer_ns;
	__u64 prime_passes;
	__u64 triggers; /* so far: stored relaxed after each, read whole after the join */
} __attribute__((aligned(64)));

/* A cell's producers, their counters and CPUs side by side for the window. */
struct crew {
	struct producer *p;
	struct ls_perf *perf;
	int *cpus;
	unsigned int n, started;
};

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

void ls_sleep_s(double s)
{
	struct timespec ts;
	double end_ns = now_ns() + s * NSEC_PER_SEC;

	ts.tv_sec = (time_t)(end_ns / NSEC_PER_SEC);
	ts.tv_nsec = (long)(end_ns - ts.tv_sec * NSEC_PER_SEC);
	while (!ls_interrupted &&
	       clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

/*
 * Primes through the BPF side (the prime syscall) until a pass creates
 * everything: storage created from a program allocates without sleeping and
 * can find the allocator's cache empty, which a moment later is refilled.
 * The producer is pinned, so its CPU's counters tell how its passes went.
 */
static void producer_prime(struct producer *p)
{
	struct ls_counters before, after;

	while (p->prime_passes < PRIME_PASSES_MAX) {
		if (ls_counters_read_cpu(p->counters_fd, p->cpu, &before))
			break;
		if (p->fentry)
			syscall(LS_TRIGGER_NR, LS_PRIME_PID);
		else
			syscall(LS_PRIME_NR);
		p->prime_passes++;
		if (ls_counters_read_cpu(p->counters_fd, p->cpu, &after))
			break;
		if (after.prime_fails == before.prime_fails)
			return;
		usleep(1000);
	}
	p->prime_incomplete = true;
}

/* The default trigger: the syscall the sys_enter programs filter on. */
static bool trigger_syscall(struct ls_thread *t)
{
	(void)t;
	syscall(LS_TRIGGER_NR, 0);
	return true;
}

/* What timing a trigger costs: the median of empty timed regions. */
static double timer_cost(void)
{
	double *d = malloc(TIMER_SAMPLES * sizeof(*d)), t0;
	struct ls_summary sum;
	int i, err;

	if (!d)
		return NAN;
	for (i = 0; i < TIMER_SAMPLES; i++) {
		t0 = now_ns();
		d[i] = now_ns() - t0;
	}
	err = ls_summarize(d, TIMER_SAMPLES, &sum);
	free(d);
	return err ? NAN : sum.median;
}

/* Reports ready and waits for the runner's word: true to go. */
static bool gate_pass(struct gate *g)
{
	int state;

	pthread_mutex_lock(&g->lock);
	g->ready++;
	pthread_cond_broadcast(&g->cond);
	while (!g->state)
		pthread_cond_wait(&g->cond, &g->lock);
	state = g->state;
	pthread_mutex_unlock(&g->lock);
	return state > 0;
}

static void gate_wait_ready(struct gate *g, unsigned int n)
{
	pthread_mutex_lock(&g->lock);
	while (g->ready < n)
		pthread_cond_wait(&g->cond, &g->lock);
	pthread_mutex_unlock(&g->lock);
}

static void gate_open(struct gate *g, int state)
{
	pthread_mutex_lock(&g->lock);
	g->state = state;
	pthread_cond_broadcast(&g->cond);
	pthread_mutex_unlock(&g->lock);
}

static void producer_loop(struct producer *p)
{
	bool (*trigger)(struct ls_thread * t) = p->trigger ?: trigger_syscall;
	__u64 n = 0;

	while (!atomic_load_explicit(&producers_stop, memory_order_relaxed)) {
		if (p->hist && atomic_load_explicit(&recording, memory_order_relaxed)) {
			double t0 = now_ns();
			bool ok = trigger(&p->t);

			if (ok)
				ls_hist_add(p->hist, now_ns() - t0);
			n += ok;
		} else {
			n += trigger(&p->t);
		}
		__atomic_store_n(&p->triggers, n, __ATOMIC_RELAXED);
	}
}

/*
 * A producer primes once, waits for the others, then triggers the hook until
 * told to stop: the scenario's trigger on its owners, or by default the
 * sys_enter syscalls. Signals go to the main thread only.
 */
static void *producer_main(void *arg)
{
	struct producer *p = arg;
	char name[16];
	cpu_set_t set;
	sigset_t sigs;

	sigfillset(&sigs);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	snprintf(name, sizeof(name), "lsbench-cpu%d", p->cpu);
	pthread_setname_np(pthread_self(), name);
	p->tid = gettid();
	CPU_ZERO(&set);
	CPU_SET(p->cpu, &set);
	p->err = pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	if (p->perf_on)
		ls_perf_open_self(p->perf);
	if (!p->err && !p->trigger)
		producer_prime(p);
	if (p->hist)
		p->timer_ns = timer_cost();
	if (gate_pass(p->gate) && !p->err)
		producer_loop(p);
	return NULL;
}

/* What the cell has done so far: the BPF side's counters, or the producers' own. */
static int cell_counts(const struct cell *c, const struct crew *cr, struct ls_counters *sum)
{
	unsigned int i;

	if (!c->sc->user_counts)
		return ls_counters_read(c->counters_fd, sum);
	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < cr->n; i++)
		ls_counters_add(sum, &cr->p[i].t.user);
	return 0;
}

static __u64 live_triggers(const struct crew *cr)
{
	__u64 n = 0;
	unsigned int i;

	for (i = 0; i < cr->n; i++)
		n += __atomic_load_n(&cr->p[i].triggers, __ATOMIC_RELAXED);
	return n;
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
 * and the machine's CPU pressure at both ends.
 */
struct sample {
	struct ls_counters c0, c1;
	double t0, t1;
	struct ls_noise_mark *m0, *m1;
	double psi0, psi1;
	bool marks_ok;
};

static int sample_one(const struct cell *c, const struct crew *cr, const struct ls_run_opts *o,
		      struct sample *s)
{
	int err = cell_counts(c, cr, &s->c0);
	unsigned int slices;

	s->marks_ok = crew_marks(cr, s->m0);
	s->psi0 = ls_cpu_pressure_us();
	s->t0 = now_ns();
	for (slices = 0; !err && slices < LS_REP_STRETCH_MAX && !ls_interrupted; slices++) {
		ls_watchdog_beat("sampling", NULL);
		ls_sleep_s(o->duration_s);
		err = cell_counts(c, cr, &s->c1);
		if (s->c1.triggers - s->c0.triggers >= LS_REP_MIN_TRIGGERS)
			break;
	}
	s->t1 = now_ns();
	s->psi1 = ls_cpu_pressure_us();
	s->marks_ok = s->marks_ok && crew_marks(cr, s->m1);
	return err;
}

/*
 * Whether a producer was kept off its CPU for part of the repetition: then
 * what it measured is the machine's business, not the cell's. Owner churn
 * waits for the owners it makes (a thread's exit), so it is not judged.
 */
static bool disturbed(const struct cell *c, const struct crew *cr, const struct sample *s)
{
	if (!s->marks_ok || c->sc->trigger_kind == LS_TRIG_CHURN)
		return false;
	return crew_oncpu(cr, s->m0, s->m1, s->t1 - s->t0) < LS_ONCPU_MIN;
}

/* Appends a kept repetition to row, and what disturbed it to the round's sums. */
static void keep_rep(const struct cell *c, struct ls_row *row, const struct sample *s,
		     struct ls_noise_acc *noise)
{
	struct ls_rep *r = &row->reps[row->nr_reps++];

	r->ops = s->c1.ops - s->c0.ops;
	r->secs = (s->t1 - s->t0) / NSEC_PER_SEC;
	r->round = 1;
	row->ops += r->ops;
	if (s->marks_ok && c->sc->trigger_kind != LS_TRIG_CHURN)
		ls_noise_add(noise, r->secs, s->m0, s->m1, s->psi0, s->psi1);
}

/*
 * Samples the repetitions after the warm-up; threads are running. A
 * repetition in which a producer was kept off its CPU is discarded, counted
 * and done again, up to LS_REDO_MAX times per repetition asked; after that a
 * busy machine's repetitions are kept as they come, and the row says so.
 * What disturbed the kept ones goes to row->noise.
 */
static void cell_sample(struct cell *c, const struct crew *cr, const struct ls_run_opts *o,
			struct ls_row *row)
{
	unsigned int tries, judged = o->repetitions * (1 + LS_REDO_MAX), kept_disturbed = 0;
	struct ls_noise_mark *marks = calloc(2 * cr->n, sizeof(*marks));
	struct ls_window_src src = { c, cr->perf, cr->cpus };
	struct ls_noise_acc noise;
	struct ls_window w;
	struct sample s = { .m0 = marks, .m1 = marks ? marks + cr->n : NULL };

	row->reps = calloc(o->repetitions, sizeof(*row->reps));
	if (!row->reps || !marks || ls_noise_acc_init(&noise, cr->n)) {
		free(marks);
		ls_cell_fail(c, 0, "out of memory");
		return;
	}
	ls_watchdog_beat("warm-up", NULL);
	while (ls_fault("stall") && !ls_interrupted)
		pause(); /* a cell that never ends: the watchdog's test */
	ls_sleep_s(o->warmup_s);
	ls_window_begin(&src, &w);
	atomic_store(&recording, 1);
	for (tries = 0; row->nr_reps < o->repetitions && !ls_interrupted; tries++) {
		if (sample_one(c, cr, o, &s)) {
			ls_cell_fail(c, 0, "cannot read counters");
			break;
		}
		if (disturbed(c, cr, &s)) {
			if (tries < judged) {
				row->reps_discarded++;
				continue;
			}
			kept_disturbed++;
		}
		if (s.c1.ops == s.c0.ops) {
			ls_cell_fail(
				c, 0,
				"no operations in a repetition (%llu triggers so far, BPF saw %llu)",
				(unsigned long long)live_triggers(cr),
				(unsigned long long)s.c1.triggers);
			break;
		}
		keep_rep(c, row, &s, &noise);
	}
	atomic_store(&recording, 0);
	ls_window_end(&src, &w, row);
	ls_noise_done(&noise, kept_disturbed, &row->noise);
	ls_noise_acc_free(&noise);
	free(marks);
	if (kept_disturbed && c->status == LS_OK)
		snprintf(
			c->reason, sizeof(c->reason),
			"busy machine: %u repetitions kept with a producer off its CPU for over %.0f%% of them",
			kept_disturbed, 100 * (1 - LS_ONCPU_MIN));
}

/*
 * Gives producer idx its owners. Private: every threads-th one from idx, so
 * threads never share; with fewer owners than threads, owner idx mod n.
 * Shared: all of them, in the same order, so threads meet on the same owner.
 */
static bool share_owners(const struct cell *c, struct ls_thread *t, unsigned int idx)
{
	bool shared = c->sharing == LS_SHARING_SHARED;
	unsigned int n = c->owners.n, i, k = 0;

	t->cell = c;
	t->id = idx;
	if (!n)
		return true;
	t->owners = malloc((shared ? n : n / c->threads + 1) * sizeof(*t->owners));
	if (!t->owners)
		return false;
	for (i = shared ? 0 : idx; i < n; i += shared ? 1 : c->threads)
		t->owners[k++] = i;
	if (!k)
		t->owners[k++] = idx % n;
	t->nr_owners = k;
	return true;
}

static void crew_free(struct crew *cr)
{
	unsigned int i;

	for (i = 0; cr->p && i < cr->n; i++) {
		free(cr->p[i].t.owners);
		free(cr->p[i].hist);
		ls_perf_close(&cr->perf[i]);
	}
	free(cr->p);
	free(cr->perf);
	cr->p = NULL;
	cr->perf = NULL;
}

static int crew_alloc(struct crew *cr, const struct cell *c, const int *cpus,
		      const struct ls_run_opts *o)
{
	struct producer *p;
	unsigned int i;

	cr->n = c->threads;
	cr->cpus = (int *)cpus;
	cr->p = p = aligned_alloc(__alignof__(*p), cr->n * sizeof(*p));
	cr->perf = calloc(cr->n, sizeof(*cr->perf));
	if (!p || !cr->perf)
		return -ENOMEM;
	memset(p, 0, cr->n * sizeof(*p));
	for (i = 0; i < cr->n; i++) {
		memset(cr->perf[i].fd, -1, sizeof(cr->perf[i].fd));
		p[i].perf = &cr->perf[i];
		p[i].trigger = c->sc->trigger;
		p[i].counters_fd = c->counters_fd;
		p[i].cpu = cpus[i];
		p[i].perf_on = o->perf;
		p[i].fentry = c->mode == LS_MODE_FENTRY;
		p[i].hist = o->latency ? calloc(1, sizeof(*p[i].hist)) : NULL;
		if ((o->latency && !p[i].hist) || !share_owners(c, &p[i].t, i))
			return -ENOMEM;
	}
	return 0;
}

/* Starts the producers; on a failure the ones started are told to return. */
static void crew_start(struct cell *c, struct crew *cr, struct gate *g)
{
	unsigned int i;
	int err;

	ls_watchdog_beat("starting producers", NULL);
	atomic_store(&producers_stop, 0);
	for (i = 0; i < cr->n; i++) {
		cr->p[i].gate = g;
		err = i && ls_fault("thread")
			      ? EAGAIN
			      : pthread_create(&cr->p[i].thread, NULL, producer_main, &cr->p[i]);
		if (err) {
			ls_cell_fail(c, 0, "cannot start producer thread %u of %u: %s", i + 1,
				     cr->n, strerror(err));
			break;
		}
		cr->started++;
	}
	gate_wait_ready(g, cr->started);
	for (i = 0; i < cr->started && c->status == LS_OK; i++) {
		if (cr->p[i].err)
			ls_cell_fail(c, 0, "cannot pin producer to CPU %d: %s", cr->p[i].cpu,
				     strerror(cr->p[i].err));
		else if (cr->p[i].prime_incomplete)
			ls_cell_fail(c, 0, "priming on CPU %d failed after %llu passes",
				     cr->p[i].cpu, (unsigned long long)cr->p[i].prime_passes);
	}
	gate_open(g, c->status == LS_OK ? 1 : -1);
}

/* Stops and joins the producers; returns the triggers they issued. */
static __u64 crew_stop(struct crew *cr, __u64 *prime_passes)
{
	__u64 triggers = 0;
	unsigned int i;

	ls_watchdog_beat("stopping producers", NULL);
	atomic_store(&producers_stop, 1);
	*prime_passes = 0;
	for (i = 0; i < cr->started; i++) {
		pthread_join(cr->p[i].thread, NULL);
		triggers += cr->p[i].triggers;
		*prime_passes += cr->p[i].prime_passes;
	}
	return triggers;
}

/* Starts the producers, samples the repetitions, stops them: the triggers issued. */
static __u64 crew_run(struct cell *c, struct crew *cr, const struct ls_run_opts *o,
		      struct ls_row *row, __u64 *prime_passes)
{
	struct gate g = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };

	crew_start(c, cr, &g);
	if (c->status == LS_OK)
		cell_sample(c, cr, o, row);
	return crew_stop(cr, prime_passes);
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

/* The producers' latency histograms into the row's, and the timer's cost. */
static void latency_merge(const struct crew *cr, struct ls_row *row)
{
	unsigned int i;

	row->hist = calloc(1, sizeof(*row->hist));
	if (!row->hist)
		return;
	row->timer_ns = 0;
	for (i = 0; i < cr->n; i++) {
		ls_hist_merge(row->hist, cr->p[i].hist);
		row->timer_ns += cr->p[i].timer_ns / cr->n;
	}
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

/*
 * Map-count cells: the extra operations on map 0 that interleaved cells'
 * triggers made, and the gets of map 0 that the visit order made (mapseq.h).
 * In loop modes each trigger's iterations start from 0; in hook mode
 * producer i, pinned and alone on its CPU, steps on from trigger to trigger,
 * by that CPU's trigger count.
 */
static void crew_map_visits(struct cell *c, const struct crew *cr)
{
	bool il = c->sc->arg & LS_ARG_INTERLEAVE, loops = ls_mode_loops(c->mode);
	__u64 runs, steps;
	unsigned int i;

	c->extra_ops = c->map0_gets = 0;
	for (i = 0; c->nr_maps && i < cr->started; i++) {
		runs = loops ? cr->p[i].triggers : 1;
		steps = loops ? c->loop_iters : cr->p[i].triggers;
		if (il)
			c->extra_ops += runs * ls_mapseq_extras(steps, c->nr_maps);
		if (c->sc->map_steps)
			c->map0_gets += runs * ls_mapseq_map0(steps, c->nr_maps, il);
	}
}

/* Producers run, counters cross-checked: the measuring part of a set-up cell. */
static void cell_measure(struct cell *c, const struct ls_run_opts *o, const int *cpus,
			 struct ls_row *row)
{
	struct bpf_prog_info info0, info1;
	struct crew cr = {};
	__u64 triggers, prime_passes;
	bool info_ok;

	if (crew_alloc(&cr, c, cpus, o)) {
		crew_free(&cr);
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
		latency_merge(&cr, row);
	if (c->status == LS_OK && !ls_interrupted) {
		crew_map_visits(c, &cr);
		if (cell_counts(c, &cr, &row->cnt))
			ls_cell_fail(c, 0, "cannot read counters");
		else if (!ls_counters_check(c, &row->cnt, triggers + ls_fault("miscount"),
					    prime_passes, c->reason, sizeof(c->reason)))
			miscount(c, row, triggers);
	}
	crew_free(&cr);
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
		.slowdown_pct = o->slowdown_pct,
		.counters_fd = -1,
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
		.duration_s = o->duration_s,
		.control = -1,
		.bytes_per_elem = NAN,
	};
}

void ls_cell_round(const struct ls_cell_key *key, const struct ls_run_opts *o, const int *cpus,
		   struct ls_row *row)
{
	struct footprint before;
	struct cell c;

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
	if (!ls_setup(&c)) {
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
	ls_watchdog_beat("tear down", NULL);
	ls_teardown(&c);
	footprint_check(&c, &before);
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
