// SPDX-License-Identifier: GPL-2.0
/*
 * The table of scenarios: what each one is, as data. Controls come before
 * what they control.
 */
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <stddef.h>
#include "scenarios.h"
#include "task.skel.h"
#include "cgrp.skel.h"
#include "sk.skel.h"
#include "inode.skel.h"
#include "cgstore.skel.h"
#include "skclone.skel.h"

#define SYS_ENTER "tp_btf/sys_enter"
#define GETSOCKOPT LS_GETSOCKOPT_HOOK
#define FILE_OPEN "lsm/file_open"
#define UAPI "bpf(2)"
#define SWEEP(...)                                                                                 \
	{                                                                                          \
		sizeof((unsigned int[]){ __VA_ARGS__ }) / sizeof(unsigned int),                    \
		{                                                                                  \
			__VA_ARGS__                                                                \
		}                                                                                  \
	}
/*
 * Sweeps: the default matrix's, and with --full the whole. The default matrix
 * answers a patch author's question, whether a helper got faster or slower,
 * at one owner per thread, the cache cliff (16 maps fit the per-owner cache,
 * 17 do not) and a hundred maps; many owners (cache misses), value sizes and
 * owners reached by id map the curve around it and are --full's: their rounds
 * spread 10 to 50% on a small virtual machine, and the precision budget of
 * make bench goes to the cells people compare.
 */
#define OWNER_SWEEP {}, .objects_full = SWEEP(1, 100, 10000, 100000)
#define MAP_SWEEP SWEEP(16, 17, 100), .maps_full = SWEEP(1, 10, 16, 17, 24, 32, 100, 1000)
#define VALUE_SWEEP SWEEP(8, 64, 4096)
#define BYID_SWEEP SWEEP(1, 10000), .objects_full = SWEEP(1, 100, 1000, 10000)
/* the cgroup programs on many cgroups: 10 000 made and removed per round only with --full */
#define CGROUP_SWEEP SWEEP(1, 100), .objects_full = SWEEP(1, 100, 10000)
/*
 * Left out of the default matrix: variants of what it measures, the sweeps
 * above, and bpf(2) on cgroup storage.
 */
#define FULL .full_only = true
#define ACCEPT_MAP_SWEEP SWEEP(1, 16, 64)
#define LOOP LS_MODE_BIT(LS_MODE_LOOP)

/* The programs of an operation in the skeleton of obj: <p>_hook and <p>_loop. */
#define PROGS(obj, p)                                                                              \
	.progs = { offsetof(struct obj##_bpf, progs.p##_hook),                                     \
		   offsetof(struct obj##_bpf, progs.p##_loop) }
/* An operation with a hook-mode program only. */
#define HOOK_PROG(obj, p) .progs = { offsetof(struct obj##_bpf, progs.p##_hook), 0 }
/* A sys_enter operation that also runs in fentry mode. */
#define FPROGS(obj, p)                                                                             \
	.progs = { offsetof(struct obj##_bpf, progs.p##_hook),                                     \
		   offsetof(struct obj##_bpf, progs.p##_loop),                                     \
		   offsetof(struct obj##_bpf, progs.p##_fentry) }
#define FENTRY LS_MODE_BIT(LS_MODE_FENTRY)
#define ALL_FENTRY (LS_MODES_DEFAULT | FENTRY)

#define GET LS_EXPECT_HITS
#define MISS LS_EXPECT_MISSES
#define CREATE_DELETE (LS_EXPECT_CREATES | LS_EXPECT_DELETES)

/*
 * Sharings by the nature of the owners: a task's own storage is private to
 * its thread; the process's cgroup, the cgroup programs' own storage and
 * owners walked by id in BPF are shared; storage created and deleted on an
 * owner, and owners made per trigger, cannot be shared without races.
 */
#define PRIV LS_SHARING_BIT(LS_SHARING_PRIVATE)
#define SHARED LS_SHARING_BIT(LS_SHARING_SHARED)
#define BOTH LS_SHARING_ALL

/* A scenario driven by sys_enter on the producer's own task. */
#define SYS(n, mt, o, p, ctl, exp, t, share)                                                       \
	.name = n, .map_type = mt, .op = o, .hook = SYS_ENTER, p, .control = ctl, .expect = exp,   \
	.type = &t, .sharings = share, .trigger_kind = LS_TRIG_SELF

#define SOCKOPT(n, mt, o, p, ctl, exp, t, share)                                                   \
	.name = n, .map_type = mt, .op = o, .hook = GETSOCKOPT, p, .control = ctl, .expect = exp,  \
	.type = &t, .sharings = share, .trigger_kind = LS_TRIG_OWNERS, .sockopt_filter = true,     \
	.trigger = ls_trigger_getsockopt

#define OPEN(n, mt, o, p, ctl, exp, share)                                                         \
	.name = n, .map_type = mt, .op = o, .hook = FILE_OPEN, p, .control = ctl, .expect = exp,   \
	.type = &ls_inode_type, .sharings = share, .trigger_kind = LS_TRIG_OWNERS,                 \
	.trigger = ls_trigger_open

#define EGRESS(n, mt, o, p, ctl, exp, t, share)                                                    \
	.name = n, .map_type = mt, .op = o, .hook = "cgroup_skb/egress", p, .control = ctl,        \
	.expect = exp, .type = &t, .sharings = share, .trigger_kind = LS_TRIG_OWNERS,              \
	.trigger = ls_trigger_sendto

/* Owner churn: one owner made and gone per trigger; storage, if any, made on it. */
#define CHURN(n, mt, o, h, p, ctl, exp, trig, t)                                                   \
	.name = n, .map_type = mt, .op = o, .hook = h, p, .control = ctl, .expect = exp,           \
	.modes = LS_MODE_BIT(LS_MODE_HOOK), .type = &t, .sharings = PRIV,                          \
	.trigger_kind = LS_TRIG_CHURN, .trigger = trig

/*
 * As the kernel's local-storage-create: a batch of 32 owners per trigger, its
 * kmalloc counter (raw_tp/kmalloc, in the object's kbench.bpf.h) attached beside.
 */
#define KBENCH_CREATE(obj) .batch = 32, .aside = offsetof(struct obj##_bpf, progs.kmalloc_aside)
#define SOCKET_POST_CREATE "lsm.s/socket_post_create"

/*
 * The TCP accept path: one connection per trigger to a listener on loopback,
 * a sockops program on each accepted socket; one producer (one listener).
 */
#define ACCEPT(n, mt, p, ctl, exp, t)                                                              \
	.name = n, .map_type = mt, .op = "accept", .hook = "sockops", p, .control = ctl,           \
	.expect = exp, .modes = LS_MODE_BIT(LS_MODE_HOOK), .type = &t, .sharings = PRIV,           \
	.max_threads = 1, .trigger_kind = LS_TRIG_OWNERS, .trigger = ls_trigger_accept

/* An operation from user space through bpf(2), with an fd as key. */
#define UAPI_OP(n, mt, o, trig, exp, t, share)                                                     \
	.name = n, .map_type = mt, .op = o, .hook = UAPI, .modes = LS_MODE_BIT(LS_MODE_HOOK),      \
	.expect = exp, .user_counts = true, .type = &t, .sharings = share,                         \
	.trigger_kind = LS_TRIG_OWNERS, .trigger = trig

/*
 * Lookup, update in place and create-then-delete from user space on one map
 * type, keyed by an fd of its owner. share: the sharings of lookup and
 * update; cd_threads: producers the create-delete may have (owners shared by
 * more threads would race); 0: any. objs: owner counts the lookup sweeps
 * (none: one per thread), which weighs an element.
 */
#define UAPI_OPS(prefix, mt, key, t, share, cd_threads, objs)                                      \
	{ UAPI_OP(prefix "-uapi-lookup", mt, "lookup", ls_trigger_uapi_lookup, GET, t, share),     \
	  .arg = LS_ARG_PRIME_STORE, .objects_full = objs,                                         \
	  .desc = "bpf(BPF_MAP_LOOKUP_ELEM) on " mt " by " key },                                  \
		{ UAPI_OP(prefix "-uapi-update", mt, "update", ls_trigger_uapi_update, GET, t,     \
			  share),                                                                  \
		  .arg = LS_ARG_PRIME_STORE,                                                       \
		  .desc = "bpf(BPF_MAP_UPDATE_ELEM, BPF_EXIST) on " mt " by " key },               \
	{                                                                                          \
		UAPI_OP(prefix "-uapi-create-delete", mt, "create_delete",                         \
			ls_trigger_uapi_create_delete, CREATE_DELETE, t, PRIV),                    \
			.max_threads = cd_threads,                                                 \
			.desc = "bpf(2) update (BPF_NOEXIST) then delete on " mt " by " key        \
	}

/* cgroup/getsockopt on sockets born in private cgroups, the program on each. */
#define CGROUPS_OF(t, share)                                                                       \
	.hook = GETSOCKOPT, .type = &t, .sharings = share, .trigger_kind = LS_TRIG_OWNERS,         \
	.sockopt_filter = true, .trigger = ls_trigger_cgroup_sockopt
#define CGROUPS(n, mt, o, p, ctl, exp, share, objs)                                                \
	.name = n, .map_type = mt, .op = o, p, .control = ctl, .expect = exp, .objects = objs,     \
	CGROUPS_OF(ls_cgstore_cgroups_type, share)
/* ... each producer its own socket in each cgroup */
#define WRITERS(n, mt, o, p, ctl, exp, share, objs)                                                \
	.name = n, .map_type = mt, .op = o, p, .control = ctl, .expect = exp, .objects = objs,     \
	CGROUPS_OF(ls_cgstore_writers_type, share)

/*
 * bpf(2) on cgroup storage: prog, the cgstore program whose maps hold the
 * storage (attached to every owner cgroup, or attached by the trigger).
 */
#define CGSTORE_UAPI(n, mt, o, prog, ctl, trig, t, share)                                          \
	.name = n, .map_type = mt, .op = o, .hook = UAPI, HOOK_PROG(cgstore, prog),                \
	.control = ctl, .modes = LS_MODE_BIT(LS_MODE_HOOK), .expect = GET, .user_counts = true,    \
	.type = &t, .sharings = share, .trigger_kind = LS_TRIG_OWNERS, .trigger = trig

/*
 * Lookup (both keys the documentation allows: struct bpf_cgroup_storage_key,
 * and since 5.9 the cgroup id alone), update and a walk of every key, on the
 * storages of N cgroups. A per-CPU value is copied once per possible CPU.
 */
#define CGSTORE_UAPI_OPS(prefix, mt, prog)                                                         \
	{ CGSTORE_UAPI(prefix "-uapi-lookup", mt, "lookup", prog, NULL, ls_trigger_cgstore_lookup, \
		       ls_cgstore_uapi_type, SHARED),                                              \
	  .objects = SWEEP(1, 100, 10000), .value_sizes = VALUE_SWEEP, FULL,                       \
	  .desc = "bpf(BPF_MAP_LOOKUP_ELEM) on " mt " by struct bpf_cgroup_storage_key" },         \
		{ CGSTORE_UAPI(prefix "-uapi-lookup-id", mt, "lookup", prog, NULL,                 \
			       ls_trigger_cgstore_lookup, ls_cgstore_uapi_type, SHARED),           \
		  .arg = LS_ARG_KEY_ID, .objects = SWEEP(1, 100, 10000), FULL,                     \
		  .desc = "bpf(BPF_MAP_LOOKUP_ELEM) on " mt " by cgroup id (8-byte key)" },        \
		{ CGSTORE_UAPI(prefix "-uapi-update", mt, "update", prog, NULL,                    \
			       ls_trigger_cgstore_update, ls_cgstore_uapi_type, SHARED),           \
		  .objects = SWEEP(1, 100, 10000), .value_sizes = VALUE_SWEEP, FULL,               \
		  .desc = "bpf(BPF_MAP_UPDATE_ELEM, BPF_EXIST) on " mt },                          \
	{                                                                                          \
		CGSTORE_UAPI(prefix "-uapi-walk", mt, "walk", prog, NULL, ls_trigger_cgstore_walk, \
			     ls_cgstore_uapi_type, SHARED),                                        \
			.objects = SWEEP(1, 100, 10000), FULL,                                     \
			.desc = "bpf(BPF_MAP_GET_NEXT_KEY) over every storage of " mt ", one walk" \
	}

const struct scenario ls_scenarios[] = {
	/* task storage, on the current task from sys_enter */
	{ SYS("task-empty", "none", "empty", FPROGS(task, empty), NULL, 0, ls_task_type, PRIV),
	  .modes = ALL_FENTRY,
	  .desc = "control: empty program on sys_enter (the cost of the hook and harness)" },
	{ SYS("task-get", "task_storage", "get", FPROGS(task, task_get), "task-empty", GET,
	      ls_task_type, PRIV),
	  .modes = ALL_FENTRY, .primes = true,
	  .desc = "bpf_task_storage_get on the current task's existing storage (hit)" },
	{ SYS("task-get-create", "task_storage", "get", FPROGS(task, task_get_create), "task-empty",
	      GET, ls_task_type, PRIV),
	  .modes = ALL_FENTRY, .primes = true,
	  .desc = "bpf_task_storage_get with F_CREATE on existing storage (a hit by the create path)" },
	{ SYS("task-miss", "task_storage", "miss", PROGS(task, task_miss), "task-empty", MISS,
	      ls_task_type, PRIV),
	  .desc = "bpf_task_storage_get without F_CREATE on a task without storage (miss)" },
	{ SYS("task-create-delete", "task_storage", "create_delete",
	      PROGS(task, task_create_delete), "task-empty", CREATE_DELETE, ls_task_type, PRIV),
	  .desc = "bpf_task_storage_get with F_CREATE on a task without storage, then delete" },
	{ SYS("task-hash-get", "hash", "get", FPROGS(task, hash_get), "task-empty", GET,
	      ls_task_type, PRIV),
	  .modes = ALL_FENTRY, .primes = true,
	  .desc = "control: hash map lookup keyed by thread id (hit)" },
	{ SYS("task-hash-update-delete", "hash", "create_delete", PROGS(task, hash_update_delete),
	      "task-empty", CREATE_DELETE, ls_task_type, PRIV),
	  .desc = "control: hash map insert keyed by thread id, then delete" },
	{ SYS("task-get-maps", "task_storage", "get", FPROGS(task, task_maps_get8), "task-empty",
	      GET, ls_task_type, PRIV),
	  .map_steps = true, .modes = LOOP | FENTRY, .primes = true, .arg = LS_ARG_MAPS,
	  .maps = MAP_SWEEP,
	  .desc = "bpf_task_storage_get on N maps in turn (hit): the per-task cache cliff" },
	{ SYS("task-get-maps-interleaved", "task_storage", "get", FPROGS(task, task_maps_get8),
	      "task-empty", GET, ls_task_type, PRIV),
	  .map_steps = true, .modes = LOOP | FENTRY, .primes = true,
	  .arg = LS_ARG_MAPS | LS_ARG_INTERLEAVE, .maps = MAP_SWEEP, FULL,
	  .desc = "as task-get-maps, map 0 again after every third map (the kernel's int-get)" },
	{ SYS("task-hash-get-maps", "hash", "get", FPROGS(task, hash_maps_get), "task-empty", GET,
	      ls_task_type, PRIV),
	  .map_steps = true, .modes = LOOP | FENTRY, .primes = true, .arg = LS_ARG_HASH_MAPS,
	  .maps = MAP_SWEEP, FULL,
	  .desc = "control: lookups keyed by thread id in N hash maps in turn" },
	{ SYS("task-hash-get-random", "hash", "get", FPROGS(task, hash_random_get), "task-empty",
	      GET, ls_task_type, PRIV),
	  .map_steps = true, .modes = LOOP | FENTRY, .arg = LS_ARG_BIG_HASH, .maps = SWEEP(1),
	  .max_maps = 8, FULL,
	  .desc = "control: random keys (of 1000) in N hash maps of 4194304 keys, in turn (the "
		  "kernel's hashmap-control)" },
	{ SYS("task-byid-empty", "none", "empty", PROGS(task, task_byid_empty), NULL, 0,
	      ls_task_byid_type, SHARED),
	  .arg = LS_ARG_BYID, .objects = BYID_SWEEP, FULL,
	  .desc = "control: bpf_task_from_pid on parked threads in turn, and release" },
	{ SYS("task-byid-get", "task_storage", "get", PROGS(task, task_byid_get), "task-byid-empty",
	      GET, ls_task_byid_type, SHARED),
	  .arg = LS_ARG_BYID, .objects = BYID_SWEEP, .primes = true, .prime_each_owner = true, FULL,
	  .desc = "bpf_task_storage_get on parked threads reached by id, in turn (hit)" },
	{ SYS("task-get-values", "task_storage", "get", PROGS(task, task_maps_get), "task-empty",
	      GET, ls_task_type, PRIV),
	  .map_steps = true, .modes = LOOP, .primes = true, .arg = LS_ARG_MAPS,
	  .value_sizes = VALUE_SWEEP, FULL,
	  .desc = "bpf_task_storage_get through an array of maps, by value size (hit)" },

	/* cgroup storage, on the current task's cgroup v2 (the run's own) from sys_enter */
	{ SYS("cgrp-empty", "none", "empty", PROGS(cgrp, empty), NULL, 0, ls_cgrp_type, SHARED),
	  .desc = "control: empty program on sys_enter that finds the task's cgroup" },
	{ SYS("cgrp-get", "cgrp_storage", "get", PROGS(cgrp, cgrp_get), "cgrp-empty", GET,
	      ls_cgrp_type, SHARED),
	  .primes = true,
	  .desc = "bpf_cgrp_storage_get on the current task's cgroup, storage existing (hit)" },
	{ SYS("cgrp-miss", "cgrp_storage", "miss", PROGS(cgrp, cgrp_miss), "cgrp-empty", MISS,
	      ls_cgrp_type, SHARED),
	  .desc = "bpf_cgrp_storage_get without F_CREATE on a cgroup without storage (miss)" },
	{ SYS("cgrp-create-delete", "cgrp_storage", "create_delete",
	      PROGS(cgrp, cgrp_create_delete), "cgrp-empty", CREATE_DELETE, ls_cgrp_type, PRIV),
	  .max_threads = 1,
	  .desc = "bpf_cgrp_storage_get with F_CREATE, then delete (one thread: one cgroup)" },
	{ SYS("cgrp-hash-get", "hash", "get", PROGS(cgrp, hash_get), "cgrp-empty", GET,
	      ls_cgrp_type, SHARED),
	  .primes = true, .desc = "control: hash map lookup keyed by cgroup id (hit)" },
	{ SYS("cgrp-get-maps", "cgrp_storage", "get", PROGS(cgrp, cgrp_maps_get8), "cgrp-empty",
	      GET, ls_cgrp_type, SHARED),
	  .map_steps = true, .modes = LOOP, .primes = true, .arg = LS_ARG_MAPS, .maps = MAP_SWEEP,
	  .desc = "bpf_cgrp_storage_get on N maps in turn (hit): the per-cgroup cache cliff" },
	{ SYS("cgrp-get-maps-interleaved", "cgrp_storage", "get", PROGS(cgrp, cgrp_maps_get8),
	      "cgrp-empty", GET, ls_cgrp_type, SHARED),
	  .map_steps = true, .modes = LOOP, .primes = true, .arg = LS_ARG_MAPS | LS_ARG_INTERLEAVE,
	  .maps = MAP_SWEEP, FULL,
	  .desc = "as cgrp-get-maps, map 0 again after every third map (the kernel's int-get)" },
	{ SYS("cgrp-byid-empty", "none", "empty", PROGS(cgrp, cgrp_byid_empty), NULL, 0,
	      ls_cgrp_byid_type, SHARED),
	  .arg = LS_ARG_BYID, .objects = BYID_SWEEP, FULL,
	  .desc = "control: bpf_cgroup_from_id on private cgroups in turn, and release" },
	{ SYS("cgrp-byid-get", "cgrp_storage", "get", PROGS(cgrp, cgrp_byid_get), "cgrp-byid-empty",
	      GET, ls_cgrp_byid_type, SHARED),
	  .arg = LS_ARG_BYID, .objects = BYID_SWEEP, .primes = true, .prime_each_owner = true, FULL,
	  .desc = "bpf_cgrp_storage_get on private cgroups reached by id, in turn (hit)" },
	{ SYS("cgrp-get-values", "cgrp_storage", "get", PROGS(cgrp, cgrp_maps_get), "cgrp-empty",
	      GET, ls_cgrp_type, SHARED),
	  .map_steps = true, .modes = LOOP, .primes = true, .arg = LS_ARG_MAPS,
	  .value_sizes = VALUE_SWEEP, FULL,
	  .desc = "bpf_cgrp_storage_get through an array of maps, by value size (hit)" },

	{ SOCKOPT("cgrp-sockopt-empty", "none", "empty", PROGS(cgrp, sockopt_empty), NULL, 0,
		  ls_cgrp_sockopt_type, SHARED),
	  .desc = "control: cgroup/getsockopt program that finds the task's cgroup" },
	{ SOCKOPT("cgrp-get-sockopt", "cgrp_storage", "get", PROGS(cgrp, sockopt_cgrp_get),
		  "cgrp-sockopt-empty", GET, ls_cgrp_sockopt_type, SHARED),
	  .arg = LS_ARG_PRIME_CGROUP,
	  .desc = "bpf_cgrp_storage_get from a cgroup hook (cgroup/getsockopt) on the task's cgroup" },

	/* socket storage, on the socket asked from cgroup/getsockopt */
	{ SOCKOPT("sk-empty", "none", "empty", PROGS(sk, empty), NULL, 0, ls_sk_type, BOTH),
	  .desc = "control: empty cgroup/getsockopt program (UDP sockets)" },
	{ SOCKOPT("sk-get", "sk_storage", "get", PROGS(sk, sk_get), "sk-empty", GET, ls_sk_type,
		  BOTH),
	  .objects = OWNER_SWEEP, .arg = LS_ARG_PRIME_STORE,
	  .desc = "bpf_sk_storage_get on existing storage, UDP sockets round-robin (hit)" },
	{ SOCKOPT("sk-get-tcp", "sk_storage", "get", PROGS(sk, sk_get), "sk-empty", GET, ls_sk_type,
		  BOTH),
	  .objects = OWNER_SWEEP, .arg = LS_ARG_PRIME_STORE | LS_ARG_TCP, FULL,
	  .desc = "bpf_sk_storage_get on existing storage, TCP sockets round-robin (hit)" },
	{ SOCKOPT("sk-miss", "sk_storage", "miss", PROGS(sk, sk_get), "sk-empty", MISS, ls_sk_type,
		  BOTH),
	  .desc = "bpf_sk_storage_get without F_CREATE on a socket without storage (miss)" },
	{ SOCKOPT("sk-create-delete", "sk_storage", "create_delete", PROGS(sk, sk_create_delete),
		  "sk-empty", CREATE_DELETE, ls_sk_type, PRIV),
	  .desc = "bpf_sk_storage_get with F_CREATE on a socket without storage, then delete" },
	{ SOCKOPT("sk-hash-get", "hash", "get", PROGS(sk, hash_get), "sk-empty", GET, ls_sk_type,
		  BOTH),
	  .objects = OWNER_SWEEP, .arg = LS_ARG_PRIME_HASH,
	  .desc = "control: hash map lookup keyed by socket mark, round-robin (hit)" },
	{ SOCKOPT("sk-get-maps", "sk_storage", "get", PROGS(sk, sk_maps_get8), "sk-empty", GET,
		  ls_sk_type, BOTH),
	  .map_steps = true, .modes = LOOP, .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE,
	  .maps = MAP_SWEEP,
	  .desc = "bpf_sk_storage_get on N maps in turn (hit): the per-socket cache cliff" },
	{ SOCKOPT("sk-get-maps-interleaved", "sk_storage", "get", PROGS(sk, sk_maps_get8),
		  "sk-empty", GET, ls_sk_type, BOTH),
	  .map_steps = true, .modes = LOOP,
	  .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE | LS_ARG_INTERLEAVE, .maps = MAP_SWEEP, FULL,
	  .desc = "as sk-get-maps, map 0 again after every third map (the kernel's int-get)" },
	{ SOCKOPT("sk-get-values", "sk_storage", "get", PROGS(sk, sk_maps_get), "sk-empty", GET,
		  ls_sk_type, BOTH),
	  .map_steps = true, .modes = LOOP, .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE,
	  .value_sizes = VALUE_SWEEP, .objects = SWEEP(1, 10000), FULL,
	  .desc = "bpf_sk_storage_get through an array of maps, by value size (hit)" },

	/* the per-packet path: cgroup_skb/egress on UDP datagrams over loopback */
	{ EGRESS("sk-egress-empty", "none", "empty", PROGS(sk, egress_empty), NULL, 0, ls_sk_type,
		 BOTH),
	  .arg = LS_ARG_SINK,
	  .desc = "control: empty cgroup_skb/egress program (UDP on loopback)" },
	{ EGRESS("sk-get-egress", "sk_storage", "get", PROGS(sk, egress_sk_get), "sk-egress-empty",
		 GET, ls_sk_type, BOTH),
	  .arg = LS_ARG_SINK | LS_ARG_PRIME_STORE, .objects_full = SWEEP(1, 100, 10000),
	  .desc = "bpf_sk_storage_get per packet on the sending socket, round-robin (hit)" },

	/*
	 * the accept path: the listener's storage cloned (BPF_F_CLONE) to each
	 * accepted socket or not; the clone's control is the same maps without
	 * the flag, whose own is the empty program
	 */
	{ ACCEPT("sk-accept-empty", "none", HOOK_PROG(skclone, accept_empty), NULL, 0,
		 ls_sk_accept_type),
	  .desc = "control: TCP connections accepted over loopback, empty sockops program" },
	{ ACCEPT("sk-accept-noclone", "sk_storage", HOOK_PROG(skclone, accept_noclone),
		 "sk-accept-empty", MISS, ls_sk_accept_type),
	  .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE, .maps = ACCEPT_MAP_SWEEP,
	  .desc = "control: as sk-accept-clone, maps without BPF_F_CLONE (each child: all miss)" },
	{ ACCEPT("sk-accept-clone", "sk_storage", HOOK_PROG(skclone, accept_clone),
		 "sk-accept-noclone", GET, ls_sk_accept_clone_type),
	  .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE, .maps = ACCEPT_MAP_SWEEP,
	  .desc = "listener's storage in N BPF_F_CLONE maps, cloned to each accepted socket (hit)" },
	{ ACCEPT("sk-accept-noclone-values", "sk_storage", HOOK_PROG(skclone, accept_noclone),
		 "sk-accept-empty", MISS, ls_sk_accept_type),
	  .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE, .value_sizes = VALUE_SWEEP, FULL,
	  .desc = "control: as sk-accept-clone-values, without BPF_F_CLONE (miss)" },
	{ ACCEPT("sk-accept-clone-values", "sk_storage", HOOK_PROG(skclone, accept_clone),
		 "sk-accept-noclone-values", GET, ls_sk_accept_clone_type),
	  .arg = LS_ARG_MAPS | LS_ARG_PRIME_STORE, .value_sizes = VALUE_SWEEP, FULL,
	  .desc = "listener's storage in one BPF_F_CLONE map, by value size, cloned (hit)" },

	/* owner churn: an owner made and destroyed per trigger, with storage made on it or not */
	{ CHURN("task-churn-empty", "none", "churn", "tp_btf/sched_process_fork",
		HOOK_PROG(task, churn_empty), NULL, 0, ls_trigger_thread, ls_task_type),
	  .desc = "control: threads created and joined, empty program on sched_process_fork" },
	{ CHURN("task-churn-storage", "task_storage", "churn", "tp_btf/sched_process_fork",
		HOOK_PROG(task, churn_task_create), "task-churn-empty", LS_EXPECT_CREATES,
		ls_trigger_thread, ls_task_type),
	  .desc = "threads created and joined, task storage made on each at fork, freed at exit" },
	/* the kernel's local-storage-create: 32 owners made, then ended, per trigger */
	{ CHURN("task-churn-batch-empty", "none", "churn", "tp_btf/sched_process_fork",
		HOOK_PROG(task, churn_empty), NULL, 0, ls_trigger_threads, ls_task_type),
	  KBENCH_CREATE(task), FULL,
	  .desc = "control: threads created 32 at a time, then joined, empty program on "
		  "sched_process_fork" },
	{ CHURN("task-churn-batch-storage", "task_storage", "churn", "tp_btf/sched_process_fork",
		HOOK_PROG(task, churn_task_create64), "task-churn-batch-empty", LS_EXPECT_CREATES,
		ls_trigger_threads, ls_task_type),
	  KBENCH_CREATE(task), FULL,
	  .desc = "threads created 32 at a time, then joined; 64 bytes of storage made on each at "
		  "fork (the kernel's local-storage-create, task)" },
	{ CHURN("sk-churn-lsm-empty", "none", "churn", SOCKET_POST_CREATE,
		HOOK_PROG(sk, churn_lsm_empty), NULL, 0, ls_trigger_sockets6, ls_sk_lsm_type),
	  KBENCH_CREATE(sk), FULL,
	  .desc = "control: IPv6 UDP sockets opened 32 at a time, then closed, empty " SOCKET_POST_CREATE
		  " program (needs the BPF LSM)" },
	{ CHURN("sk-churn-lsm-storage", "sk_storage", "churn", SOCKET_POST_CREATE,
		HOOK_PROG(sk, churn_lsm_sk_create64), "sk-churn-lsm-empty", LS_EXPECT_CREATES,
		ls_trigger_sockets6, ls_sk_lsm_type),
	  KBENCH_CREATE(sk), FULL,
	  .desc = "IPv6 UDP sockets opened 32 at a time, then closed; 64 bytes of storage made on "
		  "each (the kernel's local-storage-create, socket)" },
	{ CHURN("sk-churn-empty", "none", "churn", "cgroup/sock_create", HOOK_PROG(sk, churn_empty),
		NULL, 0, ls_trigger_socket, ls_sk_churn_type),
	  .desc = "control: UDP sockets created and closed, empty cgroup/sock_create program" },
	{ CHURN("sk-churn-storage", "sk_storage", "churn", "cgroup/sock_create",
		HOOK_PROG(sk, churn_sk_create), "sk-churn-empty", LS_EXPECT_CREATES,
		ls_trigger_socket, ls_sk_churn_type),
	  .desc = "UDP sockets created and closed, socket storage made on each at creation" },
	{ CHURN("cgrp-churn-empty", "none", "churn", "tp_btf/cgroup_mkdir",
		HOOK_PROG(cgrp, churn_empty), NULL, 0, ls_trigger_cgroup, ls_cgrp_type),
	  .desc = "control: cgroups made and removed, empty program on cgroup_mkdir" },
	{ CHURN("cgrp-churn-storage", "cgrp_storage", "churn", "tp_btf/cgroup_mkdir",
		HOOK_PROG(cgrp, churn_cgrp_create), "cgrp-churn-empty", LS_EXPECT_CREATES,
		ls_trigger_cgroup, ls_cgrp_type),
	  .desc = "cgroups made and removed, cgroup storage made on each at mkdir" },

	/* cgroup programs' own storage, from cgroup/getsockopt */
	{ SOCKOPT("cgstore-empty", "none", "empty", PROGS(cgstore, empty), NULL, 0, ls_cgstore_type,
		  SHARED),
	  .desc = "control: empty cgroup/getsockopt program" },
	{ SOCKOPT("percpu-cgroup-get", "percpu_cgroup_storage", "get", PROGS(cgstore, pcpu_get),
		  "cgstore-empty", GET, ls_cgstore_type, SHARED),
	  .desc = "bpf_get_local_storage on BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE (hit)" },
	{ SOCKOPT("cgroup-storage-get", "cgroup_storage", "get", PROGS(cgstore, shared_get),
		  "cgstore-empty", GET, ls_cgstore_type, SHARED),
	  .desc = "bpf_get_local_storage on the shared BPF_MAP_TYPE_CGROUP_STORAGE (hit)" },

	{ EGRESS("cgstore-egress-empty", "none", "empty", PROGS(cgstore, egress_empty), NULL, 0,
		 ls_cgstore_type, SHARED),
	  .arg = LS_ARG_SINK, FULL, .desc = "control: empty cgroup_skb/egress program" },
	{ EGRESS("percpu-cgroup-get-egress", "percpu_cgroup_storage", "get",
		 PROGS(cgstore, egress_pcpu_get), "cgstore-egress-empty", GET, ls_cgstore_type,
		 SHARED),
	  .arg = LS_ARG_SINK, FULL,
	  .desc = "bpf_get_local_storage per packet on BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE (hit)" },
	{ EGRESS("cgroup-storage-get-egress", "cgroup_storage", "get",
		 PROGS(cgstore, egress_shared_get), "cgstore-egress-empty", GET, ls_cgstore_type,
		 SHARED),
	  .arg = LS_ARG_SINK, FULL,
	  .desc = "bpf_get_local_storage per packet on the shared BPF_MAP_TYPE_CGROUP_STORAGE (hit)" },

	/* map flags on the storage the program reads */
	{ SOCKOPT("percpu-cgroup-get-rdonly", "percpu_cgroup_storage", "get",
		  PROGS(cgstore, pcpu_get), "cgstore-empty", GET, ls_cgstore_type, SHARED),
	  .map_flags = BPF_F_RDONLY_PROG, FULL,
	  .desc = "as percpu-cgroup-get, the map made BPF_F_RDONLY_PROG" },
	{ SOCKOPT("percpu-cgroup-get-numa", "percpu_cgroup_storage", "get",
		  PROGS(cgstore, pcpu_get), "cgstore-empty", GET, ls_cgstore_type, SHARED),
	  .map_flags = BPF_F_NUMA_NODE, FULL,
	  .desc = "as percpu-cgroup-get, the map made BPF_F_NUMA_NODE on the last node" },

	/* the program on many cgroups: a socket born in each, asked in turn */
	{ CGROUPS("cgstore-cgroups-empty", "none", "empty", PROGS(cgstore, empty), NULL, 0, BOTH,
		  CGROUP_SWEEP),
	  FULL, .desc = "control: empty cgroup/getsockopt program on N cgroups, sockets in each" },
	{ CGROUPS("percpu-cgroup-get-cgroups", "percpu_cgroup_storage", "get",
		  PROGS(cgstore, pcpu_get), "cgstore-cgroups-empty", GET, SHARED, CGROUP_SWEEP),
	  FULL,
	  .desc = "bpf_get_local_storage per-CPU from N cgroups in turn (each its own storage)" },
	{ CGROUPS("cgroup-storage-get-cgroups", "cgroup_storage", "get", PROGS(cgstore, shared_get),
		  "cgstore-cgroups-empty", GET, SHARED, CGROUP_SWEEP),
	  FULL,
	  .desc = "bpf_get_local_storage shared from N cgroups in turn (each its own storage)" },

	/*
	 * Two threads writing cgroup storage, each its own cgroup (private, 2 cgroups) or the
	 * same one (shared, 1): per-CPU copies against one shared copy
	 */
	{ WRITERS("cgstore-writers-empty", "none", "empty", PROGS(cgstore, empty), NULL, 0, BOTH,
		  SWEEP(1, 2)),
	  .desc = "control: empty cgroup/getsockopt program, each producer its own socket" },
	{ WRITERS("percpu-cgroup-inc", "percpu_cgroup_storage", "inc", PROGS(cgstore, pcpu_inc),
		  "cgstore-writers-empty", GET, BOTH, SWEEP(1, 2)),
	  .desc = "bpf_get_local_storage per-CPU, value incremented (each CPU its own copy)" },
	{ WRITERS("cgroup-storage-inc", "cgroup_storage", "inc", PROGS(cgstore, shared_inc),
		  "cgstore-writers-empty", GET, BOTH, SWEEP(1, 2)),
	  .desc = "bpf_get_local_storage shared, value incremented with an atomic add" },
	{ WRITERS("cgroup-storage-inc-lock", "cgroup_storage", "inc", PROGS(cgstore, locked_inc),
		  "cgstore-writers-empty", GET, BOTH, SWEEP(1, 2)),
	  .desc = "bpf_get_local_storage shared, value incremented under its bpf_spin_lock" },

	/* attaching: each attach allocates the cgroup its storage, each detach frees it (one
	 * thread: attaching takes the cgroup mutex) */
	{ CGSTORE_UAPI("cgstore-attach-empty", "none", "attach", empty, NULL,
		       ls_trigger_cgstore_attach, ls_cgstore_attach_type, PRIV),
	  .objects = SWEEP(1, 10000), .max_threads = 1, FULL,
	  .desc = "control: bpf(BPF_LINK_CREATE) of an empty cgroup program on N cgroups in turn, "
		  "and close" },
	{ CGSTORE_UAPI("percpu-cgroup-attach", "percpu_cgroup_storage", "attach", pcpu_get,
		       "cgstore-attach-empty", ls_trigger_cgstore_attach, ls_cgstore_attach_type,
		       PRIV),
	  .objects = SWEEP(1, 10000), .max_threads = 1, FULL,
	  .desc = "the same, the program with per-CPU cgroup storage: storage made and freed" },
	{ CGSTORE_UAPI("cgroup-storage-attach", "cgroup_storage", "attach", shared_get,
		       "cgstore-attach-empty", ls_trigger_cgstore_attach, ls_cgstore_attach_type,
		       PRIV),
	  .objects = SWEEP(1, 10000), .max_threads = 1, FULL,
	  .desc = "the same, the program with shared cgroup storage: storage made and freed" },

	/* from user space: the storages of N cgroups the program is attached to */
	CGSTORE_UAPI_OPS("percpu-cgroup", "percpu_cgroup_storage", pcpu_get),
	CGSTORE_UAPI_OPS("cgroup-storage", "cgroup_storage", shared_get),
	{ CGSTORE_UAPI("percpu-cgroup-uapi-update-wronly", "percpu_cgroup_storage", "update",
		       pcpu_get, NULL, ls_trigger_cgstore_update, ls_cgstore_uapi_type, SHARED),
	  .map_flags = BPF_F_WRONLY, FULL,
	  .desc = "as percpu-cgroup-uapi-update, the map made BPF_F_WRONLY (user space may only "
		  "write)" },

	/* inode storage, on the inode of the file opened, from the BPF LSM */
	{ OPEN("inode-empty", "none", "empty", PROGS(inode, empty), NULL, 0, BOTH),
	  .desc = "control: empty lsm/file_open program (needs the BPF LSM)" },
	{ OPEN("inode-get", "inode_storage", "get", PROGS(inode, inode_get), "inode-empty", GET,
	       BOTH),
	  .objects = OWNER_SWEEP, .arg = LS_ARG_PRIME_STORE,
	  .desc = "bpf_inode_storage_get on existing storage, files round-robin (hit)" },
	{ OPEN("inode-miss", "inode_storage", "miss", PROGS(inode, inode_get), "inode-empty", MISS,
	       BOTH),
	  .desc = "bpf_inode_storage_get without F_CREATE on an inode without storage (miss)" },
	{ OPEN("inode-create-delete", "inode_storage", "create_delete",
	       PROGS(inode, inode_create_delete), "inode-empty", CREATE_DELETE, PRIV),
	  .desc = "bpf_inode_storage_get with F_CREATE, then delete" },
	{ OPEN("inode-hash-get", "hash", "get", PROGS(inode, hash_get), "inode-empty", GET, BOTH),
	  .objects = OWNER_SWEEP, .arg = LS_ARG_PRIME_HASH,
	  .desc = "control: hash map lookup keyed by inode number, round-robin (hit)" },

	/* from user space: bpf(2) with an fd as key */
	/* (the task's: the process's own pidfd, one owner whatever the count) */
	UAPI_OPS("task", "task_storage", "pidfd", ls_task_type, SHARED, 1, {}),
	UAPI_OPS("sk", "sk_storage", "socket fd", ls_sk_type, BOTH, 0, SWEEP(1, 10000)),
	UAPI_OPS("inode", "inode_storage", "file fd", ls_inode_type, BOTH, 0, SWEEP(1, 10000)),
	UAPI_OPS("cgrp", "cgrp_storage", "cgroup fd", ls_cgrp_uapi_type, BOTH, 0, SWEEP(1, 10000)),
};

const size_t ls_nr_scenarios = sizeof(ls_scenarios) / sizeof(ls_scenarios[0]);

const struct scenario *ls_scenario_find(const char *name)
{
	size_t i;

	for (i = 0; i < ls_nr_scenarios; i++) {
		if (!strcmp(ls_scenarios[i].name, name))
			return &ls_scenarios[i];
	}
	return NULL;
}
