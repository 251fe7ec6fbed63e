// SPDX-License-Identifier: GPL-2.0
/*
 * The runner: for each selected scenario, mode and thread count, set the
 * cell up, start pinned producer threads, drop the warm-up, sample each
 * repetition, cross-check the BPF side's counters against the triggers and
 * write the row.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <bpf/bpf.h>
#include "bpfutil.h"
#include "perf.h"
#include "hist.h"
#include "results.h"
#include "runner.h"
#include "scenarios.h"
#include "rev.h"

#define NSEC_PER_SEC 1000000000.0
#define CAP_BPF_BIT 39
#define CAP_PERFMON_BIT 38

static volatile sig_atomic_t interrupted;
static atomic_int producers_stop;
static atomic_int recording; /* producers time their triggers: the measured repetitions */

#define TIMER_SAMPLES 1001

struct producer {
	struct ls_thread t;
	struct ls_perf perf;
	pthread_t thread;
	pthread_barrier_t *ready;
	bool (*trigger)(struct ls_thread *t);
	int counters_fd;
	int cpu;
	int err;
	bool prime_incomplete;
	bool perf_on; /* count with perf_event_open */
	struct ls_hist *hist; /* per-trigger latency while recording; NULL: off */
	double timer_ns;
	__u64 prime_passes;
	__u64 triggers; /* so far: stored relaxed after each, read whole after the join */
} __attribute__((aligned(64)));

#define PRIME_PASSES_MAX 100

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

static void on_signal(int sig)
{
	interrupted = sig;
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
}

/* Sleeps for s seconds unless a signal asks the run to stop first. */
static void sleep_s(double s)
{
	struct timespec ts;
	double end_ns;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	end_ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec + s * NSEC_PER_SEC;
	ts.tv_sec = (time_t)(end_ns / NSEC_PER_SEC);
	ts.tv_nsec = (long)(end_ns - ts.tv_sec * NSEC_PER_SEC);
	while (!interrupted && clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
}

/*
 * A producer primes once, waits for the others, then triggers the hook until
 * told to stop: the scenario's trigger on its owners, or by default the
 * sys_enter syscalls. Signals go to the main thread only.
 */
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
	double d[TIMER_SAMPLES], t0;
	struct ls_summary sum;
	int i;

	for (i = 0; i < TIMER_SAMPLES; i++) {
		t0 = now_ns();
		d[i] = now_ns() - t0;
	}
	return ls_summarize(d, TIMER_SAMPLES, &sum) ? NAN : sum.median;
}

static void *producer_main(void *arg)
{
	bool (*trigger)(struct ls_thread * t);
	struct producer *p = arg;
	__u64 n = 0;
	cpu_set_t set;
	sigset_t sigs;

	sigfillset(&sigs);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	CPU_ZERO(&set);
	CPU_SET(p->cpu, &set);
	p->err = pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
	if (p->perf_on)
		ls_perf_open_self(&p->perf);
	if (!p->err && !p->trigger)
		producer_prime(p);
	if (p->hist)
		p->timer_ns = timer_cost();
	pthread_barrier_wait(p->ready);
	if (p->err)
		return NULL;
	trigger = p->trigger ?: trigger_syscall;
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
	return NULL;
}

static void cell_fail(struct cell *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void cell_fail(struct cell *c, const char *fmt, ...)
{
	va_list ap;

	c->status = LS_FAILED;
	va_start(ap, fmt);
	vsnprintf(c->reason, sizeof(c->reason), fmt, ap);
	va_end(ap);
}

/* What the cell has done so far: the BPF side's counters, or the producers' own. */
static int cell_counts(const struct cell *c, const struct producer *prod, struct ls_counters *sum)
{
	unsigned int i;

	if (!c->sc->user_counts)
		return ls_counters_read(c->counters_fd, sum);
	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < c->threads; i++) {
		const struct ls_counters *u = &prod[i].t.user;

		sum->triggers += __atomic_load_n(&u->triggers, __ATOMIC_RELAXED);
		sum->ops += __atomic_load_n(&u->ops, __ATOMIC_RELAXED);
		sum->hits += __atomic_load_n(&u->hits, __ATOMIC_RELAXED);
		sum->misses += __atomic_load_n(&u->misses, __ATOMIC_RELAXED);
		sum->creates += __atomic_load_n(&u->creates, __ATOMIC_RELAXED);
		sum->deletes += __atomic_load_n(&u->deletes, __ATOMIC_RELAXED);
		sum->failures += __atomic_load_n(&u->failures, __ATOMIC_RELAXED);
	}
	return 0;
}

/* What the measured repetitions span, beside the operations: counters and run statistics. */
struct window {
	struct ls_perf_totals perf;
	struct bpf_prog_info info;
	bool info_ok;
	struct ls_hist *op0, *timer0; /* the BPF histograms as the window opened */
	struct ls_profile prof;
};

/*
 * The BPF histogram at fd now, less what it held at the start (before); NULL
 * if not kept. The BPF side keeps counts only: the max is the top of the
 * highest bucket counted.
 */
static struct ls_hist *bpf_hist_since(int fd, const struct ls_hist *before)
{
	struct ls_hist *h;
	uint64_t lo, hi;
	unsigned int i;

	if (fd < 0 || !before)
		return NULL;
	h = calloc(1, sizeof(*h));
	if (!h || ls_bpf_hist_read(fd, h)) {
		free(h);
		return NULL;
	}
	h->total = h->max = 0;
	for (i = 0; i < LS_HIST_BUCKETS; i++) {
		h->count[i] -= before->count[i];
		h->total += h->count[i];
		if (h->count[i]) {
			ls_hist_bounds(i, &lo, &hi);
			h->max = hi;
		}
	}
	return h;
}

static struct ls_hist *bpf_hist_now(int fd)
{
	static const struct ls_hist zero;

	return bpf_hist_since(fd, &zero);
}

static bool prog_info(int fd, struct bpf_prog_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return fd >= 0 && !bpf_obj_get_info_by_fd(fd, info, &len);
}

/* The producers' counters, summed. */
static void producers_perf(const struct cell *c, const struct producer *prod,
			   struct ls_perf_totals *t)
{
	struct ls_perf perf[c->threads];
	unsigned int i;

	for (i = 0; i < c->threads; i++)
		perf[i] = prod[i].perf;
	ls_perf_read(perf, c->threads, t);
}

static void profile_start(const struct cell *c, const struct producer *prod, struct ls_profile *p)
{
	int cpus[c->threads];
	unsigned int i;

	for (i = 0; i < c->threads; i++)
		cpus[i] = prod[i].cpu;
	if (ls_profile_start(p, cpus, c->threads))
		fprintf(stderr, "lsbench: cannot start perf record: %s\n", strerror(errno));
}

static void profile_stop(struct window *w, struct ls_row *row)
{
	int n;

	row->profile = calloc(LS_PROFILE_TOP, sizeof(*row->profile));
	if (!row->profile)
		return;
	n = ls_profile_stop(&w->prof, row->profile, LS_PROFILE_TOP);
	row->nr_profile = n > 0 ? n : 0;
}

static void window_begin(const struct cell *c, const struct producer *prod, struct window *w)
{
	producers_perf(c, prod, &w->perf);
	w->info_ok = c->stats_fd >= 0 && prog_info(c->prog_fd, &w->info);
	w->op0 = c->time_ops ? bpf_hist_now(c->op_hist_fd) : NULL;
	w->timer0 = c->time_ops ? bpf_hist_now(c->timer_hist_fd) : NULL;
	w->prof.pid = 0;
	if (c->profile)
		profile_start(c, prod, &w->prof);
	atomic_store(&recording, 1);
}

static void window_end(const struct cell *c, const struct producer *prod, struct window *w,
		       struct ls_row *row)
{
	struct ls_perf_totals now;
	struct bpf_prog_info info;

	atomic_store(&recording, 0);
	row->bpf_hist = bpf_hist_since(c->op_hist_fd, w->op0);
	row->bpf_timer_hist = bpf_hist_since(c->timer_hist_fd, w->timer0);
	free(w->op0);
	free(w->timer0);
	if (c->profile)
		profile_stop(w, row);
	producers_perf(c, prod, &now);
	ls_perf_delta(&w->perf, &now, &row->perf);
	if (w->info_ok && prog_info(c->prog_fd, &info)) {
		row->bpf_stats = true;
		row->bpf_run_cnt = info.run_cnt - w->info.run_cnt;
		row->bpf_run_time_ns = info.run_time_ns - w->info.run_time_ns;
	}
}

static __u64 live_triggers(const struct cell *c, const struct producer *prod)
{
	__u64 n = 0;
	unsigned int i;

	for (i = 0; i < c->threads; i++)
		n += __atomic_load_n(&prod[i].triggers, __ATOMIC_RELAXED);
	return n;
}

/* Samples the repetitions after the warm-up; threads are running. */
static void cell_sample(struct cell *c, const struct producer *prod, const struct ls_run_opts *o,
			struct ls_row *row)
{
	double ops_per_sec[o->repetitions], ns_per_op[o->repetitions];
	struct ls_rep *reps = calloc(o->repetitions, sizeof(*reps));
	struct ls_counters c0, c1;
	struct window w;
	unsigned int i;
	double t0, t1;
	int err;

	if (!reps) {
		cell_fail(c, "out of memory");
		return;
	}
	row->reps = reps;
	sleep_s(o->warmup_s);
	window_begin(c, prod, &w);
	for (i = 0; i < o->repetitions && !interrupted; i++) {
		err = cell_counts(c, prod, &c0);
		t0 = now_ns();
		sleep_s(o->duration_s);
		err = err ?: cell_counts(c, prod, &c1);
		t1 = now_ns();
		if (err) {
			cell_fail(c, "cannot read counters: %s", strerror(-err));
			break;
		}
		if (c1.ops == c0.ops) {
			cell_fail(
				c,
				"no operations in repetition %u (%llu triggers so far, BPF saw %llu)",
				i + 1, (unsigned long long)live_triggers(c, prod),
				(unsigned long long)c1.triggers);
			break;
		}
		reps[i] = (struct ls_rep){ c1.ops - c0.ops, (t1 - t0) / NSEC_PER_SEC };
		ops_per_sec[i] = reps[i].ops / reps[i].secs;
		ns_per_op[i] = c->threads * (t1 - t0) / reps[i].ops;
		row->ops += c1.ops - c0.ops;
	}
	window_end(c, prod, &w, row);
	if (interrupted || c->status != LS_OK)
		return;
	if (ls_summarize(ops_per_sec, o->repetitions, &row->ops_per_sec) ||
	    ls_summarize(ns_per_op, o->repetitions, &row->ns_per_op))
		cell_fail(c, "cannot summarize the repetitions");
}

/*
 * Test hooks, so tests can see the self-checks fail a cell: with
 * LSBENCH_FAULT=miscount the runner expects one trigger more than the
 * producers issued; with LSBENCH_FAULT=leakfd each cell keeps an fd.
 */
static bool fault(const char *name)
{
	const char *f = getenv("LSBENCH_FAULT");

	return f && !strcmp(f, name);
}

/*
 * Gives producer @idx its owners. Private: every threads-th one from idx, so
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
	if (shared) {
		for (i = 0; i < n; i++)
			t->owners[k++] = i;
		t->nr_owners = k;
		return true;
	}
	for (i = idx; i < n; i += c->threads)
		t->owners[k++] = i;
	if (!k)
		t->owners[k++] = idx % n;
	t->nr_owners = k;
	return true;
}

static void producers_free(const struct cell *c, struct producer *prod)
{
	unsigned int i;

	for (i = 0; i < c->threads; i++) {
		free(prod[i].t.owners);
		free(prod[i].hist);
		ls_perf_close(&prod[i].perf);
	}
	free(prod);
}

static struct producer *producers_alloc(const struct cell *c, const int *cpus, bool latency,
					bool perf)
{
	struct producer *prod = aligned_alloc(__alignof__(*prod), c->threads * sizeof(*prod));
	unsigned int i;

	if (!prod)
		return NULL;
	memset(prod, 0, c->threads * sizeof(*prod));
	for (i = 0; i < c->threads; i++) {
		memset(prod[i].perf.fd, -1, sizeof(prod[i].perf.fd));
		prod[i].trigger = c->sc->trigger;
		prod[i].counters_fd = c->counters_fd;
		prod[i].cpu = cpus[i];
		prod[i].perf_on = perf;
		prod[i].hist = latency ? calloc(1, sizeof(*prod[i].hist)) : NULL;
		if (latency && !prod[i].hist) {
			producers_free(c, prod);
			return NULL;
		}
		if (!share_owners(c, &prod[i].t, i)) {
			producers_free(c, prod);
			return NULL;
		}
	}
	return prod;
}

/*
 * Starts the producers, samples the repetitions, stops them and returns the
 * triggers they issued.
 */
static __u64 producers_run(struct cell *c, struct producer *prod, const struct ls_run_opts *o,
			   struct ls_row *row, __u64 *prime_passes)
{
	unsigned int i, started = 0;
	pthread_barrier_t ready;
	__u64 triggers = 0;
	int err;

	pthread_barrier_init(&ready, NULL, c->threads + 1);
	atomic_store(&producers_stop, 0);
	for (i = 0; i < c->threads; i++) {
		prod[i].ready = &ready;
		err = pthread_create(&prod[i].thread, NULL, producer_main, &prod[i]);
		if (err) {
			cell_fail(c, "cannot start producer thread: %s", strerror(err));
			break;
		}
		started++;
	}
	if (started == c->threads) {
		pthread_barrier_wait(&ready);
		for (i = 0; i < c->threads; i++) {
			if (prod[i].err && c->status == LS_OK)
				cell_fail(c, "cannot pin producer to CPU %d: %s", prod[i].cpu,
					  strerror(prod[i].err));
			if (prod[i].prime_incomplete && c->status == LS_OK)
				cell_fail(c, "priming on CPU %d failed after %llu passes",
					  prod[i].cpu, (unsigned long long)prod[i].prime_passes);
		}
		if (c->status == LS_OK)
			cell_sample(c, prod, o, row);
	}
	atomic_store(&producers_stop, 1);
	*prime_passes = 0;
	for (i = 0; i < started; i++) {
		pthread_join(prod[i].thread, NULL);
		triggers += prod[i].triggers;
		*prime_passes += prod[i].prime_passes;
	}
	/* With fewer threads than the barrier counts, nobody waits on it. */
	if (started == c->threads)
		pthread_barrier_destroy(&ready);
	return triggers;
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
		cell_fail(c, "leak: %d open fds before the cell, %d after", before->fds, after.fds);
	else if (after.threads != before->threads)
		cell_fail(c, "leak: %d threads before the cell, %d after", before->threads,
			  after.threads);
	else if (strcmp(after.cgroup, before->cgroup))
		cell_fail(c, "the process was left in cgroup %s", after.cgroup);
}

/* The producers' latency histograms into the row's, and the timer's cost. */
static void latency_merge(const struct cell *c, const struct producer *prod, struct ls_row *row)
{
	unsigned int i;

	row->hist = calloc(1, sizeof(*row->hist));
	if (!row->hist)
		return;
	row->timer_ns = 0;
	for (i = 0; i < c->threads; i++) {
		ls_hist_merge(row->hist, prod[i].hist);
		row->timer_ns += prod[i].timer_ns / c->threads;
	}
}

/* Owners handed out to the producers by user space, as opposed to their own or made per trigger. */
static bool owners_split(const struct scenario *sc)
{
	return sc->trigger && sc->trigger != ls_trigger_thread &&
	       sc->trigger != ls_trigger_socket && sc->trigger != ls_trigger_cgroup;
}

/* Private producers with fewer owners than threads would share some: not private. */
static bool owners_too_few(const struct cell *c)
{
	return c->sharing == LS_SHARING_PRIVATE && owners_split(c->sc) &&
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

static void cell_run(struct cell *c, const struct ls_run_opts *o, const int *cpus,
		     struct ls_row *row)
{
	struct bpf_prog_info info0, info1;
	struct footprint before;
	struct producer *prod;
	__u64 triggers, prime_passes;
	bool info_ok;
	int err;

	if (owners_too_few(c)) {
		row->status = LS_UNSUPPORTED;
		snprintf(row->reason, sizeof(row->reason),
			 "private owners need one per thread at least: %u owners, %u threads",
			 c->nr_objects, c->threads);
		return;
	}
	footprint_read(&before);
	if (c->sc->setup(c))
		goto out;
	/* BPF_ENABLE_STATS: run counts and times of programs while the fd is open. */
	c->stats_fd = o->bpf_stats && c->prog_fd >= 0 ? bpf_enable_stats(BPF_STATS_RUN_TIME) : -1;
	prod = producers_alloc(c, cpus, o->latency, o->perf);
	if (!prod) {
		cell_fail(c, "out of memory for %u producers", c->threads);
		goto out;
	}
	info_ok = prog_info(c->prog_fd, &info0);
	triggers = producers_run(c, prod, o, row, &prime_passes);
	if (info_ok && prog_info(c->prog_fd, &info1)) {
		row->bpf_misses_ok = true;
		row->bpf_misses = info1.recursion_misses - info0.recursion_misses;
	}
	if (o->latency)
		latency_merge(c, prod, row);
	if (c->status == LS_OK && !interrupted) {
		err = cell_counts(c, prod, &row->cnt);
		if (err)
			cell_fail(c, "cannot read counters: %s", strerror(-err));
		else if (!ls_counters_check(c, &row->cnt, triggers + fault("miscount"),
					    prime_passes, c->reason, sizeof(c->reason)))
			miscount(c, row, triggers);
	}
	producers_free(c, prod);
	if (c->stats_fd >= 0)
		close(c->stats_fd);
	c->stats_fd = -1;
	if (fault("leakfd"))
		open("/dev/null", O_RDONLY);
out:
	c->sc->teardown(c);
	footprint_check(c, &before);
	row->status = c->status;
	snprintf(row->reason, sizeof(row->reason), "%s", c->reason);
	row->bytes_per_elem = c->bytes_per_elem;
}

static bool has_bpf_caps(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2] = {};

	if (syscall(SYS_capget, &hdr, data))
		return geteuid() == 0;
	if (data[0].effective & (1u << CAP_SYS_ADMIN))
		return true;
	return (data[1].effective & (1u << (CAP_BPF_BIT - 32))) &&
	       (data[1].effective & (1u << (CAP_PERFMON_BIT - 32)));
}

/* The CPUs this process may run on, in order; returns how many. */
static int usable_cpus(int *cpus, int max)
{
	cpu_set_t set;
	int i, n = 0;

	if (sched_getaffinity(0, sizeof(set), &set))
		return 0;
	for (i = 0; i < CPU_SETSIZE && n < max; i++) {
		if (CPU_ISSET(i, &set))
			cpus[n++] = i;
	}
	return n;
}

static void print_header(void)
{
	printf("%-26s %-4s %4s %-7s %6s %4s %4s %11s %7s %10s %11s  %s\n", "scenario", "mode",
	       "cpus", "sharing", "owners", "maps", "val", "ns/op", "cv", "Mops/s", "+ns/op",
	       "status");
}

static void print_row(const struct ls_results *res, const struct ls_row *row)
{
	double added = ls_results_added_ns(res, row);
	char added_s[32] = "-";

	if (row->status != LS_OK) {
		printf("%-26s %-4s %4u %-7s %6u %4u %4u %11s %7s %10s %11s  %s: %s\n",
		       row->sc->name, ls_mode_name(row->mode), row->threads,
		       ls_sharing_name(row->sharing), row->nr_objects, row->nr_maps,
		       row->value_size, "-", "-", "-", "-", ls_status_name(row->status),
		       row->reason);
		return;
	}
	if (!isnan(added))
		snprintf(added_s, sizeof(added_s), "%.2f", added);
	printf("%-26s %-4s %4u %-7s %6u %4u %4u %11.2f %6.2f%% %10.3f %11s  %s%s\n", row->sc->name,
	       ls_mode_name(row->mode), row->threads, ls_sharing_name(row->sharing),
	       row->nr_objects, row->nr_maps, row->value_size, row->ns_per_op.median,
	       100 * row->ns_per_op.cv, row->ops_per_sec.median / 1e6, added_s,
	       ls_status_name(row->status), row->ns_per_op.cv > LS_NOISY_CV ? " (noisy)" : "");
	fflush(stdout);
}

/* What sets one cell of a scenario apart from the others. */
struct cell_key {
	enum ls_mode mode;
	unsigned int threads;
	unsigned int objects;
	unsigned int maps;
	unsigned int value_size;
	enum ls_sharing sharing;
};

/* Measures one cell into row, with o's instrumentation. */
static void measure(const struct scenario *sc, const struct cell_key *key,
		    const struct ls_run_opts *o, const int *cpus, struct ls_row *row)
{
	struct cell c = {
		.sc = sc,
		.mode = key->mode,
		.threads = key->threads,
		.loop_iters = o->loop_iters,
		.nr_maps = key->maps,
		.nr_objects = key->objects,
		.value_size = key->value_size,
		.sharing = key->sharing,
		.verbose = o->verbose,
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

	*row = (struct ls_row){
		.sc = sc,
		.mode = c.mode,
		.threads = c.threads,
		.nr_maps = c.nr_maps,
		.nr_objects = c.nr_objects,
		.value_size = c.value_size,
		.sharing = c.sharing,
		.loop_iters = c.loop_iters,
		.repetitions = o->repetitions,
		.duration_s = o->duration_s,
	};
	cell_run(&c, o, cpus, row);
}

static void row_free(struct ls_row *row)
{
	free(row->hist);
	free(row->bpf_hist);
	free(row->bpf_timer_hist);
	free(row->reps);
	free(row->profile);
}

/*
 * With --overhead, the same cell bare first: no per-trigger timing, BPF
 * timing, run statistics or perf counters. Its median ns per operation goes
 * beside the instrumented one's; a bare cell that fails fails the cell.
 */
static void measure_bare(const struct scenario *sc, const struct cell_key *key,
			 const struct ls_run_opts *o, const int *cpus, struct ls_row *row)
{
	struct ls_run_opts bare = *o;
	struct ls_row b;

	bare.latency = bare.bpf_latency = bare.bpf_stats = bare.perf = bare.profile = false;
	measure(sc, key, &bare, cpus, &b);
	row_free(&b);
	if (interrupted || row->status != LS_OK)
		return;
	if (b.status != LS_OK) {
		row->status = b.status;
		snprintf(row->reason, sizeof(row->reason), "bare twin: %.240s", b.reason);
		return;
	}
	row->bare = true;
	row->bare_ns_per_op = b.ns_per_op.median;
}

/* Measures one cell and writes its row; returns non-zero when results cannot be written. */
static int run_cell(const struct scenario *sc, const struct cell_key *key,
		    const struct ls_run_opts *o, const int *cpus, struct ls_results *res,
		    int *status)
{
	struct ls_row row;
	int ret = 0;

	measure(sc, key, o, cpus, &row);
	if (o->overhead && !interrupted)
		measure_bare(sc, key, o, cpus, &row);
	if (!interrupted)
		ret = ls_results_add(res, &row);
	row_free(&row);
	if (interrupted)
		return 0;
	if (ret) {
		fprintf(stderr, "lsbench: cannot write results in %s: %s\n", res->dir,
			strerror(-ret));
		return 1;
	}
	print_row(res, &res->rows[res->nr_rows - 1]);
	if (row.status == LS_FAILED)
		*status = 1;
	return 0;
}

/* A dimension's values for sc, or the one default (0 for objects: one per thread). */
static size_t sweep(const struct ls_run_opts *o, const struct scenario *sc, enum ls_dim dim,
		    unsigned int def, unsigned int *vals)
{
	size_t n = ls_sweep_for(o, sc, dim, vals);

	if (!n)
		vals[n++] = def;
	return n;
}

/*
 * The sharings to run sc with at this thread count: its own when it has one;
 * with one thread private and shared are the same cell, so private if asked.
 */
static unsigned int sharings_for(const struct scenario *sc, const struct ls_run_opts *o,
				 unsigned int threads)
{
	unsigned int can = ls_scenario_sharings(sc), want = can & o->sharings;

	if (can != LS_SHARING_ALL)
		return can;
	if (threads == 1 && (want & LS_SHARING_BIT(LS_SHARING_PRIVATE)))
		return LS_SHARING_BIT(LS_SHARING_PRIVATE);
	return want;
}

/* The cells of one mode, thread count and sharing: maps x value sizes x owners. */
static int run_sweeps(const struct scenario *sc, struct cell_key *key, unsigned int sharings,
		      const struct ls_run_opts *o, const int *cpus, struct ls_results *res,
		      int *status)
{
	unsigned int objects[LS_MAX_LIST], maps[LS_MAX_LIST], sizes[LS_MAX_LIST];
	size_t nr_objects = sweep(o, sc, LS_DIM_OBJECTS, 0, objects);
	size_t nr_maps = sweep(o, sc, LS_DIM_MAPS, 1, maps);
	size_t nr_sizes = sweep(o, sc, LS_DIM_VALUE_SIZE, 8, sizes);
	size_t a, b, j;
	int ret;

	for (a = 0; a < nr_maps; a++) {
		key->maps = maps[a];
		for (b = 0; b < nr_sizes; b++) {
			key->value_size = sizes[b];
			for (j = 0; j < nr_objects; j++) {
				key->objects = objects[j] ?: key->threads;
				/* the shared cell of this sweep is that cell */
				if (key->sharing == LS_SHARING_PRIVATE && owners_split(sc) &&
				    key->objects < key->threads &&
				    (sharings & LS_SHARING_BIT(LS_SHARING_SHARED)))
					continue;
				ret = run_cell(sc, key, o, cpus, res, status);
				if (ret || interrupted)
					return ret;
			}
		}
	}
	return 0;
}

/* Every cell of one scenario: modes x threads x sharings x maps x value sizes x owners. */
static int run_scenario(const struct scenario *sc, const struct ls_run_opts *o, const int *cpus,
			struct ls_results *res, int *status)
{
	unsigned int sharings;
	struct cell_key key;
	size_t k;
	int ret;

	for (key.mode = LS_MODE_HOOK; key.mode <= LS_MODE_LOOP; key.mode++) {
		if (!(ls_scenario_modes(sc) & o->modes & LS_MODE_BIT(key.mode)))
			continue;
		for (k = 0; k < o->nr_cpu_counts; k++) {
			key.threads = o->cpu_counts[k];
			if (sc->max_threads && key.threads > sc->max_threads)
				continue;
			sharings = sharings_for(sc, o, key.threads);
			for (key.sharing = LS_SHARING_PRIVATE; key.sharing <= LS_SHARING_SHARED;
			     key.sharing++) {
				if (!(sharings & LS_SHARING_BIT(key.sharing)))
					continue;
				ret = run_sweeps(sc, &key, sharings, o, cpus, res, status);
				if (ret || interrupted)
					return ret;
			}
		}
	}
	return 0;
}

/* Everything that makes a run impossible, found before anything is written. */
static int preflight(struct ls_run_opts *o, bool *selected, int *cpus, int *nr_cpus)
{
	char err[256];

	if (ls_select(ls_scenarios, ls_nr_scenarios, o, selected, err, sizeof(err)) < 0)
		goto bad;
	if (!has_bpf_caps()) {
		snprintf(err, sizeof(err), "lsbench run needs root (CAP_BPF and CAP_PERFMON)");
		goto bad;
	}
	if (access("/sys/kernel/btf/vmlinux", R_OK)) {
		snprintf(err, sizeof(err),
			 "kernel has no BTF (/sys/kernel/btf/vmlinux): tp_btf programs need "
			 "CONFIG_DEBUG_INFO_BTF");
		goto bad;
	}
	if (o->profile && !ls_profile_available()) {
		snprintf(err, sizeof(err), "--profile needs perf(1) (Debian: linux-perf)");
		goto bad;
	}
	*nr_cpus = usable_cpus(cpus, CPU_SETSIZE);
	if (ls_cpu_counts_resolve(o, *nr_cpus, err, sizeof(err)))
		goto bad;
	return 0;
bad:
	fprintf(stderr, "lsbench: %s\n", err);
	return -EINVAL;
}

int ls_run(struct ls_run_opts *o, int argc, char **argv)
{
	bool selected[ls_nr_scenarios];
	struct sigaction sa = { .sa_handler = on_signal };
	static int cpus[CPU_SETSIZE];
	struct ls_results res;
	struct ls_sysinfo si;
	int nr_cpus, status = 0, status_hard = 0;
	char err[512];
	size_t s;

	if (preflight(o, selected, cpus, &nr_cpus))
		return 2;
	ls_sysinfo_read(&si);
	if (ls_results_create(&res, o->output, &si, o->bpf_stats, argc, argv, err, sizeof(err))) {
		fprintf(stderr, "lsbench: %s\n", err);
		return 2;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	ls_bpf_init(o->verbose);
	printf("lsbench %s: kernel %s, %u CPUs online, virt %s\n", LSBENCH_REV, si.kernel,
	       si.nr_online, si.virt);
	printf("results: %s\n", res.dir);
	print_header();

	for (s = 0; s < ls_nr_scenarios && !interrupted && !status_hard; s++) {
		if (selected[s])
			status_hard = run_scenario(&ls_scenarios[s], o, cpus, &res, &status);
	}
	if (status_hard) {
		ls_results_free(&res);
		return status_hard;
	}
	if (interrupted) {
		snprintf(err, sizeof(err), "partial: interrupted by %s after %zu cells",
			 strsignal(interrupted), res.nr_rows);
		ls_results_finish(&res, err);
		fprintf(stderr, "lsbench: %s; results so far in %s\n", err, res.dir);
		status = 130;
	} else {
		ls_results_finish(&res, "complete");
		printf("%zu cells written to %s/summary.csv\n", res.nr_rows, res.dir);
	}
	ls_results_free(&res);
	return status;
}
