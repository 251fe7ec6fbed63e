/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The per-owner cache slots of local-storage maps, read from the kernel by an
 * iterator over all maps (bpf/slots.bpf.c). A map-count cell's maps must
 * hold the slots they would hold alone: map i shares a slot with map j
 * exactly when i and j are equal modulo the cache's 16 slots.
 */
#ifndef LSBENCH_SLOTS_H
#define LSBENCH_SLOTS_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/types.h>

struct ls_slot_rec;

#define LS_CACHE_SLOTS 16 /* BPF_LOCAL_STORAGE_CACHE_SIZE */

/* Whether maps of this type have a per-owner cache (task, socket, inode, cgroup storage). */
bool ls_slots_cached_type(__u32 map_type);

/*
 * Every local-storage map alive, as *recs (malloc'd, *n of them); 0, or -errno
 * with why filled (the kernel refused the iterator, say).
 */
int ls_slots_all(struct ls_slot_rec **recs, unsigned int *n, char *why, size_t len);

/* slots[i] for the map of ids[i], or -1 where none was seen; 0 or -errno as ls_slots_all. */
int ls_slots_of(const __u32 *ids, unsigned int n, int *slots, char *why, size_t len);

/*
 * Whether n maps made in that order hold the slots they would hold alone; the
 * distinct slots they hold go to *distinct.
 */
bool ls_slots_as_alone(const int *slots, unsigned int n, unsigned int *distinct);

/*
 * lsbench slots: every local-storage map alive and its slot, as CSV; with
 * --layout TYPE FILE, whether FILE's maps of TYPE (such a CSV), made in id
 * order, hold their slots as made alone: "MAPS DISTINCT alone|shared".
 */
int ls_slots_main(int argc, char **argv);

#endif /* LSBENCH_SLOTS_H */
