// SPDX-License-Identifier: GPL-2.0
/*
 * Socket storage on the TCP accept path: a listener holds an element in each
 * of the cell's maps, written from user space with the map index + 1 in it.
 * With BPF_F_CLONE the kernel copies them to every socket accept() creates;
 * without it the child starts empty. A sockops program checks each child as
 * it becomes established, one operation per accepted connection: a hit when
 * every map holds its value, a miss when none has an element, a failure
 * otherwise (a wrong value, or some maps cloned and others not).
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "common.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* The whole type for the 8-byte templates, as common.bpf.h's globals do for the others. */
struct ls_val ls_btf_val;

/* The same maps with and without BPF_F_CLONE: the template's flags make them. */
LS_STORE_MAPS(noclone_maps, BPF_MAP_TYPE_SK_STORAGE)
LS_STORE_MAPS_FLAGS(clone_maps, BPF_MAP_TYPE_SK_STORAGE, BPF_F_NO_PREALLOC | BPF_F_CLONE)

/* What the maps of one child held. */
struct child_walk {
	struct bpf_sock *sk;
	__u32 found, absent, wrong;
};

static __always_inline void child_check(struct child_walk *w, void *map, __u32 m)
{
	struct ls_val *v;

	if (!map) {
		w->wrong++;
		return;
	}
	v = bpf_sk_storage_get(map, w->sk, 0, 0);
	if (!v)
		w->absent++;
	else if (v->v != m + 1)
		w->wrong++;
	else
		w->found++;
}

static long clone_map_cb(__u32 m, void *data)
{
	child_check(data, clone_maps_pick(m), m);
	return 0;
}

static long noclone_map_cb(__u32 m, void *data)
{
	child_check(data, noclone_maps_pick(m), m);
	return 0;
}

/* One accepted socket's maps, counted as one operation. */
static __always_inline void child_count(struct ls_op_ctx *ctx, const struct child_walk *w)
{
	if (w->wrong || w->found + w->absent != cfg.nr_maps || (w->found && w->absent))
		ctx->c.failures++;
	else if (w->found)
		ctx->c.hits++;
	else
		ctx->c.misses++;
}

static __always_inline void empty_op(struct ls_op_ctx *ctx)
{
}

static __always_inline void clone_op(struct ls_op_ctx *ctx)
{
	struct child_walk w = { .sk = ctx->sk };

	bpf_loop(cfg.nr_maps, clone_map_cb, &w, 0);
	child_count(ctx, &w);
}

static __always_inline void noclone_op(struct ls_op_ctx *ctx)
{
	struct child_walk w = { .sk = ctx->sk };

	bpf_loop(cfg.nr_maps, noclone_map_cb, &w, 0);
	child_count(ctx, &w);
}

LS_SOCKOPS_PROG(accept_empty, empty_op)
LS_SOCKOPS_PROG(accept_noclone, noclone_op)
LS_SOCKOPS_PROG(accept_clone, clone_op)
