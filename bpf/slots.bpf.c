// SPDX-License-Identifier: GPL-2.0
/*
 * Which slot of the per-owner cache each local-storage map holds.
 *
 * A task, socket, inode or cgroup keeps a cache of BPF_LOCAL_STORAGE_CACHE_SIZE
 * (16) slots, one per map: a map takes the least-used slot when it is made and
 * gives it back when it is freed, which can be well after its id is gone. Two
 * maps in one slot evict each other from every owner's cache. Nothing outside
 * the kernel shows the slot; this iterator over all maps writes one
 * struct ls_slot_rec per local-storage map, read from its
 * struct bpf_local_storage_map.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>
#include "compat.bpf.h"
#include "lsbench.h"

char LICENSE[] SEC("license") = "GPL";

static __always_inline bool has_cache(__u32 type)
{
	return type == BPF_MAP_TYPE_TASK_STORAGE || type == BPF_MAP_TYPE_SK_STORAGE ||
	       type == BPF_MAP_TYPE_INODE_STORAGE || type == LS_BPF_MAP_TYPE_CGRP_STORAGE;
}

SEC("iter/bpf_map")
int slots(struct bpf_iter__bpf_map *ctx)
{
	struct bpf_local_storage_map *smap;
	struct bpf_map *map = ctx->map;
	struct ls_slot_rec rec;

	if (!map || !has_cache(map->map_type))
		return 0;
	smap = (struct bpf_local_storage_map *)map;
	rec.id = map->id;
	rec.type = map->map_type;
	rec.slot = BPF_CORE_READ(smap, cache_idx);
	bpf_seq_write(ctx->meta->seq, &rec, sizeof(rec));
	return 0;
}
