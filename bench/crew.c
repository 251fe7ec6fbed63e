// SPDX-License-Identifier: GPL-2.0
/* A cell's producers: pinned threads that prime, wait at a gate and trigger. */
#include <errno.h>
#include <math.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include "bpfutil.h"
#include "crew.h"
#include "mapseq.h"
#include "scenarios.h"
#include "speed.h"
#include "watchdog.h"

#define NSEC_PER_SEC 1000000000.0
#define TIMER_SAMPLES 1001
#define PRIME_PASSES_MAX 100
/*
 * How long the runner waits for its producers' speed probes, and how often it
 * looks: seldom, since its wake-ups may land on a producer's CPU mid-probe.
 */
#define PROBE_WAIT_NS 1e9
#define PROBE_POLL_US 500

static atomic_int producers_stop;
static atomic_int recording; /* producers time their triggers: the measured repetitions */

void ls_crew_record(bool on)
{
	atomic_store(&recording, on);
}

double ls_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
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
		t0 = ls_now_ns();
		d[i] = ls_now_ns() - t0;
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

/* Runs the speed probe when the runner asked for one since the last. */
static void producer_probe(struct producer *p)
{
	unsigned int asked = __atomic_load_n(&p->probe_asked, __ATOMIC_ACQUIRE);

	if (asked == p->probe_done)
		return;
	p->probe_ns = ls_speed_probe();
	__atomic_store_n(&p->probe_done, asked, __ATOMIC_RELEASE);
}

static void producer_loop(struct producer *p)
{
	bool (*trigger)(struct ls_thread * t) = p->trigger ?: trigger_syscall;
	__u64 n = 0;

	while (!atomic_load_explicit(&producers_stop, memory_order_relaxed)) {
		producer_probe(p);
		if (p->hist && atomic_load_explicit(&recording, memory_order_relaxed)) {
			double t0 = ls_now_ns();
			bool ok = trigger(&p->t);

			if (ok)
				ls_hist_add(p->hist, ls_now_ns() - t0);
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

int ls_crew_counts(const struct cell *c, const struct crew *cr, struct ls_counters *sum)
{
	unsigned int i;

	if (!c->sc->user_counts)
		return ls_counters_read(c->counters_fd, sum);
	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < cr->n; i++)
		ls_counters_add(sum, &cr->p[i].t.user);
	return 0;
}

void ls_crew_probe(const struct crew *cr, double *ns)
{
	double until = ls_now_ns() + PROBE_WAIT_NS;
	unsigned int i, asked;

	for (i = 0; i < cr->started; i++)
		__atomic_add_fetch(&cr->p[i].probe_asked, 1, __ATOMIC_RELEASE);
	for (i = 0; i < cr->n; i++) {
		ns[i] = NAN;
		asked = __atomic_load_n(&cr->p[i].probe_asked, __ATOMIC_RELAXED);
		while (i < cr->started) {
			if (__atomic_load_n(&cr->p[i].probe_done, __ATOMIC_ACQUIRE) == asked) {
				ns[i] = cr->p[i].probe_ns;
				break;
			}
			if (ls_now_ns() > until)
				break;
			usleep(PROBE_POLL_US);
		}
	}
}

__u64 ls_crew_triggers(const struct crew *cr)
{
	__u64 n = 0;
	unsigned int i;

	for (i = 0; i < cr->n; i++)
		n += __atomic_load_n(&cr->p[i].triggers, __ATOMIC_RELAXED);
	return n;
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

void ls_crew_free(struct crew *cr)
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

int ls_crew_alloc(struct crew *cr, const struct cell *c, const int *cpus,
		  const struct ls_run_opts *o)
{
	struct producer *p;
	unsigned int i;

	cr->n = c->threads;
	cr->cpus = (int *)cpus;
	cr->gate = (struct gate){ PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0 };
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

void ls_crew_start(struct cell *c, struct crew *cr)
{
	unsigned int i;
	int err;

	ls_watchdog_beat("starting producers", NULL);
	atomic_store(&producers_stop, 0);
	for (i = 0; i < cr->n; i++) {
		cr->p[i].gate = &cr->gate;
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
	gate_wait_ready(&cr->gate, cr->started);
	for (i = 0; i < cr->started && c->status == LS_OK; i++) {
		if (cr->p[i].err)
			ls_cell_fail(c, 0, "cannot pin producer to CPU %d: %s", cr->p[i].cpu,
				     strerror(cr->p[i].err));
		else if (cr->p[i].prime_incomplete)
			ls_cell_fail(c, 0, "priming on CPU %d failed after %llu passes",
				     cr->p[i].cpu, (unsigned long long)cr->p[i].prime_passes);
	}
	gate_open(&cr->gate, c->status == LS_OK ? 1 : -1);
}

__u64 ls_crew_stop(struct crew *cr, __u64 *prime_passes)
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

void ls_crew_latency(const struct crew *cr, struct ls_row *row)
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

/*
 * Map-count cells: the extra operations on map 0 that interleaved cells'
 * triggers made, and the gets of map 0 that the visit order made (mapseq.h).
 * In loop modes each trigger's iterations start from 0; in hook mode
 * producer i, pinned and alone on its CPU, steps on from trigger to trigger,
 * by that CPU's trigger count.
 */
void ls_crew_map_visits(struct cell *c, const struct crew *cr)
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
