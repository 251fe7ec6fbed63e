// SPDX-License-Identifier: GPL-2.0
/* The per-owner cache slots of local-storage maps (slots.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpfutil.h"
#include "cli.h"
#include "lsbench.h"
#include "slots.h"
#include "slots.skel.h"

/* The cached types, by their names in bpftool's listing. */
static const struct {
	__u32 type;
	const char *name;
} cached[] = {
	{ BPF_MAP_TYPE_SK_STORAGE, "sk_storage" },
	{ 28, "inode_storage" }, /* BPF_MAP_TYPE_INODE_STORAGE, 5.10 */
	{ 29, "task_storage" }, /* BPF_MAP_TYPE_TASK_STORAGE, 5.11 */
	{ 32, "cgrp_storage" }, /* BPF_MAP_TYPE_CGRP_STORAGE, 6.2 */
};

static const char *cached_name(__u32 type)
{
	size_t i;

	for (i = 0; i < sizeof(cached) / sizeof(cached[0]); i++) {
		if (cached[i].type == type)
			return cached[i].name;
	}
	return NULL;
}

bool ls_slots_cached_type(__u32 map_type)
{
	return cached_name(map_type);
}

/* Reads the iterator's records into *recs until its end; 0 or -errno. */
static int iter_read(int iter_fd, struct ls_slot_rec **recs, unsigned int *n)
{
	size_t cap = 64 * sizeof(**recs), len = 0;
	char *buf = malloc(cap), *grown;
	ssize_t got = 1;

	while (buf && got > 0) {
		if (len == cap) {
			grown = realloc(buf, cap * 2);
			if (!grown)
				break;
			buf = grown;
			cap *= 2;
		}
		got = read(iter_fd, buf + len, cap - len);
		len += got > 0 ? got : 0;
	}
	if (!buf || got) {
		got = got < 0 ? -errno : -ENOMEM;
		free(buf);
		return got;
	}
	*recs = (struct ls_slot_rec *)buf;
	*n = len / sizeof(**recs);
	return 0;
}

int ls_slots_all(struct ls_slot_rec **recs, unsigned int *n, char *why, size_t len)
{
	struct bpf_link *link = NULL;
	struct slots_bpf *skel;
	int err, fd = -1;

	*recs = NULL;
	*n = 0;
	skel = slots_bpf__open_and_load();
	if (!skel) {
		err = -errno;
		snprintf(why, len, "cannot load the slots iterator (iter/bpf_map): %s",
			 strerror(-err));
		return err;
	}
	link = bpf_program__attach_iter(skel->progs.slots, NULL);
	fd = link ? bpf_iter_create(bpf_link__fd(link)) : -1;
	if (fd < 0) {
		err = -errno;
		snprintf(why, len, "cannot start the slots iterator: %s", strerror(-err));
	} else {
		err = iter_read(fd, recs, n);
		if (err)
			snprintf(why, len, "cannot read the slots iterator: %s", strerror(-err));
		close(fd);
	}
	bpf_link__destroy(link);
	slots_bpf__destroy(skel);
	return err;
}

int ls_slots_of(const __u32 *ids, unsigned int n, int *slots, char *why, size_t len)
{
	struct ls_slot_rec *recs;
	unsigned int i, k, nr;
	int err = ls_slots_all(&recs, &nr, why, len);

	if (err)
		return err;
	for (i = 0; i < n; i++) {
		slots[i] = -1;
		for (k = 0; k < nr; k++) {
			if (recs[k].id == ids[i])
				slots[i] = recs[k].slot;
		}
	}
	free(recs);
	return 0;
}

bool ls_slots_as_alone(const int *slots, unsigned int n, unsigned int *distinct)
{
	unsigned int i, j, seen = 0;
	bool alone = true;

	for (i = 0; i < n; i++) {
		if (slots[i] < 0 || slots[i] >= LS_CACHE_SLOTS)
			alone = false;
		for (j = 0; j < i && slots[j] != slots[i]; j++)
			;
		seen += j == i;
		/* alone, map i shares exactly with the maps i - 16, i - 32, ... */
		if (j < i ? j != i % LS_CACHE_SLOTS : i >= LS_CACHE_SLOTS)
			alone = false;
	}
	*distinct = seen;
	return alone;
}

static int type_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(cached) / sizeof(cached[0]); i++) {
		if (!strcmp(cached[i].name, name))
			return cached[i].type;
	}
	return -1;
}

/* Every local-storage map alive and its slot, as CSV. */
static int slots_print(void)
{
	struct ls_slot_rec *recs;
	struct bpf_map_info info;
	unsigned int i, nr;
	char why[256];
	int fd;

	if (ls_slots_all(&recs, &nr, why, sizeof(why))) {
		fprintf(stderr, "lsbench slots: %s\n", why);
		return 1;
	}
	printf("id,type,name,slot\n");
	for (i = 0; i < nr; i++) {
		fd = bpf_map_get_fd_by_id(recs[i].id);
		if (fd < 0 || ls_map_info(fd, &info))
			info.name[0] = 0; /* gone since */
		if (fd >= 0)
			close(fd);
		printf("%u,%s,%s,%u\n", recs[i].id, cached_name(recs[i].type) ?: "?", info.name,
		       recs[i].slot);
	}
	free(recs);
	return 0;
}

static int rec_by_id(const void *a, const void *b)
{
	const struct ls_slot_rec *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/*
 * One row of lsbench slots' CSV ("id,type,name,slot") into rec; false when it
 * is not one.
 */
static bool row_parse(char *line, struct ls_slot_rec *rec)
{
	char *type = strchr(line, ','), *name = type ? strchr(type + 1, ',') : NULL;
	char *slot = name ? strchr(name + 1, ',') : NULL, *end;
	unsigned long id, s;
	int t;

	if (!slot)
		return false;
	*type++ = *name = 0;
	t = type_by_name(type);
	id = strtoul(line, &end, 10);
	if (*end || end == line || t < 0)
		return false;
	s = strtoul(slot + 1, &end, 10);
	if ((*end && *end != '\n') || end == slot + 1 || s >= LS_CACHE_SLOTS)
		return false;
	*rec = (struct ls_slot_rec){ .id = id, .type = t, .slot = s };
	return true;
}

/* The rows of @path, as *recs (malloc'd, *n); 0, or 2 having said why. */
static int file_read(const char *path, struct ls_slot_rec **recs, unsigned int *n)
{
	FILE *f = fopen(path, "r");
	unsigned int line = 1, cap = 0;
	char buf[512];
	void *grown;

	*recs = NULL;
	*n = 0;
	if (!f || !fgets(buf, sizeof(buf), f) || strcmp(buf, "id,type,name,slot\n")) {
		fprintf(stderr, "lsbench slots: %s: %s\n", path,
			f ? "not a CSV of lsbench slots" : strerror(errno));
		goto fail;
	}
	while (fgets(buf, sizeof(buf), f)) {
		line++;
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			grown = realloc(*recs, cap * sizeof(**recs));
			if (!grown) {
				fprintf(stderr, "lsbench slots: %s: out of memory\n", path);
				goto fail;
			}
			*recs = grown;
		}
		if (!row_parse(buf, &(*recs)[*n])) {
			fprintf(stderr, "lsbench slots: %s:%u: not a row of lsbench slots\n", path,
				line);
			goto fail;
		}
		++*n;
	}
	fclose(f);
	return 0;
fail:
	if (f)
		fclose(f);
	free(*recs);
	return 2;
}

/*
 * --layout TYPE FILE: FILE's maps of TYPE, made in id order, judged by
 * ls_slots_as_alone: prints "MAPS DISTINCT alone" or "MAPS DISTINCT shared".
 */
static int slots_layout(const char *type, const char *path)
{
	unsigned int i, n, k = 0, distinct = 0;
	struct ls_slot_rec *recs;
	int t = type_by_name(type), *slots;
	bool alone;

	if (t < 0) {
		fprintf(stderr,
			"lsbench slots: --layout wants task_storage, sk_storage, "
			"inode_storage or cgrp_storage (got '%s')\n",
			type);
		return 2;
	}
	if (file_read(path, &recs, &n))
		return 2;
	qsort(recs, n, sizeof(*recs), rec_by_id);
	slots = calloc(n ?: 1, sizeof(*slots));
	if (!slots) {
		free(recs);
		fprintf(stderr, "lsbench slots: out of memory\n");
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (recs[i].type == (__u32)t)
			slots[k++] = recs[i].slot;
	}
	alone = ls_slots_as_alone(slots, k, &distinct);
	printf("%u %u %s\n", k, distinct, alone ? "alone" : "shared");
	free(slots);
	free(recs);
	return 0;
}

struct slots_opts {
	const char *layout; /* a map type: --layout's */
};

static const struct ls_cli_opt slots_opts[] = {
	{ "--layout", 0, "TYPE",
	  "whether FILE's maps of TYPE (a CSV of slots, as lsbench slots prints), made in id "
	  "order, hold the slots they would alone: prints MAPS DISTINCT alone|shared",
	  LS_CLI_STR, LS_CLI_AT(struct slots_opts, layout), .what = "a map type" },
	{},
};

static const struct ls_cli_cmd slots_cmd = {
	.name = "slots",
	.synopsis = "\n--layout TYPE FILE",
	.desc = "Every local-storage map alive and the slot of the per-owner cache it holds, as "
		"CSV (root).",
	.opts = slots_opts,
	.max_args = 1,
};

int ls_slots_main(int argc, char **argv)
{
	struct slots_opts o = {};
	int pos, ret = ls_cli_main(&slots_cmd, argc, argv, &o, &pos);

	if (ret >= 0)
		return ret;
	if (!o.layout && pos < argc)
		return ls_cli_error(&slots_cmd, "unexpected argument '%s'", argv[pos]);
	if (o.layout && pos == argc)
		return ls_cli_error(&slots_cmd, "--layout TYPE needs a FILE of slots");
	return o.layout ? slots_layout(o.layout, argv[pos]) : slots_print();
}
