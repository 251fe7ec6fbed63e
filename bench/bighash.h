/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The random-key hash control's maps (LS_ARG_BIG_HASH): LS_BIG_HASH_ENTRIES
 * keys each, every one filled from user space before measuring, as the
 * kernel's local-storage-cache-hashmap-control prepopulates its own.
 */
#ifndef LSBENCH_BIGHASH_H
#define LSBENCH_BIGHASH_H

struct cell;

/*
 * Before the maps are made: 0 when nr_maps of them fit in half the memory
 * available, else -ENOMEM with the cell failed and why.
 */
int ls_big_hash_room(struct cell *c);

/* After: every key 0 .. LS_BIG_HASH_ENTRIES - 1 in each map, value = key. 0 or -errno, failed. */
int ls_big_hash_fill(struct cell *c);

#endif /* LSBENCH_BIGHASH_H */
