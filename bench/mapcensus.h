/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The census of a cell's map type: the maps of that type alive on the whole
 * machine while the cell is measured, and which of them are not the cell's.
 * A map-count cell's maps are to be the only ones lsbench holds of their
 * type: local-storage maps of one type share each owner's cache of 16 slots.
 */
#ifndef LSBENCH_MAPCENSUS_H
#define LSBENCH_MAPCENSUS_H

struct bpf_object;
struct cell;

/* How long a cell waits for maps this process closed to be freed, in ms. */
#define LS_CENSUS_WAIT_MS 10000

/*
 * Before load. In a map-count cell, libbpf creates no map of the cell's type
 * (the cell's own are made later, into its array of maps); in every cell,
 * waits until the maps of the type earlier cells closed are gone. 0, or
 * -errno with the cell failed and the reason in it.
 */
int ls_census_before_load(struct cell *c, struct bpf_object *obj);

/* After load, before the cell's maps are made: waits for libbpf's inner-map templates. */
int ls_census_before_fill(struct cell *c, struct bpf_object *obj);

/* Counts the type's maps into type_maps_alive and foreign_maps; notes foreign ones. */
void ls_census_take(struct cell *c);

/* Before teardown closes the cell's maps: counts again, and remembers them to wait for. */
void ls_census_release(struct cell *c);

/* Remembers the cell's own maps (its array's), about to be closed, to wait for. */
void ls_census_forget(struct cell *c);

/* Waits until no map remembered of the cell's type is alive; -EBUSY with the cell failed past the
 * limit. */
int ls_census_settle(struct cell *c, const char *whose);

#endif /* LSBENCH_MAPCENSUS_H */
