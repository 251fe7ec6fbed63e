// SPDX-License-Identifier: GPL-2.0
/*
 * Socket storage (bpf_sk_storage_get/delete) from cgroup/getsockopt on the
 * socket the producer asked, and its controls: the empty program and a hash
 * map keyed by socket mark.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "common.bpf.h"
#include "kbench.bpf.h"

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ls_val);
} sk_store SEC(".maps");

/* The kernel's local-storage-create makes storage of 64 bytes. */
struct {
	__uint(type, BPF_MAP_TYPE_SK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ls_val64);
} sk_store64 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1 << 18);
	__type(key, __u64);
	__type(value, struct ls_val);
} mark_hash SEC(".maps");

static __always_inline __u64 no_key(struct bpf_sockopt *sopt)
{
	return 0;
}

/*
 * cgroup/getsockopt programs cannot call bpf_get_socket_cookie: the runner
 * gives each socket a distinct mark instead, and the control keys on it.
 */
static __always_inline __u64 mark_key(struct bpf_sockopt *sopt)
{
	return sopt->sk->mark;
}

/* Map-count sweeps: arrays of socket-storage maps, primed from user space. */
LS_STORE_MAPS(sk_maps, BPF_MAP_TYPE_SK_STORAGE)

static __always_inline void empty_op(struct ls_op_ctx *ctx)
{
}

static __always_inline void sk_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_sk_storage_get(&sk_store, ctx->sk, 0, 0));
}

static __always_inline void sk_create_delete_op(struct ls_op_ctx *ctx)
{
	ls_count_create(ctx, bpf_sk_storage_get(&sk_store, ctx->sk, 0, LS_F_CREATE));
	ls_count_delete(ctx, bpf_sk_storage_delete(&sk_store, ctx->sk));
}

static __always_inline void hash_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_map_lookup_elem(&mark_hash, &ctx->key));
}

static __always_inline void sk_get_in(struct ls_op_ctx *ctx, void *map)
{
	if (map)
		ls_count_get(ctx, bpf_sk_storage_get(map, ctx->sk, 0, 0));
}

LS_MAPS_GET_OPS(sk_maps, sk_get_in)

LS_GETSOCKOPT_PROGS(empty, empty_op, no_key)
LS_GETSOCKOPT_PROGS(sk_get, sk_get_op, no_key)
LS_GETSOCKOPT_PROGS(sk_create_delete, sk_create_delete_op, no_key)
LS_GETSOCKOPT_PROGS(hash_get, hash_get_op, mark_key)
LS_GETSOCKOPT_PROGS(sk_maps_get, sk_maps_get_op, no_key)
LS_GETSOCKOPT_PROGS(sk_maps_get8, sk_maps_get8_op, no_key)

/* The per-packet path: cgroup_skb/egress on the socket a datagram leaves from. */
LS_EGRESS_PROGS(egress_empty, empty_op)
LS_EGRESS_PROGS(egress_sk_get, sk_get_op)

/* Socket churn: storage created as each socket is. */
static __always_inline void sk_create_op(struct ls_op_ctx *ctx)
{
	LS_CREATE_ON(ctx, bpf_sk_storage_get(&sk_store, ctx->sk, 0, LS_F_CREATE));
}

LS_SOCK_CREATE_PROG(churn_empty, empty_op)
LS_SOCK_CREATE_PROG(churn_sk_create, sk_create_op)

/*
 * The kernel's local-storage-create --storage-type socket: 64 bytes made on
 * each socket from lsm.s/socket_post_create (the BPF LSM), as there.
 */
static __always_inline void sk_create64_op(struct ls_op_ctx *ctx)
{
	LS_CREATE_ON(ctx, bpf_sk_storage_get(&sk_store64, ctx->sk, 0, LS_F_CREATE));
}

LS_SOCKET_POST_CREATE_PROG(churn_lsm_empty, empty_op)
LS_SOCKET_POST_CREATE_PROG(churn_lsm_sk_create64, sk_create64_op)
LS_KMALLOC_ASIDE(kmalloc_aside)
