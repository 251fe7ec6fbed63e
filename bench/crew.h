/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cell's producers: threads pinned one to a CPU that prime the cell, wait
 * at a gate until all are ready, then trigger its hook until told to stop.
 */
#ifndef LSBENCH_CREW_H
#define LSBENCH_CREW_H

#include <pthread.h>
#include <stdbool.h>
#include <sys/types.h>
#include "opts.h"
#include "results.h"

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
	unsigned int probe_asked, probe_done; /* speed probes the runner asked for, and done */
	double probe_ns; /* the last one's reading (speed.h) */
} __attribute__((aligned(64)));

/* A cell's producers, their counters and CPUs side by side for the window. */
struct crew {
	struct producer *p;
	struct ls_perf *perf;
	int *cpus;
	unsigned int n, started;
	struct gate gate;
};

/* CLOCK_MONOTONIC in ns. */
double ls_now_ns(void);

/* Makes the crew of cell c on CPUs cpus[0..c->threads): 0, or -ENOMEM (then ls_crew_free). */
int ls_crew_alloc(struct crew *cr, const struct cell *c, const int *cpus,
		  const struct ls_run_opts *o);
void ls_crew_free(struct crew *cr);

/* Starts the producers; on a failure c fails and the ones started are told to return. */
void ls_crew_start(struct cell *c, struct crew *cr);

/* Stops and joins the producers; returns the triggers they issued, and their prime passes. */
__u64 ls_crew_stop(struct crew *cr, __u64 *prime_passes);

/* Whether the producers time each trigger into their histograms: the measured repetitions. */
void ls_crew_record(bool on);

/* What the cell has done so far: the BPF side's counters, or the producers' own. 0 or -errno. */
int ls_crew_counts(const struct cell *c, const struct crew *cr, struct ls_counters *sum);

/*
 * Has every producer run the speed probe (speed.h) on its thread, between two
 * of its triggers, and waits for them: ns[i] is producer i's reading, NAN
 * where it did not answer within a second.
 */
void ls_crew_probe(const struct crew *cr, double *ns);

/* The triggers the producers issued so far. */
__u64 ls_crew_triggers(const struct crew *cr);

/* The producers' latency histograms into row's, and what timing a trigger costs. */
void ls_crew_latency(const struct crew *cr, struct ls_row *row);

/* Map-count cells: what the visit order made of map 0 (c->extra_ops, c->map0_gets). */
void ls_crew_map_visits(struct cell *c, const struct crew *cr);

#endif /* LSBENCH_CREW_H */
