/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The order in which a map-count cell visits its maps, as the kernel's
 * local-storage bench does: bpf_loop's iteration i visits map i % nr_maps
 * (seq-get), and interleaved (int-get) an iteration that visited a map whose
 * index is a multiple of 3 visits map 0 again. Each trigger starts from 0, as
 * there. Shared by the BPF programs, the runner's cross-check (how many extra
 * visits and visits of map 0 a run made) and the unit test that checks them
 * against the kernel's loop; like lsbench.h, no includes.
 */
#ifndef LSBENCH_MAPSEQ_H
#define LSBENCH_MAPSEQ_H

/* The map of iteration idx: a division, as in the kernel's loop. */
static inline __attribute__((always_inline)) __u32 ls_mapseq_map(__u32 idx, __u32 nr_maps)
{
	return idx % nr_maps;
}

/* Interleaved: m % 3; the iteration that visited map m visits map 0 again when it is 0. */
static inline __attribute__((always_inline)) __u32 ls_mapseq_rem(__u32 m)
{
	return m % 3;
}

/* Interleaved: whether the iteration that visited map m visits map 0 again. */
static inline __attribute__((always_inline)) int ls_mapseq_extra(__u32 m)
{
	return ls_mapseq_rem(m) == 0;
}

/* Interleaved: the extra visits of iterations 0 to steps - 1. */
static inline __u64 ls_mapseq_extras(__u64 steps, __u32 nr_maps)
{
	__u64 rest = steps % nr_maps;

	return steps / nr_maps * ((nr_maps + 2) / 3) + (rest + 2) / 3;
}

/* The visits of map 0 in iterations 0 to steps - 1, interleaved or not. */
static inline __u64 ls_mapseq_map0(__u64 steps, __u32 nr_maps, int interleave)
{
	return (steps + nr_maps - 1) / nr_maps +
	       (interleave ? ls_mapseq_extras(steps, nr_maps) : 0);
}

#endif /* LSBENCH_MAPSEQ_H */
