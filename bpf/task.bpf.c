// SPDX-License-Identifier: GPL-2.0
/*
 * Task storage (bpf_task_storage_get/delete) on the sys_enter hot path, and
 * its controls: the empty program and a hash map keyed by thread id.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "common.bpf.h"
#include "kbench.bpf.h"

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ls_val);
} task_store SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct ls_val);
} pid_hash SEC(".maps");

/* The kernel's local-storage-create makes storage of 64 bytes. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ls_val64);
} task_store64 SEC(".maps");

/* Map-count sweeps: arrays of task-storage maps, and of hash maps for the control. */
LS_STORE_MAPS(task_maps, BPF_MAP_TYPE_TASK_STORAGE)
LS_OUTER(hash_maps, BPF_MAP_TYPE_HASH, struct ls_val, 0, 4096)
/*
 * The random-key control: preallocated hash maps of int keys and values, every
 * key filled by the runner, as the kernel's hashmap-control makes its own. The
 * runner makes them of LS_BIG_HASH_ENTRIES keys; the template libbpf makes and
 * frees at every load of this object has one (a hash map's size is not part of
 * what an array of maps checks its maps against), not millions preallocated.
 */
LS_OUTER(big_hash_maps, BPF_MAP_TYPE_HASH, int, 0, 1)

static __always_inline void empty_op(struct ls_op_ctx *ctx)
{
}

/* Storage for the producer thread, so that every measured get is a hit. */
static __always_inline void task_prime(struct ls_op_ctx *ctx)
{
	if (bpf_task_storage_get(&task_store, ctx->task, 0, LS_F_CREATE))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
}

static __always_inline void task_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_task_storage_get(&task_store, ctx->task, 0, 0));
}

/* A get that passes F_CREATE on storage that exists, as programs that create on first use do. */
static __always_inline void task_get_create_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_task_storage_get(&task_store, ctx->task, 0, LS_F_CREATE));
}

static __always_inline void task_create_delete_op(struct ls_op_ctx *ctx)
{
	ls_count_create(ctx, bpf_task_storage_get(&task_store, ctx->task, 0, LS_F_CREATE));
	ls_count_delete(ctx, bpf_task_storage_delete(&task_store, ctx->task));
}

static __always_inline void hash_prime(struct ls_op_ctx *ctx)
{
	struct ls_val zero = {};

	if (bpf_map_update_elem(&pid_hash, &ctx->key, &zero, BPF_ANY))
		ctx->c.prime_fails++;
	else
		ctx->c.primes++;
}

static __always_inline void hash_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_map_lookup_elem(&pid_hash, &ctx->key));
}

static __always_inline void hash_update_delete_op(struct ls_op_ctx *ctx)
{
	struct ls_val one = { .v = 1 };

	if (bpf_map_update_elem(&pid_hash, &ctx->key, &one, BPF_NOEXIST)) {
		ctx->c.failures++;
		return;
	}
	ctx->c.creates++;
	ls_count_delete(ctx, bpf_map_delete_elem(&pid_hash, &ctx->key));
}

/* Storage in every map of the sweep: cfg.nr_maps primes per producer. */
static long task_maps_prime_cb(__u32 i, void *data)
{
	struct ls_op_ctx *ctx = data;
	void *map = task_maps_pick(i);

	if (map && bpf_task_storage_get(map, ctx->task, 0, LS_F_CREATE))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
	return 0;
}

static __always_inline void task_maps_prime(struct ls_op_ctx *ctx)
{
	bpf_loop(cfg.nr_maps, task_maps_prime_cb, ctx, 0);
}

static __always_inline void task_get_in(struct ls_op_ctx *ctx, void *map)
{
	if (map)
		ls_count_get(ctx, bpf_task_storage_get(map, ctx->task, 0, 0));
}

LS_MAPS_GET_OPS(task_maps, task_get_in)

static long hash_maps_prime_cb(__u32 i, void *data)
{
	struct ls_op_ctx *ctx = data;
	void *map = bpf_map_lookup_elem(&hash_maps, &i);
	struct ls_val zero = {};
	int key = ctx->key;

	if (map && !bpf_map_update_elem(map, &key, &zero, BPF_ANY))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
	return 0;
}

static __always_inline void hash_maps_prime(struct ls_op_ctx *ctx)
{
	bpf_loop(cfg.nr_maps, hash_maps_prime_cb, ctx, 0);
}

static __always_inline void hash_maps_get_map(struct ls_op_ctx *ctx, __u32 m)
{
	void *map = bpf_map_lookup_elem(&hash_maps, &m);
	int key = ctx->key;

	if (!map) {
		ctx->c.failures++;
		return;
	}
	ls_count_get(ctx, bpf_map_lookup_elem(map, &key));
}

static __always_inline void hash_maps_get_op(struct ls_op_ctx *ctx)
{
	LS_MAPS_STEP(ctx, hash_maps_get_map);
}

/*
 * A lookup of a random key among the first cfg.hash_keys in map m, as the
 * kernel's hashmap-control: bpf_get_prandom_u32() % the count, a division
 * by a read-only global there and here.
 */
static __always_inline void hash_random_get_map(struct ls_op_ctx *ctx, __u32 m)
{
	void *map = bpf_map_lookup_elem(&big_hash_maps, &m);
	int key;

	if (!map) {
		ctx->c.failures++;
		return;
	}
	key = bpf_get_prandom_u32() % cfg.hash_keys;
	ls_count_get(ctx, bpf_map_lookup_elem(map, &key));
}

static __always_inline void hash_random_get_op(struct ls_op_ctx *ctx)
{
	LS_MAPS_STEP(ctx, hash_random_get_map);
}

LS_SYS_ENTER_PROGS(empty, ls_owner_task, empty_op, ls_no_prime)
LS_SYS_ENTER_PROGS(task_get, ls_owner_task, task_get_op, task_prime)
LS_SYS_ENTER_PROGS(task_get_create, ls_owner_task, task_get_create_op, task_prime)
LS_SYS_ENTER_PROGS(task_miss, ls_owner_task, task_get_op, ls_no_prime)
LS_SYS_ENTER_PROGS(task_create_delete, ls_owner_task, task_create_delete_op, ls_no_prime)
LS_SYS_ENTER_PROGS(hash_get, ls_owner_task, hash_get_op, hash_prime)
LS_SYS_ENTER_PROGS(hash_update_delete, ls_owner_task, hash_update_delete_op, ls_no_prime)
LS_SYS_ENTER_PROGS(task_maps_get, ls_owner_task, task_maps_get_op, task_maps_prime)
LS_SYS_ENTER_PROGS(task_maps_get8, ls_owner_task, task_maps_get8_op, task_maps_prime)
LS_SYS_ENTER_PROGS(hash_maps_get, ls_owner_task, hash_maps_get_op, hash_maps_prime)
LS_SYS_ENTER_PROGS(hash_random_get, ls_owner_task, hash_random_get_op, ls_no_prime)

/* Tasks reached by thread id (bpf_task_from_pid, 6.2+): parked threads in turn. */
extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

/* Storage on every parked thread; a create racing another producer's looks again. */
static long task_byid_prime_cb(__u32 i, void *data)
{
	struct ls_op_ctx *ctx = data;
	struct task_struct *task;
	__u64 *id = bpf_map_lookup_elem(&owner_ids, &i);

	task = id ? bpf_task_from_pid(*id) : NULL;
	if (!task) {
		ctx->c.prime_fails++;
		return 0;
	}
	if (bpf_task_storage_get(&task_store, task, 0, LS_F_CREATE) ||
	    bpf_task_storage_get(&task_store, task, 0, 0))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
	bpf_task_release(task);
	return 0;
}

static __always_inline void task_byid_prime(struct ls_op_ctx *ctx)
{
	bpf_loop(cfg.nr_owners, task_byid_prime_cb, ctx, 0);
}

static __always_inline void task_byid_get_op(struct ls_op_ctx *ctx)
{
	struct task_struct *task = bpf_task_from_pid(ls_next_owner_id(ctx));

	if (!task) {
		ctx->c.failures++;
		return;
	}
	ls_count_get(ctx, bpf_task_storage_get(&task_store, task, 0, 0));
	bpf_task_release(task);
}

/* The control: the same lookup of the task by id, and nothing else. */
static __always_inline void task_byid_empty_op(struct ls_op_ctx *ctx)
{
	struct task_struct *task = bpf_task_from_pid(ls_next_owner_id(ctx));

	if (!task) {
		ctx->c.failures++;
		return;
	}
	bpf_task_release(task);
}

LS_SYS_ENTER_PROGS(task_byid_empty, ls_owner_task, task_byid_empty_op, ls_no_prime)
LS_SYS_ENTER_PROGS(task_byid_get, ls_owner_task, task_byid_get_op, task_byid_prime)

/* Thread churn: storage created as each thread is, freed with it. */
static __always_inline void task_create_op(struct ls_op_ctx *ctx)
{
	LS_CREATE_ON(ctx, bpf_task_storage_get(&task_store, ctx->task, 0, LS_F_CREATE));
}

LS_FORK_PROG(churn_empty, empty_op)
LS_FORK_PROG(churn_task_create, task_create_op)

/* The kernel's local-storage-create --storage-type task: 64 bytes made at fork. */
static __always_inline void task_create64_op(struct ls_op_ctx *ctx)
{
	LS_CREATE_ON(ctx, bpf_task_storage_get(&task_store64, ctx->task, 0, LS_F_CREATE));
}

LS_FORK_PROG(churn_task_create64, task_create64_op)
LS_KMALLOC_ASIDE(kmalloc_aside)
