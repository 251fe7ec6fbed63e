// SPDX-License-Identifier: GPL-2.0
/* Which runs measured the same thing: the key that pools runs as rounds. */
#include <stdio.h>
#include <string.h>
#include "bpfsrc.h"
#include "identity.h"

const char *ls_bpf_sources(void)
{
	return LSBENCH_BPF_SOURCES;
}

/* FNV-1a, 64 bits, over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--) {
		h ^= *c++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s, strlen(s) + 1);
}

static uint64_t fnv_list(uint64_t h, const unsigned int *v, size_t n)
{
	h = fnv(h, &n, sizeof(n));
	return fnv(h, v, n * sizeof(*v));
}

uint64_t ls_measure_key(const struct ls_run_opts *o)
{
	char flags[160];
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	h = fnv_str(h, ls_bpf_sources());
	for (i = 0; i < o->nr_globs; i++)
		h = fnv_str(h, o->globs[i]);
	snprintf(flags, sizeof(flags), "w%g d%g r%u m%x s%x i%u %d%d%d%d%d%d", o->warmup_s,
		 o->duration_s, o->repetitions, o->modes, o->sharings, o->loop_iters, o->bpf_stats,
		 o->latency, o->bpf_latency, o->perf, o->overhead, o->profile);
	h = fnv_str(h, flags);
	/* added later: hashed only when set, so that the keys of runs without them stay */
	if (o->slowdown_pct) {
		snprintf(flags, sizeof(flags), "slowdown %u", o->slowdown_pct);
		h = fnv_str(h, flags);
	}
	if (o->full)
		h = fnv_str(h, "full");
	h = fnv_list(h, o->cpu_counts, o->nr_cpu_counts);
	h = fnv_list(h, o->objects, o->nr_objects);
	h = fnv_list(h, o->maps, o->nr_maps);
	return fnv_list(h, o->value_sizes, o->nr_value_sizes);
}
