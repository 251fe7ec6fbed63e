// SPDX-License-Identifier: GPL-2.0
/*
 * Cgroup storage (bpf_cgrp_storage_get/delete) on the current task's cgroup
 * v2, from sys_enter, and its controls: the empty program and a hash map
 * keyed by cgroup id.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "common.bpf.h"

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, LS_BPF_MAP_TYPE_CGRP_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ls_val);
} cgrp_store SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 4096);
	__type(key, __u64);
	__type(value, struct ls_val);
} cgid_hash SEC(".maps");

/* Map-count sweeps: arrays of cgroup-storage maps. */
LS_STORE_MAPS(cgrp_maps, LS_BPF_MAP_TYPE_CGRP_STORAGE)

static __always_inline void empty_op(struct ls_op_ctx *ctx)
{
}

/*
 * Every producer primes the one cgroup: the first creates, the others find
 * it. A create that races with another CPU's returns NULL (-EEXIST inside),
 * so look again before calling it a failure.
 */
static __always_inline void cgrp_prime(struct ls_op_ctx *ctx)
{
	if (bpf_cgrp_storage_get(&cgrp_store, ctx->cgrp, 0, LS_F_CREATE) ||
	    bpf_cgrp_storage_get(&cgrp_store, ctx->cgrp, 0, 0))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
}

static __always_inline void cgrp_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_cgrp_storage_get(&cgrp_store, ctx->cgrp, 0, 0));
}

static __always_inline void cgrp_create_delete_op(struct ls_op_ctx *ctx)
{
	ls_count_create(ctx, bpf_cgrp_storage_get(&cgrp_store, ctx->cgrp, 0, LS_F_CREATE));
	ls_count_delete(ctx, bpf_cgrp_storage_delete(&cgrp_store, ctx->cgrp));
}

static __always_inline void hash_prime(struct ls_op_ctx *ctx)
{
	struct ls_val zero = {};

	/* BPF_ANY: the threads share one cgroup, so one key. */
	if (bpf_map_update_elem(&cgid_hash, &ctx->key, &zero, BPF_ANY))
		ctx->c.prime_fails++;
	else
		ctx->c.primes++;
}

static __always_inline void hash_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_map_lookup_elem(&cgid_hash, &ctx->key));
}

/* Storage in every map of the sweep; a create racing another CPU's looks again. */
static long cgrp_maps_prime_cb(__u32 i, void *data)
{
	struct ls_op_ctx *ctx = data;
	void *map = cgrp_maps_pick(i);

	if (map && (bpf_cgrp_storage_get(map, ctx->cgrp, 0, LS_F_CREATE) ||
		    bpf_cgrp_storage_get(map, ctx->cgrp, 0, 0)))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
	return 0;
}

static __always_inline void cgrp_maps_prime(struct ls_op_ctx *ctx)
{
	bpf_loop(cfg.nr_maps, cgrp_maps_prime_cb, ctx, 0);
}

static __always_inline void cgrp_get_in(struct ls_op_ctx *ctx, void *map)
{
	if (map)
		ls_count_get(ctx, bpf_cgrp_storage_get(map, ctx->cgrp, 0, 0));
}

LS_MAPS_GET_OPS(cgrp_maps, cgrp_get_in)

LS_SYS_ENTER_PROGS(empty, ls_owner_cgrp, empty_op, ls_no_prime)
LS_SYS_ENTER_PROGS(cgrp_get, ls_owner_cgrp, cgrp_get_op, cgrp_prime)
LS_SYS_ENTER_PROGS(cgrp_miss, ls_owner_cgrp, cgrp_get_op, ls_no_prime)
LS_SYS_ENTER_PROGS(cgrp_create_delete, ls_owner_cgrp, cgrp_create_delete_op, ls_no_prime)
LS_SYS_ENTER_PROGS(hash_get, ls_owner_cgrp, hash_get_op, hash_prime)
LS_SYS_ENTER_PROGS(cgrp_maps_get, ls_owner_cgrp, cgrp_maps_get_op, cgrp_maps_prime)
LS_SYS_ENTER_PROGS(cgrp_maps_get8, ls_owner_cgrp, cgrp_maps_get8_op, cgrp_maps_prime)

/* Cgroups reached by id (bpf_cgroup_from_id, 6.2+): private cgroups in turn. */
extern struct cgroup *bpf_cgroup_from_id(u64 cgid) __ksym __weak;
extern void bpf_cgroup_release(struct cgroup *cgrp) __ksym __weak;

static long cgrp_byid_prime_cb(__u32 i, void *data)
{
	struct ls_op_ctx *ctx = data;
	__u64 *id = bpf_map_lookup_elem(&owner_ids, &i);
	struct cgroup *cg = id ? bpf_cgroup_from_id(*id) : NULL;

	if (!cg) {
		ctx->c.prime_fails++;
		return 0;
	}
	if (bpf_cgrp_storage_get(&cgrp_store, cg, 0, LS_F_CREATE) ||
	    bpf_cgrp_storage_get(&cgrp_store, cg, 0, 0))
		ctx->c.primes++;
	else
		ctx->c.prime_fails++;
	bpf_cgroup_release(cg);
	return 0;
}

static __always_inline void cgrp_byid_prime(struct ls_op_ctx *ctx)
{
	bpf_loop(cfg.nr_owners, cgrp_byid_prime_cb, ctx, 0);
}

static __always_inline void cgrp_byid_get_op(struct ls_op_ctx *ctx)
{
	struct cgroup *cg = bpf_cgroup_from_id(ls_next_owner_id(ctx));

	if (!cg) {
		ctx->c.failures++;
		return;
	}
	ls_count_get(ctx, bpf_cgrp_storage_get(&cgrp_store, cg, 0, 0));
	bpf_cgroup_release(cg);
}

static __always_inline void cgrp_byid_empty_op(struct ls_op_ctx *ctx)
{
	struct cgroup *cg = bpf_cgroup_from_id(ls_next_owner_id(ctx));

	if (!cg) {
		ctx->c.failures++;
		return;
	}
	bpf_cgroup_release(cg);
}

LS_SYS_ENTER_PROGS(cgrp_byid_empty, ls_owner_task, cgrp_byid_empty_op, ls_no_prime)
LS_SYS_ENTER_PROGS(cgrp_byid_get, ls_owner_task, cgrp_byid_get_op, cgrp_byid_prime)

/* Cgroup churn: storage created as each cgroup is, freed with it. */
static __always_inline void cgrp_create_op(struct ls_op_ctx *ctx)
{
	LS_CREATE_ON(ctx, bpf_cgrp_storage_get(&cgrp_store, ctx->cgrp, 0, LS_F_CREATE));
}

LS_CGROUP_MKDIR_PROG(churn_empty, empty_op)
LS_CGROUP_MKDIR_PROG(churn_cgrp_create, cgrp_create_op)

/*
 * From a cgroup hook: cgroup/getsockopt on the run's private cgroup, the
 * cgroup reached through the current task.
 */
static __always_inline __u64 no_key(struct bpf_sockopt *sopt)
{
	return 0;
}

static __always_inline void cgrp_sockopt_op(struct ls_op_ctx *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();

	ls_count_get(ctx, bpf_cgrp_storage_get(&cgrp_store, task->cgroups->dfl_cgrp, 0, 0));
}

static __always_inline void cgrp_sockopt_empty_op(struct ls_op_ctx *ctx)
{
	struct task_struct *task = bpf_get_current_task_btf();

	if (!task->cgroups->dfl_cgrp)
		ctx->c.failures++;
}

LS_GETSOCKOPT_PROGS(sockopt_empty, cgrp_sockopt_empty_op, no_key)
LS_GETSOCKOPT_PROGS(sockopt_cgrp_get, cgrp_sockopt_op, no_key)
