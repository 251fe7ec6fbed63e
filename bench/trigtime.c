// SPDX-License-Identifier: GPL-2.0
/* A loop-mode repetition timed between trigger ends (trigtime.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "trigtime.h"

/* Every CPU's stamp at fd into all[0..ncpu); 0 or -errno. */
static int ends_read_all(int fd, struct ls_trig_end *all)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(fd, &key, all) ? -errno : 0;
}

static bool ends_agree(const struct ls_trig_end *a, const struct ls_trig_end *b, const int *cpus,
		       unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (a[cpus[i]].ops != b[cpus[i]].ops || a[cpus[i]].ns != b[cpus[i]].ns)
			return false;
	}
	return true;
}

int ls_trig_ends_read(int fd, const int *cpus, unsigned int n, struct ls_trig_end *ends)
{
	int ncpu = libbpf_num_possible_cpus(), err, tries;
	struct ls_trig_end *prev, *cur;
	unsigned int i;

	if (ncpu < 0)
		return ncpu;
	for (i = 0; i < n; i++) {
		if (cpus[i] < 0 || cpus[i] >= ncpu)
			return -EINVAL;
	}
	prev = calloc(2 * (size_t)ncpu, sizeof(*prev));
	if (!prev)
		return -ENOMEM;
	cur = prev + ncpu;
	err = ends_read_all(fd, prev);
	for (tries = 1; !err && tries < LS_TRIG_READS_MAX; tries++) {
		err = ends_read_all(fd, cur);
		if (err || ends_agree(prev, cur, cpus, n))
			break;
		memcpy(prev, cur, ncpu * sizeof(*cur));
	}
	/* out of tries, the last read is kept: at worst one trigger off, as the clock is */
	for (i = 0; !err && i < n; i++)
		ends[i] = cur[cpus[i]];
	free(prev);
	return err;
}

bool ls_trig_rep(const struct ls_trig_end *e0, const struct ls_trig_end *e1, unsigned int n,
		 __u64 *ops, double *secs)
{
	double rate = 0;
	__u64 sum = 0, d;
	unsigned int i;

	if (!n)
		return false;
	for (i = 0; i < n; i++) {
		if (!e0[i].ns || e1[i].ops <= e0[i].ops || e1[i].ns <= e0[i].ns)
			return false;
		d = e1[i].ops - e0[i].ops;
		sum += d;
		rate += d / (double)(e1[i].ns - e0[i].ns);
	}
	*ops = sum;
	*secs = sum / rate / 1e9;
	return true;
}
