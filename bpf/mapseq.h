/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The order in which a map-count cell visits its maps, as the kernel's
 * local-storage bench does: a step visits the maps in turn (seq-get), and
 * interleaved (int-get) a step that visited a map whose index is a multiple
 * of 3 visits map 0 again, in the same bpf_loop iteration. Shared by the BPF
 * programs, the runner's cross-check (how many extra visits a run made) and
 * the unit test that checks both against the kernel's loop; like lsbench.h,
 * no includes.
 */
#ifndef LSBENCH_MAPSEQ_H
#define LSBENCH_MAPSEQ_H

/* The next step's map, 0..nr_maps-1. */
struct ls_mapseq {
	__u32 m;
};

/* The map of the next step. */
static inline __attribute__((always_inline)) __u32 ls_mapseq_next(struct ls_mapseq *s,
								  __u32 nr_maps)
{
	__u32 m = s->m;

	s->m = m + 1 >= nr_maps ? 0 : m + 1;
	return m;
}

/* Where the order stands after steps steps, so that each trigger goes on where the last left off.
 */
static inline __attribute__((always_inline)) void ls_mapseq_at(struct ls_mapseq *s, __u64 steps,
							       __u32 nr_maps)
{
	s->m = steps % nr_maps;
}

/* Interleaved: whether the step that visited map m visits map 0 again. */
static inline __attribute__((always_inline)) int ls_mapseq_extra(__u32 m)
{
	return m % 3 == 0;
}

/* Interleaved: the extra visits of the first steps steps, from step 0. */
static inline __u64 ls_mapseq_extras(__u64 steps, __u32 nr_maps)
{
	__u64 rest = steps % nr_maps;

	return steps / nr_maps * ((nr_maps + 2) / 3) + (rest + 2) / 3;
}

#endif /* LSBENCH_MAPSEQ_H */
