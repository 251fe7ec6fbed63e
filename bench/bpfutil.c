// SPDX-License-Identifier: GPL-2.0
/* Loading, attaching and reading the counters of the suite's BPF objects. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpfutil.h"
#include "probe.h"
#include "hist.h"
#include "scenarios.h"

#define LOG_SIZE (64 * 1024)
#define ENOTSUPP_KERNEL 524 /* the kernel's ENOTSUPP, not in user-space errno.h */

static bool log_verbose;
static char log_buf[LOG_SIZE];
static size_t log_len;

static int print_fn(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	if (level == LIBBPF_DEBUG && !log_verbose)
		return 0;
	va_copy(copy, ap);
	n = vsnprintf(log_buf + log_len, LOG_SIZE - log_len, fmt, copy);
	va_end(copy);
	if (n > 0)
		log_len = log_len + n < LOG_SIZE ? log_len + n : LOG_SIZE - 1;
	if (log_verbose)
		return vfprintf(stderr, fmt, ap);
	return 0;
}

void ls_bpf_init(bool verbose)
{
	log_verbose = verbose;
	libbpf_set_print(print_fn);
}

bool ls_map_type_check(struct cell *c, int type, const char *name)
{
	int ret = libbpf_probe_bpf_map_type(type, NULL);

	if (ret > 0)
		return true;
	c->status = LS_UNSUPPORTED;
	if (ret == 0)
		snprintf(c->reason, sizeof(c->reason), "kernel lacks map type %s", name);
	else
		snprintf(c->reason, sizeof(c->reason), "probing map type %s failed: %s", name,
			 strerror(-ret));
	return false;
}

/* The most telling line of the captured log: the verifier's last, not libbpf's guesses. */
static void log_reason(char *out, size_t len)
{
	char *line, *save = NULL, *last = NULL;

	for (line = strtok_r(log_buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (!strncmp(line, "libbpf: ", 8) || strstr(line, "-- END PROG LOAD LOG --"))
			continue;
		last = line;
	}
	snprintf(out, len, "%s", last ? last : "");
}

/* Why an LSM program may be refused, with the active LSMs where securityfs shows them. */
static void lsm_hint(char *out, size_t len)
{
	FILE *f = fopen("/sys/kernel/security/lsm", "r");
	char lsms[128] = "";

	if (f) {
		if (!fgets(lsms, sizeof(lsms), f))
			*lsms = 0;
		lsms[strcspn(lsms, "\n")] = 0;
		fclose(f);
	}
	if (*lsms)
		snprintf(out, len, "refused before verification; active LSMs: %s", lsms);
	else
		snprintf(out, len,
			 "refused before verification (BPF LSM off or not permitted; "
			 "no securityfs to tell which)");
}

/*
 * A load or attach that fails after its hook was probed is lsbench's own
 * failure, not the kernel's limit: the cell fails, with the verifier's word.
 */
static void mark_load_error(struct cell *c, const char *what, int err)
{
	char line[200];

	log_reason(line, sizeof(line));
	c->status = LS_FAILED;
	snprintf(c->reason, sizeof(c->reason), "%s %s: %s%s%s", what, ls_mode_hook(c->sc, c->mode),
		 strerror(-err), *line ? ": " : "", line);
}

/* A hook the kernel refuses (ls_probe_hook): the cell is unsupported, and why. */
static int mark_refused_hook(struct cell *c, struct bpf_program *prog, int err, const char *why)
{
	char hint[200] = "";

	if (err == -EPERM && !strncmp(bpf_program__section_name(prog), "lsm", 3))
		lsm_hint(hint, sizeof(hint));
	c->status = LS_UNSUPPORTED;
	snprintf(c->reason, sizeof(c->reason), "kernel refuses %s programs: %.100s%s%.100s",
		 ls_mode_hook(c->sc, c->mode), why, *hint ? "; " : "", hint);
	return err;
}

/* Programs that attach to a cgroup: cgroup/... sections, and sockops. */
static bool attaches_to_cgroup(const struct bpf_program *prog)
{
	const char *sec = bpf_program__section_name(prog);

	return !strncmp(sec, "cgroup", 6) || !strcmp(sec, "sockops");
}

/* The program on its hook, or on the private cgroup for cgroup programs. */
static int attach(struct cell *c, struct bpf_program *prog)
{
	int err;

	if (c->cgroup_fd >= 0 && attaches_to_cgroup(prog))
		c->link = bpf_program__attach_cgroup(prog, c->cgroup_fd);
	else
		c->link = bpf_program__attach(prog);
	if (c->link)
		return 0;
	err = -errno;
	mark_load_error(c, "kernel refused to attach", err);
	return err;
}

/* The program at offset off of the cell's skeleton (scenario.progs, .aside); NULL for 0. */
static struct bpf_program *skel_prog(const struct cell *c, size_t off)
{
	return off ? *(struct bpf_program **)((char *)c->skel + off) : NULL;
}

/* The scenario's aside program on its hook, for the whole cell. */
static int attach_aside(struct cell *c, struct bpf_program *aside)
{
	int err;

	if (!aside)
		return 0;
	c->aside_link = bpf_program__attach(aside);
	if (c->aside_link)
		return 0;
	err = -errno;
	c->status = LS_FAILED;
	snprintf(c->reason, sizeof(c->reason), "kernel refused to attach %s: %s",
		 bpf_program__section_name(aside), strerror(-err));
	return err;
}

int ls_obj_load_attach(struct cell *c, struct bpf_object *obj)
{
	struct bpf_program *prog, *want = skel_prog(c, c->sc->progs[c->mode]),
				  *aside = skel_prog(c, c->sc->aside);
	struct bpf_map *map;
	char why[160];
	int err;

	bpf_object__for_each_program(prog, obj)
		bpf_program__set_autoload(prog, prog == want || (want && prog == aside));
	if (!want && ls_scenario_has_prog(c->sc)) {
		c->status = LS_FAILED;
		snprintf(c->reason, sizeof(c->reason), "no BPF program in %s mode",
			 ls_mode_name(c->mode));
		return -ENOENT;
	}
	err = want ? ls_probe_hook(want, why, sizeof(why)) : 0;
	if (err)
		return mark_refused_hook(c, want, err, why);
	/* a load that fails after its probe passed: lsbench's failure, tested */
	map = ls_fault("badload") ? bpf_object__find_map_by_name(obj, "counters") : NULL;
	if (map)
		bpf_map__set_max_entries(map, 0);
	log_len = 0;
	log_buf[0] = 0;
	err = bpf_object__load(obj);
	if (err) {
		mark_load_error(c, "kernel refused to load", err);
		return err;
	}
	if (!want)
		return 0; /* maps only, for operations from user space */
	c->prog_fd = bpf_program__fd(want);
	err = c->type->attach == LS_ATTACH_ONE ? attach(c, want) : 0;
	err = err ?: attach_aside(c, aside);
	if (err)
		return err;
	map = bpf_object__find_map_by_name(obj, "op_hist");
	c->op_hist_fd = map ? bpf_map__fd(map) : -1;
	map = bpf_object__find_map_by_name(obj, "timer_hist");
	c->timer_hist_fd = map ? bpf_map__fd(map) : -1;
	map = bpf_object__find_map_by_name(obj, "counters");
	c->counters_fd = map ? bpf_map__fd(map) : -1;
	if (c->counters_fd < 0) {
		c->status = LS_FAILED;
		snprintf(c->reason, sizeof(c->reason), "BPF object has no counters map");
		return -ENOENT;
	}
	map = c->mode == LS_MODE_HOOK ? NULL : bpf_object__find_map_by_name(obj, "trig_ends");
	c->trig_ends_fd = map ? bpf_map__fd(map) : -1;
	return 0;
}

/* Every CPU's counters at @fd, in an array the caller frees; NULL with errno set. */
static struct ls_counters *read_per_cpu(int fd, int *ncpu)
{
	struct ls_counters *per_cpu;
	__u32 key = 0;

	*ncpu = libbpf_num_possible_cpus();
	if (*ncpu < 0) {
		errno = -*ncpu;
		return NULL;
	}
	per_cpu = calloc(*ncpu, sizeof(*per_cpu));
	if (per_cpu && bpf_map_lookup_elem(fd, &key, per_cpu)) {
		free(per_cpu);
		return NULL;
	}
	return per_cpu;
}

int ls_counters_read_cpu(int fd, int cpu, struct ls_counters *out)
{
	int ncpu;
	struct ls_counters *per_cpu = read_per_cpu(fd, &ncpu);

	if (!per_cpu)
		return -errno;
	if (cpu >= 0 && cpu < ncpu)
		*out = per_cpu[cpu];
	free(per_cpu);
	return cpu >= 0 && cpu < ncpu ? 0 : -EINVAL;
}

/* The whole per-CPU histogram at fd in one call (kernels from 5.6); -errno when it cannot. */
static int hist_read_batch(int fd, __u32 *keys, __u64 *vals)
{
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	__u32 out, count = LS_BPF_HIST_BUCKETS;
	int err = bpf_map_lookup_batch(fd, NULL, &out, keys, vals, &count, &opts);

	/* ENOENT: the end of the map reached, every element read */
	if (err && errno != ENOENT)
		return -errno;
	return count == LS_BPF_HIST_BUCKETS ? 0 : -EIO;
}

/* The same, key by key. */
static int hist_read_keys(int fd, int ncpu, __u32 *keys, __u64 *vals)
{
	__u32 key;

	for (key = 0; key < LS_BPF_HIST_BUCKETS; key++) {
		keys[key] = key;
		if (bpf_map_lookup_elem(fd, &key, vals + (size_t)key * ncpu))
			return -errno;
	}
	return 0;
}

int ls_bpf_hist_read(int fd, struct ls_hist *h)
{
	int i, ncpu = libbpf_num_possible_cpus(), err = -ENOMEM;
	__u32 *keys, k;
	__u64 *vals;

	if (ncpu < 0)
		return ncpu;
	keys = calloc(LS_BPF_HIST_BUCKETS, sizeof(*keys));
	vals = calloc((size_t)LS_BPF_HIST_BUCKETS * ncpu, sizeof(*vals));
	if (keys && vals) {
		err = hist_read_batch(fd, keys, vals);
		if (err)
			err = hist_read_keys(fd, ncpu, keys, vals);
	}
	for (k = 0; !err && k < LS_BPF_HIST_BUCKETS; k++) {
		if (keys[k] >= LS_BPF_HIST_BUCKETS)
			continue;
		for (i = 0; i < ncpu; i++)
			h->count[keys[k]] += vals[(size_t)k * ncpu + i];
	}
	free(keys);
	free(vals);
	return err;
}

int ls_map_info(int fd, struct bpf_map_info *info)
{
	__u32 len = sizeof(*info);

	memset(info, 0, sizeof(*info));
	return bpf_obj_get_info_by_fd(fd, info, &len) ? -errno : 0;
}

int ls_counters_read(int fd, struct ls_counters *sum)
{
	int i, ncpu;
	struct ls_counters *per_cpu = read_per_cpu(fd, &ncpu);

	if (!per_cpu)
		return -errno;
	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < ncpu; i++)
		ls_counters_add(sum, &per_cpu[i]);
	free(per_cpu);
	return 0;
}
