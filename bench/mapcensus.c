// SPDX-License-Identifier: GPL-2.0
/*
 * The census of a cell's map type (mapcensus.h).
 *
 * Local-storage maps of one type share each owner's cache of
 * BPF_LOCAL_STORAGE_CACHE_SIZE slots: a map takes the least-used slot when
 * it is created and gives it back when it is freed. Whether two of a
 * map-count cell's maps share a slot so depends on what else of the type held
 * slots when they were made: the object's other maps of the type, libbpf's
 * inner-map templates of its arrays of maps, an earlier cell's maps not yet
 * freed. A map-count cell therefore has libbpf create none of the first,
 * and every cell waits for the maps of its type this process closed.
 *
 * A map's id goes when its last reference does (fds, programs, arrays of
 * maps holding it), and the kernel queues its free, which gives the slot
 * back, at that moment: an id gone is the last step user space can see. The
 * free runs while the cell loads its program (verification takes
 * milliseconds), before the cell's maps are made.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpfutil.h"
#include "mapcensus.h"
#include "scenarios.h"

/* Maps this process closed and the kernel may not have freed yet. */
static struct {
	__u32 *ids;
	__u32 *types;
	unsigned int n, cap;
	__u32 watermark; /* the highest map id before the current cell's load */
} pending;

/* Counts of one census. */
struct tally {
	__u32 type;
	const __u32 *own; /* the cell's maps of the type, sorted */
	unsigned int nr_own;
	unsigned int alive, foreign;
};

/* The map's info by id; -ENOENT when it is gone. */
static int id_info(__u32 id, struct bpf_map_info *info)
{
	int fd = bpf_map_get_fd_by_id(id), err;

	if (fd < 0)
		return -errno;
	err = ls_map_info(fd, info);
	close(fd);
	return err;
}

static bool id_alive(__u32 id)
{
	int fd = bpf_map_get_fd_by_id(id);

	if (fd < 0)
		return errno != ENOENT;
	close(fd);
	return true;
}

static void pending_add(__u32 id, __u32 type)
{
	unsigned int cap = pending.cap ? pending.cap * 2 : 64;
	__u32 *ids, *types;

	if (pending.n == pending.cap) {
		ids = realloc(pending.ids, cap * sizeof(*ids));
		if (ids)
			pending.ids = ids;
		types = ids ? realloc(pending.types, cap * sizeof(*types)) : NULL;
		if (!types)
			return; /* out of memory: that map is not waited for */
		pending.types = types;
		pending.cap = cap;
	}
	pending.ids[pending.n] = id;
	pending.types[pending.n++] = type;
}

/* Forgets the maps gone; returns how many of type are still alive. */
static unsigned int pending_alive(__u32 type)
{
	unsigned int i, k = 0, alive = 0;

	for (i = 0; i < pending.n; i++) {
		if (!id_alive(pending.ids[i]))
			continue;
		alive += pending.types[i] == type;
		pending.ids[k] = pending.ids[i];
		pending.types[k++] = pending.types[i];
	}
	pending.n = k;
	return alive;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* Waits until no pending map of the cell's type is alive; fails the cell past the limit. */
static int settle(struct cell *c, const char *whose)
{
	long long start = now_ms(), end = start + LS_CENSUS_WAIT_MS;
	unsigned int alive = pending_alive(c->type->map_type);

	if (alive && c->verbose)
		fprintf(stderr, "lsbench: census: %s: waiting for %u %s maps of %s\n", c->sc->name,
			alive, c->type->map_name, whose);
	for (; alive; alive = pending_alive(c->type->map_type)) {
		if (now_ms() >= end) {
			c->status = LS_FAILED;
			snprintf(c->reason, sizeof(c->reason),
				 "%u %s maps of %s still alive after %d s", alive,
				 c->type->map_name, whose, LS_CENSUS_WAIT_MS / 1000);
			return -EBUSY;
		}
		usleep(1000);
	}
	if (c->verbose)
		fprintf(stderr, "lsbench: census: %s: %s gone after %lld ms\n", c->sc->name, whose,
			now_ms() - start);
	return 0;
}

static __u32 highest_map_id(void)
{
	__u32 id = 0, next;

	while (!bpf_map_get_next_id(id, &next))
		id = next;
	return id;
}

/*
 * In a map-count cell, no map of the type but the cell's own. The arrays of
 * maps of other value sizes stay (the program's code loads their addresses
 * even where the verifier finds the branch dead): empty, and their
 * templates are waited for like the cell's array's.
 */
static void trim(struct cell *c, struct bpf_object *obj)
{
	struct bpf_map *m;

	bpf_object__for_each_map(m, obj) {
		if (bpf_map__type(m) == (enum bpf_map_type)c->type->map_type)
			bpf_map__set_autocreate(m, false);
	}
}

int ls_census_before_load(struct cell *c, struct bpf_object *obj)
{
	if (ls_fault("census"))
		return 0;
	if (c->sc->arg & LS_ARG_MAPS)
		trim(c, obj);
	pending.watermark = highest_map_id();
	return settle(c, "earlier cells");
}

/* Whether a map named name (as the kernel keeps it, cut short) is a template of obj's. */
static bool is_template(struct bpf_object *obj, const char *name)
{
	char full[128];
	struct bpf_map *m;

	if (!*name)
		return false;
	bpf_object__for_each_map(m, obj) {
		if (!bpf_map__inner_map(m))
			continue;
		/* libbpf names an outer map's template <outer>.inner */
		snprintf(full, sizeof(full), "%s.inner", bpf_map__name(m));
		if (!strncmp(full, name, strlen(name)))
			return true;
	}
	return false;
}

int ls_census_before_fill(struct cell *c, struct bpf_object *obj)
{
	struct bpf_map_info info;
	__u32 id = pending.watermark;

	if (ls_fault("census"))
		return 0;
	while (!bpf_map_get_next_id(id, &id)) {
		if (!id_info(id, &info) && info.type == (__u32)c->type->map_type &&
		    is_template(obj, info.name))
			pending_add(id, info.type);
	}
	return settle(c, "libbpf's inner-map templates");
}

static int cmp_u32(const void *a, const void *b)
{
	__u32 x = *(const __u32 *)a, y = *(const __u32 *)b;

	return x < y ? -1 : x > y;
}

static void own_add(__u32 *own, unsigned int *n, int fd, __u32 type)
{
	struct bpf_map_info info;

	if (fd >= 0 && !ls_map_info(fd, &info) && info.type == type)
		own[(*n)++] = info.id;
}

/* The ids of the cell's maps of its type: its object's and its array's; NULL if none. */
static __u32 *own_ids(const struct cell *c, unsigned int *n)
{
	struct bpf_object *obj = c->skel ? c->type->obj(c->skel) : NULL;
	unsigned int i, max = c->nr_inner;
	__u32 type = c->type->map_type;
	struct bpf_map *m;
	__u32 *own;

	*n = 0;
	bpf_object__for_each_map(m, obj)
		max++;
	own = malloc((max ?: 1) * sizeof(*own));
	if (!own)
		return NULL;
	bpf_object__for_each_map(m, obj)
		own_add(own, n, bpf_map__fd(m), type);
	for (i = 0; i < c->nr_inner; i++)
		own_add(own, n, c->inner_fds[i], type);
	qsort(own, *n, sizeof(*own), cmp_u32);
	return own;
}

static void tally_walk(struct tally *t)
{
	struct bpf_map_info info;
	__u32 id = 0;

	while (!bpf_map_get_next_id(id, &id)) {
		if (id_info(id, &info) || info.type != t->type)
			continue;
		t->alive++;
		if (!t->nr_own || !bsearch(&id, t->own, t->nr_own, sizeof(id), cmp_u32))
			t->foreign++;
	}
}

/* One census; keeps the highest counts the cell has seen. */
static void census(struct cell *c, const char *when)
{
	struct tally t = { .type = c->type->map_type };
	__u32 *own = own_ids(c, &t.nr_own);
	unsigned int earlier = pending_alive(t.type);

	t.own = own;
	tally_walk(&t);
	if (t.alive > c->type_maps_alive)
		c->type_maps_alive = t.alive;
	if (t.foreign > c->foreign_maps)
		c->foreign_maps = t.foreign;
	if (c->verbose)
		fprintf(stderr,
			"lsbench: census %s %s maps=%u: %u %s maps alive, %u the cell's, "
			"%u foreign, %u of earlier cells\n",
			when, c->sc->name, c->nr_maps, t.alive, c->type->map_name, t.nr_own,
			t.foreign, earlier);
	free(own);
}

void ls_census_take(struct cell *c)
{
	if (c->type)
		census(c, "before");
}

/* A cell measured beside other maps of its type says so, staying ok. */
static void note_foreign(struct cell *c)
{
	if (c->foreign_maps)
		ls_cell_note(c, "%u other %s maps alive; they may share cache slots",
			     c->foreign_maps, c->type->map_name);
}

void ls_census_release(struct cell *c)
{
	struct bpf_object *obj;
	struct bpf_map_info info;
	struct bpf_map *m;

	if (!c->type || !c->skel)
		return;
	census(c, "after");
	note_foreign(c);
	obj = c->type->obj(c->skel);
	bpf_object__for_each_map(m, obj) {
		if (bpf_map__fd(m) >= 0 && !ls_map_info(bpf_map__fd(m), &info))
			pending_add(info.id, info.type);
	}
	ls_census_forget(c);
}

void ls_census_forget(struct cell *c)
{
	struct bpf_map_info info;
	unsigned int i;

	for (i = 0; i < c->nr_inner; i++) {
		if (!ls_map_info(c->inner_fds[i], &info))
			pending_add(info.id, info.type);
	}
}

int ls_census_settle(struct cell *c, const char *whose)
{
	return settle(c, whose);
}
