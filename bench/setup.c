// SPDX-License-Identifier: GPL-2.0
/*
 * Setting a cell up: the owners it triggers on, the private cgroup, the BPF
 * object loaded and attached, and the elements a hit needs; and the triggers
 * that run on those owners.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <arpa/inet.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bighash.h"
#include "bpfutil.h"
#include "cellmaps.h"
#include "mapcensus.h"
#include "scenarios.h"

static int owners_alloc(struct cell *c, unsigned int n)
{
	unsigned int i;

	c->owners.fds = malloc(n * sizeof(*c->owners.fds));
	if (!c->owners.fds)
		return ls_cell_fail(c, -ENOMEM, "out of memory for %u owners", n);
	for (i = 0; i < n; i++)
		c->owners.fds[i] = -1;
	c->owners.n = n;
	return 0;
}

/* pidfd of this process: the task user-space operations key on. */
static int owners_task(struct cell *c)
{
	int err = owners_alloc(c, 1);

	if (err)
		return err;
	c->owners.fds[0] = syscall(SYS_pidfd_open, getpid(), 0);
	if (c->owners.fds[0] < 0)
		return ls_cell_fail(c, -errno, "pidfd_open: %s", strerror(errno));
	return 0;
}

/* The sink: a UDP socket on 127.0.0.1 that datagrams go to and queue at, then drop. */
static int sink_create(struct cell *c)
{
	struct sockaddr_in *a = &c->owners.sink;
	socklen_t len = sizeof(*a);
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	c->owners.sink_fd = fd;
	a->sin_family = AF_INET;
	a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd < 0 || bind(fd, (struct sockaddr *)a, sizeof(*a)) ||
	    getsockname(fd, (struct sockaddr *)a, &len))
		return ls_cell_fail(c, -errno, "cannot set up a loopback UDP sink: %s",
				    strerror(errno));
	return 0;
}

static int owners_sockets(struct cell *c)
{
	int type = c->sc->arg & LS_ARG_TCP ? SOCK_STREAM : SOCK_DGRAM;
	int err = c->sc->arg & LS_ARG_SINK ? sink_create(c) : 0;

	if (err)
		return err;

	c->owners.fds = ls_sockets_create(c->nr_objects, type, c->reason, sizeof(c->reason));
	if (!c->owners.fds) {
		/* a limit of the machine, not a fault of the cell */
		c->status = errno == EPERM ? LS_UNSUPPORTED : LS_FAILED;
		return -EMFILE;
	}
	c->owners.n = c->nr_objects;
	return 0;
}

/* The private folder first: programs filter on its inode number. */
static int files_init(struct cell *c)
{
	struct ls_files *f = calloc(1, sizeof(*f));
	int err;

	if (!f)
		return ls_cell_fail(c, -ENOMEM, "out of memory");
	c->owners.priv = f;
	err = ls_files_init(f, c->reason, sizeof(c->reason));
	if (err) {
		c->status = LS_FAILED;
		return err;
	}
	c->owners.dir_fd = f->dir_fd;
	return 0;
}

static int prime_one(struct cell *c, unsigned int i, int fd);

static int prime_file(unsigned int i, int fd, void *arg)
{
	return prime_one(arg, i, fd);
}

/*
 * The files themselves. Operations from user space key on open fds; the
 * programs reach files by name, so those are primed while open, then closed.
 */
static int owners_files(struct cell *c)
{
	struct ls_files *f = c->owners.priv;
	bool keep_open = c->sc->user_counts;
	int err;

	err = ls_files_populate(f, c->nr_objects, keep_open, keep_open ? NULL : prime_file, c,
				c->reason, sizeof(c->reason));
	c->owners.fds = f->fds;
	c->owners.n = f->n;
	c->owners.names = f->names;
	if (err && c->status == LS_OK) /* the open-file limit: the machine's, or a failure */
		c->status = err == -EPERM ? LS_UNSUPPORTED : LS_FAILED;
	return err;
}

/*
 * Making and priming files opens them in the private folder, which an
 * attached lsm/file_open program counts as triggers: those are setup's, not
 * the producers', so every CPU's counters start again from zero.
 */
static int counters_restart(struct cell *c)
{
	struct ls_counters *zero;
	int ncpu = libbpf_num_possible_cpus(), err = 0;
	__u32 key = 0;

	if (c->counters_fd < 0)
		return 0;
	if (ncpu < 0)
		return ls_cell_fail(c, ncpu, "cannot count CPUs: %s", strerror(-ncpu));
	zero = calloc(ncpu, sizeof(*zero));
	if (!zero)
		return ls_cell_fail(c, -ENOMEM, "out of memory");
	if (bpf_map_update_elem(c->counters_fd, &key, zero, BPF_ANY))
		err = ls_cell_fail(c, -errno, "cannot reset the counters: %s", strerror(errno));
	free(zero);
	return err;
}

/* n parked threads, reached by thread id. */
static int owners_threads(struct cell *c)
{
	struct ls_threads *t = calloc(1, sizeof(*t));
	int err;

	if (!t)
		return ls_cell_fail(c, -ENOMEM, "out of memory");
	err = ls_threads_create(t, c->nr_objects, c->reason, sizeof(c->reason));
	if (err) {
		free(t);
		c->status = LS_FAILED;
		return err;
	}
	c->owners.priv = t;
	c->owners.n = t->n;
	return 0;
}

/* n private cgroups, each open, as owners by fd or by id. */
static int owners_cgroups(struct cell *c)
{
	struct ls_cgroup *cgs = calloc(c->nr_objects, sizeof(*cgs));
	unsigned int i;
	char tag[32];
	int err;

	if (!cgs)
		return ls_cell_fail(c, -ENOMEM, "out of memory");
	c->owners.priv = cgs;
	err = owners_alloc(c, c->nr_objects);
	for (i = 0; !err && i < c->nr_objects; i++) {
		if (ls_workloads_stopped())
			return ls_cell_fail(c, -EINTR, "interrupted after %u of %u cgroups", i,
					    c->nr_objects);
		snprintf(tag, sizeof(tag), "owner%u", i);
		err = ls_cgroup_create(&cgs[i], tag, c->reason, sizeof(c->reason));
		if (err)
			c->status = LS_FAILED;
		else
			c->owners.fds[i] = cgs[i].fd;
	}
	return err;
}

static void owners_free(struct cell *c)
{
	const struct ls_type *t = c->type;

	unsigned int i;

	if (t->owners == LS_OWN_THREADS && c->owners.priv) {
		ls_threads_destroy(c->owners.priv);
	} else if (t->owners == LS_OWN_FILES && c->owners.priv) {
		ls_files_destroy(c->owners.priv); /* and the fds it opened */
	} else if (t->owners == LS_OWN_CGROUPS && c->owners.priv) {
		struct ls_cgroup *cgs = c->owners.priv;

		for (i = 0; i < c->owners.n; i++) {
			if (*cgs[i].path)
				ls_cgroup_destroy(&cgs[i]);
		}
		free(c->owners.fds);
	} else {
		ls_fds_close(c->owners.fds, c->owners.n);
	}
	if (c->owners.sink_fd >= 0)
		close(c->owners.sink_fd);
	free(c->owners.priv);
	memset(&c->owners, 0, sizeof(c->owners));
	c->owners.dir_fd = -1;
	c->owners.sink_fd = -1;
}

static int enter_private_cgroup(struct cell *c)
{
	int err = ls_cgroup_create(&c->cg, "run", c->reason, sizeof(c->reason));

	if (!err)
		err = ls_cgroup_enter(&c->cg, c->reason, sizeof(c->reason));
	if (err) {
		c->status = LS_FAILED;
		return err;
	}
	c->cgroup_fd = c->cg.fd;
	return 0;
}

/*
 * The listener, in the private cgroup, before the programs load: they filter
 * on its port, and the sockets it accepts are born in its cgroup, where
 * sockops programs attach. Its storage is primed once the maps exist.
 */
static int owners_listener(struct cell *c)
{
	int err = enter_private_cgroup(c) ?: owners_alloc(c, 1);

	if (err)
		return err;
	c->owners.fds[0] = ls_listener_create(&c->owners.sink, c->reason, sizeof(c->reason));
	if (c->owners.fds[0] < 0) {
		err = c->owners.fds[0];
		c->owners.fds[0] = -1;
		c->status = LS_FAILED;
	}
	return err;
}

/*
 * The hash controls' key for owner i: what the BPF side reads. A socket's is
 * its mark, set here to i + 1 (cgroup/getsockopt programs cannot ask for the
 * socket cookie); a file's, its inode number.
 */
static int owner_key(const struct ls_type *t, unsigned int i, int fd, __u64 *key)
{
	__u32 mark = i + 1;
	struct stat st;

	if (t->owners == LS_OWN_SOCKETS) {
		*key = mark;
		return setsockopt(fd, SOL_SOCKET, SO_MARK, &mark, sizeof(mark)) ? -errno : 0;
	}
	if (fstat(fd, &st))
		return -errno;
	*key = st.st_ino;
	return 0;
}

/*
 * Creates, from user space, the elements a hit on owner i (open as fd) needs:
 * zero in the storage map, the map's index + 1 in each map of a map-count
 * sweep (programs that read the value check it).
 */
static int prime_one(struct cell *c, unsigned int i, int fd)
{
	const struct ls_type *t = c->type;
	struct ls_val4096 zero = {}, val = {}; /* as large as any value */
	__u64 key;
	int err;

	unsigned int m;

	if ((c->sc->arg & LS_ARG_PRIME_STORE) && !c->nr_inner &&
	    bpf_map_update_elem(c->map_fd, &fd, &zero, BPF_NOEXIST))
		return ls_cell_fail(c, -errno, "priming %s of owner %u: %s", t->map_name, i,
				    strerror(errno));
	for (m = 0; (c->sc->arg & LS_ARG_PRIME_STORE) && m < c->nr_inner; m++) {
		val.v[0] = m + 1;
		if (bpf_map_update_elem(c->inner_fds[m], &fd, &val, BPF_NOEXIST))
			return ls_cell_fail(c, -errno, "priming map %u of owner %u: %s", m + 1, i,
					    strerror(errno));
	}
	if (!(c->sc->arg & LS_ARG_PRIME_HASH))
		return 0;
	err = c->hash_fd >= 0 ? owner_key(t, i, fd, &key) : -ENOENT;
	if (!err && bpf_map_update_elem(c->hash_fd, &key, &zero, BPF_NOEXIST))
		err = -errno;
	if (err)
		return ls_cell_fail(c, err, "priming the hash control of owner %u: %s", i,
				    strerror(-err));
	return 0;
}

/* The private cgroup's own element, for programs that reach it through the task. */
static int prime_cgroup(struct cell *c)
{
	__u64 zero = 0;

	if (bpf_map_update_elem(c->map_fd, &c->cg.fd, &zero, BPF_NOEXIST))
		return ls_cell_fail(c, -errno, "priming the private cgroup: %s", strerror(errno));
	return 0;
}

/*
 * Primes every owner held open by fd. With enough storage elements made so
 * (LS_MEM_MIN_ELEMS), what their maps' memory cgroup was charged over them is
 * the memory one element takes: its value, its bookkeeping, its share of the
 * owner's storage.
 */
static int prime_fds(struct cell *c)
{
	unsigned int i, maps = c->nr_inner ?: 1;
	long long before = -1, after;
	int err = 0;

	/* Tests only: a cell whose hits find no storage, which its cross-check must fail. */
	if (ls_fault("unprimed"))
		return 0;
	if (c->weigh_cg && c->owners.fds && (c->sc->arg & (LS_ARG_PRIME_STORE | LS_ARG_PRIME_HASH)))
		before = ls_memcg_usage(c->weigh_cg);
	for (i = 0; c->owners.fds && i < c->owners.n && !err; i++)
		err = prime_one(c, i, c->owners.fds[i]);
	after = before >= 0 && !err ? ls_memcg_usage(c->weigh_cg) : -1;
	if (after >= 0)
		c->bytes_per_elem = (double)(after - before) / ((double)c->owners.n * maps);
	return err;
}

static int load(struct cell *c, const struct ls_type *t)
{
	struct ls_maps_spec spec;
	struct bpf_object *obj;
	bool sweep;
	struct ls_config *cfg;
	struct bpf_map *map;
	void *skel;
	int err;

	skel = t->open();
	if (!skel)
		return ls_cell_fail(c, -errno, "cannot open the %s BPF object: %s", t->map_name,
				    strerror(errno));
	c->skel = skel;
	c->skel_destroy = t->destroy;
	obj = t->obj(skel);
	cfg = t->cfg(skel);
	cfg->target_tgid = getpid();
	cfg->mode = c->mode;
	cfg->loop_iters = c->loop_iters;
	cfg->trigger_nr = c->sc->sockopt_filter ? LS_SOCKOPT_NAME : LS_TRIGGER_NR;
	cfg->trigger_level = LS_SOCKOPT_LEVEL;
	cfg->prime_nr = LS_PRIME_NR;
	cfg->prime_pid = LS_PRIME_PID;
	cfg->nr_maps = c->nr_maps;
	cfg->interleave = !!(c->sc->arg & LS_ARG_INTERLEAVE);
	cfg->value_size = c->value_size;
	cfg->nr_owners = c->sc->arg & LS_ARG_BYID ? c->nr_objects : 0;
	cfg->time_ops = c->time_ops;
	cfg->slowdown_pct = c->slowdown_pct;
	cfg->hash_keys = LS_RANDOM_KEYS;
	if (t->owners == LS_OWN_FILES)
		cfg->dir_ino = ((struct ls_files *)c->owners.priv)->dir_ino;
	if (t->owners == LS_OWN_LISTENER)
		cfg->listen_port = ntohs(c->owners.sink.sin_port);

	sweep = c->sc->arg & (LS_ARG_MAPS | LS_ARG_HASH_MAPS | LS_ARG_BIG_HASH);
	if (sweep) {
		err = ls_big_hash_room(c) ?: ls_maps_spec(c, t, obj, &spec);
		if (err)
			return err;
	}
	err = t->cgstore_maps ? ls_cgstore_maps(c, obj) : 0;
	err = err ?: ls_census_before_load(c, obj);
	err = err ?: ls_obj_load_attach(c, obj);
	err = err ?: ls_census_before_fill(c, obj);
	if (err)
		return err;
	map = t->store_map ? bpf_object__find_map_by_name(obj, t->store_map) : NULL;
	c->map_fd = map ? bpf_map__fd(map) : -1;
	if (t->store_map && c->map_fd < 0 && (!map || bpf_map__autocreate(map)))
		return ls_cell_fail(c, -ENOENT, "BPF object has no map %s", t->store_map);
	map = t->hash_map ? bpf_object__find_map_by_name(obj, t->hash_map) : NULL;
	c->hash_fd = map ? bpf_map__fd(map) : -1;
	err = sweep ? ls_maps_fill(c, obj, &spec) : 0;
	return err ?: ls_big_hash_fill(c);
}

/* The ids the programs reach owners by: thread ids, or cgroup ids (their inode numbers). */
static int fill_owner_ids(struct cell *c, const struct ls_type *t)
{
	struct bpf_map *map = bpf_object__find_map_by_name(t->obj(c->skel), "owner_ids");
	int fd = map ? bpf_map__fd(map) : -1;
	unsigned int i;
	struct stat st;
	__u64 id;

	if (fd < 0)
		return ls_cell_fail(c, -ENOENT, "BPF object has no owner_ids map");
	if (c->owners.n > LS_MAX_OWNERS)
		return ls_cell_fail(c, -E2BIG, "owners reached by id are at most %u",
				    LS_MAX_OWNERS);
	for (i = 0; i < c->owners.n; i++) {
		if (t->owners == LS_OWN_THREADS) {
			id = ((struct ls_threads *)c->owners.priv)->tids[i];
		} else {
			if (fstat(c->owners.fds[i], &st))
				return ls_cell_fail(c, -errno, "cgroup %u: %s", i, strerror(errno));
			id = st.st_ino;
		}
		if (bpf_map_update_elem(fd, &i, &id, BPF_ANY))
			return ls_cell_fail(c, -errno, "owner id %u: %s", i, strerror(errno));
	}
	return 0;
}

/*
 * Whether the cell makes enough storage elements from user space, on owners
 * held by fd, before measuring, to tell what one element takes. (Elements
 * the programs make are charged as BPF's allocator refills its caches, out
 * of step with the priming: not weighed.)
 */
static bool weighs_elements(const struct cell *c, const struct ls_type *t)
{
	if ((unsigned long long)c->nr_objects * c->nr_maps < LS_MEM_MIN_ELEMS)
		return false;
	if (t->attach == LS_ATTACH_EACH)
		return true; /* each attach allocates a cgroup its storage */
	return (c->sc->arg & LS_ARG_PRIME_STORE) &&
	       (t->owners == LS_OWN_SOCKETS || t->owners == LS_OWN_CGROUPS ||
		(t->owners == LS_OWN_FILES && c->sc->user_counts));
}

/*
 * Maps charge elements to the memory cgroup that created them: the process
 * enters one of its own before the maps are made. In the v1 memory hierarchy
 * that is a cgroup apart; in cgroup v2, the process may already be in the
 * private cgroup its programs attach to, which then weighs. Without a memory
 * cgroup the cell runs unweighed.
 */
static void weigh_in(struct cell *c)
{
	char why[256];

	if (ls_memcg_create(&c->mcg, "mem", why, sizeof(why))) {
		if (c->verbose)
			fprintf(stderr, "lsbench: %s: bytes_per_elem not measured\n", why);
		return;
	}
	if (!c->mcg.v1_memory && *c->cg.path) {
		ls_cgroup_destroy(&c->mcg);
		if (ls_memcg_usage(&c->cg) >= 0)
			c->weigh_cg = &c->cg;
		return;
	}
	if (ls_cgroup_enter(&c->mcg, why, sizeof(why))) {
		fprintf(stderr, "lsbench: %s: bytes_per_elem not measured\n", why);
		ls_cgroup_destroy(&c->mcg);
		return;
	}
	c->weigh_cg = &c->mcg;
}

/*
 * In this order: what the programs filter on (the private cgroup, which
 * sockets must be created in; the files' folder; the listener's port), the
 * BPF object, then the owners and the elements their hits need.
 */
int ls_setup(struct cell *c)
{
	const struct ls_type *t = c->sc->type;
	int err = 0;

	c->type = t;
	c->owners.dir_fd = -1;
	c->owners.sink_fd = -1;
	if (!ls_map_type_check(c, t->map_type, t->map_name))
		return -EOPNOTSUPP;
	if (t->owners == LS_OWN_CGROUP ||
	    (t->owners == LS_OWN_SOCKETS && ls_scenario_has_prog(c->sc)))
		err = enter_private_cgroup(c);
	else if (t->owners == LS_OWN_FILES)
		err = files_init(c);
	else if (t->owners == LS_OWN_LISTENER)
		err = owners_listener(c);
	if (!err && weighs_elements(c, t))
		weigh_in(c);
	err = err ?: load(c, t);
	if (err)
		return err;
	switch (t->owners) {
	case LS_OWN_TASK:
		if (c->sc->user_counts)
			err = owners_task(c);
		break;
	case LS_OWN_CGROUP:
	case LS_OWN_LISTENER:
		break;
	case LS_OWN_SOCKETS:
		err = owners_sockets(c);
		break;
	case LS_OWN_FILES:
		err = owners_files(c);
		break;
	case LS_OWN_CGROUPS:
		err = owners_cgroups(c);
		break;
	case LS_OWN_THREADS:
		err = owners_threads(c);
		break;
	}
	if (!err && (c->sc->arg & LS_ARG_BYID))
		err = fill_owner_ids(c, t);
	if (!err && (c->sc->arg & LS_ARG_PRIME_CGROUP))
		err = prime_cgroup(c);
	err = err ?: prime_fds(c);
	if (!err && t->cgstore_maps)
		err = ls_cgstore_owners(c);
	if (!err && t->owners == LS_OWN_FILES)
		err = counters_restart(c);
	if (!err)
		ls_census_take(c);
	return err;
}

void ls_teardown(struct cell *c)
{
	ls_census_release(c);
	ls_cgstore_release(c);
	bpf_link__destroy(c->link);
	c->link = NULL;
	bpf_link__destroy(c->aside_link);
	c->aside_link = NULL;
	ls_maps_close(c);
	if (c->skel)
		c->skel_destroy(c->skel);
	c->skel = NULL;
	if (c->type)
		owners_free(c);
	if (*c->cg.path)
		ls_cgroup_destroy(&c->cg);
	if (*c->mcg.path)
		ls_cgroup_destroy(&c->mcg);
	c->weigh_cg = NULL;
	c->cgroup_fd = -1;
}
