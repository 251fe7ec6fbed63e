/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The maps of a map-count sweep: made by the runner into the array of maps
 * the cell's program reads, as the kernel's local-storage-cache bench makes
 * its own, and checked to hold the per-owner cache slots they would hold
 * alone (slots.h).
 */
#ifndef LSBENCH_CELLMAPS_H
#define LSBENCH_CELLMAPS_H

#include <linux/bpf.h>

struct bpf_object;
struct cell;
struct ls_type;

/* What the maps are made of, read from the array's template before load. */
struct ls_maps_spec {
	char outer[64];
	enum bpf_map_type type;
	__u32 key_size, value_size, max_entries, flags;
	__u32 btf_key, btf_value;
};

/*
 * Finds the array of maps the cell's program reads and the template of its
 * maps. libbpf frees the template at load, so this runs before. 0, or -errno
 * with the cell failed.
 */
int ls_maps_spec(struct cell *c, const struct ls_type *t, struct bpf_object *obj,
		 struct ls_maps_spec *spec);

/*
 * After load: makes the cell's nr_maps maps into its array. Local-storage
 * maps whose slots are not those they would hold alone are made again once
 * the first are freed; past the limit the cell fails. 0, or -errno with the
 * cell failed.
 */
int ls_maps_fill(struct cell *c, struct bpf_object *obj, const struct ls_maps_spec *spec);

/* Closes the cell's maps (the array, freed with the object, holds them until then). */
void ls_maps_close(struct cell *c);

#endif /* LSBENCH_CELLMAPS_H */
