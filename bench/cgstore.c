// SPDX-License-Identifier: GPL-2.0
/*
 * Cgroup storage (bpf_get_local_storage) beyond one private cgroup: the store
 * maps made by the runner with the cell's key, value size and flags; the
 * program attached to every owner cgroup, which allocates each its storage; a
 * socket born in each, for cgroup/getsockopt; and the operations user space
 * has on those storages: lookup, update, a walk of every key, and attaching.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "scenarios.h"

/* The attach type of the cgstore programs (cgroup/getsockopt). */
#define CGSTORE_ATTACH BPF_CGROUP_GETSOCKOPT

struct ls_cgstore {
	int *socks; /* per owner cgroup (and producer, per_thread): a UDP socket born in it, or -1
		     */
	unsigned int per_cgroup; /* sockets per cgroup */
	struct bpf_cgroup_storage_key *keys; /* per owner cgroup */
	char *vals; /* per producer: one value of every possible CPU */
	size_t val_len;
	unsigned int n;
};

/* The highest NUMA node online, from /sys ("0", "0-1", "0,2-3"); 0 when unknown. */
static int numa_last_node(void)
{
	FILE *f = fopen("/sys/devices/system/node/online", "r");
	char buf[256], *p;
	int last = 0;

	if (!f)
		return 0;
	if (fgets(buf, sizeof(buf), f)) {
		p = buf + strcspn(buf, "\n");
		*p = 0;
		while (p > buf && p[-1] >= '0' && p[-1] <= '9')
			p--;
		last = atoi(p);
	}
	fclose(f);
	return last;
}

/* Makes map name of obj by hand, with the cell's key, value size and flags, for libbpf to use. */
static int make_store(struct cell *c, struct bpf_object *obj, const char *name, int node)
{
	LIBBPF_OPTS(bpf_map_create_opts, opts, .map_flags = c->sc->map_flags);
	struct bpf_map *map = bpf_object__find_map_by_name(obj, name);
	__u32 key_size = c->sc->arg & LS_ARG_KEY_ID ? sizeof(__u64)
						    : sizeof(struct bpf_cgroup_storage_key);
	int fd, err;

	if (!map)
		return ls_cell_fail(c, -ENOENT, "BPF object has no map %s", name);
	opts.numa_node = node;
	fd = bpf_map_create(bpf_map__type(map), name, key_size, c->value_size, 0, &opts);
	if (fd < 0)
		return ls_cell_fail(c, -errno,
				    "cannot make %s (key %u, value %u bytes, flags %#x): %s", name,
				    key_size, c->value_size, c->sc->map_flags, strerror(errno));
	err = bpf_map__reuse_fd(map, fd);
	close(fd); /* libbpf holds its own copy */
	if (err)
		return ls_cell_fail(c, err, "cannot use %s: %s", name, strerror(-err));
	return 0;
}

int ls_cgstore_maps(struct cell *c, struct bpf_object *obj)
{
	int node = -1, err;

	if (c->sc->map_flags & BPF_F_NUMA_NODE) {
		node = numa_last_node();
		if (!node) {
			c->status = LS_UNSUPPORTED;
			snprintf(c->reason, sizeof(c->reason),
				 "one NUMA node online: BPF_F_NUMA_NODE has no other node to "
				 "place the storage on");
			return -EOPNOTSUPP;
		}
	}
	err = make_store(c, obj, "pcpu_store", node);
	return err ?: make_store(c, obj, "shared_store", node);
}

/* The cell's map: per-CPU, or shared, as its scenario's map type says. */
static int pick_map(struct cell *c)
{
	const char *name = strcmp(c->sc->map_type, "cgroup_storage") ? "pcpu_store"
								     : "shared_store";
	struct bpf_map *map = bpf_object__find_map_by_name(c->type->obj(c->skel), name);

	c->map_fd = map ? bpf_map__fd(map) : -1;
	if (c->map_fd < 0)
		return ls_cell_fail(c, -ENOENT, "BPF object has no map %s", name);
	return 0;
}

static int *fds_alloc(unsigned int n)
{
	int *fds = malloc(n * sizeof(*fds));
	unsigned int i;

	for (i = 0; fds && i < n; i++)
		fds[i] = -1;
	return fds;
}

/* Every owner's key, and a value buffer per producer as large as a per-CPU lookup writes. */
static int state_alloc(struct cell *c, struct ls_cgstore *s)
{
	int ncpu = libbpf_num_possible_cpus();
	unsigned int i;
	struct stat st;

	if (ncpu < 0)
		return ls_cell_fail(c, ncpu, "cannot count possible CPUs: %s", strerror(-ncpu));
	s->n = c->owners.n;
	s->val_len = ((c->value_size + 7) & ~7u) * (size_t)ncpu;
	s->keys = calloc(s->n, sizeof(*s->keys));
	s->vals = calloc(c->threads, s->val_len);
	s->per_cgroup = c->type->socket_per_thread ? c->threads : 1;
	s->socks = fds_alloc(s->n * s->per_cgroup);
	if (!s->keys || !s->vals || !s->socks)
		return ls_cell_fail(c, -ENOMEM, "out of memory for %u cgroups", s->n);
	for (i = 0; i < s->n; i++) {
		if (fstat(c->owners.fds[i], &st))
			return ls_cell_fail(c, -errno, "cgroup %u: %s", i, strerror(errno));
		s->keys[i].cgroup_inode_id = st.st_ino; /* cgroup v2: the cgroup id */
		s->keys[i].attach_type = CGSTORE_ATTACH;
	}
	return 0;
}

/*
 * The program on every owner cgroup: each attach allocates the cgroup its
 * storage in every cgroup-storage map the program uses. What the maps'
 * memory cgroup was charged for them is the storage of one cgroup. The
 * owners' fds are closed then (their keys are taken): 10 000 cgroups and
 * 10 000 sockets fit a limit of 20 000 open files. Removing a cgroup detaches
 * the program (and a run killed leaves cgroups the next one removes).
 */
static int attach_each(struct cell *c, struct ls_cgstore *s)
{
	long long before = c->weigh_cg ? ls_memcg_usage(c->weigh_cg) : -1, after;
	struct ls_cgroup *cgs = c->owners.priv;
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		if (i == 0 && ls_fault("unattached"))
			continue;
		if (bpf_prog_attach(c->prog_fd, c->owners.fds[i], CGSTORE_ATTACH,
				    BPF_F_ALLOW_MULTI))
			return ls_cell_fail(c, -errno, "attaching to cgroup %u of %u: %s", i + 1,
					    s->n, strerror(errno));
	}
	after = before >= 0 ? ls_memcg_usage(c->weigh_cg) : -1;
	if (after >= 0 && s->n >= LS_MEM_MIN_ELEMS && ls_scenario_has_map(c->sc))
		c->bytes_per_elem = (double)(after - before) / s->n;
	for (i = 0; i < s->n; i++) {
		close(cgs[i].fd);
		cgs[i].fd = c->owners.fds[i] = -1;
	}
	return 0;
}

/* A UDP socket born in each owner cgroup: cgroup/getsockopt runs that cgroup's programs. */
static int sockets_in_cgroups(struct cell *c, struct ls_cgstore *s)
{
	struct ls_cgroup *cgs = c->owners.priv;
	unsigned int i, j, k = s->per_cgroup;
	int err = ls_nofile_reserve(s->n * k, c->reason, sizeof(c->reason));

	for (i = 0; !err && i < s->n; i++) {
		err = ls_cgroup_enter(&cgs[i], c->reason, sizeof(c->reason));
		if (err)
			break;
		for (j = 0; !err && j < k; j++) {
			s->socks[i * k + j] = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
			err = s->socks[i * k + j] < 0 ? -errno : 0;
		}
		if (ls_cgroup_leave(&cgs[i]))
			return ls_cell_fail(c, -EIO, "cannot move back from cgroup %s",
					    cgs[i].path);
		if (err)
			return ls_cell_fail(c, err, "socket in cgroup %u of %u: %s", i + 1, s->n,
					    strerror(-err));
	}
	if (err) /* the open-file limit: a limit of the machine, or a failure */
		c->status = err == -EPERM ? LS_UNSUPPORTED : LS_FAILED;
	return err;
}

int ls_cgstore_owners(struct cell *c)
{
	const struct ls_type *t = c->type;
	struct ls_cgstore *s;
	int err;

	err = pick_map(c);
	if (err || t->owners != LS_OWN_CGROUPS)
		return err;
	s = calloc(1, sizeof(*s));
	if (!s)
		return ls_cell_fail(c, -ENOMEM, "out of memory");
	c->cgstore = s;
	err = state_alloc(c, s);
	if (!err && t->attach == LS_ATTACH_EACH)
		err = attach_each(c, s);
	if (!err && t->cgroup_sockets)
		err = sockets_in_cgroups(c, s);
	return err;
}

void ls_cgstore_release(struct cell *c)
{
	struct ls_cgstore *s = c->cgstore;

	if (!s)
		return;
	if (s->socks)
		ls_fds_close(s->socks, s->n * s->per_cgroup);
	free(s->keys);
	free(s->vals);
	free(s);
	c->cgstore = NULL;
}

/* getsockopt on the next cgroup's socket: the producer's own where each has one. */
bool ls_trigger_cgroup_sockopt(struct ls_thread *t)
{
	const struct ls_cgstore *s = t->cell->cgstore;
	unsigned int k = s->per_cgroup, i = ls_next_owner(t) * k + (k > 1 ? t->id : 0);
	socklen_t len;
	int v;

	len = sizeof(v);
	return !getsockopt(s->socks[i], LS_SOCKOPT_LEVEL, LS_SOCKOPT_NAME, &v, &len);
}

/* The producer's value buffer. */
static inline void *val_buf(struct ls_thread *t)
{
	const struct ls_cgstore *s = t->cell->cgstore;

	return s->vals + (size_t)t->id * s->val_len;
}

/* A key is the 16-byte struct, or its first 8 bytes, the cgroup id, alone. */
bool ls_trigger_cgstore_lookup(struct ls_thread *t)
{
	const struct cell *c = t->cell;

	if (bpf_map_lookup_elem(c->map_fd, &c->cgstore->keys[ls_next_owner(t)], val_buf(t)))
		return ls_user_op(t, errno == ENOENT ? &t->user.misses : &t->user.failures);
	return ls_user_op(t, &t->user.hits);
}

bool ls_trigger_cgstore_update(struct ls_thread *t)
{
	const struct cell *c = t->cell;

	if (bpf_map_update_elem(c->map_fd, &c->cgstore->keys[ls_next_owner(t)], val_buf(t),
				BPF_EXIST))
		return ls_user_op(t, &t->user.failures);
	return ls_user_op(t, &t->user.hits);
}

/* One walk of every key with BPF_MAP_GET_NEXT_KEY: a hit when it found every owner's. */
bool ls_trigger_cgstore_walk(struct ls_thread *t)
{
	const struct cell *c = t->cell;
	struct bpf_cgroup_storage_key key, next;
	unsigned int n = 0;

	while (!bpf_map_get_next_key(c->map_fd, n ? &key : NULL, &next)) {
		key = next;
		n++;
	}
	if (errno != ENOENT || n != c->owners.n)
		return ls_user_op(t, &t->user.failures);
	return ls_user_op(t, &t->user.hits);
}

/* The program attached to the next owner cgroup by a link, then detached. */
bool ls_trigger_cgstore_attach(struct ls_thread *t)
{
	const struct cell *c = t->cell;
	int fd = bpf_link_create(c->prog_fd, c->owners.fds[ls_next_owner(t)], CGSTORE_ATTACH, NULL);

	if (fd < 0)
		return ls_user_op(t, &t->user.failures);
	close(fd);
	return ls_user_op(t, &t->user.hits);
}
