// SPDX-License-Identifier: GPL-2.0
/*
 * Inode storage (bpf_inode_storage_get/delete) from lsm/file_open on the
 * inode of the file opened, and its controls: the empty program and a hash
 * map keyed by inode number.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include "common.bpf.h"

char LICENSE[] SEC("license") = "GPL";

struct {
	__uint(type, BPF_MAP_TYPE_INODE_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ls_val);
} inode_store SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1 << 18);
	__type(key, __u64);
	__type(value, struct ls_val);
} ino_hash SEC(".maps");

static __always_inline void empty_op(struct ls_op_ctx *ctx)
{
}

static __always_inline void inode_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_inode_storage_get(&inode_store, ctx->inode, 0, 0));
}

static __always_inline void inode_create_delete_op(struct ls_op_ctx *ctx)
{
	ls_count_create(ctx, bpf_inode_storage_get(&inode_store, ctx->inode, 0, LS_F_CREATE));
	ls_count_delete(ctx, bpf_inode_storage_delete(&inode_store, ctx->inode));
}

static __always_inline void hash_get_op(struct ls_op_ctx *ctx)
{
	ls_count_get(ctx, bpf_map_lookup_elem(&ino_hash, &ctx->key));
}

LS_FILE_OPEN_PROGS(empty, empty_op)
LS_FILE_OPEN_PROGS(inode_get, inode_get_op)
LS_FILE_OPEN_PROGS(inode_create_delete, inode_create_delete_op)
LS_FILE_OPEN_PROGS(hash_get, hash_get_op)
