// SPDX-License-Identifier: GPL-2.0
/*
 * The maps of a map-count sweep (cellmaps.h).
 *
 * A local-storage map takes the least-used slot of its type's per-owner
 * cache when it is made and gives it back when it is freed: after its id is
 * gone, an RCU grace period later or more. Maps made while an earlier cell's
 * still hold slots can share slots they would not share alone, and a cell
 * then measures cache misses it does not say. So the maps' slots are read
 * back (slots.h), and maps not laid out as alone are made again once the
 * first are freed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/membarrier.h>
#include <sys/syscall.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpfutil.h"
#include "cellmaps.h"
#include "cellrun.h"
#include "mapcensus.h"
#include "scenarios.h"
#include "slots.h"

/* Makes of the cell's maps before it fails: the waits between double from 10 ms (2.5 s in all). */
#define LS_MAPS_TRIES 9

/*
 * With LSBENCH_FAULT=slothog, maps of the cell's type holding the last slot,
 * made before its maps: LS_HOG_DEPTH of them, more than the maps of the
 * cell's earlier makes not yet freed can give any other slot, so that no
 * make of 16 maps gets that slot.
 */
#define LS_HOG_DEPTH 8
static int hog_fds[LS_HOG_DEPTH] = { -1, -1, -1, -1, -1, -1, -1, -1 };

int ls_maps_spec(struct cell *c, const struct ls_type *t, struct bpf_object *obj,
		 struct ls_maps_spec *spec)
{
	bool hash = c->sc->arg & (LS_ARG_HASH_MAPS | LS_ARG_BIG_HASH);
	struct bpf_map *outer, *inner;

	if (c->sc->arg & LS_ARG_BIG_HASH)
		snprintf(spec->outer, sizeof(spec->outer), "big_hash_maps");
	else if (hash)
		snprintf(spec->outer, sizeof(spec->outer), "hash_maps");
	else
		snprintf(spec->outer, sizeof(spec->outer), "%s%u", t->maps_prefix ?: "",
			 c->value_size);
	outer = t->maps_prefix || hash ? bpf_object__find_map_by_name(obj, spec->outer) : NULL;
	inner = outer ? bpf_map__inner_map(outer) : NULL;
	if (!inner)
		return ls_cell_fail(c, -ENOENT, "BPF object has no array of maps %s", spec->outer);
	spec->type = bpf_map__type(inner);
	spec->key_size = bpf_map__key_size(inner);
	spec->value_size = bpf_map__value_size(inner);
	spec->max_entries = bpf_map__max_entries(inner);
	/* big_hash_maps' template is one key long: its maps are of LS_BIG_HASH_ENTRIES */
	if (c->sc->arg & LS_ARG_BIG_HASH)
		spec->max_entries = LS_BIG_HASH_ENTRIES;
	spec->flags = bpf_map__map_flags(inner);
	spec->btf_key = bpf_map__btf_key_type_id(inner);
	spec->btf_value = bpf_map__btf_value_type_id(inner);
	return 0;
}

static int map_create(struct bpf_object *obj, const struct ls_maps_spec *spec)
{
	/*
	 * With the template's BTF, hash maps too: 6.1 compares what BTF says
	 * of a value (its timer's offset, -EINVAL without BTF) when a map goes
	 * into an array of maps.
	 */
	LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = spec->flags,
		    .btf_fd = bpf_object__btf_fd(obj), .btf_key_type_id = spec->btf_key,
		    .btf_value_type_id = spec->btf_value);

	return bpf_map_create(spec->type, NULL, spec->key_size, spec->value_size, spec->max_entries,
			      &opts);
}

/*
 * LSBENCH_FAULT=slothog: 16 maps made LS_HOG_DEPTH times over, and all
 * closed but the last of each 16, which hold slot 15 while the cell's maps
 * are made. Alone, the cell's map 15 would take slot 15; beside them, it
 * takes slot 0 with map 0. A slot is taken by the least used, so making the
 * maps again mends that only if the maps of earlier makes, closed but not yet
 * freed, used every other slot LS_HOG_DEPTH times (one hog map was not enough:
 * a make after one not yet freed could lay out 16 distinct slots).
 */
static int hog_make(struct cell *c, struct bpf_object *obj, const struct ls_maps_spec *spec)
{
	int fds[LS_CACHE_SLOTS * LS_HOG_DEPTH], i, n = 0, err = 0;

	if (!ls_fault("slothog") || !ls_slots_cached_type(spec->type))
		return 0;
	for (i = 0; i < LS_CACHE_SLOTS * LS_HOG_DEPTH && !err; i++) {
		fds[i] = map_create(obj, spec);
		if (fds[i] < 0)
			err = fds[i];
	}
	while (--i >= 0) {
		if (fds[i] < 0)
			continue;
		if (!err && i % LS_CACHE_SLOTS == LS_CACHE_SLOTS - 1)
			hog_fds[n++] = fds[i];
		else
			close(fds[i]);
	}
	if (err)
		return ls_cell_fail(c, err, "slothog: cannot make maps: %s", strerror(-err));
	/* freed after their ids are gone and a grace period */
	syscall(__NR_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0);
	usleep(100000);
	return 0;
}

/* Makes the maps into the array, map i at index i, as the kernel's bench does. */
static int maps_make(struct cell *c, struct bpf_object *obj, const struct ls_maps_spec *spec,
		     int outer_fd)
{
	unsigned int i;
	int fd;

	for (i = 0; i < c->nr_maps; i++) {
		/* each add waits for an RCU grace period: 1000 maps took minutes to interrupt */
		if (ls_interrupted)
			return ls_cell_fail(c, -EINTR, "interrupted while making its maps");
		fd = map_create(obj, spec);
		if (fd < 0)
			return ls_cell_fail(c, fd, "creating map %u of %u: %s", i + 1, c->nr_maps,
					    strerror(-fd));
		c->inner_fds[c->nr_inner++] = fd;
		if (bpf_map_update_elem(outer_fd, &i, &fd, BPF_ANY))
			return ls_cell_fail(c, -errno, "adding map %u to %s: %s", i + 1,
					    spec->outer, strerror(errno));
	}
	return 0;
}

/* Takes the maps out of the array and waits until they are freed, as far as it can tell. */
static int maps_unmake(struct cell *c, int outer_fd)
{
	unsigned int i;

	ls_census_forget(c);
	for (i = 0; i < c->nr_inner; i++) {
		bpf_map_delete_elem(outer_fd, &i);
		close(c->inner_fds[i]);
	}
	c->nr_inner = 0;
	if (ls_census_settle(c, "the cell's first maps"))
		return -EBUSY;
	/* their ids are gone; the kernel frees them after a grace period */
	syscall(__NR_membarrier, MEMBARRIER_CMD_GLOBAL, 0, 0);
	return 0;
}

/* The ids of the cell's maps into ids; 0 or -errno. */
static int maps_ids(const struct cell *c, __u32 *ids)
{
	struct bpf_map_info info;
	unsigned int i;
	int err;

	for (i = 0; i < c->nr_inner; i++) {
		err = ls_map_info(c->inner_fds[i], &info);
		if (err)
			return err;
		ids[i] = info.id;
	}
	return 0;
}

/*
 * Reads the maps' slots into c->cache_slots: 0 when they are as alone or
 * cannot be read (the cell notes it), -EAGAIN when they are not.
 */
static int slots_check(struct cell *c, unsigned int try)
{
	__u32 *ids = calloc(c->nr_inner, sizeof(*ids));
	int *slots = calloc(c->nr_inner, sizeof(*slots)), err = -ENOMEM;
	unsigned int distinct = 0;
	char why[200] = "out of memory";

	if (ids && slots) {
		err = maps_ids(c, ids);
		if (err)
			snprintf(why, sizeof(why), "cannot read the maps' ids: %s", strerror(-err));
		else
			err = ls_slots_of(ids, c->nr_inner, slots, why, sizeof(why));
	}
	if (err) {
		ls_cell_note(c, "cache slots not read: %s", why);
	} else {
		err = ls_slots_as_alone(slots, c->nr_inner, &distinct) ? 0 : -EAGAIN;
		c->cache_slots = distinct;
		if (c->verbose || (err && try + 1 == LS_MAPS_TRIES))
			fprintf(stderr, "lsbench: slots: %s maps=%u: make %u: %u distinct, %s\n",
				c->sc->name, c->nr_maps, try + 1, distinct,
				err ? "not as alone" : "as alone");
	}
	free(ids);
	free(slots);
	return err == -EAGAIN ? err : 0;
}

int ls_maps_fill(struct cell *c, struct bpf_object *obj, const struct ls_maps_spec *spec)
{
	struct bpf_map *outer = bpf_object__find_map_by_name(obj, spec->outer);
	int err, outer_fd = outer ? bpf_map__fd(outer) : -1;
	bool cached = ls_slots_cached_type(spec->type);
	unsigned int try;

	c->inner_fds = malloc(c->nr_maps * sizeof(*c->inner_fds));
	if (!c->inner_fds || outer_fd < 0)
		return ls_cell_fail(c, -ENOMEM, "cannot set up %u maps in %s", c->nr_maps,
				    spec->outer);
	err = hog_make(c, obj, spec);
	for (try = 0; !err; try++) {
		err = maps_make(c, obj, spec, outer_fd);
		if (err || !cached || slots_check(c, try) != -EAGAIN)
			return err;
		if (try + 1 == LS_MAPS_TRIES)
			break;
		if (maps_unmake(c, outer_fd))
			return -EBUSY;
		usleep(10000U << try);
	}
	if (err)
		return err;
	return ls_cell_fail(c, -EBUSY,
			    "its %u maps share cache slots: %u distinct of %u, made %u times "
			    "(other %s maps held slots when they were made)",
			    c->nr_maps, c->cache_slots, LS_CACHE_SLOTS, LS_MAPS_TRIES,
			    c->type->map_name);
}

void ls_maps_close(struct cell *c)
{
	int i;

	ls_fds_close(c->inner_fds, c->nr_inner);
	c->inner_fds = NULL;
	c->nr_inner = 0;
	for (i = 0; i < LS_HOG_DEPTH; i++) {
		if (hog_fds[i] >= 0)
			close(hog_fds[i]);
		hog_fds[i] = -1;
	}
}
