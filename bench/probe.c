// SPDX-License-Identifier: GPL-2.0
/*
 * Probes before loads, as libbpf-tools does (probe_tp_btf, fentry_can_attach):
 * what the kernel refuses is found with a trivial program, so that a cell's
 * own load failing afterwards is a failure of lsbench's, said loudly.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "probe.h"

/* A section's answer, kept for the run. */
struct probe_result {
	char *section;
	int err;
	char why[160];
};

/*
 * Every section asked about so far, none ever dropped: lsbench's objects have
 * a few dozen sections at most, so the cache grows to hold them all. Probes
 * run on the runner's thread only.
 */
static struct probe_result *cache;
static size_t nr_cached, cap_cached;

/* Programs whose target is a kernel function or tracepoint found in its BTF. */
static bool needs_btf_target(enum bpf_prog_type type)
{
	return type == BPF_PROG_TYPE_TRACING || type == BPF_PROG_TYPE_LSM;
}

/* The return value the verifier takes from every program of the type. */
static int trivial_ret(enum bpf_prog_type type)
{
	switch (type) {
	case BPF_PROG_TYPE_CGROUP_SKB:
	case BPF_PROG_TYPE_CGROUP_SOCKOPT:
	case BPF_PROG_TYPE_CGROUP_SOCK:
	case BPF_PROG_TYPE_CGROUP_SOCK_ADDR:
	case BPF_PROG_TYPE_SOCK_OPS:
		return 1;
	default:
		return 0;
	}
}

static int probe(const void *arg, char *why, size_t len)
{
	const struct bpf_program *prog = arg;
	enum bpf_prog_type type = bpf_program__type(prog);
	enum bpf_attach_type at = bpf_program__expected_attach_type(prog);
	const char *sec = bpf_program__section_name(prog), *target = strchr(sec, '/');
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K,
		  .dst_reg = BPF_REG_0,
		  .imm = trivial_ret(type) },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	LIBBPF_OPTS(bpf_prog_load_opts, opts, .expected_attach_type = at);
	int fd, link, err;

	if (needs_btf_target(type)) {
		err = target ? libbpf_find_vmlinux_btf_id(target + 1, at) : -EINVAL;
		if (err < 0) {
			snprintf(why, len, "no %s in the kernel's BTF", target ? target + 1 : sec);
			return err;
		}
		opts.attach_btf_id = err;
	}
	fd = bpf_prog_load(type, NULL, "GPL", insns, 2, &opts);
	if (fd < 0) {
		err = -errno;
		snprintf(why, len, "a trivial %s program is refused at load: %s", sec,
			 strerror(errno));
		return err;
	}
	if (!needs_btf_target(type)) {
		close(fd);
		return 0;
	}
	link = bpf_link_create(fd, 0, at, NULL);
	err = link < 0 ? -errno : 0;
	if (err)
		snprintf(why, len, "a trivial %s program is refused at attach: %s", sec,
			 strerror(-err));
	else
		close(link);
	close(fd);
	return err;
}

/* A new entry of the cache for section, its answer to fill; NULL when out of memory. */
static struct probe_result *remember(const char *section)
{
	size_t cap = cap_cached ? 2 * cap_cached : 16;
	struct probe_result *grown, *r;

	if (nr_cached == cap_cached) {
		grown = realloc(cache, cap * sizeof(*grown));
		if (!grown)
			return NULL;
		cache = grown;
		cap_cached = cap;
	}
	r = &cache[nr_cached];
	*r = (struct probe_result){ .section = strdup(section) };
	if (!r->section)
		return NULL;
	nr_cached++;
	return r;
}

int ls_probe_once(const char *section, ls_probe_fn fn, const void *arg, char *why, size_t len)
{
	struct probe_result fresh = {}, *r;
	size_t i;

	for (i = 0; i < nr_cached; i++) {
		if (!strcmp(cache[i].section, section)) {
			snprintf(why, len, "%s", cache[i].why);
			return cache[i].err;
		}
	}
	r = remember(section) ?: &fresh; /* out of memory: answered, not kept */
	r->err = fn(arg, r->why, sizeof(r->why));
	snprintf(why, len, "%s", r->why);
	return r->err;
}

int ls_probe_hook(const struct bpf_program *prog, char *why, size_t len)
{
	return ls_probe_once(bpf_program__section_name(prog), probe, prog, why, len);
}
