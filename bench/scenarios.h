/* SPDX-License-Identifier: GPL-2.0 */
/* How scenarios are set up, triggered and torn down, per map type. */
#ifndef LSBENCH_SCENARIOS_H
#define LSBENCH_SCENARIOS_H

#include "scenario.h"

/* The syscalls the sys_enter producers issue: one to prime, then one per trigger. */
#define LS_PRIME_NR __NR_getppid
/* fentry mode primes with getpgid(LS_PRIME_PID): no such process, so it is cheap */
#define LS_PRIME_PID 0x7ffffff0
#define LS_TRIGGER_NR __NR_getpgid

/* Map type numbers, for kernels' headers that predate some of them. */
enum {
	LS_MAP_HASH = 1,
	LS_MAP_CGROUP_STORAGE = 19,
	LS_MAP_PERCPU_CGROUP_STORAGE = 21,
	LS_MAP_SK_STORAGE = 24,
	LS_MAP_INODE_STORAGE = 28,
	LS_MAP_TASK_STORAGE = 29,
	LS_MAP_CGRP_STORAGE = 32,
};

/* What a map type's scenarios trigger on. */
enum ls_owner_kind {
	LS_OWN_TASK, /* the producer threads themselves (pidfd of the process from user space) */
	LS_OWN_CGROUP, /* the run's private cgroup, which the process enters */
	LS_OWN_SOCKETS, /* sockets, with the process in the private cgroup for getsockopt */
	LS_OWN_FILES, /* files in a private folder */
	LS_OWN_CGROUPS, /* private cgroups, by fd (operations from user space) or by id */
	LS_OWN_THREADS, /* parked threads, by thread id */
	LS_OWN_LISTENER, /* a loopback TCP listener in the private cgroup, its storage primed */
};

/* scenario.arg: what setup prepares before measuring. */
enum ls_arg {
	LS_ARG_PRIME_STORE = 1 << 0, /* an element in the storage map for every owner */
	LS_ARG_PRIME_HASH = 1 << 1, /* an element in the hash control for every owner */
	LS_ARG_TCP = 1 << 2, /* TCP sockets, else UDP */
	LS_ARG_MAPS = 1 << 3, /* nr_maps local-storage maps of value_size, in an array of maps */
	LS_ARG_HASH_MAPS = 1 << 4, /* nr_maps hash maps, the map-count control */
	LS_ARG_INTERLEAVE = 1 << 5, /* map 0 again after maps 0, 3, 6, ...: the kernel's int-get */
	LS_ARG_BYID = 1 << 6, /* the programs reach the owners by id, from owner_ids */
	LS_ARG_SINK = 1 << 7, /* a loopback UDP socket the owners send to */
	LS_ARG_PRIME_CGROUP = 1 << 8, /* an element in the storage map for the private cgroup */
	LS_ARG_KEY_ID = 1 << 9, /* cgroup storage keyed by the cgroup id alone (8 bytes) */
	LS_ARG_BIG_HASH = 1 << 10, /* nr_maps hash maps of LS_BIG_HASH_ENTRIES keys, all filled */
};

/* Where a cell's program is attached. */
enum ls_attach {
	LS_ATTACH_ONE, /* its hook, or the private cgroup for cgroup programs */
	LS_ATTACH_EACH, /* every owner cgroup (a link each) */
	LS_ATTACH_NONE, /* loaded only: the triggers attach it */
};

/* One BPF object: its skeleton's functions and what its scenarios share. */
struct ls_type {
	const char *map_name; /* as in the CSV */
	int map_type;
	enum ls_owner_kind owners;
	const char *store_map; /* the local-storage map; NULL: none (map-count sweeps only) */
	const char *hash_map; /* the hash control, keyed by owner; NULL: none */
	const char *maps_prefix; /* arrays of maps for map-count sweeps: <prefix><value size> */
	enum ls_attach attach;
	bool cgroup_sockets; /* a socket born in each owner cgroup, for cgroup/getsockopt */
	bool socket_per_thread; /* ... one per producer: threads on one cgroup share no socket */
	bool cgstore_maps; /* cgroup storage maps made by the runner (cgstore.c) */
	void *(*open)(void);
	struct bpf_object *(*obj)(void *skel);
	struct ls_config *(*cfg)(void *skel);
	void (*destroy)(void *skel);
};

/* The BPF objects and owners the scenarios use, in types.c. */
extern const struct ls_type ls_task_type, ls_task_byid_type, ls_cgrp_type, ls_cgrp_byid_type,
	ls_cgrp_uapi_type, ls_cgrp_sockopt_type, ls_sk_type, ls_sk_churn_type, ls_inode_type,
	ls_cgstore_type, ls_cgstore_cgroups_type, ls_cgstore_writers_type, ls_cgstore_uapi_type,
	ls_cgstore_attach_type, ls_sk_accept_type, ls_sk_accept_clone_type, ls_sk_lsm_type;

/*
 * Sets the cell up as its scenario's type says: 0, or -errno with the cell
 * marked failed or unsupported and why. ls_teardown undoes it, and is safe
 * after a failed or partial setup.
 */
int ls_setup(struct cell *c);

void ls_teardown(struct cell *c);

/* Triggers: an operation on the producer's next owner; true when the hook was reached. */
bool ls_trigger_getsockopt(struct ls_thread *t);
bool ls_trigger_open(struct ls_thread *t);
bool ls_trigger_sendto(struct ls_thread *t);
bool ls_trigger_thread(struct ls_thread *t);
bool ls_trigger_socket(struct ls_thread *t);
/* The kernel's create bench: scenario.batch owners made, then ended, per trigger. */
#define LS_BATCH_MAX 64
bool ls_trigger_threads(struct ls_thread *t);
bool ls_trigger_sockets6(struct ls_thread *t);
bool ls_trigger_cgroup(struct ls_thread *t);
bool ls_trigger_accept(struct ls_thread *t);
bool ls_trigger_uapi_lookup(struct ls_thread *t);
bool ls_trigger_uapi_update(struct ls_thread *t);
bool ls_trigger_uapi_create_delete(struct ls_thread *t);

/*
 * Cgroup storage (cgstore.c): the store maps made with the cell's key, value
 * size and flags, before load; after it, the cell's map picked, the program
 * attached to every owner cgroup and a socket made in each, as the type says.
 * ls_cgstore_release undoes what they did. Each returns 0 or -errno with the
 * cell marked.
 */
int ls_cgstore_maps(struct cell *c, struct bpf_object *obj);
int ls_cgstore_owners(struct cell *c);
void ls_cgstore_release(struct cell *c);

/* Triggers on cgroup storage's owners. */
bool ls_trigger_cgroup_sockopt(struct ls_thread *t);
bool ls_trigger_cgstore_lookup(struct ls_thread *t);
bool ls_trigger_cgstore_update(struct ls_thread *t);
bool ls_trigger_cgstore_walk(struct ls_thread *t);
bool ls_trigger_cgstore_attach(struct ls_thread *t);

/* The producer's next owner, round-robin over its share. */
static inline unsigned int ls_next_owner(struct ls_thread *t)
{
	unsigned int i = t->owners[t->next];

	if (++t->next == t->nr_owners)
		t->next = 0;
	return i;
}

/* Counts kept by the producer alone; the runner reads them with relaxed loads. */
static inline void ls_user_inc(__u64 *v)
{
	__atomic_store_n(v, *v + 1, __ATOMIC_RELAXED);
}

/* One operation from user space counted, ending as result says; true. */
static inline bool ls_user_op(struct ls_thread *t, __u64 *result)
{
	ls_user_inc(&t->user.triggers);
	ls_user_inc(&t->user.ops);
	ls_user_inc(result);
	return true;
}

/* Storage elements primed from user space above which a cell reports bytes_per_elem. */
#define LS_MEM_MIN_ELEMS 10000

/* The socket option the getsockopt trigger asks and the programs filter on. */
#define LS_SOCKOPT_LEVEL 1 /* SOL_SOCKET */
#define LS_SOCKOPT_NAME 12 /* SO_PRIORITY */

#endif /* LSBENCH_SCENARIOS_H */
