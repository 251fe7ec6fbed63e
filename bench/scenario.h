/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A scenario is one operation on one map type from one hook, registered by
 * name in the table in scenarios.c. The runner measures it as cells: one per
 * mode (hook or loop) and producer-thread count.
 */
#ifndef LSBENCH_SCENARIO_H
#define LSBENCH_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <linux/types.h>
#include <netinet/in.h>
#include "lsbench.h"
#include "workloads.h"

#define LS_MODE_BIT(m) (1u << (m))
#define LS_MODES_ALL                                                                               \
	(LS_MODE_BIT(LS_MODE_HOOK) | LS_MODE_BIT(LS_MODE_LOOP) | LS_MODE_BIT(LS_MODE_FENTRY))
/* A scenario's modes when its entry names none. */
#define LS_MODES_DEFAULT (LS_MODE_BIT(LS_MODE_HOOK) | LS_MODE_BIT(LS_MODE_LOOP))
/* Where fentry mode attaches: the trigger syscall's entry function. */
#define LS_FENTRY_HOOK "fentry/sys_getpgid"
#define LS_GETSOCKOPT_HOOK "cgroup/getsockopt"

/* Counters that must equal the number of operations; the others must be 0. */
enum ls_expect {
	LS_EXPECT_HITS = 1 << 0,
	LS_EXPECT_MISSES = 1 << 1,
	LS_EXPECT_CREATES = 1 << 2,
	LS_EXPECT_DELETES = 1 << 3,
};

/* Whether a cell's producer threads work on their own owners or all on the same ones. */
enum ls_sharing {
	LS_SHARING_PRIVATE,
	LS_SHARING_SHARED,
};

#define LS_SHARING_BIT(s) (1u << (s))
#define LS_SHARING_ALL (LS_SHARING_BIT(LS_SHARING_PRIVATE) | LS_SHARING_BIT(LS_SHARING_SHARED))

enum ls_status {
	LS_OK,
	LS_UNSUPPORTED,
	LS_FAILED,
};

/* How a producer reaches the hook. */
enum ls_trigger_kind {
	LS_TRIG_SELF, /* the sys_enter syscall, on the producer's own task and cgroup */
	LS_TRIG_OWNERS, /* an operation on the owners user space hands the producer */
	LS_TRIG_CHURN, /* a new owner made and destroyed per trigger */
};

#define LS_SWEEP_MAX 12

/* The values a scenario sweeps one dimension over; n = 0: it does not. */
struct ls_sweep {
	unsigned int n;
	unsigned int v[LS_SWEEP_MAX];
};

struct bpf_link;
struct cell;
struct ls_thread;
struct ls_type;
struct ls_cgstore;

struct scenario {
	const char *name;
	const char *desc;
	const char *map_type; /* map under test, as in the CSV */
	const char *op; /* operation, as in the CSV */
	const char *hook; /* program section that runs it */
	/*
	 * Its programs, as offsets of their handles in its type's skeleton (the
	 * compiler checks they exist), by mode; 0: none (no program, or none in
	 * that mode). Set with PROGS() in scenarios.c.
	 */
	size_t progs[LS_MODE_FENTRY + 1];
	/*
	 * A program of the same skeleton attached beside the cell's own while it
	 * runs (the kernel's create bench keeps a kmalloc counter attached), as
	 * an offset as in progs; 0: none.
	 */
	size_t aside;
	const char *control; /* scenario subtracted for added_ns_per_op, or NULL */
	unsigned int modes; /* LS_MODE_BIT()s it runs in; 0: hook and loop */
	unsigned int expect; /* enum ls_expect */
	bool primes; /* each producer's prime creates (or finds) one element per map */
	bool prime_each_owner; /* ... per map and per owner */
	bool user_counts; /* producers count the operations (bpf(2) from user space) */
	bool map_steps; /* steps through its maps (LS_MAPS_STEP): map 0's gets are checked */
	unsigned int max_threads; /* producers that may share its owners; 0: any */
	unsigned int max_maps; /* most maps a cell may have (memory and time per map); 0: any */
	unsigned int batch; /* churn: owners a trigger makes, then ends (the kernel's 32); 0: one */
	unsigned int sharings; /* LS_SHARING_BIT()s it can run with, by the nature of its owners */
	enum ls_trigger_kind trigger_kind;
	bool sockopt_filter; /* the programs filter on the getsockopt option, not a syscall */
	struct ls_sweep objects; /* default owner counts swept; none: one per thread */
	struct ls_sweep maps; /* default map counts swept; none: one map */
	/* With --full, where wider than the default: the rest of the sweep (none: the same). */
	struct ls_sweep objects_full, maps_full;
	bool full_only; /* left out of the default matrix: run with --full, or named by -s */
	struct ls_sweep value_sizes; /* default value sizes swept; none: 8 bytes */
	int arg; /* for setup: a socket type, an operation */
	__u32 map_flags; /* cgroup storage: BPF_F_* the store maps are made with */
	const struct ls_type *type; /* the BPF object and owners its setup uses */
	/* One trigger by a producer, true when it reached the hook; NULL: the getpgid(2)
	 * syscall, after a getppid(2) prime. */
	bool (*trigger)(struct ls_thread *t);
};

/*
 * Whether a scenario's operations end in frees the kernel defers to an RCU
 * grace period (its deletes, or its owners' ends): those run in batches a
 * grace period apart, on whatever CPU time follows, so a repetition counts
 * a share of them that depends on where in the batches it starts.
 */
static inline bool ls_scenario_defers_frees(const struct scenario *sc)
{
	return (sc->expect & LS_EXPECT_DELETES) || sc->trigger_kind == LS_TRIG_CHURN;
}

/* The owners a cell's producers trigger on, created by the scenario's setup. */
struct ls_owners {
	int *fds; /* sockets, files or cgroups, as keys and trigger targets */
	unsigned int n;
	int dir_fd; /* files: the folder, for openat() */
	char (*names)[16]; /* files: names in that folder */
	void *priv; /* what setup must free beside the fds */
	int sink_fd; /* sockets: the loopback UDP socket datagrams go to, or -1 */
	struct sockaddr_in sink; /* its address; a listener's, which triggers connect to */
};

/* A producer thread's share of the owners and, for user_counts, its counts. */
struct ls_thread {
	const struct cell *cell;
	unsigned int id; /* 0..threads-1 */
	unsigned int *owners; /* indexes into cell->owners, visited round-robin */
	unsigned int nr_owners;
	unsigned int next;
	struct ls_counters user; /* written by the producer only, read relaxed by the runner */
};

/* One measured combination of scenario, mode and thread count. */
struct cell {
	const struct scenario *sc;
	enum ls_mode mode;
	unsigned int threads;
	unsigned int loop_iters;
	unsigned int nr_maps;
	unsigned int nr_objects;
	unsigned int value_size;
	enum ls_sharing sharing;
	bool verbose;
	/* power trials: BPF operations run again, per 100; 0 on a control (ls_scenario_slowdown) */
	unsigned int slowdown_pct;
	/* interleaved map-count cells: map 0's extra operations, over ops per trigger */
	__u64 extra_ops;
	__u64 map0_gets; /* map_steps cells: the gets of map 0 the visit order makes */

	/* Set by setup, released by teardown. */
	void *skel;
	void (*skel_destroy)(void *skel);
	struct bpf_link *link;
	struct bpf_link *aside_link; /* the scenario's aside program's, or NULL */
	int counters_fd;
	int trig_ends_fd; /* loop modes: where triggers end (trigtime.h); -1: hook mode */
	int prog_fd; /* the cell's program, for its run statistics; -1: none */
	bool time_ops; /* the BPF side times operations (cfg.time_ops) */
	bool profile; /* perf record while measuring */
	int op_hist_fd, timer_hist_fd; /* its histograms, or -1 */
	int stats_fd; /* BPF_ENABLE_STATS while measuring, or -1 */
	int map_fd; /* the map user-space operations work on */
	int hash_fd; /* the hash control, or -1 */
	int cgroup_fd; /* where cgroup programs attach; -1: not a cgroup program */
	const struct ls_type *type; /* the BPF object and owners setup used */
	struct ls_owners owners;
	int *inner_fds; /* map-count sweeps: the maps in the array, for priming */
	unsigned int nr_inner;
	struct ls_cgroup cg; /* the private cgroup the process entered, if any */
	struct ls_cgstore *cgstore; /* cgroup storage's owners: links, sockets, keys (cgstore.c) */

	/* Weighing storage elements: the memory cgroup the maps charge them to, or NULL. */
	struct ls_cgroup mcg; /* the cell's own memory cgroup, if it needs one */
	const struct ls_cgroup *weigh_cg;
	double bytes_per_elem; /* charged per element primed, or NAN */
	unsigned int type_maps_alive; /* maps of the cell's type on the machine while measured */
	unsigned int foreign_maps; /* ... of them not the cell's */
	unsigned int cache_slots; /* distinct cache slots its maps hold; 0 where not read */

	enum ls_status status;
	char reason[256];
};

extern const struct scenario ls_scenarios[];
extern const size_t ls_nr_scenarios;

const struct scenario *ls_scenario_find(const char *name);
const char *ls_mode_name(enum ls_mode mode);
const char *ls_sharing_name(enum ls_sharing sharing);

const char *ls_status_name(enum ls_status status);

/* Whether the scenario runs a BPF program (else only bpf(2) from user space). */
static inline bool ls_scenario_has_prog(const struct scenario *sc)
{
	return sc->progs[LS_MODE_HOOK] || sc->progs[LS_MODE_LOOP];
}

/* Whether the scenario has a map under test: not an empty control (map_type none). */
static inline bool ls_scenario_has_map(const struct scenario *sc)
{
	return strcmp(sc->map_type, "none") != 0;
}

/*
 * The slowdown a cell of the scenario runs with in a power trial of pct: the
 * trial's on a cell with a map under test, none on an empty control, which
 * runs as in a benchmark so that the cell moves and its control does not.
 */
static inline unsigned int ls_scenario_slowdown(const struct scenario *sc, unsigned int pct)
{
	return ls_scenario_has_map(sc) ? pct : 0;
}

static inline unsigned int ls_scenario_modes(const struct scenario *sc)
{
	return sc->modes ?: LS_MODES_DEFAULT;
}

/* Program runs one trigger makes: a churn trigger's batch of owners, else one. */
static inline unsigned int ls_scenario_batch(const struct scenario *sc)
{
	return sc->batch ?: 1;
}

/* Whether a mode runs its operation loop_iters times per trigger. */
static inline bool ls_mode_loops(enum ls_mode mode)
{
	return mode != LS_MODE_HOOK;
}

/* The hook a cell's program runs on: the scenario's, or fentry mode's. */
static inline const char *ls_mode_hook(const struct scenario *sc, enum ls_mode mode)
{
	return mode == LS_MODE_FENTRY ? LS_FENTRY_HOOK : sc->hook;
}

/*
 * Whether the hook runs the program under its owner's lock: cgroup/getsockopt
 * programs run between lock_sock() and release_sock(), so that threads on one
 * socket take turns, sleeping for it.
 */
static inline bool ls_hook_owner_locked(const char *hook)
{
	return !strcmp(hook, LS_GETSOCKOPT_HOOK);
}

/* Operations one trigger runs in this cell. */
static inline __u64 ls_cell_ops_per_trigger(const struct cell *c)
{
	return ls_mode_loops(c->mode) ? c->loop_iters : 1;
}

/*
 * Checks what the BPF side counted against what the producers triggered and
 * the prime passes they made (a pass the kernel could not complete, for want
 * of memory in atomic context, is made again).
 * Returns true when they agree; otherwise writes why into reason.
 */
bool ls_counters_check(const struct cell *c, const struct ls_counters *cnt, __u64 user_triggers,
		       __u64 prime_passes, char *reason, size_t len);

/*
 * Tests only, so that they see a self-check fail: true when LSBENCH_FAULT
 * names this fault. miscount: the runner expects one trigger more than the
 * producers issued; leakfd: each cell keeps an fd; thread: the second
 * producer cannot start; stall: the warm-up never ends; unprimed: no storage
 * is primed; unattached: the first owner cgroup lacks the program; census:
 * nothing is trimmed or waited for; slothog: a map holds a cache slot while
 * a cell's maps are made; slowcpu: the speed probes of the run's first round
 * read twice as long (speed.h), but those of a wait for their speed; slowstart: the probe that
 * starts the run's first round does (cellrun.c); emptyrep: a round's first repetition counts no
 * operations, its producers undisturbed; emptybusy: the same, its producers off their CPUs
 * (cellrun.c). A run with a fault is a trial: its results say so.
 */
bool ls_fault(const char *name);

/*
 * The fault LSBENCH_FAULT names, NULL when unset or empty; *known is false
 * when it names none of the faults above (the run refuses it).
 */
const char *ls_fault_active(bool *known);

/* Adds a note to an ok cell's reason (after a "; "), and prints it. */
void ls_cell_note(struct cell *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Marks the cell failed with the reason fmt says; returns err, for `return ls_cell_fail(...)`. */
int ls_cell_fail(struct cell *c, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * sum += c, field by field (every field is a __u64), each read relaxed: c may
 * be a producer's own counts, written as it goes.
 */
void ls_counters_add(struct ls_counters *sum, const struct ls_counters *c);

#endif /* LSBENCH_SCENARIO_H */
