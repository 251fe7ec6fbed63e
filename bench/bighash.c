// SPDX-License-Identifier: GPL-2.0
/* The random-key hash control's maps (bighash.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include "bighash.h"
#include "cellrun.h"
#include "paths.h"
#include "scenarios.h"

/*
 * Bytes a preallocated element of an int-keyed, int-valued hash map takes
 * at most: the element (its header, key and value, each rounded to 8) and
 * its bucket, with room to spare.
 */
#define LS_BIG_HASH_ELEM_BYTES 128ULL
/* Keys per bpf(BPF_MAP_UPDATE_BATCH) call. */
#define LS_FILL_CHUNK 65536

int ls_big_hash_room(struct cell *c)
{
	unsigned long long need =
		(unsigned long long)c->nr_maps * LS_BIG_HASH_ENTRIES * LS_BIG_HASH_ELEM_BYTES;
	unsigned long long avail = ls_file_scan("/proc/meminfo", "MemAvailable: %lf kB") * 1024;

	if (!(c->sc->arg & LS_ARG_BIG_HASH) || need <= avail / 2)
		return 0;
	return ls_cell_fail(c, -ENOMEM,
			    "%u maps of %u keys need up to %llu MiB, more than half the %llu "
			    "MiB available",
			    c->nr_maps, LS_BIG_HASH_ENTRIES, need >> 20, avail >> 20);
}

/* Keys and values from..from+n-1 into map fd, in one batch. */
static int fill_chunk(int fd, int *keys, int *vals, __u32 from, __u32 n)
{
	LIBBPF_OPTS(bpf_map_batch_opts, opts);
	__u32 i, count = n;

	for (i = 0; i < n; i++)
		keys[i] = vals[i] = from + i;
	if (bpf_map_update_batch(fd, keys, vals, &count, &opts))
		return -errno;
	return count == n ? 0 : -EIO;
}

int ls_big_hash_fill(struct cell *c)
{
	int *keys, *vals, err = 0;
	unsigned int m;
	__u32 from;

	if (!(c->sc->arg & LS_ARG_BIG_HASH))
		return 0;
	keys = malloc(LS_FILL_CHUNK * sizeof(*keys));
	vals = malloc(LS_FILL_CHUNK * sizeof(*vals));
	if (!keys || !vals)
		err = ls_cell_fail(c, -ENOMEM, "out of memory");
	for (m = 0; !err && m < c->nr_inner; m++) {
		for (from = 0; !err && from < LS_BIG_HASH_ENTRIES; from += LS_FILL_CHUNK) {
			if (ls_interrupted)
				err = ls_cell_fail(c, -EINTR, "interrupted while filling its maps");
			else if ((err = fill_chunk(c->inner_fds[m], keys, vals, from,
						   LS_FILL_CHUNK)))
				ls_cell_fail(c, err, "filling map %u at key %u: %s", m + 1, from,
					     strerror(-err));
		}
	}
	free(keys);
	free(vals);
	return err;
}
