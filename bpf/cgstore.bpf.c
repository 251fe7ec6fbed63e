// SPDX-License-Identifier: GPL-2.0
/*
 * The cgroup storage of cgroup programs (bpf_get_local_storage): per-CPU
 * (BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE) and shared (BPF_MAP_TYPE_CGROUP_STORAGE),
 * from cgroup/getsockopt on the cgroups they are attached to. The runner makes
 * pcpu_store and shared_store itself, with the cell's key, value size and
 * flags (bench/cgstore.c): the programs touch only a value's first 8 bytes.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "common.bpf.h"

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, struct ls_val);
} pcpu_store SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, struct ls_val);
} shared_store SEC(".maps");

/* Shared storage whose value holds a spin lock (BTF describes it: made by libbpf). */
struct ls_locked_val {
	struct bpf_spin_lock lock;
	__u64 v;
};

struct {
	__uint(type, BPF_MAP_TYPE_CGROUP_STORAGE);
	__type(key, struct bpf_cgroup_storage_key);
	__type(value, struct ls_locked_val);
} locked_store SEC(".maps");

static __always_inline __u64 no_key(struct bpf_sockopt *sopt)
{
	return 0;
}

static __always_inline void empty_op(struct ls_op_ctx *ctx)
{
}

/* The storage always exists while the program is attached: every get is a hit. */
static __always_inline void pcpu_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_get_local_storage(&pcpu_store, 0));
}

static __always_inline void shared_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_get_local_storage(&shared_store, 0));
}

/*
 * Writes: each CPU its own copy, one copy with an atomic add, one copy under
 * its lock. Run by two threads on two CPUs, they show what per-CPU storage is
 * for.
 */
static __always_inline void pcpu_inc_op(struct ls_op_ctx *ctx)
{
	struct ls_val *v = bpf_get_local_storage(&pcpu_store, 0);

	if (v)
		v->v++;
	ls_count_get(ctx, v);
}

static __always_inline void shared_inc_op(struct ls_op_ctx *ctx)
{
	struct ls_val *v = bpf_get_local_storage(&shared_store, 0);

	if (v)
		__sync_fetch_and_add(&v->v, 1);
	ls_count_get(ctx, v);
}

static __always_inline void locked_inc_op(struct ls_op_ctx *ctx)
{
	struct ls_locked_val *v = bpf_get_local_storage(&locked_store, 0);

	if (v) {
		bpf_spin_lock(&v->lock);
		v->v++;
		bpf_spin_unlock(&v->lock);
	}
	ls_count_get(ctx, v);
}

LS_GETSOCKOPT_PROGS(empty, empty_op, no_key)
LS_GETSOCKOPT_PROGS(pcpu_get, pcpu_get_op, no_key)
LS_GETSOCKOPT_PROGS(shared_get, shared_get_op, no_key)
LS_GETSOCKOPT_PROGS(pcpu_inc, pcpu_inc_op, no_key)
LS_GETSOCKOPT_PROGS(shared_inc, shared_inc_op, no_key)
LS_GETSOCKOPT_PROGS(locked_inc, locked_inc_op, no_key)

/* The per-packet path. */
LS_EGRESS_PROGS(egress_empty, empty_op)
LS_EGRESS_PROGS(egress_pcpu_get, pcpu_get_op)
LS_EGRESS_PROGS(egress_shared_get, shared_get_op)
